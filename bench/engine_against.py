"""The engine against another checkout of it, one process each, on the same real text:

    python -m bench.engine_against DIR [--size BYTES] [--runs N]

DIR is another checkout of reader (e.g. `git worktree add --detach /tmp/before 4bb195d`). Each
run extracts the first BYTES (default 1.4 MB: under the size at which the engine splits a text
over the cores) of the bench's real-text corpus (bench.corpus.real_text) in a fresh process,
this checkout's engine and DIR's taking turns so both see the same machine; prints the median
seconds of each.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

# Run in a fresh process with the checkout to measure first on sys.path; the corpus is always
# this checkout's, so both engines read the same text.
_ONE_RUN = """
import sys, time
sys.path.insert(0, sys.argv[2])
from bench.corpus import real_text
sys.path.insert(0, sys.argv[1])
import reader
from reader.attribution import extract
from reader.config import load_config
assert reader.__file__.startswith(sys.argv[1]), reader.__file__
text, config = real_text(int(sys.argv[3])), load_config()
extract(text[:20000], config)
start = time.perf_counter()
extract(text, config)
print(time.perf_counter() - start)
"""


def one_run(checkout: Path, size: int) -> float:
    out = subprocess.run([sys.executable, "-c", _ONE_RUN, str(checkout), str(HERE), str(size)],
                         check=True, capture_output=True, text=True, cwd="/")
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("against", type=Path, help="another checkout of reader")
    ap.add_argument("--size", type=int, default=1_400_000, help="bytes of real text (default 1.4 MB)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each, interleaved (default 3)")
    args = ap.parse_args()
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(args.runs):
        theirs.append(one_run(args.against.resolve(), args.size))
        ours.append(one_run(HERE, args.size))
    mb = args.size / 1e6
    for name, times in ((str(args.against), theirs), ("this checkout", ours)):
        median = statistics.median(times)
        print(f"{name}: {median:.2f} s median of {len(times)} ({mb / median:.2f} MB/s)")


if __name__ == "__main__":
    main()
