"""The shipped style document matches its generator; PDF conversion through LibreOffice."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ita_xl.errors import OutputError
from ita_xl.framework import load
from ita_xl.scoring import score
from ita_xl.word import pdf
from ita_xl.word.report import ReportOptions, write_report
from ita_xl.word.style import asset_path, write_style
from tests.helpers import reference_input

ROOT = Path(__file__).resolve().parents[2]


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in ("word/styles.xml", "word/document.xml", "word/settings.xml")}


@pytest.mark.parametrize("shipped", [asset_path(), ROOT / "templates" / "report-style.docx"])
def test_shipped_style_matches_generator(shipped: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "style.docx"
    write_style(fresh)
    assert parts(shipped) == parts(fresh), "regenerate with: python -m ita_xl.word.style templates/report-style.docx"


def test_pdf_missing_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(OutputError) as err:
        pdf.convert_to_pdf(tmp_path / "a.docx", tmp_path / "a.pdf")
    assert "LibreOffice" in err.value.message("en") and "LibreOffice" in err.value.message("th")


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice not installed")
def test_pdf_has_filled_toc(tmp_path: Path) -> None:
    import shutil
    import subprocess

    docx = tmp_path / "r.docx"
    write_report(score(load(2565), reference_input()), docx, ReportOptions(charts=False))
    out = tmp_path / "r.pdf"
    pdf.convert_to_pdf(docx, out)
    assert out.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext") and pdf.uno_python():
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
        assert "สารบัญ" in text and "การรายงานผล" in text
        toc = text.split("สารบัญ", 1)[1].split("\f", 1)[0]
        assert "การรายงานผล" in toc  # the TOC field was filled before export
