"""Registering articles: each one's record in the index (first seen, last opened), its text
kept, and its reviewers' work carried over from older texts of the same article (the same path
or URL) and re-found in this one: tags (anchoring.py places them; a tag that fits no statement
is kept as an orphan, never dropped), resolutions, added statements, corrections and where
each reviewer left it. Within one write of the store (`TagStore.register`, `TagStore.update`),
saving nothing itself."""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.article.model import Article
from reader.attribution.model import Statement
from reader.store.anchoring import reanchor, relocate_statement
from reader.store.backend import (
    ADDED, ARTICLES, DISMISSED, ENGINE, ENGINE_IDS, LOST_ADDED, ORPHANS, POSITIONS, RESOLUTIONS, REVISED, SPEAKERS,
    TAGS, Doc, Records, Writer,
)
from reader.store.model import (
    ArticleRecord, Edits, Reanchored, Resolution, Revision, Tag, make_anchor, now, record_to_json,
    resolution_to_json, revision_to_json, statement_from_json, statement_to_json, tag_to_json,
)
from reader.store.reading import (
    Texts, edits_in, engine_ids_in, in_text_order, index_records, parse, resolutions_in, tags_in,
)
from reader.store.records import apply_edits
from reader.store.schema import tag_key

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
class Reanchoring:
    """What re-anchoring an article's tags did, for `TagStore.register` to record and report."""

    moved: dict[str, str]  # old statement id -> the id its tag now sits on
    orphaned: tuple[Tag, ...]  # the article's orphaned tags, in text order
    statements: int  # statements of this text, dismissed ones aside
    emptied: list[Records]  # older texts' records emptied, to save after this one


@dataclass(frozen=True)
class Registered:
    """One article registered within a write, nothing saved yet (`registering`)."""

    record: ArticleRecord
    reanchored: Reanchored
    records: Records  # the article's records, re-anchored: to save before `emptied`
    emptied: list[Records]


def registering(w: Writer, texts: Texts, items: Sequence[tuple[Article, list[Statement]]], also: Iterable[str] = ()
                ) -> tuple[Records, dict[str, Records], list[Registered]]:
    """Register `items` (article, the engine's statements) within the write `w`, as
    `TagStore.register` does, saving nothing: returns the index (opened first) with their records
    put, every article opened for them and for `also` (in sorted order of ids), and what
    each registration did. Articles registered together are not one another's older
    versions."""
    index = w.index()
    table = index.table(ARTICLES)
    records = index_records(table, index.where)
    plans: list[tuple[Article, list[Statement], list[ArticleRecord]]] = []
    for article, statements in items:
        w.add_text(article.id, article.text)
        texts.keep(article.id, article.text)
        where = identity(article.path)
        previous = sorted((r for r in records.values()
                           if r.id != article.id and where != "-" and r.path == where),
                          key=lambda r: r.last_opened, reverse=True)
        plans.append((article, statements, previous))
    ids = {*also, *(a.id for a, _, _ in plans), *(p.id for _, _, previous in plans for p in previous)}
    opened = {i: w.article(i) for i in sorted(ids)}
    done: list[Registered] = []
    for article, statements, previous in plans:
        aid = article.id
        found = reanchor_article(opened, texts, aid, article.text, statements, previous)
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
        done.append(Registered(record, Reanchored(moved=found.moved, orphaned=found.orphaned), opened[aid],
                                found.emptied))
    return index, opened, done

def reanchor_article(opened: Mapping[str, Records], texts: Texts, aid: str, text: str,
                     statements: list[Statement], previous: list[ArticleRecord]) -> Reanchoring:
    """Move tags and edits from older texts into this one and re-find this article's own
    tags, in the records `opened`; saves nothing (the caller saves this article's records
    before the older ones emptied, so a crash in between duplicates, never loses)."""
    rec = opened[aid]
    engine_ids = [s.id for s in statements]
    if engine_ids_in(rec) != tuple(engine_ids):  # what counts and numbers read
        rec.table(ENGINE).put(ENGINE_IDS, {"ids": engine_ids})
    own_tags = tags_in(rec)
    own_orphans = tags_in(rec, ORPHANS)
    edits = edits_in(rec)
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
        carried_tags += tags_in(prec).values()
        carried_orphans += tags_in(prec, ORPHANS).values()
        pedits = edits_in(prec)
        old_text = texts.get(prev.id)
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
        for sid, resolution in resolutions_in(prec).items():
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
    carry_resolutions(rec, carried_resolutions, moved, current, text)

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
    gone = edits_in(rec).dismissed
    count = sum(1 for s in current if s.id not in gone)
    orphaned = in_text_order(tags_in(rec, ORPHANS).values())
    return Reanchoring(moved, orphaned, count, emptied)

def carry_resolutions(rec: Records, carried: Mapping[str, Resolution],
                      moved: Mapping[str, str], current: Sequence[Statement], text: str) -> None:
    """Resolutions follow their statement where its tags went (`moved`), unless the
    statement there has a decision of its own; one whose statement is gone stays under its
    old id, kept (never dropped), and counts again if the statement comes back."""
    table = rec.table(RESOLUTIONS)
    by_id = {s.id: s for s in current}
    own = resolutions_in(rec)
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
