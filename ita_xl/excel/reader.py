"""Read a filled staff workbook into an OfficeInput, listing every problem with its sheet and cell."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

from ita_xl.cleaning import strip_control
from ita_xl.decimals import parse_number
from ita_xl.errors import InputError, Where
from ita_xl.excel import sheets as S
from ita_xl.model import (
    Framework,
    HistoryEntry,
    Measure,
    OfficeInfo,
    OfficeInput,
    OitEntry,
    SurveyData,
)
from ita_xl.result import Finding
from ita_xl.thai import MONTHS, arabic_digits

MAX_CELL_FINDINGS = 200  # per sheet; the rest are counted in one more finding
_SPACES = re.compile(r"\s+")
_CODE_LIKE = re.compile(r"^[ieo]\d+(\.\d+)?$")
_RANGE = re.compile(r"^([a-z]*(?:\d+\.)?)(\d+)-([a-z]*(?:\d+\.)?)(\d+)$")
HUNDRED = Decimal(100)


@dataclass
class Reading:
    """What the reader made of a workbook: the framework chosen, the office's input, and the problems found."""

    framework: Framework
    data: OfficeInput
    problems: list[Finding] = field(default_factory=list)


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


def clean_text(value: object) -> str:
    """Return cell text without control characters (newlines and tabs kept) and surrounding spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return strip_control(value).strip()


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _label_key(text: str) -> str:
    return _SPACES.sub("", text)


# ---- opening the file ----------------------------------------------------------------------


@dataclass
class SheetScan:
    """What one worksheet's XML says before any parser sees it: formulas, hidden rows, and its real extent.

    ``formulas`` maps each formula cell to whether it has a stored (cached) value; ``hidden_rows`` are 1-based;
    ``last_row``/``last_col`` (1-based) bound the cells that hold a value, named by ``row_ref``/``col_ref``.
    """

    formulas: dict[str, bool] = field(default_factory=dict)
    hidden_rows: list[int] = field(default_factory=list)
    last_row: int = 0
    last_col: int = 0
    row_ref: str = ""
    col_ref: str = ""


@dataclass
class Book:
    """A workbook's cells by sheet name (from A1), its hidden sheets, merged ranges and per-sheet scans."""

    cells: dict[str, list[list[Any]]]
    hidden: set[str] = field(default_factory=set)
    merged: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    scans: dict[str, SheetScan] = field(default_factory=dict)
    has_macros: bool = False


def _open_sheets(path: Path, scans: dict[str, SheetScan]) -> Book:
    """Return every worksheet's cells, visibility and merged ranges; raise InputError when it cannot be parsed."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    from ita_xl.excel.limits import LIMITS

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
    except (CalamineError, ValueError, OSError) as exc:
        raise InputError(
            f"อ่านเนื้อหาไฟล์ไม่ได้ ({type(exc).__name__}: {exc}); เปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx",
            f"cannot read the workbook's content ({type(exc).__name__}: {exc}); open it in Excel and save it again as .xlsx",
            Where(str(path)),
        ) from None


_F_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
# A cell that holds something: its opening tag followed at once by a value, a formula or an inline string.
_FILLED = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*>\s*<(?:\w+:)?(?:v|f|is)\b')
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')


def col_number(letters: str) -> int:
    """Return the 1-based column number of column letters (A -> 1, AZ -> 52)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


_LAST_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]+)"')
_WIDE_REF = re.compile(rb' r="[A-Z]{3}[0-9]')
_TWO_LETTER_REF = re.compile(rb' r="([A-Z]{2})[0-9]')


def _within_limits_cheaply(data: bytes) -> bool:
    """Return True when cheap upper bounds already keep the sheet inside the limits (no per-cell scan needed).

    Rows: the last <row> tag (rows come in ascending order) bounds every filled row. Columns: the widest cell
    reference of any cell, filled or not, bounds every filled column. Each bound is one fast literal search.
    """
    from ita_xl.excel.limits import LIMITS

    start = data.rfind(b"<row ")
    if start < 0:
        start = data.rfind(b":row ")
    match = _LAST_ROW_TAG.search(data, max(start - 4, 0)) if start >= 0 else None
    if match is None or _WIDE_REF.search(data):
        return False
    last_row = int(match.group(1))
    widest = max((col_number(m.decode()) for m in set(_TWO_LETTER_REF.findall(data))), default=26)
    return last_row <= LIMITS.max_rows and widest <= LIMITS.max_columns and last_row * widest <= LIMITS.max_cells


def _scan_sheet(data: bytes) -> SheetScan:
    scan = SheetScan()
    if _within_limits_cheaply(data):
        _scan_extras(data, scan)
        return scan
    rows: dict[int, bytes] = {}
    cols: dict[bytes, bytes] = {}
    for match in _FILLED.finditer(data):
        row = int(match.group(2))
        rows.setdefault(row, match.group(1))
        cols.setdefault(match.group(1), match.group(2))
    if rows:
        scan.last_row = max(rows)
        scan.row_ref = rows[scan.last_row].decode() + str(scan.last_row)
        widest = max(cols, key=lambda c: col_number(c.decode()))
        scan.last_col = col_number(widest.decode())
        scan.col_ref = widest.decode() + cols[widest].decode()
    _scan_extras(data, scan)
    return scan


