"""Who says what a cue verb introduces: the subject of the cue's clause, the subject a sentence
opens with, and the person the sentences before a "he said" are about."""
from __future__ import annotations

import re
from collections.abc import Callable

from reader.attribution.clauses import FINITE, RELATIVE_REACH, clause_start
from reader.attribution.kinds import AFFILIATED_ROLES
from reader.attribution.cues import CueLexicon
from reader.attribution.lexicon import DETERMINERS, NAMES_OF_THINGS_END, SUBORDINATORS, VERB_FILLERS
from reader.attribution.mentions import PERSON_ROLES, Mention, build_mention, singular
from reader.attribution.phrases import REACH, subject_before
from reader.attribution.tokens import Tok, tokenize
from reader.attribution.structure import Sentence
from reader.attribution.verbs import previous_word
from reader.attribution.whoswho import POSSESSIVE_ENDINGS, named_person

_PARENTHETICAL = re.compile(r"(?:,|\s[—–]|\s--)\s+(?:who|which|whose|a|an|the|\d+|aged|now|then|once|like|when|while|if|"
                            r"(?-i:[a-z]+ing))\b")
# "Ada Vale, clad in oilskins, said", "Vale, after the logs were published, said": a parenthetical
# right after the subject that opens the sentence (not after a fronted "On Tuesday in Lake Town, …")
_OPENING_PARENTHETICAL = re.compile(r"[^,;:]+(,)\s+(?:after|before|since|although|though|because|despite|during|"
                                    r"clad|dressed)\b")
# "…, then says": a second verb of the sentence's subject, as after "and"
_THEN = re.compile(r",\s+then\s+$")
# the end of a parenthetical before the cue, its comma maybe inside a quotation: ", a doctor,",
# ", who calls it a “fraud,”"
_SET_OFF_END = re.compile(r"(?:,|--|—|–)(?:[”\"]|'')?\s*(?:[a-z]+ly\s+)?$")  # "…, repeatedly said"
# ", who backed Vale and (said)": a relative clause the cue's "and" continues
_RELATIVE_OPEN = re.compile(r"(?<=,)\s+(?:who|which)\s+[^,;:“”\"]*$")
_CONNECTIVES = frozenset("and but so yet still however meanwhile instead also then".split())
_OPENING_VERBS = frozenset("has have had was is were are will would can could did does do".split())
# a sentence starts after a full stop, not after an initial or a title ("Mr. Ode", "J. Ode")
# (the stop is matched first and the titles looked for behind it: the same match, tried fast)
_SENTENCE_START = re.compile(r"(?:[.!?](?<!\b[A-Z][.!?])(?<!\b(?:Mr|Ms|Dr|St|Lt|Jr|Sr)[.!?])"
                             r"(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col)[.!?])[\"”’']?\s+|\n)(?=[\"“‘']?[A-Z])")
# Two or more capitalised words in a row, the way a person's full name (with a title) is written
_NAME_RUN = re.compile(r"(?<![\w’'])(?:[A-Z][\w’'.-]+\s+){1,4}[A-Z][\w’'-]+")


