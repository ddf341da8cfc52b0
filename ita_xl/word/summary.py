"""Write the parent agency's short Thai summary report (.docx) of a roll-up of many offices."""

from __future__ import annotations

import errno
from datetime import date
from decimal import Decimal
from pathlib import Path

from ita_xl.errors import OutputError, Where
from ita_xl.rollup import Rollup
from ita_xl.thai import score_text, thai_date, thai_digits
from ita_xl.word import style as st
from ita_xl.word.docx_helpers import clean, footer_page_number, set_style, style_id
from ita_xl.word.docx_xml import add_table

GRADES = ("AA", "A", "B", "C", "D", "E", "F")
TABLE_STYLES = (st.TABLE, st.TABLE_HEAD, st.TABLE_TEXT)


def write_summary_report(rollup: Rollup, path: Path, style: Path | None = None, today: date | None = None) -> None:
    """Write a few pages for the parent agency: overview, grade distribution, weakest indicators, ranking."""
    doc = st.open_style(style)
    body = style_id(doc, st.BODY)
    h1 = style_id(doc, st.HEADING1)
    title_style = style_id(doc, st.TITLE)

    def para(text: str, sid: str = body) -> None:
        set_style(doc.add_paragraph(clean(text)), sid)

    offices = rollup.offices
    n = len(offices)
    year = thai_digits(rollup.year) if rollup.year else "-"
    group = clean(rollup.group_name)
    mean_total = rollup.mean_total
    passed = sum(1 for o in offices if o.passed)
    para(f"สรุปผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานในสังกัด ปีงบประมาณ พ.ศ. {year}", title_style)
    para(f"กลุ่มหน่วยงานที่สรุป: {group}", style_id(doc, st.CENTER))
    para(f"จัดทำเมื่อ {thai_date(today or date.today())}", style_id(doc, st.CENTER))
    para("๑. ภาพรวม", h1)
    if n:
        best, worst = offices[0], offices[-1]
        para(
            f"การสรุปผลนี้ครอบคลุม{group} ปีงบประมาณ พ.ศ. {year} รวม {thai_digits(n)} หน่วยงาน "
            f"คะแนนเฉลี่ยของกลุ่มร้อยละ {score_text(mean_total)} "
            f"ผ่านเกณฑ์ (ร้อยละ ๘๕ ขึ้นไป) {thai_digits(passed)} หน่วยงาน ไม่ผ่าน {thai_digits(n - passed)} หน่วยงาน "
            f"คะแนนสูงสุดคือ {clean(best.name)} ร้อยละ {score_text(best.total)} "
            f"และต่ำสุดคือ {clean(worst.name)} ร้อยละ {score_text(worst.total)}"
        )
        para(
            "คะแนนเฉลี่ยและลำดับในเอกสารนี้คำนวณจากหน่วยงานในการสรุปผลนี้เท่านั้น ไม่ใช่คะแนนเฉลี่ยหรือลำดับระดับประเทศ "
            "ซึ่งให้ใช้ตามที่ประกาศในระบบ ITAS"
        )
    else:
        para("ไม่มีหน่วยงานที่อ่านผลได้")
    if rollup.failed or rollup.skipped:
        para(
            f"มีไฟล์ที่อ่านไม่ได้ {thai_digits(len(rollup.failed))} ไฟล์ และไฟล์ที่ข้าม {thai_digits(len(rollup.skipped))} ไฟล์ "
            "(รายชื่อและสาเหตุในชีต สรุป ของไฟล์สรุป Excel)"
        )
    para("๒. การกระจายของระดับผลการประเมิน", h1)
    counts = rollup.grade_counts()
    rows = [
        [g, thai_digits(counts.get(g, 0)), score_text(Decimal(counts.get(g, 0) * 100) / n if n else Decimal(0))]
        for g in GRADES
    ]
    add_table(doc, ["ระดับ", "จำนวนหน่วยงาน", "ร้อยละ"], rows, (4.0, 5.0, 5.0), TABLE_STYLES, center=(0, 1, 2))
    para("๓. คะแนนเฉลี่ยรายตัวชี้วัด", h1)
    means = rollup.indicator_means()
    weakest = {code for code, _ in rollup.weakest()}
    rows = [
        [
            thai_digits(code),
            rollup.indicator_names.get(code, ""),
            score_text(value),
            "ควรเร่งพัฒนา" if code in weakest else "",
        ]
        for code, value in means.items()
    ]
    add_table(
        doc, ["ตัวชี้วัดที่", "ประเด็น", "คะแนนเฉลี่ย", "หมายเหตุ"], rows, (2.2, 7.3, 3.0, 3.5), TABLE_STYLES, center=(0, 2)
    )
    if weakest:
        names = ", ".join(
            f"ตัวชี้วัดที่ {thai_digits(c)} {rollup.indicator_names.get(c, '')}".strip() for c, _ in rollup.weakest()
        )
        para(f"ตัวชี้วัดที่มีคะแนนเฉลี่ยต่ำที่สุดและควรได้รับการส่งเสริมเป็นลำดับแรก ได้แก่ {names}")
    para("๔. ลำดับของหน่วยงาน", h1)
    para("หน่วยงานที่ได้คะแนนเท่ากันได้ลำดับเดียวกัน และลำดับถัดไปเว้นตามจำนวนที่เท่ากัน (เช่น ๑, ๒, ๒, ๔)")
    rows = [
        [thai_digits(o.rank), clean(o.name), score_text(o.total), o.grade, "ผ่าน" if o.passed else "ไม่ผ่าน"]
        for o in offices
    ]
    para(f"ลำดับต่อไปนี้เป็นลำดับภายใน{group}")
    add_table(
        doc,
        ["ลำดับ", "หน่วยงาน", "คะแนนรวม", "ระดับ", "ผล"],
        rows,
        (1.8, 8.2, 2.6, 1.8, 2.0),
        TABLE_STYLES,
        center=(0, 2, 3, 4),
    )
    core = doc.core_properties
    core.title = f"สรุปผลการประเมิน ITA ปีงบประมาณ {rollup.year or ''}".strip()
    core.subject = rollup.group_name
    core.comments = "ita-xl rollup"
    footer_page_number(doc.sections[-1], True)
    try:
        doc.save(str(path))
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise  # atomic_output names a full disk
        raise OutputError(
            f"บันทึกรายงานสรุปไม่ได้ ({exc.strerror})", f"cannot save the summary report ({exc.strerror})", Where(str(path))
        ) from None
