"""The mistakes of a first day with ita-xl, each answered with a message that says what happened and what to do."""

from __future__ import annotations

from pathlib import Path

import click
import openpyxl
from click.testing import CliRunner
from docx import Document

from ita_xl.cli import cli
from ita_xl.cli_texts import HELP

EXAMPLE_2569 = Path(__file__).resolve().parent.parent / "workbooks" / "example-2569.xlsx"


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), env={"ITA_XL_LANG": ""}, prog_name="ita-xl")


def test_excel_lock_file_is_named_as_such_with_the_workbook_to_use(tmp_path: Path) -> None:
    lock = tmp_path / "~$office-2569.xlsx"
    lock.write_bytes(b"\x05staff" + b" " * 49 + "staff".encode("utf-16-le") + b"\0" * 100)
    th = run("check", str(lock))
    en = run("check", "--lang", "en", str(lock))
    assert th.exit_code == en.exit_code == 1
    assert "ไฟล์ชั่วคราวที่ Excel สร้าง" in th.output and "ใช้ไฟล์ office-2569.xlsx" in th.output
    assert "temporary file Excel keeps" in en.output and "use office-2569.xlsx" in en.output
    assert "CSV" not in th.output + en.output


def test_a_word_document_is_not_called_renamed_when_its_name_says_docx(tmp_path: Path) -> None:
    report = tmp_path / "office-report.docx"
    Document().save(str(report))
    th = run("check", str(report))
    en = run("check", "--lang", "en", str(report))
    assert th.exit_code == en.exit_code == 1
    assert "เป็นไฟล์ Word ไม่ใช่แบบบันทึก Excel" in th.output and "เปลี่ยนชื่อ" not in th.output
    assert "is a Word document, not an Excel workbook" in en.output and "renamed" not in en.output
    renamed = tmp_path / "office.xlsx"
    renamed.write_bytes(report.read_bytes())
    assert "ที่เปลี่ยนชื่อเป็น .xlsx" in run("check", str(renamed)).output


def test_an_xlsx_named_xls_says_to_rename_it_not_a_parser_error(tmp_path: Path) -> None:
    wrong = tmp_path / "office.xls"
    openpyxl.Workbook().save(wrong)
    th = run("check", str(wrong))
    en = run("check", "--lang", "en", str(wrong))
    assert th.exit_code == en.exit_code == 1
    assert "เปลี่ยนชื่อไฟล์ให้ลงท้ายด้วย .xlsx" in th.output and "Calamine" not in th.output
    assert "rename it to end in .xlsx" in en.output and "Calamine" not in en.output


def test_year_mismatch_warning_says_what_to_do() -> None:
    th = run("check", str(EXAMPLE_2569), "--year", "2568")
    en = run("check", "--lang", "en", str(EXAMPLE_2569), "--year", "2568")
    assert "ไม่ตรงกับเกณฑ์ที่ใช้ (2568)" in th.output and "โดยไม่ระบุปี (--year)" in th.output
    assert "run again without --year" in en.output and "framework is" not in en.output


def test_existing_output_is_named_in_thai_too(tmp_path: Path) -> None:
    out = tmp_path / "office-2569.xlsx"
    assert run("new", "--year", "2569", str(out)).exit_code == 0
    again = run("new", "--year", "2569", str(out))
    assert again.exit_code == 2 and f"มีไฟล์ {out} อยู่แล้ว" in again.output
    wrong = run("new", "--year", "2569", str(tmp_path / "office"))
    assert wrong.exit_code == 2 and "ได้รับ" in wrong.output and "office-2569.xlsx" in wrong.output


def test_unquoted_office_name_gets_a_hint_about_quotes(tmp_path: Path) -> None:
    args = ("new", "--year", "2569", "--office", "สพป.", "จันทบุรี", str(tmp_path / "o.xlsx"))
    th = run(*args)
    en = run("--lang", "en", *args)
    assert th.exit_code == en.exit_code == 2
    assert "เครื่องหมายคำพูด" in th.output and "double quotes" in en.output
    assert not list(tmp_path.iterdir())


def test_new_year_help_does_not_speak_of_a_workbook_it_has_not_made() -> None:
    th = run("new", "--help").output
    en = run("--lang", "en", "new", "--help").output
    assert "ปีที่ระบุในแบบบันทึก" not in th and "ita-xl frameworks" in th
    assert "the year the workbook names" not in en and "not provisional" in en


