"""`reader import`: merging tags from a json export or a W3C annotation collection into the store.

The whole file is read and checked, and every change planned, before the first write: a file
that is not JSON, of an unknown shape, naming an article the store has never seen, or holding
a bad record is refused with one sentence and the store is left exactly as it was.

Planning and writing: what needs no lock is done first (finding each article, reading its
text, running the engine); then one `TagStore.update` holds the lock while the articles taken
from the file (--add-articles) are registered, each article's tags and edits are read as they
are now, the merge is planned from that reading, and the result written: a tag saved by another
window or command while the import runs is merged like any other, never overwritten unseen.
Each article's file is written once, atomically. A failure while writing (disk full, a damaged
file) changes no article; a crash can leave some articles imported and others not, never part
of one article (see `update`); importing the same file again completes it. A dry run plans
each article from a reading made the same way, and writes nothing.

Matching: by article id, then by statement id, then by the anchors (the exact words, the text
before and after them, their position). A tag whose words are in the article but on no
statement the engine finds comes in with its statement, as one the reviewer added.

Every tag belongs to its reviewer (the json's `reviewer`, the annotation's creator; UNNAMED
when the file names none), and the store keeps one per statement and reviewer: another
reviewer's tags are added beside the database's, never over them. Merging each tag with the
store's tag of the same reviewer on the same statement:
- none in the store: added;
- same category, note and grades: skipped as identical;
- a different category: a conflict (one reviewer's tag in two versions); the newer `updated`
  wins (ties keep the database's), or the database's with `keep_mine`; every conflict is listed;
- same category, other details different: the newer wins (updated), else the database's is kept.
Resolutions (an adjudicator's decision) are merged the same way, one per statement: added
when the database has none, the newer `at` winning a different one (the database's with
`keep_mine`), every such conflict listed.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.article import Article
from reader.article.model import article_id as hash_text
from reader.attribution import Statement, extract
from reader.config import Config
from reader.errors import ReaderError
from reader.fileio import read_file
from reader.safe_text import printable
from reader.exports.incoming import IncomingArticle, IncomingFile, IncomingPlace, IncomingResolution, IncomingTag, parse
from reader.exports.import_result import Conflict, ImportResult, ResolutionConflict
from reader.exports.import_state import PlannedArticle, Source, same_content, same_record
from reader.exports.incoming_w3c import source_path

if TYPE_CHECKING:
    from reader.store import ArticleChange, ArticleRecord, ArticleState, Resolution, Revision, Tag, TagStore

MAX_IMPORT_BYTES = 512 * 1024 * 1024
# What parsing a file may take in memory, estimated from its bytes before parsing: a file of
# tiny values ("[{},{},…]") takes twenty-odd times its size as Python objects, an export four.
MAX_IMPORT_MEMORY = 3 * 1024 * 1024 * 1024


# --- reading --------------------------------------------------------------------------------

def read_import_file(path: Path) -> str:
    path = Path(path).expanduser()
    data = read_file(path, what="an import file", limit=MAX_IMPORT_BYTES)
    need = parsing_memory(data)
    if need > MAX_IMPORT_MEMORY:
        raise ReaderError(f"{path}: would take about {need / 2**30:.1f} GB of memory to read (it holds "
                          f"{data.count(b',') + 1:,} values), more than reader allows for an import "
                          f"({MAX_IMPORT_MEMORY / 2**30:.1f} GB); nothing was imported.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReaderError(f"{path}: not a JSON file (not UTF-8 text); reader imports its own json "
                          "exports and W3C annotation collections; nothing was imported.") from None


def parsing_memory(data: bytes) -> int:
    """An upper estimate of the memory `json.loads` takes for `data`: each object or list (a
    `{` or `[`) about 72 bytes, each other value or key (after a `,` or `:`) about 56, and the
    text itself; brackets and commas inside strings count too, so it errs on the large side.
    A reader export of 106 MB comes to about 0.4 GB, as measured."""
    containers = data.count(b"{") + data.count(b"[")
    values = data.count(b",") + data.count(b":")
    return 72 * containers + 56 * values + 2 * len(data)


def import_file(store: TagStore, config: Config, path: Path, *, keep_mine: bool = False,
                add_articles: bool = False, dry_run: bool = False) -> ImportResult:
    """Merge the tags of a json export or a W3C collection at `path` into the store."""
    # The file's text lives only while it is parsed (a big import's peak memory).
    incoming = parse(read_import_file(path), str(path), config)
    return _import(store, config, incoming, str(path), keep_mine=keep_mine, add_articles=add_articles,
                   dry_run=dry_run)


def import_text(store: TagStore, config: Config, text: str, name: str, *, keep_mine: bool = False,
                add_articles: bool = False, dry_run: bool = False) -> ImportResult:
    return _import(store, config, parse(text, name, config), name, keep_mine=keep_mine,
                   add_articles=add_articles, dry_run=dry_run)


def _import(store: TagStore, config: Config, incoming: IncomingFile, name: str, *, keep_mine: bool,
            add_articles: bool, dry_run: bool) -> ImportResult:
    plan = _Planner(store, config, name, incoming, keep_mine=keep_mine, add_articles=add_articles)
    del incoming  # the planner lets go of the file's records once it has planned
    return plan.run(dry_run=dry_run)


# --- planning (reader.exports.import_state: each article as the import will leave it) -----------

class _Planner:
    def __init__(self, store: TagStore, config: Config, name: str, incoming: IncomingFile, *,
                 keep_mine: bool, add_articles: bool) -> None:
        self.store, self.config, self.name, self.incoming = store, config, name, incoming
        self.keep_mine, self.add_articles = keep_mine, add_articles
        self.result = ImportResult(name, incoming.kind, skipped_annotations=incoming.skipped)
        self._records: list[ArticleRecord] | None = None
        self._by_id: dict[str, ArticleRecord] | None = None
        self.sources: dict[str, Source] = {}  # by article id, in the file's order
        self.registers: list[tuple[Article, list[Statement]]] = []  # articles taken from the file

    def refuse(self, where: str, problem: str) -> ReaderError:
        return ReaderError(printable(f"{self.name}: {where}: {problem}; nothing was imported."))

    def run(self, *, dry_run: bool) -> ImportResult:
        for article in self.incoming.articles:  # no lock needed: texts and the engine's statements
            self.source_for(article).articles.append(article)
        self.incoming.articles = []
        if dry_run:
            for article_id in list(self.sources):
                self.plan(article_id, self.store.article_state(article_id))
        else:
            # the articles taken from the file registered, then read, planned and written, under one lock
            self.store.update(list(self.sources), self.plan, register=self.registers)
        self.result.dry_run = dry_run
        return self.result

    def plan(self, article_id: str, stored: ArticleState) -> ArticleChange:
        """The import's changes to one article, planned from its state as it is now (under the
        store's lock, when not a dry run)."""
        source = self.sources.pop(article_id)  # each article's records are let go once planned
        state = PlannedArticle(source, stored)
        for article in source.articles:
            self.plan_edits(article, state)
            for tag in article.tags:
                self.plan_tag(tag, state)
            for resolution in article.resolutions:
                self.plan_resolution(resolution, state)
        return state.change()

    # --- articles ---

    def records(self) -> list[ArticleRecord]:
        if self._records is None:
            self._records = self.store.articles()
        return self._records

    def record(self, article_id: str) -> ArticleRecord | None:
        """The store's record of this article (the index read once per import, not per article)."""
        if self._by_id is None:
            self._by_id = {r.id: r for r in self.records()}
        return self._by_id.get(article_id)

    def source_for(self, article: IncomingArticle) -> Source:
        record = self.record(article.id) if article.id else self.record_for_source(article)
        if record is None and article.id and article.text is not None and self.add_articles:
            return self.register_from_file(article, article.id, article.text)
        if record is None:
            hint = " or import with --add-articles to take its text from this file" if article.text else ""
            raise self.refuse(article.where, f"this tag database has never seen the article "
                                             f"{self.describe(article)}; open it first (reader PATH){hint}")
        if record.id in self.sources:
            return self.sources[record.id]
        text = self.store.text(record.id)
        if text is None:
            raise self.refuse(article.where, f"the tag database has no copy of the text of article "
                                             f"{record.id[:12]}… ({record.path})")
        source = self.sources[record.id] = Source(record.id, record.title, text, extract(text, self.config))
        return source

    def describe(self, article: IncomingArticle) -> str:
        if article.id:
            return f"{article.id[:12]}…" + (f" ({article.path})" if article.path else "")
        return article.source or "(no source)"

    def record_for_source(self, article: IncomingArticle) -> ArticleRecord | None:
        if not article.source:
            return None
        path = source_path(article.source)
        matches = [r for r in self.records() if path in (r.path, r.meta.get("url")) or article.source == r.path]
        matches.sort(key=lambda r: (getattr(r, "replaced_by", None) is None, r.last_opened), reverse=True)
        words = [t.exact for t in article.tags if t.exact]
        for record in matches:  # the newest version whose text holds the tagged words
            text = self.store.text(record.id) or ""
            if all(w in text for w in words):
                return record
        return matches[0] if matches else None

    def register_from_file(self, article: IncomingArticle, article_id: str, text: str) -> Source:
        """With add_articles, an article the store has not seen is taken from the file's text."""
        if article_id in self.sources:
            return self.sources[article_id]
        if hash_text(text) != article_id:
            raise self.refuse(article.where, "the article text does not match its id (it was changed "
                                             "after the export)")
        path = article.path or "-"
        if any(r.path == path for r in self.records()):
            # a different text at the same path here: never let the import replace the reviewer's
            # own version of the article, so the imported one is recorded without a path
            path = "-"
        statements = extract(text, self.config)
        self.registers.append((Article(text=text, path=path, title=article.title, meta=dict(article.meta)),
                               statements))
        self.result.articles_added.append(article.title or article_id)
        source = self.sources[article_id] = Source(article_id, article.title, text, statements)
        return source

    # --- edits ---

    def plan_edits(self, article: IncomingArticle, state: PlannedArticle) -> None:
        # added in the order their reviewer added them (their numbers), so they keep their numbers
        for s in sorted(article.added, key=lambda s: article.added_numbers.get(s.id, 0)):
            if s.id in state.by_id:
                continue
            if state.text[s.start:s.end] != s.text:
                raise self.refuse(article.where, f"statement {s.id} is not at {s.start}..{s.end} of the "
                                                 "article's text")
            self.add_statement(state, s)
        for sid in article.dismissed:
            if sid in state.by_id and sid not in state.dismissed:
                state.dismissed.add(sid)
                state.new_dismissed.add(sid)
                self.result.dismissed += 1
        for sid, speaker in article.speakers.items():
            found = state.by_id.get(sid)
            # the reviewer's own correction is never overwritten
            if found is not None and sid not in state.speakers and found.speaker != speaker and speaker is not None:
                state.speakers.add(sid)
                state.new_speakers[sid] = speaker
                self.result.speakers += 1
        for sid, revision in article.revised.items():
            found = state.by_id.get(sid)
            # the reviewer's own revision is never overwritten; one whose words are not there is left out
            if found is None or sid in state.revised or state.text[revision.start:revision.end] != revision.text:
                continue
            if (found.start, found.end, found.kind) != (revision.start, revision.end, revision.kind):
                state.revise(sid, revision)
                self.result.revised += 1
        for edit in article.edited:  # (w3c: an untagged statement's words and kind, as a tag's would be)
            self.moved_statement(edit, state)

    def moved_statement(self, incoming: IncomingPlace, state: PlannedArticle) -> Statement | None:
        """The statement the file names by id, revised as the file has it: its words, when they
        are other words of this text (both selectors agree: a reviewer moved its start or end,
        `b`), and its kind, when the file gives one (`K`). A w3c file says so only by its
        selectors and `reader:kind` (json says `revised_by_reviewer`, taken by `plan_edits`);
        the database reviewer's own revision is never overwritten. None when nothing changes, and
        for an orphan of the file: its offsets are into the text it was tagged on, not this one."""
        from reader.store import Revision

        found = state.by_id.get(incoming.statement_id or "")
        if found is None or found.id in state.revised or incoming.orphan:
            return None
        exact, start, end = incoming.exact, incoming.start, incoming.end
        kind = incoming.kind or found.kind
        if exact is not None and start is not None and end is not None and found.text != exact:
            if state.text[start:end] != exact:
                return None  # other words than this statement's: not its revision
            revision = Revision(start, end, exact, kind)
        elif kind != found.kind and (exact is None or found.text == exact):
            revision = Revision(found.start, found.end, found.text, kind)
        else:
            return None
        state.revise(found.id, revision)
        self.result.revised += 1
        return state.by_id[found.id]

    def add_statement(self, state: PlannedArticle, statement: Statement) -> None:
        state.add(statement)
        self.result.statements_added += 1

    # --- tags ---

    def plan_tag(self, incoming: IncomingTag, state: PlannedArticle) -> None:
        from reader.store import UNNAMED, Tag, make_anchor

        if incoming.exact is None and incoming.start is not None and incoming.end is not None:
            if incoming.start < incoming.end <= len(state.text):  # a position without a quote
                incoming.exact = state.text[incoming.start:incoming.end]
        statement = self.moved_statement(incoming, state) or state.find_statement(incoming)
        if statement is None and incoming.orphan:
            self.plan_orphan(incoming, state)
            return
        if statement is None:
            span = state.find_span(incoming)
            if span is None:
                self.result.unplaced.append((state.title, incoming))
                return
            statement = state.new_statement(incoming, *span)
            self.add_statement(state, statement)
        theirs = Tag(article_id=state.id, statement_id=statement.id, category=incoming.category,
                     anchor=make_anchor(state.text, statement.start, statement.end), note=incoming.note,
                     reliability=incoming.reliability, credibility=incoming.credibility,
                     reviewer=incoming.reviewer or UNNAMED, created=incoming.created,
                     updated=incoming.updated or incoming.created)
        mine = state.tags.get((statement.id, theirs.reviewer))
        if mine is None:
            self.result.added += 1
            self.put(state, theirs)
            return
        if same_content(mine, theirs):
            self.result.identical += 1
            return
        newer = theirs.updated > mine.updated and not self.keep_mine
        if mine.category != theirs.category:
            self.result.conflicts.append(Conflict(state.title, statement.text, mine, theirs,
                                                  "file" if newer else "store"))
            if newer:
                self.put(state, theirs)
        elif newer:
            self.result.updated += 1
            self.put(state, theirs)
        else:
            self.result.kept += 1

    def put(self, state: PlannedArticle, tag: Tag) -> None:
        state.tags[(tag.statement_id, tag.reviewer)] = tag
        state.new_tags.append(tag)

    def plan_resolution(self, incoming: IncomingResolution, state: PlannedArticle) -> None:
        """An adjudicator's decision from the file, on the statement it names. One with no
        statement here is kept under its old id when the file lists it as orphaned (as the
        store keeps it: never dropped), else left out and counted as not placed."""
        from reader.store import UNNAMED, Anchor, Resolution, make_anchor

        statement = self.moved_statement(incoming, state) or state.find_statement(incoming)
        if statement is not None:
            sid, anchor = statement.id, make_anchor(state.text, statement.start, statement.end)
        elif incoming.orphan and incoming.statement_id and incoming.exact is not None:
            sid, anchor = incoming.statement_id, Anchor(incoming.exact, incoming.prefix, incoming.suffix,
                                                        incoming.start or 0, incoming.end or 0)
        else:
            self.result.unplaced_resolutions += 1
            return
        theirs = Resolution(state.id, sid, incoming.category, incoming.by or UNNAMED, incoming.at, anchor)
        mine = state.resolutions.get(sid)
        if mine is not None and (mine.category, mine.by, mine.at) == (theirs.category, theirs.by, theirs.at):
            self.result.identical += 1
            return
        newer = mine is None or (theirs.at > mine.at and not self.keep_mine)
        conflict = mine is not None and mine.category != theirs.category
        if conflict:
            assert mine is not None
            self.result.resolution_conflicts.append(
                ResolutionConflict(state.title, anchor.exact, mine, theirs, "file" if newer else "store"))
        elif newer:
            self.result.resolutions += 1
        else:
            self.result.kept += 1  # the same decision, the database's the later
        if newer:
            state.resolutions[sid] = theirs
            state.new_resolutions.append(theirs)

    def plan_orphan(self, incoming: IncomingTag, state: PlannedArticle) -> None:
        """An orphaned tag of the file that fits no statement here either: kept as one of the
        article's orphaned tags, as it is (every export lists it with the orphans)."""
        from reader.store import Anchor, Tag

        tag = Tag(article_id=state.id, statement_id=incoming.statement_id or "", category=incoming.category,
                  anchor=Anchor(incoming.exact or "", incoming.prefix, incoming.suffix, incoming.start or 0,
                                incoming.end or 0),
                  note=incoming.note, reliability=incoming.reliability, credibility=incoming.credibility,
                  reviewer=incoming.reviewer, created=incoming.created, updated=incoming.updated)
        known = [*state.orphans, *state.tags.values()]  # (orphans of any reviewer: their records are compared whole)
        if any(same_record(tag, other) for other in known):
            self.result.identical += 1
            return
        if not tag.statement_id:
            self.result.unplaced.append((state.title, incoming))
            return
        state.orphans.append(tag)
        state.new_orphans.append(tag)
        self.result.orphans += 1
