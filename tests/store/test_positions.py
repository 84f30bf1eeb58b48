"""Where each reviewer left an article (the review screen opens it there again): kept per
article and reviewer, read back by another process, and following its statement into a new
text of the article."""
from __future__ import annotations

from reader.store import TagStore
from tests.store.helpers import QUOTES, article, statements_in, text_with


def test_each_reviewer_s_place_is_kept_apart_and_read_back_by_another_process(store, db, registered):
    a, statements = registered
    assert store.article_state(a.id).positions == {}
    store.set_position(a.id, statements[2].id)
    sam = TagStore(db, "sam")
    sam.set_position(a.id, statements[0].id)
    store.set_position(a.id, statements[3].id)  # left again, further on: the latest counts
    again = TagStore(db, "tester")
    assert again.article_state(a.id).positions == {"tester": statements[3].id, "sam": statements[0].id}
    assert again.tags(a.id) == {} and again.article_state(a.id).reviewers == []  # a place is no tag
    sam.close()
    again.close()


def test_a_place_follows_its_statement_into_the_article_s_new_text(store, registered, tmp_path):
    a, statements = registered
    store.set_tag(a.id, statements[0], "official")
    store.set_position(a.id, statements[2].id)
    edited = article(text_with(QUOTES, lead="Update: this story was corrected on Tuesday."), tmp_path / "storm.txt")
    store.register(edited, statements_in(edited.text))
    assert store.article_state(edited.id).positions == {"tester": statements[2].id}
