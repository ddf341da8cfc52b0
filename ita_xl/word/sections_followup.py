"""The follow-up report's parts: title, background, summary with its table and chart, the measures one by one,
problems and suggestions, what comes next, and the signature."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from docx.shared import Cm, Pt

from ita_xl.model import Measure
from ita_xl.progress import NOT_RECORDED, STATUSES, percent_of, status_of
from ita_xl.thai import score_text, thai_date
from ita_xl.word import style as st
from ita_xl.word.docx_helpers import footer_page_number, page_setup
from ita_xl.word.docx_xml import add_table
from ita_xl.word.sections_front import _title_page_without_number
from ita_xl.word.sections_measures import signature, switch_section

if TYPE_CHECKING:
    from ita_xl.word.context import Ctx
    from ita_xl.word.followup_options import Followup

TABLE_STYLES = (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)
# Shares of the landscape text width: number, measure, result, status, percent, evidence.
DETAIL_COLUMNS = ("no", "measure", "result", "status", "percent", "evidence")


def _percent(ctx: Ctx, m: Measure) -> str:
    p = percent_of(m.progress)
    if p is None:
        return "-"
    places = 0 if p == p.to_integral() else 2
    return score_text(p, ctx.thai, places)


def title(ctx: Ctx, fu: Followup) -> None:
    """Write the title block at the head of the first page: report, office, fiscal year, round and data date."""
    section = ctx.doc.sections[0]
    if ctx.options.style is None:
        page_setup(section)
    footer_page_number(section, ctx.thai)
    _title_page_without_number(ctx)
    ctx.para(ctx.t("followup.title"), st.TITLE)
    ctx.para(ctx.t("followup.year"), st.COVER)
    ctx.para(ctx.t(f"followup.round_{fu.round}"), st.COVER)
    ctx.para(ctx.t("followup.as_of"), st.COVER).paragraph_format.space_after = Pt(ctx.size)


def background(ctx: Ctx, fu: Followup) -> None:
    """Write part 1: where the measures came from and why this report is published."""
    ctx.heading(ctx.t("followup.background.heading"))
    ctx.para(ctx.t("followup.background.body"))
    ctx.para(ctx.t(f"followup.background.purpose_{fu.round}"))


def summary(ctx: Ctx, fu: Followup) -> None:
    """Write part 2: counts per status, the mean percent, the table of statuses and the chart."""
    s = fu.summary
    ctx.heading(ctx.t("followup.summary.heading"))
    if s.recorded == 0:
        ctx.para(ctx.t("followup.summary.none"))
        return
    counts = {k: s.counts[k] for k in (*STATUSES, NOT_RECORDED)}
    not_recorded = ""
    if counts[NOT_RECORDED]:
        not_recorded = ctx.texts.fmt("followup.summary.not_recorded", not_recorded=counts[NOT_RECORDED])
    if s.percent is not None:
        places = 0 if s.percent == s.percent.to_integral() else 2
        percent_text = ctx.texts.fmt("followup.summary.percent", percent=score_text(s.percent, False, places))
    else:
        percent_text = ctx.texts["followup.summary.percent_unknown"]
    ctx.para(ctx.t("followup.summary.body", **counts, not_recorded_text=not_recorded, percent_text=percent_text))
    rows = []
    for status in (*STATUSES, NOT_RECORDED):
        if status == NOT_RECORDED and not counts[status]:
            continue
        share = s.share(status)
        rows.append([ctx.t(f"followup.status.{status}"), ctx.d(counts[status]), score_text(share, ctx.thai, 2)])
    rows.append([ctx.t("followup.summary.total"), ctx.d(s.total), score_text(Decimal(100), ctx.thai, 2)])
    caption = ctx.para(ctx.t("followup.summary.table_caption"), st.CAPTION)
    caption.paragraph_format.keep_with_next = True
    heads = [ctx.t(f"followup.summary.columns.{k}") for k in ("status", "count", "share")]
    table = add_table(ctx.doc, heads, rows, (7.0, 4.0, 5.0), TABLE_STYLES, center=(1, 2), size_pt=ctx.size)
    for row in table.rows[:-1]:  # a table this short stays on one page
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
    ctx.blank()
    chart(ctx, fu)


def chart(ctx: Ctx, fu: Followup) -> None:
    """Add the chart of each measure's percent done, coloured by status (when charts are wanted)."""
    if not ctx.options.charts or not fu.measures:
        return
    from ita_xl.word import charts as ch

    look = ch.Look(ctx.font, ctx.size * 0.875, ctx.thai)
    labels = [ctx.t("followup.summary.chart_label", n=n) for n in range(1, len(fu.measures) + 1)]
    values = [percent_of(m.progress) for m in fu.measures]
    statuses = [status_of(m.progress) for m in fu.measures]
    drawn = ch.progress_chart(
        labels, values, statuses, ctx.t("followup.summary.chart_title"), look, ctx.t("followup.summary.chart_series")
    )
    p = ctx.blank(st.CENTER)
    p.paragraph_format.keep_with_next = True
    ch.place(ctx.doc, p.add_run(), drawn)
    ctx.para(ctx.t("followup.summary.chart_caption"), st.CAPTION)


