"""Figures that agree: a total from typed rounded parts is flagged; weighted contributions add up to the total."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.framework import load
from ita_xl.model import OfficeInput
from ita_xl.scoring import score
from tests.excel import save, set_office, set_score, template

FW = load(2569)
# Ten indicators as an office types them from its published results (each already rounded to 0.01).
INDICATORS = {
    "1": "84.12",
    "2": "79.33",
    "3": "86.41",
    "4": "82.07",
    "5": "78.95",
    "6": "81.26",
    "7": "77.43",
    "8": "80.18",
    "9": "83.33",
    "10": "79.17",
}


def given(extra: dict[str, str] | None = None) -> OfficeInput:
    return OfficeInput(given={k: D(v) for k, v in {**INDICATORS, **(extra or {})}.items()})


def test_total_from_typed_parts_warns_and_asks_for_the_official_total() -> None:
    r = score(FW, given())
    assert r.total is not None and r.total.shown == D("81.03")
    [warning] = [f for f in r.findings if f.code == "total-from-rounded"]
    assert warning.severity == "warning"
    assert "81.0398" in warning.message("th") and "81.03" in warning.message("th")
    assert "ผลคะแนน" in warning.message("th") and "total" in warning.message("en")
    assert "0.01" in warning.message("en")


def test_the_official_total_wins_without_a_warning() -> None:
    # NACC computes from unrounded parts: its 81.04 is a hundredth above what the rounded parts give
    r = score(FW, given({"total": "81.04"}))
    assert r.total is not None and r.total.shown == D("81.04") and r.total.given
    assert not [f for f in r.findings if f.code in ("total-from-rounded", "consistency")]


def test_raw_answers_need_no_such_warning() -> None:
    r = score(FW, OfficeInput(given={"IIT": D(90), "EIT": D(90), "OIT": D(90), "total": D(90)}))
    assert not [f for f in r.findings if f.code == "total-from-rounded"]


def test_weighted_contributions_add_up_to_the_total_before_truncation() -> None:
    # the seed office: 98.75, 99.28, 98.75 shown as 29.63 + 29.78 + 39.50 = 98.91 beside a total of 98.90
    r = score(load(2565), OfficeInput(given={"IIT": D("98.75"), "EIT": D("99.28"), "OIT": D("98.75")}))
    weighted = {c: t.weighted for c, t in r.tools.items()}
    assert weighted == {"IIT": D("29.6250"), "EIT": D("29.7840"), "OIT": D("39.5000")}
    assert r.total is not None and r.total.shown == D("98.90")
    assert sum(w for w in weighted.values() if w is not None) == D("98.9090")


def test_json_and_workbook_show_contributions_that_add_up(tmp_path: Path) -> None:
    wb = template(tmp_path, 2569)
    set_office(wb, "year", 2569)
    for code, value in (("IIT", 96.85), ("EIT", 84.62), ("OIT", 98.33)):
        set_score(wb, code, value)
    path = save(wb, tmp_path / "office.xlsx")
    result = CliRunner().invoke(cli, ["score", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    parts = [data["details"][t]["weighted"] for t in ("IIT", "EIT", "OIT")]
    assert parts == [29.055, 25.386, 39.332] and data["total"] == 93.77
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "out"), "--no-charts"])
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(tmp_path / "out" / "office-analysis.xlsx", data_only=True)["สรุปผล"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=6, max_row=9, values_only=True)}
    assert [rows[t][4] for t in ("IIT", "EIT", "OIT")] == [29.055, 25.386, 39.332]
    assert rows["รวม"][4] == 93.773 and rows["รวม"][2] == 93.77
    assert ws.cell(6, 5).number_format == "0.0000"