def subject_for(lexicon: CueLexicon, text: str, sent: Sentence, lo: int, cue: re.Match[str],
                prior: Mention | None = None) -> Mention | None:
    """Who says what the cue introduces: the subject of the cue's own clause. `prior` is
    the speaker of an earlier verb in the sentence, for "… and said …"."""
    words = text[max(sent.start, cue.start() - 40):cue.start()].split()
    while words and words[-1].lower() in VERB_FILLERS:
        words.pop()
    if len(words) > 2 and words[-2].lower() in ("in", "on", "last") and words[-3].lower() in ("who", "which"):
        del words[-2:]  # "who in 2010 said", "which on Friday said"
    if words and words[-1].lower() in ("and", "but") or words[-1:] == ["to"] or \
            _THEN.search(text, max(sent.start, cue.start() - 12), cue.start()):
        # "He called it “…” and said …", "Ode went on to call …": the subject of the first verb;
        # "Ode, who backed Vale and said …": what the relative pronoun points to
        opened = _RELATIVE_OPEN.search(text, max(sent.start, cue.start() - RELATIVE_REACH), cue.start())
        if opened is not None:
            return subject_before(text, clause_start(text, sent.start, opened.start()), opened.start(), relative=True)
        return prior or leading_subject(lexicon, text, sent.start, cue.start())
    if words and words[-1].lower() in ("who", "which") and not words[-1].isupper():  # "WHO" is a name
        # "the embassy, which said …": the speaker is what the relative pronoun points to
        rel = text.rfind(words[-1], sent.start, cue.start())
        return subject_before(text, _past_inverted_cue(lexicon, text, clause_start(text, sent.start, rel), rel),
                              rel, relative=True)
    if words and words[-1].lower() == "that" and lexicon.form(words[-2].lower() if len(words) > 1 else "") is None:
        rel = text.rfind("that", sent.start, cue.start())  # "a channel that claimed …"
        return subject_before(text, clause_start(text, sent.start, rel), rel, relative=True)
    start = clause_start(text, max(lo, sent.start), cue.start())
    if _SET_OFF_END.search(text, max(sent.start, start - 3), cue.start()):
        # "Paradis, who volunteered when he ran in 1992, says": the clause starts before
        # the parenthetical, whatever clauses the parenthetical holds
        paren = _PARENTHETICAL.search(text, max(lo, sent.start), cue.start())
        opening = _OPENING_PARENTHETICAL.match(text, max(lo, sent.start), cue.start())
        at = paren.start() if paren is not None else opening.start(1) if opening is not None else None
        if at is not None and at < start:
            start = clause_start(text, max(lo, sent.start), at)
    region = text[start:cue.start()]
    opener = previous_word(text, sent.start, start) if start > sent.start else ""
    if opener == "that" and lexicon.form(previous_word(text, sent.start, start - 5)) is not None:
        opener = ""  # "said that X told …": "that" after a cue opens the reported clause
    if opener in ("who", "which", "that"):
        # "a closure that officials blamed": the relative clause has its own subject;
        # "a channel that regularly publishes … claimed": the speaker is what "that" points to
        head_end = text.rfind(opener, sent.start, start)
        # "X, who tracks web sites for a network said": "who" is the clause's subject
        of_subject = opener == "who" and text[max(sent.start, head_end - 3):head_end].rstrip().endswith(",")
        own = subject_before(text, start, cue.start()) if region.strip() and not of_subject else None
        if own is not None:
            return own
        return subject_before(text, clause_start(text, sent.start, head_end), head_end, relative=True)
    return subject_before(text, start, cue.start())


def _past_inverted_cue(lexicon: CueLexicon, text: str, lo: int, hi: int) -> int:
    """Where the antecedent of a relative pronoun starts: after the cue of "…, said Beck, who
    …", which inverted it."""
    stretch_end = lo + len(text[lo:hi].rstrip().rstrip(","))
    comma = text.rfind(",", lo, stretch_end)  # the antecedent's own stretch, after the comma before it
    m = _INVERTED_CUE.match(text, comma + 1 if comma >= 0 else lo, hi)
    return m.end() if m is not None and lexicon.form(m.group(1)) is not None else lo


# the cue right after the comma of "…, said Ode, who" or of "“…,” said Ode, who"
_INVERTED_CUE = re.compile(r"(?:”|\"|'')?\s*([a-z]+)\s+")


def leading_subject(lexicon: CueLexicon, text: str, lo: int, hi: int) -> Mention | None:
    """The noun phrase a sentence opens with, up to its first verb."""
    toks = tokenize(text, lo, min(hi, lo + REACH))
    while toks and (toks[0].lower in _CONNECTIVES or not toks[0].word):
        toks = toks[1:]
    if toks and (toks[0].lower in SUBORDINATORS or (len(toks) > 1 and toks[1].lower in SUBORDINATORS
                                                     and toks[0].lower.endswith("ly"))):
        # "When asked about it, Vale said …", "Shortly after the call ended, the campaign …":
        # the subject comes after the fronted clause
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        if comma is None:
            return None
        toks = toks[comma + 1:]
    for k, t in enumerate(toks):
        if k == 0 and t.lower in ("he", "she", "it", "they", "we"):
            return subject_before(text, t.start, t.end)
        if k and not t.cap and (t.lower.endswith("ed") or t.lower in _OPENING_VERBS
                                or lexicon.form(t.lower) is not None or FINITE.fullmatch(t.lower)
                                or (t.lower.endswith("s") and toks[k - 1].cap and toks[k - 1].word
                                    and toks[k - 1].lower not in DETERMINERS and not _noun_after_name(toks[k - 1], t))):
            return subject_before(text, toks[0].start, t.start)
    return None


