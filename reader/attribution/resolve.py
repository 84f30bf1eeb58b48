"""The last stage: each candidate's speaker resolved past pronouns and short references, its
source category suggested with the reason, and the statements numbered."""
from __future__ import annotations

from reader.attribution.candidates import Raw
from reader.attribution.cues import CueLexicon
from reader.attribution.model import Statement, statement_id
from reader.attribution.mentions import Mention, singular
from reader.attribution import kinds
from reader.attribution.sources import SourceClassifier, Suggestion, evidence_of
from reader.attribution.speakers import Entity, Resolver
from reader.attribution.subjects import (
    antecedent, own_subject, previous_subject, relayed_subject, sentence_before,
)
from reader.attribution.nameindex import NameIndex
from reader.attribution.whoswho import DOCUMENT


def finish(lexicon: CueLexicon, classifier: SourceClassifier, text: str, raws: list[Raw],
           index: NameIndex | None = None) -> list[Statement]:
    """`index`: the names written in the text around the statements, for the who's who."""
    resolver = Resolver(index)
    uncertain = _resolve(lexicon, text, raws, resolver)
    out: list[Statement] = []
    seen: dict[str, int] = {}
    bearers: _Bearers = {}
    suggested: dict[int, str | None] = {}  # category of each statement, by id(raw)
    for raw in raws:
        if raw.silent or (raw.entity is None and raw.cue is None and raw.kind != "post"
                          and len(text[raw.start:raw.end].split()) < 8):
            continue  # a slogan or a title in quotation marks that nobody is said to have said
        words = text[raw.start:raw.end]
        seen[words] = seen.get(words, 0) + 1
        speaker, s_start, s_end = _speaker(raw, bearers)
        context = raw.context
        if raw.mention is not None and raw.mention.pronoun:
            # "X wrote on his blog …. He described …": the words about the one "he" stands for
            context = f"{sentence_before(text, raw.mention.start)} {context}"
        evidence = evidence_of(raw.entity, raw.mention, kind=raw.kind, post_reason=raw.post_reason,
                               context=context, uncertain=id(raw) in uncertain)
        suggestion = classifier.suggest(evidence)
        if evidence.source_kind in _RELAYS and not evidence.post_reason:
            suggestion = _relayed(lexicon, classifier, resolver, text, raw, evidence.name) or suggestion
        category, reason, confidence = suggestion.category, suggestion.reason, suggestion.confidence
        if category is None and raw.nested_in is not None and id(raw.nested_in) in suggested:
            category = suggested[id(raw.nested_in)]
            if category:
                reason, confidence = f"quoted inside a {category} account", "low"
        suggested[id(raw)] = category
        out.append(Statement(
            id=statement_id(words, seen[words]), start=raw.start, end=raw.end, text=words,
            speaker=speaker, speaker_start=s_start, speaker_end=s_end,
            cue=" ".join(raw.cue.split()) if raw.cue else None, kind=raw.kind,
            suggested_source=category, reason=reason,
            cue_start=raw.cue_start, cue_end=raw.cue_end,
            entity=resolver.identify(raw.entity) if raw.entity is not None and speaker is not None else None,
            confidence=confidence if category else None))
    return out


_RELAYS = frozenset({kinds.MEDIA, DOCUMENT})  # sources that pass on what others say


def _relayed(lexicon: CueLexicon, classifier: SourceClassifier, resolver: Resolver, text: str, raw: Raw,
             relay: str) -> Suggestion | None:
    """ "According to the paper, Vale believes …": the suggestion for Vale, whom the paper quotes."""
    mention = relayed_subject(lexicon, text, raw.start, raw.end)
    if mention is None:
        return None
    found = classifier.suggest(evidence_of(resolver.peek(mention), mention, kind=raw.kind))
    if found.category is None:
        return None
    return Suggestion(found.category, f"{relay} passes on {mention.text}: {found.reason}", "low")


def _resolve(lexicon: CueLexicon, text: str, raws: list[Raw], resolver: Resolver) -> set[int]:
    """Each candidate's entity: who its mention names, or who spoke just before it. Returns
    the candidates (by id) whose "he" or "she" could stand for two people."""
    uncertain: set[int] = set()
    subjects: dict[int, Mention | None] = {}  # each sentence's subject, by where it starts
    last: Raw | None = None
    for raw in raws:
        if raw.nested_in is not None:  # someone quoted by a speaker: not part of the article's cast
            if raw.mention is not None and raw.mention.pronoun in ("i", "we") and raw.nested_in.entity is not None:
                # "I said to myself, I said: ‘…’": the speaker quoting their own words
                raw.entity, raw.mention = raw.nested_in.entity, raw.nested_in.mention
            else:
                raw.entity = Entity(raw.mention, [raw.mention]) if raw.mention else None
        elif raw.mention is not None:
            nearby = own = None
            if raw.mention.pronoun:
                own = own_subject(lexicon, text, raw.mention.start)
                if raw.mention.pronoun in ("he", "she"):
                    nearby = antecedent(lexicon, text, raw.mention.start, resolver.known_person, subjects)
            raw.entity = resolver.resolve(raw.mention, nearby, own)
            if resolver.uncertain:
                uncertain.add(id(raw))
        elif raw.inherit and last is not None and raw.paragraph - last.paragraph <= 1:
            subject = previous_subject(lexicon, text, raw.start)
            if subject is not None and last.entity is not None and subject.start > max(last.end, last.entity.last_end):
                # "Jo Vale disagreed. “…”": the person the sentence before is about
                raw.entity, raw.mention = resolver.follow(subject), subject
                uncertain.add(id(raw))
            else:
                raw.entity = last.entity
                raw.mention = last.mention
                raw.cue = raw.cue or last.cue
                raw.post_reason = raw.post_reason or (last.post_reason if last.kind == "post" else None)
        if raw.entity is not None and not raw.silent and raw.nested_in is None:
            last = raw
    return uncertain


def _speaker(raw: Raw, bearers: _Bearers) -> tuple[str | None, int | None, int | None]:
    entity = raw.entity
    if entity is None:
        return None, None, None
    mention = raw.mention
    if mention is not None and not mention.pronoun and (not mention.definite or (entity.plural and not mention.plural)):
        # a name, a new description, or "the official" of a group named before: its own words
        return mention.text, mention.start, mention.end
    best = _role_bearer(entity, mention, bearers) if mention is not None and mention.definite else entity.best
    if best.pronoun:
        return None, None, None
    return best.text, best.start, best.end


# each entity's names written with a role ("Mayor Ada Vale"), by id(entity) and role, found once
# per text: an entity of a long text may have thousands of mentions and as many "the mayor said"
_Bearers = dict[tuple[int, str], list[Mention]]


def _role_bearer(entity: Entity, mention: Mention, bearers: _Bearers) -> Mention:
    """What "the mayor said" is shown by: the latest name written with that role before it
    ("Mayor Ada Vale"), rather than the first mention (maybe a headline's bare "Vale")."""
    role = singular(mention.head)
    named = bearers.get((id(entity), role))
    if named is None:
        named = bearers[(id(entity), role)] = [
            m for m in entity.mentions
            if m.name and singular(m.name.lower()) != role and not m.definite and not m.pronoun
            and role in (singular(w.strip(",.’'").lower()) for w in m.text.split())]
    for m in reversed(named):
        if m.start < mention.start:
            return m
    return entity.best
