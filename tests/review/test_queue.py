"""The queue of articles without any UI: what a folder, files and a list name; reading each
article in order; one unreadable article keeps its place with the reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.review import ReviewSession
from reader.review.queue import Queue, sources_from
from reader.store import TagStore


def story(folder: Path, name: str, n: int) -> Path:
    path = folder / name
    path.write_text(f"Story number {n}\n\n\"The bridge {n} is safe,\" said minister Ana Lind.\n"
                    f"\"We heard it fall,\" said resident Ola Berg.\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    found = tmp_path / "desk"
    found.mkdir()
    for n, name in enumerate(["b.txt", "a.txt", "c.html.bak", ".hidden.txt", "d.md"], 1):
        story(found, name, n)
    (found / "sub").mkdir()
    return found


def test_a_folder_gives_its_article_files_by_name(folder):
    assert [Path(s).name for s in sources_from([str(folder)])] == ["a.txt", "b.txt", "d.md"]


def test_files_and_a_list_in_order_each_once(folder, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("# today's articles\n\ndesk/d.md\n  https://news.example/a  \ndesk/a.txt\n", encoding="utf-8")
    sources = sources_from([str(folder / "b.txt"), str(folder / "a.txt")], str(listing))
    assert sources == [str(folder / "b.txt"), str(folder / "a.txt"), str(tmp_path / "desk/d.md"),
                       "https://news.example/a"]


@pytest.mark.parametrize("make, message", [
    (lambda tmp: sources_from([], str(tmp / "missing.txt")), "missing.txt: "),
    (lambda tmp: sources_from([str(tmp)]), "no article files in this folder"),
    (lambda tmp: (tmp / "empty.txt").write_text("# nothing\n") and sources_from([], str(tmp / "empty.txt")),
     "the list names no articles"),
])
def test_a_bad_folder_or_list_is_one_sentence(tmp_path, make, message):
    with pytest.raises(ReaderError, match=message):
        make(tmp_path)


def test_articles_are_read_in_order_and_counted_as_the_screen_counts(folder, tmp_path, config):
    store = TagStore(tmp_path / "db", "tester")
    gone = story(folder, "e.txt", 5)
    queue = Queue(sources_from([str(folder)]), config, store)
    gone.unlink()  # moved away after the queue was opened
    assert [e.title for e in queue.entries] == ["a.txt", "b.txt", "d.md", "e.txt"]  # names until read
    assert not any(e.loaded for e in queue.entries)
    first = queue.load(0)
    assert first.title == "Story number 2" and first.tally == (0, 2) and len(first.statements) == 2
    session = ReviewSession.open(first.article, config, store, first.statements)
    session.accept(session.statements[0].id)
    session.flush()
    queue.left(0, session.progress(), session.record.last_opened)
    assert queue.entries[0].tally == (1, 2)
    assert queue.load(3).problem is not None and "e.txt" in queue.entries[3].problem  # keeps its place
    again = Queue(sources_from([str(folder)]), config, store)  # a new day: the store knows the first
    assert again.entries[0].title == "Story number 2" and again.entries[0].last_opened
    assert again.load(0).tally == (1, 2)


@pytest.mark.parametrize("backend", ["files", "postgresql"])
def test_the_queue_counts_from_who_tagged_what_as_the_whole_state_counts(folder, tmp_path, config, backend, request,
                                                                         monkeypatch):
    """The queue reads each article's brief state (who tagged which statement, as `reader
    articles` does), never a whole one: its counts are the ones the whole state gives, for the
    reviewer's own tags, another's, a dismissed statement and an added one, on a folder and on
    the server."""
    from dataclasses import replace

    from reader.store import article_tally

    db = tmp_path / "db" if backend == "files" else request.getfixturevalue("server_db")
    store, bob = TagStore(db, "tester"), TagStore(db, "bob")
    sources = sources_from([str(folder)])
    first = Queue(sources, config, store).load(0)
    assert first.article is not None and first.statements is not None
    a, statements = first.article, first.statements
    store.register(a, statements)
    start = a.text.index("Story number")
    added = replace(statements[0], id="shand-added", start=start, end=start + 12, text=a.text[start:start + 12],
                    speaker="Editor", cue=None)
    store.add_statement(a.id, added)
    store.set_tag(a.id, statements[0], "official")
    store.set_tag(a.id, added, "eyewitness")
    bob.set_tag(a.id, statements[1], "eyewitness")
    store.set_dismissed(a.id, statements[1].id, True)

    def whole(reviewer: TagStore, entry) -> object:
        state = reviewer.article_state(entry.article.id)
        ids = [s.id for s in entry.statements] + [s.id for s in state.edits.added]
        return article_tally(ids, state.progress, reviewer.reviewer)

    for reviewer in (store, bob):
        queue = Queue(sources, config, reviewer)
        with monkeypatch.context() as m:
            m.setattr(reviewer, "article_state", None)  # (a whole reading would fail here)
            entries = [queue.load(i) for i in range(len(queue))]
        assert [e.problem for e in entries] == [None] * len(entries)
        assert [e.tally for e in entries] == [whole(reviewer, e) for e in entries]
        assert entries[0].tally == ((2, 2) if reviewer is store else (0, 2))  # bob's tag: on the dismissed one
    store.close()
    bob.close()
