"""Every shipped year, FY2565-FY2570: listed, a template made by `new`, scored, built and rolled up."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.framework import available_years, load
from tests.excel import save, set_office, set_score

YEARS = [2565, 2566, 2567, 2568, 2569, 2570]
PROVISIONAL_TH = "ฉบับชั่วคราว"
PROVISIONAL_EN = "provisional copy of FY2569"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_frameworks_lists_each_year_and_family() -> None:
    assert available_years() == YEARS
    code, out, _ = run("frameworks", "--lang", "en")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert [(int(r[0]), r[1]) for r in rows] == [(y, "nacc") for y in YEARS]
    assert [r[-1] == "provisional" for r in rows] == [y == 2570 for y in YEARS]


def test_later_years_have_rating_levels_and_publication_items() -> None:
    for year in YEARS:
        fw = load(year)
        assert bool(fw.levels) == (year >= 2567)
        assert fw.grades and fw.grades[0].code == "AA"  # AA-F kept as a second scale
    assert (load(2569).analysis_item, load(2569).follow_up_item) == ("o25", "o26")
    assert load(2569).items["o12"].window == "previous" and load(2569).items["o11"].window == "current"
    assert load(2570).provisional is not None and load(2569).provisional is None


def filled(tmp_path: Path, year: int) -> Path:
    """Return a fresh template of ``year`` from `ita-xl new` with the official results entered."""
    path = tmp_path / f"office-{year}.xlsx"
    code, _, err = run("new", "--year", str(year), "--office", "สพป.ทดสอบ", str(path))
    assert code == 0, err
    wb = openpyxl.load_workbook(path)
    set_office(wb, "year", year)
    for tool, value in (("IIT", 97.1), ("EIT", 84.2), ("OIT", 100)):
        set_score(wb, tool, value)
    return save(wb, path)


@pytest.mark.parametrize("year", YEARS)
def test_new_score_build_rollup_on_each_year(year: int, tmp_path: Path) -> None:
    path = filled(tmp_path, year)
    code, out, err = run("score", str(path))
    assert code == 0, err
    data = json.loads(out)
    assert (data["framework"], data["total"]) == (year, 94.39)
    if year >= 2567:
        assert data["rating"]["label"] == "ผ่าน" and data["rating"]["held_back_from"] == "ผ่านดี"
    else:
        assert data["rating"] is None and data["grade"] == "A"
    assert err.count(PROVISIONAL_TH) == (1 if year == 2570 else 0)
    code, _, err = run("build", str(path), "-o", str(tmp_path / "out"), "--no-charts")
    assert code == 0, err
    assert (tmp_path / "out" / f"office-{year}-report.docx").exists()
    copy = save(openpyxl.load_workbook(path), tmp_path / "second.xlsx")
    code, _, err = run("rollup", str(path), str(copy), "-o", str(tmp_path / "sum.xlsx"))
    assert code == 0, err
    ranked = openpyxl.load_workbook(tmp_path / "sum.xlsx").worksheets[0]
    assert [row[2] for row in ranked.iter_rows(min_row=2, max_row=3, values_only=True)] == [94.39, 94.39]


def test_provisional_year_is_said_once_in_thai_and_in_english(tmp_path: Path) -> None:
    _, _, err = run("new", "--year", "2570", str(tmp_path / "a.xlsx"))
    assert err.count(PROVISIONAL_TH) == 1
    _, _, err = run("new", "--year", "2570", "--lang", "en", str(tmp_path / "b.xlsx"))
    assert err.count(PROVISIONAL_EN) == 1
    path = filled(tmp_path, 2570)
    copy = save(openpyxl.load_workbook(path), tmp_path / "second-2570.xlsx")
    for lang, needle in (("th", PROVISIONAL_TH), ("en", PROVISIONAL_EN)):
        _, out, err = run("check", str(path), "--lang", lang)
        assert (out + err).count(needle) == 1
        _, _, err = run("build", str(path), str(copy), "-o", str(tmp_path / lang), "--no-charts", "--lang", lang)
        assert err.count(needle) == 1  # once for the batch, not once per office
        _, _, err = run("rollup", str(path), str(copy), "-o", str(tmp_path / f"{lang}.xlsx"), "--lang", lang)
        assert err.count(needle) == 1
    _, _, err = run("score", str(path), "--lang", "en")
    assert err.count(PROVISIONAL_EN) == 1
