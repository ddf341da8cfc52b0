"""Fixture workbooks for the reader and command tests, built in code from a fresh template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.excel import sheets as S
from ita_xl.excel.template import write_template
from ita_xl.framework import load

CODE_ROW = S.CODE_ROW + 1  # 1-based, as openpyxl counts
FIRST = S.FIRST_DATA_ROW + 1


def template(tmp_path: Path, year: int = 2566, office: str | None = "สพป.ทดสอบ") -> openpyxl.Workbook:
    """Return a fresh template of ``year`` opened with openpyxl."""
    path = tmp_path / f"template-{year}.xlsx"
    write_template(load(year=year), path, office=office)
    return openpyxl.load_workbook(path)


def codes(ws: Worksheet) -> dict[str, int]:
    """Return code -> 1-based column from the code row."""
    return {str(c.value): c.column for c in ws[CODE_ROW] if c.value is not None}


def letter(ws: Worksheet, code: str) -> str:
    """Return the column letter of ``code``."""
    return openpyxl.utils.get_column_letter(codes(ws)[code])


def row_of(ws: Worksheet, code: str, column: str = "code") -> int:
    """Return the 1-based row whose ``column`` holds ``code``."""
    col = codes(ws)[column]
    for r in range(FIRST, ws.max_row + 1):
        if str(ws.cell(r, col).value) == code:
            return r
    raise KeyError(code)


def set_office(wb: openpyxl.Workbook, key: str, value: Any) -> str:
    """Write an office-sheet field; return its cell name."""
    ws = wb[S.OFFICE]
    r = row_of(ws, key, "field")
    ws.cell(r, codes(ws)["value"], value)
    return f"{letter(ws, 'value')}{r}"


def set_score(wb: openpyxl.Workbook, code: str, value: Any) -> str:
    """Write a score in the scores sheet; return its cell name."""
    ws = wb[S.SCORES]
    r = row_of(ws, code)
    ws.cell(r, codes(ws)["score"], value)
    return f"{letter(ws, 'score')}{r}"


def answer(wb: openpyxl.Workbook, tool: str, respondent: int, code: str, value: Any) -> str:
    """Write one answer (respondent counted from 0); return its cell name."""
    ws = wb[tool]
    r = FIRST + respondent
    ws.cell(r, codes(ws)[code], value)
    return f"{letter(ws, code)}{r}"


def mark_oit(wb: openpyxl.Workbook, code: str, published: str | None, url: str | None = None) -> str:
    """Mark an OIT item; return the cell name of its published mark."""
    ws = wb[S.OIT]
    r = row_of(ws, code)
    cols = codes(ws)
    ws.cell(r, cols["published"], published)
    if url is not None:
        ws.cell(r, cols["url"], url)
    return f"{letter(ws, 'published')}{r}"


def save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path
