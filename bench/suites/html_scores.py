"""The engine's scores on the hand-labelled gold articles, read as .txt and as web pages.

Each gold article (../shared/eval/*.gold.yaml, beside the checkout) is wrapped in a news-site
page (bench/newspage.py), read back through reader's HTML path, run through the engine and
scored with shared/eval/score.py's own functions. The html rows should equal the txt rows:
`python -m bench html_scores`.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.harness import Row
from bench.newspage import wrap_article
from reader.article.load import from_bytes
from reader.attribution import extract
from reader.config import load_config

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
FIGURES = ("recall", "precision", "speaker", "source", "offsets")


def load_score_module() -> ModuleType:
    path = EVAL / "score.py"
    if not path.is_file():
        raise SystemExit(f"{path}: not found; the gold files must sit in ../shared/eval beside the checkout.")
    spec = importlib.util.spec_from_file_location("shared_eval_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def relocate(score: ModuleType, golds: list[Any], old: str, new: str) -> list[Any]:
    """The gold statements' spans in `new`: the same occurrence of the same words (a gold
    statement whose words are missing from `new` gets an empty span, so it counts as missed)."""
    moved = []
    for g in golds:
        nth = old.count(g.content, 0, g.start) + 1
        pos = -1
        for _ in range(nth):
            pos = new.find(g.content, pos + 1)
            if pos < 0:
                break
        start, end = (pos, pos + len(g.content)) if pos >= 0 else (0, 0)
        moved.append(score.Gold(start, end, g.speakers, g.sources, g.optional, g.content))
    return moved


def run(quick: bool = False) -> list[Row]:
    score = load_score_module()
    config = load_config()
    totals = {"txt": score.Tally(), "html": score.Tally()}
    same = 0
    files = sorted(EVAL.glob("*.gold.yaml"))
    for gold in files:
        article, text, golds = score.load_gold(gold)
        page = from_bytes(wrap_article(text).encode("utf-8"), name=article.name, path=str(article), kind="html")
        same += page.text.rstrip("\n") == text.rstrip("\n")
        for label, body, spans in (("txt", text, golds), ("html", page.text, relocate(score, golds, text, page.text))):
            statements = [s.to_json() for s in extract(body, config)]
            totals[label].add(score.score_article(body, spans, statements))
    rows = [Row("html_scores", "gold articles", "page text == .txt text (but a final newline)", same, f"of {len(files)}",
                f"= {len(files)}", same == len(files))]
    txt, html = totals["txt"].figures(), totals["html"].figures()
    for name in FIGURES:
        rows.append(Row("html_scores", "txt", name, txt[name], ""))
        rows.append(Row("html_scores", "html", name, html[name], "", "≥ txt", html[name] >= txt[name] - 1e-9))
    return rows
