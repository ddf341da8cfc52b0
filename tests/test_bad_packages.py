"""Bad files at the package level: each gives one clear message and exit 1 from check, score and build.

The input's bytes never change and no output file is left behind.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from ita_xl.cli import cli

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def not_a_zip(p: Path) -> None:
    p.write_bytes(b"hello, this is not a workbook")


def csv_renamed(p: Path) -> None:
    p.write_text("code,score\ni1,100\n", encoding="utf-8")


def empty_file(p: Path) -> None:
    p.write_bytes(b"")


def old_xls(p: Path) -> None:
    p.write_bytes(OLE + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 2000)


def encrypted(p: Path) -> None:
    p.write_bytes(
        OLE
        + b"\x00" * 504
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 100
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 2000
    )


def docx_renamed(p: Path) -> None:
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")


def zip_not_excel(p: Path) -> None:
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "just a zip")


def truncated_zip(p: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>" * 1000)
        z.writestr("xl/workbook.xml", "<workbook/>" * 1000)
    p.write_bytes(buf.getvalue()[:-40])


def zip_bomb(p: Path) -> None:
    # About 0.2 MB on disk, inflating to 1.5 GB: past the 1024 MB default limit.
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        chunk = b"0" * (1024 * 1024)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(1536):
                member.write(chunk)


def ratio_bomb(p: Path) -> None:
    # 64 MB of zeros in one part: a ratio of about 1000:1, past the limit, though small in total.
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"0" * (64 * 1024 * 1024))


def entity_bomb(p: Path) -> None:
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst>&lol2;</sst>'
    )
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/sharedStrings.xml", lol)


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("not-a-zip", not_a_zip, "is not an Excel workbook (.xlsx) (perhaps a CSV or another file renamed)"),
    ("csv-renamed", csv_renamed, "is not an Excel workbook (.xlsx) (perhaps a CSV or another file renamed)"),
    ("empty-file", empty_file, "is not an Excel workbook (.xlsx) (perhaps a CSV or another file renamed)"),
    ("old-xls", old_xls, "is an old Excel file (.xls), which cannot be read; open it in Excel and Save As"),
    ("encrypted", encrypted, "the workbook is password-protected; open it in Excel, remove the password"),
    ("docx-renamed", docx_renamed, "is a Word document renamed .xlsx"),
    ("zip-not-excel", zip_not_excel, "is a zip file but not an Excel workbook (no xl/workbook.xml)"),
    ("truncated", truncated_zip, "the file is damaged or incompletely saved"),
    (
        "zip-bomb",
        zip_bomb,
        "inflates to 1536 MB, over the limit of 1024 MB (a zip bomb?); if it is genuine, raise ITA_XL_MAX_UNZIPPED_MB",
    ),
    ("ratio-bomb", ratio_bomb, "over the limit of 1000 (a zip bomb?); if it is genuine, raise ITA_XL_MAX_RATIO"),
    ("entity-bomb", entity_bomb, "contains an unsafe part (a DOCTYPE/ENTITY declaration in xl/sharedStrings.xml)"),
]


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    out = {}
    for name, maker, _ in CASES:
        path = folder / f"{name}.xlsx"
        maker(path)
        out[name] = path
    return out


@pytest.mark.parametrize("command", ["check", "score", "build"])
@pytest.mark.parametrize(("name", "expected"), [(c[0], c[2]) for c in CASES])
def test_bad_package(made: dict[str, Path], tmp_path: Path, command: str, name: str, expected: str) -> None:
    path = made[name]
    before = _digest(path)
    args = [command, str(path), "--lang", "en"]
    if command == "build":
        args += ["-o", str(tmp_path / "out")]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 1, res.output
    assert expected in res.output
    assert str(path) in res.output
    assert "Traceback" not in res.output
    assert _digest(path) == before
    if command == "build":
        assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["build", str(tmp_path / "nope.xlsx"), "--lang", "en"])
    assert res.exit_code == 2
    assert "does not exist; check the name and folder" in res.output


def test_thai_is_the_default_language(made: dict[str, Path]) -> None:
    res = CliRunner().invoke(cli, ["check", str(made["old-xls"])])
    assert res.exit_code == 1
    assert "เป็นไฟล์ Excel รุ่นเก่า (.xls)" in res.output
