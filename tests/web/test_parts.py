"""Small parts of the page: the chart, file names, the Windows start file."""

from __future__ import annotations

import tomllib
from decimal import Decimal

from ita_xl.web.chart import bar_chart
from ita_xl.web.uploads import display_name
from ita_xl.web.work import Upload, display_stem, shown
from tests.web import ROOT


def test_chart_draws_a_bar_per_score_escapes_labels_and_marks_the_threshold() -> None:
    svg = bar_chart([("1. <b>&", Decimal("50"), False), ("2. ดี", Decimal("100"), True)], Decimal(85), 'a "caption"')
    assert svg.count("<rect") == 2
    assert "&lt;b&gt;&amp;" in svg and "<b>" not in svg
    assert 'class="bar-weak" x="300" y="13" width="190.0"' in svg and 'class="bar-strong"' in svg
    assert 'class="chart-mark" x1="623.0"' in svg
    assert "50.00" in svg and "100.00" in svg


def test_file_names_are_only_shown_never_paths() -> None:
    assert display_name("C:\\Users\\staff\\Desktop\\สพป.จันทบุรี.xlsx") == "สพป.จันทบุรี.xlsx"
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("a\x00b\n.xlsx") == "ab.xlsx"
    assert display_name(None) == display_name("") == "file"
    assert display_stem("สพป.จันทบุรี.xlsx") == "สพป.จันทบุรี"
    from pathlib import Path

    assert shown("/tmp/x/in/0001.xlsx: เสีย", [Upload(Path("/tmp/x/in/0001.xlsx"), "ของฉัน.xlsx")]) == "ของฉัน.xlsx: เสีย"


def test_windows_start_file_sets_up_the_web_extra_and_serves() -> None:
    bat = (ROOT / "ita-xl-web.bat").read_bytes()
    assert b"\r\n" in bat and b"\n" not in bat.replace(b"\r\n", b"")  # Windows line ends
    text = bat.decode("utf-8")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert "web" in extras and '".[web]"' in text
    assert 'ita-xl.exe" serve' in text and "chcp 65001" in text
