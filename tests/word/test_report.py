"""The Word report read back: headings, tables, numbers, fonts, sections, fields, texts and styles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table

from ita_xl.errors import ItaError
from ita_xl.framework import load
from ita_xl.measures import measures_for
from ita_xl.result import Result
from ita_xl.scoring import score
from ita_xl.thai import score_text, signed_text, thai_digits
from ita_xl.word.report import ReportOptions, write_report
from ita_xl.word.style import write_style
from tests.helpers import OFFICE, plain_text, raw_input, reference_input


@pytest.fixture(scope="module")
def reference() -> Result:
    return score(load(2565), reference_input())


@pytest.fixture(scope="module")
def report(reference: Result, tmp_path_factory: pytest.TempPathFactory) -> DocumentObject:
    path = tmp_path_factory.mktemp("report") / "ref.docx"
    write_report(reference, path, ReportOptions(charts=False))
    return docx.Document(str(path))


def build(result: Result, tmp_path: Path, **options: object) -> DocumentObject:
    path = tmp_path / "r.docx"
    write_report(result, path, ReportOptions(**options))  # type: ignore[arg-type]
    return docx.Document(str(path))


def headings(doc: DocumentObject) -> list[str]:
    return [plain_text(p) for p in doc.paragraphs if p.style is not None and p.style.name in ("Heading 1", "Heading 2")]


def table_text(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is not previous:  # a merged cell repeats the same element
                cells.append(plain_text(cell))
            previous = cell._tc
        rows.append(cells)
    return rows


def find_table(doc: DocumentObject, first_header: str) -> Table:
    for table in doc.tables:
        if table.rows[0].cells[0].text.replace("\u00a0", " ") == first_header:
            return table
    raise AssertionError(f"no table starting with {first_header}")


def score_th(value: object) -> str:
    return score_text(value, True)  # type: ignore[arg-type]


def test_headings_in_order(report: DocumentObject) -> None:
    found = headings(report)
    starts = [
        "คำนำ",
        "การวิเคราะห์ผล",
        "๑. ",
        "๒. ",
        "๒.๑ ",
        "๒.๒ ",
        "๒.๓ ",
        "๓. ",
        "๔. ",
        "๕. ",
        "๖. ",
        "ภาคผนวก",
        "ก. ",
        "ข. ",
    ]
    assert len(found) == len(starts)
    for text, start in zip(found, starts, strict=True):
        assert text.startswith(start), (text, start)
    assert "(IIT)" not in found[4] and "IIT" in found[4]
    assert OFFICE in found[1]


def test_history_table(report: DocumentObject, reference: Result) -> None:
    rows = table_text(find_table(report, "ปีงบประมาณ พ.ศ."))
    assert rows[0] == ["ปีงบประมาณ พ.ศ.", "ผลคะแนน ITA", "ระดับผลการประเมิน", "พัฒนาการ", "ผลต่างของคะแนน ITA"]
    expected = [
        [
            thai_digits(t.year),
            score_th(t.total),
            t.level,
            t.direction or "-",
            signed_text(t.difference) if t.difference is not None else "-",
        ]
        for t in reference.history
    ]
    assert rows[1:] == expected
    # every year given is shown, the first without a difference; each with its own year's grade
    assert rows[1] == ["๒๕๕๘", "๘๗.๔๘", "A", "-", "-"]
    assert rows[2] == ["๒๕๕๙", "๘๑.๓๓", "B", "ลดลง", "- ๖.๑๕"]
    assert rows[-1] == ["๒๕๖๕", "๙๘.๙๐", "AA", "ลดลง", "- ๐.๔๔"]


def test_indicator_table(report: DocumentObject, reference: Result) -> None:
    rows = table_text(find_table(report, "ตัวชี้วัดที่"))
    assert rows[0] == ["ตัวชี้วัดที่", "ประเด็นตัวชี้วัด", "คะแนน", "ระดับ", "หมายเหตุ"]
    expected = []
    for code, ind in reference.framework.indicators.items():
        ls = reference.indicators[code]
        expected.append([thai_digits(code), ind.name, score_th(ls.shown), ls.grade, "ผ่าน" if ls.passed else "ไม่ผ่าน"])
        for sub in ind.subindicators:
            s = reference.subindicators[sub]
            name = thai_digits(f"{sub} {s.name}")
            expected.append(["", name, score_th(s.shown), s.grade, "ผ่าน"])
    assert rows[1:] == expected
    assert rows[3][2] == "๙๙.๔๑" and rows[11][2] == "๘๗.๕๐"


def test_grade_legend(report: DocumentObject) -> None:
    rows = table_text(find_table(report, "ระดับ"))
    assert rows[0] == ["ระดับ", "ความหมาย", "ช่วงคะแนน", "หมายเหตุ"]
    assert rows[1] == ["AA", "Excellence", "๙๕.๐๐ - ๑๐๐.๐๐", "ผ่าน"]
    assert rows[3] == ["B", "Good", "๗๕.๐๐ - ๘๔.๙๙", "ไม่ผ่าน"]
    assert rows[-1][0] == "F" and rows[-1][2] == "๐.๐๐ - ๔๙.๙๙"


def test_numbers_in_prose(report: DocumentObject, reference: Result) -> None:
    text = "\n".join(plain_text(p) for p in report.paragraphs)
    assert reference.total is not None
    assert f"คะแนนรวม {score_th(reference.total.shown)} คะแนน" in text
    assert "ลำดับที่ ๔๓ ของประเทศ" in text
    assert "ร้อยละ ๙๘.๓๒" in text
    for code in ("IIT", "EIT", "OIT"):
        assert f"ได้คะแนนเฉลี่ยร้อยละ {score_th(reference.tools[code].shown)}" in text
    # highest and lowest indicators
    assert "คะแนนสูงสุด คือ ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต (๑๐๐.๐๐ คะแนน)" in text
    assert "ต่ำสุด คือ ตัวชี้วัดที่ ๒ การใช้งบประมาณ (๙๗.๔๓ คะแนน)" in text
    # strengths and weaknesses counted per tool, OIT missing item with next year's code
    assert "จำนวน ๕ ตัวชี้วัด" in text and "จำนวน ๓ ตัวชี้วัด" in text and "จำนวน ๖ ตัวชี้วัดย่อย" in text
    assert "o๑๒ รายงานผลการดำเนินงานประจำปี (ปี ๒๕๖๖ คือข้อ O๑๓)" in text  # each year as its manual prints it
    assert "กลุ่มกฎหมายและคดี" in text
    # no Arabic digit anywhere in the prose of a Thai-digit report
    assert not any(ch.isascii() and ch.isdigit() for ch in text)


def test_guideline_tables(report: DocumentObject, reference: Result) -> None:
    weak = table_text(find_table(report, "ตัวชี้วัด"))
    assert weak[0] == ["ตัวชี้วัด", "ประเด็นการประเมิน", "จุดอ่อนที่ต้องปรับปรุงแก้ไขโดยเร่งด่วน"]
    fw = reference.framework
    body = [r for r in weak[1:] if len(r) == 3]
    assert len(body) == len(reference.weaknesses)
    assert body[0][0].startswith("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ได้คะแนนร้อยละ ๙๙.๐๙ (i๑ - i๖)")
    assert body[0][1] == thai_digits(fw.indicators["1"].assesses)
    assert "O๑๓" in body[-1][2]  # next year's code, printed as FY2566 prints it
    assert [r[0] for r in weak[1:] if len(r) == 1] == [
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
        "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)",
    ]
    strong = [t for t in report.tables if t.rows[0].cells[2].text.replace("\u00a0", " ") == "จุดแข็งที่ต้องรักษาและพัฒนาให้ดีขึ้น"]
    assert len(strong) == 1
    assert len([r for r in table_text(strong[0])[1:] if len(r) == 3]) == len(reference.strengths)


def test_measures_table_landscape_repeated_header(report: DocumentObject, reference: Result) -> None:
    table = find_table(report, "จุดอ่อนที่ต้องปรับปรุงแก้ไขโดยเร่งด่วน")
    rows = table_text(table)
    assert rows[0] == [
        "จุดอ่อนที่ต้องปรับปรุงแก้ไขโดยเร่งด่วน",
        "ขั้นตอนและวิธีการปฏิบัติ",
        "กำหนดแล้วเสร็จ",
        "เป้าหมาย/ผลที่คาดว่าจะได้รับ",
        "ผู้รับผิดชอบ",
        "หมายเหตุ",
    ]
    weak = [m for m in measures_for(reference) if m.kind == "weakness"]
    assert len(rows) - 1 == len(weak)
    for i, (row, m) in enumerate(zip(rows[1:], weak, strict=True), 1):
        assert row == [f"{thai_digits(i)}. {m.addresses}", m.steps, m.deadline, m.target, m.responsible, m.note]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows[:1])
    text = "\n".join(plain_text(p) for p in report.paragraphs)
    assert "(ร่าง)" in text  # drafted measures are marked
    # the measures table sits in a landscape section with swapped page size; the rest is portrait
    sections = report.sections
    assert len(sections) == 3
    land = sections[1]
    assert land.orientation == 1 and land.page_width > land.page_height
    assert sections[0].page_width < sections[0].page_height and sections[2].page_width < sections[2].page_height
    body = list(report.element.body)
    tbl_at = body.index(table._tbl)
    breaks = [i for i, el in enumerate(body) if el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    assert breaks[0] < tbl_at < breaks[1]


def test_office_measures_not_marked_draft(reference: Result, tmp_path: Path) -> None:
    from ita_xl.model import Measure

    own = (
        Measure("เผยแพร่รายงานประจำปี", steps="1. จัดทำ\n2. เผยแพร่", deadline="มีนาคม 2566", responsible="กลุ่มนโยบายและแผน"),
    )
    doc = build(dataclasses.replace(reference, measures=own), tmp_path, charts=False)
    rows = table_text(find_table(doc, "จุดอ่อนที่ต้องปรับปรุงแก้ไขโดยเร่งด่วน"))
    assert rows[1][:3] == ["๑. เผยแพร่รายงานประจำปี", "๑. จัดทำ\n๒. เผยแพร่", "มีนาคม ๒๕๖๖"]
    assert "(ร่าง)" not in "\n".join(plain_text(p) for p in doc.paragraphs)


def test_styles_fonts_page(report: DocumentObject) -> None:
    styles = report.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rpr in [defaults] + [
        report.styles[n].element.rPr for n in ("Normal", "Body Text", "Heading 1", "ITA Table Text")
    ]:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:  # inherits
            continue
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert fonts.get(qn(f"w:{slot}")) == "TH SarabunPSK"
        assert not any("Theme" in k or "theme" in k for k in fonts.attrib)
    normal = report.styles["Normal"].element.rPr
    assert normal.find(qn("w:sz")).get(qn("w:val")) == "32"
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"
    assert normal.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    h1 = report.styles["Heading 1"].element.rPr
    assert h1.find(qn("w:bCs")) is not None and h1.find(qn("w:color")).get(qn("w:val")) == "000000"
    s = report.sections[0]
    assert (round(s.page_width.cm, 1), round(s.page_height.cm, 1)) == (21.0, 29.7)
    assert (round(s.left_margin.cm, 2), round(s.right_margin.cm, 2)) == (3.0, 2.0)
    assert (round(s.top_margin.cm, 2), round(s.bottom_margin.cm, 2)) == (2.5, 2.0)


def test_toc_field_page_numbers(report: DocumentObject) -> None:
    xml = report.element.xml
    assert 'TOC \\o "1-2"' in xml
    update = report.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    for section in report.sections:
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")) == "thaiNumbers"
    assert " PAGE " in report.sections[0].footer._element.xml


def test_arabic_digits_setting(reference: Result, tmp_path: Path) -> None:
    office = dataclasses.replace(reference.office, thai_digits=False)
    doc = build(dataclasses.replace(reference, office=office), tmp_path, charts=False)
    rows = table_text(find_table(doc, "ปีงบประมาณ พ.ศ."))
    assert rows[-1] == ["2565", "98.90", "AA", "ลดลง", "- 0.44"]
    assert doc.sections[0]._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")) == "decimal"
    assert not any("\u0e50" <= ch <= "\u0e59" for p in doc.paragraphs for ch in p.text if p.text.startswith("1.2"))


def test_charts(reference: Result, tmp_path: Path) -> None:
    with_charts = build(reference, tmp_path, charts=True)
    assert len(with_charts.inline_shapes) == 2
    without = build(reference, tmp_path, charts=False)
    assert len(without.inline_shapes) == 0


def test_raw_result_report(tmp_path: Path) -> None:
    result = score(load(2566), raw_input())
    doc = build(result, tmp_path, charts=False)
    assert len(headings(doc)) == 14  # parts 1-6 with 2.1-2.3, the preface, the opening and the appendix (3)
    rows = table_text(find_table(doc, "ตัวชี้วัดที่"))
    assert rows[1][2] == score_th(result.indicators["1"].shown)


def test_text_file_changes_output(reference: Result, tmp_path: Path) -> None:
    text = tmp_path / "office.toml"
    text.write_text(
        '[cover]\ntitle = "รายงานผลการวิเคราะห์ ITA ของ{office}"\n[results.history_columns]\ntrend = "แนวโน้ม"\n'
        '[settings]\nfont = "TH Sarabun New"\n',
        encoding="utf-8",
    )
    doc = build(reference, tmp_path, charts=False, text=text)
    assert f"รายงานผลการวิเคราะห์ ITA ของ{OFFICE}" in [plain_text(p) for p in doc.paragraphs]
    assert table_text(find_table(doc, "ปีงบประมาณ พ.ศ."))[0][3] == "แนวโน้ม"
    assert table_text(find_table(doc, "ปีงบประมาณ พ.ศ."))[0][1] == "ผลคะแนน ITA"  # default kept
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "TH Sarabun New"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('[cover]\ntitel = "x"\n', "cover.titel"),
        ('[cover]\ntitle = "ของ {nope}"\n', "{nope}"),
        ('[cover]\ntitle = "ของ {office"\n', "cover.title"),
        ("[cover\n", "TOML"),
    ],
)
def test_broken_text_file(reference: Result, tmp_path: Path, content: str, needle: str) -> None:
    text = tmp_path / "bad.toml"
    text.write_text(content, encoding="utf-8")
    with pytest.raises(ItaError) as err:
        build(reference, tmp_path, text=text)
    assert needle in err.value.message("en")
    assert str(text) in err.value.message("en")


def test_style_file_changes_output(reference: Result, tmp_path: Path) -> None:
    style = tmp_path / "office-style.docx"
    write_style(style, font="TH Sarabun New", size=15)
    letter = docx.Document(str(style))
    letter.sections[0].header.paragraphs[0].text = "ตราสำนักงาน LETTERHEAD"
    letter.save(str(style))
    doc = build(reference, tmp_path, charts=False, style=style)
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "TH Sarabun New"
    assert doc.styles["Normal"].element.rPr.find(qn("w:szCs")).get(qn("w:val")) == "30"
    assert "LETTERHEAD" in doc.sections[0].header.paragraphs[0].text
    assert len(headings(doc)) == 14  # parts 1-6 with 2.1-2.3, the preface, the opening and the appendix (3)


def test_style_without_report_styles(reference: Result, tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    doc = build(reference, tmp_path, charts=False, style=plain)
    assert "ITA Table Text" in [s.name for s in doc.styles]
    assert len(headings(doc)) == 14  # parts 1-6 with 2.1-2.3, the preface, the opening and the appendix (3)


def test_bad_style_file(reference: Result, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a docx")
    with pytest.raises(ItaError) as err:
        build(reference, tmp_path, style=bad)
    assert str(bad) in err.value.message("en")


def test_control_characters_cleaned(reference: Result, tmp_path: Path) -> None:
    office = dataclasses.replace(reference.office, name="สำนักงาน\x00ทดสอบ\x0b", head_name="นาย\x07ก")
    doc = build(dataclasses.replace(reference, office=office), tmp_path, charts=False)
    assert any("สำนักงานทดสอบ" in plain_text(p) for p in doc.paragraphs)
