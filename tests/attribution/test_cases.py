"""The case table (cases.yaml): one invented sentence per rule of the engine, with every
statement it must give, exactly."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reader.attribution import extract

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


def test_every_rule_is_named_once():
    rules = [case["rule"] for case in CASES]
    assert len(rules) == len(set(rules))


@pytest.mark.parametrize("case", CASES, ids=[case["rule"] for case in CASES])
def test_case(config, case):
    text = case["text"]
    wanted = case["statements"]
    found = [{"text": s.text, "speaker": s.speaker, "kind": s.kind, "category": s.suggested_source}
             for s in extract(text, config)]
    for got, want in zip(found, wanted):
        if "category" not in want:  # the row pins no category rule
            del got["category"]
    assert found == wanted
