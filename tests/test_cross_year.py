"""The chain across years: a FY2569 office with history 2565-2568 builds, each past year read with its own rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from ita_xl.excel.analysis_book import HISTORY as HISTORY_SHEET
from ita_xl.thai import thai_digits
from tests.excel import FIRST, codes, save, set_office, set_score, template

INDICATORS_2568 = ("98.0", "96.5", "97.8", "98.4", "97.3", "85.9", "83.2", "85.3", "99.6", "100")
INDICATORS_2567 = ("96.0", "94.2", "95.5", "95.8", "94.0", "88.1", "85.6", "87.3", "89.0", "100")
# year, total, indicators: what each year's own method makes of it
HISTORY: list[tuple[int, float, tuple[str, ...]]] = [
    (2565, 93.12, ()),  # AA-F: A
    (2566, 84.20, ()),  # AA-F: B
    (2567, 92.43, INDICATORS_2567),  # rating: every tool of 2567 >= 85 -> ผ่านดี
    (2568, 94.64, INDICATORS_2568),  # rating: EIT (84.80) < 85 -> ผ่าน
]
LEVELS = {2565: "A", 2566: "B", 2567: "ผ่านดี", 2568: "ผ่าน", 2569: "ผ่านดีเยี่ยม"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("chain")
    wb = template(folder, 2569)
    set_office(wb, "year", 2569)
    this_year = {"total": 97.5, "IIT": 97.0, "EIT": 96.0, "OIT": 99.0, "9": 98.0, "10": 100.0}
    this_year |= {str(n): 97.0 for n in range(1, 6)} | {str(n): 96.0 for n in range(6, 9)}
    for code, value in this_year.items():
        set_score(wb, code, value)
    ws = wb[S.HISTORY]
    col = codes(ws)
    for n, (year, total, indicators) in enumerate(HISTORY):
        ws.cell(FIRST + n, col["year"], year)
        ws.cell(FIRST + n, col["total"], total)
        for code, value in zip(map(str, range(1, 11)), indicators, strict=False):
            ws.cell(FIRST + n, col[code], float(value))
    path = save(wb, folder / "office-2569.xlsx")
    runner = CliRunner()
    scored = runner.invoke(cli, ["score", str(path)])
    assert scored.exit_code == 0, scored.stderr
    out = folder / "out"
    res = runner.invoke(cli, ["build", str(path), "-o", str(out)])
    assert res.exit_code == 0, res.stderr
    return {"json": json.loads(scored.stdout), "report": out / "office-2569-report.docx", "book": out}


def test_each_history_row_is_read_with_its_own_years_rules(built: dict[str, Any]) -> None:
    history = built["json"]["history"]
    assert [(h["year"], h["level"]) for h in history] == list(LEVELS.items())
    assert [h["difference"] for h in history] == [None, -8.92, 8.23, 2.21, 2.86]


def test_report_compares_with_earlier_years(built: dict[str, Any]) -> None:
    doc = docx.Document(str(built["report"]))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("ปีงบประมาณ"))
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[0] for r in rows] == [thai_digits(str(y)) for y in LEVELS]
    assert [r[2] for r in rows] == list(LEVELS.values())
    assert rows[0][4] == "-" and rows[1][3] == "ลดลง"
    text = "\n".join(p.text for p in doc.paragraphs).replace("\xa0", " ")
    assert thai_digits("ผลการประเมินปีงบประมาณ พ.ศ. 2568 มีจุดอ่อน") in text  # last year's indicators followed up
    loop = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("ตัวชี้วัด\n(จุดอ่อนปี"))
    first = [c.text.replace("\xa0", " ") for c in loop.rows[1].cells]
    assert first[:3] == ["ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", "๙๘.๐๐", "๙๗.๐๐"]


def test_analysis_workbook_shows_each_years_level(built: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(built["book"] / "office-2569-analysis.xlsx", data_only=True)
    ws = wb[HISTORY_SHEET]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[-1]) for r in rows] == [(y, LEVELS[y]) for y in (2565, 2566, 2567, 2568)]


def test_a_past_rating_year_without_its_indicators_says_what_the_total_tells(tmp_path: Path) -> None:
    wb = template(tmp_path, 2569)
    set_office(wb, "year", 2569)
    for code, value in (("total", 90), ("IIT", 90), ("EIT", 90), ("OIT", 90)):
        set_score(wb, code, value)
    ws = wb[S.HISTORY]
    col = codes(ws)
    ws.cell(FIRST, col["year"], 2568)
    ws.cell(FIRST, col["total"], 91.5)
    path = save(wb, tmp_path / "o.xlsx")
    res = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "out"), "--no-charts"])
    assert res.exit_code == 0, res.stderr
    doc = docx.Document(str(tmp_path / "out" / "o-report.docx"))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("ปีงบประมาณ"))
    assert [c.text for c in table.rows[1].cells][2] == "ผ่าน ขึ้นไป"  # ผ่านดี needs tool scores not given


def test_appendix_of_a_rating_year_gives_the_total_its_label(built: dict[str, Any]) -> None:
    doc = docx.Document(str(built["report"]))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "รายการ")
    total = [c.text for c in table.rows[1].cells]
    assert total[1:] == ["๙๗.๕๐", "ผ่านดีเยี่ยม"]  # not the AA-F grade of the indicators
