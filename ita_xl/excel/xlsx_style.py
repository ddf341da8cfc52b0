"""Shared xlsxwriter formats, safe text, Thai-aware column widths and cell references for written workbooks."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ita_xl.cleaning import strip_control

FONT = "TH SarabunPSK"
SIZE = 14
ROW_HEIGHT = 21
WORKBOOK_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    # Normal is TH SarabunPSK, as a named font: a font with a <scheme> is the theme's to Excel, which then draws
    # the theme's face (Calibri) and ignores the name. LibreOffice ignores the scheme, so only Excel shows it.
    "default_format_properties": {"font_name": FONT, "font_size": SIZE, "font_scheme": "none"},
}
_MAX_TEXT = 32767

# Functions every Excel since 2007 knows under their own name. xlsxwriter runs ~70 regex substitutions over each
# formula to prefix newer functions with _xlfn.; formulas made only of these names skip that (1,000 formulas: ~0.1 s).
CLASSIC_FUNCTIONS = frozenset(
    (
        "ABS",
        "AND",
        "AVERAGE",
        "COUNT",
        "COUNTA",
        "COUNTBLANK",
        "COUNTIF",
        "COUNTIFS",
        "IF",
        "IFERROR",
        "INDEX",
        "LOOKUP",
        "MATCH",
        "MAX",
        "MIN",
        "OR",
        "RANK",
        "ROUND",
        "ROUNDDOWN",
        "ROUNDUP",
        "SUM",
        "SUMIF",
        "SUMPRODUCT",
        "TEXT",
        "TRUNC",
    )
)
_CALLS = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\(")


class FastWorksheet(Worksheet):
    """A worksheet that passes formulas made only of CLASSIC_FUNCTIONS straight through xlsxwriter's preparation."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        names = _CALLS.findall(formula)
        if all(name.upper() in CLASSIC_FUNCTIONS for name in names):
            formula = formula[1:] if formula.startswith("{") else formula
            formula = formula[1:] if formula.startswith("=") else formula
            return formula[:-1] if formula.endswith("}") else formula
        return str(super()._prepare_formula(formula, expand_future_functions))


# Band fills, best first; a framework with more bands reuses the last colour.
BAND_FILLS = ("#63BE7B", "#B5DF9A", "#FFEB84", "#FFC77D", "#F8A36D", "#F4836B", "#F8696B")
RED_FILL = "#FFC7CE"
RED_TEXT = "#9C0006"
GREEN_FILL = "#C6EFCE"
GREEN_TEXT = "#006100"


def clean(text: object) -> str:
    """Return ``text`` as a string without control characters, cut to Excel's cell limit."""
    return strip_control(text)[:_MAX_TEXT]


def text_width(text: str) -> float:
    """Return the display width of ``text`` in Excel character units (Thai marks above/below take no width)."""
    width = 0.0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u0e31\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e":
            continue
        width += 1.0 if ord(ch) < 0x2E80 else 2.0
    return width


def fit_width(texts: list[str], minimum: float = 6, maximum: float = 60) -> float:
    """Return a column width that shows the longest of ``texts`` at the sheets' font size."""
    longest = max((text_width(t) for t in texts), default=0.0)
    return max(minimum, min(maximum, longest * 1.05 + 2))


