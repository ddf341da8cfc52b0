"""Shared cell reading: cell names, text, numbers, dates and years, and the findings list they report into."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

from ita_xl.cleaning import normalize_text, shown, strip_control
from ita_xl.decimals import parse_number
from ita_xl.excel.read import dates
from ita_xl.excel.read.dates import is_date_like, number_in_date_cell
from ita_xl.result import Finding
from ita_xl.thai import thai_date

MAX_CELL_FINDINGS = 200  # per sheet; the rest are counted in one more finding
# The longest text a cell may hold, by what it is: a name, title or unit (what a document property or a heading
# holds); a measure's steps, a result, a problem (about two pages of the report); a web address (Excel keeps links
# of at most 2,079 characters).
MAX_FIELD = 255
MAX_PARAGRAPH = 5000
MAX_URL = 2000
# What Excel shows in a cell whose formula failed (stored as t="e"), also seen typed or pasted as text.
ERROR_VALUES = frozenset(
    (
        "#DIV/0!",
        "#N/A",
        "#REF!",
        "#VALUE!",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
    )
)
TOO_MANY = "too-many"  # the code of that finding (its place: the sheet)
SPACES = re.compile(r"\s+")
HUNDRED = Decimal(100)


def col_letter(col: int) -> str:
    """Return the column letters of a zero-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """Return the A1 name of a zero-based (row, col)."""
    return f"{col_letter(col)}{row + 1}"


class CellError(str):
    """An error value a cell holds (#DIV/0!, #N/A, ...), put in the grid where the parser gave an empty cell."""


def error_text(value: object) -> str | None:
    """Return the error value ``value`` is (#DIV/0!, #N/A, ...), or None when it is a value."""
    if isinstance(value, CellError):
        return str(value)
    if isinstance(value, str) and value.strip().upper() in ERROR_VALUES:
        return value.strip().upper()
    return None


def clean_text(value: object) -> str:
    """Return cell text without control characters (newlines and tabs kept) and surrounding spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_text(strip_control(value)).strip()


def is_blank(value: object) -> bool:
    """Return True for an empty cell, or one holding only spaces and characters that cannot be seen."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    return text == "" or (not text.isascii() and normalize_text(text).strip() == "")


def label_key(text: str) -> str:
    return SPACES.sub("", text)