def _scan_extras(data: bytes, scan: SheetScan) -> None:
    """Record hidden rows and formulas whose cached value is missing."""
    if b"hidden=" in data:
        for match in _ROW_TAG.finditer(data):
            attrs = match.group(1)
            number = _ROW_NUMBER.search(attrs)
            if number and _HIDDEN.search(attrs):
                scan.hidden_rows.append(int(number.group(1)))
    # Literal searches first: most answer sheets hold no formula, and the regex costs 3 of them. Every cell formula
    # has a closing tag (</f>, or </x:f> with a prefix): even a shared formula's other cells point to one that has.
    if (b"</f>" in data or b":f>" in data) and _F_TAG.search(data):
        for match in _CELL.finditer(data):
            body = match.group(3)
            if not body or not _F_TAG.search(body):
                continue
            ref = _REF.search(match.group(1))
            if ref:
                # No <v>, or an empty one outside a text result (openpyxl writes <v></v>), means never calculated.
                value = _VALUE.search(body)
                text_result = b't="str"' in match.group(1)
                scan.formulas[ref.group(1).decode()] = value is not None and (bool(value.group(1)) or text_result)


def scan_sheets(path: Path) -> dict[str, SheetScan]:
    """Return, per worksheet name, what its XML says about formulas, hidden rows and the cells really filled."""
    from defusedxml import ElementTree

    found: dict[str, SheetScan] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
            rels_name = "xl/_rels/workbook.xml.rels"
            targets: dict[str, str] = {}
            if rels_name in names:
                for rel in ElementTree.fromstring(zf.read(rels_name)):
                    target = rel.get("Target", "")
                    target = target.lstrip("/") if target.startswith("/") else "xl/" + target
                    targets[rel.get("Id", "")] = target
            for sheet in book.iter():
                if not sheet.tag.endswith("}sheet"):
                    continue
                rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), "")
                part = targets.get(rid, "")
                if part in names:
                    found[sheet.get("name", "")] = _scan_sheet(zf.read(part))
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return {}
    return found


def check_extent(path: Path, scans: dict[str, SheetScan]) -> None:
    """Raise InputError when a sheet's filled cells reach past the row, column or cell limits.

    The parser builds a dense grid from A1 to the last filled cell, so one stray value in row 1,048,576 would
    cost gigabytes; this check names that cell before any parsing.
    """
    from ita_xl.excel.limits import LIMITS

    for name, scan in scans.items():
        cells = scan.last_row * scan.last_col
        span = f"A1:{cell_name(scan.last_row - 1, scan.last_col - 1)}"
        if scan.last_row > LIMITS.max_rows:
            th = f"มีข้อมูลในแถวที่ {scan.last_row} เกินขีดจำกัด {LIMITS.max_rows} แถว"
            en = f"a value in row {scan.last_row}, past the limit of {LIMITS.max_rows} rows"
            ref, env = scan.row_ref, "ITA_XL_MAX_ROWS"
        elif scan.last_col > LIMITS.max_columns:
            th = f"มีข้อมูลในคอลัมน์ที่ {scan.last_col} เกินขีดจำกัด {LIMITS.max_columns} คอลัมน์"
            en = f"a value in column {scan.last_col}, past the limit of {LIMITS.max_columns} columns"
            ref, env = scan.col_ref, "ITA_XL_MAX_COLUMNS"
        elif cells > LIMITS.max_cells:
            th = f"ข้อมูลของชีตกินพื้นที่ {span} ({cells:,} ช่อง) เกินขีดจำกัด {LIMITS.max_cells:,} ช่อง"
            en = f"the sheet's filled cells span {span} ({cells:,} cells), over the limit of {LIMITS.max_cells:,}"
            ref, env = scan.row_ref, "ITA_XL_MAX_CELLS"
        else:
            continue
        raise InputError(
            f"{th}; ลบค่าที่หลงอยู่ห่างจากตาราง (หรือลบแถวและคอลัมน์ที่ไม่ใช้) หรือถ้าข้อมูลถูกต้องจริง ตั้งค่า {env} ให้สูงขึ้น",
            f"{en}; delete the stray value far from the table (or the unused rows and columns), "
            f"or if the data are genuine, raise {env}",
            Where(str(path), name, ref),
        )


# ---- the reader ----------------------------------------------------------------------------


def read_office(path: Path, framework: Framework | None = None, year: int | None = None) -> Reading:
    """Return the workbook at ``path`` read against a framework, with every problem found.

    The framework is ``framework``, else the shipped one of ``year``, else the one of the fiscal year the office
    sheet names, else the newest. Raises InputError when the file is not a readable ita-xl workbook, or when a
    sheet's filled cells pass the limits (checked before parsing).
    """
    from ita_xl.excel.limits import check_package

    package = check_package(path)
    scans = scan_sheets(path)
    check_extent(path, scans)
    book = _open_sheets(path, scans)
    book.has_macros = package.has_macros
    return _Reader(path, book).read(framework, year)


