"""The survey sheets (IIT, EIT): one row per respondent, one column per item code, answers as scale labels."""

from __future__ import annotations

import re
from typing import Any

from ita_xl.cleaning import shown
from ita_xl.excel import sheets as S
from ita_xl.excel.read.cells import cell_name, clean_text, is_blank, label_key, picker
from ita_xl.excel.read.workbook import WorkbookReader
from ita_xl.model import Framework, SurveyData

_CODE_LIKE = re.compile(r"^[ieo]\d+(\.\d+)?$")
_CONFUSABLE = str.maketrans({"l": "1", "|": "1", "o": "0", ",": ".", "_": ".", "-": "."})


def survey_data(rd: WorkbookReader, fw: Framework, tool: str) -> SurveyData | None:
    """Return the answers of survey sheet ``tool`` (IIT or EIT) column by column, or None when it has none."""
    found = rd.sheet(tool)
    if found is None:
        return None
    sheet, rows = found
    statements = {st.code: st for st in fw.statements(tool)}
    header = rd.header(sheet, rows, set(statements))
    if header is None:
        if any(not is_blank(v) for row in rows[S.FIRST_DATA_ROW :] for v in row):
            rd.no_header(sheet, ", ".join(list(statements)[:3]))
        return None
    hrow, cols = header
    missing = [code for code in statements if code not in cols]
    answers = {label_key(lbl) for st in statements.values() for lbl in fw.scales[st.scale].labels}
    plain = {S.norm(c.code) for c in (S.SURVEY_NUMBER, S.SURVEY_NOTE)}
    plain |= {S.norm(c.heading) for c in (S.SURVEY_NUMBER, S.SURVEY_NOTE)}
    for c, value in enumerate(rows[hrow]):
        key = S.norm(value) if not is_blank(value) else ""
        if not key or key in statements or key in plain:
            continue
        filled = sum(
            1
            for row in rows[hrow + 1 :]
            if c < len(row) and not is_blank(row[c]) and label_key(clean_text(row[c])) in answers
        )
        guess = _guess_code(key, missing)
        if filled and (guess or not _CODE_LIKE.match(key)):
            if guess:
                missing.remove(guess)
            hint_th = f"หมายถึง {guess} หรือไม่? " if guess else ""
            hint_en = f"did you mean {guess}? " if guess else ""
            rd.add(
                "error",
                "bad-column",
                f"หัวคอลัมน์ {shown(clean_text(value))} ไม่ใช่รหัสข้อของแบบวัด {tool} จึงไม่ได้อ่านคำตอบ {filled} ช่องในคอลัมน์นี้; "
                f"{hint_th}แก้หัวคอลัมน์ให้ตรงกับรหัสในแบบฟอร์ม ita-xl new",
                f"column header {shown(clean_text(value))} is not an item code of the {tool} form, so its {filled} "
                f"answers are not read; {hint_en}correct the header to the code in an `ita-xl new` template",
                f"{sheet}!{cell_name(hrow, c)}",
            )
        elif _CODE_LIKE.match(key):
            rd.add(
                "warning",
                "unknown-column",
                f"คอลัมน์ {key} ไม่ใช่ข้อของแบบวัด {tool} ปี {fw.year} จึงไม่นำมาคิดคะแนน",
                f"column {key} is not an item of the FY{fw.year} {tool} form, so it is not scored",
                f"{sheet}!{cell_name(hrow, c)}",
            )
    if missing:
        rd.add(
            "warning",
            "missing-column",
            f"ไม่พบคอลัมน์ {', '.join(missing)} ในแถวรหัส; ข้อเหล่านี้จะไม่มีคะแนน เพิ่มคอลัมน์ตามแบบฟอร์ม ita-xl new",
            f"no column for {', '.join(missing)} in the code row; these get no score: add them as in an `ita-xl new` template",
            f"{sheet}!{cell_name(hrow, 0)}",
        )
    labels = {
        code: {label_key(lbl): i for i, lbl in enumerate(fw.scales[st.scale].labels)} for code, st in statements.items()
    }
    # Exact labels first (the usual case, a dropdown choice), the normalised form only when that fails.
    exact = {code: {lbl: i for i, lbl in enumerate(fw.scales[statements[code].scale].labels)} for code in cols}
    order = list(cols.items())
    positions = [c for _, c in order]
    formulas = rd.formulas.get(sheet, {})
    pick = picker(positions)
    kept: list[int] = []  # the rows of respondents: any answer, or a formula whose value is missing
    table: list[tuple[Any, ...]] = []  # their answer cells, in the order of ``order``
    width = len(positions)
    for r in range(hrow + 1, len(rows)):
        cells = pick(rows[r])
        # Fast paths: calamine gives "" for an empty cell, so a full row has no "" and an empty row only "".
        empty = cells.count("") + cells.count(None)
        answered = empty == 0 or (empty < width and any(not is_blank(v) for v in cells))
        if answered or (formulas and any(formulas.get(cell_name(r, c)) is False for c in positions)):
            kept.append(r)
            table.append(cells)
    respondents = len(kept)
    for first, copy, length in repeated_blocks(table):
        a, b = kept[first] + 1, kept[first + length - 1] + 1
        c, d = kept[copy] + 1, kept[copy + length - 1] + 1
        rd.add(
            "warning",
            "repeated-rows",
            f"แถว {c}-{d} มีคำตอบเหมือนแถว {a}-{b} ทุกช่องและเรียงตามลำดับเดียวกัน ({length} คน อาจวางข้อมูลซ้ำสองครั้ง); "
            "คะแนนนับผู้ตอบเหล่านี้สองครั้ง ให้ลบแถวที่ซ้ำ ถ้าเป็นผู้ตอบคนละคนจริงไม่ต้องแก้",
            f"rows {c}-{d} repeat rows {a}-{b} answer for answer, in the same order ({length} respondents pasted "
            "twice?); the scores count them twice: delete the copy, or leave it if they really are other respondents",
            f"{sheet}!{cell_name(kept[copy], 0)}",
        )
    # Column by column: each answer is one dictionary look-up of its exact label (a dropdown choice).
    columns: dict[str, list[int | None]] = {}
    misses: list[tuple[int, int, str, int]] = []  # (row, column, code, index) of cells that need a closer look
    for (code, c), cells in zip(order, zip(*table, strict=True) if table else [()] * len(order), strict=True):
        picked = list(map(exact[code].get, cells))
        columns[code] = picked
        i = -1
        while True:  # list.index finds the few unanswered cells at C speed
            try:
                i = picked.index(None, i + 1)
            except ValueError:
                break
            if formulas or not is_blank(cells[i]):
                misses.append((kept[i], c, code, i))
    # Typed labels, bad answers and formulas, in reading order (row by row) as the findings list them.
    for r, c, code, i in sorted(misses):
        value = rows[r][c] if c < len(rows[r]) else None
        if formulas:
            value = rd.cell_value(sheet, rows, r, c)
        if not is_blank(value):
            columns[code][i] = survey_answer(rd, sheet, r, c, code, value, labels[code], fw, statements)
    if respondents == 0:
        return None
    return SurveyData(tool, respondents, columns)


