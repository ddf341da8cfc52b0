"""The ``ita-xl`` command line: parse options, call the library, turn its errors into one-line messages."""

from __future__ import annotations

import functools
import os
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ita_xl import __version__
from ita_xl.cli_lang import LANG_ENV, LANGS, LocalGroup, install, resolve_lang
from ita_xl.errors import ItaError, UsageError

# Help texts of commands and options, in Thai and English, live in ita_xl/cli_texts.py (keyed by command and
# parameter name); a new command or option adds its entry there.
LANG = click.option("--lang", type=click.Choice(LANGS, case_sensitive=False), default=None, callback=resolve_lang)
DEBUG = click.option("--debug", is_flag=True)
YEAR = click.option("--year", type=int, default=None)
FRAMEWORK = click.option("--framework", "framework_path", type=click.Path(dir_okay=False), default=None)


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
        except BrokenPipeError:
            # The program reading our output (e.g. `ita-xl score x.xlsx | head`) stopped early: nothing to report.
            _quiet_stdout()
            sys.exit(141)
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


@click.group(cls=LocalGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ita-xl")
@click.option("--lang", type=click.Choice(LANGS, case_sensitive=False), default="th", envvar=LANG_ENV)
def cli(lang: str) -> None:
    """The ita-xl program; its help is HELP["ita-xl"] in cli_texts.py."""


@cli.command()
@LANG
@DEBUG
@guarded
def frameworks(lang: str, debug: bool) -> None:
    """List the fiscal years whose method ships with ita-xl."""
    from ita_xl import framework as fwmod

    for year in fwmod.available_years():
        fw = fwmod.load(year=year)
        items = f"{len(fw.items)} ข้อ" if lang == "th" else f"{len(fw.items)} items"
        note = ("\t" + ("ชั่วคราว" if lang == "th" else "provisional")) if fw.provisional else ""
        click.echo(f"{year}\t{fw.family}\t{fw.title}\t{items}\t{fw.source}{note}")


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False))
@YEAR
@FRAMEWORK
@click.option("--office", default=None)
@click.option("--force", is_flag=True)
@LANG
@DEBUG
@guarded
def new(
    out: str, year: int | None, framework_path: str | None, office: str | None, force: bool, lang: str, debug: bool
) -> None:
    """Write a blank workbook for staff to fill (OUT.xlsx)."""
    from ita_xl import framework as fwmod
    from ita_xl.excel.template import write_template
    from ita_xl.safeio import atomic_output

    fw = resolve_framework(year, framework_path) or fwmod.load()
    target = Path(out)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(
            f"ชื่อไฟล์ต้องลงท้ายด้วย .xlsx (ได้รับ {out}) เช่น office-{fw.year}.xlsx",
            f"the file name must end in .xlsx (got {out}), e.g. office-{fw.year}.xlsx",
        )
    if target.exists() and not force:
        raise UsageError(
            f"มีไฟล์ {out} อยู่แล้ว; ใช้ชื่ออื่น หรือใส่ --force เพื่อเขียนทับ",
            f"{out} exists; choose another name or pass --force to replace it",
        )
    with atomic_output(target) as tmp:
        write_template(fw, tmp, office=office)
    if fw.provisional:
        say(("คำเตือน: " if lang == "th" else "warning: ") + fw.provisional[0 if lang == "th" else 1])
    say(f"เขียนแบบฟอร์มปีงบประมาณ {fw.year} แล้ว: {out}" if lang == "th" else f"wrote the FY{fw.year} template: {out}")
    shown_out = f'"{out}"' if " " in out else out
    say(
        f"ขั้นต่อไป: กรอกใน Excel ตามชีต คำแนะนำ บันทึกเป็น .xlsx แล้วตรวจด้วย ita-xl check {shown_out}"
        if lang == "th"
        else f"next: fill it in Excel as its คำแนะนำ sheet says, save it as .xlsx, then run ita-xl check {shown_out}"
    )


@cli.command()
@click.argument("workbook", type=click.Path(dir_okay=False))
@YEAR
@FRAMEWORK
@LANG
@DEBUG
@guarded
def check(workbook: str, year: int | None, framework_path: str | None, lang: str, debug: bool) -> None:
    """List every problem in a filled workbook at once, with sheet and cell."""
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
        rating = ev.result.rating
        shown = f"{total.shown} ({rating.label if rating else total.grade})" if total else "-"
        click.echo(f"ไม่พบข้อผิดพลาด; คะแนนรวม {shown}" if lang == "th" else f"no errors; total {shown}")
    sys.exit(1 if errors else 0)


@cli.command()
@click.argument("workbook", type=click.Path(dir_okay=False))
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False), default=None)
@YEAR
@FRAMEWORK
@LANG
@DEBUG
@guarded
def score(workbook: str, out: str | None, year: int | None, framework_path: str | None, lang: str, debug: bool) -> None:
    """Print the scores of a filled workbook as JSON on standard output, or write them to -o FILE (UTF-8)."""
    from ita_xl.pipeline import evaluate
    from ita_xl.result import score_json

    ev = evaluate(Path(workbook), resolve_framework(year, framework_path), year)
    for f in ev.result.findings:
        say(
            ("ข้อผิดพลาด: " if f.severity == "error" else "คำเตือน: ") + f.message("th")
            if lang == "th"
            else f"{f.severity}: {f.message('en')}"
        )
    if ev.errors:
        sys.exit(1)
    text = score_json(ev.result, Path(workbook))
    if out is None:
        click.echo(text)
        return
    from ita_xl.safeio import atomic_output

    with atomic_output(Path(out), protect=(Path(workbook),)) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")
    say(("เขียนแล้ว: " if lang == "th" else "wrote: ") + out)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out-dir", type=click.Path(file_okay=False), default=None)
