"""The review screen driven as a reviewer would: keys, clicks, dialogs, saves, reopening."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from textual.widgets import Input

from reader.errors import ReaderError
from reader.store import TagStore
from reader.tui.article_view import GUTTER, ArticleView
from reader.tui.dialogs.confirm import UnsavedDialog
from reader.tui.dialogs.export import ExportDialog
from reader.tui.dialogs.grades import GradesDialog
from reader.tui.dialogs.help import HelpDialog
from reader.tui.dialogs.note import NoteDialog
from reader.tui.dialogs.prompt import PromptDialog
from tests.review import sample
from tests.tui.conftest import IDS, Notices, press, ready, screen_text

AID = sample.article().id
TEXT = sample.TEXT


def tags_on_disk(store: TagStore) -> dict[str, str]:
    return {sid: tag.category for sid, tag in store.tags(AID).items()}


async def test_opens_with_title_progress_and_every_statement(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Harbour bridge reopens after storm repairs" in text.splitlines()[0]
        assert "0/4 tagged" in text
        for speaker in ("Lena Hartmann", "Tomas Reyes", "@eastmere_watch"):
            assert speaker in text
        assert "official?" in text  # the first statement's suggestion, dim, with a question mark
        assert app.screen.selected_id == IDS[0]


async def test_category_keys_tag_and_save_at_once_one_key_per_statement(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "1", "2", "3", "4")  # each tag moves on to the next untagged statement
        assert tags_on_disk(store) == {IDS[0]: "official", IDS[1]: "intelligence", IDS[2]: "eyewitness",
                                       IDS[3]: "social media"}
        assert "4/4 tagged" in screen_text(app)


async def test_enter_accepts_the_suggestion_and_x_clears(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "down", "enter")
        assert tags_on_disk(store) == {IDS[1]: "eyewitness"}
        await press(pilot, "k", "x")
        assert tags_on_disk(store) == {}


async def test_moving_selects_highlights_and_scrolls_the_article(make_app, config, store):
    filler = "\n".join(f"Paragraph {n} of background that nobody is quoted in." for n in range(200))
    text = sample.TEXT + filler + "\n" + '"We will be back next year," said Ada Quill.\n'
    statements = sample.statements(text)
    start = text.index("We will be back")
    from reader.attribution import Statement, statement_id

    words = "We will be back next year"
    statements.append(Statement(statement_id(words), start, start + len(words), words, "Ada Quill",
                                text.index("Ada Quill"), text.index("Ada Quill") + 9, "said", "direct",
                                None, None))
    app = make_app(sample.article(text), statements)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        await press(pilot, "end")
        assert app.screen.selected_id == statements[-1].id
        selected = view._selected
        assert (selected.start, selected.end) == (start, start + len(words))
        assert (selected.speaker_start, selected.speaker_end) == (text.index("Ada Quill"), text.index("Ada Quill") + 9)
        assert view.scroll_y > 100  # the article scrolled down to the statement
        assert "We will be back" in screen_text(app)
        await press(pilot, "home")
        assert app.screen.selected_id == IDS[0] and view.scroll_y == 0
        await press(pilot, "j", "j", "k")
        assert app.screen.selected_id == IDS[1]
        await press(pilot, "down", "up", "up")
        assert app.screen.selected_id == IDS[0]


async def test_page_down_scrolls_the_article(make_app):
    text = sample.TEXT + "\n".join(f"Line {n} of filler text for scrolling." for n in range(300)) + "\n"
    app = make_app(sample.article(text), sample.statements(text))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        await press(pilot, "pagedown")
        first = view.scroll_y
        assert first >= view.scrollable_content_region.height - 1
        await press(pilot, "space")
        assert view.scroll_y > first
        await press(pilot, "pageup")
        assert view.scroll_y == first


async def test_clicking_a_row_or_a_highlight_selects_that_statement(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.click("#statements", offset=(5, 2))  # the second statement's first line (two per row)
        await pilot.pause()
        rows = app.screen.listing
        clicked = rows.rows[2 // rows.row_height].id
        assert app.screen.selected_id == clicked
        view = app.screen.query_one(ArticleView)
        offset = TEXT.index("deck groan")
        line = view.layout_lines.line_of(offset)
        column = offset - view.layout_lines.starts[line]
        await pilot.click("#article", offset=(column + GUTTER + 1, line))
        await pilot.pause()
        assert app.screen.selected_id == IDS[1]


async def test_note_dialog_saves_and_escape_cancels(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "n")
        assert not isinstance(app.screen, NoteDialog)  # untagged: notes belong to a tag
        await press(pilot, "1", "k", "n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"seen on TV")
        await press(pilot, "ctrl+s")
        assert store.tags(AID)[IDS[0]].note == "seen on TV"
        assert "seen on TV" in screen_text(app)
        await press(pilot, "n")
        await pilot.press(*" again")
        await press(pilot, "escape")
        assert store.tags(AID)[IDS[0]].note == "seen on TV"


async def test_grades_dialog_sets_letter_and_digit(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "1", "k", "g")
        assert isinstance(app.screen, GradesDialog)
        await press(pilot, "b", "2", "enter")
        tag = store.tags(AID)[IDS[0]]
        assert (tag.reliability, tag.credibility) == ("B", "2")
        assert "B2" in screen_text(app)
        await press(pilot, "g", "backspace", "enter")
        tag = store.tags(AID)[IDS[0]]
        assert (tag.reliability, tag.credibility) == (None, None)


async def test_undo_and_redo_walk_back_through_every_kind_of_change(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "1", "k", "g", "a", "1", "enter", "j", "d", "k", "s")
        await pilot.press("home", *"Dr ")
        await press(pilot, "enter")
        session = app.screen.session
        assert session.statement(IDS[0]).speaker == "Dr Lena Hartmann"
        await press(pilot, "u")  # speaker
        assert store.edits(AID).speakers == {}
        await press(pilot, "ctrl+z")  # dismissal
        assert store.edits(AID).dismissed == frozenset()
        await press(pilot, "u")  # grades
        assert store.tags(AID)[IDS[0]].reliability is None
        await press(pilot, "u")  # tag
        assert tags_on_disk(store) == {}
        await press(pilot, "ctrl+y", "ctrl+y", "ctrl+y")
        assert store.tags(AID)[IDS[0]].reliability == "A"
        assert store.edits(AID).dismissed == frozenset({IDS[1]})
        assert app.screen.selected_id == IDS[1]  # redo shows what it redid


async def test_filter_untagged_category_and_all(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "1", "f", "u")
        assert [r.id for r in app.screen.listing.rows] == IDS[1:]
        assert "filter: untagged" in screen_text(app)
        await press(pilot, "enter")  # tagging under "untagged" moves on to the next one
        assert [r.id for r in app.screen.listing.rows] == IDS[2:]
        assert app.screen.selected_id == IDS[2]
        await press(pilot, "f", "1")
        assert [r.id for r in app.screen.listing.rows] == [IDS[0]]
        await press(pilot, "f", "a")
        assert [r.id for r in app.screen.listing.rows] == IDS


async def test_filter_by_speaker_note_or_dismissed(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "f", "s")  # the selected statement's speaker
        assert [r.id for r in app.screen.listing.rows] == [IDS[1]]
        assert "filter: speaker Tomas Reyes" in screen_text(app)
        await press(pilot, "f", "a", "3", "k", "n")
        await pilot.press(*"called back")
        await press(pilot, "ctrl+s", "j", "j", "d", "f", "n")
        assert [r.id for r in app.screen.listing.rows] == [IDS[1]]
        await press(pilot, "f", "d")
        assert [r.id for r in app.screen.listing.rows] == [IDS[3]]


async def test_search_highlights_and_walks_matches(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        await press(pilot, "/")
        await pilot.press(*"BRIDGE")
        await press(pilot, "enter")
        matches = [i for i in range(len(TEXT)) if TEXT.lower().startswith("bridge", i)]
        assert view._current_match == (matches[0], matches[0] + 6)
        await press(pilot, "]")
        assert view._current_match == (matches[1], matches[1] + 6)
        await press(pilot, "[", "[")
        assert view._current_match == (matches[-1], matches[-1] + 6)  # wraps around
        assert app.screen.selected_id == IDS[0]  # a match outside any statement leaves the selection
        await press(pilot, "/", "ctrl+u")
        await pilot.press(*"deck groan")
        await press(pilot, "enter")
        assert app.screen.selected_id == IDS[1]  # the statement at the match is selected
        await press(pilot, "/", "escape")
        assert view._search is None


async def test_add_a_statement_with_the_keyboard(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        await press(pilot, "a")
        assert view.marking
        target = TEXT.index("Traffic will")
        layout = view.layout_lines
        await pilot.press(*["j"] * (layout.line_of(target) - layout.line_of(view.caret)), "home")
        assert view.caret == target  # the paragraph starts the line
        await pilot.press("space", *["w"] * 8)
        await press(pilot, "enter")
        assert isinstance(app.screen, PromptDialog)
        await pilot.press(*"port")
        await press(pilot, "enter")
        added = store.edits(AID).added
        assert [s.text for s in added] == ["Traffic will return to normal by the weekend"]
        assert added[0].speaker == "port"
        assert app.screen.selected_id == added[0].id and not view.marking
        assert app.screen.session.number(added[0].id) == 5


async def test_add_a_statement_by_dragging_the_mouse(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        layout = view.layout_lines
        start, end = TEXT.index("Residents were"), TEXT.index(" less sure")
        line = layout.line_of(start)
        x0 = start - layout.starts[line] + GUTTER
        x1 = end - layout.starts[line] + GUTTER
        await pilot.mouse_down("#article", offset=(x0, line))
        await pilot.hover("#article", offset=(x1, line))
        await pilot.mouse_up("#article", offset=(x1, line))
        await pilot.pause()
        assert view.marked_range() is not None
        await press(pilot, "a")
        assert isinstance(app.screen, PromptDialog)
        assert app.screen.query_one(Input).value == "Tomas Reyes"  # the nearest statement's speaker, selected
        await press(pilot, "backspace", "enter")  # no speaker named
        added = store.edits(AID).added
        assert [s.text for s in added] == ["Residents were"] and added[0].speaker is None


async def test_edit_speaker_and_back_to_the_engines(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "j", "s")
        await pilot.press("ctrl+u", *"SIS")
        await press(pilot, "enter")
        assert store.edits(AID).speakers == {IDS[3]: "SIS"}
        assert "corrected" in screen_text(app)
        await press(pilot, "s", "ctrl+u", "enter")  # empty: the engine's speaker again
        assert store.edits(AID).speakers == {}


async def test_dismiss_keeps_the_statement_and_marks_it(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "d")
        assert store.edits(AID).dismissed == frozenset({IDS[2]})
        text = screen_text(app)
        assert "dismissed" in text and "0/3 tagged" in text
        assert len(app.screen.listing.rows) == 4
        await press(pilot, "d")
        assert store.edits(AID).dismissed == frozenset()


async def test_export_goes_to_the_exports_folder_and_says_where(make_app, store, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    app = make_app()
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await ready(pilot)
        await press(pilot, "1", "e")
        assert isinstance(app.screen, ExportDialog)
        await press(pilot, "enter")
        written = store.root / "exports" / "harbour-bridge-reopens-after-storm-repairs-tags.json"
        doc = json.loads(written.read_text(encoding="utf-8"))
        statements = doc["articles"][0]["statements"]
        assert statements[0]["tag"]["category"] == "official" and statements[1]["tag"] is None
        assert notices.said(f"Wrote the json export to {written}")
        assert list(here.iterdir()) == []  # nothing in the current folder


async def test_export_folder_from_the_config(make_app, config, tmp_path):
    from dataclasses import replace

    app = make_app(config=replace(config, exports_folder=tmp_path / "reports"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "e", "down", "down", "down", "enter")  # json, csv, yaml, md
        assert (tmp_path / "reports" / "harbour-bridge-reopens-after-storm-repairs-tags.md").is_file()


async def test_export_to_a_chosen_format_and_file(make_app, tmp_path):
    app = make_app()
    target = tmp_path / "out" / "review.csv"
    target.parent.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "1", "e", "down")  # json -> csv
        assert app.screen.query_one("#path", Input).value.endswith("-tags.csv")  # the name follows the format
        await pilot.press("tab")
        app.screen.query_one("#path", Input).value = str(target)  # as if typed
        await press(pilot, "enter")
        assert "official" in target.read_text(encoding="utf-8")


async def test_export_to_a_missing_folder_is_an_error_and_tags_stay_saved(make_app, store, tmp_path):
    app = make_app()
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await ready(pilot)
        await press(pilot, "1", "e", "tab")
        app.screen.query_one("#path", Input).value = str(tmp_path / "nowhere" / "x.json")
        await press(pilot, "enter")
        assert notices.said("does not exist", "error")
        await press(pilot, "2")  # saving goes on after a failed export
        assert tags_on_disk(store) == {IDS[0]: "official", IDS[1]: "intelligence"}


async def test_quit_and_reopen_shows_the_saved_tags(make_app, store, config):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "1", "enter", "k", "g", "c", "3", "enter")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    again = make_app(store=TagStore(store.root, "tester"))
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = screen_text(again)
        assert "2/4 tagged" in text
        assert [r.category for r in again.screen.listing.rows] == ["official", "eyewitness", None, None]
        assert again.screen.selected_id == IDS[1]  # where the reviewer left it (the one graded last)


async def test_reopening_lands_where_this_reviewer_left_in_another_process(make_app, store):
    """Each reviewer's place is kept in the tag database: a new process (a new store) opens
    the article there; another reviewer, who has not opened it, starts at the first untagged."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "1", "j", "j")  # tag #1, move on to #4 and leave
        assert app.screen.selected_id == IDS[3]
        await press(pilot, "q")
    assert store.article_state(sample.article().id).positions == {"tester": IDS[3]}
    again = make_app(store=TagStore(store.root, "tester"))
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert again.screen.selected_id == IDS[3] and again.screen.listing.current.id == IDS[3]
        await press(pilot, "home", "q")
    colleague = make_app(store=TagStore(store.root, "sam"))
    async with colleague.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert colleague.screen.selected_id == IDS[0]  # sam's first untagged: tester's tag is not sam's
        await press(pilot, "q")
    assert TagStore(store.root, "x").article_state(sample.article().id).positions == {
        "tester": IDS[0], "sam": IDS[0]}