def wrapped_height(cells: list[tuple[str, float]]) -> float:
    """Return a row height that shows every (text, column width) pair wrapped onto as many lines as it needs."""
    lines = 1
    for text, width in cells:
        per_line = max(1.0, (width - 2) / 1.05)
        needed = sum(max(1, -(-int(text_width(part)) // int(per_line))) for part in str(text).split("\n"))
        lines = max(lines, needed)
    return ROW_HEIGHT * lines


def ref(sheet: str, row: int, col: int, absolute: bool = True) -> str:
    """Return a quoted cross-sheet reference, e.g. 'ข้อมูล OIT'!$C$5 (row and col zero-based)."""
    return f"'{sheet}'!{xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)}"


def cell(row: int, col: int, absolute: bool = False) -> str:
    """Return an A1 reference on the same sheet (row and col zero-based)."""
    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


class Styles:
    """The formats one workbook uses, created once (xlsxwriter formats belong to their workbook)."""

    def __init__(self, wb: Workbook) -> None:
        base = {"font_name": FONT, "font_size": SIZE, "valign": "vcenter"}
        self.wb = wb
        self.text = wb.add_format({**base})
        self.wrap = wb.add_format({**base, "text_wrap": True, "valign": "top"})
        self.center = wb.add_format({**base, "align": "center"})
        self.title = wb.add_format({**base, "bold": True, "font_size": SIZE + 6})
        self.subtitle = wb.add_format({**base, "bold": True, "font_size": SIZE + 2})
        self.note = wb.add_format({**base, "italic": True, "font_color": "#595959"})
        self.label = wb.add_format({**base, "bold": True})
        self.header = wb.add_format(
            {**base, "bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF", "border": 1, "text_wrap": True}
        )
        self.header.set_align("center")
        self.td = wb.add_format({**base, "border": 1})
        self.td_wrap = wb.add_format({**base, "border": 1, "text_wrap": True})
        self.td_center = wb.add_format({**base, "border": 1, "align": "center"})
        self.td_int = wb.add_format({**base, "border": 1, "num_format": "0", "align": "center"})
        self.td_num = wb.add_format({**base, "border": 1, "num_format": "0.00"})
        self.td_pct = wb.add_format({**base, "border": 1, "num_format": "0.0%"})
        self.td_bold = wb.add_format({**base, "border": 1, "bold": True})
        self.td_num4 = wb.add_format({**base, "border": 1, "num_format": "0.0000"})
        self.td_num_bold = wb.add_format({**base, "border": 1, "num_format": "0.00", "bold": True})
        self.big_num = wb.add_format({**base, "border": 1, "num_format": "0.00", "bold": True, "font_size": SIZE + 8})
        self.big_text = wb.add_format({**base, "border": 1, "bold": True, "align": "center", "font_size": SIZE + 8})
        self.red = wb.add_format({"bg_color": RED_FILL, "font_color": RED_TEXT})
        self.red_text = wb.add_format({"font_color": RED_TEXT, "bold": True})
        self.green = wb.add_format({"bg_color": GREEN_FILL, "font_color": GREEN_TEXT})
        self.bands = [wb.add_format({"bg_color": colour}) for colour in BAND_FILLS]

    def band(self, index: int) -> Any:
        """Return the fill of the ``index``-th grade band (0 = best)."""
        return self.bands[min(index, len(self.bands) - 1)]


# Column width units (Excel's character widths) that fit across A4 portrait at 85 % or more within the margins;
# a wider sheet prints landscape (template and roll-up; the analysis sheets choose for themselves).
PORTRAIT_WIDTH = 120
# Width units one landscape page takes while the text stays readable (about 60 %, 14 pt printed as 8.5 pt).
# A sheet wider than this (the survey sheets: 45 answer columns) is fitted to as many pages across as it needs.
READABLE_WIDTH = 240
_PAGE_FONT = f'&"{FONT},Regular"&12'
PAGE_HEADER = f"&L{_PAGE_FONT}&A"  # the sheet's name
PAGE_FOOTER = f"&C{_PAGE_FONT}หน้า &P / &N"  # page n of N


def print_pages(ws: Worksheet, landscape: bool, repeat_rows: int = 0, width: float = 0) -> None:
    """Set ``ws`` to print on A4, fit to the page width, with the sheet name above, page numbers below and its
    first ``repeat_rows`` rows (the table headings) on top of every page.

    A sheet whose columns are ``width`` units wide, too wide for one readable page, is fitted to as few pages
    across as keep it readable, its first column repeated on each.
    """
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    across = max(1, math.ceil(width / READABLE_WIDTH))
    ws.fit_to_pages(across, 0)
    if across > 1:
        ws.repeat_columns(0, 0)
        ws.print_across()
    ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    ws.set_header(PAGE_HEADER, {"margin": 0.3})
    ws.set_footer(PAGE_FOOTER, {"margin": 0.3})
    if repeat_rows:
        ws.repeat_rows(0, repeat_rows - 1)


def is_wide(widths: Sequence[float]) -> bool:
    """Return whether columns of ``widths`` need a landscape page."""
    return sum(widths) > PORTRAIT_WIDTH


def freeze_header(ws: Worksheet, rows: int, cols: int = 0) -> None:
    """Keep the first ``rows`` rows (and ``cols`` columns) in view on screen; print the last of them, the column
    headings, on top of every page (the titles above it print once, on the first page)."""
    ws.freeze_panes(rows, cols)
    ws.repeat_rows(rows - 1)


def setup_sheet(ws: Worksheet, widths: Sequence[float], landscape: bool = True) -> None:
    """Set column widths, row height, A4 page and fit-to-width printing of ``ws``."""
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    ws.set_default_row(ROW_HEIGHT)
    print_pages(ws, landscape)
