"""The รายตัวชี้วัด and สรุปผล sheets: indicators, sub-indicators, tools and the total, with their charts."""

from __future__ import annotations

from typing import Any

from xlsxwriter.worksheet import Worksheet

from ita_xl.decimals import float_snap_places
from ita_xl.excel.analysis_book import (
    FAIL,
    INDICATORS,
    SUMMARY,
    WEAKNESS,
    Book,
    span,
)
from ita_xl.excel.analysis_rating import write_rating
from ita_xl.excel.xlsx_style import ROW_HEIGHT, cell, clean, fit_width, setup_sheet, text_width
from ita_xl.scoring import WEIGHTED_EXTRA


def highlight(
    book: Book, ws: Worksheet, rows: tuple[int, int], score: int | None, grade: int | None, flags: list[int]
) -> None:
    """Add the reading aids: band fills on grades, a numeric colour scale on scores, red for ไม่ผ่าน/จุดอ่อน."""
    st = book.st
    r1, r2 = rows
    if score is not None:
        scale = {
            "type": "3_color_scale",
            "min_type": "num",
            "min_value": 50,
            "min_color": "#F8696B",
            "mid_type": "num",
            "mid_value": float(book.fw.pass_mark),
            "mid_color": "#FFEB84",
            "max_type": "num",
            "max_value": 100,
            "max_color": "#63BE7B",
        }
        ws.conditional_format(r1, score, r2, score, scale)
    if grade is not None:
        for i, band in enumerate(book.fw.grades):
            rule = {"type": "cell", "criteria": "==", "value": f'"{band.code}"', "format": st.band(i)}
            ws.conditional_format(r1, grade, r2, grade, rule)
    for col in flags:
        for word in (FAIL, WEAKNESS):
            rule = {"type": "cell", "criteria": "==", "value": f'"{word}"', "format": st.red}
            ws.conditional_format(r1, col, r2, col, rule)


def write_indicators(book: Book, charts: bool) -> None:
    """Write รายตัวชี้วัด: the ten indicators and the sub-indicators with grade, pass and strength; the bar chart."""
    ws = book.sheets[INDICATORS]
    st = book.st
    fw = book.fw
    res = book.result
    heads = ("ตัวชี้วัด", "ชื่อตัวชี้วัด", "เครื่องมือ", "คะแนน", "ระดับ", "ผล", "จุดแข็ง/จุดอ่อน", "เกณฑ์ผ่าน")
    inds = [code for t in fw.tools.values() for code in t.indicators]
    subs = list(fw.subindicators)
    ind_row = {code: 4 + i for i, code in enumerate(inds)}
    sub_head = 4 + len(inds) + 2
    sub_row = {code: sub_head + 1 + i for i, code in enumerate(subs)}
    book.text(ws, 0, 0, f"คะแนนรายตัวชี้วัด ปีงบประมาณ {res.office.year or fw.year}", st.title)
    note = f"คะแนนตั้งแต่ {fw.strength_threshold} เป็นจุดแข็ง ต่ำกว่านั้นเป็นจุดอ่อน; ผ่านเมื่อได้ตั้งแต่ {fw.pass_mark}"
    book.text(ws, 1, 0, note, st.note)
    for head_row in (3, sub_head):
        for col, head in enumerate(heads):
            book.text(ws, head_row, col, head, st.header)
    book.text(ws, sub_head - 1, 0, "ตัวชี้วัดย่อย", st.subtitle)
    whole = {u for u in (*res.strengths, *res.weaknesses)}

    for code in inds:
        ind = fw.indicators[code]
        row = ind_row[code]
        if ind.subindicators:
            computed: str | None = f"AVERAGE({span(INDICATORS, 3, [sub_row[s] for s in ind.subindicators])})"
            computed = computed.replace(f"'{INDICATORS}'!", "") if computed else None
        elif f"items_of:{code}" in book.ranges:
            computed = f"AVERAGE({book.ranges[f'items_of:{code}']})"
        elif all(i in res.items for i in ind.items):
            computed = f"AVERAGE({','.join(book.refs[i] for i in ind.items)})"
        else:
            computed = None
        _level_row(book, ws, row, code, ind.name, ind.tool, computed, unit=code in whole)
        book.refs[code] = f"'{INDICATORS}'!{cell(row, 3, True)}"
        book.rows[code] = row
    for code in subs:
        sub = fw.subindicators[code]
        row = sub_row[code]
        _level_row(book, ws, row, code, sub.name, fw.indicators[sub.indicator].tool, book.refs[f"oit_sub:{code}"], True)
        book.refs[code] = f"'{INDICATORS}'!{cell(row, 3, True)}"
    last = sub_head + len(subs)
    for r1, r2 in ((4, 3 + len(inds)), (sub_head + 1, last)):
        highlight(book, ws, (r1, r2), 3, 4, [5, 6])
    setup_sheet(
        ws,
        [
            9,
            fit_width([fw.indicators[c].name for c in inds] + [fw.subindicators[c].name for c in subs], 24, 50),
            9,
            10,
            8,
            9,
            14,
            10,
        ],
    )
    ws.set_row(3, 24)
    if charts and inds:
        chart = book.wb.add_chart({"type": "column"})
        cats = f"='{INDICATORS}'!{cell(4, 0, True)}:{cell(3 + len(inds), 0, True)}"
        vals = f"='{INDICATORS}'!{cell(4, 3, True)}:{cell(3 + len(inds), 3, True)}"
        chart.add_series(
            {
                "name": "คะแนน",
                "categories": cats,
                "values": vals,
                "fill": {"color": "#2E75B6"},
                "data_labels": {"value": True, "num_format": "0.00"},
            }
        )
        line = book.wb.add_chart({"type": "line"})
        passing = f"='{INDICATORS}'!{cell(4, 7, True)}:{cell(3 + len(inds), 7, True)}"
        line.add_series(
            {
                "name": f"เกณฑ์ผ่าน {fw.pass_mark}",
                "categories": cats,
                "values": passing,
                "line": {"color": "#C00000", "width": 2, "dash_type": "dash"},
            }
        )
        chart.combine(line)
        chart.set_title({"name": "คะแนนรายตัวชี้วัด", "name_font": {"name": "Tahoma", "size": 12}})
        chart.set_x_axis({"name": "ตัวชี้วัด", "name_font": {"name": "Tahoma", "size": 10}})
        chart.set_y_axis({"min": 0, "max": 100, "major_unit": 20, "num_format": "0"})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 720, "height": 360})
        ws.insert_chart(last + 2, 0, chart)


