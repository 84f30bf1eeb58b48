"""The extraction engine: from article text to attributed statements.

One pass over paragraphs and sentences (see structure.py) finds candidate statements:
  direct   quotations attributed by a cue before, after or around them (split quotes too);
  indirect what follows a cue verb ("said (that) ...", "told reporters ...", "according to X");
  mixed    indirect speech holding quoted fragments;
  post     embedded social media posts (signature lines, captions, "wrote on X").
Then speakers are resolved past pronouns and short references, and each statement gets a
suggested source category with its reason.
"""
from __future__ import annotations

import gc
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from reader.attribution import parallel, posts
from reader.attribution.cues import CueForm, CueLexicon
from reader.attribution.lexicon import (
    AUDIENCES, DETERMINERS, EVIDENCE_NOUNS, PREPOSITIONS, TEXT_NOUNS, VERB_FILLERS,
)
from reader.attribution.model import Kind, Statement, statement_id
from reader.attribution.phrases import (
    PERSON_ROLES, REACH, Mention, build_mention, subject_after, subject_before, tokenize,
)
from reader.attribution.sources import Evidence, SourceClassifier
from reader.attribution.speakers import Entity, Resolver
from reader.attribution.structure import OPENERS, Paragraph, Quote, Sentence, analyse, sentences_of
from reader.config import Config

_NOUN_BEFORE = DETERMINERS | {"of", "in", "on", "for", "with", "new", "latest", "recent", "first",
                              "last", "previous", "earlier", "later", "whose", "such", "what"}
_PASSIVE_BEFORE = frozenset("was were is are been being be get got".split())
# Cue words that are as often nouns ("a post", "the state", "any comment"): as verbs they need
# a clause or a quotation right after them.
_NOUNISH = frozenset("comment state report post note claim counter brief reply estimate demand "
                     "caution joke quip repeat tweet hint promise pledge remark respond mention".split())
_AUX = re.compile(r"\b(?:is|are|was|were|am|be|been|has|have|had|will|would|can|could|should|shall|"
                  r"may|might|must|do|does|did)\b", re.IGNORECASE)
_AFTER_QUOTE = frozenset('”"’»')
# "a message posted on its channel", "the report published on Friday": a participle describing a
# text, not a verb with a speaker. Only verbs of publishing are read so ("the statement said …").
_PUBLISHING = frozenset("post tweet write report".split())
_CLAUSE_AFTER = re.compile(r"\s*(?:that\b|[,:]\s*[“\"]|:)")
_SUBJECT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|its|their|he|she|it|they|we|i|[A-Z])\b")
# what may follow the cue of "…, the ministry said on Friday." before the sentence ends
_TRAILING_TAIL = re.compile(
    r"(?:\s+(?:on|in|at|late|early|earlier|later|last|this|yesterday|today|during|after|via|to)"
    r"(?:\s+[\w’'.-]+){0,6}?)?\s*[.!]?\s*")
_PAREN_TAIL = re.compile(r"(?:\s+(?:on|in|at|last|this)(?:\s+[\w’'.-]+){0,4}?)?(,)\s+[\w“\"‘']")
_CAPTION_NOUNS = frozenset("caption post video clip message photo photograph image footage tweet".split())
_TELL_LIKE = frozenset("tell inform assure remind brief notify warn ask promise".split())
_NP_CONTENT = frozenset("describe complain warn call accuse condemn speak".split())
# Verbs whose object is reported words even without "that" or a finite verb we recognise:
# "advisers say his finish and his ability make him an asset".
_SAY_LIKE = frozenset("say tell claim insist argue warn add note explain suggest stress emphasise "
                      "emphasize assert contend maintain predict recall write agree concede "
                      "speculate hint allege".split())
# Verbs that put their speaker after them ("…, said the minister"); "told" never does.
_INVERTING = frozenset("say add write reply ask explain insist continue answer recall warn".split())
_PROMISE = frozenset("deny promise vow pledge post tweet threaten".split())
_AND_CUE = re.compile(r",?\s+and\s+(?:\w+ly\s+)?([a-z]+)\b")
# Verbs that attribute only a quotation (`“…,” she continued`), never a clause of their own.
_QUOTE_ONLY = frozenset({"continue"})
# Verbs that characterise something in the speaker's words: `called the plan “a disaster”`.
# The statement is the quotation; without one, only "describe" and "condemn" report speech.
_CHARACTERISE = frozenset("describe call brand dub label denounce criticise criticize praise hail "
                          "slam dismiss condemn blame".split())
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|will|would|can|could|should|shall|may|might|"
    r"must|do|does|did|'s|’s|\w+ed|came|went|saw|took|made|got|gave|knew|thought|found|left|ran|"
    r"began|became|brought|felt|kept|held|stood|fell|rose|met|paid|sent|spent|won|lost|built|broke|"
    r"chose|drove|flew|grew|led|meant|put|read|sat|shot|sold|spoke|struck|threw|told|said|wrote|"
    r"needs?|wants?|knows?|says?|seems?|remains?|appears?|continues?|plans?|intends?|uses?|"
    r"\w+n[’']t|(?:he|she|it|they|we|i|you)\s+\w+)\b",
    re.IGNORECASE)
