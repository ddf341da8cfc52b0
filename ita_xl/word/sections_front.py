"""Report front matter: cover, preface (คำนำ), table of contents (สารบัญ) and the opening paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ita_xl.word import style as st
from ita_xl.word.docx_helpers import footer_page_number, page_setup

if TYPE_CHECKING:
    from ita_xl.word.context import Ctx


def _title_page_without_number(ctx: Ctx) -> None:
    section = ctx.doc.sections[0]
    sect = section._sectPr
    if sect.find(qn("w:titlePg")) is None:
        title_pg = OxmlElement("w:titlePg")
        grid = sect.find(qn("w:docGrid"))
        if grid is not None:
            grid.addprevious(title_pg)
        else:
            sect.append(title_pg)
    section.first_page_footer.is_linked_to_previous = False


def cover(ctx: Ctx) -> None:
    """Write the cover: title, fiscal year, purpose, and the office with its parent bodies at the foot."""
    doc = ctx.doc
    section = doc.sections[0]
    if ctx.options.style is None:
        page_setup(section)
    if "PAGE" not in section.footer._element.xml:
        footer_page_number(section, ctx.thai)
    else:
        from ita_xl.word.docx_helpers import page_number_format

        page_number_format(section, ctx.thai)
    _title_page_without_number(ctx)
    start = len(doc.paragraphs)
    ctx.para(ctx.t("cover.title"), st.TITLE)
    doc.paragraphs[start].paragraph_format.space_before = Pt(ctx.size * 2)
    ctx.para(ctx.t("cover.year"), st.COVER)
    ctx.blank(st.COVER)
    ctx.para(ctx.t("cover.purpose"), st.COVER)
    ctx.para(ctx.t("cover.purpose_year"), st.COVER)
    o = ctx.result.office
    first = True
    for line in (o.name, o.parent, o.ministry):
        if line.strip():
            p = ctx.para(ctx.d(line), st.COVER)
            if first:
                p.paragraph_format.space_before = Pt(ctx.size * 2)
                first = False


def preface(ctx: Ctx) -> None:
    """Write the preface (คำนำ) signed by the office with the report's month and year."""
    ctx.heading(ctx.t("preface.heading"), new_page=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    fw = ctx.fw
    names = [f"({ind.code}) {ind.name}" for ind in fw.indicators.values()]
    values = {"indicator_count": len(fw.indicators), "indicator_list": " ".join(names)}
    for key in ("preface.p1", "preface.p2", "preface.p3", "preface.p4"):
        ctx.para(ctx.t(key, **values))
    ctx.blank()
    ctx.para(ctx.d(ctx.result.office.name), st.CENTER).paragraph_format.left_indent = Cm(6)
    if ctx.values.get("date"):
        ctx.para(ctx.t("preface.date"), st.CENTER).paragraph_format.left_indent = Cm(6)


def contents(ctx: Ctx) -> None:
    """Write the table of contents (entries filled in once every heading is written)."""
    from ita_xl.word import toc

    toc.contents(ctx)


def opening(ctx: Ctx) -> None:
    """Write the report's opening heading and paragraph: the office's total, level and rank."""
    ctx.heading(ctx.t("intro.heading"), new_page=True)
    nat = ctx.result.national
    rank_text = ""
    if nat is not None and nat.rank is not None:
        key = "intro.rank_of" if nat.rank_of else "intro.rank"
        rank_text = ctx.texts.fmt(key, rank=nat.rank, rank_of=nat.rank_of or "")
    group = ctx.result.group
    if group is not None and group.rank is not None:
        key = "intro.group_rank_also" if rank_text else "intro.group_rank"
        rank_text += ctx.texts.fmt(key, rank=group.rank, rank_of=group.rank_of or "", group=group.name)
    rating = ctx.result.rating
    key = "rating.intro" if rating else "intro.body"
    ctx.para(ctx.t(key, rank_text=rank_text, rating=rating.label if rating else ""))


def write(ctx: Ctx) -> None:
    """Write the front matter in order."""
    cover(ctx)
    preface(ctx)
    contents(ctx)
    opening(ctx)
