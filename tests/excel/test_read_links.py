"""Evidence entered as a link ("คลิกที่นี่" with the address behind it) is read as its address, in OIT and measures."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from ita_xl.excel.read import read_office
from ita_xl.excel.read.links import MAX_LINKED_CELLS, sheet_links
from tests.excel import FIRST, codes, mark_oit, row_of, save, template
from tests.test_bad_inputs import make_raw, patch_zip, sheet_part
from tests.word.test_followup import text_of

CLICK = "คลิกที่นี่"


def oit_workbook(tmp_path: Path) -> openpyxl.Workbook:
    """Return a template with every OIT item marked มี with a plain URL, as a base to put links on."""
    wb = template(tmp_path)
    for code in ("o1", "o2", "o3", "o4"):
        mark_oit(wb, code, "มี", f"https://example.go.th/ita/{code}")
    return wb


def url_cell(wb: openpyxl.Workbook, code: str) -> openpyxl.cell.Cell:
    ws = wb[S.OIT]
    return ws.cell(row_of(ws, code), codes(ws)["url"])


def warnings_of(reading, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.en for p in reading.problems if p.code == code]


def test_an_excel_hyperlink_is_read_as_its_address(tmp_path: Path) -> None:
    wb = oit_workbook(tmp_path)
    cell = url_cell(wb, "o1")
    cell.value = CLICK
    cell.hyperlink = "https://www.example.go.th/ita/o1.pdf"
    path = save(wb, tmp_path / "links.xlsx")
    before = path.read_bytes()
    reading = read_office(path)
    assert reading.data.oit["o1"].url == "https://www.example.go.th/ita/o1.pdf"
    assert reading.data.oit["o2"].url == "https://example.go.th/ita/o2"  # a plain URL stays as typed
    assert warnings_of(reading, "bad-url") == []
    assert path.read_bytes() == before


def test_a_hyperlink_over_a_range_and_one_on_the_item_title(tmp_path: Path) -> None:
    wb = oit_workbook(tmp_path)
    ws = wb[S.OIT]
    for code in ("o2", "o3"):
        url_cell(wb, code).value = CLICK
    url_cell(wb, "o4").value = None
    # o4: the link was put on the item's title cell, and its URL cell left empty.
    title = ws.cell(row_of(ws, "o4"), codes(ws)["title"])
    title.hyperlink = "https://example.go.th/o4-title"
    path = save(wb, tmp_path / "links.xlsx")
    first = url_cell(wb, "o2").coordinate
    last = url_cell(wb, "o3").coordinate
    url_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

    def one_range_link(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        """One <hyperlink> covering two cells, as Excel writes a link pasted over a range."""
        part = sheet_part(zf, S.OIT)
        rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
        members[part] = members[part].replace(
            b"</hyperlinks>", f'<hyperlink ref="{first}:{last}" r:id="rIdRange"/></hyperlinks>'.encode()
        )
        members[rels] = members[rels].replace(
            b"</Relationships>",
            f'<Relationship Id="rIdRange" Type="{url_rel}" Target="https://example.go.th/range" '
            'TargetMode="External"/></Relationships>'.encode(),
        )

    patch_zip(path, one_range_link)
    reading = read_office(path)
    assert reading.data.oit["o2"].url == reading.data.oit["o3"].url == "https://example.go.th/range"
    assert reading.data.oit["o4"].url == "https://example.go.th/o4-title"
    assert warnings_of(reading, "bad-url") == warnings_of(reading, "no-url") == []


def with_cached_value(path: Path, sheet: str, ref: str, shown: str) -> None:
    """Give the formula in ``ref`` the text result Excel would have stored (openpyxl stores none)."""

    def change(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        part = sheet_part(zf, sheet)
        xml = members[part].decode()
        cell = re.search(rf'<c r="{ref}"[^>]*>.*?</c>', xml, re.S)
        assert cell, ref
        new = re.sub(r"<v\s*/>|<v></v>", "", cell.group(0)).replace("</c>", f"<v>{shown}</v></c>")
        new = new.replace(f'<c r="{ref}"', f'<c r="{ref}" t="str"', 1)
        members[part] = xml.replace(cell.group(0), new).encode()

    patch_zip(path, change)


@pytest.mark.parametrize("cached", [True, False], ids=["saved-by-excel", "never-calculated"])
def test_a_hyperlink_formula_is_read_as_its_address(tmp_path: Path, cached: bool) -> None:
    wb = oit_workbook(tmp_path)
    ws = wb[S.OIT]
    url_cell(wb, "o1").value = f'=HYPERLINK("https://example.go.th/a?x=1&y=""2""","{CLICK}")'
    url_cell(wb, "o2").value = f'=hyperlink(F{row_of(ws, "o2")}, "{CLICK}")'
    url_cell(wb, "o3").value = f'=HYPERLINK("https://example.go.th/"&F{row_of(ws, "o3")},"{CLICK}")'
    ws.cell(row_of(ws, "o2"), codes(ws)["note"], "https://example.go.th/from-f")
    path = save(wb, tmp_path / "formula.xlsx")
    if cached:
        for code in ("o1", "o2", "o3"):
            with_cached_value(path, S.OIT, url_cell(wb, code).coordinate, CLICK)
    reading = read_office(path)
    assert reading.data.oit["o1"].url == 'https://example.go.th/a?x=1&y="2"'
    assert reading.data.oit["o2"].url == "https://example.go.th/from-f"
    oit_problems = [(p.where, p.en) for p in reading.problems if p.where.startswith(S.OIT)]
    o3 = f"{S.OIT}!{url_cell(wb, 'o3').coordinate}"
    if cached:  # an address built by a formula is not followed: the text shown is read, and is no address
        assert oit_problems == [(o3, f'"{CLICK}" is not a web address; type the full URL starting with https://')]
    else:
        assert oit_problems == [
            (
                o3,
                "this cell is a formula with no calculated value (the file was not saved by Excel); "
                "open and save it in Excel, or type the value instead of the formula",
            ),
            (o3, "o3 is marked มี (published) but has no evidence URL; add the page's URL"),
        ]


