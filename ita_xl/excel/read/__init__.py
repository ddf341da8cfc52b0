"""Read a filled staff workbook into an OfficeInput, listing every problem with its sheet and cell.

One module per room: ``package`` (is it a sane .xlsx, the limits), ``scan`` (the sheet XML before parsing),
``cells`` (cell names, text, numbers, dates), ``workbook`` (sheets by name, code rows, book-wide checks), and one
module per sheet kind: ``office`` (ข้อมูลหน่วยงาน), ``surveys`` (IIT, EIT), ``oit`` (OIT), ``scores`` (ผลคะแนน),
``history`` (ประวัติ), ``measures`` (มาตรการ).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ita_xl.errors import InputError, Where
from ita_xl.excel import sheets as S
from ita_xl.excel.read.history import history_entries
from ita_xl.excel.read.measures import measure_rows
from ita_xl.excel.read.office import office_info
from ita_xl.excel.read.oit import oit_sheet
from ita_xl.excel.read.package import check_package
from ita_xl.excel.read.scan import check_extent, scan_sheets
from ita_xl.excel.read.scores import given_scores
from ita_xl.excel.read.surveys import survey_data
from ita_xl.excel.read.workbook import WorkbookReader, open_sheets
from ita_xl.model import Framework, OfficeInput
from ita_xl.oit_list import adapt
from ita_xl.result import Finding


@dataclass
class Reading:
    """What the reader made of a workbook: the framework chosen, the office's input, and the problems found."""

    framework: Framework
    data: OfficeInput
    problems: list[Finding] = field(default_factory=list)


def read_office(path: Path, framework: Framework | None = None, year: int | None = None) -> Reading:
    """Return the workbook at ``path`` read against a framework, with every problem found.

    The framework is ``framework``, else the shipped one of ``year``, else the one of the fiscal year the office
    sheet names, else the newest. Raises InputError when the file is not a readable ita-xl workbook, or when a
    sheet's filled cells pass the limits (checked before parsing).
    """
    package = check_package(path)
    _refuse_own_output(path)
    scans = scan_sheets(path)
    check_extent(path, scans)
    book = open_sheets(path, scans)
    book.has_macros = package.has_macros
    return _read_sheets(WorkbookReader(path, book), framework, year)


def _method_of_sheet_year(rd: WorkbookReader, chosen: int) -> Framework:
    """Return the shipped method of the year the office sheet names; else raise InputError naming its cell."""
    from ita_xl import framework as fwmod

    if chosen in fwmod.available_years():
        return fwmod.load(year=chosen)
    have = ", ".join(str(y) for y in fwmod.available_years())
    where = rd.locations.get("year", S.OFFICE)
    sheet, _, cell = where.partition("!")
    # A year typed as CE (2066) was read as BE (2609): say so, since the run stops before its warning is shown.
    ce = [f for f in rd.problems if f.code == "ce-year" and f.where == where]
    ce_th, ce_en = (f" ({ce[0].th.split(';')[0]})", f" ({ce[0].en.split(';')[0]})") if ce else ("", "")
    raise InputError(
        f"ปีงบประมาณที่ประเมินในช่องนี้คือ {chosen}{ce_th} ซึ่งไม่มีเกณฑ์การประเมินที่มากับโปรแกรม (มี: {have}); "
        f"แก้ปีในช่องนี้ให้ถูกต้อง (พ.ศ. เช่น {fwmod.default_year()}) หรือใช้ --framework ไฟล์เกณฑ์ของปีนั้น",
        f"the assessment year in this cell is {chosen}{ce_en}, and no method of that year ships with ita-xl "
        f"(available: {have}); correct the year (BE, e.g. {fwmod.default_year()}) or pass --framework FILE for that year",
        Where(str(rd.path), sheet, cell),
    )


_KIND_TH = {"analysis": "สมุดงานวิเคราะห์", "rollup": "สมุดงานสรุปผลหลายหน่วยงาน"}


def _refuse_own_output(path: Path) -> None:
    """Raise InputError when ``path`` is a workbook ita-xl wrote (an analysis or a roll-up), naming what to use."""
    from ita_xl.rollup_inputs import output_kind

    kind = output_kind(path)
    if not kind:
        return
    source = path.name[: -len("-analysis.xlsx")] + ".xlsx" if path.name.endswith("-analysis.xlsx") else ""
    use_th = f"ใช้แบบบันทึกที่กรอก ({source})" if source else "ใช้แบบบันทึกที่กรอกของหน่วยงาน"
    use_en = f"use the filled workbook ({source})" if source else "use the office's filled workbook"
    raise InputError(
        f"เป็น{_KIND_TH.get(kind, 'ไฟล์ผลลัพธ์')}ที่ ita-xl เขียน ไม่ใช่แบบบันทึกของหน่วยงาน; {use_th}",
        f"is a file ita-xl wrote ({kind}), not an office's workbook; {use_en}",
        Where(str(path)),
    )


