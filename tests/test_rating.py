"""Rating labels of FY2567+: each label's lower bound on the total and on every tool; what holds an office back."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from ita_xl.framework import load
from ita_xl.model import OfficeInput
from ita_xl.result import to_dict
from ita_xl.scoring import score

FW = load(2569)
TOOLS = ("IIT", "EIT", "OIT")


def rated(total: str, **tools: str) -> tuple[str, str, tuple[tuple[str, D], ...]]:
    given = {"total": D(total), **{t: D(tools.get(t, "100")) for t in TOOLS}}
    r = score(FW, OfficeInput(given=given))
    assert r.rating is not None
    return r.rating.label, r.rating.next_label, tuple((s.tool, s.gap) for s in r.rating.shortfalls)


@pytest.mark.parametrize(
    ("total", "label"),
    [
        ("100", "ผ่านดีเยี่ยม"),
        ("95.00", "ผ่านดีเยี่ยม"),
        ("94.99", "ผ่านดี"),
        ("85.00", "ผ่านดี"),
        ("84.99", "ต้องปรับปรุง"),
        ("70.00", "ต้องปรับปรุง"),
        ("69.99", "ต้องปรับปรุงโดยด่วน"),
        ("0", "ต้องปรับปรุงโดยด่วน"),
    ],
)
def test_lower_bound_of_each_label_on_the_total(total: str, label: str) -> None:
    assert rated(total)[0] == label


@pytest.mark.parametrize("tool", TOOLS)
def test_lower_bound_on_each_tool(tool: str) -> None:
    assert rated("96.00", **{tool: "95.00"})[0] == "ผ่านดีเยี่ยม"
    assert rated("96.00", **{tool: "94.99"}) == ("ผ่านดี", "ผ่านดีเยี่ยม", ((tool, D("0.01")),))
    assert rated("90.00", **{tool: "85.00"})[0] == "ผ่านดี"
    assert rated("90.00", **{tool: "84.99"}) == ("ผ่าน", "ผ่านดี", ((tool, D("0.01")),))
    # ผ่าน has no floor on tools; below 85 in total the tools are not what holds the office back
    assert rated("85.00", **{tool: "0"}) == ("ผ่าน", "ผ่านดี", ((tool, D("85")),))
    assert rated("84.99", **{tool: "0"}) == ("ต้องปรับปรุง", "", ())


def test_the_reported_case_pass_not_good_pass_because_of_eit() -> None:
    label, above, short = rated("94.64", IIT="97.10", EIT="84.20", OIT="100")
    assert (label, above, short) == ("ผ่าน", "ผ่านดี", (("EIT", D("0.80")),))
    data = to_dict(score(FW, OfficeInput(given={"total": D("94.64"), "IIT": D(97), "EIT": D("84.2"), "OIT": D(100)})))
    assert data["rating"]["label"] == "ผ่าน"
    assert data["rating"]["held_back_from"] == "ผ่านดี"
    assert data["rating"]["held_back_by"] == [{"tool": "EIT", "score": 84.2, "needed": 85.0}]


def test_two_tools_below_the_floor_are_both_named() -> None:
    assert rated("92.00", IIT="80", EIT="84.5")[2] == (("IIT", D(5)), ("EIT", D("0.5")))


def test_years_before_2567_have_no_rating_label() -> None:
    r = score(load(2566), OfficeInput(given={"total": D(90), "IIT": D(90), "EIT": D(90), "OIT": D(90)}))
    assert r.rating is None and r.total is not None and r.total.grade == "A"
    assert to_dict(r)["rating"] is None


STEP = D("0.01")


@pytest.mark.parametrize("year", [2567, 2568, 2569, 2570])
def test_every_level_of_every_year_at_its_floors_and_a_hundredth_below(year: int) -> None:
    fw = load(year)
    labels = [lv.label for lv in fw.levels]
    assert labels == ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]

    def label(total: D, tools: dict[str, D]) -> str:
        r = score(fw, OfficeInput(given={"total": total, **tools}))
        assert r.rating is not None and r.total is not None and r.total.shown == total
        return r.rating.label

    for n, level in enumerate(fw.levels):
        floor = level.min_tool if level.min_tool is not None else D(0)
        at = {t: floor for t in TOOLS}
        assert label(level.min_total, at) == level.label, (year, level.label)
        if level.min_total > 0:  # a hundredth below the total's floor: a lower level
            assert labels.index(label(level.min_total - STEP, at)) > n
        if level.min_tool is not None:
            for tool in TOOLS:  # a hundredth below on one tool: a lower level, that tool named
                r = score(fw, OfficeInput(given={"total": level.min_total, **at, tool: floor - STEP}))
                assert r.rating is not None and labels.index(r.rating.label) > n
                assert [(s.tool, s.gap) for s in r.rating.shortfalls] == [(tool, STEP)]


def test_past_years_levels_from_the_total_and_the_indicators() -> None:
    from ita_xl.rating import year_level

    fw = load(2568)
    strong = {str(n): D(96) for n in range(1, 11)}
    assert year_level(fw, D("95.00"), strong) == "ผ่านดีเยี่ยม"
    assert year_level(fw, D("94.99"), strong) == "ผ่านดี"
    weak_eit = strong | {"6": D("84.99"), "7": D("84.99"), "8": D("84.99")}
    assert year_level(fw, D("95.00"), weak_eit) == "ผ่าน"
    assert year_level(fw, D("95.00"), {}) == "ผ่าน+"  # no tools known: ผ่าน or better
    assert year_level(fw, D("84.99"), {}) == "ต้องปรับปรุง"
    assert year_level(fw, D("69.99"), {}) == "ต้องปรับปรุงโดยด่วน"
    assert year_level(load(2566), D("84.99"), {}) == "B"
