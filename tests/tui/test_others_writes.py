"""The review screen and another writer on the same article: a `reader tag` run between two key
presses is merged into the screen's next save field by field, and shown on the screen."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.store import TagStore
from tests.review import sample
from tests.tui.conftest import IDS, Notices, press, ready, screen_text

ROOT = Path(__file__).resolve().parents[2]
SID = IDS[3]  # "it had no information about sabotage": the engine gives it this id too


def _reader(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # the same reviewer as the screen's (READER_REVIEWER, as every test runs), in another process
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


async def test_a_tag_written_by_the_command_line_between_two_keys_is_kept_and_shown(make_app, store, tmp_path):
    """The attack: the screen never re-read and saved whole records, so a note and grades that
    `reader tag` wrote while it was open were lost at its next save of that statement."""
    story = tmp_path / "harbour.txt"
    story.write_text(sample.TEXT, encoding="utf-8")
    app = make_app(sample.article(path=str(story)))
    notices = Notices()
    async with app.run_test(size=(120, 40), message_hook=notices.hook) as pilot:
        await ready(pilot)
        await press(pilot, "end", "1")  # the reviewer tags the last statement official
        assert store.tags(sample.article().id)[SID].category == "official"

        other = _reader("--db", store.root, "tag", story, SID, "official", "--note", "called the office",
                        "--reliability", "B", "--credibility", "2")
        assert other.returncode == 0, other.stderr

        await press(pilot, "end", "2")  # ... and, a moment later, changes it to intelligence
        saved = TagStore(store.root, "tester").tags(sample.article().id)[SID]
        assert (saved.category, saved.note, saved.reliability, saved.credibility) == (
            "intelligence", "called the office", "B", "2")
        session = app.screen.session
        assert session.tag(SID) == saved  # the screen holds what is saved
        await press(pilot, "end")
        assert "intelligence   B2 (usually reliable" in screen_text(app)  # and shows the grades written elsewhere
        assert notices.said("changed in another window or by a command")

        await press(pilot, "u")  # undo takes back the reviewer's own change, and only that
        undone = TagStore(store.root, "tester").tags(sample.article().id)[SID]
        assert (undone.category, undone.note, undone.reliability) == ("official", "called the office", "B")


async def test_a_change_made_elsewhere_is_shown_when_the_terminal_gets_the_focus_back(make_app, store, tmp_path):
    story = tmp_path / "harbour.txt"
    story.write_text(sample.TEXT, encoding="utf-8")
    app = make_app(sample.article(path=str(story)))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.screen.session.tag(SID) is None
        other = _reader("--db", store.root, "tag", story, SID, "eyewitness", "--note", "seen from the quay")
        assert other.returncode == 0, other.stderr
        from textual import events

        app.post_message(events.AppFocus())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.session.tag(SID).category == "eyewitness"
        await press(pilot, "end")
        assert "tag:  eyewitness" in screen_text(app)


async def test_on_a_server_the_refresh_key_shows_what_the_same_reviewer_saved_in_another_window(
        make_app, server_db, tmp_path):
    """Two windows of one reviewer on a desk's server: the later write wins, and the first window
    shows it when the reviewer presses ctrl+s (everything of its own being saved)."""
    story = tmp_path / "harbour.txt"
    story.write_text(sample.TEXT, encoding="utf-8")
    mine = TagStore(server_db, "tester")
    app = make_app(sample.article(path=str(story)), store=mine)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "end", "1")  # this window tags the last statement official
        await app.workers.wait_for_complete()
        other_window = TagStore(server_db, "tester")
        statement = next(s for s in sample.statements() if s.id == SID)
        other_window.set_tag(sample.article().id, statement, "eyewitness", note="seen from the quay")  # later
        assert app.screen.session.tag(SID).category == "official"  # not yet shown
        await press(pilot, "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (app.screen.session.tag(SID).category, app.screen.session.tag(SID).note) == (
            "eyewitness", "seen from the quay")
        await press(pilot, "end")
        assert "tag:  eyewitness" in screen_text(app)
    assert mine.tags(sample.article().id)[SID].category == "eyewitness"
