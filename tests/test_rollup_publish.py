"""A roll-up whose figures can be published: the example workbooks copied and edited, rolled up, fed back."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result
from docx import Document

from ita_xl.cli import cli
from ita_xl.excel import sheets as S
from ita_xl.rollup import RANK_SHEET
from tests.excel import codes, set_office, set_score

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "workbooks" / "chanthaburi2-2565.xlsx"  # FY2565 official results; national mean 98.32, rank 43
SYNTHETIC = ROOT / "workbooks" / "example-2566.xlsx"  # FY2566 raw answers
GROUP = "สพป. ในจังหวัดทดสอบ"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "-j", "1"] if args[0] == "rollup" else list(args), env={"ITA_XL_LANG": ""})


def office(folder: Path, file: str, name: str, total: float | None = None, code: str | None = None) -> Path:
    """Return a copy of the seed office saved as ``file``, renamed, with another total and an office code if given.

    The code is added as a row copied from a new template would be (the seed's template predates the field).
    """
    wb = openpyxl.load_workbook(SEED)
    set_office(wb, "name", name)
    if total is not None:
        set_score(wb, "total", total)
    if code is not None:
        ws = wb[S.OFFICE]
        cols = codes(ws)
        r = ws.max_row + 1
        ws.cell(r, cols["label"], "รหัสหน่วยงาน (ITAS)")
        ws.cell(r, cols["value"], code)
        ws.cell(r, cols["field"], "office_code")
    folder.mkdir(parents=True, exist_ok=True)
    wb.save(folder / file)
    return folder / file


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def report_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs).replace("\u00a0", " ")  # no-break spaces


def sheet_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    wb = openpyxl.load_workbook(path, data_only=True)
    try:
        return [r for r in wb[sheet].iter_rows(values_only=True) if any(v is not None for v in r)]
    finally:
        wb.close()


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder of three FY2565 offices (98.90, 95.50, 90.00) copied from the seed office."""
    folder = tmp_path_factory.mktemp("district")
    office(folder, "seed.xlsx", "สพป.จันทบุรี เขต ๒")
    office(folder, "east.xlsx", "สพป.ตะวันออก", 95.5)
    office(folder, "west.xlsx", "สพป.ตะวันตก", 90.0)
    return folder


# ---- 1. the national figures stay; the group is added beside them and named for what it is ------------------------


def test_group_is_named_and_the_national_mean_the_office_entered_stays(district: Path, tmp_path: Path) -> None:
    summary, report = tmp_path / "s.xlsx", tmp_path / "s.docx"
    res = run("rollup", str(district), "-o", str(summary), "--report", str(report), "--name", GROUP)
    assert res.exit_code == 0, res.output
    # The summary workbook and report name the group and the year, and call the mean the group's.
    rows = sheet_rows(summary, "สรุป")
    assert rows[0][0].endswith("ปีงบประมาณ พ.ศ. 2565")
    assert rows[1][0] == f"กลุ่มหน่วยงานที่สรุป: {GROUP}"
    labels = {r[0]: r[1] for r in rows}
    assert abs(labels[f"ค่าเฉลี่ยของกลุ่ม ({GROUP})"] - 94.8) < 0.005
    book = openpyxl.load_workbook(summary)
    for ws in book.worksheets[:3]:  # every printed page names the group and year on top
        assert ws.oddHeader.right.text == f"{GROUP} ปีงบประมาณ 2565", ws.title
    text = report_text(report)
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๕" in text and f"กลุ่มหน่วยงานที่สรุป: {GROUP}" in text
    assert "คะแนนเฉลี่ยของกลุ่มร้อยละ ๙๔.๘๐" in text and "ไม่ใช่คะแนนเฉลี่ยหรือลำดับระดับประเทศ" in text

    out = tmp_path / "built"
    res = run("build", str(district / "east.xlsx"), "--rollup", str(summary), "-o", str(out), "--no-charts")
    assert res.exit_code == 0, res.output
    text = report_text(out / "east-report.docx")
    national = next(line for line in text.splitlines() if line.startswith("๑.๑"))
    assert "ในภาพรวมระดับประเทศ" in national and "๙๘.๓๒" in national  # what the office entered
    assert "๙๔.๘๐" not in national
    group = next(line for line in text.splitlines() if line.startswith(f"๑.๒ สำหรับกลุ่ม{GROUP}"))
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๕" in group and "๓ หน่วยงาน" in group and "ร้อยละ ๙๔.๘๐" in group
    assert "สูงกว่าค่าเฉลี่ยของกลุ่ม ๐.๗๐ คะแนน" in group and "ลำดับที่ ๒ จาก ๓ หน่วยงานของกลุ่ม" in group
    assert "ไม่ใช่ค่าระดับประเทศ" in group
    assert "\n๑.๓ สพป.ตะวันออก ได้คะแนนรวม ๙๕.๕๐ คะแนน" in text  # the office's paragraph follows, numbered in turn
    assert f"เป็นลำดับที่ ๔๓ ของประเทศ และเป็นลำดับที่ ๒ จาก ๓ ในกลุ่ม{GROUP}" in text
    assert not re.search("ระดับประเทศ[^\n]*๙๔[.]๘๐", text)

    # The analysis workbook: the national figures as entered, the group's beside them, each named.
    info = {r[0]: r[1] for r in sheet_rows(out / "east-analysis.xlsx", "ข้อมูลหน่วยงาน")}
    assert info["ค่าเฉลี่ยระดับประเทศ"] == 98.32 and info["อันดับระดับประเทศ"] == 43
    assert info["กลุ่มที่สรุปผล (ita-xl rollup)"] == GROUP
    assert abs(info["ค่าเฉลี่ยของกลุ่ม"] - 94.8) < 0.005 and info["อันดับในกลุ่ม"] == 2
    assert info["จากจำนวนหน่วยงานในกลุ่ม"] == 3
    summary_sheet = [r for r in sheet_rows(out / "east-analysis.xlsx", "สรุปผล") if r[0]]
    titles = [r[0] for r in summary_sheet if isinstance(r[0], str) and r[0].startswith("เทียบกับ")]
    assert titles == [
        "เทียบกับหน่วยงานทั้งประเทศ (ตามที่กรอกในแบบบันทึก)",
        f"เทียบกับ{GROUP} (จากการสรุปผลหลายหน่วยงาน ไม่ใช่ระดับประเทศ)",
    ]


def test_default_group_name_and_an_office_without_national_figures(tmp_path: Path) -> None:
    a = office(tmp_path / "in", "a.xlsx", "สพป.ก", 97.0)
    office(tmp_path / "in", "b.xlsx", "สพป.ข", 91.0)
    wb = openpyxl.load_workbook(a)
    ws = wb[S.OFFICE]
    for field in ("national_mean", "rank"):  # the office has no national figures yet
        ws[set_office(wb, field, 0)].value = None
    wb.save(a)
    summary = tmp_path / "s.xlsx"
    assert run("rollup", str(tmp_path / "in"), "-o", str(summary)).exit_code == 0
    assert sheet_rows(summary, "สรุป")[1][0] == "กลุ่มหน่วยงานที่สรุป: หน่วยงาน ๒ แห่งในการสรุปผลนี้"
    res = run("build", str(a), "--rollup", str(summary), "-o", str(tmp_path / "out"), "--no-charts")
    assert res.exit_code == 0, res.output
    text = report_text(tmp_path / "out" / "a-report.docx")
    assert "ในภาพรวมระดับประเทศ" not in text  # left out: the office has no national mean
    assert "๑.๑ สำหรับกลุ่มหน่วยงาน ๒ แห่งในการสรุปผลนี้ ปีงบประมาณ พ.ศ. ๒๕๖๕" in text
    assert "เป็นลำดับที่ ๑ จาก ๒ ในกลุ่มหน่วยงาน ๒ แห่งในการสรุปผลนี้ จึง" in text
    assert "ของประเทศ" not in text


# ---- 2. one roll-up, one fiscal year --------------------------------------------------------------------------------


def test_mixed_years_are_refused_with_the_count_of_each_unless_year_chooses(district: Path, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed"
    shutil.copytree(district, mixed)
    shutil.copy(SYNTHETIC, mixed / "example-2566.xlsx")
    summary = tmp_path / "s.xlsx"
    res = run("rollup", str(mixed), "-o", str(summary))
    assert res.exit_code == 2
    assert "ปีงบประมาณ 2565 จำนวน 3 ไฟล์, ปีงบประมาณ 2566 จำนวน 1 ไฟล์" in res.output and "--year" in res.output
    assert not summary.exists()
    res = run("rollup", str(mixed), "-o", str(summary), "--lang", "en")
    assert "FY2565: 3 files, FY2566: 1 file" in res.output

    res = run("rollup", str(mixed), "-o", str(summary), "--year", "2565", "--lang", "en")
    assert res.exit_code == 0, res.output
    assert f"skipped: {mixed / 'example-2566.xlsx'}: a result of FY2566, not the year rolled up (FY2565)" in res.output
    ranked = [r for r in sheet_rows(summary, "อันดับ") if isinstance(r[0], int)]
    assert len(ranked) == 3
    skipped = [r for r in sheet_rows(summary, "สรุป") if r[0] == str(mixed / "example-2566.xlsx")]
    assert skipped and "ปีงบประมาณ 2566" in skipped[0][1]

    res = run("rollup", str(mixed), "-o", str(tmp_path / "t.xlsx"), "--year", "2567")
    assert res.exit_code == 2 and "ไม่มีไฟล์ของปีงบประมาณ 2567" in res.output

    # A roll-up of FY2565 is not fed to a FY2566 office.
    res = run("build", str(SYNTHETIC), "--rollup", str(summary), "-o", str(tmp_path / "out"), "--lang", "en")
    assert res.exit_code == 1
    assert "the roll-up is of FY2565 but this workbook is of FY2566" in res.output


# ---- 3. offices identified by file (or office code), not by name ----------------------------------------------------


def test_same_names_are_ranked_apart_and_each_report_gets_its_own_rank(tmp_path: Path) -> None:
    src = tmp_path / "in"
    high = office(src, "high.xlsx", "สพป.ซ้ำ", 97.0)
    low = office(src, "low.xlsx", "สพป.ซ้ำ", 88.0)
    twice = src / "sub" / "again.xlsx"
    twice.parent.mkdir()
    shutil.copy(high, twice)  # the same workbook a second time
    summary = tmp_path / "s.xlsx"
    res = run("rollup", str(src), "-o", str(summary))
    assert res.exit_code == 0, res.output
    warnings = [line for line in res.output.splitlines() if line.startswith("คำเตือน:")]
    assert len(warnings) == 2, res.output
    assert f"ไฟล์เดียวกันถูกส่งมา 2 ครั้ง ({high}, {twice})" in warnings[0]
    assert f'ชื่อหน่วยงานซ้ำกัน "สพป.ซ้ำ" ในไฟล์ {high}, {low}' in warnings[1]
    ranked = [r for r in sheet_rows(summary, "อันดับ") if isinstance(r[0], int)]
    assert [(r[0], r[1], r[8]) for r in ranked] == [(1, "สพป.ซ้ำ", high.name), (2, "สพป.ซ้ำ", low.name)]
    for path, rank in ((high, "๑"), (low, "๒")):
        res = run("build", str(path), "--rollup", str(summary), "-o", str(tmp_path / "out"), "--no-charts")
        assert res.exit_code == 0, res.output
        text = report_text(tmp_path / "out" / f"{path.stem}-report.docx")
        assert f"อยู่ในลำดับที่ {rank} จาก ๒ หน่วยงานของกลุ่ม" in text


def test_rank_follows_the_office_code_when_the_file_changed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    office(src, "a.xlsx", "สพป.ก", 96.0, code="1234567890")
    office(src, "b.xlsx", "สพป.ข", 92.0, code="2345678901")
    summary = tmp_path / "s.xlsx"
    assert run("rollup", str(src), "-o", str(summary)).exit_code == 0
    assert [r[9] for r in sheet_rows(summary, "อันดับ") if isinstance(r[0], int)] == ["1234567890", "2345678901"]
    # Office ข edits its workbook afterwards and saves it under another name: its code still finds its rank.
    edited = office(tmp_path / "later", "renamed.xlsx", "สพป.ข (แก้ไขแล้ว)", 92.0, code="2345678901")
    res = run("build", str(edited), "--rollup", str(summary), "-o", str(tmp_path / "out"), "--no-charts")
    assert res.exit_code == 0, res.output
    assert "ลำดับที่ ๒ จาก ๒ หน่วยงานของกลุ่ม" in report_text(tmp_path / "out" / "renamed-report.docx")
    # Two workbooks that give the same code are both ranked, and named in a warning.
    office(src, "c.xlsx", "สพป.ค", 90.0, code="1234567890")
    res = run("rollup", str(src), "-o", str(tmp_path / "t.xlsx"))
    assert f'รหัสหน่วยงานซ้ำกัน "1234567890" ในไฟล์ {src / "a.xlsx"}, {src / "c.xlsx"}' in res.output
    # A roll-up written before the hidden key sheet existed still gives the rank, found by the file's name.
    import ita_xl.excel.rollup_book

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ita_xl.excel.rollup_book, "_keys", lambda wb, rollup: None)
        assert run("rollup", str(src / "a.xlsx"), str(src / "b.xlsx"), "-o", str(tmp_path / "old.xlsx")).exit_code == 0
    assert "ita-xl" not in openpyxl.load_workbook(tmp_path / "old.xlsx").sheetnames
    res = run("build", str(src / "a.xlsx"), "--rollup", str(tmp_path / "old.xlsx"), "-o", str(tmp_path / "o2"))
    assert res.exit_code == 0, res.output
    assert "ลำดับที่ ๑ จาก ๒ หน่วยงานของกลุ่ม" in report_text(tmp_path / "o2" / "a-report.docx")
    # An office that is in no way in the roll-up gets the group's mean without a rank, and a warning.
    stranger = office(tmp_path / "later", "stranger.xlsx", "สพป.ก", 96.5)
    res = run("build", str(stranger), "--rollup", str(summary), "-o", str(tmp_path / "out"), "--no-charts")
    assert res.exit_code == 0 and "ไม่พบหน่วยงานนี้ในไฟล์สรุป" in res.output
    text = report_text(tmp_path / "out" / "stranger-report.docx")
    assert "หน่วยงานของกลุ่ม" not in text and "ร้อยละ ๙๔.๐๐" in text


def test_template_has_the_office_code_and_old_workbooks_still_read(tmp_path: Path) -> None:
    path = tmp_path / "new.xlsx"
    assert run("new", "--year", "2566", str(path)).exit_code == 0
    ws = openpyxl.load_workbook(path)[S.OFFICE]
    fields = [ws.cell(r, codes(ws)["field"]).value for r in range(1, ws.max_row + 1)]
    assert "office_code" in fields
    coded = office(tmp_path, "coded.xlsx", "สพป.ก", code="0012345678")
    assert json.loads(run("score", str(coded)).stdout)["office"]["code"] == "0012345678"
    assert json.loads(run("score", str(SEED)).stdout)["office"]["code"] == ""  # a template without the field


# ---- 4. outputs distinct from inputs and each other, checked first; own outputs and lock files never read ----------


def test_outputs_are_checked_before_any_work(district: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ita_xl.rollup

    def never(path: Path) -> None:
        raise AssertionError(f"read {path} before checking the outputs")

    monkeypatch.setattr(ita_xl.rollup, "read_one", never)
    same = tmp_path / "s.xlsx"
    res = run("rollup", str(district), "-o", str(same), "--report", str(same))
    assert res.exit_code == 2 and "ไฟล์ผลลัพธ์สองไฟล์ชื่อเดียวกัน" in res.output
    res = run("rollup", str(district), "-o", str(same), "--report", str(same), "--lang", "en")
    assert "two outputs have the same name" in res.output and "give -o and --report different names" in res.output
    before = digest(district / "east.xlsx")
    res = run("rollup", str(district), "-o", str(district / "east.xlsx"))
    assert res.exit_code == 2 and "ไฟล์ผลลัพธ์ชื่อเดียวกับไฟล์ต้นฉบับ" in res.output
    assert digest(district / "east.xlsx") == before
    assert not same.exists()


def test_own_outputs_and_lock_files_are_never_read(district: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(district, src)
    assert run("build", str(src / "west.xlsx"), "-o", str(tmp_path / "built"), "--no-charts").exit_code == 0
    shutil.copy(tmp_path / "built" / "west-analysis.xlsx", src / "west-copy.xlsx")  # an analysis workbook, renamed
    first = run("rollup", str(src), "-o", str(src / "summary.xlsx"), "--report", str(src / "summary.docx"))
    assert first.exit_code == 0, first.output
    shutil.copy(src / "summary.xlsx", src / "renamed-summary.xlsx")  # found by its mark, not its name
    lock = src / "~$east.xlsx"
    lock.write_bytes(b"\x00lock")
    again = run("rollup", str(src), str(lock), "-o", str(src / "summary.xlsx"), "--lang", "en")
    assert again.exit_code == 0, again.output
    assert f"skipped: {src / 'renamed-summary.xlsx'}: a file ita-xl wrote (rollup)" in again.output
    assert f"skipped: {src / 'summary.xlsx'}: a file ita-xl wrote (rollup)" in again.output
    assert f"skipped: {lock}: a lock file of Excel" in again.output
    assert f"skipped: {src / 'west-copy.xlsx'}: a file ita-xl wrote (analysis)" in again.output
    assert "3 offices, 0 failed, 4 skipped" in again.output
    assert len([r for r in sheet_rows(src / "summary.xlsx", "อันดับ") if isinstance(r[0], int)]) == 3


# ---- 5. score -o writes UTF-8; JSON in the encodings Windows shells write is read, others named -------------------


def test_score_out_writes_utf8_json_that_rollup_reads_in_every_windows_encoding(district: Path, tmp_path: Path) -> None:
    res = run("score", str(district / "east.xlsx"), "-o", str(tmp_path / "east.json"))
    assert res.exit_code == 0 and res.stdout == ""
    raw = (tmp_path / "east.json").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    data = json.loads(raw.decode("utf-8"))
    assert data["office"]["name"] == "สพป.ตะวันออก" and data["source_sha256"] == digest(district / "east.xlsx")
    text = raw.decode("utf-8")
    src = tmp_path / "json"
    src.mkdir()
    (src / "bom.json").write_bytes(b"\xef\xbb\xbf" + text.replace("สพป.ตะวันออก", "สพป.บอม").encode("utf-8"))
    data["source_sha256"] = "x" * 64
    data["office"]["name"] = "สพป.พาวเวอร์เชลล์"
    (src / "powershell.json").write_bytes(json.dumps(data, ensure_ascii=False).encode("utf-16"))  # BOM + UTF-16-LE
    data["source_sha256"] = "y" * 64
    (src / "no-bom-16.json").write_bytes(json.dumps(data, ensure_ascii=False).encode("utf-16-le"))
    (src / "cmd.json").write_bytes(text.encode("cp874"))  # cmd's > in the Thai code page
    (src / "broken.json").write_text('{"total": 90,', encoding="utf-8")
    res = run("rollup", str(src), str(district / "east.xlsx"), "-o", str(tmp_path / "s.xlsx"), "--lang", "en")
    assert res.exit_code == 1
    assert f"failed: {src / 'cmd.json'}: the JSON file is neither UTF-8 nor UTF-16 text" in res.output
    assert "ita-xl score WORKBOOK.xlsx -o result.json" in res.output
    assert f"failed: {src / 'broken.json'}: cannot read the JSON result: not valid JSON (line 1" in res.output
    assert "Traceback" not in res.output and "codec" not in res.output
    # bom.json is east.xlsx's own result: the same workbook, counted once (as the first given).
    assert f"the same workbook was given 2 times ({src / 'bom.json'}, {district / 'east.xlsx'})" in res.output
    names = [r[1] for r in sheet_rows(tmp_path / "s.xlsx", "อันดับ") if isinstance(r[0], int)]
    assert sorted(names) == ["สพป.บอม", "สพป.พาวเวอร์เชลล์", "สพป.พาวเวอร์เชลล์"]
    res = run("score", str(district / "east.xlsx"), "-o", str(district / "east.xlsx"))
    assert res.exit_code != 0 and "Traceback" not in res.output


# ---- 6. progress on a terminal; every message in the language asked for ----------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_rollup_shows_progress_on_a_terminal_and_speaks_english(
    district: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ita_xl.rollup_run import RollupRequest, run_rollup

    src = tmp_path / "in"
    shutil.copytree(district, src)
    (src / "broken.xlsx").write_bytes(b"not a workbook")
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    said: list[str] = []
    code = run_rollup(RollupRequest((src,), tmp_path / "s.xlsx", jobs=1), "en", said.append)
    assert code == 1
    assert "4/4" in err.getvalue() and "west.xlsx" in err.getvalue()
    failed = [line for line in said if line.startswith("failed:")]
    assert len(failed) == 1 and "broken.xlsx" in failed[0]
    assert not re.search("[\u0e00-\u0e7f]", failed[0]), failed[0]  # no Thai in the English failure line
    assert said[-1].startswith("summary: the 3 offices of this roll-up, FY2565: 3 offices, 1 failed, 0 skipped")


def test_published_ranking_names_files_without_their_folders(district: Path, tmp_path: Path) -> None:
    summary = tmp_path / "s.xlsx"
    assert run("rollup", str(district), "-o", str(summary)).exit_code == 0
    header, *rows = sheet_rows(summary, RANK_SHEET)
    files = [r[header.index("ไฟล์")] for r in rows if isinstance(r[0], int)]
    assert sorted(files) == ["east.xlsx", "seed.xlsx", "west.xlsx"]
    # build --rollup still finds each office's rank
    out = tmp_path / "built"
    assert (
        run("build", str(district / "west.xlsx"), "--rollup", str(summary), "-o", str(out), "--no-charts").exit_code
        == 0
    )
    info = {r[0]: r[1] for r in sheet_rows(out / "west-analysis.xlsx", "ข้อมูลหน่วยงาน")}
    assert info["อันดับในกลุ่ม"] == 3
