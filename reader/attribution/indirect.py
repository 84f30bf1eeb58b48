"""Indirect speech: the words a cue verb reports ("said (that) …", "told reporters …"), the
words before a trailing attribution and a sentence holding a parenthetical one (trailing.py),
and participles ("…, saying …"). Quoted words inside make a statement mixed."""
from __future__ import annotations

import re
from bisect import bisect_right

from reader.attribution import gaps, posts
from reader.attribution.candidates import Raw, SentenceScan
from reader.attribution.clauses import (
    RELATIVE_REACH, BY_MEANS, FINITE, WEEKDAY, WITH_SUBJECT, breaks, content_end, has_quote, in_relative_clause, in_what_clause, passive, passive_before, past_audience,
    prepositional, trim_end, trim_space,
)
from reader.attribution.cues import CueForm
from reader.attribution.lexicon import DETERMINERS, TEXT_NOUNS
from reader.attribution.model import Kind
from reader.attribution.mentions import Mention
from reader.attribution.phrases import subject_after, subject_before
from reader.attribution.structure import OPENERS
from reader.attribution.subjects import clause_subject, leading_subject, subject_for
from reader.attribution.trailing import parenthetical, trailing_attribution
from reader.attribution.verbs import (
    ABOUT_CONTENT, CALLED_AS, CHARACTERISE, INFINITIVE_CONTENT, NP_CONTENT, QUOTE_ONLY, REPORTING_CHARACTERISE, SAY_LIKE,
    TELL_LIKE, another_cue, previous_word, second_cue,
)

_AUX = re.compile(r"\b(?:is|are|was|were|am|be|been|has|have|had|will|would|can|could|should|shall|"
                  r"may|might|must|do|does|did)\b", re.IGNORECASE)
# a title in quotation marks: "told MSNBC’s “Morning Joe” that …"
_QUOTED_NAME = re.compile(r"[“\"][A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5}[”\"]")


def _blank(m: re.Match[str]) -> str:
    return "x" * len(m.group())


# "a series of tweets early Friday saying …": a text, perhaps a time, then the participle
_TEXT_THEN_PARTICIPLE = re.compile(rf"\b(?:{'|'.join(sorted(TEXT_NOUNS))})(?:\s+(?:on\s+)?{WEEKDAY})?\s+$")
# "…, saying", "… and saying", "… – saying", "…, eventually saying", "… as “a relief,” telling …": a
# participle joined to its clause
_JOINED_PARTICIPLE = re.compile(r"(?:,(?:[”\"]|'')?|\band|\s[—–]|--)\s+(?:[a-z]+ly\s+)?$")
_ADVERB_BEFORE = re.compile(r"\s[a-z]+ly\s+$")
# "after telling his aides …", "issued a statement saying …": the sentence's subject speaks
_BEFORE_PARTICIPLE = frozenset("after before by while when without since for from statement statements post "
                               "posts message letter tweet video release interview speech".split())