_CONTENT_END = re.compile(
    r",\s+but\b|;\s|,\s+according\s+to\b|,\s+(?:saying|adding|describing|calling|noting|claiming|"
    r"insisting|warning|arguing|posting|accusing|urging|stressing|explaining|telling|writing)\b|"
    r",\s+while\b|,\s+whereas\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
_EVIDENCE_VERB = re.compile(r"\b(?:(?:has|have|had)\s+)?(?:shows?|showed|shown|suggests?|suggested|"
                            r"indicates?|indicated|reveals?|revealed|offered|provided|presented|"
                            r"documented|detailed)\b")
# a quick test for _EVIDENCE_VERB, to pass over narration: literal stems scan fast
_EVIDENCE_HINT = re.compile(r"show|suggest|indicat|reveal|offered|provided|presented|documented|detailed")
_EVIDENCE_START = re.compile(
    r"(?:[\w’']+\s+){0,3}?(?:%s)\b" % "|".join(sorted(EVIDENCE_NOUNS, key=len, reverse=True)), re.IGNORECASE)
_CAPTION = re.compile(r"\b(?:caption(?:ed)?|captioned|headlined|reads|read)\s*:?\s*$", re.IGNORECASE)
_WHAT_CALLED = re.compile(r"\bwhat\s+(?:\w+\s+){1,4}$")
# "after telling his aides …", "issued a statement saying …": the sentence's subject speaks
_BEFORE_PARTICIPLE = frozenset("after before by while when without since statement statements post "
                               "posts message letter tweet video release interview speech".split())
_INFINITIVE = re.compile(r"(?:not\s+)?to\s+\w", re.IGNORECASE)  # "asked not to be named": a request
_PARENTHETICAL = re.compile(r",\s+(?:who|which|whose|a|an|the|\d+|aged|now|then|once|like|(?-i:[a-z]+ing))\b")
_REQUEST = re.compile(r"(?:him|her|them|us|me|you|it)\s+(?:not\s+)?to\s+\w", re.IGNORECASE)
# Two or more capitalised words in a row, the way a person's full name (with a title) is written
_NAME_RUN = re.compile(r"(?<![\w’'])(?:[A-Z][\w’'.-]+\s+){1,4}[A-Z][\w’'-]+")
# "said little about …", "has said nothing": no statement; "asked that his name not be used": a request
_NOTHING_SAID = frozenset("little nothing much anything more less something".split())
# a verb in the words after ", says …": they are a clause ("the crew left in May"), not a speaker
_CLAUSE_AFTER_CUE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|left|went|"
    r"came|took|made|gave|got|ran|fell|rose|won|lost)\b|(?<!\ba )(?<!\ban )(?<!\bthe )\b[a-z]+ed\s+"
    r"(?:in|on|at|to|from|by|the|a|an|\d)\b")
_ABOUT = re.compile(r"((?:the|a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){0,5}?)?(?:about|of|against|over)\s+")
# "said by phone": how the words came, not a passive "said by X"
_BY_MEANS = r"by\s+(?:phone|telephone|email|e-mail|text|video\s*link|letter|satellite\s+phone)\b"
_TITLE_CASE = re.compile(r"\s*[A-Z][\w’'-]*(?:,?\s+(?:(?:of|the|and|for|on|in|to|a)\s+){0,2}[A-Z][\w’'-]*)*[.,]?\s*")
_CLOSES_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,;:“”\"]*,\s*$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"(?:^|,\s+)(?:which|who)\b[^,;:“”\"]*$", re.IGNORECASE)
_CONNECTIVES = frozenset("and but so yet still however meanwhile instead also then".split())
_OPENING_VERBS = frozenset("has have had was is were are will would can could did does do".split())
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’']?\s+|\n)(?=[\"“‘']?[A-Z])")
_CLAUSE_BREAK = re.compile(r";|:|[”\"](?=\s)|,\s*(?:and|but|while|whereas|as|so)\s|\bbut\s|\bthat\s|"
                           r"\bwhen\s|\bafter\s|\bbecause\s|\bwhile\s|\bif\s")
_TRAILING_PUNCT = " \t\n.,;:"
_NESTED_OPEN = re.compile(r"(?<=[\s,:])[‘'“\"](?=[^\W\d_])")
_NESTED_CLOSE = re.compile(r"(?<=[^\s])[’'”\"](?![^\W\d_])")


@dataclass
class Raw:
    """A statement before its speaker is resolved and its source suggested."""

    start: int
    end: int
    kind: Kind
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mention: Mention | None
    post_reason: str | None = None
    inherit: bool = False  # speaker: the one who spoke just before
    entity: Entity | None = None
    context: str = ""
    paragraph: int = 0
    silent: bool = False  # no statement: only a mention for later "he" or "the official"
    nested_in: "Raw | None" = None  # a quotation inside another speaker's quotation


