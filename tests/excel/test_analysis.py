"""The analysis workbook read back with openpyxl shows the engine's numbers, live formulas, formats and charts."""

from __future__ import annotations

import dataclasses
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ita_xl.decimals import quantize
from ita_xl.excel.analysis import write_analysis
from ita_xl.framework import load
from ita_xl.model import Measure
from ita_xl.pipeline import Evaluation
from ita_xl.scoring import score
from tests.helpers import raw_input, reference_input

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


WORKBOOKS = Path(__file__).resolve().parents[2] / "workbooks"
KINDS = ["reference", "raw", "chanthaburi2-2565", "example-2566"]


def evaluation(kind: str) -> Evaluation:
    """Return the reference office (entered official scores), synthetic raw answers, or an example workbook."""
    if kind in KINDS[2:]:
        from ita_xl.pipeline import evaluate

        return evaluate(WORKBOOKS / f"{kind}.xlsx")
    if kind == "reference":
        fw = load(2565)
        data = reference_input()
    else:
        fw = load(2566)
        data = raw_input(fw)
    return Evaluation(Path(f"{kind}.xlsx"), fw, data, score(fw, data))


@pytest.fixture(scope="module", params=KINDS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Evaluation, Path]:
    ev = evaluation(request.param)
    path = tmp_path_factory.mktemp("analysis") / f"{request.param}-analysis.xlsx"
    write_analysis(ev, path)
    return ev, path


def column(ws: Any, key_col: int, value_col: int, first: int = 1) -> dict[str, Any]:
    """Return {text in key column: value in value column}; later rows do not override earlier ones."""
    out: dict[str, Any] = {}
    for row in ws.iter_rows(min_row=first, values_only=True):
        key = row[key_col - 1] if len(row) >= key_col else None
        if isinstance(key, str) and key.strip() and key.strip() not in out:
            out[key.strip()] = row[value_col - 1] if len(row) >= value_col else None
    return out


def close(cell: Any, value: Decimal) -> bool:
    return isinstance(cell, (int, float)) and abs(cell - float(value)) <= 1e-9


def test_summary_matches_result(built: tuple[Evaluation, Path]) -> None:
    ev, path = built
    r = ev.result
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb["สรุปผล"]
    scores = column(ws, 1, 3)
    grades = column(ws, 1, 6)
    labels = column(ws, 1, 7)
    passed = column(ws, 1, 8)
    weighted = column(ws, 1, 5)
    assert r.total is not None
    assert close(scores["รวม"], r.total.shown)
    assert quantize(Decimal(str(scores["รวม"]))) == r.total.shown
    assert (grades["รวม"], labels["รวม"], passed["รวม"]) == (
        r.total.grade,
        r.total.grade_label,
        "ผ่าน" if r.total.passed else "ไม่ผ่าน",
    )
    for code, ls in r.tools.items():
        assert close(scores[code], ls.value), code
        assert ls.weighted is not None and close(weighted[code], ls.weighted)
        assert grades[code] == ls.grade
    if ev.data.office.name:
        assert ws["A2"].value == ev.data.office.name


def test_indicator_and_subindicator_scores(built: tuple[Evaluation, Path]) -> None:
    ev, path = built
    r = ev.result
    ws = openpyxl.load_workbook(path, data_only=True)["รายตัวชี้วัด"]
    scores = {}
    for row in ws.iter_rows(min_row=4, values_only=True):
        if isinstance(row[0], str) and isinstance(row[3], (int, float)):
            scores[row[0]] = (row[3], row[4], row[5], row[6])
    for table in (r.indicators, r.subindicators):
        for code, ls in table.items():
            value, grade, passed, judged = scores[code]
            assert close(value, ls.value), code
            assert quantize(Decimal(repr(value))) == ls.shown
            assert grade == ls.grade
            assert passed == ("ผ่าน" if ls.passed else "ไม่ผ่าน")
            if code in r.strengths:
                assert judged == "จุดแข็ง"
            elif code in r.weaknesses:
                assert judged == "จุดอ่อน"


