"""An office's own OIT list: items added, removed or moved in the workbook are scored as listed, with one warning."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.evaluation import evaluate
from ita_xl.excel import sheets as S
from ita_xl.framework import load
from ita_xl.oit_list import OitRow, adapt
from ita_xl.thai import thai_digits
from ita_xl.word.report import ReportOptions, write_report
from tests.excel import codes, mark_oit, row_of, save, set_office, set_score, template

FW = load(2569)
SHIPPED = [c for c, it in FW.items.items() if it.tool == "OIT"]


def filled(tmp_path: Path) -> openpyxl.Workbook:
    """Return a FY2569 template with every shipped OIT item marked มี except o7."""
    wb = template(tmp_path, 2569)
    set_office(wb, "year", 2569)
    set_score(wb, "IIT", 95)
    set_score(wb, "EIT", 90)
    for code in SHIPPED:
        mark_oit(wb, code, "ไม่มี" if code == "o7" else "มี", None if code == "o7" else f"https://example.go.th/{code}")
    return wb


def edited(tmp_path: Path) -> Path:
    """Return the workbook with its OIT list edited as an office would in Excel."""
    wb = filled(tmp_path)
    ws = wb[S.OIT]
    col = codes(ws)
    ws.delete_rows(row_of(ws, "o6"))  # the manual has no O6
    ws.cell(row_of(ws, "o15"), col["sub"], "9.5")  # O15 sits under 9.5 in this office's manual
    spare = row_of(ws, "o26") + 1  # the first spare row under the list
    for key, value in (("code", "O27"), ("title", "ข้อมูลเพิ่มเติมตามคู่มือ"), ("sub", 10.2), ("published", "ไม่มี")):
        ws.cell(spare, col[key], value)
    return save(wb, tmp_path / "edited.xlsx")


def test_an_unedited_list_is_the_shipped_one(tmp_path: Path) -> None:
    ev = evaluate(save(filled(tmp_path), tmp_path / "plain.xlsx"))
    assert ev.framework.items == FW.items
    assert not [f for f in ev.result.findings if f.code.startswith("oit-")]


def test_edited_list_is_scored_as_listed_and_named_in_one_warning(tmp_path: Path) -> None:
    ev = evaluate(edited(tmp_path))
    fw, r = ev.framework, ev.result
    [warning] = [f for f in r.findings if f.code == "oit-list"]
    assert warning.severity == "warning" and not r.errors
    th, en = warning.message("th"), warning.message("en")
    assert "เพิ่ม o27 (10.2)" in th and "ไม่มีในแฟ้ม o6" in th and "ย้ายตัวชี้วัดย่อย o15 (10.2 → 9.5)" in th
    assert "added: o27 (10.2)" in en and "left out: o6" in en and "moved: o15 (10.2 → 9.5)" in en
    assert "o6" not in fw.items and fw.items["o27"].title == "ข้อมูลเพิ่มเติมตามคู่มือ"
    assert fw.subindicators["9.2"].items == ("o5", "o7", "o8", "o9", "o10")
    assert fw.subindicators["9.5"].items == ("o15", "o16", "o17", "o18", "o19")
    assert fw.subindicators["10.2"].items == ("o25", "o26", "o27")
    # o7 and o27 not published: 9.2 = 4 of 5, 10.2 = 2 of 3, as the workbook lists them
    assert (r.subindicators["9.2"].shown, r.subindicators["10.2"].shown) == (80, D("66.67"))
    assert r.items["o27"].shown == 0 and "o6" not in r.items
    assert r.subindicators["9.5"].shown == 100


def test_edited_list_reaches_the_report_and_the_json(tmp_path: Path) -> None:
    path = edited(tmp_path)
    result = CliRunner().invoke(cli, ["score", str(path), "--lang", "en"])
    assert result.exit_code == 0 and "moved: o15 (10.2 → 9.5)" in result.stderr
    ev = evaluate(path)
    out = tmp_path / "r.docx"
    write_report(ev.result, out, ReportOptions(charts=False))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "ข้อมูลเพิ่มเติมตามคู่มือ" in text  # the added item, unpublished, is among what to publish


def test_a_new_item_without_a_known_sub_indicator_is_left_out_with_a_warning() -> None:
    rows = [OitRow(c, sub=FW.items[c].subindicator or "") for c in SHIPPED] + [OitRow("o27", "x", "11.1", "OIT!A30")]
    fw, findings = adapt(FW, rows)
    assert fw is FW and [f.code for f in findings] == ["oit-place"]
    assert "11.1" in findings[0].message("en") and findings[0].where == "OIT!A30"


def test_a_sub_indicator_left_empty_drops_out_of_its_indicator() -> None:
    rows = [OitRow(c) for c in SHIPPED if FW.items[c].subindicator != "9.4"]
    fw, [warning] = adapt(FW, rows)
    assert "9.4" not in fw.subindicators and "9.4" not in fw.indicators["9"].subindicators
    assert "o13, o14" in warning.message("en")


@pytest.mark.parametrize(("year", "printed"), [(2565, "o42"), (2566, "O42"), (2569, "O25"), (2570, "O25")])
def test_report_names_the_item_it_is_published_as(year: int, printed: str, tmp_path: Path) -> None:
    wb = template(tmp_path, year)
    set_office(wb, "year", year)
    ws = wb[S.SCORES]
    for code, value in (("IIT", 90), ("EIT", 90), ("OIT", 90)):
        ws.cell(row_of(ws, code), codes(ws)["score"], value)
    ev = evaluate(save(wb, tmp_path / f"o-{year}.xlsx"))
    out = tmp_path / f"r-{year}.docx"
    write_report(ev.result, out, ReportOptions(charts=False))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs).replace("\xa0", " ")  # no-break spaces
    item = ev.framework.items[ev.framework.analysis_item]
    assert thai_digits(f"(OIT) ข้อ {printed} {item.title}") in text
