"""The rating label of FY2567+ (ผ่านดีเยี่ยม … ต้องปรับปรุงโดยด่วน): a floor on the total and on every tool."""

from __future__ import annotations

from decimal import Decimal

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