class SlowReads(TagStore):
    """A tag database whose readings of an article, once `slow` is set, wait for `release` (a
    busy server), counted."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.slow, self.release, self.slow_reads = threading.Event(), threading.Event(), 0

    def article_state(self, article_id: str):
        if self.slow.is_set():
            self.slow_reads += 1
            self.release.wait(30)
        return super().article_state(article_id)


async def test_quit_waits_for_its_last_save_and_reads_nothing_more(make_app, store):
    """q waits for the save of where the reviewer left the article, then quits: it starts no
    reading of what others saved (on a slow server the quit would wait for it too), and the
    save's worker is not cut short by the quit (a race seen once under load)."""
    slow = SlowReads(store.root, "tester")
    app = make_app(store=slow)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await ready(pilot)
            await press(pilot, "1", "j")  # tag #1, move on to #3
            slow.slow.set()
            await press(pilot, "q")
    finally:
        slow.release.set()
    assert not app.is_running and slow.slow_reads == 0
    assert store.article_state(AID).positions == {"tester": IDS[2]}


async def test_help_lists_every_key(make_app):
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpDialog)
        rows = app.screen.rows()
        for spec in app.specs:
            assert (spec.group, spec.description) in {(g, d) for g, _, d in rows}, spec.id
        assert ("Tag", "1", "tag as official") in rows and ("App", "?, f1", "show every key") in rows
        assert ("Tag", "=", "settle a disagreement with a category (as adjudicator)") in rows
        assert ("Filter (f, then)", "r", "filter: disagreements: reviewers differ, not settled (at a desk)") in rows
        assert ("Filter (f, then)", "1", "filter: tagged official") in rows
        assert ("File", "^s", "retry saving unsaved changes; show what others saved") in rows
        assert ("Always", "^p", "command palette: every action by name") in rows
        marks = {key: does for group, key, does in rows if group == "Marks in the list"}
        assert set(marks) == {"!", "≠", "category?", "dismissed"} and "reviewers" in marks["≠"]
        text = screen_text(app)
        assert "next statement" in text and "accept the suggestion" in text
        await press(pilot, "escape")
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpDialog)


