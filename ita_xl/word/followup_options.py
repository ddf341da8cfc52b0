"""What the follow-up report is asked for, and what its section writers share beyond the report's context."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ita_xl.model import Measure
from ita_xl.progress import Summary


@dataclass
class FollowupOptions:
    """How to write the follow-up: wording and style files, round (6 or 12 months, None to tell from the dates),
    the report's date (None: today), whether problems stay in, and whether to draw the chart."""

    text: Path | None = None
    style: Path | None = None
    round: int | None = None
    report_date: date | None = None
    problems: bool = True
    charts: bool = True


@dataclass
class Followup:
    """What the follow-up's sections need beyond the report's context: the measures, their summary and the round."""

    measures: tuple[Measure, ...]
    summary: Summary
    round: int
    options: FollowupOptions
    values: dict[str, object] = field(default_factory=dict)