def test_a_link_inside_the_workbook_or_to_a_local_file_is_no_web_address(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(make_raw(tmp_path))
    inside = url_cell(wb, "o1")
    inside.value = CLICK
    inside.hyperlink = openpyxl.worksheet.hyperlink.Hyperlink(ref=inside.coordinate, location="'IIT'!A1")
    local = url_cell(wb, "o2")
    local.value = CLICK
    local.hyperlink = "file:///C:/ITA/o2.pdf"
    path = save(wb, tmp_path / "local.xlsx")
    res = CliRunner().invoke(cli, ["--lang", "en", "check", str(path)])
    assert res.exit_code == 0, res.output
    assert (
        f'{S.OIT}!{inside.coordinate}: "{CLICK}" is not a web address; type the full URL starting with https://'
        in res.output
    )
    assert (
        f'{S.OIT}!{local.coordinate}: "file:///C:/ITA/o2.pdf" is not a web address; '
        "type the full URL starting with https://" in res.output
    )


def test_measure_evidence_as_a_link_is_read_as_its_address(tmp_path: Path) -> None:
    wb = template(tmp_path, year=2565)
    ws = wb[S.MEASURES]
    cols = codes(ws)
    ws.cell(FIRST, cols["kind"], "จุดอ่อน")
    ws.cell(FIRST, cols["addresses"], "ปรับปรุงเว็บไซต์")
    ws.cell(FIRST, cols["status"], "ดำเนินการแล้วเสร็จ")
    ws.cell(FIRST, cols["percent"], 100)
    evidence = ws.cell(FIRST, cols["evidence"], CLICK)
    evidence.hyperlink = "https://example.go.th/measure1"
    path = save(wb, tmp_path / "measures.xlsx")
    reading = read_office(path)
    assert reading.data.measures[0].progress.evidence == "https://example.go.th/measure1"
    res = CliRunner().invoke(cli, ["followup", str(path), "-o", str(tmp_path / "out"), "--no-charts"])
    assert res.exit_code == 0, res.output
    report = text_of(docx.Document(str(tmp_path / "out" / "measures-followup.docx")))
    assert "https://example.go.th/measure1" in report and CLICK not in report


def test_build_shows_the_address_in_the_analysis_workbook(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(make_raw(tmp_path))
    for code in ("o1", "o2", "o3", "o4"):
        cell = url_cell(wb, code)
        cell.value = CLICK
        cell.hyperlink = f"https://example.go.th/linked/{code}"
    path = save(wb, tmp_path / "office.xlsx")
    before = path.read_bytes()
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["--lang", "en", "build", str(path), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "not a web address" not in res.output
    analysis = openpyxl.load_workbook(out / "office-analysis.xlsx")
    shown = {str(c.value) for ws in analysis.worksheets for row in ws.iter_rows() for c in row if c.value}
    assert {f"https://example.go.th/linked/{c}" for c in ("o1", "o2", "o3", "o4")} <= shown
    assert CLICK not in shown
    assert path.read_bytes() == before


def test_links_over_many_ranges_are_bounded_and_hide_no_other_link(tmp_path: Path) -> None:
    """A crafted sheet: thousands of hyperlinks over the whole sheet, and one real link after them."""
    wb = oit_workbook(tmp_path)
    cell = url_cell(wb, "o1")
    cell.value = CLICK
    cell.hyperlink = "https://example.go.th/real"
    path = save(wb, tmp_path / "huge.xlsx")
    url_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

    def flood(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        part = sheet_part(zf, S.OIT)
        rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
        # 50 ranges of 15,000 cells each over column A: 750,000 cells if every one were kept.
        many = "".join(f'<hyperlink ref="A{n}:A{n + 14999}" r:id="rIdHuge"/>' for n in range(1, 51))
        members[part] = members[part].replace(b"<hyperlinks>", f"<hyperlinks>{many}".encode())
        members[rels] = members[rels].replace(
            b"</Relationships>",
            f'<Relationship Id="rIdHuge" Type="{url_rel}" Target="https://example.go.th/huge" '
            'TargetMode="External"/></Relationships>'.encode(),
        )

    patch_zip(path, flood)
    assert len(sheet_links(path, S.OIT)) <= MAX_LINKED_CELLS
    reading = read_office(path)
    assert reading.data.oit["o1"].url == "https://example.go.th/real"
    # o2's row also lies under a range on column A, but the URL typed in its own cell is what counts.
    assert reading.data.oit["o2"].url == "https://example.go.th/ita/o2"
