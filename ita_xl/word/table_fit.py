"""Table column widths sized from their content, so that no word is cut at a column's edge ("หมายเห/ตุ")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ita_xl.word.docx_helpers import visible

# Where a line may break without a dictionary: spaces, and after a slash or a dash.
_BREAKS = re.compile(r"[ \t]+|(?<=[/\-–])")
# Widths in em, measured on LibreOffice's renders with the stand-in font (wider than TH SarabunPSK, so Word with
# the real font has room to spare): a Thai letter or a small Latin one ~0.58, a digit or a capital ~0.72, a space
# or a stop ~0.3; bold headings ~15% wider. A cell's margins and borders take ~0.45 cm.
LETTER_EM, WIDE_EM, SPACE_EM, BOLD = 0.58, 0.72, 0.3, 1.15
PADDING_CM = 0.45
_WIDE = re.compile("[0-9\u0e50-\u0e59A-Z]")
_NARROW = re.compile("[ \u00a0.,:;()\\-]")
# Thai writes a phrase without spaces: a run longer than WORD_CHARS is several words, broken by the renderer's
# dictionary, so only LONG_RUN_CHARS of it must fit on a line. Shorter runs (a name such as กลุ่มอำนวยการ,
# "มิถุนายน ๒๕๖๖" held by a no-break space) stay whole; in a column of long texts only runs up to LONG_WORD_CHARS
# do. A heading is held to HEADER_CHARS (หมายเหตุ, ปีงบประมาณ, ผู้รับผิดชอบ whole; กำหนดแล้วเสร็จ may wrap).
WORD_CHARS = 14
LONG_WORD_CHARS = 10
LONG_RUN_CHARS = 7
HEADER_CHARS = 10
HEADER_RUN_CHARS = 6
LONG_TEXT_CHARS = 30  # a column whose longest line is longer holds long texts


def _em(text: str) -> float:
    """Return the estimated width of ``text`` on one line, in em."""
    wide = len(_WIDE.findall(text))
    narrow = len(_NARROW.findall(text))
    return wide * WIDE_EM + narrow * SPACE_EM + (visible(text) - wide - narrow) * LETTER_EM


def _cm(em: float, size_pt: float, bold: bool = False) -> float:
    return em * (BOLD if bold else 1.0) * size_pt * 2.54 / 72 + PADDING_CM


def _needs(text: str, word: int, run: int) -> tuple[float, float]:
    """Return (the widest run that must stay on one line, the widest line) of ``text``, in em.

    A run of more than ``word`` visible characters counts as ``run`` Thai letters (it has places to break),
    unless a no-break space holds it together (see ita_xl.thai.bind_numbers).
    """
    least = longest = 0.0
    for line in text.split("\n"):
        longest = max(longest, _em(line))
        for token in _BREAKS.split(line):
            # a no-break space never breaks, and LibreOffice keeps the Thai run before it whole too
            whole = visible(token) <= word or "\u00a0" in token
            least = max(least, _em(token) if whole else run * LETTER_EM)
    return least, longest


def _share(least: list[float], want: list[float], total: float) -> list[float]:
    """Return widths from ``least`` up, the rest of ``total`` given in proportion to ``want`` (none past it)."""
    widths = list(least)
    spare = total - sum(widths)
    active = [i for i, w in enumerate(want) if w > widths[i]]
    while spare > 1e-9 and active:
        weight = sum(want[i] for i in active)
        full = [i for i in active if widths[i] + spare * want[i] / weight >= want[i]]
        if not full:
            for i in active:
                widths[i] += spare * want[i] / weight
            spare = 0.0
            break
        for i in full:
            spare -= want[i] - widths[i]
            widths[i] = want[i]
        active = [i for i in active if i not in full]
    if spare > 1e-9:  # every column has all it wants: widen them all alike
        size = sum(widths)
        widths = [w + spare * w / size for w in widths]
    return widths


def fit_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], total_cm: float, size_pt: float = 16
) -> list[float]:
    """Return one width (cm) per column, summing to ``total_cm``, from the headers' and cells' text.

    Every column first gets room for its longest word (a run of Thai longer than WORD_CHARS is taken as
    several words); the rest of the width goes to the columns in proportion to their longest lines, none
    wider than its longest line, so a column of short values is as wide as its values and long texts share
    what is left. When
    even the words do not fit, every column is narrowed in proportion. A row with one value (a band spanning
    the table) does not size the columns.
    """
    n = len(headers)
    cells: list[list[str]] = [[] for _ in range(n)]
    for row in rows:
        if len(row) == 1 and n > 1:
            continue
        for i, value in enumerate(row[:n]):
            cells[i].append(value)
    least, want = [], []
    for header, column in zip(headers, cells, strict=True):
        h_least, h_want = _needs(header, HEADER_CHARS, HEADER_RUN_CHARS)
        long_text = any(visible(line) > LONG_TEXT_CHARS for v in column for line in v.split("\n"))
        word = LONG_WORD_CHARS if long_text else WORD_CHARS
        needs = [_needs(v, word, LONG_RUN_CHARS) for v in column]
        c_least = max((lo for lo, _ in needs), default=0.0)
        c_want = max((hi for _, hi in needs), default=0.0)
        least.append(max(_cm(h_least, size_pt, True), _cm(c_least, size_pt)))
        want.append(max(_cm(h_want, size_pt, True), _cm(c_want, size_pt), least[-1]))
    floor = sum(least)
    widths = [w * total_cm / floor for w in least] if floor >= total_cm else _share(least, want, total_cm)
    return [round(w, 2) for w in widths]
