"""TagStore: the reviewer's tags and edits, and every rule of reading and writing them, on
either backend (backend.py: a folder of TinyDB files, or a PostgreSQL server; see the package
docstring for the file layout and the guarantees)."""
from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from reader.article.model import Article, article_id as hash_text
from reader.attribution.model import Statement
from reader.errors import ReaderError
from reader.store.anchoring import reanchor, relocate_statement
from reader.store.backend import (
    ADDED, ARTICLE_TABLES, ARTICLES, DISMISSED, ENGINE, ENGINE_IDS, LOST_ADDED, ORPHANS, POSITIONS, RESOLUTIONS, REVISED,
    SPEAKERS, TAGS, Backend, Doc, Records, Table, Writer, damaged_text, open_backend,
)
from reader.store.changes import ArticleChange, checked, checked_resolution, merged
from reader.store.model import (
    UNNAMED, UNSET, Anchor, ArticleRecord, ArticleState, Edits, Judgements, Progress, Reanchored, Resolution, Tag,
    _Unset, make_anchor, now, position_from_json, position_to_json, record_from_json, record_to_json,
    resolution_from_json, resolution_to_json, reviewer_statement, speaker_from_json, Revision, revision_from_json,
    revision_to_json, statement_from_json, statement_to_json, tag_from_json, tag_mark, tag_to_json, tagged_by,
)
from reader.store.records import apply_edits
from reader.store.schema import tag_key

T = TypeVar("T")

EDIT_TABLES = (ADDED, LOST_ADDED, SPEAKERS, DISMISSED, REVISED, RESOLUTIONS)


def identity(path: str) -> str:
    """What makes two versions of an article the same article: the absolute file path (or
    the URL, or "-" for standard input, which never matches anything)."""
    if path == "-" or "://" in path:
        return path
    # a file name's bytes that are not UTF-8 are kept as \xNN, so the path can be stored and shown
    return os.fsencode(Path(path).expanduser().resolve()).decode("utf-8", "backslashreplace")


def orphan_key(tag: Tag) -> str:
    """Orphans are keyed by their whole content, so two different orphaned tags of one old
    statement never overwrite each other and the same one saved twice is stored once."""
    digest = hashlib.sha1(json.dumps(tag_to_json(tag), sort_keys=True)
                          .encode("utf-8")).hexdigest()[:12]
    return f"{tag.statement_id}~{digest}"


def same_judgement(a: Tag, b: Tag) -> bool:
    return (a.category, a.note, a.reliability, a.credibility, a.reviewer, a.created, a.updated) == (
        b.category, b.note, b.reliability, b.credibility, b.reviewer, b.created, b.updated)


@dataclass(frozen=True)
class _Reanchoring:
    """What re-anchoring an article's tags did, for `register` to record and report."""

    moved: dict[str, str]  # old statement id -> the id its tag now sits on
    orphaned: tuple[Tag, ...]  # the article's orphaned tags, in text order
    statements: int  # statements of this text, dismissed ones aside
    emptied: list[Records]  # older texts' records emptied, to save after this one


@dataclass(frozen=True)
class _Registered:
    """One article registered within a write, nothing saved yet (`TagStore._registering`)."""

    record: ArticleRecord
    reanchored: Reanchored
    records: Records  # the article's records, re-anchored: to save before `emptied`
    emptied: list[Records]


def engine_ids_from_json(doc: Mapping[str, Any]) -> tuple[str, ...]:
    ids = doc.get("ids")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise TypeError("expected a list of statement ids")
    return tuple(ids)


