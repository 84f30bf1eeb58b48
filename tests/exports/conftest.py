"""A small tagged article, built explicitly so the exports' golden files do not depend on the
attribution engine (being rewritten in parallel): the engine is replaced by a fixed list of
statements for this text, and the tags are written with fixed times and reviewer."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.article import Article
from reader.attribution import Statement, statement_id
from reader.config import Config
from reader.store import Anchor, Tag, TagStore, make_anchor

SAMPLE_PATH = "/news/harbour-bridge.txt"
SAMPLE_TEXT = (
    "Harbour bridge to reopen after storm repairs\n"
    "\n"
    "Engineers finished work on the Kestrel Bay bridge on Tuesday. \"The bridge is safe and will "
    "reopen on Friday morning,\" said Petra Novak, a spokesperson for the regional transport ministry.\n"
    "\n"
    "Intelligence analysts told reporters that \"no sabotage was involved in the collapse\", "
    "according to a declassified summary.\n"
    "\n"
    "\"I saw the water pour over the road & into the shops | it was <terrifying> [really]*,\" "
    "said Ravi Okafor, a shop owner on the quay. Locals call the bridge \"the old lady of the harbour\".\n"
    "\n"
    "A post on X read: \"=HYPERLINK(\"http://evil.example\",\"click\") bridge closed again #KestrelBay\"\n"
    "\n"
    "Officials denied that they would delay the list of damaged buildings.\n"
)


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _statement(words: str, speaker: str | None, cue: str | None, kind: str, suggested: str | None,
               reason: str | None) -> Statement:
    start, end = span(SAMPLE_TEXT, words)
    speaker_start = speaker_end = None
    if speaker is not None:
        speaker_start, speaker_end = span(SAMPLE_TEXT, speaker)
    cue_start = cue_end = None
    if cue is not None:
        after = SAMPLE_TEXT.find(cue, end)
        cue_start = after if after != -1 else SAMPLE_TEXT.index(cue, speaker_start or 0)
        cue_end = cue_start + len(cue)
    return Statement(statement_id(words), start, end, words, speaker, speaker_start, speaker_end, cue,
                     kind, suggested, reason, cue_start, cue_end)  # type: ignore[arg-type]


ENGINE = [
    _statement("The bridge is safe and will reopen on Friday morning,", "Petra Novak", "said", "direct",
               "official", "role 'spokesperson' → official"),
    _statement("no sabotage was involved in the collapse", "Intelligence analysts", "told", "mixed",
               "intelligence", "role 'intelligence' → intelligence"),
    _statement("I saw the water pour over the road & into the shops | it was <terrifying> [really]*,",
               "Ravi Okafor", "said", "direct", "eyewitness", "role 'owner' → eyewitness"),
    _statement("the old lady of the harbour", None, None, "direct", None, None),
    _statement("=HYPERLINK(\"http://evil.example\",\"click\") bridge closed again #KestrelBay", None, None,
               "post", "social media", "context 'post' → social media"),
]
ADDED = _statement("they would delay the list of damaged buildings", "Officials", "denied",
                   "indirect", None, None)
DISMISSED = ENGINE[3].id
REVIEWER = "alex"


def fake_extract(text: str, config: Config) -> list[Statement]:
    """The engine, replaced: the fixed statements for the sample text, none for any other."""
    return list(ENGINE) if text == SAMPLE_TEXT else []


@pytest.fixture
def fixed_engine(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, Config], list[Statement]]:
    for module in ("reader.exports.collector", "reader.exports.importer", "reader.cli.commands.export"):
        monkeypatch.setattr(f"{module}.extract", fake_extract)
    return fake_extract


def make_tag(article_id: str, statement: Statement, category: str, *, note: str | None = None,
             reliability: str | None = None, credibility: str | None = None, minute: int = 0,
             reviewer: str = REVIEWER, updated_minute: int | None = None) -> Tag:
    return Tag(article_id=article_id, statement_id=statement.id, category=category,
               anchor=make_anchor(SAMPLE_TEXT, statement.start, statement.end), note=note,
               reliability=reliability, credibility=credibility, reviewer=reviewer,
               created=f"2026-01-05T09:{minute:02d}:00Z",
               updated=f"2026-01-05T09:{(updated_minute if updated_minute is not None else minute):02d}:30Z")


@dataclass
class Sample:
    store: TagStore
    root: Path
    article: Article
    config: Config

    @property
    def id(self) -> str:
        return self.article.id

    def fixed_times(self, output: str) -> str:
        """An export with the article's first-seen/last-opened times (set when the test runs)
        replaced by fixed ones, so golden files stay stable."""
        record = self.store.article(self.id)
        assert record is not None
        output = output.replace(record.first_seen, "2026-01-05T08:00:00Z")
        return output.replace(record.last_opened, "2026-01-05T08:00:00Z")


def register_sample(store: TagStore) -> Article:
    article = Article(text=SAMPLE_TEXT, path=SAMPLE_PATH, title="Harbour bridge to reopen after storm repairs",
                      meta={"byline": "Staff reporter"})
    store.register(article, list(ENGINE))
    return article


def tag_sample(store: TagStore, aid: str) -> None:
    store.add_statement(aid, ADDED)
    store.set_dismissed(aid, DISMISSED, True)
    store.set_speaker(aid, ENGINE[1].id, "intelligence analysts (unnamed)")
    store.put_tag(make_tag(aid, ENGINE[0], "official", note="Confirmed with the ministry's press office.",
                           reliability="B", credibility="2", minute=1))
    store.put_tag(make_tag(aid, ENGINE[1], "intelligence", reliability="C", credibility="3", minute=2))
    store.put_tag(make_tag(aid, ENGINE[2], "eyewitness",
                           note='Called back: "<b>confirmed</b>" [see](http://evil.example) | ok', minute=3))
    store.put_tag(make_tag(aid, ENGINE[4], "social media", note="=cmd|' /C calc'!A0", minute=4))
    # a tag whose statement this text does not have: kept and exported as orphaned
    store.put_tag(Tag(article_id=aid, statement_id="s0ld0ld0ld", category="official",
                      anchor=Anchor("The bridge was closed for repairs", "", "", 10, 43),
                      note="From an earlier version.", reviewer=REVIEWER,
                      created="2026-01-04T10:00:00Z", updated="2026-01-04T10:00:00Z"))


@pytest.fixture
def sample(tmp_path: Path, config: Config, fixed_engine: object) -> Sample:
    """The sample article registered and tagged in a fresh tag database."""
    root = tmp_path / "db"
    store = TagStore(root, "tester")
    article = register_sample(store)
    tag_sample(store, article.id)
    return Sample(store, root, article, config)


@pytest.fixture
def empty_store(tmp_path: Path, fixed_engine: object) -> TagStore:
    return TagStore(tmp_path / "empty-db", "tester")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of a tag database, to prove a refused import changed nothing."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def add_desk(sample: Sample) -> None:
    """The sample with a second reviewer, who agrees on one statement and differs on another,
    and an adjudicator's decision on the difference."""
    from reader.store import Resolution, make_anchor

    sample.store.put_tags([make_tag(sample.id, ENGINE[0], "official", minute=5, reviewer="sam"),
                           make_tag(sample.id, ENGINE[2], "official", minute=6, reviewer="sam", note="the mayor?")])
    s = ENGINE[2]
    sample.store.set_resolution(sample.id, s.id, Resolution(sample.id, s.id, "eyewitness", "carol",
                                                            "2026-01-06T08:00:00Z",
                                                            make_anchor(SAMPLE_TEXT, s.start, s.end)))
