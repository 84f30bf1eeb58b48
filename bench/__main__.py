"""Run the benchmarks: `python -m bench` (all suites) or `python -m bench extraction ...`.
`--db postgresql://…` adds the tag database on that server to the store suite, side by side
with the folder (bench/suites/server.py).

Prints a table and writes the rows as JSON (default bench/results/latest.json).
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from bench.harness import Row, print_table, write_json
from bench.suites import SUITES


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("suites", nargs="*", metavar="SUITE",
                        help=f"which suites to run (default: all of {', '.join(SUITES)})")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer repeats")
    parser.add_argument("--db", metavar="ADDRESS",
                        help="store suite: also measure the tag database on this PostgreSQL server "
                             "(postgresql://…; the user must be allowed to create a schema there)")
    parser.add_argument("--json", type=Path, default=Path("bench/results/latest.json"),
                        help="where to write the results")
    args = parser.parse_args()
    unknown = [s for s in args.suites if s not in SUITES]
    if unknown:
        parser.error(f"unknown suite {unknown[0]!r}; choose from {', '.join(SUITES)}")
    rows: list[Row] = []
    for name in args.suites or SUITES:
        module = importlib.import_module(f"bench.suites.{name}")
        print(f"running {name}…", file=sys.stderr, flush=True)
        rows += module.run(quick=args.quick)
        if name == "store" and args.db:
            from bench.suites import server

            rows += server.run(quick=args.quick, db=args.db)
    print_table(rows)
    write_json(rows, args.json)
    print(f"wrote {args.json}", file=sys.stderr)
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
