"""The reviewer's view of an article: the engine's statements with the reviewer's edits
applied, and one statement with its tag as the JSON export shows it."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.attribution.model import Statement
from reader.store.model import Edits, Progress, Resolution, ReviewerStatement, Tag, anchor_to_json
from reader.store.outcome import disputed, outcome

if TYPE_CHECKING:
    from reader.config import Config

EXTRACT_FIELDS = ("id", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue",
                  "kind", "suggested_source", "reason")


def apply_edits(statements: list[Statement], edits: Edits, config: Config | None = None,
                text: str | None = None) -> list[Statement]:
    """The engine's statements with corrected speakers applied and the reviewer's added
    statements merged in, in reading order; dismissed ones stay (edits.dismissed says which).
    An added statement the engine now finds itself (same id) appears once, as the engine's.
    With `config`, a corrected speaker's suggestion is derived again from the new speaker
    (`resuggest`), as everything the reviewer sees shows it. With the article's `text`, the
    reviewer's revisions (new bounds or kind) apply where their words are still in place."""
    engine_ids = {s.id for s in statements}
    merged = list(statements) + [s for s in edits.added if s.id not in engine_ids]
    out: list[Statement] = []
    for s in merged:
        revision = edits.revised.get(s.id)
        if revision is not None and text is not None and text[revision.start:revision.end] == revision.text:
            s = replace(s, start=revision.start, end=revision.end, text=revision.text, kind=revision.kind)
        if s.id in edits.speakers:
            speaker = edits.speakers[s.id]
            if speaker != s.speaker:
                s = replace(s, speaker=speaker, speaker_start=None, speaker_end=None)
                if config is not None:
                    s = resuggest(s, config)
        out.append(s)
    out.sort(key=lambda s: (s.start, s.end))
    return out


def resuggest(statement: Statement, config: Config) -> Statement:
    """The statement with the suggestion the engine makes for its (corrected) speaker, from the
    speaker's own words: "Michael Flynn, the former DIA chief" -> intelligence; a bare name
    gets none. A post stays a post: its platform, not its author, made the suggestion."""
    if statement.kind == "post":
        return statement
    suggestion, reason, confidence = suggestion_for(statement.speaker, config, statement.text)
    why = f"corrected speaker: {reason}" if reason else "corrected speaker: nothing in the name suggests a category"
    return replace(statement, suggested_source=suggestion, reason=why, confidence=confidence)


def suggestion_for(speaker: str | None, config: Config, context: str | None = None
                   ) -> tuple[str | None, str | None, str | None]:
    """(category, reason, confidence) the engine suggests for a speaker named by the reviewer
    (reader.attribution.suggest); all None when nothing suggests one."""
    from reader.attribution import suggest

    found = suggest(speaker, config, context) if speaker and speaker.strip() else None
    if found is None:
        return None, None, None
    return found.category, found.reason, found.confidence


def numbers(engine_ids: Iterable[str], added_ids: Iterable[str]) -> dict[str, int]:
    """Every statement's number, as the review screen, `reader tags` and the reports show it and
    every command taking a STATEMENT_ID accepts it: the engine's statements in reading order
    from 1, then the reviewer's added statements in the order they were added, each taking the
    next free number. So adding a statement never renumbers another. (`added_ids` in the order
    the store keeps them, which is the order they were added.)"""
    out: dict[str, int] = {}
    for sid in (*engine_ids, *added_ids):
        out.setdefault(sid, len(out) + 1)
    return out


class Tally(NamedTuple):
    """How far the review of an article is: the one count the screen, `reader tags`,
    `reader articles`, the queue and every report show."""

    tagged: int
    total: int  # statements not dismissed (the reviewer's added ones included)

    @property
    def untagged(self) -> int:
        return self.total - self.tagged

    @property
    def done(self) -> bool:
        return self.tagged >= self.total

    def __str__(self) -> str:
        return f"{self.tagged}/{self.total}"


def tally(statement_ids: Iterable[str], tags: Collection[str], dismissed: Collection[str]) -> Tally:
    """Tagged and total over the statements that are not dismissed: a tag on a dismissed
    statement is kept but not counted; an added statement counts like the engine's."""
    tagged = total = 0
    for sid in set(statement_ids):
        if sid in dismissed:
            continue
        total += 1
        tagged += sid in tags
    return Tally(tagged, total)


def article_tally(statement_ids: Iterable[str], progress: Progress, reviewer: str | None) -> Tally:
    """The article's count as every view shows it: over these statements (the engine's and
    the added ones), those `reviewer` tagged (None: the desk's count, `tagged_ids`)."""
    return tally(statement_ids, tagged_ids(progress, reviewer), progress.dismissed)


