"""Agreement figures against worked examples from the literature and the reference package."""
from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest

from reader.agreement import Unit, agreement, cohen_kappa, krippendorff_alpha


def units(rows: dict[str, list[object]]) -> list[Unit]:
    """Units from one row per reviewer (None: that reviewer did not tag the unit)."""
    n = len(next(iter(rows.values())))
    return [Unit("a", f"s{i}", {r: str(v[i]) for r, v in rows.items() if v[i] is not None}) for i in range(n)]


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with missing
# data: 4 observers, 12 units, values 1-5; nominal alpha = 0.743.
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


def test_krippendorffs_own_worked_example_with_missing_data():
    found = agreement(units(KRIPPENDORFF_2011))
    # unit 12 has one value only: not pairable, so not a unit
    assert found.units == 11
    assert round(found.krippendorff_alpha, 3) == 0.743
    reference = krippendorff.alpha(reliability_data=[[np.nan if v is None else v for v in row]
                                                     for row in KRIPPENDORFF_2011.values()],
                                   level_of_measurement="nominal")
    assert math.isclose(found.krippendorff_alpha, reference)


def test_cohens_kappa_of_the_textbook_two_by_two_table():
    # 50 proposals read by two editors: 20 both yes, 15 both no, 5 only A yes, 10 only B yes.
    # p_o = 35/50 = 0.7; p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4
    pairs = [("yes", "yes")] * 20 + [("no", "no")] * 15 + [("yes", "no")] * 5 + [("no", "yes")] * 10
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_cohens_kappa_of_three_categories_by_hand():
    a = list("aaabbbcccc")
    b = list("aabbbcccca")
    # agree on 7 of 10: p_o = 0.7; both used a 3, b 3, c 4 times: p_e = (9 + 9 + 16) / 100 = 0.34;
    # kappa = 0.36 / 0.66 = 6/11
    assert cohen_kappa(list(zip(a, b))) == pytest.approx(6 / 11)
    found = agreement(units({"ann": a, "ben": b}))
    [pair] = found.pairs
    assert (pair.reviewers, pair.units, pair.percent_agreement) == (("ann", "ben"), 10, 0.7)
    assert pair.cohen_kappa == pytest.approx(6 / 11)


def test_kappa_is_undefined_when_both_use_one_category_and_alpha_when_every_tag_is_the_same():
    assert cohen_kappa([("x", "x")] * 5) is None and cohen_kappa([]) is None
    found = agreement(units({"ann": ["x"] * 4, "ben": ["x"] * 4}))
    assert found.percent_agreement == 1.0 and found.krippendorff_alpha is None


THREE = {  # three reviewers, each missing some statements
    "ann": ["official", "official", "eyewitness", None, "intelligence", "official", None],
    "ben": ["official", "intelligence", "eyewitness", "official", None, "official", "eyewitness"],
    "cat": [None, "intelligence", "eyewitness", "official", "intelligence", "social media", None],
}


def test_three_reviewers_with_missing_tags():
    found = agreement(units(THREE), category_order=["official", "intelligence", "eyewitness", "social media"])
    assert found.reviewers == ["ann", "ben", "cat"]
    assert found.units == 6  # the last statement has one tag only
    # every reviewer who tagged it agrees on units 0, 2, 3, 4; not on 1 (ann) and 5 (cat)
    assert found.percent_agreement == pytest.approx(4 / 6)
    assert [(u.statement, dict(u.tags)) for u in found.disagreements] == [
        ("s1", {"ann": "official", "ben": "intelligence", "cat": "intelligence"}),
        ("s5", {"ann": "official", "ben": "official", "cat": "social media"})]
    by_pair = {p.reviewers: p for p in found.pairs}
    assert (by_pair["ann", "ben"].units, by_pair["ann", "ben"].percent_agreement) == (4, 0.75)
    assert (by_pair["ann", "cat"].units, by_pair["ben", "cat"].units) == (4, 4)
    matrix = [[np.nan if v is None else ["official", "intelligence", "eyewitness", "social media"].index(v)
               for v in row] for row in THREE.values()]
    reference = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert found.krippendorff_alpha == pytest.approx(reference)
    assert list(found.categories) == ["official", "intelligence", "eyewitness", "social media"]
    assert found.categories["social media"].units == 1
    official = [[np.nan if v is None else float(v == "official") for v in row] for row in THREE.values()]
    assert found.categories["official"].krippendorff_alpha == pytest.approx(
        krippendorff.alpha(reliability_data=official, level_of_measurement="nominal"))


def test_a_reviewer_who_tags_nothing_changes_no_figure_and_has_no_pairs_figures():
    without = agreement(units(THREE), ["ann", "ben", "cat"])
    found = agreement(units(THREE), ["ann", "ben", "cat", "dee"])
    assert found.reviewers == ["ann", "ben", "cat", "dee"]
    assert (found.units, found.percent_agreement, found.krippendorff_alpha) == (
        without.units, without.percent_agreement, without.krippendorff_alpha)
    idle = [p for p in found.pairs if "dee" in p.reviewers]
    assert len(idle) == 3 and all((p.units, p.percent_agreement, p.cohen_kappa) == (0, None, None) for p in idle)


def test_two_reviewers_named_leave_the_third_out():
    found = agreement(units(THREE), ["ann", "ben"])
    assert found.units == 4 and [p.reviewers for p in found.pairs] == [("ann", "ben")]
    assert all(set(u.tags) <= {"ann", "ben"} for u in found.disagreements)


def test_no_units_at_all():
    found = agreement(units({"ann": ["x", None], "ben": [None, "y"]}))
    assert (found.units, found.percent_agreement, found.krippendorff_alpha, found.disagreements) == (0, None, None, [])
