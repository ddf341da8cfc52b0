"""Report parts 4-6: the measures table in a landscape section, monitoring, reporting and the signature."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Cm, Emu

from ita_xl.measures import measures_for
from ita_xl.model import Measure
from ita_xl.word import style as st
from ita_xl.word.docx_helpers import page_number_format, style_id
from ita_xl.word.docx_xml import add_paragraph, add_table

if TYPE_CHECKING:
    from ita_xl.word.context import Ctx

TABLE_STYLES = (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)
COLUMNS = ("steps", "deadline", "target", "responsible", "note")


def switch_section(ctx: Ctx, landscape: bool) -> Section:
    """Start a new page section in the given orientation (width and height swapped), numbered like the rest."""
    section = ctx.doc.add_section(WD_SECTION.NEW_PAGE)
    _shrink_break(ctx)
    width, height = int(section.page_width or 0), int(section.page_height or 0)
    if landscape != (width > height):
        section.page_width, section.page_height = Emu(height), Emu(width)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    title_pg = section._sectPr.find(qn("w:titlePg"))
    if title_pg is not None:  # only the cover page goes without a number
        section._sectPr.remove(title_pg)
    page_number_format(section, ctx.thai)
    return section


def _shrink_break(ctx: Ctx) -> None:
    """Make the paragraph that ends the previous section (it holds the section's settings) 1 pt high.

    A full page before it would otherwise push this empty paragraph onto a page of its own.
    """
    body = ctx.doc.element.body
    marks = [p for p in body.iterchildren(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    if not marks:
        return
    ppr = marks[-1].find(qn("w:pPr"))
    sect = ppr.find(qn("w:sectPr"))
    for tag in ("w:spacing", "w:rPr"):
        old = ppr.find(qn(tag))
        if old is not None:
            ppr.remove(old)
    sect.addprevious(parse_xml(f'<w:spacing {nsdecls("w")} w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'))
    sect.addprevious(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'))


def _row(ctx: Ctx, n: int, m: Measure) -> list[str]:
    note = m.note
    return [ctx.d(f"{n}. {m.addresses}"), *(ctx.d(v) for v in (m.steps, m.deadline, m.target, m.responsible, note))]


def measures(ctx: Ctx) -> None:
    """Write part 4: the measures from the office's sheet, or drafted from the analysis and marked as such."""
    switch_section(ctx, landscape=True)
    ctx.heading(ctx.t("measures_part.heading"))
    rows = measures_for(ctx.result, ctx.texts)
    if not rows:
        ctx.para(ctx.t("measures_part.none"))
        return
    if any(m.draft for m in rows):
        ctx.para(ctx.t("measures_part.draft_remark"))
    total, limit = ctx.text_width_cm(), ctx.split_row_cm()
    heads = [ctx.t(f"measures_part.columns.{k}") for k in COLUMNS]
    weak = [m for m in rows if m.kind != "strength"]
    strong = [m for m in rows if m.kind == "strength"]
    groups = [(kind, group) for kind, group in (("weakness", weak), ("strength", strong)) if group]
    for n, (kind, group) in enumerate(groups):
        if n:
            ctx.blank()  # between the tables only: a blank line after the last could spill onto an empty page
        headers = [ctx.t(f"measures_part.columns.{kind}"), *heads]
        rows_ = [_row(ctx, i, m) for i, m in enumerate(group, 1)]
        add_table(ctx.doc, headers, rows_, total, TABLE_STYLES, center=(2, 5), max_row_cm=limit, size_pt=ctx.size)


def follow_up(ctx: Ctx) -> None:
    """Write parts 5 (monitoring) and 6 (reporting) in a portrait section."""
    switch_section(ctx, landscape=False)
    ctx.heading(ctx.t("monitoring.heading"))
    for key in ("monitoring.p1", "monitoring.p2"):
        ctx.para(ctx.t(key))
    ctx.heading(ctx.t("reporting.heading"))
    ctx.para(ctx.t("reporting.body"))
    item = ctx.fw.items.get(ctx.fw.analysis_item)
    if item is not None:  # where the method asks for this report (o42 of FY2565, O42 of FY2566, O25 of FY2569)
        ctx.para(ctx.t("reporting.publish", item=ctx.fw.printed(item.code), item_title=item.title))


def signature(ctx: Ctx) -> None:
    """Write the signature block: the head's name and title, and the office when the title does not name it."""
    o = ctx.result.office
    for _ in range(2):
        ctx.blank().paragraph_format.keep_with_next = True  # the space above goes with the block, not alone
    lines = [ctx.t("sign.signed"), "", ctx.t("sign.name", head_name=o.head_name or ctx.texts["sign.blank_name"])]
    title = str(ctx.values["head_title"])
    lines.append(ctx.d(title))
    if o.name and o.name not in title:
        lines.append(ctx.d(o.name))
    for line in lines:
        p = add_paragraph(ctx.doc, line, style_id(ctx.doc, st.CENTER), empty_run=True)
        p.paragraph_format.left_indent = Cm(6)
        p.paragraph_format.keep_with_next = True


def write(ctx: Ctx) -> None:
    """Write parts 4 to 6 and the signature."""
    measures(ctx)
    follow_up(ctx)
    signature(ctx)
