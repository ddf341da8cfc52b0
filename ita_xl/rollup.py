"""Roll-up for a parent agency: many offices' results of one year -> ranking, indicator means, grade distribution."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ita_xl.decimals import mean, parse_number
from ita_xl.errors import InputError, ItaError, UsageError, Where

RANK_SHEET = "อันดับ"
RANK_HEADERS = ("ลำดับ", "หน่วยงาน", "คะแนนรวม", "ระดับ", "ผลการประเมิน", "IIT", "EIT", "OIT", "ไฟล์", "รหัสหน่วยงาน")
MEAN_LABEL = "ค่าเฉลี่ยของกลุ่ม"  # the rank sheet's mean row; earlier roll-ups wrote "ค่าเฉลี่ยทุกหน่วยงาน"


def default_name(count: int) -> str:
    """Return the group's name when none is given: what it is, never "national"."""
    from ita_xl.thai import thai_digits

    return f"หน่วยงาน {thai_digits(count)} แห่งในการสรุปผลนี้"


@dataclass(frozen=True)
class Notice:
    """A file the roll-up could not use, skipped or warns about: its name and the reason in Thai and English."""

    source: str
    th: str
    en: str

    def message(self, lang: str = "th") -> str:
        text = self.th if lang == "th" else self.en
        return text if not self.source or self.source in text else f"{self.source}: {text}"


@dataclass
class OfficeRow:
    """One office's figures in the roll-up."""

    name: str
    source: str
    year: int
    total: Decimal
    grade: str
    passed: bool
    tools: dict[str, Decimal]
    indicators: dict[str, Decimal]
    rank: int = 0
    rating: str = ""  # the rating label of FY2567+ ("" before)
    provisional: bool = False  # scored with a provisional method file
    family: str = ""  # the method family of its year
    code: str = ""  # the official ITAS agency code, when the workbook gives one
    digest: str = ""  # SHA-256 of the workbook scored (for a JSON result: of its workbook, when it says)


@dataclass
class Rollup:
    """The ranked offices of one fiscal year and what they add up to."""

    offices: list[OfficeRow]
    failed: list[Notice] = field(default_factory=list)
    indicator_names: dict[str, str] = field(default_factory=dict)
    name: str = ""  # the group's name (``rollup --name``); see group_name
    skipped: list[Notice] = field(default_factory=list)  # other years, own outputs, lock files
    warnings: list[Notice] = field(default_factory=list)  # duplicate names, codes and files

    @property
    def group_name(self) -> str:
        return self.name or default_name(len(self.offices))

    @property
    def year(self) -> int | None:
        years = {o.year for o in self.offices if o.year}
        return max(years) if years else None

    @property
    def mean_total(self) -> Decimal | None:
        return mean(o.total for o in self.offices)

    def indicator_means(self) -> dict[str, Decimal]:
        codes = sorted({c for o in self.offices for c in o.indicators}, key=_code_key)
        out = {}
        for c in codes:
            m = mean(o.indicators[c] for o in self.offices if c in o.indicators)
            if m is not None:
                out[c] = m
        return out

    def grade_counts(self) -> Counter[str]:
        return Counter(o.grade for o in self.offices)

    def weakest(self, n: int = 3) -> list[tuple[str, Decimal]]:
        return sorted(self.indicator_means().items(), key=lambda kv: (kv[1], _code_key(kv[0])))[:n]


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split(".") if p.isdigit())


def rank_offices(offices: list[OfficeRow]) -> list[OfficeRow]:
    """Return offices by total, highest first, with standard competition ranks (1, 2, 2, 4).

    Ties: equal totals (at the 2 decimals shown) share the rank; the next office skips the shared places.
    Offices that tie are listed by name.
    """
    ordered = sorted(offices, key=lambda o: (-o.total, o.name, o.source))
    previous: Decimal | None = None
    rank = 0
    for position, office in enumerate(ordered, 1):
        if office.total != previous:
            rank = position
            previous = office.total
        office.rank = rank
    return ordered


