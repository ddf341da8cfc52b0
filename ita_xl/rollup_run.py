"""The ``ita-xl rollup`` command's steps: check the paths, read the offices with progress, write, say what happened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ita_xl.errors import UsageError


@dataclass(frozen=True)
class RollupRequest:
    """What ``ita-xl rollup`` was asked for."""

    inputs: tuple[Path, ...]
    out: Path
    report: Path | None = None
    name: str = ""
    year: int | None = None
    charts: bool = True
    jobs: int | None = None


def run_rollup(request: RollupRequest, lang: str = "th", echo: Callable[[str], None] = print) -> int:
    """Write the roll-up workbook (and report) of ``request``; print what was skipped, failed and written.

    Every output path is checked against every input and the other output before anything is read. Returns the
    exit code: 1 when a file could not be read, else 0. Raises UsageError (nothing written) for impossible requests.
    """
    from ita_xl import framework as fwmod
    from ita_xl.batch import EXCEL_SUFFIXES, collect_inputs, progress_bar
    from ita_xl.excel.rollup_book import write_rollup_workbook
    from ita_xl.rollup import collect, unusable
    from ita_xl.rollup_inputs import check_outputs
    from ita_xl.safeio import staged_outputs

    th = lang == "th"
    outputs = [request.out, *([request.report] if request.report else [])]
    # An earlier roll-up (or a lock file) is never read, so writing over it is no harm to an input.
    check_outputs(outputs, [p for p in request.inputs if not p.is_dir() and unusable(p) is None])
    if request.out.suffix.lower() != ".xlsx":
        raise UsageError("ไฟล์สรุปต้องลงท้ายด้วย .xlsx", "the summary file name must end in .xlsx")
    if request.report is not None and request.report.suffix.lower() != ".docx":
        raise UsageError("ไฟล์รายงานสรุปต้องลงท้ายด้วย .docx", "the summary report's file name must end in .docx")
    paths = collect_inputs(list(request.inputs), suffixes=(*EXCEL_SUFFIXES, ".json"))
    readable = tuple(p for p in paths if unusable(p) is None)
    check_outputs(outputs, list(readable))
    with progress_bar(len(paths)) as bar:
        summary = collect(paths, request.jobs, request.year, request.name, tick=lambda name: bar.update(1, name))
    if not summary.offices:
        # Nothing to rank: an empty summary would only mislead. Say why each file was left out, write nothing.
        for n in summary.skipped:
            echo(("ข้าม: " if th else "skipped: ") + n.message(lang))
        for n in summary.failed:
            echo(("ไม่สำเร็จ: " if th else "failed: ") + n.message(lang))
        failed, skipped = len(summary.failed), len(summary.skipped)
        echo(
            f"ข้อผิดพลาด: ไม่ได้เขียน {request.out}: ไม่มีแบบบันทึกที่ใช้สรุปได้ (ไม่สำเร็จ {failed}, ข้าม {skipped}); "
            "แก้ไฟล์ตามข้อความข้างต้นแล้วสรุปใหม่"
            if th
            else f"error: {request.out} not written: no workbook could be rolled up ({failed} failed, {skipped} "
            "skipped); correct the files named above and run again"
        )
        return 1
    with staged_outputs(readable) as stage:  # one run, one outcome: both files or neither
        write_rollup_workbook(summary, stage.path(request.out), charts=request.charts)
        if request.report is not None:
            from ita_xl.word.summary import write_summary_report

            write_summary_report(summary, stage.path(request.report))
    for year in sorted({o.year for o in summary.offices if o.provisional}):
        notice = fwmod.load(year=year).provisional
        if notice:
            echo(("คำเตือน: " if th else "warning: ") + notice[0 if th else 1])
    for n in summary.warnings:
        echo(("คำเตือน: " if th else "warning: ") + n.message(lang))
    for n in summary.skipped:
        echo(("ข้าม: " if th else "skipped: ") + n.message(lang))
    for n in summary.failed:
        echo(("ไม่สำเร็จ: " if th else "failed: ") + n.message(lang))
    for o in outputs:
        echo(("เขียนแล้ว: " if th else "wrote: ") + str(o))
    mean_total = summary.mean_total
    shown = f"{mean_total:.2f}" if mean_total is not None else "-"
    year_shown = str(summary.year or "-")
    offices, failed, skipped = len(summary.offices), len(summary.failed), len(summary.skipped)
    group_en = summary.name or f"the {offices} offices of this roll-up"  # the documents' default name is Thai
    echo(
        f"สรุป: {summary.group_name} ปีงบประมาณ {year_shown}: {offices} หน่วยงาน, ไม่สำเร็จ {failed}, "
        f"ข้าม {skipped}, ค่าเฉลี่ยของกลุ่ม {shown}"
        if th
        else f"summary: {group_en}, FY{year_shown}: {offices} offices, {failed} failed, {skipped} skipped, "
        f"group mean {shown}"
    )
    return 1 if summary.failed else 0
