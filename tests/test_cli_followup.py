"""ita-xl followup end to end: from a filled workbook to the follow-up report, its messages and exit codes."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from tests.excel import FIRST, codes, save, set_office, template
from tests.helpers import plain_text
from tests.word.test_followup import text_of

ROOT = Path(__file__).resolve().parent.parent


def workbook(tmp_path: Path, progress: bool = True, measures: bool = True) -> Path:
    wb = template(tmp_path, year=2565)
    set_office(wb, "head_name", "นายทดสอบ ใจดี")
    ws = wb[S.MEASURES]
    cols = codes(ws)
    rows = [
        {"kind": "จุดอ่อน", "addresses": "ชี้แจงบุคลากร", "result": "ชี้แจงแล้ว", "status": "ดำเนินการแล้วเสร็จ"},
        {"kind": "จุดอ่อน", "addresses": "เผยแพร่รายงาน", "status": "ยังไม่ดำเนินการ", "problems": "ขาดผู้รับผิดชอบ"},
    ]
    for n, row in enumerate(rows if measures else []):
        for key, value in row.items():
            if progress or key in ("kind", "addresses"):
                ws.cell(FIRST + n, cols[key], value)
    return save(wb, tmp_path / "office.xlsx")


def run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["followup", *args])
    return res.exit_code, res.output


def test_writes_the_report_beside_the_name(tmp_path: Path) -> None:
    source = workbook(tmp_path)
    code, out = run(str(source), "-o", str(tmp_path / "out"), "--round", "12", "--date", "2023-10-05")
    assert code == 0, out
    report = tmp_path / "out" / "office-followup.docx"
    assert str(report) in out
    text = text_of(docx.Document(str(report)))
    assert "ชี้แจงบุคลากร" in text and "ดำเนินการแล้วเสร็จ" in text and "ขาดผู้รับผิดชอบ" in text
    assert "รายงาน ณ วันที่ ๕ ตุลาคม ๒๕๖๖" in text


def test_no_problems_leaves_them_out(tmp_path: Path) -> None:
    source = workbook(tmp_path)
    code, out = run(str(source), "-o", str(tmp_path), "--no-problems", "--no-charts")
    assert code == 0, out
    text = text_of(docx.Document(str(tmp_path / "office-followup.docx")))
    assert "ขาดผู้รับผิดชอบ" not in text and "ปัญหา/อุปสรรค" not in text
    assert "ปัญหา อุปสรรค และข้อเสนอแนะ" not in text and "๔. ข้อเสนอแนะ" in text


def test_nothing_recorded_warns_and_says_so(tmp_path: Path) -> None:
    source = workbook(tmp_path, progress=False)
    code, out = run(str(source), "-o", str(tmp_path), "--lang", "en")
    assert code == 0, out
    assert "warning: office.xlsx: มาตรการ: no measure has any progress recorded" in out
    text = text_of(docx.Document(str(tmp_path / "office-followup.docx")))
    assert "ยังไม่ได้บันทึกผลการดำเนินการของมาตรการใด" in text


def test_no_measures_fails_with_one_message(tmp_path: Path) -> None:
    source = workbook(tmp_path, measures=False)
    code, out = run(str(source), "-o", str(tmp_path), "--lang", "en")
    assert code == 1
    assert "the measures sheet holds no measures" in out and "Traceback" not in out
    assert not list(tmp_path.glob("*followup*"))


def test_a_bad_status_stops_it_with_its_cell(tmp_path: Path) -> None:
    source = workbook(tmp_path)
    wb = __import__("openpyxl").load_workbook(source)
    ws = wb[S.MEASURES]
    ws.cell(FIRST, codes(ws)["status"], "เกือบเสร็จ")
    wb.save(source)
    code, out = run(str(source), "-o", str(tmp_path))
    assert code == 1 and "มาตรการ!" in out and "เกือบเสร็จ" in out


def test_the_seed_office_names_every_measure_with_its_status(tmp_path: Path) -> None:
    source = ROOT / "workbooks" / "chanthaburi2-2565.xlsx"
    code, out = run(str(source), "-o", str(tmp_path))
    assert code == 0, out
    doc = docx.Document(str(tmp_path / "chanthaburi2-2565-followup.docx"))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.replace("\u00a0", " ") == "ที่")
    rows = [[plain_text(c) for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == 4
    assert all(r[3].split("\n")[0] in ("ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ") for r in rows)
    assert all(r[2].startswith("(ตัวอย่าง)") for r in rows)


def test_pdf_is_made_with_the_offices_digits_for_its_page_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ita_xl.word import pdf

    asked: list[bool] = []

    def fake(
        docx_path: Path, pdf_path: Path, thai_digits: bool = False, timeout: float = 180, numerals: int = 2
    ) -> None:
        asked.append(thai_digits)
        assert numerals == pdf.NUMERALS_CONTEXT  # links keep their Arabic digits
        pdf_path.write_bytes(b"%PDF-1.4\n")

    monkeypatch.setattr(pdf, "convert_to_pdf", fake)
    code, out = run(str(workbook(tmp_path)), "-o", str(tmp_path / "out"), "--pdf", "--no-charts")
    assert code == 0, out
    assert asked == [True]  # the template's office writes Thai digits: so do the footer's page numbers
    assert (tmp_path / "out" / "office-followup.pdf").read_bytes().startswith(b"%PDF")