_INFINITIVE = re.compile(r"(?:not\s+)?to\s+[“\"]?\w", re.IGNORECASE)  # "asked not to be named": a request
_REQUEST = re.compile(r"(?:him|her|them|us|me|you|it)\s+(?:not\s+)?to\s+\w", re.IGNORECASE)
# "has not said why …": a question left open, not words ("explained why …" reports an answer)
_QUESTION_WORDS = frozenset("why whether when where".split())
_NEGATED = re.compile(r"\b(?:not|never|n[’']t)\b\s+(?:\w+\s+)?\S+$|n[’']t\s+(?:\w+\s+)?\S+$")
# "said little about …", "has said nothing": no statement; "asked that his name not be used": a request
_NOTHING_SAID = frozenset("little nothing much anything more less something".split())
_ABOUT = re.compile(r"((?:the|a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){0,5}?)?(?:about|of|against|over)\s+")
_TITLE_CASE = re.compile(r"\s*[A-Z][\w’'-]*(?:,?\s+(?:(?:of|the|and|for|on|in|to|a)\s+){0,2}[A-Z][\w’'-]*)*[.,]?\s*")
# the object of a characterising verb and its "as": "identified the suspect as …"
_OBJECT_AS = re.compile(r"\s+((?:(?!as\b)[\w’'.-]+\s+){1,10}?)as\s+(?=[\w“\"])")
# "… and Democrats accused …": a second clause with a subject of its own before its cue
# (a count speaks too: "… and one in four said", "…, and more than 40 percent of voters say"; after a
# comma, any short subject without a verb of its own: ", and her deputy told …")
_COUNT = (r"(?:(?:about|nearly|almost|roughly|only|just|more\s+than|fewer\s+than|less\s+than)\s+)?"
          r"(?:\d[\d.,]*%?|one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+third|a\s+quarter|"
          r"two-thirds|three-quarters|a\s+majority|most|others|another)"
          r"(?:\s+(?:in|of)\s+(?:\d+|three|four|five|ten))?(?:\s+percent)?(?:\s+of\s+(?:the\s+)?[a-z]+)?")
_AND_SUBJECT = re.compile(r",?\s+(?:and|but|while)\s+(?:(?:(?:the|a|an|his|her|their|its|some|many|other)\s+)?"
                          r"(?:(?:[A-Z][\w’'.-]*\s+){0,3}(?:[A-Z][\w’'.-]*|[a-z]+s)|they|we|she|he)|" + _COUNT + r")"
                          r"\s+(?:(?:also|has|have|had|would|will|could|did)\s+){0,2}$"
                          r"|,\s+(?:and|but|while)\s+(?:(?!(?:that|who|which|whom|to|[a-z]+ed|[a-z]+ing)\b)"
                          r"[\w’'.-]+\s+){1,5}$")
# "was asked by the host whether", "was told by officials that": the agent, then the words
_AGENT_THEN_CLAUSE = re.compile(r"\s+by\s+([^,;:“”\"]{2,80}?)\s+(?:that\s+|(?=(?:whether|if)\b))")
# "asked the guard whether": the person asked, before the question
_ASKED = re.compile(r"(?:\s+[\w’'-]+){0,4}?\s+(?=(?:whether|if)\b)")
# what stands between a cue and its clause: "says, as a result, the toll has risen"
_BEFORE_CLAUSE = re.compile(r"\s*[,:]?\s*(?:that\s+)?(?:(?:as a result|in fact|of course|for example|for instance|"
                            r"in addition|in turn|at the same time|by contrast|so far|however),?\s+"
                            r"(?=[\w“\"]))?")
# Where a statement's words are, and whether they are the speaker's own quoted words.
_Content = tuple[int, int, bool]
# Phrases between a cue and its reported words: "said on Friday in a statement that …"
_SKIPPED_PHRASE = re.compile(
    r"\s*,?\s*(?:in|on|at|during|via|from|to|late|early|earlier|later|after|"
    r"before|over)\s+(?:(?:the|a|an|its|his|her|their|this|last|(?-i:[A-Z][\w’'.-]*)|"
    r"\d[\w:.]*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"morning|afternoon|evening|night|week|statement|interview|address|"
    r"speech|post|conference|briefing|message|channel|page|account|website|site|feed)\b\s*)+"
    r"|\s*,?\s*for\s+(?:[\w-]+\s+){0,3}?(?:days|weeks|months|years|decades)\b"  # "has said for weeks"
    r"|\s*,?\s*(?:last|this)\s+(?:week|weekend|month|year|night|spring|summer|fall|autumn|winter)\b"  # "told X last week"
    rf"|\s*,?\s*{WEEKDAY}\b"
    r"|\s*,?\s*" + BY_MEANS, re.IGNORECASE)
