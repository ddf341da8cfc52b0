"""Feed a roll-up back to one office: find it in the summary workbook (by code, file or its bytes), add the group."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ita_xl.decimals import parse_number, quantize
from ita_xl.errors import InputError, Where
from ita_xl.result import Finding, Group
from ita_xl.rollup import RANK_SHEET, default_name

KEY_SHEET = "ita-xl"  # the hidden sheet that says what the roll-up covers and which file each row came from
KEY_HEADERS = ("rank", "name", "file", "code", "sha256")


@dataclass(frozen=True)
class Entry:
    """One office of a roll-up workbook: its rank and what identifies it."""

    rank: int
    name: str
    file: str = ""
    code: str = ""
    digest: str = ""


@dataclass
class Summary:
    """What a roll-up workbook says: the group's name, its year and mean, and the ranked offices."""

    name: str
    year: int | None
    mean: Decimal | None
    entries: list[Entry] = field(default_factory=list)

    def find(self, code: str, digest: str, file: Path | None) -> Entry | None:
        """Return the entry of an office found by its office code, else the workbook's bytes, else the file name."""
        for key, value in (("code", code), ("digest", digest)):
            if value:
                hits = [e for e in self.entries if getattr(e, key) == value]
                if len(hits) == 1:
                    return hits[0]
        if file is not None:
            hits = [e for e in self.entries if e.file and Path(e.file).name.casefold() == file.name.casefold()]
            if len(hits) == 1:
                return hits[0]
        return None


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_summary(path: Path) -> Summary:
    """Return what the roll-up workbook at ``path`` says (also one written before the hidden key sheet existed)."""
    from openpyxl import load_workbook

    from ita_xl.excel.read.package import check_package

    check_package(path)
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        if RANK_SHEET not in wb.sheetnames:
            raise InputError(
                f"ไม่พบชีต {RANK_SHEET}; ใช้ไฟล์ที่สร้างด้วย ita-xl rollup",
                f"no sheet {RANK_SHEET}; use a file made by ita-xl rollup",
                Where(str(path)),
            )
        rows = list(wb[RANK_SHEET].iter_rows(values_only=True))
        keys = list(wb[KEY_SHEET].iter_rows(values_only=True)) if KEY_SHEET in wb.sheetnames else []
    finally:
        wb.close()
    mean_total = None
    body: list[Entry] = []
    for row in rows:
        if len(row) > 2 and row[0] is None and _text(row[1]).startswith("ค่าเฉลี่ย"):
            mean_total = parse_number(row[2])
        elif row and isinstance(row[0], (int, float)) and row[1]:
            body.append(Entry(int(row[0]), _text(row[1]), _text(row[8]) if len(row) > 8 else ""))
    meta = {_text(r[0]): r[1] for r in keys if r and len(r) > 1 and r[0] in ("group", "year")}
    listed = [r for r in keys if r and isinstance(r[0], (int, float))]
    if listed:
        body = [Entry(int(r[0]), _text(r[1]), _text(r[2]), _text(r[3]), _text(r[4])) for r in listed]
    year = parse_number(meta.get("year"))
    return Summary(_text(meta.get("group")) or default_name(len(body)), int(year) if year else None, mean_total, body)


def apply_rollup(ev: Any, summary_path: Path) -> Any:
    """Return the evaluation with the group of ``summary_path`` beside the office's own national figures.

    The national mean and rank the office entered stay as they are. Raises InputError when the roll-up is of
    another fiscal year. An office not found in the roll-up gets the group's mean without a rank, and a warning.
    """
    from ita_xl.rollup_inputs import digest

    summary = read_summary(summary_path)
    result = ev.result
    year = result.framework.year
    if summary.year is not None and summary.year != year:
        raise InputError(
            f"ไฟล์สรุปเป็นผลปีงบประมาณ {summary.year} แต่แบบบันทึกนี้เป็นปี {year}; ใช้ไฟล์สรุปของปีเดียวกัน",
            f"the roll-up is of FY{summary.year} but this workbook is of FY{year}; use the roll-up of the same year",
            Where(str(summary_path)),
        )
    source = Path(ev.path) if getattr(ev, "path", None) else None
    entry = summary.find(result.office.office_code, digest(source) if source else "", source)
    total = result.total
    diff = None
    if summary.mean is not None and total is not None:
        diff = total.shown - quantize(summary.mean)
    group = Group(
        summary.name, summary.mean, diff, entry.rank if entry else None, len(summary.entries), summary.year or year
    )
    findings = result.findings
    if entry is None:
        findings = (
            *findings,
            Finding(
                "warning",
                "not-in-rollup",
                f"ไม่พบหน่วยงานนี้ในไฟล์สรุป (ค้นจากรหัสหน่วยงาน ไฟล์ และชื่อไฟล์); รายงานจึงไม่ระบุลำดับใน{summary.name}",
                f"this office is not in the roll-up (looked up by office code, file and file name); "
                f"the report gives no rank in {summary.name}",
                str(summary_path),
            ),
        )
    return dataclasses.replace(ev, result=dataclasses.replace(result, group=group, findings=findings))
