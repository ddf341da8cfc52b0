"""Check an office's own style document (``build --style``): name what the report cannot take from it."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from ita_xl.result import Finding
from ita_xl.word.style import PROTECTION
from ita_xl.word.word_file import has_macros, open_word

_REVISIONS = ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:pPrChange")


def style_findings(path: Path) -> list[Finding]:
    """Return a warning for each part of the style document at ``path`` that the report does not use.

    The report takes the document's styles, its last section's page setup, headers and footers, and nothing
    else (styles it lacks come from ita-xl's own style document, which is by design and not warned). A file that cannot be opened gives no warning here: building the report names that error.
    """
    try:
        doc = open_word(path)
    except Exception:  # python-docx raises zip, KeyError, lxml and ValueError failures; the build reports them
        return []
    where = str(path)
    found: list[Finding] = []
    content = _body_content(doc)
    if any(content):
        th, en = _counted(content, ("ย่อหน้า", "ตาราง", "ภาพ")), _counted(content, ("paragraphs", "tables", "pictures"))
        found.append(
            _warn(
                "style-body",
                f"เนื้อหาในเอกสารรูปแบบ ({th}) ไม่ถูกนำไปใช้ รายงานใช้เฉพาะรูปแบบ (styles) การตั้งค่าหน้า หัวกระดาษและท้ายกระดาษ",
                f"the style document's body ({en}) is not used: the report takes only its styles, page setup, "
                "headers and footers",
                where,
            )
        )
    sections = len(doc.sections)
    if sections > 1:
        found.append(
            _warn(
                "style-sections",
                f"เอกสารรูปแบบมี {sections} ส่วน (section) รายงานใช้การตั้งค่าหน้า หัวกระดาษและท้ายกระดาษของส่วนสุดท้ายเท่านั้น",
                f"the style document has {sections} sections: the report uses the page setup, header and footer "
                "of the last one only",
                where,
            )
        )
    if has_macros(path):
        found.append(
            _warn(
                "style-macros",
                "เอกสารรูปแบบมีแมโคร (macro) รายงานไม่คัดลอกแมโครไป (รายงานเป็น .docx ซึ่งไม่มีแมโคร)",
                "the style document holds macros: the report does not copy them (a .docx carries none)",
                where,
            )
        )
    settings = doc.settings.element
    if any(settings.find(qn(tag)) is not None for tag in PROTECTION):
        found.append(
            _warn(
                "style-protection",
                "เอกสารรูปแบบถูกจำกัดการแก้ไขไว้ รายงานไม่คัดลอกการจำกัดนี้ไป (แก้ไขรายงานได้ตามปกติ)",
                "the style document is protected against editing: the report does not copy the protection",
                where,
            )
        )
    if _tracked_in_headers(doc):
        found.append(
            _warn(
                "style-revisions",
                "หัวกระดาษหรือท้ายกระดาษของเอกสารรูปแบบมีการแก้ไขที่ยังไม่ยอมรับ (Track Changes) ซึ่งจะติดไปในรายงาน "
                "เปิดใน Word แล้วเลือก รีวิว > ยอมรับทั้งหมด",
                "the style document's header or footer holds tracked changes, which the report would carry: "
                "open it in Word and choose Review > Accept All",
                where,
            )
        )
    return found


def _warn(code: str, th: str, en: str, where: str) -> Finding:
    return Finding("warning", code, th, en, where)


def _body_content(doc: DocumentObject) -> tuple[int, int, int]:
    """Return the paragraphs with text, the tables and the pictures in the body."""
    body = doc.element.body
    paragraphs = sum(1 for p in body.iterchildren(qn("w:p")) if "".join(p.itertext()).strip())
    tables = sum(1 for _ in body.iterchildren(qn("w:tbl")))
    drawings = sum(1 for _ in body.iter(qn("w:drawing"), qn("w:pict")))
    return paragraphs, tables, drawings


def _counted(counts: tuple[int, ...], labels: tuple[str, ...]) -> str:
    return ", ".join(f"{n} {label}" for n, label in zip(counts, labels, strict=True) if n)


def _tracked_in_headers(doc: DocumentObject) -> bool:
    tags = {qn(t) for t in _REVISIONS}
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:
                continue
            if any(el.tag in tags for el in part._element.iter()):
                return True
    return False