def test_thai_help_wraps_between_words() -> None:
    """Thai has no spaces between words: click breaks a run longer than its column mid-word (ร|ายงาน)."""
    long = {key: run_ for key, (th, _) in HELP.items() for run_ in th.split() if len(run_) > 50}
    assert not long, f"put a space between phrases of these Thai help texts: {long}"


def test_a_number_typed_with_a_comma_shows_what_was_typed_and_a_rank_gets_a_whole_number_example(
    tmp_path: Path,
) -> None:
    book = tmp_path / "office-2569.xlsx"
    assert run("new", "--year", "2569", str(book)).exit_code == 0
    wb = openpyxl.load_workbook(book)
    sheet = wb["ข้อมูลหน่วยงาน"]
    fields = {sheet.cell(r, 4).value: r for r in range(3, sheet.max_row + 1)}
    sheet.cell(fields["national_mean"], 2).value = "88,5"
    sheet.cell(fields["rank"], 2).value = "ที่ 5"
    wb.save(book)
    th = run("check", str(book)).output
    en = run("check", "--lang", "en", str(book)).output
    assert '"88,5" อ่านได้เป็น 885 ซึ่งอยู่นอกช่วง 0-100' in th and "ใช้จุดเป็นจุดทศนิยม เช่น 88.5" in th
    assert '"88,5" reads as 885, which is outside 0-100' in en and "use a point for decimals" in en
    assert '"ที่ 5" ไม่ใช่ตัวเลข; ค่านี้ต้องเป็นตัวเลข 0-1000000 เช่น 12' in th
    assert "e.g. 12" in en and "97.50" not in en.split("ที่ 5")[1].splitlines()[0]


def test_every_argument_is_a_path_so_a_missing_one_is_called_a_file_or_folder() -> None:
    """The Thai for click's "Missing argument" says ชื่อไฟล์หรือโฟลเดอร์, true only while every argument is a path."""
    for name, command in cli.commands.items():
        for param in command.params:
            if isinstance(param, click.Argument):
                assert isinstance(param.type, click.Path), f"{name} {param.name}: reword CLICK_TH['Missing argument']"
    res = run("build")
    assert res.exit_code == 2 and "ไม่ได้ระบุชื่อไฟล์หรือโฟลเดอร์ 'INPUTS...'" in res.output
    assert "อาร์กิวเมนต์" not in res.output


def test_new_says_what_to_do_next(tmp_path: Path) -> None:
    out = tmp_path / "my office.xlsx"
    th = run("new", "--year", "2569", str(out))
    en = run("--lang", "en", "new", "--year", "2569", "--force", str(out))
    assert th.exit_code == en.exit_code == 0
    assert f'ขั้นต่อไป: กรอกใน Excel ตามชีต คำแนะนำ บันทึกเป็น .xlsx แล้วตรวจด้วย ita-xl check "{out}"' in th.output
    assert (
        f'next: fill it in Excel as its คำแนะนำ sheet says, save it as .xlsx, then run ita-xl check "{out}"'
        in en.output
    )


