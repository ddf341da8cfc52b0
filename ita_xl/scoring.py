"""Pure scoring: answers -> statements -> items -> (sub-)indicators -> tools -> total, grades, trends."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from fractions import Fraction

from ita_xl.decimals import exact, exact_mean, quantize, round_exact, to_decimal
from ita_xl.model import Framework, HistoryEntry, OfficeInput, SurveyData
from ita_xl.rating import rate, year_level
from ita_xl.result import (
    DOWN,
    SAME,
    UP,
    Comparison,
    Finding,
    LevelScore,
    Mismatch,
    Rating,
    Result,
    StatementStats,
    Trend,
)


def fmt(value: Decimal | Fraction) -> str:
    """Return ``value`` with two decimals for messages."""
    shown = round_exact(value) if isinstance(value, Fraction) else quantize(value)
    return f"{shown:.2f}"


def statement_stats(fw: Framework, survey: SurveyData) -> dict[str, StatementStats]:
    """Return counts and score of every answer column of ``survey`` (blanks skipped, not zero)."""
    stats = {}
    for st in fw.statements(survey.tool):
        scale = fw.scales[st.scale]
        column = survey.columns.get(st.code, [])
        counter = Counter(column)
        counts = tuple(counter.get(i, 0) for i in range(len(scale.answers)))
        answered = sum(counts)
        score = None
        if answered:
            points = sum((exact(scale.points(i, st.reverse)) * n for i, n in enumerate(counts)), Fraction(0))
            score = points / answered
        shown = None if score is None else to_decimal(score)
        stats[st.code] = StatementStats(st.code, st.item, answered, counts, shown, score)
    return stats


WEIGHTED_EXTRA = 2  # decimals a weighted tool contribution shows beyond a score's


class _Scorer:
    """Walk the levels bottom-up for one office, recording findings on the way."""

    def __init__(self, fw: Framework, data: OfficeInput) -> None:
        self.fw = fw
        self.data = data
        self.given = {
            k.lower() if k[:1] in "ieoIEO" and k[1:2].isdigit() else k: exact(v) for k, v in data.given.items()
        }
        self.values: dict[str, Fraction] = {}  # exact: every mean and the weighted sum are rationals
        self.is_given: set[str] = set()
        self.findings: list[Finding] = []
        self.mismatches: list[Mismatch] = []

    def find(self, severity: str, code: str, th: str, en: str, where: str = "") -> None:
        self.findings.append(Finding(severity, code, th, en, where))

    def where(self, code: str) -> str:
        return self.data.locations.get(code, "")

    # -- levels ------------------------------------------------------------------------------

    def combine(self, code: str, label_th: str, label_en: str, children: list[str], partial_ok: bool) -> None:
        """Set ``code`` from the given value, or the mean of its children; check the two agree."""
        known = [self.values[c] for c in children if c in self.values]
        computed = None
        if known and (len(known) == len(children) or partial_ok):
            computed = exact_mean(known)
            if len(known) < len(children):
                missing = ", ".join(c for c in children if c not in self.values)
                self.find(
                    "warning",
                    "partial",
                    f"{label_th} คิดจากข้อมูลที่มีเท่านั้น ({len(known)} จาก {len(children)}); ไม่มีข้อมูล: {missing}",
                    f"{label_en} is computed from what there is ({len(known)} of {len(children)}); no data for: {missing}",
                )
        if code in self.given:
            value = self.given[code]
            self.values[code] = value
            self.is_given.add(code)
            if computed is not None and len(known) == len(children):
                self.check(code, label_th, label_en, value, computed, children)
        elif computed is not None:
            self.values[code] = computed

    def check(
        self, code: str, label_th: str, label_en: str, value: Fraction, computed: Fraction, children: list[str]
    ) -> None:
        """Report a given score that disagrees with its own parts by more than rounding."""
        if code == "total":
            computed = exact(round_exact(computed, self.fw.rounding.places, self.fw.rounding.total))
        if abs(value - computed) <= exact(self.fw.rounding.tolerance):
            return
        parts = ", ".join(f"{c} = {fmt(self.values[c])}" for c in children)
        self.mismatches.append(Mismatch(code, label_th, Decimal(fmt(value)), Decimal(fmt(computed)), tuple(children)))
        self.find(
            "warning",
            "consistency",
            f"{label_th} กรอกไว้ {fmt(value)} แต่คำนวณจากองค์ประกอบที่กรอกไว้ได้ {fmt(computed)} ({parts}); "
            f"ตรวจสอบตัวเลขกับผลการประเมินที่ได้รับ (ใช้ค่าที่กรอกไว้ {fmt(value)})",
            f"{label_en} is entered as {fmt(value)} but its parts as entered give {fmt(computed)} ({parts}); "
            f"check the figures against the official result ({fmt(value)} is used)",
            self.where(code),
        )

    def rounded_parts(self, computed: Fraction) -> None:
        """Warn that a total computed from typed (already rounded) scores may miss the official one by a hundredth.

        The parts' own rounding leaves the unrounded total up to half a hundredth either way, so its last digit
        can differ from the published total (parts giving 80.9868 print 80.98 where 80.99 was published).
        """
        typed = [c for c in (*self.fw.tools, *self.fw.indicators, *self.fw.subindicators) if c in self.is_given]
        if not typed:
            return
        fw = self.fw
        shown = round_exact(computed, fw.rounding.places, fw.rounding.total)
        before = round_exact(computed, fw.rounding.places + WEIGHTED_EXTRA, "half_up")
        step = Decimal(1).scaleb(-fw.rounding.places)
        self.find(
            "warning",
            "total-from-rounded",
            f"ไม่ได้กรอกคะแนนรวม จึงคำนวณจากคะแนนที่กรอกไว้ซึ่งปัดเศษมาแล้ว ได้ {before} แสดงเป็น {shown} "
            f"ซึ่งอาจต่างจากคะแนนรวมที่ประกาศอย่างเป็นทางการ {step}; "
            f"กรอกคะแนนรวมที่ได้รับในแถวแรกของชีต ผลคะแนน (รหัส total) แล้วจะใช้ค่านั้นแทน",
            f"no total was typed, so it is computed from typed scores that were already rounded: {before}, shown "
            f"as {shown}, which may differ from the official total by {step}; type the official total in the "
            f"first row of sheet ผลคะแนน (code total) and it is used instead",
            self.where(typed[0]).split("!")[0] or "ผลคะแนน",
        )

    def items(self) -> dict[str, StatementStats]:
        stats: dict[str, StatementStats] = {}
        for tool, survey in self.data.surveys.items():
            stats.update(statement_stats(self.fw, survey))
            minimum = self.fw.min_respondents.get(tool)
            if minimum and survey.respondents < minimum:
                self.find(
                    "warning",
                    "few-respondents",
                    f"{tool} มีผู้ตอบ {survey.respondents} คน น้อยกว่าจำนวนขั้นต่ำที่ใช้กันทั่วไป ({minimum} คน) ผลอาจไม่สะท้อนภาพจริง",
                    f"{tool} has {survey.respondents} respondents, fewer than the usual minimum of {minimum}; the result may not be representative",
                    tool,
                )
        unanswered: dict[str, list[str]] = {}
        blank_oit: list[str] = []
        for item in self.fw.items.values():
            kind = self.fw.tools[item.tool].kind
            if kind == "survey" and item.tool in self.data.surveys:
                unanswered.setdefault(item.tool, []).extend(
                    st.code for st in item.statements if stats[st.code].answered == 0
                )
                scores = [stats[s.code].exact for s in item.statements]
                item_mean = exact_mean(s for s in scores if s is not None)
                if item_mean is not None:
                    self.values[item.code] = item_mean
            elif kind == "checklist" and self.data.oit:
                entry = self.data.oit.get(item.code)
                scale = self.fw.scales[item.scale]
                if entry is None or entry.published is None:
                    blank_oit.append(item.code)
                published = bool(entry and entry.published)
                self.values[item.code] = exact(scale.points(0 if published else len(scale.answers) - 1, item.reverse))
            if item.code in self.given:
                value = self.given[item.code]
                if item.code in self.values and abs(self.values[item.code] - value) > exact(self.fw.rounding.tolerance):
                    self.find(
                        "warning",
                        "consistency",
                        f"ข้อ {item.code} กรอกไว้ {fmt(value)} แต่คำนวณจากคำตอบได้ {fmt(self.values[item.code])}",
                        f"{item.code} is entered as {fmt(value)} but the answers give {fmt(self.values[item.code])}",
                        self.where(item.code),
                    )
                self.values[item.code] = value
                self.is_given.add(item.code)
        for tool, codes in unanswered.items():
            if codes:
                listed = ", ".join(codes)
                self.find(
                    "warning",
                    "unanswered",
                    f"ไม่มีผู้ใดตอบข้อ {listed} ({len(codes)} ข้อ); ตรวจสอบว่าคัดลอกคำตอบครบทุกคอลัมน์",
                    f"nobody answered {listed} ({len(codes)} columns); check that every column of answers was copied",
                    tool,
                )
        if blank_oit:
            listed = ", ".join(blank_oit)
            self.find(
                "warning",
                "oit-blank",
                f"ข้อ {listed} ไม่ได้ระบุว่า มี หรือ ไม่มี ({len(blank_oit)} ข้อ) จึงนับเป็น ไม่มี; เลือก มี/ไม่มี ในชีต OIT",
                f"{listed} not marked มี or ไม่มี ({len(blank_oit)} items), counted as not published; choose มี/ไม่มี in sheet OIT",
                "OIT",
            )
        return stats

    def levels(self) -> None:
        fw = self.fw
        raw_tools = set(self.data.surveys)
        for code, sub in fw.subindicators.items():
            self.combine(code, f"ตัวชี้วัดย่อยที่ {code}", f"sub-indicator {code}", list(sub.items), False)
        for code, ind in fw.indicators.items():
            children = list(ind.subindicators) or list(ind.items)
            self.combine(code, f"ตัวชี้วัดที่ {code}", f"indicator {code}", children, ind.tool in raw_tools)
        for code, tool in fw.tools.items():
            self.combine(code, f"คะแนน {code}", f"{code} score", list(tool.indicators), False)
        tools = list(fw.tools)
        computed = None
        if all(t in self.values for t in tools):
            computed = sum((exact(fw.tools[t].weight) * self.values[t] for t in tools), Fraction(0)) / 100
        if "total" in self.given:
            self.values["total"] = self.given["total"]
            self.is_given.add("total")
            if computed is not None:
                self.check("total", "คะแนนรวม", "the total", self.given["total"], computed, tools)
        elif computed is not None:
            self.values["total"] = computed
            self.rounded_parts(computed)
        for code in tools:
            if code not in self.values:
                self.find(
                    "error",
                    "no-data",
                    f"ไม่มีข้อมูลของ {code} (ไม่มีคำตอบและไม่ได้กรอกผลคะแนน) จึงคำนวณคะแนนรวมไม่ได้; กรอกชีต {code} หรือชีต ผลคะแนน",
                    f"there is no data for {code} (no answers and no entered score), so there is no total; fill sheet {code} or sheet ผลคะแนน",
                    code,
                )

    # -- scores ------------------------------------------------------------------------------

    def level_score(self, code: str, level: str, name: str) -> LevelScore | None:
        if code not in self.values:
            return None
        fw = self.fw
        value = self.values[code]
        mode = fw.rounding.total if level == "total" else fw.rounding.scores
        shown = round_exact(value, fw.rounding.places, mode)
        band = fw.grade(shown)
        weight = weighted = None
        if level == "tool":
            weight = fw.tools[code].weight
            # Two more decimals than a score, so the contributions add up to the total before its rounding
            # (exactly so for scores given with the method's decimals and whole-percent weights).
            weighted = round_exact(exact(weight) * value / 100, fw.rounding.places + WEIGHTED_EXTRA, "half_up")
        return LevelScore(
            code,
            level,
            name,
            to_decimal(value),
            shown,
            band.code,
            band.label,
            shown >= fw.pass_mark,
            shown >= fw.strength_threshold,
            code in self.is_given,
            weight,
            weighted,
        )


def history(
    fw: Framework, entries: tuple[HistoryEntry, ...], year: int, total: Decimal | None, rating: Rating | None = None
) -> tuple[Trend, ...]:
    """Return the years in order, each with its signed difference from the year before it and its own result.

    A past year's result follows that year's shipped method (FY2564 with AA-F, FY2568 with its rating label).
    """
    from ita_xl.framework import rules_of_year

    by_year = {e.year: quantize(e.total, fw.rounding.places, fw.rounding.scores) for e in entries}
    indicators = {e.year: e.indicators for e in entries}
    if total is not None:
        by_year[year] = total
    trends = []
    previous: Decimal | None = None
    for y in sorted(by_year):
        value = by_year[y]
        diff = None if previous is None else value - previous
        direction = None if diff is None else (UP if diff > 0 else DOWN if diff < 0 else SAME)
        rules = fw if y == year else rules_of_year(y, fw)
        level = rating.label if y == year and rating else year_level(rules, value, indicators.get(y, {}))
        own = {} if y == year else dict(indicators.get(y, {}))  # the assessed year's scores are the result's
        trends.append(Trend(y, value, diff, direction, level, own))
        previous = value
    return tuple(trends)


def score(fw: Framework, data: OfficeInput) -> Result:
    """Return the whole result of one office for framework ``fw``. Pure: reads no file."""
    s = _Scorer(fw, data)
    stats = s.items()
    s.levels()
    items = {c: ls for c, it in fw.items.items() if (ls := s.level_score(c, "item", it.title))}
    subs = {c: ls for c, sb in fw.subindicators.items() if (ls := s.level_score(c, "subindicator", sb.name))}
    inds = {c: ls for c, ind in fw.indicators.items() if (ls := s.level_score(c, "indicator", ind.name))}
    tools = {c: ls for c, t in fw.tools.items() if (ls := s.level_score(c, "tool", t.name))}
    total = s.level_score("total", "total", "คะแนนรวม")

    strengths: list[str] = []
    weaknesses: list[str] = []
    for code, ind in fw.indicators.items():
        units = list(ind.subindicators) if ind.subindicators and all(x in subs for x in ind.subindicators) else [code]
        for unit in units:
            ls = subs.get(unit) or inds.get(unit)
            if ls is not None:
                (strengths if ls.strength else weaknesses).append(unit)
    weak_items = tuple(c for c, ls in items.items() if not ls.strength)

    year = data.office.year or fw.year
    if data.office.year and data.office.year != fw.year:
        s.find(
            "warning",
            "year",
            f"ปีงบประมาณในชีตข้อมูลหน่วยงาน ({data.office.year}) ไม่ตรงกับเกณฑ์ที่ใช้ ({fw.year}) คะแนนจึงคิดตามเกณฑ์ปี "
            f"{fw.year}; ถ้าไม่ได้ตั้งใจ ให้ทำใหม่โดยไม่ระบุปี (--year) เพื่อใช้เกณฑ์ของปีในชีต หรือแก้ปีในช่องนี้ให้ถูกต้อง",
            f"the office sheet says fiscal year {data.office.year} but the method used is FY{fw.year}, so the scores "
            f"follow FY{fw.year}'s rules; if that is not meant, run again without --year to use the sheet's year, or "
            "correct the year in this cell",
            s.where("year"),
        )
    if fw.provisional:
        s.find("warning", "provisional-method", fw.provisional[0], fw.provisional[1], fw.source.rsplit("/", 1)[-1])
    rating = rate(fw, total.shown if total else None, {c: ls.shown for c, ls in tools.items()})
    trends = history(fw, data.history, year, total.shown if total else None, rating)
    national = None
    o = data.office
    if o.national_mean is not None or o.rank is not None:
        diff = None
        if o.national_mean is not None and total is not None:
            diff = total.shown - quantize(o.national_mean)
        national = Comparison(o.national_mean, diff, o.rank, o.rank_of)
    return Result(
        framework=fw,
        office=data.office,
        total=total,
        tools=tools,
        indicators=inds,
        subindicators=subs,
        items=items,
        statements=stats,
        respondents={t: sv.respondents for t, sv in data.surveys.items()},
        oit=dict(data.oit),
        strengths=tuple(strengths),
        weaknesses=tuple(weaknesses),
        weak_items=weak_items,
        history=trends,
        national=national,
        findings=tuple(s.findings),
        measures=data.measures,
        source=data.source,
        rating=rating,
        mismatches=tuple(s.mismatches),
    )
