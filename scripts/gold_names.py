"""List the names of the gold articles that appear in the engine: no rule, and no example in a
comment, may name a person, place or phrase taken from a gold file.

    .venv/bin/python scripts/gold_names.py [../shared/eval] [--all-lines]

Collects the capitalised words of every gold file's speakers and of the capitalised names in
its article, drops words that are ordinary vocabulary of news (GENERIC below: weekdays, roles,
kinds of body, platforms, and the countries and capitals of the lexicon), and prints each comment or
docstring of reader/attribution (with --all-lines: every line, and config.yaml) holding one.
Exit status 1 when something is found.
"""
from __future__ import annotations

import argparse
import io
import re
import sys
import tokenize
from pathlib import Path

import yaml

from reader.attribution.lexicon import COUNTRIES

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "reader" / "attribution"
# words of ordinary news vocabulary that gold articles share with any article
GENERIC = frozenset("""
Agency Board British City Committee Daily Department Director European Facebook Foreign French Friday
General House Intelligence International Kingdom Korea Office Police President Minister Ministry Monday
Tuesday Wednesday Thursday Saturday Sunday Twitter Telegram Senate Secretary State States United Union
White National Security Service News Times Post Press The This That January February March April May
June July August September October November December Western Russian North South East West New Home
Court Army Defence Defense Health Justice Foundation Group Watch Rights Council Commission Embassy Party
Republican Republicans Democrat Democratic American Americans Prime Chief Deputy Vice Centre Center
Federal Bureau Investigation Weather Survey Guard Forces Force Assembly World Organization Organisation
Bank Government Ambassador Governor Mayor Judge Captain Colonel Spokesman Internet Online Street Road
Emergency Management Division Standards Public Information Officer Senator Safety Reports Weibo
YouTube Instagram TikTok However NATO Reuters Nations
""".split())
_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+")
_POSSESSIVE = re.compile(r"[’']s?$")


def gold_words(folder: Path) -> set[str]:
    words: set[str] = set()
    for gold in folder.rglob("*.gold.yaml"):
        spec = yaml.safe_load(gold.read_text(encoding="utf-8"))
        found = [str(s) for st in spec["statements"] for s in st.get("speaker") or []]
        found += _NAME.findall((gold.parent / spec["article"]).read_text(encoding="utf-8"))
        for phrase in found:
            for word in re.findall(r"[A-Z][\w’'-]+", phrase):
                words.add(_POSSESSIVE.sub("", word))
    places = {w.lower() for name in COUNTRIES for w in name.split()}  # the lexicon's countries and capitals
    return {w for w in words if len(w) > 3 and w not in GENERIC and w.lower() not in places}


def comments(path: Path) -> list[tuple[int, str]]:
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.COMMENT or (tok.type == tokenize.STRING and tok.string.startswith(('"""', "'''"))):
            out.append((tok.start[0], tok.string))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--all-lines", action="store_true", help="every line, not only comments and docstrings")
    args = ap.parse_args()
    words = gold_words(args.gold)
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    files = sorted(ENGINE.glob("*.py")) + ([ROOT / "config.yaml"] if args.all_lines else [])
    hits = 0
    for path in files:
        pieces = list(enumerate(path.read_text(encoding="utf-8").splitlines(), 1)) if args.all_lines \
            else comments(path)
        for line, piece in pieces:
            for m in pattern.finditer(piece):
                hits += 1
                print(f"{path.relative_to(ROOT)}:{line}: {m.group()!r}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