def test_item_scores_and_answer_counts(built: tuple[Evaluation, Path]) -> None:
    ev, path = built
    r = ev.result
    wb = openpyxl.load_workbook(path, data_only=True)
    oit = column(wb["OIT"], 1, 6, first=5)
    if not r.statements:
        assert "รายข้อ" not in wb.sheetnames
        for code, ls in r.items.items():
            assert close(oit[code], ls.value)
        return
    ws = wb["รายข้อ"]
    item_col = ws.max_column
    items = column(ws, 1, item_col, first=6)
    statements = {}
    for row in ws.iter_rows(min_row=6, values_only=True):
        if isinstance(row[0], str) and row[0] in r.statements:
            statements[row[0]] = row
    for code, ls in r.items.items():
        assert close(items[code] if code in items else oit[code], ls.value), code
    width = (item_col - 7) // 2
    assert len(statements) == len(r.statements)
    for code, stats in r.statements.items():
        row = statements[code]
        assert row[4] == stats.answered, code
        counts = tuple(row[5 : 5 + len(stats.counts)])
        assert counts == stats.counts, code
        shares = row[5 + width : 5 + width + len(stats.counts)]
        for share, count in zip(shares, stats.counts, strict=True):
            assert share == pytest.approx(count / stats.answered if stats.answered else 0)
        if stats.score is None:
            assert row[item_col - 2] in (None, "")
        else:
            assert close(row[item_col - 2], stats.score), code


def test_answers_are_copied_as_labels(built: tuple[Evaluation, Path]) -> None:
    ev, path = built
    wb = openpyxl.load_workbook(path, read_only=True)
    for tool, survey in ev.data.surveys.items():
        rows = list(wb[f"คำตอบ {tool}"].iter_rows(values_only=True))
        header = rows[0]
        assert len(rows) == survey.respondents + 1
        for col, code in enumerate(header[1:], start=1):
            labels = ev.framework.scales[ev.framework.items[ev.framework.statements(tool)[col - 1].item].scale].labels
            expected = [None if a is None else labels[a] for a in survey.columns[code]]
            assert [row[col] for row in rows[1:]] == expected


def test_history_differences(built: tuple[Evaluation, Path]) -> None:
    ev, path = built
    ws = openpyxl.load_workbook(path, data_only=True)["พัฒนาการ"]
    got = {row[0]: row[1:4] for row in ws.iter_rows(min_row=5, values_only=True) if isinstance(row[0], int)}
    assert list(got) == [t.year for t in ev.result.history]
    for trend in ev.result.history:
        total, diff, direction = got[trend.year]
        assert close(total, trend.total)
        if trend.difference is None:
            assert diff == "-"
        else:
            assert diff == pytest.approx(float(trend.difference), abs=1e-9)
            assert direction == trend.direction


def test_scores_are_live_formulas(built: tuple[Evaluation, Path]) -> None:
    ev, path = built
    wb = openpyxl.load_workbook(path)
    total = wb["สรุปผล"]
    formulas = {row[0].value: row[2].value for row in total.iter_rows(min_row=6, max_row=9)}
    assert str(formulas["รวม"]).startswith("=TRUNC(")
    if ev.result.statements:
        assert str(formulas["IIT"]).startswith("=AVERAGE('รายตัวชี้วัด'!")
        ws = wb["รายข้อ"]
        text = " ".join(str(c.value) for row in ws.iter_rows(min_row=6, max_row=12) for c in row)
        assert "COUNTIF('คำตอบ IIT'!" in text and "SUMPRODUCT(" in text and "'เกณฑ์'!" in text
    else:
        given = ev.result.tools["IIT"].given
        assert str(formulas["IIT"]).startswith("='คะแนนที่กรอก'!" if given else "=AVERAGE(")
        ind = {row[0].value: row[3].value for row in wb["รายตัวชี้วัด"].iter_rows(min_row=5)}
        assert str(ind["3"]).startswith("='คะแนนที่กรอก'!")
    grade = wb["รายตัวชี้วัด"]["E5"].value
    assert str(grade).startswith("=LOOKUP(ROUND(ROUND(D5,9),2),'เกณฑ์'!")


def test_conditional_formats_have_numeric_thresholds(built: tuple[Evaluation, Path]) -> None:
    ev, path = built
    wb = openpyxl.load_workbook(path)
    kinds: dict[str, set[str]] = {}
    for name in ("สรุปผล", "รายตัวชี้วัด", "OIT", "พัฒนาการ", "จุดแข็ง-จุดอ่อน", "รายข้อ"):
        if name not in wb.sheetnames:
            continue
        kinds[name] = set()
        for cf in wb[name].conditional_formatting:
            for rule in cf.rules:
                kinds[name].add(rule.type)
                for scheme in (rule.colorScale, rule.dataBar):
                    if scheme is not None:
                        assert {v.type for v in scheme.cfvo} == {"num"}, (name, rule.type)
                if rule.iconSet is not None:
                    # The lowest icon's floor is always written as percent 0; the thresholds are numbers.
                    assert [(v.type, float(v.val)) for v in rule.iconSet.cfvo[1:]] == [("num", -0.005), ("num", 0.005)]
    assert {"colorScale", "cellIs"} <= kinds["รายตัวชี้วัด"]
    assert "iconSet" in kinds["พัฒนาการ"]
    assert "expression" in kinds["OIT"]
    assert "cellIs" in kinds["จุดแข็ง-จุดอ่อน"]
    if ev.result.statements:
        assert {"dataBar", "top10"} <= kinds["รายข้อ"]


