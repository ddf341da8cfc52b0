"""The analysis workbook being written: its sheets, formats, the cell of every score, and formula helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ita_xl.decimals import float_snap_places
from ita_xl.excel.bulk_rows import BulkSheet
from ita_xl.excel.xlsx_style import Styles, cell, clean
from ita_xl.model import Framework, OfficeInput
from ita_xl.result import LevelScore, Result

# Sheet names: what the coordinator reads first, then the copied input the formulas run over.
SUMMARY = "สรุปผล"
INDICATORS = "รายตัวชี้วัด"
ITEMS = "รายข้อ"
OIT = "OIT"
TREND = "พัฒนาการ"
FINDINGS = "จุดแข็ง-จุดอ่อน"
MEASURES = "มาตรการ"
INFO = "ข้อมูลหน่วยงาน"
RULES = "เกณฑ์"
ANSWERS = "คำตอบ {tool}"
OIT_DATA = "ข้อมูล OIT"
GIVEN = "คะแนนที่กรอก"
HISTORY = "ข้อมูลย้อนหลัง"

PASS, FAIL = "ผ่าน", "ไม่ผ่าน"
STRENGTH, WEAKNESS = "จุดแข็ง", "จุดอ่อน"

Cached = Decimal | float | int | str | None


def given_key(code: str) -> str:
    """Return a given-score key as the scoring engine reads it (item codes lower case)."""
    return code.lower() if code[:1] in "ieoIEO" and code[1:2].isdigit() else code


@dataclass
class Book:
    """One analysis workbook in the making: the result, the sheets, and where each score was written.

    ``refs`` maps a code ("total", "IIT", "3", "9.2", "o12", "given:o12", "pass_mark", …) to the absolute,
    sheet-qualified reference of the cell that holds it, so later sheets build formulas over earlier ones.
    """

    wb: Workbook
    fw: Framework
    data: OfficeInput
    result: Result
    st: Styles
    sheets: dict[str, Worksheet] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    ranges: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    bulk: list[BulkSheet] = field(default_factory=list)  # data rows spliced in after closing (bulk_rows)

    @property
    def given(self) -> dict[str, Decimal]:
        """Return the entered official scores keyed as the engine keys them."""
        return {given_key(k): v for k, v in self.data.given.items()}

    def number(self, value: Cached) -> float | int | str:
        """Return a cached value as xlsxwriter wants it (Decimals as floats, None as empty text)."""
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return float(value)
        return value

    def formula(self, ws: Worksheet, row: int, col: int, formula: str, value: Cached, fmt: object = None) -> None:
        """Write a live formula with the value Python computed as its cached result."""
        ws.write_formula(row, col, "=" + formula.lstrip("="), fmt or self.st.td_num, self.number(value))

    def text(self, ws: Worksheet, row: int, col: int, text: object, fmt: object = None) -> None:
        """Write text as text (never a formula or link), control characters removed."""
        ws.write_string(row, col, clean(text), fmt or self.st.td)

    def score_formula(self, code: str, computed: str | None) -> str | None:
        """Return the formula of a score: the entered cell when the office entered it, else ``computed``."""
        ls = self.result.level(code) if code != "total" else self.result.total
        if ls is None:
            return None
        if ls.given and f"given:{code}" in self.refs:
            return self.refs[f"given:{code}"]
        return computed

    def rounded(self, score_cell: str, ls: LevelScore) -> str:
        """Return a formula for the shown score of ``score_cell``: float noise snapped off, then rounded half-up."""
        places = self.fw.rounding.places
        snap = float_snap_places(ls.value, places, self.fw.rounding.scores)
        return f"ROUND(ROUND({score_cell},{snap}),{places})"

    def grade_cells(self, ws: Worksheet, row: int, col: int, score_cell: str, ls: LevelScore, label: bool) -> int:
        """Write grade (and its label when ``label``), ผ่าน/ไม่ผ่าน from the score in ``score_cell``; return next col."""
        st = self.st
        rounded = self.rounded(score_cell, ls)
        self.formula(
            ws,
            row,
            col,
            f"LOOKUP({rounded},{self.ranges['band_min']},{self.ranges['band_code']})",
            ls.grade,
            st.td_center,
        )
        col += 1
        if label:
            lookup = f"LOOKUP({rounded},{self.ranges['band_min']},{self.ranges['band_label']})"
            self.formula(ws, row, col, lookup, ls.grade_label, st.td_center)
            col += 1
        passed = f'IF({rounded}>={self.refs["pass_mark"]},"{PASS}","{FAIL}")'
        self.formula(ws, row, col, passed, PASS if ls.passed else FAIL, st.td_center)
        return col + 1

    def strength_cell(self, ws: Worksheet, row: int, col: int, score_cell: str, ls: LevelScore) -> None:
        """Write จุดแข็ง/จุดอ่อน by the framework's strength threshold."""
        rounded = self.rounded(score_cell, ls)
        formula = f'IF({rounded}>={self.refs["strength"]},"{STRENGTH}","{WEAKNESS}")'
        self.formula(ws, row, col, formula, STRENGTH if ls.strength else WEAKNESS, self.st.td_center)

    def missing(self, ws: Worksheet, row: int, col: int) -> None:
        """Write the mark of a score that has no data."""
        ws.write_string(row, col, "-", self.st.td_center)


def span(sheet: str, col: int, rows: list[int]) -> str:
    """Return the cells ``rows`` of column ``col``: one range when contiguous, else a comma list."""
    if not rows:
        return ""
    if rows == list(range(rows[0], rows[0] + len(rows))):
        first, last = cell(rows[0], col, True), cell(rows[-1], col, True)
        return f"'{sheet}'!{first}:{last}" if len(rows) > 1 else f"'{sheet}'!{first}"
    return ",".join(f"'{sheet}'!{cell(r, col, True)}" for r in rows)