def _level_row(
    book: Book, ws: Worksheet, row: int, code: str, name: str, tool: str, computed: str | None, unit: bool
) -> None:
    """Write one indicator or sub-indicator row; ``unit`` says whether it is judged strength/weakness itself."""
    st = book.st
    book.text(ws, row, 0, code, st.td_center)
    book.text(ws, row, 1, name)
    book.text(ws, row, 2, tool, st.td_center)
    ls = book.result.level(code)
    formula = book.score_formula(code, computed)
    score = cell(row, 3)
    if ls is None or formula is None:
        for col in (3, 4, 5, 6):
            book.missing(ws, row, col)
    else:
        book.formula(ws, row, 3, formula, ls.value, st.td_num_bold)
        book.grade_cells(ws, row, 4, score, ls, label=False)
        if unit:
            book.strength_cell(ws, row, 6, score, ls)
        else:
            book.text(ws, row, 6, "ดูตัวชี้วัดย่อย", st.td_center)
    book.formula(ws, row, 7, book.refs["pass_mark"], book.fw.pass_mark, st.td_num)


def write_summary(book: Book) -> None:
    """Write สรุปผล: office and year, tools with weights and weighted points, total, grade, national, legend."""
    ws = book.sheets[SUMMARY]
    st = book.st
    fw = book.fw
    res = book.result
    o = res.office
    year = o.year or fw.year
    book.text(ws, 0, 0, f"สรุปผลการประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ {year}", st.title)
    book.text(ws, 1, 0, o.name or "(ไม่ได้ระบุชื่อหน่วยงาน)", st.subtitle)
    if o.parent:
        book.text(ws, 2, 0, f"สังกัด {o.parent}", st.text)
    heads = ("เครื่องมือ", "ชื่อเครื่องมือ", "คะแนน", "น้ำหนัก (ร้อยละ)", "คะแนนถ่วงน้ำหนัก", "ระดับ", "ความหมาย", "ผล")
    for col, head in enumerate(heads):
        book.text(ws, 4, col, head, st.header)
    row = 5
    first = row
    for code, tool in fw.tools.items():
        ls = res.tools.get(code)
        book.text(ws, row, 0, code, st.td_center)
        book.text(ws, row, 1, tool.name)
        book.formula(ws, row, 3, book.refs[f"weight:{code}"], tool.weight, st.td_num)
        rows = [book.rows[i] for i in tool.indicators]
        computed = f"AVERAGE({span(INDICATORS, 3, rows)})"
        formula = book.score_formula(code, computed)
        score = cell(row, 2)
        if ls is None or formula is None:
            for col in (2, 4, 5, 6, 7):
                book.missing(ws, row, col)
        else:
            book.formula(ws, row, 2, formula, ls.value, st.td_num_bold)
            extra = fw.rounding.places + WEIGHTED_EXTRA
            book.formula(ws, row, 4, f"ROUND({score}*{cell(row, 3)}/100,{extra})", ls.weighted, st.td_num4)
            book.grade_cells(ws, row, 5, score, ls, label=True)
        book.refs[code] = f"'{SUMMARY}'!{cell(row, 2, True)}"
        row += 1
    last = row - 1
    total = res.total
    book.text(ws, row, 0, "รวม", st.td_bold)
    book.text(ws, row, 1, "คะแนนรวม (ถ่วงน้ำหนัก)", st.td_bold)
    book.formula(
        ws, row, 3, f"SUM({cell(first, 3)}:{cell(last, 3)})", sum(t.weight for t in fw.tools.values()), st.td_num
    )
    contributions = [t.weighted for t in res.tools.values() if t.weighted is not None]
    if total is not None and len(contributions) == len(fw.tools):
        # the contributions' sum, before the total's rounding: the reader sees 93.7730 become 93.77
        book.formula(ws, row, 4, f"SUM({cell(first, 4)}:{cell(last, 4)})", sum(contributions), st.td_num4)
    else:
        ws.write_blank(row, 4, None, st.td)
    places = fw.rounding.places
    fn = "TRUNC" if fw.rounding.total == "truncate" else "ROUND"
    weighted = f"SUMPRODUCT({cell(first, 2)}:{cell(last, 2)},{cell(first, 3)}:{cell(last, 3)})/100"
    snap = float_snap_places(total.value, places, fw.rounding.total) if total else 9
    inner = book.refs["given:total"] if total and total.given else f"ROUND({weighted},{snap})"
    if total is None:
        for col in (2, 5, 6, 7):
            book.missing(ws, row, col)
    else:
        book.formula(ws, row, 2, f"{fn}({inner},{places})", total.shown, st.big_num)
        book.grade_cells(ws, row, 5, cell(row, 2), total, label=True)
        rule = "ตัดทศนิยม" if fn == "TRUNC" else "ปัดเศษ"
        ws.write_comment(
            cell(row, 2),
            f"คะแนนรวม = ผลรวมของ (คะแนน × น้ำหนัก) ÷ 100 แล้ว{rule}เหลือ {places} ตำแหน่งตามเกณฑ์ "
            f"(คะแนนถ่วงน้ำหนักแสดงทศนิยม {places + WEIGHTED_EXTRA} ตำแหน่ง จึงรวมกันได้เท่ากับคะแนนรวมก่อน{rule}) "
            f"(ROUND(...,{snap}) ภายในตัดเศษเล็กมากที่เกิดจากการคำนวณเลขทศนิยมของคอมพิวเตอร์เท่านั้น "
            "เช่น 84.99999999999999 ที่ควรเป็น 85 พอดี)",
            {"x_scale": 2, "y_scale": 1.5},
        )
    book.refs["total"] = f"'{SUMMARY}'!{cell(row, 2, True)}"
    highlight(book, ws, (first, row), 2, 5, [7])
    ws.set_row(row, 34)
    row = write_rating(book, ws, row, row, {code: first + n for n, code in enumerate(fw.tools)})

    row += 2
    row = _national(book, ws, row)
    row = _legend(book, ws, row + 1)
    _notes(book, ws, row + 1)
    setup_sheet(ws, [12, fit_width([t.name for t in fw.tools.values()], 30, 50), 12, 11, 12, 9, 14, 10])
    ws.set_row(4, 42)


