"""How a statement is worded wherever people read it (the reports, the csv's `reported`
column, the review screen's detail line), so that nothing ever misquotes anyone:

- words the article puts in quotation marks (a direct quotation, a quoted fragment that is
  the whole statement, an embedded post) are shown in quotation marks, with their cue:
  Anna Berg said: “We followed every rule,”
- reported speech is shown as reported speech, never in quotation marks, with its cue:
  The ferry company denied that the ferry had been overloaded · Police — told: the captain
  was arrested · according to the coast guard, 40 people were rescued
- posts are marked as posts: @harbour_watch (post) wrote that the boat was listing

The result is a list of parts with a role each; each format draws the roles its own way and
escapes the text as it must (bold speaker in Markdown, a <q> in HTML, a style on screen).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from reader.attribution import Statement
from reader.safe_text import printable

Role = Literal["speaker", "plain", "quote", "reported", "marker"]

UNNAMED = "unnamed source"
QUOTES_OPEN = "\"'“‘«„‚‹"
QUOTES_CLOSE = "\"'”’»“‘›"  # “ and ‘ close quotations in German typesetting

# Cue verbs whose reported speech reads "<verb> that …" ("denied that the ferry had been
# overloaded"); other cues take an object or a different clause ("told", "urged", "called")
# and are shown as "— told: …". Base forms; every inflection is recognised.
THAT_VERBS = (
    "say", "deny", "claim", "insist", "add", "state", "argue", "explain", "note", "write", "announce",
    "confirm", "report", "acknowledge", "admit", "assert", "allege", "suggest", "declare", "emphasise",
    "emphasize", "stress", "predict", "promise", "vow", "pledge", "concede", "maintain", "contend",
    "disclose", "reveal", "testify", "estimate", "conclude", "warn", "agree", "complain", "hint",
    "speculate", "recall", "assess", "believe", "think", "fear", "show", "find", "post", "tweet",
)
ACCORDING = "according to"


@dataclass(frozen=True)
class Part:
    text: str
    role: Role


def words_of(text: str) -> str:
    """A statement's words on one line, control characters made visible."""
    return printable(" ".join(text.split()))


@cache
def _that_forms() -> frozenset[str]:
    from reader.attribution.cues import inflect

    return frozenset(form for lemma in THAT_VERBS for form in inflect(lemma))


def takes_that(cue: str) -> bool:
    return " ".join(cue.lower().split()) in _that_forms()


def in_quotation_marks(statement: Statement, text: str) -> bool:
    """True when the article itself gives these words as someone's own: a direct quotation,
    words the article encloses in quotation marks, or a post standing as its own paragraph
    (an embedded post)."""
    if statement.kind == "direct":
        return True
    before = text[max(0, statement.start - 8):statement.start].rstrip(" \t")
    after = text[statement.end:statement.end + 8].lstrip(" \t")
    if before[-1:] in tuple(QUOTES_OPEN) and after.lstrip(",.;:!?")[:1] in tuple(QUOTES_CLOSE):
        return True
    if statement.kind == "post":  # an embedded post: a paragraph of its own
        return (statement.start == 0 or before.endswith("\n")) and (after == "" or after.startswith("\n"))
    return False


def wording(statement: Statement, text: str) -> list[Part]:
    """The statement as it is shown to people; `text` is the article's text (to see whether
    the article puts these words in quotation marks)."""
    speaker = words_of(statement.speaker) if statement.speaker else UNNAMED
    cue = words_of(statement.cue) if statement.cue else None
    words = words_of(statement.text)
    post = [Part(" (post)", "marker")] if statement.kind == "post" else []
    according = cue is not None and cue.lower() == ACCORDING
    if in_quotation_marks(statement, text):
        if according:
            return [Part("according to ", "plain"), Part(speaker, "speaker"), *post, Part(": ", "plain"),
                    Part(words, "quote")]
        return [Part(speaker, "speaker"), *post, Part(f" {cue}: " if cue else ": ", "plain"), Part(words, "quote")]
    if according:
        return [Part("according to ", "plain"), Part(speaker, "speaker"), *post, Part(", ", "plain"),
                Part(words, "reported")]
    if cue and takes_that(cue):
        joint = " " if words.lower().startswith("that ") else " that "
        return [Part(speaker, "speaker"), *post, Part(f" {cue}{joint}", "plain"), Part(words, "reported")]
    return [Part(speaker, "speaker"), *post, Part(f" — {cue or 'reported'}: ", "plain"), Part(words, "reported")]


def plain(parts: list[Part]) -> str:
    """The wording as plain text: quotations in curly quotation marks, nothing else added."""
    return "".join(f"“{p.text}”" if p.role == "quote" else p.text for p in parts)