def _detail_row(ctx: Ctx, n: int, m: Measure) -> list[str]:
    kind = ctx.texts["followup.details.strength" if m.kind == "strength" else "followup.details.weakness"]
    measure = f"{kind} {m.addresses}"
    if m.responsible:
        measure += "\n" + ctx.texts.fmt("followup.details.responsible", responsible=m.responsible)
    pr = m.progress
    status = status_of(pr)
    status_text = ctx.texts[f"followup.status.{status}"]
    if pr.date is not None:
        status_text += "\n" + ctx.texts.fmt("followup.details.date", date=thai_date(pr.date, False))
    result = pr.result or ctx.texts["followup.details.no_result"]
    evidence = pr.evidence or ctx.texts["followup.details.no_evidence"]
    return [ctx.d(n), ctx.d(measure), ctx.d(result), ctx.d(status_text), _percent(ctx, m), evidence]


def details(ctx: Ctx, fu: Followup) -> None:
    """Write part 3 in a landscape section: one row per measure with its result, status, percent and evidence."""
    switch_section(ctx, landscape=True)
    ctx.heading(ctx.t("followup.details.heading"))
    ctx.para(ctx.t("followup.details.intro"))
    heads = [ctx.t(f"followup.details.columns.{k}") for k in DETAIL_COLUMNS]
    rows = [_detail_row(ctx, n, m) for n, m in enumerate(fu.measures, 1)]
    add_table(
        ctx.doc,
        heads,
        rows,
        ctx.text_width_cm(),
        TABLE_STYLES,
        center=(0, 3, 4),
        max_row_cm=ctx.split_row_cm(),
        size_pt=ctx.size,
    )


def problems(ctx: Ctx, fu: Followup) -> None:
    """Write part 4: each measure's problems and suggestions; only suggestions when problems are left out."""
    switch_section(ctx, landscape=False)
    keep = fu.options.problems
    suffix = "" if keep else "_suggestions"
    ctx.heading(ctx.t(f"followup.problems.heading{suffix}"))
    entries = [(n, m) for n, m in enumerate(fu.measures, 1) if (keep and m.progress.problems) or m.progress.suggestions]
    if not entries:
        ctx.para(ctx.t(f"followup.problems.none{suffix}"))
        return
    ctx.para(ctx.t(f"followup.problems.intro{suffix}"))
    for n, m in entries:
        line = ctx.t("followup.problems.measure", n=n, measure=m.addresses)
        ctx.para(line, bold_prefix=line).paragraph_format.keep_with_next = True
        for key, text in (("problems", m.progress.problems if keep else ""), ("suggestions", m.progress.suggestions)):
            if text:
                label = ctx.texts[f"followup.problems.{key}"]
                ctx.para(ctx.d(label + text), bold_prefix=ctx.d(label))


def next_steps(ctx: Ctx, fu: Followup) -> None:
    """Write part 5: what follows this round (the second half of the year, or next year's measures)."""
    ctx.heading(ctx.t("followup.next.heading"))
    s = fu.summary
    all_done = s.total > 0 and s.counts[STATUSES[0]] == s.total
    # What comes next, the date and the signature stay on one page: a signature is never on a page of its own.
    what_next = ctx.para(ctx.t(f"followup.next.round_{fu.round}" + ("_done" if all_done else "")))
    what_next.paragraph_format.keep_with_next = True


def write(ctx: Ctx, fu: Followup) -> None:
    """Write the follow-up report in order."""
    title(ctx, fu)
    background(ctx, fu)
    summary(ctx, fu)
    details(ctx, fu)
    problems(ctx, fu)
    next_steps(ctx, fu)
    ctx.blank().paragraph_format.keep_with_next = True
    reported = ctx.para(ctx.t("followup.sign.reported"), st.CENTER).paragraph_format
    reported.left_indent, reported.keep_with_next = Cm(6), True
    signature(ctx)
