"""Save an openpyxl-written workbook in the form Excel saves it (the example workbooks and the benchmark's)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.S)
_CHARREF = re.compile(rb"&#([0-9]+);")
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


# CT_Font's children in the order of the schema's sequence (ECMA-376 Part 1, 18.8.22).
_FONT_ORDER = (
    b"b",
    b"i",
    b"strike",
    b"condense",
    b"extend",
    b"outline",
    b"shadow",
    b"u",
    b"vertAlign",
    b"sz",
    b"color",
    b"name",
    b"family",
    b"charset",
    b"scheme",
)
_FONT = re.compile(rb"<font>(.*?)</font>", re.S)
_EMPTY_ELEMENT = re.compile(rb"<([A-Za-z]+)\b[^>]*/>")


def _font_in_order(m: re.Match[bytes]) -> bytes:
    """Return one ``<font>`` with its children in the schema's order (unchanged if it holds anything unexpected)."""
    children = _EMPTY_ELEMENT.findall(m.group(1))
    parts = [c.group(0) for c in _EMPTY_ELEMENT.finditer(m.group(1))]
    if b"".join(parts) != m.group(1) or any(c not in _FONT_ORDER for c in children):
        return m.group(0)
    ordered = sorted(zip(children, parts, strict=True), key=lambda cp: _FONT_ORDER.index(cp[0]))
    return b"<font>" + b"".join(p for _, p in ordered) + b"</font>"


def _utf8(data: bytes) -> bytes:
    """Return XML with the character references of non-ASCII characters written as UTF-8 text."""
    return _CHARREF.sub(lambda m: chr(int(m.group(1))).encode() if int(m.group(1)) >= 128 else m.group(0), data)


def excel_form(src: Path, dst: Path) -> None:
    """Copy an openpyxl-saved workbook into the form Excel saves: shared strings, UTF-8 text, fonts in schema order.

    openpyxl writes every text as an inline string with each Thai character as a character reference (``&#3585;``):
    about 3 times the XML and the parse time of the same workbook saved by Excel, which staff use; and Excel
    rewrites inline strings into a shared-strings table at its first save. openpyxl also writes a font's parts in its
    own order (name, family, b, color, sz), which the schema's sequence (b … sz, color, name, family …) does not
    allow: Excel reads it, but the Open XML SDK's checks (openxml-audit) report it, and a strict reader may repair it.
    """
    strings: dict[bytes, int] = {}

    def shared(m: re.Match[bytes]) -> bytes:
        index = strings.setdefault(m.group(3), len(strings))
        return b"<c " + m.group(1) + b't="s"' + m.group(2) + b"><v>" + str(index).encode() + b"</v></c>"

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        parts = {}
        for name in names:
            data = zin.read(name)
            if name.endswith((".xml", ".rels")):
                data = _utf8(data)
            if name.startswith("xl/worksheets/sheet"):
                data = _INLINE.sub(shared, data)
            if name == "xl/styles.xml":
                data = _FONT.sub(_font_in_order, data)
            parts[name] = data
        items = b"".join(b'<si><t xml:space="preserve">' + s + b"</t></si>" for s in strings)
        parts["xl/sharedStrings.xml"] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
            % (len(strings), len(strings))
            + items
            + b"</sst>"
        )
        types = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/></Types>'
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", types.encode())
        rel = f'<Relationship Id="rIdSst" Type="{_SST_REL}" Target="sharedStrings.xml"/></Relationships>'
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace(b"</Relationships>", rel.encode())
        for name in [*names, "xl/sharedStrings.xml"]:
            zout.writestr(name, parts[name])
