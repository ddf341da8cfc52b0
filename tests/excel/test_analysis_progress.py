"""The analysis workbook's ติดตามมาตรการ sheet: progress per measure, coloured by status, counted by formulas."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ita_xl.excel.analysis import write_analysis
from ita_xl.framework import load
from ita_xl.model import Measure, Progress
from ita_xl.pipeline import Evaluation
from ita_xl.scoring import score
from tests.helpers import reference_input

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
SHEET = "ติดตามมาตรการ"
MEASURES = (
    Measure("ก", progress=Progress("ประชุมแล้ว", "done", None, "https://example.go.th/m1", date(2023, 3, 1))),
    Measure("ข", progress=Progress("ชี้แจงแล้ว", "in_progress", Decimal(40))),
    Measure("ค", progress=Progress(status="not_started")),
    Measure("ง"),
)


def build(tmp_path: Path, measures: tuple[Measure, ...]) -> Path:
    fw = load(2565)
    data = reference_input(measures=measures)
    path = tmp_path / "a.xlsx"
    write_analysis(Evaluation(tmp_path / "x.xlsx", fw, data, score(fw, data)), path)
    return path


def test_rows_statuses_and_percent_formulas(tmp_path: Path) -> None:
    path = build(tmp_path, MEASURES)
    ws = openpyxl.load_workbook(path)[SHEET]
    cached = openpyxl.load_workbook(path, data_only=True)[SHEET]
    assert [ws.cell(r, 5).value for r in range(5, 9)] == [
        "ดำเนินการแล้วเสร็จ",
        "อยู่ระหว่างดำเนินการ",
        "ยังไม่ดำเนินการ",
        "ยังไม่ได้รายงานผล",
    ]
    assert str(ws["F5"].value).startswith("=IF(E5=")  # left blank: follows the status
    assert ws["F6"].value == 40  # typed: kept
    assert [cached.cell(r, 6).value for r in range(5, 9)] == [100, 40, 0, None]
    assert cached["G5"].value == "1 มีนาคม 2566"


def test_counts_and_mean_are_live_formulas_with_cached_values(tmp_path: Path) -> None:
    path = build(tmp_path, MEASURES)
    ws = openpyxl.load_workbook(path)[SHEET]
    cached = openpyxl.load_workbook(path, data_only=True)[SHEET]
    rows = {cached.cell(r, 2).value: r for r in range(9, ws.max_row + 1)}
    done = rows["ดำเนินการแล้วเสร็จ"]
    assert str(ws.cell(done, 3).value).startswith("=COUNTIF($E$5:$E$8")
    counts = {k: cached.cell(r, 3).value for k, r in rows.items() if k}
    assert counts["ดำเนินการแล้วเสร็จ"] == 1 and counts["ยังไม่ได้รายงานผล"] == 1 and counts["รวม"] == 4
    assert cached.cell(done, 4).value == 0.25
    assert abs(cached.cell(rows["ร้อยละความสำเร็จเฉลี่ย"], 3).value - 140 / 3) < 0.01


def test_status_column_coloured_by_status(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(build(tmp_path, MEASURES))[SHEET]
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules if "E5:E8" in str(cf.sqref)]
    values = {f for rule in rules for f in rule.formula}
    assert {'"ดำเนินการแล้วเสร็จ"', '"อยู่ระหว่างดำเนินการ"', '"ยังไม่ดำเนินการ"', '"ยังไม่ได้รายงานผล"'} <= values


def test_no_sheet_for_drafted_measures(tmp_path: Path) -> None:
    assert SHEET not in openpyxl.load_workbook(build(tmp_path, ())).sheetnames
