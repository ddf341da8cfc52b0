"""Read, score and build one office workbook: the steps every command shares."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from ita_xl.errors import ItaError
from ita_xl.evaluation import Evaluation, evaluate
from ita_xl.model import Framework
from ita_xl.result import Finding
from ita_xl.safeio import staged_outputs

# Evaluation and evaluate live in ita_xl.evaluation (so rollup and the writers need not import this module).
__all__ = ["BuildOptions", "BuildOutcome", "Evaluation", "build_one", "evaluate", "output_paths", "write_outputs"]


@dataclass
class BuildOptions:
    """What ``ita-xl build`` was asked for."""

    out_dir: Path | None = None
    framework: Framework | None = None
    year: int | None = None
    text: Path | None = None
    style: Path | None = None
    pdf: bool = False
    charts: bool = True
    rollup: Path | None = None
    analysis: bool = True
    report: bool = True
    protect: tuple[Path, ...] = ()  # every input of the batch: no output may replace one of them


@dataclass
class BuildOutcome:
    """What building one workbook produced: the files written, or the error, and the warnings."""

    source: Path
    outputs: list[Path] = field(default_factory=list)
    error: ItaError | None = None
    warnings: list[Finding] = field(default_factory=list)
    total: float | None = None
    pdf_engine: str = ""  # the program that made the PDF, when one was made


def output_paths(source: Path, out_dir: Path | None, stem: str | None = None) -> tuple[Path, Path, Path]:
    """Return the analysis workbook, report and PDF paths for ``source``."""
    folder = out_dir if out_dir is not None else source.parent
    name = stem or source.stem
    return folder / f"{name}-analysis.xlsx", folder / f"{name}-report.docx", folder / f"{name}-report.pdf"


def build_one(source: Path, options: BuildOptions, stem: str | None = None) -> BuildOutcome:
    """Read, score and write the analysis workbook and report of ``source``; never raises ItaError."""
    try:
        ev = evaluate(source, options.framework, options.year)
    except ItaError as exc:
        return BuildOutcome(source, error=exc)
    return write_outputs(ev, options, stem)


def write_outputs(ev: Evaluation, options: BuildOptions, stem: str | None = None) -> BuildOutcome:
    """Write the analysis workbook and report of a scored workbook; never raises ItaError.

    A workbook with errors writes nothing: the outcome's error is the first of them (and how many more).
    One build, one outcome: every file is written to a temporary file first and they replace their targets only
    when all are written, so a failure (the report's text, a full disk, no LibreOffice for the PDF) leaves none of
    them. Only when replacing one fails at the very end (a file open in another program) do the ones already in
    place stay; ``outputs`` then names exactly those.
    """
    source = ev.path
    outcome = BuildOutcome(source, warnings=list(ev.warnings))
    written: list[Path] = []
    paths = output_paths(source, options.out_dir, stem)
    try:
        if ev.errors:
            first = ev.errors[0]
            more = f" (และอีก {len(ev.errors) - 1} ข้อ; ดูทั้งหมดด้วย ita-xl check)" if len(ev.errors) > 1 else ""
            more_en = f" (and {len(ev.errors) - 1} more; see them all with ita-xl check)" if len(ev.errors) > 1 else ""
            raise ItaError(first.message("th") + more, first.message("en") + more_en)
        if options.rollup is not None:
            from ita_xl.rollup_feed import apply_rollup

            ev = apply_rollup(ev, options.rollup)
            outcome.warnings = list(ev.warnings)
        xlsx, docx, pdf = paths
        if ev.result.total is not None:
            outcome.total = float(ev.result.total.shown)
        with staged_outputs((source, *options.protect)) as stage:
            written = stage.written
            if options.analysis:
                from ita_xl.excel.analysis import write_analysis

                write_analysis(ev, stage.path(xlsx), charts=options.charts)
            if options.report:
                from ita_xl.word.report import ReportOptions, write_report

                ropts = ReportOptions(text=options.text, style=options.style, charts=options.charts)
                if options.pdf:
                    from ita_xl.word.publish import make_pdf

                    made = make_pdf(ev.result, ropts, stage.path(pdf))
                    outcome.warnings.extend(made.notes)
                    outcome.pdf_engine = made.engine
                    # The Word document gets the same table of contents as the PDF.
                    ropts = dataclasses.replace(ropts, toc_pages=made.pages)
                built = write_report(ev.result, stage.path(docx), ropts)
                outcome.warnings.extend(built.notes)
    except ItaError as exc:
        outcome.error = exc
    outcome.outputs = [p for p in paths if p in written]
    return outcome