async def test_command_palette_lists_and_runs_every_action(make_app):
    from reader.tui.commands import ReviewCommands

    app = make_app()
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await ready(pilot)
        provider = ReviewCommands(app.screen)
        hits = [hit async for hit in provider.discover()]
        titles = [hit.text for hit in hits]
        expected = [s for s in app.specs if s.where in ("screen", "filter") and s.palette]
        assert len(titles) == len(expected) and "Tag as official" in titles and "Settle a disagreement" in " ".join(titles)
        untagged = next(hit for hit in hits if hit.text == "Filter: untagged only")
        assert "f then u" in str(untagged.help)  # the filter's choices: f, then their key
        await press(pilot, "ctrl+p")
        await pilot.press(*"untagged only")
        await pilot.pause()
        await press(pilot, "enter")
        assert app.screen.session.filter.kind == "untagged" and "untagged" in screen_text(app)
        await press(pilot, "f", "a")
        await press(pilot, "ctrl+p")
        await pilot.press(*"grad")
        await pilot.pause()
        await press(pilot, "enter")
        assert not isinstance(app.screen, GradesDialog) and notices.said("Tag this statement first")
        await press(pilot, "1", "k", "ctrl+p")
        await pilot.press(*"grad")
        await pilot.pause()
        await press(pilot, "enter")
        assert isinstance(app.screen, GradesDialog)


