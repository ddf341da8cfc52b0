"""The report's reference style document: generated here, shipped as ita_xl/assets/report-style.docx."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import BaseStyle

from ita_xl.errors import ItaError, Where
from ita_xl.word.docx_helpers import black, ensure_style, page_setup, set_doc_defaults, set_style_font
from ita_xl.word.word_file import open_word

DEFAULT_FONT = "TH SarabunPSK"
DEFAULT_SIZE = 16.0

# Style names the report uses; an office's own style document may define them, else they are added.
BODY = "Body Text"
HEADING1 = "Heading 1"
HEADING2 = "Heading 2"
TITLE = "Title"
COVER = "ITA Cover"
CENTER = "ITA Center"
TABLE = "Table Grid"
TABLE_HEAD = "ITA Table Header"
TABLE_TEXT = "ITA Table Text"
CAPTION = "Caption"
TOC_HEADING = "TOC Heading"
TOC_LEVELS = ("toc 1", "toc 2")
PARAGRAPH_STYLES = (
    BODY,
    HEADING1,
    HEADING2,
    TITLE,
    COVER,
    CENTER,
    TABLE_HEAD,
    TABLE_TEXT,
    CAPTION,
    TOC_HEADING,
    *TOC_LEVELS,
)


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def asset_path() -> Path:
    """Return the shipped reference style document (ita_xl/assets/report-style.docx)."""
    return Path(__file__).resolve().parent.parent / "assets" / "report-style.docx"


def _spacing(style: object, before: float = 0, after: float = 0) -> None:
    pf = style.paragraph_format  # type: ignore[attr-defined]
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _no_border(style: object) -> None:
    ppr = style.element.pPr  # type: ignore[attr-defined]
    if ppr is not None:
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)


def apply_fonts(doc: DocumentObject, font: str, size: float) -> None:
    """Set ``font`` (all four slots, no theme fonts) and sizes on the defaults and every style the report uses."""
    set_doc_defaults(doc, font, size)
    for name in ("Normal", "Header", "Footer", TABLE, *PARAGRAPH_STYLES):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        set_style_font(style, font, None)
    sizes = {"Normal": size, BODY: size, TABLE_TEXT: size, TABLE_HEAD: size, CENTER: size, CAPTION: size}
    sizes |= {HEADING1: size + 2, HEADING2: size, TITLE: size + 8, COVER: size + 4, TOC_HEADING: size + 2}
    sizes |= dict.fromkeys(TOC_LEVELS, size)
    sizes |= {"Header": size, "Footer": size}
    for name, pts in sizes.items():
        try:
            set_style_font(doc.styles[name], None, pts)
        except KeyError:
            continue
    # A heading's linked character style (Heading 1 Char) is what Word applies to part of a heading's text: the
    # same font, not the theme's heading font (Calibri Light, Angsana New) that python-docx's template gives it.
    for name in PARAGRAPH_STYLES:
        linked = _linked_character_style(doc, name)
        if linked is not None:
            set_style_font(linked, font, sizes.get(name))


def _linked_character_style(doc: DocumentObject, name: str) -> BaseStyle | None:
    """Return the character style linked to the paragraph style ``name`` (its w:link), if there is one."""
    try:
        link = doc.styles[name].element.find(qn("w:link"))
    except KeyError:
        return None
    if link is None:
        return None
    target = link.get(qn("w:val"))
    return next((s for s in doc.styles if s.style_id == target), None)


def ensure_styles(doc: DocumentObject) -> None:
    """Add, with plain defaults, every style the report uses that ``doc`` lacks (an office's own document)."""
    for name in PARAGRAPH_STYLES:
        base = "Normal" if name not in (TABLE_HEAD,) else TABLE_TEXT
        ensure_style(doc, name, WD_STYLE_TYPE.PARAGRAPH, base)
    ensure_style(doc, TABLE, WD_STYLE_TYPE.TABLE)


def _define(doc: DocumentObject) -> None:
    """Give the report's styles their look: black bold headings, centred cover, compact table text."""
    ensure_styles(doc)
    st = doc.styles
    _spacing(st["Normal"])
    body = st[BODY]
    body.base_style = st["Normal"]
    _spacing(body, 0, 0)
    body.paragraph_format.first_line_indent = Cm(1.25)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.THAI_JUSTIFY
    for name, before, after in ((HEADING1, 12, 6), (HEADING2, 6, 0), (TOC_HEADING, 0, 6)):
        s = st[name]
        s.base_style = st["Normal"]
        _spacing(s, before, after)
        set_style_font(s, None, None, bold=True)
        s.font.italic = False
        s.paragraph_format.keep_with_next = True
        black(s)
    st[TOC_HEADING].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in (TITLE, COVER):
        s = st[name]
        s.base_style = st["Normal"]
        _spacing(s, 0, 6)
        _no_border(s)
        set_style_font(s, None, None, bold=True)
        s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        black(s)
    for name in (CENTER, CAPTION):
        s = st[name]
        s.base_style = st["Normal"]
        _spacing(s, 0, 6 if name == CAPTION else 0)
        s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        black(s)
    set_style_font(st[CAPTION], None, None, bold=True)
    st[CAPTION].font.italic = False
    text = st[TABLE_TEXT]
    text.base_style = st["Normal"]
    _spacing(text)
    head = st[TABLE_HEAD]
    head.base_style = text
    set_style_font(head, None, None, bold=True)
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.paragraph_format.keep_with_next = True
    for i, name in enumerate(TOC_LEVELS):
        s = st[name]
        s.base_style = st["Normal"]
        _spacing(s)
        s.paragraph_format.left_indent = Cm(0.75 * i)


def drop_styles_with_effects(doc: DocumentObject) -> bool:
    """Remove Word 2010's copy of the styles (stylesWithEffects.xml); return whether there was one.

    Word 2013 and later neither write nor need it; Word 2010 rebuilds it. Kept, it would no longer match the
    styles ita-xl changes, and Word offers to repair a document whose two style parts disagree.
    """
    part = doc.part
    stale = [rid for rid, rel in part.rels.items() if rel.reltype == STYLES_WITH_EFFECTS]
    for rid in stale:
        part.drop_rel(rid)
    return bool(stale)


PROTECTION = ("w:documentProtection", "w:writeProtection")


def drop_protection(doc: DocumentObject) -> None:
    """Remove an office style document's editing and write protection: the report must open for editing."""
    settings = doc.settings.element
    for tag in PROTECTION:
        for el in settings.findall(qn(tag)):
            settings.remove(el)


def build_style_document(font: str = DEFAULT_FONT, size: float = DEFAULT_SIZE) -> DocumentObject:
    """Return the reference style document: python-docx's template restyled for a Thai official report.

    A4 with left 3 cm, right 2 cm, top 2.5 cm and bottom 2 cm; ``font`` at ``size`` pt on every style
    (ascii/hAnsi/eastAsia/cs, sz and szCs, Thai language, no theme fonts); black headings; an empty body.
    """
    doc = docx.Document()
    drop_styles_with_effects(doc)
    _define(doc)
    apply_fonts(doc, font, size)
    page_setup(doc.sections[0])
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    core = doc.core_properties
    core.title = "ita-xl report style"
    core.author = "ita-xl"
    core.comments = "Styles of the ITA analysis report. Edit the styles in Word and pass this file with --style."
    return doc


def write_style(path: Path, font: str = DEFAULT_FONT, size: float = DEFAULT_SIZE) -> None:
    """Write the reference style document to ``path``."""
    build_style_document(font, size).save(str(path))


def open_style(path: Path | None) -> DocumentObject:
    """Return a new report document built on the styles of ``path`` (the shipped style document when None).

    Its body is emptied; its page setup, headers and footers (an office's letterhead) are kept. Missing
    styles are added. Raises ItaError when the file cannot be read as a .docx.
    """
    source = path or asset_path()
    try:
        doc = open_word(source)
    except Exception as exc:  # python-docx raises zip, KeyError, lxml and ValueError failures
        raise ItaError(
            f"เปิดไฟล์รูปแบบเอกสาร (.docx) ไม่ได้ ({type(exc).__name__}); ใช้ไฟล์ .docx ที่บันทึกจาก Word",
            f"cannot open the style document ({type(exc).__name__}: {exc}); use a .docx saved by Word",
            Where(str(source)),
        ) from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    drop_styles_with_effects(doc)
    if path is not None:
        drop_protection(doc)
        _borrow_missing_styles(doc)
    return doc


def _borrow_missing_styles(doc: DocumentObject) -> None:
    """Copy the report's styles that ``doc`` lacks from the shipped style document, minus their font names,
    so that they inherit the office's own font from its Normal style."""
    import copy

    names = {s.name for s in doc.styles}
    wanted = [n for n in (*PARAGRAPH_STYLES, TABLE) if n not in names]
    if not wanted:
        return
    shipped = docx.Document(str(asset_path()))
    for name in wanted:
        try:
            element = copy.deepcopy(shipped.styles[name].element)
        except KeyError:
            continue
        for fonts in element.iter(qn("w:rFonts")):
            fonts.getparent().remove(fonts)
        doc.styles.element.append(element)
    ensure_styles(doc)


def document_font(doc: DocumentObject, fallback: str = DEFAULT_FONT) -> str:
    """Return the font the document's text is set in (its defaults' complex-script font, which draws Thai)."""
    fonts = doc.styles.element.find(
        qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:rFonts")
    )
    if fonts is not None:
        for slot in ("w:cs", "w:ascii", "w:hAnsi"):
            name = fonts.get(qn(slot))
            if name:
                return str(name)
    return fallback


if __name__ == "__main__":  # regenerate: python -m ita_xl.word.style [templates/report-style.docx]
    import sys

    targets = [asset_path()] + [Path(a) for a in sys.argv[1:]]
    for target in targets:
        write_style(target)
        print(target)
