"""Totals exactly on a boundary come out exact, from answer counts whose means do not terminate."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from ita_xl.framework import load
from ita_xl.model import Framework, OfficeInput, OitEntry, SurveyData
from ita_xl.scoring import score

FW = load(2566)


def survey(fw: Framework, tool: str, steps: tuple[int, ...]) -> SurveyData:
    """Return answers where respondent r gives the best answer moved ``steps[r]`` places toward the worst."""
    columns: dict[str, list[int | None]] = {}
    for st in fw.statements(tool):
        size = len(fw.scales[st.scale].answers)
        best, toward = (size - 1, -1) if st.reverse else (0, 1)
        columns[st.code] = [max(0, min(size - 1, best + toward * s)) for s in steps]
    return SurveyData(tool, len(steps), columns)


def checklist(fw: Framework, missing: dict[str, int]) -> dict[str, OitEntry]:
    """Return an OIT checklist with the first ``missing[sub]`` items of each sub-indicator unpublished."""
    entries = {}
    for code, sub in fw.subindicators.items():
        for n, item in enumerate(sub.items):
            entries[item] = OitEntry(item, n >= missing.get(code, 0), f"https://example.go.th/{item}")
    return entries


# (total, IIT answer steps, EIT answer steps, unpublished OIT items per sub-indicator, exact IIT, EIT, OIT)
CASES = {
    "85.00": (
        (0, 0, 0, 0, 0, 1),
        (0, 0, 0, 0, 1, 1, 1, 2, 2),
        {"9.1": 3, "9.2": 1, "9.5": 1, "10.1": 1},
        (Fraction(8371, 90), Fraction(3157, 45), Fraction(721, 8)),
    ),
    "95.00": (
        (0,) * 15 + (1, 2),
        (0,) * 15 + (1, 2),
        {"9.5": 1},
        (Fraction(280, 3), Fraction(280, 3), Fraction(195, 2)),
    ),
    # a float chain of averages gives 69.99999999999999 here
    "70.00": (
        (0, 1, 1, 1, 2, 2),
        (0, 0, 0, 0, 0, 2),
        {"9.3": 1, "9.4": 3, "9.5": 3, "10.2": 3},
        (Fraction(1657, 30), Fraction(881, 10), Fraction(135, 2)),
    ),
}


def boundary_input(total: str) -> OfficeInput:
    iit, eit, missing, _ = CASES[total]
    surveys = {"IIT": survey(FW, "IIT", iit), "EIT": survey(FW, "EIT", eit)}
    return OfficeInput(surveys=surveys, oit=checklist(FW, missing))


@pytest.mark.parametrize("total", list(CASES))
def test_boundary_total_is_not_a_hundredth_low(total: str) -> None:
    r = score(FW, boundary_input(total))
    expected = CASES[total][3]
    for code, value in zip(("IIT", "EIT", "OIT"), expected, strict=True):
        assert Fraction(r.tools[code].value).limit_denominator(10**6) == value
    # the tool means do not terminate, yet 30/30/40 of them is exactly the boundary
    assert any(v.denominator % 3 == 0 for v in expected)
    assert r.total is not None
    assert r.total.shown == D(total)
    assert r.total.value == D(total)
    assert r.total.passed == (D(total) >= 85)
    assert r.total.grade == {"85.00": "A", "95.00": "AA", "70.00": "C"}[total]
