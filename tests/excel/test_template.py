"""The blank template: sheets, dropdowns, protection, frozen headers, and the committed copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ita_xl.excel import sheets as S
from ita_xl.excel.template import OIT_SPARE_ROWS, write_template
from ita_xl.framework import load
from tests.excel import CODE_ROW, FIRST, codes, row_of, template

ROOT = Path(__file__).resolve().parents[2]


def list_values(wb: openpyxl.Workbook, formula: str) -> list[str]:
    """Return the labels a list validation's range reference points at."""
    sheet, cells = formula.lstrip("=").split("!")
    ws = wb[sheet.strip("'")]
    return [c[0].value for c in ws[cells.replace("$", "")]]


def test_sheets(tmp_path: Path) -> None:
    wb = template(tmp_path)
    assert wb.sheetnames == list(S.ORDER)
    assert wb[S.LISTS].sheet_state == "hidden"
    assert all(wb[name].sheet_state == "visible" for name in S.ORDER[:-1])


@pytest.mark.parametrize("tool", ["IIT", "EIT"])
def test_every_answer_column_has_a_dropdown_of_its_scale(tmp_path: Path, tool: str) -> None:
    fw = load(year=2566)
    wb = template(tmp_path)
    ws = wb[tool]
    cols = codes(ws)
    assert [c for c in cols if c not in ("no", "note")] == [st.code for st in fw.statements(tool)]
    by_column = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        assert len(dv.formula1) < 255 and "!" in dv.formula1
        for rng in dv.sqref.ranges:
            by_column[rng.min_col] = (dv.formula1, rng.min_row, rng.max_row)
    for st in fw.statements(tool):
        formula, first, last = by_column[cols[st.code]]
        assert first == FIRST and last >= FIRST + 999
        assert list_values(wb, formula) == list(fw.scales[st.scale].labels)


def test_oit_sheet_lists_every_item_with_a_dropdown(tmp_path: Path) -> None:
    fw = load(year=2565)
    wb = template(tmp_path, year=2565)
    ws = wb[S.OIT]
    items = [c for c, it in fw.items.items() if it.tool == "OIT"]
    col = codes(ws)["code"]
    assert [ws.cell(FIRST + n, col).value for n in range(len(items))] == items
    (dv,) = ws.data_validations.dataValidation
    assert list_values(wb, dv.formula1) == ["มี", "ไม่มี"]
    assert str(dv.sqref) == f"D{FIRST}:D{FIRST + len(items) + OIT_SPARE_ROWS - 1}"  # spare rows for added items
    assert ws.cell(FIRST, col).protection.locked is False  # an office may correct the list


def test_headers_frozen_sheets_protected_only_inputs_unlocked(tmp_path: Path) -> None:
    wb = template(tmp_path)
    for name in S.ORDER[1:-1]:
        ws = wb[name]
        assert ws.protection.sheet, name
        assert not ws.protection.password, name
        assert ws.freeze_panes is not None and ws.freeze_panes[1:] == str(FIRST), name
        assert ws.cell(CODE_ROW, 1).protection.locked, name
    office = wb[S.OFFICE]
    r = row_of(office, "name", "field")
    assert office.cell(r, codes(office)["value"]).protection.locked is False
    assert office.cell(r, codes(office)["label"]).protection.locked is True
    scores = wb[S.SCORES]
    r = row_of(scores, "total")
    assert scores.cell(r, codes(scores)["score"]).protection.locked is False
    assert scores.cell(r, codes(scores)["name"]).protection.locked is True
    iit = wb["IIT"]
    assert iit.column_dimensions["B"].width > 10
    assert iit.column_dimensions["B"].protection.locked is False


def test_office_name_and_year_prefilled_and_cleaned(tmp_path: Path) -> None:
    wb = template(tmp_path, year=2565, office=" สพป.ทดสอบ\x07 เขต ๑ ")
    ws = wb[S.OFFICE]
    value = codes(ws)["value"]
    assert ws.cell(row_of(ws, "name", "field"), value).value == "สพป.ทดสอบ เขต ๑"
    assert ws.cell(row_of(ws, "year", "field"), value).value == 2565
    assert ws.cell(row_of(ws, "measures_year", "field"), value).value == 2566


def test_user_text_never_becomes_a_formula(tmp_path: Path) -> None:
    wb = template(tmp_path, office='=HYPERLINK("http://x")')
    ws = wb[S.OFFICE]
    cell = ws.cell(row_of(ws, "name", "field"), codes(ws)["value"])
    assert cell.data_type == "s" and cell.value.startswith("=")


def snapshot(path: Path) -> dict[str, Any]:
    """Return what a template means: sheet names and states, every value, every validation, frozen panes."""
    wb = openpyxl.load_workbook(path)
    out: dict[str, Any] = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        out[ws.title] = {
            "state": ws.sheet_state,
            "freeze": ws.freeze_panes,
            "protected": bool(ws.protection.sheet),
            "values": [[c.value for c in row] for row in ws.iter_rows()],
            "validations": sorted(
                (str(dv.sqref), dv.type, dv.formula1, dv.error) for dv in ws.data_validations.dataValidation
            ),
        }
    return out


@pytest.mark.parametrize("year", [2565, 2566])
def test_committed_templates_are_what_new_writes_today(tmp_path: Path, year: int) -> None:
    committed = ROOT / "templates" / f"fy{year}.xlsx"
    fresh = tmp_path / f"fy{year}.xlsx"
    write_template(load(year=year), fresh)
    assert snapshot(committed) == snapshot(fresh), f"regenerate with: ita-xl new --year {year} --force {committed}"
