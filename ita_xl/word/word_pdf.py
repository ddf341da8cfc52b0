"""Convert a report to PDF with Microsoft Word on Windows, through its COM automation (pywin32, extra ``[word]``).

Word fills the table of contents with its own page numbers (Thai digits when the document asks for them) and
embeds the fonts it drew with. Used by ``--pdf`` when Word and pywin32 are installed; LibreOffice otherwise.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

from ita_xl.errors import OutputError, Where

_PDF_FORMAT = 17  # wdExportFormatPDF
_HEADING_BOOKMARKS = 1  # wdExportCreateHeadingBookmarks
_NO_SAVE = 0  # wdDoNotSaveChanges


def _com() -> tuple[Any, Any] | None:
    """Return (pythoncom, win32com.client) when this is Windows with pywin32 installed, else None."""
    if sys.platform != "win32":
        return None
    try:
        import pythoncom  # type: ignore[import-not-found,unused-ignore]
        import win32com.client  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return pythoncom, win32com.client


def word_available() -> bool:
    """Return True when Word can be automated here: Windows, pywin32, and Word registered."""
    if _com() is None:
        return False
    from ita_xl.word.pdf import windows_registry

    winreg = windows_registry()
    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):
            return True
    except (OSError, AttributeError):
        return False


def word_pdf(docx: Path, pdf: Path) -> None:
    """Write ``pdf`` from ``docx`` with Word: open it read-only, update its table of contents, export PDF.

    Raises OutputError when Word cannot be automated or fails.
    """
    com = _com()
    if com is None:
        raise OutputError("ใช้ Microsoft Word ไม่ได้", "Microsoft Word cannot be used", Where(str(docx)))
    pythoncom, client = com
    pythoncom.CoInitialize()
    word = None
    try:
        word = client.DispatchEx("Word.Application")
        word.Visible = False
        word.DisplayAlerts = 0
        doc = word.Documents.Open(str(docx.resolve()), False, True, False)  # ConfirmConversions, ReadOnly, AddToRecent
        try:
            for i in range(1, doc.TablesOfContents.Count + 1):
                doc.TablesOfContents(i).Update()
            doc.ExportAsFixedFormat(
                OutputFileName=str(pdf.resolve()),
                ExportFormat=_PDF_FORMAT,
                OpenAfterExport=False,
                CreateBookmarks=_HEADING_BOOKMARKS,
                DocStructureTags=True,
            )
        finally:
            doc.Close(_NO_SAVE)
    except Exception as exc:  # COM raises pywintypes.com_error and others
        raise OutputError(
            f"Microsoft Word สร้างไฟล์ PDF ไม่สำเร็จ ({exc})",
            f"Microsoft Word did not make the PDF ({exc})",
            Where(str(docx)),
        ) from None
    finally:
        if word is not None:
            with contextlib.suppress(Exception):
                word.Quit(_NO_SAVE)
        pythoncom.CoUninitialize()
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise OutputError("Microsoft Word ไม่ได้สร้างไฟล์ PDF", "Microsoft Word left no PDF", Where(str(docx)))
