"""Tables of the report: bordered, a repeated header row, rows kept whole, written as XML in one piece."""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx.table import Table

from ita_xl.word.docx_helpers import _attr, append_block, clean, paragraph_xml, run_xml, style_id, table_style_id

# Thai vowel and tone marks above and below the line take no width of their own (sara aa U+0E32 and
# sara am U+0E33 are spacing vowels and do).
_ZERO_WIDTH = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# Measured on LibreOffice's rendering with Laksaman standing in for TH SarabunPSK (about 1.5x larger): a
# narrow column holds about one visible Thai character per 0.65 em, word wrapping included, and a line is
# about 1.65 em high. Word with TH SarabunPSK needs less, so the estimate errs on the tall side.
_CHAR_EM = 0.65
_LINE_EM = 1.65
_CELL_PADDING_CM = 0.2


def estimate_height_cm(text: str, width_cm: float, size_pt: float) -> float:
    """Return a generous estimate of the height of ``text`` wrapped in a column ``width_cm`` wide.

    Thai marks above and below the line take no width; a visible character is taken as 0.65 em (word
    wrapping included) and a line as 1.65 em, which errs towards the larger substitute fonts LibreOffice
    uses when TH SarabunPSK is missing. An empty text is one line high.
    """
    em_cm = size_pt * 2.54 / 72
    per_line = max(1, int((width_cm - _CELL_PADDING_CM) / (em_cm * _CHAR_EM)))
    lines = 0
    for para in text.split("\n"):
        visible = len(para) - len(_ZERO_WIDTH.findall(para))
        lines += max(1, -(-visible // per_line))
    return lines * em_cm * _LINE_EM + _CELL_PADDING_CM


def _cell_xml(
    text: str, sid: str, width: int, align: str | None, bold: bool, span: int = 1, fill: str | None = None
) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    paras = "".join(paragraph_xml(sid, run_xml(line, bold), align) for line in clean(text).split("\n"))
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{grid}{shd}</w:tcPr>{paras}</w:tc>'


def add_table(
    doc: DocumentObject,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
    styles: tuple[str, str, str],
    center: Sequence[int] = (),
    max_row_cm: float | None = None,
    size_pt: float = 16,
) -> Table:
    """Return a bordered table: a repeated bold header row, unsplittable rows, fixed column widths.

    ``styles`` names the table style, the header paragraph style and the body paragraph style (looked up in
    ``doc``); ``center`` lists the columns whose body text is centred. A row with one value spans the whole
    width (bold, shaded); a shorter row leaves its last cells empty. A row that may be taller than
    ``max_row_cm`` (the usable page height) is allowed to split, so nothing is cut off. Raises ValueError
    when ``widths_cm`` does not give one width per header or a row has more values than headers.
    """
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
    xml.extend(_cell_xml(h, head_sid, w, centre, False, fill="D9D9D9") for h, w in zip(headers, twips, strict=True))
    xml.append("</w:tr>")
    for values in rows:
        if len(values) > len(headers):
            raise ValueError(f"a row has {len(values)} values for {len(headers)} columns: {list(values)!r}")
        texts = [clean(v) for v in values]
        tall = max_row_cm is not None and any(
            estimate_height_cm(v, w, size_pt) > max_row_cm for v, w in zip(texts, widths_cm, strict=False)
        )
        xml.append("<w:tr>" if tall else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if len(texts) == 1 and len(headers) > 1:
            # The spanning cell is as wide as the columns it spans: LibreOffice sizes the table from it.
            xml.append(_cell_xml(texts[0], body_sid, sum(twips), None, True, len(headers), "F2F2F2"))
        else:
            for i, w in enumerate(twips):
                if i < len(texts):
                    xml.append(_cell_xml(texts[i], body_sid, w, centre if i in center else None, False))
                else:
                    xml.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr><w:p/></w:tc>')
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return Table(append_block(doc, "".join(xml)), doc._body)  # type: ignore[arg-type]