def test_a_rollup_with_no_usable_workbook_writes_no_empty_summary(tmp_path: Path) -> None:
    folder = tmp_path / "offices"
    folder.mkdir()
    (folder / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    out = tmp_path / "summary.xlsx"
    th = run("rollup", str(folder), "-o", str(out), "--report", str(tmp_path / "summary.docx"))
    assert th.exit_code == 1 and not out.exists() and not (tmp_path / "summary.docx").exists()
    assert "ไม่สำเร็จ: " in th.output and f"ไม่ได้เขียน {out}: ไม่มีแบบบันทึกที่ใช้สรุปได้ (ไม่สำเร็จ 1, ข้าม 0)" in th.output
    (folder / "office.xlsx").write_text("not a workbook", encoding="utf-8")
    en = run("--lang", "en", "rollup", str(folder), "-o", str(out))
    assert en.exit_code == 1 and not out.exists()
    assert "failed: " in en.output and "no workbook could be rolled up (2 failed, 0 skipped)" in en.output


def test_old_xls_says_save_as_once_with_where_to_find_it(tmp_path: Path) -> None:
    old = tmp_path / "office.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    th = run("check", str(old)).output
    assert "แล้วบันทึกเป็น เวิร์กบุ๊ก Excel (.xlsx) (ไฟล์ > บันทึกเป็น)" in th and "บันทึกเป็น (บันทึกเป็น" not in th


def test_checking_an_output_of_ita_xl_names_the_workbook_to_use(tmp_path: Path) -> None:
    assert run("build", str(EXAMPLE_2569), "-o", str(tmp_path), "--no-charts").exit_code == 0
    analysis = tmp_path / "example-2569-analysis.xlsx"
    th = run("check", str(analysis))
    en = run("check", "--lang", "en", str(analysis))
    assert th.exit_code == en.exit_code == 1
    assert "เป็นสมุดงานวิเคราะห์ที่ ita-xl เขียน ไม่ใช่แบบบันทึกของหน่วยงาน; ใช้แบบบันทึกที่กรอก (example-2569.xlsx)" in th.output
    assert "is a file ita-xl wrote (analysis), not an office's workbook; use the filled workbook" in en.output
    assert "IIT" not in th.output  # not the sheets it lacks, as if it were a workbook with renamed sheets


def test_a_folder_holding_only_outputs_says_what_it_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "office-analysis.xlsx").write_bytes(b"PK")
    (folder / "~$office.xlsx").write_bytes(b"lock")
    th = run("build", str(folder))
    en = run("--lang", "en", "build", str(folder))
    assert th.exit_code == en.exit_code == 2
    assert "ไม่พบไฟล์ Excel ในโฟลเดอร์นี้ (ข้ามไป 2 ไฟล์: ไฟล์ผลลัพธ์ของ ita-xl หรือไฟล์ชั่วคราว ~$ ของ Excel)" in th.output
    assert (
        "no Excel workbook in this folder (2 skipped: ita-xl's own outputs or Excel's ~$ temporary files)" in en.output
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "ไม่พบไฟล์ Excel ในโฟลเดอร์นี้\n" in run("build", str(empty)).output


def test_a_year_without_a_method_in_the_office_sheet_names_its_cell(tmp_path: Path) -> None:
    book = tmp_path / "office.xlsx"
    wb = openpyxl.load_workbook(EXAMPLE_2569)
    sheet = wb["ข้อมูลหน่วยงาน"]
    row = next(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, 4).value == "year")
    sheet.cell(row, 2).value = 2571
    wb.save(book)
    th = run("check", str(book))
    en = run("check", "--lang", "en", str(book))
    assert th.exit_code == en.exit_code == 1
    assert f"ข้อมูลหน่วยงาน!B{row}: ปีงบประมาณที่ประเมินในช่องนี้คือ 2571" in th.output and "แก้ปีในช่องนี้" in th.output
    assert f"ข้อมูลหน่วยงาน!B{row}: the assessment year in this cell is 2571" in en.output
    assert run("check", str(book), "--year", "2569").exit_code == 0  # a year given on the command line wins
    sheet.cell(row, 2).value = 2066  # a typing slip, read as a CE year: 2609
    wb.save(book)
    th = run("check", str(book)).output
    assert "ปีงบประมาณที่ประเมินในช่องนี้คือ 2609 (2066 ดูเป็นปี ค.ศ. จึงอ่านเป็น พ.ศ. 2609)" in th


def test_an_emptied_year_uses_the_templates_year_and_says_so(tmp_path: Path) -> None:
    book = tmp_path / "office.xlsx"
    wb = openpyxl.load_workbook(EXAMPLE_2569)
    sheet = wb["ข้อมูลหน่วยงาน"]
    row = next(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, 4).value == "year")
    sheet.cell(row, 2).value = None
    wb.save(book)
    th = run("check", str(book))
    en = run("check", "--lang", "en", str(book))
    assert th.exit_code == en.exit_code == 0
    assert f"ข้อมูลหน่วยงาน!B{row}: ไม่ได้กรอกปีงบประมาณในชีต ข้อมูลหน่วยงาน จึงใช้เกณฑ์ปี 2569" in th.output
    assert "so the method of 2569 is used, as the template was made for" in en.output
    assert "year-from-template" not in run("check", str(EXAMPLE_2569)).output  # a filled year: no word of it
    assert "ไม่ได้กรอกปีงบประมาณ" not in run("check", str(book), "--year", "2569").output