class _Reader:
    """One pass over one workbook; problems are collected, never raised, unless the file is unusable."""

    def __init__(self, path: Path, book: Book) -> None:
        self.path = path
        self.book = book
        sheets = book.cells
        self.by_norm = {S.norm(name): name for name in sheets}
        self.sheets = sheets
        self.formulas = {name: scan.formulas for name, scan in book.scans.items() if scan.formulas}
        formulas = self.formulas
        for name, cells in formulas.items():
            # A formula with no value may lie past the last cell the value reader saw.
            last = max((int(re.sub(r"^[A-Z]+", "", ref)) for ref in cells), default=0)
            rows = sheets.get(name)
            if rows is not None and len(rows) < last:
                rows.extend([] for _ in range(last - len(rows)))
        self.problems: list[Finding] = []
        self.counts: dict[str, int] = {}
        self.locations: dict[str, str] = {}
        self.header_rows: dict[str, int] = {}  # sheet -> zero-based row of its column codes

    # -- findings ----------------------------------------------------------------------------

    def add(self, severity: str, code: str, th: str, en: str, where: str = "") -> None:
        sheet = where.split("!")[0] if "!" in where else ""
        if sheet and code != "too-many":
            n = self.counts.get(sheet, 0) + 1
            self.counts[sheet] = n
            if n > MAX_CELL_FINDINGS:
                return
        self.problems.append(Finding(severity, code, th, en, where))

    def cell_value(self, sheet: str, rows: list[list[Any]], row: int, col: int) -> Any:
        """Return a cell's value; report a formula with no stored value (and return None for it)."""
        value = rows[row][col] if row < len(rows) and col < len(rows[row]) else None
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
                if _is_blank(value):
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
                f'ไม่พบชีต {name} แต่ชีต "{guess}" ดูเหมือนจะเป็นชีตนี้; เปลี่ยนชื่อชีต "{guess}" เป็น {name} '
                "(ดับเบิลคลิกที่แท็บชื่อชีต) แล้วตรวจอีกครั้ง",
                f'sheet {name} is missing, but sheet "{guess}" looks like it; rename "{guess}" to {name} '
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
            keys = {S.norm(v) for row in self.sheets[other][: S.HEADER_SCAN_ROWS] for v in row if not _is_blank(v)}
            if _looks_like(name, keys):
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

    # -- values ------------------------------------------------------------------------------

    def number(
        self, sheet: str, ref: str, value: Any, what_th: str, what_en: str, low: Decimal, high: Decimal
    ) -> Decimal | None:
        """Return a number typed in a cell; report text and numbers outside [low, high]."""
        if isinstance(value, (date, datetime)):
            number = None
            bad = True
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
                f'"{clean_text(value)}" ไม่ใช่ตัวเลข; {what_th}ต้องเป็นตัวเลข {low}-{high} เช่น 97.50',
                f'"{clean_text(value)}" is not a number; {what_en} must be a number from {low} to {high}, e.g. 97.50',
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
            self.add(
                "error",
                "out-of-range",
                f"{number.normalize():f} อยู่นอกช่วง {low}-{high}; ตรวจสอบ{what_th}",
                f"{number.normalize():f} is outside {low}-{high}; check the {what_en}",
                where,
            )
            return None
        return number

    def year_value(self, sheet: str, ref: str, value: Any) -> int | None:
        number = self.number(sheet, ref, value, "ปี พ.ศ. ", "the BE year", Decimal(1900), Decimal(2800))
        if number is None:
            return None
        if number != number.to_integral_value():
            self.add(
                "error",
                "not-year",
                f"{number} ไม่ใช่ปี พ.ศ.; พิมพ์ปีเป็นเลขจำนวนเต็ม เช่น 2566",
                f"{number} is not a year; type the BE year as a whole number, e.g. 2566",
                f"{sheet}!{ref}",
            )
            return None
        y = int(number)
        if y < 2400:
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
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = _SPACES.sub(" ", arabic_digits(clean_text(value)))
        parsed = _parse_date_text(text)
        if parsed is None:
            self.add(
                "error",
                "not-date",
                f'"{clean_text(value)}" ไม่ใช่วันที่; พิมพ์เช่น 10/4/2566 หรือ 10 เมษายน 2566',
                f'"{clean_text(value)}" is not a date; type e.g. 10/4/2566 or 10 เมษายน 2566',
                f"{sheet}!{ref}",
            )
        return parsed

    # -- the whole workbook ------------------------------------------------------------------

    def read(self, framework: Framework | None, year: int | None) -> Reading:
        from ita_xl import framework as fwmod

        known = [self.sheet(n) for n in (S.OFFICE, S.IIT, S.EIT, S.OIT, S.SCORES)]
        if not any(known):
            raise InputError(
                f"ไม่ใช่แบบบันทึกข้อมูล ITA (ไม่มีชีต {S.OFFICE}, {S.IIT}, {S.EIT}, {S.OIT} หรือ {S.SCORES}); "
                "สร้างแบบฟอร์มด้วย ita-xl new แล้วกรอกข้อมูลลงในแบบฟอร์ม",
                f"not an ITA workbook (no sheet {S.OFFICE}, {S.IIT}, {S.EIT}, {S.OIT} or {S.SCORES}); "
                "make a template with `ita-xl new` and fill it",
                Where(str(self.path)),
            )
        if self.book.has_macros:
            self.add(
                "warning",
                "macros",
                "ไฟล์มีแมโคร (VBA) ซึ่ง ita-xl ไม่เรียกใช้เลย อ่านเฉพาะค่าในช่อง; ไฟล์ผลลัพธ์ไม่มีแมโคร",
                "the workbook holds macros (VBA), which ita-xl never runs: only cell values are read, "
                "and the outputs carry no macros",
            )
        office = self.office()
        if framework is None:
            chosen = year or office.year or self.list_sheet_year()
            if chosen is None:
                self.add(
                    "warning",
                    "no-year",
                    f"ไม่ได้ระบุปีงบประมาณที่ประเมิน จึงใช้เกณฑ์ปีล่าสุด; กรอกปีในชีต {S.OFFICE} หรือใช้ --year",
                    f"no assessment year given, so the newest method is used; fill the year in sheet {S.OFFICE} or pass --year",
                    self.locations.get("year", S.OFFICE),
                )
            framework = fwmod.load(year=chosen)
        fw = framework
        surveys = {}
        for tool in S.SURVEYS:
            survey = self.survey(fw, tool)
            if survey is not None:
                surveys[tool] = survey
        oit = self.oit(fw)
        given = self.scores(fw)
        for tool in fw.tools:
            has_raw = tool in surveys if fw.tools[tool].kind == "survey" else bool(oit)
            has_score = tool in given or any(i in given for i in fw.tools[tool].indicators)
            if not has_raw and not has_score and self.sheet(tool) is None:
                self.missing_sheet(
                    tool,
                    f"กรอกคำตอบในชีต {tool} หรือพิมพ์คะแนน {tool} ในชีต {S.SCORES}",
                    f"add it with the answers, or type the {tool} score in sheet {S.SCORES}",
                )
        if self.sheet(S.SCORES) is None and not surveys and not oit:
            self.missing_sheet(
                S.SCORES,
                f"ต้องมีคำตอบในชีต IIT, EIT และ OIT หรือผลคะแนนในชีต {S.SCORES} แต่ไฟล์นี้ไม่มีคำตอบ",
                f"a workbook needs the answers (sheets IIT, EIT, OIT) or the official scores (sheet {S.SCORES}), "
                "and this one has no answers",
            )
        history = self.history()
        measures = self.measures(fw)
        self.hidden_and_merged()
        for sheet, n in self.counts.items():
            if n > MAX_CELL_FINDINGS:
                self.add(
                    "error"
                    if any(p.severity == "error" and p.where.startswith(sheet + "!") for p in self.problems)
                    else "warning",
                    "too-many",
                    f"ชีต {sheet} มีปัญหาอีก {n - MAX_CELL_FINDINGS} ช่องที่ไม่ได้แสดง; แก้ช่องที่แสดงแล้วตรวจอีกครั้ง",
                    f"sheet {sheet} has {n - MAX_CELL_FINDINGS} more problems not shown; fix those shown and check again",
                    sheet,
                )
        data = OfficeInput(
            office=office,
            surveys=surveys,
            oit=oit,
            given=given,
            history=history,
            measures=measures,
            source=str(self.path),
            locations=dict(self.locations),
        )
        return Reading(fw, data, self.problems)

    def hidden_and_merged(self) -> None:
        """Report hidden sheets and rows that hold data (still read), and merged cells over data (lost values)."""
        for sheet, hrow in self.header_rows.items():
            rows = self.sheets[sheet]
            if sheet in self.book.hidden and any(
                not _is_blank(v) for row in rows[hrow + 1 :] for v in row if v is not None
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
                if hrow + 1 < r <= len(rows) and any(not _is_blank(v) for v in rows[r - 1])
            ]
            if hidden:
                shown = _row_ranges(hidden)
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

    # -- office sheet ------------------------------------------------------------------------

    def office(self) -> OfficeInfo:
        found = self.sheet(S.OFFICE)
        if found is None:
            self.missing_sheet(S.OFFICE, "ใส่ชื่อหน่วยงานและปีงบประมาณที่ประเมิน", "it names the office and the fiscal year")
            return OfficeInfo()
        sheet, rows = found
        header = self.header(sheet, rows, {c.code for c in S.OFFICE_COLUMNS}, S.ALIASES[S.OFFICE])
        if header is None or "value" not in header[1]:
            self.no_header(sheet, "label, value, field")
            return OfficeInfo()
        hrow, cols = header
        by_label = {_label_key(f.label): f.key for f in S.OFFICE_FIELDS}
        values: dict[str, Any] = {}
        for r in range(hrow + 1, len(rows)):
            key = ""
            if "field" in cols:
                key = S.norm(rows[r][cols["field"]] if cols["field"] < len(rows[r]) else "")
            if key not in S.FIELDS_BY_KEY and "label" in cols and cols["label"] < len(rows[r]):
                key = by_label.get(_label_key(clean_text(rows[r][cols["label"]])), "")
            if key not in S.FIELDS_BY_KEY or key in values:
                continue
            ref = cell_name(r, cols["value"])
            if key == "year":
                self.locations["year"] = f"{sheet}!{ref}"
            value = self.cell_value(sheet, rows, r, cols["value"])
            if _is_blank(value):
                continue
            values[key] = self.field_value(sheet, ref, S.FIELDS_BY_KEY[key], value)
        if "name" not in values:
            self.add(
                "warning",
                "no-office-name",
                "ไม่ได้กรอกชื่อหน่วยงาน; กรอกเพื่อให้รายงานระบุหน่วยงานได้ถูกต้อง",
                "the office name is empty; fill it so the report names the office",
                sheet,
            )
        return OfficeInfo(**{k: v for k, v in values.items() if v is not None})

    def field_value(self, sheet: str, ref: str, fld: S.Field, value: Any) -> Any:
        if fld.kind == "text":
            return clean_text(value)
        if fld.kind == "year":
            return self.year_value(sheet, ref, value)
        if fld.kind == "date":
            return self.date_value(sheet, ref, value)
        if fld.kind == "digits":
            text = clean_text(value).lower()
            if text in ("ไทย", "thai", "true", "1"):
                return True
            if text in ("อารบิก", "arabic", "false", "0"):
                return False
            self.add(
                "error",
                "bad-choice",
                f'"{text}" ไม่ใช่ตัวเลือกของช่องนี้; ต้องเป็น ไทย หรือ อารบิก',
                f'"{text}" is not a choice of this cell; expected ไทย (Thai) or อารบิก (Arabic)',
                f"{sheet}!{ref}",
            )
            return None
        if fld.kind == "number":
            return self.number(sheet, ref, value, "คะแนน", "score", Decimal(0), HUNDRED)
        number = self.number(sheet, ref, value, "ค่านี้", "this value", Decimal(0), Decimal(1_000_000))
        return None if number is None else int(number)

    # -- survey sheets -----------------------------------------------------------------------

    def survey(self, fw: Framework, tool: str) -> SurveyData | None:
        found = self.sheet(tool)
        if found is None:
            return None
        sheet, rows = found
        statements = {st.code: st for st in fw.statements(tool)}
        header = self.header(sheet, rows, set(statements))
        if header is None:
            if any(not _is_blank(v) for row in rows[S.FIRST_DATA_ROW :] for v in row):
                self.no_header(sheet, ", ".join(list(statements)[:3]))
            return None
        hrow, cols = header
        missing = [code for code in statements if code not in cols]
        answers = {_label_key(lbl) for st in statements.values() for lbl in fw.scales[st.scale].labels}
        plain = {S.norm(c.code) for c in (S.SURVEY_NUMBER, S.SURVEY_NOTE)}
        plain |= {S.norm(c.heading) for c in (S.SURVEY_NUMBER, S.SURVEY_NOTE)}
        for c, value in enumerate(rows[hrow]):
            key = S.norm(value) if not _is_blank(value) else ""
            if not key or key in statements or key in plain:
                continue
            filled = sum(
                1
                for row in rows[hrow + 1 :]
                if c < len(row) and not _is_blank(row[c]) and _label_key(clean_text(row[c])) in answers
            )
            guess = _guess_code(key, missing)
            if filled and (guess or not _CODE_LIKE.match(key)):
                if guess:
                    missing.remove(guess)
                hint_th = f"หมายถึง {guess} หรือไม่? " if guess else ""
                hint_en = f"did you mean {guess}? " if guess else ""
                self.add(
                    "error",
                    "bad-column",
                    f'หัวคอลัมน์ "{clean_text(value)}" ไม่ใช่รหัสข้อของแบบวัด {tool} จึงไม่ได้อ่านคำตอบ {filled} ช่องในคอลัมน์นี้; '
                    f"{hint_th}แก้หัวคอลัมน์ให้ตรงกับรหัสในแบบฟอร์ม ita-xl new",
                    f'column header "{clean_text(value)}" is not an item code of the {tool} form, so its {filled} '
                    f"answers are not read; {hint_en}correct the header to the code in an `ita-xl new` template",
                    f"{sheet}!{cell_name(hrow, c)}",
                )
            elif _CODE_LIKE.match(key):
                self.add(
                    "warning",
                    "unknown-column",
                    f"คอลัมน์ {key} ไม่ใช่ข้อของแบบวัด {tool} ปี {fw.year} จึงไม่นำมาคิดคะแนน",
                    f"column {key} is not an item of the FY{fw.year} {tool} form, so it is not scored",
                    f"{sheet}!{cell_name(hrow, c)}",
                )
        if missing:
            self.add(
                "warning",
                "missing-column",
                f"ไม่พบคอลัมน์ {', '.join(missing)} ในแถวรหัส; ข้อเหล่านี้จะไม่มีคะแนน เพิ่มคอลัมน์ตามแบบฟอร์ม ita-xl new",
                f"no column for {', '.join(missing)} in the code row; these get no score: add them as in an `ita-xl new` template",
                f"{sheet}!{cell_name(hrow, 0)}",
            )
        labels = {
            code: {_label_key(lbl): i for i, lbl in enumerate(fw.scales[st.scale].labels)}
            for code, st in statements.items()
        }
        # Exact labels first (the usual case, a dropdown choice), the normalised form only when that fails.
        exact = {code: {lbl: i for i, lbl in enumerate(fw.scales[statements[code].scale].labels)} for code in cols}
        order = list(cols.items())
        positions = [c for _, c in order]
        formulas = self.formulas.get(sheet, {})
        pick = _picker(positions)
        kept: list[int] = []  # the rows of respondents: any answer, or a formula whose value is missing
        table: list[tuple[Any, ...]] = []  # their answer cells, in the order of ``order``
        width = len(positions)
        for r in range(hrow + 1, len(rows)):
            cells = pick(rows[r])
            # Fast paths: calamine gives "" for an empty cell, so a full row has no "" and an empty row only "".
            empty = cells.count("") + cells.count(None)
            answered = empty == 0 or (empty < width and any(not _is_blank(v) for v in cells))
            if answered or (formulas and any(formulas.get(cell_name(r, c)) is False for c in positions)):
                kept.append(r)
                table.append(cells)
        respondents = len(kept)
        # Column by column: each answer is one dictionary look-up of its exact label (a dropdown choice).
        columns: dict[str, list[int | None]] = {}
        misses: list[tuple[int, int, str, int]] = []  # (row, column, code, index) of cells that need a closer look
        for (code, c), cells in zip(order, zip(*table, strict=True) if table else [()] * len(order), strict=True):
            picked = list(map(exact[code].get, cells))
            columns[code] = picked
            i = -1
            while True:  # list.index finds the few unanswered cells at C speed
                try:
                    i = picked.index(None, i + 1)
                except ValueError:
                    break
                if formulas or not _is_blank(cells[i]):
                    misses.append((kept[i], c, code, i))
        # Typed labels, bad answers and formulas, in reading order (row by row) as the findings list them.
        for r, c, code, i in sorted(misses):
            value = rows[r][c] if c < len(rows[r]) else None
            if formulas:
                value = self.cell_value(sheet, rows, r, c)
            if not _is_blank(value):
                columns[code][i] = self.survey_answer(sheet, r, c, code, value, labels[code], fw, statements)
        if respondents == 0:
            return None
        return SurveyData(tool, respondents, columns)

    def survey_answer(
        self,
        sheet: str,
        r: int,
        c: int,
        code: str,
        value: Any,
        labels: dict[str, int],
        fw: Framework,
        statements: dict[str, Any],
    ) -> int | None:
        """Return the answer index of a typed label (spaces ignored); report anything else as an error."""
        text = clean_text(value)
        answer = labels.get(_label_key(text))
        if answer is None:
            expected = ", ".join(fw.scales[statements[code].scale].labels)
            self.add(
                "error",
                "bad-answer",
                f'"{text}" ไม่ใช่คำตอบของข้อนี้ ({code}); ต้องเป็น {expected}',
                f'"{text}" is not an answer of this item ({code}); expected one of {expected}',
                f"{sheet}!{cell_name(r, c)}",
            )
        return answer

    # -- OIT sheet ---------------------------------------------------------------------------

    def oit(self, fw: Framework) -> dict[str, OitEntry]:
        found = self.sheet(S.OIT)
        if found is None:
            return {}
        sheet, rows = found
        header = self.header(sheet, rows, {c.code for c in S.OIT_COLUMNS}, S.ALIASES[S.OIT])
        if header is None or "code" not in header[1] or "published" not in header[1]:
            self.no_header(sheet, "code, published, url")
            return {}
        hrow, cols = header
        oit_items = {c for c, it in fw.items.items() if it.tool == "OIT"}
        yes_no = fw.scales[fw.items[next(iter(oit_items))].scale].labels if oit_items else ("มี", "ไม่มี")
        choices = {_label_key(yes_no[0]): True, _label_key(yes_no[-1]): False}
        entries: dict[str, OitEntry] = {}
        seen: dict[str, str] = {}
        for r in range(hrow + 1, len(rows)):

            def get(key: str, row_index: int = r) -> Any:
                return self.cell_value(sheet, rows, row_index, cols[key]) if key in cols else None

            raw_code = get("code")
            if _is_blank(raw_code):
                if any(not _is_blank(get(k)) for k in ("published", "url")):
                    self.add(
                        "error",
                        "no-code",
                        "แถวนี้มีข้อมูลแต่ไม่มีรหัสข้อ; ใส่รหัสข้อ เช่น o1",
                        "this row has data but no item code; type the code, e.g. o1",
                        f"{sheet}!{cell_name(r, cols['code'])}",
                    )
                continue
            code = _oit_code(raw_code)
            ref = f"{sheet}!{cell_name(r, cols['code'])}"
            if code not in oit_items:
                self.add(
                    "warning",
                    "unknown-item",
                    f"{clean_text(raw_code)} ไม่ใช่ข้อของแบบ OIT ปี {fw.year} จึงไม่นำมาคิดคะแนน",
                    f"{clean_text(raw_code)} is not an OIT item of FY{fw.year}, so it is not scored",
                    ref,
                )
                continue
            if code in seen:
                self.add(
                    "error",
                    "duplicate-item",
                    f"ข้อ {code} ซ้ำกับแถว {seen[code]}; ลบแถวที่ซ้ำ",
                    f"item {code} appears twice (also at {seen[code]}); delete one of the rows",
                    ref,
                )
                continue
            seen[code] = ref
            mark = get("published")
            published: bool | None = None
            if not _is_blank(mark):
                published = choices.get(_label_key(clean_text(mark)))
                if published is None:
                    self.add(
                        "error",
                        "bad-answer",
                        f'"{clean_text(mark)}" ไม่ใช่คำตอบของข้อนี้; ต้องเป็น {" หรือ ".join(yes_no)}',
                        f'"{clean_text(mark)}" is not an answer of this item; expected {" or ".join(yes_no)}',
                        f"{sheet}!{cell_name(r, cols['published'])}",
                    )
            url = clean_text(get("url"))
            if published and not url:
                self.add(
                    "warning",
                    "no-url",
                    f"ข้อ {code} ระบุว่า {yes_no[0]} แต่ไม่มีลิงก์หลักฐาน; ใส่ URL ของหน้าที่เผยแพร่",
                    f"{code} is marked {yes_no[0]} (published) but has no evidence URL; add the page's URL",
                    f"{sheet}!{cell_name(r, cols['url']) if 'url' in cols else cell_name(r, cols['published'])}",
                )
            elif url and not re.match(r"^https?://", url, re.I):
                self.add(
                    "warning",
                    "bad-url",
                    f'"{url}" ไม่ใช่ที่อยู่เว็บ; ใส่ URL เต็มที่ขึ้นต้นด้วย https://',
                    f'"{url}" is not a web address; type the full URL starting with https://',
                    f"{sheet}!{cell_name(r, cols['url'])}",
                )
            entries[code] = OitEntry(code, published, url, clean_text(get("note")))
        if not any(e.published is not None for e in entries.values()):
            return {}
        return entries

    # -- scores sheet ------------------------------------------------------------------------

    def scores(self, fw: Framework) -> dict[str, Decimal]:
        found = self.sheet(S.SCORES)
        if found is None:
            return {}
        sheet, rows = found
        header = self.header(sheet, rows, {c.code for c in S.SCORE_COLUMNS}, S.ALIASES[S.SCORES])
        if header is None or "code" not in header[1] or "score" not in header[1]:
            self.no_header(sheet, "code, score")
            return {}
        hrow, cols = header
        valid = {S.TOTAL: S.TOTAL} | {t.lower(): t for t in fw.tools}
        valid |= {c: c for c in fw.indicators} | {c: c for c in fw.subindicators} | {c: c for c in fw.items}
        given: dict[str, Decimal] = {}
        for r in range(hrow + 1, len(rows)):
            raw_code = self.cell_value(sheet, rows, r, cols["code"])
            value = self.cell_value(sheet, rows, r, cols["score"])
            ref = cell_name(r, cols["score"])
            if _is_blank(raw_code):
                if not _is_blank(value):
                    self.add(
                        "error",
                        "no-code",
                        "มีคะแนนแต่ไม่มีรหัสในคอลัมน์ code; ใส่รหัส เช่น 3 หรือ 9.2 หรือ o12",
                        "a score with no code in the code column; type the code, e.g. 3, 9.2 or o12",
                        f"{sheet}!{ref}",
                    )
                continue
            key = _score_code(raw_code)
            code = valid.get(key)
            if code is None:
                if not _is_blank(value):
                    self.add(
                        "warning",
                        "unknown-code",
                        f"{clean_text(raw_code)} ไม่ใช่รหัสของเกณฑ์ปี {fw.year} จึงไม่ใช้คะแนนนี้",
                        f"{clean_text(raw_code)} is not a code of the FY{fw.year} method, so this score is not used",
                        f"{sheet}!{cell_name(r, cols['code'])}",
                    )
                continue
            if _is_blank(value):
                continue
            if code in given:
                self.add(
                    "error",
                    "duplicate-score",
                    f"มีคะแนนของ {code} ซ้ำ (อีกช่องอยู่ที่ {self.locations[code]}); ลบแถวที่ซ้ำ",
                    f"{code} has two scores (also at {self.locations[code]}); delete one",
                    f"{sheet}!{ref}",
                )
                continue
            number = self.number(sheet, ref, value, "คะแนน", "score", Decimal(0), HUNDRED)
            if number is not None:
                given[code] = number
                self.locations[code] = f"{sheet}!{ref}"
        return given

    # -- history sheet -----------------------------------------------------------------------

    def history(self) -> tuple[HistoryEntry, ...]:
        found = self.sheet(S.HISTORY)
        if found is None:
            return ()
        sheet, rows = found
        header = self.header(sheet, rows, {c.code for c in S.HISTORY_COLUMNS}, S.ALIASES[S.HISTORY])
        if header is None or "year" not in header[1] or "total" not in header[1]:
            if any(not _is_blank(v) for row in rows for v in row):
                self.no_header(sheet, "year, total")
            return ()
        hrow, cols = header
        entries: dict[int, HistoryEntry] = {}
        for r in range(hrow + 1, len(rows)):
            year_raw = self.cell_value(sheet, rows, r, cols["year"])
            total_raw = self.cell_value(sheet, rows, r, cols["total"])
            indicator_raw = {
                k: self.cell_value(sheet, rows, r, c) for k, c in cols.items() if k not in ("year", "total", "note")
            }
            if _is_blank(total_raw) and all(_is_blank(v) for v in indicator_raw.values()):
                continue
            year = None
            if _is_blank(year_raw):
                self.add(
                    "error",
                    "no-year",
                    "มีคะแนนแต่ไม่มีปีงบประมาณ; ใส่ปี พ.ศ. เช่น 2564",
                    "a score with no fiscal year; type the BE year, e.g. 2564",
                    f"{sheet}!{cell_name(r, cols['year'])}",
                )
            else:
                year = self.year_value(sheet, cell_name(r, cols["year"]), year_raw)
            if _is_blank(total_raw):
                self.add(
                    "warning",
                    "no-total",
                    "แถวนี้ไม่มีคะแนนรวม จึงไม่นำมาแสดงในพัฒนาการ; ใส่คะแนนรวมของปีนั้น",
                    "this row has no total, so it is left out of the trend; type that year's total",
                    f"{sheet}!{cell_name(r, cols['total'])}",
                )
                continue
            total = self.number(sheet, cell_name(r, cols["total"]), total_raw, "คะแนน", "score", Decimal(0), HUNDRED)
            indicators = {}
            for k, v in indicator_raw.items():
                if not _is_blank(v):
                    n = self.number(sheet, cell_name(r, cols[k]), v, "คะแนน", "score", Decimal(0), HUNDRED)
                    if n is not None:
                        indicators[k] = n
            if year is None or total is None:
                continue
            if year in entries:
                self.add(
                    "error",
                    "duplicate-year",
                    f"ปี {year} มีมากกว่าหนึ่งแถว; ลบแถวที่ซ้ำ",
                    f"year {year} appears in more than one row; delete one",
                    f"{sheet}!{cell_name(r, cols['year'])}",
                )
                continue
            entries[year] = HistoryEntry(year, total, indicators)
        return tuple(entries[y] for y in sorted(entries))

    # -- measures sheet ----------------------------------------------------------------------

    def measures(self, fw: Framework) -> tuple[Measure, ...]:
        found = self.sheet(S.MEASURES)
        if found is None:
            return ()
        sheet, rows = found
        header = self.header(sheet, rows, {c.code for c in S.MEASURE_COLUMNS}, S.ALIASES[S.MEASURES])
        if header is None or "addresses" not in header[1]:
            if any(not _is_blank(v) for row in rows for v in row):
                self.no_header(sheet, "kind, addresses, steps")
            return ()
        hrow, cols = header
        known_codes = set(fw.items) | set(fw.indicators) | set(fw.subindicators) | set(fw.next_year_items.values())
        measures = []
        for r in range(hrow + 1, len(rows)):
            values = {k: self.cell_value(sheet, rows, r, c) for k, c in cols.items()}
            if all(_is_blank(v) for v in values.values()):
                continue
            texts = {k: clean_text(v) for k, v in values.items()}
            kind_text = _label_key(texts.get("kind", ""))
            kind = S.MEASURE_KINDS.get(kind_text) or {"weakness": "weakness", "strength": "strength"}.get(
                kind_text.lower()
            )
            if kind is None:
                kind = "weakness"
                if kind_text:
                    self.add(
                        "error",
                        "bad-choice",
                        f'"{texts["kind"]}" ไม่ใช่ประเภทมาตรการ; ต้องเป็น จุดอ่อน หรือ จุดแข็ง',
                        f'"{texts["kind"]}" is not a kind of measure; expected จุดอ่อน (weakness) or จุดแข็ง (strength)',
                        f"{sheet}!{cell_name(r, cols['kind'])}",
                    )
            if not texts.get("addresses"):
                self.add(
                    "warning",
                    "no-addresses",
                    "มาตรการนี้ไม่ได้ระบุจุดอ่อนหรือจุดแข็งที่ต้องการแก้ไข; กรอกให้ครบ",
                    "this measure does not say which weakness or strength it addresses; fill it",
                    f"{sheet}!{cell_name(r, cols['addresses'])}",
                )
            codes = _measure_codes(texts.get("codes", ""))
            unknown = [c for c in codes if c not in known_codes]
            if unknown:
                self.add(
                    "warning",
                    "unknown-code",
                    f"รหัส {', '.join(unknown)} ไม่ใช่ตัวชี้วัดหรือข้อของเกณฑ์ปี {fw.year}; ตรวจสอบรหัส เช่น 3, 9.2, i1-i6, o13",
                    f"{', '.join(unknown)} is not an indicator or item code of FY{fw.year}; check the codes, e.g. 3, 9.2, i1-i6, o13",
                    f"{sheet}!{cell_name(r, cols['codes'])}",
                )
            measures.append(
                Measure(
                    addresses=texts.get("addresses", ""),
                    kind=kind,
                    codes=codes,
                    steps=texts.get("steps", ""),
                    deadline=texts.get("deadline", ""),
                    target=texts.get("target", ""),
                    responsible=texts.get("responsible", ""),
                    note=texts.get("note", ""),
                )
            )
        return tuple(measures)


