"""Frozen dataclasses for the method (framework) and for one office's input. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Answer:
    """One answer of a scale: its Thai label and its points."""

    label: str
    points: Decimal


@dataclass(frozen=True)
class Scale:
    """An answer scale, best answer first."""

    name: str
    answers: tuple[Answer, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(a.label for a in self.answers)

    def points(self, index: int, reverse: bool) -> Decimal:
        """Return the points of answer ``index``; a reversed question mirrors them (max + min - p)."""
        p = self.answers[index].points
        if not reverse:
            return p
        values = [a.points for a in self.answers]
        return max(values) + min(values) - p


@dataclass(frozen=True)
class Grade:
    """A grade band: code (AA), English label (the official one), lower bound, whether it passes, Thai label."""

    code: str
    label: str
    min: Decimal
    passed: bool
    label_th: str = ""  # Thai words for pages in Thai, beside the official English label


@dataclass(frozen=True)
class Level:
    """A rating level of FY2567+ (ผ่านดี): the total and every tool must reach their minimums."""

    label: str
    label_en: str
    min_total: Decimal
    min_tool: Decimal | None
    passed: bool


@dataclass(frozen=True)
class Rounding:
    """How scores are shown: ``places`` decimals, half-up or truncated, and the consistency tolerance."""

    places: int = 2
    scores: str = "half_up"
    total: str = "truncate"
    tolerance: Decimal = Decimal("0.01")


@dataclass(frozen=True)
class Tool:
    """IIT, EIT or OIT: its names, weight (percent), kind and indicators."""

    code: str
    name: str
    name_en: str
    weight: Decimal
    kind: str  # "survey" or "checklist"
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class Indicator:
    """One of the ten indicators."""

    code: str
    tool: str
    name: str
    assesses: str
    action: str
    subindicators: tuple[str, ...]
    items: tuple[str, ...]


@dataclass(frozen=True)
class SubIndicator:
    """A sub-indicator of indicator 9 or 10."""

    code: str
    indicator: str
    name: str
    assesses: str
    action: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    """One answered column of a survey: an item itself or one of its sub-statements."""

    code: str
    item: str
    title: str
    scale: str
    reverse: bool


@dataclass(frozen=True)
class Item:
    """A question (i1, e4) or an OIT requirement (o12)."""

    code: str
    tool: str
    indicator: str
    subindicator: str | None
    title: str
    scale: str
    reverse: bool
    statements: tuple[Statement, ...]
    window: str = ""  # OIT evidence window: "current", "previous", "first_half" or "" (not stated)


@dataclass(frozen=True)
class Framework:
    """Every rule of one fiscal year's method, as loaded from its data file."""

    year: int
    title: str
    source: str
    pass_mark: Decimal
    strength_threshold: Decimal
    min_respondents: dict[str, int]
    rounding: Rounding
    grades: tuple[Grade, ...]
    scales: dict[str, Scale]
    tools: dict[str, Tool]
    indicators: dict[str, Indicator]
    subindicators: dict[str, SubIndicator]
    items: dict[str, Item]
    next_year: int | None = None
    next_year_items: dict[str, str] = field(default_factory=dict)
    family: str = "nacc"
    family_name: str = ""
    levels: tuple[Level, ...] = ()  # rating levels (FY2567+), highest first; empty: the grade is the result
    provisional: tuple[str, str] | None = None  # (Thai, English) notice that the rules are a provisional copy
    analysis_item: str = ""  # the OIT item this report is published as (o42, o25)
    follow_up_item: str = ""  # the OIT item of the follow-up of last year's measures (o43, o26)
    links: dict[str, dict[int, str]] = field(default_factory=dict)  # item -> {earlier year: its code then}
    oit_letter: str = "o"  # how the year's manual prints OIT codes: o42 (FY2565) or O42 (FY2566 on)

    def statements(self, tool: str) -> list[Statement]:
        """Return the answer columns of a survey tool in form order."""
        return [s for item in self.items.values() if item.tool == tool for s in item.statements]

    def tool_items(self, tool: str) -> list[Item]:
        """Return the items of ``tool`` in form order."""
        return [item for item in self.items.values() if item.tool == tool]

    def printed(self, code: str) -> str:
        """Return an item code as the year's manual prints it: "o25" -> "O25" from FY2566 on."""
        return self.oit_letter + code[1:] if code[:1] == "o" and code[1:].isdigit() else code

    def grade(self, value: Decimal) -> Grade:
        """Return the grade band of ``value`` (bands are ordered highest first)."""
        for band in self.grades:
            if value >= band.min:
                return band
        return self.grades[-1]


# ---- one office's input -------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeInfo:
    """What the office sheet says about the office and the report."""

    name: str = ""
    office_code: str = ""  # the official ITAS agency code, when the office sheet gives one
    parent: str = ""
    ministry: str = ""
    head_name: str = ""
    head_title: str = ""
    year: int | None = None
    measures_year: int | None = None
    report_date: date | None = None
    analysis_unit: str = ""
    national_mean: Decimal | None = None
    rank: int | None = None
    rank_of: int | None = None
    thai_digits: bool = True
    attachments: str = ""  # the documents the office attaches in the appendix, separated by ";" or lines


@dataclass(frozen=True)
class Progress:
    """What an office recorded about carrying out one measure (the follow-up columns of the มาตรการ sheet).

    ``status`` is "done", "in_progress", "not_started", or "" when no status was chosen; ``percent`` is 0-100.
    """

    result: str = ""
    status: str = ""
    percent: Decimal | None = None
    evidence: str = ""
    date: date | None = None
    problems: str = ""
    suggestions: str = ""

    @property
    def recorded(self) -> bool:
        """Return True when anything at all was recorded."""
        return bool(self.result or self.status or self.percent is not None or self.evidence or self.date) or bool(
            self.problems or self.suggestions
        )


@dataclass(frozen=True)
class Measure:
    """One row of the measures plan (มาตรการ), with its follow-up when the office recorded one."""

    addresses: str
    kind: str = "weakness"  # or "strength"
    codes: tuple[str, ...] = ()
    steps: str = ""
    deadline: str = ""
    target: str = ""
    responsible: str = ""
    note: str = ""
    draft: bool = False
    progress: Progress = field(default_factory=Progress)


@dataclass(frozen=True)
class SurveyData:
    """Raw answers of one survey tool, column-wise: code -> answer index per respondent (None = blank)."""

    tool: str
    respondents: int
    columns: dict[str, list[int | None]]


@dataclass(frozen=True)
class OitEntry:
    """One OIT checklist row: whether the item is published, with its evidence."""

    code: str
    published: bool | None
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    """A past year's total (and optionally indicator scores)."""

    year: int
    total: Decimal
    indicators: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class OfficeInput:
    """Everything read from one office workbook."""

    office: OfficeInfo = field(default_factory=OfficeInfo)
    surveys: dict[str, SurveyData] = field(default_factory=dict)
    oit: dict[str, OitEntry] = field(default_factory=dict)
    given: dict[str, Decimal] = field(default_factory=dict)  # "total", "IIT", "3", "9.2", "o12"
    history: tuple[HistoryEntry, ...] = ()
    measures: tuple[Measure, ...] = ()
    source: str = ""
    locations: dict[str, str] = field(default_factory=dict)  # "IIT" -> "ผลคะแนน!C5", for messages
