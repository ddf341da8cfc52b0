"""Dates and years as staff type them: Excel serials behind a cell's format, Thai text dates, Buddhist-era years.

A cell's value reaches the reader as the parser (python-calamine) read it, and that depends on the cell's number
format, not on what the person meant: a year typed into a date-formatted cell arrives as a date in 1907, a date in a
cell whose format another program dropped (LibreOffice Calc, Google Sheets) arrives as a plain serial number. These
functions undo that where only one reading makes sense, and otherwise say what the cell holds and how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ita_xl.cleaning import normalize_text, strip_control
from ita_xl.cleaning import shown as visible
from ita_xl.thai import BE_OFFSET, MONTHS, arabic_digits, thai_date

EPOCH = date(1899, 12, 30)  # serial 0 of Excel's 1900 date system, counting serials from 61 (1 March 1900) on
# A number in a date field is read as a date serial only inside these years (CE): far from any year number (a year
# typed as 2567 is serial 2567, a day in 1907) and from any score, and wide enough for every report and progress date.
FIRST_SERIAL = (date(1950, 1, 1) - EPOCH).days
LAST_SERIAL = (date(2199, 12, 31) - EPOCH).days
YEAR_LOW, YEAR_HIGH = 1900, 2800  # what a year cell may hold: CE (read as BE + 543) or BE
BE_FROM = 2400  # a year above this is Buddhist era
# A date before this (serial 10,000, 1927) in a number cell is a number typed into a date-formatted cell.
NUMBER_AS_DATE_BEFORE = 10_000

SHORT_MONTHS = ("มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค")
ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_KEYS: dict[str, int] = {}
for _n, (_full, _short, _en) in enumerate(zip(MONTHS, SHORT_MONTHS, ENGLISH_MONTHS, strict=True), 1):
    _MONTH_KEYS[_full] = _MONTH_KEYS[_short] = _MONTH_KEYS[_en] = _n
for _n, _name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november"),
    1,
):
    _MONTH_KEYS[_name] = _n
_MONTH_KEYS["december"] = 12
_MONTH_KEYS["sept"] = 9

_SPACES = re.compile(r"\s+")
_PREFIX = re.compile(r"^(?:วัน\S*?ที่|วันที่)\s*")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d+)$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_WORDS = re.compile(r"^(\d{1,2})\s*([^\d\s].*?)\s*(?:(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*)?(\d+)$")
_YEAR_TEXT = re.compile(
    r"^(?:ปีงบประมาณ|ปีงบ|ปี)?\s*(?:(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*)?(\d{4})(?:\.0+)?\s*(?:\(?(พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\)?)?$"
)


@dataclass(frozen=True)
class Reading:
    """What a cell gave: ``value`` when it could be read, else the Thai and English reason (what it holds, what to do)."""

    value: date | int | Decimal | None = None
    th: str = ""
    en: str = ""


def serial_of(value: object) -> Decimal | None:
    """Return the Excel serial number behind a date, datetime, time or duration the parser made of a number, else None.

    Serials below 61 (January and February 1900) are counted as Excel counts them, with its missing 29 February.
    """
    if isinstance(value, timedelta):
        micro = value.seconds * 1_000_000 + value.microseconds
        return Decimal(value.days) + Decimal(micro) / Decimal(86_400_000_000)
    if isinstance(value, time):
        micro = ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond
        return Decimal(micro) / Decimal(86_400_000_000)
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        days = (day - EPOCH).days
        if day < date(1900, 3, 1):
            days -= 1
        serial = Decimal(days)
        if isinstance(value, datetime):
            micro = ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond
            serial += Decimal(micro) / Decimal(86_400_000_000)
        return serial
    return None


def is_date_like(value: object) -> bool:
    """Return True for the date, time and duration values a parser makes of a date-formatted cell."""
    return isinstance(value, (date, time, timedelta))


def date_of_serial(serial: Decimal) -> date | None:
    """Return the day of an Excel serial number (its time of day dropped) when it lies in the plausible years."""
    if not FIRST_SERIAL <= serial < LAST_SERIAL + 1:
        return None
    return EPOCH + timedelta(days=int(serial))


def _ce(day: date) -> date | None:
    """Return ``day`` with a Buddhist-era year (above 2400) brought back to CE, else unchanged."""
    if day.year <= BE_FROM:
        return day
    try:
        return day.replace(year=day.year - BE_OFFSET)
    except ValueError:
        return None


def _ce_year(year: int, era: str | None) -> int | None:
    """Return the CE year of a typed four-digit year: BE above 2400, CE from 1900; None when neither or it clashes."""
    be = era is not None and era.startswith("พ")
    ce = era is not None and era.startswith("ค")
    if year > BE_FROM and not ce:
        return year - BE_OFFSET
    if 1900 <= year <= BE_FROM and not be:
        return year
    return None


def _month(token: str) -> int | None:
    key = token.replace(".", "").replace(" ", "").replace(",", "").lower()
    return _MONTH_KEYS.get(key)


def parse_date_text(text: str) -> date | None:
    """Return the date in a typed text, else None.

    Accepted: "29/3/2567", "29-3-2567", "29.3.2024", "2024-03-29" (a time after it is ignored), "29 มีนาคม 2567",
    "29 มี.ค. 2567", "29 มี.ค. พ.ศ. 2567", "วันที่ 29 มีนาคม 2567", "29 March 2024", in Thai or Arabic digits. A year
    above 2400 is Buddhist era; the year must have four digits (a two-digit year could be either era).
    """
    text = _PREFIX.sub("", _SPACES.sub(" ", arabic_digits(_text(text))).strip())
    era: str | None = None
    m = _NUMERIC.match(text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        m = _ISO.match(text)
        if m:
            year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
        else:
            m = _WORDS.match(text)
            found = _month(m.group(2)) if m else None
            if m is None or found is None:
                return None
            day, month, year, era = int(m.group(1)), found, m.group(4), m.group(3)
    if len(year) != 4:
        return None
    ce = _ce_year(int(year), era)
    if ce is None:
        return None
    try:
        return date(ce, month, day)
    except ValueError:
        return None


def _short_year(text: str) -> bool:
    """Return True when ``text`` looks like a date whose year has two digits ("29/3/67", "29 มี.ค. 67")."""
    text = _PREFIX.sub("", _SPACES.sub(" ", arabic_digits(_text(text))).strip())
    m = _NUMERIC.match(text) or _WORDS.match(text)
    return m is not None and len(m.groups()[-1]) == 2


def _text(value: object) -> str:
    """Return a cell's text as it looks (no control or invisible characters, odd spaces made plain)."""
    return normalize_text(strip_control(value)).strip()


