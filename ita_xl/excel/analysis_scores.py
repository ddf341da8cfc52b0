"""The score sheets of the analysis workbook: รายข้อ, OIT, รายตัวชี้วัด and สรุปผล, every score a live formula."""

from __future__ import annotations

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from ita_xl.excel.analysis_book import (
    ITEMS,
    OIT,
    Book,
    span,
)
from ita_xl.excel.xlsx_style import cell, fit_width, freeze_header, ref, setup_sheet
from ita_xl.model import Item


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_items(book: Book) -> None:
    """Write รายข้อ: each survey statement's answer counts, shares and score, and each item's score."""
    ws = book.sheets[ITEMS]
    st = book.st
    fw = book.fw
    tools = [t for t in fw.tools if t in book.data.surveys]
    scales = {fw.scales[s.scale].name for t in tools for s in fw.statements(t)}
    width = max(len(fw.scales[s].answers) for s in scales)
    positions = []
    for k in range(width):
        seen = [fw.scales[s].answers[k].label for s in sorted(scales) if k < len(fw.scales[s].answers)]
        positions.append(" / ".join(dict.fromkeys(seen)))
    c_n, c_count, c_share = 4, 5, 5 + width
    c_score, c_item = c_share + width, c_share + width + 1
    heads = ["ข้อ", "ข้อคำถาม", "ตัวชี้วัด", "กลับด้าน", "ผู้ตอบ"]
    heads += positions + positions
    heads += ["คะแนนข้อย่อย", "คะแนนข้อ"]

    book.text(ws, 0, 0, "คะแนนรายข้อ จากคำตอบของผู้ตอบแต่ละคน", st.title)
    book.text(ws, 1, 0, "จำนวนคำตอบนับจากชีตคำตอบด้วย COUNTIF; คะแนน = ผลรวม (จำนวน × คะแนนของคำตอบ) ÷ ผู้ตอบ", st.note)
    row = 3
    item_cells: list[str] = []
    titles: list[str] = []
    for tool in tools:
        survey = book.data.surveys[tool]
        book.text(ws, row, 0, f"{tool} {fw.tools[tool].name}", st.subtitle)
        book.text(ws, row, 2, "ผู้ตอบทั้งหมด (คน)", st.label)
        book.formula(ws, row, c_n, f"COUNT({book.ranges[f'respondents:{tool}']})", survey.respondents, st.td_int)
        ws.merge_range(row, c_count, row, c_count + width - 1, "จำนวนผู้ตอบแต่ละคำตอบ", st.header)
        ws.merge_range(row, c_share, row, c_share + width - 1, "สัดส่วนของแต่ละคำตอบ", st.header)
        row += 1
        ws.set_row(row, 42)
        for col, head in enumerate(heads):
            book.text(ws, row, col, head, st.header)
        row += 1
        for ind_code in fw.tools[tool].indicators:
            item_rows: list[int] = []
            for code in fw.indicators[ind_code].items:
                item = fw.items[code]
                item_rows.append(row)
                titles.append(item.title)
                row = _item_rows(book, ws, item, row, (c_n, c_count, c_share, c_score, c_item), width)
                item_cells.append(cell(item_rows[-1], c_item))
            book.ranges[f"items_of:{ind_code}"] = span(ITEMS, c_item, item_rows)
        row += 1
    bar = {"type": "data_bar", "min_type": "num", "min_value": 0, "max_type": "num", "max_value": 100}
    ws.conditional_format(5, c_score, row, c_score, {**bar, "bar_solid": True})
    # The lowest five items, and every item below the pass mark, stand out in red.
    ws.conditional_format(5, c_item, row, c_item, {"type": "bottom", "value": 5, "format": st.red})
    below = {"type": "cell", "criteria": "<", "value": float(fw.pass_mark), "format": st.red_text}
    ws.conditional_format(5, c_item, row, c_item, below)
    ws.conditional_format(5, c_item, row, c_item, {**bar, "bar_color": "#5B9BD5"})
    widths = [7, fit_width(titles, 24, 60), 9, 9, 8, *[11] * (2 * width), 12, 12]
    setup_sheet(ws, widths)
    freeze_header(ws, 5, 2)


