"""The workbooks as staff print them: A4, fitted to the page width, headings on every page, page numbers, landscape
where wide; Thai rows tall enough; the template's code row quiet but kept, with a note on what it is for."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from ita_xl.excel.xlsx_style import ROW_HEIGHT
from ita_xl.word.pdf import find_soffice
from tests.excel import CODE_ROW, FIRST, codes, template

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder with a template, the example office's analysis workbook and a roll-up workbook."""
    out = tmp_path_factory.mktemp("print")
    sources = [str(ROOT / "workbooks" / name) for name in ("example-2566.xlsx", "chanthaburi2-2565.xlsx")]
    runner = CliRunner()
    assert runner.invoke(cli, ["new", "--year", "2566", str(out / "template.xlsx")]).exit_code == 0
    assert runner.invoke(cli, ["build", *sources, "-o", str(out), "--no-charts", "-j", "1"]).exit_code == 0
    rolled = runner.invoke(cli, ["rollup", *sources, "-o", str(out / "s.xlsx"), "--year", "2566", "-j", "1"])
    assert rolled.exit_code == 0, rolled.output
    return out


def printed(ws: Worksheet) -> bool:
    return ws.sheet_state == "visible"


@pytest.mark.parametrize(
    "name", ["template.xlsx", "example-2566-analysis.xlsx", "chanthaburi2-2565-analysis.xlsx", "s.xlsx"]
)
def test_every_sheet_prints_on_a4_fitted_with_page_numbers(outputs: Path, name: str) -> None:
    wb = openpyxl.load_workbook(outputs / name)
    for ws in filter(printed, wb.worksheets):
        setup = ws.page_setup
        assert setup.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (setup.fitToWidth or 1) >= 1 and setup.fitToHeight == 0, ws.title  # 1 is the default, left out
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text, ws.title
        assert "&A" in ws.oddHeader.left.text, ws.title  # the sheet's name


def test_template_tables_repeat_their_headings_and_turn_when_wide(outputs: Path) -> None:
    wb = openpyxl.load_workbook(outputs / "template.xlsx")
    for name in (S.OFFICE, S.IIT, S.EIT, S.OIT, S.SCORES, S.HISTORY, S.MEASURES):
        ws = wb[name]
        assert ws.print_title_rows == "$1:$1", name  # the Thai headings on top of every page
        expected = "portrait" if name == S.SCORES else "landscape"  # scores: code, name, score, note fit upright
        assert ws.page_setup.orientation == expected, name
    # 45 answer columns do not fit one readable page: several pages across, the respondent number on each.
    iit = wb[S.IIT]
    assert (iit.page_setup.fitToWidth or 1) > 1 and iit.print_title_cols == "$A:$A"
    assert (wb[S.OIT].page_setup.fitToWidth or 1) == 1


def test_analysis_and_rollup_repeat_table_headings(outputs: Path) -> None:
    analysis = openpyxl.load_workbook(outputs / "example-2566-analysis.xlsx")
    assert analysis["มาตรการ"].print_title_rows == "$4:$4"
    assert analysis["คำตอบ IIT"].print_title_rows == "$1:$1"
    rollup = openpyxl.load_workbook(outputs / "s.xlsx")
    assert rollup.worksheets[0].print_title_rows == "$1:$1"
    assert rollup.worksheets[0].page_setup.orientation == "landscape"


def test_code_row_quiet_with_a_note_and_still_read(tmp_path: Path) -> None:
    wb = template(tmp_path)
    for name in (S.OFFICE, S.IIT, S.OIT, S.MEASURES):
        ws = wb[name]
        heading, code = ws.cell(CODE_ROW - 1, 1), ws.cell(CODE_ROW, 1)
        assert code.font.sz < heading.font.sz and code.font.color.rgb.endswith("A6A6A6"), name
        assert code.comment is not None and "ita-xl" in code.comment.text, name
        assert not ws.row_dimensions[CODE_ROW].hidden
    assert "i1" in codes(wb[S.IIT])  # the reader's codes are still there
    res = CliRunner().invoke(cli, ["check", str(ROOT / "templates" / "fy2566.xlsx")])
    assert "ไม่พบ" not in res.output


def test_office_rows_tall_enough_for_thai(tmp_path: Path) -> None:
    ws = template(tmp_path)[S.OFFICE]
    assert ws.sheet_format.defaultRowHeight >= ROW_HEIGHT
    for row in range(FIRST, FIRST + len(S.OFFICE_FIELDS)):
        assert (ws.row_dimensions[row].height or 0) >= ROW_HEIGHT, row


@pytest.mark.skipif(find_soffice() is None or shutil.which("pdftotext") is None, reason="needs LibreOffice, pdftotext")
def test_template_pdf_pages_carry_headings_and_numbers(outputs: Path, tmp_path: Path) -> None:
    soffice = str(find_soffice())
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"
    args = [
        soffice,
        profile,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(outputs / "template.xlsx"),
    ]
    subprocess.run(args, capture_output=True, timeout=240, check=True)
    text = subprocess.run(["pdftotext", str(tmp_path / "template.pdf"), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert 10 <= len(pages) <= 25  # was 33 pages of cut columns in LibreOffice, 55 in Excel
    assert all(f"หน้า {n} / {len(pages)}" in page for n, page in enumerate(pages, 1))
    oit = [page for page in pages if page.lstrip().startswith(S.OIT)]
    assert len(oit) >= 2 and all("ลิงก์หลักฐาน (URL)" in page for page in oit)  # headings repeated