def clause_subject(lexicon: CueLexicon, text: str, lo: int, hi: int) -> Mention | None:
    """The subject of the last clause joined by "and", "but" or a semicolon between `lo` and
    `hi`: who a participle after it speaks for ("Critics say …, and the union has sued the
    city, saying …": the union). None when no such clause opens there."""
    joins = list(_JOIN.finditer(text, lo, hi))
    if not joins:
        return None
    mention = leading_subject(lexicon, text, joins[-1].end(), hi)
    return mention if mention is not None and _could_speak(mention) else None


_JOIN = re.compile(r",\s+(?:and|but)\s+|;\s+")


def _noun_after_name(before: Tok, word: Tok) -> bool:
    """ "Vale's aides", "State prosecutors": a role after a name or a possessive, not a verb
    ("Ode leads")."""
    return before.lower.endswith(("'s", "’s")) or singular(word.lower) in _ROLES


_ROLES = PERSON_ROLES | AFFILIATED_ROLES


def _sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    starts = [m.end() for m in _SENTENCE_START.finditer(text, lo, hi)]
    if lo == 0 or text[lo - 1] == "\n":
        starts.insert(0, lo)
    return starts


def own_subject(lexicon: CueLexicon, text: str, pos: int) -> Mention | None:
    """The subject that opens the sentence of a pronoun at `pos`, when the pronoun is not that
    subject: "The agency issued a statement saying they would comply", "Prosecutors charged
    him, they said". None when the sentence opens with a quotation or with the pronoun."""
    starts = [k for k in _sentence_starts(text, max(0, pos - 300), min(len(text), pos + 2)) if k <= pos]
    if not starts or not text[starts[-1]:pos].strip():
        return None  # the pronoun opens its sentence
    start = starts[-1]
    opened = min((k for k in (text.find(q, start, pos) for q in _QUOTE_MARKS) if k >= 0), default=pos)
    if opened < pos and (not text[start:opened].rstrip().endswith(":") or _quoted(text, start)):
        return None  # the subject of a quotation's sentence is in the quotation
    # "Sen. Ada Vale scolded him: “…,” she said": the subject before the quotation it opens
    mention = leading_subject(lexicon, text, start, opened)
    if mention is None or mention.pronoun or mention.end > opened or not _could_speak(mention):
        return None
    return mention


def previous_subject(lexicon: CueLexicon, text: str, pos: int) -> Mention | None:
    """The person the sentence right before `pos` opens with, in the same paragraph: who a
    quotation with no attribution of its own follows ("Jo Vale disagreed. “…”")."""
    lo = max(0, pos - 400)
    para = text.rfind("\n", lo, pos)
    starts = _sentence_starts(text, para + 1 if para >= 0 else lo, pos + 2)
    if len(starts) < 2:
        return None
    start, end = starts[-2], starts[-1]
    if any(q in text[start:end] for q in _QUOTE_MARKS):
        return None
    mention = leading_subject(lexicon, text, start, end)
    return mention if _a_person(mention) else None


# verbs of belief an outlet passes on as it passes on words: "Vale believes", "officials fear"
_BELIEF_VERBS = frozenset("""
believe believes believed think thinks thought fear fears feared expect expects expected suspect
suspects suspected
""".split())