async def test_keys_can_be_remapped_from_config(make_app, config):
    from dataclasses import replace

    remapped = replace(config, keys={"tag_official": "o", "next": "n", "note": "ctrl+n"})
    app = make_app(config=remapped)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "n", "o")
        assert app.screen.session.tag(IDS[1]).category == "official"
        await press(pilot, "k", "1")  # the old key no longer tags
        assert app.screen.session.tag(IDS[1]).category == "official"
        await press(pilot, "ctrl+n")
        assert isinstance(app.screen, NoteDialog)


def test_an_unknown_action_id_or_a_clash_in_keys_is_a_clear_error(make_app, config, tmp_path):
    from dataclasses import replace

    source = tmp_path / "config.yaml"
    with pytest.raises(ReaderError, match=rf"{source}: keys.tag_offical is not an action"):
        make_app(config=replace(config, keys={"tag_offical": "o"}, source=source))
    with pytest.raises(ReaderError, match="given to both"):
        make_app(config=replace(config, keys={"accept": "x"}, source=source))


class FlakyStore(TagStore):
    broken = False

    def merge_tag(self, *args, **kwargs):  # the review session's one way to save a tag
        if self.broken:
            raise ReaderError(f"{self.root}: the disk is full.")
        return super().merge_tag(*args, **kwargs)