def chart_xml(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]


def test_charts_present_and_optional(built: tuple[Evaluation, Path], tmp_path: Path) -> None:
    ev, path = built
    charts = chart_xml(path)
    with_history = len(ev.result.history) > 1
    assert len(charts) == 1 + with_history
    bar = next(c for c in charts if "<c:barChart>" in c)
    assert "<c:lineChart>" in bar and "'รายตัวชี้วัด'!$H$5:$H$14" in bar and "'รายตัวชี้วัด'!$D$5:$D$14" in bar
    if with_history:
        line = next(c for c in charts if "<c:barChart>" not in c)
        assert "'พัฒนาการ'!$B$5" in line
    bare = tmp_path / "bare.xlsx"
    write_analysis(ev, bare, charts=False)
    assert chart_xml(bare) == []


def test_user_text_never_becomes_formula_or_link(tmp_path: Path) -> None:
    fw = load(2565)
    hostile = '=HYPERLINK("http://evil","x")\x07'
    data = reference_input(measures=(Measure(addresses=hostile, steps="+1+1", responsible="http://x.example"),))
    data = dataclasses.replace(data, office=dataclasses.replace(data.office, name="=1+1\x00สำนักงาน"))
    ev = Evaluation(tmp_path / "x.xlsx", fw, data, score(fw, data))
    path = tmp_path / "hostile.xlsx"
    write_analysis(ev, path)
    wb = openpyxl.load_workbook(path)
    assert wb["สรุปผล"]["A2"].value == "=1+1สำนักงาน"
    assert wb["สรุปผล"]["A2"].data_type == "s"
    measures = wb["มาตรการ"]
    assert measures["C5"].value == '=HYPERLINK("http://evil","x")' and measures["C5"].data_type == "s"
    assert measures["H5"].hyperlink is None
    assert measures["B5"].value == "จุดอ่อน"


def test_measures_table_and_drafts_marked(built: tuple[Evaluation, Path]) -> None:
    from ita_xl.measures import measures_for

    ev, path = built
    ws = openpyxl.load_workbook(path, data_only=True)["มาตรการ"]
    rows = [row for row in ws.iter_rows(min_row=5, values_only=True) if isinstance(row[0], int)]
    measures = measures_for(ev.result)
    assert len(rows) == len(measures) > 0
    for row, m in zip(rows, measures, strict=True):
        assert str(row[1]).endswith("(ร่าง)") == m.draft
        assert (row[2] or "") == m.addresses and (row[4] or "") == m.steps


@pytest.mark.parametrize("name", KINDS[2:])
def test_build_writes_the_score_commands_numbers(name: str, tmp_path: Path) -> None:
    from ita_xl.pipeline import BuildOptions, build_one, evaluate
    from ita_xl.result import to_dict

    source = WORKBOOKS / f"{name}.xlsx"
    outcome = build_one(source, BuildOptions(out_dir=tmp_path, report=False))
    assert outcome.error is None
    assert outcome.outputs == [tmp_path / f"{name}-analysis.xlsx"]
    scored = to_dict(evaluate(source).result)
    wb = openpyxl.load_workbook(outcome.outputs[0], data_only=True)
    summary = column(wb["สรุปผล"], 1, 3)
    assert round(summary["รวม"], 2) == scored["total"]
    assert {c: round(summary[c], 2) for c in scored["tools"]} == scored["tools"]
    indicators = {}
    for row in wb["รายตัวชี้วัด"].iter_rows(min_row=5, values_only=True):
        if isinstance(row[0], str) and isinstance(row[3], (int, float)):
            indicators[row[0]] = round(row[3], 2)
    assert {c: indicators[c] for c in scored["indicators"]} == scored["indicators"]
    assert {c: indicators[c] for c in scored["subindicators"]} == scored["subindicators"]
