"""The rating label of FY2567+ (ผ่านดีเยี่ยม … ต้องปรับปรุงโดยด่วน): a floor on the total and on every tool."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ita_xl.decimals import exact, round_exact
from ita_xl.model import Framework, Level
from ita_xl.result import Rating, Shortfall


def qualifies(level: Level, total: Decimal, tools: dict[str, Decimal]) -> bool:
    """Return whether a shown total and shown tool scores reach ``level``."""
    if total < level.min_total:
        return False
    return level.min_tool is None or all(score >= level.min_tool for score in tools.values())


def rate(fw: Framework, total: Decimal | None, tools: dict[str, Decimal]) -> Rating | None:
    """Return the rating of shown scores, and the tools that alone keep the office from the next level.

    None when the method has no rating levels, or when the total or a tool score is missing.
    """
    if not fw.levels or total is None or any(code not in tools for code in fw.tools):
        return None
    index = next((n for n, lv in enumerate(fw.levels) if qualifies(lv, total, tools)), len(fw.levels) - 1)
    level = fw.levels[index]
    shortfalls: tuple[Shortfall, ...] = ()
    above = fw.levels[index - 1] if index > 0 else None
    if above is not None and total >= above.min_total and above.min_tool is not None:
        shortfalls = tuple(
            Shortfall(code, tools[code], above.min_tool) for code in fw.tools if tools[code] < above.min_tool
        )
    return Rating(
        level.label,
        level.label_en,
        level.passed,
        above.label if shortfalls and above else "",
        above.label_en if shortfalls and above else "",
        shortfalls,
    )


def year_level(fw: Framework, total: Decimal, indicators: dict[str, Decimal]) -> str:
    """Return a past year's result by its own method: the rating label when the method has levels, else the grade.

    Tool scores come from the year's indicator scores (IIT = mean of 1-5 …) when all of them are given; without
    them a label that needs a tool floor cannot be told apart, so the label reached by the total alone is returned
    with a "+" ("ผ่าน+": ผ่าน or better).
    """
    if not fw.levels:
        return fw.grade(total).code
    tools = {}
    for code, tool in fw.tools.items():
        if all(i in indicators for i in tool.indicators):
            values = [exact(indicators[i]) for i in tool.indicators]
            tools[code] = round_exact(sum(values, Fraction(0)) / len(values), fw.rounding.places, fw.rounding.scores)
    rating = rate(fw, total, tools)
    if rating is not None:
        return rating.label
    label, higher = by_total(fw, total)
    return label + ("+" if higher else "")


def by_total(fw: Framework, total: Decimal) -> tuple[str, bool]:
    """Return the label a total reaches with no tool scores known, and whether a higher one may hold.

    A label with a floor on the tools cannot be told from the total alone (a national mean, a past year without its
    indicators): 93.82 gives ("ผ่าน", True), ผ่าน or better; 80 gives ("ต้องปรับปรุง", False).
    """
    alone = [lv for lv in fw.levels if lv.min_tool is None and total >= lv.min_total]
    label = alone[0].label if alone else fw.levels[-1].label
    higher = any(lv.min_tool is not None and total >= lv.min_total for lv in fw.levels)
    return label, higher
