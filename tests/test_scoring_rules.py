"""Scoring rules: grade edges, reverse and yes/no items, blanks, rounding modes, partial data."""

from decimal import Decimal as D

import pytest

from ita_xl.decimals import parse_number, quantize
from ita_xl.framework import load
from ita_xl.model import OfficeInput, OitEntry, SurveyData
from ita_xl.scoring import score, statement_stats

FW = load(2565)


@pytest.mark.parametrize(
    ("value", "grade", "passed"),
    [
        ("100", "AA", True),
        ("95.00", "AA", True),
        ("94.99", "A", True),
        ("85.00", "A", True),
        ("84.99", "B", False),
        ("75.00", "B", False),
        ("74.99", "C", False),
        ("65.00", "C", False),
        ("64.99", "D", False),
        ("55.00", "D", False),
        ("54.99", "E", False),
        ("50.00", "E", False),
        ("49.99", "F", False),
        ("0", "F", False),
    ],
)
def test_grade_band_edges(value: str, grade: str, passed: bool) -> None:
    given = {"total": D(value), "IIT": D(value), "EIT": D(value), "OIT": D(value)}
    r = score(FW, OfficeInput(given=given))
    assert r.total is not None
    assert (r.total.grade, r.total.passed) == (grade, passed)
    assert (r.tools["IIT"].grade, r.tools["IIT"].passed) == (grade, passed)


def test_half_up_is_not_bankers_rounding() -> None:
    assert quantize(D("98.745")) == D("98.75")  # round() would give 98.74 on the float, 98.74 banker's on .745
    assert quantize(D("98.735")) == D("98.74")
    assert quantize(D("98.7449")) == D("98.74")


def test_total_truncated_while_scores_round_half_up() -> None:
    # 0.3*98.748 + 0.3*99.2733.. + 0.4*98.75 = 98.9064: truncation 98.90, half-up would be 98.91.
    given = {"IIT": D("98.748"), "EIT": D("99.27333"), "OIT": D("98.75")}
    r = score(FW, OfficeInput(given=given))
    assert r.total is not None and r.total.shown == D("98.90")
    assert quantize(r.total.value, 2, "half_up") == D("98.91")
    assert r.tools["IIT"].shown == D("98.75")  # half-up on a tool


def _survey(tool: str, columns: dict[str, list[int | None]]) -> SurveyData:
    n = max(len(c) for c in columns.values())
    return SurveyData(tool, n, columns)


def test_four_level_points_and_reverse_item() -> None:
    # i1 is a plain 4-level item: มากที่สุด(0)=100, มาก(1)=67, น้อย(2)=33, น้อยที่สุด(3)=0.
    # i9 is reversed: the best answer for a "bad thing" question is น้อยที่สุด(3) = 100.
    stats = statement_stats(FW, _survey("IIT", {"i1": [0, 1, 2, 3], "i9": [3, 3, 2, 0]}))
    assert stats["i1"].score == D("50")  # (100+67+33+0)/4
    assert stats["i9"].score == (D(100) + D(100) + D(67) + D(0)) / 4
    assert stats["i1"].counts == (1, 1, 1, 1)


def test_yes_no_items_good_and_bad() -> None:
    # i4.x (bribes) is yes/no about a bad thing: มี(0) = 0, ไม่มี(1) = 100. i26 is about a good thing: มี = 100.
    stats = statement_stats(FW, _survey("IIT", {"i4.1": [1, 1, 0], "i26": [0, 0, 1]}))
    assert quantize(stats["i4.1"].score or D(0)) == D("66.67")
    assert quantize(stats["i26"].score or D(0)) == D("66.67")


def test_substatements_with_blanks_are_skipped_not_zero() -> None:
    # i11.1 plain, i11.2 reversed. Blanks (None) are skipped.
    data = OfficeInput(surveys={"IIT": _survey("IIT", {"i11.1": [0, None, 0], "i11.2": [None, 3, 2]})})
    r = score(FW, data)
    # i11.1 = 100 (two answers), i11.2 = (100 + 67)/2 = 83.5; item = mean = 91.75
    assert r.statements["i11.1"].answered == 2
    assert r.items["i11"].shown == D("91.75")


def test_unanswered_item_is_a_warning_and_indicator_uses_the_rest() -> None:
    best = {st.code: len(FW.scales[st.scale].answers) - 1 if st.reverse else 0 for st in FW.statements("IIT")}
    cols: dict[str, list[int | None]] = {code: [b] * 30 for code, b in best.items()}
    cols["i2"] = [None] * 30
    r = score(FW, OfficeInput(surveys={"IIT": SurveyData("IIT", 30, cols)}))
    assert any(f.code == "unanswered" and "i2" in f.en for f in r.findings)
    assert "i2" not in r.items
    assert r.indicators["1"].shown == D("100.00")
    assert any(f.code == "partial" for f in r.findings)


def test_few_respondents_warns() -> None:
    cols: dict[str, list[int | None]] = {st.code: [0] * 5 for st in FW.statements("EIT")}
    r = score(FW, OfficeInput(surveys={"EIT": SurveyData("EIT", 5, cols)}))
    assert any(f.code == "few-respondents" for f in r.findings)


def test_oit_items_subindicators_and_indicator_mean_of_subs() -> None:
    oit = {c: OitEntry(c, c != "o12") for c, it in FW.items.items() if it.tool == "OIT"}
    r = score(FW, OfficeInput(oit=oit))
    assert r.items["o12"].shown == D(0) and r.items["o11"].shown == D(100)
    assert r.subindicators["9.2"].shown == D("87.50")
    assert r.indicators["9"].shown == D("97.50")  # mean of 9.1-9.5, not of its 33 items (96.97)
    assert r.tools["OIT"].shown == D("98.75")


def test_missing_tool_is_an_error() -> None:
    r = score(FW, OfficeInput(given={"IIT": D(90), "EIT": D(90)}))
    assert r.total is None
    assert [f.code for f in r.errors] == ["no-data"]


def test_partial_given_items_do_not_compute_a_subindicator() -> None:
    r = score(FW, OfficeInput(given={"o12": D(0)}))
    assert "9.2" not in r.subindicators


@pytest.mark.parametrize(
    ("text", "value"),
    [("97.5%", "97.5"), (" ๙๗.๕ ", "97.5"), ("1,000", "1000"), (99.09, "99.09"), (100, "100"), ("", None)],
)
def test_parse_number_tolerates_what_staff_type(text: object, value: str | None) -> None:
    assert parse_number(text) == (None if value is None else D(value))


def test_parse_number_rejects_text() -> None:
    with pytest.raises(ValueError):
        parse_number("ดีมาก")
