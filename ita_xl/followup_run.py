"""Read one office workbook and write its follow-up report on the measures (``ita-xl followup``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ita_xl.errors import ItaError
from ita_xl.excel import sheets as S
from ita_xl.pipeline import BuildOutcome, evaluate
from ita_xl.result import Finding
from ita_xl.word.followup import FollowupOptions

# Only these sheets matter to a follow-up: a score that cannot be computed does not stop it.
SHEETS_USED = (S.OFFICE, S.MEASURES)


@dataclass
class FollowupRequest:
    """What ``ita-xl followup`` was asked for, beyond the report's own options."""

    out_dir: Path | None = None
    pdf: bool = False
    protect: tuple[Path, ...] = ()


def followup_paths(source: Path, out_dir: Path | None) -> tuple[Path, Path]:
    """Return the follow-up report's .docx and .pdf paths for ``source``."""
    folder = out_dir if out_dir is not None else source.parent
    return folder / f"{source.stem}-followup.docx", folder / f"{source.stem}-followup.pdf"


def _concerns_followup(f: Finding) -> bool:
    """Return True when ``f`` is about a sheet the follow-up reads."""
    return f.where.split("!")[0] in SHEETS_USED


def nothing_recorded(source: Path) -> Finding:
    """Return the warning given when no measure has any progress recorded yet."""
    columns = ", ".join(c.heading for c in S.PROGRESS_COLUMNS[:3])
    return Finding(
        "warning",
        "no-progress",
        f"ยังไม่มีการบันทึกผลการดำเนินการของมาตรการใด รายงานจึงแสดงเฉพาะรายการมาตรการ; "
        f"บันทึกผลในคอลัมน์ {columns} ของชีต {S.MEASURES} แล้วสั่งอีกครั้ง",
        f"no measure has any progress recorded, so the report only lists the measures; record it in the "
        f"{S.MEASURES} sheet's follow-up columns (result, status, percent) and run again",
        S.MEASURES,
    )


def followup_one(source: Path, options: FollowupOptions, request: FollowupRequest) -> BuildOutcome:
    """Read ``source`` and write its follow-up report (and PDF when asked); never raises ItaError."""
    from ita_xl.safeio import atomic_output
    from ita_xl.word.followup import measures_to_follow, write_followup

    outcome = BuildOutcome(source)
    try:
        ev = evaluate(source, year=None)
        errors = [f for f in ev.errors if _concerns_followup(f)]
        outcome.warnings = [f for f in ev.warnings if _concerns_followup(f)]
        if errors:
            first = errors[0]
            more = f" (และอีก {len(errors) - 1} ข้อ; ดูทั้งหมดด้วย ita-xl check)" if len(errors) > 1 else ""
            more_en = f" (and {len(errors) - 1} more; see them all with ita-xl check)" if len(errors) > 1 else ""
            raise ItaError(first.message("th") + more, first.message("en") + more_en)
        measures = measures_to_follow(ev.result, str(source))
        if not any(m.progress.recorded for m in measures):
            outcome.warnings.append(nothing_recorded(source))
        docx, pdf = followup_paths(source, request.out_dir)
        protect = (source, *request.protect)
        with atomic_output(docx, protect=protect) as tmp:
            write_followup(ev.result, measures, tmp, options)
        outcome.outputs.append(docx)
        if request.pdf:
            from ita_xl.word.pdf import NUMERALS_CONTEXT, convert_to_pdf

            with atomic_output(pdf, protect=protect) as tmp:
                # The footer's page numbers in the office's digits, the evidence links' digits as written.
                convert_to_pdf(docx, tmp, thai_digits=ev.result.office.thai_digits, numerals=NUMERALS_CONTEXT)
            outcome.outputs.append(pdf)
    except ItaError as exc:
        outcome.error = exc
    return outcome
