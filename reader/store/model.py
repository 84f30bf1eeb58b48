"""The store's records: plain frozen dataclasses and their JSON form. No I/O here."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property
from datetime import datetime, timezone
from typing import Any, Final

from reader.attribution.model import KINDS, Kind, Statement
from reader.store import schema

CONTEXT_CHARS = 32  # how much text before and after a statement its anchor keeps
# The reviewer of a tag saved without a name (a tag of the first round made where there was no
# login name, an imported tag without a creator), and the name of a reviewer who has none.
UNNAMED = schema.UNNAMED


class _Unset:
    """The type of UNSET: "leave this field as it is"."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final = _Unset()


@dataclass(frozen=True)
class Anchor:
    """Re-finds a statement if the article text changes: its words and what surrounds them."""

    exact: str  # the statement's words, == text[start:end]
    prefix: str  # up to CONTEXT_CHARS characters before
    suffix: str  # up to CONTEXT_CHARS characters after
    start: int
    end: int


def make_anchor(text: str, start: int, end: int) -> Anchor:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"offsets {start}..{end} are outside a text of {len(text)} characters")
    return Anchor(exact=text[start:end], prefix=text[max(0, start - CONTEXT_CHARS):start],
                  suffix=text[end:end + CONTEXT_CHARS], start=start, end=end)


@dataclass(frozen=True)
class Tag:
    """The reviewer's judgement on one statement."""

    article_id: str
    statement_id: str
    category: str  # a category name from the active config
    anchor: Anchor
    note: str | None = None
    reliability: str | None = None  # Admiralty source reliability "A".."F"
    credibility: str | None = None  # Admiralty information credibility "1".."6"
    reviewer: str = ""
    created: str = ""  # ISO 8601 UTC, e.g. "2026-11-26T16:05:03Z"
    updated: str = ""


@dataclass(frozen=True)
class Resolution:
    """An adjudicator's decision on a statement the reviewers tagged differently: kept apart
    from the reviewers' own tags, which it never changes."""

    article_id: str
    statement_id: str
    category: str
    by: str  # who settled it
    at: str  # when (ISO 8601 UTC)
    anchor: Anchor


@dataclass(frozen=True)
class ArticleRecord:
    """An article the reviewer has opened: identity, where it came from, when."""

    id: str  # sha256 of the normalised text (reader.article.Article.id)
    path: str  # file path (absolute), URL, or "-"
    title: str
    chars: int
    first_seen: str  # ISO 8601 UTC
    last_opened: str
    meta: dict[str, str] = field(default_factory=dict)  # url, byline, date, encoding (may be empty)
    statements: int = 0  # statements not dismissed, as of the last registration
    replaced_by: str | None = None  # the id of the newer text at the same path, once re-anchored


@dataclass(frozen=True)
class Revision:
    """A statement's words and kind as the reviewer set them (its id and number stay): the
    start or end moved by words, or the kind changed. `text` is the article's text at
    start..end when it was made; a revision applies only while that still holds."""

    start: int
    end: int
    text: str
    kind: Kind


@dataclass(frozen=True)
class Edits:
    """The reviewer's corrections to the engine's statement list."""

    added: tuple[Statement, ...] = ()  # statements the reviewer added, in the order added
    speakers: Mapping[str, str | None] = field(default_factory=dict)  # statement id -> corrected speaker
    dismissed: frozenset[str] = frozenset()  # ids marked "not a statement" (kept, not deleted)
    revised: Mapping[str, Revision] = field(default_factory=dict)  # statement id -> its new bounds or kind


@dataclass(frozen=True)
class Progress:
    """What an article's counts are made of (reader.store.records counts them) and nothing
    more: who tagged which statements, which an adjudicator settled, the statements as of the
    last registration. From a whole `ArticleState.progress`, or read without building any tag
    (`TagStore.progress`: what `reader articles` reads every article by)."""

    tagged: Mapping[str, frozenset[str]] = field(default_factory=dict)  # reviewer -> statements they tagged
    settled: frozenset[str] = frozenset()  # statements with an adjudicator's decision
    dismissed: frozenset[str] = frozenset()
    engine_ids: tuple[str, ...] | None = None  # as ArticleState.engine_ids
    added_ids: tuple[str, ...] = ()  # the reviewers' added statements, in the order added
    orphans: int = 0  # orphaned tags

    @property
    def reviewers(self) -> list[str]:
        """Everyone with a tag on a statement of this article, in alphabetical order."""
        return sorted(name for name, ids in self.tagged.items() if ids)


