"""How cue verbs behave: classes of verbs as data, and the tests that tell a cue word used as a
verb ("she posted") from the same word used as a noun ("a post").

Each class is a list of base forms (lemmas of the configured cue verbs); the rules of the
statement kinds (direct.py, indirect.py, …) ask which class a verb is in, never which verb it is.
"""
from __future__ import annotations

import re

from reader.attribution.cues import CueForm, CueLexicon
from reader.attribution.lexicon import DETERMINERS, MULTITUDES, NUMBER_WORDS, TEXT_NOUNS
from reader.attribution.structure import Sentence

# Cue words that are as often nouns ("a post", "the state", "any comment"): as verbs they need
# a clause or a quotation right after them.
NOUNISH = frozenset("comment state report post note claim counter brief reply estimate demand "
                    "caution joke quip repeat tweet hint promise pledge remark respond mention request rule "
                    "answer forecast".split())
# "a message posted on its channel", "the report published on Friday": a participle describing a
# text, not a verb with a speaker. Only verbs of publishing are read so ("the statement said …").
PUBLISHING = frozenset("post tweet write report".split())
# Verbs with an audience before the reported words: "told reporters that …".
TELL_LIKE = frozenset("tell inform assure remind brief notify warn ask promise".split())
# Verbs whose object may be the reported words without a finite verb: "warned of shortages".
NP_CONTENT = frozenset("describe complain warn call accuse condemn speak".split())
# Of those, the verbs whose "about …"/"of …" names what was said: "warned the ministry about X".
ABOUT_CONTENT = frozenset("complain warn speak".split())
# Verbs whose object is reported words even without "that" or a finite verb we recognise:
# "advisers say his finish and his ability make him an asset".
SAY_LIKE = frozenset("say tell claim insist argue warn add note explain suggest stress emphasise "
                     "emphasize assert contend predict recall write agree concede "
                     "speculate hint allege".split())
# Verbs whose clause may modify a word before it, leaving a gap: "what the planners said was
# a modest budget", "the leak the inspector said was meant to …" (gaps.py). "What the army
# claimed were camps" stays a characterisation (direct.py reads a quoted one).
GAP_VERBS = frozenset({"say"})
# Verbs that put their speaker after them ("…, said the minister"); "told" never does.
INVERTING = frozenset("say add write reply ask explain insist continue answer recall warn claim report "
                      "state note".split())
# Verbs that, after "and", open a second statement of the same speaker: "… and denied that …".
PROMISE = frozenset("deny promise vow pledge post tweet threaten".split())
# Verbs whose "to …" is what was said: "vowed to keep extremists out"; for others ("asked him
# to leave", "declined to comment") it is a request or an act, not reported words.
INFINITIVE_CONTENT = frozenset("promise vow pledge threaten".split())
# Verbs that attribute only a quotation (`“…,” she continued`), never a clause of their own.
QUOTE_ONLY = frozenset({"continue"})
# Verbs that characterise something in the speaker's words: `called the plan “a disaster”`.
# The statement is the quotation; without one, only REPORTING_CHARACTERISE report speech.
CHARACTERISE = frozenset("describe call brand dub label denounce criticise criticize praise hail "
                         "slam dismiss condemn blame accuse characterise characterize identify "
                         "refer liken".split())
REPORTING_CHARACTERISE = frozenset("describe condemn accuse".split())
# Of those, the verbs that say what something is with "as": "denounced X as a traitor",
# "identified the suspect as Y" (the object and what it is called are the statement).
CALLED_AS = frozenset("describe brand label denounce criticise criticize praise hail dismiss condemn "
                      "characterise characterize identify refer".split())
# Verbs that may have words between them and a following quotation that are not a colon or a
# comma: `X told reporters in Seoul “…”`, `X said that “…”`.
QUOTE_AFTER_OBJECT = frozenset("say write tell post tweet add ask declare".split())

# Words before a cue word that make it a noun or an adjective: "the report", "a new claim".
_NOUN_BEFORE = DETERMINERS | {"of", "in", "on", "for", "with", "new", "latest", "recent", "first",
                              "last", "previous", "earlier", "later", "whose", "such", "what"}
