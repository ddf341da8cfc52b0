"""Property tests of the scoring engine (hypothesis)."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from ita_xl.decimals import quantize
from ita_xl.framework import load
from ita_xl.model import SurveyData
from ita_xl.scoring import statement_stats

FW = load(2565)
CODES = [s.code for s in FW.statements("IIT")]
answer = st.one_of(st.none(), st.integers(0, 3))
yes_no = st.one_of(st.none(), st.integers(0, 1))


def _columns(rows: list[list[int | None]]) -> dict[str, list[int | None]]:
    cols: dict[str, list[int | None]] = {}
    for n, st_ in enumerate(FW.statements("IIT")):
        size = len(FW.scales[st_.scale].answers)
        cols[st_.code] = [None if r[n % len(r)] is None else min(r[n % len(r)] or 0, size - 1) for r in rows]
    return cols


rows_strategy = st.lists(st.lists(answer, min_size=1, max_size=8), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(rows_strategy)
def test_scores_within_0_100(rows: list[list[int | None]]) -> None:
    stats = statement_stats(FW, SurveyData("IIT", len(rows), _columns(rows)))
    for s in stats.values():
        assert s.score is None or D(0) <= s.score <= D(100)


@settings(max_examples=60, deadline=None)
@given(rows_strategy, st.randoms())
def test_respondent_order_never_matters(rows: list[list[int | None]], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    a = statement_stats(FW, SurveyData("IIT", len(rows), _columns(rows)))
    b = statement_stats(FW, SurveyData("IIT", len(rows), _columns(shuffled)))
    assert {k: v.score for k, v in a.items()} == {k: v.score for k, v in b.items()}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=1, max_size=30), st.integers(0, 29))
def test_a_better_answer_never_lowers_an_item(answers: list[int], which: int) -> None:
    which %= len(answers)
    if answers[which] == 0:
        return
    for code in ("i1", "i9"):  # a plain item and a reversed one
        item = FW.items[code]
        best = 0 if not item.reverse else 3
        worse = list(answers)
        better = list(answers)
        better[which] = best
        a = statement_stats(FW, SurveyData("IIT", len(worse), {code: list(worse)}))[code].score
        b = statement_stats(FW, SurveyData("IIT", len(better), {code: list(better)}))[code].score
        assert a is not None and b is not None and b >= a


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=100, allow_nan=False, places=6))
def test_rounding_and_truncation_differ_by_at_most_a_hundredth(value: D) -> None:
    assert abs(quantize(value, 2, "half_up") - quantize(value, 2, "truncate")) <= D("0.01")
    assert quantize(value, 2, "truncate") <= value
