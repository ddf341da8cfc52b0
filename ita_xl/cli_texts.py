"""Every help text of the ``ita-xl`` commands, in Thai and English, in one place.

Keys: ``"ita-xl"`` for the program, a command's name for its help, ``"<command>.<parameter>"`` for one option or
argument, and ``"*.<parameter>"`` for an option that several commands share. Each value is (Thai, English). A help's
first line is its summary in the command list. A new command or option needs its entry here: tests/test_cli_lang.py
fails naming what is missing. Lines after a line holding only ``\\b`` keep their breaks (click's convention).
"""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # ---- the program ----------------------------------------------------------------------------------------------
    "ita-xl": (
        """ita-xl: จากแบบบันทึกข้อมูล ITA (Excel) ของหน่วยงาน สู่สมุดงานวิเคราะห์และรายงานผลการวิเคราะห์ภาษาไทย

        ภาษาของข้อความ: ไทยโดยค่าเริ่มต้น; ใส่ --lang en (ก่อนหรือหลังชื่อคำสั่ง) หรือตั้งตัวแปร ITA_XL_LANG=en
        เพื่อใช้ภาษาอังกฤษ

        \b
        ตัวอย่าง:
          ita-xl new --year 2566 --office "สพป.ตัวอย่าง" my-office.xlsx
          ita-xl check my-office.xlsx
          ita-xl build my-office.xlsx""",
        """ita-xl: from the ITA Excel workbooks of a Thai public office to its analysis workbook and formal report.

        Messages are in Thai by default; pass --lang en (before or after the command name) or set ITA_XL_LANG=en
        for English.

        \b
        Example:
          ita-xl new --year 2566 --office "สพป.ตัวอย่าง" my-office.xlsx
          ita-xl check my-office.xlsx
          ita-xl build my-office.xlsx""",
    ),
    "*.lang": (
        "ภาษาของข้อความ: th (ไทย) หรือ en (อังกฤษ); ค่าเริ่มต้นจากตัวแปร ITA_XL_LANG หรือ th",
        "Language of messages: th (Thai) or en (English). Default: the ITA_XL_LANG variable, else th.",
    ),
    "*.debug": (
        "แสดงรายละเอียดข้อผิดพลาดที่ไม่คาดคิด (traceback) เพื่อส่งให้ผู้ดูแล",
        "Show the full traceback of an unexpected error, for a bug report.",
    ),
    "*.help": ("แสดงวิธีใช้นี้แล้วออก", "Show this message and exit."),
    "*.version": ("แสดงรุ่นของโปรแกรมแล้วออก", "Show the version and exit."),
    "*.year": (
        "ปีงบประมาณ (พ.ศ.) ของเกณฑ์การประเมิน เช่น 2566; ค่าเริ่มต้น: ปีที่ระบุในแบบบันทึก",
        "Fiscal year (BE) of the method, e.g. 2566. Default: the year the workbook names.",
    ),
    "*.framework_path": (
        "ใช้ไฟล์เกณฑ์ของท่านเอง (TOML) แทนเกณฑ์ที่มากับโปรแกรม เช่น สำหรับปี 2567",
        "Use your own method file (TOML) instead of a shipped year, e.g. for FY2567.",
    ),
    "*.force": ("เขียนทับไฟล์เดิมถ้ามีอยู่แล้ว", "Replace OUT if it exists."),
    "*.no_charts": ("ไม่ใส่แผนภูมิ (เร็วขึ้น)", "Leave the charts out (faster)."),
    "*.jobs": (
        "จำนวนกระบวนการที่ทำงานพร้อมกันเมื่อมีหลายไฟล์; ค่าเริ่มต้น: จำนวนแกนของเครื่อง",
        "Worker processes for many files. Default: the cores.",
    ),
    # ---- frameworks ------------------------------------------------------------------------------------------------
    "frameworks": (
        """แสดงปีงบประมาณที่มีเกณฑ์การประเมินมากับโปรแกรม

        \b
        ตัวอย่าง:
          ita-xl frameworks""",
        """List the fiscal years whose method ships with ita-xl.

        \b
        Example:
          ita-xl frameworks""",
    ),
    # ---- new -------------------------------------------------------------------------------------------------------
    "new": (
        """เขียนแบบบันทึกข้อมูลเปล่าให้เจ้าหน้าที่กรอก (OUT.xlsx)

        \b
        ตัวอย่าง:
          ita-xl new --year 2566 --office "สพป.จันทบุรี เขต 2" office-2566.xlsx""",
        """Write a blank workbook for staff to fill (OUT.xlsx).

        \b
        Example:
          ita-xl new --year 2566 --office "สพป.จันทบุรี เขต 2" office-2566.xlsx""",
    ),
    "new.year": (
        "ปีงบประมาณ (พ.ศ.) ของแบบบันทึก เช่น 2566; ค่าเริ่มต้น: ปีล่าสุดที่มีเกณฑ์ฉบับจริง (ไม่ใช่ฉบับชั่วคราว) ดูได้ด้วย ita-xl frameworks",
        "Fiscal year (BE) of the template, e.g. 2566. Default: the latest shipped year whose method is not provisional "
        "(see `ita-xl frameworks`).",
    ),
    "new.office": ("ชื่อหน่วยงานที่จะใส่ในแบบบันทึก", "Office name to write into the template."),
    # ---- check -----------------------------------------------------------------------------------------------------
    "check": (
        """ตรวจแบบบันทึกที่กรอกแล้ว แสดงปัญหาทุกข้อพร้อมชื่อชีตและช่อง

        รหัสออก 0: ไม่มีข้อผิดพลาด (อาจมีคำเตือน); 1: มีข้อผิดพลาดต้องแก้; 2: ใช้คำสั่งไม่ถูกต้อง

        \b
        ตัวอย่าง:
          ita-xl check workbooks/chanthaburi2-2565.xlsx""",
        """List every problem in a filled workbook at once, with sheet and cell.

        Exit code 0: no error (warnings may remain); 1: errors to fix; 2: usage problem.

        \b
        Example:
          ita-xl check workbooks/chanthaburi2-2565.xlsx""",
    ),
    # ---- score -----------------------------------------------------------------------------------------------------
    "score": (
        """แสดงคะแนนของแบบบันทึกที่กรอกแล้วเป็น JSON ทางเอาต์พุตมาตรฐาน หรือเขียนลงไฟล์ด้วย -o (UTF-8)

        บน Windows ให้ใช้ -o แทน > (PowerShell 5.1 และ Command Prompt บันทึกด้วยรหัสอักษรอื่น)

        \b
        ตัวอย่าง:
          ita-xl score workbooks/chanthaburi2-2565.xlsx -o result.json""",
        """Print the scores of a filled workbook as JSON on standard output, or write them to a file with -o (UTF-8).

        On Windows use -o rather than > (PowerShell 5.1 and the Command Prompt write other encodings).

        \b
        Example:
          ita-xl score workbooks/chanthaburi2-2565.xlsx -o result.json""",
    ),
    "score.out": (
        "เขียน JSON ลงไฟล์นี้ (UTF-8) แทนการแสดงทางเอาต์พุตมาตรฐาน",
        "Write the JSON to this file (UTF-8) instead of standard output.",
    ),
    # ---- build -----------------------------------------------------------------------------------------------------
    "build": (
        """เขียนสมุดงานวิเคราะห์และรายงานภาษาไทย ของแต่ละแบบบันทึก (ไฟล์หรือโฟลเดอร์)

        \b
        ตัวอย่าง:
          ita-xl build workbooks/chanthaburi2-2565.xlsx
          ita-xl build offices/ -o out/ --pdf""",
        """Write the analysis workbook and the Thai report of each workbook (files or folders).

        \b
        Example:
          ita-xl build workbooks/chanthaburi2-2565.xlsx
          ita-xl build offices/ -o out/ --pdf""",
    ),
    "build.out_dir": (
        "โฟลเดอร์ของไฟล์ผลลัพธ์; ค่าเริ่มต้น: โฟลเดอร์เดียวกับแบบบันทึก",
        "Folder for the outputs. Default: beside each input.",
    ),
    "build.text_path": (
        "สำเนาข้อความของรายงานที่หน่วยงานแก้ไขเอง (TOML); ดู ita-xl texts",
        "Your own copy of the report wording (TOML); see `ita-xl texts`.",
    ),
    "build.style_path": (
        "ไฟล์ Word (.docx, .dotx หรือ .docm) ที่รายงานใช้รูปแบบ (แบบอักษร หัวกระดาษ) ตาม",
        "A Word file (.docx, .dotx or .docm) whose styles (font, letterhead) the report uses.",
    ),
    "build.pdf": (
        "เขียนรายงานเป็น PDF ด้วย (ใช้ Microsoft Word บน Windows เมื่อติดตั้งส่วนเสริม [word] ไว้ มิฉะนั้นใช้ LibreOffice)",
        "Also write the report as PDF (with Microsoft Word on Windows when the [word] extra is installed, else LibreOffice).",
    ),
    "build.rollup_path": (
        "ไฟล์สรุปผลหลายหน่วยงาน (.xlsx จาก ita-xl rollup): รายงานระบุค่าเฉลี่ยและลำดับในกลุ่มนั้น เพิ่มจากค่าระดับประเทศที่กรอกไว้",
        "A roll-up (.xlsx from `ita-xl rollup`): the report adds the group's mean and the office's rank in it, "
        "beside the national figures the workbook gives.",
    ),
    # ---- rollup ----------------------------------------------------------------------------------------------------
    "rollup": (
        """จัดลำดับและสรุปผลหลายหน่วยงานของปีงบประมาณเดียว สำหรับหน่วยงานต้นสังกัด (แบบบันทึก หรือ JSON จาก ita-xl score)

        หน่วยงานที่คะแนนเท่ากันได้ลำดับเดียวกัน (1, 2, 2, 4) เรียงตามชื่อหน่วยงาน แต่ละไฟล์คือหนึ่งหน่วยงาน
        ค่าเฉลี่ยเป็นของกลุ่มที่สรุป (ตั้งชื่อด้วย --name) ไม่ใช่ค่าระดับประเทศ

        \b
        ตัวอย่าง:
          ita-xl rollup offices/ -o summary.xlsx --report summary.docx
          ita-xl build my-office.xlsx --rollup summary.xlsx""",
        """Rank many offices of one fiscal year and sum them up for the parent agency (workbooks or JSON from `ita-xl score`).

        Ties share a rank (1, 2, 2, 4), listed by office name. Each file is one office. The mean is the group's
        (name it with --name), never the national one.

        \b
        Example:
          ita-xl rollup offices/ -o summary.xlsx --report summary.docx
          ita-xl build my-office.xlsx --rollup summary.xlsx""",
    ),
    "rollup.out": ("สมุดงานสรุปที่จะเขียน (.xlsx)", "The summary workbook to write (.xlsx)."),
    "rollup.group_name": (
        'ชื่อกลุ่มหน่วยงานที่สรุป เช่น "สพป. ในจังหวัดจันทบุรี"; ค่าเริ่มต้น: "หน่วยงาน N แห่งในการสรุปผลนี้"',
        'The name of the group rolled up, e.g. "สพป. ในจังหวัดจันทบุรี". Default: "หน่วยงาน N แห่งในการสรุปผลนี้".',
    ),
    "rollup.year": (
        "ปีงบประมาณ (พ.ศ.) ที่จะสรุป เมื่อไฟล์มีหลายปี; ไฟล์ของปีอื่นจะถูกข้ามและแสดงรายชื่อ",
        "The fiscal year (BE) to roll up when the files are of several years; files of other years are skipped "
        "and listed.",
    ),
    "rollup.report_path": (
        "เขียนรายงานสรุปภาษาไทยฉบับย่อ สำหรับหน่วยงานต้นสังกัดด้วย (.docx)",
        "Also write a short Thai summary report for the parent agency (.docx).",
    ),
    # ---- texts -----------------------------------------------------------------------------------------------------
    "texts": (
        """เขียนสำเนาข้อความของรายงาน (TOML) ให้หน่วยงานแก้ไข แล้วใช้กับ build --text

        \b
        ตัวอย่าง:
          ita-xl texts my-wording.toml
          ita-xl build my-office.xlsx --text my-wording.toml""",
        """Write a copy of the report's wording (TOML) for an office to edit, then use it with build --text.

        \b
        Example:
          ita-xl texts my-wording.toml
          ita-xl build my-office.xlsx --text my-wording.toml""",
    ),
    # ---- serve -----------------------------------------------------------------------------------------------------
    "serve": (
        """เปิดหน้าเว็บในเบราว์เซอร์: แบบบันทึก ตรวจ คะแนน รายงาน และสรุปภาพรวม บนเครื่องนี้เท่านั้น

        หน้าเว็บรับการเชื่อมต่อที่ 127.0.0.1 เท่านั้น (เครื่องอื่นเข้าไม่ได้) และลบไฟล์ที่อัปโหลดและผลลัพธ์ทั้งหมด
        เมื่อหยุด (Ctrl+C); ต้องติดตั้งส่วนเสริม web: pip install "ita-xl[web]"

        \b
        ตัวอย่าง:
          ita-xl serve
          ita-xl serve --port 8800 --no-browser""",
        """Open the page in the browser: templates, check, scores, report and roll-up, on this computer only.

        The page listens on 127.0.0.1 only (no other computer can reach it) and removes every upload and result
        when it stops (Ctrl+C). Needs the web extra: pip install "ita-xl[web]".

        \b
        Example:
          ita-xl serve
          ita-xl serve --port 8800 --no-browser""",
    ),
    "serve.port": ("พอร์ตที่ 127.0.0.1 (0: พอร์ตใดก็ได้ที่ว่าง)", "Port on 127.0.0.1 (0: any free port)."),
    "serve.no_browser": ("ไม่เปิดเบราว์เซอร์ แสดงเฉพาะที่อยู่", "Do not open the browser; only print the address."),
    "serve.max_upload_mb": (
        "ขนาดอัปโหลดสูงสุดต่อครั้ง (MB); ค่าเริ่มต้น: 100",
        "Largest upload at a time, in MB. Default: 100.",
    ),
    # ---- followup --------------------------------------------------------------------------------------------------
    "followup": (
        """เขียนรายงานผลการดำเนินการ ตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (OIT o43 / O43 / O26) จากคอลัมน์ติดตามผลของชีตมาตรการ

        แต่ละไฟล์ได้ WORKBOOK-followup.docx: ผลของแต่ละมาตรการ สถานะและหลักฐาน จำนวนมาตรการตามสถานะ ร้อยละความสำเร็จเฉลี่ย
        แผนภูมิ ปัญหาอุปสรรคและข้อเสนอแนะ และส่วนลงนาม

        \b
        ตัวอย่าง:
          ita-xl followup workbooks/chanthaburi2-2565.xlsx -o out --round 12
          ita-xl followup my-office.xlsx --round 6 --no-problems --pdf""",
        """Write the follow-up report on the measures (OIT o43 / O43 / O26) from the progress in the measures sheet.

        Each workbook gives WORKBOOK-followup.docx: what each measure achieved, its status and evidence, counts per
        status, the mean percent done, a chart, problems and suggestions, and the signature.

        \b
        Example:
          ita-xl followup workbooks/chanthaburi2-2565.xlsx -o out --round 12
          ita-xl followup my-office.xlsx --round 6 --no-problems --pdf""",
    ),
    "followup.round_months": (
        "รายงานรอบ 6 เดือน หรือ 12 เดือน (สิ้นปี); ค่าเริ่มต้น: 6 เมื่อวันที่รายงานผลทุกมาตรการอยู่ในครึ่งปีแรก",
        "The 6-month or 12-month (year-end) report. Default: 6 when every progress date is in the first half year.",
    ),
    "followup.report_date": (
        "วันที่ของรายงาน (ปปปป-ดด-วว เป็น ค.ศ.; พิมพ์ในรายงานเป็น พ.ศ.); ค่าเริ่มต้น: วันนี้",
        "Date of the report (YYYY-MM-DD, Common Era; printed in the Buddhist era). Default: today.",
    ),
    "followup.no_problems": (
        "ไม่ใส่ปัญหาและอุปสรรคในรายงาน (สำหรับฉบับที่เผยแพร่)",
        "Leave the problems and obstacles out (for the published copy).",
    ),
    "followup.out_dir": (
        "โฟลเดอร์ของไฟล์ผลลัพธ์; ค่าเริ่มต้น: โฟลเดอร์เดียวกับแบบบันทึก",
        "Folder for the outputs. Default: beside each input.",
    ),
    "followup.text_path": (
        "สำเนาข้อความของรายงานที่หน่วยงานแก้ไขเอง (TOML ส่วน [followup]); ดู ita-xl texts",
        "Your own copy of the report wording (TOML, its [followup] part); see `ita-xl texts`.",
    ),
    "followup.style_path": (
        "ไฟล์ Word (.docx, .dotx หรือ .docm) ที่รายงานใช้รูปแบบ (แบบอักษร หัวกระดาษ) ตาม",
        "A Word file (.docx, .dotx or .docm) whose styles (font, letterhead) the report uses.",
    ),
    "followup.pdf": (
        "เขียนรายงานเป็น PDF ด้วย (ใช้ Microsoft Word บน Windows เมื่อติดตั้งส่วนเสริม [word] ไว้ มิฉะนั้นใช้ LibreOffice)",
        "Also write the report as PDF (with Microsoft Word on Windows when the [word] extra is installed, else LibreOffice).",
    ),
}


def help_text(key: str, lang: str) -> str | None:
    """Return the help of ``key`` ("build", "build.pdf") in ``lang``, falling back to "*.<parameter>"; else None."""
    found = HELP.get(key)
    if found is None and "." in key:
        found = HELP.get("*." + key.split(".", 1)[1])
    if found is None:
        return None
    return found[1] if lang == "en" else found[0]
