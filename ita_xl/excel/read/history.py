"""The history sheet (ประวัติ): past fiscal years' totals and indicator scores, for the trend."""

from __future__ import annotations

from decimal import Decimal

from ita_xl.excel import sheets as S
from ita_xl.excel.read.cells import HUNDRED, cell_name, is_blank
from ita_xl.excel.read.workbook import WorkbookReader
from ita_xl.model import HistoryEntry


def history_entries(rd: WorkbookReader) -> tuple[HistoryEntry, ...]:
    """Return the past years' totals (and indicator scores) of the history sheet, oldest first."""
    found = rd.sheet(S.HISTORY)
    if found is None:
        return ()
    sheet, rows = found
    header = rd.header(sheet, rows, {c.code for c in S.HISTORY_COLUMNS}, S.ALIASES[S.HISTORY])
    if header is None or "year" not in header[1] or "total" not in header[1]:
        if any(not is_blank(v) for row in rows for v in row):
            rd.no_header(sheet, "year, total")
        return ()
    hrow, cols = header
    entries: dict[int, HistoryEntry] = {}
    for r in range(hrow + 1, len(rows)):
        year_raw = rd.cell_value(sheet, rows, r, cols["year"])
        total_raw = rd.cell_value(sheet, rows, r, cols["total"])
        indicator_raw = {
            k: rd.cell_value(sheet, rows, r, c) for k, c in cols.items() if k not in ("year", "total", "note")
        }
        if is_blank(total_raw) and all(is_blank(v) for v in indicator_raw.values()):
            continue
        year = None
        if is_blank(year_raw):
            rd.add(
                "error",
                "no-year",
                "มีคะแนนแต่ไม่มีปีงบประมาณ; ใส่ปี พ.ศ. เช่น 2564",
                "a score with no fiscal year; type the BE year, e.g. 2564",
                f"{sheet}!{cell_name(r, cols['year'])}",
            )
        else:
            year = rd.year_value(sheet, cell_name(r, cols["year"]), year_raw)
        if is_blank(total_raw):
            rd.add(
                "warning",
                "no-total",
                "แถวนี้ไม่มีคะแนนรวม จึงไม่นำมาแสดงในพัฒนาการ; ใส่คะแนนรวมของปีนั้น",
                "this row has no total, so it is left out of the trend; type that year's total",
                f"{sheet}!{cell_name(r, cols['total'])}",
            )
            continue
        total = rd.number(sheet, cell_name(r, cols["total"]), total_raw, "คะแนน", "score", Decimal(0), HUNDRED)
        indicators = {}
        for k, v in indicator_raw.items():
            if not is_blank(v):
                n = rd.number(sheet, cell_name(r, cols[k]), v, "คะแนน", "score", Decimal(0), HUNDRED)
                if n is not None:
                    indicators[k] = n
        if year is None or total is None:
            continue
        if year in entries:
            rd.add(
                "error",
                "duplicate-year",
                f"ปี {year} มีมากกว่าหนึ่งแถว; ลบแถวที่ซ้ำ",
                f"year {year} appears in more than one row; delete one",
                f"{sheet}!{cell_name(r, cols['year'])}",
            )
            continue
        entries[year] = HistoryEntry(year, total, indicators)
    return tuple(entries[y] for y in sorted(entries))
