"""The ``ita-xl`` command line: parse options, call the library, turn its errors into one-line messages."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ita_xl import __version__
from ita_xl.errors import ItaError, UsageError

LANG = click.option(
    "--lang",
    type=click.Choice(["th", "en"]),
    default="th",
    show_default=True,
    help="Language of messages: th (Thai) or en (English).",
)
DEBUG = click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error, for a bug report.")
YEAR = click.option(
    "--year",
    type=int,
    default=None,
    help="Fiscal year (BE) of the method, e.g. 2566. Default: the year the workbook names.",
)
FRAMEWORK = click.option(
    "--framework",
    "framework_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use your own method file (TOML) instead of a shipped year, e.g. for FY2567.",
)


def say(message: str) -> None:
    """Print a message for people on standard error."""
    click.echo(message, err=True)


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command; turn ItaError into its one-line message and exit code, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang", "th")
        debug = kwargs.get("debug", False)
        try:
            return func(*args, **kwargs)
        except ItaError as exc:
            if debug:
                traceback.print_exc()
            say(("ข้อผิดพลาด: " if lang == "th" else "error: ") + exc.message(lang))
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            sys.exit(130)
        except Exception as exc:  # a bug: say so in one line unless --debug
            if debug:
                raise
            if lang == "th":
                say(f"ข้อผิดพลาดภายในโปรแกรม ({type(exc).__name__}: {exc}); เรียกคำสั่งเดิมซ้ำพร้อม --debug แล้วส่งข้อความให้ผู้ดูแล")
            else:
                say(
                    f"internal error ({type(exc).__name__}: {exc}); run the same command with --debug and send the output to the maintainers"
                )
            sys.exit(3)

    return wrapper


def resolve_framework(year: int | None, framework_path: str | None) -> Any:
    """Return the Framework asked for on the command line, or None to let the workbook decide."""
    from ita_xl import framework as fwmod

    if framework_path:
        return fwmod.load(path=framework_path)
    if year is not None:
        return fwmod.load(year=year)
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ita-xl")
def cli() -> None:
    """ita-xl: from the ITA Excel workbooks of a Thai public office to its analysis workbook and formal report.

    \b
    Example:
      ita-xl new --year 2566 --office "สพป.ตัวอย่าง" my-office.xlsx
      ita-xl check my-office.xlsx
      ita-xl build my-office.xlsx
    """


@cli.command()
@LANG
@DEBUG
@guarded
def frameworks(lang: str, debug: bool) -> None:
    """List the fiscal years whose method ships with ita-xl.

    \b
    Example:
      ita-xl frameworks
    """
    from ita_xl import framework as fwmod

    for year in fwmod.available_years():
        fw = fwmod.load(year=year)
        items = len(fw.items)
        note = ("\t" + ("ชั่วคราว" if lang == "th" else "provisional")) if fw.provisional else ""
        click.echo(f"{year}\t{fw.family}\t{fw.title}\t{items} items\t{fw.source}{note}")


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False))
@YEAR
@FRAMEWORK
@click.option("--office", default=None, help="Office name to write into the template.")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@LANG
@DEBUG
@guarded
def new(
    out: str, year: int | None, framework_path: str | None, office: str | None, force: bool, lang: str, debug: bool
) -> None:
    """Write a blank workbook for staff to fill (OUT.xlsx).

    \b
    Example:
      ita-xl new --year 2566 --office "สพป.จันทบุรี เขต 2" office-2566.xlsx
    """
    from ita_xl import framework as fwmod
    from ita_xl.excel.template import write_template
    from ita_xl.safeio import atomic_output

    fw = resolve_framework(year, framework_path) or fwmod.load()
    target = Path(out)
    if target.suffix.lower() != ".xlsx":
        raise UsageError("ชื่อไฟล์ต้องลงท้ายด้วย .xlsx", "the file name must end in .xlsx")
    if target.exists() and not force:
        raise UsageError(
            "มีไฟล์ชื่อนี้อยู่แล้ว; ใช้ชื่ออื่น หรือใส่ --force เพื่อเขียนทับ",
            f"{out} exists; choose another name or pass --force to replace it",
        )
    with atomic_output(target) as tmp:
        write_template(fw, tmp, office=office)
    if fw.provisional:
        say(("คำเตือน: " if lang == "th" else "warning: ") + fw.provisional[0 if lang == "th" else 1])
    say(f"เขียนแบบฟอร์มปีงบประมาณ {fw.year} แล้ว: {out}" if lang == "th" else f"wrote the FY{fw.year} template: {out}")


@cli.command()
@click.argument("workbook", type=click.Path(dir_okay=False))
@YEAR
@FRAMEWORK
@LANG
@DEBUG
@guarded
def check(workbook: str, year: int | None, framework_path: str | None, lang: str, debug: bool) -> None:
    """List every problem in a filled workbook at once, with sheet and cell.

    Exit code 0: no error (warnings may remain); 1: errors to fix; 2: usage problem.

    \b
    Example:
      ita-xl check workbooks/chanthaburi2-2565.xlsx
    """
    from ita_xl.grouping import group_findings
    from ita_xl.pipeline import evaluate

    ev = evaluate(Path(workbook), resolve_framework(year, framework_path), year)
    errors, warnings = ev.errors, ev.warnings
    head_e = "ข้อผิดพลาด" if lang == "th" else "errors"
    head_w = "คำเตือน" if lang == "th" else "warnings"
    if errors:
        click.echo(f"{head_e} ({len(errors)}):")
        for group in group_findings(errors):
            click.echo(f"  {group.message(lang)}")
    if warnings:
        click.echo(f"{head_w} ({len(warnings)}):")
        for group in group_findings(warnings):
            click.echo(f"  {group.message(lang)}")
    if not errors:
        total = ev.result.total
        shown = f"{total.shown} ({total.grade})" if total else "-"
        click.echo(f"ไม่พบข้อผิดพลาด; คะแนนรวม {shown}" if lang == "th" else f"no errors; total {shown}")
    sys.exit(1 if errors else 0)


@cli.command()
@click.argument("workbook", type=click.Path(dir_okay=False))
@YEAR
@FRAMEWORK
@LANG
@DEBUG
@guarded
def score(workbook: str, year: int | None, framework_path: str | None, lang: str, debug: bool) -> None:
    """Print the scores of a filled workbook as JSON on standard output.

    \b
    Example:
      ita-xl score workbooks/chanthaburi2-2565.xlsx > result.json
    """
    from ita_xl.pipeline import evaluate
    from ita_xl.result import to_json

    ev = evaluate(Path(workbook), resolve_framework(year, framework_path), year)
    for f in ev.result.findings:
        say(
            ("ข้อผิดพลาด: " if f.severity == "error" else "คำเตือน: ") + f.message("th")
            if lang == "th"
            else f"{f.severity}: {f.message('en')}"
        )
    if ev.errors:
        sys.exit(1)
    click.echo(to_json(ev.result))


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--out-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the outputs. Default: beside each input.",
)
@YEAR
@FRAMEWORK
@click.option(
    "--text",
    "text_path",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Your own copy of the report wording (TOML); see `ita-xl texts`.",
)
@click.option(
    "--style",
    "style_path",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="A .docx whose styles (font, letterhead) the report uses.",
)
@click.option("--pdf", is_flag=True, help="Also write the report as PDF (needs LibreOffice).")
@click.option("--no-charts", is_flag=True, help="Leave the charts out (faster).")
@click.option(
    "--rollup",
    "rollup_path",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="A roll-up summary (.xlsx from `ita-xl rollup`) that gives rank and national mean.",
)
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes for many files. Default: the cores.")
@LANG
@DEBUG
@guarded
def build(
    inputs: tuple[str, ...],
    out_dir: str | None,
    year: int | None,
    framework_path: str | None,
    text_path: str | None,
    style_path: str | None,
    pdf: bool,
    no_charts: bool,
    rollup_path: str | None,
    jobs: int | None,
    lang: str,
    debug: bool,
) -> None:
    """Write the analysis workbook and the Thai report of each workbook (files or folders).

    \b
    Example:
      ita-xl build workbooks/chanthaburi2-2565.xlsx
      ita-xl build offices/ -o out/ --pdf
    """
    from ita_xl.batch import collect_inputs, run_batch
    from ita_xl.pipeline import BuildOptions

    options = BuildOptions(
        out_dir=Path(out_dir) if out_dir else None,
        framework=resolve_framework(year, framework_path),
        year=year,
        text=Path(text_path) if text_path else None,
        style=Path(style_path) if style_path else None,
        pdf=pdf,
        charts=not no_charts,
        rollup=Path(rollup_path) if rollup_path else None,
    )
    files = collect_inputs([Path(p) for p in inputs])
    if options.style is not None:
        from ita_xl.word.style_check import style_findings

        for finding in style_findings(options.style):
            say(("คำเตือน: " if lang == "th" else "warning: ") + finding.message(lang))
    failed = run_batch(files, options, jobs=jobs, lang=lang, echo=say)
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o", "--out", "out", type=click.Path(dir_okay=False), required=True, help="The summary workbook to write (.xlsx)."
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write a short Thai summary report for the parent agency (.docx).",
)
@click.option("--no-charts", is_flag=True, help="Leave the charts out.")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes. Default: the cores.")
@LANG
@DEBUG
@guarded
def rollup(
    inputs: tuple[str, ...],
    out: str,
    report_path: str | None,
    no_charts: bool,
    jobs: int | None,
    lang: str,
    debug: bool,
) -> None:
    """Rank many offices and sum them up for the parent agency (workbooks or JSON from `ita-xl score`).

    Ties share a rank (1, 2, 2, 4), listed by office name.

    \b
    Example:
      ita-xl rollup offices/ -o summary.xlsx --report summary.docx
      ita-xl build my-office.xlsx --rollup summary.xlsx
    """
    from ita_xl import framework as fwmod
    from ita_xl.batch import collect_inputs
    from ita_xl.excel.rollup_book import write_rollup_workbook
    from ita_xl.rollup import collect
    from ita_xl.safeio import atomic_output

    paths = collect_inputs([Path(p) for p in inputs], suffixes=(".xlsx", ".xlsm", ".xls", ".json"))
    target = Path(out)
    if target.suffix.lower() != ".xlsx":
        raise UsageError("ไฟล์สรุปต้องลงท้ายด้วย .xlsx", "the summary file name must end in .xlsx")
    summary = collect(paths, jobs=jobs)
    with atomic_output(target, protect=tuple(paths)) as tmp:
        write_rollup_workbook(summary, tmp, charts=not no_charts)
    outputs = [target]
    if report_path:
        from ita_xl.word.summary import write_summary_report

        with atomic_output(Path(report_path), protect=tuple(paths)) as tmp:
            write_summary_report(summary, tmp)
        outputs.append(Path(report_path))
    th = lang == "th"
    for year in sorted({o.year for o in summary.offices if o.provisional}):
        notice = fwmod.load(year=year).provisional
        if notice:
            say(("คำเตือน: " if th else "warning: ") + notice[0 if th else 1])
    for source, message in summary.failed:
        say(("ไม่สำเร็จ: " if th else "failed: ") + (message if source in message else f"{source}: {message}"))
    for o in outputs:
        say(("เขียนแล้ว: " if th else "wrote: ") + str(o))
    mean_total = summary.mean_total
    shown = f"{mean_total:.2f}" if mean_total is not None else "-"
    say(
        f"สรุป: {len(summary.offices)} หน่วยงาน, ไม่สำเร็จ {len(summary.failed)}, ค่าเฉลี่ย {shown}"
        if th
        else f"summary: {len(summary.offices)} offices, {len(summary.failed)} failed, mean {shown}"
    )
    sys.exit(1 if summary.failed else 0)


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@LANG
@DEBUG
@guarded
def texts(out: str, force: bool, lang: str, debug: bool) -> None:
    """Write a copy of the report's wording (TOML) for an office to edit, then use it with build --text.

    \b
    Example:
      ita-xl texts my-wording.toml
      ita-xl build my-office.xlsx --text my-wording.toml
    """
    from ita_xl.safeio import atomic_output
    from ita_xl.word.texts import default_text_path

    target = Path(out)
    if target.exists() and not force:
        raise UsageError(
            "มีไฟล์ชื่อนี้อยู่แล้ว; ใช้ชื่ออื่น หรือใส่ --force เพื่อเขียนทับ",
            f"{out} exists; choose another name or pass --force to replace it",
        )
    with atomic_output(target) as tmp:
        tmp.write_bytes(default_text_path().read_bytes())
    say(
        f"เขียนข้อความของรายงานแล้ว: {out} (แก้ไขแล้วใช้กับ ita-xl build --text {out})"
        if lang == "th"
        else f"wrote the report wording: {out} (edit it, then use ita-xl build --text {out})"
    )


@cli.command()
@click.option("--port", type=int, default=8765, show_default=True, help="Port on 127.0.0.1 (0: any free port).")
@click.option("--no-browser", is_flag=True, help="Do not open the browser; only print the address.")
@click.option(
    "--max-upload-mb", type=click.IntRange(1, 4096), default=None, help="Largest upload at a time, in MB. Default: 100."
)
@LANG
@DEBUG
@guarded
def serve(port: int, no_browser: bool, max_upload_mb: int | None, lang: str, debug: bool) -> None:
    """Open the page in the browser: templates, check, scores, report and roll-up, on this computer only.

    The page listens on 127.0.0.1 only (no other computer can reach it) and removes every upload and result
    when it stops (Ctrl+C). Needs the web extra: pip install "ita-xl[web]".

    \b
    Example:
      ita-xl serve
      ita-xl serve --port 8800 --no-browser
    """
    from ita_xl.web.server import serve as run

    run(port, open_browser=not no_browser, echo=say, max_upload_mb=max_upload_mb)


def main() -> None:
    """Entry point of the ``ita-xl`` console script."""
    cli(prog_name="ita-xl")
