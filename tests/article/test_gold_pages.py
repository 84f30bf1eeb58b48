"""The engine's scores hold on web pages: each hand-labelled dev article, wrapped in a news
site's page (bench/newspage.py), reads back as exactly the text of its .txt file, so the
engine sees the same characters and every gold span sits at the same offset.
`python -m bench html_scores` runs the engine and scores both forms.

The articles are the bundled sample and copies of the three dev articles of ../shared/eval
(tests/data/articles, their text only), so the test is the same on any checkout."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.newspage import wrap_article
from reader.article.load import from_bytes
from tests.conftest import ROOT, SAMPLE

ARTICLES = [SAMPLE, *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]


def test_every_article_is_here():
    assert [p.name for p in ARTICLES[1:]] == ["dev-01-olchowo-derailment.txt", "dev-02-sohae-launch.txt",
                                              "dev-03-addis-journalist.txt"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_a_wrapped_article_reads_back_as_its_text(path: Path):
    text = path.read_text(encoding="utf-8")
    page = wrap_article(text)
    assert all(part in page for part in ("<nav", 'id="comments"', "related-stories", "newsletter"))
    article = from_bytes(page.encode("utf-8"), name=path.name, path=path.name, kind="html")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    lines = article.text.split("\n")
    missing = [p for p in paragraphs if p not in lines]
    assert not missing, f"paragraphs changed or lost in the page: {missing}"
    assert article.title == paragraphs[0]
    assert article.text.rstrip("\n") == text.rstrip("\n")  # same characters, same offsets
