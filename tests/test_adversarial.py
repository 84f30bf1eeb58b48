"""The adversarial suite's quick part: hostile articles, settings, import files, damaged and
planted database files and command arguments, each run through `reader` in this process.
Counted: inputs tried, tracebacks, hangs, tags lost, errors that are not one sentence, control
characters printed raw, files harmed; all but the first must be zero. `python -m bench
adversarial` runs every case as a real process, with the slow families."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.adversarial.cases import FAMILIES
from bench.adversarial.run import run_all
from bench.adversarial.workspace import Workspace
from tests.conftest import TEST_CONFIG

EVERY = {"settings": 5, "imports": 6}  # of these big families, every n-th case here (all in the bench)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return Workspace.create(tmp_path_factory.mktemp("adversarial"), TEST_CONFIG)


@pytest.mark.parametrize("family", FAMILIES)
def test_hostile_inputs_give_a_sentence_and_lose_nothing(workspace: Workspace, family: str):
    cases = list(FAMILIES[family](workspace))[:: EVERY.get(family, 1)]
    tally = run_all(cases, workspace, in_process=True)
    assert tally.tried == len(cases) > 10
    assert not tally.failures, tally.report()
    assert (tally["traceback"], tally["hang"], tally["lost"]) == (0, 0, 0)


def test_the_suite_would_see_a_traceback_a_hang_and_a_lost_tag(workspace: Workspace, monkeypatch):
    """The judge itself: a command that raises, one that never returns and one that drops the
    seeded tags are each counted."""
    import threading

    from bench.adversarial.cases import Case
    from reader.store import TagStore

    def raises(args, ctx):
        raise KeyError("boom")

    def hangs(args, ctx):
        threading.Event().wait(5)
        return 0

    def drops(args, ctx):
        store = TagStore(Path(ctx.db_path), "seed")  # the reviewer of the seeded tags
        for record in store.articles():
            for sid in store.tags(record.id):
                store.remove_tag(record.id, sid)
        return 0

    from reader.cli.commands import articles

    counts = {}
    for name, run in (("traceback", raises), ("hang", hangs), ("lost", drops)):
        monkeypatch.setattr(articles, "run", run)
        tally = run_all([Case("self-test", name, ("articles",), timeout=1.0)], workspace, in_process=True)
        counts[name] = tally[name]
    assert counts == {"traceback": 1, "hang": 1, "lost": 1}
