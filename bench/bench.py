"""Benchmark: make office workbooks of three sizes and a batch, time ita-xl as whole processes, print a table.

Run: python -m bench.bench [--runs N] [--batch 245] [--skip-batch]
Workbooks are cached in bench/out/ (delete it to make them again).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from workbooks.excel_form import excel_form

OUT = Path(__file__).parent / "out"
SIZES = {"S": (50, 300), "M": (300, 5000), "L": (500, 50000)}
# M as openpyxl saves it (every text an inline string, Thai as character references): about 3x the sheet XML of the
# same workbook saved by Excel, for the cost of a workbook that a script rather than Excel wrote.
OPENPYXL_M = OUT / "office-M-openpyxl.xlsx"
PLACEHOLDER = "BENCH-OFFICE-000"


def make_workbook(path: Path, iit: int, eit: int, seed: int, name: str = PLACEHOLDER, keep: Path | None = None) -> None:
    """Write an FY2566 workbook with ``iit`` and ``eit`` respondents of seeded random answers."""
    from openpyxl import load_workbook

    from ita_xl.excel import sheets
    from ita_xl.excel.template import write_template
    from ita_xl.framework import load

    fw = load(2566)
    tmp = path.with_suffix(".openpyxl.xlsx")
    write_template(fw, tmp, office=name)
    wb = load_workbook(tmp)
    rng = random.Random(seed)
    for tool, n in ((sheets.IIT, iit), (sheets.EIT, eit)):
        ws = wb[tool]
        codes = {str(c.value).strip(): c.column for c in ws[sheets.CODE_ROW + 1] if c.value is not None}
        for r in range(n):
            row = sheets.FIRST_DATA_ROW + 1 + r
            ws.cell(row=row, column=codes.get("no", 1), value=r + 1)
            for st in fw.statements(tool):
                labels = fw.scales[st.scale].labels
                if rng.random() < 0.03:
                    continue
                weights = [8, 3, 1, 1] if len(labels) == 4 else [6, 1]
                if st.reverse:
                    weights = weights[::-1]
                ws.cell(row=row, column=codes[st.code], value=rng.choices(labels, weights)[0])
    ws = wb[sheets.OIT]
    codes = {str(c.value).strip(): c.column for c in ws[sheets.CODE_ROW + 1] if c.value is not None}
    for r in range(sheets.FIRST_DATA_ROW + 1, ws.max_row + 1):
        code = ws.cell(row=r, column=codes["code"]).value
        if not code:
            continue
        published = rng.random() > 0.08
        ws.cell(row=r, column=codes["published"], value="มี" if published else "ไม่มี")
        if published:
            ws.cell(row=r, column=codes["url"], value=f"https://example.go.th/{code}")
    wb.save(tmp)
    excel_form(tmp, path)
    if keep is not None:
        shutil.copyfile(tmp, keep)
    tmp.unlink()


def copy_named(src: Path, dst: Path, name: str) -> None:
    """Copy ``src`` to ``dst`` with the placeholder office name replaced (zip entries rewritten)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if PLACEHOLDER.encode() in data:
                data = data.replace(PLACEHOLDER.encode(), name.encode())
            zout.writestr(info, data)


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Return (wall seconds, peak RSS MB, CPU seconds) of one command, its waited-for children included.

    CPU seconds (user + system) vary less than wall time on a shared machine, whose neighbours can slow one run.
    """
    start = time.perf_counter()
    # As on a user's machine, Python may cache bytecode (this workplace sets PYTHONDONTWRITEBYTECODE).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0,):
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


Row = tuple[str, str, str, str, str, str]


def timed(label: str, cmd: list[str], runs: int, rows: list[Row]) -> None:
    walls, peaks, cpus = [], [], []
    for _ in range(runs):
        w, p, c = run(cmd)
        walls.append(w)
        peaks.append(p)
        cpus.append(c)
    spread = f"{min(walls):.2f}-{max(walls):.2f}"
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    rows.append((label, f"{wall:.2f}", spread, f"{cpu:.2f}", f"{max(peaks):.0f}", str(runs)))
    print(f"  {label}: median {wall:.2f} s ({spread}), CPU {cpu:.2f} s, peak {max(peaks):.0f} MB", flush=True)


def make_all(batch: int, skip_batch: bool) -> None:
    """Make the sized workbooks and the batch (in this process: the caller runs it as a child)."""
    OUT.mkdir(exist_ok=True)
    for size, (iit, eit) in SIZES.items():
        path = OUT / f"office-{size}.xlsx"
        keep = OPENPYXL_M if size == "M" else None
        if not path.exists() or (keep is not None and not keep.exists()):
            print(f"making {path.name} ({iit} IIT + {eit} EIT rows)", flush=True)
            make_workbook(path, iit, eit, seed=len(size) + iit, keep=keep)
    if skip_batch:
        return
    folder = OUT / f"batch-{batch}"
    if folder.exists() and len(list(folder.glob("*.xlsx"))) == batch:
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    variants = []
    for v in range(5):
        vp = OUT / f"variant-{v}.xlsx"
        if not vp.exists():
            print(f"making {vp.name}", flush=True)
            make_workbook(vp, *SIZES["M"], seed=100 + v)
        variants.append(vp)
    for n in range(batch):
        copy_named(variants[n % len(variants)], folder / f"office-{n + 1:03d}.xlsx", f"สพป.ทดสอบ {n + 1:03d}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=245)
    ap.add_argument("--skip-batch", action="store_true")
    ap.add_argument("--make-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.make_only:
        make_all(args.batch, args.skip_batch)
        return
    # Make the workbooks in a child process: a child's peak memory (ru_maxrss) starts from its parent's at fork,
    # so this process must stay small for the figures to be the commands' own.
    make = [sys.executable, "-m", "bench.bench", "--make-only", "--batch", str(args.batch)]
    subprocess.run([*make, *(["--skip-batch"] if args.skip_batch else [])], check=True)
    exe = [sys.executable, "-m", "ita_xl"]
    files = {size: OUT / f"office-{size}.xlsx" for size in SIZES}
    rows: list[Row] = []
    for size, path in files.items():
        runs = args.runs if size != "L" else max(2, args.runs // 2)
        built = OUT / f"built-{size}"
        timed(f"score {size}", [*exe, "score", str(path)], runs, rows)
        timed(f"build {size} (xlsx+docx, charts)", [*exe, "build", str(path), "-o", str(built)], runs, rows)
        timed(f"build {size} --no-charts", [*exe, "build", str(path), "-o", str(built), "--no-charts"], runs, rows)
    timed("score M saved by openpyxl", [*exe, "score", str(OPENPYXL_M)], args.runs, rows)
    if not args.skip_batch:
        batch = OUT / f"batch-{args.batch}"
        out = OUT / "batch-built"
        shutil.rmtree(out, ignore_errors=True)
        timed(f"build batch of {args.batch} M", [*exe, "build", str(batch), "-o", str(out)], 1, rows)
        timed(f"rollup batch of {args.batch} M", [*exe, "rollup", str(batch), "-o", str(OUT / "summary.xlsx")], 1, rows)
    print()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| run | median s | min-max s | CPU s (median) | peak MB | runs |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