# a fronted phrase before the reported clause's own subject: "(said) in politics it takes time",
# "(says) despite being an alumna, she plans …"
_LEAD_PHRASE = re.compile(r"(?:in|despite|after|before|during|since|under|without|if|for|with)\s+"
                          r"[^,;:.“”\"]{1,40}?(?:,\s*|\s)(?:he|she|it|they|we|i|there)\s+[a-z’']+\b",
                          re.IGNORECASE)
_DANGLING = re.compile(r"\s(?:the|a|an|its|his|her|their|this)\s*$", re.IGNORECASE)
# words before "that" showing it is not the complementiser of the cue: "said she considered how
# that would play", "said it's important that …"
_CLAUSE_BEFORE_THAT = re.compile(r"\b(?:he|she|they|we|i|it|you|how|what|why|whether|when|where|if)\b",
                                 re.IGNORECASE)


def find(scan: SentenceScan) -> None:
    """What each cue verb not yet used by a quotation reports."""
    for m in scan.cues:
        if m.start() not in scan.used_cues:
            _one(scan, m)


def _one(scan: SentenceScan, m: re.Match[str]) -> None:
    text, sent, lexicon = scan.text, scan.sent, scan.lexicon
    form = lexicon.form(m.group())
    if form is None:
        return
    before_tok = previous_word(text, sent.start, m.start())
    if form.tense == "ing" and before_tok not in ("is", "are", "was", "were", "been"):
        lead = _ADVERB_BEFORE.search(text, max(sent.start, m.start() - 40), m.start())
        if lead is not None:  # "after initially saying", "…, eventually saying": the word before the adverb
            before_tok = previous_word(text, sent.start, lead.start())
        if not _JOINED_PARTICIPLE.search(text, max(sent.start, m.start() - 40), m.start()) and \
                before_tok not in _BEFORE_PARTICIPLE and not _TEXT_THEN_PARTICIPLE.search(text, sent.start, m.start()) \
                and not WITH_SUBJECT.search(text, sent.start, m.end()):
            return
        _participle(scan, m, form)
        return
    if (form.tense != "ing" and passive_before(text, sent.start, m.start())) or passive(text, m.end(), sent.end):
        by_agent = _by_agent(scan, m)  # "was asked by the host whether …": the host speaks
        if by_agent is not None:
            scan.add(by_agent)
        return
    gapped = gaps.find(scan, m, form)  # "what the planners said was …", "the leak the inspector said is …"
    if gapped is not None:
        if not scan.covered(gapped.start):
            scan.add(gapped)
        return
    prior = next((r.mention for r in reversed(scan.raws) if r.mention is not None and r.nested_in is None
                  and r.start < m.start()), None)
    subject: list[Mention | None] = []  # the cue's own subject, read once when first asked for

    def speaker() -> Mention | None:
        if not subject:
            subject.append(subject_for(lexicon, text, sent, sent.start, m, prior))
        return subject[0]

    trailing = trailing_attribution(scan, m, form, speaker) or parenthetical(scan, m)
    if trailing is not None:
        scan.add(trailing)
        return
    relative = in_relative_clause(text, sent.start, m.start())
    content = _characterised(scan, m.end(), form)
    if content is None and not in_what_clause(text, sent.start, m.start()):
        content = _content_after(scan, m.end(), form, stop_at_comma=relative)
    if content is None:
        mention = speaker()
        if mention is None:
            _after_noun(scan, m, form)
        else:  # "X rejected that account": remember X for "the official said"
            scan.add(Raw(m.start(), m.end(), "indirect", m.group(), m.start(), m.end(), mention, silent=True,
                         context=text[m.start():sent.end]))  # "responded on Twitter": read if a quotation follows
        return
    cstart, cend, _ = content
    if scan.covered(cstart):
        return
    mention = speaker()
    if mention is None:
        _after_noun(scan, m, form)
        return
    post = posts.platform_reason(text[m.start():cstart], form.lemma) or \
        posts.leading_platform(text[sent.start:m.start()]) or \
        posts.platform_reason(mention.text, "")  # "a widely shared post on Facebook claimed"
    scan.add(Raw(cstart, cend, _kind(text, content, post), m.group(), m.start(), m.end(), mention,
                 post_reason=post, context=text[m.start():cend]))


