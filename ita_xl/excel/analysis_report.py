"""The พัฒนาการ, จุดแข็ง-จุดอ่อน and มาตรการ sheets: what the report will say, as tables over the score cells."""

from __future__ import annotations

from ita_xl.excel.analysis_book import FINDINGS, MEASURES, STRENGTH, TREND, WEAKNESS, Book
from ita_xl.excel.xlsx_style import cell, freeze_header, setup_sheet, wrapped_height
from ita_xl.result import DOWN, SAME, UP

ACTION_WIDTH = 70
MEASURE_WIDTHS = [7, 14, 36, 16, 60, 18, 30, 20, 24]


def write_trend(book: Book, charts: bool) -> None:
    """Write พัฒนาการ: each year's total, the signed difference and direction (arrows), and a line chart."""
    ws = book.sheets[TREND]
    st = book.st
    fw = book.fw
    res = book.result
    year = res.office.year or fw.year
    places = fw.rounding.places
    book.text(ws, 0, 0, "พัฒนาการของผลการประเมินย้อนหลัง", st.title)
    book.text(ws, 1, 0, "ผลต่าง = คะแนนปีนั้นลบคะแนนปีก่อนหน้า; ลูกศรขึ้นเมื่อเพิ่มขึ้น ลงเมื่อลดลง", st.note)
    heads = ("ปีงบประมาณ", "คะแนนรวม", "ผลต่างจากปีก่อน", "ทิศทาง", "ระดับ", "เกณฑ์ผ่าน")
    for col, head in enumerate(heads):
        book.text(ws, 3, col, head, st.header)
    row = 4
    for i, trend in enumerate(res.history):
        ws.write_number(row, 0, trend.year, st.td_int)
        if trend.year == year and res.total is not None:
            source = book.refs["total"]
        else:
            source = f"ROUND({book.refs[f'history:{trend.year}']},{places})"
        book.formula(ws, row, 1, source, trend.total, st.td_num_bold)
        if i == 0 or trend.difference is None:
            book.missing(ws, row, 2)
            book.missing(ws, row, 3)
        else:
            diff = cell(row, 2)
            book.formula(ws, row, 2, f"{cell(row, 1)}-{cell(row - 1, 1)}", trend.difference, st.td_num)
            direction = f'IF({diff}>0,"{UP}",IF({diff}<0,"{DOWN}","{SAME}"))'
            book.formula(ws, row, 3, direction, trend.direction, st.td_center)
        rounded = f"ROUND({cell(row, 1)},{places})"
        grade = f"LOOKUP({rounded},{book.ranges['band_min']},{book.ranges['band_code']})"
        book.formula(ws, row, 4, grade, fw.grade(trend.total).code, st.td_center)
        book.formula(ws, row, 5, book.refs["pass_mark"], fw.pass_mark, st.td_num)
        row += 1
    last = row - 1
    if res.history:
        arrows = {
            "type": "icon_set",
            "icon_style": "3_arrows",
            "icons": [
                {"criteria": ">=", "type": "number", "value": 0.005},
                {"criteria": ">", "type": "number", "value": -0.005},
            ],
        }
        ws.conditional_format(4, 2, last, 2, arrows)
        ws.conditional_format(4, 3, last, 3, {"type": "cell", "criteria": "==", "value": f'"{DOWN}"', "format": st.red})
        ws.conditional_format(4, 3, last, 3, {"type": "cell", "criteria": "==", "value": f'"{UP}"', "format": st.green})
        for i, band in enumerate(fw.grades):
            rule = {"type": "cell", "criteria": "==", "value": f'"{band.code}"', "format": st.band(i)}
            ws.conditional_format(4, 4, last, 4, rule)
    setup_sheet(ws, [14, 12, 16, 12, 9, 11], landscape=False)
    ws.set_row(3, 24)
    if charts and len(res.history) > 1:
        chart = book.wb.add_chart({"type": "line"})
        cats = f"='{TREND}'!{cell(4, 0, True)}:{cell(last, 0, True)}"
        chart.add_series(
            {
                "name": "คะแนนรวม",
                "categories": cats,
                "values": f"='{TREND}'!{cell(4, 1, True)}:{cell(last, 1, True)}",
                "marker": {"type": "circle", "size": 7},
                "line": {"color": "#2E75B6", "width": 2.5},
                "data_labels": {"value": True, "num_format": "0.00", "position": "above"},
            }
        )
        chart.add_series(
            {
                "name": f"เกณฑ์ผ่าน {fw.pass_mark}",
                "categories": cats,
                "values": f"='{TREND}'!{cell(4, 5, True)}:{cell(last, 5, True)}",
                "line": {"color": "#C00000", "width": 1.5, "dash_type": "dash"},
            }
        )
        chart.set_title({"name": "คะแนนรวมย้อนหลัง", "name_font": {"name": "Tahoma", "size": 12}})
        chart.set_y_axis({"num_format": "0", "max": 100})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 640, "height": 340})
        ws.insert_chart(row + 1, 0, chart)


def units(book: Book) -> list[str]:
    """Return the units judged strength or weakness, in framework order (sub-indicators where all are known)."""
    res = book.result
    judged = set(res.strengths) | set(res.weaknesses)
    out = []
    for code, ind in book.fw.indicators.items():
        for unit in (*ind.subindicators, code):
            if unit in judged:
                out.append(unit)
    return out


