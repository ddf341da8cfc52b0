"""Build many workbooks: collect inputs, unique output names, parallel workers, progress, summary."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ita_xl.errors import UsageError, Where
from ita_xl.pipeline import BuildOptions, BuildOutcome, build_one

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")  # .xls and .ods only to say how to convert them


def collect_inputs(paths: list[Path], suffixes: tuple[str, ...] = EXCEL_SUFFIXES) -> list[Path]:
    """Return the workbooks named: files as given, folders searched (recursively) for Excel files.

    Skips Excel's lock files (~$name.xlsx) and ita-xl's own outputs (*-analysis.xlsx).
    Raises UsageError for a path that does not exist or a folder with no workbook.
    """
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.suffix.lower() in suffixes
                and f.is_file()
                and not f.name.startswith(("~$", "."))
                and not f.stem.endswith("-analysis")
            )
            if not found:
                left = sum(1 for f in p.rglob("*") if f.suffix.lower() in suffixes and f.is_file())
                raise UsageError(
                    "ไม่พบไฟล์ Excel ในโฟลเดอร์นี้"
                    + (f" (ข้ามไป {left} ไฟล์: ไฟล์ผลลัพธ์ของ ita-xl หรือไฟล์ชั่วคราว ~$ ของ Excel)" if left else ""),
                    "no Excel workbook in this folder"
                    + (f" ({left} skipped: ita-xl's own outputs or Excel's ~$ temporary files)" if left else ""),
                    Where(str(p)),
                )
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise UsageError(
                "ไม่พบไฟล์ ตรวจสอบชื่อและตำแหน่งไฟล์", "does not exist; check the name and folder", Where(str(p))
            )
    unique: dict[Path, Path] = {}
    for f in files:
        unique.setdefault(f.resolve(), f)
    return list(unique.values())


def unique_stems(files: list[Path], out_dir: Path | None) -> list[str]:
    """Return an output stem per file so that no two outputs in one folder collide."""
    stems: list[str] = []
    used: dict[tuple[Path, str], int] = {}
    for f in files:
        folder = (out_dir or f.parent).resolve()
        stem = f.stem
        key = (folder, stem.lower())
        if key in used:
            used[key] += 1
            stem = f"{f.stem}-{used[key]}"
            while (folder, stem.lower()) in used:
                used[key] += 1
                stem = f"{f.stem}-{used[key]}"
        used[(folder, stem.lower())] = 1
        stems.append(stem)
    return stems


def progress_bar(total: int) -> ProgressBar[str]:
    """Return a progress bar over ``total`` files on stderr, shown only for several files on a terminal."""
    import click

    return click.progressbar(
        length=total,
        file=sys.stderr,
        hidden=total < 2 or not sys.stderr.isatty(),
        show_pos=True,
        show_eta=False,
        width=30,
        item_show_func=lambda name: name[:40] if name else None,
    )


def run_batch(
    files: list[Path],
    options: BuildOptions,
    jobs: int | None = None,
    lang: str = "th",
    echo: Callable[[str], None] = print,
) -> int:
    """Build every file (in worker processes when there are several); print a summary; return failures."""
    options = dataclasses.replace(options, protect=tuple(files))
    stems = unique_stems(files, options.out_dir)
    outcomes: list[BuildOutcome] = []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    with progress_bar(len(files)) as bar:
        if workers == 1:
            for f, stem in zip(files, stems, strict=True):
                bar.current_item = f.name  # the file being built, shown before it is done
                bar.render_progress()
                outcomes.append(build_one(f, options, stem))
                bar.update(1, f.name)
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed

            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {pool.submit(build_one, f, options, stem): f for f, stem in zip(files, stems, strict=True)}
                try:
                    for fut in as_completed(futures):
                        outcomes.append(fut.result())
                        bar.update(1, futures[fut].name)
                except BaseException:  # Ctrl+C or SIGTERM: start no more builds; those running clean up
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
    return report_outcomes(outcomes, lang, echo)


def report_outcomes(outcomes: list[BuildOutcome], lang: str, echo: Callable[[str], None]) -> int:
    """Print what was built, what failed and why, and the warnings; return the number of failures."""
    failed = [o for o in outcomes if o.error is not None]
    built = [o for o in outcomes if o.error is None]
    th = lang == "th"
    said: set[str] = set()
    for o in sorted(built, key=lambda o: str(o.source)):
        for w in o.warnings:
            if w.code == "provisional-method" and w.th in said:
                continue  # the method's notice is said once per batch, not once per office
            said.add(w.th if w.code == "provisional-method" else "")
            echo(("คำเตือน: " if th else "warning: ") + f"{o.source.name}: {w.message(lang)}")
        for out in o.outputs:
            made = f" ({o.pdf_engine})" if out.suffix == ".pdf" and o.pdf_engine else ""
            echo(("เขียนแล้ว: " if th else "wrote: ") + str(out) + made)
    for o in sorted(failed, key=lambda o: str(o.source)):
        assert o.error is not None
        msg = o.error.message(lang)
        echo(("ไม่สำเร็จ: " if th else "failed: ") + (msg if str(o.source) in msg else f"{o.source}: {msg}"))
        for out in o.outputs:  # only when replacing a later file failed at the very end (see write_outputs)
            echo(("เขียนแล้ว: " if th else "wrote: ") + str(out))
    if len(outcomes) > 1 or failed:
        if th:
            echo(
                f"สรุป: สร้างสำเร็จ {len(built)} ไฟล์, ไม่สำเร็จ {len(failed)} ไฟล์, คำเตือน {sum(len(o.warnings) for o in built)} รายการ"
            )
        else:
            echo(f"summary: {len(built)} built, {len(failed)} failed, {sum(len(o.warnings) for o in built)} warnings")
    return len(failed)
