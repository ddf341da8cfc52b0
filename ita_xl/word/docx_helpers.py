"""Low-level python-docx helpers: Thai fonts on styles, fields, tables, sections and page numbers."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

A4_WIDTH, A4_HEIGHT = Cm(21.0), Cm(29.7)
# Thai official documents: left 3 cm, right 2 cm; top 2.5 cm and bottom 2 cm are the common choice.
MARGINS = {"left": Cm(3.0), "right": Cm(2.0), "top": Cm(2.5), "bottom": Cm(2.0)}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def clean(text: object) -> str:
    """Return ``text`` as a string without the control characters that Word files cannot hold."""
    return _CONTROL.sub("", str(text))


def _child(parent: object, tag: str) -> object:
    """Return the first child ``tag`` of an lxml element, created (appended) when missing."""
    el = parent.find(qn(tag))  # type: ignore[attr-defined]
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)  # type: ignore[attr-defined]
    return el


def set_rpr_font(rpr: object, font: str | None, size: float | None, bold: bool | None = None) -> None:
    """Set the four rFonts slots, sz/szCs, bold/bCs and Thai language on an rPr element; drop theme fonts."""
    if font is not None:
        fonts = _child(rpr, "w:rFonts")
        for attr in _THEME_ATTRS:
            key = qn(attr)
            if key in fonts.attrib:  # type: ignore[attr-defined]
                del fonts.attrib[key]  # type: ignore[attr-defined]
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), font)  # type: ignore[attr-defined]
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            el = _child(rpr, tag)
            el.set(qn("w:val"), "1" if bold else "0")  # type: ignore[attr-defined]
    if size is not None:
        half = str(round(size * 2))
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), half)  # type: ignore[attr-defined]
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:bidi"), "th-TH")  # type: ignore[attr-defined]
    _order_rpr(rpr)


# rPr children must follow the schema order or Word refuses the file.
_RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath",
]  # fmt: skip


def _order_rpr(rpr: object) -> None:
    rank = {qn(f"w:{t}"): i for i, t in enumerate(_RPR_ORDER)}
    children = list(rpr)  # type: ignore[call-overload]
    children.sort(key=lambda el: rank.get(el.tag, len(rank)))
    for el in children:
        rpr.append(el)  # type: ignore[attr-defined]


def set_style_font(style: BaseStyle, font: str | None, size: float | None, bold: bool | None = None) -> None:
    """Set a style's Thai (complex-script) and Latin font and size, removing theme fonts."""
    rpr = style.element.get_or_add_rPr()
    set_rpr_font(rpr, font, size, bold)


def set_doc_defaults(doc: DocumentObject, font: str, size: float) -> None:
    """Set the document defaults (docDefaults/rPrDefault) to ``font`` and ``size``."""
    styles = doc.styles.element
    defaults = _child(styles, "w:docDefaults")
    rpr_default = _child(defaults, "w:rPrDefault")
    rpr = _child(rpr_default, "w:rPr")
    set_rpr_font(rpr, font, size)
    if defaults is not styles[0]:
        styles.insert(0, defaults)


def ensure_style(
    doc: DocumentObject,
    name: str,
    kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH,
    base: str = "Normal",
) -> BaseStyle:
    """Return the style ``name``, adding it (based on ``base``) when the document does not define it."""
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, kind)
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            with contextlib.suppress(KeyError):
                style.base_style = doc.styles[base]
        return style


def black(style: BaseStyle) -> None:
    """Make a style's text black (python-docx's default headings are theme blue)."""
    font = style.font  # type: ignore[attr-defined]
    font.color.rgb = RGBColor(0, 0, 0)
    color = style.element.rPr.find(qn("w:color"))
    if color is not None:
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            if qn(attr) in color.attrib:
                del color.attrib[qn(attr)]


# ---- sections ------------------------------------------------------------------------------


def page_setup(section: Section, landscape: bool = False) -> None:
    """Set A4, the Thai official margins and the orientation, swapping width and height for landscape."""
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = A4_HEIGHT, A4_WIDTH
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.0)


def text_width(section: Section) -> Emu:
    """Return the width between the margins of ``section``."""
    return Emu(int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0))


def new_section(doc: DocumentObject, landscape: bool) -> Section:
    """Return a new section starting on a new page, A4 in the requested orientation."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, landscape)
    return section


def page_number_format(section: Section, thai: bool) -> None:
    """Set ``pgNumType``: Thai-digit page numbers when ``thai``, else decimal."""
    sect = section._sectPr
    pg = sect.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        # pgNumType goes before cols/titlePg/docGrid; insert before the first of those that exists.
        anchor = None
        for tag in (
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
        ):
            anchor = sect.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(pg)
        else:
            sect.append(pg)
    pg.set(qn("w:fmt"), "thaiNumbers" if thai else "decimal")


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """Append a complex field (begin, instruction, separate, placeholder result, end) to ``paragraph``."""

    def run_with(el: object) -> None:
        r = OxmlElement("w:r")
        r.append(el)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    if placeholder:
        paragraph.add_run(clean(placeholder))
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def footer_page_number(section: Section, thai: bool) -> None:
    """Put a centred PAGE field in ``section``'s footer and set the page number format."""
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.text = ""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(p, "PAGE", "1")
    page_number_format(section, thai)


