"""Fill the example workbooks from fresh templates with openpyxl, as a person would: run it again to rebuild them.

Each is then saved in the form Excel saves a workbook (shared strings, fonts in the schema's order: excel_form.py),
as a filled workbook comes back from staff.

Usage: python workbooks/make_examples.py [OUT_DIR]   (default: the folder of this script)
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from excel_form import excel_form
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.excel import sheets as S
from ita_xl.excel.template import write_template
from ita_xl.framework import load
from ita_xl.model import Framework

HERE = Path(__file__).resolve().parent

REFERENCE_SCORE_NOTES = {
    "3": "ตามผลการประเมินที่ได้รับ 99.41 (ตารางในรายงานฉบับเผยแพร่พิมพ์เป็น 99.51 ซึ่งไม่ตรงกับคะแนน IIT 98.75)",
}
REFERENCE_SCORES = {
    # As the reference report gives them. Indicator 3 is 99.41, as its text says and as its IIT of 98.75
    # implies; its table misprints 99.51 (the workbook notes this beside the score).
    "total": 98.90,
    "IIT": 98.75,
    "EIT": 99.28,
    "OIT": 98.75,
    "1": 99.09,
    "2": 97.43,
    "3": 99.41,
    "4": 98.99,
    "5": 98.82,
    "6": 99.10,
    "7": 99.23,
    "8": 99.49,
    "9": 97.50,
    "9.1": 100,
    "9.2": 87.5,
    "9.3": 100,
    "9.4": 100,
    "9.5": 100,
    "10": 100,
    "10.1": 100,
    "10.2": 100,
    "o12": 0,
}
REFERENCE_HISTORY = {2558: 87.48, 2559: 81.33, 2560: 84.53, 2561: 88.02, 2562: 85.78, 2563: 81.85, 2564: 99.34}
DEADLINE = "มกราคม - มิถุนายน ๒๕๖๖"
REFERENCE_MEASURES = [
    {
        "kind": "จุดอ่อน",
        "addresses": "บุคลากรภายในยังรับรู้การทำงานของสำนักงานไม่ครบทุกด้านของแบบวัด IIT "
        "(การปฏิบัติหน้าที่ งบประมาณ การใช้อำนาจ ทรัพย์สินของราชการ และการแก้ไขปัญหาการทุจริต)",
        "codes": "1-5, i1-i30",
        "steps": "๑. ประชุมผู้บริหารกับผู้อำนวยการกลุ่ม/หน่วยทุกสัปดาห์ ให้แต่ละกลุ่มแจ้งผลงานและนำไปเล่าต่อให้เจ้าหน้าที่ในกลุ่ม\n"
        "๒. ประชุมชี้แจงบุคลากรทั้งสำนักงานเรื่องประเด็นที่แบบวัด IIT ถาม อย่างน้อยหนึ่งครั้ง",
        "deadline": DEADLINE,
        "target": "บุคลากรทุกคนรู้และเข้าใจการทำงานของสำนักงานครบทั้งห้าด้าน",
        "responsible": "กลุ่มอำนวยการ",
    },
    {
        "kind": "จุดอ่อน",
        "addresses": "ผู้รับบริการและผู้มีส่วนได้ส่วนเสียภายนอกยังรับรู้คุณภาพงาน การสื่อสาร และการปรับปรุงระบบงานไม่เต็มที่ (แบบวัด EIT)",
        "codes": "6-8, e1-e15",
        "steps": "๑. ผู้บริหารและผู้อำนวยการกลุ่ม/หน่วยทบทวนคุณภาพบริการ การสื่อสาร และการปรับปรุงงานทุกสัปดาห์\n"
        "๒. ประชุมผู้บริหารสถานศึกษาในสังกัดเดือนละครั้งเพื่อแจ้งเรื่องเหล่านี้\n"
        "๓. ชี้แจงผู้รับบริการเรื่องประเด็นของแบบวัด EIT อย่างน้อยหนึ่งครั้ง",
        "deadline": DEADLINE,
        "target": "ผู้รับบริการรับรู้ว่าสำนักงานให้บริการมีคุณภาพ สื่อสารชัดเจน และปรับปรุงงานต่อเนื่อง",
        "responsible": "กลุ่มอำนวยการ",
    },
    {
        "kind": "จุดอ่อน",
        "addresses": "ไม่ได้เผยแพร่รายงานผลการดำเนินงานประจำปีที่ครบถ้วนบนเว็บไซต์ (ตัวชี้วัดย่อยที่ ๙.๒)",
        "codes": "9.2, o12",
        "steps": "๑. จัดทำรายงานผลการดำเนินงานประจำปีตามแผน ให้มีผลโครงการ/กิจกรรม ผลการใช้งบประมาณ ปัญหาอุปสรรค และข้อเสนอแนะ\n"
        "๒. เผยแพร่รายงานบนเว็บไซต์ของสำนักงาน",
        "deadline": DEADLINE,
        "target": "เว็บไซต์มีรายงานผลการดำเนินงานประจำปีที่ครบถ้วนและเป็นปัจจุบัน",
        "responsible": "กลุ่มนโยบายและแผน",
        "note": "ข้อ o12 ของปี ๒๕๖๕ คือข้อ o13 ของปี ๒๕๖๖",
    },
    {
        "kind": "จุดแข็ง",
        "addresses": "รักษาระดับการเปิดเผยข้อมูลและการป้องกันการทุจริตที่ได้คะแนนเต็ม (ตัวชี้วัดย่อย ๙.๑, ๙.๓-๙.๕ และตัวชี้วัดที่ ๑๐)",
        "codes": "9.1, 9.3, 9.4, 9.5, 10",
        "steps": "๑. ออกคำสั่งมอบหมายผู้รับผิดชอบแต่ละตัวชี้วัด\n"
        "๒. ผู้รับผิดชอบศึกษาคู่มือการประเมินปี ๒๕๖๖ จัดทำข้อมูล และเผยแพร่ให้ครบตามที่กำหนด",
        "deadline": DEADLINE,
        "target": "ข้อมูลทุกข้อเผยแพร่ครบถ้วนถูกต้อง คะแนนไม่ต่ำกว่าเดิม",
        "responsible": "กลุ่มอำนวยการ และผู้รับผิดชอบตัวชี้วัดทุกกลุ่ม/หน่วย",
    },
]


# Progress of the FY2566 measures as an office might record it by the year's end. Invented: each result says so.
EXAMPLE = "(ตัวอย่าง) "
REFERENCE_PROGRESS = [
    {
        "result": EXAMPLE + "ผู้บริหารประชุมกับผู้อำนวยการกลุ่ม/หน่วยทุกวันจันทร์ รวม ๔๒ ครั้ง และประชุมชี้แจงบุคลากร"
        "ทั้งสำนักงานเรื่องประเด็นของแบบวัด IIT เมื่อวันที่ ๑๗ กุมภาพันธ์ ๒๕๖๖ มีผู้เข้าร่วม ๖๘ คน",
        "status": "ดำเนินการแล้วเสร็จ",
        "percent": 100,
        "evidence": "https://www.example.go.th/ita/2566/measure-1",
        "progress_date": datetime(2023, 8, 31),
        "problems": "บุคลากรบางกลุ่มติดภารกิจนอกสำนักงานในวันประชุมชี้แจง",
        "suggestions": "บันทึกวีดิทัศน์การประชุมชี้แจงเผยแพร่ในช่องทางสื่อสารภายในของสำนักงาน",
    },
    {
        "result": EXAMPLE + "ประชุมผู้บริหารสถานศึกษาในสังกัดแล้ว ๑๐ ครั้ง และเปิดแบบสอบถามความพึงพอใจผู้รับบริการออนไลน์ "
        "ส่วนการชี้แจงผู้รับบริการภายนอกดำเนินการแล้ว ๓ จาก ๔ กลุ่ม",
        "status": "อยู่ระหว่างดำเนินการ",
        "percent": 75,
        "evidence": "https://www.example.go.th/ita/2566/measure-2",
        "progress_date": datetime(2023, 9, 15),
        "problems": "ผู้ปกครองและผู้รับบริการภายนอกเข้าร่วมการชี้แจงน้อย",
        "suggestions": "ชี้แจงผ่านเพจของสำนักงานควบคู่กับการประชุม และแจ้งผ่านสถานศึกษา",
    },
    {
        "result": EXAMPLE + "จัดทำรายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ครบทุกองค์ประกอบ "
        "และเผยแพร่บนเว็บไซต์ของสำนักงานเมื่อวันที่ ๒๐ มกราคม ๒๕๖๖",
        "status": "ดำเนินการแล้วเสร็จ",
        "percent": 100,
        "evidence": "https://www.example.go.th/ita/2566/o13",
        "progress_date": datetime(2023, 1, 20),
    },
    {
        "result": EXAMPLE + "ออกคำสั่งมอบหมายผู้รับผิดชอบตัวชี้วัดแล้ว ผู้รับผิดชอบปรับปรุงข้อมูลบนเว็บไซต์ไตรมาสละครั้ง ครบ ๓ ไตรมาส",
        "status": "อยู่ระหว่างดำเนินการ",
        "percent": 80,
        "evidence": "https://www.example.go.th/ita/2566/measure-4",
        "progress_date": datetime(2023, 9, 15),
        "suggestions": "กำหนดปฏิทินการปรับปรุงข้อมูลล่วงหน้าทั้งปี",
    },
]
# The synthetic office's FY2565 indicator scores (its ประวัติ sheet): every indicator but 10 was a weakness.
LAST_YEAR_INDICATORS = {
    "1": 94.10,
    "2": 93.05,
    "3": 90.12,
    "4": 95.60,
    "5": 91.20,
    "6": 95.33,
    "7": 92.00,
    "8": 93.47,
    "9": 97.50,
    "10": 100,
}
# The synthetic FY2566 office's measures for FY2567, followed up at six months.
EXAMPLE_DEADLINE = "ตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗"
EXAMPLE_MEASURES = [
    {
        "kind": "จุดอ่อน",
        "addresses": "บุคลากรภายในยังรับรู้การปฏิบัติหน้าที่และการใช้งบประมาณของสำนักงานไม่ครบทุกด้าน (แบบวัด IIT)",
        "codes": "1-5",
        "steps": "๑. ชี้แจงบุคลากรทุกกลุ่มเรื่องประเด็นของแบบวัด IIT\n๒. เผยแพร่แผนและผลการใช้จ่ายงบประมาณรายไตรมาส",
        "deadline": EXAMPLE_DEADLINE,
        "target": "บุคลากรรับรู้การดำเนินงานของสำนักงานครบทุกด้าน",
        "responsible": "หน่วยตรวจสอบภายใน",
        "result": EXAMPLE + "ชี้แจงบุคลากรแล้ว ๕ จาก ๘ กลุ่ม และเผยแพร่ผลการใช้จ่ายงบประมาณไตรมาสที่ ๑ แล้ว",
        "status": "อยู่ระหว่างดำเนินการ",
        "percent": 60,
        "evidence": "https://www.example-esa.go.th/ita/2567/measure-1",
        "progress_date": datetime(2024, 3, 22),
        "problems": "ตารางงานของบางกลุ่มไม่ว่างตรงกัน",
        "suggestions": "ชี้แจงรายกลุ่มในการประชุมประจำเดือนของแต่ละกลุ่ม",
    },
    {
        "kind": "จุดอ่อน",
        "addresses": "ข้อมูลบนเว็บไซต์ยังไม่ครบตามแบบตรวจ OIT ข้อ o13, o29 และ o41",
        "codes": "9.2, 9.5, 10.2, o13, o29, o41",
        "steps": "๑. มอบหมายผู้รับผิดชอบจัดทำข้อมูลแต่ละข้อ\n๒. เผยแพร่และตรวจว่าเปิดดูได้จริง",
        "deadline": EXAMPLE_DEADLINE,
        "target": "เว็บไซต์มีข้อมูลครบทุกข้อของแบบตรวจ OIT",
        "responsible": "กลุ่มนโยบายและแผน",
        "result": EXAMPLE + "เผยแพร่ข้อมูลข้อ o13 และ o29 แล้ว ข้อ o41 รอรายงานผลประจำปี",
        "status": "อยู่ระหว่างดำเนินการ",
        "percent": 67,
        "evidence": "https://www.example-esa.go.th/ita/2567/oit",
        "progress_date": datetime(2024, 3, 29),
    },
    {
        "kind": "จุดแข็ง",
        "addresses": "รักษาระดับการให้บริการที่ผู้รับบริการรับรู้ว่าโปร่งใส (แบบวัด EIT)",
        "codes": "6-8",
        "steps": "๑. ทบทวนมาตรฐานการให้บริการ\n๒. รับฟังความคิดเห็นผู้รับบริการทุกไตรมาส",
        "deadline": EXAMPLE_DEADLINE,
        "target": "คะแนนแบบวัด EIT ไม่ต่ำกว่าเดิม",
        "responsible": "กลุ่มอำนวยการ",
        "result": EXAMPLE + "ทบทวนคู่มือการให้บริการแล้ว และเปิดรับฟังความคิดเห็นไตรมาสที่ ๑ และ ๒",
        "status": "ดำเนินการแล้วเสร็จ",
        "percent": 100,
        "evidence": "https://www.example-esa.go.th/ita/2567/measure-3",
        "progress_date": datetime(2024, 3, 15),
    },
]


def columns(ws: Worksheet) -> dict[str, int]:
    """Return code -> column number (1-based) from the template's code row."""
    return {str(c.value): c.column for c in ws[S.CODE_ROW + 1] if c.value is not None}


