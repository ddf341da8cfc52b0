"""Remove the control characters that .xlsx and .docx files cannot hold (tab, newline and CR are kept)."""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control(text: object) -> str:
    """Return ``text`` as a string without control characters other than tab, newline and carriage return."""
    return CONTROL.sub("", str(text))
