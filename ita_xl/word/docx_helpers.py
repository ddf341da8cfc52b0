"""Low-level python-docx helpers: Thai fonts on styles, fields, tables, sections and page numbers."""

from __future__ import annotations

import contextlib
import re

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ita_xl.cleaning import strip_control

A4_WIDTH, A4_HEIGHT = Cm(21.0), Cm(29.7)
# Thai official documents: left 3 cm, right 2 cm; top 2.5 cm and bottom 2 cm are the common choice.
MARGINS = {"left": Cm(3.0), "right": Cm(2.0), "top": Cm(2.5), "bottom": Cm(2.0)}
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def clean(text: object) -> str:
    """Return ``text`` as a string without the control characters that Word files cannot hold."""
    return strip_control(text)


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
    if thai:
        _thai_page_numbers(section)


def _thai_page_numbers(section: Section) -> None:
    """Mark the runs of each footer paragraph holding a PAGE field as Thai (w:lang th-TH).

    Word draws the number in Thai digits from ``pgNumType``. LibreOffice ignores that, and its PDF (pdf.py) draws
    digits by their context: Thai where the text is Thai, so the field's runs say they are; a URL in the body
    keeps its Arabic digits.
    """
    for paragraph in section.footer.paragraphs:
        if "PAGE" not in paragraph._p.xml:
            continue
        for run in paragraph._p.iter(qn("w:r")):
            rpr = run.get_or_add_rPr()
            lang = _child(rpr, "w:lang")
            lang.set(qn("w:val"), "th-TH")  # type: ignore[attr-defined]
            lang.set(qn("w:bidi"), "th-TH")  # type: ignore[attr-defined]
            _order_rpr(rpr)


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


# ---- tables --------------------------------------------------------------------------------


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


# Thai vowel and tone marks above and below the line take no width of their own (sara aa U+0E32 and
# sara am U+0E33 are spacing vowels and do).
_ZERO_WIDTH = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# Measured on LibreOffice's rendering with Laksaman standing in for TH SarabunPSK (about 1.5x larger): a
# narrow column holds about one visible Thai character per 0.55 em, word wrapping included, and a line is
# about 1.5 em high (measured again on the measures table: a row of ~12 cm was estimated at ~19 cm with
# 0.65 em and 1.65 em, which let rows that fit on a page split). Word with TH SarabunPSK needs less, so the
# estimate still errs on the tall side.
_CHAR_EM = 0.55
_LINE_EM = 1.5
_CELL_PADDING_CM = 0.2


def visible(text: str) -> int:
    """Return the number of characters of ``text`` that take width (Thai marks above and below take none)."""
    return len(text) - len(_ZERO_WIDTH.findall(text))


def estimate_height_cm(text: str, width_cm: float, size_pt: float) -> float:
    """Return a generous estimate of the height of ``text`` wrapped in a column ``width_cm`` wide.

    Thai marks above and below the line take no width; a visible character is taken as 0.55 em (word
    wrapping included) and a line as 1.5 em, which errs towards the larger substitute fonts LibreOffice
    uses when TH SarabunPSK is missing. An empty text is one line high.
    """
    em_cm = size_pt * 2.54 / 72
    per_line = max(1, int((width_cm - _CELL_PADDING_CM) / (em_cm * _CHAR_EM)))
    lines = 0
    for para in text.split("\n"):
        lines += max(1, -(-visible(para) // per_line))
    return lines * em_cm * _LINE_EM + _CELL_PADDING_CM


def style_id(doc: DocumentObject, name: str) -> str:
    """Return the style id of style ``name`` (cached on the document: python-docx scans every style per lookup)."""
    cache: dict[str, str] | None = getattr(doc, "_ita_style_ids", None)
    if cache is None:
        cache = {}
        doc._ita_style_ids = cache  # type: ignore[attr-defined]
    if name not in cache:
        cache[name] = doc.styles[name].style_id
    return cache[name]


def table_style_id(doc: DocumentObject, name: str) -> str | None:
    """Return the id of table style ``name``; None when it is missing, not a table style or the default."""
    cache: dict[str, str | None] | None = getattr(doc, "_ita_table_style_ids", None)
    if cache is None:
        cache = {}
        doc._ita_table_style_ids = cache  # type: ignore[attr-defined]
    if name not in cache:
        sid: str | None = None
        with contextlib.suppress(KeyError, ValueError):
            sid = doc.part.get_style_id(name, WD_STYLE_TYPE.TABLE)
        cache[name] = sid
    return cache[name]


def set_style(paragraph: Paragraph, sid: str) -> None:
    """Give ``paragraph`` the paragraph style whose id is ``sid``."""
    paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = sid


def points(value: float) -> Pt:
    """Return ``value`` points as a python-docx length."""
    return Pt(value)
