"""Tests of the local web page: plain HTTP (limits, tokens, hosts) and a real browser."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "workbooks" / "chanthaburi2-2565.xlsx"
SYNTHETIC = ROOT / "workbooks" / "example-2566.xlsx"


def xml_parts(data: bytes) -> dict[str, bytes]:
    """Return the XML parts of an Office file by name, without the document properties (they hold the time)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.endswith((".xml", ".rels")) and not n.startswith("docProps/")}
