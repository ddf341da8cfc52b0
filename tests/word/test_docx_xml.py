"""Tables and paragraphs written as XML text: the same Word XML python-docx writes, user text kept exact."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from ita_xl.framework import load
from ita_xl.model import Measure
from ita_xl.result import Result
from ita_xl.scoring import score
from ita_xl.word import style as st
from ita_xl.word.docx_helpers import estimate_height_cm, style_id
from ita_xl.word.docx_xml import add_paragraph, add_table, run_xml
from ita_xl.word.report import ReportOptions, write_report
from tests.helpers import reference_input

STYLES = (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fresh() -> DocumentObject:
    return st.open_style(None)


def reload(doc: DocumentObject) -> DocumentObject:
    buf = io.BytesIO()
    doc.save(buf)
    return docx.Document(io.BytesIO(buf.getvalue()))


def test_table_xml_shape() -> None:
    doc = fresh()
    add_table(doc, ["ก", "ข", "ค"], [["แถวรวม"], ["1", "2", "3"], ["x"] * 2], [2.0, 3.0, 4.0], STYLES, center=(1,))
    table = reload(doc).tables[0]
    tbl = table._tbl
    assert tbl.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) == "TableGrid"
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert tbl.tblPr.find(qn("w:jc")).get(qn("w:val")) == "center"
    assert [int(g.get(qn("w:w"))) for g in tbl.tblGrid.findall(qn("w:gridCol"))] == [1134, 1701, 2268]
    head, merged, plain, short = table.rows
    assert head._tr.trPr.find(qn("w:tblHeader")) is not None and head._tr.trPr.find(qn("w:cantSplit")) is not None
    fills = [tc.tcPr.find(qn("w:shd")) for tc in head._tr.tc_lst]
    assert [f.get(qn("w:fill")) for f in fills] == ["D9D9D9"] * 3 and len({id(f) for f in fills}) == 3
    assert [p.style.name for p in head.cells[0].paragraphs] == [st.TABLE_HEAD]
    # a one-value row spans the table, bold and shaded
    (tc,) = merged._tr.tc_lst
    assert tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "3"
    assert tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F2F2F2"
    run = tc.findall(f".//{W}r")[0]
    assert run.find(f"{W}rPr/{W}b") is not None and run.find(f"{W}rPr/{W}bCs") is not None
    assert [c.text for c in plain.cells] == ["1", "2", "3"]
    assert [c.paragraphs[0].alignment for c in plain.cells] == [None, 1, None]  # 1 = centre
    assert [c.text for c in short.cells] == ["x", "x", ""]  # a short row leaves its last cells empty
    assert [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in plain._tr.tc_lst] == [1134, 1701, 2268]


def test_user_text_kept_exactly() -> None:
    doc = fresh()
    weird = ' lead & <b>"q"</b>\ttab\rcr\x01ctl\x7f trail '
    add_table(doc, ["h1", "h2"], [[weird, "a\nb"]], [4.0, 4.0], STYLES)
    p = add_paragraph(doc, weird, style_id(doc, st.BODY))
    back = reload(doc)
    cell = back.tables[0].rows[1].cells[0]
    expected = ' lead & <b>"q"</b>\ttab\ncrctl trail '  # python-docx reads w:br back as "\n"
    assert cell.text == expected
    assert [q.text for q in back.tables[0].rows[1].cells[1].paragraphs] == ["a", "b"]  # a line per paragraph
    assert back.paragraphs[-1].text == expected and p.style is not None and p.style.name == st.BODY
    t = cell._tc.findall(f".//{W}t")[0]
    assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_run_xml_matches_python_docx() -> None:
    text = " a\tb\nc  "
    doc = fresh()
    doc.add_paragraph().add_run(text)
    made = doc.paragraphs[-1]._p.r_lst[0]
    ours = add_paragraph(doc, text)._p.r_lst[0]
    assert ours.xml.replace(" ", "") == made.xml.replace(" ", "")  # ignore namespace-declaration spacing
    assert run_xml("", bold=True) == "<w:r><w:rPr><w:b/><w:bCs/></w:rPr></w:r>"


def test_widths_must_match_headers() -> None:
    with pytest.raises(ValueError, match="one width per header"):
        add_table(fresh(), ["a", "b"], [], [1.0], STYLES)
    with pytest.raises(ValueError, match="3 values for 2 columns"):
        add_table(fresh(), ["a", "b"], [["1", "2", "3"]], [1.0, 1.0], STYLES)


def test_estimate_counts_spacing_vowels() -> None:
    # sara aa (U+0E32) takes width; mai ek (U+0E48) above the line does not
    assert estimate_height_cm("า" * 40, 3.0, 16) > estimate_height_cm("า" * 20, 3.0, 16)
    assert estimate_height_cm("ก" + "่" * 40, 3.0, 16) == estimate_height_cm("ก", 3.0, 16)
    assert estimate_height_cm("", 3.0, 16) == estimate_height_cm("ก", 3.0, 16)


@pytest.fixture(scope="module")
def reference() -> Result:
    return score(load(2565), reference_input())


def test_long_measure_rows_may_split(reference: Result, tmp_path: Path) -> None:
    """A measure taller than most of a landscape page may split across pages: LibreOffice otherwise prints
    the end of a row it cannot keep whole past the table's border at the page foot."""
    # long texts in every wide column, so that however the columns are sized from their text the row is
    # taller than a landscape page holds under the repeated header
    long = ("ประชุมชี้แจงบุคลากรทุกกลุ่มงานและติดตามผลการดำเนินงานเป็นประจำทุกเดือน " * 8).strip()
    own = (
        Measure("สั้น", steps="๑. ประชุม", deadline="มีนาคม ๒๕๖๖", target="ผ่าน", responsible="กลุ่ม"),
        Measure(long, steps=long, deadline="มีนาคม ๒๕๖๖", target=long, responsible="กลุ่ม", note=long),
    )
    path = tmp_path / "r.docx"
    write_report(dataclasses.replace(reference, measures=own), path, ReportOptions(charts=False))
    doc = docx.Document(str(path))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("จุดอ่อน"))
    split = [r._tr.trPr is None or r._tr.trPr.find(qn("w:cantSplit")) is None for r in table.rows]
    assert split == [False, False, True]