def _row_from_json(data: dict[str, Any], source: str, digest: str = "") -> OfficeRow:
    def d(v: Any) -> Decimal:
        n = parse_number(v)
        if n is None:
            raise ValueError("missing score")
        return n

    if not isinstance(data, dict) or data.get("total") is None or not data.get("framework"):
        raise ValueError("no total or fiscal year: not a result of ita-xl score")
    office = data.get("office") or {}
    return OfficeRow(
        name=str(office.get("name") or "").strip() or Path(source).stem,
        source=source,
        year=int(data["framework"]),
        total=d(data["total"]),
        grade=str(data.get("grade") or ""),
        passed=bool(data.get("passed")),
        tools={k: d(v) for k, v in (data.get("tools") or {}).items() if v is not None},
        indicators={k: d(v) for k, v in (data.get("indicators") or {}).items() if v is not None},
        rating=str((data.get("rating") or {}).get("label") or ""),
        provisional=bool(data.get("provisional")),
        family=str(data.get("family") or ""),
        code=str(office.get("code") or "").strip(),
        digest=str(data.get("source_sha256") or "") or digest,
    )


def read_one(path: Path) -> OfficeRow | Notice:
    """Return one office's row from a workbook or a JSON result, or a Notice saying why it cannot be used."""
    from ita_xl.rollup_inputs import digest, json_text

    source = str(path)
    try:
        if path.suffix.lower() == ".json":
            text = json_text(path)
            try:
                return _row_from_json(json.loads(text), source, digest(path))
            except json.JSONDecodeError as exc:
                th = f"ไม่ใช่ JSON ที่ถูกต้อง (บรรทัด {exc.lineno} ตำแหน่ง {exc.colno}: {exc.msg})"
                en = f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                th, en = f"ไม่ใช่ผลคะแนนจาก ita-xl score ({exc})", f"not a result of ita-xl score ({exc})"
            raise InputError(
                f"อ่านผลคะแนน JSON ไม่ได้: {th}; สร้างใหม่ด้วย ita-xl score แบบบันทึก.xlsx -o ผล.json",
                f"cannot read the JSON result: {en}; make it again with ita-xl score WORKBOOK.xlsx -o result.json",
                Where(source),
            )
        from ita_xl.evaluation import evaluate
        from ita_xl.result import to_dict

        ev = evaluate(path)
        if ev.errors:
            first = ev.errors[0]
            return Notice(source, first.message("th"), first.message("en"))
        return _row_from_json(to_dict(ev.result), source, digest(path))
    except ItaError as exc:
        return Notice(source, exc.message("th"), exc.message("en"))


def unusable(path: Path) -> Notice | None:
    """Return why ``path`` is not an office's result to roll up (a lock file, an ita-xl output), or None."""
    from ita_xl.rollup_inputs import output_kind

    if path.name.startswith("~$"):
        return Notice(str(path), "เป็นไฟล์ล็อกของ Excel (~$) ไม่ใช่แบบบันทึก", "a lock file of Excel (~$), not a workbook")
    kind = output_kind(path) if path.suffix.lower() == ".xlsx" else ""
    if kind:
        return Notice(
            str(path),
            f"เป็นไฟล์ที่ ita-xl สร้าง ({kind}) ไม่ใช่แบบบันทึกของหน่วยงาน",
            f"a file ita-xl wrote ({kind}), not an office's workbook",
        )
    return None


