"""The ติดตามมาตรการ sheet: each measure's progress coloured by status, and live counts per status below."""

from __future__ import annotations

from decimal import Decimal

from ita_xl.excel.analysis_book import Book
from ita_xl.excel.xlsx_style import cell, setup_sheet, wrapped_height
from ita_xl.progress import NOT_RECORDED, STATUS_LABELS, STATUSES, percent_of, status_of, summarise
from ita_xl.thai import thai_date

PROGRESS = "ติดตามมาตรการ"
NOT_RECORDED_LABEL = "ยังไม่ได้รายงานผล"
LABELS = {**STATUS_LABELS, NOT_RECORDED: NOT_RECORDED_LABEL}
FILLS = {  # status -> (fill, text)
    "done": ("#C6EFCE", "#006100"),
    "in_progress": ("#FFEB9C", "#9C5700"),
    "not_started": ("#FFC7CE", "#9C0006"),
    NOT_RECORDED: ("#EDEDED", "#595959"),
}
HEADS = (
    "ลำดับ",
    "มาตรการ",
    "ผู้รับผิดชอบ",
    "ผลการดำเนินงาน",
    "สถานะ",
    "ร้อยละความสำเร็จ",
    "วันที่รายงานผล",
    "ลิงก์หลักฐาน",
    "ปัญหา/อุปสรรค",
    "ข้อเสนอแนะ",
)
WIDTHS = [7, 40, 20, 44, 20, 12, 16, 30, 30, 30]
STATUS_COL, PERCENT_COL = 4, 5
FIRST = 4  # first data row (0-based)


def write_progress(book: Book) -> None:
    """Write ติดตามมาตรการ for the office's own measures: a row each, then counts and the mean percent as formulas.

    A percent the office typed is a number; one it left blank is a formula over the status (100 when done, 0 when
    not started), so a status changed in this sheet moves the figures below.
    """
    from ita_xl.measures import measures_year

    ws = book.sheets[PROGRESS]
    st = book.st
    measures = book.result.measures
    book.text(ws, 0, 0, f"ติดตามผลการดำเนินการตามมาตรการ ปีงบประมาณ พ.ศ. {measures_year(book.result)}", st.title)
    note = "จากคอลัมน์ติดตามผลของชีตมาตรการในแฟ้มข้อมูล; ร้อยละที่เว้นว่างคิดจากสถานะ (แล้วเสร็จ 100, ยังไม่ดำเนินการ 0)"
    book.text(ws, 1, 0, note, st.note)
    for col, head in enumerate(HEADS):
        book.text(ws, 3, col, head, st.header)
    row = FIRST
    for n, m in enumerate(measures, start=1):
        pr = m.progress
        status = status_of(pr)
        ws.write_number(row, 0, n, st.td_int)
        texts = {1: m.addresses, 2: m.responsible, 3: pr.result, 7: pr.evidence, 8: pr.problems, 9: pr.suggestions}
        for col, value in texts.items():
            book.text(ws, row, col, value, st.td_wrap)
        book.text(ws, row, STATUS_COL, LABELS[status], st.td_center)
        status_cell = cell(row, STATUS_COL)
        if pr.percent is not None:
            ws.write_number(row, PERCENT_COL, float(pr.percent), st.td_num)
        else:
            done, not_started = STATUS_LABELS["done"], STATUS_LABELS["not_started"]
            implied = f'IF({status_cell}="{done}",100,IF({status_cell}="{not_started}",0,""))'
            book.formula(ws, row, PERCENT_COL, implied, percent_of(pr), st.td_num)
        book.text(ws, row, 6, thai_date(pr.date, False) if pr.date else "", st.td_center)
        ws.set_row(row, wrapped_height([(str(v), WIDTHS[c]) for c, v in texts.items()]))
        row += 1
    last = row - 1
    if measures:
        _status_formats(book, last)
        ws.conditional_format(FIRST, PERCENT_COL, last, PERCENT_COL, {"type": "data_bar", "bar_color": "#63BE7B"})
    _summary(book, row + 1, last)
    setup_sheet(ws, WIDTHS)
    ws.freeze_panes(FIRST, 0)


def _status_formats(book: Book, last: int) -> None:
    ws = book.sheets[PROGRESS]
    for status, (fill, text) in FILLS.items():
        fmt = book.wb.add_format({"bg_color": fill, "font_color": text})
        rule = {"type": "cell", "criteria": "==", "value": f'"{LABELS[status]}"', "format": fmt}
        ws.conditional_format(FIRST, STATUS_COL, last, STATUS_COL, rule)


def _summary(book: Book, top: int, last: int) -> None:
    """Write the counts per status, their shares and the mean percent, as formulas over the rows above."""
    ws = book.sheets[PROGRESS]
    st = book.st
    s = summarise(book.result.measures)
    statuses = [*STATUSES, NOT_RECORDED]
    book.text(ws, top, 1, "สรุปสถานะการดำเนินการ", st.subtitle)
    for col, head in enumerate(("สถานะ", "จำนวน (มาตรการ)", "ร้อยละของมาตรการทั้งหมด"), start=1):
        book.text(ws, top + 1, col, head, st.header)
    has_rows = last >= FIRST
    status_range = f"{cell(FIRST, STATUS_COL, True)}:{cell(max(last, FIRST), STATUS_COL, True)}"
    percent_range = f"{cell(FIRST, PERCENT_COL, True)}:{cell(max(last, FIRST), PERCENT_COL, True)}"
    total_cell = cell(top + 2 + len(statuses), 2)
    row = top + 2
    for status in statuses:
        book.text(ws, row, 1, LABELS[status], st.td)
        count = f'COUNTIF({status_range},"{LABELS[status]}")' if has_rows else "0"
        book.formula(ws, row, 2, count, s.counts[status], st.td_int)
        share = Decimal(s.counts[status]) / s.total if s.total else Decimal(0)  # exact, as Excel computes it
        book.formula(ws, row, 3, f"IF({total_cell}=0,0,{cell(row, 2)}/{total_cell})", share, st.td_pct)
        row += 1
    book.text(ws, row, 1, "รวม", st.td_bold)
    book.formula(ws, row, 2, f"SUM({cell(top + 2, 2)}:{cell(row - 1, 2)})", s.total, st.td_int)
    book.formula(ws, row, 3, f"IF({total_cell}=0,0,1)", 1 if s.total else 0, st.td_pct)
    row += 1
    book.text(ws, row, 1, "ร้อยละความสำเร็จเฉลี่ย", st.td_bold)
    mean = f'IF(COUNT({percent_range})=0,"",AVERAGE({percent_range}))' if has_rows else '""'
    known = [p for m in book.result.measures if (p := percent_of(m.progress)) is not None]
    exact = sum(known, Decimal(0)) / len(known) if known else None
    book.formula(ws, row, 2, mean, exact, st.td_num_bold)
