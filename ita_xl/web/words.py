"""Every text of the local web page, in Thai and English (placeholders in {braces})."""

from __future__ import annotations

LANGS = ("th", "en")

WORDS: dict[str, tuple[str, str]] = {
    "title": ("ita-xl วิเคราะห์ผลการประเมิน ITA", "ita-xl ITA assessment analysis"),
    "tagline": ("วิเคราะห์ผลการประเมิน ITA", "ITA assessment analysis"),
    "switch": ("English", "ภาษาไทย"),
    "local_only": (
        "หน้านี้ทำงานบนเครื่องคอมพิวเตอร์ของท่านเท่านั้น ไฟล์ที่เลือกจะไม่ถูกส่งออกไปนอกเครื่อง",
        "This page runs on your own computer only: the files you choose never leave it.",
    ),
    "stop_note": (
        "ใช้งานเสร็จแล้ว ปิดหน้าต่างของโปรแกรม ita-xl (หรือกด Ctrl+C ในหน้าต่างนั้น) ไฟล์ชั่วคราวทั้งหมดจะถูกลบ",
        "When you are done, close the ita-xl window (or press Ctrl+C in it): every temporary file is removed.",
    ),
    # step 1: the blank workbook
    "step1": ("1. ดาวน์โหลดแบบฟอร์มเปล่า", "1. Download a blank workbook"),
    "step1_help": (
        "เลือกปีงบประมาณแล้วดาวน์โหลดแบบฟอร์ม จากนั้นกรอกใน Excel: ชีตข้อมูลหน่วยงาน คำตอบแบบวัด IIT และ EIT "
        "(หนึ่งแถวต่อผู้ตอบหนึ่งคน เลือกคำตอบจากรายการในช่อง) และผลแบบวัด OIT "
        "หรือถ้าได้รับผลคะแนนอย่างเป็นทางการแล้ว ให้กรอกในชีตผลคะแนนแทน",
        "Choose the fiscal year and download the workbook, then fill it in Excel: the office sheet, the IIT and EIT "
        "answers (one row per respondent, each answer chosen from the cell's list) and the OIT checklist; "
        "or, if you have received the official results, enter them in the results sheet instead.",
    ),
    "year": ("ปีงบประมาณ", "Fiscal year"),
    "office_name": ("ชื่อหน่วยงาน (ไม่บังคับ)", "Office name (optional)"),
    "get_template": ("ดาวน์โหลดแบบฟอร์ม", "Download the workbook"),
    # step 2: one office
    "step2": ("2. ตรวจและวิเคราะห์แบบฟอร์มที่กรอกแล้ว", "2. Check and analyse a filled workbook"),
    "step2_help": (
        "เลือกไฟล์ Excel ของหน่วยงานที่กรอกแล้ว โปรแกรมจะตรวจทุกช่อง คิดคะแนน และทำสมุดงานวิเคราะห์กับรายงานให้ดาวน์โหลด",
        "Choose your office's filled workbook: every cell is checked, the scores computed, and the analysis workbook "
        "and the report made ready to download.",
    ),
    "workbook": ("ไฟล์ Excel ที่กรอกแล้ว (.xlsx)", "Filled workbook (.xlsx)"),
    "drop": ("ลากไฟล์มาวางที่นี่ หรือกดปุ่มเพื่อเลือกไฟล์", "Drop a file here, or use the button to choose one"),
    "drop_many": ("ลากไฟล์มาวางที่นี่ หรือกดปุ่มเพื่อเลือกหลายไฟล์", "Drop files here, or use the button to choose them"),
    "options": ("ตัวเลือกเพิ่มเติม (ไม่บังคับ)", "More options (optional)"),
    "year_auto": ("ตามที่ระบุในแบบฟอร์ม", "as the workbook says"),
    "framework_file": ("ไฟล์เกณฑ์การประเมินของท่านเอง (.toml) แทนเกณฑ์ที่มากับโปรแกรม", "Your own method file (.toml)"),
    "text_file": ("ไฟล์ข้อความของรายงานที่หน่วยงานแก้ไขเอง (.toml)", "Your office's report wording (.toml)"),
    "style_file": ("ไฟล์ Word ที่มีรูปแบบของหน่วยงาน เช่น ตราและแบบอักษร (.docx)", "A Word file with your styles (.docx)"),
    "rollup_file": (
        "ไฟล์สรุปผลหลายหน่วยงาน (.xlsx จากข้อ 3) เพื่อใส่อันดับและค่าเฉลี่ยลงในรายงาน",
        "A roll-up summary (.xlsx from step 3) for the rank and the mean of all offices",
    ),
    "charts": ("ใส่แผนภูมิในสมุดงานและรายงาน", "Charts in the workbook and the report"),
    "pdf": ("ทำรายงานเป็นไฟล์ PDF ด้วย", "Also make the report as PDF"),
    "pdf_missing": (
        "ทำไฟล์ PDF ในเครื่องนี้ไม่ได้ เพราะยังไม่ได้ติดตั้ง LibreOffice (เปิดรายงานด้วย Word แล้วบันทึกเป็น PDF ได้)",
        "No PDF on this computer: LibreOffice is not installed (open the report in Word and save it as PDF)",
    ),
    "check": ("ตรวจและวิเคราะห์", "Check and analyse"),
    "working": ("กำลังประมวลผล กรุณารอสักครู่…", "Working, please wait…"),
    "limits": (
        "ส่งได้ครั้งละไม่เกิน {files} ไฟล์ ขนาดรวมไม่เกิน {mb} MB",
        "At most {files} files and {mb} MB in all at a time",
    ),
    # step 3: several offices
    "step3": ("3. สรุปผลหลายหน่วยงาน (สำหรับหน่วยงานต้นสังกัด)", "3. Several offices (for the parent agency)"),
    "step3_help": (
        "เลือกไฟล์ Excel ของหลายหน่วยงานพร้อมกัน หรือไฟล์ .zip ที่รวมไว้ โปรแกรมจะจัดอันดับ "
        "ทำสมุดงานสรุปผลและรายงานสรุปสำหรับหน่วยงานต้นสังกัด",
        "Choose the workbooks of several offices at once, or one .zip that holds them: the offices are ranked, and a "
        "summary workbook and report for the parent agency are made.",
    ),
    "workbooks": ("ไฟล์ Excel หลายไฟล์ หรือไฟล์ .zip", "Several workbooks, or a .zip"),
    "summarise": ("สรุปผล", "Sum up"),
    "group_name": (
        "ชื่อกลุ่มหน่วยงาน (ไม่บังคับ) เช่น สพป. ในจังหวัดจันทบุรี",
        "Name of the group (optional), e.g. สพป. ในจังหวัดจันทบุรี",
    ),
    "rollup_year": (
        "ปีงบประมาณที่จะสรุป (เมื่อไฟล์มีหลายปี) เช่น 2566",
        "Fiscal year to sum up (when the files are of several years), e.g. 2566",
    ),
    # results of one office
    "results": ("ผลการตรวจและวิเคราะห์", "Check and analysis"),
    "file": ("ไฟล์", "File"),
    "office": ("หน่วยงาน", "Office"),
    "total": ("คะแนนรวม", "Total score"),
    "grade": ("ระดับ", "Grade"),
    "rating": ("ผลการประเมิน", "Rating"),
    "held_back": (
        "ถ้า {tool} ได้คะแนนเพิ่มอีก {gap} คะแนน จะได้ผลการประเมิน {label}",
        "{tool} is {gap} points short of the rating {label}",
    ),
    "provisional_year": ("{year} (เกณฑ์ชั่วคราว)", "{year} (provisional method)"),
    "passed": ("ผ่าน", "pass"),
    "failed": ("ไม่ผ่าน", "fail"),
    "pass_mark": ("เกณฑ์ผ่าน {mark} คะแนน", "pass mark {mark}"),
    "by_tool": ("คะแนนตามเครื่องมือการประเมิน", "Scores by tool"),
    "tool": ("เครื่องมือ", "Tool"),
    "score": ("คะแนน", "Score"),
    "weight": ("น้ำหนัก (ร้อยละ)", "Weight (%)"),
    "weighted": ("คะแนนถ่วงน้ำหนัก", "Weighted"),
    "by_indicator": ("คะแนนรายตัวชี้วัด", "Scores by indicator"),
    "indicator": ("ตัวชี้วัด", "Indicator"),
    "chart_caption": (
        "แผนภูมิคะแนนรายตัวชี้วัด เส้นประคือเกณฑ์จุดแข็ง {mark} คะแนน",
        "Indicator scores; the dashed line is the strength mark, {mark}",
    ),
    "strengths": ("จุดแข็ง (ตั้งแต่ {mark} คะแนนขึ้นไป)", "Strengths ({mark} or more)"),
    "strengths_full": ("จุดแข็ง (ได้คะแนนเต็ม {mark})", "Strengths (full marks, {mark})"),  # no score exceeds 100
    "weaknesses": ("จุดที่ควรพัฒนา (ต่ำกว่า {mark} คะแนน)", "To improve (below {mark})"),
    "none": ("ไม่มี", "none"),
    "respondents": ("ผู้ตอบแบบวัด", "Respondents"),
    "people": ("{n} คน", "{n}"),
    "check_title": ("ผลการตรวจแบบฟอร์ม", "What the check found"),
    "all_good": ("ไม่พบข้อผิดพลาดหรือคำเตือน", "No errors, no warnings"),
    "errors": ("ข้อผิดพลาดที่ต้องแก้ ({n} ช่อง/รายการ)", "Errors to fix ({n})"),
    "warnings": ("คำเตือน ({n} ช่อง/รายการ)", "Warnings ({n})"),
    "sheet": ("ชีต {name}", "Sheet {name}"),
    "capped": (
        "แสดงไม่เกิน {n} ช่อง/รายการต่อชีต และจำนวนที่บอกไว้ด้านล่างนับเฉพาะที่แสดง",
        "At most {n} problems are shown per sheet, and the counts below are of those shown",
    ),
    "whole_file": ("ทั้งไฟล์", "The whole file"),
    "cells": ("{n} ช่อง", "{n} cells"),
    "what_to_do": ("วิธีแก้", "What to do"),
    "fix_and_retry": (
        "แก้ไขในไฟล์ Excel แล้วบันทึก จากนั้นกลับไปหน้าแรกแล้วตรวจอีกครั้ง",
        "Correct the workbook in Excel and save it, then check it again from the first page.",
    ),
    "not_built": (
        "ยังทำสมุดงานวิเคราะห์และรายงานไม่ได้ เพราะแบบฟอร์มยังมีข้อผิดพลาด",
        "No analysis workbook or report yet: the workbook still has errors.",
    ),
    "downloads": ("ดาวน์โหลดผลลัพธ์", "Downloads"),
    "dl_analysis": ("สมุดงานวิเคราะห์ (Excel)", "Analysis workbook (Excel)"),
    "dl_report": ("รายงานผลการวิเคราะห์ (Word)", "Analysis report (Word)"),
    "dl_pdf": ("รายงานผลการวิเคราะห์ (PDF)", "Analysis report (PDF)"),
    "dl_rollup": ("สมุดงานสรุปผลหลายหน่วยงาน (Excel)", "Roll-up workbook (Excel)"),
    "dl_summary": ("รายงานสรุปสำหรับหน่วยงานต้นสังกัด (Word)", "Summary report (Word)"),
    "output_failed": ("ทำไฟล์ไม่สำเร็จ", "Could not make the files"),
    "kept_while_open": (
        "ไฟล์ผลลัพธ์เก็บไว้ชั่วคราวเฉพาะระหว่างที่เปิดหน้านี้อยู่ และจะถูกลบเมื่อปิดหน้านี้นานเกิน {minutes} นาที หรือเมื่อปิดโปรแกรม",
        "The files are kept only while this page is open: they are removed {minutes} minutes after it is closed, "
        "or when the program stops.",
    ),
    "forget": ("ลบไฟล์ของฉันตอนนี้", "Remove my files now"),
    "again": ("ตรวจไฟล์อื่น", "Check another file"),
    # roll-up results
    "rollup_title": ("สรุปผลหลายหน่วยงาน", "Several offices"),
    "rank": ("อันดับ", "Rank"),
    "mean_all": ("ค่าเฉลี่ยของกลุ่ม (ไม่ใช่ระดับประเทศ)", "Mean of the group (not national)"),
    "rollup_group": ("{group} ปีงบประมาณ {year}", "{group}, fiscal year {year}"),
    "offices_n": ("{n} หน่วยงาน", "{n} offices"),
    "unread": ("ไฟล์ที่นำมาสรุปไม่ได้ ({n})", "Files left out ({n})"),
    # errors
    "problem": ("เกิดปัญหา", "Something went wrong"),
    "back": ("กลับหน้าแรก", "Back to the first page"),
    "too_large": (
        "ไฟล์ใหญ่เกินไป: ส่งได้ครั้งละไม่เกิน {mb} MB แบ่งส่งเป็นหลายครั้ง "
        "หรือถ้าไฟล์ถูกต้องจริง ให้ผู้ดูแลเปิดโปรแกรมใหม่โดยเพิ่มขีดจำกัด (ita-xl serve --max-upload-mb)",
        "Too large: at most {mb} MB at a time; send fewer files at once, or, if the files are genuine, "
        "start the program again with a larger --max-upload-mb",
    ),
    "too_many": (
        "เลือกไฟล์มากเกินไป: ส่งได้ครั้งละไม่เกิน {files} ไฟล์ แบ่งส่งเป็นหลายครั้ง",
        "Too many files: at most {files} at a time; send them in parts",
    ),
    "no_file": (
        "ยังไม่ได้เลือกไฟล์: กดปุ่มเลือกไฟล์ แล้วเลือกไฟล์ Excel ที่กรอกแล้ว",
        "No file chosen: use the button to choose the filled workbook",
    ),
    "wrong_kind": (
        '"{name}" ใช้ในช่อง "{field}" ไม่ได้: ต้องเป็นไฟล์ {kinds}',
        '"{name}" cannot be used for "{field}": it must be a {kinds} file',
    ),
    "bad_zip": (
        '"{name}" ไม่ใช่ไฟล์ .zip ที่อ่านได้ หรือไม่มีไฟล์ Excel อยู่ข้างใน',
        '"{name}" is not a readable .zip, or holds no workbook',
    ),
    "zip_too_large": (
        '"{name}" เมื่อแตกไฟล์แล้วใหญ่เกิน {mb} MB (อาจเป็น zip bomb)',
        '"{name}" unpacks to more than {mb} MB (it may be a zip bomb)',
    ),
    "csrf": (
        "แบบฟอร์มนี้หมดอายุหรือไม่ได้ส่งมาจากหน้านี้ (เช่น เปิดโปรแกรมใหม่หลังจากเปิดหน้าไว้): กลับไปหน้าแรกแล้วส่งใหม่อีกครั้ง",
        "This form has expired or did not come from this page (for example, the program was restarted): "
        "go back to the first page and send it again",
    ),
    "foreign": (
        "คำขอนี้ไม่ได้มาจากหน้า ita-xl บนเครื่องนี้ จึงไม่ทำตาม",
        "This request did not come from the ita-xl page on this computer, so it was refused",
    ),
    "gone": (
        "ไม่พบผลลัพธ์นี้แล้ว (ถูกลบ หมดเวลา หรือเปิดโปรแกรมใหม่): กลับไปหน้าแรกแล้วส่งไฟล์อีกครั้ง",
        "These results are gone (removed, expired, or the program was restarted): send the file again",
    ),
    "not_found": ("ไม่พบหน้านี้", "No such page"),
    "bad_request": ("คำขอไม่ถูกต้อง: กลับไปหน้าแรกแล้วลองอีกครั้ง", "Bad request: go back and try again"),
    "internal": (
        "ข้อผิดพลาดภายในโปรแกรม ({what}); กลับไปหน้าแรกแล้วลองอีกครั้ง หากยังเกิดอีก ให้คัดลอกข้อความในหน้าต่างที่เปิดโปรแกรมไว้ส่งให้ผู้ดูแล",
        "internal error ({what}); go back and try again; if it happens again, send the text in the program's "
        "window to the maintainers",
    ),
}