async def test_a_failed_save_is_shown_kept_and_retried(make_app, tmp_path):
    store = FlakyStore(tmp_path / "flaky", "tester")
    app = make_app(store=store)
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await ready(pilot)
        store.broken = True
        await press(pilot, "1", "k")
        assert notices.said("the disk is full", "error")
        text = screen_text(app)
        assert "1 unsaved" in text and "NOT SAVED YET" in text
        assert app.screen.listing.rows[0].unsaved and app.screen.session.tag(IDS[0]).category == "official"
        store.broken = False
        await press(pilot, "ctrl+s")
        assert tags_on_disk(store) == {IDS[0]: "official"}
        assert "unsaved" not in screen_text(app) and notices.said("Every change is saved now")
        await press(pilot, "j", "2")  # an ordinary save after that says nothing more
        assert sum(n.message == "Every change is saved now." for n in notices) == 1


async def test_quitting_with_an_unsaved_change_asks_first(make_app, tmp_path):
    store = FlakyStore(tmp_path / "flaky", "tester")
    app = make_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        store.broken = True
        await press(pilot, "1", "q")
        assert isinstance(app.screen, UnsavedDialog)
        await press(pilot, "escape")  # stay
        assert app.is_running and not isinstance(app.screen, UnsavedDialog)
        store.broken = False
        await press(pilot, "q")  # the retry on the way out succeeds: no question
    assert tags_on_disk(store) == {IDS[0]: "official"}


