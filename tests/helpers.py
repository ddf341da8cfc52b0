"""Shared test data: the reference report's office, built in code, and synthetic raw answers."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from ita_xl.framework import load
from ita_xl.model import (
    Framework,
    HistoryEntry,
    Measure,
    OfficeInfo,
    OfficeInput,
    OitEntry,
    SurveyData,
)

D = Decimal
OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาจันทบุรี เขต ๒"

# Figures stated by ../shared/reference/report-chanthaburi2-2565.txt (indicator 3 from its text).
REFERENCE_INDICATORS = {
    "1": D("99.09"),
    "2": D("97.43"),
    "3": D("99.41"),
    "4": D("98.99"),
    "5": D("98.82"),
    "6": D("99.10"),
    "7": D("99.23"),
    "8": D("99.49"),
    "9": D("97.50"),
    "10": D("100"),
}
REFERENCE_SUBS = {
    "9.1": D("100"),
    "9.2": D("87.5"),
    "9.3": D("100"),
    "9.4": D("100"),
    "9.5": D("100"),
    "10.1": D("100"),
    "10.2": D("100"),
}
REFERENCE_HISTORY = {
    2558: D("87.48"),
    2559: D("81.33"),
    2560: D("84.53"),
    2561: D("88.02"),
    2562: D("85.78"),
    2563: D("81.85"),
    2564: D("99.34"),
}


def reference_office() -> OfficeInfo:
    return OfficeInfo(
        name=OFFICE,
        parent="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
        ministry="กระทรวงศึกษาธิการ",
        head_name="นายตัวอย่าง ใจดี",
        head_title="ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาจันทบุรี เขต ๒",
        year=2565,
        measures_year=2566,
        report_date=date(2023, 4, 10),
        analysis_unit="กลุ่มกฎหมายและคดี",
        national_mean=D("98.32"),
        rank=43,
        rank_of=None,
    )


def reference_input(
    indicator3: str = "99.41",
    tools: dict[str, str] | None = None,
    total: str | None = None,
    measures: tuple[Measure, ...] = (),
) -> OfficeInput:
    """Return the reference office's official results as an office would enter them."""
    given: dict[str, Decimal] = {**REFERENCE_INDICATORS, **REFERENCE_SUBS, "3": D(indicator3), "o12": D(0)}
    for code, value in (tools or {}).items():
        given[code] = D(value)
    if total is not None:
        given["total"] = D(total)
    return OfficeInput(
        office=reference_office(),
        given=given,
        history=tuple(HistoryEntry(y, v) for y, v in REFERENCE_HISTORY.items()),
        measures=measures,
        source="reference",
    )


def raw_input(
    fw: Framework | None = None,
    seed: int = 1,
    iit: int = 40,
    eit: int = 300,
    blank: float = 0.05,
    unpublished: tuple[str, ...] = ("o12",),
) -> OfficeInput:
    """Return synthetic raw answers: answer indexes skewed to the best answer, some blanks."""
    fw = fw or load(2566)
    rng = random.Random(seed)
    surveys = {}
    for tool, n in (("IIT", iit), ("EIT", eit)):
        columns: dict[str, list[int | None]] = {}
        for st in fw.statements(tool):
            size = len(fw.scales[st.scale].answers)
            weights = [8, 3, 1, 1][:size] if size == 4 else [6, 1]
            col: list[int | None] = []
            for _ in range(n):
                col.append(None if rng.random() < blank else rng.choices(range(size), weights)[0])
            columns[st.code] = col
        surveys[tool] = SurveyData(tool, n, columns)
    oit = {
        c: OitEntry(c, c not in unpublished, f"https://example.go.th/ita/{c}" if c not in unpublished else "")
        for c, it in fw.items.items()
        if it.tool == "OIT"
    }
    office = OfficeInfo(name="สำนักงานเขตพื้นที่การศึกษาตัวอย่าง", year=fw.year, measures_year=fw.year + 1)
    return OfficeInput(office=office, surveys=surveys, oit=oit, source="synthetic")


def plain_text(part: object) -> str:
    """Return a paragraph's or cell's text with no-break spaces read as spaces (the report binds numbers to words)."""
    return str(part.text).replace("\u00a0", " ")  # type: ignore[attr-defined]