@dataclass(frozen=True)
class ArticleState:
    """Everything the store holds on one article's statements, read together from one file."""

    # statement id -> reviewer -> that reviewer's tag: one tag per statement and reviewer
    reviews: Mapping[str, Mapping[str, Tag]] = field(default_factory=dict)
    resolutions: Mapping[str, Resolution] = field(default_factory=dict)  # statement id -> decision
    orphans: tuple[Tag, ...] = ()  # as TagStore.orphans
    edits: Edits = field(default_factory=Edits)  # as TagStore.edits
    # the engine's statement ids in reading order at the last registration (None: registered
    # by an older reader, which did not keep them)
    engine_ids: tuple[str, ...] | None = None
    positions: Mapping[str, str] = field(default_factory=dict)  # reviewer -> the statement they left it at

    def tags_of(self, reviewer: str) -> dict[str, Tag]:
        """statement id -> this reviewer's tag."""
        return {sid: by[reviewer] for sid, by in self.reviews.items() if reviewer in by}

    @property
    def reviewers(self) -> list[str]:
        """Everyone with a tag on a statement of this article, in alphabetical order."""
        return self.progress.reviewers

    @cached_property
    def progress(self) -> Progress:
        """What the article's counts are made of."""
        return self.counted(tagged_by(((sid, name) for sid, by in self.reviews.items() for name in by)))

    def counted(self, tagged: Mapping[str, frozenset[str]]) -> Progress:
        """The progress of these records with `tagged` (reviewer -> statements) as their tags."""
        return Progress(tagged=tagged, settled=frozenset(self.resolutions), dismissed=self.edits.dismissed,
                        engine_ids=self.engine_ids, added_ids=tuple(s.id for s in self.edits.added),
                        orphans=len(self.orphans))


def tagged_by(marks: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """reviewer -> the statements they tagged, from (statement id, reviewer) pairs."""
    found: dict[str, set[str]] = {}
    for sid, reviewer in marks:
        by = found.get(reviewer)
        if by is None:
            by = found[reviewer] = set()
        by.add(sid)
    return {name: frozenset(ids) for name, ids in found.items()}


@dataclass(frozen=True)
class Judgements:
    """Each reviewer's category on an article's statements and little else, read without
    building whole tags: what agreement over thousands of articles needs, fast."""

    categories: Mapping[str, Mapping[str, str]]  # statement id -> reviewer -> category
    words: Mapping[str, str]  # statement id -> its words, as a tag on it holds them
    settled: Mapping[str, str]  # statement id -> the category a resolution gave it
    dismissed: frozenset[str] = frozenset()
    engine_ids: tuple[str, ...] = ()  # as ArticleState.engine_ids (() when not kept)
    added_ids: tuple[str, ...] = ()  # the reviewers' added statements, in the order added


@dataclass(frozen=True)
class Reanchored:
    """What registering an article did to its saved tags."""

    moved: Mapping[str, str] = field(default_factory=dict)  # old statement id -> new, for re-found tags
    orphaned: tuple[Tag, ...] = ()  # tags that match nothing any more: kept, reported, never dropped


@dataclass(frozen=True, slots=True)
class ReviewerStatement(Statement):
    """A statement the reviewer added by hand (the engine missed it). Behaves as a Statement;
    the type is how `statement_record` knows to say "added_by_reviewer": true."""


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- JSON form ---------------------------------------------------------------------------
# Loading raises KeyError/TypeError/ValueError on a malformed record; the storage layer turns
# that into a ReaderError naming the file.

def anchor_to_json(anchor: Anchor) -> dict[str, Any]:
    # by hand, in field order: dataclasses.asdict deep-copies every value, and imports save
    # tens of thousands of tags at once
    return {"exact": anchor.exact, "prefix": anchor.prefix, "suffix": anchor.suffix,
            "start": anchor.start, "end": anchor.end}


def anchor_from_json(data: Mapping[str, Any]) -> Anchor:
    start, end = data["start"], data["end"]
    if not (isinstance(start, int) and isinstance(end, int)):
        raise TypeError("anchor offsets must be whole numbers")
    return Anchor(exact=_str(data["exact"]), prefix=_str(data["prefix"]),
                  suffix=_str(data["suffix"]), start=start, end=end)


def tag_to_json(tag: Tag) -> dict[str, Any]:
    """The stored form: the article id is the file's, so it is not repeated in every tag."""
    return {"statement_id": tag.statement_id, "category": tag.category, "anchor": anchor_to_json(tag.anchor),
            "note": tag.note, "reliability": tag.reliability, "credibility": tag.credibility,
            "reviewer": tag.reviewer, "created": tag.created, "updated": tag.updated}


def tag_from_json(data: Mapping[str, Any], article_id: str) -> Tag:
    statement_id, reviewer = tag_mark(data)
    return Tag(article_id=article_id, statement_id=statement_id,
               category=_str(data["category"]), anchor=anchor_from_json(data["anchor"]),
               note=_opt_str(data.get("note")), reliability=_opt_str(data.get("reliability")),
               credibility=_opt_str(data.get("credibility")), reviewer=reviewer,
               created=_str(data.get("created", "")), updated=_str(data.get("updated", "")))


def tag_mark(data: Mapping[str, Any]) -> tuple[str, str]:
    """(statement id, reviewer) of a stored tag: all that counting needs of it."""
    return _str(data["statement_id"]), _str(data.get("reviewer") or UNNAMED)


def resolution_to_json(resolution: Resolution) -> dict[str, Any]:
    return {"statement_id": resolution.statement_id, "category": resolution.category, "by": resolution.by,
            "at": resolution.at, "anchor": anchor_to_json(resolution.anchor)}


def resolution_from_json(data: Mapping[str, Any], article_id: str) -> Resolution:
    return Resolution(article_id=article_id, statement_id=_str(data["statement_id"]), category=_str(data["category"]),
                      by=_str(data["by"]), at=_str(data["at"]), anchor=anchor_from_json(data["anchor"]))


def record_to_json(record: ArticleRecord) -> dict[str, Any]:
    return asdict(record)


def record_from_json(data: Mapping[str, Any]) -> ArticleRecord:
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise TypeError("meta must be a mapping")
    chars, count = data["chars"], data.get("statements", 0)
    if not isinstance(chars, int) or not isinstance(count, int):
        raise TypeError("counts must be whole numbers")
    return ArticleRecord(id=_str(data["id"]), path=_str(data["path"]), title=_str(data["title"]),
                         chars=chars, first_seen=_str(data["first_seen"]),
                         last_opened=_str(data["last_opened"]),
                         meta={str(k): str(v) for k, v in meta.items()}, statements=count,
                         replaced_by=_opt_str(data.get("replaced_by")))


_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))


