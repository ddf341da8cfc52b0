"""Workbooks re-saved by other programs read exactly as the original: LibreOffice Calc, Google Sheets, Excel.

Each program rewrites the file in its own way. Calc drops a number format it does not know (so a date becomes a bare
serial with the General format) and renames every part; Google Sheets writes text as inline or shared strings and
may leave the styles out. The cases below make those files in code (no LibreOffice needed), and with LibreOffice
itself when it is installed; every one must give the same office data, problems and scores as the original.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from ita_xl.excel.read import read_office
from ita_xl.excel.template import DATE_FORMAT
from tests.excel import FIRST, codes, row_of, save, set_office, template
from tests.excel.test_recalc import soffice
from tests.test_bad_inputs import make_raw

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "workbooks" / f"{name}.xlsx" for name in ("chanthaburi2-2565", "example-2566", "example-2569")]
Members = dict[str, bytes]


# ---- rewriting a workbook's parts as another program would ----------------------------------------


def rewrite(src: Path, dst: Path, change: Callable[[Members], None]) -> Path:
    """Return ``dst``: a copy of the workbook ``src`` whose parts ``change`` edited (name -> bytes)."""
    with zipfile.ZipFile(src) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    change(members)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return dst


def _sheet_parts(members: Members) -> list[str]:
    return [n for n in members if n.startswith("xl/worksheets/") and n.endswith(".xml")]


_DATE_CODE = re.compile(r"[dy]|mmm", re.I)


def dates_as_general(members: Members) -> None:
    """Give every date format the General format, as Calc re-saves a date format it cannot read: a bare serial."""
    styles = members["xl/styles.xml"].decode()

    def general(match: re.Match[str]) -> str:
        code = re.sub(r'\[[^\]]*\]|"[^"]*"', "", match.group(2))
        return f'{match.group(1)}"General"' if _DATE_CODE.search(code) else match.group(0)

    changed = re.sub(r'(<numFmt [^>]*formatCode=)"([^"]*)"', general, styles)
    assert changed != styles, "no date format to drop"
    members["xl/styles.xml"] = changed.encode()


def inline_strings(members: Members) -> None:
    """Write every shared string into its cell as an inline string (as scripts do) and drop the shared table."""
    assert "xl/sharedStrings.xml" in members, "the examples are saved as Excel saves them, with shared strings"
    table = members.pop("xl/sharedStrings.xml").decode()
    strings = [m.group(1) or "" for m in re.finditer(r"<si>(.*?)</si>|<si/>", table, re.S)]
    for part in _sheet_parts(members):
        xml = members[part].decode()
        xml = re.sub(
            r'<c ([^>]*?)t="s"([^>]*)><v>(\d+)</v></c>',
            lambda m: f'<c {m.group(1)}t="inlineStr"{m.group(2)}><is>{strings[int(m.group(3))]}</is></c>',
            xml,
        )
        members[part] = xml.encode()
    _drop_part(members, "sharedStrings.xml", "sharedStrings")


SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def shared_strings(members: Members) -> None:
    """Move every inline string into one shared table, in UTF-8 rather than character references (as Excel does)."""
    assert "xl/sharedStrings.xml" not in members
    index: dict[str, int] = {}

    def share(m: re.Match[str]) -> str:
        text = re.sub(r"&#(\d+);", lambda r: chr(int(r.group(1))), m.group(3))
        n = index.setdefault(text, len(index))
        return f'<c {m.group(1)}t="s"{m.group(2)}><v>{n}</v></c>'

    for part in _sheet_parts(members):
        xml = members[part].decode()
        members[part] = re.sub(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', share, xml, flags=re.S).encode()
    body = "".join(f"<si>{text}</si>" for text in index)
    members["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f">{body}</sst>"
    ).encode()
    rels = "xl/_rels/workbook.xml.rels"
    members[rels] = (
        members[rels]
        .decode()
        .replace(
            "</Relationships>",
            f'<Relationship Id="rIdShared" Type="{SHARED_REL}" Target="sharedStrings.xml"/></Relationships>',
        )
        .encode()
    )
    types = "[Content_Types].xml"
    members[types] = (
        members[types]
        .decode()
        .replace("</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_TYPE}"/></Types>')
        .encode()
    )


def inline_then_shared(members: Members) -> None:
    """A shared table of the program's own: strings in order of first use, in UTF-8, with no counts."""
    inline_strings(members)
    shared_strings(members)


def no_styles(members: Members) -> None:
    """Leave out the styles part and every cell's style: no formats at all, dates as bare serials."""
    members.pop("xl/styles.xml")
    for part in _sheet_parts(members):
        xml = members[part].decode()
        xml = re.sub(r'(<(?:c|row) [^>]*?) s="\d+"', r"\1", xml)
        xml = re.sub(r' customFormat="(?:1|true)"', "", xml)
        xml = re.sub(r'(<col [^>]*?) style="\d+"', r"\1", xml)
        members[part] = xml.encode()
    _drop_part(members, "styles.xml", "styles")


def _drop_part(members: Members, target: str, kind: str) -> None:
    rels = "xl/_rels/workbook.xml.rels"
    members[rels] = re.sub(rf'<Relationship [^>]*Target="[^"]*{target}"[^>]*/>', "", members[rels].decode()).encode()
    types = "[Content_Types].xml"
    members[types] = re.sub(rf'<Override [^>]*{kind}\+xml"/>', "", members[types].decode()).encode()


def google_sheets(members: Members) -> None:
    """A download from Google Sheets as this test models it: its own shared strings and no styles."""
    inline_then_shared(members)
    no_styles(members)


# ---- what must stay the same -----------------------------------------------------------------------


