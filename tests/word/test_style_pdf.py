"""The shipped style document matches its generator."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ita_xl.word.style import asset_path, write_style

ROOT = Path(__file__).resolve().parents[2]


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in ("word/styles.xml", "word/document.xml", "word/settings.xml")}


@pytest.mark.parametrize("shipped", [asset_path(), ROOT / "templates" / "report-style.docx"])
def test_shipped_style_matches_generator(shipped: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "style.docx"
    write_style(fresh)
    assert parts(shipped) == parts(fresh), "regenerate with: python -m ita_xl.word.style templates/report-style.docx"
