"""Write the parent agency's roll-up workbook: ranking, indicators by office, summary and charts."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from ita_xl.decimals import quantize
from ita_xl.excel.xlsx_style import (
    FONT,
    PAGE_HEADER,
    ROW_HEIGHT,
    WORKBOOK_OPTIONS,
    clean,
    freeze_header,
    print_pages,
)
from ita_xl.rollup import MEAN_LABEL, RANK_HEADERS, RANK_SHEET, Rollup
from ita_xl.rollup_feed import KEY_HEADERS, KEY_SHEET
from ita_xl.rollup_inputs import OUTPUT_PROPERTY

GRADES = ("AA", "A", "B", "C", "D", "E", "F")
TOOLS = ("IIT", "EIT", "OIT")


# Chart titles in a face every Windows has with Thai, as in the analysis workbook's charts.
CHART_TITLE_FONT = {"name": "Tahoma", "size": 12}
CHART_AXIS_FONT = {"name": "Tahoma", "size": 10}


def _page(ws: Worksheet, landscape: bool, covers: str = "") -> None:
    """Give ``ws`` rows tall enough for Thai text and an A4 print setup, naming what the roll-up covers on top."""
    ws.set_default_row(ROW_HEIGHT)
    print_pages(ws, landscape)
    if covers:  # every printed page says which group and year its figures are of
        ws.set_header(f'{PAGE_HEADER}&R&"{FONT},Regular"&12{covers.replace("&", "&&")}', {"margin": 0.3})


def write_rollup_workbook(rollup: Rollup, path: Path, charts: bool = True) -> None:
    """Write ``rollup`` to ``path`` (.xlsx). Every derived cell is a formula with its value cached."""
    wb = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    year = rollup.year
    group = rollup.group_name
    covers = f"{clean(group)} ปีงบประมาณ {year}" if year else clean(group)
    wb.set_properties({"title": f"ITA roll-up {year or ''}".strip(), "subject": group, "comments": "ita-xl"})
    wb.set_custom_property(OUTPUT_PROPERTY, "rollup")  # a later roll-up of the same folder skips this file
    head = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"})
    num = wb.add_format({"num_format": "0.00", "border": 1})
    text = wb.add_format({"border": 1})
    good = wb.add_format({"bg_color": "#C6EFCE", "font_color": "#006100"})
    ok = wb.add_format({"bg_color": "#E2EFDA"})
    bad = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
    bold = wb.add_format({"bold": True})
    offices = rollup.offices
    n = len(offices)
    last = n  # last data row (0-based), data rows 1..n

    ws = wb.add_worksheet(RANK_SHEET)
    _page(ws, landscape=True, covers=covers)
    freeze_header(ws, 1, 2)
    for c, h in enumerate(RANK_HEADERS):
        ws.write_string(0, c, h, head)
    ws.set_column(0, 0, 7)
    ws.set_column(1, 1, 55)
    ws.set_column(2, 7, 11)
    ws.set_column(8, 8, 40)
    ws.set_column(9, 9, 16)
    total_range = f"$C$2:$C${n + 1}"
    for r, o in enumerate(offices, 1):
        ws.write_formula(r, 0, f"=RANK(C{r + 1},{total_range},0)", text, o.rank)
        ws.write_string(r, 1, clean(o.name), text)
        ws.write_number(r, 2, float(o.total), num)
        ws.write_string(r, 3, o.grade, text)
        ws.write_string(r, 4, "ผ่าน" if o.passed else "ไม่ผ่าน", text)
        for c, tool in enumerate(TOOLS, 5):
            if tool in o.tools:
                ws.write_number(r, c, float(o.tools[tool]), num)
        # the file's name only: the folders it came from (C:\Users\...) do not belong in a published ranking
        ws.write_string(r, 8, clean(PureWindowsPath(o.source).name), text)
        ws.write_string(r, 9, clean(o.code), text)
    mean_total = rollup.mean_total
    if n:
        ws.write_string(last + 2, 1, MEAN_LABEL, bold)
        ws.write_formula(last + 2, 2, f"=AVERAGE(C2:C{n + 1})", num, float(quantize(mean_total)) if mean_total else 0)
        ws.conditional_format(1, 2, last, 2, {"type": "cell", "criteria": ">=", "value": 95, "format": good})
        ws.conditional_format(
            1, 2, last, 2, {"type": "cell", "criteria": "between", "minimum": 85, "maximum": 94.999, "format": ok}
        )
        ws.conditional_format(1, 2, last, 2, {"type": "cell", "criteria": "<", "value": 85, "format": bad})
        ws.conditional_format(
            1, 4, last, 4, {"type": "text", "criteria": "containing", "value": "ไม่ผ่าน", "format": bad}
        )

    codes = list(rollup.indicator_means()) or [str(i) for i in range(1, 11)]
    wi = wb.add_worksheet("รายตัวชี้วัด")
    _page(wi, landscape=True, covers=covers)
    freeze_header(wi, 1, 2)
    wi.write_string(0, 0, "ลำดับ", head)
    wi.write_string(0, 1, "หน่วยงาน", head)
    for c, code in enumerate(codes, 2):
        wi.write_string(0, c, f"ตัวชี้วัดที่ {code} {rollup.indicator_names.get(code, '')}".strip(), head)
    wi.set_row(0, 60)
    wi.set_column(0, 0, 7)
    wi.set_column(1, 1, 50)
    wi.set_column(2, 1 + len(codes), 12)
    for r, o in enumerate(offices, 1):
        wi.write_number(r, 0, o.rank, text)
        wi.write_string(r, 1, clean(o.name), text)
        for c, code in enumerate(codes, 2):
            if code in o.indicators:
                wi.write_number(r, c, float(o.indicators[code]), num)
    if n:
        last_col = 1 + len(codes)
        wi.conditional_format(1, 2, last, last_col, {"type": "cell", "criteria": "<", "value": 85, "format": bad})
        wi.conditional_format(
            1,
            2,
            last,
            last_col,
            {
                "type": "3_color_scale",
                "min_type": "num",
                "min_value": 50,
                "mid_type": "num",
                "mid_value": 85,
                "max_type": "num",
                "max_value": 100,
                "min_color": "#F8696B",
                "mid_color": "#FFEB84",
                "max_color": "#63BE7B",
            },
        )
        wi.write_string(last + 2, 1, MEAN_LABEL, bold)
        means = rollup.indicator_means()
        for c, code in enumerate(codes, 2):
            col = xl_col_to_name(c)
            wi.write_formula(
                last + 2, c, f"=AVERAGE({col}2:{col}{n + 1})", num, float(quantize(means[code])) if code in means else 0
            )

    ss = wb.add_worksheet("สรุป")
    _page(ss, landscape=False, covers=covers)  # tall: the tables, the charts beside them
    ss.set_column(0, 0, 45)
    ss.set_column(1, 2, 14)
    title = "สรุปผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงานในสังกัด"
    if year:
        title += f" ปีงบประมาณ พ.ศ. {year}"
    ss.write_string(0, 0, title, wb.add_format({"bold": True, "font_size": 14}))
    ss.write_string(1, 0, f"กลุ่มหน่วยงานที่สรุป: {clean(group)}", bold)
    ss.write_string(2, 0, "จำนวนหน่วยงาน", text)
    ss.write_formula(2, 1, f"=COUNT('{RANK_SHEET}'!C2:C{n + 1})", text, n)
    ss.write_string(3, 0, f"{MEAN_LABEL} ({clean(group)})", text)
    ss.write_formula(
        3,
        1,
        f"=AVERAGE('{RANK_SHEET}'!C2:C{n + 1})" if n else "=0",
        num,
        float(quantize(mean_total)) if mean_total else 0,
    )
    passed = sum(1 for o in offices if o.passed)
    ss.write_string(4, 0, "ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป)", text)
    ss.write_formula(4, 1, f"=COUNTIF('{RANK_SHEET}'!E2:E{n + 1},\"ผ่าน\")", text, passed)
    ss.write_string(6, 0, "ระดับผลการประเมิน", head)
    ss.write_string(6, 1, "จำนวนหน่วยงาน", head)
    counts = rollup.grade_counts()
    for r, g in enumerate(GRADES, 7):
        ss.write_string(r, 0, g, text)
        ss.write_formula(r, 1, f"=COUNTIF('{RANK_SHEET}'!D2:D{n + 1},A{r + 1})", text, counts.get(g, 0))
    top = 7 + len(GRADES) + 1
    ss.write_string(top, 0, "ตัวชี้วัด", head)
    ss.write_string(top, 1, "ค่าเฉลี่ย", head)
    means = rollup.indicator_means()
    for r, code in enumerate(codes, top + 1):
        ss.write_string(r, 0, f"{code} {rollup.indicator_names.get(code, '')}".strip(), text)
        col = xl_col_to_name(codes.index(code) + 2)
        ss.write_formula(
            r,
            1,
            f"=AVERAGE('รายตัวชี้วัด'!{col}2:{col}{n + 1})" if n else "=0",
            num,
            float(quantize(means[code])) if code in means else 0,
        )
    wrow = top + 1 + len(codes) + 1
    ss.write_string(wrow, 0, "ตัวชี้วัดที่ค่าเฉลี่ยต่ำสุด", head)
    ss.write_string(wrow, 1, "ค่าเฉลี่ย", head)
    for r, (code, value) in enumerate(rollup.weakest(), wrow + 1):
        ss.write_string(r, 0, f"{code} {rollup.indicator_names.get(code, '')}".strip(), text)
        ss.write_number(r, 1, float(quantize(value)), num)
    frow = wrow + 5
    listed = [("ไฟล์ที่อ่านไม่ได้", n) for n in rollup.failed] + [("ไฟล์ที่ข้าม", n) for n in rollup.skipped]
    if listed:
        ss.write_string(frow, 0, "ไฟล์ที่ไม่ได้นำมาสรุป", head)
        ss.write_string(frow, 1, "สาเหตุ", head)
        for r, (kind, notice) in enumerate(listed, frow + 1):
            ss.write_string(r, 0, clean(notice.source), text)
            ss.write_string(r, 1, clean(f"{kind}: {notice.th}"), text)
    if charts and n:
        grade_chart = wb.add_chart({"type": "column"})
        grade_chart.add_series(
            {
                "name": "จำนวนหน่วยงาน",
                "categories": ["สรุป", 7, 0, 6 + len(GRADES), 0],
                "values": ["สรุป", 7, 1, 6 + len(GRADES), 1],
                "fill": {"color": "#4472C4"},
            }
        )
        grade_chart.set_title({"name": "จำนวนหน่วยงานตามระดับผลการประเมิน", "name_font": CHART_TITLE_FONT})
        grade_chart.set_x_axis({"name": "ระดับผลการประเมิน", "name_font": CHART_AXIS_FONT})
        # Whole offices on the axis: steps of 1 for a few, about five steps for many.
        step = max(1, -(-max(counts.values(), default=1) // 5))
        grade_chart.set_y_axis({"name": "จำนวนหน่วยงาน", "name_font": CHART_AXIS_FONT, "min": 0, "major_unit": step})
        grade_chart.set_legend({"none": True})
        ss.insert_chart(xl_rowcol_to_cell(2, 4), grade_chart)
        ind_chart = wb.add_chart({"type": "column"})
        ind_chart.add_series(
            {
                "name": "ค่าเฉลี่ย",
                "categories": ["สรุป", top + 1, 0, top + len(codes), 0],
                "values": ["สรุป", top + 1, 1, top + len(codes), 1],
                "fill": {"color": "#70AD47"},
            }
        )
        ind_chart.set_title({"name": "ค่าเฉลี่ยรายตัวชี้วัดของกลุ่ม", "name_font": CHART_TITLE_FONT})
        ind_chart.set_x_axis({"name": "ตัวชี้วัด", "name_font": CHART_AXIS_FONT})
        ind_chart.set_y_axis({"min": 0, "max": 100})
        ind_chart.set_legend({"none": True})
        ss.insert_chart(xl_rowcol_to_cell(18, 4), ind_chart)
    _keys(wb, rollup)
    wb.close()


def _keys(wb: xlsxwriter.Workbook, rollup: Rollup) -> None:
    """Write the hidden sheet that says what the roll-up covers and which file each office came from."""
    ks = wb.add_worksheet(KEY_SHEET)
    ks.write_string(0, 0, "group")
    ks.write_string(0, 1, clean(rollup.group_name))
    ks.write_string(1, 0, "year")
    if rollup.year:
        ks.write_number(1, 1, rollup.year)
    for c, h in enumerate(KEY_HEADERS):
        ks.write_string(3, c, h)
    for r, o in enumerate(rollup.offices, 4):
        ks.write_number(r, 0, o.rank)
        for c, value in enumerate((o.name, o.source, o.code, o.digest), 1):
            ks.write_string(r, c, clean(value))
    ks.hide()
