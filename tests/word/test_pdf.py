"""The PDF: bookmarks and fonts read from a PDF, the two-pass table of contents, Thai page numbers, Word via COM."""

from __future__ import annotations

import shutil
import subprocess
import sys
import types
from pathlib import Path

import docx
import pytest

from ita_xl.errors import OutputError
from ita_xl.framework import load
from ita_xl.scoring import score
from ita_xl.word import pdf, publish, word_pdf
from ita_xl.word.context import Heading
from ita_xl.word.pdf_read import Bookmark, bookmarks, embedded_fonts, page_count
from ita_xl.word.report import ReportOptions, write_report
from tests.helpers import reference_input


def fake_pdf(pages: int, marks: list[tuple[str, int]], fonts: tuple[str, ...] = ("ABCDEF+THSarabunPSK",)) -> bytes:
    """Return a small PDF as LibreOffice writes them: a page tree (pages numbered out of order), an outline."""
    objs: dict[int, str] = {}
    page_ids = [100 + 2 * i for i in range(pages)]  # not in reading order on purpose: the tree decides
    kids = " ".join(f"{n} 0 R" for n in page_ids)
    objs[1] = "<</Type/Catalog/Pages 2 0 R/Outlines 3 0 R>>"
    objs[2] = f"<</Type/Pages/Kids[{kids}]/Count {pages}>>"
    font_refs = " ".join(f"/F{i} {50 + i} 0 R" for i in range(len(fonts)))
    for n in page_ids:
        objs[n] = f"<</Type/Page/Parent 2 0 R/Resources<</Font<<{font_refs}>>>>>>"
    for i, f in enumerate(fonts):
        objs[50 + i] = f"<</Type/Font/Subtype/TrueType/BaseFont/{f}>>"
    first = 10
    for i, (title, page) in enumerate(marks):
        hexed = "FEFF" + title.encode("utf-16-be").hex().upper()
        nxt = f"/Next {first + i + 1} 0 R" if i + 1 < len(marks) else ""
        objs[first + i] = f"<</Title<{hexed}>/Dest[{page_ids[page - 1]} 0 R/XYZ 85 759 0]/Parent 3 0 R{nxt}>>"
    objs[3] = f"<</Count {len(marks)}/First {first} 0 R>>" if marks else "<</Count 0>>"
    body = "".join(f"{n} 0 obj\n{text}\nendobj\n\n" for n, text in sorted(objs.items()))
    return ("%PDF-1.6\n" + body + "trailer\n<</Root 1 0 R>>\n%%EOF\n").encode("latin-1")


def test_bookmarks_give_each_heading_its_page_in_reading_order() -> None:
    data = fake_pdf(5, [("คำนำ", 2), ("๑. ผล", 4), ("๒. การวิเคราะห์", 5)])
    assert bookmarks(data) == [Bookmark("คำนำ", 2), Bookmark("๑. ผล", 4), Bookmark("๒. การวิเคราะห์", 5)]
    assert page_count(data) == 5
    assert embedded_fonts(data) == ["THSarabunPSK"]
    assert bookmarks(b"not a pdf") == [] and page_count(b"") == 0


def test_heading_pages_match_titles_in_order_across_spaces() -> None:
    heads = [Heading("คำนำ", 1, "a"), Heading("พ.ศ.\u00a0๒๕๖๕", 1, "b"), Heading("ไม่มี", 2, "c"), Heading("ท้าย", 1, "d")]
    marks = [Bookmark("คำนำ", 2), Bookmark("พ.ศ. ๒๕๖๕", 4), Bookmark("ท้าย", 9)]
    assert publish.heading_pages(heads, marks) == (2, 4, None, 9)


def test_font_note_names_the_font_used_instead() -> None:
    assert publish.font_note("TH SarabunPSK", ["THSarabunPSK-Bold", "THSarabunPSK-Regular"], "LibreOffice") is None
    note = publish.font_note("TH SarabunPSK", ["Laksaman", "Laksaman-Bold"], "LibreOffice")
    assert note is not None and "Laksaman, Laksaman-Bold" in note.th and "TH SarabunPSK" in note.en
    assert "LibreOffice" in note.message("en")