# ---- small parsers -------------------------------------------------------------------------

_CONFUSABLE = str.maketrans({"l": "1", "|": "1", "o": "0", ",": ".", "_": ".", "-": "."})


def _picker(positions: list[int]) -> Callable[[list[Any]], tuple[Any, ...]]:
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


def _looks_like(name: str, keys: set[str]) -> bool:
    """Return True when a sheet whose first rows hold ``keys`` (normalised) looks like sheet ``name``."""
    if name in S.SURVEYS:
        prefix = name[0].lower()
        return sum(1 for k in keys if re.match(rf"^{prefix}\d+(\.\d+)?$", k)) >= 3
    wanted = {S.OFFICE: {"value", "field"}, S.OIT: {"published", "url"}, S.SCORES: {"code", "score"}}.get(name)
    return wanted is not None and wanted <= keys


def _guess_code(key: str, candidates: list[str]) -> str | None:
    """Return the code ``key`` was probably meant to be ("il" -> "i1", "i4,1" -> "i4.1"), if any is close."""
    import difflib

    if not key or not candidates:
        return None
    fixed = key[0] + key[1:].translate(_CONFUSABLE)
    if fixed in candidates:
        return fixed
    close = difflib.get_close_matches(fixed, candidates, n=1, cutoff=0.75)
    return close[0] if close else None


