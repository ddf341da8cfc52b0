"""Bad and hostile workbooks at the reader level: one clear message and the right exit code from check, score and build.

Every case is made in code from a fresh template. The input's bytes never change and a failed build leaves no file.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from ita_xl.framework import load
from tests.excel import CODE_ROW, FIRST, answer, codes, mark_oit, row_of, save, set_office, set_score, template

RESPONDENTS = 25
FW = load(year=2566)
Edit = Callable[[openpyxl.Workbook], None]
Maker = Callable[[Path, "Bases"], None]


# ---- the good workbooks every case starts from ------------------------------------------------


@dataclass(frozen=True)
class Bases:
    """The two good workbooks: raw answers (IIT, EIT, OIT filled) and official scores only (ผลคะแนน filled)."""

    raw: Path
    scores: Path


def make_raw(folder: Path) -> Path:
    """Return a template filled with 25 IIT and 25 EIT respondents and a published OIT checklist."""
    wb = template(folder)
    rng = random.Random(7)
    for tool in S.SURVEYS:
        for n in range(RESPONDENTS):
            for st in FW.statements(tool):
                answer(wb, tool, n, st.code, rng.choice(FW.scales[st.scale].labels[:2]))
    for code, item in FW.items.items():
        if item.tool == "OIT":
            mark_oit(wb, code, "มี", f"https://example.go.th/ita/{code}")
    return save(wb, folder / "raw.xlsx")


SCORES = {"IIT": 98.5, "EIT": 97.25, "OIT": 100, **{str(n): 95 + n / 4 for n in range(1, 11)}}


def make_scores(folder: Path) -> Path:
    """Return a template with the official scores typed in ผลคะแนน and nothing else."""
    wb = template(folder)
    for code, value in SCORES.items():
        set_score(wb, code, value)
    return save(wb, folder / "scores.xlsx")


def edited(base: str, *edits: Edit) -> Maker:
    """Return a maker that opens the ``base`` workbook with openpyxl, applies ``edits`` and saves."""

    def make(path: Path, bases: Bases) -> None:
        wb = openpyxl.load_workbook(getattr(bases, base))
        for edit in edits:
            edit(wb)
        wb.save(path)

    return make


def sheet_part(zf: zipfile.ZipFile, sheet: str) -> str:
    """Return the zip member holding worksheet ``sheet``."""
    book = zf.read("xl/workbook.xml").decode()
    rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="(rId\d+)"', book)
    assert rid, sheet
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
    assert target
    name = target.group(1) or target.group(2)
    return name.lstrip("/") if name.startswith("/") else "xl/" + name


def patch_zip(path: Path, change: Callable[[zipfile.ZipFile, dict[str, bytes]], None]) -> None:
    """Rewrite the zip at ``path`` after ``change`` edits its members (name -> bytes) in place."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
        change(zf, members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def replace_text(members: dict[str, bytes], old: str, new: bytes) -> None:
    """Replace ``old`` by ``new`` in every XML part (openpyxl keeps text in sharedStrings.xml)."""
    found = False
    for name, data in members.items():
        if name.endswith(".xml") and old.encode() in data:
            members[name] = data.replace(old.encode(), new)
            found = True
    assert found, old


# ---- the edits ---------------------------------------------------------------------------------


def delete(sheet: str) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        del wb[sheet]

    return edit


def rename(sheet: str, new: str) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        wb[sheet].title = new

    return edit


def header(tool: str, code: str, typed: str) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = wb[tool]
        ws.cell(CODE_ROW, codes(ws)[code], typed)

    return edit


def reorder(tool: str) -> Edit:
    """Reverse the order of every answer column of ``tool``, headers and all."""

    def edit(wb: openpyxl.Workbook) -> None:
        ws = wb[tool]
        cols = [c for code, c in codes(ws).items() if code not in ("no", "note")]
        values = {c: [ws.cell(r, c).value for r in range(1, ws.max_row + 1)] for c in cols}
        for src, dst in zip(cols, reversed(cols), strict=True):
            for r, value in enumerate(values[src], 1):
                ws.cell(r, dst, value)

    return edit


def merge_answers(wb: openpyxl.Workbook) -> None:
    ws = wb["IIT"]
    c = codes(ws)
    ws.merge_cells(start_row=FIRST, start_column=c["i1"], end_row=FIRST, end_column=c["i3"])


def score(code: str, value: object) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        set_score(wb, code, value)

    return edit


def typed(tool: str, respondent: int, code: str, value: object) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        answer(wb, tool, respondent, code, value)

    return edit


def hide_rows(wb: openpyxl.Workbook) -> None:
    for r in range(FIRST, FIRST + 3):
        wb["IIT"].row_dimensions[r].hidden = True


def hide_sheet(wb: openpyxl.Workbook) -> None:
    wb["EIT"].sheet_state = "hidden"


def no_url(wb: openpyxl.Workbook) -> None:
    ws = wb[S.OIT]
    ws.cell(row_of(ws, "o7"), codes(ws)["url"]).value = None


# Text staff may type that a spreadsheet would run as a formula, and control characters pasted from other programs.
FORMULA_TEXT = {
    "name": '=HYPERLINK("http://evil.example","สพป.ทดสอบ")',
    "head_name": "+66 นายสมชาย ใจดี",
    "analysis_unit": "-กลุ่มกฎหมายและคดี",
}
FORMULA_MEASURE = {"addresses": "@SUM ปรับปรุงเว็บไซต์", "steps": "=ประชุมชี้แจง+ติดตามผล", "responsible": "-กลุ่มอำนวยการ"}


def formula_text(wb: openpyxl.Workbook) -> None:
    for key, text in FORMULA_TEXT.items():
        ws = wb[S.OFFICE]
        cell = ws[set_office(wb, key, text)]
        cell.data_type = "s"  # as Excel stores text typed after an apostrophe: a string, not a formula
    ws = wb[S.MEASURES]
    cols = codes(ws)
    ws.cell(FIRST, cols["kind"], "จุดอ่อน")
    for key, text in FORMULA_MEASURE.items():
        ws.cell(FIRST, cols[key], text).data_type = "s"


# Placeholders written by openpyxl (which refuses control characters), swapped for them in the XML afterwards.
CONTROL = {
    "CTRLNAME": b"\xe0\xb8\xaa\xe0\xb8\x9e\xe0\xb8\x9b._x0007_\x0b\xe0\xb8\x97\xe0\xb8\x94\x1b",
    "CTRLSTEP": b"\x01\x1fstep\x7f",
}


def control_text(path: Path, bases: Bases) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        set_office(wb, "name", "CTRLNAME")
        ws = wb[S.MEASURES]
        cols = codes(ws)
        ws.cell(FIRST, cols["addresses"], "ปรับปรุงเว็บไซต์")
        ws.cell(FIRST, cols["steps"], "CTRLSTEP")

    edited("raw", edit)(path, bases)

    def change(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        for old, new in CONTROL.items():
            replace_text(members, old, new)

    patch_zip(path, change)


def empty_workbook(path: Path, bases: Bases) -> None:
    openpyxl.Workbook().save(path)


def huge_dimension(path: Path, bases: Bases) -> None:
    """Every data sheet declares A1:AZ1048576 and has a styled empty cell in the last row; a few real rows."""
    shutil.copy(bases.raw, path)

    def change(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        for sheet in (S.OFFICE, *S.SURVEYS, S.OIT, S.SCORES):
            part = sheet_part(zf, sheet)
            data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:AZ1048576"/>', members[part])
            assert b'ref="A1:AZ1048576"' in data
            members[part] = data.replace(
                b"</sheetData>", b'<row r="1048576"><c r="AZ1048576" s="1"/></row></sheetData>'
            )

    patch_zip(path, change)


def stray_value(path: Path, bases: Bases) -> None:
    """A single stray value in AZ1048576: a parser would build a grid of 54 million cells."""
    shutil.copy(bases.raw, path)

    def change(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        part = sheet_part(zf, "IIT")
        members[part] = members[part].replace(
            b"</sheetData>", b'<row r="1048576"><c r="AZ1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
        )

    patch_zip(path, change)


def with_macros(path: Path, bases: Bases) -> None:
    """The raw workbook saved as .xlsm with a (never run) VBA project part."""
    shutil.copy(bases.raw, path)

    def change(zf: zipfile.ZipFile, members: dict[str, bytes]) -> None:
        members["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
        types = members["[Content_Types].xml"].decode()
        types = types.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ).replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        members["[Content_Types].xml"] = types.encode()
        rels = (
            members["xl/_rels/workbook.xml.rels"]
            .decode()
            .replace(
                "</Relationships>",
                '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
                'Target="vbaProject.bin"/></Relationships>',
            )
        )
        members["xl/_rels/workbook.xml.rels"] = rels.encode()

    patch_zip(path, change)


# ---- the corpus ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A bad workbook: how to make it, the exit code of every command, and the English message fragment."""

    name: str
    make: Maker
    exit: int
    fragment: str
    same_scores: bool = False  # the scores must equal those of the good raw workbook
    suffix: str = ".xlsx"


CASES = [
    Case(
        "empty-workbook",
        empty_workbook,
        1,
        "not an ITA workbook (no sheet ข้อมูลหน่วยงาน, IIT, EIT, OIT or ผลคะแนน); make a template with `ita-xl new` and fill it",
    ),
    Case(
        "office-sheet-missing",
        edited("raw", delete(S.OFFICE)),
        1,
        "ข้อมูลหน่วยงาน: sheet ข้อมูลหน่วยงาน is missing; it names the office and the fiscal year "
        "(copy the sheet from a template made by `ita-xl new`, keeping its name)",
    ),
    Case(
        "office-sheet-renamed",
        edited("raw", rename(S.OFFICE, "Sheet1")),
        1,
        'ข้อมูลหน่วยงาน: sheet ข้อมูลหน่วยงาน is missing, but sheet "Sheet1" looks like it; '
        'rename "Sheet1" to ข้อมูลหน่วยงาน (double-click the sheet tab) and check again',
    ),
    Case(
        "iit-sheet-missing",
        edited("raw", delete("IIT")),
        1,
        "IIT: sheet IIT is missing; add it with the answers, or type the IIT score in sheet ผลคะแนน",
    ),
    Case(
        "eit-sheet-renamed",
        edited("raw", rename("EIT", "EIT (2)")),
        1,
        'EIT: sheet EIT is missing, but sheet "EIT (2)" looks like it; rename "EIT (2)" to EIT',
    ),
    Case(
        "oit-sheet-renamed",
        edited("raw", rename("OIT", "แบบ OIT 2566")),
        1,
        'OIT: sheet OIT is missing, but sheet "แบบ OIT 2566" looks like it; rename "แบบ OIT 2566" to OIT',
    ),
    Case("scores-sheet-missing-with-answers", edited("raw", delete(S.SCORES)), 0, "", same_scores=True),
    Case(
        "answer-sheets-missing-with-scores",
        edited("scores", delete("IIT"), delete("EIT"), delete("OIT")),
        0,
        "",
    ),
    Case(
        "neither-answers-nor-scores",
        edited("scores", delete(S.SCORES)),
        1,
        "ผลคะแนน: sheet ผลคะแนน is missing; a workbook needs the answers (sheets IIT, EIT, OIT) or the official "
        "scores (sheet ผลคะแนน), and this one has no answers",
    ),
    Case(
        "header-misspelt",
        edited("raw", header("IIT", "i1", "il")),
        1,
        'IIT!B2: column header "il" is not an item code of the IIT form, so its 25 answers are not read; '
        "did you mean i1? correct the header to the code in an `ita-xl new` template",
    ),
    Case(
        "header-misspelt-thai-digit-and-comma",
        edited("raw", header("IIT", "i4.1", "i4,๑")),
        1,
        'IIT!E2: column header "i4,๑" is not an item code of the IIT form, so its 25 answers are not read; '
        "did you mean i4.1?",
    ),
    Case(
        "header-duplicated",
        edited("raw", header("IIT", "i2", "i1")),
        1,
        "IIT!C2: column i1 appears twice (also at B2); delete one or correct its header",
    ),
    Case("columns-reordered", edited("raw", reorder("IIT"), reorder("EIT")), 0, "", same_scores=True),
    Case(
        "merged-answers",
        edited("raw", merge_answers),
        1,
        "IIT!B3: cells B3:D3 are merged, so only B3 is read and the others count as empty; "
        "unmerge them (Home > Merge & Center) and type one value per cell",
    ),
    Case(
        "answer-outside-scale",
        edited("raw", typed("EIT", 4, "e2", "มากๆ")),
        1,
        'EIT!D7: "มากๆ" is not an answer of this item (e2); expected one of มากที่สุด, มาก, น้อย, น้อยที่สุดหรือไม่มีเลย',
    ),
    Case(
        "answer-typed-as-number",
        edited("raw", typed("IIT", 0, "i1", 4)),
        1,
        'IIT!B3: "4" is not an answer of this item (i1); expected one of มากที่สุด, มาก, น้อย, น้อยที่สุดหรือไม่มีเลย',
    ),
    Case(
        "score-over-100",
        edited("scores", score("IIT", 101)),
        1,
        "ผลคะแนน!C4: 101 is outside 0-100; check the score",
    ),
    Case("score-negative", edited("scores", score("EIT", -5)), 1, "ผลคะแนน!C10: -5 is outside 0-100; check the score"),
    Case(
        "score-text",
        edited("scores", score("OIT", "ดีมาก")),
        1,
        'ผลคะแนน!C14: "ดีมาก" is not a number; score must be a number from 0 to 100, e.g. 97.50',
    ),
    Case("scores-thai-digits-and-percent", edited("scores", score("IIT", "๙๘.๕"), score("EIT", " 97.25% ")), 0, ""),
    Case(
        "formula-without-value",
        edited("raw", typed("IIT", 0, "i1", '=IF(1,"มาก","")')),
        1,
        "IIT!B3: this cell is a formula with no calculated value (the file was not saved by Excel); "
        "open and save it in Excel, or type the value instead of the formula",
    ),
    Case(
        "score-formula-without-value",
        edited("scores", score("IIT", "=AVERAGE(C5:C9)")),
        1,
        "ผลคะแนน!C4: this cell is a formula with no calculated value",
    ),
    Case(
        "hidden-rows",
        edited("raw", hide_rows),
        0,
        "IIT!A3: rows 3-5 are hidden but still read like any other row; to leave them out, delete them instead of hiding them",
        same_scores=True,
    ),
    Case(
        "hidden-sheet",
        edited("raw", hide_sheet),
        0,
        "EIT: this sheet is hidden but still read; unhide it (right-click a sheet tab > Unhide) to check what it holds",
        same_scores=True,
    ),
    Case("huge-declared-dimension", huge_dimension, 0, "", same_scores=True),
    Case(
        "stray-value-in-row-1048576",
        stray_value,
        1,
        "IIT!AZ1048576: a value in row 1048576, past the limit of 200000 rows; delete the stray value far from the "
        "table (or the unused rows and columns), or if the data are genuine, raise ITA_XL_MAX_ROWS",
    ),
    Case("control-characters", control_text, 0, "", same_scores=True),
    Case("formula-like-text", edited("raw", formula_text), 0, "", same_scores=True),
    Case(
        "xlsm-with-macros",
        with_macros,
        0,
        "the workbook holds macros (VBA), which ita-xl never runs: only cell values are read, and the outputs carry no macros",
        same_scores=True,
        suffix=".xlsm",
    ),
    Case(
        "oit-url-missing",
        edited("raw", no_url),
        0,
        "OIT!E9: o7 is marked มี (published) but has no evidence URL; add the page's URL",
    ),
]
CASE = {c.name: c for c in CASES}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bad-inputs")


@pytest.fixture(scope="module")
def bases(folder: Path) -> Bases:
    return Bases(make_raw(folder), make_scores(folder))


@pytest.fixture(scope="module")
def made(folder: Path, bases: Bases) -> dict[str, Path]:
    out = {}
    for case in CASES:
        path = folder / f"{case.name}{case.suffix}"
        case.make(path, bases)
        out[case.name] = path
    return out


@pytest.fixture(scope="module")
def raw_scores(bases: Bases) -> dict[str, object]:
    res = run("score", str(bases.raw), "--lang", "en")
    assert res.exit_code == 0, res.output
    return scores_of(res.stdout)


def scores_of(text: str) -> dict[str, object]:
    data = json.loads(text)
    return {k: data[k] for k in ("total", "tools", "indicators")}


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
    assert case.fragment in res.output
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


# ---- what the outputs hold -------------------------------------------------------------------------


def build(path: Path, out: Path, *more: str) -> Result:
    return run("build", str(path), "-o", str(out), "--lang", "en", "--no-charts", *more)


def docx_text(path: Path) -> str:
    import docx

    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def workbook_cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    wb = openpyxl.load_workbook(path)
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row if cell.value is not None]


def test_thai_digits_and_percent_give_the_typed_scores(made: dict[str, Path]) -> None:
    res = run("score", str(made["scores-thai-digits-and-percent"]), "--lang", "en")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["tools"] | {} == {"IIT": 98.5, "EIT": 97.25, "OIT": 100.0}


def test_formula_like_text_stays_text_in_both_outputs(made: dict[str, Path], tmp_path: Path) -> None:
    res = build(made["formula-like-text"], tmp_path)
    assert res.exit_code == 0, res.output
    cells = workbook_cells(tmp_path / "formula-like-text-analysis.xlsx")
    texts = {c.value: c.data_type for c in cells if isinstance(c.value, str)}
    assert texts.get(FORMULA_TEXT["name"]) == "s"
    formulas = [str(c.value) for c in cells if c.data_type == "f"]
    assert not [f for f in formulas if "evil.example" in f or "ประชุมชี้แจง" in f or "กลุ่ม" in f]
    report = docx_text(tmp_path / "formula-like-text-report.docx")
    for text in (FORMULA_TEXT["name"], *FORMULA_MEASURE.values()):
        assert text in report, text


def test_control_characters_are_cleaned_in_both_outputs(made: dict[str, Path], tmp_path: Path) -> None:
    res = build(made["control-characters"], tmp_path)
    assert res.exit_code == 0, res.output
    cells = workbook_cells(tmp_path / "control-characters-analysis.xlsx")
    assert "สพป.ทด" in {c.value for c in cells}
    report = docx_text(tmp_path / "control-characters-report.docx")
    assert "สพป.ทด" in report and "step" in report
    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
    assert not control.search(report)
    assert not [c.coordinate for c in cells if isinstance(c.value, str) and control.search(c.value)]


def test_declared_million_rows_are_read_fast(made: dict[str, Path]) -> None:
    from ita_xl.excel.read import read_office

    start = time.perf_counter()
    reading = read_office(made["huge-declared-dimension"])
    elapsed = time.perf_counter() - start
    assert reading.data.surveys["IIT"].respondents == RESPONDENTS
    assert elapsed < 2.0, elapsed


def test_a_stray_value_far_away_is_refused_before_parsing(made: dict[str, Path]) -> None:
    import resource

    from ita_xl.errors import InputError
    from ita_xl.excel.read import read_office

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with pytest.raises(InputError):
        read_office(made["stray-value-in-row-1048576"])
    assert time.perf_counter() - start < 2.0
    # Parsing it would hold a grid of 54 million cells (about 1.7 GB); the check stops well before.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 300 * 1024


# ---- messages in Thai ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("empty-workbook", "ไม่ใช่แบบบันทึกข้อมูล ITA (ไม่มีชีต ข้อมูลหน่วยงาน, IIT, EIT, OIT หรือ ผลคะแนน)"),
        (
            "eit-sheet-renamed",
            'EIT: ไม่พบชีต EIT แต่ชีต "EIT (2)" ดูเหมือนจะเป็นชีตนี้; เปลี่ยนชื่อชีต "EIT (2)" เป็น EIT (ดับเบิลคลิกที่แท็บชื่อชีต)',
        ),
        (
            "merged-answers",
            "IIT!B3: ช่อง B3:D3 ถูกผสานเซลล์ไว้ จึงอ่านได้เฉพาะค่าในช่อง B3 ช่องอื่นนับเป็นช่องว่าง; ยกเลิกการผสานเซลล์",
        ),
        ("score-over-100", "ผลคะแนน!C4: 101 อยู่นอกช่วง 0-100; ตรวจสอบคะแนน"),
        ("hidden-rows", "IIT!A3: แถว 3-5 ถูกซ่อนไว้แต่ยังนำมาคิดเหมือนแถวอื่น"),
    ],
)
def test_thai_messages(made: dict[str, Path], name: str, fragment: str) -> None:
    res = run("check", str(made[name]))
    assert res.exit_code == CASE[name].exit
    assert fragment in res.output


# ---- files around the workbook: framework, output folder, collisions, batches ------------------------


def test_framework_file_with_a_broken_key(bases: Bases, tmp_path: Path) -> None:
    from ita_xl.framework import builtin_path

    text = builtin_path(2566).read_text(encoding="utf-8")
    assert "\nyear = 2566" in text
    broken = tmp_path / "fy2567.toml"
    broken.write_text(text.replace("\nyear = 2566", '\nyear = "๒๕๖๗"', 1), encoding="utf-8")
    before = digest(bases.raw)
    for command in ("check", "score", "build"):
        more = ["-o", str(tmp_path / "out")] if command == "build" else []
        res = run(command, str(bases.raw), "--framework", str(broken), "--lang", "en", *more)
        assert res.exit_code == 1, res.output
        assert f"{broken}: key year: expected int, found '๒๕๖๗'; correct the framework file and try again" in res.output
    assert digest(bases.raw) == before
    assert not (tmp_path / "out").exists()


def test_output_folder_that_cannot_be_written(bases: Bases, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    before = digest(bases.raw)
    res = build(bases.raw, blocker / "out")
    assert res.exit_code == 1
    assert f"failed: {bases.raw}: {blocker / 'out'}: cannot write in this folder" in res.output
    assert "choose another folder with -o" in res.output
    assert digest(bases.raw) == before and blocker.read_text(encoding="utf-8") == "not a folder"


def test_output_that_is_the_input(bases: Bases, tmp_path: Path) -> None:
    source = tmp_path / "x.xlsx"
    shutil.copy(bases.raw, source)
    out = tmp_path / "out"
    out.mkdir()
    (out / "x-analysis.xlsx").symlink_to(source)  # the output name leads back to the input
    before = digest(source)
    res = build(source, out)
    assert res.exit_code == 1
    assert "the output would overwrite the input; ita-xl never writes over an input: choose another folder with -o" in (
        res.output
    )
    assert digest(source) == before
    assert sorted(p.name for p in out.iterdir()) == ["x-analysis.xlsx"]


def test_batch_never_writes_over_another_input(bases: Bases, tmp_path: Path) -> None:
    # x.xlsx's analysis workbook is named x-analysis.xlsx, which is here another input of the same batch.
    shutil.copy(bases.raw, tmp_path / "x.xlsx")
    shutil.copy(bases.scores, tmp_path / "x-analysis.xlsx")
    before = digest(tmp_path / "x-analysis.xlsx")
    res = run("build", str(tmp_path / "x.xlsx"), str(tmp_path / "x-analysis.xlsx"), "--no-charts", "-j", "1")
    assert digest(tmp_path / "x-analysis.xlsx") == before, res.output
    assert "never writes over an input" in res.output or "ไม่เขียนทับไฟล์ต้นฉบับ" in res.output


def test_batch_with_one_broken_workbook(made: dict[str, Path], bases: Bases, tmp_path: Path) -> None:
    batch = tmp_path / "offices"
    batch.mkdir()
    for name in ("a-good", "b-good"):
        shutil.copy(bases.raw, batch / f"{name}.xlsx")
    shutil.copy(made["merged-answers"], batch / "c-broken.xlsx")
    (batch / "d-not-excel.xlsx").write_text("code,score\n", encoding="utf-8")
    before = {p.name: digest(p) for p in batch.iterdir()}
    out = tmp_path / "out"
    res = run("build", str(batch), "-o", str(out), "--lang", "en", "--no-charts", "-j", "2")
    assert res.exit_code == 1, res.output
    assert sorted(p.name for p in out.iterdir()) == [
        "a-good-analysis.xlsx",
        "a-good-report.docx",
        "b-good-analysis.xlsx",
        "b-good-report.docx",
    ]
    assert f"failed: {batch / 'c-broken.xlsx'}: IIT!B3: cells B3:D3 are merged" in res.output
    assert f"failed: {batch / 'd-not-excel.xlsx'}: is not an Excel workbook (.xlsx)" in res.output
    # each good one: no national mean and no attachments named (said to the user, not printed)
    assert "summary: 2 built, 2 failed, 4 warnings" in res.output
    assert {p.name: digest(p) for p in batch.iterdir()} == before


# ---- the five most likely mistakes of a new user, run as a user would (in the file's folder) -------------

FIVE_MISTAKES = {
    "wrong sheet name": (
        ["check", "sheet.xlsx"],
        1,
        'IIT: sheet IIT is missing, but sheet "แบบวัด IIT" looks like it; rename "แบบวัด IIT" to IIT '
        "(double-click the sheet tab) and check again",
        'IIT: ไม่พบชีต IIT แต่ชีต "แบบวัด IIT" ดูเหมือนจะเป็นชีตนี้; เปลี่ยนชื่อชีต "แบบวัด IIT" เป็น IIT '
        "(ดับเบิลคลิกที่แท็บชื่อชีต) แล้วตรวจอีกครั้ง",
    ),
    "answer typed by hand": (
        ["check", "typed.xlsx"],
        1,
        'IIT!C6: "มากๆ" is not an answer of this item (i2); expected one of มากที่สุด, มาก, น้อย, น้อยที่สุดหรือไม่มีเลย',
        'IIT!C6: "มากๆ" ไม่ใช่คำตอบของข้อนี้ (i2); ต้องเป็น มากที่สุด, มาก, น้อย, น้อยที่สุดหรือไม่มีเลย',
    ),
    "output open in Excel": (
        ["build", "open.xlsx", "-o", "out", "--no-charts"],
        1,
        "failed: open.xlsx: out/open-analysis.xlsx: cannot replace the output file (Is a directory); "
        "it may be open in another program: close it and try again",
        "ไม่สำเร็จ: open.xlsx: out/open-analysis.xlsx: แทนที่ไฟล์ผลลัพธ์ไม่ได้ (Is a directory); "
        "ไฟล์อาจเปิดค้างอยู่ในโปรแกรมอื่น ให้ปิดไฟล์แล้วลองอีกครั้ง",
    ),
    "an .xls file": (
        ["build", "old.xls"],
        1,
        "failed: old.xls: is an old Excel file (.xls), which cannot be read; open it in Excel and Save As "
        "'Excel Workbook (.xlsx)'",
        "ไม่สำเร็จ: old.xls: เป็นไฟล์ Excel รุ่นเก่า (.xls) ซึ่งอ่านไม่ได้; เปิดใน Excel แล้วบันทึกเป็น",
    ),
    "a missing OIT URL": (
        ["check", "nourl.xlsx"],
        0,
        "OIT!E9: o7 is marked มี (published) but has no evidence URL; add the page's URL",
        "OIT!E9: ข้อ o7 ระบุว่า มี แต่ไม่มีลิงก์หลักฐาน; ใส่ URL ของหน้าที่เผยแพร่",
    ),
}


@pytest.fixture(scope="module")
def user_folder(folder: Path, bases: Bases) -> Path:
    user = folder / "user"
    user.mkdir()
    edited("raw", rename("IIT", "แบบวัด IIT"))(user / "sheet.xlsx", bases)
    edited("raw", typed("IIT", 3, "i2", "มากๆ"))(user / "typed.xlsx", bases)
    shutil.copy(bases.raw, user / "open.xlsx")
    (user / "out" / "open-analysis.xlsx").mkdir(parents=True)  # stands in for a file Excel keeps open
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 2000
    (user / "old.xls").write_bytes(ole)
    edited("raw", no_url)(user / "nourl.xlsx", bases)
    return user


@pytest.mark.parametrize("mistake", list(FIVE_MISTAKES))
@pytest.mark.parametrize("lang", ["en", "th"])
def test_five_new_user_mistakes(user_folder: Path, monkeypatch: pytest.MonkeyPatch, mistake: str, lang: str) -> None:
    args, code, english, thai = FIVE_MISTAKES[mistake]
    monkeypatch.chdir(user_folder)
    before = {p.name: digest(p) for p in user_folder.iterdir() if p.is_file()}
    res = run(*args, *(["--lang", "en"] if lang == "en" else []))
    assert res.exit_code == code, res.output
    assert (english if lang == "en" else thai) in res.output
    assert {p.name: digest(p) for p in user_folder.iterdir() if p.is_file()} == before
    assert [p.name for p in (user_folder / "out").iterdir()] == ["open-analysis.xlsx"]
