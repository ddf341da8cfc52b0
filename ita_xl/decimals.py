"""Exact decimal helpers: parsing, means, half-up and truncating rounding (never banker's ``round``)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from fractions import Fraction

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


# ---- exact rationals: every mean and weighted sum is a Fraction, rounded once, exactly -----------


def exact(value: Decimal | int) -> Fraction:
    """Return ``value`` as an exact Fraction (a Decimal converts without loss)."""
    return Fraction(value)


def exact_mean(values: Iterable[Fraction]) -> Fraction | None:
    """Return the exact mean of ``values``, or None when empty."""
    items = list(values)
    if not items:
        return None
    return sum(items, Fraction(0)) / len(items)


def round_exact(value: Fraction, places: int = 2, mode: str = "half_up") -> Decimal:
    """Return the rational ``value`` rounded to ``places`` decimals by ``mode``, with no intermediate rounding.

    "truncate" cuts toward zero and "half_up" rounds halves away from zero, as Decimal's ROUND_DOWN and
    ROUND_HALF_UP do; 85 exactly stays 85.00 however its parts were computed.
    """
    scaled = abs(value) * 10**places
    whole = math.floor(scaled) if mode == "truncate" else math.floor(scaled + Fraction(1, 2))
    sign = -1 if value < 0 else 1
    return Decimal(sign * whole).scaleb(-places)


def to_decimal(value: Fraction) -> Decimal:
    """Return ``value`` as a Decimal of 40 significant digits (exact when it terminates within them)."""
    return _CTX.divide(Decimal(value.numerator), Decimal(value.denominator))


def float_snap_places(value: Decimal, places: int = 2, mode: str = "half_up") -> int:
    """Return the decimals a spreadsheet should round a float to before its final ROUND/TRUNC.

    A float sum of means carries noise near 1e-13 (84.99999999999999 for 85). Rounding first to 9
    decimals removes it; only a value that really lies within 1e-9 of a boundary needs more.
    """
    target = quantize(value, places, mode)
    for snap in (9, 10, 11, 12):
        if quantize(quantize(value, snap, "half_up"), places, mode) == target:
            return snap
    return 12