def relayed_subject(lexicon: CueLexicon, text: str, start: int, end: int) -> Mention | None:
    """The source a report or an outlet passes on, when the words it reports open with one:
    "(According to the paper,) Vale also believes …", "(Reports say) intelligence officials
    identified …". None when they open with anything else ("police arrested …")."""
    toks = tokenize(text, start, min(end, start + REACH))
    for k, t in enumerate(toks[:14]):
        if t.text in _QUOTE_MARKS or t.text in (",", ";", ":"):
            return None
        if k and t.word and not t.cap and (lexicon.form(t.lower) is not None or t.lower in _BELIEF_VERBS):
            mention = subject_before(text, start, t.start)
            return mention if mention is not None and not mention.pronoun and _could_speak(mention) else None
    return None


def sentence_before(text: str, pos: int) -> str:
    """The sentence before the one at `pos` (the last of the paragraph before, at a paragraph's start)."""
    starts = [k for k in _sentence_starts(text, max(0, pos - 400), min(len(text), pos + 2)) if k <= pos]
    return text[starts[-2]:starts[-1]] if len(starts) > 1 else ""


_QUOTE_MARKS = "“”\"«»"


def _could_speak(mention: Mention) -> bool:
    """A person or a body, not a thing: "the ministry", "Ada Vale", "prosecutors"."""
    return bool(mention.name) or mention.organisation or singular(mention.head) in _ROLES


def antecedent(lexicon: CueLexicon, text: str, pos: int, known: Callable[[str], bool] = lambda name: False,
               memo: dict[int, Mention | None] | None = None) -> Mention | None:
    """The person the sentence before `pos` is about: what "she said" points to when she
    has not spoken before ("Officer Dana Kim arrived first. “…,” she said.", "The rescue
    was led by Captain Emil Radu. He says …"). The subject of that sentence, else the last
    person named in it. `memo` keeps each sentence's subject for the next pronoun."""
    memo = {} if memo is None else memo
    starts = _sentence_starts(text, max(0, pos - 600), min(len(text), pos + 2))
    for start, end in reversed(list(zip(starts, starts[1:]))):  # not the pronoun's own sentence
        if _quoted(text, start):
            continue  # a sentence someone says is not about whom the article is about
        if start not in memo:
            memo[start] = leading_subject(lexicon, text, start, end)
        mention = memo[start]
        if _a_person(mention, known):
            return mention  # "Vale believes …. “…,” she said": a surname the article gives a person
        for run in reversed(list(_NAME_RUN.finditer(text, start, end))):
            if _AFTER_PREPOSITION.search(text, max(start, run.start() - 6), run.start()):
                continue  # "a bomb had gone off in New York": a place
            mention = build_mention(text, tokenize(text, run.start(), run.end()), [])
            if _a_person(mention, known):
                return mention
    return None


_QUOTE_REACH = 3000
_AFTER_PREPOSITION = re.compile(r"\b(?:in|at|from|to|of|near|into|across)\s+$")


def _quoted(text: str, pos: int) -> bool:
    """Is `pos` inside a quotation opened earlier in its paragraph (read at most _QUOTE_REACH
    back, so a text with no line breaks costs no more per pronoun)?"""
    lo = max(0, pos - _QUOTE_REACH)
    before = text[text.rfind("\n", lo, pos) + 1 or lo:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _a_person(mention: Mention | None, known: Callable[[str], bool] = lambda name: False) -> bool:
    """Is the mention one person by what it says: a role ("the senator"), a title or a first
    name ("Ms. Vale", "Ada Vale"), or a surname the article gives a person (`known`). Not a
    place or a law written in capitals ("Harbour Street", "Harbour Dues Act"), nor a thing of
    someone's ("Vale's plan", "Vale's Harbour Radio")."""
    if mention is None or not mention.person or mention.plural:
        return False
    if mention.name is None:
        return mention.head in PERSON_ROLES
    words = mention.name.split()
    if any(w.endswith(POSSESSIVE_ENDINGS) for w in words[:-1]) or (len(words) > 1 and mention.name.isupper()) \
            or (len(words) > 1 and words[-1].lower() in NAMES_OF_THINGS_END):
        return False  # "Vale's Harbour Radio"; a heading in capitals ("COUNCIL VOTES NO"); "Fair Pay Act"
    return mention.head in PERSON_ROLES or named_person(mention.text.split()) or named_person(words) \
        or (len(words) <= 2 and known(words[-1]))
