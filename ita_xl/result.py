"""The result of scoring one office, and its JSON form."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from ita_xl.model import Framework, Measure, OfficeInfo, OitEntry

UP, DOWN, SAME = "เพิ่มขึ้น", "ลดลง", "คงที่"


@dataclass(frozen=True)
class Mismatch:
    """An entered score that disagrees with its own entered parts: the code, its label, both values (2 places)."""

    code: str
    label: str  # "คะแนน IIT", "ตัวชี้วัดที่ 9"
    given: Decimal
    computed: Decimal
    parts: tuple[str, ...]  # the codes of the parts


@dataclass(frozen=True)
class LevelScore:
    """A score at one level (total, tool, indicator, sub-indicator, item) with its grade."""

    code: str
    level: str
    name: str
    value: Decimal  # exact, as computed or as given
    shown: Decimal  # rounded for display by the framework's rule
    grade: str
    grade_label: str
    passed: bool
    strength: bool
    given: bool
    weight: Decimal | None = None  # tools only
    weighted: Decimal | None = None  # tools only: weight x score / 100, with two more decimals than a score


@dataclass(frozen=True)
class StatementStats:
    """Answers to one survey column: respondents, count of each answer (scale order), and score."""

    code: str
    item: str
    answered: int
    counts: tuple[int, ...]
    score: Decimal | None  # 40 significant digits of ``exact``
    exact: Fraction | None = None  # the exact mean, which the levels above are computed from


@dataclass(frozen=True)
class Trend:
    """One fiscal year of the history, with the signed difference from the year before, and the indicator scores
    the ประวัติ sheet gives for that year (none for the assessed year itself, whose scores are the result's)."""

    year: int
    total: Decimal
    difference: Decimal | None
    direction: str | None
    level: str = ""  # that year's own result: its grade (AA-F) up to FY2566, its rating label from FY2567
    indicators: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison:
    """The office against all offices: national mean, difference, rank."""

    mean: Decimal | None
    difference: Decimal | None
    rank: int | None
    rank_of: int | None


@dataclass(frozen=True)
class Group:
    """The office within a roll-up's group of offices (never the national figures): the group's name, its mean,
    the office's difference from it and its rank in the group (None when the roll-up does not list the office)."""

    name: str
    mean: Decimal | None
    difference: Decimal | None
    rank: int | None
    rank_of: int | None
    year: int | None = None


@dataclass(frozen=True)
class Shortfall:
    """A tool below the floor of the next rating level: its shown score and the floor."""

    tool: str
    score: Decimal
    needed: Decimal

    @property
    def gap(self) -> Decimal:
        return self.needed - self.score


@dataclass(frozen=True)
class Rating:
    """The rating label of FY2567+, and the next label with the tools that alone keep the office from it."""

    label: str
    label_en: str
    passed: bool
    next_label: str = ""
    next_label_en: str = ""
    shortfalls: tuple[Shortfall, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A problem or remark about the data: severity "error" or "warning", a code and messages."""

    severity: str
    code: str
    th: str
    en: str
    where: str = ""

    def message(self, lang: str = "th") -> str:
        text = self.th if lang == "th" else self.en
        return f"{self.where}: {text}" if self.where else text


@dataclass(frozen=True)
class Result:
    """Everything the scoring engine knows about one office's year."""

    framework: Framework
    office: OfficeInfo
    total: LevelScore | None
    tools: dict[str, LevelScore]
    indicators: dict[str, LevelScore]
    subindicators: dict[str, LevelScore]
    items: dict[str, LevelScore]
    statements: dict[str, StatementStats]
    respondents: dict[str, int]
    oit: dict[str, OitEntry]
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    weak_items: tuple[str, ...]
    history: tuple[Trend, ...]
    national: Comparison | None
    findings: tuple[Finding, ...]
    measures: tuple[Measure, ...] = ()
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    rating: Rating | None = None
    mismatches: tuple[Mismatch, ...] = ()  # entered scores that disagree with their entered parts
    group: Group | None = None  # the roll-up's group, beside the national figures the office entered

    def level(self, code: str) -> LevelScore | None:
        """Return the score of a tool, indicator, sub-indicator or item code."""
        for table in (self.tools, self.indicators, self.subindicators, self.items):
            if code in table:
                return table[code]
        return None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _detail(s: LevelScore) -> dict[str, Any]:
    d: dict[str, Any] = {
        "level": s.level,
        "name": s.name,
        "score": _num(s.shown),
        "grade": s.grade,
        "passed": s.passed,
        "strength": s.strength,
        "given": s.given,
    }
    if s.weight is not None:
        d["weight"] = _num(s.weight)
        d["weighted"] = _num(s.weighted)
    return d


def _rating(r: Rating | None) -> dict[str, Any] | None:
    if r is None:
        return None
    held = [{"tool": s.tool, "score": _num(s.score), "needed": _num(s.needed)} for s in r.shortfalls]
    return {
        "label": r.label,
        "label_en": r.label_en,
        "passed": r.passed,
        "held_back_from": r.next_label or None,
        "held_back_by": held,
    }


def to_dict(result: Result) -> dict[str, Any]:
    """Return the result as plain JSON-ready data (scores as numbers with 2 decimals)."""
    o = result.office
    total = result.total
    details = {}
    for table in (result.tools, result.indicators, result.subindicators, result.items):
        for code, s in table.items():
            details[code] = _detail(s)
    nat = result.national
    return {
        "framework": result.framework.year,
        "family": result.framework.family,
        "provisional": result.framework.provisional is not None,
        "source": result.source,
        "office": {
            "name": o.name,
            "code": o.office_code,
            "parent": o.parent,
            "head_name": o.head_name,
            "head_title": o.head_title,
            "year": o.year,
            "measures_year": o.measures_year,
        },
        "total": _num(total.shown) if total else None,
        "grade": total.grade if total else None,
        "grade_label": total.grade_label if total else None,
        "passed": total.passed if total else None,
        "rating": _rating(result.rating),
        "tools": {c: _num(s.shown) for c, s in result.tools.items()},
        "indicators": {c: _num(s.shown) for c, s in result.indicators.items()},
        "subindicators": {c: _num(s.shown) for c, s in result.subindicators.items()},
        "items": {c: _num(s.shown) for c, s in result.items.items()},
        "details": details,
        "strengths": list(result.strengths),
        "weaknesses": list(result.weaknesses),
        "weak_items": list(result.weak_items),
        "history": [
            {
                "year": t.year,
                "total": _num(t.total),
                "difference": _num(t.difference),
                "direction": t.direction,
                "level": t.level,
            }
            for t in result.history
        ],
        "national": None
        if nat is None
        else {
            "mean": _num(nat.mean),
            "difference": _num(nat.difference),
            "rank": nat.rank,
            "of": nat.rank_of,
        },
        "group": None
        if result.group is None
        else {
            "name": result.group.name,
            "mean": _num(result.group.mean),
            "difference": _num(result.group.difference),
            "rank": result.group.rank,
            "of": result.group.rank_of,
        },
        "respondents": dict(result.respondents),
        "findings": [
            {"severity": f.severity, "code": f.code, "where": f.where, "th": f.th, "en": f.en} for f in result.findings
        ],
    }


def to_json(result: Result) -> str:
    """Return the result as indented JSON text (Thai kept as is)."""
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2)


def score_json(result: Result, source: Path) -> str:
    """Return ``ita-xl score``'s JSON: the result and the SHA-256 of the workbook scored (a roll-up matches on it)."""
    import contextlib
    import hashlib

    data = to_dict(result)
    with contextlib.suppress(OSError):  # an unreadable source just has no digest
        data["source_sha256"] = hashlib.sha256(source.read_bytes()).hexdigest()
    return json.dumps(data, ensure_ascii=False, indent=2)
