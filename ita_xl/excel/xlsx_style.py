"""Shared xlsxwriter formats, safe text, Thai-aware column widths and cell references for written workbooks."""

from __future__ import annotations

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


def setup_sheet(ws: Worksheet, widths: Sequence[float], landscape: bool = True) -> None:
    """Set column widths, row height, A4 page and fit-to-width printing of ``ws``."""
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    ws.set_default_row(ROW_HEIGHT)
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
