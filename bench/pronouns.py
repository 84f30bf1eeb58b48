"""Pronoun speakers on the gold sets: of the labelled statements whose cue has a pronoun for its
subject ("…,” she said", "He told reporters that …"), how many get the right name.

    python -m bench.pronouns ../shared/eval/real ../shared/eval [-v]

A statement counts when a personal pronoun stands right before its cue verb, or right after it
in an inverted attribution, in the words just around the labelled content (same sentence). It
is right when the statement that covers it best (as shared/eval/score.py matches) names one of
the accepted speakers; a labelled statement the engine misses counts as wrong. Matching and
name comparison are score.py's own, loaded from beside the gold files.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

from reader.attribution import Extractor
from reader.attribution.cues import CueLexicon, trie_pattern
from reader.config import load_config

_PRONOUN = r"(?:he|she|they|He|She|They)"


def _scorer(gold: Path) -> ModuleType:
    """shared/eval/score.py: the gold format and the matching rules, defined once there."""
    for folder in (gold, *gold.parents):
        path = folder / "score.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("gold_score", path)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module  # its dataclasses look themselves up there
            spec.loader.exec_module(module)
            return module
    raise SystemExit(f"{gold}: no score.py beside the gold files or above them")


def pronoun_cue(lexicon: CueLexicon) -> re.Pattern[str]:
    forms = trie_pattern(lexicon.forms)
    return re.compile(rf"\b{_PRONOUN}\s+(?:\w+ly\s+)?(?:{forms})\b|(?:{forms})\s+{_PRONOUN}\b")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path, help="gold files or folders of them")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every pronoun statement")
    args = ap.parse_args()
    config = load_config()
    extractor = Extractor(config)
    pattern = pronoun_cue(CueLexicon(config.cues))
    total = right = 0
    for gold in args.gold:
        score = _scorer(gold)
        files = sorted(gold.glob("*.gold.yaml")) if gold.is_dir() else [gold]
        for f in files:
            article, text, golds = score.load_gold(f)
            statements = [s.to_json() for s in extractor.extract(text)]
            for g in golds:
                if g.optional or not g.speakers:
                    continue
                before = re.split(r"[.!?]\s", text[max(0, g.start - 60):g.start])[-1]
                after = re.split(r"(?<=[.!?])\s", text[g.end:g.end + 40])[0]
                if not (pattern.search(before) or pattern.match(after.lstrip(" ,”\"’'"))):
                    continue
                total += 1
                tally = score.score_article(text, [g], statements)  # its matching, its name rule
                ok = tally.speaker_ok == 1
                right += ok
                if args.verbose:
                    why = "; ".join(line for line in tally.misses + tally.wrong if "no gold" not in line)
                    print(f"{'ok ' if ok else 'BAD'} {f.name[:24]:24} {g.content[:50]!r} {why}")
    print(f"pronoun speakers: {right}/{total} = {right / max(total, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
