"""The Admiralty grades as every part of reader reads them (store, session, importer, exports)."""
import pytest

from reader import grades


@pytest.mark.parametrize("value, expected", [
    ("B2", ("B", "2")), ("b2", ("B", "2")), (" c ", ("C", None)), ("6", (None, "6")), ("F6", ("F", "6")),
])
def test_the_usual_notation_is_read_back(value, expected):
    assert grades.parse_notation(value) == expected
    assert grades.notation(*expected) == value.strip().upper()


@pytest.mark.parametrize("value", ["", "G", "B7", "2B", "B22", "BB", "excellent"])
def test_anything_else_is_not_a_grade(value):
    with pytest.raises(grades.GradeError, match="B2"):
        grades.parse_notation(value)


@pytest.mark.parametrize("check, value, expected", [
    (grades.reliability, " b", "B"), (grades.reliability, None, None),
    (grades.credibility, 3, "3"), (grades.credibility, "3 ", "3"),
])
def test_grades_are_stored_in_one_form(check, value, expected):
    assert check(value) == expected


@pytest.mark.parametrize("check, value", [
    (grades.reliability, "G"), (grades.reliability, ""), (grades.reliability, 1), (grades.credibility, "7"),
    (grades.credibility, True), (grades.credibility, "A"),
])
def test_values_off_the_scale_are_refused_naming_the_scale(check, value):
    with pytest.raises(grades.GradeError, match="one of (A–F|1–6) \\(Admiralty grades\\)"):
        check(value)
