"""The measures sheet's follow-up columns: read with their cells, checked, and optional in older workbooks."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl

from ita_xl.excel import sheets as S
from ita_xl.excel.read import read_office
from ita_xl.excel.read.progress import status_code
from ita_xl.model import Progress
from tests.excel import FIRST, codes, save, template


def measure_row(wb: openpyxl.Workbook, n: int, **values: Any) -> None:
    """Write one measures row (``n`` from 0) from column codes to values."""
    ws = wb[S.MEASURES]
    cols = codes(ws)
    for key, value in {"kind": "จุดอ่อน", "addresses": f"มาตรการ {n + 1}", **values}.items():
        ws.cell(FIRST + n, cols[key], value)


def test_progress_read_from_the_follow_up_columns(tmp_path: Path) -> None:
    wb = template(tmp_path)
    measure_row(
        wb,
        0,
        result="ประชุมแล้ว",
        status="ดำเนินการแล้วเสร็จ",
        percent=100,
        evidence="https://example.go.th/m1",
        progress_date=datetime(2023, 3, 20),
        problems="ติดภารกิจ",
        suggestions="ประชุมออนไลน์",
    )
    measure_row(wb, 1, status="อยู่ระหว่าง ดำเนินการ", percent="๖๐%", progress_date="๕ ก.พ. 2566")
    measure_row(wb, 2, status="แล้วเสร็จ", percent=0.75, evidence="https://example.go.th/m3")
    measure_row(wb, 3)
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    ms = reading.data.measures
    assert ms[0].progress == Progress(
        "ประชุมแล้ว", "done", D(100), "https://example.go.th/m1", date(2023, 3, 20), "ติดภารกิจ", "ประชุมออนไลน์"
    )
    assert ms[1].progress.status == "in_progress" and ms[1].progress.percent == D(60)
    assert ms[2].progress.status == "done" and ms[2].progress.percent == D(75)  # a percent-formatted cell
    assert ms[3].progress == Progress() and not ms[3].progress.recorded
    codes_found = {p.code: p.where for p in reading.problems}
    assert ms[1].progress.date == date(2023, 2, 5)  # "๕ ก.พ. 2566": a short month name, Thai digits, BE year
    assert "not-date" not in codes_found
    assert codes_found["status-percent"].startswith(f"{S.MEASURES}!")  # done but 75 percent


def test_bad_status_and_percent_named_with_their_cells(tmp_path: Path) -> None:
    wb = template(tmp_path)
    measure_row(wb, 0, status="เกือบเสร็จ", percent=120)
    measure_row(wb, 1, status="ดำเนินการแล้วเสร็จ")
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    cols = codes(wb[S.MEASURES])
    letter = {k: openpyxl.utils.get_column_letter(c) for k, c in cols.items()}
    found = {(p.severity, p.code, p.where) for p in reading.problems}
    assert ("error", "bad-choice", f"{S.MEASURES}!{letter['status']}{FIRST}") in found
    assert ("error", "out-of-range", f"{S.MEASURES}!{letter['percent']}{FIRST}") in found
    assert ("warning", "no-evidence", f"{S.MEASURES}!{letter['status']}{FIRST + 1}") in found


def test_older_workbook_without_follow_up_columns_still_reads(tmp_path: Path) -> None:
    wb = template(tmp_path)
    measure_row(wb, 0, steps="ประชุม", responsible="กลุ่มอำนวยการ")
    ws = wb[S.MEASURES]
    first = codes(ws)[S.PROGRESS_COLUMNS[0].code]
    ws.delete_cols(first, len(S.PROGRESS_COLUMNS))
    reading = read_office(save(wb, tmp_path / "old.xlsx"))
    assert [m.addresses for m in reading.data.measures] == ["มาตรการ 1"]
    assert reading.data.measures[0].progress == Progress()
    assert not [p for p in reading.problems if p.severity == "error"]


def test_status_words() -> None:
    assert status_code("ดำเนินการแล้วเสร็จ") == "done"
    assert status_code("Done") == "done"
    assert status_code("ยังไม่ได้ดำเนินการ") == "not_started"
    assert status_code("กำลังดำเนินการ") == "in_progress"
    assert status_code("เกือบเสร็จ") is None
