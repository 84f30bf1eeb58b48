"""The place hostile inputs are tried: an article, the settings, a tag database holding tags,
and the exports of those tags to start import files from."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import paths
from reader.article import load_article
from reader.attribution import extract
from reader.config import load_config
from reader.exports import export_text
from reader.store import TagStore

TEXT = (
    "Ferry crossings suspended after engine fire\n\n"
    'The harbour master said "All crossings are suspended until the engine room is inspected" on Monday.\n'
    'A passenger said "We watched the smoke for an hour before anyone spoke to us" later.\n'
    'In a post on X, a resident wrote "the ferry was already limping last week".\n'
    'The coastguard said it had found no sign of sabotage, according to a statement.\n'
)
TAGGED = (("official", "checked with the port office", "B", "2"), ("eyewitness", "called her back", None, "3"),
          ("social media", None, None, None))


@dataclass
class Workspace:
    root: Path

    @property
    def article(self) -> Path:
        return self.root / "ferry.txt"

    @property
    def config(self) -> Path:
        return self.root / "config.yaml"

    @property
    def db(self) -> Path:
        return self.root / "db"

    @property
    def inputs(self) -> Path:
        return self.root / "inputs"

    @property
    def export_json(self) -> Path:
        return self.root / "export.json"

    @property
    def export_w3c(self) -> Path:
        return self.root / "export.jsonld"

    @classmethod
    def create(cls, root: Path, settings: Path | None = None) -> Workspace:
        """The workspace in `root`, with these settings (default: the ones shipped with reader)."""
        ws = cls(Path(root))
        ws.inputs.mkdir(parents=True, exist_ok=True)
        ws.article.write_text(TEXT, encoding="utf-8")
        shutil.copyfile(settings or paths.default_config_file(), ws.config)
        config = load_config(ws.config)
        store = TagStore(ws.db, "seed")
        article = load_article(str(ws.article))
        statements = extract(article.text, config)
        store.register(article, statements)
        for statement, (category, note, reliability, credibility) in zip(statements, TAGGED):
            store.set_tag(article.id, statement, category, note=note, reliability=reliability,
                          credibility=credibility)
        ws.export_json.write_text(export_text(store, config, None, "json"), encoding="utf-8")
        ws.export_w3c.write_text(export_text(store, config, None, "w3c"), encoding="utf-8")
        return ws

    def fresh_db(self, name: str) -> Path:
        """A copy of the seeded database, for a case that damages its own."""
        copy = self.root / "scratch" / name
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(self.db, copy)
        return copy

    def export_doc(self, kind: str = "json") -> Any:
        return json.loads((self.export_json if kind == "json" else self.export_w3c).read_text(encoding="utf-8"))


Held = set[tuple[str, str, str | None, str]]  # (statement id, category, note, created) of each tag


def tags_held(db: Path) -> Held | None:
    """Every tag the database holds, on a statement or orphaned, in any article (None when
    the database cannot be read)."""
    from reader.errors import ReaderError

    try:
        store = TagStore(db, "checker")
        held: Held = set()
        for record in store.articles():
            state = store.article_state(record.id)
            tags = [tag for by in state.reviews.values() for tag in by.values()]
            held |= {(t.statement_id, t.category, t.note, t.created) for t in (*tags, *state.orphans)}
        return held
    except ReaderError:
        return None


def lost(before: Held, after: Held | None) -> int:
    """Tags held before and gone after. A tag is known by its judgement and birth, so one that
    followed its statement (a new id) is found again; one whose category or note an import
    legitimately replaced by a newer version counts as kept when its statement still has a tag."""
    if after is None:
        return len(before)
    judged = {(c, n, t) for _, c, n, t in after}
    tagged = {sid for sid, _, _, _ in after}
    return sum(1 for sid, c, n, t in before if (c, n, t) not in judged and sid not in tagged)
