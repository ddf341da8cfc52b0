"""The OIT sheet: one row per item code, whether it is published, and the evidence URL."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ita_xl.cleaning import shown
from ita_xl.excel import sheets as S
from ita_xl.excel.read.cells import MAX_FIELD, MAX_PARAGRAPH, MAX_URL, cell_name, clean_text, is_blank, label_key
from ita_xl.excel.read.links import link_target, sheet_links
from ita_xl.excel.read.workbook import WorkbookReader
from ita_xl.model import Framework, OitEntry
from ita_xl.oit_list import OitRow


def oit_entries(rd: WorkbookReader, fw: Framework) -> dict[str, OitEntry]:
    """Return the OIT sheet's entries by item code (published or not, evidence URL, note), or {} when none is marked."""
    return oit_sheet(rd, fw)[0]


def oit_sheet(rd: WorkbookReader, fw: Framework) -> tuple[dict[str, OitEntry], list[OitRow]]:
    """Return the OIT sheet's entries by item code and its list of items (code, title, sub-indicator) in order.

    Both are empty when no item is marked (the office entered official scores instead). A code the method does not
    have is kept when its row names a sub-indicator (an item the office's list adds), else it is warned about.
    """
    rows_out: list[OitRow] = []
    found = rd.sheet(S.OIT)
    if found is None:
        return {}, []
    sheet, rows = found
    header = rd.header(sheet, rows, {c.code for c in S.OIT_COLUMNS}, S.ALIASES[S.OIT])
    if header is None or "code" not in header[1] or "published" not in header[1]:
        rd.no_header(sheet, "code, published, url")
        return {}, []
    hrow, cols = header
    oit_items = {c for c, it in fw.items.items() if it.tool == "OIT"}
    yes_no = fw.scales[fw.items[next(iter(oit_items))].scale].labels if oit_items else ("มี", "ไม่มี")
    choices = {label_key(yes_no[0]): True, label_key(yes_no[-1]): False}
    entries: dict[str, OitEntry] = {}
    seen: dict[str, str] = {}
    links = sheet_links(rd.path, sheet)
    for r in range(hrow + 1, len(rows)):

        def get(key: str, row_index: int = r) -> Any:
            return rd.cell_value(sheet, rows, row_index, cols[key]) if key in cols else None

        raw_code = get("code")
        if is_blank(raw_code):
            if any(not is_blank(get(k)) for k in ("published", "url")):
                rd.add(
                    "error",
                    "no-code",
                    "แถวนี้มีข้อมูลแต่ไม่มีรหัสข้อ; ใส่รหัสข้อ เช่น o1",
                    "this row has data but no item code; type the code, e.g. o1",
                    f"{sheet}!{cell_name(r, cols['code'])}",
                )
            continue
        code = _oit_code(raw_code)
        ref = f"{sheet}!{cell_name(r, cols['code'])}"
        sub = S.norm(get("sub")) if not is_blank(get("sub")) else ""
        if code not in oit_items and not sub:
            rd.add(
                "warning",
                "unknown-item",
                f"{shown(clean_text(raw_code), quote=False)} ไม่ใช่ข้อของแบบ OIT ปี {fw.year} จึงไม่นำมาคิดคะแนน",
                f"{shown(clean_text(raw_code), quote=False)} is not an OIT item of FY{fw.year}, so it is not scored",
                ref,
            )
            continue
        if code in seen:
            rd.add(
                "error",
                "duplicate-item",
                f"ข้อ {code} ซ้ำกับแถว {seen[code]}; ลบแถวที่ซ้ำ",
                f"item {code} appears twice (also at {seen[code]}); delete one of the rows",
                ref,
            )
            continue
        seen[code] = ref
        mark = get("published")
        published: bool | None = None
        if not is_blank(mark):
            published = choices.get(label_key(clean_text(mark)))
            if published is None:
                rd.add(
                    "error",
                    "bad-answer",
                    f"{shown(clean_text(mark))} ไม่ใช่คำตอบของข้อนี้; ต้องเป็น {' หรือ '.join(yes_no)}",
                    f"{shown(clean_text(mark))} is not an answer of this item; expected {' or '.join(yes_no)}",
                    f"{sheet}!{cell_name(r, cols['published'])}",
                )
        url = _evidence(links, rows, r, cols.get("url"), get)
        if "url" in cols and rd.too_long(sheet, cell_name(r, cols["url"]), url, MAX_URL):
            url = url[:MAX_URL]
        note = clean_text(get("note"))
        if "note" in cols and rd.too_long(sheet, cell_name(r, cols["note"]), note, MAX_PARAGRAPH):
            note = note[:MAX_PARAGRAPH]
        if published and not url:
            rd.add(
                "warning",
                "no-url",
                f"ข้อ {code} ระบุว่า {yes_no[0]} แต่ไม่มีลิงก์หลักฐาน; ใส่ URL ของหน้าที่เผยแพร่",
                f"{code} is marked {yes_no[0]} (published) but has no evidence URL; add the page's URL",
                f"{sheet}!{cell_name(r, cols['url']) if 'url' in cols else cell_name(r, cols['published'])}",
            )
        elif url and not re.match(r"^https?://", url, re.I):
            rd.add(
                "warning",
                "bad-url",
                f"{shown(url)} ไม่ใช่ที่อยู่เว็บ; ใส่ URL เต็มที่ขึ้นต้นด้วย https://",
                f"{shown(url)} is not a web address; type the full URL starting with https://",
                f"{sheet}!{cell_name(r, cols['url'])}",
            )
        entries[code] = OitEntry(code, published, url, note)
        title = clean_text(get("title"))
        if "title" in cols and rd.too_long(sheet, cell_name(r, cols["title"]), title, MAX_FIELD):
            title = title[:MAX_FIELD]
        rows_out.append(OitRow(code, title, sub, ref))
    if not any(e.published is not None for e in entries.values()):
        return {}, []
    return entries, rows_out


def _evidence(
    links: dict[tuple[int, int], str], rows: list[list[Any]], r: int, url_col: int | None, get: Callable[[str], Any]
) -> str:
    """Return the row's evidence address: the URL cell's link, else the URL typed there; when that cell holds no web
    address (empty, or "คลิกที่นี่" without a link), the row's only link (one put on the item's title); else its text."""
    if url_col is not None:
        target = link_target(links, rows, r, url_col)
        if target:
            return target
    typed = clean_text(get("url"))
    if re.match(r"^https?://", typed, re.I):
        return typed
    others = {link_target(links, rows, r, c) for (row, c) in links if row == r} - {""}
    return others.pop() if len(others) == 1 else typed


def _oit_code(value: object) -> str:
    """Return an OIT code as the framework spells it: "O13", "o 13", "๐๑๓" (Thai zero for o) -> "o13"."""
    text = clean_text(value)
    if text.startswith("๐") and len(text) > 1:
        text = "o" + text[1:]
    key = S.norm(text)
    if key.isdigit():
        key = "o" + str(int(key))
    return key