_COUNTS = frozenset("several many few both all some another each".split()) | NUMBER_WORDS | MULTITUDES
_AFTER_QUOTE = frozenset('”"’»')
_CLAUSE_AFTER = re.compile(r"\s*(?:that\b|[,:]\s*[“\"]|:)")
_SUBJECT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|its|their|he|she|it|they|we|i|[A-Z])\b")
_BEFORE_ING_VERB = frozenset("and after before while by without when".split())
# the end of a sentence a trailing cue may close: "…, residents claim.", "… reports on Friday."
_TRAILS = re.compile(r"(?:\s+(?:[a-z]+\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)?\s*[.!]?\s*")
# ", The Courier reports": a comma, then a short name or noun phrase right before the cue
_NAMED_BEFORE = re.compile(r",\s+(?:the\s+|a\s+)?(?:[A-Z][\w’'.-]*\s+){0,4}(?:[A-Z][\w’'.-]*|[a-z]+s)\s+$")
_AND_CUE = re.compile(r",?\s+(?:and|but)\s+(?:\w+ly\s+)?([a-z]+)\b")


def previous_word(text: str, lo: int, hi: int) -> str:
    """The word before position `hi`, lower case ("" at the start of the sentence)."""
    words = text[max(lo, hi - 30):hi].split()
    while words:
        word = words.pop().strip(",;:()“”\"—–").lower()
        if word:
            return word
    return ""


_DETERMINER_NOUN = re.compile(r"(?<![\w’'-])(\w+)\s+([a-z]+)\s+$")
_PLURAL_WITHOUT_S = frozenset("people police public staff crew team government majority media clergy".split())
_SINGULAR_DETERMINERS = frozenset("a an the this that his her its their our my your one another each every".split())


def not_a_verb(form: CueForm, text: str, lo: int, hi: int) -> bool:
    """Does the word before the cue at `hi` make it a noun or an adjective: "the minister's
    statement", "a written reply", or a participle after the text it describes, "a statement
    posted on its website" (in lower case: "The Post reported" names a newspaper)?"""
    prev = previous_word(text, lo, hi)
    if prev in _COUNTS and form.lemma not in NOUNISH:
        return False  # "two in three said", "many say": a count is the subject of a verb with no noun form
    if prev.endswith(("’s", "'s")) or prev in _NOUN_BEFORE - {"first", "later", "earlier"}:
        return True
    if form.tense == "base" and (form.lemma in NOUNISH or form.lemma == "call"):
        # "a conference call", "the phone call": a singular subject would say "calls"
        compound = _DETERMINER_NOUN.search(text, max(lo, hi - 40), hi)
        return compound is not None and compound.group(1).lower() in _SINGULAR_DETERMINERS \
            and not compound.group(2).endswith("s") and compound.group(2) not in _PLURAL_WITHOUT_S
    if form.tense not in ("past", "participle") or form.lemma not in PUBLISHING:
        return False
    before = text[max(lo, hi - 20):hi].split()
    return bool(before) and before[-1] in TEXT_NOUNS


def verb_like(lexicon: CueLexicon, text: str, sent: Sentence, m: re.Match[str]) -> bool:
    """Is this cue word used as a verb here ("she posted"), not as a noun ("a post")?"""
    form = lexicon.form(m.group())
    if form is None:
        return False
    mark = text[max(sent.start, m.start() - 3):m.start()].rstrip()[-1:]
    if mark in _AFTER_QUOTE or (mark == "," and form.lemma not in NOUNISH):
        return True  # `“… at all,” said X`, `…, said X`: right after a quotation or a comma
    if form.lemma in NOUNISH and _TRAILS.fullmatch(text, m.end(), sent.end) and (
            mark == "," and form.lemma in INVERTING or _NAMED_BEFORE.search(text, max(sent.start, m.start() - 60),
                                                                             m.start())):
        return True  # `…, claim residents.`, `…, The Courier reports.`: a trailing attribution
    if not_a_verb(form, text, sent.start, m.start()):
        return False
    if form.lemma in NOUNISH and form.tense in ("base", "s"):
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


def another_cue(lexicon: CueLexicon, words: str) -> bool:
    """Does another cue verb stand in these words ("denied the reports, said … that")? Cue
    words used as nouns ("state television", "a post on X") do not count."""
    for m in lexicon.pattern.finditer(words):
        form = lexicon.form(m.group())
        if form is None or (form.lemma in NOUNISH and form.tense in ("base", "s")) or \
                not_a_verb(form, words, 0, m.start()):
            continue
        if form.tense == "ing" and previous_word(words, 0, m.start()) not in _BEFORE_ING_VERB and \
                not words[:m.start()].rstrip().endswith(","):
            continue  # "in a closed-door briefing that …": a noun
        return True
    return False


def second_cue(lexicon: CueLexicon, text: str, lo: int, hi: int) -> int:
    """Where "… and said …", "… but noted …" starts a second statement of the same speaker, or `hi`."""
    for m in _AND_CUE.finditer(text, lo, hi):
        form = lexicon.form(m.group(1))
        if form is not None and form.tense in ("past", "s", "base") and (form.lemma in SAY_LIKE or form.lemma in PROMISE):
            return m.start()
    return hi
