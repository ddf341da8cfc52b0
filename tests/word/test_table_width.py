"""Tables are as wide as their columns, spanning rows included (LibreOffice sizes a table from its rows)."""

from docx import Document
from docx.shared import Cm

from ita_xl.word import style as st
from ita_xl.word.docx_xml import add_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_spanning_row_and_table_width_are_the_sum_of_the_columns() -> None:
    doc = st.open_style(None)
    table = add_table(
        doc, ["a", "b", "c"], [["band"], ["1", "2", "3"]], (3.0, 5.0, 8.0), (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)
    )
    total = Cm(3.0).twips + Cm(5.0).twips + Cm(8.0).twips
    tbl = table._tbl
    assert tbl.find(f"{W}tblPr/{W}tblW").get(f"{W}w") == str(total)
    band = tbl.findall(f"{W}tr")[1].find(f"{W}tc/{W}tcPr")
    assert band.find(f"{W}gridSpan").get(f"{W}val") == "3"
    assert band.find(f"{W}tcW").get(f"{W}w") == str(total)
    assert isinstance(doc, type(Document()))