# How each table's documents are read (document, article id -> record): a document none of
# these can read is damaged. (The reads above use the same functions, table by table.)
READERS: dict[str, Callable[[Mapping[str, Any], str], object]] = {
    TAGS: tag_from_json, ORPHANS: tag_from_json, RESOLUTIONS: resolution_from_json,
    ADDED: lambda d, _: statement_from_json(d), LOST_ADDED: lambda d, _: statement_from_json(d),
    SPEAKERS: lambda d, _: speaker_from_json(d), DISMISSED: lambda d, _: True,
    REVISED: lambda d, _: revision_from_json(d), ENGINE: lambda d, _: engine_ids_from_json(d),
    POSITIONS: lambda d, _: position_from_json(d),
}
assert set(READERS) == set(ARTICLE_TABLES), "every table of an article has its reader"


def parse(table: Table, where: str, what: str, read: Callable[[Mapping[str, Any]], T]) -> dict[str, T]:
    """key -> record, every document of the table read with `read`; ReaderError naming `where`
    and the document for a damaged one."""
    out: dict[str, T] = {}
    for key, doc in table.items():
        try:
            out[key] = read(doc)
        except (KeyError, TypeError, ValueError) as e:
            raise ReaderError(f"{where}: {what} {key!r} is damaged ({e}); "
                              "it was left as it is.") from None
    return out


