"""The report's charts as native Word charts: a DrawingML chart part with its data in an embedded workbook.

Word draws such a chart itself, with its own Thai text shaping and crisp at any zoom, and staff can restyle it or
change its data (right-click > Edit Data) as with a chart they inserted by hand. LibreOffice draws it for ``--pdf``.
xlsxwriter writes both parts: Excel's chart XML is the same DrawingML schema Word uses, and the data workbook is
an ordinary .xlsx. Nothing here imports a plotting library, so a report with charts costs a few milliseconds more.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm
from docx.text.run import Run

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET = "Sheet1"  # the data sheet's name, as Word names the one of a chart inserted by hand

FULL = "#2E7D32"  # a score of 100
PASSED = "#1565C0"
FAILED = "#C62828"
LINE = "#1565C0"
PASS_LINE = "#757575"
GRID = "#D9D9D9"

# Number formats of labels and axis: [$-D00041E] (numerals 0D = Thai digits, locale 041E = Thai) writes the digits as
# Thai digits in Word and Excel, and LibreOffice reads it too (it ignores the shorter [$-D000000]).
THAI_DIGITS = "[$-D00041E]"


@dataclass(frozen=True)
class Chart:
    """A chart ready to place: its chart XML (without the data link) and the workbook holding its data."""

    xml: bytes
    workbook: bytes
    width_cm: float
    height_cm: float


@dataclass(frozen=True)
class Look:
    """What every chart of one report shares: the font, its size in points, and the digits."""

    font: str
    size: float = 14.0
    thai_digits: bool = True

    def number(self, places: int) -> str:
        base = "0." + "0" * places if places > 0 else "0"
        return THAI_DIGITS + base if self.thai_digits else base

    def text(self, scale: float = 1.0, bold: bool = False) -> dict[str, Any]:
        return {"name": self.font, "size": round(self.size * scale, 1), "bold": bold, "color": "#000000"}


def _force_text_categories(chart: Any) -> None:
    """Make ``chart`` keep text categories as text: xlsxwriter takes "๑" for the number 1 (float() reads it)."""
    guess = chart._get_data_type

    def data_type(data: Any) -> str:
        if data and not isinstance(data[0], list) and any(isinstance(t, str) for t in data):
            return "str"
        return str(guess(data))

    chart._get_data_type = data_type


Table = tuple[Sequence[str], Sequence[str], Sequence[Sequence[float]]]  # headers, categories, value columns


def _workbook(table: Table, look: Look) -> tuple[Any, Any, io.BytesIO]:
    """Return an in-memory workbook with ``table`` on its one sheet: categories in A, value columns from B.

    Its Normal font is the report's, named without a theme scheme (with one, Excel would draw Calibri).
    """
    from xlsxwriter import Workbook

    headers, categories, columns = table
    buf = io.BytesIO()
    font = {"font_name": look.font, "font_size": 11, "font_scheme": "none"}
    wb = Workbook(buf, {"in_memory": True, "default_format_properties": font})
    ws = wb.add_worksheet(SHEET)
    ws.write_row(0, 0, headers)
    for r, category in enumerate(categories, start=1):
        ws.write_string(r, 0, category)
        for c, column in enumerate(columns, start=1):
            ws.write_number(r, c, column[r - 1])
    ws.set_column(0, len(columns), 14)
    return wb, ws, buf


def _finish(
    table: Table, chart: Any, book: tuple[Any, Any, io.BytesIO], look: Look, size: tuple[float, float]
) -> Chart:
    """Close ``book`` with ``chart`` in it; return the chart XML and a data workbook of ``table`` without the chart."""
    wb, ws, buf = book
    ws.insert_chart("E2", chart)
    wb.close()
    with zipfile.ZipFile(buf) as z:
        xml = z.read("xl/charts/chart1.xml")
    data_wb, _, data = _workbook(table, look)  # what Edit Data in Word opens: the figures alone
    data_wb.close()
    return Chart(_for_word(xml, look), data.getvalue(), *size)


_LABEL_PARTS = (
    b'<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
    b'<c:showPercent val="0"/><c:showBubbleSize val="0"/>'
)
_LINE_CHART = re.compile(rb"<c:lineChart>.*?</c:lineChart>", re.S)
_LATIN = re.compile(rb'<a:latin typeface="([^"]*)"[^>]*/>')


def _for_word(xml: bytes, look: Look) -> bytes:
    """Adapt xlsxwriter's chart XML for Word: Thai language and complex-script font, square corners."""
    # Thai is drawn with the complex-script font (<a:cs>); xlsxwriter names only the Latin one.
    xml = _LATIN.sub(lambda m: m.group(0) + b'<a:ea typeface="%s"/><a:cs typeface="%s"/>' % (m[1], m[1]), xml)
    xml = xml.replace(b'lang="en-US"', b'lang="th-TH"')
    # xlsxwriter writes only the label parts that are shown; a reader that defaults the others to shown (LibreOffice
    # does) would add the series and category names to every label, so say each one.
    xml = xml.replace(b'<c:showVal val="1"/>', _LABEL_PARTS)
    # Straight lines between the points: a line series without <c:smooth> may be drawn smoothed.
    xml = _LINE_CHART.sub(
        lambda m: m.group(0).replace(b"</c:val></c:ser>", b'</c:val><c:smooth val="0"/></c:ser>'), xml
    )
    # Word draws rounded chart corners unless told otherwise (schema order: date1904, lang, roundedCorners).
    xml = re.sub(rb'<c:lang val="[^"]*"/>', b'<c:lang val="th-TH"/><c:roundedCorners val="0"/>', xml, count=1)
    return xml


