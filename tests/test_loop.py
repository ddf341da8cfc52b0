"""Closing the loop: last year's weak indicators (ประวัติ sheet) followed into this year's result and report."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D
from pathlib import Path

import docx

from ita_xl.framework import load
from ita_xl.loop import last_year_weaknesses
from ita_xl.model import HistoryEntry
from ita_xl.result import DOWN, SAME, UP
from ita_xl.scoring import score
from ita_xl.word.report import ReportOptions, write_report
from tests.helpers import plain_text, reference_input

# FY2564 indicator scores: 1 and 2 weak and now better, 3 weak and now lower, 9 weak and now the same, 10 strong.
LAST_YEAR = {"1": D("95"), "2": D("99.9"), "3": D("99.95"), "9": D("97.50"), "10": D("100")}


def result(indicators: dict[str, D] = LAST_YEAR):  # type: ignore[no-untyped-def]
    data = reference_input()
    history = tuple(HistoryEntry(e.year, e.total, indicators if e.year == 2564 else {}) for e in data.history)
    return score(load(2565), dataclasses.replace(data, history=history))


def test_last_year_weaknesses_by_indicator() -> None:
    loop = last_year_weaknesses(result())
    assert loop is not None and (loop.previous, loop.year) == (2564, 2565)
    moves = {f.code: (f.before, f.now, f.direction) for f in loop.indicators}
    assert moves == {
        "1": (D("95.00"), D("99.09"), UP),
        "2": (D("99.90"), D("97.43"), DOWN),
        "3": (D("99.95"), D("99.41"), DOWN),
        "9": (D("97.50"), D("97.50"), SAME),
    }
    assert (loop.count(UP), loop.count(SAME), loop.count(DOWN)) == (1, 1, 2)


def test_no_loop_without_last_year_indicator_scores() -> None:
    assert last_year_weaknesses(result({})) is None
    assert last_year_weaknesses(result({"10": D(100)})) is None  # nothing was weak


def test_report_says_which_improved(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write_report(result(), path, ReportOptions(charts=False))
    doc = docx.Document(str(path))
    text = "\n".join(plain_text(p) for p in doc.paragraphs)
    assert "๑.๕ ผลการประเมินปีงบประมาณ พ.ศ. ๒๕๖๔ มีจุดอ่อน ๔ ตัวชี้วัด" in text
    assert "มีคะแนนดีขึ้น ๑ ตัวชี้วัด คงที่ ๑ ตัวชี้วัด และลดลง ๒ ตัวชี้วัด" in text
    assert "ตัวชี้วัดที่มีคะแนนดีขึ้น ได้แก่ ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่" in text
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.replace("\u00a0", " ").startswith("ตัวชี้วัด\n(จุดอ่อนปี"))
    assert [plain_text(c) for c in table.rows[1].cells] == ["ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", "๙๕.๐๐", "๙๙.๐๙", "+ ๔.๐๙", "ดีขึ้น"]


def test_report_without_last_year_scores_has_no_such_part(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write_report(result({}), path, ReportOptions(charts=False))
    assert "๑.๕" not in "\n".join(plain_text(p) for p in docx.Document(str(path)).paragraphs)