class _Cues:
    """The cue words found in a stretch of text, looked up by position."""

    def __init__(self, matches: list[re.Match[str]]) -> None:
        self.matches = matches
        self.starts = [m.start() for m in matches]

    def between(self, lo: int, hi: int) -> list[re.Match[str]]:
        return self.matches[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


@dataclass
class _SentenceState:
    used_cues: set[int] = field(default_factory=set)
    raws: list[Raw] = field(default_factory=list)


class Extractor:
    """Finds attributed statements; build once per configuration, call `extract` per article."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.cues = CueLexicon(config.cues)
        self.classifier = SourceClassifier(config.categories)

    # --- entry point -----------------------------------------------------------------------
    def extract(self, text: str) -> list[Statement]:
        """Every attributed statement in `text`, in reading order."""
        return parallel.extract(self, text)

    def extract_range(self, text: str, lo: int, hi: int, keep_from: int = 0) -> list[Statement]:
        """The statements of text[lo:hi] that start at or after `keep_from`: what comes before
        only introduces the speakers that later pronouns point back to."""
        with _no_gc():  # millions of short-lived objects, no cycles: collection is pure cost
            paras = analyse(text, lo, hi)
            raws = _dedupe(self.scan(text, paras, 0, len(paras)))
            return [s for s in self._finish(text, raws) if s.start >= keep_from]

    def scan(self, text: str, paras: list[Paragraph], lo: int, hi: int) -> list[Raw]:
        """Candidate statements in paragraphs lo..hi (speakers not yet resolved)."""
        raws: list[Raw] = []
        if lo >= hi:
            return raws
        # the cue words of the whole range in one pass; paragraphs and sentences take theirs
        cues = _Cues(list(self.cues.pattern.finditer(text, paras[lo].start, paras[hi - 1].end)))
        for n in range(lo, hi):
            para = paras[n]
            post = posts.signature(text, para)
            if post is not None:
                found = self._signature_post(text, paras, n, post, raws)
                if found:
                    raws.append(found)
                continue
            if not para.quotes and not cues.between(para.start, para.end) and \
                    "ccording to" not in text[para.start:para.end] and \
                    not _EVIDENCE_HINT.search(text, para.start, para.end):
                continue
            for sent in sentences_of(text, para):
                for raw in self._sentence(text, paras, n, sent, cues.between(sent.start, sent.end)):
                    raw.paragraph = n
                    raws.append(raw)
        return raws

    # --- one sentence --------------------------------------------------------------------------
    def _sentence(self, text: str, paras: list[Paragraph], n: int, sent: Sentence,
                  cue_words: list[re.Match[str]]) -> list[Raw]:
        state = _SentenceState()
        quotes = sent.quotes
        cue_matches = [m for m in cue_words
                       if not any(q.open < m.start() < q.close for q in quotes)
                       and self._verb_like(text, sent, m)]
        full = [q for q in quotes if self._is_full(text, sent, q, cue_matches)]
        self._direct(text, paras, n, sent, full, cue_matches, state)
        if "ccording to" in text[sent.start:sent.end]:
            self._according(text, sent, state, cue_matches)
        for m in cue_matches:
            if m.start() in state.used_cues:
                continue
            self._indirect(text, sent, m, state)
        if _EVIDENCE_START.match(text, sent.start, sent.end):
            self._evidence(text, sent, state)
        return state.raws

    def _verb_like(self, text: str, sent: Sentence, m: re.Match[str]) -> bool:
        """Is this cue word used as a verb here ("she posted"), not as a noun ("a post")?"""
        form = self.cues.form(m.group())
        if form is None:
            return False
        mark = text[max(sent.start, m.start() - 3):m.start()].rstrip()[-1:]
        if mark in _AFTER_QUOTE or (mark == "," and form.lemma not in _NOUNISH):
            return True  # `“… at all,” said X`, `…, said X`: right after a quotation or a comma
        if _not_a_verb(form, text, sent.start, m.start()):
            return False
        if form.lemma in _NOUNISH and form.tense in ("base", "s"):
            after = text[m.end():m.end() + 40]
            if _CLAUSE_AFTER.match(after):
                return True
            # "The Daily News claims the …": a name or a plural before, a clause after
            near = text[max(sent.start, m.start() - 30):m.start()]
            if after.startswith(",") and "," in near:
                return True  # ", the author notes, …": a parenthetical attribution
            before = near.split()
            return bool(before) and (before[-1][:1].isupper() or before[-1].endswith("s")) and \
                _SUBJECT_AFTER.match(after) is not None
        return True

    # --- quotations ----------------------------------------------------------------------------
    def _is_full(self, text: str, sent: Sentence, q: Quote, cues: list[re.Match[str]]) -> bool:
        """A quotation that is a statement in itself, not a phrase inside someone's sentence."""
        if q.continued:
            return True
        inner = text[q.start:q.end]
        if len(inner.split()) < 2:
            return False
        before = text[sent.start:q.open].rstrip()
        if not before or before[-1] in ",:—–-(\n":
            return True
        last = before.split()[-1].lower().strip("“”\"'")
        form = self.cues.form(last)
        if form is not None and form.tense in ("past", "s") and form.lemma not in _QUOTE_ONLY \
                and form.lemma not in _NOUNISH:
            return True  # `he said "…"`; not `fighting would continue "until …"`
        if _CAPTION.search(before):
            return True
        # closed by ",” she said": a quotation with its attribution right after it
        after = text[q.after: min(sent.end, q.close + 60)]
        if inner.rstrip()[-1:] in ",!?" and re.match(r"\s*\S", after):
            return self._attribution_after(text, sent, q, q.after, sent.end, cues) is not None \
                and len(inner.split()) >= 4
        return False

    def _direct(self, text: str, paras: list[Paragraph], n: int, sent: Sentence, full: list[Quote],
                cues: list[re.Match[str]], state: _SentenceState) -> None:
        prev: Raw | None = None
        for i, q in enumerate(full):
            region_end = full[i + 1].open if i + 1 < len(full) else sent.end
            region_start = full[i - 1].after if i else sent.start
            raw = self._attribution_after(text, sent, q, q.after, region_end, cues)
            if raw is None:
                raw = self._attribution_before(text, paras[n], sent, q, region_start, q.open, cues)
            if raw is None and prev is not None:
                raw = Raw(q.start, q.end, "direct", prev.cue, prev.cue_start, prev.cue_end,
                          prev.mention, post_reason=prev.post_reason, inherit=prev.mention is None)
            if raw is None:
                raw = self._caption(text, paras[n], sent, q, region_start)
            if raw is None:
                if len(text[q.start:q.end].split()) < 3 and not q.continued:
                    continue
                raw = Raw(q.start, q.end, "direct", None, None, None, None, inherit=True)
            raw.start, raw.end = q.start, _trim_space(text, q.start, q.end)
            if raw.kind != "post":
                raw.kind = "direct"
            if raw.cue_start is not None:
                state.used_cues.add(raw.cue_start)
            state.raws.append(raw)
            prev = raw
            self._nested(text, raw, state)

    def _nested(self, text: str, outer: Raw, state: _SentenceState) -> None:
        """`“… my wife said, ‘Get the car, now.’ …”`: words quoted inside a quotation."""
        for m in _NESTED_OPEN.finditer(text, outer.start, outer.end):
            close = _NESTED_CLOSE.search(text, m.end(), outer.end)
            if close is None:
                return
            lead_start = max(outer.start, text.rfind(".", outer.start, m.start()) + 1)
            cue = None
            for c in self.cues.pattern.finditer(text, lead_start, m.start()):
                cue = c
            if cue is None or len(text[cue.end():m.start()].split()) > 3 or \
                    not re.search(r"[,:]\s*$", text[cue.end():m.start()]):
                continue
            mention = subject_before(text, lead_start, cue.start())
            if mention is None:
                continue
            state.raws.append(Raw(m.end(), _trim_space(text, m.end(), close.start()), "direct", cue.group(),
                                  cue.start(), cue.end(), mention, nested_in=outer,
                                  context=text[cue.start():close.end()]))

    def _attribution_after(self, text: str, sent: Sentence, q: Quote, lo: int, hi: int,
                           cues: list[re.Match[str]]) -> Raw | None:
        """`“…,” she said.` / `“…,” said X, 63, who …` / `“…,” one user wrote on X`."""
        m = re.match(r"[\s,]*", text[lo:hi])
        lo += m.end() if m else 0
        for cue in cues:
            if not lo <= cue.start() < hi:
                continue
            form = self.cues.form(cue.group())
            if form is None or form.tense == "ing":
                return None
            if cue.start() == lo:  # inverted: said X
                mention = subject_after(text, cue.end(), hi)
            else:
                gap = text[lo:cue.start()]
                if len(gap.split()) > 9 or _breaks(gap):
                    return None
                mention = subject_before(text, lo, cue.start())
            if mention is None:
                return None
            post = posts.platform_reason(text[cue.start():min(hi, cue.end() + 60)], form.lemma)
            return Raw(q.start, q.end, "post" if post else "direct", cue.group(), cue.start(), cue.end(),
                       mention, post_reason=post, context=text[cue.start():hi])
        return None

    def _attribution_before(self, text: str, para: Paragraph, sent: Sentence, q: Quote, lo: int, hi: int,
                            cues: list[re.Match[str]]) -> Raw | None:
        """`X said: “…` / `X told reporters in Seoul, "…` / `, said X, 70, standing …, “and …`."""
        candidates = [c for c in cues if lo <= c.start() < hi]
        if not candidates:
            return None
        cue = candidates[-1]
        form = self.cues.form(cue.group())
        if form is None or _passive_before(text, sent.start, cue.start()):
            return None
        tail = text[cue.end():hi]
        if _CAPTION.search(tail.rstrip()):
            return None  # "posted … with the caption:": see _caption
        inverted = not text[lo:cue.start()].strip(" ,\n\"”“")
        if inverted:
            mention = subject_after(text, cue.end(), hi)
        else:
            if len(tail.split()) > 12 or re.search(r"[.;!?]", tail) or _WHAT_CALLED.search(tail):
                return None
            if not re.search(r"[,:—–]\s*$|^\s*$", tail) and not tail.rstrip().endswith(("that", "as")):
                if form.lemma not in ("say", "write", "tell", "post", "tweet", "add", "ask", "declare"):
                    return None
            if form.tense == "ing":
                mention = self._leading_subject(text, sent.start, cue.start())  # ", saying …"
            else:
                mention = self._subject_for(text, sent, lo, cue)
        if mention is None:
            return None
        post = posts.platform_reason(text[cue.start():hi], form.lemma) or \
            posts.leading_platform(text[sent.start:cue.start()])
        if mention.head in _CAPTION_NOUNS:  # "Its caption asks: “…”": whoever posted it speaks
            mention = posts.poster(text, para.start, q.open) or mention
            post = post or "caption of a social media post"
        return Raw(q.start, q.end, "post" if post else "direct", cue.group(), cue.start(), cue.end(),
                   mention, post_reason=post, context=text[cue.start():hi])

    def _caption(self, text: str, para: Paragraph, sent: Sentence, q: Quote, lo: int) -> Raw | None:
        """`… with the caption: "…"` / `Its caption asks: “…”`: a post; who posted it is said nearby."""
        before = text[lo:q.open]
        if not _CAPTION.search(before.rstrip()):
            return None
        mention = posts.poster(text, para.start, q.open)
        return Raw(q.start, q.end, "post", "caption", None, None, mention,
                   post_reason="caption of a social media post")

    # --- indirect speech --------------------------------------------------------------------------
    def _subject_for(self, text: str, sent: Sentence, lo: int, cue: re.Match[str],
                     prior: Mention | None = None) -> Mention | None:
        """Who says what the cue introduces: the subject of the cue's own clause. `prior` is
        the speaker of an earlier verb in the sentence, for "… and said …"."""
        words = text[max(sent.start, cue.start() - 40):cue.start()].split()
        while words and words[-1].lower() in VERB_FILLERS:
            words.pop()
        if words and words[-1].lower() in ("and", "but"):
            # "He called it “…” and said …": the subject of the first verb says this too
            return prior or self._leading_subject(text, sent.start, cue.start())
        if words and words[-1].lower() in ("who", "which"):
            # "the embassy, which said …": the speaker is what the relative pronoun points to
            rel = text.rfind(words[-1], sent.start, cue.start())
            return subject_before(text, _clause_start(text, sent.start, rel), rel, relative=True)
        if words and words[-1].lower() == "that" and self.cues.form(words[-2].lower() if len(words) > 1 else "") is None:
            rel = text.rfind("that", sent.start, cue.start())  # "a channel that claimed …"
            return subject_before(text, _clause_start(text, sent.start, rel), rel, relative=True)
        start = _clause_start(text, max(lo, sent.start), cue.start())
        if text[start:cue.start()].rstrip().endswith(","):
            # "Paradis, who volunteered when he ran in 1992, says": the clause starts before
            # the parenthetical, whatever clauses the parenthetical holds
            paren = _PARENTHETICAL.search(text, max(lo, sent.start), cue.start())
            if paren is not None and paren.start() < start:
                start = _clause_start(text, max(lo, sent.start), paren.start())
        region = text[start:cue.start()]
        opener = _previous_word(text, sent.start, start) if start > sent.start else ""
        if opener == "that" and self.cues.form(_previous_word(text, sent.start, start - 5)) is not None:
            opener = ""  # "said that X told …": "that" after a cue opens the reported clause
        if opener in ("who", "which", "that"):
            # "a closure that officials blamed": the relative clause has its own subject;
            # "a channel that regularly publishes … claimed": the speaker is what "that" points to
            own = subject_before(text, start, cue.start()) if region.strip() else None
            if own is not None:
                return own
            head_end = text.rfind(opener, sent.start, start)
            return subject_before(text, _clause_start(text, sent.start, head_end), head_end, relative=True)
        return subject_before(text, start, cue.start())

    def _leading_subject(self, text: str, lo: int, hi: int) -> Mention | None:
        """The noun phrase a sentence opens with, up to its first verb."""
        toks = tokenize(text, lo, min(hi, lo + REACH))
        while toks and (toks[0].lower in _CONNECTIVES or not toks[0].word):
            toks = toks[1:]
        for k, t in enumerate(toks):
            if k == 0 and t.lower in ("he", "she", "it", "they", "we"):
                return subject_before(text, t.start, t.end)
            if k and not t.cap and (t.lower.endswith("ed") or t.lower in _OPENING_VERBS
                                    or self.cues.form(t.lower) is not None
                                    or (t.lower.endswith("s") and toks[k - 1].cap and toks[k - 1].word)):
                return subject_before(text, toks[0].start, t.start)
        return None

    def _antecedent(self, text: str, pos: int) -> Mention | None:
        """The person the sentence before `pos` is about: what "she said" points to when she
        has not spoken before ("Officer Dana Kim arrived first. “…,” she said.", "The rescue
        was led by Captain Emil Radu. He says …"). The subject of that sentence, else the last
        person named in it."""
        lo = max(0, pos - 600)
        starts = [m.end() for m in _SENTENCE_START.finditer(text, lo, min(len(text), pos + 2))]
        if lo == 0 or text[lo - 1] == "\n":
            starts.insert(0, lo)
        for start, end in reversed(list(zip(starts, starts[1:]))):  # not the pronoun's own sentence
            mention = self._leading_subject(text, start, pos)
            if _a_person(mention):
                return mention
            for run in reversed(list(_NAME_RUN.finditer(text, start, end))):
                mention = build_mention(text, tokenize(text, run.start(), run.end()), [])
                if _a_person(mention):
                    return mention
        return None

    def _indirect(self, text: str, sent: Sentence, m: re.Match[str], state: _SentenceState) -> None:
        form = self.cues.form(m.group())
        if form is None:
            return
        before_tok = _previous_word(text, sent.start, m.start())
        if form.tense == "ing" and before_tok not in ("is", "are", "was", "were", "been"):
            if not re.search(r"(?:,|\band)\s+$", text[max(sent.start, m.start() - 6):m.start()]) and \
                    before_tok not in _BEFORE_PARTICIPLE:
                return
            self._participle(text, sent, m, form, state)
            return
        if (form.tense != "ing" and _passive_before(text, sent.start, m.start())) or _passive(text, m.end(), sent.end):
            return
        trailing = self._trailing(text, sent, m, form) or self._parenthetical(text, sent, m)
        if trailing is not None:
            state.raws.append(trailing)
            state.used_cues.add(m.start())
            return
        prior = next((r.mention for r in reversed(state.raws) if r.mention is not None and r.nested_in is None
                      and r.start < m.start()), None)
        relative = _in_relative_clause(text, sent.start, m.start())
        content = self._characterised(text, sent, m.end(), form) or \
            self._content_after(text, sent, m.end(), form, stop_at_comma=relative)
        if content is None:
            mention = self._subject_for(text, sent, sent.start, m, prior)
            if mention is not None:  # "X rejected that account": remember X for "the official said"
                state.raws.append(Raw(m.start(), m.end(), "indirect", m.group(), m.start(), m.end(),
                                      mention, silent=True))
            return
        cstart, cend = content
        if any(not r.silent and r.start <= cstart < r.end for r in state.raws):
            return  # the words are already someone's statement

        mention = self._subject_for(text, sent, sent.start, m, prior)
        if mention is None:
            return
        inner_quote = _has_quote(text, cstart, cend)
        post = posts.platform_reason(text[m.start():cstart], form.lemma) or \
            posts.leading_platform(text[sent.start:m.start()]) or \
            posts.platform_reason(mention.text, "")  # "a widely shared post on Facebook claimed"
        kind: Kind = "post" if post else ("mixed" if inner_quote else "indirect")
        state.raws.append(Raw(cstart, cend, kind, m.group(), m.start(), m.end(), mention,
                              post_reason=post, context=text[m.start():cend]))
        state.used_cues.add(m.start())

    def _participle(self, text: str, sent: Sentence, m: re.Match[str], form: CueForm,
                    state: _SentenceState) -> None:
        """`…, describing the accusations as “…” and saying …`: the main subject speaks."""
        prior = next((r for r in reversed(state.raws) if r.mention is not None and r.start < m.start()
                      and r.nested_in is None), None)
        mention = prior.mention if prior else self._leading_subject(text, sent.start, m.start())
        if mention is None:
            return
        lo = m.end()
        content = self._characterised(text, sent, lo, form) or self._content_after(text, sent, lo, form)
        if content is None:
            return
        cstart, cend = content
        if any(not r.silent and r.start <= cstart < r.end for r in state.raws):
            return
        post = prior.post_reason if prior else None
        inner_quote = _has_quote(text, cstart, cend)
        kind: Kind = "post" if post else ("mixed" if inner_quote else "indirect")
        if form.lemma in _CHARACTERISE and not post:
            kind = "mixed"
        state.raws.append(Raw(cstart, cend, kind, m.group(), m.start(), m.end(), mention,
                              post_reason=post, context=text[m.start():cend]))
        state.used_cues.add(m.start())

    def _trailing(self, text: str, sent: Sentence, m: re.Match[str], form: CueForm) -> Raw | None:
        """`…, his wife said.` / `…, said the minister.`: the words before the comma."""
        after = text[m.end():sent.end]
        before = text[sent.start:m.start()]
        comma = before.rfind(",")
        if comma < 0:
            return None
        speaker_text = before[comma + 1:]
        if not speaker_text.strip():  # ", said X."
            if form.lemma not in _INVERTING or not re.fullmatch(r"\s+[^,.;:]{2,60}[.!]?\s*", after) \
                    or re.search(r"\bthat\b", after) or _CLOSES_RELATIVE.search(before) \
                    or _CLAUSE_AFTER_CUE.search(re.split(r"\b(?:who|which)\b", after)[0]):
                return None  # "X, who saw it, said …", "X, seen by Y, says the crew left": a clause
            mention = subject_after(text, m.end(), sent.end)
        else:
            # "…, two officials told Reuters.": the audience before the sentence ends
            tail = m.end() if form.lemma not in _TELL_LIKE else _past_audience(text, m.end(), sent.end)
            if not _TRAILING_TAIL.fullmatch(text, tail, sent.end):
                return None
            if len(speaker_text.split()) > 8:
                return None
            mention = subject_before(text, sent.start + comma + 1, m.start())
        if mention is None:
            return None
        cstart = sent.start
        cend = _trim_end(text, cstart, sent.start + comma)
        if len(text[cstart:cend].split()) < 4:
            return None
        if text[cstart] in OPENERS + '"' or text.startswith("''", cstart):
            return None  # a quotation: the direct rules attribute it
        inner_quote = _has_quote(text, cstart, cend)
        return Raw(cstart, cend, "mixed" if inner_quote else "indirect", m.group(), m.start(), m.end(),
                   mention, context=text[m.start():sent.end] + " " + text[cstart:cend])

    def _parenthetical(self, text: str, sent: Sentence, m: re.Match[str]) -> Raw | None:
        """`Democrats, the author notes, applaud …`: an attribution set inside the sentence it
        attributes; the statement is the whole sentence."""
        before = text[max(sent.start, m.start() - 60):m.start()]
        comma = before.rfind(",")
        after = _PAREN_TAIL.match(text, m.end(), sent.end)
        if comma < 0 or after is None or len(before[comma + 1:].split()) > 6:
            return None
        start = m.start() - len(before) + comma + 1
        mention = subject_before(text, start, m.start()) if before[comma + 1:].strip() else \
            subject_after(text, m.end(), after.start(1))
        if mention is None or not text[sent.start:start].strip(" ,"):
            return None
        cend = _trim_end(text, sent.start, sent.end)
        inner_quote = _has_quote(text, sent.start, cend)
        return Raw(sent.start, cend, "mixed" if inner_quote else "indirect", m.group(), m.start(), m.end(),
                   mention, context=text[sent.start:cend])

    def _second_cue(self, text: str, lo: int, hi: int) -> int:
        """Where "… and said …" starts a second statement of the same speaker, or `hi`."""
        for m in _AND_CUE.finditer(text, lo, hi):
            form = self.cues.form(m.group(1))
            if form is not None and form.tense == "past" and (form.lemma in _SAY_LIKE or form.lemma in _PROMISE):
                return m.start()
        return hi

    def _another_cue(self, words: str) -> bool:
        """Does another cue verb stand in these words ("denied the reports, said … that")? Cue
        words used as nouns ("state television", "a post on X") do not count."""
        for m in self.cues.pattern.finditer(words):
            form = self.cues.form(m.group())
            if form is not None and not (form.lemma in _NOUNISH and form.tense in ("base", "s")) and \
                    not _not_a_verb(form, words, 0, m.start()):
                return True
        return False

    def _characterised(self, text: str, sent: Sentence, lo: int, form: CueForm) -> tuple[int, int] | None:
        """`describing the accusations as “a fairy tale”`: the quotation is the statement."""
        if form.lemma not in _CHARACTERISE:
            return None
        q = next((q for q in sent.quotes if lo <= q.open <= lo + 70), None)
        if q is None or len(text[q.start:q.end].split()) < 2 or len(text[lo:q.open].split()) > 8 or \
                _breaks(text[lo:q.open]) or \
                _AUX.search(text, lo, q.open):
            return None  # "described the army had “…”": a clause, reported as such
        if text[lo:q.open].split()[-1:] == ["the"] and _TITLE_CASE.fullmatch(text, q.start, q.end):
            return None  # "which its authors call the “Transparency Act”": a name, not their words
        return q.start, _trim_space(text, q.start, q.end)

    def _content_after(self, text: str, sent: Sentence, lo: int, form: CueForm, *,
                       stop_at_comma: bool = False) -> tuple[int, int] | None:
        """Where the reported words start and end after a cue verb, or None. In a relative
        clause ("…, which said X, declined") the words end at the clause's comma."""
        if form.lemma in _QUOTE_ONLY or (form.lemma in _CHARACTERISE and form.lemma not in ("describe", "condemn")):
            return None
        hi = sent.end
        window = text[lo:min(hi, lo + 110)]
        that = re.search(r"\bthat\b", window)
        start: int | None = None
        if that and not re.search(r"[.;:“”\"]", window[:that.start()]) and \
                not _AUX.search(window[:that.start()]) and not self._another_cue(window[:that.start()]):
            start = lo + that.end()
            while start < hi and text[start].isspace():
                start += 1
        else:
            pos = lo
            if form.lemma == "add" and re.match(r"\s+to\b", text[pos:hi]):
                return None  # "adds to the controversy": not speech
            if form.lemma in _TELL_LIKE:
                pos = _past_audience(text, pos, hi)
            while True:
                pp = re.match(r"\s*,?\s*(?:in|on|at|during|via|from|to|late|early|earlier|later|after|"
                              r"before|over)\s+(?:(?:the|a|an|its|his|her|their|this|last|(?-i:[A-Z][\w’'.-]*)|"
                              r"\d[\w:.]*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                              r"morning|afternoon|evening|night|week|statement|interview|address|"
                              r"speech|post|conference|briefing|message|channel|page|account|website|site|feed)\b\s*)+"
                              r"|\s*,?\s*" + _BY_MEANS, text[pos:hi], re.IGNORECASE)
                if not pp or pp.end() == 0:
                    break
                pos += pp.end()
            skip = re.match(r"\s*[,:]?\s*(?:that\s+)?", text[pos:hi])
            start = pos + (skip.end() if skip else 0)
            if start < hi and text[start] in OPENERS + '"':
                return None
            if form.lemma in ("complain", "warn", "speak"):
                # "warned of …", "warned the ministry in March about …": what the warning was about
                prep = _ABOUT.match(text, start, hi)
                if prep and (prep.group(1) is None or not _FINITE.search(text, prep.end(), _content_end(text, start, hi))):
                    start = prep.end()
        end = self._second_cue(text, start, _content_end(text, start, hi))
        if stop_at_comma:
            comma = text.find(",", start, end)
            end = end if comma < 0 else comma
        end = _trim_end(text, start, end)
        content = text[start:end]
        words = content.split()
        if len(words) < 3 or content[:5].lower() in ("what ", "how m") or _INFINITIVE.match(content) \
                or (words[0].lower() in _NOTHING_SAID and words[1].lower() != "than") or (form.lemma == "ask" and text[lo:start].rstrip().endswith("that")) \
                or _REQUEST.match(content) or _prepositional(words):
            return None  # "has written for several outlets", "urged him to go": not reported words
        if not any(c.isalpha() for c in content):
            return None
        if that is None or text[lo:start].rstrip()[-4:] != "that":
            if re.match(r"(?:\w+ly\s+)*by\b", content):
                return None  # "repeated … by several accounts": a passive, not speech
            if form.lemma not in _NP_CONTENT and not _FINITE.search(content) and \
                    not any(ch in content for ch in "“\"«") and not (form.lemma in _SAY_LIKE and len(words) >= 5):
                return None  # "confirmed the arrest": an object, not reported words
            if form.lemma in _NP_CONTENT and not _FINITE.search(content) and len(words) < 4:
                return None
        return start, end

    def _according(self, text: str, sent: Sentence, state: _SentenceState, cues: list[re.Match[str]]) -> None:
        for m in _ACCORDING.finditer(text, sent.start, sent.end):
            if any(q.open < m.start() < q.close for q in sent.quotes):
                continue
            before = text[sent.start:m.start()]
            lead = before.strip(" ,")
            if not lead or _only_adverbial(lead):
                comma = text.find(",", m.end(), sent.end)
                if comma < 0:
                    continue
                mention = subject_after(text, m.end(), comma, whole=True)
                cstart = comma + 1
                while cstart < sent.end and text[cstart].isspace():
                    cstart += 1
                cend = _trim_end(text, cstart, _content_end(text, cstart, sent.end))
            else:
                mention = subject_after(text, m.end(), sent.end, whole=True)
                cstart = sent.start
                cend = _trim_end(text, cstart, m.start())
                if any(cstart <= c.start() < cend for c in cues):
                    continue  # the sentence's own cue attributes it; "according to" adds a second source
            if mention is None or len(text[cstart:cend].split()) < 3:
                continue
            inner_quote = _has_quote(text, cstart, cend)
            state.raws.append(Raw(cstart, cend, "mixed" if inner_quote else "indirect", "according to",
                                  m.start(), m.end(), mention, context=text[cstart:cend]))

    def _evidence(self, text: str, sent: Sentence, state: _SentenceState) -> None:
        """`Footage verified by X shows …`, `Reports in X have offered evidence of …`: what the
        evidence shows, credited to whoever published or vouches for it."""
        if any(not r.silent for r in state.raws):
            return
        toks = tokenize(text, sent.start, min(sent.end, sent.start + 200))
        head = next((t for t in toks[:4] if t.lower in EVIDENCE_NOUNS), None)
        if head is None or any(t.lower not in DETERMINERS and not t.cap and t.lower not in EVIDENCE_NOUNS
                               for t in toks[:toks.index(head)]):
            return
        verb = _EVIDENCE_VERB.search(text, head.end, sent.end)
        if verb is None:
            return
        subject = text[sent.start:verb.start()]
        if "," in subject:
            return
        agent = None
        for by in re.finditer(r"\b(?:by|in|from)\s+", subject):
            if by.group().startswith("by") or agent is None:
                agent = by
        if agent is None:
            return
        mention = subject_after(text, sent.start + agent.end(), verb.start())
        if mention is None:
            return
        mention.descriptions.append(subject)  # "footage filmed by a resident": whose material it is
        cstart = verb.end() + 1
        cend = _trim_end(text, cstart, _content_end(text, cstart, sent.end))
        if len(text[cstart:cend].split()) < 4:
            return
        state.raws.append(Raw(cstart, cend, "indirect", verb.group(), verb.start(), verb.end(), mention,
                              context=subject + text[cstart:cend]))

    # --- posts ---------------------------------------------------------------------------------
    def _signature_post(self, text: str, paras: list[Paragraph], n: int, sig: posts.Signature,
                        raws: list[Raw]) -> Raw | None:
        if n == 0:
            return None
        prev = paras[n - 1]
        if text[prev.end - 1] == ":":
            return None
        above = list(itertools.takewhile(lambda r: r.start >= prev.start, reversed(raws)))
        if any(r.mention is not None and not r.mention.pronoun and r.cue_start is not None
               and prev.start <= r.mention.start < prev.end for r in above):
            return None  # the paragraph above attributes its own words: a signature left without its post
        del raws[len(raws) - len(above):]
        mention = build_mention(text, tokenize(text, sig.name_start, sig.name_end), [])
        if mention is None:
            mention = Mention(sig.name_start, sig.name_end, text[sig.name_start:sig.name_end], "",
                              name=text[sig.name_start:sig.name_end])
        return Raw(prev.start, prev.end, "post", "posted", None, None, mention,
                   post_reason=f"signature line of a post by {sig.handle}")

    # --- speakers and sources -------------------------------------------------------------------
    def _finish(self, text: str, raws: list[Raw]) -> list[Statement]:
        resolver = Resolver()
        last: Raw | None = None
        for raw in raws:
            if raw.nested_in is not None:  # someone quoted by a speaker: not part of the article's cast
                raw.entity = Entity(raw.mention, [raw.mention]) if raw.mention else None
            elif raw.mention is not None:
                nearby = self._antecedent(text, raw.mention.start) if raw.mention.pronoun in ("he", "she") else None
                raw.entity = resolver.resolve(raw.mention, nearby)
            elif raw.inherit and last is not None and raw.paragraph - last.paragraph <= 1:
                raw.entity = last.entity
                raw.mention = last.mention
                raw.cue = raw.cue or last.cue
                raw.post_reason = raw.post_reason or (last.post_reason if last.kind == "post" else None)
            if raw.entity is not None and not raw.silent and raw.nested_in is None:
                last = raw
        out: list[Statement] = []
        seen: dict[str, int] = {}
        suggested: dict[int, tuple[str | None, str | None]] = {}
        for raw in raws:
            if raw.silent or (raw.entity is None and raw.cue is None and raw.kind != "post"
                              and len(text[raw.start:raw.end].split()) < 8):
                continue  # a slogan or a title in quotation marks that nobody is said to have said
            words = text[raw.start:raw.end]
            seen[words] = seen.get(words, 0) + 1
            speaker, s_start, s_end = _speaker(raw)
            suggestion = self.classifier.suggest(self._evidence_for(raw))
            category, reason = suggestion.category, suggestion.reason
            if category is None and raw.nested_in is not None and id(raw.nested_in) in suggested:
                category, outer_reason = suggested[id(raw.nested_in)]
                if category:
                    reason = f"quoted inside a {category} account"
            suggested[id(raw)] = (category, reason)
            out.append(Statement(
                id=statement_id(words, seen[words]), start=raw.start, end=raw.end, text=words,
                speaker=speaker, speaker_start=s_start, speaker_end=s_end,
                cue=" ".join(raw.cue.split()) if raw.cue else None, kind=raw.kind,
                suggested_source=category, reason=reason,
                cue_start=raw.cue_start, cue_end=raw.cue_end))
        return out

    def _evidence_for(self, raw: Raw) -> Evidence:
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


def _not_a_verb(form: CueForm, text: str, lo: int, hi: int) -> bool:
    """Does the word before the cue at `hi` make it a noun or an adjective: "the minister's
    statement", "a written reply", or a participle after the text it describes, "a statement
    posted on its website" (in lower case: "The Post reported" names a newspaper)?"""
    prev = _previous_word(text, lo, hi)
    if prev.endswith(("’s", "'s")) or prev in _NOUN_BEFORE - {"first", "later", "earlier"}:
        return True
    if form.tense not in ("past", "participle") or form.lemma not in _PUBLISHING:
        return False
    before = text[max(lo, hi - 20):hi].split()
    return bool(before) and before[-1] in TEXT_NOUNS


def _previous_word(text: str, lo: int, hi: int) -> str:
    """The word before position `hi`, lower case ("" at the start of the sentence)."""
    words = text[max(lo, hi - 30):hi].split()
    while words:
        word = words.pop().strip(",;:()“”\"—–").lower()
        if word:
            return word
    return ""


_ADVERBS_BEFORE_VERB = frozenset("first also then later recently initially originally widely".split())


_BREAK = re.compile(r"[;:!?]|(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))(?<!\bMrs|\bGov|\bSen|\bRep|\bGen|\bCol)\.")


def _breaks(gap: str) -> bool:
    """Does a sentence end in these few words? "Mr." and initials do not count."""
    return _BREAK.search(gap) is not None


def _prepositional(words: list[str]) -> bool:
    """Words that open with a preposition, not with a quantity ("at least 1,000 troops")."""
    first, second = words[0].lower(), words[1].lower() if len(words) > 1 else ""
    return (first in PREPOSITIONS or first == "as") and second not in ("least", "most") and not second[:1].isdigit()


_AUDIENCE_WORD = re.compile(r"\s+([\w’'.-]+)")
_AUDIENCE_LEAD = frozenset("the a an this that our his her their its local foreign western state visiting "
                           "assembled".split())


def _past_audience(text: str, pos: int, hi: int) -> int:
    """After "told", the audience: "told reporters", "told the BBC", "told a local news site".
    Returns where the reported words may start (`pos` when no audience is found)."""
    words: list[re.Match[str]] = []
    at = pos
    while len(words) < 5:
        m = _AUDIENCE_WORD.match(text, at, hi)
        if m is None:
            break
        words.append(m)
        at = m.end()
    best = pos
    for n, m in enumerate(words):
        word = m.group(1)
        if word.lower() in AUDIENCES or (word[:1].isupper() and word.lower() not in ("he", "she", "they", "it", "we", "i")):
            if all(w.group(1).lower() in _AUDIENCE_LEAD or w.group(1)[:1].isupper() or
                   w.group(1).lower() in AUDIENCES for w in words[:n]):
                best = m.end()
        elif word.lower() not in _AUDIENCE_LEAD and not word[:1].isupper():
            break
    return best


def _a_person(mention: Mention | None) -> bool:
    return mention is not None and mention.person and not mention.plural and (
        (mention.name is not None and len(mention.name.split()) >= 2) or mention.head in PERSON_ROLES)


def _has_quote(text: str, lo: int, hi: int) -> bool:
    return any(ch in text[lo:hi] for ch in "“\"«„") or "''" in text[lo:hi]


def _in_relative_clause(text: str, lo: int, hi: int) -> bool:
    """Is the verb at `hi` in a ", who …"/", which …" clause ("the closure, which the service
    said was planned, coincided …")? Its words then end at the clause's comma."""
    return _RELATIVE_BEFORE.search(text, max(lo, hi - 120), hi) is not None


def _passive_before(text: str, lo: int, hi: int) -> bool:
    """`was (first) posted`, `were told`: the subject heard or carried the words, it did not say them."""
    words = re.findall(r"[\w’']+", text[max(lo, hi - 40):hi].lower())
    while words and (words[-1] in _ADVERBS_BEFORE_VERB or words[-1].endswith("ly")):
        words.pop()
    return bool(words) and words[-1] in _PASSIVE_BEFORE


def _passive(text: str, lo: int, hi: int) -> bool:
    """`posted on Facebook by X`, `repeated … by several accounts`: a participle, not speech."""
    return re.match(r"(?:\s+(?:on|in|to|at)\s+\S+)?(?:\s+\w+ly)*\s+(?!%s)by\b" % _BY_MEANS, text[lo:hi]) is not None


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause holding position `hi` starts: after ; : but, and-after-comma, a closing
    quotation mark or a complementiser."""
    lo = max(lo, hi - REACH)
    best = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        best = m.end()
    return best


def _content_end(text: str, lo: int, hi: int) -> int:
    m = _CONTENT_END.search(text, lo, hi)
    return m.start() if m else hi


def _trim_space(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _trim_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in _TRAILING_PUNCT:
        hi -= 1
    return hi


def _only_adverbial(lead: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\w*\s+\w+|In\s+[^,]{1,30}|On\s+[^,]{1,30}|But|And|However)", lead))


def _dedupe(raws: list[Raw]) -> list[Raw]:
    """Reading order; of two statements over nearly the same words, the better attributed stays."""
    raws.sort(key=lambda r: (r.start, -(r.end - r.start)))
    out: list[Raw] = []
    kept: list[int] = []  # indexes into out of the statements kept so far
    for raw in raws:
        if raw.silent:
            out.append(raw)
            continue
        if raw.end <= raw.start:
            continue
        twin = next((k for k in kept[-4:] if _overlap(out[k], raw) >= 0.8 * max(
            out[k].end - out[k].start, raw.end - raw.start)), None)
        if twin is not None:
            if raw.kind == "direct" and out[twin].kind != "direct" and raw.mention is not None:
                out[twin] = raw
            continue
        kept.append(len(out))
        out.append(raw)
    return out


def _overlap(a: Raw, b: Raw) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


@contextmanager
def _no_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=4)
def _extractor(config: Config) -> Extractor:
    return Extractor(config)


def extract(text: str, config: Config) -> list[Statement]:
    """Every attributed statement in `text`, in reading order."""
    return _extractor(config).extract(text)
