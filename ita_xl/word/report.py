"""Write the formal Thai ITA analysis report (.docx) of one scored office."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.text.paragraph import Paragraph

from ita_xl.errors import OutputError, Where
from ita_xl.model import Framework
from ita_xl.result import Finding, LevelScore, Result
from ita_xl.thai import arabic_digits, score_text, thai_digits
from ita_xl.word import style as st
from ita_xl.word.docx_helpers import add_paragraph, append_block, clean, paragraph_xml, run_xml, style_id
from ita_xl.word.texts import Texts, default_text_path, load_texts
from ita_xl.word.toc import Heading

__all__ = ["ReportOptions", "default_text_path", "write_report"]


@dataclass
class ReportOptions:
    """How to write the report: the office's text file, its style document, and whether to draw charts."""

    text: Path | None = None
    style: Path | None = None
    charts: bool = True
    toc_pages: tuple[int | None, ...] | None = None  # each heading's page, from a rendering (see word.publish)


@dataclass
class Ctx:
    """What every section writer needs: the document, the result, the texts and the digit setting."""

    doc: DocumentObject
    result: Result
    texts: Texts
    options: ReportOptions
    values: dict[str, object] = field(default_factory=dict)
    size: float = st.DEFAULT_SIZE
    font: str = st.DEFAULT_FONT
    headings: list[Heading] = field(default_factory=list)
    toc_anchor: Paragraph | None = None
    notes: list[Finding] = field(default_factory=list)  # what the user should know about this report

    @property
    def fw(self) -> Framework:
        return self.result.framework

    @property
    def thai(self) -> bool:
        return self.result.office.thai_digits

    def d(self, text: object) -> str:
        """Return ``text`` cleaned, in Thai digits when the office uses them."""
        return thai_digits(clean(text)) if self.thai else arabic_digits(clean(text))

    def score(self, value: Decimal | None) -> str:
        """Return a score with the framework's decimals in the office's digits."""
        return score_text(value, self.thai, self.fw.rounding.places)

    def t(self, key: str, **values: object) -> str:
        """Return text ``key`` filled with the common values and ``values``, in the office's digits."""
        return self.d(self.texts.fmt(key, **{**self.values, **values}))

    def para(self, text: str, style: str = st.BODY, bold_prefix: str = "") -> Paragraph:
        """Add a paragraph per line of ``text`` in ``style``; return the last. ``bold_prefix`` is set in bold."""
        p: Paragraph | None = None
        sid = style_id(self.doc, style)
        for line in clean(text).split("\n"):
            runs = ""
            if bold_prefix and line.startswith(bold_prefix):
                runs = run_xml(bold_prefix, bold=True)
                line = line[len(bold_prefix) :]
            runs += run_xml(line)
            p = Paragraph(append_block(self.doc, paragraph_xml(sid, runs)), self.doc._body)  # type: ignore[arg-type]
        assert p is not None
        return p

    def blank(self, style: str | None = None) -> Paragraph:
        """Add an empty paragraph (in ``style`` when given) and return it."""
        return add_paragraph(self.doc, sid=style_id(self.doc, style) if style else None)

    def heading(self, text: str, level: int = 1, new_page: bool = False) -> Paragraph:
        """Add a heading (listed in the table of contents), on a new page when ``new_page``."""
        from ita_xl.word.toc import mark

        p = add_paragraph(self.doc, text, style_id(self.doc, st.HEADING1 if level == 1 else st.HEADING2))
        if new_page:
            p.paragraph_format.page_break_before = True
        mark(self, p, text, level)
        return p

    def note(self, code: str, th: str, en: str) -> None:
        """Tell the user something about this report (shown with the build's warnings), once per code."""
        if all(n.code != code for n in self.notes):
            self.notes.append(Finding("warning", code, th, en))

    def page_height_cm(self) -> float:
        """Return the usable height (between top and bottom margins) of the current section in cm."""
        s = self.doc.sections[-1]
        return (int(s.page_height or 0) - int(s.top_margin or 0) - int(s.bottom_margin or 0)) / 360000

    def passed(self, ls: LevelScore) -> str:
        return self.texts["common.passed"] if ls.passed else self.texts["common.failed"]

    def unit_label(self, code: str) -> str:
        """Return "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่" or "ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน" (not yet in Thai digits)."""
        if code in self.fw.subindicators:
            sub = self.fw.subindicators[code]
            ind = self.fw.indicators[sub.indicator]
            return self.texts.fmt(
                "common.sub_label", indicator=ind.code, indicator_name=ind.name, code=code, name=sub.name
            )
        return self.texts.fmt("common.indicator_label", code=code, name=self.fw.indicators[code].name)


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
        "threshold": _plain(fw.strength_threshold),
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


def build_document(result: Result, options: ReportOptions) -> Built:
    """Return the report document of ``result``; raise ItaError on a bad text or style file."""
    from ita_xl.word import properties, sections_analysis, sections_front, sections_measures, sections_results, toc
    from ita_xl.word.docx_helpers import update_fields_on_open

    texts = load_texts(options.text)
    doc = st.open_style(options.style)
    font, size = _font_settings(texts)
    default_src = str(default_text_path())
    office_font = texts.source("settings.font") != default_src or texts.source("settings.size") != default_src
    if options.style is None or office_font:
        st.apply_fonts(doc, font, size)
    ctx = Ctx(doc, result, texts, options, size=size, font=st.document_font(doc, font))
    ctx.values = _common_values(result, texts)
    sections_front.write(ctx)
    sections_results.write(ctx)
    sections_analysis.write(ctx)
    sections_measures.write(ctx)
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
        raise OutputError(
            f"บันทึกรายงานไม่ได้ ({exc.strerror})",
            f"cannot save the report ({exc.strerror})",
            Where(str(path)),
        ) from None
    return built
