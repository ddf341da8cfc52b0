"""Clean cell text: the control characters .xlsx and .docx cannot hold, what cannot be seen, Thai typed two ways.

``strip_control`` keeps the text as typed (for writing); ``normalize_text`` also makes what looks the same compare
the same (for reading); ``shown`` quotes a value in a message so that what cannot be seen can be, never at length.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that take no room: the format characters (Unicode category Cf: soft hyphen, zero-width space, joiners,
# direction marks, word joiner, byte order mark, ...) and the fillers that look like nothing.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)
# Spaces other than the plain one (no-break, thin, ideographic, line and paragraph separators, ...).
ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
THAI = re.compile("[\u0e00-\u0e7f]")
TONE = "\u0e48-\u0e4b"
# Thai typed in an order that looks the same on screen: sara am as nikhahit + sara aa (with the tone mark on either
# side of the nikhahit), a tone mark or thanthakhat before an upper vowel, and sara ae as two sara e.
THAI_FOLDS = (
    (re.compile(f"\u0e4d([{TONE}]?)\u0e32"), "\\1\u0e33"),
    (re.compile(f"([{TONE}])\u0e4d\u0e32"), "\\1\u0e33"),
    (re.compile(f"([{TONE}\u0e4c]+)([\u0e31\u0e34-\u0e37\u0e47])"), "\\2\\1"),
    (re.compile("\u0e40\u0e40"), "\u0e41"),
)
EXCERPT = 60  # characters of a value quoted in a message
SHORT_TEXT = 64  # texts up to this length are normalised once and remembered


def strip_control(text: object) -> str:
    """Return ``text`` as a string without control characters other than tab, newline and carriage return."""
    return CONTROL.sub("", str(text))


def normalize_text(text: str) -> str:
    """Return ``text`` as it looks: no invisible characters, odd spaces made plain, Unicode NFC, Thai in one order.

    "มาก\\u200b" -> "มาก"; "น\\u0e49\\u0e4d\\u0e32" (sara am typed as two characters) -> "น้ำ"; "เเ" -> "แ".
    """
    if text.isascii():
        return text
    # A survey sheet repeats a handful of answers thousands of times: short texts are remembered (measured: a
    # 245-office roll-up spent 15% of its reading here).
    return _normalize_short(text) if len(text) <= SHORT_TEXT else _normalize(text)


@lru_cache(maxsize=4096)
def _normalize_short(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    text = ODD_SPACE.sub(" ", INVISIBLE.sub("", text))
    text = unicodedata.normalize("NFC", text)
    if THAI.search(text):
        for pattern, replacement in THAI_FOLDS:
            text = pattern.sub(replacement, text)
    return text


def _visible(ch: str) -> str:
    if ch == " " or (ch.isprintable() and ch != "\u2800" and not INVISIBLE.match(ch) and not ODD_SPACE.match(ch)):
        return ch
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shown(value: object, limit: int = EXCERPT, quote: bool = True) -> str:
    """Return ``value`` quoted for a message: what cannot be seen written as \\uXXXX, cut after ``limit`` characters.

    "มาก\\u200b" -> '"มาก\\\\u200b"'; a 100,000-character name -> its first 60 characters and "…" (the length is for
    the message to say).
    """
    text = str(value)
    cut = len(text) > limit
    body = "".join(_visible(ch) for ch in text[:limit])
    body += "…" if cut else ""
    return f'"{body}"' if quote else body
