"""The rating label of FY2567+ in the analysis workbook: a live formula over the total and the three tool cells."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from ita_xl.excel.analysis_book import Book
from ita_xl.excel.xlsx_style import cell


def rating_formula(book: Book, total_cell: str, tool_cells: dict[str, str]) -> str:
    """Return nested IFs: the first level (highest first) whose minimum total and minimum per tool are reached."""
    fw = book.fw
    rounded = {code: book.rounded(ref, book.result.tools[code]) for code, ref in tool_cells.items()}
    formula = book.refs[f"level:{len(fw.levels) - 1}:label"]
    for n in range(len(fw.levels) - 2, -1, -1):
        tests = [f"{total_cell}>={book.refs[f'level:{n}:total']}"]
        if fw.levels[n].min_tool is not None:
            tests += [f"{shown}>={book.refs[f'level:{n}:tool']}" for shown in rounded.values()]
        formula = f"IF(AND({','.join(tests)}),{book.refs[f'level:{n}:label']},{formula})"
    return formula


def write_rating(book: Book, ws: Worksheet, row: int, total_row: int, tool_rows: dict[str, int]) -> int:
    """Write the rating row below the total when the method has rating levels; return the last row used."""
    rating = book.result.rating
    if not book.fw.levels or rating is None or any(code not in book.result.tools for code in tool_rows):
        return row
    st = book.st
    row += 1
    book.text(ws, row, 0, "ระดับ", st.td_bold)
    book.text(ws, row, 1, "ระดับผลการประเมิน (Rating: คะแนนรวมและทุกเครื่องมือต้องถึงเกณฑ์)", st.td_bold)
    tools = {code: cell(r, 2) for code, r in tool_rows.items()}
    book.formula(ws, row, 2, rating_formula(book, cell(total_row, 2), tools), rating.label, st.td_center)
    book.refs["rating"] = f"'{ws.name}'!{cell(row, 2, True)}"
    if rating.shortfalls:
        held = ", ".join(f"{s.tool} {s.score:.2f} ต่ำกว่า {s.needed:g}" for s in rating.shortfalls)
        book.text(ws, row, 3, f"ไม่ได้ระดับ {rating.next_label} เพราะ {held}", st.td)
    return row
