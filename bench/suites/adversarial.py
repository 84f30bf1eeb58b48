"""The adversarial suite, whole: every hostile case of bench.adversarial.cases as a real
`reader` process with a time limit (two at a time), the slow families (web servers that
misbehave, big inputs), an import racing `reader tag`, and writers killed at random moments.

Rows: inputs tried, then each count that must be zero (tracebacks, hangs, tags lost, errors
that are not one sentence, control characters printed raw, files harmed); the race and the
kills report the writes that returned and how many of them were lost. Every failing case is
printed on stderr. `--quick`: fewer race runs and kills, the same cases.
"""
from __future__ import annotations

import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.adversarial.cases import every_case
from bench.adversarial.run import Tally, run_case
from bench.adversarial.slow import Server, big, import_races, killed_writers, network
from bench.adversarial.workspace import Workspace, tags_held
from bench.harness import Row

COUNTS = ("traceback", "hang", "lost", "not one sentence", "raw control", "harmed")


def run(quick: bool = False) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="reader-adversarial-") as tmp:
        ws = Workspace.create(Path(tmp) / "workspace")
        before = tags_held(ws.db)
        assert before is not None
        server = Server()
        try:
            cases = every_case(ws) + list(network(ws, server)) + list(big(ws))
            tally = Tally()
            with ThreadPoolExecutor(max_workers=2) as pool:
                for outcome in pool.map(lambda case: run_case(case, ws, before, in_process=False), cases):
                    tally.count(outcome)
        finally:
            server.close()
        print(tally.report(), file=sys.stderr)
        rows.append(Row("adversarial", "hostile inputs, as processes", "inputs tried", tally.tried, ""))
        for name in COUNTS:
            rows.append(Row("adversarial", "hostile inputs, as processes", name, tally[name], "", "= 0", tally[name] == 0))
        runs, written, lost = import_races(Path(tmp), runs=3 if quick else 12, articles=150)
        case = f"import of 150 articles racing reader tag, {runs} runs"
        rows.append(Row("adversarial", case, "tag writes that returned", written, ""))
        rows.append(Row("adversarial", case, "lost", lost, "", "= 0", lost == 0))
        writes, lost = killed_writers(Path(tmp), rounds=5 if quick else 30)
        case = f"four writers killed at random, {5 if quick else 30} times"
        rows.append(Row("adversarial", case, "writes that returned", writes, ""))
        rows.append(Row("adversarial", case, "lost", lost, "", "= 0", lost == 0))
    return rows
