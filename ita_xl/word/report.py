"""Write the formal Thai ITA analysis report (.docx) of one scored office."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from docx.document import Document as DocumentObject

from ita_xl.errors import OutputError, Where
from ita_xl.result import Finding, Result
from ita_xl.thai import score_text
from ita_xl.word import style as st
from ita_xl.word.context import Ctx, Heading, ReportOptions
from ita_xl.word.texts import Texts, default_text_path, load_texts

__all__ = ["ReportOptions", "default_text_path", "write_report"]


def _plain(value: Decimal) -> str:
    """Return a method number as the texts quote it: 100 for a whole number, 99.5 otherwise."""
    return score_text(value, False, 0) if value == value.to_integral() else str(value)


def _common_values(result: Result, texts: Texts) -> dict[str, object]:
    from ita_xl.measures import measures_year
    from ita_xl.thai import thai_month_year

    o = result.office
    fw = result.framework
    year = o.year or fw.year
    total = result.total
    unit = o.analysis_unit.strip() or texts["measures.responsible"]
    threshold = _plain(fw.strength_threshold)
    # A score cannot pass 100: "ได้คะแนนเต็ม 100", never "ตั้งแต่ 100 ขึ้นไป".
    rule = "common.full_marks" if fw.strength_threshold >= 100 else "common.at_least"
    return {
        "office": o.name,
        "parent": o.parent,
        "ministry": o.ministry,
        "year": year,
        "next_year": measures_year(result),
        "unit": unit,
        "head_name": o.head_name,
        "head_title": o.head_title or texts["sign.default_title"],
        "total": score_text(total.shown if total else None, False, fw.rounding.places),
        "grade": total.grade if total else "-",
        "grade_label": total.grade_label if total else "-",
        "threshold": threshold,
        "strength_rule": texts.fmt(rule, threshold=threshold),
        "pass_mark": _plain(fw.pass_mark),
        "date": thai_month_year(o.report_date, False) if o.report_date else "",
    }


def _font_settings(texts: Texts) -> tuple[str, float]:
    font = texts["settings.font"].strip() or st.DEFAULT_FONT
    try:
        size = float(texts["settings.size"])
    except ValueError:
        from ita_xl.errors import ItaError

        raise ItaError(
            f"ขนาดตัวอักษร settings.size ต้องเป็นตัวเลข ได้ {texts['settings.size']!r}",
            f"settings.size must be a number, got {texts['settings.size']!r}",
            Where(texts.source("settings.size")),
        ) from None
    return font, size


@dataclass
class Built:
    """A report document with what came out of writing it: its headings in order and notes for the user."""

    doc: DocumentObject
    headings: list[Heading]
    notes: list[Finding]
    font: str  # the body text's font


def open_context(result: Result, options: ReportOptions) -> Ctx:
    """Return a fresh document with the office's styles and fonts, and the context every section writer takes.

    Raises ItaError on a bad text or style file.
    """
    texts = load_texts(options.text)
    doc = st.open_style(options.style)
    font, size = _font_settings(texts)
    default_src = str(default_text_path())
    office_font = texts.source("settings.font") != default_src or texts.source("settings.size") != default_src
    if options.style is None or office_font:
        st.apply_fonts(doc, font, size)
    ctx = Ctx(doc, result, texts, options, size=size, font=st.document_font(doc, font))
    ctx.values = _common_values(result, texts)
    return ctx


def build_document(result: Result, options: ReportOptions) -> Built:
    """Return the report document of ``result``; raise ItaError on a bad text or style file."""
    from ita_xl.word import (
        properties,
        sections_analysis,
        sections_appendix,
        sections_front,
        sections_loop,
        sections_measures,
        sections_results,
        toc,
    )
    from ita_xl.word.doc_settings import update_fields_on_open

    ctx = open_context(result, options)
    doc = ctx.doc
    sections_front.write(ctx)
    sections_results.write(ctx)
    sections_loop.write(ctx)
    sections_analysis.write(ctx)
    sections_measures.write(ctx)
    sections_appendix.write(ctx)
    toc.fill(ctx, options.toc_pages)
    update_fields_on_open(doc)
    properties.set_properties(doc, ctx)
    return Built(doc, ctx.headings, ctx.notes, ctx.font)


def write_report(result: Result, path: Path, options: ReportOptions) -> Built:
    """Write the report of ``result`` to ``path`` (.docx) and return it. Raises ItaError (OutputError when it cannot save)."""
    built = build_document(result, options)
    try:
        built.doc.save(str(path))
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise  # atomic_output names a full disk
        raise OutputError(
            f"บันทึกรายงานไม่ได้ ({exc.strerror})",
            f"cannot save the report ({exc.strerror})",
            Where(str(path)),
        ) from None
    return built
