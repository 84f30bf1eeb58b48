"""The review loop on the screen, as a reviewer meets it: one key per statement, Enter that
never replaces a tag, accepting every sure suggestion, correcting speakers."""
from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input

from reader.tui.dialogs.choice import ChoiceDialog
from reader.tui.dialogs.prompt import PromptDialog
from tests.review import sample
from tests.review.test_loop import _with_confidence
from tests.tui.conftest import IDS, Notices, press, ready, screen_text

AID = sample.article().id


async def test_one_key_per_statement_and_the_screen_says_when_the_article_is_done(make_app, store):
    app = make_app()
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await ready(pilot)
        await press(pilot, "enter")
        assert app.screen.selected_id == IDS[1]
        await press(pilot, "enter", "enter")
        assert not notices.said("this article is done")
        await press(pilot, "enter")
        assert {sid: t.category for sid, t in store.tags(AID).items()} == {
            IDS[0]: "official", IDS[1]: "eyewitness", IDS[2]: "social media", IDS[3]: "intelligence"}
        assert notices.said("All 4 statements are tagged: this article is done.")
        assert "4/4 tagged" in screen_text(app)


async def test_advance_skips_what_is_tagged_and_wraps(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "3")  # #3 first
        assert app.screen.selected_id == IDS[3]
        await press(pilot, "2")
        assert app.screen.selected_id == IDS[0]  # wraps to the first untagged
        await press(pilot, "1")
        assert app.screen.selected_id == IDS[1]


async def test_advance_next_and_stay_from_config(make_app, config):
    app = make_app(config=replace(config, advance="stay"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "1")
        assert app.screen.selected_id == IDS[0]
    app = make_app(config=replace(config, advance="next"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "1", "k", "k", "1")
        assert app.screen.selected_id == IDS[2]  # the next one, tagged or not


async def test_enter_never_overwrites_a_tag_set_by_hand(make_app, store):
    app = make_app()
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await ready(pilot)
        await press(pilot, "2", "k", "enter")  # #1 suggested official, tagged intelligence by hand
        assert store.tags(AID)[IDS[0]].category == "intelligence"
        assert notices.said("Already tagged intelligence", "warning")
        assert app.screen.selected_id == IDS[0]


async def test_accept_all_sure_suggestions_then_one_undo(make_app, store):
    app = make_app(statements=_with_confidence(["high", "low", "high", "high"]))
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices.hook) as pilot:
        await ready(pilot)
        await press(pilot, "j", "j", "j", "4")  # #4 by hand (suggested intelligence)
        await press(pilot, "A")
        assert {sid: t.category for sid, t in store.tags(AID).items()} == {
            IDS[0]: "official", IDS[2]: "social media", IDS[3]: "social media"}
        assert app.screen.selected_id == IDS[1]  # the one left for the reviewer
        assert notices.said("Accept 2 sure suggestions")
        await press(pilot, "u")
        assert set(store.tags(AID)) == {IDS[3]}


async def test_typing_replaces_the_speaker_and_the_suggestion_follows(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "j", "s")
        assert isinstance(app.screen, PromptDialog)
        assert app.screen.query_one(Input).selected_text == "Tomas Reyes"
        await pilot.press(*"Colonel Tomas Reyes")
        await press(pilot, "enter")
        statement = app.screen.session.statement(IDS[1])
        assert statement.speaker == "Colonel Tomas Reyes" and statement.suggested_source == "official"
        assert "official?" in screen_text(app) and "colonel" in screen_text(app)
        await press(pilot, "enter")  # accepting now takes the new suggestion
        assert store.tags(AID)[IDS[1]].category == "official"


async def test_a_speaker_correction_can_go_to_every_statement_of_the_source(make_app, store):
    statements = sample.same_source_statements()
    app = make_app(sample.same_source_article(), statements)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "s")
        await pilot.press(*"Mayor Ana Lind")
        await press(pilot, "enter")
        assert isinstance(app.screen, ChoiceDialog)
        assert "all 2 statements of “Ana Lind”" in screen_text(app)
        await press(pilot, "enter")  # all, the default
        aid = sample.same_source_article().id
        assert store.edits(aid).speakers == {statements[0].id: "Mayor Ana Lind", statements[1].id: "Mayor Ana Lind"}
        await press(pilot, "u")  # one undo for both
        assert store.edits(aid).speakers == {}
        await press(pilot, "s")
        await pilot.press(*"Ana Lind, mayor")
        await press(pilot, "enter", "o")  # only this one
        assert store.edits(aid).speakers == {statements[0].id: "Ana Lind, mayor"}


async def test_a_statement_s_words_move_by_word_and_its_kind_changes(make_app, store):
    from reader.tui.dialogs.bounds import BoundsDialog

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "b")
        assert isinstance(app.screen, BoundsDialog)
        await press(pilot, "shift+left", "right", "L", "enter")  # end earlier, start later, end later again
        statement = app.screen.session.statement(IDS[0])
        assert statement.text == "bridge is safe and every cable has been tested,"  # a word with its comma
        assert store.edits(AID).revised[IDS[0]].text == statement.text
        assert app.screen.session.number(IDS[0]) == 1 and "edited by you" in screen_text(app)
        await press(pilot, "K", "m")
        assert app.screen.session.statement(IDS[0]).kind == "mixed"
        await press(pilot, "u", "u")
        assert store.edits(AID).revised == {}
        await press(pilot, "b", "h", "escape")  # cancelled: nothing changes
        assert store.edits(AID).revised == {}
