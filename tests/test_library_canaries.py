"""Canaries for the library internals ita-xl relies on: they fail loudly, naming what to check, when an upgrade of
xlsxwriter or python-docx changes them, before a broken workbook or report reaches anyone.

pyproject.toml bounds both libraries to the versions these tests passed with; when raising a bound, run these first.
"""

from __future__ import annotations

import inspect
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import xlsxwriter
from docx.opc.part import Part
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ita_xl.excel.bulk_rows import BulkSheet, share_strings, splice
from ita_xl.excel.xlsx_style import WORKBOOK_OPTIONS, FastWorksheet
from ita_xl.word import charts
from ita_xl.word.docx_helpers import style_id
from ita_xl.word.docx_xml import add_paragraph, add_table

XLSXWRITER = f"xlsxwriter {xlsxwriter.__version__}"
DOCX = f"python-docx {getattr(docx, '__version__', '?')}"


def _part(path: Path | io.BytesIO, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


# ---- xlsxwriter ------------------------------------------------------------------------------------------------


def test_fast_worksheet_still_overrides_prepare_formula(tmp_path: Path) -> None:
    """excel/xlsx_style.py: FastWorksheet overrides the private Worksheet._prepare_formula(formula, expand_future_functions)."""
    params = list(inspect.signature(Worksheet._prepare_formula).parameters)
    assert params[:3] == ["self", "formula", "expand_future_functions"], (
        f"{XLSXWRITER} changed the private Worksheet._prepare_formula to {params}; FastWorksheet in "
        "ita_xl/excel/xlsx_style.py overrides it: adapt the override to the new signature or remove it"
    )
    calls: list[str] = []

    class Counting(FastWorksheet):
        def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
            calls.append(formula)
            return super()._prepare_formula(formula, expand_future_functions)

    path = tmp_path / "f.xlsx"
    wb = Workbook(str(path), {**WORKBOOK_OPTIONS, "use_future_functions": True})
    wb.worksheet_class = Counting
    ws = wb.add_worksheet("S")
    ws.write_number(0, 0, 1)
    ws.write_number(1, 0, 3)
    ws.write_formula(2, 0, "=SUM(A1:A2)", None, 4)
    ws.write_formula(3, 0, "=STDEV.S(A1:A2)", None, 1.414)
    wb.close()
    assert isinstance(ws, Counting), (
        f"{XLSXWRITER} no longer builds worksheets from Workbook.worksheet_class; excel/analysis.py sets it to "
        "FastWorksheet: pass worksheet_class to add_worksheet instead"
    )
    assert len(calls) == 2, (
        f"{XLSXWRITER} no longer calls Worksheet._prepare_formula from write_formula ({len(calls)} calls); "
        "FastWorksheet's shortcut in ita_xl/excel/xlsx_style.py is dead code: remove it or hook the new method"
    )
    sheet = _part(path, "xl/worksheets/sheet1.xml")
    assert "<f>SUM(A1:A2)</f>" in sheet, f"{XLSXWRITER}: a classic formula is no longer written as given"
    assert "<f>_xlfn.STDEV.S(A1:A2)</f>" in sheet, (
        f"{XLSXWRITER}: a newer function no longer gets its _xlfn. prefix through FastWorksheet; Excel would show "
        "#NAME?: check FastWorksheet._prepare_formula passes such formulas to xlsxwriter"
    )


def _spliced(tmp_path: Path) -> tuple[Path, BulkSheet]:
    package = io.BytesIO()
    wb = Workbook(package, {**WORKBOOK_OPTIONS, "in_memory": True})
    wb.add_worksheet("first")
    ws = wb.add_worksheet("answers")
    ws.write_row(0, 0, ["no", "i1", "i2"])
    ws.write_string(0, 5, "shared by xlsxwriter")
    bulk = BulkSheet(index=1, first_row=1, columns=[["มาก", "น้อย", "มาก"], ["<&>", None, "มาก"]], rows=3)
    share_strings(wb, [bulk])
    wb.close()
    path = tmp_path / "bulk.xlsx"
    splice(package, path, [bulk])
    return path, bulk


def test_bulk_rows_use_xlsxwriter_shared_strings(tmp_path: Path) -> None:
    """excel/bulk_rows.py: share_strings enters texts through the private Workbook.str_table."""
    table = Workbook(io.BytesIO(), {"in_memory": True}).str_table
    assert hasattr(table, "_get_shared_string_index") and hasattr(table, "count"), (
        f"{XLSXWRITER} changed its private shared string table (Workbook.str_table._get_shared_string_index, .count); "
        "excel/bulk_rows.py share_strings now falls back to inline strings (valid but ~3x larger answer sheets): "
        "adapt share_strings to the new table"
    )
    path, bulk = _spliced(tmp_path)
    assert set(bulk.shared) == {"มาก", "น้อย", "<&>"}
    sst = _part(path, "xl/sharedStrings.xml")
    count = re.search(r'count="(\d+)" uniqueCount="(\d+)"', sst)
    assert count is not None, f"{XLSXWRITER}: sharedStrings.xml has no count/uniqueCount; check bulk_rows.share_strings"
    headers = 4  # "no", "i1", "i2", "shared by xlsxwriter", each used once
    assert (int(count[1]), int(count[2])) == (headers + 5, headers + 3), (
        f"{XLSXWRITER}: shared string counts {count.groups()} do not include the spliced cells; Excel may call the "
        "file damaged: check how share_strings adds to str_table.count"
    )


def test_bulk_rows_splice_into_xlsxwriter_sheet_xml(tmp_path: Path) -> None:
    """excel/bulk_rows.py: rows are spliced into xl/worksheets/sheet{n}.xml before </sheetData>, dimension rewritten."""
    path, _ = _spliced(tmp_path)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
    assert {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} <= names, (
        f"{XLSXWRITER} no longer names worksheet parts xl/worksheets/sheet{{n}}.xml in the order added ({names}); "
        "excel/bulk_rows.py splice finds its sheets by that name: adapt BulkSheet.index to the new names"
    )
    sheet = _part(path, "xl/worksheets/sheet2.xml")
    assert '<dimension ref="A1:F4"' in sheet or '<dimension ref="A1:C4"' in sheet, (
        f"{XLSXWRITER}: the answers sheet's <dimension> was not rewritten by bulk_rows._with_rows: check that "
        'xlsxwriter still writes <dimension ref="…">'
    )
    values = [[c.value for c in row] for row in openpyxl.load_workbook(path)["answers"].iter_rows(max_col=3)]
    assert values == [["no", "i1", "i2"], [1, "มาก", "<&>"], [2, "น้อย", None], [3, "มาก", "มาก"]], (
        f"{XLSXWRITER}: the spliced rows did not read back ({values}); check bulk_rows._with_rows against the sheet "
        "XML xlsxwriter writes now (<sheetData>, row order)"
    )


def test_chart_xml_has_what_charts_for_word_adapts() -> None:
    """word/charts.py: patches the private Chart._get_data_type and rewrites xlsxwriter's chart XML by literal anchors."""
    wb = Workbook(io.BytesIO(), {"in_memory": True})
    assert callable(getattr(wb.add_chart({"type": "column"}), "_get_data_type", None)), (
        f"{XLSXWRITER} removed the private Chart._get_data_type; word/charts.py _force_text_categories patches it so "
        "Thai-digit categories stay text: find the new hook"
    )
    look = charts.Look("TH SarabunPSK", 14.0, True)
    chart = charts.indicator_chart(["๑", "๒"], [Decimal(90), Decimal(70)], "t", Decimal(85), look)
    xml = chart.xml.decode("utf-8")
    anchors = {
        "<c:strRef>": "Thai-digit categories stay text (_force_text_categories)",
        '<a:cs typeface="TH SarabunPSK"/>': 'the complex-script font after each <a:latin typeface="…"/>',
        'lang="th-TH"': 'lang="en-US" replaced by Thai',
        '<c:showLegendKey val="0"/>': '<c:showVal val="1"/> expanded to every label part',
        '<c:roundedCorners val="0"/>': '<c:lang val="…"/> followed by square corners',
        '<c:smooth val="0"/>': "</c:val></c:ser> of the pass-mark line followed by <c:smooth>",
        "<c:printSettings>": "the data link inserted before <c:printSettings> (charts.place)",
    }
    missing = [f"{anchor} ({why})" for anchor, why in anchors.items() if anchor not in xml]
    assert not missing, (
        f"{XLSXWRITER} writes chart XML that word/charts.py _for_word no longer adapts; check the literal anchors "
        "it replaces: " + "; ".join(missing)
    )


# ---- python-docx -----------------------------------------------------------------------------------------------


def test_docx_internals_the_report_writes_through(tmp_path: Path) -> None:
    """word/docx_xml.py, docx_helpers.py, context.py, charts.py: XML appended to the body, private _body/_sectPr/_p/_tc/_r/_blob."""
    doc = docx.Document()
    section = doc.sections[0]
    for owner, attr in (
        (doc, "_body"),
        (section, "_sectPr"),
        (doc.add_paragraph("x"), "_p"),
        (doc.add_paragraph("x").add_run("y"), "_r"),
        (doc.add_table(1, 1).cell(0, 0), "_tc"),
    ):
        assert hasattr(owner, attr), (
            f"{DOCX} removed {type(owner).__name__}.{attr}, which ita_xl/word uses to write XML directly; "
            "find the new name (grep ita_xl/word for it)"
        )
    for name in ("next_partname", "next_id"):
        assert hasattr(doc.part.package if name == "next_partname" else doc.part, name), (
            f"{DOCX} removed {name}, which word/charts.py place() uses to add chart parts"
        )
    part = Part(doc.part.package.next_partname("/word/charts/chart%d.xml"), charts.CHART_TYPE, b"", doc.part.package)
    part._blob = b"<chart/>"
    assert part.blob == b"<chart/>", f"{DOCX}: Part.blob no longer returns Part._blob, which charts.place() sets"

    heading = add_paragraph(doc, "หัวข้อ & <ทดสอบ>", style_id(doc, "Heading 1"))
    add_table(doc, ["ก", "ข"], [["1 & 2", "<3>"]], [3.0, 3.0], ("Table Grid", "Normal", "Normal"))
    path = tmp_path / "r.docx"
    doc.save(str(path))
    body = docx.Document(str(path)).element.body
    tags = [child.tag.rpartition("}")[2] for child in body]
    assert tags[-1] == "sectPr", f"{DOCX}: the body no longer ends with w:sectPr ({tags[-3:]}); check append_block"
    reread = docx.Document(str(path)).paragraphs
    texts = [(p.text, p.style.name if p.style is not None else None) for p in reread]
    assert ("หัวข้อ & <ทดสอบ>", "Heading 1") in texts, (
        f"{DOCX}: a paragraph written as XML by docx_xml.append_block did not read back with its text and style "
        f"({texts}); check paragraph_xml/append_block against the document XML python-docx writes"
    )
    assert heading.text == "หัวข้อ & <ทดสอบ>"
    cells = [[c.text for c in row.cells] for row in docx.Document(str(path)).tables[-1].rows]
    assert cells == [["ก", "ข"], ["1 & 2", "<3>"]], (
        f"{DOCX}: a table written as XML by docx_xml.add_table did not read back ({cells}); check its XML"
    )
