"""Make the report's PDF: with Word where it can be automated, else with LibreOffice in two passes.

LibreOffice does not fill a table of contents on its own, so the report is rendered once, each heading's page
is read from the PDF's bookmarks, and the report is written again with those page numbers in its table of
contents and rendered again (a third time in the rare case the numbers moved a heading).
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ita_xl.result import Finding, Result
from ita_xl.word.context import Heading
from ita_xl.word.pdf_read import Bookmark, bookmarks, embedded_fonts, font_family_key
from ita_xl.word.report import ReportOptions, write_report
from ita_xl.word.toc import same_title

WORD, LIBREOFFICE = "Microsoft Word", "LibreOffice"
_PASSES = 3


@dataclass
class MadePdf:
    """What making the PDF did: the program used, each heading's page, the fonts embedded, notes for the user."""

    engine: str
    pages: tuple[int | None, ...] | None = None
    fonts: list[str] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)


def heading_pages(headings: Sequence[Heading], marks: Sequence[Bookmark]) -> tuple[int | None, ...]:
    """Return each heading's page: the next bookmark (in order) with the same title; None when there is none."""
    pages: list[int | None] = []
    at = 0
    for h in headings:
        found = next((i for i in range(at, len(marks)) if same_title(marks[i].title, h.text)), None)
        if found is None or marks[found].page < 1:
            pages.append(None)
            continue
        pages.append(marks[found].page)
        at = found + 1
    return tuple(pages)


def font_note(expected: str, fonts: Sequence[str], engine: str) -> Finding | None:
    """Return a warning naming the fonts used when ``expected`` is not among the PDF's ``fonts``; else None."""
    if not fonts or any(font_family_key(f) == font_family_key(expected) for f in fonts):
        return None
    used = ", ".join(fonts)
    return Finding(
        "warning",
        "pdf-font",
        f"เครื่องนี้ไม่มีแบบอักษร {expected} {engine} จึงใช้ {used} แทนในไฟล์ PDF ตัวอักษรและจำนวนหน้าจึงต่างจากเอกสาร Word;"
        f" ติดตั้งแบบอักษร {expected} แล้วสร้างใหม่ ก่อนเผยแพร่",
        f"this computer has no {expected} font, so {engine} used {used} in the PDF: letters and page count differ"
        f" from the Word document; install {expected} and build again before publishing",
    )


def _toc_note(pages: Sequence[int | None]) -> Finding | None:
    if pages and all(p is not None for p in pages):
        return None
    return Finding(
        "warning",
        "pdf-toc",
        "หาเลขหน้าของหัวข้อบางหัวข้อในไฟล์ PDF ไม่พบ สารบัญของ PDF จึงไม่มีเลขหน้าของหัวข้อเหล่านั้น",
        "the page of some headings could not be found in the PDF, so its table of contents lacks their page numbers",
    )


def make_pdf(result: Result, options: ReportOptions, pdf: Path, use_word: bool | None = None) -> MadePdf:
    """Write the PDF of ``result``'s report to ``pdf`` and return what was done. Raises ItaError on failure.

    ``use_word`` None means: Word when it can be automated here, else LibreOffice. When Word fails, LibreOffice
    is tried and the failure is noted.
    """
    from ita_xl.errors import ItaError
    from ita_xl.word import word_pdf

    notes: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="ita-xl-pdf-") as tmp:
        work = Path(tmp)
        docx = work / "report.docx"
        if use_word is None:
            use_word = word_pdf.word_available()
        if use_word:
            built = write_report(result, docx, dataclasses.replace(options, toc_pages=None))
            try:
                word_pdf.word_pdf(docx, pdf)
                fonts = embedded_fonts(pdf.read_bytes())
                note = font_note(built.font, fonts, WORD)
                return MadePdf(WORD, None, fonts, [n for n in (note,) if n])
            except ItaError as exc:
                notes.append(Finding("warning", "pdf-word", exc.message("th"), exc.message("en")))
        made = _libreoffice(result, options, work, pdf)
        made.notes[:0] = notes
        return made


def _libreoffice(result: Result, options: ReportOptions, work: Path, pdf: Path) -> MadePdf:
    from ita_xl.word.pdf import find_soffice, missing_soffice, soffice_pdf, write_profile

    docx = work / "report.docx"
    soffice = find_soffice()
    if soffice is None:
        raise missing_soffice(pdf.with_suffix(".docx"))
    profile = work / "profile"
    write_profile(profile, result.office.thai_digits)
    # The first pass numbers every entry 0: the same layout as real numbers, so the pages found hold.
    options = dataclasses.replace(options, toc_pages=(0,) * 1000)
    built = write_report(result, docx, options)
    data = soffice_pdf(soffice, docx, profile)
    for _ in range(_PASSES - 1):
        pages = heading_pages(built.headings, bookmarks(data))
        if pages == options.toc_pages:
            break
        options = dataclasses.replace(options, toc_pages=pages)
        built = write_report(result, docx, options)
        data = soffice_pdf(soffice, docx, profile)
    final = options.toc_pages[: len(built.headings)] if options.toc_pages else ()
    pdf.write_bytes(data)
    fonts = embedded_fonts(data)
    notes = [n for n in (font_note(built.font, fonts, LIBREOFFICE), _toc_note(final)) if n]
    return MadePdf(LIBREOFFICE, final, fonts, notes)