class TagStore:
    """Every tag saved at once, atomically, under a lock shared with other reader processes
    (on a server: with every reader on the desk).

    `location` is the database folder (or a `.json` file standing for it, see `Layout.at`).
    Raises ReaderError naming the file for an unusable folder, a damaged index or an index
    with an unknown schema version. Safe to share between threads."""

    def __init__(self, location: Path | str, reviewer: str) -> None:
        self.backend: Backend = open_backend(location)
        self.reviewer = reviewer or UNNAMED  # whose tags this store writes
        self._texts: dict[str, str] = {}
        self._texts_lock = threading.Lock()

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

    # --- reading records -----------------------------------------------------------------

    def _tags_in(self, records: Records, table: str = TAGS) -> dict[str, Tag]:
        """document key -> tag (for TAGS, the key is tag_key(statement, reviewer))."""
        article_id = records.article_id
        return parse(records.table(table), records.where, "tag record", lambda d: tag_from_json(d, article_id))

    def _tag_in(self, records: Records, statement_id: str, reviewer: str) -> Tag | None:
        """One reviewer's tag on one statement (ReaderError naming the file when it is damaged)."""
        key = tag_key(statement_id, reviewer)
        found = records.table(TAGS).doc(key)
        if found is None:
            return None
        try:
            return tag_from_json(found, records.article_id)
        except (KeyError, TypeError, ValueError) as e:
            raise ReaderError(f"{records.where}: tag record {key!r} is damaged ({e}); "
                              "it was left as it is.") from None

    def _resolutions_in(self, records: Records) -> dict[str, Resolution]:
        article_id = records.article_id
        return parse(records.table(RESOLUTIONS), records.where, "resolution",
                     lambda d: resolution_from_json(d, article_id))

    def _edits_in(self, records: Records) -> Edits:
        where = records.where
        added = parse(records.table(ADDED), where, "added statement", statement_from_json)
        speakers = parse(records.table(SPEAKERS), where, "speaker correction", speaker_from_json)
        dismissed = parse(records.table(DISMISSED), where, "dismissal", lambda d: True)
        revised = parse(records.table(REVISED), where, "revised statement", revision_from_json)
        # in the order added (the table keeps insertion order): an added statement's number
        return Edits(added=tuple(added.values()), speakers=speakers, dismissed=frozenset(dismissed),
                     revised=revised)

    @staticmethod
    def _engine_ids_in(records: Records) -> tuple[str, ...] | None:
        doc = records.table(ENGINE).doc(ENGINE_IDS)
        if doc is None:
            return None
        try:
            return engine_ids_from_json(doc)
        except TypeError:
            raise ReaderError(f"{records.where}: the list of statement ids is damaged; "
                              "it was left as it is.") from None

    def _records(self, index: Table) -> dict[str, ArticleRecord]:
        return parse(index, self.backend.where("", "index"), "article record", record_from_json)

    # --- public reads (no lock: a reader always sees whole, saved records) -------------------

    def article(self, article_id: str) -> ArticleRecord | None:
        return self._records(self.backend.index()).get(article_id)

    def articles(self) -> list[ArticleRecord]:
        """Every article ever registered, the most recently opened first."""
        records = self._records(self.backend.index()).values()
        return sorted(records, key=lambda r: (r.last_opened, r.first_seen), reverse=True)

    def text(self, article_id: str) -> str | None:
        with self._texts_lock:
            if article_id in self._texts:
                return self._texts[article_id]
        text = self.backend.text(article_id)
        if text is None:
            return None
        if hash_text(text) != article_id:
            raise damaged_text(self.backend.where(article_id, "text"))
        with self._texts_lock:
            self._texts[article_id] = text
        return text

    def tags(self, article_id: str, reviewer: str | None = None) -> dict[str, Tag]:
        """statement id -> tag, for one reviewer's tags that sit on a statement (None: this
        store's reviewer). `article_state` has every reviewer's."""
        return self.article_state(article_id).tags_of(self.reviewer if reviewer is None else reviewer)

    def orphans(self, article_id: str) -> tuple[Tag, ...]:
        """Tags kept although no statement of the article matches them any more."""
        found = self._tags_in(self.backend.article(article_id), ORPHANS).values()
        return tuple(sorted(found, key=lambda t: (t.anchor.start, t.created)))

    def edits(self, article_id: str) -> Edits:
        return self._edits_in(self.backend.article(article_id))

    def article_state(self, article_id: str) -> ArticleState:
        """The article's tags, orphans and edits together, from one read of its records (what
        `tags()`, `orphans()` and `edits()` return, without reading three times; and the three
        agree with each other, which three reads could not promise while another process writes)."""
        return self._state_in(self.backend.article(article_id))

    def article_states(self, article_ids: Iterable[str], *, texts: bool = False
                       ) -> Iterator[tuple[str, ArticleState]]:
        """(id, `article_state`) of each of these articles, in this order, read many at a time
        where the backend can (what the exports read every article by). `texts`: each one's
        `text` is asked for next (a server sends it along)."""
        for records in self.backend.articles(list(article_ids), texts=texts):
            yield records.article_id, self._state_in(records)

    def progress(self, article_ids: Iterable[str]) -> Iterator[tuple[str, Progress]]:
        """(id, `article_state(id).progress`) of each of these articles, in this order, read
        without building a tag (a server sends only who tagged which statement): what
        `reader articles` counts every article by."""
        for records in self.backend.articles(list(article_ids), brief=True):
            marks = parse(records.table(TAGS), records.where, "tag record", tag_mark).values()
            yield records.article_id, self._state_in(records, tags=False).counted(tagged_by(marks))

    def _state_in(self, records: Records, *, tags: bool = True) -> ArticleState:
        """The article's state (`tags` False: without its tags)."""
        if not records.exists:
            return ArticleState()
        orphans = self._tags_in(records, ORPHANS).values()
        reviews: dict[str, dict[str, Tag]] = {}
        for tag in self._tags_in(records).values() if tags else ():
            reviews.setdefault(tag.statement_id, {})[tag.reviewer] = tag
        return ArticleState(reviews=reviews, resolutions=self._resolutions_in(records),
                            orphans=tuple(sorted(orphans, key=lambda t: (t.anchor.start, t.created))),
                            edits=self._edits_in(records), engine_ids=self._engine_ids_in(records),
                            positions=self._positions_in(records))

    @staticmethod
    def _positions_in(records: Records) -> dict[str, str]:
        """reviewer -> the statement they left the article at."""
        return parse(records.table(POSITIONS), records.where, "position", position_from_json)

    def judgements(self, article_id: str) -> Judgements:
        """Each reviewer's category on the article's statements, read straight from its file
        (a damaged tag is a ReaderError naming the file, as everywhere)."""
        records = self.backend.article(article_id)
        categories: dict[str, dict[str, str]] = {}
        words: dict[str, str] = {}
        for key, doc in records.table(TAGS).items():
            try:
                sid, reviewer, category = doc["statement_id"], doc["reviewer"], doc["category"]
                exact = doc["anchor"]["exact"]
                if not (type(sid) is str and type(reviewer) is str and type(category) is str
                        and type(exact) is str):
                    raise TypeError("expected strings")
            except (KeyError, TypeError) as e:
                raise ReaderError(f"{records.where}: tag record {key!r} is damaged ({e}); "
                                  "it was left as it is.") from None
            by = categories.get(sid)
            if by is None:  # (setdefault twice a tag cost a tenth of `reader agreement`)
                by = categories[sid] = {}
                words[sid] = exact
            by[reviewer] = category
        settled = {sid: r.category for sid, r in self._resolutions_in(records).items()}
        return Judgements(categories, words, settled, frozenset(k for k, _ in records.table(DISMISSED).items()),
                          self._engine_ids_in(records) or (), tuple(k for k, _ in records.table(ADDED).items()))

    # --- registering -------------------------------------------------------------------

    def register(self, article: Article, statements: list[Statement]) -> tuple[ArticleRecord, Reanchored]:
        """Record the article (first seen, last opened), keep its text, and re-anchor tags:
        those of older texts at the same path or URL, and its own whose statements vanished.
        `statements` is the engine's output for `article.text`."""
        with self.backend.writing() as w:
            index, _, (done,) = self._registering(w, [(article, statements)])
            w.save(done.records)
            w.save(index)
            for emptied in done.emptied:  # after this article's records: a crash duplicates, never loses
                w.save(emptied)
        return done.record, done.reanchored

    def _registering(self, w: Writer, items: Sequence[tuple[Article, list[Statement]]], also: Iterable[str] = ()
                     ) -> tuple[Records, dict[str, Records], list[_Registered]]:
        """Register `items` (article, the engine's statements) within the write `w`, as
        `register` does, saving nothing: returns the index (opened first) with their records
        put, every article opened for them and for `also` (in sorted order of ids), and what
        each registration did. Articles registered together are not one another's older
        versions."""
        index = w.index()
        table = index.table(ARTICLES)
        records = self._records(table)
        plans: list[tuple[Article, list[Statement], list[ArticleRecord]]] = []
        for article, statements in items:
            w.add_text(article.id, article.text)
            with self._texts_lock:
                self._texts[article.id] = article.text
            where = identity(article.path)
            previous = sorted((r for r in records.values()
                               if r.id != article.id and where != "-" and r.path == where),
                              key=lambda r: r.last_opened, reverse=True)
            plans.append((article, statements, previous))
        ids = {*also, *(a.id for a, _, _ in plans), *(p.id for _, _, previous in plans for p in previous)}
        opened = {i: w.article(i) for i in sorted(ids)}
        done: list[_Registered] = []
        for article, statements, previous in plans:
            aid = article.id
            found = self._reanchor(opened, aid, article.text, statements, previous)
            stamp = now()
            old = records.get(aid)
            record = ArticleRecord(id=aid, path=identity(article.path), title=article.title, chars=article.chars,
                                   first_seen=old.first_seen if old else stamp, last_opened=stamp,
                                   meta={**(old.meta if old else {}), **article.meta}, statements=found.statements,
                                   replaced_by=None)
            table.put(aid, record_to_json(record))
            for prev in previous:
                if prev.replaced_by != aid:
                    table.put(prev.id, record_to_json(replace(prev, replaced_by=aid)))
            done.append(_Registered(record, Reanchored(moved=found.moved, orphaned=found.orphaned), opened[aid],
                                    found.emptied))
        return index, opened, done

    def _reanchor(self, opened: Mapping[str, Records], aid: str, text: str,
                  statements: list[Statement], previous: list[ArticleRecord]) -> _Reanchoring:
        """Move tags and edits from older texts into this one and re-find this article's own
        tags, in the records `opened`; saves nothing (the caller saves this article's records
        before the older ones emptied, so a crash in between duplicates, never loses)."""
        rec = opened[aid]
        engine_ids = [s.id for s in statements]
        if self._engine_ids_in(rec) != tuple(engine_ids):  # what counts and numbers read
            rec.table(ENGINE).put(ENGINE_IDS, {"ids": engine_ids})
        own_tags = self._tags_in(rec)
        own_orphans = self._tags_in(rec, ORPHANS)
        edits = self._edits_in(rec)
        added = {s.id: s for s in edits.added}
        carried_tags: list[Tag] = []
        carried_orphans: list[Tag] = []
        carried_speakers: dict[str, str | None] = {}
        carried_dismissed: set[str] = set()
        carried_revised: dict[str, Revision] = {}
        carried_resolutions: dict[str, Resolution] = {}
        carried_positions: dict[str, Doc] = {}
        emptied: list[Records] = []
        for prev in previous:
            prec = opened[prev.id]
            if not prec.exists:
                continue
            carried_tags += self._tags_in(prec).values()
            carried_orphans += self._tags_in(prec, ORPHANS).values()
            pedits = self._edits_in(prec)
            old_text = self.text(prev.id)
            lost = parse(prec.table(LOST_ADDED), prec.where, "added statement", statement_from_json)
            for s in (*pedits.added, *lost.values()):
                found = relocate_statement(s, old_text if s.id not in lost else None, text)
                if found is not None and found.id not in added:
                    added[found.id] = found
                elif found is None:
                    rec.table(LOST_ADDED).put(s.id, statement_to_json(s))
            for sid, speaker in pedits.speakers.items():
                carried_speakers.setdefault(sid, speaker)
            for sid, revision in pedits.revised.items():
                carried_revised.setdefault(sid, revision)
            for sid, resolution in self._resolutions_in(prec).items():
                carried_resolutions.setdefault(sid, resolution)
            carried_dismissed |= pedits.dismissed
            for reviewer, left in prec.table(POSITIONS).items():
                carried_positions.setdefault(reviewer, left)
            if any(len(prec.table(t)) for t in (TAGS, ORPHANS, *EDIT_TABLES)):
                prec.clear()
                emptied.append(prec)
        for s in added.values():
            if s.id not in {x.id for x in edits.added}:
                rec.table(ADDED).put(s.id, statement_to_json(s))
        current = apply_edits(statements, Edits(added=tuple(added.values())))
        valid = {s.id for s in current}

        kept = {key: t for key, t in own_tags.items() if t.statement_id in valid}
        known = list(own_tags.values()) + list(own_orphans.values())
        # (tag, where it comes from, its key there); earlier entries win a contested statement
        candidates: list[tuple[Tag, str, str]] = [
            (t, TAGS, key) for key, t in own_tags.items() if key not in kept]
        for t in carried_tags + carried_orphans:
            if not any(same_judgement(t, k) for k in known):  # else: a copy left by an interrupted move
                candidates.append((t, "carried", ""))
        candidates += [(t, ORPHANS, key) for key, t in own_orphans.items()]

        moved: dict[str, str] = {}
        tags_table, orphans_table = rec.table(TAGS), rec.table(ORPHANS)
        # each reviewer's tags are placed among the statements that reviewer has no tag on: two
        # reviewers' tags of one statement follow it together
        for reviewer in sorted({c[0].reviewer for c in candidates}):
            mine = [c for c in candidates if c[0].reviewer == reviewer]
            taken = {t.statement_id for t in kept.values() if t.reviewer == reviewer}
            placements, unplaced = reanchor([c[0] for c in mine], current, text, aid, taken=taken)
            for p in placements:
                _, where_from, key = mine[p.index]
                if where_from != "carried":
                    rec.table(where_from).discard([key])
                tags_table.put(tag_key(p.tag.statement_id, reviewer), tag_to_json(p.tag))
                if where_from != TAGS or p.old_id != p.tag.statement_id:
                    moved[p.old_id] = p.tag.statement_id
            for i in unplaced:
                tag, where_from, key = mine[i]
                if where_from == ORPHANS:
                    continue
                if where_from == TAGS:
                    tags_table.discard([key])
                tag = replace(tag, article_id=aid)
                orphans_table.put(orphan_key(tag), tag_to_json(tag))
        self._carry_resolutions(rec, carried_resolutions, moved, current, text)

        speakers, dismissed, revised = rec.table(SPEAKERS), rec.table(DISMISSED), rec.table(REVISED)
        for sid, speaker in carried_speakers.items():
            target = moved.get(sid, sid)
            if not speakers.has(target):
                speakers.put(target, {"speaker": speaker})
        for sid in carried_dismissed:
            dismissed.put(moved.get(sid, sid), {"dismissed": True})
        for sid, revision in carried_revised.items():  # kept; applied only where its words still are
            target = moved.get(sid, sid)
            if not revised.has(target):
                revised.put(target, revision_to_json(revision))
        for old, new in moved.items():  # this article's own corrections follow its moved tags
            if old != new and old not in valid:
                for table in (speakers, dismissed, revised):
                    doc = table.doc(old)
                    if doc is not None and not table.has(new):
                        table.put(new, dict(doc))
                        table.discard([old])
        # where each reviewer left the article follows its statement; an older text's position
        # counts where this text has none of that reviewer
        positions = rec.table(POSITIONS)
        for reviewer, left in [*positions.items(), *((r, d) for r, d in carried_positions.items()
                                                     if not positions.has(r))]:
            sid = str(left.get("statement_id"))
            if moved.get(sid, sid) != sid or not positions.has(reviewer):
                positions.put(reviewer, {**left, "statement_id": moved.get(sid, sid)})
        gone = self._edits_in(rec).dismissed
        count = sum(1 for s in current if s.id not in gone)
        orphaned = tuple(sorted(self._tags_in(rec, ORPHANS).values(), key=lambda t: (t.anchor.start, t.created)))
        return _Reanchoring(moved, orphaned, count, emptied)

    def _carry_resolutions(self, rec: Records, carried: Mapping[str, Resolution],
                           moved: Mapping[str, str], current: Sequence[Statement], text: str) -> None:
        """Resolutions follow their statement where its tags went (`moved`), unless the
        statement there has a decision of its own; one whose statement is gone stays under its
        old id, kept (never dropped), and counts again if the statement comes back."""
        table = rec.table(RESOLUTIONS)
        by_id = {s.id: s for s in current}
        own = self._resolutions_in(rec)
        for sid, resolution in [*own.items(), *carried.items()]:
            target = moved.get(sid, sid)
            if target not in by_id:
                target = sid
            if table.has(target) and (sid in own and target == sid or target in own and target in by_id):
                continue  # where it is already, or the statement there has its own decision
            found = by_id.get(target)
            anchor = make_anchor(text, found.start, found.end) if found is not None else resolution.anchor
            table.put(target, resolution_to_json(replace(resolution, article_id=rec.article_id,
                                                         statement_id=target, anchor=anchor)))
            if sid in own and target != sid:
                table.discard([sid])

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
            old = self._tag_in(rec, statement.id, self.reviewer)

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
            current = self._tag_in(rec, statement_id, reviewer)
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
            index, opened, registered = self._registering(w, register, ids) if register else (None, {}, [])
            new = {done.record.id for done in registered}
            for article_id in ids:
                rec = opened.get(article_id) or w.article(article_id)
                change = plan(article_id, self._state_in(rec))
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
            tag = self._tag_in(rec, statement_id, self.reviewer)
            if tag is not None:
                rec.table(TAGS).discard([tag_key(statement_id, self.reviewer)])
                w.save(rec)
                return tag
            orphans = {k: t for k, t in self._tags_in(rec, ORPHANS).items()
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
