"""Fast path for large plain data sheets: their rows are written as sheet XML after xlsxwriter has closed.

xlsxwriter spends ~8 µs a cell; the copied answers of an office with 5,000 respondents are ~100,000 cells. Here each
row is one f-string of inline-string cells, spliced into the sheet's ``<sheetData>`` in the finished file.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from xlsxwriter.utility import xl_col_to_name


@dataclass
class BulkSheet:
    """Rows to splice after the header of one worksheet: column 0 numbers the row, then one text per column."""

    index: int  # position of the worksheet in the workbook (0-based): xl/worksheets/sheet{index+1}.xml
    first_row: int  # 0-based row of the first data row
    columns: list[list[str | None]] = field(default_factory=list)  # per column, per row: text or None
    rows: int = 0
    number_style: int = 0  # the xf index of the respondent-number cells (0 = default)


def _rows_xml(bulk: BulkSheet) -> str:
    letters = [xl_col_to_name(c + 1) for c in range(len(bulk.columns))]
    cells_by_col = []
    for letter, column in zip(letters, bulk.columns, strict=True):
        # Pre-build each distinct cell text once per column: answers repeat a handful of labels.
        cache: dict[str, str] = {}
        col_cells = []
        for value in column:
            if value is None:
                col_cells.append("")
                continue
            frag = cache.get(value)
            if frag is None:
                frag = f'{letter}#" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
                cache[value] = frag
            col_cells.append(frag)
        cells_by_col.append(col_cells)
    out = []
    style = f' s="{bulk.number_style}"' if bulk.number_style else ""
    for r in range(bulk.rows):
        excel_row = bulk.first_row + r + 1
        parts = [f'<row r="{excel_row}"><c r="A{excel_row}"{style}><v>{r + 1}</v></c>']
        rs = str(excel_row)
        for col_cells in cells_by_col:
            frag = col_cells[r] if r < len(col_cells) else ""
            if frag:
                parts.append('<c r="' + frag.replace("#", rs, 1))
        parts.append("</row>")
        out.append("".join(parts))
    return "".join(out)


def splice(path: Path, sheets: list[BulkSheet]) -> None:
    """Rewrite the workbook at ``path`` with each bulk sheet's rows inserted before ``</sheetData>``."""
    if not sheets:
        return
    targets = {f"xl/worksheets/sheet{b.index + 1}.xml": b for b in sheets}
    tmp = path.with_name(path.name + ".splice")
    try:
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                bulk = targets.get(info.filename)
                if bulk is not None:
                    text = data.decode("utf-8")
                    last_row = bulk.first_row + bulk.rows
                    last_col = xl_col_to_name(len(bulk.columns))
                    head, sep, tail = text.partition('<dimension ref="')
                    if sep:
                        _, _, rest = tail.partition('"')
                        text = f'{head}<dimension ref="A1:{last_col}{max(last_row, 1)}"{rest}'
                    rows = _rows_xml(bulk)
                    if "</sheetData>" in text:
                        text = text.replace("</sheetData>", rows + "</sheetData>", 1)
                    else:
                        text = text.replace("<sheetData/>", f"<sheetData>{rows}</sheetData>", 1)
                    data = text.encode("utf-8")
                zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
