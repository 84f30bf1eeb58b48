"""A small invented article and a fixed statement list, so review and screen tests do not
depend on the engine's changing output."""
from __future__ import annotations

from reader.article import Article, title_of
from reader.attribution import Statement, statement_id

TEXT = (
    "Harbour bridge reopens after storm repairs\n"
    "The harbour bridge in Eastmere reopened on Tuesday after three weeks of repairs.\n"
    "\"The bridge is safe and every cable has been tested,\" said transport minister Lena Hartmann.\n"
    "Residents were less sure. \"We heard the deck groan all winter,\" said Tomas Reyes, who lives beside "
    "the bridge.\n"
    "A post shared by the account @eastmere_watch claimed that \"the repairs were rushed to meet a "
    "deadline\".\n"
    "The regional intelligence office said it had no information about sabotage.\n"
    "Traffic will return to normal by the weekend, the port authority expects.\n"
)

# (words, speaker, kind, cue, suggestion, reason)
_FOUND = [
    ("The bridge is safe and every cable has been tested", "Lena Hartmann", "direct", "said", "official",
     "role 'minister' → official"),
    ("We heard the deck groan all winter", "Tomas Reyes", "direct", "said", "eyewitness",
     "context 'heard' → eyewitness"),
    ("the repairs were rushed to meet a deadline", "@eastmere_watch", "direct", "claimed", "social media",
     "'account' → social media"),
    ("it had no information about sabotage", "The regional intelligence office", "indirect", "said",
     "intelligence", "'intelligence' → intelligence"),
]


def statements(text: str = TEXT) -> list[Statement]:
    out = []
    for words, speaker, kind, cue, suggestion, reason in _FOUND:
        start = text.index(words)
        s_start = text.index(speaker)
        out.append(Statement(statement_id(words), start, start + len(words), words, speaker, s_start,
                             s_start + len(speaker), cue, kind, suggestion, reason))
    return out


def article(text: str = TEXT, path: str = "/articles/harbour-bridge.txt") -> Article:
    return Article(text=text, path=path, title=title_of(text))


# One source quoted twice (the engine gives both statements the same speaker), and another.
SAME_SOURCE_TEXT = (
    "Mayor says bridge is safe\n"
    "\"The bridge is safe,\" said Ana Lind.\n"
    "\"We tested every cable,\" Lind added.\n"
    "\"Nobody told us,\" said a resident, Ola Berg.\n"
)


def same_source_article() -> Article:
    return article(SAME_SOURCE_TEXT, "/articles/mayor.txt")


def same_source_statements() -> list[Statement]:
    out = []
    for words, speaker in [("The bridge is safe,", "Ana Lind"), ("We tested every cable,", "Ana Lind"),
                           ("Nobody told us,", "Ola Berg")]:
        start = SAME_SOURCE_TEXT.index(words)
        out.append(Statement(statement_id(words), start, start + len(words), words, speaker, None, None, "said",
                             "direct", "eyewitness", "named person with no role or office → eyewitness"))
    return out