def stored_tally(progress: Progress, reviewer: str | None, registered: int) -> Tally:
    """`article_tally` from the store alone (no engine run): the statements as of the last
    registration with the edits and tags saved since. For an article last registered by a
    reader that did not keep its statement ids, its `registered` count then, with the tags
    since on statements not dismissed."""
    ids = stored_ids(progress)
    if ids is None:
        return Tally(len(tagged_ids(progress, reviewer) - progress.dismissed), registered)
    return article_tally(ids, progress, reviewer)


def stored_ids(progress: Progress) -> list[str] | None:
    """The article's statement ids from the store alone: the engine's at the last registration,
    then the reviewer's added ones. None for an article last registered by a reader that did
    not keep the engine's."""
    if progress.engine_ids is None:
        return None
    return [*progress.engine_ids, *progress.added_ids]


def tagged_ids(progress: Progress, reviewer: str | None = None) -> set[str]:
    """The statements `reviewer` tagged. None: the desk's, every statement someone tagged or
    an adjudicator settled (what the reports count: reader.exports.model.Item.tagged)."""
    if reviewer is None:
        return {*(sid for ids in progress.tagged.values() for sid in ids), *progress.settled}
    return set(progress.tagged.get(reviewer, ()))


def orphaned_ids(statement_ids: Iterable[str], settled: Iterable[str]) -> list[str]:
    """The statements of `settled` (those with an adjudicator's decision) that are no longer
    among `statement_ids`: their decisions are orphaned (`orphaned_resolutions`)."""
    current = set(statement_ids)
    return [sid for sid in settled if sid not in current]


def orphaned_resolutions(statement_ids: Iterable[str], resolutions: Mapping[str, Resolution]) -> list[Resolution]:
    """The adjudicators' decisions on statements that are no longer in the text (kept under
    their old id, never dropped; they count again if the statement comes back), in the
    order of the words they were made on."""
    return sorted((resolutions[sid] for sid in orphaned_ids(statement_ids, resolutions)),
                  key=lambda r: (r.anchor.start, r.at))


def tag_json(tag: Tag | None) -> dict[str, Any] | None:
    if tag is None:
        return None
    return {"category": tag.category, "note": tag.note, "reliability": tag.reliability,
            "credibility": tag.credibility, "reviewer": tag.reviewer, "created": tag.created,
            "updated": tag.updated}


def reviewer_tag_json(tag: Tag) -> dict[str, Any]:
    """One reviewer's tag in a statement's `tags`: the reviewer first."""
    return {"reviewer": tag.reviewer, **{k: v for k, v in (tag_json(tag) or {}).items() if k != "reviewer"}}


def resolution_json(resolution: Resolution | None) -> dict[str, Any] | None:
    if resolution is None:
        return None
    return {"category": resolution.category, "by": resolution.by, "at": resolution.at}


def orphan_json(tag: Tag) -> dict[str, Any]:
    """An orphaned tag as `reader tags` and the json export list it: its old statement id, the
    tag, and its anchor (offsets into the text it was made on, not this article's text)."""
    return {"statement_id": tag.statement_id, **(tag_json(tag) or {}), "anchor": anchor_to_json(tag.anchor)}


def orphaned_resolution_json(resolution: Resolution) -> dict[str, Any]:
    """An adjudicator's decision whose statement is gone, listed as orphaned tags are."""
    return {"statement_id": resolution.statement_id, **(resolution_json(resolution) or {}),
            "anchor": anchor_to_json(resolution.anchor)}


def statement_record(statement: Statement, tags: Iterable[Tag] = (), resolution: Resolution | None = None, *,
                     dismissed: bool = False, added: bool | None = None, number: int | None = None
                     ) -> dict[str, Any]:
    """One statement as the JSON export shows it: the extract fields (and its `number`, when
    given, after its id), "tags" (every reviewer's, by name), "resolution" (null or the
    adjudicator's decision), "tag" (the outcome, reader.store.outcome: null or the tag's
    fields), "disputed", "dismissed" and "added_by_reviewer" (statements from
    `TagStore.edits().added` know they were added; pass `added` to say so for others)."""
    record: dict[str, Any] = {}
    for name in EXTRACT_FIELDS:
        record[name] = getattr(statement, name)
        if name == "id" and number is not None:
            record["number"] = number
    found = sorted(tags, key=lambda t: t.reviewer)
    record["tags"] = [reviewer_tag_json(t) for t in found]
    record["resolution"] = resolution_json(resolution)
    record["tag"] = tag_json(outcome(found, resolution))
    record["disputed"] = disputed(found, resolution)
    record["dismissed"] = bool(dismissed)
    record["added_by_reviewer"] = isinstance(statement, ReviewerStatement) if added is None else bool(added)
    return record