def indicator_chart(
    labels: Sequence[str],
    values: Sequence[Decimal],
    title: str,
    threshold: Decimal,
    look: Look,
    names: tuple[str, str] = ("คะแนน", "เกณฑ์ผ่าน"),
    places: int = 2,
) -> Chart:
    """Return a column chart of indicator scores, each column labelled, with the pass mark as a dashed line."""
    nums = [float(v) for v in values]
    mark = float(threshold)
    table: Table = (["", *names], labels, [nums, [mark] * len(nums)])
    book = _workbook(table, look)
    wb = book[0]
    n = len(nums)
    chart = wb.add_chart({"type": "column"})
    _force_text_categories(chart)
    colours = [FULL if v >= 100 else PASSED if v >= mark else FAILED for v in nums]
    chart.add_series(
        {
            "name": [SHEET, 0, 1],
            "categories": [SHEET, 1, 0, n, 0],
            "values": [SHEET, 1, 1, n, 1],
            "points": [{"fill": {"color": c}, "border": {"none": True}} for c in colours],
            "data_labels": {"value": True, "num_format": look.number(places), "font": look.text(0.8)},
            "gap": 60,
        }
    )
    line = wb.add_chart({"type": "line"})
    line.add_series(
        {
            "name": [SHEET, 0, 2],
            "values": [SHEET, 1, 2, n, 2],
            "line": {"color": PASS_LINE, "dash_type": "dash", "width": 1},
            "marker": {"type": "none"},
        }
    )
    chart.combine(line)
    low = min([*nums, mark]) if nums else 0.0
    _axes(chart, look, max(0.0, min(low - 10, 80.0)) // 10 * 10, 100.0)
    _frame(chart, title, look)
    return _finish(table, chart, book, look, (15.0, 6.8))


def history_chart(
    years: Sequence[str], values: Sequence[Decimal], title: str, look: Look, name: str = "คะแนนรวม", places: int = 2
) -> Chart:
    """Return a line chart of the yearly totals, each point labelled."""
    nums = [float(v) for v in values]
    table: Table = (["", name], years, [nums])
    book = _workbook(table, look)
    wb = book[0]
    n = len(nums)
    chart = wb.add_chart({"type": "line"})
    _force_text_categories(chart)
    chart.add_series(
        {
            "name": [SHEET, 0, 1],
            "categories": [SHEET, 1, 0, n, 0],
            "values": [SHEET, 1, 1, n, 1],
            "line": {"color": LINE, "width": 2},
            "marker": {"type": "circle", "size": 6, "fill": {"color": LINE}, "border": {"color": LINE}},
            "data_labels": {
                "value": True,
                "position": "above",
                "num_format": look.number(places),
                "font": look.text(0.8),
            },
        }
    )
    low = max(0.0, min(nums) - 10) if nums else 0.0
    _axes(chart, look, low // 10 * 10, 100.0)
    _frame(chart, title, look)
    chart.set_legend({"none": True})
    return _finish(table, chart, book, look, (15.0, 6.3))


STATUS_COLOURS = {"done": FULL, "in_progress": "#EF8F00", "not_started": FAILED}
UNKNOWN = "#9E9E9E"


def progress_chart(
    labels: Sequence[str],
    values: Sequence[Decimal | None],
    statuses: Sequence[str],
    title: str,
    look: Look,
    name: str = "ร้อยละความสำเร็จ",
) -> Chart:
    """Return a column chart of each measure's percent done, coloured by its status (unknown percents drawn as 0)."""
    nums = [float(v) if v is not None else 0.0 for v in values]
    table: Table = (["", name], labels, [nums])
    book = _workbook(table, look)
    wb = book[0]
    n = len(nums)
    chart = wb.add_chart({"type": "column"})
    _force_text_categories(chart)
    colours = [STATUS_COLOURS.get(s, UNKNOWN) for s in statuses]
    chart.add_series(
        {
            "name": [SHEET, 0, 1],
            "categories": [SHEET, 1, 0, n, 0],
            "values": [SHEET, 1, 1, n, 1],
            "points": [{"fill": {"color": c}, "border": {"none": True}} for c in colours],
            "data_labels": {"value": True, "num_format": look.number(0), "font": look.text(0.8)},
            "gap": 80,
        }
    )
    _axes(chart, look, 0.0, 100.0)
    _frame(chart, title, look)
    chart.set_legend({"none": True})
    return _finish(table, chart, book, look, (15.0, 7.5))


def _axes(chart: Any, look: Look, low: float, high: float) -> None:
    chart.set_y_axis(
        {
            "min": low,
            "max": high,
            "major_unit": 10 if high - low > 20 else 5,
            "num_format": look.number(0),
            "num_font": look.text(0.8),
            "major_gridlines": {"visible": True, "line": {"color": GRID, "width": 0.5}},
            "line": {"none": True},
        }
    )
    chart.set_x_axis({"num_font": look.text(0.85), "line": {"color": "#7F7F7F"}})


def _frame(chart: Any, title: str, look: Look) -> None:
    chart.set_title({"name": title, "name_font": look.text(1.0, bold=True)})
    chart.set_legend({"position": "bottom", "font": look.text(0.8)})
    chart.set_chartarea({"border": {"none": True}, "fill": {"color": "#FFFFFF"}})
    chart.set_plotarea({"border": {"none": True}})


def place(doc: DocumentObject, run: Run, chart: Chart) -> None:
    """Put ``chart`` inline in ``run``: a chart part related from the document, its workbook from the chart."""
    package = doc.part.package
    chart_name = package.next_partname("/word/charts/chart%d.xml")
    data_part = Part(
        package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), XLSX_TYPE, chart.workbook
    )
    # The chart part links its data through a relationship; the id is known once the parts are related.
    chart_part = Part(chart_name, CHART_TYPE, b"", package)
    data_id = chart_part.relate_to(data_part, RT.PACKAGE)
    link = f'<c:externalData r:id="{data_id}"><c:autoUpdate val="0"/></c:externalData>'.encode()
    xml = chart.xml.replace(b"<c:printSettings>", link + b"<c:printSettings>", 1)
    if link not in xml:
        xml = xml.replace(b"</c:chartSpace>", link + b"</c:chartSpace>", 1)
    chart_part._blob = xml
    chart_id = doc.part.relate_to(chart_part, RT.CHART)
    shape_id = doc.part.next_id
    cx, cy = Cm(chart.width_cm), Cm(chart.height_cm)
    run._r.append(
        parse_xml(
            '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
            ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
            ' xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
            ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape_id}" name="Chart {shape_id}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f'<c:chart r:id="{chart_id}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
        )
    )
