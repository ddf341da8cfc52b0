"""Round 2 of odd input, inside the workbook: error values, invisible characters, far references, long text, other
formats and respondents pasted twice.

Each case is made in code from the good workbooks of tests/test_bad_inputs.py and run through check, score and build:
the exact message, the exit code, the input's bytes unchanged, and the outputs left (both, or none).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from ita_xl.excel import sheets as S
from ita_xl.framework import load
from tests.excel import answer, codes, mark_oit, set_office, set_score
from tests.test_bad_inputs import (
    Bases,
    Maker,
    digest,
    edited,
    make_raw,
    make_scores,
    patch_zip,
    replace_text,
    run,
    scores_of,
    sheet_part,
)

FW = load(year=2566)


def _xml_edit(base: str, sheet: str, change: dict[bytes, bytes], *edits: object) -> Maker:
    """Return a maker: the ``base`` workbook (after openpyxl ``edits``) with regex replacements in ``sheet``'s XML."""

    def make(path: Path, bases: Bases) -> None:
        if edits:
            edited(base, *edits)(path, bases)  # type: ignore[arg-type]
        else:
            shutil.copy(getattr(bases, base), path)

        def patch(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
            part = sheet_part(zf, sheet)
            for old, new in change.items():
                data, n = re.subn(old, new, members[part], count=1)
                assert n == 1, old
                members[part] = data

        patch_zip(path, patch)

    return make


# ---- 3. error values ------------------------------------------------------------------------------------------


def error_score(code: str, value: str) -> object:
    def edit(wb: openpyxl.Workbook) -> None:
        ref = set_score(wb, code, value)
        assert wb[S.SCORES][ref].data_type == "e"

    return edit


def error_answer(tool: str, respondent: int, code: str, value: str, as_text: bool = False) -> object:
    def edit(wb: openpyxl.Workbook) -> None:
        cell = wb[tool][answer(wb, tool, respondent, code, value)]
        if as_text:
            cell.data_type = "s"  # pasted from another program as text, not as an error value

    return edit


def error_oit(wb: openpyxl.Workbook) -> None:
    mark_oit(wb, "o3", "#REF!")


def error_history(wb: openpyxl.Workbook) -> None:
    ws = wb[S.HISTORY]
    cols = codes(ws)
    ws.cell(S.FIRST_DATA_ROW + 1, cols["year"], 2565)
    ws.cell(S.FIRST_DATA_ROW + 1, cols["total"], "#VALUE!")


def error_rank(wb: openpyxl.Workbook) -> None:
    set_office(wb, "rank", "#NUM!")


def formula_score(wb: openpyxl.Workbook) -> None:
    set_score(wb, "IIT", "=AVERAGE(C20:C21)")


# A formula whose stored result is an error, as Excel saves it (openpyxl cannot write one).
CACHED_ERROR = {
    rb'<c r="C4"([^>]*)><f>AVERAGE\(C20:C21\)</f><v\s*/?>(?:</v>)?': rb'<c r="C4"\1 t="e"><f>AVERAGE(C20:C21)</f><v>#DIV/0!</v>'
}
GETTING_DATA = {
    rb'<c r="C4"([^>]*)><f>AVERAGE\(C20:C21\)</f><v\s*/?>(?:</v>)?': rb'<c r="C4"\1 t="e"><f>AVERAGE(C20:C21)</f><v>#GETTING_DATA</v>'
}


def _error_message(shown: str) -> str:
    return (
        f"the cell holds the error value {shown} (a formula that cannot be calculated, or one whose cells were "
        "deleted), so it cannot be used; correct the formula in Excel or type the value instead"
    )


@dataclass(frozen=True)
class Case:
    """A workbook, the exit code of every command, and the exact English finding (sheet!cell: message)."""

    name: str
    make: Maker
    exit: int
    finding: str
    same_scores: bool = False


CASES = [
    Case(
        "error-iit-score",
        edited("scores", error_score("IIT", "#DIV/0!")),
        1,
        "ผลคะแนน!C4: " + _error_message("#DIV/0!"),
    ),
    Case(
        "error-indicator-score", edited("scores", error_score("3", "#N/A")), 1, "ผลคะแนน!C7: " + _error_message("#N/A")
    ),
    Case(
        "error-cached-formula-score",
        _xml_edit("scores", S.SCORES, CACHED_ERROR, formula_score),
        1,
        "ผลคะแนน!C4: " + _error_message("#DIV/0!"),
    ),
    Case(
        "error-getting-data",
        _xml_edit("scores", S.SCORES, GETTING_DATA, formula_score),
        1,
        "ผลคะแนน!C4: the cell holds the error value #GETTING_DATA (a formula that cannot be calculated, or data still "
        "loading), so the file cannot be read; correct the formula in Excel or type the value instead, and save again",
    ),
    Case("error-answer", edited("raw", error_answer("IIT", 2, "i3", "#N/A")), 1, "IIT!D5: " + _error_message("#N/A")),
    Case(
        "error-answer-as-text",
        edited("raw", error_answer("EIT", 0, "e1.1", "#NAME?", as_text=True)),
        1,
        "EIT!B3: " + _error_message("#NAME?"),
    ),
    Case("error-oit-mark", edited("raw", error_oit), 1, "OIT!D5: " + _error_message("#REF!")),
    Case("error-history-total", edited("raw", error_history), 1, "ประวัติ!B3: " + _error_message("#VALUE!")),
    Case("error-office-rank", edited("raw", error_rank), 1, "ข้อมูลหน่วยงาน!B13: " + _error_message("#NUM!")),
]
# ---- 5. references past the limits, in every form --------------------------------------------------------------

STRAY = b' t="inlineStr"><is><t>x</t></is></c>'


def _stray(row: bytes) -> dict[bytes, bytes]:
    """Return an XML edit appending ``row`` at the end of a sheet's rows."""
    return {rb"</sheetData>": row + b"</sheetData>"}


def _far(limit: str, ref: str, what: str) -> str:
    return (
        f"IIT!{ref}: a value in {what}, past the limit of {limit}; delete the stray value far from the table (or the "
        "unused rows and columns), or if the data are genuine, raise ITA_XL_MAX_"
        + ("COLUMNS" if "column" in limit else "ROWS")
    )


def prefixed(path: Path, bases: Bases) -> None:
    """The IIT sheet written with a namespace prefix on every tag (x:row, x:c, ...), as some programs do."""
    shutil.copy(bases.raw, path)

    def change(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        part = sheet_part(zf, "IIT")
        data = re.sub(rb"<(/?)([A-Za-z]\w*)(?=[\s>/])", rb"<\1x:\2", members[part])
        members[part] = data.replace(b'<x:worksheet xmlns="', b'<x:worksheet xmlns:x="', 1)

    patch_zip(path, change)


CASES += [
    Case(
        "four-letter-column",
        _xml_edit("raw", "IIT", _stray(b'<row r="5000"><c r="ZZZZ5000"' + STRAY + b"</row>")),
        1,
        _far("1000 columns", "ZZZZ5000", "column 475254"),
    ),
    Case(
        "past-column-xfd",
        _xml_edit("raw", "IIT", _stray(b'<row r="5000"><c r="XFE5000"' + STRAY + b"</row>")),
        1,
        _far("1000 columns", "XFE5000", "column 16385"),
    ),
    Case(
        "past-row-1048576",
        _xml_edit("raw", "IIT", _stray(b'<row r="1048577"><c r="A1048577"' + STRAY + b"</row>")),
        1,
        _far("200000 rows", "A1048577", "row 1048577"),
    ),
    Case(
        "row-past-32-bits",
        _xml_edit("raw", "IIT", _stray(b'<row r="4000000000"><c r="B4000000000"' + STRAY + b"</row>")),
        1,
        _far("200000 rows", "B4000000000", "row 4000000000"),
    ),
    Case(
        "cells-without-reference",
        _xml_edit("raw", "IIT", _stray(b'<row r="5000">' + b"<c/>" * 5000 + b"<c" + STRAY + b"</row>")),
        1,
        _far("1000 columns", "GJI5000", "column 5001"),
    ),
    Case(
        "row-without-number-far-down",
        _xml_edit("raw", "IIT", _stray(b'<row r="300000"/><row><c' + STRAY + b"</row>")),
        1,
        _far("200000 rows", "A300001", "row 300001"),
    ),
    Case(
        "dimension-four-letter",
        _xml_edit("raw", "IIT", {rb'<dimension ref="[^"]*"/>': b'<dimension ref="A1:ZZZZ9"/>'}),
        0,
        "",
        same_scores=True,
    ),
    Case(
        "dimension-past-last-row",
        _xml_edit("raw", "IIT", {rb'<dimension ref="[^"]*"/>': b'<dimension ref="A1:XFD99999999"/>'}),
        0,
        "",
        same_scores=True,
    ),
    Case("prefixed-tags", prefixed, 0, "", same_scores=True),
    Case(
        "odd-reference",
        _xml_edit("raw", "IIT", _stray(b'<row r="5000"><c r="$A$5000"' + STRAY + b"</row>")),
        1,
        "cannot read the workbook's content (CalamineError: Expecting alphanumeric character, got 24); "
        "open it in Excel and save it again as .xlsx",
    ),
]


@pytest.mark.parametrize("name", ["four-letter-column", "row-past-32-bits", "cells-without-reference"])
def test_a_far_reference_is_refused_before_parsing(made: dict[str, Path], name: str) -> None:
    import resource
    import time

    from ita_xl.errors import InputError
    from ita_xl.excel.read import read_office

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with pytest.raises(InputError):
        read_office(made[name])
    assert time.perf_counter() - start < 2.0
    # Parsing ZZZZ5000 would hold a grid of 2.4 billion cells; row 4000000000 made the parser abort the process.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 300 * 1024


# ---- 2. what cannot be seen ------------------------------------------------------------------------------------

# Each is pasted after (or inside) a good value and must be read as if it were not there.
INVISIBLES = ("\u200b", "\ufeff", "\u00ad", "\u200d", "\u200c", "\u2060", "\u00a0", "\u200e", "\u202f")
DECOMPOSED_NAME = "ส\u0e4d\u0e32นักงานเขตพื้นที่การศึกษาทดสอบ"  # sara am typed as nikhahit + sara aa


def invisible_answers(wb: openpyxl.Workbook) -> None:
    """Append an invisible character to the first answers of IIT and EIT, split the label of one with a soft hyphen."""
    for tool in S.SURVEYS:
        ws = wb[tool]
        for n, code in enumerate(list(codes(ws))[1 : len(INVISIBLES) + 1]):
            cell = ws.cell(S.FIRST_DATA_ROW + 1 + n, codes(ws)[code])
            if cell.value:
                cell.value = INVISIBLES[n] + str(cell.value) + INVISIBLES[-1 - n]
    ws = wb["IIT"]
    cell = ws.cell(S.FIRST_DATA_ROW + 12, codes(ws)["i2"])
    cell.value = str(cell.value)[:2] + "\u00ad" + str(cell.value)[2:]


def thai_typed_two_ways(wb: openpyxl.Workbook) -> None:
    """Answers with the tone mark typed before the vowel (ท + ่ + ี), an office name with sara am in two pieces."""
    for tool in S.SURVEYS:
        ws = wb[tool]
        for cell in ws[S.FIRST_DATA_ROW + 2]:
            if cell.value == "มากที่สุด":
                cell.value = "มากท\u0e48\u0e35สุด"
    set_office(wb, "name", DECOMPOSED_NAME)


def invisible_elsewhere(wb: openpyxl.Workbook) -> None:
    """A zero-width space in an OIT mark, a header code, and a BOM before a score."""
    ws = wb[S.OIT]
    cols = codes(ws)
    ws.cell(S.FIRST_DATA_ROW + 1, cols["published"]).value = "มี\u200b"
    ws = wb["EIT"]
    ws.cell(S.CODE_ROW + 1, codes(ws)["e3"]).value = "e3\u200b"


def invisible_year_and_date(wb: openpyxl.Workbook) -> None:
    set_office(wb, "year", "\ufeff2566")
    set_office(wb, "report_date", "10/4/2566\u200b")


CASES += [
    Case("invisible-answers", edited("raw", invisible_answers), 0, "", same_scores=True),
    Case("thai-typed-two-ways", edited("raw", thai_typed_two_ways), 0, "", same_scores=True),
    Case("invisible-mark-and-header", edited("raw", invisible_elsewhere), 0, "", same_scores=True),
    Case("invisible-year-and-date", edited("raw", invisible_year_and_date), 0, "", same_scores=True),
    Case(
        "invisible-score",
        edited("scores", lambda wb: set_score(wb, "IIT", "\ufeff98.5\u200b")),
        0,
        "",
    ),
    Case(
        "still-refused-shown-visibly",
        edited("raw", error_answer("IIT", 0, "i1", "มาก\ue000\u2800")),
        1,
        'IIT!B3: "มาก\\ue000\\u2800" is not an answer of this item (i1); expected one of มากที่สุด, มาก, น้อย, '
        "น้อยที่สุดหรือไม่มีเลย",
    ),
]


def test_invisible_characters_never_reach_the_outputs(made: dict[str, Path], tmp_path: Path) -> None:
    from tests.test_bad_inputs import build, docx_text, workbook_cells

    res = build(made["thai-typed-two-ways"], tmp_path)
    assert res.exit_code == 0, res.output
    name = "สำนักงานเขตพื้นที่การศึกษาทดสอบ"
    assert name in docx_text(tmp_path / "thai-typed-two-ways-report.docx")
    assert name in {c.value for c in workbook_cells(tmp_path / "thai-typed-two-ways-analysis.xlsx")}
    res = run("score", str(made["invisible-score"]), "--lang", "en")
    assert res.exit_code == 0, res.output
    assert '"IIT": 98.5' in res.stdout


def test_normalize_text_and_shown() -> None:
    from ita_xl.cleaning import normalize_text, shown

    assert normalize_text("มาก\u200b") == "มาก"
    assert normalize_text("\ufeffน\u0e49\u0e4d\u0e32") == normalize_text("น\u0e4d\u0e49\u0e32") == "น้ำ"
    assert normalize_text("ท\u0e48\u0e35") == "ที่"
    assert normalize_text("\u0e40\u0e40ผน") == "แผน"
    assert normalize_text("a\u00a0b\u2003c") == "a b c"
    assert shown("มาก\u200b") == '"มาก\\u200b"'
    assert shown("x" * 100_000) == '"' + "x" * 60 + '…"'


# ---- 6. very long text -----------------------------------------------------------------------------------------

LONG_NAME = ("สำนักงานเขตพื้นที่การศึกษา" * 4000)[:100_000]


def _too_long(where: str, n: int, limit: int, start: str) -> str:
    return f'{where}: the text is {n:,} characters long, over the {limit:,} this cell takes: "{start}…"; shorten it'


def name_of_100000(path: Path, bases: Bases) -> None:
    """The office name as 100,000 characters (openpyxl stops at Excel's 32,767, so the XML is edited after)."""
    edited("raw", lambda wb: set_office(wb, "name", "LONGNAME"))(path, bases)
    patch_zip(path, lambda zf, members: replace_text(members, "LONGNAME", LONG_NAME.encode()))


def long_measure(wb: openpyxl.Workbook) -> None:
    ws = wb[S.MEASURES]
    cols = codes(ws)
    ws.cell(S.FIRST_DATA_ROW + 1, cols["kind"], "จุดอ่อน")
    ws.cell(S.FIRST_DATA_ROW + 1, cols["addresses"], "ปรับปรุงเว็บไซต์")
    ws.cell(S.FIRST_DATA_ROW + 1, cols["steps"], "ประชุมชี้แจง " * 500)


def long_oit_title(wb: openpyxl.Workbook) -> None:
    ws = wb[S.OIT]
    ws.cell(S.FIRST_DATA_ROW + 1, codes(ws)["title"], "การเผยแพร่ข้อมูล" * 20)


def long_url(wb: openpyxl.Workbook) -> None:
    mark_oit(wb, "o2", "มี", "https://example.go.th/" + "a" * 2100)


CASES += [
    Case(
        "office-name-100000",
        name_of_100000,
        1,
        _too_long("ข้อมูลหน่วยงาน!B3", 100_000, 255, LONG_NAME[:60]),
    ),
    Case(
        "office-name-256",
        edited("raw", lambda wb: set_office(wb, "name", "ก" * 256)),
        1,
        _too_long("ข้อมูลหน่วยงาน!B3", 256, 255, "ก" * 60),
    ),
    Case("office-name-255", edited("raw", lambda wb: set_office(wb, "name", "สำนักงาน" * 31 + "ทดสอบทด")), 0, ""),
    Case(
        "measure-steps-6499",
        edited("raw", long_measure),
        1,
        _too_long("มาตรการ!D3", 6_499, 5_000, ("ประชุมชี้แจง " * 6)[:60]),
    ),
    Case(
        "oit-title-320",
        edited("raw", long_oit_title),
        1,
        _too_long("OIT!B3", 320, 255, ("การเผยแพร่ข้อมูล" * 4)[:60]),
    ),
    Case(
        "oit-url-2122",
        edited("raw", long_url),
        1,
        _too_long("OIT!E4", 2_122, 2_000, ("https://example.go.th/" + "a" * 60)[:60]),
    ),
]


def test_a_100000_character_name_gives_a_short_message(made: dict[str, Path], tmp_path: Path) -> None:
    check = run("check", str(made["office-name-100000"]))
    built = run("build", str(made["office-name-100000"]), "-o", str(tmp_path / "out"))
    for res in (check, built):
        assert res.exit_code == 1
        assert len(res.output) < 1000, len(res.output)
        assert "ข้อความยาว 100,000 ตัวอักษร เกินที่ช่องนี้รับได้ 255 ตัวอักษร" in res.output
    assert list(tmp_path.iterdir()) == []


def test_a_255_character_name_fits_the_document_properties(made: dict[str, Path], tmp_path: Path) -> None:
    import docx

    res = run("build", str(made["office-name-255"]), "-o", str(tmp_path), "--no-charts")
    assert res.exit_code == 0, res.output
    core = docx.Document(str(tmp_path / "office-name-255-report.docx")).core_properties
    assert all(len(v or "") <= 255 for v in (core.title, core.author, core.subject, core.keywords, core.comments))


# ---- 11. other formats, respondents pasted twice -----------------------------------------------------------------

ODS = (
    "is an OpenDocument spreadsheet (.ods), which ita-xl cannot read; open it in LibreOffice Calc, choose File > "
    "Save As, file type Excel 2007-365 (.xlsx), and use that .xlsx file"
)
ODS_TH = (
    "เป็นไฟล์ OpenDocument (.ods) ซึ่ง ita-xl อ่านไม่ได้; เปิดไฟล์ใน LibreOffice Calc แล้วเลือก ไฟล์ > บันทึกเป็น "
    "(File > Save As) ชนิดไฟล์ Excel 2007-365 (.xlsx) แล้วใช้ไฟล์ .xlsx นั้น"
)


def write_ods(path: Path) -> Path:
    """Write a small OpenDocument spreadsheet as Calc lays one out (mimetype first, stored)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>'
            '<table:table table:name="IIT"><table:table-row table:number-rows-repeated="1048576"><table:table-cell '
            'table:number-columns-repeated="16384"/></table:table-row></table:table></office:spreadsheet>'
            "</office:body></office:document-content>",
        )
        z.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


def pasted_twice(wb: openpyxl.Workbook) -> None:
    """IIT respondents 1-10 (rows 3-12) pasted again below the 25 respondents, at rows 28-37."""
    ws = wb["IIT"]
    for n in range(10):
        for c in range(1, ws.max_column + 1):
            ws.cell(S.FIRST_DATA_ROW + 1 + 25 + n, c, ws.cell(S.FIRST_DATA_ROW + 1 + n, c).value)


def all_the_same(wb: openpyxl.Workbook) -> None:
    """Every IIT respondent chose มากที่สุด or มี throughout: identical rows that are no copy."""
    ws = wb["IIT"]
    for st in FW.statements("IIT"):
        for n in range(25):
            answer(wb, "IIT", n, st.code, FW.scales[st.scale].labels[0])
    assert ws.max_row >= 27


CASES += [
    Case(
        "respondents-pasted-twice",
        edited("raw", pasted_twice),
        0,
        "IIT!A28: rows 28-37 repeat rows 3-12 answer for answer, in the same order (10 respondents pasted twice?); "
        "the scores count them twice: delete the copy, or leave it if they really are other respondents",
    ),
    Case("respondents-all-the-same", edited("raw", all_the_same), 0, ""),
]


@pytest.mark.parametrize("command", ["check", "score", "build"])
@pytest.mark.parametrize("name", ["office.ods", "office-ods-renamed.xlsx"])
def test_an_ods_file_gets_a_plain_answer(tmp_path: Path, command: str, name: str) -> None:
    path = write_ods(tmp_path / name)
    before = digest(path)
    out = tmp_path / "out"
    for lang, message in (("en", ODS), ("th", ODS_TH)):
        res = run(command, str(path), "--lang", lang, *(["-o", str(out)] if command == "build" else []))
        assert res.exit_code == 1, res.output
        assert f"{path}: {message}" in res.output
        assert "Traceback" not in res.output
    assert digest(path) == before
    assert not out.exists() or list(out.iterdir()) == []


def test_a_folder_with_an_ods_file_names_it(bases: Bases, tmp_path: Path) -> None:
    folder = tmp_path / "offices"
    folder.mkdir()
    shutil.copy(bases.raw, folder / "a.xlsx")
    write_ods(folder / "b.ods")
    res = run("build", str(folder), "-o", str(tmp_path / "out"), "--lang", "en", "--no-charts", "-j", "1")
    assert res.exit_code == 1, res.output
    assert f"failed: {folder / 'b.ods'}: {ODS}" in res.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a-analysis.xlsx", "a-report.docx"]


def test_a_rollup_of_a_folder_with_an_ods_file_names_it_in_the_users_language(bases: Bases, tmp_path: Path) -> None:
    folder = tmp_path / "offices"
    folder.mkdir()
    shutil.copy(bases.raw, folder / "a.xlsx")
    write_ods(folder / "b.ods")
    res = run("rollup", str(folder), "-o", str(tmp_path / "summary.xlsx"), "--lang", "en")
    assert res.exit_code == 1, res.output
    assert f"failed: {folder / 'b.ods'}: {ODS}" in res.output
    assert ": 1 offices, 1 failed" in res.output.splitlines()[-1]  # after the group and its year


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to save a real .ods")
def test_an_ods_saved_by_calc_gets_the_plain_answer(bases: Bases, tmp_path: Path) -> None:
    import subprocess

    subprocess.run(
        ["soffice", "--headless", "--convert-to", "ods", "--outdir", str(tmp_path), str(bases.raw)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    res = run("check", str(tmp_path / "raw.ods"), "--lang", "en")
    assert res.exit_code == 1
    assert ODS in res.output


def test_respondents_pasted_twice_are_named_once(made: dict[str, Path]) -> None:
    from ita_xl.excel.read import read_office

    repeated = [p for p in read_office(made["respondents-pasted-twice"]).problems if p.code == "repeated-rows"]
    assert [(p.severity, p.where) for p in repeated] == [("warning", "IIT!A28")]
    assert "แถว 28-37 มีคำตอบเหมือนแถว 3-12 ทุกช่องและเรียงตามลำดับเดียวกัน (10 คน อาจวางข้อมูลซ้ำสองครั้ง)" in repeated[0].th
    same = read_office(made["respondents-all-the-same"])
    assert not [p for p in same.problems if p.code == "repeated-rows"]
    assert same.data.surveys["IIT"].respondents == 25


# ---- the corpus run through every command ----------------------------------------------------------------------

CASE = {c.name: c for c in CASES}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("odd-inputs")


@pytest.fixture(scope="module")
def bases(folder: Path) -> Bases:
    return Bases(make_raw(folder), make_scores(folder))


@pytest.fixture(scope="module")
def made(folder: Path, bases: Bases) -> dict[str, Path]:
    out = {}
    for case in CASES:
        path = folder / f"{case.name}.xlsx"
        case.make(path, bases)
        out[case.name] = path
    return out


@pytest.fixture(scope="module")
def raw_scores(bases: Bases) -> dict[str, object]:
    res = run("score", str(bases.raw), "--lang", "en")
    assert res.exit_code == 0, res.output
    return scores_of(res.stdout)


@pytest.mark.parametrize("command", ["check", "score", "build"])
@pytest.mark.parametrize("name", [c.name for c in CASES])
def test_case(made: dict[str, Path], raw_scores: dict[str, object], tmp_path: Path, command: str, name: str) -> None:
    case, path = CASE[name], made[name]
    before = digest(path)
    out = tmp_path / "out"
    args = [command, str(path), "--lang", "en"]
    if command == "build":
        args += ["-o", str(out), "--no-charts"]
    res = run(*args)
    assert res.exit_code == case.exit, res.output
    assert case.finding in res.output
    assert "Traceback" not in res.output and "internal error" not in res.output
    assert digest(path) == before
    if command == "build":
        written = sorted(p.name for p in out.iterdir()) if out.exists() else []
        stem = path.stem
        assert written == ([f"{stem}-analysis.xlsx", f"{stem}-report.docx"] if case.exit == 0 else [])
    if command == "check" and case.exit == 0:
        assert "no errors; total" in res.output
    if command == "score" and case.same_scores:
        assert scores_of(res.stdout) == raw_scores


def test_an_error_value_is_named_once_in_thai(made: dict[str, Path]) -> None:
    res = run("check", str(made["error-iit-score"]))
    assert res.exit_code == 1
    assert res.output.count("ผลคะแนน!C4") == 1
    assert "ผลคะแนน!C4: ช่องนี้มีค่าผิดพลาด #DIV/0! (สูตรคำนวณไม่ได้ หรือช่องที่สูตรอ้างถึงถูกลบไป) จึงใช้ค่านี้ไม่ได้" in res.output


def test_an_error_value_never_becomes_a_computed_score(made: dict[str, Path]) -> None:
    from ita_xl.excel.read import read_office

    reading = read_office(made["error-iit-score"])
    assert "IIT" not in reading.data.given
    assert [p.where for p in reading.problems if p.code == "error-value"] == ["ผลคะแนน!C4"]


# ---- any damage: never a traceback ---------------------------------------------------------------------------------

HOSTILE_CELLS = (
    b'<c r="ZZZZZZZZZZZZZZZZZZZZ5"><v>1</v></c>',
    b'<c r="A' + b"9" * 5000 + b'"><v>1</v></c>',
    b'<c r="B7" t="e"><v>#SPILL!</v></c>',
    b'<c r="B7" t="s"><v>99999999</v></c>',
    b'<c r="B7" t="n"><v>1e99999</v></c>',
    b'<c r="B7" t="b"><v>7</v></c>',
    b'<c r="B7" t="d"><v>not a date</v></c>',
    b'<c r="B7" t="inlineStr"><is><t>' + "\u200b".encode() * 40000 + b"</t></is></c>",
    b"<c><v>1</v></c>" * 3000,
)


def _damaged(raw: Path, folder: Path, seed: int) -> Path:
    """Return a copy of ``raw`` with one part of it damaged in one of a few ways, chosen by ``seed``."""
    import random

    rng = random.Random(seed)
    path = folder / f"damaged-{seed}.xlsx"
    shutil.copy(raw, path)

    def change(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        part = rng.choice([sheet_part(zf, "IIT"), sheet_part(zf, S.OFFICE), "xl/sharedStrings.xml", "xl/workbook.xml"])
        data = bytearray(members.get(part, b""))
        how = seed % 4
        if how == 0 and data:  # bytes flipped
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif how == 1 and data:  # cut short
            del data[rng.randrange(len(data)) :]
        elif how == 2:  # a hostile cell in a row of its own
            cell = rng.choice(HOSTILE_CELLS)
            data = bytearray(bytes(data).replace(b"</sheetData>", b'<row r="7">' + cell + b"</row></sheetData>", 1))
        else:  # a tag dropped
            tags = [m.start() for m in re.finditer(rb"</?\w", data)]
            if tags:
                at = rng.choice(tags)
                end = data.find(b">", at)
                del data[at : end + 1]
        members[part] = bytes(data)

    patch_zip(path, change)
    return path


@pytest.mark.parametrize("seed", range(40))
def test_no_damage_makes_check_print_a_traceback(bases: Bases, tmp_path: Path, seed: int) -> None:
    path = _damaged(bases.raw, tmp_path, seed)
    before = digest(path)
    res = run("check", str(path), "--lang", "en")
    assert res.exit_code in (0, 1), res.output
    assert "Traceback" not in res.output and "internal error" not in res.output, res.output[-2000:]
    assert len(res.output) < 20_000
    assert digest(path) == before


@pytest.mark.parametrize("command", ["check", "score", "build"])
@pytest.mark.parametrize("cell", range(len(HOSTILE_CELLS)))
def test_no_hostile_cell_makes_a_command_print_a_traceback(
    bases: Bases, tmp_path: Path, command: str, cell: int
) -> None:
    path = tmp_path / "hostile.xlsx"
    _xml_edit("raw", "IIT", {rb"</sheetData>": b'<row r="7">' + HOSTILE_CELLS[cell] + b"</row></sheetData>"})(
        path, bases
    )
    before = digest(path)
    out = tmp_path / "out"
    res = run(command, str(path), "--lang", "en", *(["-o", str(out), "--no-charts"] if command == "build" else []))
    assert res.exit_code in (0, 1), res.output
    assert "Traceback" not in res.output and "internal error" not in res.output, res.output[-2000:]
    assert len(res.output) < 20_000 or (command == "score" and res.exit_code == 0)  # the JSON result itself
    assert digest(path) == before
    if command == "build":
        written = sorted(p.name for p in out.iterdir()) if out.exists() else []
        assert written == ([] if res.exit_code else ["hostile-analysis.xlsx", "hostile-report.docx"])
