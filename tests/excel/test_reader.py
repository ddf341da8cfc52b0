"""The reader: what staff type is understood, and every problem is named with its cell."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from ita_xl.errors import InputError
from ita_xl.excel import sheets as S
from ita_xl.excel.read import read_office
from ita_xl.framework import load
from tests.excel import (
    CODE_ROW,
    FIRST,
    answer,
    codes,
    mark_oit,
    row_of,
    save,
    set_office,
    set_score,
    template,
)


def where(reading, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.where for p in reading.problems if p.code == code]


def test_reads_answers_by_label_and_counts_respondents(tmp_path: Path) -> None:
    wb = template(tmp_path)
    answer(wb, "IIT", 0, "i1", "มากที่สุด")
    answer(wb, "IIT", 0, "i4.1", "ไม่มี")
    answer(wb, "IIT", 2, "i1", "น้อย")  # respondent 2; row 1 left empty
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    survey = reading.data.surveys["IIT"]
    assert survey.respondents == 2
    assert survey.columns["i1"] == [0, 2]
    assert survey.columns["i4.1"] == [1, None]
    assert "EIT" not in reading.data.surveys
    assert reading.framework.year == 2566
    assert reading.data.office.name == "สพป.ทดสอบ"
    assert reading.data.source.endswith("w.xlsx")
    assert [p for p in reading.problems if p.severity == "error"] == []


def test_tolerates_spaces_thai_digits_percent_notes_and_reordered_columns(tmp_path: Path) -> None:
    wb = template(tmp_path)
    ws = wb["IIT"]
    cols = codes(ws)
    # Swap the columns of i1 and i2 (header and all), as someone pasting a form export might.
    a, b = cols["i1"], cols["i2"]
    ws.cell(CODE_ROW, a, "i2")
    ws.cell(CODE_ROW, b, " I1 ")
    ws.cell(FIRST, a, "  มาก ")  # i2
    ws.cell(FIRST, b, "น้อยที่สุด หรือ ไม่มีเลย")  # i1, with inner spaces
    ws.cell(FIRST, cols["note"], "ผู้ตอบเขียนความเห็นเพิ่ม")
    ws.cell(FIRST + 1, cols["note"], "แถวนี้มีแต่หมายเหตุ")  # not a respondent
    ws.cell(CODE_ROW, ws.max_column + 1, "ความเห็นอื่น ๆ")  # a trailing notes column
    set_score(wb, "3", "๙๙.๕๑")
    set_score(wb, "9", " 97.5% ")
    set_score(wb, "9.2", 0.875)  # a percentage-formatted cell
    set_score(wb, "total", 98.9)
    set_office(wb, "report_date", "๑๐ เมษายน ๒๕๖๖")
    set_office(wb, "year", "๒๕๖๖")
    set_office(wb, "thai_digits", "อารบิก")
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    survey = reading.data.surveys["IIT"]
    assert survey.respondents == 1
    assert survey.columns["i1"] == [3] and survey.columns["i2"] == [1]
    assert reading.data.given == {"3": D("99.51"), "9": D("97.5"), "9.2": D("87.5"), "total": D("98.9")}
    assert where(reading, "percent-cell") == [reading.data.locations["9.2"]]
    assert reading.data.office.report_date == date(2023, 4, 10)
    assert reading.data.office.year == 2566 and reading.data.office.thai_digits is False
    assert [p for p in reading.problems if p.severity == "error"] == []


def test_locations_point_at_score_and_year_cells(tmp_path: Path) -> None:
    wb = template(tmp_path)
    cell = set_score(wb, "IIT", 98.75)
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    assert reading.data.locations["IIT"] == f"{S.SCORES}!{cell}"
    ws = wb[S.OFFICE]
    assert reading.data.locations["year"] == f"{S.OFFICE}!B{row_of(ws, 'year', 'field')}"


def test_answer_outside_the_scale_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    wb = template(tmp_path)
    cell = answer(wb, "EIT", 0, "e2", "มากๆ")
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    (problem,) = [p for p in reading.problems if p.code == "bad-answer"]
    assert problem.severity == "error"
    assert problem.where == f"EIT!{cell}"
    assert problem.th == '"มากๆ" ไม่ใช่คำตอบของข้อนี้ (e2); ต้องเป็น มากที่สุด, มาก, น้อย, น้อยที่สุดหรือไม่มีเลย'
    assert "expected one of มากที่สุด, มาก, น้อย, น้อยที่สุดหรือไม่มีเลย" in problem.en


def test_scores_outside_0_100_or_text_are_errors(tmp_path: Path) -> None:
    wb = template(tmp_path)
    high = set_score(wb, "1", 101)
    text = set_score(wb, "2", "ดีมาก")
    negative = set_score(wb, "o3", -5)
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    assert where(reading, "out-of-range") == [f"{S.SCORES}!{high}", f"{S.SCORES}!{negative}"]
    assert where(reading, "not-number") == [f"{S.SCORES}!{text}"]
    assert reading.data.given == {}


def test_formula_without_a_cached_value_is_an_error(tmp_path: Path) -> None:
    wb = template(tmp_path)
    cell = set_score(wb, "IIT", "=AVERAGE(C5:C9)")  # openpyxl stores no calculated value
    iit = answer(wb, "IIT", 0, "i1", '=IF(1,"มาก","")')
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    assert set(where(reading, "formula-no-value")) == {f"{S.SCORES}!{cell}", f"IIT!{iit}"}
    assert all(p.severity == "error" for p in reading.problems if p.code == "formula-no-value")


def test_oit_marked_published_without_url_is_a_warning(tmp_path: Path) -> None:
    wb = template(tmp_path)
    mark_oit(wb, "o1", "มี", "https://example.go.th/o1")
    mark_oit(wb, "o2", "มี")
    mark_oit(wb, "o3", "ไม่มี")
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    row = row_of(wb[S.OIT], "o2")
    (problem,) = [p for p in reading.problems if p.code == "no-url"]
    assert (problem.severity, problem.where) == ("warning", f"OIT!E{row}")
    oit = reading.data.oit
    assert oit["o1"].published and oit["o1"].url == "https://example.go.th/o1"
    assert oit["o3"].published is False and oit["o4"].published is None


def test_blank_oit_sheet_gives_no_checklist(tmp_path: Path) -> None:
    wb = template(tmp_path)
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    assert reading.data.oit == {}


def test_missing_office_sheet_is_an_error_naming_it(tmp_path: Path) -> None:
    wb = template(tmp_path)
    del wb[S.OFFICE]
    set_score(wb, "IIT", 90)
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    (problem,) = [p for p in reading.problems if p.code == "missing-sheet"]
    assert problem.severity == "error" and problem.where == S.OFFICE
    assert S.OFFICE in problem.th and "ita-xl new" in problem.en


def test_a_workbook_without_any_ita_sheet_raises(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "hello"
    with pytest.raises(InputError) as info:
        read_office(save(wb, tmp_path / "other.xlsx"))
    assert "ita-xl new" in info.value.en and "other.xlsx" in info.value.message("en")


def test_a_text_file_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_office(path)


def test_framework_from_argument_year_or_workbook(tmp_path: Path) -> None:
    wb = template(tmp_path, year=2565)
    path = save(wb, tmp_path / "w.xlsx")
    assert read_office(path).framework.year == 2565
    assert read_office(path, year=2566).framework.year == 2566
    assert read_office(path, framework=load(year=2566)).framework.year == 2566


def test_history_and_measures(tmp_path: Path) -> None:
    wb = template(tmp_path, year=2565)
    hist = wb[S.HISTORY]
    cols = codes(hist)
    hist.cell(FIRST, cols["year"], "๒๕๖๓")
    hist.cell(FIRST, cols["total"], 81.85)
    hist.cell(FIRST + 2, cols["year"], 2564)
    hist.cell(FIRST + 2, cols["total"], "99.34")
    hist.cell(FIRST + 2, cols["3"], 99.1)
    meas = wb[S.MEASURES]
    cols = codes(meas)
    meas.cell(FIRST, cols["kind"], "จุดแข็ง")
    meas.cell(FIRST, cols["addresses"], "รักษาคะแนนตัวชี้วัดที่ ๑๐")
    meas.cell(FIRST, cols["codes"], "๑๐, 9.1 - 9.3")
    meas.cell(FIRST + 1, cols["addresses"], "เผยแพร่รายงานประจำปี")
    meas.cell(FIRST + 1, cols["codes"], "i1-i3, ข้อ o12, x99")
    meas.cell(FIRST + 1, cols["responsible"], "กลุ่มนโยบายและแผน")
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    assert [(h.year, h.total, h.indicators) for h in reading.data.history] == [
        (2563, D("81.85"), {}),
        (2564, D("99.34"), {"3": D("99.1")}),
    ]
    first, second = reading.data.measures
    assert (first.kind, first.codes) == ("strength", ("10", "9.1", "9.2", "9.3"))
    assert (second.kind, second.codes) == ("weakness", ("i1", "i2", "i3", "o12", "x99"))
    assert second.responsible == "กลุ่มนโยบายและแผน"
    assert where(reading, "unknown-code") == [f"{S.MEASURES}!C{FIRST + 1}"]


def test_bad_answers_are_listed_row_by_row(tmp_path: Path) -> None:
    # Answers are read column by column; the findings still come in reading order, as staff scan the sheet.
    wb = template(tmp_path)
    late_column = answer(wb, "IIT", 0, "i3", "มากๆ")
    answer(wb, "IIT", 0, "i1", "มากที่สุด")
    early_column = answer(wb, "IIT", 1, "i1", "ไม่รู้")
    first_row_early = answer(wb, "IIT", 0, "i2", "เยอะ")
    reading = read_office(save(wb, tmp_path / "w.xlsx"))
    assert where(reading, "bad-answer") == [f"IIT!{c}" for c in (first_row_early, late_column, early_column)]
    assert reading.data.surveys["IIT"].columns["i1"] == [0, None]
