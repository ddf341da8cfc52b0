"""The workbook as sheets: cells parsed once, each sheet found by name, its code row found, book-wide checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ita_xl.cleaning import shown
from ita_xl.errors import InputError, Where
from ita_xl.excel import sheets as S
from ita_xl.excel.read.cells import CellError, CellReader, cell_name, col_number, is_blank, row_ranges
from ita_xl.excel.read.package import LIMITS
from ita_xl.excel.read.scan import SheetScan


@dataclass
class Book:
    """A workbook's cells by sheet name (from A1), its hidden sheets, merged ranges and per-sheet scans."""

    cells: dict[str, list[list[Any]]]
    hidden: set[str] = field(default_factory=set)
    merged: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    scans: dict[str, SheetScan] = field(default_factory=dict)
    has_macros: bool = False


def open_sheets(path: Path, scans: dict[str, SheetScan]) -> Book:
    """Return every worksheet's cells, visibility and merged ranges; raise InputError when it cannot be parsed."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_path(str(path))
        try:
            out = Book({}, scans=scans)
            for meta in book.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue  # chart and dialog sheets hold no cells to read
                sheet = book.get_sheet_by_name(meta.name)
                out.cells[meta.name] = sheet.to_python(skip_empty_area=False, nrows=LIMITS.max_rows)
                if meta.visible != SheetVisibleEnum.Visible:
                    out.hidden.add(meta.name)
                ranges = [(a[0], a[1], b[0], b[1]) for a, b in sheet.merged_cell_ranges or ()]
                if ranges:
                    out.merged[meta.name] = ranges
            return out
        finally:
            book.close()
    except BaseException as exc:
        # The parser's own panics arrive as pyo3's PanicException, a BaseException: a bad file, not a bug of ours.
        if not isinstance(exc, (CalamineError, ValueError, OSError)) and type(exc).__name__ != "PanicException":
            raise
        _unreadable_error_value(path, scans)
        raise InputError(
            f"อ่านเนื้อหาไฟล์ไม่ได้ ({type(exc).__name__}: {exc}); เปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx",
            f"cannot read the workbook's content ({type(exc).__name__}: {exc}); open it in Excel and save it again as .xlsx",
            Where(str(path)),
        ) from None


# The error values the parser knows; a newer one (#GETTING_DATA, #SPILL!, ...) stops it reading the whole file.
_PARSED_ERRORS = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"))


def _unreadable_error_value(path: Path, scans: dict[str, SheetScan]) -> None:
    """Raise InputError naming the first cell whose error value the parser cannot read, if there is one."""
    for name, scan in scans.items():
        for ref, text in scan.errors.items():
            if text not in _PARSED_ERRORS:
                raise InputError(
                    f"ช่องนี้มีค่าผิดพลาด {text} (สูตรคำนวณไม่ได้ หรือข้อมูลยังโหลดไม่เสร็จ) จึงอ่านไฟล์ไม่ได้; "
                    "แก้สูตรใน Excel ให้ได้ค่าที่ถูกต้อง หรือพิมพ์ค่าแทนสูตร แล้วบันทึกใหม่",
                    f"the cell holds the error value {text} (a formula that cannot be calculated, or data still "
                    "loading), so the file cannot be read; correct the formula in Excel or type the value instead, "
                    "and save again",
                    Where(str(path), name, ref),
                )


class WorkbookReader(CellReader):
    """One pass over one workbook: its sheets found by name, their code rows, and the checks over the whole book.

    The sheet modules (office, surveys, oit, scores, history, measures) read one sheet each through it; problems are
    collected, never raised, unless the file is unusable.
    """

    def __init__(self, path: Path, book: Book) -> None:
        sheets = book.cells
        formulas = {name: scan.formulas for name, scan in book.scans.items() if scan.formulas}
        super().__init__(formulas)
        self.path = path
        self.book = book
        self.by_norm = {S.norm(name): name for name in sheets}
        self.sheets = sheets
        for name, cells in formulas.items():
            # A formula with no value may lie past the last cell the value reader saw.
            last = max((int(re.sub(r"^[A-Z]+", "", ref)) for ref in cells), default=0)
            rows = sheets.get(name)
            if rows is not None and len(rows) < last:
                rows.extend([] for _ in range(last - len(rows)))
        for name, scan in book.scans.items():
            rows = sheets.get(name)
            if rows is not None:
                _put_errors(rows, scan.errors)
        self.locations: dict[str, str] = {}  # what -> sheet!cell it was read from (the year, each given score)
        self.header_rows: dict[str, int] = {}  # sheet -> zero-based row of its column codes

    # -- sheets and headers ------------------------------------------------------------------

    def sheet(self, name: str) -> tuple[str, list[list[Any]]] | None:
        actual = self.by_norm.get(S.norm(name))
        if actual is None:
            return None
        return actual, self.sheets[actual]

    def header(
        self, sheet: str, rows: list[list[Any]], known: set[str], aliases: dict[str, str] | None = None
    ) -> tuple[int, dict[str, int]] | None:
        """Return the header row and code -> column of a table sheet: the row naming most known codes."""
        alias = {S.norm(k): v for k, v in (aliases or {}).items()}
        best: tuple[int, dict[str, int]] | None = None
        for r in range(min(S.HEADER_SCAN_ROWS, len(rows))):
            found: dict[str, int] = {}
            for c, value in enumerate(rows[r]):
                if is_blank(value):
                    continue
                key = S.norm(value)
                code = key if key in known else alias.get(key)
                if code is None:
                    continue
                if code in found:
                    if key in known:
                        self.add(
                            "error",
                            "duplicate-column",
                            f"มีคอลัมน์ {code} ซ้ำ (อีกคอลัมน์อยู่ที่ {cell_name(r, found[code])}); ลบหรือแก้หัวคอลัมน์ให้ไม่ซ้ำ",
                            f"column {code} appears twice (also at {cell_name(r, found[code])}); delete one or correct its header",
                            f"{sheet}!{cell_name(r, c)}",
                        )
                    continue
                found[code] = c
            if found and (best is None or len(found) >= len(best[1])):
                best = (r, found)
        if best is not None:
            self.header_rows[sheet] = best[0]
        return best

    def missing_sheet(self, name: str, th_what: str, en_what: str) -> None:
        guess = self.renamed(name)
        if guess is not None:
            self.add(
                "error",
                "renamed-sheet",
                f"ไม่พบชีต {name} แต่ชีต {shown(guess)} ดูเหมือนจะเป็นชีตนี้; เปลี่ยนชื่อชีต {shown(guess)} เป็น {name} "
                "(ดับเบิลคลิกที่แท็บชื่อชีต) แล้วตรวจอีกครั้ง",
                f"sheet {name} is missing, but sheet {shown(guess)} looks like it; rename {shown(guess)} to {name} "
                "(double-click the sheet tab) and check again",
                name,
            )
            return
        self.add(
            "error",
            "missing-sheet",
            f"ไม่พบชีต {name}; {th_what} (คัดลอกชีตจากแบบฟอร์มที่สร้างด้วย ita-xl new และอย่าเปลี่ยนชื่อชีต)",
            f"sheet {name} is missing; {en_what} (copy the sheet from a template made by `ita-xl new`, keeping its name)",
            name,
        )

    def renamed(self, name: str) -> str | None:
        """Return the sheet that looks like ``name`` under another name (by its code row, else its name)."""
        ours = {S.norm(n) for n in S.ORDER}
        others = [n for n in self.sheets if S.norm(n) not in ours]
        for other in others:
            keys = {S.norm(v) for row in self.sheets[other][: S.HEADER_SCAN_ROWS] for v in row if not is_blank(v)}
            if looks_like(name, keys):
                return other
        target = S.norm(name)
        return next((other for other in others if target in S.norm(other)), None)

    def no_header(self, sheet: str, example: str) -> None:
        self.add(
            "error",
            "no-header",
            f"ไม่พบแถวรหัสคอลัมน์ (เช่น {example}) ในชีตนี้; คัดลอกแถวหัวตารางจากแบบฟอร์ม ita-xl new",
            f"no row of column codes (such as {example}) in this sheet; copy the header rows from an `ita-xl new` template",
            sheet,
        )

    def hidden_and_merged(self) -> None:
        """Report hidden sheets and rows that hold data (still read), and merged cells over data (lost values)."""
        for sheet, hrow in self.header_rows.items():
            rows = self.sheets[sheet]
            if sheet in self.book.hidden and any(
                not is_blank(v) for row in rows[hrow + 1 :] for v in row if v is not None
            ):
                self.add(
                    "warning",
                    "hidden-sheet",
                    "ชีตนี้ถูกซ่อนไว้แต่ยังนำข้อมูลมาใช้; ถ้าไม่ต้องการให้ลบชีต หรือยกเลิกการซ่อน "
                    "(คลิกขวาที่แท็บชีต > ยกเลิกการซ่อน) เพื่อตรวจข้อมูล",
                    "this sheet is hidden but still read; unhide it (right-click a sheet tab > Unhide) to check "
                    "what it holds, or delete it to leave it out",
                    sheet,
                )
            scan = self.book.scans.get(sheet)
            hidden = [
                r
                for r in (scan.hidden_rows if scan else [])
                if hrow + 1 < r <= len(rows) and any(not is_blank(v) for v in rows[r - 1])
            ]
            if hidden:
                shown = row_ranges(hidden)
                self.add(
                    "warning",
                    "hidden-rows",
                    f"แถว {shown} ถูกซ่อนไว้แต่ยังนำมาคิดเหมือนแถวอื่น; ถ้าไม่ต้องการให้ลบแถวนั้นแทนการซ่อน",
                    f"rows {shown} are hidden but still read like any other row; to leave them out, delete them "
                    "instead of hiding them",
                    f"{sheet}!A{hidden[0]}",
                )
            strict = S.norm(sheet) in {S.norm(n) for n in (*S.SURVEYS, S.OIT, S.SCORES)}
            for r0, c0, r1, c1 in self.book.merged.get(sheet, ()):
                if r1 <= hrow or (r0 == r1 and c0 == c1):
                    continue
                first = cell_name(r0, c0)
                span = f"{first}:{cell_name(r1, c1)}"
                self.add(
                    "error" if strict else "warning",
                    "merged-cells",
                    f"ช่อง {span} ถูกผสานเซลล์ไว้ จึงอ่านได้เฉพาะค่าในช่อง {first} ช่องอื่นนับเป็นช่องว่าง; "
                    "ยกเลิกการผสานเซลล์ (หน้าแรก > ผสานและจัดกึ่งกลาง) แล้วพิมพ์ค่าช่องละหนึ่งค่า",
                    f"cells {span} are merged, so only {first} is read and the others count as empty; unmerge them "
                    "(Home > Merge & Center) and type one value per cell",
                    f"{sheet}!{first}",
                )

    def list_sheet_year(self) -> int | None:
        found = self.sheet(S.LISTS)
        if found is None:
            return None
        _, rows = found
        if not rows:
            return None
        for c, value in enumerate(rows[0]):
            if value == "framework_year" and len(rows) > 1 and c < len(rows[1]):
                with_year = rows[1][c]
                if isinstance(with_year, (int, float)) and not isinstance(with_year, bool):
                    return int(with_year)
        return None


def _put_errors(rows: list[list[Any]], errors: dict[str, str]) -> None:
    """Put each error value (read as an empty cell by the parser) back into the grid, so readers can report it."""
    for ref, text in errors.items():
        match = re.match(r"^([A-Z]+)([0-9]+)$", ref)
        if not match:
            continue
        r, c = int(match.group(2)) - 1, col_number(match.group(1)) - 1
        if not (0 <= r < LIMITS.max_rows and 0 <= c < LIMITS.max_columns):
            continue
        if len(rows) <= r:
            rows.extend([] for _ in range(r + 1 - len(rows)))
        row = rows[r]
        if len(row) <= c:
            row.extend([None] * (c + 1 - len(row)))
        row[c] = CellError(text)


def looks_like(name: str, keys: set[str]) -> bool:
    """Return True when a sheet whose first rows hold ``keys`` (normalised) looks like sheet ``name``."""
    if name in S.SURVEYS:
        prefix = name[0].lower()
        return sum(1 for k in keys if re.match(rf"^{prefix}\d+(\.\d+)?$", k)) >= 3
    wanted = {S.OFFICE: {"value", "field"}, S.OIT: {"published", "url"}, S.SCORES: {"code", "score"}}.get(name)
    return wanted is not None and wanted <= keys
