"""Charts: one reused figure, drawn once, cropped to the ink with a white margin, PNG at 150 dpi."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest

from ita_xl.word import charts

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")


def pixels(png: bytes) -> tuple[Any, tuple[float, float]]:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return np.asarray(image.convert("RGB")), image.info["dpi"]


def test_indicator_chart_cropped_with_margin() -> None:
    values = [Decimal("99.09"), Decimal("97.43"), Decimal("70"), Decimal("100")]
    png = charts.indicator_chart(["๑", "๒", "๓", "๔"], values, ["๙๙.๐๙", "๙๗.๔๓", "๗๐.๐๐", "๑๐๐.๐๐"], "ผลคะแนน", 85.0)
    rgb, dpi = pixels(png)
    assert round(dpi[0]) == charts.DPI
    ink = np.any(rgb != rgb[0, 0], axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    top, bottom, left, right = charts.MARGIN_PX
    assert (rows[0], rgb.shape[0] - 1 - rows[-1]) == (top, bottom)
    assert (cols[0], rgb.shape[1] - 1 - cols[-1]) == (left, right)
    # the three bar colours: full marks, passed, failed
    colours = {tuple(int(c) for c in px) for px in rgb.reshape(-1, 3)}
    assert {(0x2E, 0x7D, 0x32), (0x15, 0x65, 0xC0), (0xC6, 0x28, 0x28)} <= colours
    # 6.5 x 3.2 inches at 150 dpi, cropped: narrower than the figure, about as tall
    assert 700 < rgb.shape[1] < 975 and 400 < rgb.shape[0] < 520


def test_one_figure_reused() -> None:
    values = [Decimal("90"), Decimal("95")]
    charts.history_chart(["๒๕๖๔", "๒๕๖๕"], values, ["๙๐.๐๐", "๙๕.๐๐"], "ผลคะแนนรายปี")
    first = charts._FIGURE[0]
    png = charts.history_chart(["๒๕๖๔", "๒๕๖๕"], values, ["๙๐.๐๐", "๙๕.๐๐"], "ผลคะแนนรายปี")
    assert [first] == charts._FIGURE and len(first.axes) == 1
    rgb, _ = pixels(png)
    assert 700 < rgb.shape[1] < 975 and 380 < rgb.shape[0] < 500