def _after_noun(scan: SentenceScan, m: re.Match[str], form: CueForm) -> None:
    """A cue with no subject of its own may be a clause on a noun: "the leak the inspector said
    was meant to …", "the bay harbour pilots say the ferry might anchor in"."""
    gapped = gaps.find(scan, m, form, after_noun=True)
    if gapped is not None and not scan.covered(gapped.start):
        scan.add(gapped)


def _kind(text: str, content: _Content, post: str | None) -> Kind:
    if post:
        return "post"
    cstart, cend, exact = content
    return "direct" if exact else ("mixed" if has_quote(text, cstart, cend) else "indirect")


def _by_agent(scan: SentenceScan, m: re.Match[str]) -> Raw | None:
    """`X was asked by the host whether …`, `was told by officials that …`: a passive cue whose
    agent speaks, with the words after the agent."""
    text, sent = scan.text, scan.sent
    agent = _AGENT_THEN_CLAUSE.match(text, m.end(), sent.end)
    if agent is None:
        return None
    mention = subject_after(text, agent.start(1), agent.end(1), whole=True)
    cstart = agent.end()
    cend = trim_end(text, cstart, content_end(text, cstart, sent.end))
    if mention is None or len(text[cstart:cend].split()) < 3:
        return None
    return Raw(cstart, cend, "mixed" if has_quote(text, cstart, cend) else "indirect", m.group(), m.start(),
               m.end(), mention, context=text[m.start():cend])


def _participle(scan: SentenceScan, m: re.Match[str], form: CueForm) -> None:
    """`…, describing the accusations as “…” and saying …`: the main subject speaks."""
    text = scan.text
    prior = next((r for r in reversed(scan.raws) if r.mention is not None and r.start < m.start()
                  and r.nested_in is None and not _relative_cue(text, r)), None)
    with_subject = WITH_SUBJECT.search(text, scan.sent.start, m.end())  # "with Trump saying that …"
    mention = (subject_before(text, with_subject.start(1), with_subject.end(1)) if with_subject else None) or \
        clause_subject(scan.lexicon, text, prior.end if prior else scan.sent.start, m.start()) or (
        prior.mention if prior else leading_subject(scan.lexicon, text, scan.sent.start, m.start()))
    if mention is None:
        return
    content = _characterised(scan, m.end(), form) or _content_after(scan, m.end(), form)
    if content is None:
        return
    cstart, cend, _ = content
    if scan.covered(cstart):
        return
    post = posts.reason_of(scan.lexicon, prior) if prior else None
    scan.add(Raw(cstart, cend, _kind(text, content, post), m.group(), m.start(), m.end(), mention,
                 post_reason=post, context=text[m.start():cend]))


def _relative_cue(text: str, raw: Raw) -> bool:
    """Does the statement's cue stand in a restrictive relative clause on its speaker ("rebuked
    critics who say …, saying …")? A later participle belongs to the main clause, not to it
    ("X, who said …, issued a statement saying": X, set off by the comma, is the main subject)."""
    return raw.mention is not None and raw.cue_start is not None and raw.mention.end <= raw.cue_start and \
        _RESTRICTIVE.match(text, raw.mention.end, raw.cue_start) is not None


_RESTRICTIVE = re.compile(r"\s+(?:who|that)\s")


