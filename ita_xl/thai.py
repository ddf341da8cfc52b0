"""Thai digits, Buddhist-era dates, month names and number formatting for reports."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ita_xl.decimals import TO_ARABIC, quantize

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
BE_OFFSET = 543
NBSP = "\u00a0"
# A space after a Thai word (or an abbreviation such as พ.ศ.) and before a number or an item code (O25, o13, i4.1):
# the number belongs to the word, so the line must not break between them ("เขต ๒", "พ.ศ. ๒๕๖๖", "ข้อ O25").
_NUMBER_AFTER_WORD = re.compile("(?<=[\u0e01-\u0e4e.]) (?=[0-9\u0e50-\u0e59]|[A-Za-z]{1,2}[0-9\u0e50-\u0e59])")


def thai_digits(text: object) -> str:
    """Return ``text`` with Arabic digits replaced by Thai digits (U+0E50-U+0E59)."""
    return str(text).translate(_TO_THAI)


def arabic_digits(text: object) -> str:
    """Return ``text`` with Thai digits replaced by Arabic digits."""
    return str(text).translate(TO_ARABIC)


def bind_numbers(text: str) -> str:
    """Return ``text`` with a no-break space wherever a number or item code follows a Thai word and one space.

    "สำนักงานเขต ๒" and "พ.ศ. ๒๕๖๖" keep their number on the word's line; other spaces are left as they are.
    """
    return _NUMBER_AFTER_WORD.sub(NBSP, text)


def digits(text: object, thai: bool) -> str:
    """Return ``text`` in Thai digits when ``thai``, else unchanged."""
    return thai_digits(text) if thai else str(text)


def score_text(value: Decimal | None, thai: bool = True, places: int = 2) -> str:
    """Return a score with ``places`` decimals (half-up), e.g. "๙๘.๙๐"; "-" when unknown."""
    if value is None:
        return "-"
    return digits(f"{quantize(value, places):.{places}f}", thai)


def signed_text(value: Decimal | None, thai: bool = True, places: int = 2) -> str:
    """Return a signed difference as the reports print it: "+ ๓.๒๐", "- ๖.๑๕", "๐.๐๐"."""
    if value is None:
        return "-"
    q = quantize(value, places)
    body = digits(f"{abs(q):.{places}f}", thai)
    if q > 0:
        return f"+ {body}"
    if q < 0:
        return f"- {body}"
    return body


def be_year(ce_year: int) -> int:
    """Return the Buddhist-era year of a Common-era year."""
    return ce_year + BE_OFFSET


def thai_date(day: date, thai: bool = True) -> str:
    """Return a formal Thai date, e.g. "๑๐ เมษายน ๒๕๖๖"."""
    return digits(f"{day.day} {MONTHS[day.month - 1]} {be_year(day.year)}", thai)


def thai_month_year(day: date, thai: bool = True) -> str:
    """Return month and BE year, e.g. "เมษายน ๒๕๖๖"."""
    return digits(f"{MONTHS[day.month - 1]} {be_year(day.year)}", thai)


def fiscal_year(day: date) -> int:
    """Return the Thai fiscal year (BE) containing ``day``: 1 October to 30 September, named by its end."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)
