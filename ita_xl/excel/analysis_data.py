"""The input copied into the analysis workbook: office, method rules, raw answers, OIT checklist, scores, history."""

from __future__ import annotations

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from ita_xl.excel.analysis_book import (
    ANSWERS,
    GIVEN,
    HISTORY,
    INFO,
    OIT_DATA,
    RULES,
    Book,
    given_key,
)
from ita_xl.excel.bulk_rows import BulkSheet
from ita_xl.excel.xlsx_style import clean, fit_width, freeze_header, is_wide, print_pages, ref, setup_sheet
from ita_xl.thai import thai_date

LEVEL_NAMES = {"total": "คะแนนรวม", "tool": "เครื่องมือ", "indicator": "ตัวชี้วัด", "subindicator": "ตัวชี้วัดย่อย", "item": "ข้อ"}


def write_info(book: Book) -> None:
    """Write the office sheet: who, which year, the national comparison as entered and a roll-up's group."""
    ws = book.sheets[INFO]
    st = book.st
    o = book.data.office
    rows: list[tuple[str, str, object]] = [
        ("name", "ชื่อหน่วยงาน", o.name),
        ("office_code", "รหัสหน่วยงาน (ITAS)", o.office_code),
        ("parent", "สังกัด", o.parent),
        ("ministry", "กระทรวง", o.ministry),
        ("head_name", "ผู้บริหาร", o.head_name),
        ("head_title", "ตำแหน่ง", o.head_title),
        ("year", "ปีงบประมาณที่ประเมิน", o.year),
        ("measures_year", "ปีงบประมาณของมาตรการ", o.measures_year),
        ("report_date", "วันที่รายงาน", thai_date(o.report_date, False) if o.report_date else None),
        ("analysis_unit", "หน่วยที่วิเคราะห์", o.analysis_unit),
        ("national_mean", "ค่าเฉลี่ยระดับประเทศ", o.national_mean),
        ("rank", "อันดับระดับประเทศ", o.rank),
        ("rank_of", "จากจำนวนหน่วยงานทั่วประเทศ", o.rank_of),
        ("source", "ไฟล์ข้อมูล", book.data.source),
    ]
    g = book.result.group
    if g is not None:  # from build --rollup: the group rolled up, beside (never instead of) the national figures
        rows += [
            ("group_name", "กลุ่มที่สรุปผล (ita-xl rollup)", g.name),
            ("group_mean", "ค่าเฉลี่ยของกลุ่ม", g.mean),
            ("group_rank", "อันดับในกลุ่ม", g.rank),
            ("group_rank_of", "จากจำนวนหน่วยงานในกลุ่ม", g.rank_of),
        ]
    book.text(ws, 0, 0, "ข้อมูลหน่วยงาน (คัดลอกจากไฟล์ข้อมูล)", st.subtitle)
    book.text(ws, 1, 0, "หัวข้อ", st.header)
    book.text(ws, 1, 1, "ค่า", st.header)
    for i, (key, label, value) in enumerate(rows, start=2):
        book.text(ws, i, 0, label, st.td_bold)
        if value is None or value == "":
            ws.write_blank(i, 1, None, st.td)
        elif isinstance(value, str):
            book.text(ws, i, 1, value)
        else:
            ws.write_number(i, 1, float(str(value)), st.td_num if key in ("national_mean", "group_mean") else st.td)
        book.refs[f"office:{key}"] = ref(INFO, i, 1)
    setup_sheet(ws, [28, fit_width([str(v) for _, _, v in rows if v is not None], 20, 80)], landscape=False)


