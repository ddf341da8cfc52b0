"""Read what a PDF says about itself: its pages in order, its bookmarks (headings) and its embedded fonts.

Enough of the PDF format for the files LibreOffice and Word write (object dictionaries in plain text, page tree,
outline with direct destinations); no dependency. Anything else gives empty answers, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OBJ = re.compile(rb"(?<![0-9])(\d+)\s+0\s+obj\b")
_REF = rb"(\d+)\s+0\s+R"
_FONT = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]()]+)")


@dataclass(frozen=True)
class Bookmark:
    """One entry of the PDF's outline: its title and the 1-based page it points to (0 when unknown)."""

    title: str
    page: int


def _objects(data: bytes) -> dict[int, bytes]:
    """Return each object's dictionary text (up to its stream or endobj), the last definition winning."""
    found: dict[int, bytes] = {}
    for m in _OBJ.finditer(data):
        start = m.end()
        end = data.find(b"endobj", start)
        if end < 0:
            continue
        body = data[start:end]
        stream = body.find(b"stream")
        found[int(m.group(1))] = body[:stream] if stream >= 0 else body
    return found


def _ref(body: bytes, key: bytes) -> int | None:
    m = re.search(re.escape(key) + rb"\s*" + _REF, body)
    return int(m.group(1)) if m else None


def _pages(objs: dict[int, bytes]) -> list[int]:
    """Return the page objects in reading order, from the catalog's page tree."""
    root = next((n for n, b in objs.items() if re.search(rb"/Type\s*/Catalog\b", b)), None)
    top = _ref(objs.get(root, b""), b"/Pages") if root is not None else None
    pages: list[int] = []
    stack = [top] if top is not None else []
    seen: set[int] = set()
    while stack:
        n = stack.pop()
        if n is None or n in seen:
            continue
        seen.add(n)
        body = objs.get(n, b"")
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
        if kids:
            stack.extend(reversed([int(k) for k in re.findall(_REF, kids.group(1))]))
        elif re.search(rb"/Type\s*/Page\b", body):
            pages.append(n)
    return pages


def _text(raw: bytes) -> str:
    """Return a PDF string (hex <FEFF...> or literal (...), UTF-16BE with BOM or PDFDocEncoding) as text."""
    raw = raw.strip()
    if raw.startswith(b"<"):
        data = bytes.fromhex(re.sub(rb"[^0-9A-Fa-f]", b"", raw[1:-1]).decode("ascii"))
    else:
        inner = raw[1:-1]
        escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

        def unescape(m: re.Match[bytes]) -> bytes:
            s = m.group(1)
            if s[:1].isdigit():
                return bytes([int(s, 8) & 0xFF])
            return escapes.get(s, s)

        data = re.sub(rb"\\([0-7]{1,3}|.)", unescape, inner, flags=re.S)
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    return data.decode("latin-1")


def _title(body: bytes) -> str:
    m = re.search(rb"/Title\s*(<[^>]*>|\((?:\\.|[^\\)])*\))", body, re.S)
    return _text(m.group(1)) if m else ""


def bookmarks(data: bytes) -> list[Bookmark]:
    """Return the outline of the PDF ``data`` in reading order (depth first), each with its page number."""
    objs = _objects(data)
    page_no = {n: i for i, n in enumerate(_pages(objs), 1)}
    root = next((b for b in objs.values() if re.search(rb"/Type\s*/Catalog\b", b)), b"")
    outlines = _ref(root, b"/Outlines")
    marks: list[Bookmark] = []
    stack = [_ref(objs.get(outlines, b""), b"/First")] if outlines is not None else []
    seen: set[int] = set()
    while stack:
        n = stack.pop()
        if n is None or n in seen:
            continue
        seen.add(n)
        body = objs.get(n, b"")
        dest = re.search(rb"/Dest\s*\[\s*" + _REF, body) or re.search(rb"/D\s*\[\s*" + _REF, body)
        marks.append(Bookmark(_title(body), page_no.get(int(dest.group(1)), 0) if dest else 0))
        stack.append(_ref(body, b"/Next"))
        stack.append(_ref(body, b"/First"))  # children before the next sibling
    return marks


def page_count(data: bytes) -> int:
    """Return the number of pages of the PDF ``data`` (0 when its page tree cannot be read)."""
    return len(_pages(_objects(data)))


def embedded_fonts(data: bytes) -> list[str]:
    """Return the PostScript names of the fonts in the PDF ``data``, without subset prefixes, sorted."""
    names = {m.decode("latin-1") for m in _FONT.findall(data)}
    return sorted({re.sub(r"^[A-Z]{6}\+", "", re.sub(r"#([0-9A-Fa-f]{2})", _hexchar, n)) for n in names})


def _hexchar(m: re.Match[str]) -> str:
    return chr(int(m.group(1), 16))


def font_family_key(name: str) -> str:
    """Return a font name reduced for comparison: no spaces, hyphens or style suffix, lower case."""
    base = re.sub(r"[-,](Regular|Bold|Italic|BoldItalic|Oblique|BoldOblique|Roman)$", "", name, flags=re.I)
    return re.sub(r"[\s_-]", "", base).lower()
