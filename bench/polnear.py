"""Score the engine on a local copy of the PolNeAR corpus (never committed: it has no licence).

    python -m bench.polnear PATH/TO/PolNeAR/data/dev [--limit N] [-v | --issue] [--pronoun-sample N]

PolNeAR (networkdynamics/PolNeAR) marks Source, Cue and Content spans of attributions in US news
articles of 2016 as brat standoff files. It labels beliefs, polls and perceptions too; reader's
priority is speech, so recall is counted on attributions whose cue is a speech verb, while
precision counts an extracted statement as right when it covers any labelled content. Matching
follows shared/eval/score.py: spans overlap by half of the gold span and a fifth of ours.

A second line gives issue 10's measure, as its figures for the first round's engine (commit
6302682: direct-quote recall 0.944, speech recall 0.90, speaker 0.85) are reproduced: a labelled
content is found when a statement overlaps at least 30% of it, one statement to one content (the
largest overlaps paired first). Speech is an attribution whose cue is "say", "tell" or "according
to"; a direct quote is speech whose content holds a quotation mark. The speaker is judged over
speech with a labelled source that is not a bare pronoun (the corpus has no coreference): right
when the statement was found and its speaker's span overlaps the labelled source or the names
share a word; a content not found counts as a wrong speaker. The same figure over found contents
only, and the recalls over every speech verb (SPEECH_CUE), are printed beside it. Pronoun
sources are judged against a stand-in for their antecedent: the nearest labelled source before
them that is not a pronoun. `--pronoun-sample N` prints N of them (fixed seed) with the sentence
before, for judging by hand.
"""
from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reader.attribution import Extractor, Statement
from reader.config import load_config

SPEECH_CUE = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|according|claim\w*|state[sd]|announc\w*|"
    r"add(?:s|ed)|wr(?:ote|ites)|tweet\w*|argu\w*|explain\w*|insist\w*|warn\w*|not(?:ed|es)|"
    r"ask(?:s|ed)|repl\w*|declar\w*|den(?:y|ies|ied)|report(?:s|ed)|suggest\w*|acknowledg\w*|"
    r"admit\w*|confirm\w*)\b", re.I)
# the issue's speech: "say", "tell", "according to" (other speech verbs are in SPEECH_CUE)
ISSUE_SPEECH = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|telling|according)\b", re.I)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "him", "them"}


@dataclass
class Attribution:
    content: tuple[int, int]
    cue: str = ""
    source: tuple[int, int] | None = None
    source_text: str = ""
    kind: str = "Attribution"


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    extracted: int = 0
    true_extracted: int = 0
    speaker_checked: int = 0
    speaker_ok: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def _span(pair: str) -> tuple[int, int]:
    start, end = pair.split()
    return int(start), int(end)


