"""The staff workbook's contract shared by the template writer and the reader: sheet names, fields, column codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ita_xl.cleaning import normalize_text
from ita_xl.thai import arabic_digits

# ---- sheet names ---------------------------------------------------------------------------
INSTRUCTIONS = "คำแนะนำ"
OFFICE = "ข้อมูลหน่วยงาน"
IIT = "IIT"
EIT = "EIT"
OIT = "OIT"
SCORES = "ผลคะแนน"
HISTORY = "ประวัติ"
MEASURES = "มาตรการ"
LISTS = "ตัวเลือก"  # hidden: the dropdown lists
SURVEYS = (IIT, EIT)
ORDER = (INSTRUCTIONS, OFFICE, IIT, EIT, OIT, SCORES, HISTORY, MEASURES, LISTS)

# Every table sheet has a row of Thai headings (row 1) and a row of column codes (row 2); data start on row 3.
# The reader finds the code row by its content, so inserted rows above it and reordered columns are fine.
HEADING_ROW = 0
CODE_ROW = 1
FIRST_DATA_ROW = 2
HEADER_SCAN_ROWS = 15  # the reader looks for the code row within the first rows


@dataclass(frozen=True)
class Column:
    """A column of a table sheet: its code (row 2), Thai heading (row 1), width, and whether staff fill it."""

    code: str
    heading: str
    width: float
    input: bool = True
    hint: str = ""


@dataclass(frozen=True)
class Field:
    """A row of the office sheet: key, Thai label, kind (text, year, int, number, date, digits) and a hint."""

    key: str
    label: str
    kind: str
    hint: str = ""


OFFICE_COLUMNS = (
    Column("label", "รายการ", 34, input=False),
    Column("value", "ข้อมูล", 60),
    Column("hint", "คำอธิบาย", 60, input=False),
    Column("field", "รหัส", 16, input=False),
)

OFFICE_FIELDS = (
    Field("name", "ชื่อหน่วยงาน", "text", "ชื่อเต็ม เช่น สำนักงานเขตพื้นที่การศึกษาประถมศึกษาจันทบุรี เขต ๒"),
    Field("parent", "หน่วยงานต้นสังกัด", "text", "เช่น สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"),
    Field("ministry", "กระทรวง", "text", "เช่น กระทรวงศึกษาธิการ"),
    Field("head_name", "ชื่อผู้บริหาร (ผู้ลงนาม)", "text", "พร้อมคำนำหน้า เช่น นายสมชาย ใจดี"),
    Field("head_title", "ตำแหน่งผู้บริหาร", "text", "ตำแหน่งเต็มตามที่ลงนาม"),
    Field("year", "ปีงบประมาณที่ประเมิน (พ.ศ.)", "year", "ปีของผลการประเมินที่วิเคราะห์ เช่น 2566 (กำหนดเกณฑ์ที่ใช้คิดคะแนน)"),
    Field("measures_year", "ปีงบประมาณของมาตรการ (พ.ศ.)", "year", "ปีที่จะดำเนินมาตรการ ปกติคือปีถัดไป"),
    Field("report_date", "วันที่ของรายงาน", "date", "วันที่ลงนาม เช่น 10/4/2566 หรือ ๑๐ เมษายน ๒๕๖๖"),
    Field("analysis_unit", "กลุ่ม/หน่วยที่รับผิดชอบการวิเคราะห์", "text", "เช่น กลุ่มกฎหมายและคดี"),
    Field("national_mean", "คะแนนเฉลี่ยระดับประเทศ (ถ้าทราบ)", "number", "เช่น 98.32"),
    Field("rank", "ลำดับที่ระดับประเทศ (ถ้าทราบ)", "int", "เช่น 43"),
    Field("rank_of", "จำนวนหน่วยงานที่ประเมินทั้งหมด (ถ้าทราบ)", "int", "เช่น 245"),
    Field("thai_digits", "ตัวเลขในรายงาน", "digits", "เลือก ไทย หรือ อารบิก"),
    # Last (with attachments), so that workbooks made before them keep every other row where it was (copy the row to add it).
    Field(
        "office_code", "รหัสหน่วยงาน (ITAS) (ถ้าทราบ)", "text", "รหัสหน่วยงานในระบบ ITAS ใช้จับคู่หน่วยงานในการสรุปผลหลายหน่วยงาน"
    ),
    Field(
        "attachments",
        "เอกสารแนบในภาคผนวก (ถ้ามี)",
        "text",
        "ชื่อเอกสารที่จะแนบท้ายรายงาน คั่นด้วย ; เช่น คำสั่งแต่งตั้งคณะทำงาน; ประกาศผลการประเมิน",
    ),
)
FIELDS_BY_KEY = {f.key: f for f in OFFICE_FIELDS}
DIGIT_CHOICES = ("ไทย", "อารบิก")

# IIT / EIT: a respondent number, one column per answer (headed by its statement code), a free note.
SURVEY_NUMBER = Column("no", "ลำดับผู้ตอบ", 8, input=True)
SURVEY_NOTE = Column("note", "หมายเหตุ", 24)
SURVEY_ROWS = {IIT: 1000, EIT: 10000}  # rows given dropdowns in the template (more can be pasted)

OIT_COLUMNS = (
    Column("code", "รหัสข้อ", 8, input=False),
    Column("title", "ข้อมูลที่ต้องเผยแพร่", 60, input=False),
    Column("sub", "ตัวชี้วัดย่อย", 10, input=False),
    Column("published", "เผยแพร่แล้ว (มี/ไม่มี)", 16),
    Column("url", "ลิงก์หลักฐาน (URL)", 50),
    Column("note", "หมายเหตุ", 30),
)

SCORE_COLUMNS = (
    Column("code", "รหัส", 8, input=False),
    Column("name", "ระดับ / ชื่อ", 62, input=False),
    Column("score", "คะแนนที่ได้รับ", 14),
    Column("note", "หมายเหตุ", 30),
)
TOTAL = "total"

HISTORY_COLUMNS = (
    Column("year", "ปีงบประมาณ (พ.ศ.)", 14),
    Column("total", "คะแนนรวม ITA", 14),
    *(Column(str(n), f"ตัวชี้วัดที่ {n}", 11) for n in range(1, 11)),
    Column("note", "หมายเหตุ", 30),
)
HISTORY_ROWS = 12

MEASURE_COLUMNS = (
    Column("kind", "ประเภท (จุดอ่อน/จุดแข็ง)", 14),
    Column("addresses", "จุดอ่อนที่ต้องแก้ไข / จุดแข็งที่ต้องพัฒนา", 40),
    Column("codes", "ตัวชี้วัด/ข้อที่เกี่ยวข้อง", 18),
    Column("steps", "ขั้นตอนหรือวิธีการปฏิบัติ", 50),
    Column("deadline", "กำหนดแล้วเสร็จ", 18),
    Column("target", "เป้าหมาย/ผลที่คาดว่าจะได้รับ", 40),
    Column("responsible", "ผู้รับผิดชอบ", 22),
    Column("note", "หมายเหตุ", 20),
)
# The follow-up of each measure (ita-xl followup), filled during the year in the same row; older workbooks lack them.
PROGRESS_COLUMNS = (
    Column("result", "ผลการดำเนินงาน", 45),
    Column("status", "สถานะ", 20, hint="ดำเนินการแล้วเสร็จ / อยู่ระหว่างดำเนินการ / ยังไม่ดำเนินการ"),
    Column("percent", "ร้อยละความสำเร็จ (0-100)", 12),
    Column("evidence", "ลิงก์หลักฐาน (URL)", 36),
    Column("progress_date", "วันที่รายงานผล", 16),
    Column("problems", "ปัญหา/อุปสรรค", 32),
    Column("suggestions", "ข้อเสนอแนะ", 32),
)
PROGRESS_ALIASES = {c.heading: c.code for c in PROGRESS_COLUMNS} | {
    "ผลการดำเนินการ": "result",
    "ร้อยละ": "percent",
    "หลักฐาน": "evidence",
    "ปัญหาอุปสรรค": "problems",
}
MEASURE_ROWS = 30
MEASURE_KINDS = {"จุดอ่อน": "weakness", "จุดแข็ง": "strength"}

# Headings people may write instead of the codes (after normalisation), per sheet.
ALIASES: dict[str, dict[str, str]] = {
    OFFICE: {c.heading: c.code for c in OFFICE_COLUMNS},
    OIT: {c.heading: c.code for c in OIT_COLUMNS} | {"เผยแพร่": "published", "url": "url", "ลิงก์": "url"},
    SCORES: {c.heading: c.code for c in SCORE_COLUMNS} | {"คะแนน": "score"},
    HISTORY: {c.heading: c.code for c in HISTORY_COLUMNS} | {"ปี": "year", "คะแนน": "total"},
    MEASURES: {c.heading: c.code for c in MEASURE_COLUMNS},
}

_SPACES = re.compile(r"\s+")


def norm(value: object) -> str:
    """Return a header or code as compared: Arabic digits, no surrounding or inner spaces, lower case.

    Whole-number floats lose their ".0" (Excel gives typed 3 as 3.0), so a code typed as a number still matches.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACES.sub("", normalize_text(arabic_digits(value))).lower()


def list_ref(column: int, rows: int) -> str:
    """Return the absolute reference of a dropdown list on the hidden list sheet (column zero-based)."""
    letter = chr(ord("A") + column)
    return f"='{LISTS}'!${letter}$2:${letter}${rows + 1}"
