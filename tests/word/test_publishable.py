"""The report as it is handed over and published: numbers held to their words, Thai wording, layout of tables."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject

from ita_xl.framework import load
from ita_xl.result import Result
from ita_xl.scoring import score
from ita_xl.thai import bind_numbers
from ita_xl.word.report import ReportOptions, write_report
from tests.helpers import raw_input, reference_input

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def reference() -> Result:
    return score(load(2565), reference_input())


def build(result: Result, path: Path) -> tuple[DocumentObject, list[str]]:
    """Return the report of ``result`` and its notes for the user."""
    built = write_report(result, path, ReportOptions(charts=False))
    return docx.Document(str(path)), [n.code for n in built.notes]


@pytest.fixture(scope="module")
def report(reference: Result, tmp_path_factory: pytest.TempPathFactory) -> DocumentObject:
    return build(reference, tmp_path_factory.mktemp("pub") / "ref.docx")[0]


def all_text(doc: DocumentObject) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_bind_numbers_holds_numbers_and_codes_to_the_word_before() -> None:
    assert bind_numbers("เขต ๒ พ.ศ. ๒๕๖๖ ข้อ O25 ข้อ o๑๓ ข้อ i4.1") == (
        f"เขต{NBSP}๒ พ.ศ.{NBSP}๒๕๖๖ ข้อ{NBSP}O25 ข้อ{NBSP}o๑๓ ข้อ{NBSP}i4.1"
    )
    assert bind_numbers("(ได้คะแนนร้อยละ ๑๐๐.๐๐") == f"(ได้คะแนนร้อยละ{NBSP}๑๐๐.๐๐"
    # a run of Thai too long for any line keeps its space
    assert bind_numbers("ก" * 21 + " ๑") == "ก" * 21 + " ๑"
    # a number after a number or a Latin word, and a word after a number, keep their plain space
    assert bind_numbers("๙๘.๙๐ คะแนน ITA 2565 (IIT, EIT และ OIT)") == "๙๘.๙๐ คะแนน ITA 2565 (IIT, EIT และ OIT)"


def test_numbers_never_break_from_their_words(report: DocumentObject) -> None:
    text = all_text(report)
    for plain in ("เขต ๒", "พ.ศ. ๒๕๖๕", "พ.ศ. ๒๕๖๖", "ตัวชี้วัดที่ ๑", "ข้อ o๑๒"):
        assert plain.replace(" ", NBSP) in text, plain
    # nowhere in the text, the table of contents and the signature included, does a plain space stand before them
    paragraphs = "\n".join(p.text for p in report.paragraphs)
    assert not re.search("(เขต|พ\\.ศ\\.|ข้อ|ที่) [0-9๐-๙]", paragraphs)
    # in table cells a short word keeps its number; a long run of Thai is left to break (a narrow column could not
    # hold it whole)
    cells = "\n".join(c.text for t in report.tables for row in t.rows for c in row.cells)
    assert not re.search("(^|[ (])(เขต|พ\\.ศ\\.|ข้อ|ตัวชี้วัดที่|ตัวชี้วัดย่อยที่) [0-9๐-๙]", cells, re.M)
    assert "ได้คะแนนร้อยละ ๑๐๐.๐๐" in cells and f"ตัวชี้วัดย่อยที่{NBSP}๙.๑" in cells
    toc = [p.text for p in report.paragraphs if p.style is not None and p.style.name.startswith("toc")]
    assert toc and any(f"พ.ศ.{NBSP}๒๕๖๕" in t for t in toc)
    texts = [p.text for p in report.paragraphs]
    signature = texts[next(i for i, t in enumerate(texts) if t.startswith("ลงชื่อ")) :][:5]
    assert any(f"เขต{NBSP}๒" in t for t in signature), signature


def test_no_english_colon_after_thai_words(report: DocumentObject) -> None:
    text = all_text(report)
    assert not re.search("[\u0e01-\u0e4e\u0e50-\u0e59] ?:", text), re.findall(".{20}[\u0e01-\u0e59] ?:.{10}", text)
    assert "แนวทางแก้ไข:" not in text and "(ปี ๒๕๖๖:" not in text


def test_a_score_of_100_is_full_marks(report: DocumentObject) -> None:
    text = all_text(report)
    assert "ตั้งแต่ ๑๐๐ ขึ้นไป" not in text.replace(NBSP, " ")
    assert "ได้คะแนนเต็ม ๑๐๐" in text.replace(NBSP, " ")


def test_a_lower_strength_threshold_keeps_its_wording(reference: Result, tmp_path: Path) -> None:
    fw = dataclasses.replace(reference.framework, strength_threshold=reference.framework.pass_mark)
    doc, _ = build(dataclasses.replace(reference, framework=fw), tmp_path / "t.docx")
    assert f"ได้คะแนนตั้งแต่ {fw.pass_mark:.0f} ขึ้นไป".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in all_text(
        doc
    ).replace(NBSP, " ")


def test_no_unit_directs_the_director(report: DocumentObject) -> None:
    text = all_text(report).replace(NBSP, " ")
    assert "ให้ผู้บริหาร" not in text
    assert "สร้างความตระหนักแก่ผู้บริหาร" not in text
    assert "ประชุมผู้บริหารและผู้อำนวยการกลุ่ม/หน่วย เพื่อกำชับ" not in text


def test_a_missing_national_mean_is_left_out_and_the_user_told(reference: Result, tmp_path: Path) -> None:
    office = dataclasses.replace(reference.office, national_mean=None, rank=None)
    result = score(load(2565), dataclasses.replace(reference_input(), office=office))
    doc, notes = build(result, tmp_path / "n.docx")
    text = all_text(doc).replace(NBSP, " ")
    assert "แฟ้มข้อมูล" not in text and "ระดับประเทศ" not in text
    assert "national-missing" in notes
    numbers = [p.text[:3] for p in doc.paragraphs if re.match("[๑][.][๑-๙] ", p.text)]
    assert numbers == ["๑.๑", "๑.๒", "๑.๓"]  # no gap where the national mean was


def test_raw_answers_report_has_no_workbook_talk(tmp_path: Path) -> None:
    result = score(load(2566), raw_input(load(2566)))
    doc, _ = build(result, tmp_path / "raw.docx")
    assert "แฟ้มข้อมูลของหน่วยงาน" not in all_text(doc)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def widths_cm(table: object) -> list[float]:
    grid = table._tbl.find(f"{W}tblGrid")  # type: ignore[attr-defined]
    return [int(col.get(f"{W}w")) / 567 for col in grid.findall(f"{W}gridCol")]


def test_columns_sized_from_their_text() -> None:
    from ita_xl.word.table_fit import fit_widths

    heads = ["จุดอ่อน", "ขั้นตอนและวิธีการปฏิบัติ", "กำหนดแล้วเสร็จ", "เป้าหมาย", "ผู้รับผิดชอบ", "หมายเหตุ"]
    long = "ประชุมชี้แจงบุคลากรทุกกลุ่มงานและติดตามผลการดำเนินงานเป็นประจำทุกเดือน " * 3
    rows = [[long, long * 2, f"มิถุนายน{NBSP}๒๕๖๖", long, "กลุ่มอำนวยการ", ""]]
    widths = fit_widths(heads, rows, 24.7)
    assert abs(sum(widths) - 24.7) < 0.05
    # the short columns hold their longest word whole; the long texts share the rest, the longest the most
    assert widths[4] >= 3.6 and widths[2] >= 3.6 and widths[5] >= 2.4
    assert widths[1] == max(widths)
    # the old fixed shares gave หมายเหตุ 1.7 cm and ผู้รับผิดชอบ 2.5 cm
    assert widths[5] > 1.7 and widths[4] > 2.5


def test_measures_table_columns_fit_their_words(report: DocumentObject) -> None:
    table = next(t for t in report.tables if t.rows[0].cells[1].text == "ขั้นตอนและวิธีการปฏิบัติ")
    widths = widths_cm(table)
    assert abs(sum(widths) - 24.7) < 0.1
    assert widths[4] >= 3.4 and widths[5] >= 2.4, widths  # กลุ่มกฎหมายและคดี, หมายเหตุ


def test_rows_whole_headers_repeated_in_every_table(report: DocumentObject) -> None:
    for table in report.tables:
        rows = table._tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert rows[0].find(f"{W}trPr/{W}cantSplit") is not None
    history = next(t for t in report.tables if t.rows[0].cells[0].text.startswith("ปีงบประมาณ"))
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in history._tbl.findall(f"{W}tr"))


def test_captions_kept_with_their_tables_and_last_rows_not_alone(report: DocumentObject) -> None:
    body = report.element.body
    for tbl in body.iterchildren(f"{W}tbl"):
        before = tbl.getprevious()
        if before is not None and "".join(before.itertext()).strip():
            assert before.find(f"{W}pPr/{W}keepNext") is not None, "".join(before.itertext())
        rows = tbl.findall(f"{W}tr")
        assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in rows[0].iter(f"{W}p"))
        if len(rows) > 3:  # a header and three rows or more
            assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in rows[-2].iter(f"{W}p"))
            assert all(p.find(f"{W}pPr/{W}keepNext") is None for p in rows[-1].iter(f"{W}p"))
        if len(rows) > 4 and rows[1].find(f"{W}trPr/{W}cantSplit") is not None:  # the first row not alone either
            assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in rows[1].iter(f"{W}p"))


def test_no_empty_page_after_the_measures(report: DocumentObject) -> None:
    body = list(report.element.body)
    breaks = [i for i, el in enumerate(body) if el.find(f"{W}pPr/{W}sectPr") is not None]
    assert len(breaks) >= 2
    for i in breaks:
        mark = body[i]
        assert not "".join(mark.itertext()).strip()
        assert mark.find(f"{W}pPr/{W}rPr/{W}sz").get(f"{W}val") == "2"  # 1 pt: never a page of its own
    # the measures section ends with its table, not a blank line that could spill onto a landscape page
    landscape = next(i for i in breaks if body[i].find(f"{W}pPr/{W}sectPr/{W}pgSz").get(f"{W}orient") == "landscape")
    assert body[landscape - 1].tag == f"{W}tbl"


def test_entered_figures_that_disagree_are_said_in_the_report(tmp_path: Path) -> None:
    # the reference's table prints indicator 3 as 99.51, while its IIT of 98.75 implies 99.41
    result = score(load(2565), reference_input(indicator3="99.51", tools={"IIT": "98.75"}))
    assert [m.code for m in result.mismatches] == ["IIT"]
    doc, _ = build(result, tmp_path / "m.docx")
    said = [p.text.replace(NBSP, " ") for p in doc.paragraphs if "ต่างจากค่าที่คำนวณ" in p.text]
    assert said == [
        "คะแนนในตารางเป็นไปตามผลการประเมินที่หน่วยงานได้รับแจ้ง ซึ่งคะแนน IIT (๙๘.๗๕) ต่างจากค่าที่คำนวณจาก"
        "ตัวชี้วัดที่ ๑ – ๕ (๙๘.๗๗) รายงานฉบับนี้ใช้คะแนนตามผลที่ได้รับแจ้งทุกรายการ"
    ]
    # figures that agree print no such sentence
    agreed, _ = build(score(load(2565), reference_input(tools={"IIT": "98.75"})), tmp_path / "a.docx")
    assert not [p for p in agreed.paragraphs if "ต่างจากค่าที่คำนวณ" in p.text]


def test_disagreement_is_an_observation_in_the_analysis_workbook(tmp_path: Path) -> None:
    import openpyxl

    from ita_xl.evaluation import Evaluation
    from ita_xl.excel.analysis import write_analysis

    data = reference_input(indicator3="99.51", tools={"IIT": "98.75"})
    path = tmp_path / "a.xlsx"
    write_analysis(Evaluation(tmp_path / "in.xlsx", load(2565), data, score(load(2565), data)), path, charts=False)
    wb = openpyxl.load_workbook(path)
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    at = cells.index("ข้อสังเกตเกี่ยวกับข้อมูล")
    assert any("คะแนน IIT" in c and "98.77" in c for c in cells[at:])


def test_seed_office_enters_the_official_99_41_with_a_note() -> None:
    import openpyxl

    from ita_xl.evaluation import evaluate

    source = Path(__file__).resolve().parents[2] / "workbooks" / "chanthaburi2-2565.xlsx"
    ev = evaluate(source)
    assert ev.result.indicators["3"].shown == Decimal("99.41")
    assert not ev.result.mismatches and all(f.code != "consistency" for f in ev.result.findings)
    ws = openpyxl.load_workbook(source)["ผลคะแนน"]
    notes = [str(r[3].value) for r in ws.iter_rows(min_row=3) if str(r[0].value) == "3"]
    assert notes and "99.51" in notes[0] and "99.41" in notes[0]


def test_appendix_lists_every_score_entered_and_the_attachments(reference: Result, tmp_path: Path) -> None:
    office = dataclasses.replace(reference.office, attachments="คำสั่งแต่งตั้งคณะทำงาน; ประกาศผลการประเมิน")
    doc, notes = build(dataclasses.replace(reference, office=office), tmp_path / "ap.docx")
    texts = [p.text.replace(NBSP, " ") for p in doc.paragraphs]
    at = len(texts) - 1 - texts[::-1].index("ภาคผนวก")
    assert doc.paragraphs[at].style.name == "Heading 1"
    assert doc.paragraphs[at].paragraph_format.page_break_before
    toc = [p.text.replace(NBSP, " ") for p in doc.paragraphs if p.style is not None and p.style.name.startswith("toc")]
    assert toc[-3:] == ["ภาคผนวก", texts[at + 1], "ข. เอกสารประกอบ"]
    table = doc.tables[-1]
    rows = [[c.text.replace(NBSP, " ") for c in r.cells] for r in table.rows]
    entered = [ls for ls in (reference.total, *reference.tools.values(), *reference.indicators.values()) if ls.given]
    entered += [ls for ls in (*reference.subindicators.values(), *reference.items.values()) if ls.given]
    assert len(rows) - 1 == len(entered)
    assert rows[1] == ["ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", "๙๙.๐๙", "AA"]  # the helper enters no total or tools
    assert ["ตัวชี้วัดที่ ๓ การใช้อำนาจ", "๙๙.๔๑", "AA"] in rows
    assert texts[-2:] == ["๑. คำสั่งแต่งตั้งคณะทำงาน", "๒. ประกาศผลการประเมิน"]
    assert "appendix-attachments" not in notes


def test_appendix_without_attachments_keeps_a_place_and_tells_the_user(tmp_path: Path) -> None:
    result = score(load(2566), raw_input(load(2566)))
    doc, notes = build(result, tmp_path / "raw.docx")
    texts = [p.text for p in doc.paragraphs]
    assert "ข. เอกสารประกอบ" in texts and texts[-1].startswith("[แทรกเอกสารประกอบ")
    assert "appendix-attachments" in notes
    # a computed result lists its computed scores: total, tools, indicators and sub-indicators
    assert len(doc.tables[-1].rows) - 1 == 1 + len(result.tools) + len(result.indicators) + len(result.subindicators)


def test_office_sheet_field_names_the_attachments(tmp_path: Path) -> None:
    from ita_xl.evaluation import evaluate

    source = Path(__file__).resolve().parents[2] / "workbooks" / "chanthaburi2-2565.xlsx"
    names = evaluate(source).result.office.attachments
    from ita_xl.word.sections_appendix import attachment_names

    assert len(attachment_names(names)) == 2


def test_a_number_held_to_its_word_is_never_cut_by_a_column() -> None:
    from ita_xl.word.table_fit import fit_widths

    long = "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ตัวชี้วัดย่อยที่ ๙.๑ ข้อมูลพื้นฐาน " * 2
    bound = f"ได้คะแนนร้อยละ{NBSP}๑๐๐.๐๐"
    narrow = fit_widths(["ตัวชี้วัด", "ประเด็น", "แนวทาง"], [[long + bound, long * 3, long * 3]], 16)
    alone = fit_widths(["ตัวชี้วัด", "ประเด็น", "แนวทาง"], [[f"ร้อยละ{NBSP}๑๐๐.๐๐", long * 3, long * 3]], 16)
    assert narrow[0] >= alone[0] >= 3.0


def test_a_measure_row_taller_than_half_a_page_may_split(tmp_path: Path) -> None:
    """A first measure row kept whole (about 15 cm in the FY2569 example) left part 4's heading alone on a page."""
    from ita_xl.evaluation import evaluate
    from ita_xl.word.docx_helpers import estimate_height_cm

    result = evaluate(Path(__file__).resolve().parents[2] / "workbooks" / "example-2569.xlsx").result
    doc, _ = build(result, tmp_path / "r.docx")
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "ขั้นตอนและวิธีการปฏิบัติ")
    widths = widths_cm(table)
    page = 21.0 - 2.5 - 2.0  # landscape A4 less the top and bottom margins
    for row in table.rows[1:]:
        tall = max(estimate_height_cm(c.text, w, 16) for c, w in zip(row.cells, widths, strict=True)) > page / 2
        assert (row._tr.find(f"{W}trPr/{W}cantSplit") is None) == tall
    assert any(r._tr.find(f"{W}trPr/{W}cantSplit") is None for r in table.rows[1:])
