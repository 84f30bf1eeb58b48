"""The review screen at a desk: another reviewer's tags on the detail line, ≠ in the list where
reviewers differ, the "disagreements" filter, and settling with a category, undoable."""
from __future__ import annotations

from reader.store import TagStore
from tests.review import sample
from tests.tui.conftest import IDS, Notices, press, ready, screen_text


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


async def test_a_resolution_whose_statement_left_the_text_is_taken_back_and_undone(make_app, store):
    """Under the disagreements filter, X (in the key bar while the article has one) lists the
    resolutions kept on statements no longer in the text, by their words, category,
    adjudicator and old id; the chosen one is taken back, as `reader resolve PATH OLD_ID
    --clear` does, and u brings it back."""
    from reader.store import Anchor, Resolution

    _bob_tags(store)
    aid = sample.article().id
    gone = Resolution(aid, "s0ldgone01", "eyewitness", "carol", "2026-01-03T08:00:00Z",
                      Anchor("The old bridge never swayed", "", "", 3, 30))
    store.set_resolution(aid, gone.statement_id, gone)
    app, notices = make_app(), Notices()
    async with app.run_test(size=(140, 40), message_hook=notices.hook) as pilot:
        await ready(pilot)
        assert notices.said("1 resolution of statements no longer in the text (kept; X takes one back)")

        def key_bar() -> str:
            return screen_text(app).splitlines()[-1]

        assert "X orphaned" not in key_bar()  # a key of the disagreements filter
        await press(pilot, "f", "r")
        assert "= settle" in key_bar() and "X orphaned" in key_bar()
        await press(pilot, "X")
        dialog = screen_text(app)
        assert "Take back which resolution of a statement no longer in the text?" in dialog
        assert "1 “The old bridge never swayed” eyewitness by carol (s0ldgone01)" in dialog, dialog
        await press(pilot, "1")
        assert "s0ldgone01" not in store.article_state(aid).resolutions
        assert "X orphaned" not in key_bar()  # none left: the key bar no longer offers it
        assert notices.said("Take back the orphaned resolution of s0ldgone01; u, ^z takes it back.")
        await press(pilot, "X")
        assert notices.said("none to take back", "warning")
        await press(pilot, "u")  # undone like any change
        assert store.article_state(aid).resolutions["s0ldgone01"] == gone
        assert "X orphaned" in key_bar()
