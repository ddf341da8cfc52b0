"""The follow-up report read back: every measure with its status, the counts, the round's wording, problems."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject

from ita_xl.errors import ItaError
from ita_xl.framework import load
from ita_xl.model import Measure, Progress
from ita_xl.result import Result
from ita_xl.scoring import score
from ita_xl.word.followup import FollowupOptions, measures_to_follow, write_followup
from tests.helpers import plain_text, reference_input

D = Decimal
MEASURES = (
    Measure(
        "บุคลากรภายในยังรับรู้การทำงานไม่ครบ",
        responsible="กลุ่มอำนวยการ",
        progress=Progress(
            "ประชุมชี้แจงบุคลากรสองครั้ง",
            "done",
            D(100),
            "https://example.go.th/ita/m1",
            date(2023, 3, 20),
            "บุคลากรบางส่วนติดภารกิจ",
            "จัดประชุมออนไลน์เพิ่ม",
        ),
    ),
    Measure("ผู้รับบริการรับรู้ไม่เต็มที่", progress=Progress("ชี้แจงแล้วหนึ่งครั้ง", "in_progress", D(50))),
    Measure("เผยแพร่รายงานประจำปี", progress=Progress(status="not_started")),
    Measure("รักษาจุดแข็ง", kind="strength"),
)


@pytest.fixture(scope="module")
def result() -> Result:
    return score(load(2565), reference_input(measures=MEASURES))


def build(result: Result, tmp_path: Path, measures: tuple[Measure, ...] = MEASURES, **options: object) -> str:
    path = tmp_path / "f.docx"
    opts = FollowupOptions(report_date=date(2023, 4, 5), charts=False, **options)  # type: ignore[arg-type]
    write_followup(result, measures, path, opts)
    return text_of(docx.Document(str(path)))


def text_of(doc: DocumentObject) -> str:
    parts = [plain_text(p) for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def detail_rows(doc: DocumentObject) -> list[list[str]]:
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.replace("\u00a0", " ") == "ที่")
    return [[plain_text(c) for c in row.cells] for row in table.rows[1:]]


def test_every_measure_named_with_its_status(result: Result, tmp_path: Path) -> None:
    path = tmp_path / "f.docx"
    write_followup(result, MEASURES, path, FollowupOptions(report_date=date(2023, 4, 5)))
    rows = detail_rows(docx.Document(str(path)))
    assert [r[0] for r in rows] == ["๑", "๒", "๓", "๔"]
    assert [r[3].split("\n")[0] for r in rows] == [
        "ดำเนินการแล้วเสร็จ",
        "อยู่ระหว่างดำเนินการ",
        "ยังไม่ดำเนินการ",
        "ยังไม่ได้รายงานผล",
    ]
    assert [r[4] for r in rows] == ["๑๐๐", "๕๐", "๐", "-"]
    assert "(ณ ๒๐ มีนาคม ๒๕๖๖)" in rows[0][3]
    assert rows[0][5] == "https://example.go.th/ita/m1"
    assert rows[3][1].startswith("รักษาและพัฒนาจุดแข็ง รักษาจุดแข็ง")


def test_summary_counts_and_mean_percent(result: Result, tmp_path: Path) -> None:
    text = build(result, tmp_path)
    assert "ดำเนินการแล้วเสร็จ ๑ มาตรการ อยู่ระหว่างดำเนินการ ๑ มาตรการ และยังไม่ได้เริ่มดำเนินการ ๑ มาตรการ" in text
    assert "ส่วนอีก ๑ มาตรการยังไม่ได้รายงานผล" in text
    assert "โดยเฉลี่ยคิดเป็นร้อยละ ๕๐" in text  # (100 + 50 + 0) / 3


def test_title_names_office_year_and_the_oit_item(result: Result, tmp_path: Path) -> None:
    text = build(result, tmp_path)
    assert "ของสำนักงานเขตพื้นที่การศึกษาประถมศึกษาจันทบุรี เขต ๒" in text
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖" in text
    assert "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ข้อ O๔๓" in text  # FY2566 (the measures' year) prints O43
    assert "รายงาน ณ วันที่ ๕ เมษายน ๒๕๖๖" in text


def test_round_6_and_12_wording(result: Result, tmp_path: Path) -> None:
    six = build(result, tmp_path, round=6)
    twelve = build(result, tmp_path, round=12)
    assert "รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๕ – ๓๑ มีนาคม ๒๕๖๖)" in six
    assert "รอบ ๖ เดือนแรกของปีงบประมาณ" in six
    assert "ครึ่งหลังของปีงบประมาณ พ.ศ. ๒๕๖๖" in six
    assert "รอบ ๑๒ เดือน (๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖)" in twelve
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๗ ต่อไป" in twelve
    assert "ครึ่งหลัง" not in twelve and "๓๐ กันยายน" not in six


def test_round_guessed_from_dates(result: Result, tmp_path: Path) -> None:
    assert "รอบ ๖ เดือน" in build(result, tmp_path)  # the only date is 20 March 2566


def test_bad_round_refused(result: Result, tmp_path: Path) -> None:
    with pytest.raises(ItaError, match="6 or 12"):
        build(result, tmp_path, round=9)


def test_problems_left_out_suggestions_kept(result: Result, tmp_path: Path) -> None:
    full = build(result, tmp_path)
    assert "บุคลากรบางส่วนติดภารกิจ" in full and "ปัญหา อุปสรรค และข้อเสนอแนะ" in full
    published = build(result, tmp_path, problems=False)
    assert "บุคลากรบางส่วนติดภารกิจ" not in published
    assert "ปัญหา" not in published
    assert "ข้อเสนอแนะ จัดประชุมออนไลน์เพิ่ม" in published


def test_nothing_recorded_says_so(result: Result, tmp_path: Path) -> None:
    bare = tuple(Measure(m.addresses, kind=m.kind) for m in MEASURES)
    text = build(result, tmp_path, measures=bare)
    assert "ยังไม่ได้บันทึกผลการดำเนินการของมาตรการใด" in text
    assert text.count("ยังไม่ได้รายงานผล") == 4


def test_no_measures_is_a_clear_error() -> None:
    with pytest.raises(ItaError, match="no measures"):
        measures_to_follow(score(load(2565), reference_input()), "office.xlsx")


def test_chart_is_a_native_chart(result: Result, tmp_path: Path) -> None:
    path = tmp_path / "c.docx"
    write_followup(result, MEASURES, path, FollowupOptions(report_date=date(2023, 4, 5)))
    doc = docx.Document(str(path))
    charts = [p for p in doc.part.package.iter_parts() if str(p.partname).startswith("/word/charts/")]
    assert len(charts) == 1
    blob = charts[0].blob
    assert b"<c:barChart>" in blob and "มาตรการที่\u00a0๔".encode() in blob and b"<c:v>50</c:v>" in blob


def test_arabic_digits_when_the_office_chose_them(tmp_path: Path) -> None:
    import dataclasses

    data = reference_input(measures=MEASURES)
    data = dataclasses.replace(data, office=dataclasses.replace(data.office, thai_digits=False))
    text = build(score(load(2565), data), tmp_path, round=12)
    assert "รอบ 12 เดือน (1 ตุลาคม 2565 – 30 กันยายน 2566)" in text
    assert not any(ch in text for ch in "๐๑๒๓๔๕๖๗๘๙")


def test_what_comes_next_the_date_and_the_signature_stay_on_one_page(result: Result, tmp_path: Path) -> None:
    build(result, tmp_path)
    paragraphs = docx.Document(str(tmp_path / "f.docx")).paragraphs
    heading = max(n for n, p in enumerate(paragraphs) if p.text.startswith("๕."))
    block = paragraphs[heading:-1]
    assert any(p.text.startswith("รายงาน ณ วันที่") for p in block)
    assert all(p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next for p in block), [
        p.text for p in block if not p.paragraph_format.keep_with_next
    ]


def test_detail_columns_sized_from_their_text(result: Result, tmp_path: Path) -> None:
    """Columns sized from their text (fixed shares cut web addresses and left rows half a page tall)."""
    long = "ประชุมชี้แจงบุคลากรทุกกลุ่มงานและติดตามผลการดำเนินงานเป็นประจำทุกเดือน " * 3
    measures = (
        Measure(long, responsible="กลุ่มอำนวยการ", progress=Progress(long, "done", D(100), "https://example.go.th/a")),
        Measure(long, progress=Progress(long, "in_progress", D(50))),
    )
    build(result, tmp_path, measures)
    doc = docx.Document(str(tmp_path / "f.docx"))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.replace("\u00a0", " ") == "ที่")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    widths = [int(g.get(f"{w}w")) / 567 for g in table._tbl.tblGrid.findall(f"{w}gridCol")]
    assert abs(sum(widths) - 24.7) < 0.1
    # the evidence address kept on one line (fixed shares gave it 3.95 cm), the number column only what its digit
    # needs (1.23 cm), and the long texts the most of what is left
    assert widths[5] > 4.5 and widths[0] < 1.0, widths
    assert min(widths[1], widths[2]) > max(widths[3], widths[4], widths[5]), widths
