"""Report blocks written as WordprocessingML text and parsed once: runs, paragraphs, tables, page breaks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from ita_xl.thai import loosen
from ita_xl.word.docx_helpers import clean, estimate_height_cm, style_id, table_style_id
from ita_xl.word.table_fit import fit_widths
from ita_xl.xmltext import escape

# python-docx's element-by-element API rescans children on every insertion (quadratic in a table's
# size); writing each block as one string and parsing it once is ~10x faster and gives the same XML.

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_RUN_SPECIALS = re.compile("([\t\r\n])")
_BOLD_RPR = "<w:rPr><w:b/><w:bCs/></w:rPr>"


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def run_xml(text: str, bold: bool = False) -> str:
    """Return a ``w:r`` holding ``text`` as python-docx writes it: a tab is w:tab, a line end is w:br.

    ``text`` must already be clean of control characters (see :func:`clean`).
    """
    parts = [_BOLD_RPR] if bold else []
    for chunk in _RUN_SPECIALS.split(text):
        if not chunk:
            continue
        if chunk == "\t":
            parts.append("<w:tab/>")
        elif chunk in "\r\n":
            parts.append("<w:br/>")
        elif len(chunk.strip()) < len(chunk):
            parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
        else:
            parts.append(f"<w:t>{escape(chunk)}</w:t>")
    return f"<w:r>{''.join(parts)}</w:r>"


def paragraph_xml(sid: str | None, runs: str = "", align: str | None = None, keep: bool = False) -> str:
    """Return a ``w:p`` in paragraph style ``sid`` (none when None), aligned ``align`` (a w:jc value), kept on
    the page of what follows when ``keep``."""
    ppr = ""
    if sid is not None or align is not None or keep:
        style = f'<w:pStyle w:val="{_attr(sid)}"/>' if sid is not None else ""
        keep_next = "<w:keepNext/>" if keep else ""
        jc = f'<w:jc w:val="{align}"/>' if align is not None else ""
        ppr = f"<w:pPr>{style}{keep_next}{jc}</w:pPr>"
    return f"<w:p>{ppr}{runs}</w:p>"


def append_block(doc: DocumentObject, xml: str) -> BaseOxmlElement:
    """Parse ``xml`` (one w:p or w:tbl, namespace w implied) and add it at the end of the body; return it."""
    el = parse_xml(_with_ns(xml))
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(el)
    else:
        body.append(el)
    return el


def _with_ns(xml: str) -> str:
    """Return ``xml`` with the w namespace declared on its root element."""
    end = xml.index(">")
    if xml[end - 1] == "/":
        end -= 1
    return f"{xml[:end]} {_W_NS}{xml[end:]}"


def add_paragraph(
    doc: DocumentObject,
    text: str = "",
    sid: str | None = None,
    bold_prefix: str = "",
    align: str | None = None,
    empty_run: bool = False,
) -> Paragraph:
    """Return a new last paragraph of ``doc`` holding ``text`` (cleaned) in style ``sid``.

    ``text`` starting with ``bold_prefix`` gets that prefix as a separate bold run. No text gives no run
    unless ``empty_run``. A line end in ``text`` becomes a line break, not a new paragraph.
    """
    runs = ""
    if text or empty_run:
        line = clean(text)
        if bold_prefix and line.startswith(bold_prefix):
            runs = run_xml(bold_prefix, bold=True)
            line = line[len(bold_prefix) :]
        runs += run_xml(line)
    return Paragraph(append_block(doc, paragraph_xml(sid, runs, align)), doc._body)  # type: ignore[arg-type]


def _cell_xml(
    text: str,
    sid: str,
    width: int,
    align: str | None,
    bold: bool,
    span: int = 1,
    fill: str | None = None,
    keep: bool = False,
) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    paras = "".join(paragraph_xml(sid, run_xml(line, bold), align, keep) for line in clean(text).split("\n"))
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{grid}{shd}</w:tcPr>{paras}</w:tc>'


SHORT_ROW_CM = 2.5  # a row of up to about two lines: alone under its header it reads as an orphan


def add_table(
    doc: DocumentObject,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float] | float,
    styles: tuple[str, str, str],
    center: Sequence[int] = (),
    max_row_cm: float | None = None,
    size_pt: float = 16,
) -> Table:
    """Return a bordered table: a repeated bold header row, unsplittable rows, fixed column widths.

    ``styles`` names the table style, the header paragraph style and the body paragraph style (looked up in
    ``doc``); ``center`` lists the columns whose body text is centred. ``widths_cm`` gives each column's width,
    or the table's width as one number: the columns are then sized from their text (see :func:`fit_widths`). A row with one value spans the whole
    width (bold, shaded); a shorter row leaves its last cells empty. A row that may be taller than
    ``max_row_cm`` (the usable page height) is allowed to split, so nothing is cut off. Raises ValueError
    when ``widths_cm`` does not give one width per header or a row has more values than headers.
    """
    headers = [loosen(h) for h in headers]
    rows = [[loosen(v) for v in row] for row in rows]
    if isinstance(widths_cm, int | float):
        widths_cm = fit_widths(headers, rows, float(widths_cm), size_pt)
    if len(widths_cm) != len(headers):
        raise ValueError(f"widths_cm must give one width per header: {len(headers)} headers, {len(widths_cm)} widths")
    table_sid = table_style_id(doc, styles[0])
    head_sid, body_sid = style_id(doc, styles[1]), style_id(doc, styles[2])
    twips = [Cm(w).twips for w in widths_cm]
    centre = WD_ALIGN_PARAGRAPH.to_xml(WD_ALIGN_PARAGRAPH.CENTER)
    xml = ["<w:tbl><w:tblPr>"]
    if table_sid is not None:
        xml.append(f'<w:tblStyle w:val="{_attr(table_sid)}"/>')
    xml.append(
        f'<w:tblW w:type="dxa" w:w="{sum(twips)}"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0"'
        ' w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>'
    )
    xml.extend(f'<w:gridCol w:w="{w}"/>' for w in twips)
    xml.append("</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
    xml.extend(
        _cell_xml(h, head_sid, w, centre, False, fill="D9D9D9", keep=True) for h, w in zip(headers, twips, strict=True)
    )
    xml.append("</w:tr>")
    for n, values in enumerate(rows):
        if len(values) > len(headers):
            raise ValueError(f"a row has {len(values)} values for {len(headers)} columns: {list(values)!r}")
        texts = [clean(v) for v in values]
        height = max((estimate_height_cm(v, w, size_pt) for v, w in zip(texts, widths_cm, strict=False)), default=0)
        tall = max_row_cm is not None and height > max_row_cm
        # the last row never stands alone on a page (in a table of three rows or more: LibreOffice moves a
        # shorter table whose every row but the last is kept with the next to a page of its own), nor a short
        # first row under the header at a page's foot (in a table of four rows or more)
        keep = (len(rows) > 2 and n == len(rows) - 2) or (len(rows) > 3 and n == 0 and height < SHORT_ROW_CM)
        xml.append("<w:tr>" if tall else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if len(texts) == 1 and len(headers) > 1:
            # The spanning cell is as wide as the columns it spans: LibreOffice sizes the table from it.
            xml.append(_cell_xml(texts[0], body_sid, sum(twips), None, True, len(headers), "F2F2F2", keep=True))
        else:
            for i, w in enumerate(twips):
                if i < len(texts):
                    xml.append(_cell_xml(texts[i], body_sid, w, centre if i in center else None, False, keep=keep))
                else:
                    xml.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr><w:p/></w:tc>')
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    tbl = append_block(doc, "".join(xml))
    _keep_caption(tbl)
    return Table(tbl, doc._body)  # type: ignore[arg-type]


def _keep_caption(tbl: BaseOxmlElement) -> None:
    """Keep the paragraph just before a table (its caption or the sentence that leads into it) on its page."""
    before = tbl.getprevious()
    if before is None or before.tag != qn("w:p") or not "".join(before.itertext()).strip():
        return
    ppr = before.find(qn("w:pPr"))
    if ppr is None:
        ppr = parse_xml(f"<w:pPr {_W_NS}/>")
        before.insert(0, ppr)
    if ppr.find(qn("w:keepNext")) is None:
        keep = parse_xml(f"<w:keepNext {_W_NS}/>")
        style = ppr.find(qn("w:pStyle"))
        if style is not None:
            style.addnext(keep)
        else:
            ppr.insert(0, keep)


def page_break(doc: DocumentObject) -> None:
    """Add a page break."""

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
