"""Escape text for XML (what xml.sax.saxutils.escape does, without that module's ~15 ms import of urllib)."""

from __future__ import annotations


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """Return ``text`` with &, < and > escaped, then each key of ``entities`` replaced by its value."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for key, value in (entities or {}).items():
        text = text.replace(key, value)
    return text