def update_fields_on_open(doc: DocumentObject) -> None:
    """Ask Word to refresh fields (the table of contents) when the document is opened."""
    settings = doc.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        settings.append(el)
    el.set(qn("w:val"), "true")


# ---- tables --------------------------------------------------------------------------------


def _tr_flag(row_tr: object, tag: str) -> None:
    trpr = row_tr.get_or_add_trPr()  # type: ignore[attr-defined]
    if trpr.find(qn(tag)) is None:
        trpr.append(OxmlElement(tag))


def shade(cell: _Cell, fill: str) -> None:
    """Give ``cell`` a solid background (a new shd element per cell)."""
    tcpr = cell._tc.get_or_add_tcPr()
    old = tcpr.find(qn("w:shd"))
    if old is not None:
        tcpr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def bold_run(run: object) -> None:
    """Make a run bold for Latin and Thai (complex-script) text: w:b and w:bCs."""
    rpr = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    for tag in ("w:b", "w:bCs"):
        _child(rpr, tag)
    _order_rpr(rpr)


def estimate_height_cm(text: str, width_cm: float, size_pt: float) -> float:
    """Return a generous estimate of the height of ``text`` wrapped in a column ``width_cm`` wide.

    Thai combining marks take no width; an average glyph is taken as half an em, a line as 1.3 em, which
    errs towards the larger substitute fonts LibreOffice uses when TH SarabunPSK is missing.
    """
    em_cm = size_pt * 2.54 / 72
    per_line = max(1, int((width_cm - 0.2) / (em_cm * 0.5)))
    lines = 0
    for para in text.split("\n"):
        visible = sum(
            1 for ch in para if not ("\u0e31" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e" or ch == "\u0e34")
        )
        lines += max(1, -(-visible // per_line))
    return lines * em_cm * 1.3 + 0.2


def style_id(doc: DocumentObject, name: str) -> str:
    """Return the style id of style ``name`` (cached on the document: python-docx scans every style per lookup)."""
    cache: dict[str, str] | None = getattr(doc, "_ita_style_ids", None)
    if cache is None:
        cache = {}
        doc._ita_style_ids = cache  # type: ignore[attr-defined]
    if name not in cache:
        cache[name] = doc.styles[name].style_id
    return cache[name]


def set_style(paragraph: Paragraph, sid: str) -> None:
    """Give ``paragraph`` the paragraph style whose id is ``sid``."""
    paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = sid


def set_cell(cell: _Cell, text: str, style: str, align: WD_ALIGN_PARAGRAPH | None = None, bold: bool = False) -> None:
    """Write ``text`` into ``cell``, one paragraph per line, in paragraph style ``style``."""
    lines = clean(text).split("\n") or [""]
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        set_style(p, style)
        if align is not None:
            p.alignment = align
        run = p.add_run(line)
        if bold:
            bold_run(run)


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
    ``doc``); ``center``
    lists the columns whose body text is centred. A row with one value spans the whole width. A row that
    may be taller than ``max_row_cm`` (the usable page height) is allowed to split, so nothing is cut off.
    """
    table_style = styles[0]
    head_style, body_style = style_id(doc, styles[1]), style_id(doc, styles[2])
    table = doc.add_table(rows=1, cols=len(headers))
    with contextlib.suppress(KeyError, ValueError):
        table.style = table_style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    head = table.rows[0]
    _tr_flag(head._tr, "w:tblHeader")
    _tr_flag(head._tr, "w:cantSplit")
    for i, text in enumerate(headers):
        set_cell(head.cells[i], text, head_style, WD_ALIGN_PARAGRAPH.CENTER)
        shade(head.cells[i], "D9D9D9")
    for values in rows:
        row = table.add_row()
        tall = max_row_cm is not None and any(
            estimate_height_cm(clean(v), w, size_pt) > max_row_cm for v, w in zip(values, widths_cm, strict=False)
        )
        if not tall:
            _tr_flag(row._tr, "w:cantSplit")
        if len(values) == 1 and len(headers) > 1:
            merged = row.cells[0].merge(row.cells[-1])
            set_cell(merged, values[0], body_style, bold=True)
            shade(merged, "F2F2F2")
            continue
        for i, text in enumerate(values):
            set_cell(row.cells[i], text, body_style, WD_ALIGN_PARAGRAPH.CENTER if i in center else None)
    for row in table.rows:
        for i, cell in enumerate(row.cells[: len(widths_cm)]):
            cell.width = Cm(widths_cm[i])
    for i, col in enumerate(table.columns):
        if i < len(widths_cm):
            col.width = Cm(widths_cm[i])
    _fixed_layout(table)
    return table


def _fixed_layout(table: Table) -> None:
    tblpr = table._tbl.tblPr
    layout = tblpr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tblpr.append(layout)
    layout.set(qn("w:type"), "fixed")


def page_break(doc: DocumentObject) -> None:
    """Add a page break."""
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def points(value: float) -> Pt:
    """Return ``value`` points as a python-docx length."""
    return Pt(value)
