"""`ita-xl check`: every planted mistake is reported with its cell; exit codes 0, 1 and 2."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from ita_xl.framework import load
from tests.excel import FIRST, answer, codes, mark_oit, save, set_office, set_score, template


def clean_workbook(tmp_path: Path) -> openpyxl.Workbook:
    """Return a template filled with 30 IIT and 30 EIT respondents and a complete OIT checklist."""
    fw = load(year=2566)
    wb = template(tmp_path)
    rng = random.Random(7)
    for tool in ("IIT", "EIT"):
        for n in range(30):
            for st in fw.statements(tool):
                answer(wb, tool, n, st.code, rng.choice(fw.scales[st.scale].labels))
    for code, item in fw.items.items():
        if item.tool == "OIT":
            mark_oit(wb, code, "มี", f"https://example.go.th/{code}")
    return wb


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_clean_workbook_exits_0(tmp_path: Path) -> None:
    path = save(clean_workbook(tmp_path), tmp_path / "clean.xlsx")
    code, output = run("check", str(path))
    assert code == 0, output
    assert "ไม่พบข้อผิดพลาด" in output


def test_a_dozen_planted_mistakes_are_each_reported_with_their_cell(tmp_path: Path) -> None:
    wb = clean_workbook(tmp_path)
    planted = {
        f"IIT!{answer(wb, 'IIT', 3, 'i2', 'มากๆ')}": '"มากๆ"',
        f"IIT!{answer(wb, 'IIT', 5, 'i4.1', 'มาก')}": "มี, ไม่มี",
        f"EIT!{answer(wb, 'EIT', 20, 'e7', 'ใช่')}": '"ใช่"',
        f"EIT!{answer(wb, 'EIT', 1, 'e3', '=A1')}": "Excel",
        f"OIT!{mark_oit(wb, 'o5', 'มีแล้ว')}": '"มีแล้ว"',
        f"{S.SCORES}!{set_score(wb, '3', 'เก้าสิบ')}": '"เก้าสิบ"',
        f"{S.SCORES}!{set_score(wb, '9.1', 120)}": "0-100",
        f"{S.OFFICE}!{set_office(wb, 'report_date', 'พรุ่งนี้')}": '"พรุ่งนี้"',
        f"{S.OFFICE}!{set_office(wb, 'thai_digits', 'จีน')}": "อารบิก",
        f"{S.OFFICE}!{set_office(wb, 'national_mean', '98,32,1')}": "0-100",
    }
    hist = wb[S.HISTORY]
    cols = codes(hist)
    hist.cell(FIRST, cols["year"], "ปีที่แล้ว")
    hist.cell(FIRST, cols["total"], 90)
    hist.cell(FIRST + 1, cols["year"], 2564)
    hist.cell(FIRST + 1, cols["total"], 101)
    planted[f"{S.HISTORY}!A{FIRST}"] = '"ปีที่แล้ว"'
    planted[f"{S.HISTORY}!B{FIRST + 1}"] = "101"
    meas = wb[S.MEASURES]
    cols = codes(meas)
    meas.cell(FIRST, cols["kind"], "ปานกลาง")
    meas.cell(FIRST, cols["addresses"], "ทดสอบ")
    planted[f"{S.MEASURES}!A{FIRST}"] = '"ปานกลาง"'
    path = save(wb, tmp_path / "mistakes.xlsx")

    code, output = run("check", str(path))
    assert code == 1, output
    errors, _, _warnings = output.partition("คำเตือน")
    lines = errors.splitlines()
    assert lines[0] == f"ข้อผิดพลาด ({len(planted)}):"
    for where, fragment in planted.items():
        hits = [line for line in lines if line.strip().startswith(f"{where}:")]
        assert len(hits) == 1, (where, output)
        assert fragment in hits[0], (where, hits[0])


def test_warning_for_published_item_without_url_does_not_fail(tmp_path: Path) -> None:
    wb = clean_workbook(tmp_path)
    cell = mark_oit(wb, "o7", "มี", "")
    path = save(wb, tmp_path / "w.xlsx")
    code, output = run("check", str(path), "--lang", "en")
    assert code == 0, output
    assert f"OIT!E{cell[1:]}: o7 is marked มี (published) but has no evidence URL" in output


def test_usage_problems_exit_2(tmp_path: Path) -> None:
    assert run("check")[0] == 2
    path = save(clean_workbook(tmp_path), tmp_path / "clean.xlsx")
    assert run("check", str(path), "--lang", "fr")[0] == 2
    assert run("new", str(tmp_path / "x.txt"))[0] == 2


def test_unreadable_file_exits_1_with_the_file_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    code, output = run("check", str(path), "--lang", "en")
    assert code == 1
    assert "broken.xlsx" in output
