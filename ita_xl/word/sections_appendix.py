"""Report appendix (ภาคผนวก): every score as entered (or computed), and the office's own attachments."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ita_xl.result import LevelScore
from ita_xl.word import style as st
from ita_xl.word.docx_xml import add_table

if TYPE_CHECKING:
    from ita_xl.word.context import Ctx

TABLE_STYLES = (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)
_SEPARATORS = re.compile(r"[;\n]+")


def attachment_names(text: str) -> list[str]:
    """Return the attachments named in the office sheet's field: one per ";" or line, blanks left out."""
    return [name.strip() for name in _SEPARATORS.split(text) if name.strip()]


def _rows(ctx: Ctx, given: bool) -> list[list[str]]:
    """Return one row per score: the total, each tool, each indicator with its sub-indicators, then items.

    With ``given`` only the scores the office entered are listed (the official results as received).
    """
    r, fw = ctx.result, ctx.fw
    rows: list[list[str]] = []

    def add(label: str, ls: LevelScore | None, level: str = "") -> None:
        if ls is not None and (ls.given or not given):
            rows.append([ctx.d(label), ctx.score(ls.shown), level or ls.grade])

    add(ctx.texts["appendix.total"], r.total, r.rating.label if r.rating else "")  # FY2567+: the rating label
    for code, tool in fw.tools.items():
        add(ctx.texts.fmt("appendix.tool", tool=code, tool_name=tool.name), r.tools.get(code))
    for code, ind in fw.indicators.items():
        add(ctx.unit_label(code), r.indicators.get(code))
        for sub in ind.subindicators:
            add(ctx.texts.fmt("appendix.sub", code=sub, name=fw.subindicators[sub].name), r.subindicators.get(sub))
    if given:
        for code, item in fw.items.items():
            add(ctx.texts.fmt("appendix.item", code=fw.printed(code), title=item.title), r.items.get(code))
    return rows


def results(ctx: Ctx) -> None:
    """Write appendix ก: the scores as the office received them, or as computed from its answers."""
    ctx.heading(ctx.t("appendix.results_heading"), level=2)
    given = any(ls.given for ls in (ctx.result.total, *ctx.result.tools.values()) if ls is not None) or any(
        ls.given for ls in ctx.result.indicators.values()
    )
    ctx.para(ctx.t("appendix.results_given" if given else "appendix.results_computed"))
    headers = [ctx.t(f"appendix.columns.{k}") for k in ("item", "score", "grade")]
    add_table(ctx.doc, headers, _rows(ctx, given), ctx.text_width_cm(), TABLE_STYLES, center=(1, 2), size_pt=ctx.size)
    ctx.blank()


def attachments(ctx: Ctx) -> None:
    """Write appendix ข: the office's attachments, or a marked place for them (and tell the user)."""
    ctx.heading(ctx.t("appendix.attachments_heading"), level=2)
    names = attachment_names(ctx.result.office.attachments)
    if not names:
        ctx.para(ctx.t("appendix.attachments_placeholder"))
        ctx.note(
            "appendix-attachments",
            "ภาคผนวก ข ของรายงานมีข้อความให้แทรกเอกสารประกอบ (เช่น คำสั่งแต่งตั้งคณะทำงาน): แทรกเอกสารใน Word"
            " หรือกรอกชื่อเอกสารในช่อง เอกสารแนบในภาคผนวก ของชีตข้อมูลหน่วยงานแล้วสร้างใหม่ ก่อนเผยแพร่",
            "appendix ข of the report holds a marked place for the office's attachments (such as the order"
            " appointing the working group): insert them in Word, or name them in the office sheet's attachments"
            " field and build again, before publishing",
        )
        return
    ctx.para(ctx.t("appendix.attachments_intro"))
    for n, name in enumerate(names, 1):
        ctx.para(ctx.t("appendix.attachment", n=n, name=name))


def write(ctx: Ctx) -> None:
    """Write the appendix on a page of its own, listed in the table of contents."""
    ctx.heading(ctx.t("appendix.heading"), new_page=True)
    results(ctx)
    attachments(ctx)
