"""The office sheet (ข้อมูลหน่วยงาน): the office name, the assessment year, the report date and other fields."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ita_xl.cleaning import shown
from ita_xl.excel import sheets as S
from ita_xl.excel.read.cells import HUNDRED, MAX_FIELD, cell_name, clean_text, is_blank, label_key
from ita_xl.excel.read.workbook import WorkbookReader
from ita_xl.model import OfficeInfo


def office_info(rd: WorkbookReader) -> OfficeInfo:
    """Return the office sheet's fields (name, year, report date, ...) by their field code or their label."""
    found = rd.sheet(S.OFFICE)
    if found is None:
        rd.missing_sheet(S.OFFICE, "ใส่ชื่อหน่วยงานและปีงบประมาณที่ประเมิน", "it names the office and the fiscal year")
        return OfficeInfo()
    sheet, rows = found
    header = rd.header(sheet, rows, {c.code for c in S.OFFICE_COLUMNS}, S.ALIASES[S.OFFICE])
    if header is None or "value" not in header[1]:
        rd.no_header(sheet, "label, value, field")
        return OfficeInfo()
    hrow, cols = header
    by_label = {label_key(f.label): f.key for f in S.OFFICE_FIELDS}
    values: dict[str, Any] = {}
    for r in range(hrow + 1, len(rows)):
        key = ""
        if "field" in cols:
            key = S.norm(rows[r][cols["field"]] if cols["field"] < len(rows[r]) else "")
        if key not in S.FIELDS_BY_KEY and "label" in cols and cols["label"] < len(rows[r]):
            key = by_label.get(label_key(clean_text(rows[r][cols["label"]])), "")
        if key not in S.FIELDS_BY_KEY or key in values:
            continue
        ref = cell_name(r, cols["value"])
        if key == "year":
            rd.locations["year"] = f"{sheet}!{ref}"
        value = rd.cell_value(sheet, rows, r, cols["value"])
        if is_blank(value):
            continue
        values[key] = field_value(rd, sheet, ref, S.FIELDS_BY_KEY[key], value)
    if "name" not in values:
        rd.add(
            "warning",
            "no-office-name",
            "ไม่ได้กรอกชื่อหน่วยงาน; กรอกเพื่อให้รายงานระบุหน่วยงานได้ถูกต้อง",
            "the office name is empty; fill it so the report names the office",
            sheet,
        )
    return OfficeInfo(**{k: v for k, v in values.items() if v is not None})


def field_value(rd: WorkbookReader, sheet: str, ref: str, fld: S.Field, value: Any) -> Any:
    """Return one office field's value read as its kind (text, year, date, digits choice, number, count)."""
    if fld.kind == "text":
        text = clean_text(value)
        return None if rd.too_long(sheet, ref, text, MAX_FIELD) else text
    if fld.kind == "year":
        return rd.year_value(sheet, ref, value)
    if fld.kind == "date":
        return rd.date_value(sheet, ref, value)
    if fld.kind == "digits":
        text = clean_text(value).lower()
        if text in ("ไทย", "thai", "true", "1"):
            return True
        if text in ("อารบิก", "arabic", "false", "0"):
            return False
        rd.add(
            "error",
            "bad-choice",
            f"{shown(text)} ไม่ใช่ตัวเลือกของช่องนี้; ต้องเป็น ไทย หรือ อารบิก",
            f"{shown(text)} is not a choice of this cell; expected ไทย (Thai) or อารบิก (Arabic)",
            f"{sheet}!{ref}",
        )
        return None
    if fld.kind == "number":
        return rd.number(sheet, ref, value, "คะแนน", "score", Decimal(0), HUNDRED)
    number = rd.number(sheet, ref, value, "ค่านี้", "this value", Decimal(0), Decimal(1_000_000))
    return None if number is None else int(number)
