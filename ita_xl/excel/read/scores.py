"""The scores sheet (ผลคะแนน): official scores typed by code, used instead of computing them from answers."""

from __future__ import annotations

from decimal import Decimal

from ita_xl.cleaning import shown
from ita_xl.excel import sheets as S
from ita_xl.excel.read.cells import HUNDRED, cell_name, clean_text, is_blank
from ita_xl.excel.read.workbook import WorkbookReader
from ita_xl.model import Framework


def given_scores(rd: WorkbookReader, fw: Framework) -> dict[str, Decimal]:
    """Return the official scores typed in the scores sheet by code (total, tool, indicator, sub-indicator, item)."""
    found = rd.sheet(S.SCORES)
    if found is None:
        return {}
    sheet, rows = found
    header = rd.header(sheet, rows, {c.code for c in S.SCORE_COLUMNS}, S.ALIASES[S.SCORES])
    if header is None or "code" not in header[1] or "score" not in header[1]:
        rd.no_header(sheet, "code, score")
        return {}
    hrow, cols = header
    valid = {S.TOTAL: S.TOTAL} | {t.lower(): t for t in fw.tools}
    valid |= {c: c for c in fw.indicators} | {c: c for c in fw.subindicators} | {c: c for c in fw.items}
    given: dict[str, Decimal] = {}
    for r in range(hrow + 1, len(rows)):
        raw_code = rd.cell_value(sheet, rows, r, cols["code"])
        value = rd.cell_value(sheet, rows, r, cols["score"])
        ref = cell_name(r, cols["score"])
        if is_blank(raw_code):
            if not is_blank(value):
                rd.add(
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
            if not is_blank(value):
                rd.add(
                    "warning",
                    "unknown-code",
                    f"{shown(clean_text(raw_code), quote=False)} ไม่ใช่รหัสของเกณฑ์ปี {fw.year} จึงไม่ใช้คะแนนนี้",
                    f"{shown(clean_text(raw_code), quote=False)} is not a code of the FY{fw.year} method, so this score is not used",
                    f"{sheet}!{cell_name(r, cols['code'])}",
                )
            continue
        if is_blank(value):
            continue
        if code in given:
            rd.add(
                "error",
                "duplicate-score",
                f"มีคะแนนของ {code} ซ้ำ (อีกช่องอยู่ที่ {rd.locations[code]}); ลบแถวที่ซ้ำ",
                f"{code} has two scores (also at {rd.locations[code]}); delete one",
                f"{sheet}!{ref}",
            )
            continue
        number = rd.number(sheet, ref, value, "คะแนน", "score", Decimal(0), HUNDRED)
        if number is not None:
            given[code] = number
            rd.locations[code] = f"{sheet}!{ref}"
    return given


def _score_code(value: object) -> str:
    """Return a scores-sheet code normalised: "รวม"/"Total" -> total, "IIT", "๙.๒" -> "9.2", "O12" -> "o12"."""
    key = S.norm(value)
    if key in ("รวม", "คะแนนรวม", "ita", S.TOTAL):
        return S.TOTAL
    return key
