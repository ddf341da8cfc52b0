"""Every kind of file ita-xl writes opens in Word and Excel without a repair prompt (openxml-audit) and names
its fonts without binding them to the theme. New outputs: build them here, or call tests.ooxml.assert_opens_clean."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest
import xlsxwriter
from click.testing import CliRunner
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ita_xl.cli import cli
from ita_xl.excel.template import write_template
from ita_xl.framework import available_years, load
from ita_xl.word.style import asset_path
from tests.ooxml import assert_opens_clean, findings, scheme_fonts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("chanthaburi2-2565", "example-2566", "example-2569")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder with the examples' analysis workbooks and reports, and their roll-up workbook and report."""
    out = tmp_path_factory.mktemp("built")
    inputs = [str(ROOT / "workbooks" / f"{name}.xlsx") for name in EXAMPLES]
    res = CliRunner().invoke(cli, ["build", *inputs, "-o", str(out), "-j", "1"])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(
        cli,
        ["rollup", *inputs, "-o", str(out / "summary.xlsx"), "--report", str(out / "summary.docx"), "--year", "2566"],
    )
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(cli, ["followup", *inputs, "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


@pytest.mark.parametrize("year", available_years())
def test_new_template(year: int, tmp_path: Path) -> None:
    path = tmp_path / f"fy{year}.xlsx"
    write_template(load(year=year), path, office="สำนักงานทดสอบ")
    assert_opens_clean(path)


@pytest.mark.parametrize("shipped", sorted((ROOT / "templates").glob("*.xlsx")), ids=lambda p: p.name)
def test_shipped_template(shipped: Path) -> None:
    assert_opens_clean(shipped)


@pytest.mark.parametrize("example", sorted((ROOT / "workbooks").glob("*.xlsx")), ids=lambda p: p.name)
def test_example_workbook(example: Path) -> None:
    # Filled with openpyxl, then saved as Excel saves (workbooks/excel_form.py): shared strings, fonts in order.
    assert_opens_clean(example)


def test_excel_form_puts_openpyxl_fonts_in_the_schemas_order(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Font

    from workbooks.excel_form import excel_form

    wb = openpyxl.Workbook()
    wb.active["A1"] = "หัวข้อ"
    wb.active["A1"].font = Font(name="TH SarabunPSK", b=True, i=True, color="FF0000", sz=16, u="single")
    wb.save(tmp_path / "openpyxl.xlsx")
    assert findings(tmp_path / "openpyxl.xlsx")  # openpyxl's own order and inline strings are reported
    excel_form(tmp_path / "openpyxl.xlsx", tmp_path / "excel.xlsx")
    assert findings(tmp_path / "excel.xlsx") == []
    styles = zipfile.ZipFile(tmp_path / "excel.xlsx").read("xl/styles.xml").decode()
    assert '<font><b val="1"/><i val="1"/><u val="single"/><sz val="16"/><color rgb="00FF0000"/>' in styles
    assert openpyxl.load_workbook(tmp_path / "excel.xlsx").active["A1"].value == "หัวข้อ"


@pytest.mark.parametrize("name", [f"{e}-analysis.xlsx" for e in EXAMPLES] + ["summary.xlsx"])
def test_written_workbook(built: Path, name: str) -> None:
    assert_opens_clean(built / name)


@pytest.mark.parametrize(
    "name", [f"{e}-report.docx" for e in EXAMPLES] + [f"{e}-followup.docx" for e in EXAMPLES] + ["summary.docx"]
)
def test_written_report(built: Path, name: str) -> None:
    assert_opens_clean(built / name)


@pytest.mark.parametrize("name", ["chanthaburi2-2565-report.docx", "chanthaburi2-2565-followup.docx", "summary.docx"])
def test_report_text_and_headings_name_their_font_without_the_theme(built: Path, name: str) -> None:
    import re

    with zipfile.ZipFile(built / name) as z:
        styles, body = z.read("word/styles.xml").decode(), z.read("word/document.xml").decode()
    used = set(re.findall(r'<w:[pr]Style w:val="([^"]+)"', body))
    by_id = dict(re.findall(r'<w:style [^>]*w:styleId="([^"]+)"[^>]*>(.*?)</w:style>', styles, re.S))
    linked = {m for u in used for m in re.findall(r'<w:link w:val="([^"]+)"', by_id.get(u, ""))}
    assert {"Heading1", "Title"} <= used
    for sid in sorted(used | linked):
        fonts = re.findall(r"<w:rFonts [^>]*/>", by_id[sid])
        assert fonts and "Theme" not in fonts[0] and 'w:cs="TH SarabunPSK"' in fonts[0], (sid, fonts)
    assert "<w:rFonts" not in body or "Theme" not in body  # runs add no theme font of their own


def test_report_embeds_its_chart_workbooks(built: Path) -> None:
    # assert_opens_clean checks what is embedded: make sure there is something to check.
    with zipfile.ZipFile(built / "chanthaburi2-2565-report.docx") as z:
        embedded = [n for n in z.namelist() if n.startswith("word/embeddings/") and n.endswith(".xlsx")]
    assert len(embedded) >= 2


@pytest.mark.parametrize(
    "style", [asset_path(), ROOT / "templates" / "report-style.docx"], ids=["package", "templates"]
)
def test_shipped_style_document(style: Path) -> None:
    assert_opens_clean(style)


def test_report_on_an_office_style_from_word(built: Path, tmp_path: Path) -> None:
    # python-docx's own template is a Word 2010 document: it carries a stylesWithEffects part like many offices' files.
    office_style = tmp_path / "office.docx"
    docx.Document().save(str(office_style))
    with zipfile.ZipFile(office_style) as z:
        assert "word/stylesWithEffects.xml" in z.namelist()
    out = tmp_path / "out"
    source = ROOT / "workbooks" / "example-2566.xlsx"
    res = CliRunner().invoke(cli, ["build", str(source), "-o", str(out), "--style", str(office_style), "-j", "1"])
    assert res.exit_code == 0, res.output
    assert_opens_clean(out / "example-2566-report.docx")


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """A file with the two defects of issue 18 is caught: a theme-bound named font, settings out of schema order."""
    book = tmp_path / "themed.xlsx"
    wb = xlsxwriter.Workbook(str(book), {"default_format_properties": {"font_name": "TH SarabunPSK"}})
    wb.add_worksheet().write(0, 0, "หัวเรื่อง", wb.add_format({"bold": True}))
    wb.close()
    assert scheme_fonts(book)
    report = tmp_path / "bad.docx"
    shutil.copy(asset_path(), report)
    doc = docx.Document(str(report))
    late = OxmlElement("w:updateFields")
    late.set(qn("w:val"), "true")
    doc.settings.element.append(late)  # after w:listSeparator: out of schema order
    doc.save(str(report))
    assert any("settings.xml" in f and "updateFields" in f for f in findings(report))
