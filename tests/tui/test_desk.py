"""The review screen at a desk: another reviewer's tags on the detail line, ≠ in the list where
reviewers differ, the "disagreements" filter, and settling with a category, undoable."""
from __future__ import annotations

from reader.store import TagStore
from tests.review import sample
from tests.tui.conftest import IDS, press, ready, screen_text


def _bob_tags(store: TagStore) -> None:
    """bob tagged statements 1 and 2 before the screen opened."""
    article, statements = sample.article(), sample.statements()
    bob = TagStore(store.root, "bob")
    bob.register(article, statements)
    bob.set_tag(article.id, statements[0], "official")
    bob.set_tag(article.id, statements[1], "intelligence")


async def test_others_tags_show_and_a_difference_is_settled_and_undone(make_app, store):
    _bob_tags(store)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "home", "1", "home", "down", "1")  # tester: official on both
        session = app.screen.session
        assert not session.differ(IDS[0]) and session.differ(IDS[1]) and session.disputed(IDS[1])
        lines = screen_text(app).splitlines()
        assert any("≠" in line for line in lines), "\n".join(lines)  # the list marks the difference
        await press(pilot, "home", "down")
        shown = screen_text(app)
        assert "others: bob intelligence" in shown, shown  # the detail line

        def key_bar() -> str:
            return screen_text(app).splitlines()[-1]

        assert "= settle" not in key_bar()
        await press(pilot, "f", "r")  # only what the reviewers dispute, and the key that settles them
        assert [s.id for s in session.visible()] == [IDS[1]]
        assert "= settle" in key_bar() and "⏎ accept" in key_bar()
        await press(pilot, "equals_sign")
        dialog = screen_text(app)
        assert "Settle as which category?" in dialog and "(bob)" in dialog and "(tester)" in dialog
        await press(pilot, "2")  # settle as intelligence
        resolution = store.article_state(sample.article().id).resolutions[IDS[1]]
        assert (resolution.category, resolution.by) == ("intelligence", "tester")
        assert session.visible() == []  # settled: no longer disputed
        assert store.tags(sample.article().id, "bob")[IDS[1]].category == "intelligence"  # tags untouched
        assert store.tags(sample.article().id)[IDS[1]].category == "official"

        await press(pilot, "u")  # a resolution is undone like any change
        assert IDS[1] not in store.article_state(sample.article().id).resolutions
        assert [s.id for s in session.visible()] == [IDS[1]]
        await press(pilot, "f", "a")  # every statement again: settling is no longer offered below
        assert "= settle" not in key_bar()
