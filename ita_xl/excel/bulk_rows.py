"""Fast path for large plain data sheets: their rows are written as sheet XML after xlsxwriter has closed.

xlsxwriter spends ~8 µs a cell; the copied answers of an office with 5,000 respondents are ~100,000 cells. Here the
answers become shared strings (a handful of labels, each stored once, as Excel itself saves them), each column's
cells are built in one pass, and the rows are spliced into the sheet's ``<sheetData>`` while the in-memory package
xlsxwriter made is copied to the output file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from ita_xl.xmltext import escape


@dataclass
class BulkSheet:
    """Rows to splice after the header of one worksheet: column 0 numbers the row, then one text per column."""

    index: int  # position of the worksheet in the workbook (0-based): xl/worksheets/sheet{index+1}.xml
    first_row: int  # 0-based row of the first data row
    columns: list[list[str | None]] = field(default_factory=list)  # per column, per row: text or None
    rows: int = 0
    number_style: int = 0  # the xf index of the respondent-number cells (0 = default)
    shared: dict[str, int] = field(default_factory=dict)  # text -> index in the workbook's shared strings


def share_strings(wb: Any, sheets: list[BulkSheet]) -> None:
    """Enter every bulk text in the shared strings of ``wb`` (before it closes), counting each cell that uses one.

    Uses xlsxwriter's string table; should a later xlsxwriter change it, the cells fall back to inline strings.
    """
    table = getattr(wb, "str_table", None)
    index_of = getattr(table, "_get_shared_string_index", None)
    if table is None or index_of is None:
        return
    for bulk in sheets:
        cells = 0
        for column in bulk.columns:
            for text in set(column):
                if text is not None and text not in bulk.shared:
                    bulk.shared[text] = index_of(text)
            cells += len(column) - column.count(None)
        # each index_of() call counted one use; the sheet's other cells use the same strings
        table.count += max(0, cells - len(bulk.shared))


def _rows_xml(bulk: BulkSheet) -> str:
    """Return the ``<row>`` elements of ``bulk``, built column by column and joined once."""
    first = bulk.first_row + 1
    numbers = [str(r) for r in range(first, first + bulk.rows)]
    style = f' s="{bulk.number_style}"' if bulk.number_style else ""
    columns = [[f'<row r="{r}"><c r="A{r}"{style}><v>{i}</v></c>' for i, r in enumerate(numbers, 1)]]
    for c, values in enumerate(bulk.columns, start=1):
        head = f'<c r="{xl_col_to_name(c)}'
        tails: dict[str | None, str] = {None: ""}
        for text in set(values):
            if text is None:
                continue
            if text in bulk.shared:
                tails[text] = f'" t="s"><v>{bulk.shared[text]}</v></c>'
            else:
                tails[text] = f'" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
        padded = values[: bulk.rows] + [None] * (bulk.rows - len(values))
        columns.append([head + r + tails[v] if v is not None else "" for r, v in zip(numbers, padded, strict=True)])
    columns.append(["</row>"] * bulk.rows)
    return "".join(chain.from_iterable(zip(*columns, strict=True)))


def _with_rows(data: bytes, bulk: BulkSheet) -> bytes:
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
    return text.encode("utf-8")


def splice(package: io.BytesIO, path: Path, sheets: list[BulkSheet]) -> None:
    """Write the xlsxwriter ``package`` to ``path`` with each bulk sheet's rows inserted before ``</sheetData>``."""
    targets = {f"xl/worksheets/sheet{b.index + 1}.xml": b for b in sheets}
    package.seek(0)
    with zipfile.ZipFile(package) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            bulk = targets.get(info.filename)
            if bulk is not None:
                data = _with_rows(data, bulk)
            out = zipfile.ZipInfo(info.filename, info.date_time)
            out.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(out, data, compresslevel=1)
