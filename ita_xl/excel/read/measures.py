"""The measures sheet (มาตรการ): the office's measures for its weaknesses and strengths."""

from __future__ import annotations

import re

from ita_xl.cleaning import shown
from ita_xl.excel import sheets as S
from ita_xl.excel.read.cells import MAX_PARAGRAPH, MAX_URL, cell_name, clean_text, is_blank, label_key
from ita_xl.excel.read.links import link_target, sheet_links
from ita_xl.excel.read.progress import progress_of
from ita_xl.excel.read.workbook import WorkbookReader
from ita_xl.model import Framework, Measure

_RANGE = re.compile(r"^([a-z]*(?:\d+\.)?)(\d+)-([a-z]*(?:\d+\.)?)(\d+)$")


def measure_rows(rd: WorkbookReader, fw: Framework) -> tuple[Measure, ...]:
    """Return the measures sheet's rows: what each measure addresses, its kind, codes, steps and owner."""
    found = rd.sheet(S.MEASURES)
    if found is None:
        return ()
    sheet, rows = found
    known = {c.code for c in (*S.MEASURE_COLUMNS, *S.PROGRESS_COLUMNS)}
    header = rd.header(sheet, rows, known, S.ALIASES[S.MEASURES] | S.PROGRESS_ALIASES)
    if header is None or "addresses" not in header[1]:
        if any(not is_blank(v) for row in rows for v in row):
            rd.no_header(sheet, "kind, addresses, steps")
        return ()
    hrow, cols = header
    known_codes = set(fw.items) | set(fw.indicators) | set(fw.subindicators) | set(fw.next_year_items.values())
    measures = []
    links = sheet_links(rd.path, sheet)  # evidence entered as a link: its address, not the text shown
    for r in range(hrow + 1, len(rows)):
        link = link_target(links, rows, r, cols["evidence"]) if "evidence" in cols else ""
        values = {k: link if k == "evidence" and link else rd.cell_value(sheet, rows, r, c) for k, c in cols.items()}
        if all(is_blank(v) for v in values.values()):
            continue
        texts = {k: clean_text(v) for k, v in values.items()}
        for k, text in texts.items():
            limit = MAX_URL if k == "evidence" else MAX_PARAGRAPH
            if rd.too_long(sheet, cell_name(r, cols[k]), text, limit):
                texts[k] = values[k] = text[:limit]
        kind_text = label_key(texts.get("kind", ""))
        kind = S.MEASURE_KINDS.get(kind_text) or {"weakness": "weakness", "strength": "strength"}.get(kind_text.lower())
        if kind is None:
            kind = "weakness"
            if kind_text:
                rd.add(
                    "error",
                    "bad-choice",
                    f"{shown(texts['kind'])} ไม่ใช่ประเภทมาตรการ; ต้องเป็น จุดอ่อน หรือ จุดแข็ง",
                    f"{shown(texts['kind'])} is not a kind of measure; expected จุดอ่อน (weakness) or จุดแข็ง (strength)",
                    f"{sheet}!{cell_name(r, cols['kind'])}",
                )
        if not texts.get("addresses"):
            rd.add(
                "warning",
                "no-addresses",
                "มาตรการนี้ไม่ได้ระบุจุดอ่อนหรือจุดแข็งที่ต้องการแก้ไข; กรอกให้ครบ",
                "this measure does not say which weakness or strength it addresses; fill it",
                f"{sheet}!{cell_name(r, cols['addresses'])}",
            )
        codes = _measure_codes(texts.get("codes", ""))
        unknown = [c for c in codes if c not in known_codes]
        if unknown:
            rd.add(
                "warning",
                "unknown-code",
                f"รหัส {', '.join(unknown)} ไม่ใช่ตัวชี้วัดหรือข้อของเกณฑ์ปี {fw.year}; ตรวจสอบรหัส เช่น 3, 9.2, i1-i6, o13",
                f"{', '.join(unknown)} is not an indicator or item code of FY{fw.year}; check the codes, e.g. 3, 9.2, i1-i6, o13",
                f"{sheet}!{cell_name(r, cols['codes'])}",
            )
        measures.append(
            Measure(
                addresses=texts.get("addresses", ""),
                kind=kind,
                codes=codes,
                steps=texts.get("steps", ""),
                deadline=texts.get("deadline", ""),
                target=texts.get("target", ""),
                responsible=texts.get("responsible", ""),
                note=texts.get("note", ""),
                progress=progress_of(rd, sheet, r, cols, values),
            )
        )
    return tuple(measures)


def _measure_codes(text: str) -> tuple[str, ...]:
    """Return the codes of a measure: "1-5, i1-i30" -> 1..5 and i1..i30; "๙.๒ ข้อ o13" -> 9.2, o13."""
    codes: list[str] = []
    text = re.sub(r"\s*[-–]\s*", "-", text)
    for token in re.split(r"[,;\s]+", text):
        key = S.norm(token.replace("ตัวชี้วัดย่อยที่", "").replace("ตัวชี้วัดที่", "").replace("ข้อ", ""))
        if not key:
            continue
        if key.startswith("๐"):
            key = "o" + key[1:]
        match = _RANGE.match(key)
        if match and match.group(1) == (match.group(3) or match.group(1)):
            prefix, a, b = match.group(1), int(match.group(2)), int(match.group(4))
            if a <= b and b - a < 100:
                codes.extend(f"{prefix}{n}" for n in range(a, b + 1))
                continue
        codes.append(key)
    return tuple(dict.fromkeys(codes))
