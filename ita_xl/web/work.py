"""What the page does with saved uploads: check, score and build one office, or roll up several (no web code here)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ita_xl.errors import ItaError
from ita_xl.excel.read.cells import MAX_CELL_FINDINGS, TOO_MANY
from ita_xl.grouping import FindingGroup, group_findings
from ita_xl.model import Framework
from ita_xl.pipeline import BuildOptions, Evaluation, evaluate, write_outputs

Pair = tuple[str, str]  # (Thai, English)


@dataclass(frozen=True)
class Upload:
    """A saved upload: where it lies in the job's folder, and the name the user gave it (shown, never a path)."""

    path: Path
    name: str


@dataclass
class OfficeRequest:
    """One office's workbook and the options of ``ita-xl build``."""

    workbook: Upload
    year: int | None = None
    framework: Upload | None = None
    text: Upload | None = None
    style: Upload | None = None
    rollup: Upload | None = None
    charts: bool = True
    pdf: bool = False

    def uploads(self) -> list[Upload]:
        return [u for u in (self.workbook, self.framework, self.text, self.style, self.rollup) if u is not None]


@dataclass(frozen=True)
class Download:
    """A file ready to download: its key in the URL, where it lies, and the name it is saved under."""

    key: str
    path: Path
    name: str


@dataclass(frozen=True)
class Row:
    """One line of a score table."""

    code: str
    name: str
    score: Decimal
    grade: str
    strength: bool
    weight: Decimal | None = None
    weighted: Decimal | None = None


@dataclass
class SheetFindings:
    """The grouped findings of one sheet ("" for those about the whole file)."""

    sheet: str
    groups: list[FindingGroup]


@dataclass
class OfficeView:
    """Everything the results page of one office shows."""

    name: str
    error: Pair | None = None  # the workbook could not be read at all
    build_error: Pair | None = None  # read, but the files could not be written
    office: str = ""
    year: int | None = None
    total: Decimal | None = None
    grade: str = ""
    grade_label: Pair = ("", "")  # (Thai words with the official English name, the English name)
    passed: bool | None = None
    rating: Pair | None = None  # FY2567+: the rating label (Thai, English)
    held_back: list[tuple[Pair, str, Decimal]] = field(default_factory=list)  # (next label, tool, points short)
    provisional: Pair | None = None  # the method is a provisional copy: said on the page as by the commands
    pass_mark: Decimal | None = None
    strength_mark: Decimal = Decimal(85)
    tools: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    weaknesses: list[str] = field(default_factory=list)
    respondents: dict[str, int] = field(default_factory=dict)
    errors: list[SheetFindings] = field(default_factory=list)
    warnings: list[SheetFindings] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    capped: list[Pair] = field(default_factory=list)  # sheets with more problems than are shown
    cap: int = MAX_CELL_FINDINGS
    downloads: list[Download] = field(default_factory=list)


def display_stem(name: str) -> str:
    """Return the stem of a user's file name for the names of its outputs (never used as a path)."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return stem.strip() or "ita"


def shown(text: str, uploads: list[Upload]) -> str:
    """Return ``text`` with the saved paths of ``uploads`` replaced by the names the user knows them by."""
    for u in uploads:
        text = text.replace(str(u.path), u.name)
    return text


def _pair(exc: ItaError, uploads: list[Upload]) -> Pair:
    return shown(exc.message("th"), uploads), shown(exc.message("en"), uploads)


def by_sheet(groups: list[FindingGroup]) -> list[SheetFindings]:
    """Return the groups gathered under their sheet, sheets in the order they first appear.

    The reader's "and N more not shown" finding names its sheet only: it goes last under that sheet.
    """
    sheets: dict[str, SheetFindings] = {}
    for g in groups:
        sheet = g.where if g.code == TOO_MANY and not g.sheet else g.sheet
        sheets.setdefault(sheet, SheetFindings(sheet, [])).groups.append(g)
    return list(sheets.values())


def grade_label(fw: Framework, code: str, label: str) -> Pair:
    """Return the grade's label for a Thai page ("ดีเยี่ยม (Excellence)": the official name is English) and in English."""
    thai = next((g.label_th for g in fw.grades if g.code == code), "")
    return (f"{thai} ({label})" if thai and label else label), label


def _scores(view: OfficeView, ev: Evaluation) -> None:
    result, fw = ev.result, ev.framework
    view.office, view.year = result.office.name, result.office.year or fw.year
    view.pass_mark, view.strength_mark = fw.pass_mark, fw.strength_threshold
    view.respondents = dict(result.respondents)
    if result.total is not None:
        t = result.total
        view.total, view.grade, view.passed = t.shown, t.grade, t.passed
        view.grade_label = grade_label(fw, t.grade, t.grade_label)
    if result.rating is not None:
        r = result.rating
        view.rating, view.passed = (r.label, r.label_en), r.passed
        view.held_back = [((r.next_label, r.next_label_en), s.tool, s.gap) for s in r.shortfalls]
    view.provisional = fw.provisional
    view.tools = [Row(c, s.name, s.shown, s.grade, s.strength, s.weight, s.weighted) for c, s in result.tools.items()]
    view.indicators = [Row(c, s.name, s.shown, s.grade, s.strength) for c, s in result.indicators.items()]
    for codes, names in ((result.strengths, view.strengths), (result.weaknesses, view.weaknesses)):
        for code in codes:
            level = result.level(code)
            names.append(f"{code} {level.name}" if level else code)