def statement_to_json(statement: Statement) -> dict[str, Any]:
    return {name: getattr(statement, name) for name in _STATEMENT_FIELDS}


def reviewer_statement(statement: Statement) -> ReviewerStatement:
    if isinstance(statement, ReviewerStatement):
        return statement
    return ReviewerStatement(**statement_to_json(statement))


# the fields statement_from_json reads, by name: a field added to Statement must be read there too
# (or it would be dropped from every statement the reviewer added), and this says so at import
assert set(_STATEMENT_FIELDS) == {"id", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue",
                                  "kind", "suggested_source", "reason", "cue_start", "cue_end", "entity",
                                  "confidence"}


def statement_from_json(data: Mapping[str, Any]) -> ReviewerStatement:
    # every field checked, not only the ones always present: a damaged optional one (a speaker
    # that is a number) is refused here, not carried into the screen as a wrong type
    start, end = _int(data.get("start"), "start"), _int(data.get("end"), "end")
    kind = _kind(data.get("kind"))
    return ReviewerStatement(
        id=_str(data.get("id")), start=start, end=end, text=_str(data.get("text")),
        speaker=_opt_str(data.get("speaker")),
        speaker_start=_opt_int(data.get("speaker_start"), "speaker_start"),
        speaker_end=_opt_int(data.get("speaker_end"), "speaker_end"),
        cue=_opt_str(data.get("cue")), kind=kind,
        suggested_source=_opt_str(data.get("suggested_source")), reason=_opt_str(data.get("reason")),
        cue_start=_opt_int(data.get("cue_start"), "cue_start"), cue_end=_opt_int(data.get("cue_end"), "cue_end"),
        entity=_opt_str(data.get("entity")), confidence=_opt_str(data.get("confidence")))


def revision_to_json(revision: Revision) -> dict[str, Any]:
    return {"start": revision.start, "end": revision.end, "text": revision.text, "kind": revision.kind}


def revision_from_json(data: Mapping[str, Any]) -> Revision:
    start, end = _int(data.get("start"), "start"), _int(data.get("end"), "end")
    if not 0 <= start < end:
        raise ValueError(f"offsets {start}..{end} are not a span of text")
    return Revision(start=start, end=end, text=_str(data.get("text")), kind=_kind(data.get("kind")))


def position_to_json(statement_id: str, at: str) -> dict[str, Any]:
    """Where a reviewer left an article: the statement selected, and when."""
    return {"statement_id": statement_id, "at": at}


def position_from_json(data: Mapping[str, Any]) -> str:
    """The statement id of a position as stored (see position_to_json)."""
    _str(data.get("at"))
    return _str(data["statement_id"])


def speaker_from_json(data: Mapping[str, Any]) -> str:
    """A corrected speaker as stored: {"speaker": "…"}."""
    return _str(data["speaker"])


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any, name: str) -> int:
    if not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number")
    return value


def _opt_int(value: Any, name: str) -> int | None:
    return None if value is None else _int(value, name)


def _kind(value: Any) -> Kind:
    for kind in KINDS:
        if value == kind:
            return kind
    raise ValueError(f"unknown statement kind {value!r}")
