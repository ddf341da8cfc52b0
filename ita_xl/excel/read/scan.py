"""What each sheet's XML says before any parser sees it: formulas without values, hidden rows, the filled extent.

The parser builds a dense grid from A1 to the last filled cell, so the extent is checked here first (check_extent).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ita_xl.errors import InputError, Where
from ita_xl.excel.read.cells import cell_name, col_number
from ita_xl.excel.read.package import LIMITS


@dataclass
class SheetScan:
    """What one worksheet's XML says before any parser sees it: formulas, hidden rows, and its real extent.

    ``formulas`` maps each formula cell to whether it has a stored (cached) value; ``errors`` maps each cell
    holding an error value (t="e", which the parser reads as empty) to its text, e.g. "#DIV/0!"; ``hidden_rows`` are 1-based;
    ``last_row``/``last_col`` (1-based) bound the cells that hold a value, named by ``row_ref``/``col_ref``.
    """

    formulas: dict[str, bool] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    hidden_rows: list[int] = field(default_factory=list)
    last_row: int = 0
    last_col: int = 0
    row_ref: str = ""
    col_ref: str = ""


_F_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?\bt="e"[^>]*)>(.*?)</(?:\w+:)?c>', re.S)


# Every row and cell tag, in order, with its attributes and whether a value, formula or inline string follows.
_TOKEN = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*?)(/?)>(\s*<(?:\w+:)?(?:v|f|is)\b)?")
_ANY_REF = re.compile(rb'\br="([A-Za-z]*)([0-9]*)"')
_LAST_ROW_TAG = re.compile(rb'<row r="([0-9]{1,6})"')
_PREFIXED_TAG = re.compile(rb":(?:c|row)[\s>/]")
_TWO_LETTER_REF = re.compile(rb'<c r="([A-Z]{2})[0-9]')


def _odd_tag(digits: int) -> re.Pattern[bytes]:
    """Return the pattern of a row or cell tag not in the plain form: r first, one or two capital letters, at
    most ``digits`` digits (a tag without r, with other spacing or another attribute first, is odd too)."""
    return re.compile(
        rb'<(?:c(?![a-zA-Z])(?! r="[A-Z]{1,2}[0-9]{1,%d}")|row(?![a-zA-Z])(?! r="[1-9][0-9]{0,%d}"))'
        % (digits, digits - 1)
    )


def _within_limits_cheaply(data: bytes) -> bool:
    """Return True when cheap upper bounds already keep the sheet inside the limits (no per-cell scan needed).

    The bounds hold only for plain tags with plain references, the form spreadsheet programs write: any other
    form, however legal (a prefix, a cell without ``r``, a column past ZZ, a row number longer than the last row's),
    is left to the exact scan. Rows: no reference has more digits than the last <row> tag's number, so none passes
    the largest number of that many digits. Columns: the widest two-letter reference. Each is one fast search.
    """
    if _PREFIXED_TAG.search(data):
        return False
    start = data.rfind(b'<row r="')
    match = _LAST_ROW_TAG.match(data, start) if start >= 0 else None
    if match is None:
        return b'<c r="' not in data and _odd_tag(6).search(data) is None
    digits = len(match.group(1))
    if _odd_tag(digits).search(data):
        return False
    last_row = 10**digits - 1
    widest = max((col_number(m.decode()) for m in set(_TWO_LETTER_REF.findall(data))), default=26)
    return last_row <= LIMITS.max_rows and widest <= LIMITS.max_columns and last_row * widest <= LIMITS.max_cells


def _scan_sheet(data: bytes) -> SheetScan:
    scan = SheetScan()
    if not _within_limits_cheaply(data):
        _scan_extent(data, scan)
    _scan_extras(data, scan)
    return scan


def _scan_extent(data: bytes, scan: SheetScan) -> None:
    """Record the last row and column holding a value, as the parser places cells: by their reference, or else
    (no ``r``, as the format allows) one past the cell or row before. References of any length and case count."""
    row = col = 0
    last_row: tuple[int, int, bytes] = (0, 0, b"")  # (row, col, reference) of the lowest filled cell
    last_col: tuple[int, int, bytes] = (0, 0, b"")  # (row, col, reference) of the rightmost one
    for match in _TOKEN.finditer(data):
        ref = _ANY_REF.search(match.group(2))
        if match.group(1) == b"row":
            row = _capped(ref.group(2)) if ref and ref.group(2) and not ref.group(1) else row + 1
            col = 0
            continue
        written = b""
        if ref and ref.group(1) and ref.group(2):
            written = ref.group(0)[3:-1]
            letters = ref.group(1)
            col = col_number(letters.upper().decode()) if len(letters) <= _HUGE_DIGITS else 26**_HUGE_DIGITS
            row_here = _capped(ref.group(2))
        else:
            col += 1
            row_here = row
        if match.group(4) and not match.group(3):
            if row_here > last_row[0]:
                last_row = (row_here, col, written)
            if col > last_col[1]:
                last_col = (row_here, col, written)
    if last_row[0]:
        scan.last_row, scan.row_ref = last_row[0], _name(*last_row)
        scan.last_col, scan.col_ref = last_col[1], _name(*last_col)


_HUGE_DIGITS = 12  # a reference longer than this is far past any limit: counted as this long


def _capped(digits: bytes) -> int:
    """Return a row number, capped at 10**12 (int() refuses numbers of thousands of digits)."""
    return int(digits) if len(digits) <= _HUGE_DIGITS else 10**_HUGE_DIGITS


def _name(row: int, col: int, written: bytes = b"") -> str:
    """Return the A1 name of a 1-based cell (as written in the file, cut after 20 characters, if it was)."""
    if written:
        text = written.decode("ascii", "replace")
        return text if len(text) <= 20 else text[:20] + "…"
    if col > 26**6:
        return f"R{row}C{col}"
    return cell_name(row - 1, col - 1)


def _scan_extras(data: bytes, scan: SheetScan) -> None:
    """Record hidden rows, error values and formulas whose cached value is missing."""
    if b't="e"' in data:
        for match in _ERROR_CELL.finditer(data):
            ref = _REF.search(match.group(1))
            value = _VALUE.search(match.group(2))
            if ref and value:
                scan.errors[ref.group(1).decode()] = value.group(1).decode("utf-8", "replace").strip()[:20] or "#N/A"
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


def relationships(data: bytes) -> dict[str, str]:
    """Return a relationships part's targets by id."""
    from defusedxml import ElementTree

    return {rel.get("Id", ""): rel.get("Target", "") for rel in ElementTree.fromstring(data)}


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Return the zip member of each worksheet by its name (only those present in the package)."""
    from defusedxml import ElementTree

    names = set(zf.namelist())
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets = relationships(zf.read(rels_name)) if rels_name in names else {}
    parts: dict[str, str] = {}
    for sheet in book.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), "")
        target = targets.get(rid, "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        if target and part in names:
            parts[sheet.get("name", "")] = part
    return parts


def scan_sheets(path: Path) -> dict[str, SheetScan]:
    """Return, per worksheet name, what its XML says about formulas, hidden rows and the cells really filled."""
    from defusedxml import ElementTree

    try:
        with zipfile.ZipFile(path) as zf:
            return {name: _scan_sheet(zf.read(part)) for name, part in sheet_parts(zf).items()}
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return {}


def check_extent(path: Path, scans: dict[str, SheetScan]) -> None:
    """Raise InputError when a sheet's filled cells reach past the row, column or cell limits.

    The parser builds a dense grid from A1 to the last filled cell, so one stray value in row 1,048,576 would
    cost gigabytes; this check names that cell before any parsing.
    """

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
