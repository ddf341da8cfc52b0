"""Exact decimal helpers: parsing, means, half-up and truncating rounding (never banker's ``round``)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation

_CTX = Context(prec=40)
TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MODES = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}


def dec(value: object) -> Decimal:
    """Return ``value`` as a Decimal; floats go through ``repr`` so 97.43 stays 97.43."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a bool is not a score")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    raise TypeError(f"not a number: {value!r}")


def parse_number(value: object) -> Decimal | None:
    """Return the number a person typed, or None when the cell holds no number.

    Accepts ints, floats, and text with Thai digits, spaces, thousands commas and a trailing "%"
    ("๙๗.๕", " 97.5% "). Raises ValueError for text that is not a number.
    """
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return dec(value)
    text = str(value).translate(TO_ARABIC).strip().replace(",", "").replace("\u00a0", "")
    if text == "":
        return None
    if text.endswith("%"):
        text = text[:-1].strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a number: {value!r}")
    return number


def mean(values: Iterable[Decimal]) -> Decimal | None:
    """Return the exact mean of ``values`` (40 significant digits), or None when empty."""
    items = list(values)
    if not items:
        return None
    return _CTX.divide(sum(items, Decimal(0)), Decimal(len(items)))


def quantize(value: Decimal, places: int = 2, mode: str = "half_up") -> Decimal:
    """Return ``value`` rounded to ``places`` decimals by ``mode`` ("half_up" or "truncate")."""
    exponent = Decimal(1).scaleb(-places)
    return value.quantize(exponent, rounding=MODES[mode])


def divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    """Return numerator / denominator with 40 significant digits."""
    return _CTX.divide(numerator, denominator)