def col_number(letters: str) -> int:
    """Return the 1-based column number of column letters (A -> 1, AZ -> 52)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def picker(positions: list[int]) -> Callable[[list[Any]], tuple[Any, ...]]:
    """Return a function giving a row's cells at ``positions`` as a tuple (None past the row's end)."""
    need = max(positions, default=-1) + 1
    get = itemgetter(*positions) if len(positions) > 1 else None

    def pick(row: list[Any]) -> tuple[Any, ...]:
        if len(row) < need:
            row = [*row, *([None] * (need - len(row)))]
        if get is not None:
            return get(row)  # type: ignore[no-any-return]
        return tuple(row[c] for c in positions)

    return pick


def row_ranges(rows: list[int]) -> str:
    """Return 1-based row numbers as short ranges: [3, 4, 5, 9] -> "3-5, 9"."""
    parts: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        parts.append(f"{start}-{prev}" if prev > start else str(start))
        if r is not None:
            start = prev = r
    return ", ".join(parts)


class CellReader:
    """Values read out of cells, every problem kept as a finding (at most MAX_CELL_FINDINGS per sheet).

    ``formulas`` maps sheet -> cell -> whether the formula there has a stored value (see scan.SheetScan).
    """

    def __init__(self, formulas: dict[str, dict[str, bool]]) -> None:
        self.formulas = formulas
        self.problems: list[Finding] = []
        self.counts: dict[str, int] = {}
        self.error_cells: set[str] = set()  # sheet!cell of error values already reported

    # -- findings ----------------------------------------------------------------------------

    def add(self, severity: str, code: str, th: str, en: str, where: str = "") -> None:
        """Keep one finding in Thai and English at ``where`` (sheet!cell), unless its sheet already has too many."""
        sheet = where.split("!")[0] if "!" in where else ""
        if sheet and code != TOO_MANY:
            n = self.counts.get(sheet, 0) + 1
            self.counts[sheet] = n
            if n > MAX_CELL_FINDINGS:
                return
        self.problems.append(Finding(severity, code, th, en, where))

    def add_unshown_counts(self) -> None:
        """Add one finding per sheet with more than MAX_CELL_FINDINGS problems, counting those not shown."""
        for sheet, n in self.counts.items():
            if n > MAX_CELL_FINDINGS:
                self.add(
                    "error"
                    if any(p.severity == "error" and p.where.startswith(sheet + "!") for p in self.problems)
                    else "warning",
                    TOO_MANY,
                    f"ชีต {sheet} มีปัญหาอีก {n - MAX_CELL_FINDINGS} ช่องที่ไม่ได้แสดง; แก้ช่องที่แสดงแล้วตรวจอีกครั้ง",
                    f"sheet {sheet} has {n - MAX_CELL_FINDINGS} more problems not shown; fix those shown and check again",
                    sheet,
                )

    def error_value(self, sheet: str, row: int, col: int, value: Any) -> bool:
        """Return True when ``value`` is an error value (#DIV/0!, #N/A, ...), reported once as an error at its cell."""
        shown = error_text(value)
        if shown is None:
            return False
        where = f"{sheet}!{cell_name(row, col)}"
        if where not in self.error_cells:
            self.error_cells.add(where)
            self.add(
                "error",
                "error-value",
                f"ช่องนี้มีค่าผิดพลาด {shown} (สูตรคำนวณไม่ได้ หรือช่องที่สูตรอ้างถึงถูกลบไป) จึงใช้ค่านี้ไม่ได้; "
                "แก้สูตรใน Excel ให้ได้ค่าที่ถูกต้อง หรือพิมพ์ค่าแทนสูตร",
                f"the cell holds the error value {shown} (a formula that cannot be calculated, or one whose cells "
                "were deleted), so it cannot be used; correct the formula in Excel or type the value instead",
                where,
            )
        return True

    def too_long(self, sheet: str, ref: str, text: str, limit: int) -> bool:
        """Return True when ``text`` is longer than ``limit``, reported as an error quoting only its start."""
        if len(text) <= limit:
            return False
        self.add(
            "error",
            "too-long",
            f"ข้อความยาว {len(text):,} ตัวอักษร เกินที่ช่องนี้รับได้ {limit:,} ตัวอักษร: {shown(text)}; ย่อข้อความให้สั้นลง",
            f"the text is {len(text):,} characters long, over the {limit:,} this cell takes: {shown(text)}; shorten it",
            f"{sheet}!{ref}",
        )
        return True

    def cell_value(self, sheet: str, rows: list[list[Any]], row: int, col: int) -> Any:
        """Return a cell's value; report a formula with no stored value or an error value (and return None for it)."""
        value = rows[row][col] if row < len(rows) and col < len(rows[row]) else None
        if self.error_value(sheet, row, col, value):
            return None
        ref = cell_name(row, col)
        has_value = self.formulas.get(sheet, {}).get(ref)
        if has_value is False:
            self.add(
                "error",
                "formula-no-value",
                "ช่องนี้เป็นสูตรที่ยังไม่มีค่าที่คำนวณแล้ว (ไฟล์ไม่ได้บันทึกจาก Excel); เปิดไฟล์ใน Excel แล้วบันทึก หรือพิมพ์ค่าแทนสูตร",
                "this cell is a formula with no calculated value (the file was not saved by Excel); "
                "open and save it in Excel, or type the value instead of the formula",
                f"{sheet}!{ref}",
            )
            return None
        if isinstance(value, str) and value == "":
            return None
        return value

    # -- values ------------------------------------------------------------------------------

    def number(
        self, sheet: str, ref: str, value: Any, what_th: str, what_en: str, low: Decimal, high: Decimal
    ) -> Decimal | None:
        """Return a number typed in a cell; report text and numbers outside [low, high]."""
        if isinstance(value, str):
            value = clean_text(value)  # "97.5" with a zero-width space pasted in is 97.5
        if is_date_like(value):
            return self._number_in_date_cell(sheet, ref, value, what_th, what_en, low, high)
        else:
            try:
                number = parse_number(value)
                bad = False
            except (ValueError, TypeError):
                number, bad = None, True
        where = f"{sheet}!{ref}"
        if bad:
            self.add(
                "error",
                "not-number",
                f"{shown(clean_text(value))} ไม่ใช่ตัวเลข; {what_th}ต้องเป็นตัวเลข {low}-{high} เช่น {_example(high)}",
                f"{shown(clean_text(value))} is not a number; {what_en} must be a number from {low} to {high}, "
                f"e.g. {_example(high)}",
                where,
            )
            return None
        if number is None:
            return None
        if isinstance(value, float) and 0 < number < 1 and high == HUNDRED:
            # A cell formatted as a percentage holds 0.975 for what the person sees as 97.5%.
            number = number * HUNDRED
            self.add(
                "warning",
                "percent-cell",
                f"อ่านค่า {value} เป็น {number.normalize():f} (ช่องจัดรูปแบบเป็นเปอร์เซ็นต์); ถ้าไม่ถูกต้องให้พิมพ์คะแนนเต็ม เช่น 97.50",
                f"read {value} as {number.normalize():f} (a percentage-formatted cell); if wrong, type the score itself, e.g. 97.50",
                where,
            )
        if not low <= number <= high:
            read = f"{number.normalize():f}"
            typed = value.strip() if isinstance(value, str) else ""
            # What the person typed, when it is not what was read: "88,5" is read as 885 (a thousands comma).
            said_th = f"{shown(typed)} อ่านได้เป็น {read} ซึ่ง" if typed and typed != read else read + " "
            said_en = f"{shown(typed)} reads as {read}, which is" if typed and typed != read else read + " is"
            comma_th = "; ใช้จุดเป็นจุดทศนิยม เช่น 88.5" if "," in typed else ""
            comma_en = "; use a point for decimals, e.g. 88.5" if "," in typed else ""
            self.add(
                "error",
                "out-of-range",
                f"{said_th}อยู่นอกช่วง {low}-{high}; ตรวจสอบ{what_th}{comma_th}",
                f"{said_en} outside {low}-{high}; check the {what_en}{comma_en}",
                where,
            )
            return None
        return number

    def _number_in_date_cell(
        self, sheet: str, ref: str, value: Any, what_th: str, what_en: str, low: Decimal, high: Decimal
    ) -> Decimal | None:
        """Return the number typed into a date-formatted cell (with a warning), or report the date it holds."""
        where = f"{sheet}!{ref}"
        number = number_in_date_cell(value)
        if number is not None and low <= number <= high:
            self.add(
                "warning",
                "date-format-number",
                f"ช่องนี้จัดรูปแบบเป็นวันที่ Excel จึงแสดงเป็นวันที่ แต่อ่านเป็นตัวเลข {number:f} ตามที่พิมพ์; ถ้าถูกต้องให้{dates.FORMAT_TH}",
                f"the cell is formatted as a date, so Excel shows a date, but it is read as the number typed, "
                f"{number:f}; if that is right, {dates.FORMAT_EN}",
                where,
            )
            return number
        day = value.date() if isinstance(value, datetime) else value
        shown = thai_date(day, thai=False) if isinstance(day, date) else clean_text(value)
        self.add(
            "error",
            "not-number",
            f"ช่องนี้มีวันที่ {shown} ไม่ใช่ตัวเลข; {what_th}ต้องเป็นตัวเลข {low}-{high} เช่น {_example(high)} "
            f"({dates.FORMAT_TH} แล้วพิมพ์ใหม่)",
            f"the cell holds the date {shown}, not a number; {what_en} must be a number from {low} to {high}, "
            f"e.g. {_example(high)} ({dates.FORMAT_EN}, then type it again)",
            where,
        )
        return None

    def year_value(self, sheet: str, ref: str, value: Any) -> int | None:
        """Return the BE year in a year field (a CE year read as BE with a warning); report what is no year."""
        reading = dates.read_year(clean_text(value) if isinstance(value, str) else value)
        if not isinstance(reading.value, int):
            self.add("error", "not-year", reading.th, reading.en, f"{sheet}!{ref}")
            return None
        y = reading.value
        if y < dates.BE_FROM:
            self.add(
                "warning",
                "ce-year",
                f"{y} ดูเป็นปี ค.ศ. จึงอ่านเป็น พ.ศ. {y + 543}; ถ้าไม่ถูกต้องให้พิมพ์ปี พ.ศ.",
                f"{y} looks like a CE year, read as BE {y + 543}; if wrong, type the BE year",
                f"{sheet}!{ref}",
            )
            y += 543
        return y

    def date_value(self, sheet: str, ref: str, value: Any) -> date | None:
        """Return the date in a date field (a date, a serial, a text date in Thai or English); report what is not."""
        reading = dates.read_date(clean_text(value) if isinstance(value, str) else value)
        if not isinstance(reading.value, date):
            self.add("error", "not-date", reading.th, reading.en, f"{sheet}!{ref}")
            return None
        return reading.value

    # -- the whole workbook ------------------------------------------------------------------


def _example(high: Decimal) -> str:
    """An example value for a cell's range: a score for a 0-100 cell, a whole number (a rank, a count) otherwise."""
    return "97.50" if high <= 100 else "12"
