"""Write the follow-up report on the measures (.docx): what each measure achieved, in a 6- or 12-month round.

This is the second document of an ITA year (OIT o43 of FY2565, O43 of FY2566, O26 of the NACC-type FY2569 list):
the analysis report promises measures; this one tells the public how far they went.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from docx.document import Document as DocumentObject

from ita_xl.errors import ItaError, OutputError, Where
from ita_xl.model import Framework, Measure
from ita_xl.progress import ROUNDS, fiscal_period, followup_item, guess_round, latest_date, summarise
from ita_xl.result import Result
from ita_xl.thai import thai_date
from ita_xl.word.context import Ctx, ReportOptions
from ita_xl.word.docx_helpers import clean
from ita_xl.word.followup_options import Followup, FollowupOptions
from ita_xl.word.report import open_context


def measures_to_follow(result: Result, source: str = "") -> tuple[Measure, ...]:
    """Return the office's own measures; raise ItaError when the workbook has none (drafts are not followed up)."""
    if not result.measures:
        raise ItaError(
            "ชีตมาตรการยังไม่มีมาตรการของหน่วยงาน จึงทำรายงานผลการดำเนินการไม่ได้; "
            "กรอกมาตรการที่ประกาศใช้ (ทำงานจากตารางมาตรการในรายงานที่ ita-xl build ร่างให้ได้) แล้วบันทึกผลในคอลัมน์ติดตามผล",
            "the measures sheet holds no measures of the office, so there is nothing to follow up; enter the measures "
            "the office adopted (the table drafted by ita-xl build is a start), then record their progress",
            Where(source, "มาตรการ"),
        )
    return tuple(result.measures)


def measures_framework(year: int) -> Framework | None:
    """Return the shipped method of fiscal year ``year`` (the year of the measures), or None when none ships."""
    from ita_xl import framework as fwmod

    if year not in fwmod.available_years():
        return None
    return fwmod.load(year=year)


def _round_values(ctx: Ctx, fu: Followup, year: int) -> dict[str, object]:
    start, end = fiscal_period(year, fu.round)
    report_date = fu.options.report_date or date.today()
    as_of = latest_date(fu.measures) or report_date
    fw = measures_framework(year)
    code = followup_item(fw)
    item_text = ""
    if fw is not None and code is not None:
        item_text = ctx.texts.fmt("followup.background.item", item=fw.printed(code), item_title=fw.items[code].title)
    s = fu.summary
    return {
        "round": fu.round,
        "period_start": thai_date(start, False),
        "period_end": thai_date(end, False),
        "as_of": thai_date(as_of, False),
        "report_date": thai_date(report_date, False),
        "count": s.total,
        "after_year": year + 1,
        "item_text": item_text,
    }


def build_followup(result: Result, measures: Sequence[Measure], options: FollowupOptions) -> DocumentObject:
    """Return the follow-up document of ``measures`` (the office's, from ``result``'s workbook).

    Raises ItaError on a bad text or style file or a round other than 6 or 12.
    """
    from ita_xl.measures import measures_year
    from ita_xl.progress import strip_problems
    from ita_xl.word import sections_followup as sections

    if options.round is not None and options.round not in ROUNDS:
        raise ItaError(
            f"รอบการรายงานต้องเป็น 6 หรือ 12 (เดือน) ได้ {options.round}",
            f"the round must be 6 or 12 (months), got {options.round}",
        )
    ctx = open_context(result, ReportOptions(options.text, options.style, options.charts))
    doc, texts = ctx.doc, ctx.texts
    year = measures_year(result)
    shown = tuple(measures) if options.problems else strip_problems(measures)
    round_months = options.round or guess_round(shown, year, options.report_date or date.today())
    fu = Followup(shown, summarise(shown), round_months, options)
    ctx.values.update(_round_values(ctx, fu, year))
    fu.values = dict(ctx.values)
    sections.write(ctx, fu)
    core = doc.core_properties
    core.title = clean(texts.fmt("followup.title", **ctx.values).replace("\n", " "))
    core.author = clean(result.office.name)[:255]
    return doc


def write_followup(result: Result, measures: Sequence[Measure], path: Path, options: FollowupOptions) -> None:
    """Write the follow-up report to ``path`` (.docx). Raises ItaError (OutputError when it cannot save)."""
    doc = build_followup(result, measures, options)
    try:
        doc.save(str(path))
    except OSError as exc:
        raise OutputError(
            f"บันทึกรายงานไม่ได้ ({exc.strerror})",
            f"cannot save the report ({exc.strerror})",
            Where(str(path)),
        ) from None