def rows_by_code(ws: Worksheet, col: int = 1) -> dict[str, int]:
    """Return code -> row number (1-based) for the codes in column ``col`` below the header."""
    return {
        str(ws.cell(r, col).value): r
        for r in range(S.FIRST_DATA_ROW + 1, ws.max_row + 1)
        if ws.cell(r, col).value is not None
    }


def fill_office(wb: openpyxl.Workbook, values: dict[str, Any]) -> None:
    """Write ``values`` (field key -> value) into the office sheet's value column."""
    ws = wb[S.OFFICE]
    cols = columns(ws)
    where = rows_by_code(ws, cols["field"])
    for key, value in values.items():
        ws.cell(where[key], cols["value"], value)


def fill_table(ws: Worksheet, records: list[dict[str, Any]]) -> None:
    """Write ``records`` (code -> value) as rows from the first data row."""
    cols = columns(ws)
    for n, record in enumerate(records):
        for key, value in record.items():
            ws.cell(S.FIRST_DATA_ROW + 1 + n, cols[key], value)


def fresh(fw: Framework, office: str | None = None) -> openpyxl.Workbook:
    """Return a fresh template of ``fw`` opened with openpyxl."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "template.xlsx"
        write_template(fw, path, office=office)
        return openpyxl.load_workbook(path)


def save(wb: openpyxl.Workbook, out: Path) -> None:
    """Save ``wb`` at ``out`` as Excel would save it."""
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / out.name
        wb.save(saved)
        excel_form(saved, out)


def make_reference(out: Path) -> None:
    """Write the reference report's office (FY2565) with its official results, history and measures."""
    fw = load(year=2565)
    wb = fresh(fw, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาจันทบุรี เขต ๒")
    fill_office(
        wb,
        {
            "parent": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
            "ministry": "กระทรวงศึกษาธิการ",
            "head_name": "นายศิวัชทัศน์ สุขสุวรรณ",
            "head_title": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาจันทบุรี เขต ๒",
            "year": 2565,
            "measures_year": 2566,
            "report_date": datetime(2023, 4, 10),
            "analysis_unit": "กลุ่มกฎหมายและคดี",
            "national_mean": 98.32,
            "rank": 43,
            "thai_digits": "ไทย",
            "attachments": "คำสั่งแต่งตั้งคณะทำงานวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส;"
            " ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๕ ที่หน่วยงานได้รับ",
        },
    )
    ws = wb[S.SCORES]
    cols = columns(ws)
    where = rows_by_code(ws, cols["code"])
    for code, value in REFERENCE_SCORES.items():
        ws.cell(where[code], cols["score"], value)
    ws.cell(where["3"], cols["note"], REFERENCE_SCORE_NOTES["3"])
    fill_table(wb[S.HISTORY], [{"year": y, "total": v} for y, v in REFERENCE_HISTORY.items()])
    fill_table(wb[S.MEASURES], [m | p for m, p in zip(REFERENCE_MEASURES, REFERENCE_PROGRESS, strict=True)])
    save(wb, out)


def make_example(out: Path, seed: int = 2566) -> None:
    """Write a synthetic FY2566 office: raw answers skewed to good ones, with blanks, and its OIT checklist."""
    fw = load(year=2566)
    rng = random.Random(seed)
    wb = fresh(fw, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต ๑")
    fill_office(
        wb,
        {
            "parent": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
            "ministry": "กระทรวงศึกษาธิการ",
            "head_name": "นางสาวตัวอย่าง ทดลองดี",
            "head_title": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต ๑",
            "report_date": datetime(2024, 3, 29),
            "analysis_unit": "หน่วยตรวจสอบภายใน",
            "thai_digits": "ไทย",
        },
    )
    for tool, count in (("IIT", 40), ("EIT", 300)):
        records = []
        for n in range(count):
            record: dict[str, Any] = {"no": n + 1}
            for st in fw.statements(tool):
                labels = fw.scales[st.scale].labels
                weights = [40, 6, 1, 1][: len(labels)] if len(labels) == 4 else [30, 1]
                if st.reverse:
                    weights = weights[::-1]
                if rng.random() >= 0.04:
                    record[st.code] = rng.choices(labels, weights)[0]
            records.append(record)
        fill_table(wb[tool], records)
    ws = wb[S.OIT]
    cols = columns(ws)
    missing = {"o13", "o29", "o41"}
    for code, row in rows_by_code(ws, cols["code"]).items():
        if code in missing:
            ws.cell(row, cols["published"], "ไม่มี")
        else:
            ws.cell(row, cols["published"], "มี")
            ws.cell(row, cols["url"], f"https://www.example-esa.go.th/ita/2566/{code}")
    history = {2561: 84.10, 2562: 86.25, 2563: 88.40, 2564: 93.12, 2565: 95.42}
    records: list[dict[str, Any]] = [{"year": y, "total": v} for y, v in history.items()]
    records[-1] |= LAST_YEAR_INDICATORS  # so the report can follow last year's weaknesses into this year
    fill_table(wb[S.HISTORY], records)
    fill_table(wb[S.MEASURES], EXAMPLE_MEASURES)
    save(wb, out)


# An FY2569 office as one would enter its official results in December 2569: EIT below 85 keeps it at ผ่าน, not ผ่านดี.
RESULTS_2569 = {
    "total": 93.77,
    "IIT": 96.85,
    "EIT": 84.62,
    "OIT": 98.33,
    "1": 98.12,
    "2": 95.40,
    "3": 97.31,
    "4": 98.56,
    "5": 94.86,
    "6": 86.21,
    "7": 82.45,
    "8": 85.20,
    "9": 96.67,
    "9.1": 100,
    "9.2": 83.33,
    "9.3": 100,
    "9.4": 100,
    "9.5": 100,
    "10": 100,
    "10.1": 100,
    "10.2": 100,
    "o7": 0,
}
# Totals to FY2568 and the indicators of FY2567-2568 (FY2568 as the reported case: 94.64, EIT below 85).
HISTORY_2569: list[dict[str, Any]] = [
    {"year": 2563, "total": 86.25},
    {"year": 2564, "total": 88.40},
    {"year": 2565, "total": 93.12},
    {"year": 2566, "total": 95.87},
    {
        "year": 2567,
        "total": 92.43,
        **dict(
            zip(
                ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
                (96.0, 94.2, 95.5, 95.8, 94.0, 88.1, 85.6, 87.3, 89.0, 100.0),
                strict=True,
            )
        ),
    },
    {
        "year": 2568,
        "total": 94.64,
        **dict(
            zip(
                ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
                (98.0, 96.5, 97.8, 98.4, 97.3, 85.9, 83.2, 85.3, 99.6, 100.0),
                strict=True,
            )
        ),
    },
]
MEASURES_2570 = [
    {
        "kind": "จุดอ่อน",
        "addresses": "ผู้รับบริการยังรับรู้การสื่อสารของสำนักงานไม่เพียงพอ (ตัวชี้วัดที่ ๗) และคะแนน EIT ต่ำกว่า ๘๕ ทำให้ได้ระดับ ผ่าน ไม่ใช่ ผ่านดี",
        "codes": "7, e6-e10",
        "steps": "๑. ทบทวนช่องทางเผยแพร่ข้อมูลให้ผู้รับบริการเข้าถึงง่าย (เว็บไซต์ เพจ และกลุ่มไลน์ของสถานศึกษา)\n"
        "๒. เผยแพร่ผลการดำเนินงานและเรื่องที่ผู้รับบริการควรรู้ทุกเดือน\n"
        "๓. ตอบข้อสงสัยและคำร้องเรียนภายในเวลาที่ประกาศ",
        "deadline": "มกราคม - มิถุนายน ๒๕๗๐",
        "target": "คะแนนตัวชี้วัดที่ ๗ และ EIT ไม่ต่ำกว่า ๘๕",
        "responsible": "กลุ่มอำนวยการ",
        # Progress two months into FY2570, the first half's report still to come.
        "result": EXAMPLE + "ทบทวนช่องทางเผยแพร่แล้ว เปิดกลุ่มไลน์ผู้บริหารสถานศึกษา และเผยแพร่ข่าวประจำเดือน"
        "ตุลาคมและพฤศจิกายน ๒๕๖๙ แล้ว",
        "status": "อยู่ระหว่างดำเนินการ",
        "percent": 30,
        "evidence": "https://www.example-sesa.go.th/ita/2570/measure-1",
        "progress_date": datetime(2026, 11, 30),
        "problems": "ผู้รับบริการบางส่วนยังไม่ทราบช่องทางใหม่",
        "suggestions": "แจ้งช่องทางผ่านหนังสือถึงสถานศึกษาทุกแห่ง",
    },
    {
        "kind": "จุดอ่อน",
        "addresses": "ผู้รับบริการยังรับรู้คุณภาพการให้บริการและการปรับปรุงงานไม่เต็มที่ (ตัวชี้วัดที่ ๖ และ ๘)",
        "codes": "6, 8, e1-e5, e11-e15",
        "steps": "๑. ประกาศขั้นตอนและระยะเวลาการให้บริการของทุกกลุ่มงาน\n๒. สำรวจความคิดเห็นผู้รับบริการทุกไตรมาสแล้วนำมาปรับปรุงงาน",
        "deadline": "มกราคม - กันยายน ๒๕๗๐",
        "target": "ผู้รับบริการรับรู้ขั้นตอนและการปรับปรุงงานของสำนักงาน",
        "responsible": "ทุกกลุ่มงาน",
        "result": EXAMPLE + "ประกาศขั้นตอนและระยะเวลาการให้บริการแล้ว ๓ จาก ๕ กลุ่มงาน",
        "status": "อยู่ระหว่างดำเนินการ",
        "percent": 40,
        "evidence": "https://www.example-sesa.go.th/ita/2570/measure-2",
        "progress_date": datetime(2026, 11, 27),
    },
    {
        "kind": "จุดอ่อน",
        "addresses": "ไม่ได้เผยแพร่รายงานผลการดำเนินงานประจำปีบนเว็บไซต์ (ตัวชี้วัดย่อยที่ ๙.๒ ข้อ O7)",
        "codes": "9.2, o7",
        "steps": "๑. จัดทำรายงานผลการดำเนินงานประจำปี ๒๕๖๙ ให้ครบองค์ประกอบ\n๒. เผยแพร่บนเว็บไซต์ภายในเดือนมีนาคม ๒๕๗๐",
        "deadline": "มีนาคม ๒๕๗๐",
        "target": "เผยแพร่รายงานครบถ้วนภายในกรอบเวลา",
        "responsible": "กลุ่มนโยบายและแผน",
        "result": EXAMPLE + "ยังไม่เริ่ม ตามแผนจะเริ่มรวบรวมข้อมูลจากทุกกลุ่มงานในเดือนมกราคม ๒๕๗๐",
        "status": "ยังไม่ดำเนินการ",
        "percent": 0,
        "progress_date": datetime(2026, 11, 30),
    },
]


def make_example_2569(out: Path) -> None:
    """Write a synthetic FY2569 office with its official results entered, history to FY2568 and measures for FY2570."""
    fw = load(year=2569)
    wb = fresh(fw, "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง")
    fill_office(
        wb,
        {
            "parent": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
            "ministry": "กระทรวงศึกษาธิการ",
            "head_name": "นายตัวอย่าง มั่นคงดี",
            "head_title": "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง",
            "year": 2569,
            "measures_year": 2570,
            "report_date": datetime(2026, 12, 15),
            "analysis_unit": "กลุ่มกฎหมายและคดี",
            "national_mean": 93.82,
            "thai_digits": "ไทย",
        },
    )
    ws = wb[S.SCORES]
    cols = columns(ws)
    where = rows_by_code(ws, cols["code"])
    for code, value in RESULTS_2569.items():
        ws.cell(where[code], cols["score"], value)
    fill_table(wb[S.HISTORY], HISTORY_2569)
    fill_table(wb[S.MEASURES], MEASURES_2570)
    save(wb, out)


def main(out_dir: Path = HERE) -> None:
    """Write the example workbooks into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    make_reference(out_dir / "chanthaburi2-2565.xlsx")
    make_example(out_dir / "example-2566.xlsx")
    make_example_2569(out_dir / "example-2569.xlsx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