def _national(book: Book, ws: Worksheet, row: int) -> int:
    """Write the national figures the office entered, then a roll-up's group (never called national)."""
    nat = book.result.national
    if nat is not None:
        title = "เทียบกับหน่วยงานทั้งประเทศ (ตามที่กรอกในแบบบันทึก)"
        row = _compare(book, ws, row, title, "ระดับประเทศ", ("national_mean", "rank"), nat.mean, nat.difference)
        row = _rank(book, ws, row, "อันดับระดับประเทศ", "office:rank", nat.rank, nat.rank_of)
    g = book.result.group
    if g is not None:
        row += 1 if nat is not None else 0
        title = f"เทียบกับ{g.name} (จากการสรุปผลหลายหน่วยงาน ไม่ใช่ระดับประเทศ)"
        row = _compare(book, ws, row, title, "ของกลุ่ม", ("group_mean", "group_rank"), g.mean, g.difference)
        row = _rank(book, ws, row, "อันดับในกลุ่ม", "office:group_rank", g.rank, g.rank_of)
    return row


def _compare(
    book: Book, ws: Worksheet, row: int, title: str, whose: str, keys: tuple[str, str], mean: Any, difference: Any
) -> int:
    """Write a heading, the mean (a formula on the office sheet) and the office's difference from it."""
    st = book.st
    book.text(ws, row, 0, title, st.subtitle)
    row += 1
    if mean is None:
        return row
    ws.merge_range(row, 0, row, 1, "", st.td_bold)
    book.text(ws, row, 0, f"ค่าเฉลี่ย{whose}", st.td_bold)
    book.formula(ws, row, 2, book.refs[f"office:{keys[0]}"], mean, st.td_num)
    mean_cell = cell(row, 2)
    row += 1
    if difference is not None:
        ws.merge_range(row, 0, row, 1, "", st.td_bold)
        book.text(ws, row, 0, f"ผลต่างจากค่าเฉลี่ย{whose} (+ สูงกว่า / - ต่ำกว่า)", st.td_bold)
        total = book.refs["total"].split("!")[1]
        formula = f"{total}-ROUND({mean_cell},{book.fw.rounding.places})"
        book.formula(ws, row, 2, formula, difference, st.td_num)
        rule = {"type": "cell", "criteria": "<", "value": 0, "format": st.red_text}
        ws.conditional_format(row, 2, row, 2, rule)
        row += 1
    return row


