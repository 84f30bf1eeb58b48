"""The last stage: each candidate's speaker resolved past pronouns and short references, its
source category suggested with the reason, and the statements numbered."""
from __future__ import annotations

from reader.attribution.candidates import Raw
from reader.attribution.cues import CueLexicon
from reader.attribution.model import Statement, statement_id
from reader.attribution.sources import Evidence, SourceClassifier
from reader.attribution.speakers import Entity, Resolver
from reader.attribution.subjects import antecedent


def finish(lexicon: CueLexicon, classifier: SourceClassifier, text: str, raws: list[Raw]) -> list[Statement]:
    _resolve(lexicon, text, raws)
    out: list[Statement] = []
    seen: dict[str, int] = {}
    suggested: dict[int, str | None] = {}  # category of each statement, by id(raw)
    for raw in raws:
        if raw.silent or (raw.entity is None and raw.cue is None and raw.kind != "post"
                          and len(text[raw.start:raw.end].split()) < 8):
            continue  # a slogan or a title in quotation marks that nobody is said to have said
        words = text[raw.start:raw.end]
        seen[words] = seen.get(words, 0) + 1
        speaker, s_start, s_end = _speaker(raw)
        suggestion = classifier.suggest(_evidence_for(raw))
        category, reason = suggestion.category, suggestion.reason
        if category is None and raw.nested_in is not None and id(raw.nested_in) in suggested:
            category = suggested[id(raw.nested_in)]
            if category:
                reason = f"quoted inside a {category} account"
        suggested[id(raw)] = category
        out.append(Statement(
            id=statement_id(words, seen[words]), start=raw.start, end=raw.end, text=words,
            speaker=speaker, speaker_start=s_start, speaker_end=s_end,
            cue=" ".join(raw.cue.split()) if raw.cue else None, kind=raw.kind,
            suggested_source=category, reason=reason,
            cue_start=raw.cue_start, cue_end=raw.cue_end))
    return out


def _resolve(lexicon: CueLexicon, text: str, raws: list[Raw]) -> None:
    """Each candidate's entity: who its mention names, or who spoke just before it."""
    resolver = Resolver()
    last: Raw | None = None
    for raw in raws:
        if raw.nested_in is not None:  # someone quoted by a speaker: not part of the article's cast
            raw.entity = Entity(raw.mention, [raw.mention]) if raw.mention else None
        elif raw.mention is not None:
            nearby = antecedent(lexicon, text, raw.mention.start) if raw.mention.pronoun in ("he", "she") else None
            raw.entity = resolver.resolve(raw.mention, nearby)
        elif raw.inherit and last is not None and raw.paragraph - last.paragraph <= 1:
            raw.entity = last.entity
            raw.mention = last.mention
            raw.cue = raw.cue or last.cue
            raw.post_reason = raw.post_reason or (last.post_reason if last.kind == "post" else None)
        if raw.entity is not None and not raw.silent and raw.nested_in is None:
            last = raw


def _evidence_for(raw: Raw) -> Evidence:
    entity = raw.entity
    if entity is None:
        return Evidence(raw.kind, raw.post_reason, (), raw.context, None, False, False)
    best = entity.best
    country = (best.name or best.text) if best.country else None
    # a person introduced by full name and never by a role: "Tsion Kebede", not "Engineers"
    named = best.person and best.name is not None and len(best.name.split()) >= 2 and not entity.has_role
    descriptions = entity.descriptions
    mention = raw.mention
    # a speaker's own words first ("Nurse X"), unless they only point back ("the official")
    own = mention.all_text if mention is not None and not mention.pronoun and not mention.definite else None
    if own and descriptions[:1] != (own,):
        descriptions = (own, *descriptions)
    return Evidence(kind=raw.kind, post_reason=raw.post_reason, descriptions=descriptions,
                    context=raw.context, country=country, age=entity.age, named_person=named)


def _speaker(raw: Raw) -> tuple[str | None, int | None, int | None]:
    entity = raw.entity
    if entity is None:
        return None, None, None
    mention = raw.mention
    if mention is not None and not mention.pronoun and not mention.definite:
        return mention.text, mention.start, mention.end
    best = entity.best
    if best.pronoun:
        return None, None, None
    return best.text, best.start, best.end
