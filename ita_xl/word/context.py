"""The report's shared context: what every section writer needs (document, result, texts, options) and its helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

from ita_xl.model import Framework
from ita_xl.result import Finding, LevelScore, Result
from ita_xl.thai import NBSP, arabic_digits, bind_numbers, score_text, thai_digits
from ita_xl.word import style as st
from ita_xl.word.docx_helpers import clean, style_id
from ita_xl.word.docx_xml import add_paragraph, append_block, paragraph_xml, run_xml
from ita_xl.word.texts import Texts

_FIRST_BOOKMARK = 9000
_SUB_NUMBER = re.compile("^([0-9\u0e50-\u0e59]+)\\.([0-9\u0e50-\u0e59]+)(?=\\s)")


def _even(text: str) -> str:
    """Return ``text`` with no-break spaces as plain spaces (a bold prefix matches either way)."""
    return text.replace(NBSP, " ")


@dataclass(frozen=True)
class Heading:
    """A heading listed in the table of contents: its text as printed, its level (1 or 2) and bookmark."""

    text: str
    level: int
    bookmark: str


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
    sub_number: int = 0  # the last "1.n" given by :meth:`numbered`

    @property
    def fw(self) -> Framework:
        return self.result.framework

    @property
    def thai(self) -> bool:
        return self.result.office.thai_digits

    def d(self, text: object) -> str:
        """Return ``text`` cleaned, in the office's digits, each number held to the word before it (no-break space)."""
        return bind_numbers(thai_digits(clean(text)) if self.thai else arabic_digits(clean(text)))

    def score(self, value: Decimal | None) -> str:
        """Return a score with the framework's decimals in the office's digits."""
        return score_text(value, self.thai, self.fw.rounding.places)

    def t(self, key: str, **values: object) -> str:
        """Return text ``key`` filled with the common values and ``values``, in the office's digits."""
        return self.d(self.texts.fmt(key, **{**self.values, **values}))

    def numbered(self, text: str) -> str:
        """Return ``text`` with its leading "1.n" renumbered in turn (1.1, 1.2, ...), so a paragraph left out leaves no gap.

        A text without such a number (an office's own wording) is returned as it is.
        """
        m = _SUB_NUMBER.match(text)
        if m is None:
            return text
        self.sub_number += 1
        return self.d(f"{arabic_digits(m.group(1))}.{self.sub_number}") + text[m.end() :]

    def para(self, text: str, style: str = st.BODY, bold_prefix: str = "") -> Paragraph:
        """Add a paragraph per line of ``text`` in ``style``; return the last. ``bold_prefix`` is set in bold."""
        p: Paragraph | None = None
        sid = style_id(self.doc, style)
        for line in clean(text).split("\n"):
            runs = ""
            if bold_prefix and _even(line).startswith(_even(bold_prefix)):
                runs = run_xml(line[: len(bold_prefix)], bold=True)
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
        p = add_paragraph(self.doc, text, style_id(self.doc, st.HEADING1 if level == 1 else st.HEADING2))
        if new_page:
            p.paragraph_format.page_break_before = True
        n = _FIRST_BOOKMARK + len(self.headings)
        name = f"_TocITA{n}"
        start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{n}" w:name="{name}"/>')
        ppr = p._p.pPr
        if ppr is not None:
            ppr.addnext(start)
        else:
            p._p.insert(0, start)
        p._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{n}"/>'))
        self.headings.append(Heading(clean(text), level, name))
        return p

    def note(self, code: str, th: str, en: str) -> None:
        """Tell the user something about this report (shown with the build's warnings), once per code."""
        if all(n.code != code for n in self.notes):
            self.notes.append(Finding("warning", code, th, en))

    def text_width_cm(self) -> float:
        """Return the width between the margins of the current section in cm."""
        s = self.doc.sections[-1]
        return (int(s.page_width or 0) - int(s.left_margin or 0) - int(s.right_margin or 0)) / 360000

    def page_height_cm(self) -> float:
        """Return the usable height (between top and bottom margins) of the current section in cm."""
        s = self.doc.sections[-1]
        return (int(s.page_height or 0) - int(s.top_margin or 0) - int(s.bottom_margin or 0)) / 360000

    def split_row_cm(self) -> float:
        """Return the height past which a table row may split across pages: half the usable page height.

        Kept whole, a taller row moves to the next page and leaves a gap (or its heading alone) behind it.
        """
        return self.page_height_cm() * 0.5

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