def _shown(value: object) -> str:
    """Return a cell's text for a message: what cannot be seen made visible, cut after 60 characters."""
    return visible(_text(value), quote=False)


def _number_text(number: Decimal) -> str:
    return f"{number.normalize():f}"


FORMAT_TH = "จัดรูปแบบช่องเป็น ทั่วไป หรือ ตัวเลข (หน้าแรก > รูปแบบตัวเลข)"
FORMAT_EN = "set the cell's format to General or Number (Home > Number Format)"
DATE_EXAMPLE_TH = "พิมพ์วัน เดือน ปี พ.ศ. เช่น 29/3/2567 หรือ 29 มีนาคม 2567"
DATE_EXAMPLE_EN = "type day, month and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567"


def read_date(value: object) -> Reading:
    """Return a date field's value: a date (a BE year in a date brought back to CE), a serial, a text date.

    A time of day, a bare year, a date or number far from any plausible date, or text that is no date of a known form
    gives the reason instead.
    """
    if isinstance(value, (date, time, timedelta)):
        if isinstance(value, date):
            day = _ce(value.date() if isinstance(value, datetime) else value)
            if day is not None and FIRST_SERIAL <= (day - EPOCH).days <= LAST_SERIAL:
                return Reading(day)
        serial = serial_of(value)
        assert serial is not None
        if serial < 1:
            shown = value.strftime("%H:%M") if isinstance(value, time) else _number_text(serial)
            return Reading(
                None,
                f"ช่องนี้มีเวลา {shown} ไม่ใช่วันที่; {DATE_EXAMPLE_TH}",
                f"the cell holds a time of day ({shown}), not a date; {DATE_EXAMPLE_EN}",
            )
        if isinstance(value, date) and not _year_like(serial):
            shown = thai_date(value.date() if isinstance(value, datetime) else value, thai=False)
            return Reading(
                None,
                f"ช่องนี้มีวันที่ {shown} ซึ่งไม่น่าจะใช่วันที่นี้; ตรวจปี แล้ว{DATE_EXAMPLE_TH}",
                f"the cell holds the date {shown}, which cannot be this date; check the year and {DATE_EXAMPLE_EN}",
            )
        return _date_from_number(serial)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return _date_from_number(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))
    typed = _text(value)
    parsed = parse_date_text(typed)
    if parsed is not None:
        return Reading(parsed)
    text = _shown(value)
    plain = arabic_digits(typed).replace(",", "")
    if len(plain) <= 15 and re.fullmatch(r"\d+(\.\d+)?", plain):
        return _date_from_number(Decimal(plain))
    if _short_year(typed):
        return Reading(
            None,
            f'"{text}" มีปีเพียงสองหลัก; พิมพ์ปี พ.ศ. ให้ครบสี่หลัก เช่น 29/3/2567',
            f'"{text}" has a two-digit year; type the BE year in full, e.g. 29/3/2567',
        )
    return Reading(None, f'"{text}" ไม่ใช่วันที่; {DATE_EXAMPLE_TH}', f'"{text}" is not a date; {DATE_EXAMPLE_EN}')


