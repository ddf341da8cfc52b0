"""Native Word charts: the chart part, its data workbook, the links between them, and how LibreOffice draws them."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import etree

from ita_xl.word import charts, pdf

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# CT_DLbls' label parts, in schema order (Word refuses a file whose elements are out of order).
LABEL_ORDER = ["numFmt", "spPr", "txPr", "dLblPos", "showLegendKey", "showVal", "showCatName", "showSerName"]
LABEL_ORDER += ["showPercent", "showBubbleSize", "separator", "showLeaderLines"]
SPACE_ORDER = ["date1904", "lang", "roundedCorners", "style", "clrMapOvr", "pivotSource", "protection", "chart"]
SPACE_ORDER += ["spPr", "txPr", "externalData", "printSettings", "userShapes", "extLst"]

VALUES = [Decimal("99.09"), Decimal("97.43"), Decimal("70"), Decimal("100")]
LABELS = ["๑", "๒", "๓", "๔"]


def local(el: etree._Element) -> str:
    return etree.QName(el).localname


def placed(tmp_path: Path, *made: charts.Chart) -> tuple[Path, dict[str, bytes]]:
    doc = docx.Document()
    for chart in made:
        charts.place(doc, doc.add_paragraph().add_run(), chart)
    path = tmp_path / "c.docx"
    doc.save(str(path))
    with zipfile.ZipFile(path) as z:
        return path, {n: z.read(n) for n in z.namelist()}


def test_indicator_chart_data_and_look() -> None:
    chart = charts.indicator_chart(LABELS, VALUES, "ผลคะแนน", Decimal(85), charts.Look("TH SarabunPSK"))
    root = etree.fromstring(chart.xml)
    bar, line = root.find(f".//{C}barChart"), root.find(f".//{C}lineChart")
    # categories stay text ("๑" is not the number 1), values are the scores, the pass mark is a flat line
    cats = bar.findall(f".//{C}cat/{C}strRef/{C}strCache/{C}pt/{C}v")
    assert [v.text for v in cats] == LABELS
    assert [float(v.text) for v in bar.findall(f".//{C}val//{C}pt/{C}v")] == [float(v) for v in VALUES]
    assert {float(v.text) for v in line.findall(f".//{C}val//{C}pt/{C}v")} == {85.0}
    # full marks, passed and failed columns in their colours
    fills = [p.find(f".//{A}srgbClr").get("val") for p in bar.findall(f"{C}ser/{C}dPt")]
    assert fills == ["1565C0", "1565C0", "C62828", "2E7D32"]
    labels = bar.find(f"{C}ser/{C}dLbls")
    assert labels.find(f"{C}numFmt").get("formatCode") == charts.THAI_DIGITS + "0.00"
    assert [local(e) for e in labels] == [t for t in LABEL_ORDER if labels.find(C + t) is not None]
    assert labels.find(f"{C}showSerName").get("val") == "0" and labels.find(f"{C}showCatName").get("val") == "0"
    # Thai is drawn with the complex-script font: every text names it there
    latin = root.findall(f".//{A}latin")
    assert latin and all(
        la.getnext().tag == f"{A}ea" and la.getnext().getnext().get("typeface") == "TH SarabunPSK" for la in latin
    )
    assert root.find(f"{C}roundedCorners").get("val") == "0"
    assert root.find(f".//{C}title//{A}t").text == "ผลคะแนน"


def test_arabic_digits_and_history_chart() -> None:
    look = charts.Look("Laksaman", 14, thai_digits=False)
    chart = charts.history_chart(["2564", "2565"], [Decimal("90"), Decimal("95.5")], "รายปี", look)
    root = etree.fromstring(chart.xml)
    assert root.find(f".//{C}dLbls/{C}numFmt").get("formatCode") == "0.00"
    assert root.find(f".//{C}dLbls/{C}dLblPos").get("val") == "t"
    assert [v.text for v in root.findall(f".//{C}cat//{C}pt/{C}v")] == ["2564", "2565"]
    assert root.find(f".//{C}lineChart/{C}ser/{C}smooth").get("val") == "0"
    assert root.find(f".//{C}legend/{C}delete") is not None or root.find(f".//{C}legend") is None


def test_placed_chart_parts_links_and_data(tmp_path: Path) -> None:
    look = charts.Look("TH SarabunPSK")
    first = charts.indicator_chart(LABELS, VALUES, "ผลคะแนน", Decimal(85), look)
    second = charts.history_chart(["๒๕๖๔", "๒๕๖๕"], [Decimal("90"), Decimal("95")], "รายปี", look)
    path, files = placed(tmp_path, first, second)
    types = files["[Content_Types].xml"].decode()
    assert types.count(charts.CHART_TYPE) == 2 and 'Extension="xlsx"' in types
    rels = files["word/_rels/document.xml.rels"].decode()
    assert 'Target="charts/chart1.xml"' in rels and 'Target="charts/chart2.xml"' in rels
    for n, chart in ((1, first), (2, second)):
        root = etree.fromstring(files[f"word/charts/chart{n}.xml"])
        assert [local(e) for e in root] == [t for t in SPACE_ORDER if root.find(C + t) is not None]
        rid = root.find(f"{C}externalData").get(f"{R}id")
        chart_rels = etree.fromstring(files[f"word/charts/_rels/chart{n}.xml.rels"])
        target = next(r.get("Target") for r in chart_rels if r.get("Id") == rid)
        data = files["word/" + target.replace("../", "")]
        assert data == chart.workbook
        ws = openpyxl.load_workbook(io.BytesIO(data)).active
        assert ws.title == charts.SHEET and not ws._charts
        column = [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)]
        assert column == [
            float(v) for v in root.xpath("(.//c:ser)[1]/c:val//c:pt/c:v/text()", namespaces={"c": C[1:-1]})
        ]
    # each drawing has its own id, and python-docx reads both back as inline shapes
    doc = docx.Document(str(path))
    assert len(doc.inline_shapes) == 2
    ids = [
        e.get("id")
        for e in doc.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    ]
    assert len(set(ids)) == 2


@pytest.mark.skipif(pdf.find_soffice() is None or shutil.which("pdftotext") is None, reason="LibreOffice not installed")
def test_libreoffice_draws_the_chart_with_thai_digits(tmp_path: Path) -> None:
    chart = charts.indicator_chart(LABELS, VALUES, "ผลคะแนนรายตัวชี้วัด", Decimal(85), charts.Look("Laksaman"))
    path, _ = placed(tmp_path, chart)
    out = tmp_path / "c.pdf"
    pdf.convert_to_pdf(path, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    # (pdftotext splits a title's stacked marks off, so the title is checked by its first word)
    for label in ("๙๙.๐๙", "๙๗.๔๓", "๗๐.๐๐", "๑๐๐.๐๐", "ผลคะแนน", "เกณฑ์ผ่าน"):
        assert label in text
    assert "99.09" not in text and "คะแนน;" not in text  # Thai digits, and no series name in the labels
