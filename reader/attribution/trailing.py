"""Attributions that follow or interrupt the words they attribute: "…, the ministry said on
Friday.", "…, said the minister, a former judge.", "Democrats, the author notes, applaud …"."""
from __future__ import annotations

import re
from collections.abc import Callable

from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.clauses import FINITE, WEEKDAY, has_quote, past_audience, trim_end
from reader.attribution.cues import CueForm
from reader.attribution.lexicon import DETERMINERS
from reader.attribution.mentions import Mention
from reader.attribution.phrases import subject_after, subject_before
from reader.attribution.structure import OPENERS
from reader.attribution.verbs import INVERTING, TELL_LIKE

# what may follow the cue of "…, the ministry said on Friday." before the sentence ends, or
# before a dash that adds the writer's own gloss ("…, they said Sunday — murder carrying …"),
# or a participle that adds more of the speaker's words ("…, X said Tuesday, noting …")
_TRAILING_TAIL = re.compile(
    r"(?:\s+(?:on|in|at|late|early|earlier|later|last|this|yesterday|today|during|after|via|to)"
    rf"(?:\s+[\w’'.-]+){{0,6}}?|\s+{WEEKDAY}(?:\s+(?:in|at)(?:\s+[\w’'.-]+){{1,4}}?)?)?"
    r"(?:\s*[.!]?|\s+[—–]\s.*|,\s+(?P<participle>[a-z]+ing)\b.*|;\s.*|,\s+(?P<as>as)\s.*)\s*")
# ", says Ada Lind, a geologist at the institute, is that …": the speaker, perhaps an
# appositive, and the sentence going on with a verb in lower case (not "who", not a participle)
_INVERTED_TAIL = re.compile(r"\s+[A-Z][^,;:“”\"()]{1,60}?(,)(?:\s+[^,;:“”\"()]{2,90}?,)??"
                            r"\s+(?!(?:who|whom|whose|which|where|when|and|but|according|a|an|the)\b)(?![a-z]+ing\b)[a-z]")
_PAREN_TAIL = re.compile(r"(?:\s+(?:on|in|at|last|this)(?:\s+[\w’'.-]+){0,4}?)?(,)\s+[\w“\"‘']")
# a verb in the words after ", says …": they are a clause ("the crew left in May"), not a speaker
_CLAUSE_AFTER_CUE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|left|went|"
    r"came|took|made|gave|got|ran|fell|rose|won|lost)\b|(?<!\ba )(?<!\ban )(?<!\bthe )\b[a-z]+ed\s+"
    r"(?:in|on|at|to|from|by|the|a|an|\d)\b")
# the full stop of a title or an initial inside a name: "Mr. Hale", "Sen. Ode", "J. K. Lind"
_ABBREVIATION_STOP = r"(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z])|(?<=\b[A-Z][a-z][a-z]))\.(?=\s+[A-Z])"
# ", said Brian Baker, a longtime adviser to the family who …." : the speaker, maybe an appositive
# (the appositive opens with a determiner, a role in lower case, a relative pronoun or a name:
# ", director of the centre.", ", its president.", ", who was elected in 2012.", ", Ohio's senator.")
_NAME_THEN_END = re.compile(rf"\s+(?:[^,.;:]|{_ABBREVIATION_STOP}){{2,60}}(?:,\s+(?:(?:{'|'.join(sorted(DETERMINERS))})\s[^;:]{{0,200}}?|"
                            r"(?:who|whose)\s[^;:]{0,200}?|[A-Z][^;:]{0,200}?|"
                            r"(?!(?:and|but|or|who|whom|whose|which|while|as|because|when|where)\b)(?![a-z]+ing\b)"
                            r"[a-z][^,;:]{0,200}?))?"  # "…, said Howard, but her record …", "…, said Ode, adding …"
                            r"(?:[.!]?|,\s+but\s.*|,\s+(?P<participle>[a-z]+ing)\b.*)\s*")
# ", his top aide, Tad Devine," or ", Tad Devine," right before the cue: a name set off by commas,
# maybe after a short role phrase
_APPOSED_SPEAKER = re.compile(r",\s+(?:(?:a|an|the|his|her|its|their)\s+[\w’'.-]+(?:\s+[\w’'.-]+){0,4},\s+)?"
                              r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3},\s*$")
_AUX_WORD = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b")
_CLOSES_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,;:“”\"]*,\s*$", re.IGNORECASE)