def _characterised(scan: SentenceScan, lo: int, form: CueForm) -> _Content | None:
    """`called the plan “reckless”`, `describing the accusations as “a fairy tale”`: the quotation
    is the statement, the speaker's own words; `denounced X as a traitor`, `identified the
    suspect as Y`: the object and what it is called."""
    if form.lemma not in CHARACTERISE:
        return None
    text = scan.text
    q = next((q for q in scan.sent.quotes if lo <= q.open <= lo + 70), None)
    if q is None:
        return _called_as(scan, lo) if form.lemma in CALLED_AS else None
    inner, between = text[q.start:q.end].split(), text[lo:q.open].split()
    if len(inner) < 2 and (not inner or not inner[0][:1].islower() or between[-1:] in (["a"], ["an"], ["the"])):
        return None  # one word: "called it “reckless”", but "what it called a “confession”" names a thing
    if len(between) > 8 or \
            breaks(text[lo:q.open]) or _AUX.search(text, lo, q.open):
        return None  # "described the army had “…”": a clause, reported as such
    if text[lo:q.open].split()[-1:] == ["the"] and _TITLE_CASE.fullmatch(text, q.start, q.end):
        return None  # "which its authors call the “Transparency Act”": a name, not their words
    return q.start, trim_space(text, q.start, q.end), True


def _called_as(scan: SentenceScan, lo: int) -> _Content | None:
    """`denounced Ode as a traitor`: up to ten words of object, "as", what it is called."""
    text, hi = scan.text, scan.sent.end
    m = _OBJECT_AS.match(text, lo, hi)
    obj = m.group(1).split() if m is not None else []
    if m is None or FINITE.search(m.group(1)) or obj == ["to"] or (prepositional(obj) and obj[0] != "to"):
        return None  # "which the campaign refers to as …": the object is elsewhere
    start = m.start(1)
    end = trim_end(text, start, content_end(text, start, hi))
    return (start, end, False) if end > m.end() else None


def _next_speaker(scan: SentenceScan, lo: int, hi: int) -> int:
    """Where a clause with a speaker of its own starts: "…, former spokesman X described it
    as …" ends the words before it at its comma, "… and Democrats accused …" at its "and"
    (not a cue in a relative clause). A cue far past `lo` is read the same whatever `lo` is,
    so once per sentence: a sentence of many quotations stays linear."""
    starts = scan.cue_starts
    for j in range(bisect_right(starts, lo), len(starts)):
        c = starts[j]
        if c >= hi:
            break
        if c - lo < _NEAR:
            stop = _clause_stop(scan.text, lo, c)
        else:
            if j not in scan.clause_stops:
                scan.clause_stops[j] = _clause_stop(scan.text, scan.sent.start, c)
            stop = scan.clause_stops[j]
        if stop is not None and stop > lo:
            return stop
    return hi


_JOIN_REACH = 60  # how far back from a cue "… and Democrats (accused)" is looked for
_NEAR = max(RELATIVE_REACH, _JOIN_REACH)  # past this, a cue's clause does not depend on where the words start


def _clause_stop(text: str, lo: int, c: int) -> int | None:
    """Where the clause of the cue at `c` begins, looking back no further than `lo`."""
    if in_relative_clause(text, lo, c):
        return None
    joined = _AND_SUBJECT.search(text, max(lo, c - _JOIN_REACH), c)
    if joined is not None:
        return joined.start()
    comma = text.rfind(",", lo, c)
    if comma > lo and not re.search(r"\b(?:that|and|but|who|which)\b|[“”\"]", text[comma:c]):
        return comma
    return None


