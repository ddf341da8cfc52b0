"""Write the analysis workbook: Thai score sheets whose every score is a live formula over the copied input."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from xlsxwriter.workbook import Workbook

from ita_xl.excel import analysis_data as data_sheets
from ita_xl.excel.analysis_book import (
    ANSWERS,
    FINDINGS,
    GIVEN,
    HISTORY,
    INDICATORS,
    INFO,
    ITEMS,
    MEASURES,
    OIT,
    OIT_DATA,
    RULES,
    SUMMARY,
    TREND,
    Book,
)
from ita_xl.excel.analysis_progress import PROGRESS, write_progress
from ita_xl.excel.analysis_report import write_findings, write_measures, write_trend
from ita_xl.excel.analysis_scores import write_items, write_oit
from ita_xl.excel.analysis_summary import write_indicators, write_summary
from ita_xl.excel.bulk_rows import share_strings, splice
from ita_xl.excel.xlsx_style import WORKBOOK_OPTIONS, FastWorksheet, Styles
from ita_xl.rollup_inputs import OUTPUT_PROPERTY

if TYPE_CHECKING:
    from ita_xl.evaluation import Evaluation


def sheet_names(ev: Evaluation) -> list[str]:
    """Return the sheets of the analysis workbook of ``ev`` in order: reading sheets first, copied input last."""
    has_raw = bool(ev.result.statements)
    names = [SUMMARY, INDICATORS, *([ITEMS] if has_raw else []), OIT, TREND, FINDINGS, MEASURES]
    names += [PROGRESS] if ev.result.measures else []  # the office's own measures can be followed up
    names += [INFO, RULES]
    names += [ANSWERS.format(tool=t) for t in ev.framework.tools if t in ev.data.surveys]
    names += [OIT_DATA] if ev.data.oit else []
    names += [GIVEN] if ev.data.given else []
    names += [HISTORY]
    return names


def write_analysis(ev: Evaluation, path: Path, charts: bool = True) -> None:
    """Write the analysis workbook of ``ev`` to ``path`` (the caller's temporary file); ``charts`` adds the charts.

    Every computed cell is an Excel formula over the data sheets in the same file, cached with the value the
    scoring engine computed, so any viewer shows the engine's numbers and Excel recalculates on edits.
    """
    package = io.BytesIO()
    wb = Workbook(package, {**WORKBOOK_OPTIONS, "in_memory": True})
    wb.worksheet_class = FastWorksheet
    book: Book | None = None
    try:
        book = Book(wb, ev.framework, ev.data, ev.result, Styles(wb))
        for name in sheet_names(ev):
            book.sheets[name] = wb.add_worksheet(name)
        book.sheets[SUMMARY].activate()
        data_sheets.write_info(book)
        data_sheets.write_rules(book)
        if ev.data.surveys:
            data_sheets.write_answers(book)
        if ev.data.oit:
            data_sheets.write_oit_data(book)
        if ev.data.given:
            data_sheets.write_given(book)
        data_sheets.write_history(book)
        if ITEMS in book.sheets:
            write_items(book)
        write_oit(book)
        write_indicators(book, charts)
        write_summary(book)
        write_trend(book, charts)
        write_findings(book)
        write_measures(book)
        if PROGRESS in book.sheets:
            write_progress(book)
        for name in (INFO, RULES, GIVEN, HISTORY, OIT_DATA):
            if name in book.sheets:
                book.sheets[name].set_tab_color("#A6A6A6")
        wb.set_properties({"title": f"ITA analysis {ev.framework.year}", "comments": "ita-xl"})
        wb.set_custom_property(OUTPUT_PROPERTY, "analysis")  # a roll-up skips it, whatever it is renamed to
        share_strings(wb, book.bulk)
    finally:
        wb.close()
    splice(package, path, book.bulk if book is not None else [])