def meaning(path: Path) -> tuple[Any, ...]:
    """Return what a workbook means: the office's data as read, the problems, and ``ita-xl score``'s result."""
    reading = read_office(path)
    problems = sorted((p.severity, p.code, p.where, p.en) for p in reading.problems)
    res = CliRunner().invoke(cli, ["--lang", "en", "score", str(path)])
    assert res.exit_code == 0, res.output
    result = json.loads(res.stdout)
    result.pop("source")
    result.pop("source_sha256")  # the bytes differ by design; the meaning must not
    return reading.framework.year, replace(reading.data, source=""), problems, result


def unchanged(path: Path) -> Callable[[], None]:
    before = path.read_bytes()
    return lambda: None if path.read_bytes() == before else pytest.fail(f"{path} was changed")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize(
    "program",
    [dates_as_general, inline_strings, inline_then_shared, no_styles, google_sheets],
    ids=lambda f: f.__name__,
)
def test_a_resaved_example_reads_as_the_original(tmp_path: Path, example: Path, program: Any) -> None:
    copy = rewrite(example, tmp_path / example.name, program)
    check = unchanged(copy)
    assert meaning(copy) == meaning(example)
    check()


def test_a_report_date_saved_as_a_serial_reads_as_the_date(tmp_path: Path) -> None:
    """What Calc made of the old template's date: the report date and the progress date as plain serial numbers."""
    wb = template(tmp_path)
    set_office(wb, "report_date", 45380)  # 29 March 2024, General format
    ws = wb[S.MEASURES]
    cols = codes(ws)
    ws.cell(3, cols["kind"], "จุดอ่อน")
    ws.cell(3, cols["addresses"], "ปรับปรุงเว็บไซต์")
    ws.cell(3, cols["progress_date"], 45366.0)
    office = wb[S.OFFICE]
    report_date = office.cell(row_of(office, "report_date", "field"), codes(office)["value"])
    for cell in (ws.cell(3, cols["progress_date"]), report_date):
        assert cell.is_date
        cell.number_format = "General"
    reading = read_office(save(wb, tmp_path / "serial.xlsx"))
    assert [p.en for p in reading.problems if p.severity == "error"] == []
    assert str(reading.data.office.report_date) == "2024-03-29"
    assert str(reading.data.measures[0].progress.date) == "2024-03-15"


def test_the_template_date_format_is_the_locale_code_both_programs_know(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(ROOT / "templates" / "fy2566.xlsx")
    ws = wb[S.OFFICE]
    cell = ws.cell(row_of(ws, "report_date", "field"), codes(ws)["value"])
    assert cell.number_format == DATE_FORMAT == "[$-107041E]d mmmm yyyy"
    assert cell.is_date


# ---- the same with LibreOffice itself --------------------------------------------------------------


def calc_resave(sources: list[Path], work: Path) -> list[Path]:
    """Return each workbook opened and saved again as .xlsx by LibreOffice Calc (one run, its own profile)."""
    out = work / "calc"
    cmd = [
        soffice(),
        f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(out),
        *map(str, sources),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    saved = [out / p.name for p in sources]
    assert all(p.exists() for p in saved), f"LibreOffice wrote nothing (exit {done.returncode}): {done.stderr}"
    return saved


def _date_format_of(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    ws = wb[S.OFFICE]
    return str(ws.cell(row_of(ws, "report_date", "field"), codes(ws)["value"]).number_format)


def filled_by_hand(folder: Path) -> Path:
    """Return a template filled in openpyxl: answers, a report date, links as evidence, a measure with its progress."""
    wb = openpyxl.load_workbook(make_raw(folder))
    set_office(wb, "report_date", datetime(2024, 3, 29))
    set_office(wb, "measures_year", "พ.ศ. 2567")
    ws = wb[S.OIT]
    cols = codes(ws)
    linked = ws.cell(row_of(ws, "o1"), cols["url"], "คลิกที่นี่")
    linked.hyperlink = "https://example.go.th/ita/linked-o1"
    ws.cell(row_of(ws, "o2"), cols["url"], '=HYPERLINK("https://example.go.th/ita/formula-o2","คลิกที่นี่")')
    ws = wb[S.MEASURES]
    cols = codes(ws)
    for key, value in {
        "kind": "จุดอ่อน",
        "addresses": "ปรับปรุงเว็บไซต์",
        "status": "ดำเนินการแล้วเสร็จ",
        "percent": 100,
        "evidence": "https://example.go.th/m1",
        "progress_date": datetime(2024, 3, 15),
    }.items():
        ws.cell(FIRST, cols[key], value)
    return save(wb, folder / "filled.xlsx")


def test_workbooks_resaved_by_libreoffice_read_as_the_originals(tmp_path: Path) -> None:
    def old_format(members: Members) -> None:
        """The date format of templates made before this fix, which Calc cannot read."""
        members["xl/styles.xml"] = members["xl/styles.xml"].replace(DATE_FORMAT.encode(), b"[$-th-TH]d mmmm bbbb")

    old = rewrite(EXAMPLES[1], tmp_path / "old-template.xlsx", old_format)
    assert _date_format_of(old) == "[$-th-TH]d mmmm bbbb"
    filled = filled_by_hand(tmp_path)
    oit = read_office(filled).data.oit
    assert (oit["o1"].url, oit["o2"].url) == (
        "https://example.go.th/ita/linked-o1",
        "https://example.go.th/ita/formula-o2",
    )
    sources = [*EXAMPLES, filled, old]
    saved = calc_resave(sources, tmp_path)
    for source, copy in zip(sources, saved, strict=True):
        assert meaning(copy) == meaning(source), source.name
    assert _date_format_of(saved[1]).replace("\\", "") == DATE_FORMAT  # Calc keeps the template's date format
    assert _date_format_of(saved[-1]) == "General"  # and drops the old one: the date is read from its serial
