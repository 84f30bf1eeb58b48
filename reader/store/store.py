"""TagStore: the reviewer's tags and edits, and every rule of reading and writing them, on
either backend (backend.py: a folder of TinyDB files, or a PostgreSQL server; see the package
docstring for the file layout and the guarantees). The public API of the store: its reads
(reading.py turns records into the model), registering (registering.py) and every write, each
a read-modify-write under the backend's lock."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from reader.article.model import Article
from reader.attribution.model import Statement
from reader.errors import ReaderError
from reader.store.backend import (
    ADDED, DISMISSED, ORPHANS, POSITIONS, RESOLUTIONS, REVISED, SPEAKERS, TAGS, Backend, Records, open_backend,
)
from reader.store.changes import ArticleChange, checked, checked_resolution, merged
from reader.store.model import (
    UNNAMED, UNSET, Anchor, ArticleRecord, ArticleState, Edits, Judgements, Progress, Reanchored, Resolution, Revision,
    Tag, _Unset, make_anchor, now, position_to_json, resolution_to_json, reviewer_statement, revision_to_json,
    statement_to_json, tag_to_json,
)
from reader.store.reading import (
    Texts, edits_in, in_text_order, index_records, judgements_in, progress_in, state_in, tag_in, tags_in,
)
from reader.store.registering import orphan_key, registering
from reader.store.schema import tag_key


class TagStore:
    """Every tag saved at once, atomically, under a lock shared with other reader processes
    (on a server: with every reader on the desk).

    `location` is the database folder (or a `.json` file standing for it, see `Layout.at`).
    Raises ReaderError naming the file for an unusable folder, a damaged index or an index
    with an unknown schema version. Safe to share between threads."""

    def __init__(self, location: Path | str, reviewer: str) -> None:
        self.backend: Backend = open_backend(location)
        self.reviewer = reviewer or UNNAMED  # whose tags this store writes
        self._texts = Texts(self.backend)

    @property
    def root(self) -> Path | str:
        """The location as given (a folder or .json file, or a server's address)."""
        return self.backend.root

    @property
    def location(self) -> str:
        """The location as messages show it (never with a password)."""
        return self.backend.location

    def close(self) -> None:
        self.backend.close()

    def lock_held_elsewhere(self) -> bool | None:
        """Whether a write of this store now waits for another process's lock (None: the
        backend cannot tell; a server's locks are its own)."""
        return self.backend.lock_held_elsewhere()

    # --- public reads (no lock: a reader always sees whole, saved records) -------------------

    def _records(self) -> dict[str, ArticleRecord]:
        return index_records(self.backend.index(), self.backend.where("", "index"))

    def article(self, article_id: str) -> ArticleRecord | None:
        return self._records().get(article_id)

    def articles(self) -> list[ArticleRecord]:
        """Every article ever registered, the most recently opened first."""
        records = self._records().values()
        return sorted(records, key=lambda r: (r.last_opened, r.first_seen), reverse=True)

    def text(self, article_id: str) -> str | None:
        return self._texts.get(article_id)

    def tags(self, article_id: str, reviewer: str | None = None) -> dict[str, Tag]:
        """statement id -> tag, for one reviewer's tags that sit on a statement (None: this
        store's reviewer). `article_state` has every reviewer's."""
        return self.article_state(article_id).tags_of(self.reviewer if reviewer is None else reviewer)

    def orphans(self, article_id: str) -> tuple[Tag, ...]:
        """Tags kept although no statement of the article matches them any more."""
        return in_text_order(tags_in(self.backend.article(article_id), ORPHANS).values())

    def edits(self, article_id: str) -> Edits:
        return edits_in(self.backend.article(article_id))

    def article_state(self, article_id: str) -> ArticleState:
        """The article's tags, orphans and edits together, from one read of its records (what
        `tags()`, `orphans()` and `edits()` return, without reading three times; and the three
        agree with each other, which three reads could not promise while another process writes)."""
        return state_in(self.backend.article(article_id))

    def article_states(self, article_ids: Iterable[str], *, texts: bool = False
                       ) -> Iterator[tuple[str, ArticleState]]:
        """(id, `article_state`) of each of these articles, in this order, read many at a time
        where the backend can (what the exports read every article by). `texts`: each one's
        `text` is asked for next (a server sends it along)."""
        for records in self.backend.articles(list(article_ids), texts=texts):
            yield records.article_id, state_in(records)

    def progress(self, article_ids: Iterable[str]) -> Iterator[tuple[str, Progress]]:
        """(id, `article_state(id).progress`) of each of these articles, in this order, read
        without building a tag (a server sends only who tagged which statement): what
        `reader articles` counts every article by."""
        for records in self.backend.articles(list(article_ids), brief=True):
            yield records.article_id, progress_in(records)

    def judgements(self, article_id: str) -> Judgements:
        """Each reviewer's category on the article's statements, read straight from its file
        (a damaged tag is a ReaderError naming the file, as everywhere)."""
        return judgements_in(self.backend.article(article_id))

    # --- registering -------------------------------------------------------------------

    def register(self, article: Article, statements: list[Statement]) -> tuple[ArticleRecord, Reanchored]:
        """Record the article (first seen, last opened), keep its text, and re-anchor tags:
        those of older texts at the same path or URL, and its own whose statements vanished.
        `statements` is the engine's output for `article.text`."""
        with self.backend.writing() as w:
            index, _, (done,) = registering(w, self._texts, [(article, statements)])
            w.save(done.records)
            w.save(index)
            for emptied in done.emptied:  # after this article's records: a crash duplicates, never loses
                w.save(emptied)
        return done.record, done.reanchored

    # --- writing tags --------------------------------------------------------------------

    def _anchor_for(self, article_id: str, statement: Statement) -> Anchor:
        text = self.text(article_id)
        if text is None:
            raise ReaderError(f"{self.backend.where(article_id)}: article {article_id[:12]}… is not "
                              "registered in the tag database; open or register it first.")
        if text[statement.start:statement.end] != statement.text:
            raise ReaderError(f"statement {statement.id} is not at {statement.start}..{statement.end} "
                              f"of article {article_id[:12]}…; it was not saved.")
        return make_anchor(text, statement.start, statement.end)

    def set_tag(self, article_id: str, statement: Statement, category: str, *,
                note: str | None | _Unset = UNSET, reliability: str | None | _Unset = UNSET,
                credibility: str | None | _Unset = UNSET) -> Tag:
        """Create or update this store's reviewer's tag on `statement`, saved before returning.
        Keeps `created`, sets `updated`; fields left UNSET keep their value (None when new).
        Other reviewers' tags on the statement are never touched."""
        anchor = self._anchor_for(article_id, statement)
        with self.backend.writing() as w:
            rec = w.article(article_id)
            old = tag_in(rec, statement.id, self.reviewer)

            def keep(value: str | None | _Unset, current: str | None) -> str | None:
                return current if isinstance(value, _Unset) else value

            stamp = now()
            tag = checked(Tag(article_id=article_id, statement_id=statement.id, category=category, anchor=anchor,
                              note=keep(note, old.note if old else None),
                              reliability=keep(reliability, old.reliability if old else None),
                              credibility=keep(credibility, old.credibility if old else None),
                              reviewer=self.reviewer, created=old.created if old and old.created else stamp,
                              updated=stamp))
            rec.table(TAGS).put(tag_key(statement.id, tag.reviewer), tag_to_json(tag))
            w.save(rec)
        return tag

    def put_tag(self, tag: Tag) -> None:
        """Write this exact record, whatever is stored on its statement."""
        self.put_tags([tag])

    def merge_tag(self, article_id: str, statement_id: str, base: Tag | None, mine: Tag | None) -> Tag | None:
        """A reviewer's change to their tag on one statement, from `base` (the tag as they last
        saw it, None: none) to `mine` (None: no tag), applied under the lock to that reviewer's
        tag as it is now, field by field (`changes.merged`): what others changed meanwhile in
        other fields is kept. The reviewer is the tag's (this store's when both are None).
        Returns the tag now stored (None: none)."""
        if mine is not None:
            mine = checked(mine)
        reviewer = mine.reviewer if mine is not None else base.reviewer if base is not None else self.reviewer
        key = tag_key(statement_id, reviewer)
        with self.backend.writing() as w:
            rec = w.article(article_id)
            table = rec.table(TAGS)
            current = tag_in(rec, statement_id, reviewer)
            result = merged(current, base, mine)
            if result is None and current is not None:
                table.discard([key])
            elif result is not None and result != current:
                table.put(key, tag_to_json(result))
            w.save(rec)
        return result

    def resolve(self, article_id: str, statement: Statement, category: str | None) -> Resolution | None:
        """Settle a statement with `category`, as this store's reviewer, now (None: take the
        decision back). The reviewers' own tags are not touched. Returns the resolution."""
        if category is None:
            self.set_resolution(article_id, statement.id, None)
            return None
        resolution = Resolution(article_id, statement.id, category, self.reviewer, now(),
                                self._anchor_for(article_id, statement))
        self.set_resolution(article_id, statement.id, resolution)
        return resolution

    def set_resolution(self, article_id: str, statement_id: str, resolution: Resolution | None) -> None:
        """Write this decision on the statement as it is (None: remove it): the later decision wins."""
        if resolution is not None:
            data = resolution_to_json(checked_resolution(resolution))
            self._edit(article_id, lambda rec: rec.table(RESOLUTIONS).put(statement_id, data))
        else:
            self._edit(article_id, lambda rec: rec.table(RESOLUTIONS).discard([statement_id]))

    def put_tags(self, tags: Iterable[Tag], orphans: Iterable[Tag] = (), *,
                 edits: Mapping[str, Edits] | None = None) -> None:
        """Write these exact records, many at once: each tag as its reviewer's on its statement
        (a later one for the same statement and reviewer wins), each of `orphans` as an
        orphaned tag of its article, and
        `edits` (article id -> Edits) merged into those articles' edits. One `update`."""
        changes: dict[str, ArticleChange] = {}

        def add(article_id: str, tags: Sequence[Tag] = (), orphans: Sequence[Tag] = (),
                edits: Edits | None = None) -> None:
            old = changes.get(article_id, ArticleChange())
            changes[article_id] = replace(old, tags=[*old.tags, *tags], orphans=[*old.orphans, *orphans],
                                          edits=edits or old.edits)

        for tag in tags:
            add(tag.article_id, tags=[tag])
        for tag in orphans:
            add(tag.article_id, orphans=[tag])
        for article_id, change in (edits or {}).items():
            add(article_id, edits=change)
        self.update(changes, lambda article_id, _: changes[article_id])

    def update(self, article_ids: Iterable[str], plan: Callable[[str, ArticleState], ArticleChange | None], *,
               register: Sequence[tuple[Article, list[Statement]]] = ()) -> None:
        """The read-modify-write of many articles at once (imports): in one write, for each
        article in turn (in sorted order), its state is read as it is now and
        `plan(article_id, state)` says what to change (None: nothing); each article's records
        are read once and written once. `register`: articles (with the engine's statements)
        to register first in the same write, as `register` does; their records are written
        once, with the changes planned for them.

        Every change is checked before anything is written: a bad grade or note, or an added
        statement whose words are not at its offsets of the stored text, refuses the whole
        update (ReaderError) and changes nothing (no article registered either: only the texts
        kept, which change nothing); so does a ReaderError raised by `plan`.

        Atomic per article: all of one article's changes land together or not at all. On a
        server the whole update is one transaction. In a folder, every changed file is first
        written to its temporary file and fsynced, and only then are they all renamed over the
        old ones (the index last; then the folder is fsynced, before this returns). So a
        failure while writing (disk full, a damaged file found, permission) changes no article
        at all; only a crash or SIGKILL during the final renames (a rename per article, no
        data written) can leave some articles changed and the rest not, each file whole.
        Running the same update again then completes it."""
        ids = sorted(set(article_ids))
        for article_id in ids:
            self.backend.where(article_id)  # a ValueError for what is not an article id
        if not ids and not register:
            return
        with self.backend.writing() as w:
            index, opened, registered = registering(w, self._texts, register, ids) if register else (None, {}, [])
            new = {done.record.id for done in registered}
            for article_id in ids:
                rec = opened.get(article_id) or w.article(article_id)
                change = plan(article_id, state_in(rec))
                if change is not None and not change.empty:
                    _apply(rec, self._checked_change(article_id, change))
                elif article_id not in new:
                    continue
                w.save(rec, batch=True)
            for done in registered:
                if done.record.id not in ids:
                    w.save(done.records, batch=True)
            for emptied in (e for done in registered for e in done.emptied):
                w.save(emptied, batch=True)
            if index is not None:
                w.save(index, batch=True)

    def _checked_change(self, article_id: str, change: ArticleChange) -> ArticleChange:
        for tag in (*change.tags, *change.orphans):
            if tag.article_id != article_id:
                raise ValueError(f"a tag of article {tag.article_id} in the changes of {article_id}")
        text = self.text(article_id) if change.edits.added else None
        for statement in change.edits.added:
            if text is not None and text[statement.start:statement.end] != statement.text:
                raise ReaderError(f"statement {statement.id} is not at {statement.start}..{statement.end} "
                                  f"of article {article_id[:12]}…; nothing was saved.")
        for resolution in change.resolutions:
            if resolution.article_id != article_id:
                raise ValueError(f"a resolution of article {resolution.article_id} in the changes of {article_id}")
        return replace(change, tags=[checked(t) for t in change.tags], orphans=[checked(t) for t in change.orphans],
                       resolutions=[checked_resolution(r) for r in change.resolutions])

    def remove_tag(self, article_id: str, statement_id: str) -> Tag | None:
        """Remove this store's reviewer's tag on this statement (or, when there is none, that
        reviewer's orphaned tags that had this statement id); returns what was removed."""
        with self.backend.writing() as w:
            rec = w.article(article_id)
            if not rec.exists:
                return None
            tag = tag_in(rec, statement_id, self.reviewer)
            if tag is not None:
                rec.table(TAGS).discard([tag_key(statement_id, self.reviewer)])
                w.save(rec)
                return tag
            orphans = {k: t for k, t in tags_in(rec, ORPHANS).items()
                       if t.statement_id == statement_id and t.reviewer == self.reviewer}
            if not orphans:
                return None
            rec.table(ORPHANS).discard(orphans)
            w.save(rec)
            return max(orphans.values(), key=lambda t: t.updated)

    # --- writing edits -------------------------------------------------------------------

    def _edit(self, article_id: str, change: Callable[[Records], None]) -> None:
        with self.backend.writing() as w:
            rec = w.article(article_id)
            change(rec)
            w.save(rec)

    def add_statement(self, article_id: str, statement: Statement) -> None:
        text = self.text(article_id)
        if text is not None and text[statement.start:statement.end] != statement.text:
            raise ReaderError(f"statement {statement.id} is not at {statement.start}..{statement.end} "
                              f"of article {article_id[:12]}…; it was not added.")
        data = statement_to_json(reviewer_statement(statement))
        self._edit(article_id, lambda rec: rec.table(ADDED).put(statement.id, data))

    def remove_statement(self, article_id: str, statement_id: str) -> None:
        self._edit(article_id, lambda rec: rec.table(ADDED).discard([statement_id]))

    def set_speaker(self, article_id: str, statement_id: str, speaker: str | None) -> None:
        """Correct the speaker of a statement; None goes back to the engine's."""
        if speaker is None:
            self._edit(article_id, lambda rec: rec.table(SPEAKERS).discard([statement_id]))
        else:
            self._edit(article_id, lambda rec: rec.table(SPEAKERS).put(statement_id, {"speaker": speaker}))

    def set_revision(self, article_id: str, statement_id: str, revision: Revision | None) -> None:
        """Set a statement's words (start, end) and kind as the reviewer edited them; None goes
        back to the engine's."""
        if revision is None:
            self._edit(article_id, lambda rec: rec.table(REVISED).discard([statement_id]))
            return
        text = self.text(article_id)
        if text is not None and text[revision.start:revision.end] != revision.text:
            raise ReaderError(f"statement {statement_id}: {revision.start}..{revision.end} of article "
                              f"{article_id[:12]}… is not its new text; it was not saved.")
        data = revision_to_json(revision)
        self._edit(article_id, lambda rec: rec.table(REVISED).put(statement_id, data))

    def set_position(self, article_id: str, statement_id: str) -> None:
        """Remember that this store's reviewer left the article at this statement (the review
        screen opens it there again, in any process)."""
        data = position_to_json(statement_id, now())
        self._edit(article_id, lambda rec: rec.table(POSITIONS).put(self.reviewer, data))

    def set_dismissed(self, article_id: str, statement_id: str, dismissed: bool) -> None:
        """Mark a statement "not a statement" (kept in the list, flagged) or undo that."""
        if dismissed:
            self._edit(article_id, lambda rec: rec.table(DISMISSED).put(statement_id, {"dismissed": True}))
        else:
            self._edit(article_id, lambda rec: rec.table(DISMISSED).discard([statement_id]))


def _apply(rec: Records, change: ArticleChange) -> None:
    """Make an article's changes in its records (one pass over each table changed)."""
    edits = change.edits
    rec.table(ADDED).put_many({s.id: statement_to_json(reviewer_statement(s)) for s in edits.added})
    rec.table(SPEAKERS).put_many({sid: {"speaker": v} for sid, v in edits.speakers.items() if v is not None})
    rec.table(SPEAKERS).discard(sid for sid, v in edits.speakers.items() if v is None)
    rec.table(DISMISSED).put_many({sid: {"dismissed": True} for sid in sorted(edits.dismissed)})
    rec.table(REVISED).put_many({sid: revision_to_json(r) for sid, r in edits.revised.items()})
    rec.table(TAGS).put_many({tag_key(t.statement_id, t.reviewer): tag_to_json(t) for t in change.tags})
    rec.table(ORPHANS).put_many({orphan_key(t): tag_to_json(t) for t in change.orphans})
    rec.table(RESOLUTIONS).put_many({r.statement_id: resolution_to_json(r) for r in change.resolutions})