def write_rules(book: Book) -> None:
    """Write the method's numbers the formulas use: pass mark, threshold, weights, grade bands, answer points."""
    ws = book.sheets[RULES]
    st = book.st
    fw = book.fw
    book.text(ws, 0, 0, f"เกณฑ์การประเมิน ปีงบประมาณ {fw.year} (จากไฟล์เกณฑ์ แก้ไขได้ สูตรทุกช่องคำนวณใหม่ตาม)", st.subtitle)
    row = 2
    settings: list[tuple[str, str, object]] = [
        ("pass_mark", "คะแนนผ่าน", fw.pass_mark),
        ("strength", "เกณฑ์จุดแข็ง (ตั้งแต่)", fw.strength_threshold),
    ]
    settings += [(f"weight:{t.code}", f"น้ำหนัก {t.code} (ร้อยละ)", t.weight) for t in fw.tools.values()]
    for key, label, value in settings:
        book.text(ws, row, 0, label, st.td_bold)
        ws.write_number(row, 1, float(str(value)), st.td_num)
        book.refs[key] = ref(RULES, row, 1)
        row += 1

    row += 1
    book.text(ws, row, 0, "ระดับผลการประเมิน (เรียงจากต่ำไปสูงเพื่อใช้กับ LOOKUP)", st.label)
    row += 1
    for col, head in enumerate(("ระดับ", "ความหมาย", "คะแนนตั้งแต่", "ผ่าน")):
        book.text(ws, row, col, head, st.header)
    first = row + 1
    for band in reversed(fw.grades):
        row += 1
        book.text(ws, row, 0, band.code, st.td_center)
        book.text(ws, row, 1, band.label)
        ws.write_number(row, 2, float(band.min), st.td_num)
        book.text(ws, row, 3, "ผ่าน" if band.passed else "ไม่ผ่าน", st.td_center)
    for key, col in (("band_code", 0), ("band_label", 1), ("band_min", 2)):
        book.ranges[key] = (
            f"'{RULES}'!{xl_rowcol_to_cell(first, col, True, True)}:{xl_rowcol_to_cell(row, col, True, True)}"
        )

    row = _levels(book, ws, row)
    row += 2
    book.text(ws, row, 0, "คะแนนของแต่ละคำตอบ (ข้อที่กลับด้าน: คะแนนสูงสุด + ต่ำสุด - คะแนนปกติ)", st.label)
    widths = [fit_width([label for _, label, _ in settings] + ["ระดับผลการประเมิน"], 18, 40), 16, 16, 16, 24]
    for name, scale in fw.scales.items():
        row += 1
        book.text(ws, row, 0, f"มาตรวัด {name}: คำตอบ", st.header)
        for k, answer in enumerate(scale.answers):
            book.text(ws, row, 1 + k, answer.label, st.header)
            book.refs[f"label:{name}:{k}"] = ref(RULES, row, 1 + k)
            widths[min(1 + k, len(widths) - 1)] = max(widths[min(1 + k, len(widths) - 1)], fit_width([answer.label]))
        row += 1
        book.text(ws, row, 0, "คะแนนปกติ", st.td_bold)
        for k, answer in enumerate(scale.answers):
            ws.write_number(row, 1 + k, float(answer.points), st.td_num)
        normal = row
        row += 1
        book.text(ws, row, 0, "คะแนนข้อกลับด้าน", st.td_bold)
        last = len(scale.answers)
        whole = f"{xl_rowcol_to_cell(normal, 1, True, True)}:{xl_rowcol_to_cell(normal, last, True, True)}"
        for k in range(last):
            value = scale.points(k, True)
            book.formula(ws, row, 1 + k, f"MAX({whole})+MIN({whole})-{xl_rowcol_to_cell(normal, 1 + k)}", value)
        for key, r in (("normal", normal), ("reverse", row)):
            book.ranges[f"points:{name}:{key}"] = (
                f"'{RULES}'!{xl_rowcol_to_cell(r, 1, True, True)}:{xl_rowcol_to_cell(r, last, True, True)}"
            )
        row += 1
    setup_sheet(ws, widths, landscape=False)


def _levels(book: Book, ws: Worksheet, row: int) -> int:
    """Write the rating levels (FY2567+), highest first: label, minimum total, minimum on every tool."""
    st = book.st
    if not book.fw.levels:
        return row
    row += 2
    book.text(ws, row, 0, "ระดับผลการประเมิน (Rating) เรียงจากสูงไปต่ำ: ได้ระดับแรกที่คะแนนรวมและทุกเครื่องมือถึงเกณฑ์", st.label)
    row += 1
    for col, head in enumerate(("ระดับ", "คะแนนรวมตั้งแต่", "ทุกเครื่องมือตั้งแต่", "ผ่าน")):
        book.text(ws, row, col, head, st.header)
    for n, level in enumerate(book.fw.levels):
        row += 1
        book.text(ws, row, 0, level.label, st.td_center)
        ws.write_number(row, 1, float(level.min_total), st.td_num)
        ws.write_number(row, 2, float(level.min_tool or 0), st.td_num)
        book.text(ws, row, 3, "ผ่าน" if level.passed else "ไม่ผ่าน", st.td_center)
        for key, col in (("label", 0), ("total", 1), ("tool", 2)):
            book.refs[f"level:{n}:{key}"] = ref(RULES, row, col)
    return row


def write_answers(book: Book) -> None:
    """Write each survey's raw answers as their labels, one row per respondent, one column per statement."""
    fw = book.fw
    st = book.st
    for tool, survey in book.data.surveys.items():
        ws = book.sheets[ANSWERS.format(tool=tool)]
        statements = fw.statements(tool)
        n = survey.respondents
        book.text(ws, 0, 0, "ผู้ตอบ", st.header)
        for col, s in enumerate(statements, start=1):
            book.text(ws, 0, col, s.code, st.header)
        bulk = BulkSheet(index=book.wb.worksheets().index(ws), first_row=1, rows=n)
        for col, s in enumerate(statements, start=1):
            labels = [clean(label) for label in fw.scales[s.scale].labels]
            lookup: dict[int | None, str | None] = dict(enumerate(labels))
            column = survey.columns.get(s.code, [])[:n]
            bulk.columns.append(list(map(lookup.get, column)))
            last = max(n, 1)
            book.ranges[f"answers:{s.code}"] = (
                f"'{ws.name}'!{xl_rowcol_to_cell(1, col, True, True)}:{xl_rowcol_to_cell(last, col, True, True)}"
            )
        book.bulk.append(bulk)
        book.ranges[f"respondents:{tool}"] = (
            f"'{ws.name}'!{xl_rowcol_to_cell(1, 0, True, True)}:{xl_rowcol_to_cell(max(n, 1), 0, True, True)}"
        )
        freeze_header(ws, 1, 1)
        ws.set_column(0, 0, 7)
        ws.set_column(1, len(statements), 12)
        widths = [7, *[12] * len(statements)]
        print_pages(ws, is_wide(widths), repeat_rows=1, width=sum(widths))