def write_findings(book: Book) -> None:
    """Write จุดแข็ง-จุดอ่อน: every indicator or sub-indicator judged, and the items below the threshold."""
    ws = book.sheets[FINDINGS]
    st = book.st
    fw = book.fw
    res = book.result
    book.text(ws, 0, 0, "จุดแข็งและจุดอ่อน", st.title)
    note = f"จุดแข็ง: คะแนนตั้งแต่ {fw.strength_threshold}; จุดอ่อน: ต่ำกว่านั้น (เปลี่ยนเกณฑ์ได้ที่ชีต เกณฑ์)"
    book.text(ws, 1, 0, note, st.note)
    heads = ("ตัวชี้วัด", "ชื่อ", "คะแนน", "ผลการวิเคราะห์", "สิ่งที่ควรดำเนินการ")
    for col, head in enumerate(heads):
        book.text(ws, 3, col, head, st.header)
    row = 4
    for unit in units(book):
        ls = res.level(unit)
        if ls is None:
            continue
        node = fw.subindicators.get(unit) or fw.indicators[unit]
        book.text(ws, row, 0, unit, st.td_center)
        book.text(ws, row, 1, node.name, st.td_wrap)
        book.formula(ws, row, 2, book.refs[unit], ls.value, st.td_num)
        book.strength_cell(ws, row, 3, cell(row, 2), ls)
        action = "รักษามาตรฐานและต่อยอดการดำเนินงาน" if ls.strength else node.action
        book.text(ws, row, 4, action, st.td_wrap)
        ws.set_row(row, wrapped_height([(node.name, 34), (action, ACTION_WIDTH)]))
        row += 1
    if row > 4:
        for word, fmt in ((WEAKNESS, st.red), (STRENGTH, st.green)):
            ws.conditional_format(
                4, 3, row - 1, 3, {"type": "cell", "criteria": "==", "value": f'"{word}"', "format": fmt}
            )

    row += 1
    book.text(ws, row, 0, "ข้อที่ได้คะแนนต่ำกว่าเกณฑ์จุดแข็ง", st.subtitle)
    row += 1
    for col, head in enumerate(("ข้อ", "รายการ", "คะแนน", "ตัวชี้วัด", f"รหัสปี {fw.next_year or fw.year + 1}")):
        book.text(ws, row, col, head, st.header)
    first = row + 1
    for code in res.weak_items:
        row += 1
        item = fw.items[code]
        book.text(ws, row, 0, code, st.td_center)
        book.text(ws, row, 1, item.title, st.td_wrap)
        book.formula(ws, row, 2, book.refs[code], res.items[code].value, st.td_num)
        book.text(ws, row, 3, item.subindicator or item.indicator, st.td_center)
        book.text(ws, row, 4, fw.next_year_items.get(code, ""), st.td_center)
    if row >= first:
        rule = {"type": "cell", "criteria": "<", "value": float(fw.strength_threshold), "format": st.red}
        ws.conditional_format(first, 2, row, 2, rule)
    setup_sheet(ws, [10, 34, 10, 14, ACTION_WIDTH])
    ws.set_row(3, 24)


def write_measures(book: Book) -> None:
    """Write มาตรการ: the office's measures, or drafted ones marked as drafts."""
    from ita_xl.measures import measures_for

    ws = book.sheets[MEASURES]
    st = book.st
    measures = measures_for(book.result)
    book.text(ws, 0, 0, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", st.title)
    if any(m.draft for m in measures):
        book.text(ws, 1, 0, "มาตรการที่มีคำว่า ร่าง จัดทำจากผลการประเมินโดยอัตโนมัติ ควรทบทวนและปรับแก้ก่อนนำไปใช้", st.note)
    heads = ("ลำดับ", "ประเภท", "ประเด็น", "ตัวชี้วัด/ข้อ", "ขั้นตอนการดำเนินการ", "ระยะเวลา", "เป้าหมาย", "ผู้รับผิดชอบ", "หมายเหตุ")
    for col, head in enumerate(heads):
        book.text(ws, 3, col, head, st.header)
    row = 4
    for i, m in enumerate(measures, start=1):
        ws.write_number(row, 0, i, st.td_int)
        kind = STRENGTH if m.kind == "strength" else WEAKNESS
        book.text(ws, row, 1, f"{kind} (ร่าง)" if m.draft else kind, st.td_center)
        values = (m.addresses, ", ".join(m.codes), m.steps, m.deadline, m.target, m.responsible, m.note)
        for col, value in enumerate(values, start=2):
            book.text(ws, row, col, value, st.td_wrap)
        ws.set_row(row, wrapped_height([(v, MEASURE_WIDTHS[c]) for c, v in enumerate(values, start=2)]))
        row += 1
    if not measures:
        book.text(ws, row, 0, "ไม่มีมาตรการ", st.note)
    if row > 4:
        rule = {"type": "text", "criteria": "begins with", "value": WEAKNESS, "format": st.red}
        ws.conditional_format(4, 1, row - 1, 1, rule)
    setup_sheet(ws, MEASURE_WIDTHS)
    freeze_header(ws, 4)
