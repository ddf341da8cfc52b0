"""An office's own style document: what the report cannot take from it is named in a warning, and the report
built on it still opens cleanly in Word."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ita_xl.cli import cli
from ita_xl.word.style_check import style_findings
from tests.ooxml import assert_opens_clean

ROOT = Path(__file__).resolve().parents[2]


def office_style(path: Path) -> Path:
    """Write a letterhead document as offices make them: body text, a second section, protection, a tracked edit."""
    doc = docx.Document()  # python-docx's template: a Word 2010 file with a stylesWithEffects part
    doc.add_paragraph("บันทึกข้อความ")
    doc.add_table(rows=1, cols=2)
    doc.add_section(WD_SECTION.NEW_PAGE)
    header = doc.sections[-1].header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]._p
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "1")
    inserted.set(qn("w:author"), "สารบรรณ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "ตราสำนักงาน"
    run.append(text)
    inserted.append(run)
    p.append(inserted)
    protection = OxmlElement("w:documentProtection")
    protection.set(qn("w:edit"), "readOnly")
    protection.set(qn("w:enforcement"), "1")
    doc.settings.element.insert(0, protection)
    doc.save(str(path))
    return path


def test_findings_name_what_is_not_used(tmp_path: Path) -> None:
    found = {f.code: f for f in style_findings(office_style(tmp_path / "letter.docx"))}
    assert set(found) == {"style-body", "style-sections", "style-protection", "style-revisions"}
    assert "1 ย่อหน้า, 1 ตาราง" in found["style-body"].th and "1 paragraphs, 1 tables" in found["style-body"].en
    assert "letter.docx" in found["style-sections"].message("en")


def test_plain_and_shipped_style_documents_give_no_warning(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    assert style_findings(plain) == []
    assert style_findings(ROOT / "templates" / "report-style.docx") == []


def test_build_warns_once_and_the_report_opens_clean(tmp_path: Path) -> None:
    style = office_style(tmp_path / "letter.docx")
    source = ROOT / "workbooks" / "example-2566.xlsx"
    res = CliRunner().invoke(cli, ["build", str(source), "-o", str(tmp_path), "--style", str(style), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert res.output.count("warning: ") >= 4 and "protected against editing" in res.output
    report = tmp_path / "example-2566-report.docx"
    with zipfile.ZipFile(report) as z:
        settings = z.read("word/settings.xml").decode()
        assert "documentProtection" not in settings and "word/stylesWithEffects.xml" not in z.namelist()
    assert_opens_clean(report)


def repackaged(source: Path, target: Path, main_type: str, macros: bool = False) -> Path:
    """Return ``source`` saved as Word saves a template or a macro-enabled file: another main content type,
    and for macros a (dummy) macro project related from the document."""
    document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(document.encode(), main_type.encode())
                if macros:
                    vba = '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                    data = data.replace(b"<Default ", vba.encode() + b"<Default ", 1)
            if name == "word/_rels/document.xml.rels" and macros:
                rel = (
                    '<Relationship Id="rIdVba" Target="vbaProject.bin" '
                    'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/>'
                )
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            out.writestr(name, data)
        if macros:
            out.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not a real project")
    return target


@pytest.mark.parametrize(
    ("suffix", "main_type", "macros"),
    [
        (".dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", False),
        (".docm", "application/vnd.ms-word.document.macroEnabled.main+xml", True),
    ],
)
def test_template_and_macro_files_work_as_style(tmp_path: Path, suffix: str, main_type: str, macros: bool) -> None:
    plain = tmp_path / "plain.docx"
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "ตราสำนักงาน LETTERHEAD"
    doc.save(str(plain))
    style = repackaged(plain, tmp_path / f"letter{suffix}", main_type, macros)
    assert [f.code for f in style_findings(style)] == (["style-macros"] if macros else [])
    source = ROOT / "workbooks" / "example-2566.xlsx"
    res = CliRunner().invoke(cli, ["build", str(source), "-o", str(tmp_path), "--style", str(style), "--no-charts"])
    assert res.exit_code == 0, res.output
    report = tmp_path / "example-2566-report.docx"
    with zipfile.ZipFile(report) as z:
        assert not any("vba" in n.lower() for n in z.namelist())
    assert "LETTERHEAD" in docx.Document(str(report)).sections[0].header.paragraphs[0].text
    assert_opens_clean(report)
