"""The follow-up of the measures: each measure's status and percent, counts per status, the round and its period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ita_xl.decimals import quantize
from ita_xl.model import Framework, Measure, Progress

DONE, IN_PROGRESS, NOT_STARTED, NOT_RECORDED = "done", "in_progress", "not_started", "not_recorded"
STATUSES = (DONE, IN_PROGRESS, NOT_STARTED)  # what staff choose, in the dropdown's order
# The dropdown's Thai labels (the workbook's contract; the report's wording of each status is in the text file).
STATUS_LABELS = {DONE: "ดำเนินการแล้วเสร็จ", IN_PROGRESS: "อยู่ระหว่างดำเนินการ", NOT_STARTED: "ยังไม่ดำเนินการ"}
ROUNDS = (6, 12)
# Words in an OIT item's title that mark the follow-up of the measures (o43 of FY2565, O43 of FY2566, O26 of FY2569).
FOLLOWUP_TITLES = ("การดำเนินการตามมาตรการส่งเสริมคุณธรรม", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม")


def status_of(progress: Progress) -> str:
    """Return the status of a measure: the one chosen, else read from its percent, else not recorded.

    A blank status with 100 percent is done, with 1-99 in progress, with 0 not started; with only a text of
    what was done it is in progress.
    """
    if progress.status in STATUSES:
        return progress.status
    p = progress.percent
    if p is not None:
        return DONE if p >= 100 else NOT_STARTED if p <= 0 else IN_PROGRESS
    if progress.result:
        return IN_PROGRESS
    return NOT_RECORDED


def percent_of(progress: Progress) -> Decimal | None:
    """Return how far a measure is, 0-100: the percent given, else 100 when done and 0 when not started."""
    if progress.percent is not None:
        return progress.percent
    status = status_of(progress)
    if status == DONE:
        return Decimal(100)
    if status == NOT_STARTED:
        return Decimal(0)
    return None


@dataclass(frozen=True)
class Summary:
    """The follow-up in figures: how many measures per status and how far they are overall."""

    total: int
    counts: dict[str, int]  # every status of STATUSES and NOT_RECORDED, zero when none
    percent: Decimal | None  # mean percent of the measures whose percent is known, 2 decimals
    known: int  # measures whose percent is known (given, or implied by done / not started)

    @property
    def recorded(self) -> int:
        """Return how many measures have any status."""
        return self.total - self.counts[NOT_RECORDED]

    def share(self, status: str) -> Decimal | None:
        """Return the percent of the measures in ``status`` (2 decimals); None when there are no measures."""
        if not self.total:
            return None
        return quantize(Decimal(100) * self.counts[status] / self.total, 2)


def summarise(measures: Sequence[Measure]) -> Summary:
    """Return the counts per status and the mean percent of ``measures``."""
    counts = dict.fromkeys((*STATUSES, NOT_RECORDED), 0)
    percents: list[Decimal] = []
    for m in measures:
        counts[status_of(m.progress)] += 1
        p = percent_of(m.progress)
        if p is not None:
            percents.append(p)
    mean = quantize(sum(percents, Decimal(0)) / len(percents), 2) if percents else None
    return Summary(len(measures), counts, mean, len(percents))


def fiscal_period(year: int, round_months: int) -> tuple[date, date]:
    """Return the first and last day (CE dates) of the first ``round_months`` months of fiscal year ``year`` (BE)."""
    start = date(year - 544, 10, 1)
    end = date(year - 543, 3, 31) if round_months == 6 else date(year - 543, 9, 30)
    return start, end


def latest_date(measures: Sequence[Measure]) -> date | None:
    """Return the latest progress date recorded, if any."""
    dates = [m.progress.date for m in measures if m.progress.date is not None]
    return max(dates) if dates else None


def guess_round(measures: Sequence[Measure], year: int, report_date: date | None = None) -> int:
    """Return 6 when every recorded progress date falls in the first half of fiscal year ``year``, else 12.

    With no date recorded, the report's date decides (a report made in the first half is the six-month one).
    """
    last = latest_date(measures) or report_date
    if last is None:
        return 12
    return 6 if last <= fiscal_period(year, 6)[1] else 12


def followup_item(fw: Framework | None) -> str | None:
    """Return the OIT code ("o43") under which ``fw``'s year asks for this report, if it can tell.

    A method file may name it (``[publication] follow_up_item``); else it is the OIT item whose title is the
    follow-up of the measures. None when there is no method file for that year or no such item.
    """
    if fw is None:
        return None
    if fw.follow_up_item in fw.items:
        return fw.follow_up_item
    for item in fw.items.values():
        if item.tool == "OIT" and any(word in item.title for word in FOLLOWUP_TITLES):
            return item.code
    return None


def strip_problems(measures: Sequence[Measure]) -> tuple[Measure, ...]:
    """Return ``measures`` without their problems and obstacles (for the published version)."""
    import dataclasses

    return tuple(dataclasses.replace(m, progress=dataclasses.replace(m.progress, problems="")) for m in measures)
