"""The follow-up in figures: status of each measure, counts per status, mean percent, round and period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ita_xl.framework import load
from ita_xl.model import Measure, Progress
from ita_xl.progress import (
    DONE,
    IN_PROGRESS,
    NOT_RECORDED,
    NOT_STARTED,
    fiscal_period,
    followup_item,
    guess_round,
    percent_of,
    status_of,
    summarise,
)

D = Decimal


def measure(**progress: object) -> Measure:
    return Measure("มาตรการ", progress=Progress(**progress))  # type: ignore[arg-type]


def test_status_chosen_wins_else_read_from_percent_or_result() -> None:
    assert status_of(Progress(status=IN_PROGRESS, percent=D(100))) == IN_PROGRESS
    assert status_of(Progress(percent=D(100))) == DONE
    assert status_of(Progress(percent=D(40))) == IN_PROGRESS
    assert status_of(Progress(percent=D(0))) == NOT_STARTED
    assert status_of(Progress(result="ประชุมแล้ว")) == IN_PROGRESS
    assert status_of(Progress()) == NOT_RECORDED


def test_percent_implied_by_done_and_not_started_only() -> None:
    assert percent_of(Progress(status=DONE)) == 100
    assert percent_of(Progress(status=NOT_STARTED)) == 0
    assert percent_of(Progress(status=IN_PROGRESS)) is None
    assert percent_of(Progress(status=IN_PROGRESS, percent=D("62.5"))) == D("62.5")


def test_counts_per_status_and_mean_percent() -> None:
    measures = [
        measure(status=DONE),  # 100
        measure(status=DONE, percent=D(100)),  # 100
        measure(status=IN_PROGRESS, percent=D(50)),  # 50
        measure(status=IN_PROGRESS),  # unknown: left out of the mean
        measure(status=NOT_STARTED),  # 0
        measure(),  # not recorded: left out
    ]
    s = summarise(measures)
    assert s.total == 6
    assert s.counts == {DONE: 2, IN_PROGRESS: 2, NOT_STARTED: 1, NOT_RECORDED: 1}
    assert s.recorded == 5
    assert s.known == 4
    assert s.percent == D("62.50")
    assert s.share(DONE) == D("33.33")
    assert s.share(NOT_RECORDED) == D("16.67")


def test_nothing_recorded_gives_no_percent() -> None:
    s = summarise([measure(), measure()])
    assert s.recorded == 0
    assert s.percent is None
    assert summarise([]).share(DONE) is None


def test_fiscal_period_of_each_round() -> None:
    assert fiscal_period(2566, 6) == (date(2022, 10, 1), date(2023, 3, 31))
    assert fiscal_period(2566, 12) == (date(2022, 10, 1), date(2023, 9, 30))


def test_round_guessed_from_the_latest_progress_date() -> None:
    first_half = [measure(status=DONE, date=date(2023, 3, 31)), measure(status=DONE, date=date(2022, 12, 1))]
    assert guess_round(first_half, 2566) == 6
    assert guess_round([*first_half, measure(status=DONE, date=date(2023, 4, 1))], 2566) == 12
    assert guess_round([measure(status=DONE)], 2566) == 12
    # No date recorded: the report's own date decides.
    assert guess_round([measure(status=DONE)], 2566, report_date=date(2022, 12, 4)) == 6
    assert guess_round([measure(status=DONE)], 2566, report_date=date(2023, 9, 30)) == 12
    assert guess_round(first_half, 2566, report_date=date(2023, 9, 30)) == 6  # a recorded date comes first


def test_followup_item_found_by_its_title_in_the_method_file() -> None:
    assert followup_item(load(2565)) == "o43"
    assert followup_item(load(2566)) == "o43"
    assert followup_item(None) is None


def test_followup_item_named_by_the_method_files_publication_table_comes_first() -> None:
    import dataclasses

    fw = load(2569)
    assert fw.follow_up_item == "o26" and followup_item(fw) == "o26"
    # The named item wins over the title search (which would find o26 here).
    assert followup_item(dataclasses.replace(fw, follow_up_item="o25")) == "o25"