@YEAR
@FRAMEWORK
@click.option("--text", "text_path", type=click.Path(dir_okay=False, exists=True), default=None)
@click.option("--style", "style_path", type=click.Path(dir_okay=False, exists=True), default=None)
@click.option("--pdf", is_flag=True)
@click.option("--no-charts", is_flag=True)
@click.option("--rollup", "rollup_path", type=click.Path(dir_okay=False, exists=True), default=None)
@click.option("-j", "--jobs", type=int, default=None)
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
    """Write the analysis workbook and the Thai report of each workbook (files or folders)."""
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
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False), required=True)
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None)
@click.option("--name", "group_name", default="")
@YEAR
@click.option("--no-charts", is_flag=True)
@click.option("-j", "--jobs", type=int, default=None)
@LANG
@DEBUG
@guarded
def rollup(
    inputs: tuple[str, ...],
    out: str,
    report_path: str | None,
    group_name: str,
    year: int | None,
    no_charts: bool,
    jobs: int | None,
    lang: str,
    debug: bool,
) -> None:
    """Rank many offices of one year and sum them up as a group (workbooks or JSON from `ita-xl score`)."""
    from ita_xl.rollup_run import RollupRequest, run_rollup

    request = RollupRequest(
        tuple(Path(p) for p in inputs),
        Path(out),
        Path(report_path) if report_path else None,
        group_name,
        year,
        not no_charts,
        jobs,
    )
    sys.exit(run_rollup(request, lang, say))


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--out-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the reports. Default: beside each input.",
)
@click.option(
    "--round",
    "round_months",
    type=click.Choice(["6", "12"]),
    default=None,
    help="The 6-month or 12-month (year-end) report. Default: 6 when every progress date is in the first half year.",
)
@click.option(
    "--date",
    "report_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date of the report (YYYY-MM-DD, Common Era; printed in the Buddhist era). Default: today.",
)
@click.option(
    "--text",
    "text_path",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Your own copy of the report wording (TOML, its [followup] part); see `ita-xl texts`.",
)
@click.option(
    "--style",
    "style_path",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="A .docx whose styles (font, letterhead) the report uses.",
)
@click.option("--no-problems", is_flag=True, help="Leave the problems and obstacles out (for the published copy).")
@click.option("--pdf", is_flag=True, help="Also write the report as PDF (needs LibreOffice).")
@click.option("--no-charts", is_flag=True, help="Leave the chart out.")
@LANG
@DEBUG
@guarded
def followup(
    inputs: tuple[str, ...],
    out_dir: str | None,
    round_months: str | None,
    report_date: Any,
    text_path: str | None,
    style_path: str | None,
    no_problems: bool,
    pdf: bool,
    no_charts: bool,
    lang: str,
    debug: bool,
) -> None:
    """Write the follow-up report on the measures (OIT o43 / O43 / O26) from the progress in the measures sheet.

    Each workbook gives WORKBOOK-followup.docx: what each measure achieved, its status and evidence, counts per
    status, the mean percent done, a chart, problems and suggestions, and the signature.

    \b
    Example:
      ita-xl followup workbooks/chanthaburi2-2565.xlsx -o out --round 12
      ita-xl followup my-office.xlsx --round 6 --no-problems --pdf
    """
    from ita_xl.batch import collect_inputs, report_outcomes
    from ita_xl.followup_run import FollowupRequest, followup_one
    from ita_xl.word.followup import FollowupOptions

    options = FollowupOptions(
        text=Path(text_path) if text_path else None,
        style=Path(style_path) if style_path else None,
        round=int(round_months) if round_months else None,
        report_date=report_date.date() if report_date else None,
        problems=not no_problems,
        charts=not no_charts,
    )
    files = collect_inputs([Path(p) for p in inputs])
    request = FollowupRequest(Path(out_dir) if out_dir else None, pdf, tuple(files))
    outcomes = [followup_one(f, options, request) for f in files]
    failed = report_outcomes(outcomes, lang, say)
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True)
@LANG
@DEBUG
@guarded
def texts(out: str, force: bool, lang: str, debug: bool) -> None:
    """Write a copy of the report's wording (TOML) for an office to edit, then use it with build --text."""
    from ita_xl.safeio import atomic_output
    from ita_xl.word.texts import default_text_path

    target = Path(out)
    if target.exists() and not force:
        raise UsageError(
            f"มีไฟล์ {out} อยู่แล้ว; ใช้ชื่ออื่น หรือใส่ --force เพื่อเขียนทับ",
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
@click.option("--port", type=int, default=8765, show_default=True)
@click.option("--no-browser", is_flag=True)
@click.option("--max-upload-mb", type=click.IntRange(1, 4096), default=None)
@LANG
@DEBUG
@guarded
def serve(port: int, no_browser: bool, max_upload_mb: int | None, lang: str, debug: bool) -> None:
    """Open the page in the browser: templates, check, scores, report and roll-up, on this computer only."""
    from ita_xl.web.server import serve as run

    run(port, open_browser=not no_browser, echo=say, max_upload_mb=max_upload_mb)


install()


def _quiet_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # no real file descriptor (e.g. under a test runner)


def _terminated(signum: int, frame: object) -> None:
    """Stop on SIGTERM as on Ctrl+C: unwinding removes every temporary output before the process ends."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point of the ``ita-xl`` console script."""
    signal.signal(signal.SIGTERM, _terminated)
    cli(prog_name="ita-xl")
