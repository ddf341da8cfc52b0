"""Dates and years in the wrong kind of cell: what is unambiguous is read, the rest named with what the cell holds."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from ita_xl.excel.read import read_office
from ita_xl.excel.read.dates import parse_date_text, read_date, read_year, serial_of
from tests.excel import FIRST, codes, row_of, save, set_office
from tests.test_bad_inputs import make_raw

TYPED = "d/m/yyyy"  # a plain date format, as a cell gets when someone copies a date's format over it
MARCH_29 = date(2024, 3, 29)


# ---- the rules, value by value ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "29/3/2567",
        "29-03-2567",
        "29.3.2024",
        "29 มีนาคม 2567",
        "29 มี.ค. 2567",
        "29 มี.ค.2567",
        "29มี.ค.2567",
        "29 มีค 2567",
        "๒๙ มี.ค. ๒๕๖๗",
        "๒๙ มีนาคม พ.ศ. ๒๕๖๗",
        "วันที่ 29 มีนาคม 2567",
        "วันศุกร์ที่ 29 มีนาคม พ.ศ. 2567",
        "29 มี.ค. ค.ศ. 2024",
        "2024-03-29",
        "2024-03-29 00:00:00",
        "29 March 2024",
        "29 Mar 2024",
        " 29  มีนาคม\u00a02567 ",
        "29/3/2567\u200b",  # what cannot be seen is not part of the date
        "\ufeff29 มี.\u00adค. 2567",
    ],
)
def test_text_dates_staff_type(typed: str) -> None:
    assert parse_date_text(typed) == MARCH_29
    assert read_date(typed).value == MARCH_29


@pytest.mark.parametrize(
    "value",
    [
        45380,  # the serial of 29 March 2024, left by a program that dropped the date format
        45380.0,
        45380.75,  # with a time of day
        "45380",
        D(45380),
        datetime(2024, 3, 29, 18, 0),
        date(2567, 3, 29),  # 29/3/2567 typed in Excel set to the Western calendar: a date in CE 2567
        timedelta(days=45380),  # a duration format
    ],
    ids=repr,
)
def test_dates_stored_as_numbers_or_with_a_buddhist_year(value: Any) -> None:
    assert read_date(value).value == MARCH_29


@pytest.mark.parametrize(
    ("value", "en"),
    [
        (2567, "the cell holds only the year 2567, not a date; type the whole date, e.g. 29/3/2567 or 29 มีนาคม 2567"),
        (
            date(1907, 1, 10),  # 2567 typed into a date-formatted cell
            "the cell holds only the year 2567, not a date; type the whole date, e.g. 29/3/2567 or 29 มีนาคม 2567",
        ),
        (
            97.5,
            "the cell holds the number 97.5, not a date; type day, month and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567",
        ),
        (
            time(12, 0),
            "the cell holds a time of day (12:00), not a date; type day, month and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567",
        ),
        (
            date(1930, 5, 1),
            "the cell holds the date 1 พฤษภาคม 2473, which cannot be this date; check the year and type day, month "
            "and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567",
        ),
        ("29/3/67", '"29/3/67" has a two-digit year; type the BE year in full, e.g. 29/3/2567'),
        ("29 มี.ค. 67", '"29 มี.ค. 67" has a two-digit year; type the BE year in full, e.g. 29/3/2567'),
        ("31/2/2567", '"31/2/2567" is not a date; type day, month and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567'),
        (
            "29 มีนาคม พ.ศ. 2024",
            '"29 มีนาคม พ.ศ. 2024" is not a date; type day, month and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567',
        ),
        (
            "ปลายเดือนมีนาคม",
            '"ปลายเดือนมีนาคม" is not a date; type day, month and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567',
        ),
        (
            "ภายในเดือนมีนาคม" * 10 + "\u200b",
            f'"{("ภายในเดือนมีนาคม" * 4)[:60]}…" is not a date; type day, month and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567',
        ),
        ("9" * 40, f'"{"9" * 40}" is not a date; type day, month and BE year, e.g. 29/3/2567 or 29 มีนาคม 2567'),
    ],
    ids=repr,
)
def test_what_is_no_date_is_named(value: Any, en: str) -> None:
    reading = read_date(value)
    assert reading.value is None
    assert reading.en == en
    assert reading.th


@pytest.mark.parametrize(
    ("value", "year"),
    [
        (2567, 2567),
        (2567.0, 2567),
        ("2567", 2567),
        ("๒๕๖๗", 2567),
        ("พ.ศ. 2567", 2567),
        ("พ.ศ.2567", 2567),
        ("ปีงบประมาณ พ.ศ. ๒๕๖๗", 2567),
        ("ปี 2567", 2567),
        ("2567 (พ.ศ.)", 2567),
        ("ค.ศ. 2024", 2567),
        (2024, 2024),  # a bare CE year stays as typed; the reader reads it as BE with a warning
        (date(1907, 1, 10), 2567),  # 2567 typed into a date-formatted cell
        (timedelta(days=2567), 2567),
    ],
    ids=repr,
)
def test_years_staff_type(value: Any, year: int) -> None:
    assert read_year(value).value == year


@pytest.mark.parametrize(
    ("value", "en"),
    [
        (
            datetime(2024, 3, 29),
            "the cell holds the date 29 มีนาคม 2567, not a year; type the BE year alone, e.g. 2567 (if it turns "
            "into a date, set the cell's format to General or Number (Home > Number Format))",
        ),
        (67, "67 is not a year; type the BE year in four digits, e.g. 2567"),
        (2566.5, "2566.5 is not a year; type the BE year in four digits, e.g. 2567"),
        ("ปีหน้า", '"ปีหน้า" is not a year; type the BE year in four digits, e.g. 2567'),
        ("พ.ศ. 2024", '"พ.ศ. 2024" is not a year; type the BE year in four digits, e.g. 2567'),
    ],
    ids=repr,
)
def test_what_is_no_year_is_named(value: Any, en: str) -> None:
    reading = read_year(value)
    assert reading.value is None
    assert reading.en == en


def test_serials_count_as_excel_counts_them() -> None:
    assert serial_of(date(1900, 1, 1)) == 1
    assert serial_of(date(1900, 3, 1)) == 61
    assert serial_of(date(2024, 3, 29)) == 45380
    assert serial_of(datetime(1900, 4, 6, 12, 0)) == D("97.5")
    assert serial_of(time(6, 0)) == D("0.25")


# ---- in a workbook, through the commands ------------------------------------------------------------


def office_cell(wb: openpyxl.Workbook, key: str) -> openpyxl.cell.Cell:
    ws = wb[S.OFFICE]
    return ws.cell(row_of(ws, key, "field"), codes(ws)["value"])


def check(path: Path) -> tuple[int, str]:
    before = path.read_bytes()
    res = CliRunner().invoke(cli, ["--lang", "en", "check", str(path)])
    assert path.read_bytes() == before
    return res.exit_code, res.output


def test_years_and_dates_in_the_wrong_kind_of_cell_are_read(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(make_raw(tmp_path))
    year = office_cell(wb, "year")
    year.value, year.number_format = 2566, TYPED  # Excel shows 8 January 1907 (2449)
    set_office(wb, "measures_year", "พ.ศ. ๒๕๖๗")
    set_office(wb, "report_date", "๒๙ มี.ค. ๒๕๖๗")
    history = wb[S.HISTORY]
    cols = codes(history)
    history.cell(FIRST, cols["year"], 2565).number_format = TYPED
    history.cell(FIRST, cols["total"], 88.5)
    history.cell(FIRST + 1, cols["year"], "ปีงบประมาณ 2564")
    history.cell(FIRST + 1, cols["total"], 90).number_format = TYPED  # a score typed into a date-formatted cell
    path = save(wb, tmp_path / "dates.xlsx")
    code, output = check(path)
    assert code == 0, output
    reading = read_office(path)
    assert reading.framework.year == 2566
    office = reading.data.office
    assert (office.year, office.measures_year, office.report_date) == (2566, 2567, MARCH_29)
    assert [(h.year, h.total) for h in reading.data.history] == [(2564, D(90)), (2565, D("88.5"))]
    total = f"{S.HISTORY}!{openpyxl.utils.get_column_letter(cols['total'])}{FIRST + 1}"
    assert (
        f"{total}: the cell is formatted as a date, so Excel shows a date, but it is read as the number typed, 90; "
        "if that is right, set the cell's format to General or Number (Home > Number Format)" in output
    )


@pytest.mark.parametrize(
    ("key", "value", "fmt", "en", "th"),
    [
        (
            "report_date",
            2567,
            None,  # the template's own date format: Excel shows 10 มกราคม 2450
            "the cell holds only the year 2567, not a date; type the whole date, e.g. 29/3/2567 or 29 มีนาคม 2567",
            "ช่องนี้มีเพียงปี 2567 ไม่ใช่วันที่; พิมพ์วันที่ให้ครบ เช่น 29/3/2567 หรือ 29 มีนาคม 2567",
        ),
        (
            "report_date",
            "29/3/67",
            None,
            '"29/3/67" has a two-digit year; type the BE year in full, e.g. 29/3/2567',
            '"29/3/67" มีปีเพียงสองหลัก; พิมพ์ปี พ.ศ. ให้ครบสี่หลัก เช่น 29/3/2567',
        ),
        (
            "year",
            datetime(2023, 10, 1),
            TYPED,
            "the cell holds the date 1 ตุลาคม 2566, not a year; type the BE year alone, e.g. 2566 (if it turns into "
            "a date, set the cell's format to General or Number (Home > Number Format))",
            "ช่องนี้มีวันที่ 1 ตุลาคม 2566 ไม่ใช่ปี; พิมพ์เฉพาะปี พ.ศ. เช่น 2566 "
            "(ถ้าพิมพ์แล้วกลายเป็นวันที่ ให้จัดรูปแบบช่องเป็น ทั่วไป หรือ ตัวเลข (หน้าแรก > รูปแบบตัวเลข))",
        ),
        (
            "national_mean",
            datetime(2024, 3, 29),
            TYPED,
            "the cell holds the date 29 มีนาคม 2567, not a number; score must be a number from 0 to 100, e.g. 97.50 "
            "(set the cell's format to General or Number (Home > Number Format), then type it again)",
            "ช่องนี้มีวันที่ 29 มีนาคม 2567 ไม่ใช่ตัวเลข; คะแนนต้องเป็นตัวเลข 0-100 เช่น 97.50 "
            "(จัดรูปแบบช่องเป็น ทั่วไป หรือ ตัวเลข (หน้าแรก > รูปแบบตัวเลข) แล้วพิมพ์ใหม่)",
        ),
    ],
    ids=["year-in-date-field", "two-digit-year", "date-in-year-field", "date-in-score-field"],
)
def test_what_cannot_be_read_is_named_with_its_cell(
    tmp_path: Path, key: str, value: Any, fmt: str | None, en: str, th: str
) -> None:
    wb = openpyxl.load_workbook(make_raw(tmp_path))
    cell = office_cell(wb, key)
    cell.value = value
    if fmt:
        cell.number_format = fmt
    path = save(wb, tmp_path / "bad.xlsx")
    code, output = check(path)
    assert code == 1
    assert f"{S.OFFICE}!{cell.coordinate}: {en}" in output
    thai = CliRunner().invoke(cli, ["--lang", "th", "check", str(path)])
    assert thai.exit_code == 1
    assert f"{S.OFFICE}!{cell.coordinate}: {th}" in thai.output
