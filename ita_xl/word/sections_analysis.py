"""Report parts 2 and 3: the analysis tool by tool, and the guideline tables of weaknesses and strengths."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ita_xl.measures import code_span, item_label, item_span, join_thai
from ita_xl.word import style as st
from ita_xl.word.docx_xml import add_table

if TYPE_CHECKING:
    from ita_xl.word.context import Ctx

TABLE_STYLES = (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)


def tool_of(ctx: Ctx, unit: str) -> str:
    """Return the tool (IIT, EIT, OIT) of an indicator or sub-indicator code."""
    fw = ctx.fw
    ind = fw.subindicators[unit].indicator if unit in fw.subindicators else unit
    return fw.indicators[ind].tool


def _assesses(ctx: Ctx, unit: str) -> str:
    fw = ctx.fw
    return fw.subindicators[unit].assesses if unit in fw.subindicators else fw.indicators[unit].assesses


def _action(ctx: Ctx, unit: str) -> str:
    fw = ctx.fw
    return fw.subindicators[unit].action if unit in fw.subindicators else fw.indicators[unit].action


def _items(ctx: Ctx, unit: str) -> tuple[str, ...]:
    fw = ctx.fw
    return fw.subindicators[unit].items if unit in fw.subindicators else fw.indicators[unit].items


def missing_items(ctx: Ctx, unit: str) -> str:
    """Return the unit's items that did not pass, each with next year's code where the method renumbered it."""
    weak = [c for c in _items(ctx, unit) if c in ctx.result.weak_items and ctx.fw.items[c].tool == "OIT"]
    return join_thai([item_label(ctx.fw, c, ctx.texts) for c in weak], ctx.texts)


def _score_of(ctx: Ctx, unit: str) -> str:
    ls = ctx.result.level(unit)
    return ctx.score(ls.shown if ls else None)


def _unit_word(ctx: Ctx, units: list[str]) -> str:
    subs = units and all(u in ctx.fw.subindicators for u in units)
    return ctx.texts["common.sub_word" if subs else "common.indicator_word"]


def _entry(ctx: Ctx, n: int, unit: str, strength: bool) -> None:
    scope = ctx.texts["analysis.scope_sub" if unit in ctx.fw.subindicators else "analysis.scope_indicator"]
    ctx.para(
        ctx.t(
            "analysis.entry",
            n=n,
            label=ctx.unit_label(unit),
            score=_score_of(ctx, unit),
            scope=scope,
            assesses=_assesses(ctx, unit),
        )
    )
    if strength:
        ctx.para(ctx.t("analysis.keep"))
        return
    missing = missing_items(ctx, unit)
    if missing:
        ctx.para(ctx.t("analysis.missing", items=missing))
    ctx.para(ctx.t("analysis.action", action=_action(ctx, unit)))


def tool(ctx: Ctx, n: int, code: str) -> None:
    """Write 2.n for one tool: its mean and level, what it shows, then strengths and weaknesses in turn."""
    r = ctx.result
    t = ctx.fw.tools[code]
    ctx.heading(ctx.t("analysis.tool_heading", n=n, tool=code, tool_name=t.name, tool_name_en=t.name_en), level=2)
    ls = r.tools.get(code)
    codes = code_span(list(t.indicators))
    if ls is None:
        ctx.para(ctx.t("analysis.tool_missing", tool=code, codes=codes))
        return
    ctx.para(
        ctx.t(
            "analysis.tool_score",
            tool=code,
            codes=codes,
            score=ctx.score(ls.shown),
            grade=ls.grade,
            grade_label=ls.grade_label,
            passed=ctx.passed(ls),
        )
    )
    for ind in t.indicators:
        ils = r.indicators.get(ind)
        if ils is not None and ctx.fw.indicators[ind].subindicators:
            ctx.para(
                ctx.t(
                    "analysis.indicator_score",
                    label=ctx.unit_label(ind),
                    score=ctx.score(ils.shown),
                    grade=ils.grade,
                    grade_label=ils.grade_label,
                    passed=ctx.passed(ils),
                )
            )
    quality = "good" if ls.passed else "poor"
    key = f"analysis.shows.{code.lower()}_{quality}"
    ctx.para(ctx.t(key if key in ctx.texts else f"analysis.shows.generic_{quality}"))
    strengths = [u for u in r.strengths if tool_of(ctx, u) == code]
    weaknesses = [u for u in r.weaknesses if tool_of(ctx, u) == code]
    if strengths:
        ctx.para(ctx.t("analysis.strengths", count=len(strengths), word=_unit_word(ctx, strengths)))
        for i, unit in enumerate(strengths, 1):
            _entry(ctx, i, unit, strength=True)
    else:
        ctx.para(ctx.t("analysis.strengths_none"))
    if weaknesses:
        ctx.para(ctx.t("analysis.weaknesses", count=len(weaknesses), word=_unit_word(ctx, weaknesses)))
        for i, unit in enumerate(weaknesses, 1):
            _entry(ctx, i, unit, strength=False)
    else:
        ctx.para(ctx.t("analysis.weaknesses_none"))


def analysis(ctx: Ctx) -> None:
    """Write part 2: the heading, the rule used, and each tool in turn."""
    ctx.heading(ctx.t("analysis.heading"))
    ctx.para(ctx.t("analysis.intro"))
    for n, code in enumerate(ctx.fw.tools, 1):
        tool(ctx, n, code)


def _first_cell(ctx: Ctx, unit: str) -> str:
    label = ctx.texts.fmt("guideline.unit", label=ctx.unit_label(unit), score=_score_of(ctx, unit))
    if unit in ctx.fw.indicators:
        span = item_span(ctx.fw, [unit])
        if span:
            label += f" ({span})"
    return ctx.d(label)


def _rows(ctx: Ctx, units: list[str], strength: bool) -> list[list[str]]:
    rows: list[list[str]] = []
    current = ""
    for unit in units:
        code = tool_of(ctx, unit)
        if code != current:
            rows.append([ctx.t("guideline.tool_row", tool=code, tool_name=ctx.fw.tools[code].name)])
            current = code
        if strength:
            third = ctx.t("guideline.keep")
        else:
            third = ctx.d(_action(ctx, unit))
            missing = missing_items(ctx, unit)
            if missing:
                third += "\n" + ctx.t("analysis.missing", items=missing)
        rows.append([_first_cell(ctx, unit), ctx.d(_assesses(ctx, unit)), third])
    return rows


def guidelines(ctx: Ctx) -> None:
    """Write part 3: the weaknesses to fix and the strengths to keep, as two tables."""
    r = ctx.result
    ctx.heading(ctx.t("guideline.heading"))
    ctx.para(ctx.t("guideline.intro"))
    widths = ctx.text_width_cm()
    limit = ctx.split_row_cm()
    cols = ("unit", "assesses")
    for units, strength, last in ((r.weaknesses, False, "weakness"), (r.strengths, True, "strength")):
        if not units:
            continue
        headers = [ctx.t(f"guideline.columns.{k}") for k in (*cols, last)]
        add_table(
            ctx.doc,
            headers,
            _rows(ctx, list(units), strength),
            widths,
            TABLE_STYLES,
            max_row_cm=limit,
            size_pt=ctx.size,
        )
        ctx.blank()


def write(ctx: Ctx) -> None:
    """Write parts 2 and 3."""
    analysis(ctx)
    guidelines(ctx)
