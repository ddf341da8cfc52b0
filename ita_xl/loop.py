"""Closing the loop: how last year's weak indicators (from the ประวัติ sheet) fared in this year's result."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ita_xl.decimals import quantize
from ita_xl.result import DOWN, SAME, UP, Result


@dataclass(frozen=True)
class Followed:
    """One indicator that was weak last year: its score then and now, the change, and whether it is strong now."""

    code: str
    name: str
    before: Decimal
    now: Decimal | None
    change: Decimal | None
    direction: str | None  # UP, DOWN, SAME, or None when this year has no score
    strong_now: bool


@dataclass(frozen=True)
class Loop:
    """Last year's weaknesses followed into this year."""

    previous: int
    year: int
    indicators: tuple[Followed, ...]

    def count(self, direction: str) -> int:
        """Return how many of last year's weaknesses moved in ``direction``."""
        return sum(1 for f in self.indicators if f.direction == direction)


def last_year_weaknesses(result: Result) -> Loop | None:
    """Return last year's weak indicators (below this year's strength threshold) with this year's scores.

    None when the history has no indicator scores for the year before the assessed one, or none was weak.
    """
    fw = result.framework
    year = result.office.year or fw.year
    before = next((t for t in result.history if t.year == year - 1 and t.indicators), None)
    if before is None:
        return None
    followed = []
    for code, ind in fw.indicators.items():
        then = before.indicators.get(code)
        if then is None:
            continue
        then = quantize(then, fw.rounding.places)
        if then >= fw.strength_threshold:
            continue
        ls = result.indicators.get(code)
        now = ls.shown if ls is not None else None
        change = None if now is None else now - then
        direction = None if change is None else UP if change > 0 else DOWN if change < 0 else SAME
        followed.append(Followed(code, ind.name, then, now, change, direction, bool(ls and ls.strength)))
    if not followed:
        return None
    return Loop(year - 1, year, tuple(followed))