def read_all(paths: list[Path], jobs: int | None = None, tick: Callable[[str], None] | None = None) -> list[Any]:
    """Return read_one of each path, in order, in worker processes when there are several workbooks."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(paths)))
    rows: list[Any] = []
    if workers == 1 or all(p.suffix.lower() == ".json" for p in paths):
        for p in paths:
            rows.append(read_one(p))
            if tick:
                tick(p.name)
        return rows
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            for p, row in zip(paths, pool.map(read_one, paths, chunksize=1), strict=True):
                rows.append(row)
                if tick:
                    tick(p.name)
        except BaseException:  # Ctrl+C or SIGTERM: start no more reads
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return rows


def _one_year(offices: list[OfficeRow], year: int | None) -> tuple[list[OfficeRow], list[Notice]]:
    """Return the offices of the one year rolled up and the others as skipped; raise UsageError for mixed years."""
    counts = Counter(o.year for o in offices)
    listed_th = ", ".join(f"ปีงบประมาณ {y} จำนวน {n} ไฟล์" for y, n in sorted(counts.items()))
    listed_en = ", ".join(f"FY{y}: {n} file{'s' if n > 1 else ''}" for y, n in sorted(counts.items()))
    if year is None and len(counts) > 1:
        latest = max(counts)
        raise UsageError(
            f"ไฟล์ที่ให้มาเป็นผลของหลายปีงบประมาณ ({listed_th}); การสรุปผลหนึ่งครั้งใช้ได้ปีเดียว เลือกปีด้วย --year เช่น --year {latest} (ในหน้าเว็บ: ช่องปีงบประมาณที่จะสรุป)",
            f"the files are results of several fiscal years ({listed_en}); one roll-up covers one year: "
            f"choose it with --year, e.g. --year {latest} (on the page: the fiscal year box)",
        )
    if year is not None and year not in counts and offices:
        raise UsageError(
            f"ไม่มีไฟล์ของปีงบประมาณ {year} ({listed_th})",
            f"no file is of fiscal year {year} ({listed_en})",
        )
    kept = [o for o in offices if year is None or o.year == year]
    skipped = [
        Notice(
            o.source,
            f"เป็นผลปีงบประมาณ {o.year} ไม่ใช่ปีที่สรุป ({year})",
            f"a result of FY{o.year}, not the year rolled up (FY{year})",
        )
        for o in offices
        if year is not None and o.year != year
    ]
    families = Counter(o.family for o in kept if o.family)
    if len(families) > 1:
        named = ", ".join(f"{f} ({n})" for f, n in sorted(families.items()))
        raise UsageError(
            f"ผลคะแนนใช้เกณฑ์ต่างชุดกัน ({named}); การสรุปผลหนึ่งครั้งใช้เกณฑ์ชุดเดียว",
            f"the results use different method families ({named}); one roll-up uses one method family",
        )
    return kept, skipped


def _distinct(offices: list[OfficeRow]) -> tuple[list[OfficeRow], list[Notice]]:
    """Return the offices with each workbook once, and a warning per repeated workbook, office code or name."""
    warnings: list[Notice] = []
    kept: list[OfficeRow] = []
    by_digest: dict[str, list[OfficeRow]] = {}
    for o in offices:
        same = by_digest.setdefault(o.digest, []) if o.digest else []
        if not same:
            kept.append(o)
        same.append(o)
    for rows in by_digest.values():
        if len(rows) > 1:
            files = ", ".join(r.source for r in rows)
            warnings.append(
                Notice(
                    "",
                    f"ไฟล์เดียวกันถูกส่งมา {len(rows)} ครั้ง ({files}); นับเป็นหน่วยงานเดียว ({rows[0].source})",
                    f"the same workbook was given {len(rows)} times ({files}); counted once ({rows[0].source})",
                )
            )
    for key, th, en in (
        ("code", "รหัสหน่วยงานซ้ำกัน", "the same office code"),
        ("name", "ชื่อหน่วยงานซ้ำกัน", "the same office name"),
    ):
        groups: dict[str, list[OfficeRow]] = {}
        for o in kept:
            value = " ".join(str(getattr(o, key)).split())
            if value:
                groups.setdefault(value, []).append(o)
        for value, rows in groups.items():
            if len(rows) > 1:
                files = ", ".join(r.source for r in rows)
                warnings.append(
                    Notice(
                        "",
                        f'{th} "{value}" ในไฟล์ {files}; จัดลำดับแยกกันตามไฟล์ ตรวจสอบว่าไม่ได้ส่งหน่วยงานเดียวกันซ้ำ',
                        f'{en} "{value}" in {files}; ranked apart, by file: check that no office was sent twice',
                    )
                )
    return kept, warnings


def collect(
    paths: list[Path],
    jobs: int | None = None,
    year: int | None = None,
    name: str = "",
    tick: Callable[[str], None] | None = None,
) -> Rollup:
    """Return the roll-up of the offices in ``paths`` (workbooks or JSON results) of one fiscal year.

    Lock files and ita-xl's own outputs are skipped unread. Raises UsageError when the results are of several
    years and ``year`` does not choose one (results of other years are then listed as skipped), or of several
    method families. The same workbook given twice counts once; repeated names or codes are warnings.
    """
    skipped: list[Notice] = []
    usable: list[Path] = []
    for p in paths:
        notice = unusable(p)
        if notice is None:
            usable.append(p)
            continue
        skipped.append(notice)
        if tick:
            tick(p.name)
    rows = read_all(usable, jobs, tick)
    failed = [r for r in rows if isinstance(r, Notice)]
    offices, other_years = _one_year([r for r in rows if isinstance(r, OfficeRow)], year)
    offices, warnings = _distinct(offices)
    rollup = Rollup(rank_offices(offices), failed, {}, name.strip(), skipped + other_years, warnings)
    if rollup.year:
        from ita_xl.framework import load

        try:
            fw = load(rollup.year)
            rollup.indicator_names = {c: ind.name for c, ind in fw.indicators.items()}
        except ItaError:
            pass
    return rollup
