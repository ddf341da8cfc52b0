"""Check an input file is a sane .xlsx before any parser sees it: type, encryption, zip bombs, entity bombs."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ita_xl.errors import InputError, Where

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODF_MIME = b"application/vnd.oasis.opendocument"
ZIP_MAGIC = b"PK\x03\x04"


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """What a workbook may inflate to, and how much of it is read. Raise with the environment variables named."""

    max_unzipped_mb: int = _env_int("ITA_XL_MAX_UNZIPPED_MB", 1024)
    max_ratio: int = _env_int("ITA_XL_MAX_RATIO", 1000)
    max_entries: int = _env_int("ITA_XL_MAX_ENTRIES", 10000)
    max_rows: int = _env_int("ITA_XL_MAX_ROWS", 200000)
    max_columns: int = _env_int("ITA_XL_MAX_COLUMNS", 1000)
    # Cells from A1 to the last filled one: the parser holds them all (about 32 bytes each) while reading.
    max_cells: int = _env_int("ITA_XL_MAX_CELLS", 5_000_000)


LIMITS = Limits()


@dataclass(frozen=True)
class Package:
    """What the check learned: whether the workbook carries macros (never run, only mentioned)."""

    has_macros: bool


def _fail(path: Path, th: str, en: str) -> InputError:
    return InputError(th, en, Where(str(path)))


def _ods(path: Path) -> InputError:
    return _fail(
        path,
        "เป็นไฟล์ OpenDocument (.ods) ซึ่ง ita-xl อ่านไม่ได้; เปิดไฟล์ใน LibreOffice Calc แล้วเลือก ไฟล์ > บันทึกเป็น "
        "(File > Save As) ชนิดไฟล์ Excel 2007-365 (.xlsx) แล้วใช้ไฟล์ .xlsx นั้น",
        "is an OpenDocument spreadsheet (.ods), which ita-xl cannot read; open it in LibreOffice Calc, choose "
        "File > Save As, file type Excel 2007-365 (.xlsx), and use that .xlsx file",
    )


def _start(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(4096)


def check_package(path: Path, limits: Limits = LIMITS) -> Package:
    """Return what was learned about ``path``; raise InputError when it is not a readable, sane .xlsx."""
    if not path.exists():
        raise _fail(path, "ไม่พบไฟล์ ตรวจสอบชื่อและโฟลเดอร์", "file not found; check the name and folder")
    if path.is_dir():
        raise _fail(path, "เป็นโฟลเดอร์ ไม่ใช่ไฟล์ Excel", "is a folder, not an Excel workbook")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(OLE_MAGIC):
                blob = head + handle.read(4 * 1024 * 1024)
                if (
                    "EncryptionInfo".encode("utf-16-le") in blob
                    or b"EncryptedPackage" in blob
                    or "EncryptedPackage".encode("utf-16-le") in blob
                ):
                    raise _fail(
                        path,
                        "ไฟล์ถูกตั้งรหัสผ่านไว้ จึงอ่านไม่ได้; เปิดใน Excel แล้วลบรหัสผ่าน (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก > เข้ารหัสด้วยรหัสผ่าน) แล้วบันทึกใหม่",
                        "the workbook is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again",
                    )
                raise _fail(
                    path,
                    "เป็นไฟล์ Excel รุ่นเก่า (.xls) ซึ่งอ่านไม่ได้; เปิดใน Excel แล้วบันทึกเป็น เวิร์กบุ๊ก Excel (.xlsx) (ไฟล์ > บันทึกเป็น)",
                    "is an old Excel file (.xls), which cannot be read; open it in Excel and Save As 'Excel Workbook (.xlsx)'",
                )
    except OSError as exc:
        raise _fail(
            path,
            f"เปิดไฟล์ไม่ได้ ({exc.strerror}); ไฟล์อาจเปิดค้างหรือถูกล็อกอยู่ ให้ปิดแล้วลองอีกครั้ง",
            f"cannot open the file ({exc.strerror}); it may be locked by another program: close it and try again",
        ) from None
    if not head.startswith(ZIP_MAGIC):
        if head.startswith(b"<?xml") and ODF_MIME.replace(b"application/", b"") in _start(path):
            raise _ods(path)  # a flat OpenDocument file (.fods)
        if path.name.startswith("~$"):
            real = path.name[2:]
            raise _fail(
                path,
                f"เป็นไฟล์ชั่วคราวที่ Excel สร้างไว้ขณะเปิดแบบบันทึกอยู่ ไม่ใช่แบบบันทึก; ใช้ไฟล์ {real} "
                "(ชื่อเดียวกันโดยไม่มี ~$ นำหน้า) และปิดไฟล์นั้นใน Excel ก่อน",
                f"is the temporary file Excel keeps while a workbook is open, not a workbook; use {real} "
                "(the same name without ~$), and close it in Excel first",
            )
        raise _fail(
            path,
            "ไม่ใช่ไฟล์ Excel (.xlsx) (อาจเป็นไฟล์ CSV หรือไฟล์อื่นที่เปลี่ยนชื่อ); เปิดใน Excel แล้วบันทึกเป็น .xlsx",
            "is not an Excel workbook (.xlsx) (perhaps a CSV or another file renamed); open it in Excel and save it as .xlsx",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            _check_sizes(path, infos, limits)
            if "mimetype" in names and zf.read("mimetype").startswith(ODF_MIME):
                raise _ods(path)
            if "word/document.xml" in names and path.suffix.lower() in (".docx", ".docm", ".dotx", ".dotm"):
                raise _fail(
                    path,
                    "เป็นไฟล์ Word ไม่ใช่แบบบันทึก Excel; ใช้แบบบันทึก (.xlsx) ที่กรอกแล้ว ซึ่งได้จาก ita-xl new",
                    "is a Word document, not an Excel workbook; use the filled workbook (.xlsx) made by `ita-xl new`",
                )
            if "word/document.xml" in names:
                raise _fail(
                    path,
                    "เป็นไฟล์ Word (.docx) ที่เปลี่ยนชื่อเป็น .xlsx; ใช้แบบฟอร์ม Excel จาก ita-xl new",
                    "is a Word document renamed .xlsx; use the Excel template from `ita-xl new`",
                )
            if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
                raise _fail(
                    path,
                    "ไม่ใช่เวิร์กบุ๊ก Excel (ไม่มี xl/workbook.xml); ใช้แบบฟอร์มจาก ita-xl new",
                    "is a zip file but not an Excel workbook (no xl/workbook.xml); use the template from `ita-xl new`",
                )
            if path.suffix.lower() == ".xls" and "xl/workbook.xml" in names:
                raise _fail(
                    path,
                    "เป็นไฟล์ Excel แบบ .xlsx แต่ชื่อไฟล์ลงท้ายด้วย .xls; เปลี่ยนชื่อไฟล์ให้ลงท้ายด้วย .xlsx แล้วลองอีกครั้ง",
                    "is an .xlsx workbook whose name ends in .xls; rename it to end in .xlsx and try again",
                )
            if "xl/workbook.bin" in names:
                raise _fail(
                    path,
                    "เป็นไฟล์ Excel แบบไบนารี (.xlsb); เปิดใน Excel แล้วบันทึกเป็น .xlsx",
                    "is a binary Excel workbook (.xlsb); open it in Excel and save it as .xlsx",
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")) and info.file_size:
                    with zf.open(info) as member:
                        start = member.read(2048)
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        raise _fail(
                            path,
                            f"ไฟล์มีส่วนประกอบที่ไม่ปลอดภัย (การประกาศ DOCTYPE/ENTITY ใน {info.filename}); จะไม่อ่านไฟล์นี้ ขอไฟล์ใหม่จากผู้ส่ง",
                            f"contains an unsafe part (a DOCTYPE/ENTITY declaration in {info.filename}); it will not be read: ask the sender for a clean copy",
                        )
            return Package(has_macros="xl/vbaProject.bin" in names)
    except zipfile.BadZipFile:
        raise _fail(
            path,
            "ไฟล์เสียหรือบันทึกไม่ครบ (zip อ่านไม่ได้); เปิดใน Excel แล้วบันทึกใหม่ หรือขอไฟล์ใหม่",
            "the file is damaged or incompletely saved (not a readable zip); open it in Excel and save it again, or ask for a new copy",
        ) from None
    except (OSError, RuntimeError, NotImplementedError) as exc:
        raise _fail(
            path,
            f"อ่านไฟล์ไม่ได้ ({exc}); เปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx",
            f"cannot read the file ({exc}); open it in Excel and save it again as .xlsx",
        ) from None


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_entries:
        raise _fail(
            path,
            f"ไฟล์มีส่วนประกอบ {len(infos)} ส่วน เกินขีดจำกัด {limits.max_entries}; ถ้าไฟล์ถูกต้องจริง ตั้งค่า ITA_XL_MAX_ENTRIES ให้สูงขึ้น",
            f"the workbook has {len(infos)} parts, over the limit of {limits.max_entries}; if it is genuine, raise ITA_XL_MAX_ENTRIES",
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_mb * 1024 * 1024:
        raise _fail(
            path,
            f"ไฟล์ขยายได้ {total // (1024 * 1024)} MB เกินขีดจำกัด {limits.max_unzipped_mb} MB (อาจเป็น zip bomb); ถ้าไฟล์ถูกต้องจริง ตั้งค่า ITA_XL_MAX_UNZIPPED_MB ให้สูงขึ้น",
            f"the workbook inflates to {total // (1024 * 1024)} MB, over the limit of {limits.max_unzipped_mb} MB (a zip bomb?); if it is genuine, raise ITA_XL_MAX_UNZIPPED_MB",
        )
    for info in infos:
        if (
            info.compress_size
            and info.file_size > 1024 * 1024
            and info.file_size / info.compress_size > limits.max_ratio
        ):
            ratio = info.file_size // info.compress_size
            raise _fail(
                path,
                f"ส่วน {info.filename} ขยายได้ {ratio} เท่า เกินขีดจำกัด {limits.max_ratio} เท่า (อาจเป็น zip bomb); ถ้าไฟล์ถูกต้องจริง ตั้งค่า ITA_XL_MAX_RATIO ให้สูงขึ้น",
                f"part {info.filename} inflates {ratio} times, over the limit of {limits.max_ratio} (a zip bomb?); if it is genuine, raise ITA_XL_MAX_RATIO",
            )
