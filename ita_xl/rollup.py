"""Roll-up for a parent agency: many offices' results -> ranking, indicator means, grade distribution."""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ita_xl.decimals import mean, parse_number, quantize
from ita_xl.errors import InputError, ItaError, Where
from ita_xl.result import Comparison

RANK_SHEET = "อันดับ"
RANK_HEADERS = ("ลำดับ", "หน่วยงาน", "คะแนนรวม", "ระดับ", "ผลการประเมิน", "IIT", "EIT", "OIT", "ไฟล์")
MEAN_LABEL = "ค่าเฉลี่ยทุกหน่วยงาน"


@dataclass
class OfficeRow:
    """One office's figures in the roll-up."""

    name: str
    source: str
    year: int
    total: Decimal
    grade: str
    passed: bool
    tools: dict[str, Decimal]
    indicators: dict[str, Decimal]
    rank: int = 0
    rating: str = ""  # the rating label of FY2567+ ("" before)
    provisional: bool = False  # scored with a provisional method file


@dataclass
class Rollup:
    """The ranked offices and what they add up to."""

    offices: list[OfficeRow]
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    indicator_names: dict[str, str] = field(default_factory=dict)

    @property
    def mean_total(self) -> Decimal | None:
        return mean(o.total for o in self.offices)

    def indicator_means(self) -> dict[str, Decimal]:
        codes = sorted({c for o in self.offices for c in o.indicators}, key=_code_key)
        out = {}
        for c in codes:
            m = mean(o.indicators[c] for o in self.offices if c in o.indicators)
            if m is not None:
                out[c] = m
        return out

    def grade_counts(self) -> Counter[str]:
        return Counter(o.grade for o in self.offices)

    def weakest(self, n: int = 3) -> list[tuple[str, Decimal]]:
        return sorted(self.indicator_means().items(), key=lambda kv: (kv[1], _code_key(kv[0])))[:n]


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split(".") if p.isdigit())


def rank_offices(offices: list[OfficeRow]) -> list[OfficeRow]:
    """Return offices by total, highest first, with standard competition ranks (1, 2, 2, 4).

    Ties: equal totals (at the 2 decimals shown) share the rank; the next office skips the shared places.
    Offices that tie are listed by name.
    """
    ordered = sorted(offices, key=lambda o: (-o.total, o.name, o.source))
    previous: Decimal | None = None
    rank = 0
    for position, office in enumerate(ordered, 1):
        if office.total != previous:
            rank = position
            previous = office.total
        office.rank = rank
    return ordered


def _row_from_json(data: dict[str, Any], source: str) -> OfficeRow:
    def d(v: Any) -> Decimal:
        n = parse_number(v)
        if n is None:
            raise ValueError("missing score")
        return n

    name = (data.get("office") or {}).get("name") or Path(source).stem
    if data.get("total") is None:
        raise ValueError("no total")
    return OfficeRow(
        name=name,
        source=source,
        year=int(data.get("framework") or 0),
        total=d(data["total"]),
        grade=str(data.get("grade") or ""),
        passed=bool(data.get("passed")),
        tools={k: d(v) for k, v in (data.get("tools") or {}).items() if v is not None},
        indicators={k: d(v) for k, v in (data.get("indicators") or {}).items() if v is not None},
        rating=str((data.get("rating") or {}).get("label") or ""),
        provisional=bool(data.get("provisional")),
    )


def read_one(path: Path, lang: str = "th") -> OfficeRow | tuple[str, str]:
    """Return one office's row from a workbook or a JSON result, or (source, message in ``lang``) when it fails."""
    source = str(path)
    try:
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                return _row_from_json(data, source)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise InputError(
                    f"อ่านผลคะแนน JSON ไม่ได้ ({exc}); สร้างใหม่ด้วย ita-xl score",
                    f"cannot read the JSON result ({exc}); make it again with ita-xl score",
                    Where(source),
                ) from None
        from ita_xl.evaluation import evaluate
        from ita_xl.result import to_dict

        ev = evaluate(path)
        if ev.errors:
            first = ev.errors[0]
            return source, first.message(lang)
        return _row_from_json(to_dict(ev.result), source)
    except ItaError as exc:
        return source, exc.message(lang)


def collect(paths: list[Path], jobs: int | None = None, lang: str = "th") -> Rollup:
    """Return the roll-up of the offices in ``paths`` (workbooks or JSON results), read in parallel.

    The files that fail are kept with their message in ``lang``."""
    from functools import partial

    from ita_xl.framework import load

    workers = max(1, min(jobs or os.cpu_count() or 1, len(paths)))
    if workers == 1 or all(p.suffix.lower() == ".json" for p in paths):
        rows = [read_one(p, lang) for p in paths]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            rows = list(pool.map(partial(read_one, lang=lang), paths, chunksize=max(1, len(paths) // (workers * 8))))
    offices = [r for r in rows if isinstance(r, OfficeRow)]
    failed = [r for r in rows if not isinstance(r, OfficeRow)]
    names: dict[str, str] = {}
    years = sorted({o.year for o in offices if o.year})
    if years:
        try:
            fw = load(years[-1])
            names = {c: ind.name for c, ind in fw.indicators.items()}
        except ItaError:
            names = {}
    return Rollup(rank_offices(offices), failed, names)


def read_summary(path: Path) -> tuple[dict[str, tuple[int, int]], Decimal | None]:
    """Return {office name: (rank, number of offices)} and the mean of all offices from a roll-up workbook."""
    from openpyxl import load_workbook

    from ita_xl.excel.read.package import check_package

    check_package(path)
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        if RANK_SHEET not in wb.sheetnames:
            raise InputError(
                f"ไม่พบชีต {RANK_SHEET}; ใช้ไฟล์ที่สร้างด้วย ita-xl rollup",
                f"no sheet {RANK_SHEET}; use a file made by ita-xl rollup",
                Where(str(path)),
            )
        ranks: dict[str, tuple[int, int]] = {}
        mean_total = None
        rows = list(wb[RANK_SHEET].iter_rows(values_only=True))
    finally:
        wb.close()
    body = []
    for row in rows:
        if len(row) > 2 and row[1] == MEAN_LABEL:
            mean_total = parse_number(row[2])
        elif isinstance(row[0], (int, float)) and row[1]:
            body.append((int(row[0]), str(row[1]).strip()))
    for rank, name in body:
        ranks[name] = (rank, len(body))
    return ranks, mean_total


def apply_rollup(ev: Any, summary: Path) -> Any:
    """Return the evaluation with the office's rank and the mean of all offices taken from ``summary``."""
    ranks, mean_total = read_summary(summary)
    office = ev.result.office
    rank_of = ranks.get(office.name.strip())
    rank, total_offices = rank_of if rank_of else (office.rank, office.rank_of)
    national_mean = mean_total if mean_total is not None else office.national_mean
    new_office = dataclasses.replace(office, rank=rank, rank_of=total_offices, national_mean=national_mean)
    total = ev.result.total
    diff = None
    if national_mean is not None and total is not None:
        diff = total.shown - quantize(national_mean)
    result = dataclasses.replace(
        ev.result, office=new_office, national=Comparison(national_mean, diff, rank, total_offices)
    )
    return dataclasses.replace(ev, result=result, data=dataclasses.replace(ev.data, office=new_office))
