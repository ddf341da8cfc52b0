"""Round 2 of odd input, around the files: long names, full disks, signals, closed pipes, one build one outcome.

Every case checks the exact message, the exit code, that the input is unchanged, and what is left in the output
folder (nothing, or exactly what the summary names).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ita_xl.cli import cli
from tests.excel import save, set_score, template


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"ITA_XL_LANG": ""})


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("odd-outcomes")
    wb = template(folder)
    for tool, value in (("total", 84.5), ("IIT", 90), ("EIT", 85), ("OIT", 80)):  # the official total typed first
        set_score(wb, tool, value)
    return save(wb, folder / "office.xlsx")


def copy_of(office: Path, folder: Path, name: str = "office.xlsx") -> tuple[Path, str]:
    path = folder / name
    shutil.copy(office, path)
    return path, digest(path)


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# ---- 7. long file names -----------------------------------------------------------------------------------------


def test_a_legal_239_byte_thai_file_name_builds(office: Path, tmp_path: Path) -> None:
    name = "ก" * 78 + ".xlsx"  # 234 + 5 bytes; the outputs' names reach 248 bytes, their temporaries far fewer
    assert len(name.encode()) == 239
    source, before = copy_of(office, tmp_path, name)
    res = run("build", str(source), "--no-charts", "--lang", "en")
    assert res.exit_code == 0, res.output
    stem = name[:-5]
    assert left_in(tmp_path) == sorted([name, f"{stem}-analysis.xlsx", f"{stem}-report.docx"])
    assert digest(source) == before


def test_an_output_name_too_long_for_the_file_system(office: Path, tmp_path: Path) -> None:
    name = "ก" * 82 + ".xlsx"  # 251 bytes: legal, but "-analysis.xlsx" makes the output 260
    source, before = copy_of(office, tmp_path, name)
    out = tmp_path / "out"
    res = run("build", str(source), "-o", str(out), "--no-charts", "--lang", "en")
    assert res.exit_code == 1
    assert (
        f"failed: {source}: {out / (name[:-5] + '-analysis.xlsx')}: the output file name is longer than the file "
        "system allows; give the input a shorter name and try again"
    ) in res.output
    assert left_in(out) == [] and digest(source) == before


# ---- 8. full disks and signals ----------------------------------------------------------------------------------


def test_a_full_disk_while_saving_the_report_leaves_nothing(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx.document

    def full(self: object, path: object) -> None:
        Path(str(path)).write_bytes(b"PK half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", full)
    source, before = copy_of(office, tmp_path)
    out = tmp_path / "out"
    res = run("build", str(source), "-o", str(out), "--no-charts")
    assert res.exit_code == 1
    assert res.output == (
        f"ไม่สำเร็จ: {source}: {out / 'office-report.docx'}: พื้นที่ดิสก์เต็ม จึงเขียนไฟล์ไม่สำเร็จ และไม่ได้เขียนไฟล์ใดค้างไว้; "
        "ลบไฟล์ที่ไม่ใช้ หรือเลือกโฟลเดอร์อื่นด้วย -o แล้วลองอีกครั้ง\n"
        "สรุป: สร้างสำเร็จ 0 ไฟล์, ไม่สำเร็จ 1 ไฟล์, คำเตือน 0 รายการ\n"
    )
    assert left_in(out) == [], "the analysis workbook of a failed build must not stay"
    assert digest(source) == before


def test_sigterm_during_a_build_leaves_no_temporary_file(office: Path, tmp_path: Path) -> None:
    source, before = copy_of(office, tmp_path)
    for attempt in range(5):
        out = tmp_path / f"out{attempt}"
        out.mkdir()
        proc = subprocess.Popen(
            [sys.executable, "-m", "ita_xl", "build", str(source), "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline and not any(out.glob("*.tmp")):
            time.sleep(0.002)
        if proc.poll() is not None:
            continue  # finished before a temporary appeared: try again
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 128 + signal.SIGTERM, err.decode()
        assert b"Traceback" not in err
        assert not list(out.glob("*.tmp")), left_in(out)
        assert left_in(out) in ([], ["office-analysis.xlsx", "office-report.docx"])
        assert digest(source) == before
        return
    pytest.skip("every build finished before a temporary file could be seen")


# ---- 9. one build, one outcome ----------------------------------------------------------------------------------


def test_no_libreoffice_for_pdf_writes_neither_file(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ita_xl.word import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    source, before = copy_of(office, tmp_path)
    out = tmp_path / "out"
    res = run("build", str(source), "-o", str(out), "--pdf", "--no-charts", "--lang", "en")
    assert res.exit_code == 1
    assert res.output.startswith(f"failed: {source}: ")
    assert f"failed: {source}: {out / 'office-report.docx'}: LibreOffice (soffice) was not found" in res.output
    assert res.output.endswith("summary: 0 built, 1 failed, 0 warnings\n") or "wrote:" not in res.output
    assert left_in(out) == []
    assert digest(source) == before


def test_a_batch_names_exactly_what_it_wrote(office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ita_xl.word import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    good, _ = copy_of(office, tmp_path, "a.xlsx")
    bad = tmp_path / "b.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    out = tmp_path / "out"
    res = run("build", str(good), str(bad), "-o", str(out), "--pdf", "--no-charts", "-j", "1", "--lang", "en")
    assert res.exit_code == 1
    assert "wrote:" not in res.output
    assert "summary: 0 built, 2 failed, 0 warnings" in res.output
    assert left_in(out) == []


def test_rollup_report_failure_leaves_no_summary_workbook(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx.document

    def full(self: object, path: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", full)
    source, before = copy_of(office, tmp_path)
    out = tmp_path / "out"
    res = run("rollup", str(source), "-o", str(out / "sum.xlsx"), "--report", str(out / "sum.docx"), "--lang", "en")
    assert res.exit_code == 1
    assert f"error: {out / 'sum.docx'}: the disk is full, so the file was not written" in res.output
    assert left_in(out) == []
    assert digest(source) == before


# ---- 11. a closed pipe ------------------------------------------------------------------------------------------


def test_score_into_a_program_that_stops_reading(office: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    proc = subprocess.run(
        [sys.executable, "-m", "ita_xl", "score", str(office)], stdout=write_end, stderr=subprocess.PIPE, check=False
    )
    os.close(write_end)
    assert proc.returncode == 141, proc.stderr.decode()
    assert proc.stderr == b""