def _item_rows(book: Book, ws: Worksheet, item: Item, row: int, cols: tuple[int, ...], width: int) -> int:
    """Write one item (and its sub-statements) from ``row``; return the next free row."""
    st = book.st
    fw = book.fw
    res = book.result
    c_n, c_count, c_share, c_score, c_item = cols
    single = len(item.statements) == 1 and item.statements[0].code == item.code
    item_row = row
    book.text(ws, row, 0, item.code, st.td_bold)
    book.text(ws, row, 1, item.title, st.td_bold if not single else st.td)
    book.text(ws, row, 2, item.indicator, st.td_center)
    for c in range(3, c_item):
        ws.write_blank(row, c, None, st.td)
    if not single:
        row += 1
    first = row
    for s in item.statements:
        stats = res.statements.get(s.code)
        scale = fw.scales[s.scale]
        if not single:
            book.text(ws, row, 0, s.code, st.td)
            book.text(ws, row, 1, "   " + s.title)
            ws.write_blank(row, 2, None, st.td)
            ws.write_blank(row, c_item, None, st.td)
        book.text(ws, row, 3, "กลับด้าน" if s.reverse else "", st.td_center)
        counts_first, counts_last = cell(row, c_count), cell(row, c_count + len(scale.answers) - 1)
        book.formula(ws, row, c_n, f"SUM({counts_first}:{counts_last})", stats.answered if stats else 0, st.td_int)
        answers = book.ranges[f"answers:{s.code}"]
        n_cell = cell(row, c_n)
        n_abs = xl_rowcol_to_cell(row, c_n, col_abs=True)
        for k in range(width):
            if k >= len(scale.answers):
                ws.write_blank(row, c_count + k, None, st.td)
                ws.write_blank(row, c_share + k, None, st.td)
                continue
            count = stats.counts[k] if stats else 0
            book.formula(
                ws, row, c_count + k, f"COUNTIF({answers},{book.refs[f'label:{scale.name}:{k}']})", count, st.td_int
            )
            share = count / stats.answered if stats and stats.answered else 0
            book.formula(ws, row, c_share + k, f"IF({n_abs}=0,0,{cell(row, c_count + k)}/{n_abs})", share, st.td_pct)
        points = book.ranges[f"points:{scale.name}:{'reverse' if s.reverse else 'normal'}"]
        score = stats.score if stats else None
        book.formula(
            ws,
            row,
            c_score,
            f'IF({n_cell}=0,"",SUMPRODUCT({counts_first}:{counts_last},{points})/{n_cell})',
            score,
            st.td_num,
        )
        row += 1
    last = row - 1
    ls = res.items.get(item.code)
    scores = f"{cell(first, c_score)}:{cell(last, c_score)}" if last > first else cell(first, c_score)
    formula = book.score_formula(item.code, f"AVERAGE({scores})")
    if ls is None or formula is None:
        book.missing(ws, item_row, c_item)
    else:
        book.formula(ws, item_row, c_item, formula, ls.value, st.td_num_bold)
    book.refs[item.code] = ref(ITEMS, item_row, c_item)
    return row


def write_oit(book: Book) -> None:
    """Write OIT: the checklist by sub-indicator, published or missing, evidence, item and sub-indicator scores."""
    ws = book.sheets[OIT]
    st = book.st
    fw = book.fw
    res = book.result
    has_data = bool(book.data.oit)
    book.text(ws, 0, 0, "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)", st.title)
    book.text(ws, 1, 0, "ข้อที่เผยแพร่ได้คะแนนเต็ม ข้อที่ไม่เผยแพร่หรือไม่ได้ระบุได้ 0 คะแนน (สีแดง)", st.note)
    heads = ("ข้อ", "รายการ", "ตัวชี้วัดย่อย", "เผยแพร่", "หลักฐาน (ลิงก์)", "คะแนน")
    row = 3
    for col, head in enumerate(heads):
        book.text(ws, row, col, head, st.header)
    row += 1
    first_row = row
    titles: list[str] = []
    urls: list[str] = []
    units = list(fw.subindicators.values())
    for sub in units:
        sub_row = row
        book.text(ws, row, 0, sub.code, st.td_bold)
        book.text(ws, row, 1, f"ตัวชี้วัดย่อยที่ {sub.code} {sub.name}", st.td_bold)
        for c in (2, 3, 4):
            ws.write_blank(row, c, None, st.td)
        row += 1
        rows = []
        for code in sub.items:
            item = fw.items[code]
            labels = fw.scales[item.scale].labels
            titles.append(item.title)
            entry = book.data.oit.get(code)
            book.text(ws, row, 0, code, st.td_center)
            book.text(ws, row, 1, "   " + item.title)
            book.text(ws, row, 2, sub.code, st.td_center)
            ls = res.items.get(code)
            status = cell(row, 3)
            if has_data:
                published = bool(entry and entry.published)
                yes, no = _quote(labels[0]), _quote(labels[-1])
                label = labels[0] if published else labels[-1]
                book.formula(ws, row, 3, f"IF({book.refs[f'oit:{code}']}={yes},{yes},{no})", label, st.td_center)
            else:
                book.text(ws, row, 3, "-", st.td_center)
            url = entry.url if entry else ""
            urls.append(url)
            book.text(ws, row, 4, url)
            scale = fw.scales[item.scale]
            yes_points = scale.points(0, item.reverse)
            no_points = scale.points(len(scale.answers) - 1, item.reverse)
            computed = f"IF({status}={_quote(labels[0])},{yes_points},{no_points})" if has_data else None
            formula = book.score_formula(code, computed)
            if ls is None or formula is None:
                book.missing(ws, row, 5)
            else:
                book.formula(ws, row, 5, formula, ls.value, st.td_num)
            book.refs[code] = ref(OIT, row, 5)
            rows.append(row)
            row += 1
        ls = res.subindicators.get(sub.code)
        local = span(OIT, 5, rows).replace(f"'{OIT}'!", "")
        formula = book.score_formula(sub.code, f"AVERAGE({local})" if rows else None)
        if ls is None or formula is None:
            book.missing(ws, sub_row, 5)
        else:
            book.formula(ws, sub_row, 5, formula, ls.value, st.td_num_bold)
        book.refs[f"oit_sub:{sub.code}"] = ref(OIT, sub_row, 5)
    # A missing item (scored below full marks) is red across its row; sub-indicators below the threshold too.
    full = max(a.points for a in fw.scales[fw.tool_items("OIT")[0].scale].answers) if fw.tool_items("OIT") else 100
    top = first_row + 1
    missing = {"type": "formula", "criteria": f'=AND($C{top}<>"",ISNUMBER($F{top}),$F{top}<{full})', "format": st.red}
    ws.conditional_format(first_row, 0, row - 1, 5, missing)
    weak = {"type": "cell", "criteria": "<", "value": float(fw.strength_threshold), "format": st.red_text}
    ws.conditional_format(first_row, 5, row - 1, 5, weak)
    setup_sheet(ws, [7, fit_width(titles, 30, 70) + 3, 12, 10, fit_width(urls, 18, 50), 10])
    freeze_header(ws, 4)