def trailing_attribution(scan: SentenceScan, m: re.Match[str], form: CueForm, speaker: Callable[[], Mention | None]) -> Raw | None:
    """`…, his wife said.` / `…, said the minister.`: the words before the comma. `speaker`
    gives the subject the cue has before it, if any."""
    text, sent = scan.text, scan.sent
    after = text[m.end():sent.end]
    before = text[sent.start:m.start()]
    comma = before.rfind(",")
    if comma < 0:
        return None
    apposed = _APPOSED_SPEAKER.search(before) if not before[comma + 1:].strip() else None
    if apposed is not None:  # "…, his top aide, Tad Devine, told the paper.": the role and name speak
        comma = apposed.start()
    speaker_text = before[comma + 1:]
    if re.search(r"\b(?:which|whom|who|where)\b", speaker_text):
        return None  # "…, to which X replied in the negative": a relative clause, not an attribution
    if not speaker_text.strip():  # ", said X."
        name_then_end = _NAME_THEN_END.fullmatch(after)
        participle = name_then_end.group("participle") if name_then_end is not None else None
        if participle is not None and scan.lexicon.form(participle) is None:
            return None  # "…, said Ode, leaving …": not more of the speaker's words
        named = after[:name_then_end.start("participle")] if participle and name_then_end else after
        if form.lemma not in INVERTING or name_then_end is None \
                or re.search(r"\bthat\b", named.split(",")[0]) or _CLOSES_RELATIVE.search(before) \
                or _CLAUSE_AFTER_CUE.search(re.split(r"\b(?:who|which|whose)\b|,\s+but\s", named)[0]):
            return None  # "X, who saw it, said …", "X, seen by Y, says the crew left": a clause
        own = speaker()
        if own is not None and _set_off(text, own.end, sent.start + comma):
            return None  # "X of Ohio, a Republican who …, said the family deserved better": X speaks
        mention = subject_after(text, m.end(), sent.end)
    else:
        # "…, two officials told Reuters.": the audience before the sentence ends
        tail = m.end() if form.lemma not in TELL_LIKE else past_audience(text, m.end(), sent.end)
        tail_m = _TRAILING_TAIL.fullmatch(text, tail, sent.end)
        participle = tail_m.group("participle") if tail_m is not None else None
        if tail_m is None or (participle is not None and scan.lexicon.form(participle) is None):
            return None  # but "…, X could threaten to sell, leaving nothing": not a cue
        if len(speaker_text.split()) > 8:
            return None
        if tail_m.group("as") and not FINITE.search(text, sent.start, sent.start + comma):
            return None  # "In the early 1990s, she said, as …": the attribution sits inside its words
        mention = subject_before(text, sent.start + comma + 1, m.start())
    if mention is None:
        return None
    cstart = sent.start
    cend = trim_end(text, cstart, sent.start + comma)
    if len(text[cstart:cend].split()) < 4:
        return None
    if text[cstart] in OPENERS + '"' or text.startswith("''", cstart):
        first = next((q for q in sent.quotes if q.open == cstart), None)
        if first is None or len(text[first.after:cend].split()) < 3:
            return None  # a quotation: the direct rules attribute it
        # "“I held and hugged” grieving families before …, he said": words of the writer's
        # follow the quotation, so the whole is the speaker's, mixed
    return Raw(cstart, cend, "mixed" if has_quote(text, cstart, cend) else "indirect", m.group(), m.start(),
               m.end(), mention, context=text[m.start():sent.end] + " " + text[cstart:cend])


def _set_off(text: str, end: int, comma: int) -> bool:
    """Does an appositive or a relative clause stand between a subject ending at `end` and the
    comma before its cue ("X of Ohio, a Republican who …, said")? A clause's last words before
    ", said Y" ("… a burden that distracts from teaching, said Y") are no subject of "said"."""
    between = text[end:comma]
    if end >= comma or between.lstrip()[:1] not in (",", "—", "–", "("):
        return False
    # each piece up to its relative pronoun has no verb: "a Democrat (who opposed the bill)", not
    # "(Even if the office closed,) some of its work would be done …"
    return not any(_AUX_WORD.search(re.split(r"\b(?:who|whom|whose|which|that)\b", piece)[0])
                   for piece in re.split(r"[,—–(]", between))


def parenthetical(scan: SentenceScan, m: re.Match[str]) -> Raw | None:
    """`Democrats, the author notes, applaud …`, `The risk, says Ada Lind, a geologist, is …`:
    an attribution set inside the sentence it attributes; the statement is the whole sentence."""
    text, sent = scan.text, scan.sent
    before = text[max(sent.start, m.start() - 60):m.start()]
    comma = before.rfind(",")
    inverted = not before[comma + 1:].strip()
    after = _PAREN_TAIL.match(text, m.end(), sent.end) or \
        (_INVERTED_TAIL.match(text, m.end(), sent.end) if inverted else None)
    if comma < 0 or after is None or len(before[comma + 1:].split()) > 6:
        return None
    start = m.start() - len(before) + comma + 1
    mention = subject_after(text, m.end(), after.start(1)) if inverted else subject_before(text, start, m.start())
    if mention is None or not text[sent.start:start].strip(" ,"):
        return None
    cend = trim_end(text, sent.start, sent.end)
    return Raw(sent.start, cend, "mixed" if has_quote(text, sent.start, cend) else "indirect", m.group(),
               m.start(), m.end(), mention, context=text[sent.start:cend])