def _row_ranges(rows: list[int]) -> str:
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


def _oit_code(value: object) -> str:
    """Return an OIT code as the framework spells it: "O13", "o 13", "๐๑๓" (Thai zero for o) -> "o13"."""
    text = clean_text(value)
    if text.startswith("๐") and len(text) > 1:
        text = "o" + text[1:]
    key = S.norm(text)
    if key.isdigit():
        key = "o" + str(int(key))
    return key


def _score_code(value: object) -> str:
    """Return a scores-sheet code normalised: "รวม"/"Total" -> total, "IIT", "๙.๒" -> "9.2", "O12" -> "o12"."""
    key = S.norm(value)
    if key in ("รวม", "คะแนนรวม", "ita", S.TOTAL):
        return S.TOTAL
    return key


def _measure_codes(text: str) -> tuple[str, ...]:
    """Return the codes of a measure: "1-5, i1-i30" -> 1..5 and i1..i30; "๙.๒ ข้อ o13" -> 9.2, o13."""
    codes: list[str] = []
    text = re.sub(r"\s*[-–]\s*", "-", text)
    for token in re.split(r"[,;\s]+", text):
        key = S.norm(token.replace("ตัวชี้วัดย่อยที่", "").replace("ตัวชี้วัดที่", "").replace("ข้อ", ""))
        if not key:
            continue
        if key.startswith("๐"):
            key = "o" + key[1:]
        match = _RANGE.match(key)
        if match and match.group(1) == (match.group(3) or match.group(1)):
            prefix, a, b = match.group(1), int(match.group(2)), int(match.group(4))
            if a <= b and b - a < 100:
                codes.extend(f"{prefix}{n}" for n in range(a, b + 1))
                continue
        codes.append(key)
    return tuple(dict.fromkeys(codes))


def _parse_date_text(text: str) -> date | None:
    """Return the date in "10/4/2566", "2023-04-10" or "10 เมษายน 2566" (BE years above 2400), else None."""
    m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if m:
            year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            m = re.match(r"^(\d{1,2}) ?(\S+?) ?(?:พ\.ศ\. ?)?(\d{4})$", text)
            if not m or m.group(2) not in MONTHS:
                return None
            day, month, year = int(m.group(1)), MONTHS.index(m.group(2)) + 1, int(m.group(3))
    if year > 2400:
        year -= 543
    try:
        return date(year, month, day)
    except ValueError:
        return None