def _content_after(scan: SentenceScan, lo: int, form: CueForm, *,
                   stop_at_comma: bool = False) -> _Content | None:
    """Where the reported words start and end after a cue verb, or None. In a relative
    clause ("…, which said X, declined") the words end at the clause's comma."""
    if form.lemma in QUOTE_ONLY or (form.lemma in CHARACTERISE and form.lemma not in REPORTING_CHARACTERISE):
        return None
    text, lexicon = scan.text, scan.lexicon
    hi = scan.sent.end
    window = _QUOTED_NAME.sub(_blank, text[lo:min(hi, lo + 110)])  # "told MSNBC’s “Morning Joe” that"
    that = re.search(r"\bthat\b", window)
    start: int | None = None
    if that and not re.search(r"[.;:“”\"]", window[:that.start()]) and \
            not _AUX.search(window[:that.start()]) and not _CLAUSE_BEFORE_THAT.search(window, 0, that.start()) \
            and not another_cue(lexicon, window[:that.start()]):
        start = lo + that.end()
        while start < hi and text[start].isspace():
            start += 1
    else:
        pos = lo
        if form.lemma == "add" and re.match(r"\s+to\b", text[pos:hi]):
            return None  # "adds to the controversy": not speech
        if form.lemma in TELL_LIKE:
            pos = past_audience(text, pos, hi)
            question = _ASKED.match(text, pos, hi)
            if question is not None and form.lemma == "ask":
                pos = question.end()  # "asked the guard whether …": the question is the words
        while True:
            pp = _SKIPPED_PHRASE.match(text[pos:hi])
            if not pp or pp.end() == 0:
                break
            dangling = _DANGLING.search(pp.group())  # "said in a statement the tax …": "the" opens the words
            pos += dangling.start() if dangling and dangling.start() > 0 else pp.end()
        skip = _BEFORE_CLAUSE.match(text[pos:hi])
        start = pos + (skip.end() if skip else 0)
        if start < hi and text[start] in OPENERS + '"':
            return None
        if form.lemma in ABOUT_CONTENT:
            # "warned of …", "warned the ministry in March about …": what the warning was about
            prep = _ABOUT.match(text, start, hi)
            if prep and (prep.group(1) is None or not FINITE.search(text, prep.end(), content_end(text, start, hi))):
                start = prep.end()
    end = _next_speaker(scan, start, second_cue(lexicon, text, start, content_end(text, start, hi)))
    if stop_at_comma:
        comma = text.find(",", start, end)
        end = end if comma < 0 else comma
    end = trim_end(text, start, end)
    content = text[start:end]
    words = content.split()
    after_that = text[lo:start].rstrip().endswith("that")  # a clause follows, whatever opens it
    if _INFINITIVE.match(content):  # "vowed to keep extremists out"; "urged him to go" is a request
        return (start, end, False) if form.lemma in INFINITIVE_CONTENT and len(words) >= 3 else None
    if len(words) < 3 or content[:5].lower() in ("what ", "how m") \
            or (words[0].lower() in _QUESTION_WORDS and _NEGATED.search(text, max(0, lo - 30), lo)) \
            or (form.lemma == "claim" and words[0].lower() in ("responsibility", "credit")) \
            or (form.lemma == "add" and not after_that and words[0].lower() in DETERMINERS and not FINITE.search(content)) \
            or (words[0].lower() in _NOTHING_SAID and words[1].lower() != "than"
                and not (words[1].lower() == "of" and FINITE.search(content))) \
            or (form.lemma == "ask" and after_that) \
            or _REQUEST.match(content) or (prepositional(words) and not after_that and not _LEAD_PHRASE.match(content)):
        return None  # "has written for several outlets", "urged him to go": not reported words
    if not any(c.isalpha() for c in content):
        return None
    if not after_that:
        if re.match(r"(?:\w+ly\s+)*by\b", content):
            return None  # "repeated … by several accounts": a passive, not speech
        if form.lemma not in NP_CONTENT and not FINITE.search(content) and \
                not any(ch in content for ch in "“\"«") and not (form.lemma in SAY_LIKE and len(words) >= 5) \
                and not (form.lemma == "say" and words[0].lower() not in ("a", "an")):
            return None  # "confirmed the arrest": an object; what "said" reports is words, not "a prayer"
        if form.lemma in NP_CONTENT and not FINITE.search(content) and len(words) < 4:
            return None
    return start, end, False