def analyse_office(request: OfficeRequest, out_dir: Path) -> OfficeView:
    """Return the results page of one office: its checks, scores and the files written into ``out_dir``."""
    from ita_xl import framework as fwmod

    uploads = request.uploads()
    view = OfficeView(request.workbook.name)
    try:
        fw: Framework | None = None
        if request.framework is not None:
            fw = fwmod.load(path=request.framework.path)
        elif request.year:
            fw = fwmod.load(year=request.year)
        ev = evaluate(request.workbook.path, fw, request.year)
    except ItaError as exc:
        view.error = _pair(exc, uploads)
        return view
    # The analysis workbook names its source: the user's file name, not where the upload was saved.
    name = request.workbook.name
    ev = dataclasses.replace(
        ev,
        data=dataclasses.replace(ev.data, source=name),
        result=dataclasses.replace(ev.result, source=name),
    )
    _scores(view, ev)
    # Counts are of the findings shown: the reader keeps MAX_CELL_FINDINGS per sheet and says how many more.
    view.error_count = sum(f.code != TOO_MANY for f in ev.errors)
    view.errors = by_sheet(group_findings(ev.errors))
    # The provisional method is said once at the top of the page, not among the workbook's findings.
    warnings = [f for f in ev.warnings if f.code != "provisional-method"]
    view.warnings = by_sheet(group_findings(warnings))
    view.warning_count = sum(f.code != TOO_MANY for f in warnings)
    view.capped = [(f.th, f.en) for f in (*ev.errors, *warnings) if f.code == TOO_MANY]
    if ev.errors:
        return view
    options = BuildOptions(
        out_dir=out_dir,
        framework=ev.framework,
        text=request.text.path if request.text else None,
        style=request.style.path if request.style else None,
        pdf=request.pdf,
        charts=request.charts,
        rollup=request.rollup.path if request.rollup else None,
    )
    outcome = write_outputs(ev, options, stem="office")
    # What the build itself warns of (the appendix's marked place, a PDF in another font, the roll-up's office not
    # found) is shown with the workbook's warnings, as the command line prints it.
    built = [f for f in outcome.warnings if f.code != "provisional-method" and f not in warnings]
    if built:
        warnings += built
        view.warnings = by_sheet(group_findings(warnings))
        view.warning_count = sum(f.code != TOO_MANY for f in warnings)
    if outcome.error is not None:
        view.build_error = _pair(outcome.error, uploads)
    stem = display_stem(name)
    keys = {"office-analysis.xlsx": "analysis", "office-report.docx": "report", "office-report.pdf": "pdf"}
    for path in outcome.outputs:
        key = keys[path.name]
        view.downloads.append(Download(key, path, f"{stem}-{path.name.split('-', 1)[1]}"))
    return view


@dataclass
class RollupView:
    """Everything the results page of several offices shows."""

    count: int
    offices: list[tuple[int, str, Decimal, str, str]] = field(default_factory=list)  # rank, name, total, grade, file
    mean: Decimal | None = None
    group: str = ""  # the group's name and year, as the roll-up's documents name them
    year: int | None = None
    failed: list[tuple[str, Pair]] = field(default_factory=list)
    notices: list[Pair] = field(default_factory=list)  # provisional methods, as `ita-xl rollup` says them
    error: Pair | None = None
    downloads: list[Download] = field(default_factory=list)


def rollup_offices(
    inputs: list[Upload], out_dir: Path, charts: bool = True, name: str = "", year: int | None = None
) -> RollupView:
    """Return the roll-up of several offices, with its workbook and summary report written into ``out_dir``."""
    from ita_xl.excel.rollup_book import write_rollup_workbook
    from ita_xl.rollup import collect
    from ita_xl.safeio import atomic_output
    from ita_xl.word.summary import write_summary_report

    view = RollupView(len(inputs))
    names = {str(u.path): u.name for u in inputs}
    try:
        # Worker processes pay off only for many workbooks; a few are read here, in the server's own thread.
        summary = collect([u.path for u in inputs], None if len(inputs) > 20 else 1, year, name)
        for office in summary.offices:
            office.source = names.get(office.source, office.source)
        from ita_xl.rollup import Notice

        summary.failed = [
            Notice(names.get(n.source, n.source), shown(n.th, inputs), shown(n.en, inputs)) for n in summary.failed
        ]
        # A message that starts with the file's name shows it once, beside the name.
        view.failed = [
            (n.source, (n.th.removeprefix(f"{n.source}: "), n.en.removeprefix(f"{n.source}: "))) for n in summary.failed
        ]
        for n in summary.warnings + summary.skipped:
            view.notices.append((shown(n.message("th"), inputs), shown(n.message("en"), inputs)))
        view.offices = [(o.rank, o.name, o.total, o.grade, o.source) for o in summary.offices]
        view.mean = summary.mean_total
        view.group, view.year = summary.group_name, summary.year
        from ita_xl import framework as fwmod

        for year in sorted({o.year for o in summary.offices if o.provisional}):
            notice = fwmod.load(year=year).provisional
            if notice:
                view.notices.append(notice)
        if summary.offices:
            book, report = out_dir / "rollup.xlsx", out_dir / "summary.docx"
            with atomic_output(book) as tmp:
                write_rollup_workbook(summary, tmp, charts=charts)
            view.downloads.append(Download("rollup", book, "ita-rollup.xlsx"))
            with atomic_output(report) as tmp:
                write_summary_report(summary, tmp)
            view.downloads.append(Download("summary", report, "ita-rollup-report.docx"))
    except ItaError as exc:
        view.error = _pair(exc, inputs)
    return view
