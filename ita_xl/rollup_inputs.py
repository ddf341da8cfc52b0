"""What a roll-up may read and write: JSON text in any encoding Windows shells write, own outputs, distinct paths."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from ita_xl.errors import InputError, UsageError, Where
from ita_xl.safeio import same_file

# The custom document property that marks a file ita-xl wrote (value: what it is, e.g. "rollup").
OUTPUT_PROPERTY = "ita_xl_output"


def json_text(path: Path) -> str:
    """Return the text of a JSON file written as UTF-8 (with or without BOM) or UTF-16 (PowerShell 5.1's ``>``).

    Raises InputError naming the file when it cannot be read or is in another encoding (such as the Thai code page
    that cmd's ``>`` writes), with the way to write it properly.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"อ่านไฟล์ไม่ได้ ({exc.strerror})", f"cannot read the file ({exc.strerror})", Where(str(path))
        ) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(raw) >= 2 and raw[0] == 0 and raw[1] != 0:
        encoding = "utf-16-be"
    elif len(raw) >= 2 and raw[0] != 0 and raw[1] == 0:
        encoding = "utf-16-le"
    else:
        encoding = "utf-8"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            "ไฟล์ JSON ไม่ได้บันทึกเป็น UTF-8 หรือ UTF-16 (อาจบันทึกด้วย > ใน Command Prompt ซึ่งใช้รหัสอักษรไทยแบบเก่า); "
            "สร้างใหม่ด้วย ita-xl score แบบบันทึก.xlsx -o ผล.json",
            "the JSON file is neither UTF-8 nor UTF-16 text (perhaps written with > in a Command Prompt, which uses "
            "the old Thai code page); make it again with ita-xl score WORKBOOK.xlsx -o result.json",
            Where(str(path)),
        ) from None


def output_kind(path: Path) -> str:
    """Return what ita-xl output ``path`` is ("rollup", "analysis"), or "" for any other file."""
    try:
        with zipfile.ZipFile(path) as zf:
            custom = zf.read("docProps/custom.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return ""
    marker = f'name="{OUTPUT_PROPERTY}"'
    start = custom.find(marker)
    if start < 0:
        return ""
    value = custom[start:].split("</vt:lpwstr>", 1)[0]
    return value.rsplit(">", 1)[-1].strip()


def digest(path: Path) -> str:
    """Return the SHA-256 of ``path``'s bytes (hex), or "" when it cannot be read."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


def check_outputs(outputs: list[Path], inputs: list[Path]) -> None:
    """Raise UsageError unless every output path differs from every input and from each other output."""
    for n, out in enumerate(outputs):
        earlier = next((o for o in outputs[:n] if same_file(o, out)), None)
        if earlier is not None:
            raise UsageError(
                f"ไฟล์ผลลัพธ์สองไฟล์ชื่อเดียวกัน ({earlier} และ {out}); ตั้งชื่อไฟล์ -o และ --report ให้ต่างกัน",
                f"two outputs have the same name ({earlier} and {out}); give -o and --report different names",
                Where(str(out)),
            )
        for source in inputs:
            if same_file(out, source):
                raise UsageError(
                    "ไฟล์ผลลัพธ์ชื่อเดียวกับไฟล์ต้นฉบับ จะไม่เขียนทับไฟล์ต้นฉบับ; ตั้งชื่อไฟล์ผลลัพธ์ใหม่",
                    "the output has the name of an input, and ita-xl never writes over an input; "
                    "choose another name for the output",
                    Where(str(out)),
                )
