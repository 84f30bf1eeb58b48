"""Running a hostile case and judging what happened: a traceback, a hang, tags lost, an error
that is not one sentence (`reader: …` lines only), control characters printed raw, a file
harmed that reader must not touch."""
from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
import traceback
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.adversarial.cases import Case
from bench.adversarial.workspace import Held, Workspace, lost, tags_held

# what must never reach a terminal raw: C0 controls but tab, newline and carriage return (csv
# ends its lines with CRLF), DEL, C1 controls
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PROBLEMS = ("traceback", "hang", "lost", "not one sentence", "raw control", "harmed")


@dataclass
class Outcome:
    case: Case
    code: int | None = None  # exit status (None: it did not end)
    out: str = ""
    err: str = ""
    problems: list[str] = field(default_factory=list)

    def add(self, problem: str) -> None:
        self.problems.append(problem)


@dataclass
class Tally:
    """The counts a run is judged by; every one but `tried` must be zero."""

    tried: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    failures: list[Outcome] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        self.tried += 1
        for problem in outcome.problems:
            self.problems[problem.split(":")[0]] += 1
        if outcome.problems:
            self.failures.append(outcome)

    def __getitem__(self, problem: str) -> int:
        return self.problems[problem]

    def report(self) -> str:
        lines = [f"{self.tried} inputs tried; " + ", ".join(f"{self[p]} {p}" for p in _PROBLEMS)]
        for outcome in self.failures:
            case = outcome.case
            lines.append(f"  [{case.family}] {case.name}: {'; '.join(outcome.problems)}"
                         f" (exit {outcome.code}) {outcome.err.strip()[-300:]!r}")
        return "\n".join(lines)


def argv_for(case: Case, ws: Workspace) -> tuple[list[str], Path | None]:
    """The full command line, and the database it uses (a fresh copy of the seeded one, made
    and damaged here; None when the case names its own)."""
    db: Path | None = None
    if case.db is None:
        db = ws.fresh_db(uuid.uuid4().hex)
    where = case.db if case.db is not None else str(db)
    return ["--db", where, "--config", str(case.config or ws.config), *case.args], db


def run_case(case: Case, ws: Workspace, before: Held, *, in_process: bool) -> Outcome:
    argv, db = argv_for(case, ws)
    damaged: dict[Path, object] = {}
    if db is not None and case.damage is not None:
        damaged = {p: _fingerprint(p) for p in case.damage(db)}
    outcome = (_in_process if in_process else _as_process)(case, argv)
    _judge(outcome, db, before, damaged)
    if db is not None and outcome.code is not None:
        shutil.rmtree(db, ignore_errors=True)
    return outcome


def run_all(cases: Iterable[Case], ws: Workspace, *, in_process: bool) -> Tally:
    before = tags_held(ws.db)
    assert before is not None
    tally = Tally()
    for case in cases:
        tally.count(run_case(case, ws, before, in_process=in_process))
    return tally


def _fingerprint(path: Path) -> object:
    """What a file is, to tell whether reader wrote over it: its kind, and its bytes or target."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    if stat.S_ISREG(info.st_mode):
        return ("file", path.read_bytes())
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    return (stat.S_IFMT(info.st_mode), None)


def _kept(was: object, now: object) -> bool:
    """Whether a damaged file's content survived: the same file, or a rewrite (another
    reviewer's tag saved beside a damaged one) that keeps every record it held unchanged (the
    index's article records aside: opening an article sets their last-opened time)."""
    if was == now:
        return True
    if not (isinstance(was, tuple) and isinstance(now, tuple) and was[0] == now[0] == "file"):
        return False
    try:
        before, after = json.loads(was[1]), json.loads(now[1])
    except ValueError:
        return False
    return isinstance(before, dict) and isinstance(after, dict) and all(
        name == "articles" or (isinstance(table, dict) and isinstance(after.get(name), dict)
                               and all(after[name].get(key) == doc for key, doc in table.items()))
        for name, table in before.items())


def _judge(outcome: Outcome, db: Path | None, before: Held, damaged: dict[Path, object]) -> None:
    case = outcome.case
    if outcome.code is None:
        return  # a hang: nothing else can be judged
    if outcome.code not in (0, 1, 2) or "Traceback (most recent call last)" in outcome.err:
        outcome.add(f"traceback: exit status {outcome.code}")
    lines = outcome.err.splitlines()
    if outcome.code == 2:  # argparse refusing the command line: its usage, then one line
        if not lines or not lines[0].startswith("usage:"):
            outcome.add("not one sentence: exit 2 without usage")
    elif any(not line.startswith("reader: ") for line in lines):
        outcome.add("not one sentence")
    elif outcome.code == 1 and not lines:
        outcome.add("not one sentence: nothing said")
    if _RAW_CONTROL.search(outcome.out) or _RAW_CONTROL.search(outcome.err):
        outcome.add("raw control")
    if db is not None and not case.removes:
        if damaged:  # a damaged file is never written over
            changed = [p for p, was in damaged.items() if not _kept(was, _fingerprint(p))]
            if changed:
                outcome.add(f"lost: {changed[0]} was written over")
        else:
            gone = lost(before, tags_held(db))
            if gone:
                outcome.add(f"lost: {gone} tags")
    if case.harmless is not None and (harm := case.harmless()) is not None:
        outcome.add(f"harmed: {harm}")


def _as_process(case: Case, argv: list[str]) -> Outcome:
    outcome = Outcome(case)
    try:
        done = subprocess.run([sys.executable, "-m", "reader", *argv], input=case.stdin, capture_output=True,
                              timeout=case.timeout)
    except subprocess.TimeoutExpired as e:
        outcome.add("hang")
        outcome.err = (e.stderr or b"").decode("utf-8", "replace")
        return outcome
    outcome.code = done.returncode
    outcome.out = done.stdout.decode("utf-8", "replace")
    outcome.err = done.stderr.decode("utf-8", "replace")
    return outcome


_IN_PROCESS = threading.Lock()  # sys.stdout and sys.stdin are swapped for one case at a time


def _in_process(case: Case, argv: list[str]) -> Outcome:
    from reader.cli import main

    outcome = Outcome(case)
    out, err = io.StringIO(), io.StringIO()

    def call() -> None:
        stdin = io.TextIOWrapper(io.BytesIO(case.stdin), encoding="utf-8")
        saved = sys.stdin
        sys.stdin = stdin
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    outcome.code = main(argv)
                except SystemExit as e:
                    outcome.code = e.code if isinstance(e.code, int) else 1
                except BaseException:
                    outcome.code = -1
                    err.write(traceback.format_exc())
        finally:
            sys.stdin = saved

    with _IN_PROCESS:
        worker = threading.Thread(target=call, daemon=True)
        worker.start()
        worker.join(case.timeout)
        if worker.is_alive():
            outcome.code = None
            outcome.add("hang")
    outcome.out, outcome.err = out.getvalue(), err.getvalue()
    return outcome
