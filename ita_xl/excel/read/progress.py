"""The follow-up columns of the measures sheet: what was done, status, percent, evidence, date, problems."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ita_xl.cleaning import shown
from ita_xl.excel.read.cells import cell_name, clean_text, is_blank, label_key
from ita_xl.excel.read.workbook import WorkbookReader
from ita_xl.model import Progress
from ita_xl.progress import DONE, IN_PROGRESS, NOT_STARTED, STATUS_LABELS

_BY_LABEL = {label_key(label): code for code, label in STATUS_LABELS.items()}
_BY_LABEL |= {"done": DONE, "inprogress": IN_PROGRESS, "in_progress": IN_PROGRESS, "notstarted": NOT_STARTED}
# Shortened or reworded statuses people type instead of choosing: the distinctive words of each.
_WORDS = (("ยังไม่", NOT_STARTED), ("ระหว่าง", IN_PROGRESS), ("กำลัง", IN_PROGRESS), ("แล้วเสร็จ", DONE), ("เสร็จสิ้น", DONE))


def status_code(text: str) -> str | None:
    """Return the status typed or chosen ("ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "done") as a code; None if unknown."""
    key = label_key(text)
    if key in _BY_LABEL or key.lower() in _BY_LABEL:
        return _BY_LABEL.get(key) or _BY_LABEL[key.lower()]
    for word, code in _WORDS:
        if word in key:
            return code
    return None


def progress_of(rd: WorkbookReader, sheet: str, r: int, cols: dict[str, int], values: dict[str, Any]) -> Progress:
    """Return row ``r``'s follow-up (blank columns, or none at all in an older workbook, give an empty Progress)."""
    texts = {k: clean_text(values.get(k)) for k in ("result", "status", "evidence", "problems", "suggestions")}

    def where(code: str) -> str:
        return f"{sheet}!{cell_name(r, cols[code])}"

    status = ""
    if texts["status"]:
        found = status_code(texts["status"])
        if found is None:
            choices = ", ".join(STATUS_LABELS.values())
            rd.add(
                "error",
                "bad-choice",
                f"{shown(texts['status'])} ไม่ใช่สถานะการดำเนินการ; เลือกจากรายการ: {choices}",
                f"{shown(texts['status'])} is not a status; choose one of: {choices}",
                where("status"),
            )
        else:
            status = found
    percent: Decimal | None = None
    if not is_blank(values.get("percent")):
        what = ("ร้อยละความสำเร็จ", "the percent done")
        percent = rd.number(sheet, cell_name(r, cols["percent"]), values["percent"], *what, Decimal(0), Decimal(100))
    day = None
    if not is_blank(values.get("progress_date")):
        day = rd.date_value(sheet, cell_name(r, cols["progress_date"]), values["progress_date"])
    progress = Progress(
        texts["result"], status, percent, texts["evidence"], day, texts["problems"], texts["suggestions"]
    )
    _check(rd, progress, where if "status" in cols else None)
    return progress


def _check(rd: WorkbookReader, p: Progress, where: Any) -> None:
    """Warn about a status and percent that disagree, and a finished measure without evidence."""
    if where is None or not p.status:
        return
    if p.percent is not None and (
        (p.status == DONE and p.percent < 100) or (p.status == NOT_STARTED and p.percent > 0)
    ):
        label = STATUS_LABELS[p.status]
        rd.add(
            "warning",
            "status-percent",
            f"สถานะ {label} แต่ร้อยละความสำเร็จเป็น {p.percent.normalize():f}; ตรวจสอบให้ตรงกัน",
            f"the status is {label} but the percent done is {p.percent.normalize():f}; make them agree",
            where("status"),
        )
    if p.status == DONE and not p.evidence:
        rd.add(
            "warning",
            "no-evidence",
            "มาตรการนี้ดำเนินการแล้วเสร็จแต่ไม่มีลิงก์หลักฐาน; ใส่ลิงก์ (URL) ของหลักฐานที่เผยแพร่",
            "this measure is done but has no evidence link; add the URL of the published evidence",
            where("status"),
        )
