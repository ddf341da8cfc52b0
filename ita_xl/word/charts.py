"""Charts of the report as PNG bytes, drawn with matplotlib (imported only when a chart is drawn)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

THAI_FONTS = ("TH Sarabun New", "TH SarabunPSK", "Laksaman", "Garuda", "Loma", "Norasi", "Sawasdee")
DPI = 150
# White space kept around the ink (top, bottom, left, right), as savefig(bbox_inches="tight") leaves it.
MARGIN_PX = (18, 22, 17, 14)
_FIGURE: list[Any] = []  # one figure with its Agg canvas, reused for every chart of every report


@lru_cache(maxsize=1)
def thai_font() -> str | None:
    """Return the name of an installed font that draws Thai, preferring TH Sarabun; None when there is none."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in THAI_FONTS:
        if name in installed:
            return name
    return None


def _figure(width: float, height: float) -> Any:
    """Return the shared figure, cleared and sized ``width`` x ``height`` inches, with the Thai font set."""
    # Figure and the Agg canvas directly: pyplot would load a GUI backend and keep figures alive.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if not _FIGURE:
        fig = Figure(dpi=DPI)
        FigureCanvasAgg(fig)
        _FIGURE.append(fig)
    fig = _FIGURE[0]
    for ax in list(fig.axes):  # only axes are ever added; fig.clear() would first clear each one (slow)
        fig.delaxes(ax)
    fig.set_size_inches(width, height)
    font = thai_font()
    if font:
        import matplotlib as mpl

        mpl.rcParams["font.family"] = [font, "DejaVu Sans"]
    return fig


def _png(fig: Any) -> bytes:
    """Return ``fig`` drawn once as PNG bytes, cropped to its ink plus a white margin (MARGIN_PX).

    This looks like ``savefig(bbox_inches="tight")`` without the second layout pass that costs.
    """
    import numpy as np
    from PIL import Image

    canvas = fig.canvas
    canvas.draw()
    rgb = np.asarray(canvas.buffer_rgba())[:, :, :3]
    background = rgb[0, 0].copy()  # the figure's face colour fills its corners
    ink = np.any(rgb != background, axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size:
        top, bottom, left, right = MARGIN_PX
        crop = rgb[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
        # The margin may reach past the canvas (a tick label at its edge), so paint a new, larger one.
        out = np.empty((crop.shape[0] + top + bottom, crop.shape[1] + left + right, 3), dtype=rgb.dtype)
        out[:] = background
        out[top : top + crop.shape[0], left : left + crop.shape[1]] = crop
        rgb = out
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(buf, format="PNG", dpi=(DPI, DPI), compress_level=1)
    return buf.getvalue()


def indicator_chart(
    labels: Sequence[str], values: Sequence[Decimal], value_labels: Sequence[str], title: str, threshold: float
) -> bytes:
    """Return a PNG bar chart of indicator scores, each bar labelled, with the pass mark as a dashed line."""
    fig = _figure(6.5, 3.2)
    ax = fig.add_subplot(1, 1, 1)
    nums = [float(v) for v in values]
    colors = ["#2E7D32" if v >= 100 else "#1565C0" if v >= threshold else "#C62828" for v in nums]
    bars = ax.bar(range(len(nums)), nums, color=colors, width=0.6)
    for bar, text in zip(bars, value_labels, strict=False):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 1, text, ha="center", va="bottom", fontsize=9)
    low = min([*nums, threshold]) if nums else 0
    ax.set_ylim(max(0.0, min(low - 10, 80.0)), 105)
    ax.axhline(threshold, color="#757575", linestyle="--", linewidth=0.8)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, fontsize=10)
    ax.set_title(title, fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def history_chart(years: Sequence[str], values: Sequence[Decimal], value_labels: Sequence[str], title: str) -> bytes:
    """Return a PNG line chart of the yearly totals, each point labelled."""
    fig = _figure(6.5, 3.0)
    ax = fig.add_subplot(1, 1, 1)
    nums = [float(v) for v in values]
    xs = list(range(len(nums)))
    ax.plot(xs, nums, marker="o", color="#1565C0")
    for x, y, text in zip(xs, nums, value_labels, strict=False):
        ax.annotate(text, (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=9)
    ax.set_xticks(xs)
    ax.set_xticklabels(years, fontsize=10)
    if nums:
        ax.set_ylim(max(0.0, min(nums) - 10), min(110.0, max(nums) + 8))
    ax.set_title(title, fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)
