"""Report part 1.5: last year's weaknesses followed into this year's result, indicator by indicator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ita_xl.loop import last_year_weaknesses
from ita_xl.measures import join_thai
from ita_xl.result import DOWN, SAME, UP
from ita_xl.thai import signed_text
from ita_xl.word import style as st
from ita_xl.word.docx_xml import add_table

if TYPE_CHECKING:
    from ita_xl.word.context import Ctx

TABLE_STYLES = (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)
WORDS = {UP: "loop.up", SAME: "loop.same", DOWN: "loop.down"}


def write(ctx: Ctx) -> None:
    """Write how last year's weak indicators moved, when the history sheet gives last year's indicator scores."""
    loop = last_year_weaknesses(ctx.result)
    if loop is None:
        return
    values = {"previous": loop.previous, "count": len(loop.indicators)}
    counts = {"improved": loop.count(UP), "same": loop.count(SAME), "declined": loop.count(DOWN)}
    ctx.para(ctx.numbered(ctx.t("loop.body", **values, **counts)))
    places = ctx.fw.rounding.places
    rows = []
    for f in loop.indicators:
        word = ctx.texts[WORDS[f.direction]] if f.direction else ctx.texts["loop.unknown"]
        change = signed_text(f.change, ctx.thai, places) if f.change is not None else "-"
        label = ctx.d(ctx.texts.fmt("common.indicator_label", code=f.code, name=f.name))
        rows.append([label, ctx.score(f.before), ctx.score(f.now), change, word])
    heads = [ctx.t(f"loop.columns.{k}", **values) for k in ("indicator", "before", "now", "change", "result")]
    add_table(ctx.doc, heads, rows, ctx.text_width_cm(), TABLE_STYLES, center=(1, 2, 3, 4), size_pt=ctx.size)
    ctx.blank()
    for key, chosen in (
        ("loop.improved", [f for f in loop.indicators if f.direction == UP]),
        ("loop.strong", [f for f in loop.indicators if f.strong_now]),
        ("loop.declined", [f for f in loop.indicators if f.direction == DOWN]),
    ):
        if chosen:
            names = join_thai(
                [ctx.texts.fmt("common.indicator_label", code=f.code, name=f.name) for f in chosen], ctx.texts
            )
            ctx.para(ctx.t(key, names=names))
    if not counts["improved"]:
        ctx.para(ctx.t("loop.none_improved"))
