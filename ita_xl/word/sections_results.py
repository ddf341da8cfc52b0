"""Report part 1: national mean (and a roll-up group's), the office's total, history table, indicator table, grade legend, charts."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ita_xl.result import LevelScore
from ita_xl.word import style as st
from ita_xl.word.docx_helpers import bold_run
from ita_xl.word.docx_xml import add_table

if TYPE_CHECKING:
    from ita_xl.word.charts import Chart
    from ita_xl.word.context import Ctx

TABLE_STYLES = (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)


def _ranked(ctx: Ctx, highest: bool) -> list[LevelScore]:
    scores = list(ctx.result.indicators.values())
    if not scores:
        return []
    target = max(s.shown for s in scores) if highest else min(s.shown for s in scores)
    return [s for s in scores if s.shown == target]


def _indicator_refs(ctx: Ctx, scores: list[LevelScore]) -> str:
    parts = [ctx.texts.fmt("results.indicator_ref", code=s.code, name=s.name, score=ctx.score(s.shown)) for s in scores]
    from ita_xl.measures import join_thai

    return join_thai(parts, ctx.texts)


def summary(ctx: Ctx) -> None:
    """Write 1.1 (national mean) and 1.2 (the office's total, level, highest and lowest indicators)."""
    r = ctx.result
    ctx.heading(ctx.t("results.heading"))
    nat = r.national
    if nat is not None and nat.mean is not None and ctx.fw.levels:
        from ita_xl.rating import by_total

        label, higher = by_total(ctx.fw, nat.mean)
        shown = ctx.texts.fmt("rating.at_least", rating=label) if higher else label
        ctx.para(ctx.numbered(ctx.t("rating.national", mean=ctx.score(nat.mean), mean_rating=shown)))
    elif nat is not None and nat.mean is not None:
        band = ctx.fw.grade(nat.mean)
        national = ctx.t("results.national", mean=ctx.score(nat.mean), mean_grade=band.code, mean_label=band.label)
        ctx.para(ctx.numbered(national))
    else:
        # A published report does not speak of the workbook: the paragraph is left out and the user told.
        ctx.note(
            "national-missing",
            "ชีตข้อมูลหน่วยงานไม่มีคะแนนเฉลี่ยระดับประเทศ รายงานจึงไม่มีย่อหน้าค่าเฉลี่ยระดับประเทศ;"
            " เมื่อประกาศผลแล้ว ให้กรอกคะแนนเฉลี่ยระดับประเทศแล้วสร้างรายงานใหม่",
            "the office sheet gives no national mean, so the report leaves out the national-mean paragraph;"
            " once the results are out, enter the national mean and build again",
        )
    group_comparison(ctx)
    if r.total is None:
        ctx.para(ctx.numbered(ctx.t("results.total_missing")))
        return
    compare = ""
    if nat is not None and nat.difference is not None:
        key = "results.above" if nat.difference > 0 else "results.below" if nat.difference < 0 else "results.equal"
        compare = ctx.texts.fmt(key, difference=ctx.score(abs(nat.difference)))
    rated = r.rating is not None
    ctx.para(
        ctx.numbered(
            ctx.t(
                "rating.office" if rated else "results.office",
                rating=r.rating.label if r.rating else "",
                held_back=held_back(ctx),
                passed=ctx.passed(r.total),
                compare=compare,
                highest=_indicator_refs(ctx, _ranked(ctx, True)),
                lowest=_indicator_refs(ctx, _ranked(ctx, False)),
            )
        )
    )


def group_comparison(ctx: Ctx) -> None:
    """Write the roll-up's group beside the national figures (build --rollup): its mean, the difference, the rank."""
    g = ctx.result.group
    if g is None or g.mean is None:
        return
    compare = ""
    if g.difference is not None:
        key = "results.group_above" if g.difference > 0 else "results.group_below" if g.difference < 0 else ""
        key = key or "results.group_equal"
        compare = ctx.texts.fmt(key, difference=ctx.score(abs(g.difference)), **ctx.values)
    rank_text = ""
    if g.rank is not None:
        rank_text = ctx.texts.fmt("results.group_rank", rank=g.rank, rank_of=g.rank_of or "")
    count = g.rank_of or ""
    text = ctx.t(
        "results.group", group=g.name, count=count, mean=ctx.score(g.mean), compare=compare, rank_text=rank_text
    )
    ctx.para(ctx.numbered(text))


def _plain(value: Decimal) -> str:
    """Return a floor as the method states it: 85, not 85.00 (digits follow the report's setting later)."""
    return str(value.quantize(Decimal(1))) if value == value.to_integral() else str(value.normalize())


def held_back(ctx: Ctx) -> str:
    """Return the sentence naming the tools that alone keep the office from the next rating level, or ""."""
    rating = ctx.result.rating
    if rating is None or not rating.shortfalls:
        return ""
    tools = ctx.texts["rating.joiner"].join(
        ctx.texts.fmt("rating.tool", tool=s.tool, score=ctx.score(s.score), needed=_plain(s.needed))
        for s in rating.shortfalls
    )
    plain = _plain(rating.shortfalls[0].needed)
    return ctx.t("rating.held_back", tools=tools, rating=rating.label, next=rating.next_label, needed=plain)


def shown_level(ctx: Ctx, level: str) -> str:
    """Return a past year's level as the report says it: "ผ่าน+" (a label told by the total alone) as "ผ่าน ขึ้นไป"."""
    return ctx.texts.fmt("rating.at_least", rating=level[:-1]) if level.endswith("+") else level


HISTORY_ROWS = 10  # the latest years shown in the history table; older ones stay in the chart


def history(ctx: Ctx) -> None:
    """Write 1.3: every year given with its own result, direction and signed difference (the first has none)."""
    from ita_xl.thai import signed_text

    trends = list(ctx.result.history)[-HISTORY_ROWS:]
    if len(trends) < 2:
        ctx.para(ctx.numbered(ctx.t("results.history_missing")))
        return
    ctx.para(ctx.numbered(ctx.t("results.history", first=trends[0].year, last=trends[-1].year)))
    rows = [
        [
            ctx.d(t.year),
            ctx.score(t.total),
            shown_level(ctx, t.level),
            t.direction or "-",
            signed_text(t.difference, ctx.thai, ctx.fw.rounding.places) if t.difference is not None else "-",
        ]
        for t in trends
    ]
    keys = ("year", "score", "level", "trend", "difference")
    headers = [ctx.t(f"results.history_columns.{k}") for k in keys]
    add_table(ctx.doc, headers, rows, ctx.text_width_cm(), TABLE_STYLES, center=(0, 1, 2, 3, 4), size_pt=ctx.size)
    ctx.blank()


def indicators(ctx: Ctx) -> None:
    """Write 1.4: the indicator table with sub-indicators, then the grade legend."""
    r = ctx.result
    ctx.para(ctx.numbered(ctx.t("results.indicators")))
    rows: list[list[str]] = []
    for code, ind in ctx.fw.indicators.items():
        ls = r.indicators.get(code)
        rows.append(_row(ctx, ctx.d(code), ind.name, ls))
        for sub in ind.subindicators:
            rows.append(_row(ctx, "", ctx.d(f"{sub} {ctx.fw.subindicators[sub].name}"), r.subindicators.get(sub)))
    headers = [ctx.t(f"results.indicator_columns.{k}") for k in ("code", "name", "score", "grade", "note")]
    add_table(ctx.doc, headers, rows, ctx.text_width_cm(), TABLE_STYLES, center=(0, 2, 3, 4), size_pt=ctx.size)
    mismatches(ctx)
    ctx.blank()
    legend(ctx)


def mismatches(ctx: Ctx) -> None:
    """Say, under the indicator table, which entered scores differ from their entered parts (never silently)."""
    found = ctx.result.mismatches
    if not found:
        return
    from ita_xl.measures import join_thai

    fw = ctx.fw
    items = []
    for m in found:
        if all(c in fw.indicators for c in m.parts):
            parts = ctx.texts.fmt("common.indicator_word") + "ที่ " + code_range(m.parts)
        elif all(c in fw.subindicators for c in m.parts):
            parts = ctx.texts.fmt("common.sub_word") + "ที่ " + code_range(m.parts)
        else:
            parts = ", ".join(m.parts)
        values = {"label": m.label, "given": ctx.score(m.given), "computed": ctx.score(m.computed), "parts": parts}
        items.append(ctx.texts.fmt("results.mismatch_item", **values))
    ctx.para(ctx.t("results.mismatch", items=join_thai(items, ctx.texts)), st.TABLE_TEXT)


def code_range(codes: tuple[str, ...]) -> str:
    """Return "1 – 5" for consecutive codes, else the codes joined with commas."""
    return f"{codes[0]} – {codes[-1]}" if len(codes) > 2 else " และ ".join(codes)


def _row(ctx: Ctx, code: str, name: str, ls: LevelScore | None) -> list[str]:
    if ls is None:
        return [code, name, "-", "-", "-"]
    return [code, name, ctx.score(ls.shown), ls.grade, ctx.passed(ls)]


def rating_legend(ctx: Ctx) -> None:
    """Write the rating levels of FY2567+: each label with its minimum total and minimum on every tool."""
    bold_run(ctx.para(ctx.t("rating.legend"), st.TABLE_TEXT).runs[0])
    rows = []
    for level in ctx.fw.levels:
        tools = ctx.score(level.min_tool) if level.min_tool is not None else ctx.texts["rating.no_tool_floor"]
        note = ctx.texts["common.passed" if level.passed else "common.failed"]
        rows.append([level.label, ctx.score(level.min_total), tools, note])
    headers = [ctx.t(f"rating.legend_columns.{k}") for k in ("label", "total", "tools", "note")]
    add_table(ctx.doc, headers, rows, ctx.text_width_cm() - 1, TABLE_STYLES, center=(0, 1, 2, 3), size_pt=ctx.size)
    ctx.para(ctx.t("rating.grades_legend"), st.TABLE_TEXT)


def legend(ctx: Ctx) -> None:
    """Write the grade-band legend from the framework's bands (after the rating levels when the year has them)."""
    if ctx.fw.levels:
        rating_legend(ctx)
    else:
        bold_run(ctx.para(ctx.t("results.legend"), st.TABLE_TEXT).runs[0])
    places = ctx.fw.rounding.places
    step = Decimal(1).scaleb(-places)
    rows = []
    upper: Decimal | None = None
    for band in ctx.fw.grades:
        low = ctx.score(band.min)
        high = ctx.score(Decimal(100)) if upper is None else ctx.score(upper - step)
        rows.append(
            [band.code, band.label, f"{low} - {high}", ctx.texts["common.passed" if band.passed else "common.failed"]]
        )
        upper = band.min
    headers = [ctx.t(f"results.legend_columns.{k}") for k in ("grade", "label", "range", "note")]
    add_table(ctx.doc, headers, rows, ctx.text_width_cm() - 1, TABLE_STYLES, center=(0, 2, 3), size_pt=ctx.size)
    ctx.blank()


def charts(ctx: Ctx) -> None:
    """Add the indicator chart and, with two or more years, the history chart (when charts are wanted)."""
    if not ctx.options.charts or not ctx.result.indicators:
        return
    from ita_xl.word import charts as ch

    r = ctx.result
    look = ch.Look(ctx.font, ctx.size * 0.875, ctx.thai)
    places = ctx.fw.rounding.places
    names = (ctx.t("charts.score_series"), ctx.t("charts.pass_series"))
    labels = [ctx.d(c) for c in r.indicators]
    values = [s.shown for s in r.indicators.values()]
    chart = ch.indicator_chart(labels, values, ctx.t("charts.indicators"), ctx.fw.pass_mark, look, names, places)
    _chart(ctx, chart, ctx.t("charts.indicators_caption"))
    trends = list(r.history)
    if len(trends) >= 2:
        years = [ctx.d(t.year) for t in trends]
        totals = [t.total for t in trends]
        chart = ch.history_chart(years, totals, ctx.t("charts.history"), look, ctx.t("charts.total_series"), places)
        _chart(ctx, chart, ctx.t("charts.history_caption"))


def _chart(ctx: Ctx, chart: Chart, caption: str) -> None:
    from ita_xl.word import charts as ch

    p = ctx.blank(st.CENTER)
    p.paragraph_format.keep_with_next = True
    ch.place(ctx.doc, p.add_run(), chart)
    ctx.para(caption, st.CAPTION)


def write(ctx: Ctx) -> None:
    """Write part 1 in order."""
    summary(ctx)
    history(ctx)
    indicators(ctx)
    charts(ctx)
