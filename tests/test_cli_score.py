"""`ita-xl score`: the reference office's workbook, and a randomly filled template checked against a plain computation."""

from __future__ import annotations

import json
import random
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from tests.excel import CODE_ROW, FIRST, codes, save, template

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "workbooks" / "chanthaburi2-2565.xlsx"


def score(*args: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(cli, ["score", *args])
    data = json.loads(result.stdout) if result.exit_code == 0 else {}
    return result.exit_code, data, result.stderr


def test_reference_workbook_scores_as_the_report() -> None:
    code, data, stderr = score(str(REFERENCE))
    assert code == 0, stderr
    assert (data["total"], data["grade"], data["passed"]) == (98.9, "AA", True)
    assert data["framework"] == 2565
    assert data["tools"] == {"IIT": 98.75, "EIT": 99.28, "OIT": 98.75}
    assert data["indicators"] == {
        "1": 99.09,
        "2": 97.43,
        "3": 99.41,  # the official figure (the reference's table misprints 99.51)
        "4": 98.99,
        "5": 98.82,
        "6": 99.1,
        "7": 99.23,
        "8": 99.49,
        "9": 97.5,
        "10": 100.0,
    }
    assert data["subindicators"] == {
        "9.1": 100.0,
        "9.2": 87.5,
        "9.3": 100.0,
        "9.4": 100.0,
        "9.5": 100.0,
        "10.1": 100.0,
        "10.2": 100.0,
    }
    assert [h["year"] for h in data["history"]] == list(range(2558, 2566))
    assert data["national"]["rank"] == 43 and data["national"]["mean"] == 98.32
    # the entered figures agree with each other now: no consistency warning
    assert [f for f in data["findings"] if f["code"] == "consistency"] == []
    assert [f for f in data["findings"] if f["severity"] == "error"] == []


def test_reference_workbook_in_english_and_with_text_indicator_3(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(REFERENCE)
    ws = wb[S.SCORES]
    cols = codes(ws)
    for r in range(FIRST, ws.max_row + 1):
        if ws.cell(r, cols["code"]).value == "3":
            ws.cell(r, cols["score"], 99.41)
    code, data, stderr = score(str(save(wb, tmp_path / "ref.xlsx")), "--lang", "en")
    assert code == 0
    assert [f for f in data["findings"] if f["code"] == "consistency"] == []
    assert "ข้อ" not in stderr


# ---- a plain computation of the FY2566 method, written out here --------------------------

FOUR = [100, 67, 33, 0]  # มากที่สุด, มาก, น้อย, น้อยที่สุดหรือไม่มีเลย
YES_NO = [100, 0]  # มี, ไม่มี
YES_NO_CODES = {"i4", "i5", "i6", "i26", "e4", "e10"}
REVERSED = {"i4", "i5", "i6", "i9", "i10", "i11.2", "i16", "i17", "i18", "i19", "i22", "e4"}
OIT_SUBS = {
    "9.1": range(1, 11),
    "9.2": range(11, 19),
    "9.3": range(19, 23),
    "9.4": range(23, 27),
    "9.5": range(27, 31),
    "10.1": range(31, 39),
    "10.2": range(39, 44),
}


def points(code: str, index: int) -> int:
    item = code.split(".")[0]
    scale = YES_NO if item in YES_NO_CODES else FOUR
    value = scale[index]
    if item in REVERSED or code in REVERSED:
        value = 100 - value
    return value


def indicator_of(item: str) -> str:
    n = int(item[1:])
    return str((n - 1) // 6 + 1) if item[0] == "i" else str(6 + (n - 1) // 5)


def mean(values: list[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def shown(value: Fraction, truncate: bool = False) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_DOWN if truncate else ROUND_HALF_UP)


def test_random_answers_score_as_a_plain_computation(tmp_path: Path) -> None:
    rng = random.Random(42)
    wb = template(tmp_path)
    answers: dict[str, dict[str, list[int]]] = {"IIT": {}, "EIT": {}}
    for tool, respondents in (("IIT", 31), ("EIT", 57)):
        ws = wb[tool]
        statement_codes = [c for c in codes(ws) if c not in ("no", "note")]
        for code in statement_codes:
            answers[tool][code] = []
        for n in range(respondents):
            for code in statement_codes:
                item = code.split(".")[0]
                labels = ["มี", "ไม่มี"] if item in YES_NO_CODES else ["มากที่สุด", "มาก", "น้อย", "น้อยที่สุดหรือไม่มีเลย"]
                if rng.random() < 0.1:
                    continue
                index = rng.randrange(len(labels))
                ws.cell(FIRST + n, codes(ws)[code], labels[index])
                answers[tool][code].append(index)
    unpublished = set(rng.sample(range(1, 44), 5))
    oit = wb[S.OIT]
    cols = codes(oit)
    for r in range(FIRST, FIRST + 43):
        number = int(str(oit.cell(r, cols["code"]).value)[1:])
        published = number not in unpublished
        oit.cell(r, cols["published"], "มี" if published else "ไม่มี")
        if published:
            oit.cell(r, cols["url"], f"https://example.go.th/o{number}")
    assert oit.cell(CODE_ROW, cols["code"]).value == "code"
    path = save(wb, tmp_path / "random.xlsx")

    # The plain computation.
    items: dict[str, list[Fraction]] = {}
    for tool in ("IIT", "EIT"):
        for code, indexes in answers[tool].items():
            statement = mean([Fraction(points(code, i)) for i in indexes])
            items.setdefault(code.split(".")[0], []).append(statement)
    item_scores = {item: mean(scores) for item, scores in items.items()}
    indicators: dict[str, Fraction] = {}
    for ind in map(str, range(1, 9)):
        indicators[ind] = mean([s for item, s in item_scores.items() if indicator_of(item) == ind])
    subs = {sub: mean([Fraction(0 if n in unpublished else 100) for n in numbers]) for sub, numbers in OIT_SUBS.items()}
    indicators["9"] = mean([subs[s] for s in ("9.1", "9.2", "9.3", "9.4", "9.5")])
    indicators["10"] = mean([subs["10.1"], subs["10.2"]])
    tools = {
        "IIT": mean([indicators[str(n)] for n in range(1, 6)]),
        "EIT": mean([indicators[str(n)] for n in range(6, 9)]),
        "OIT": mean([indicators["9"], indicators["10"]]),
    }
    total = (30 * tools["IIT"] + 30 * tools["EIT"] + 40 * tools["OIT"]) / 100

    code, data, stderr = score(str(path))
    assert code == 0, stderr
    assert data["respondents"] == {"IIT": 31, "EIT": 57}
    assert Decimal(str(data["total"])) == shown(total, truncate=True)
    for name, value in tools.items():
        assert Decimal(str(data["tools"][name])) == shown(value), name
    for name, value in indicators.items():
        assert Decimal(str(data["indicators"][name])) == shown(value), name
    for name, value in subs.items():
        assert Decimal(str(data["subindicators"][name])) == shown(value), name
    for name, value in item_scores.items():
        assert Decimal(str(data["items"][name])) == shown(value), name