def test_profile_asks_for_thai_digits_only_when_the_office_uses_them(tmp_path: Path) -> None:
    pdf.write_profile(tmp_path / "th", True)
    xcu = (tmp_path / "th" / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert "CTLTextNumerals" in xcu and "<value>2</value>" in xcu and "th-TH" in xcu
    pdf.write_profile(tmp_path / "context", True, pdf.NUMERALS_CONTEXT)
    assert "<value>3</value>" in (tmp_path / "context" / "user" / "registrymodifications.xcu").read_text(
        encoding="utf-8"
    )
    pdf.write_profile(tmp_path / "en", False)
    assert not (tmp_path / "en" / "user" / "registrymodifications.xcu").exists()


def toc_entries(path: Path) -> list[str]:
    d = docx.Document(str(path))
    return [p.text for p in d.paragraphs if p.style is not None and p.style.name.lower() in ("toc 1", "toc 2")]


def test_two_passes_fill_the_toc_with_thai_page_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice stood in by a function: first pass read for pages, second pass has them in its TOC."""
    result = score(load(2565), reference_input())
    seen: list[list[str]] = []

    def fake_soffice(soffice: str, src: Path, profile: Path, timeout: float = 180) -> bytes:
        entries = toc_entries(src)
        seen.append(entries)
        heads = [e.split("\t")[0] for e in entries]
        return fake_pdf(20, [(h, 2 + i) for i, h in enumerate(heads)], ("XYZABC+Laksaman",))

    monkeypatch.setattr(pdf, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "soffice_pdf", fake_soffice)
    out = tmp_path / "r.pdf"
    made = publish.make_pdf(result, ReportOptions(charts=False), out, use_word=False)
    assert made.engine == "LibreOffice" and out.read_bytes().startswith(b"%PDF")
    assert len(seen) == 2  # zeros, then the pages found (which the second rendering confirms)
    assert all(e.endswith("\t๐") for e in seen[0])
    # 14 headings, the appendix's three included
    assert seen[1][0] == "คำนำ\t๒" and seen[1][-1].endswith("\t" + "๑๕")
    assert made.pages is not None and made.pages[:3] == (2, 3, 4)
    assert [n.code for n in made.notes] == ["pdf-font"] and "Laksaman" in made.notes[0].th


def test_toc_without_pages_lists_the_headings_without_numbers(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    built = write_report(score(load(2565), reference_input()), path, ReportOptions(charts=False))
    entries = toc_entries(path)
    assert entries[0] == "คำนำ" and len(entries) == len(built.headings) >= 10
    assert not any("\t" in e for e in entries)
    xml = docx.Document(str(path)).element.xml
    assert 'TOC \\o "1-2"' in xml and 'w:anchor="_TocITA9000"' in xml and 'w:name="_TocITA9000"' in xml


def test_missing_soffice_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(OutputError) as err:
        pdf.convert_to_pdf(tmp_path / "a.docx", tmp_path / "a.pdf")
    assert "LibreOffice" in err.value.message("en") and "ITA_XL_SOFFICE" in err.value.message("th")
    with pytest.raises(OutputError):
        publish.make_pdf(score(load(2565), reference_input()), ReportOptions(charts=False), tmp_path / "b.pdf", False)
    assert not (tmp_path / "b.pdf").exists()


def test_soffice_named_by_the_user_or_found_in_program_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exe = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    monkeypatch.setenv(pdf.ENV_SOFFICE, str(exe))
    assert pdf.find_soffice() == str(exe)
    monkeypatch.delenv(pdf.ENV_SOFFICE)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("ProgramFiles", str(tmp_path))
    assert pdf.find_soffice() == str(exe)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert any("LibreOffice.app" in str(c) for c in pdf.soffice_candidates())


def fake_word(calls: list[str], fail: bool = False) -> tuple[object, object]:
    class Toc:
        def Update(self) -> None:
            calls.append("toc")

    class Doc:
        def __init__(self) -> None:
            self.TablesOfContents = _Tocs()

        def ExportAsFixedFormat(self, OutputFileName: str, ExportFormat: int, **kw: object) -> None:
            if fail:
                raise RuntimeError("Word crashed")
            calls.append(f"export {ExportFormat}")
            Path(OutputFileName).write_bytes(fake_pdf(1, [], ("ABCDEF+THSarabunPSK-Regular",)))

        def Close(self, save: int) -> None:
            calls.append(f"close {save}")

    class _Tocs:
        Count = 1

        def __call__(self, i: int) -> Toc:
            return Toc()

    class Docs:
        def Open(self, path: str, *args: object) -> Doc:
            calls.append(f"open readonly={args[1]}")
            return Doc()

    class App:
        Documents = Docs()

        def Quit(self, *args: object) -> None:
            calls.append("quit")

    com = types.SimpleNamespace(CoInitialize=lambda: None, CoUninitialize=lambda: None)
    client = types.SimpleNamespace(DispatchEx=lambda name: App())
    return com, client


def test_word_makes_the_pdf_when_it_can(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(word_pdf, "_com", lambda: fake_word(calls))
    out = tmp_path / "r.pdf"
    made = publish.make_pdf(score(load(2565), reference_input()), ReportOptions(charts=False), out, use_word=True)
    assert made.engine == "Microsoft Word" and made.notes == []
    assert calls == ["open readonly=True", "toc", "export 17", "close 0", "quit"]


def test_word_failing_falls_back_to_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(word_pdf, "_com", lambda: fake_word(calls, fail=True))
    monkeypatch.setattr(pdf, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "soffice_pdf", lambda *a, **k: fake_pdf(3, [("คำนำ", 2)]))
    made = publish.make_pdf(score(load(2565), reference_input()), ReportOptions(charts=False), tmp_path / "r.pdf", True)
    assert made.engine == "LibreOffice" and made.notes[0].code == "pdf-word" and "Word crashed" in made.notes[0].en
    assert "quit" in calls


@pytest.mark.skipif(pdf.find_soffice() is None or shutil.which("pdftotext") is None, reason="LibreOffice not installed")
def test_libreoffice_pdf_has_a_filled_toc(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    made = publish.make_pdf(score(load(2565), reference_input()), ReportOptions(charts=False), out, use_word=False)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert made.pages is not None and None not in made.pages and made.pages[0] == 2
    # The TOC runs from its own page to the page before the first heading after it (two pages in a wider font).
    pages = text.split("\f")
    first = next(i for i, page in enumerate(pages) if "สารบัญ" in page)
    toc = "\f".join(pages[first : made.pages[1] - 1]).split("สารบัญ", 1)[1]
    assert "การรายงานผล" in toc and "คำนำ" in toc
    last = "".join("๐๑๒๓๔๕๖๗๘๙"[int(c)] for c in str(made.pages[-1]))
    assert "." + last + "\n" in toc
    marks = bookmarks(out.read_bytes())
    assert [m.page for m in marks][: len(made.pages)] == list(made.pages)


def test_document_properties_are_the_offices_and_now(tmp_path: Path) -> None:
    import datetime as dt
    import zipfile

    path = tmp_path / "r.docx"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    write_report(score(load(2565), reference_input()), path, ReportOptions(charts=False))
    core = docx.Document(str(path)).core_properties
    assert core.author == core.last_modified_by == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาจันทบุรี เขต ๒"
    assert core.title.startswith("รายงานการวิเคราะห์ผลการประเมิน") and "๒๕๖๕" in core.subject
    assert core.language == "th-TH" and core.comments == "" and core.revision == 1
    assert core.created is not None and core.created >= before and core.modified == core.created
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode("utf-8")
        rels = z.read("_rels/.rels").decode("utf-8")
    assert "Macintosh" not in app and "<Application>ita-xl" in app and "จันทบุรี" in app
    assert "thumbnail" not in rels and not any("thumbnail" in n for n in names)
