"""Findings that repeat down a column are told once, with the cells and how many."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.grouping import column_ranges, group_findings
from ita_xl.result import Finding
from tests.excel import answer, save
from tests.excel.test_check import clean_workbook


def bad(where: str, text: str = '"x" ไม่ใช่คำตอบของข้อนี้ (i1)') -> Finding:
    return Finding("error", "bad-answer", text, "not an answer", where)


def test_a_column_of_the_same_problem_is_one_group_with_its_range_and_count() -> None:
    findings = [bad(f"IIT!E{r}") for r in range(3, 208)]
    (group,) = group_findings(findings)
    assert group.where == "IIT!E3:E207"
    assert group.cells == 205
    assert group.message("th") == 'IIT!E3:E207 (205 ช่อง): "x" ไม่ใช่คำตอบของข้อนี้ (i1)'
    assert group.message("en") == "IIT!E3:E207 (205 cells): not an answer"


def test_different_columns_messages_and_sheets_stay_apart_in_first_seen_order() -> None:
    findings = [
        bad("IIT!E3"),
        bad("IIT!F3"),
        bad("IIT!E4"),
        bad("EIT!E3"),
        bad("IIT!E5", '"y" ไม่ใช่คำตอบของข้อนี้ (i1)'),
        Finding("warning", "few-respondents", "มีผู้ตอบน้อย", "few", "IIT"),
        Finding("warning", "bad-answer", '"x" ไม่ใช่คำตอบของข้อนี้ (i1)', "not an answer", "IIT!E6"),
    ]
    groups = group_findings(findings)
    assert [(g.where, g.cells) for g in groups] == [
        ("IIT!E3:E4", 2),
        ("IIT!F3", 1),
        ("EIT!E3", 1),
        ("IIT!E5", 1),
        ("IIT", 1),
        ("IIT!E6", 1),
    ]
    assert groups[1].message("th") == findings[1].message("th")  # a single cell reads as before
    assert groups[4].message("en") == "IIT: few"


def test_ranges_are_short_and_stop_after_a_few() -> None:
    assert column_ranges("E", [9, 3, 4, 5]) == "E3:E5, E9"
    assert column_ranges("AB", [1, 3, 5, 7, 9, 11]) == "AB1, AB3, AB5, AB7, …"


def test_check_prints_one_line_for_a_column_of_typed_answers(tmp_path: Path) -> None:
    wb = clean_workbook(tmp_path)
    cells = [answer(wb, "IIT", n, "i2", "มากๆ") for n in range(25)]
    path = save(wb, tmp_path / "typed.xlsx")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if '"มากๆ"' in line]
    assert lines == [
        f'  IIT!{cells[0]}:{cells[-1]} (25 ช่อง): "มากๆ" ไม่ใช่คำตอบของข้อนี้ (i2); ' + lines[0].split("; ", 1)[1]
    ]
    assert result.output.startswith("ข้อผิดพลาด (25):")