def _year_like(number: Decimal) -> bool:
    return number == number.to_integral_value() and YEAR_LOW <= number <= YEAR_HIGH


def _date_from_number(number: Decimal) -> Reading:
    """Return the date of a serial number in a date field, or why the number is no date."""
    day = date_of_serial(number)
    if day is not None:
        return Reading(day)
    shown = _number_text(number)
    if _year_like(number):
        return Reading(
            None,
            f"ช่องนี้มีเพียงปี {shown} ไม่ใช่วันที่; พิมพ์วันที่ให้ครบ เช่น 29/3/2567 หรือ 29 มีนาคม 2567",
            f"the cell holds only the year {shown}, not a date; type the whole date, e.g. 29/3/2567 or 29 มีนาคม 2567",
        )
    return Reading(
        None,
        f"ช่องนี้มีตัวเลข {shown} ไม่ใช่วันที่; {DATE_EXAMPLE_TH}",
        f"the cell holds the number {shown}, not a date; {DATE_EXAMPLE_EN}",
    )


def read_year(value: object) -> Reading:
    """Return a year field's value as the typed four-digit number (CE or BE, as typed), or why it is no year.

    Accepted beside a number: a year typed into a date-formatted cell (a date in 1905-1907 whose serial is the year),
    text such as "พ.ศ. 2567", "ปีงบประมาณ ๒๕๖๗" or "ค.ศ. 2024" (read as BE 2567). A whole date is no year.
    """
    if is_date_like(value):
        serial = serial_of(value)
        assert serial is not None
        if _year_like(serial):
            return Reading(int(serial))
        day = value if isinstance(value, date) else None
        if day is not None and serial >= FIRST_SERIAL:
            shown = thai_date(day.date() if isinstance(day, datetime) else day, thai=False)
            return Reading(
                None,
                f"ช่องนี้มีวันที่ {shown} ไม่ใช่ปี; พิมพ์เฉพาะปี พ.ศ. เช่น {_be(day.year)} (ถ้าพิมพ์แล้วกลายเป็นวันที่ ให้{FORMAT_TH})",
                f"the cell holds the date {shown}, not a year; type the BE year alone, e.g. {_be(day.year)} "
                f"(if it turns into a date, {FORMAT_EN})",
            )
        return Reading(
            None,
            f"ช่องนี้จัดรูปแบบเป็นวันที่ จึงไม่ใช่ปี; {FORMAT_TH} แล้วพิมพ์ปี พ.ศ. เช่น 2567",
            f"the cell is formatted as a date, so it holds no year; {FORMAT_EN} and type the BE year, e.g. 2567",
        )
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if _year_like(number):
            return Reading(int(number))
        shown = _number_text(number)
        return Reading(
            None,
            f"{shown} ไม่ใช่ปี พ.ศ.; พิมพ์ปี พ.ศ. เป็นตัวเลขสี่หลัก เช่น 2567",
            f"{shown} is not a year; type the BE year in four digits, e.g. 2567",
        )
    text = _shown(value)
    m = _YEAR_TEXT.match(_SPACES.sub(" ", arabic_digits(_text(value))).strip().replace(",", ""))
    if m:
        era = m.group(1) or m.group(3)
        year = int(m.group(2))
        ce = _ce_year(year, era)
        if ce is not None:
            return Reading(year if era is None else ce + BE_OFFSET)
    return Reading(
        None,
        f'"{text}" ไม่ใช่ปี พ.ศ.; พิมพ์ปี พ.ศ. เป็นตัวเลขสี่หลัก เช่น 2567',
        f'"{text}" is not a year; type the BE year in four digits, e.g. 2567',
    )


def _be(ce_year: int) -> int:
    return ce_year + BE_OFFSET if ce_year <= BE_FROM else ce_year


def number_in_date_cell(value: object) -> Decimal | None:
    """Return the number typed into a date-formatted cell (a date before 1927 or a duration), else None.

    A time of day is left out: the parser gives it to the second, and it also stands for a negative number.
    """
    if isinstance(value, time) or not is_date_like(value):
        return None
    serial = serial_of(value)
    if serial is None or not 1 <= serial < NUMBER_AS_DATE_BEFORE:
        return None
    return serial.quantize(Decimal("0.000001")).normalize()
