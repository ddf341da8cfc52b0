"""Hyperlinks of a sheet: where a cell that shows "คลิกที่นี่" really points.

Staff often enter evidence as a link: the cell shows a short text and the address sits behind it, either as an Excel
hyperlink (Insert > Link: the sheet's <hyperlinks> with the address in the sheet's relationships) or as a formula
=HYPERLINK("https://...", "คลิกที่นี่"). The value parser sees only the text shown, so the targets are read here
from the sheet's XML. Only links to a page or file are kept; links to a place inside the workbook are not evidence.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from pathlib import Path

from ita_xl.excel.read.cells import col_number
from ita_xl.excel.read.scan import relationships, sheet_parts

_HYPERLINK = re.compile(rb"<(?:\w+:)?hyperlink\b([^>]*?)/?>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?$")
_FORMULA_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"[^>]*>(?:(?!</(?:\w+:)?c>).)*?'
    rb"<(?:\w+:)?f\b[^>]*>([^<]*HYPERLINK[^<]*)</(?:\w+:)?f>",
    re.S | re.I,
)
# HYPERLINK's first argument: a text in quotes (a doubled quote stands for one), or a reference to a cell; an
# address built by a formula ("https://..."&A1) is not followed, and the cell's text is read as it shows.
_FIRST_TEXT = re.compile(r'^\s*=?\s*(?:_xlfn\.)?HYPERLINK\s*\(\s*"((?:[^"]|"")*)"\s*[,;)]', re.I)
_FIRST_REF = re.compile(r"^\s*=?\s*(?:_xlfn\.)?HYPERLINK\s*\(\s*\$?([A-Z]{1,3})\$?([0-9]{1,7})\s*[,;)]", re.I)
# A hyperlink may cover a range, and each of its cells is kept: never more cells than this in all, whatever the file
# says (an OIT or measures sheet has a few hundred rows; a crafted file could name millions of ranges).
MAX_LINKED_CELLS = 20_000


def sheet_links(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """Return the link target of each linked cell of ``sheet`` by zero-based (row, col), {} when none or unreadable.

    A HYPERLINK formula whose address is another cell gives "=A1"-style text naming that cell (zero-based row and
    column then read by ``link_target``); an Excel hyperlink wins over a formula in the same cell.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            part = sheet_parts(zf).get(sheet)
            if part is None:
                return {}
            data = zf.read(part)
            links = _formula_links(data)
            if b"hyperlink" in data:
                rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
                targets = relationships(zf.read(rels_name)) if rels_name in zf.namelist() else {}
                links.update(_hyperlinks(data, targets))
            return links
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}


def link_target(links: dict[tuple[int, int], str], rows: list[list[object]], row: int, col: int) -> str:
    """Return the address behind cell (row, col), following a HYPERLINK formula to the cell holding it; "" if none."""
    target = links.get((row, col), "")
    m = re.fullmatch(r"=([A-Z]{1,3})([0-9]{1,7})", target)
    if m:
        r, c = int(m.group(2)) - 1, col_number(m.group(1)) - 1
        value = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
        return value.strip() if isinstance(value, str) else ""
    return target


def _hyperlinks(data: bytes, targets: dict[str, str]) -> dict[tuple[int, int], str]:
    """Return the external targets of the sheet's <hyperlink> elements by cell (a range gives every cell in it)."""
    found: dict[tuple[int, int], str] = {}
    for match in _HYPERLINK.finditer(data):
        attrs = {
            k.decode().split(":")[-1]: html.unescape(v.decode("utf-8", "replace"))
            for k, v in _ATTR.findall(match.group(1))
        }
        target = targets.get(attrs.get("id", ""), "")
        if not target:
            continue  # a link to a place inside the workbook ("location" only)
        m = _RANGE.match(attrs.get("ref", "").strip())
        if m is None:
            continue
        r0, c0 = int(m.group(2)) - 1, col_number(m.group(1)) - 1
        r1, c1 = (int(m.group(4)) - 1, col_number(m.group(3)) - 1) if m.group(3) else (r0, c0)
        if len(found) + (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_LINKED_CELLS:
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                found[(r, c)] = target.strip()
    return found


def _formula_links(data: bytes) -> dict[tuple[int, int], str]:
    """Return the address of each cell whose formula is HYPERLINK("address", ...) or HYPERLINK(A1, ...)."""
    found: dict[tuple[int, int], str] = {}
    if b"HYPERLINK" not in data.upper():
        return found
    for match in _FORMULA_CELL.finditer(data):
        ref = re.match(r"([A-Z]+)([0-9]+)", match.group(1).decode())
        assert ref is not None
        cell = (int(ref.group(2)) - 1, col_number(ref.group(1)) - 1)
        formula = html.unescape(match.group(2).decode("utf-8", "replace"))
        text = _FIRST_TEXT.match(formula)
        if text:
            found[cell] = text.group(1).replace('""', '"').strip()
            continue
        other = _FIRST_REF.match(formula)
        if other:
            found[cell] = f"={other.group(1).upper()}{other.group(2)}"
    return found
