"""Convert a report to PDF with LibreOffice: a plain ``soffice --convert-to pdf`` with its own profile per run.

Nothing beyond soffice itself is needed (no Python bridge). The profile asks LibreOffice to draw digits in the
locale's form when the office writes Thai digits, which makes the page numbers in the footer Thai.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ita_xl.errors import OutputError, Where

ENV_SOFFICE = "ITA_XL_SOFFICE"  # a LibreOffice program the user names, tried first

# CTLTextNumerals, how LibreOffice draws digits: 2 = "System", every digit in the locale's (th-TH: Thai) form, page
# numbers included; 3 = "Context", digits in the form of the text they are in (Thai in Thai text and in a footer whose
# runs are marked th-TH, Arabic in a URL). Context is right for a document with Arabic digits to keep (the follow-up
# report's evidence links), but LibreOffice (7.4 here) draws the footer's page numbers in Arabic with it as soon as the
# document holds a TOC field (seen in renders), so the analysis report, which has a TOC and no Arabic digits, uses 2.
NUMERALS_SYSTEM, NUMERALS_CONTEXT = 2, 3
_THAI_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>th-TH</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/I18N/CTL"><prop oor:name="CTLTextNumerals" oor:op="fuse"><value>{numerals}</value></prop></item>
</oor:items>
"""


def windows_registry() -> Any:
    """Return the winreg module on Windows, else None (imported by name: it exists only there)."""
    import importlib

    try:
        return importlib.import_module("winreg")
    except ImportError:
        return None


def _windows_candidates() -> list[Path]:
    """Return where LibreOffice installs itself on Windows: the registry's install path, then Program Files."""
    found: list[Path] = []
    winreg = windows_registry()
    if winreg is not None:
        for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
            for key in (r"SOFTWARE\LibreOffice\UNO\InstallPath", r"SOFTWARE\WOW6432Node\LibreOffice\UNO\InstallPath"):
                try:
                    with winreg.OpenKey(root, key) as k:
                        value, _ = winreg.QueryValueEx(k, "")
                except OSError:
                    continue
                found.append(Path(value) / "soffice.exe")
    for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        base = os.environ.get(var)
        if base:
            found.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
            found.append(Path(base) / "Programs" / "LibreOffice" / "program" / "soffice.exe")
    return found


def soffice_candidates() -> list[Path]:
    """Return the places LibreOffice is looked for, in order, for this operating system (PATH aside)."""
    if sys.platform == "win32":
        return _windows_candidates()
    if sys.platform == "darwin":
        return [
            Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
            Path.home() / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice",
        ]
    return [
        Path("/usr/lib/libreoffice/program/soffice"),
        Path("/opt/libreoffice/program/soffice"),
        Path("/snap/bin/libreoffice"),
        Path("/usr/bin/flatpak-libreoffice"),
    ]


def find_soffice() -> str | None:
    """Return the LibreOffice program: $ITA_XL_SOFFICE, soffice/libreoffice on PATH, or its usual install; else None."""
    named = os.environ.get(ENV_SOFFICE)
    if named and Path(named).is_file():
        return named
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in soffice_candidates():
        if candidate.is_file():
            return str(candidate)
    return None


def missing_soffice(docx: Path) -> OutputError:
    """Return the error for a PDF asked for where LibreOffice (and Word) cannot be found."""
    return OutputError(
        "ไม่พบโปรแกรม LibreOffice (soffice) จึงสร้างไฟล์ PDF ไม่ได้; ติดตั้ง LibreOffice"
        f" (หรือระบุที่อยู่โปรแกรมใน {ENV_SOFFICE}) หรือเปิดไฟล์ .docx ด้วย Word แล้วบันทึกเป็น PDF",
        f"LibreOffice (soffice) was not found, so no PDF was made; install LibreOffice (or give its path in"
        f" {ENV_SOFFICE}), or open the .docx in Word and save it as PDF",
        Where(str(docx)),
    )


def write_profile(profile: Path, thai_digits: bool, numerals: int = NUMERALS_SYSTEM) -> None:
    """Prepare a fresh LibreOffice profile folder; with ``thai_digits`` it draws page numbers in Thai digits."""
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    if thai_digits:
        (user / "registrymodifications.xcu").write_text(_THAI_PROFILE.format(numerals=numerals), encoding="utf-8")


def soffice_pdf(soffice: str, docx: Path, profile: Path, timeout: float = 180) -> bytes:
    """Return the PDF LibreOffice makes of ``docx`` (written beside it), using the profile folder ``profile``.

    Raises OutputError when LibreOffice cannot be run, fails, times out, or leaves no PDF.
    """
    work = docx.parent
    out = work / (docx.stem + ".pdf")
    out.unlink(missing_ok=True)
    cmd = [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(docx),
    ]
    env = {**os.environ, "HOME": str(work)}
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=work)
    except subprocess.TimeoutExpired:
        raise OutputError(
            f"LibreOffice แปลงเป็น PDF ไม่เสร็จภายใน {timeout:.0f} วินาที",
            f"LibreOffice did not finish the PDF within {timeout:.0f} seconds",
            Where(str(docx)),
        ) from None
    except OSError as exc:
        raise OutputError(
            f"เรียก LibreOffice ไม่ได้ ({exc.strerror})", f"cannot run LibreOffice ({exc.strerror})", Where(str(docx))
        ) from None
    if not out.exists() or out.stat().st_size == 0:
        detail = (done.stderr or done.stdout or "").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        raise OutputError(
            f"LibreOffice สร้างไฟล์ PDF ไม่สำเร็จ ({detail[0]})",
            f"LibreOffice did not produce the PDF ({detail[0]})",
            Where(str(docx)),
        )
    return out.read_bytes()


def convert_to_pdf(
    docx: Path, pdf: Path, thai_digits: bool = False, timeout: float = 180, numerals: int = NUMERALS_SYSTEM
) -> None:
    """Write ``pdf`` from ``docx`` with LibreOffice as it is (one pass, fields as written), in its own profile.

    Raises OutputError when LibreOffice is missing, fails, times out, or leaves no PDF.
    """
    import tempfile

    soffice = find_soffice()
    if soffice is None:
        raise missing_soffice(docx)
    with tempfile.TemporaryDirectory(prefix="ita-xl-pdf-") as tmp:
        work = Path(tmp)
        src = work / "document.docx"
        shutil.copyfile(docx, src)
        write_profile(work / "profile", thai_digits, numerals)
        pdf.write_bytes(soffice_pdf(soffice, src, work / "profile", timeout))