def parse_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            ranges = [_span(r) for r in offsets.split(";")]
            spans[parts[0]] = (kind, ranges, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(p.split(":", 1) for p in parts[1].split())
            events.append(roles)
    out = []
    for roles in events:
        content_id = roles.get("Content")
        if content_id not in spans:
            continue
        ranges = spans[content_id][1]
        att = Attribution(content=(min(r[0] for r in ranges), max(r[1] for r in ranges)))
        kind = next((k for k in roles if k.startswith("Attribution")), "Attribution")
        att.kind = kind
        if "Cue" in roles and roles["Cue"] in spans:
            att.cue = spans[roles["Cue"]][2]
        if "Source" in roles and roles["Source"] in spans:
            src = spans[roles["Source"]][1]
            att.source = (min(r[0] for r in src), max(r[1] for r in src))
            att.source_text = spans[roles["Source"]][2]
        out.append(att)
    return out


def overlap(a: tuple[int, int], gold: tuple[int, int]) -> int:
    ov = min(a[1], gold[1]) - max(a[0], gold[0])
    ok = ov > 0 and ov >= 0.5 * (gold[1] - gold[0]) and ov >= 0.2 * (a[1] - a[0])
    return ov if ok else 0


def fold(s: str | None) -> str:
    return " ".join((s or "").replace("\u2019", "'").casefold().split())


def score(text: str, golds: list[Attribution], statements: list[Statement]) -> Tally:
    t = Tally(extracted=len(statements))
    speech = [g for g in golds if SPEECH_CUE.search(g.cue)]
    t.gold = len(speech)
    for s in statements:
        if any(overlap((s.start, s.end), g.content) for g in golds):
            t.true_extracted += 1
        else:
            t.wrong.append(f"extra: {text[s.start:s.end][:80]!r} ({s.speaker!r}, {s.cue!r})")
    for g in speech:
        best = max(statements, key=lambda s: overlap((s.start, s.end), g.content), default=None)
        if best is None or not overlap((best.start, best.end), g.content):
            t.misses.append(f"missed [{g.cue}] {g.source_text!r}: {text[g.content[0]:g.content[1]][:80]!r}")
            continue
        t.found += 1
        if g.source and fold(g.source_text) not in PRONOUNS:
            t.speaker_checked += 1
            ours = fold(best.speaker)
            theirs = fold(g.source_text)
            spans_meet = (best.speaker_start is not None and best.speaker_end is not None
                          and best.speaker_start < g.source[1] and g.source[0] < best.speaker_end)
            if ours and (ours in theirs or theirs in ours or spans_meet):
                t.speaker_ok += 1
            else:
                t.wrong.append(f"speaker {best.speaker!r}, labelled {g.source_text!r}")
    return t


QUOTES = "“\"”"
_STOP = {"the", "a", "an", "of", "and", "in", "for", "to", "on", "at", "said", "says"}


@dataclass
class IssueTally:
    direct: int = 0
    direct_found: int = 0
    speech: int = 0
    speech_found: int = 0
    any_speech: int = 0  # every speech verb (SPEECH_CUE)
    any_speech_found: int = 0
    speaker_checked: int = 0  # speech with a labelled source that is not a bare pronoun
    speaker_found: int = 0  # of those, found
    speaker_ok: int = 0
    pronoun_checked: int = 0
    pronoun_ok: int = 0
    pronoun_cases: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: "IssueTally") -> None:
        for k in ("direct", "direct_found", "speech", "speech_found", "any_speech", "any_speech_found",
                  "speaker_checked", "speaker_found", "speaker_ok", "pronoun_checked", "pronoun_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.pronoun_cases += other.pronoun_cases
        self.wrong += other.wrong


def _names_meet(ours: str, theirs: str) -> bool:
    a = {w for w in re.findall(r"[\w'-]+", fold(ours)) if len(w) > 2 and w not in _STOP}
    b = {w for w in re.findall(r"[\w'-]+", fold(theirs)) if len(w) > 2 and w not in _STOP}
    return bool(a & b)


def _quoted(text: str, content: tuple[int, int]) -> bool:
    return any(q in text[content[0]:content[1]] for q in QUOTES)


def _one_to_one(golds: list[Attribution], statements: list[Statement]) -> dict[int, Statement]:
    """Each labelled content's statement: one that overlaps at least 30% of it, each statement
    used once, the largest overlaps paired first."""
    pairs = []
    for gi, g in enumerate(golds):
        need = 0.3 * (g.content[1] - g.content[0])
        for si, s in enumerate(statements):
            ov = min(s.end, g.content[1]) - max(s.start, g.content[0])
            if ov > 0 and ov >= need:
                pairs.append((ov, gi, si))
    matched: dict[int, Statement] = {}
    used: set[int] = set()
    for ov, gi, si in sorted(pairs, reverse=True):
        if gi not in matched and si not in used:
            matched[gi] = statements[si]
            used.add(si)
    return matched


def _speaker_right(best: Statement, g: Attribution) -> bool:
    sp_start, sp_end = best.speaker_start, best.speaker_end
    meets = (g.source is not None and sp_start is not None and sp_end is not None
             and sp_start < g.source[1] and g.source[0] < sp_end)
    return meets or _names_meet(best.speaker or "", g.source_text)


def score_issue(text: str, golds: list[Attribution], statements: list[Statement]) -> IssueTally:
    """Issue 10's measure (see the module's docstring)."""
    t = IssueTally()
    matched = _one_to_one(golds, statements)
    previous_source = ""
    for gi, g in sorted(enumerate(golds), key=lambda p: p[1].content[0]):
        best = matched.get(gi)
        speech = bool(ISSUE_SPEECH.search(g.cue))
        if speech:
            t.speech += 1
            t.speech_found += best is not None
            if best is None:
                quoted = "direct " if _quoted(text, g.content) else ""
                counted = "speaker " if g.source and fold(g.source_text) not in PRONOUNS else ""
                t.wrong.append(f"missed {quoted}{counted}[{g.cue}] {g.source_text!r}: "
                               f"{text[g.content[0]:g.content[1]][:160]!r}")
            if _quoted(text, g.content):
                t.direct += 1
                t.direct_found += best is not None
        if SPEECH_CUE.search(g.cue):
            t.any_speech += 1
            t.any_speech_found += best is not None
        source = fold(g.source_text)
        if g.source and source in PRONOUNS:
            if source in ("he", "she") and previous_source and best is not None:
                t.pronoun_checked += 1
                ok = _names_meet(best.speaker or "", previous_source)
                t.pronoun_ok += ok
                s0 = text.rfind(".", 0, max(0, g.source[0] - 200)) + 1
                t.pronoun_cases.append(f"{'ok ' if ok else 'BAD'} engine {best.speaker!r}, "
                                       f"antecedent stand-in {previous_source!r}: …{text[s0:g.source[1] + 40]!r}")
            continue
        if g.source:
            previous_source = g.source_text
        if g.source and speech:
            t.speaker_checked += 1
            t.speaker_found += best is not None
            if best is not None and _speaker_right(best, g):
                t.speaker_ok += 1
            elif best is not None:
                t.wrong.append(f"speaker {best.speaker!r}, labelled {g.source_text!r}: "
                               f"{text[g.content[0]:g.content[1]][:70]!r}")
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", type=Path, help="a PolNeAR split folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses of PolNeAR's own measure")
    ap.add_argument("--issue", action="store_true",
                    help="list the misses of issue 10's measure: 'missed [direct] [speaker]' (a content not "
                         "found; 'speaker' when it counts against the speaker figure) and wrong speakers")
    ap.add_argument("--pronoun-sample", type=int, default=0, metavar="N",
                    help="print N statements whose labelled source is 'he' or 'she', to judge by hand")
    args = ap.parse_args()
    extractor = Extractor(load_config())
    by_article: dict[str, Path] = {}
    for ann in sorted((args.split / "attributions").glob("*.ann")):
        by_article.setdefault(ann.name.rsplit("_", 1)[0], ann)  # first annotator of each article
    totals = Tally()
    issue = IssueTally()
    seconds = 0.0
    names = sorted(by_article)[: args.limit or None]
    for name in names:
        text_path = args.split / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        statements = extractor.extract(text)
        seconds += time.perf_counter() - t0
        golds = parse_ann(by_article[name])
        t = score(text, golds, statements)
        issue_t = score_issue(text, golds, statements)
        issue.add(issue_t)
        for k in ("gold", "found", "extracted", "true_extracted", "speaker_checked", "speaker_ok"):
            setattr(totals, k, getattr(totals, k) + getattr(t, k))
        if args.verbose or args.issue:
            print(f"== {name}")
            for line in (issue_t.wrong if args.issue else t.misses + t.wrong):
                print("   ", line)
    r = totals.found / max(totals.gold, 1)
    p = totals.true_extracted / max(totals.extracted, 1)
    sp = totals.speaker_ok / max(totals.speaker_checked, 1)
    print(f"{len(names)} articles: speech recall={r:.3f} ({totals.found}/{totals.gold}) "
          f"precision={p:.3f} ({totals.true_extracted}/{totals.extracted}) "
          f"speaker={sp:.3f} ({totals.speaker_ok}/{totals.speaker_checked}) time={seconds:.2f}s")

    def ratio(a: int, b: int) -> str:
        return f"{a / max(b, 1):.3f} ({a}/{b})"

    print(f"issue 10 measure: direct-quote recall={ratio(issue.direct_found, issue.direct)} "
          f"speech recall={ratio(issue.speech_found, issue.speech)} "
          f"speaker (non-pronoun sources)={ratio(issue.speaker_ok, issue.speaker_checked)}")
    print(f"  beside it: speaker of those found={ratio(issue.speaker_ok, issue.speaker_found)} "
          f"recall over every speech verb={ratio(issue.any_speech_found, issue.any_speech)} "
          f"he/she vs antecedent stand-in={ratio(issue.pronoun_ok, issue.pronoun_checked)}")
    if args.pronoun_sample:
        import random

        for line in random.Random(10).sample(issue.pronoun_cases, min(args.pronoun_sample, len(issue.pronoun_cases))):
            print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
