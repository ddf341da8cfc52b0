"""Convert a report to PDF with LibreOffice (headless, own profile per run, timeout, indexes updated via UNO)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ita_xl.errors import OutputError, Where

# Run by a Python that can import uno: start soffice on a pipe, open the document, update its indexes
# (the table of contents) and fields, export PDF, and shut soffice down. argv: soffice profile_url docx pdf
_UNO_SCRIPT = r"""
import subprocess, sys, time, uuid
import uno
from com.sun.star.beans import PropertyValue

soffice, profile, src, dst = sys.argv[1:5]
pipe = "ita_xl_" + uuid.uuid4().hex
proc = subprocess.Popen([soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible",
                         "--nologo", "--norestore", "--nodefault",
                         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(600):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            if proc.poll() is not None:
                sys.exit("soffice exited with code %s" % proc.returncode)
            time.sleep(0.1)
    if ctx is None:
        sys.exit("could not connect to soffice")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        indexes.getByIndex(i).update()
    doc.getTextFields().refresh()
    doc.refresh()
    for i in range(indexes.getCount()):  # page numbers settle after the first pass
        indexes.getByIndex(i).update()
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "writer_pdf_Export"),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        proc.wait(timeout=20)
    except Exception:
        proc.kill()
"""


def find_soffice() -> str | None:
    """Return the LibreOffice executable (soffice / libreoffice) on PATH or in the usual places, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        "/usr/lib/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ):
        if Path(candidate).exists():
            return candidate
    return None


def uno_python() -> str | None:
    """Return a Python interpreter that can import LibreOffice's uno module, or None."""
    candidates = [sys.executable, "/usr/bin/python3", "/usr/lib/libreoffice/program/python"]
    for exe in candidates:
        if not Path(exe).exists():
            continue
        try:
            done = subprocess.run([exe, "-c", "import uno"], capture_output=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return exe
    return None


def _fail(th: str, en: str, where: Path) -> OutputError:
    return OutputError(th, en, Where(str(where)))


def convert_to_pdf(docx: Path, pdf: Path, timeout: float = 180) -> None:
    """Write ``pdf`` from ``docx`` with LibreOffice, updating the table of contents first when UNO is available.

    Each run uses its own LibreOffice profile in a temporary folder. Raises OutputError when LibreOffice is
    missing, fails, times out, or leaves no PDF.
    """
    soffice = find_soffice()
    if soffice is None:
        raise _fail(
            "ไม่พบโปรแกรม LibreOffice (soffice) จึงสร้างไฟล์ PDF ไม่ได้; ติดตั้ง LibreOffice หรือเปิดไฟล์ .docx ด้วย Word แล้วบันทึกเป็น PDF",
            "LibreOffice (soffice) was not found, so no PDF was made; install LibreOffice, or open the .docx in Word and save it as PDF",
            docx,
        )
    with tempfile.TemporaryDirectory(prefix="ita-xl-pdf-") as tmp:
        work = Path(tmp)
        profile = (work / "profile").as_uri()
        src = work / "report.docx"
        shutil.copyfile(docx, src)
        out = work / "report.pdf"
        env = {**os.environ, "HOME": str(work)}
        py = uno_python()
        if py is not None:
            cmd = [py, "-c", _UNO_SCRIPT, soffice, profile, str(src), str(out)]
        else:
            cmd = [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(src),
            ]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=tmp)
        except subprocess.TimeoutExpired:
            raise _fail(
                f"LibreOffice แปลงเป็น PDF ไม่เสร็จภายใน {timeout:.0f} วินาที",
                f"LibreOffice did not finish the PDF within {timeout:.0f} seconds",
                docx,
            ) from None
        except OSError as exc:
            raise _fail(
                f"เรียก LibreOffice ไม่ได้ ({exc.strerror})", f"cannot run LibreOffice ({exc.strerror})", docx
            ) from None
        if not out.exists() or out.stat().st_size == 0:
            detail = (done.stderr or done.stdout or "").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
            raise _fail(
                f"LibreOffice สร้างไฟล์ PDF ไม่สำเร็จ ({detail[0]})",
                f"LibreOffice did not produce the PDF ({detail[0]})",
                docx,
            )
        shutil.copyfile(out, pdf)