def write_oit_data(book: Book) -> None:
    """Write the OIT checklist as entered: every item of the framework, published or not, with its evidence."""
    ws = book.sheets[OIT_DATA]
    st = book.st
    fw = book.fw
    for col, head in enumerate(("ข้อ", "รายการ", "เผยแพร่", "หลักฐาน (ลิงก์)", "หมายเหตุ")):
        book.text(ws, 0, col, head, st.header)
    oit = book.data.oit
    items = fw.tool_items("OIT")
    for r, item in enumerate(items, start=1):
        entry = oit.get(item.code)
        labels = fw.scales[item.scale].labels
        book.text(ws, r, 0, item.code, st.td_center)
        book.text(ws, r, 1, item.title)
        if entry is None or entry.published is None:
            ws.write_blank(r, 2, None, st.td_center)
        else:
            book.text(ws, r, 2, labels[0] if entry.published else labels[-1], st.td_center)
        book.text(ws, r, 3, entry.url if entry else "")
        book.text(ws, r, 4, entry.note if entry else "")
        book.refs[f"oit:{item.code}"] = ref(OIT_DATA, r, 2)
    urls = [e.url for e in oit.values()]
    setup_sheet(ws, [7, fit_width([i.title for i in items], 20, 70), 10, fit_width(urls, 20, 60), 30])
    freeze_header(ws, 1)


def _given_level(book: Book, code: str) -> tuple[str, str]:
    fw = book.fw
    if code == "total":
        return "total", "คะแนนรวม"
    if code in fw.tools:
        return "tool", fw.tools[code].name
    if code in fw.indicators:
        return "indicator", fw.indicators[code].name
    if code in fw.subindicators:
        return "subindicator", fw.subindicators[code].name
    if code in fw.items:
        return "item", fw.items[code].title
    return "", ""


def write_given(book: Book) -> None:
    """Write the official scores the office entered; the score sheets point at these cells."""
    ws = book.sheets[GIVEN]
    st = book.st
    for col, head in enumerate(("รหัส", "ระดับ", "ชื่อ", "คะแนนที่กรอก")):
        book.text(ws, 0, col, head, st.header)
    names = []
    for r, (key, value) in enumerate(book.data.given.items(), start=1):
        code = given_key(key)
        level, name = _given_level(book, code)
        names.append(name)
        book.text(ws, r, 0, code, st.td_center)
        book.text(ws, r, 1, LEVEL_NAMES.get(level, ""))
        book.text(ws, r, 2, name)
        ws.write_number(r, 3, float(value), st.td_num)
        book.refs[f"given:{code}"] = ref(GIVEN, r, 3)
    setup_sheet(ws, [8, 14, fit_width(names, 20, 60), 14], landscape=False)
    freeze_header(ws, 1)


def write_history(book: Book) -> None:
    """Write past years' totals (and indicator scores when entered) as the office entered them."""
    ws = book.sheets[HISTORY]
    st = book.st
    entries = book.data.history
    codes = sorted({c for e in entries for c in e.indicators}, key=lambda c: (len(c), c))
    heads = ["ปีงบประมาณ", "คะแนนรวม", *[f"ตัวชี้วัด {c}" for c in codes], "ระดับ (ตามเกณฑ์ของปีนั้น)"]
    for col, head in enumerate(heads):
        book.text(ws, 0, col, head, st.header)
    levels = {t.year: t.level for t in book.result.history}  # each year by its own method: AA-F or its rating label
    for r, entry in enumerate(entries, start=1):
        ws.write_number(r, 0, entry.year, st.td_int)
        ws.write_number(r, 1, float(entry.total), st.td_num)
        for col, c in enumerate(codes, start=2):
            if c in entry.indicators:
                ws.write_number(r, col, float(entry.indicators[c]), st.td_num)
        level = levels.get(entry.year, "")
        level = f"{level[:-1]} ขึ้นไป" if level.endswith("+") else level  # told by the total alone
        book.text(ws, r, len(heads) - 1, level, st.td_center)
        # The last entry of a year wins, as in the scoring engine.
        book.refs[f"history:{entry.year}"] = ref(HISTORY, r, 1)
    setup_sheet(ws, [14, 14, *[14] * len(codes), 22], landscape=len(codes) > 4)
    freeze_header(ws, 1)