# What to do for the problems staff meet most, in Excel's words (the messages themselves say what was found).
HINTS: dict[str, tuple[str, str]] = {
    "bad-answer": (
        "คลิกที่ช่อง แล้วเลือกคำตอบจากรายการ (ลูกศรที่มุมขวาของช่อง) แทนการพิมพ์เอง",
        "Click the cell and pick the answer from its list (the arrow at its right) instead of typing",
    ),
    "bad-choice": (
        "คลิกที่ช่อง แล้วเลือกจากรายการ (ลูกศรที่มุมขวาของช่อง)",
        "Click the cell and pick from its list (the arrow at its right)",
    ),
    "merged-cells": (
        "เลือกช่องนั้น แล้วกด หน้าแรก > ผสานและจัดกึ่งกลาง เพื่อยกเลิกการผสาน ให้หนึ่งช่องมีหนึ่งค่า",
        "Select the cells and click Home > Merge & Center to unmerge them: one value per cell",
    ),
    "missing-sheet": (
        "คัดลอกชีตนั้นจากแบบฟอร์มเปล่า (ข้อ 1) มาใส่ในไฟล์",
        "Copy the sheet from a blank workbook (step 1) into the file",
    ),
    "renamed-sheet": (
        "ดับเบิลคลิกที่แท็บชื่อชีตด้านล่าง แล้วตั้งชื่อเดิมกลับคืน",
        "Double-click the sheet's tab at the bottom and give it back its name",
    ),
    "hidden-rows": (
        "เลือกทั้งชีต คลิกขวาที่หัวแถว แล้วเลือก ยกเลิกการซ่อน ตรวจว่าแถวที่ซ่อนไว้ควรนับหรือไม่",
        "Select the whole sheet, right-click a row header and choose Unhide; check whether the hidden rows belong",
    ),
    "formula-no-value": (
        "เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง เพื่อให้สูตรมีค่าเก็บไว้ หรือพิมพ์ค่าแทนสูตร",
        "Open the file in Excel and save it again so formulas keep their values, or type the values instead",
    ),
    "bad-column": (
        "แก้รหัสในแถวที่ 2 ของคอลัมน์นั้นให้ตรงกับแบบฟอร์มเปล่า",
        "Correct the code in row 2 of that column to the one in a blank workbook",
    ),
    "no-url": ("ใส่ลิงก์ (URL) หลักฐานในชีต OIT", "Add the evidence link (URL) in the OIT sheet"),
}


def word(key: str, lang: str, **values: object) -> str:
    """Return the text ``key`` in ``lang`` with its placeholders filled."""
    th, en = WORDS[key]
    text = th if lang == "th" else en
    return text.format(**values) if values else text


def hint(code: str, lang: str) -> str:
    """Return what to do about a finding's code in Excel, or "" when its message says enough."""
    pair = HINTS.get(code)
    return "" if pair is None else pair[0] if lang == "th" else pair[1]