def _rank(book: Book, ws: Worksheet, row: int, label: str, ref_key: str, rank: Any, rank_of: Any) -> int:
    """Write the office's rank (a formula on the office sheet) and out of how many."""
    if rank is None:
        return row
    st = book.st
    ws.merge_range(row, 0, row, 1, "", st.td_bold)
    book.text(ws, row, 0, label, st.td_bold)
    book.formula(ws, row, 2, book.refs[ref_key], rank, st.td_int)
    if rank_of is not None:
        book.text(ws, row, 3, f"จาก {rank_of}", st.td)
    return row + 1


def _legend(book: Book, ws: Worksheet, row: int) -> int:
    st = book.st
    fw = book.fw
    book.text(ws, row, 0, "เกณฑ์ระดับผลการประเมิน", st.subtitle)
    row += 1
    for col, head in enumerate(("ระดับ", "ความหมาย", "ช่วงคะแนน", "ผล")):
        book.text(ws, row, col, head, st.header)
    upper = 100.0
    for i, band in enumerate(fw.grades):
        row += 1
        book.text(ws, row, 0, band.code, st.td_center)
        book.text(ws, row, 1, band.label)
        book.text(ws, row, 2, f"{float(band.min):.2f} - {upper:.2f}", st.td_center)
        book.text(ws, row, 3, "ผ่าน" if band.passed else "ไม่ผ่าน", st.td_center)
        ws.conditional_format(row, 0, row, 0, {"type": "no_errors", "format": st.band(i)})
        upper = float(band.min) - 0.01
    return row + 1


def _notes(book: Book, ws: Worksheet, row: int) -> None:
    st = book.st
    findings = book.result.findings
    if not findings:
        return
    book.text(ws, row, 0, "ข้อสังเกตเกี่ยวกับข้อมูล", st.subtitle)
    for f in findings:
        row += 1
        mark = "ข้อผิดพลาด" if f.severity == "error" else "ข้อสังเกต"
        book.text(ws, row, 0, mark, st.text)
        message = clean(f.message("th"))
        ws.merge_range(row, 1, row, 7, message, st.wrap)
        ws.set_row(row, ROW_HEIGHT * (1 + int(text_width(message) // 95)))
