"""Test articles whose statements are built directly, independent of the engine's quality."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.article import Article, title_of
from reader.attribution.model import Statement, statement_id

QUOTES = (
    "We will rebuild the bridge before the spring floods arrive",
    "Nobody told us anything until the water was at the door",
    "The treatment, the care and the food were all good",
    "There is no evidence that anyone was hurt in the blast",
)


def text_with(quotes: Sequence[str], *, head: str = "Storm closes coastal road", lead: str = "") -> str:
    lines = [head, ""]
    if lead:
        lines += [lead, ""]
    lines += [f'Speaker {n} said "{q}" on Monday.' for n, q in enumerate(quotes, 1)]
    return "\n".join(lines) + "\n"


def statements_in(text: str, quotes: Sequence[str] | None = None) -> list[Statement]:
    """One direct statement per double-quoted span, with the engine's id scheme."""
    out: list[Statement] = []
    seen: dict[str, int] = {}
    at = 0
    while (start := text.find('"', at)) != -1:
        end = text.find('"', start + 1)
        if end == -1:
            break
        words = text[start + 1:end]
        if quotes is None or words in quotes:
            seen[words] = seen.get(words, 0) + 1
            out.append(Statement(id=statement_id(words, seen[words]), start=start + 1, end=end, text=words,
                                 speaker=None, speaker_start=None, speaker_end=None, cue="said",
                                 kind="direct", suggested_source=None, reason=None))
        at = end + 1
    return out


def article(text: str, path: str | Path = "/articles/storm.txt") -> Article:
    return Article(text=text, path=str(path), title=title_of(text))


def many_quotes(n: int) -> list[str]:
    return [f"Statement number {i} was made about the flooding today" for i in range(n)]


SERVER_TABLES = ("reader_schema", "reader_articles", "reader_texts", "reader_tags", "reader_resolutions",
                 "reader_records")


def location(argument: str) -> Path | str:
    """A database named on a test process's command line: a server's address, or a folder."""
    return argument if argument.startswith("postgresql://") else Path(argument)


def snapshot(db: Path | str) -> dict[str, object]:
    """Everything the database holds, to compare before and after: every file's bytes in a
    folder (temporary files too); every row of every table on a server, read with SQL."""
    if isinstance(db, Path):
        return {str(p.relative_to(db)): p.read_bytes() for p in sorted(db.rglob("*")) if p.is_file()}
    import psycopg

    with psycopg.connect(db) as conn:
        return {t: sorted(r[0] for r in conn.execute(f"SELECT row_to_json(x)::text FROM {t} x"))
                for t in SERVER_TABLES}


def every_tag(store, article_id: str) -> dict:
    """statement id -> the tag on it, whoever's (for tests where each statement has one reviewer's tag)."""
    found = store.article_state(article_id).reviews
    assert all(len(by) == 1 for by in found.values()), {sid: sorted(by) for sid, by in found.items() if len(by) > 1}
    return {sid: next(iter(by.values())) for sid, by in found.items()}
