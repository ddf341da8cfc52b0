"""Write the blank staff workbook of one fiscal year (``ita-xl new``) from its framework."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ita_xl.excel import sheets as S
from ita_xl.excel.xlsx_style import (
    FONT,
    ROW_HEIGHT,
    WORKBOOK_OPTIONS,
    clean,
    fit_width,
    is_wide,
    print_pages,
    wrapped_height,
)
from ita_xl.model import Framework
from ita_xl.progress import STATUS_LABELS

# Staff may resize, sort and add rows; they may not change headings or codes (the reader needs them).
PROTECT_OPTIONS = {
    "format_columns": True,
    "format_rows": True,
    "insert_rows": True,
    "delete_rows": True,
    "sort": True,
    "autofilter": True,
    "select_locked_cells": True,
    "select_unlocked_cells": True,
}
INPUT_FILL = "#FFF9E5"
OIT_SPARE_ROWS = 10  # blank rows under the OIT list for items an office's list adds
# A date as "29 มีนาคม 2567": the old locale code [$-0107041E] (01 Western digits, 07 the Thai Buddhist calendar,
# 041E Thai), which Excel and LibreOffice Calc both show and keep. Excel's newer "[$-th-TH]" and its "bbbb" year are
# unknown to Calc, which re-saves such a cell as a bare serial number with the General format.
DATE_FORMAT = "[$-107041E]d mmmm yyyy"
CODE_COLOR = "#A6A6A6"
CODE_ROW_HEIGHT = 15
CODE_NOTE = (
    "แถวนี้คือรหัสคอลัมน์ที่โปรแกรม ita-xl ใช้หาข้อมูลในแต่ละคอลัมน์ (ไม่ต้องกรอก ไม่พิมพ์ทับ และไม่ลบแถวนี้) "
    "ย้ายหรือสลับคอลัมน์ได้ทั้งคอลัมน์ ถ้าวางข้อมูลจากแบบสอบถามออนไลน์ ให้หัวคอลัมน์ตรงกับรหัสเหล่านี้"
)


class _Formats:
    """The formats of one template workbook."""

    def __init__(self, wb: Workbook) -> None:
        self.title = wb.add_format({"bold": True, "font_size": 18, "locked": True})
        self.heading = wb.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9E1F2", "border": 1, "locked": True}
        )
        self.heading_followup = wb.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E2EFDA", "border": 1, "locked": True}
        )
        self.percent = wb.add_format(
            {"locked": False, "num_format": "0", "bg_color": INPUT_FILL, "border": 1, "valign": "top"}
        )
        # The code row is for the reader: small and grey, so staff read the Thai headings above it.
        self.code = wb.add_format(
            {
                "font_color": CODE_COLOR,
                "font_size": 10,
                "bg_color": "#F7F7F7",
                "border": 1,
                "border_color": "#D9D9D9",
                "valign": "vcenter",
                "locked": True,
            }
        )
        self.fixed = wb.add_format({"text_wrap": True, "valign": "top", "border": 1, "locked": True})
        self.fixed_bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "border": 1, "locked": True})
        # the OIT list as shipped: looks fixed, but an office may correct it (code, title, sub-indicator)
        self.listed = wb.add_format({"text_wrap": True, "valign": "top", "border": 1, "locked": False})
        self.section = wb.add_format({"bold": True, "italic": True, "bg_color": "#EDEDED", "locked": True})
        self.input = wb.add_format(
            {"locked": False, "text_wrap": True, "valign": "top", "bg_color": INPUT_FILL, "border": 1}
        )
        self.input_plain = wb.add_format({"locked": False})
        self.score = wb.add_format(
            {"locked": False, "num_format": "0.00", "bg_color": INPUT_FILL, "border": 1, "valign": "top"}
        )
        self.date = wb.add_format({"locked": False, "num_format": DATE_FORMAT, "bg_color": INPUT_FILL, "border": 1})
        self.text = wb.add_format({"text_wrap": True, "valign": "top", "locked": True})
        self.text_bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "locked": True})


def write_template(fw: Framework, path: Path, office: str | None = None) -> None:
    """Write the blank workbook of framework ``fw`` to ``path``; ``office`` pre-fills the office name."""
    wb = Workbook(str(path), WORKBOOK_OPTIONS)
    wb.set_properties(
        {
            "title": f"แบบบันทึกข้อมูล ITA ปีงบประมาณ {fw.year}",
            "subject": fw.title,
            "comments": f"ita-xl template; framework year {fw.year}",
        }
    )
    wb.set_custom_property("ita_xl_framework_year", str(fw.year))
    fmt = _Formats(wb)
    lists = _ListSheet(fw)
    _instructions(wb.add_worksheet(S.INSTRUCTIONS), fw, fmt)
    _office(wb.add_worksheet(S.OFFICE), fw, fmt, lists, office)
    for tool in S.SURVEYS:
        _survey(wb.add_worksheet(tool), fw, tool, fmt, lists)
    _oit(wb.add_worksheet(S.OIT), fw, fmt, lists)
    _scores(wb.add_worksheet(S.SCORES), fw, fmt)
    _history(wb.add_worksheet(S.HISTORY), fw, fmt)
    _measures(wb.add_worksheet(S.MEASURES), fmt, lists)
    lists.write(wb.add_worksheet(S.LISTS), fmt)
    wb.close()


class _ListSheet:
    """The hidden sheet that holds every dropdown list, one per column (row 1 names it)."""

    def __init__(self, fw: Framework) -> None:
        self.year = fw.year
        self.lists: list[tuple[str, tuple[str, ...]]] = [(name, sc.labels) for name, sc in fw.scales.items()]
        self.lists.append(("measure_kind", tuple(S.MEASURE_KINDS)))
        self.lists.append(("progress_status", tuple(STATUS_LABELS.values())))
        self.lists.append(("digits", S.DIGIT_CHOICES))

    def source(self, name: str) -> str:
        """Return the validation source (a range reference) of list ``name``."""
        for n, (key, labels) in enumerate(self.lists):
            if key == name:
                return S.list_ref(n, len(labels))
        raise KeyError(name)

    def labels(self, name: str) -> tuple[str, ...]:
        return dict(self.lists)[name]

    def write(self, ws: Worksheet, fmt: _Formats) -> None:
        for col, (name, labels) in enumerate(self.lists):
            ws.write_string(0, col, name)
            for row, label in enumerate(labels, start=1):
                ws.write_string(row, col, label)
        col = len(self.lists)
        ws.write_string(0, col, "framework_year")
        ws.write_number(1, col, self.year)
        ws.hide()
        ws.protect("", PROTECT_OPTIONS)


def _dropdown(ws: Worksheet, first: int, last: int, col: int, source: str, labels: tuple[str, ...]) -> None:
    shown = ", ".join(labels)
    ws.data_validation(
        first,
        col,
        last,
        col,
        {
            "validate": "list",
            "source": source,
            "error_type": "stop",
            "error_title": "คำตอบไม่อยู่ในรายการ",
            "error_message": f"เลือกจากรายการ: {shown}"[:255],
        },
    )


def _headers(ws: Worksheet, columns: tuple[S.Column, ...] | list[S.Column], fmt: _Formats, height: float = 42) -> None:
    """Write the Thai headings and the quiet code row under them, with a note on the codes; set up printing."""
    for col, c in enumerate(columns):
        ws.write_string(S.HEADING_ROW, col, c.heading, fmt.heading)
        ws.write_string(S.CODE_ROW, col, c.code, fmt.code)
        ws.set_column(col, col, c.width)
    headings = wrapped_height([(c.heading, c.width) for c in columns])
    ws.set_default_row(ROW_HEIGHT)  # TH SarabunPSK needs taller rows than Excel's default of 15 points
    ws.set_row(S.HEADING_ROW, min(409, max(height, headings)))
    ws.set_row(S.CODE_ROW, CODE_ROW_HEIGHT)
    note = {"author": "ita-xl", "font_name": FONT, "font_size": 12, "x_scale": 2.2, "y_scale": 1.6}
    ws.write_comment(S.CODE_ROW, 0, CODE_NOTE, note)
    widths = [c.width for c in columns]
    print_pages(ws, is_wide(widths), repeat_rows=S.CODE_ROW, width=sum(widths))  # the Thai headings


def _instructions(ws: Worksheet, fw: Framework, fmt: _Formats) -> None:
    lines: list[tuple[str, bool]] = [
        (f"แบบบันทึกข้อมูลการประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. {fw.year}", True),
        (fw.title, False),
        ("", False),
        ("วิธีกรอก", True),
        (f"๑. ชีต {S.OFFICE}: กรอกชื่อหน่วยงาน ผู้บริหาร วันที่ของรายงาน และหน่วยที่รับผิดชอบ ในช่องสีเหลือง", False),
        (
            f"๒. ชีต {S.IIT} และ {S.EIT}: ผู้ตอบหนึ่งคนต่อหนึ่งแถว เลือกคำตอบจากรายการในแต่ละช่อง "
            "(วางข้อมูลที่ส่งออกจากแบบสอบถามออนไลน์ได้ โดยให้หัวคอลัมน์ตรงกับรหัสข้อในแถวที่ ๒) ช่องที่ไม่ได้ตอบให้เว้นว่าง",
            False,
        ),
        (
            f"๓. ชีต {S.OIT}: ระบุ มี หรือ ไม่มี ทุกข้อ และใส่ลิงก์ (URL) ของหลักฐานที่เผยแพร่บนเว็บไซต์ "
            "(พิมพ์ URL หรือแทรกลิงก์ เช่น คำว่า คลิกที่นี่ ที่ลิงก์ไปยังหลักฐาน ก็ได้) "
            "ถ้ารายการข้อในคู่มือของปีนั้นต่างจากที่ให้มา แก้รหัส ชื่อข้อ หรือตัวชี้วัดย่อยได้ เพิ่มข้อในแถวว่างท้ายตาราง "
            "หรือลบแถวของข้อที่ไม่มี โปรแกรมจะคิดคะแนนตามรายการในแฟ้มและแจ้งว่าต่างจากเกณฑ์ที่มากับโปรแกรมตรงไหน",
            False,
        ),
        (
            f"๔. ชีต {S.SCORES}: ถ้าได้รับผลคะแนนอย่างเป็นทางการแล้ว กรอกคะแนนตามที่ได้รับ โดยไม่ต้องกรอกคำตอบดิบ "
            "กรอกคะแนนรวมที่ประกาศเป็นอันดับแรก (คะแนนรวมที่คำนวณจากคะแนนตัวชี้วัดซึ่งปัดเศษแล้วอาจต่างจากที่ประกาศ ๐.๐๑) "
            "แล้วจึงกรอกเครื่องมือ ตัวชี้วัด ตัวชี้วัดย่อย และรายข้อถ้ามี",
            False,
        ),
        (
            f"๕. ชีต {S.HISTORY}: คะแนนรวมของปีที่ผ่านมา (ถ้ามี) ปีละหนึ่งแถว และคะแนนตัวชี้วัดที่ ๑-๑๐ ของปีที่แล้ว "
            "เพื่อให้รายงานเปรียบเทียบผลปีนี้กับปีที่แล้วเป็นรายตัวชี้วัด",
            False,
        ),
        (
            f"๖. ชีต {S.MEASURES}: มาตรการของปีถัดไป ถ้าเว้นว่าง โปรแกรมจะร่างมาตรการให้ในรายงานเพื่อให้ปรับแก้",
            False,
        ),
        (
            f"๗. ระหว่างปี ติดตามผลแต่ละมาตรการในคอลัมน์สีเขียวของชีต {S.MEASURES} (ผลการดำเนินงาน สถานะ ร้อยละ "
            "ลิงก์หลักฐาน วันที่ ปัญหา/อุปสรรค ข้อเสนอแนะ) แล้วสั่ง ita-xl followup เพื่อทำรายงานผลการดำเนินการตามมาตรการ",
            False,
        ),
        ("", False),
        ("ข้อควรทราบ", True),
        ("- อย่าเปลี่ยนชื่อชีตและรหัสในแถวที่ ๒ ของแต่ละชีต โปรแกรมใช้รหัสเหล่านี้หาคอลัมน์ (สลับลำดับคอลัมน์ได้)", False),
        ("- ตัวเลขไทย ช่องว่างหัวท้าย และเครื่องหมาย % อ่านได้ตามปกติ", False),
        ("- วันที่พิมพ์ได้หลายแบบ เช่น 29/3/2567, 29 มี.ค. 2567, ๒๙ มีนาคม ๒๕๖๗ ปีพิมพ์เป็น พ.ศ. เช่น 2567", False),
        ("- แก้ไขใน LibreOffice Calc หรือ Google Sheets แล้วบันทึก/ดาวน์โหลดเป็น .xlsx ได้ อ่านได้เหมือนไฟล์จาก Excel", False),
        ("- อย่าใช้สูตรในช่องข้อมูล ถ้าจำเป็นต้องใช้ ให้เปิดและบันทึกไฟล์ใน Excel ก่อนส่ง เพื่อให้มีค่าที่คำนวณแล้ว", False),
        ("- ชีตถูกป้องกันไว้เฉพาะหัวตาราง (ไม่มีรหัสผ่าน) ช่องสีเหลืองกรอกได้", False),
        ("", False),
        ("เมื่อกรอกเสร็จ", True),
        ("ita-xl check ไฟล์.xlsx   ตรวจข้อมูล บอกตำแหน่งช่องที่ต้องแก้", False),
        ("ita-xl score ไฟล์.xlsx   คำนวณคะแนน", False),
        ("ita-xl build ไฟล์.xlsx   สร้างแฟ้มวิเคราะห์และรายงาน", False),
        ("ita-xl followup ไฟล์.xlsx   สร้างรายงานผลการดำเนินการตามมาตรการ (รอบ ๖ เดือน หรือ ๑๒ เดือน)", False),
    ]
    width = 92  # fits A4 portrait without scaling (LibreOffice wraps scaled Thai text past the page edge)
    ws.set_column(0, 0, width)
    ws.set_default_row(ROW_HEIGHT)
    for row, (text, bold) in enumerate(lines):
        if text:
            ws.write_string(row, 0, text, fmt.text_bold if bold else fmt.text)
            ws.set_row(row, wrapped_height([(text, width)]))
    ws.set_row(0, 28)
    print_pages(ws, landscape=False)
    ws.activate()
    ws.protect("", PROTECT_OPTIONS)


def _office(ws: Worksheet, fw: Framework, fmt: _Formats, lists: _ListSheet, office: str | None) -> None:
    _headers(ws, S.OFFICE_COLUMNS, fmt, height=24)
    prefill: dict[str, Any] = {
        "name": clean(office).strip() if office else "",
        "year": fw.year,
        "measures_year": fw.year + 1,
        "thai_digits": S.DIGIT_CHOICES[0],
    }
    for n, field in enumerate(S.OFFICE_FIELDS):
        row = S.FIRST_DATA_ROW + n
        ws.write_string(row, 0, field.label, fmt.fixed_bold)
        value = prefill.get(field.key, "")
        cell_fmt = fmt.date if field.kind == "date" else fmt.input
        if isinstance(value, int):
            ws.write_number(row, 1, value, cell_fmt)
        elif value:
            ws.write_string(row, 1, value, cell_fmt)
        else:
            ws.write_blank(row, 1, None, cell_fmt)
        ws.write_string(row, 2, field.hint, fmt.fixed)
        ws.write_string(row, 3, field.key, fmt.code)
        widths = [c.width for c in S.OFFICE_COLUMNS]
        ws.set_row(row, wrapped_height([(field.label, widths[0]), (field.hint, widths[2])]))
        if field.kind == "digits":
            _dropdown(ws, row, row, 1, lists.source("digits"), S.DIGIT_CHOICES)
    ws.freeze_panes(S.FIRST_DATA_ROW, 0)
    ws.protect("", PROTECT_OPTIONS)


def _survey(ws: Worksheet, fw: Framework, tool: str, fmt: _Formats, lists: _ListSheet) -> None:
    statements = fw.statements(tool)
    columns = [S.SURVEY_NUMBER]
    for st in statements:
        item = fw.items[st.item]
        title = item.title if st.code == item.code else f"{item.title}: {st.title}"
        width = fit_width(list(fw.scales[st.scale].labels), minimum=10) + 2
        columns.append(S.Column(st.code, f"{st.code} {title}", width))
    columns.append(S.SURVEY_NOTE)
    _headers(ws, columns, fmt, height=120)
    last = S.FIRST_DATA_ROW + S.SURVEY_ROWS[tool] - 1
    for col, c in enumerate(columns):
        ws.set_column(col, col, c.width, fmt.input_plain)
    for col, st in enumerate(statements, start=1):
        _dropdown(ws, S.FIRST_DATA_ROW, last, col, lists.source(st.scale), lists.labels(st.scale))
    ws.freeze_panes(S.FIRST_DATA_ROW, 1)
    ws.protect("", PROTECT_OPTIONS)


def _oit(ws: Worksheet, fw: Framework, fmt: _Formats, lists: _ListSheet) -> None:
    _headers(ws, S.OIT_COLUMNS, fmt)
    items = fw.tool_items("OIT")
    scale = items[0].scale if items else next(iter(fw.scales))
    for n, item in enumerate(items):
        row = S.FIRST_DATA_ROW + n
        ws.write_string(row, 0, item.code, fmt.listed)
        ws.write_string(row, 1, item.title, fmt.listed)
        ws.write_string(row, 2, item.subindicator or item.indicator, fmt.listed)
        for col in (3, 4, 5):
            ws.write_blank(row, col, None, fmt.input)
    for n in range(len(items), len(items) + OIT_SPARE_ROWS):  # items the year's manual adds
        for col in range(len(S.OIT_COLUMNS)):
            ws.write_blank(S.FIRST_DATA_ROW + n, col, None, fmt.input)
    if items:
        last = S.FIRST_DATA_ROW + len(items) + OIT_SPARE_ROWS - 1
        _dropdown(ws, S.FIRST_DATA_ROW, last, 3, lists.source(scale), lists.labels(scale))
    ws.freeze_panes(S.FIRST_DATA_ROW, 2)
    ws.protect("", PROTECT_OPTIONS)


def score_rows(fw: Framework) -> list[tuple[str, str, bool]]:
    """Return the rows of the scores sheet: (code, Thai name, bold); a blank code marks a section heading."""
    rows: list[tuple[str, str, bool]] = [(S.TOTAL, "คะแนนรวม ITA (กรอกก่อน: ค่าที่ประกาศ)", True)]
    for code, tool in fw.tools.items():
        rows.append((code, f"{code} {tool.name}", True))
        for ic in tool.indicators:
            ind = fw.indicators[ic]
            rows.append((ic, f"ตัวชี้วัดที่ {ic} {ind.name}", False))
            for sc in ind.subindicators:
                rows.append((sc, f"    ตัวชี้วัดย่อยที่ {sc} {fw.subindicators[sc].name}", False))
    rows.append(("", "คะแนนรายข้อ (ไม่บังคับ: กรอกเฉพาะที่ได้รับ)", True))
    rows.extend((code, f"{code} {item.title}", False) for code, item in fw.items.items())
    return rows


def _scores(ws: Worksheet, fw: Framework, fmt: _Formats) -> None:
    _headers(ws, S.SCORE_COLUMNS, fmt, height=24)
    for n, (code, name, bold) in enumerate(score_rows(fw)):
        row = S.FIRST_DATA_ROW + n
        if not code:
            ws.write_string(row, 1, name, fmt.section)
            continue
        ws.write_string(row, 0, code, fmt.fixed_bold if bold else fmt.fixed)
        ws.write_string(row, 1, name, fmt.fixed_bold if bold else fmt.fixed)
        ws.write_blank(row, 2, None, fmt.score)
        ws.write_blank(row, 3, None, fmt.input)
    ws.freeze_panes(S.FIRST_DATA_ROW, 0)
    ws.protect("", PROTECT_OPTIONS)


def _history(ws: Worksheet, fw: Framework, fmt: _Formats) -> None:
    _headers(ws, S.HISTORY_COLUMNS, fmt)
    for n in range(S.HISTORY_ROWS):
        row = S.FIRST_DATA_ROW + n
        for col, c in enumerate(S.HISTORY_COLUMNS):
            ws.write_blank(row, col, None, fmt.input if c.code in ("year", "note") else fmt.score)
    ws.freeze_panes(S.FIRST_DATA_ROW, 0)
    ws.protect("", PROTECT_OPTIONS)


def _measures(ws: Worksheet, fmt: _Formats, lists: _ListSheet) -> None:
    columns = (*S.MEASURE_COLUMNS, *S.PROGRESS_COLUMNS)
    _headers(ws, columns, fmt)
    plan = len(S.MEASURE_COLUMNS)
    for col, c in enumerate(S.PROGRESS_COLUMNS, start=plan):  # the follow-up columns, told apart by colour
        ws.write_string(S.HEADING_ROW, col, c.heading, fmt.heading_followup)
    cell_formats = {"percent": fmt.percent, "progress_date": fmt.date}
    for n in range(S.MEASURE_ROWS):
        row = S.FIRST_DATA_ROW + n
        for col, c in enumerate(columns):
            ws.write_blank(row, col, None, cell_formats.get(c.code, fmt.input))
    first, last = S.FIRST_DATA_ROW, S.FIRST_DATA_ROW + S.MEASURE_ROWS - 1
    _dropdown(ws, first, last, 0, lists.source("measure_kind"), tuple(S.MEASURE_KINDS))
    codes = [c.code for c in columns]
    status_col, percent_col = codes.index("status"), codes.index("percent")
    _dropdown(ws, first, last, status_col, lists.source("progress_status"), tuple(STATUS_LABELS.values()))
    ws.data_validation(
        first,
        percent_col,
        last,
        percent_col,
        {
            "validate": "decimal",
            "criteria": "between",
            "minimum": 0,
            "maximum": 100,
            "error_title": "ร้อยละไม่ถูกต้อง",
            "error_message": "กรอกร้อยละความสำเร็จเป็นตัวเลข 0 ถึง 100",
        },
    )
    ws.freeze_panes(S.FIRST_DATA_ROW, 0)
    ws.protect("", PROTECT_OPTIONS)