MIN_BLOCK = 3  # consecutive respondents; three varied rows repeated in order do not happen by chance


def repeated_blocks(table: list[tuple[Any, ...]]) -> list[tuple[int, int, int]]:
    """Return (first, copy, length) for each run of at least MIN_BLOCK rows that a later run repeats row for row.

    A run of identical rows (everyone chose the best answer throughout) is not a copy: a block must hold two
    different rows.
    """
    seen: dict[tuple[Any, ...], int] = {}
    found: list[tuple[int, int, int]] = []
    i = 0
    while i + MIN_BLOCK <= len(table):
        key = tuple(table[i : i + MIN_BLOCK])
        if len(set(key)) > 1:
            j = seen.get(key)
            if j is not None and j + MIN_BLOCK <= i:
                length = MIN_BLOCK
                while i + length < len(table) and j + length < i and table[i + length] == table[j + length]:
                    length += 1
                found.append((j, i, length))
                i += length
                continue
            seen.setdefault(key, i)
        i += 1
    return found


def survey_answer(
    rd: WorkbookReader,
    sheet: str,
    r: int,
    c: int,
    code: str,
    value: Any,
    labels: dict[str, int],
    fw: Framework,
    statements: dict[str, Any],
) -> int | None:
    """Return the answer index of a typed label (spaces ignored); report anything else as an error."""
    if rd.error_value(sheet, r, c, value):
        return None
    text = clean_text(value)
    answer = labels.get(label_key(text))
    if answer is None:
        expected = ", ".join(fw.scales[statements[code].scale].labels)
        rd.add(
            "error",
            "bad-answer",
            f"{shown(text)} ไม่ใช่คำตอบของข้อนี้ ({code}); ต้องเป็น {expected}",
            f"{shown(text)} is not an answer of this item ({code}); expected one of {expected}",
            f"{sheet}!{cell_name(r, c)}",
        )
    return answer


def _guess_code(key: str, candidates: list[str]) -> str | None:
    """Return the code ``key`` was probably meant to be ("il" -> "i1", "i4,1" -> "i4.1"), if any is close."""
    import difflib

    if not key or not candidates:
        return None
    fixed = key[0] + key[1:].translate(_CONFUSABLE)
    if fixed in candidates:
        return fixed
    close = difflib.get_close_matches(fixed, candidates, n=1, cutoff=0.75)
    return close[0] if close else None
