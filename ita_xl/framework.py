"""Load and validate a framework (method) file: one TOML file per fiscal year."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from ita_xl.errors import FrameworkError, Where
from ita_xl.model import (
    Answer,
    Framework,
    Grade,
    Indicator,
    Item,
    Level,
    Rounding,
    Scale,
    Statement,
    SubIndicator,
    Tool,
)

FRAMEWORK_DIR = Path(__file__).parent / "frameworks"
ROUNDING_MODES = ("half_up", "truncate")
WINDOWS = ("current", "previous", "first_half")


def available_years() -> list[int]:
    """Return the fiscal years whose framework file ships with ita-xl, oldest first."""
    years = []
    for path in FRAMEWORK_DIR.glob("fy*.toml"):
        stem = path.stem[2:]
        if stem.isdigit():
            years.append(int(stem))
    return sorted(years)


def default_year() -> int:
    """Return the latest shipped year whose method is not a provisional copy (FY2569 while FY2570 is provisional)."""
    years = available_years()
    for year in reversed(years):
        if _load_path(str(builtin_path(year))).provisional is None:
            return year
    return years[-1]


def rules_of_year(year: int, current: Framework) -> Framework:
    """Return the method a past year was scored by: its shipped file, the oldest shipped one before that, else ``current``."""
    years = available_years()
    if year in years:
        return load(year=year)
    if years and year < years[0]:
        return load(year=years[0])  # AA-F grades and the pass mark were the same before FY2565
    return current


def builtin_path(year: int) -> Path:
    """Return the path of the shipped framework of ``year``; raise FrameworkError when there is none."""
    path = FRAMEWORK_DIR / f"fy{year}.toml"
    if not path.is_file():
        have = ", ".join(str(y) for y in available_years())
        raise FrameworkError(
            f"ไม่มีเกณฑ์การประเมินของปีงบประมาณ {year} (มี: {have}); ใช้ --framework ไฟล์เกณฑ์ของปีนั้น",
            f"no framework for fiscal year {year} (available: {have}); pass --framework FILE for that year",
        )
    return path


def load(year: int | None = None, path: str | Path | None = None) -> Framework:
    """Return the framework of ``year`` (shipped) or from ``path`` (a user's own file)."""
    if path is not None:
        return _load_path(str(Path(path).resolve()))
    if year is None:
        year = default_year()
    return _load_path(str(builtin_path(year)))


@lru_cache(maxsize=16)
def _load_path(path: str) -> Framework:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle, parse_float=Decimal)
    except FileNotFoundError:
        raise FrameworkError(
            "ไม่พบไฟล์เกณฑ์การประเมิน ตรวจสอบชื่อไฟล์",
            "framework file not found; check the path",
            Where(path),
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FrameworkError(
            f"ไฟล์เกณฑ์การประเมินเขียนไม่ถูกรูปแบบ TOML ({exc}) แก้ไขตามตำแหน่งที่ระบุ",
            f"the framework file is not valid TOML ({exc}); fix it at the place named",
            Where(path),
        ) from None
    return _Parser(path, data).framework()


class _Parser:
    """Turn the parsed TOML into a Framework, naming the file and key of anything wrong."""

    def __init__(self, path: str, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, problem_th: str, problem_en: str) -> FrameworkError:
        return FrameworkError(
            f"คีย์ {key}: {problem_th} แก้ไขไฟล์เกณฑ์แล้วลองอีกครั้ง",
            f"key {key}: {problem_en}; correct the framework file and try again",
            Where(self.path),
        )

    def get(self, table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
        name = f"{where}.{key}" if where else key
        if key not in table:
            raise self.fail(name, "ไม่มีค่านี้ในไฟล์", "is missing")
        value = table[key]
        if kind is Decimal and isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            expected = getattr(kind, "__name__", str(kind))
            raise self.fail(name, f"ชนิดข้อมูลไม่ถูกต้อง ({value!r})", f"expected {expected}, found {value!r}")
        return value

    def framework(self) -> Framework:
        d = self.data
        schema = d.get("schema", 1)
        if schema != 1:
            raise self.fail("schema", f"รุ่นรูปแบบ {schema!r} ไม่รองรับ", f"format version {schema!r} not supported")
        year = self.get(d, "year", int, "")
        scales = self._scales()
        grades = self._grades()
        tools = self._tools()
        subindicators = self._subindicators()
        items = self._items(scales, subindicators)
        indicators = self._indicators(tools, subindicators, items)
        tools = {
            code: Tool(
                t.code, t.name, t.name_en, t.weight, t.kind, tuple(i for i in indicators if indicators[i].tool == code)
            )
            for code, t in tools.items()
        }
        for code, tool in tools.items():
            if not tool.indicators:
                raise self.fail(f"tools[{code}]", "ไม่มีตัวชี้วัดใดอยู่ในเครื่องมือนี้", "no indicator belongs to this tool")
        total_weight = sum((t.weight for t in tools.values()), Decimal(0))
        if total_weight != 100:
            raise self.fail(
                "tools.weight", f"น้ำหนักรวมเป็น {total_weight} ไม่ใช่ 100", f"weights add to {total_weight}, not 100"
            )
        rounding = self._rounding()
        min_resp = d.get("min_respondents", {})
        if not isinstance(min_resp, dict) or not all(isinstance(v, int) for v in min_resp.values()):
            raise self.fail("min_respondents", "ต้องเป็นตาราง เช่น { IIT = 25 }", "must be a table like { IIT = 25 }")
        nxt = d.get("next_year", {})
        next_items = nxt.get("items", {}) if isinstance(nxt, dict) else {}
        for old, new in next_items.items():
            if old not in items:
                raise self.fail(f"next_year.items.{old}", "ไม่ใช่รหัสข้อของปีนี้", "is not an item code of this year")
            if not isinstance(new, str):
                raise self.fail(f"next_year.items.{old}", 'ต้องเป็นข้อความ เช่น "o13"', 'must be a string like "o13"')
        publication = d.get("publication", {})
        if not isinstance(publication, dict):
            raise self.fail("publication", "ต้องเป็นตาราง", "must be a table")
        analysis_item = str(publication.get("analysis_item", "")).strip().lower()
        follow_up_item = str(publication.get("follow_up_item", "")).strip().lower()
        letter = str(publication.get("letter", "o")).strip()
        if letter not in ("o", "O"):
            raise self.fail("publication.letter", 'ต้องเป็น "o" หรือ "O"', 'must be "o" or "O"')
        for key, code in (("analysis_item", analysis_item), ("follow_up_item", follow_up_item)):
            if code and code not in items:
                raise self.fail(f"publication.{key}", f"ไม่มีข้อ {code} ในปีนี้", f"{code} is not an item of this year")
        return Framework(
            year=year,
            title=self.get(d, "title", str, ""),
            source=self.path,
            pass_mark=self.get(d, "pass_mark", Decimal, ""),
            strength_threshold=self.get(d, "strength_threshold", Decimal, ""),
            min_respondents=dict(min_resp),
            rounding=rounding,
            grades=grades,
            scales=scales,
            tools=tools,
            indicators=indicators,
            subindicators=subindicators,
            items=items,
            next_year=nxt.get("year") if isinstance(nxt, dict) else None,
            next_year_items={k.lower(): v.lower() for k, v in next_items.items()},
            family=str(d.get("family", "nacc")),
            family_name=str(d.get("family_name", "")),
            levels=self._levels(tools),
            provisional=self._provisional(),
            analysis_item=analysis_item,
            follow_up_item=follow_up_item,
            oit_letter=letter,
            links=self._links(items),
        )

    def _levels(self, tools: dict[str, Tool]) -> tuple[Level, ...]:
        levels = []
        for n, lv in enumerate(self.data.get("levels", [])):
            where = f"levels[{n}]"
            min_tool = lv.get("min_tool")
            levels.append(
                Level(
                    self.get(lv, "label", str, where),
                    str(lv.get("label_en", "")),
                    self.get(lv, "min_total", Decimal, where),
                    None if min_tool is None else self.get(lv, "min_tool", Decimal, where),
                    self.get(lv, "passed", bool, where),
                )
            )
        ordered = sorted(levels, key=lambda lv: (lv.min_total, lv.min_tool or 0), reverse=True)
        if levels != ordered:
            raise self.fail("levels", "ต้องเรียงจากระดับสูงสุดลงมา", "levels must be ordered highest first")
        return tuple(levels)

    def _provisional(self) -> tuple[str, str] | None:
        table = self.data.get("provisional")
        if table is None:
            return None
        th = self.get(table, "th", str, "provisional") if isinstance(table, dict) else None
        en = self.get(table, "en", str, "provisional") if isinstance(table, dict) else None
        if th is None or en is None:
            raise self.fail("provisional", "ต้องเป็นตาราง { th = …, en = … }", "must be a table { th = …, en = … }")
        return th, en

    def _links(self, items: dict[str, Item]) -> dict[str, dict[int, str]]:
        links: dict[str, dict[int, str]] = {}
        for code, earlier in self.data.get("links", {}).items():
            key = code.strip().lower()
            if key not in items or not isinstance(earlier, dict):
                raise self.fail(
                    f"links.{code}", "ต้องเป็นรหัสข้อของปีนี้ = { ปี = รหัส }", "must be this year's item = { year = code }"
                )
            try:
                links[key] = {int(y): str(c).strip().lower() for y, c in earlier.items()}
            except ValueError:
                raise self.fail(f"links.{code}", "ปีต้องเป็นตัวเลข", "years must be numbers") from None
        return links

    def _rounding(self) -> Rounding:
        table = self.get(self.data, "rounding", dict, "")
        places = self.get(table, "places", int, "rounding")
        modes = {}
        for key in ("scores", "total"):
            mode = self.get(table, key, str, "rounding")
            if mode not in ROUNDING_MODES:
                raise self.fail(
                    f"rounding.{key}",
                    f"ต้องเป็น {' หรือ '.join(ROUNDING_MODES)}",
                    f"must be one of {ROUNDING_MODES}, found {mode!r}",
                )
            modes[key] = mode
        tolerance = Decimal(table.get("tolerance", Decimal("0.01")))
        return Rounding(places, modes["scores"], modes["total"], tolerance)

    def _scales(self) -> dict[str, Scale]:
        table = self.get(self.data, "scales", dict, "")
        scales = {}
        for name, body in table.items():
            answers = self.get(body, "answers", list, f"scales.{name}")
            if len(answers) < 2:
                raise self.fail(f"scales.{name}.answers", "ต้องมีอย่างน้อย ๒ คำตอบ", "needs at least two answers")
            parsed = tuple(
                Answer(
                    self.get(a, "label", str, f"scales.{name}.answers[{n}]").strip(),
                    self.get(a, "points", Decimal, f"scales.{name}.answers[{n}]"),
                )
                for n, a in enumerate(answers)
            )
            scales[name] = Scale(name, parsed)
        return scales

    def _grades(self) -> tuple[Grade, ...]:
        rows = self.get(self.data, "grades", list, "")
        grades = tuple(
            Grade(
                self.get(g, "code", str, f"grades[{n}]"),
                self.get(g, "label", str, f"grades[{n}]"),
                self.get(g, "min", Decimal, f"grades[{n}]"),
                self.get(g, "passed", bool, f"grades[{n}]"),
                str(g.get("label_th", "")),
            )
            for n, g in enumerate(rows)
        )
        if not grades:
            raise self.fail("grades", "ไม่มีระดับผลการประเมิน", "no grade bands")
        mins = [g.min for g in grades]
        if mins != sorted(mins, reverse=True):
            raise self.fail("grades", "ต้องเรียงจากระดับสูงสุดลงมา", "bands must be ordered highest first")
        return grades

    def _tools(self) -> dict[str, Tool]:
        tools = {}
        for n, t in enumerate(self.get(self.data, "tools", list, "")):
            where = f"tools[{n}]"
            code = self.get(t, "code", str, where)
            kind = self.get(t, "kind", str, where)
            if kind not in ("survey", "checklist"):
                raise self.fail(
                    f"{where}.kind", "ต้องเป็น survey หรือ checklist", f"must be survey or checklist, found {kind!r}"
                )
            tools[code] = Tool(
                code,
                self.get(t, "name", str, where),
                str(t.get("name_en", code)),
                self.get(t, "weight", Decimal, where),
                kind,
                (),
            )
        return tools

    def _subindicators(self) -> dict[str, SubIndicator]:
        subs = {}
        for n, s in enumerate(self.data.get("subindicators", [])):
            where = f"subindicators[{n}]"
            code = str(self.get(s, "code", str, where))
            subs[code] = SubIndicator(
                code,
                self.get(s, "indicator", str, where),
                self.get(s, "name", str, where),
                str(s.get("assesses", "")),
                str(s.get("action", "")),
                (),
            )
        return subs

    def _items(self, scales: dict[str, Scale], subs: dict[str, SubIndicator]) -> dict[str, Item]:
        items: dict[str, Item] = {}
        seen: set[str] = set()
        for n, it in enumerate(self.get(self.data, "items", list, "")):
            where = f"items[{n}]"
            code = self.get(it, "code", str, where).strip().lower()
            if code in items:
                raise self.fail(f"{where}.code", f"รหัส {code} ซ้ำ", f"code {code} appears twice")
            scale = self.get(it, "scale", str, where)
            if scale not in scales:
                raise self.fail(f"items.{code}.scale", f"ไม่มีมาตรวัดชื่อ {scale!r}", f"no scale named {scale!r}")
            reverse = bool(it.get("reverse", False))
            sub = it.get("subindicator")
            if sub is not None:
                sub = str(sub)
                if sub not in subs:
                    raise self.fail(f"items.{code}.subindicator", f"ไม่มีตัวชี้วัดย่อย {sub}", f"no sub-indicator {sub}")
                indicator = subs[sub].indicator
            else:
                indicator = self.get(it, "indicator", str, f"items.{code}")
            statements = []
            for m, st in enumerate(it.get("substatements", [])):
                scode = self.get(st, "code", str, f"items.{code}.substatements[{m}]").strip().lower()
                sscale = str(st.get("scale", scale))
                if sscale not in scales:
                    raise self.fail(
                        f"items.{code}.substatements[{m}].scale",
                        f"ไม่มีมาตรวัดชื่อ {sscale!r}",
                        f"no scale named {sscale!r}",
                    )
                statements.append(
                    Statement(
                        scode,
                        code,
                        self.get(st, "title", str, f"items.{code}.substatements[{m}]"),
                        sscale,
                        bool(st.get("reverse", reverse)),
                    )
                )
            title = self.get(it, "title", str, f"items.{code}")
            window = str(it.get("window", ""))
            if window and window not in WINDOWS:
                raise self.fail(f"items.{code}.window", f"ต้องเป็น {' หรือ '.join(WINDOWS)}", f"must be one of {WINDOWS}")
            if not statements:
                statements.append(Statement(code, code, title, scale, reverse))
            for st in statements:
                if st.code in seen:
                    raise self.fail(f"items.{code}", f"รหัส {st.code} ซ้ำ", f"code {st.code} appears twice")
                seen.add(st.code)
            items[code] = Item(code, "", indicator, sub, title, scale, reverse, tuple(statements), window)
        return items

    def _indicators(
        self, tools: dict[str, Tool], subs: dict[str, SubIndicator], items: dict[str, Item]
    ) -> dict[str, Indicator]:
        indicators: dict[str, Indicator] = {}
        for n, ind in enumerate(self.get(self.data, "indicators", list, "")):
            where = f"indicators[{n}]"
            code = self.get(ind, "code", str, where)
            tool = self.get(ind, "tool", str, f"indicators.{code}")
            if tool not in tools:
                raise self.fail(f"indicators.{code}.tool", f"ไม่มีเครื่องมือ {tool}", f"no tool {tool}")
            indicators[code] = Indicator(
                code,
                tool,
                self.get(ind, "name", str, f"indicators.{code}"),
                self.get(ind, "assesses", str, f"indicators.{code}"),
                str(ind.get("action", "")),
                (),
                (),
            )
        for code, sub in list(subs.items()):
            if sub.indicator not in indicators:
                raise self.fail(
                    f"subindicators.{code}.indicator", f"ไม่มีตัวชี้วัด {sub.indicator}", f"no indicator {sub.indicator}"
                )
            sub_items = tuple(c for c, it in items.items() if it.subindicator == code)
            if not sub_items:
                raise self.fail(f"subindicators.{code}", "ไม่มีข้อใดอยู่ในตัวชี้วัดย่อยนี้", "no item belongs to it")
            subs[code] = SubIndicator(sub.code, sub.indicator, sub.name, sub.assesses, sub.action, sub_items)
        for code, item in list(items.items()):
            if item.indicator not in indicators:
                raise self.fail(
                    f"items.{code}.indicator", f"ไม่มีตัวชี้วัด {item.indicator}", f"no indicator {item.indicator}"
                )
            items[code] = Item(
                item.code,
                indicators[item.indicator].tool,
                item.indicator,
                item.subindicator,
                item.title,
                item.scale,
                item.reverse,
                item.statements,
                item.window,
            )
        for code, ind in list(indicators.items()):
            ind_subs = tuple(s for s in subs if subs[s].indicator == code)
            ind_items = tuple(c for c, it in items.items() if it.indicator == code)
            if not ind_items:
                raise self.fail(f"indicators.{code}", "ไม่มีข้อใดอยู่ในตัวชี้วัดนี้", "no item belongs to it")
            indicators[code] = Indicator(ind.code, ind.tool, ind.name, ind.assesses, ind.action, ind_subs, ind_items)
        return indicators