async def test_the_real_engine_on_the_sample(config, store):
    from reader.attribution import extract
    from reader.tui.app import ReaderApp
    from tests.conftest import SAMPLE
    from reader.article import load_article

    article = load_article(SAMPLE)
    app = ReaderApp(article, config, store)  # no statements given: the app runs the engine
    async with app.run_test(size=(160, 50)) as pilot:
        await ready(pilot)
        assert [r.id for r in app.screen.listing.rows] == [s.id for s in extract(article.text, config)]
        assert f"0/{len(app.screen.listing.rows)} tagged" in screen_text(app)


async def test_more_categories_in_the_config_get_more_keys(make_app, config):
    from dataclasses import replace

    from reader.config import Category

    extra = Category("satellite", "5", "#98c379", "Satellite imagery and its analysts.", 1, ("satellite",))
    app = make_app(config=replace(config, categories=(*config.categories, extra)))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "5")
        assert app.screen.session.tag(IDS[0]).category == "satellite"
        assert "satellite" in screen_text(app)  # the legend and the tag chip


async def test_theme_switches_between_dark_and_light(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        dark = app.theme
        await press(pilot, "ctrl+t")
        assert app.theme == "textual-light" and app.theme != dark
        assert "Lena Hartmann" in screen_text(app)
        await press(pilot, "ctrl+t")
        assert app.theme == "textual-dark"


async def test_escape_leaves_mark_mode_without_adding(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        await press(pilot, "a", "space", "w", "w")
        assert view.marking and view.marked_range() is not None
        await press(pilot, "escape", "j")
        assert not view.marking and store.edits(AID).added == ()
        assert app.screen.selected_id == IDS[1]  # j moves through statements again


class BrokenStore(TagStore):
    def register(self, article, statements):
        raise ReaderError(f"{self.root}: permission denied.")


async def test_a_store_that_cannot_open_leaves_the_article_readable(make_app, tmp_path):
    app = make_app(store=BrokenStore(tmp_path / "broken", "tester"))
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await ready(pilot)
        assert notices.said("permission denied", "error")
        text = screen_text(app)
        assert "tags unavailable" in text and "Harbour bridge" in text
        await press(pilot, "1")  # nothing to tag, nothing breaks
        assert app.is_running


def test_unknown_key_id_in_config_stops_reader_with_one_line(cli, tmp_path):
    from tests.conftest import TEST_CONFIG

    config = tmp_path / "config.yaml"
    config.write_text(TEST_CONFIG.read_text(encoding="utf-8").replace("keys: {}", 'keys: {tag_oficial: "o"}'),
                      encoding="utf-8")
    result = cli("--config", config)
    assert result.code == 1 and result.out == ""
    assert result.err.startswith(f"reader: {config}: keys.tag_oficial is not an action of the review screen")