def _read_sheets(rd: WorkbookReader, framework: Framework | None, year: int | None) -> Reading:
    """Return the reading of every sheet in turn, the framework chosen from the office sheet when not given."""
    from ita_xl import framework as fwmod

    known = [rd.sheet(n) for n in (S.OFFICE, S.IIT, S.EIT, S.OIT, S.SCORES)]
    if not any(known):
        raise InputError(
            f"ไม่ใช่แบบบันทึกข้อมูล ITA (ไม่มีชีต {S.OFFICE}, {S.IIT}, {S.EIT}, {S.OIT} หรือ {S.SCORES}); "
            "สร้างแบบฟอร์มด้วย ita-xl new แล้วกรอกข้อมูลลงในแบบฟอร์ม",
            f"not an ITA workbook (no sheet {S.OFFICE}, {S.IIT}, {S.EIT}, {S.OIT} or {S.SCORES}); "
            "make a template with `ita-xl new` and fill it",
            Where(str(rd.path)),
        )
    if rd.book.has_macros:
        rd.add(
            "warning",
            "macros",
            "ไฟล์มีแมโคร (VBA) ซึ่ง ita-xl ไม่เรียกใช้เลย อ่านเฉพาะค่าในช่อง; ไฟล์ผลลัพธ์ไม่มีแมโคร",
            "the workbook holds macros (VBA), which ita-xl never runs: only cell values are read, "
            "and the outputs carry no macros",
        )
    office = office_info(rd)
    if framework is None:
        chosen = year or office.year or rd.list_sheet_year()
        if year is None and office.year is None and chosen is not None:
            rd.add(
                "warning",
                "year-from-template",
                f"ไม่ได้กรอกปีงบประมาณในชีต {S.OFFICE} จึงใช้เกณฑ์ปี {chosen} ตามแบบฟอร์มที่สร้างไว้; ถ้าไม่ใช่ปีที่ประเมิน ให้กรอกปีให้ถูกต้อง",
                f"no assessment year in sheet {S.OFFICE}, so the method of {chosen} is used, as the template was "
                "made for; if that is not the year assessed, fill in the right year",
                rd.locations.get("year", S.OFFICE),
            )
        if chosen is None:
            rd.add(
                "warning",
                "no-year",
                f"ไม่ได้ระบุปีงบประมาณที่ประเมิน จึงใช้เกณฑ์ปีล่าสุด; กรอกปีในชีต {S.OFFICE} หรือใช้ --year",
                f"no assessment year given, so the newest method is used; fill the year in sheet {S.OFFICE} or pass --year",
                rd.locations.get("year", S.OFFICE),
            )
        sheet_year = chosen is not None and chosen != year and chosen == office.year
        framework = _method_of_sheet_year(rd, chosen) if sheet_year and chosen is not None else None
        framework = framework or fwmod.load(year=chosen)
    fw = framework
    surveys = {}
    for tool in S.SURVEYS:
        survey = survey_data(rd, fw, tool)
        if survey is not None:
            surveys[tool] = survey
    oit, oit_list = oit_sheet(rd, fw)
    fw, changes = adapt(fw, oit_list)  # the office's own OIT list, where it differs from the shipped one
    rd.problems.extend(changes)
    given = given_scores(rd, fw)
    for tool in fw.tools:
        has_raw = tool in surveys if fw.tools[tool].kind == "survey" else bool(oit)
        has_score = tool in given or any(i in given for i in fw.tools[tool].indicators)
        if not has_raw and not has_score and rd.sheet(tool) is None:
            rd.missing_sheet(
                tool,
                f"กรอกคำตอบในชีต {tool} หรือพิมพ์คะแนน {tool} ในชีต {S.SCORES}",
                f"add it with the answers, or type the {tool} score in sheet {S.SCORES}",
            )
    if rd.sheet(S.SCORES) is None and not surveys and not oit:
        rd.missing_sheet(
            S.SCORES,
            f"ต้องมีคำตอบในชีต IIT, EIT และ OIT หรือผลคะแนนในชีต {S.SCORES} แต่ไฟล์นี้ไม่มีคำตอบ",
            f"a workbook needs the answers (sheets IIT, EIT, OIT) or the official scores (sheet {S.SCORES}), "
            "and this one has no answers",
        )
    history = history_entries(rd)
    measures = measure_rows(rd, fw)
    rd.hidden_and_merged()
    rd.add_unshown_counts()
    data = OfficeInput(
        office=office,
        surveys=surveys,
        oit=oit,
        given=given,
        history=history,
        measures=measures,
        source=str(rd.path),
        locations=dict(rd.locations),
    )
    return Reading(fw, data, rd.problems)
