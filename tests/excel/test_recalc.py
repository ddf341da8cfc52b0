"""LibreOffice recalculates the analysis workbook and finds every formula's cached value."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from ita_xl.excel.analysis import write_analysis
from tests.excel.test_analysis import KINDS, evaluation

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

# Calc recalculates .xlsx formulas on load only when told to (the default keeps cached values): 0 = always.
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str:
    """Return the LibreOffice program; fail under CI when it is missing, else skip."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(
                "LibreOffice (soffice) is required in CI for the recalculation test; install libreoffice-calc-nogui"
            )
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def recalculated(source: Path, work: Path) -> Path:
    """Return a copy of ``source`` that LibreOffice opened, recalculated in full and saved as .xlsx."""
    profile = work / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    out = work / "out"
    cmd = [
        soffice(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    target = out / source.name
    assert target.exists(), f"LibreOffice wrote nothing (exit {done.returncode}): {done.stdout} {done.stderr}"
    return target


def formulas(path: Path) -> dict[tuple[str, str], str]:
    """Return every formula of the workbook keyed by (sheet, cell)."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    out[(ws.title, c.coordinate)] = str(c.value)
    return out


def same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-6
    return (a if a is not None else "") == (b if b is not None else "")


def test_libreoffice_really_recalculates(tmp_path: Path) -> None:
    planted = tmp_path / "planted.xlsx"
    wb = xlsxwriter.Workbook(str(planted))
    ws = wb.add_worksheet("ก")
    ws.write_number(0, 0, 3)
    ws.write_formula(1, 0, "=A1*2", None, 99)  # a wrong cached value on purpose
    wb.close()
    result = openpyxl.load_workbook(recalculated(planted, tmp_path), data_only=True)
    assert result["ก"]["A2"].value == 6


@pytest.mark.parametrize("kind", KINDS)
def test_every_formula_recalculates_to_its_cached_value(kind: str, tmp_path: Path) -> None:
    ev = evaluation(kind)
    path = tmp_path / f"{kind}-analysis.xlsx"
    write_analysis(ev, path)
    found = formulas(path)
    assert len(found) > 100
    cached = openpyxl.load_workbook(path, data_only=True)
    fresh = openpyxl.load_workbook(recalculated(path, tmp_path), data_only=True)
    wrong = []
    for sheet, coord in found:
        before, after = cached[sheet][coord].value, fresh[sheet][coord].value
        assert before is not None or found[(sheet, coord)].startswith("=IF("), (sheet, coord)
        if not same(before, after):
            wrong.append(f"{sheet}!{coord} {found[(sheet, coord)]}: cached {before!r}, recalculated {after!r}")
    assert wrong == [], "\n".join(wrong[:20])


@pytest.mark.parametrize("total", ["85.00", "70.00"])
def test_boundary_total_recalculates_on_the_boundary(total: str, tmp_path: Path) -> None:
    # Tool means that do not terminate (IIT 8371/90 …) whose 30/30/40 sum is exactly the boundary: the float
    # sum in Calc is 84.99999999999999 or 85.00000000000001, and the total cell must still show 85.00.
    from ita_xl.pipeline import Evaluation
    from ita_xl.scoring import score
    from tests.test_exact_totals import FW, boundary_input

    data = boundary_input(total)
    ev = Evaluation(Path("boundary.xlsx"), FW, data, score(FW, data))
    path = tmp_path / "boundary-analysis.xlsx"
    write_analysis(ev, path)
    found = formulas(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    fresh = openpyxl.load_workbook(recalculated(path, tmp_path), data_only=True)
    totals = [k for k, f in found.items() if f.startswith("=TRUNC(")]
    assert totals, "no total formula found"
    for sheet, coord in totals:
        assert fresh[sheet][coord].value == pytest.approx(float(total), abs=1e-12)
    wrong = [
        f"{s}!{c} {found[(s, c)]}: cached {cached[s][c].value!r}, recalculated {fresh[s][c].value!r}"
        for s, c in found
        if not same(cached[s][c].value, fresh[s][c].value)
    ]
    assert wrong == [], "\n".join(wrong[:20])


@pytest.mark.parametrize(("tools", "label"), [(("97.10", "84.20", "100"), "ผ่าน"), (("95", "95", "95"), "ผ่านดีเยี่ยม")])
def test_rating_label_recalculates_from_total_and_tools(
    tools: tuple[str, str, str], label: str, tmp_path: Path
) -> None:
    from decimal import Decimal

    from ita_xl.framework import load
    from ita_xl.model import OfficeInput
    from ita_xl.pipeline import Evaluation
    from ita_xl.scoring import score

    fw = load(2569)
    data = OfficeInput(given=dict(zip(("IIT", "EIT", "OIT"), map(Decimal, tools), strict=True)))
    ev = Evaluation(Path("rated.xlsx"), fw, data, score(fw, data))
    path = tmp_path / "rated-analysis.xlsx"
    write_analysis(ev, path)
    found = formulas(path)
    fresh = openpyxl.load_workbook(recalculated(path, tmp_path), data_only=True)
    cached = openpyxl.load_workbook(path, data_only=True)
    rating = [k for k, f in found.items() if f.startswith("=IF(AND(")]
    assert len(rating) == 1 and fresh[rating[0][0]][rating[0][1]].value == label
    wrong = [f"{s}!{c}" for s, c in found if not same(cached[s][c].value, fresh[s][c].value)]
    assert wrong == []
