"""A horizontal bar chart as inline SVG: drawn on the page itself, nothing fetched from anywhere."""

from __future__ import annotations

from decimal import Decimal
from html import escape

ROW = 30  # pixels per bar
LABEL = 300  # width of the label column
PLOT = 380  # width of the bars at 100 points
TOP = 8


def bar_chart(bars: list[tuple[str, Decimal, bool]], mark: Decimal, caption: str) -> str:
    """Return an SVG chart of ``bars`` (label, score 0-100, is a strength) with a dashed line at ``mark``.

    Bars are coloured by class (``bar-strong`` / ``bar-weak``) so the page's style sheet decides the colours; labels
    and the caption are escaped.
    """
    width = LABEL + PLOT + 70
    height = TOP + ROW * len(bars) + 26
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(caption)}">',
        f"<title>{escape(caption)}</title>",
    ]
    for n, (label, value, strong) in enumerate(bars):
        y = TOP + n * ROW
        length = max(Decimal(0), min(Decimal(100), value)) * PLOT / 100
        text = label if len(label) <= 40 else label[:39] + "…"
        parts.append(
            f'<text class="chart-label" x="{LABEL - 8}" y="{y + ROW * 0.62:.1f}" text-anchor="end">{escape(text)}</text>'
        )
        parts.append(
            f'<rect class="{"bar-strong" if strong else "bar-weak"}" x="{LABEL}" y="{y + 5}" '
            f'width="{length:.1f}" height="{ROW - 10}" rx="2"/>'
        )
        parts.append(f'<text class="chart-value" x="{LABEL + PLOT + 8}" y="{y + ROW * 0.62:.1f}">{value:.2f}</text>')
    bottom = TOP + ROW * len(bars)
    x_mark = LABEL + float(mark) * PLOT / 100
    parts.append(f'<line class="chart-axis" x1="{LABEL}" y1="{TOP}" x2="{LABEL}" y2="{bottom}"/>')
    parts.append(f'<line class="chart-mark" x1="{x_mark:.1f}" y1="{TOP}" x2="{x_mark:.1f}" y2="{bottom}"/>')
    for tick in (0, 50, 100):
        x = LABEL + tick * PLOT / 100
        parts.append(f'<text class="chart-tick" x="{x:.1f}" y="{bottom + 18}" text-anchor="middle">{tick}</text>')
    parts.append("</svg>")
    return "".join(parts)
