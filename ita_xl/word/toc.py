"""The table of contents (สารบัญ): a TOC field whose result is written out, with page numbers when they are known.

Word rebuilds the field when the file is opened (settings ask it to); every other reader, LibreOffice's PDF export
included, shows the entries as written here. The page numbers come from a first rendering of the document
(see ita_xl.word.publish): headings carry bookmarks, the entries link to them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm

from ita_xl.word import style as st
from ita_xl.word.docx_helpers import style_id, text_width
from ita_xl.word.docx_xml import _with_ns, run_xml
from ita_xl.xmltext import escape

if TYPE_CHECKING:
    from ita_xl.word.context import Ctx

INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
_NUMBER_ROOM_CM = 1.2  # right indent that keeps a wrapped entry's text clear of the page numbers


def same_title(a: str, b: str) -> bool:
    """Return True when two heading texts are the same once spaces (no-break spaces included) are evened out."""
    return _key(a) == _key(b)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def contents(ctx: Ctx) -> None:
    """Write the heading สารบัญ, the column label หน้า, and the place the entries go (filled by :func:`fill`)."""
    ctx.para(ctx.t("toc.heading"), st.TOC_HEADING).paragraph_format.page_break_before = True
    label = ctx.para(ctx.t("toc.page"), st.BODY)
    label.paragraph_format.first_line_indent = 0
    label.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    label.runs[0].bold = True
    label.paragraph_format.keep_with_next = True
    ctx.toc_anchor = ctx.blank(st.BODY)


def fill(ctx: Ctx, pages: Sequence[int | None] | None) -> None:
    """Replace the place kept by :func:`contents` with the TOC field and one entry per heading.

    ``pages`` gives each heading's page number in order (None where unknown); without it the entries have none.
    """
    anchor = ctx.toc_anchor
    if anchor is None:
        return
    width = text_width(ctx.doc.sections[0]).twips
    right = Cm(_NUMBER_ROOM_CM).twips
    ids = [style_id(ctx.doc, name) for name in st.TOC_LEVELS]
    field_begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(INSTRUCTION)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    field_end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    heads = ctx.headings
    paras = []
    for i, h in enumerate(heads):
        page = pages[i] if pages is not None and i < len(pages) else None
        indent = Cm(0.75).twips if h.level > 1 else 0
        ppr = (
            f'<w:pPr><w:pStyle w:val="{ids[min(h.level, 2) - 1]}"/>'
            f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
            f'<w:ind w:left="{indent}" w:right="{right}" w:hanging="0"/></w:pPr>'
        )
        number = "" if page is None else "<w:r><w:tab/></w:r>" + run_xml(ctx.d(page))
        link = f'<w:hyperlink w:anchor="{h.bookmark}" w:history="1">{run_xml(h.text)}{number}</w:hyperlink>'
        begin = field_begin if i == 0 else ""
        end = field_end if i == len(heads) - 1 else ""
        paras.append(f"<w:p>{ppr}{begin}{link}{end}</w:p>")
    if not paras:
        paras.append(f"<w:p>{field_begin}{field_end}</w:p>")
    el = anchor._p
    for xml in paras:
        new = parse_xml(_with_ns(xml))
        el.addprevious(new)
    el.getparent().remove(el)
    ctx.toc_anchor = None
