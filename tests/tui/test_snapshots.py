"""What the review screen looks like, at the sizes the issue names, in both themes.

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the report before committing the new SVGs."""
from __future__ import annotations

import pytest

from tests.tui.conftest import ready


async def _tag_first_and_select_second(pilot) -> None:
    await ready(pilot)
    await pilot.press("1", "k", "g", "b", "2", "enter", "j")  # #1 tagged with grades, #2 untagged (suggestion)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
def test_main_screen(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_tag_first_and_select_second)


def test_main_screen_light_theme(snap_compare, make_app):
    app = make_app()
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(80, 24), run_before=_tag_first_and_select_second)
