"""The measures plan: the office's own rows, or rows drafted from the result's weaknesses and strengths."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ita_xl.model import Framework, Measure
from ita_xl.result import Result
from ita_xl.thai import arabic_digits, thai_digits


def _texts(texts: Mapping[str, str] | None) -> Mapping[str, str]:
    if texts is not None:
        return texts
    from ita_xl.word.texts import load_texts

    return load_texts()


def join_thai(parts: Sequence[str], texts: Mapping[str, str]) -> str:
    """Return parts joined the Thai way: "ก ข และ ค" (separators from the text file)."""
    sep = texts.get("measures.list_sep", " ")
    last = texts.get("measures.list_and", " และ")
    if len(parts) <= 1:
        return "".join(parts)
    return sep.join(parts[:-1]) + last + parts[-1]


def code_span(codes: Sequence[str]) -> str:
    """Return "1 - 5" for consecutive indicator codes, else "1, 3, 4"."""
    if not codes:
        return ""
    try:
        nums = [int(c) for c in codes]
    except ValueError:
        return ", ".join(codes)
    if len(nums) > 1 and nums == list(range(nums[0], nums[0] + len(nums))):
        return f"{codes[0]} - {codes[-1]}"
    return ", ".join(codes)


def item_span(fw: Framework, indicator_codes: Sequence[str]) -> str:
    """Return the item range of the indicators, e.g. "i1 - i30", or per-indicator ranges when not adjacent."""
    order = list(fw.items)
    ranges: list[tuple[int, int]] = []
    for code in indicator_codes:
        items = fw.indicators[code].items
        if not items:
            continue
        lo, hi = order.index(items[0]), order.index(items[-1])
        if ranges and ranges[-1][1] + 1 == lo:
            ranges[-1] = (ranges[-1][0], hi)
        else:
            ranges.append((lo, hi))
    return ", ".join(order[a] if a == b else f"{order[a]} - {order[b]}" for a, b in ranges)


def measures_year(result: Result) -> int:
    """Return the fiscal year (BE) of the measures: the office's setting, else the year after the assessed one."""
    fw = result.framework
    if result.office.measures_year:
        return result.office.measures_year
    if fw.next_year:
        return fw.next_year
    return (result.office.year or fw.year) + 1


def item_label(fw: Framework, code: str, texts: Mapping[str, str]) -> str:
    """Return an OIT item named by its code, title and next year's code, e.g. "ข้อ o12 … (ปี 2566: o13)"."""
    from ita_xl.word.texts import fill

    title = fw.items[code].title if code in fw.items else ""
    nxt = fw.next_year_items.get(code)
    then = fw
    if nxt and fw.next_year and nxt != code:
        from ita_xl.framework import available_years, load

        then = load(year=fw.next_year) if fw.next_year in available_years() else fw
    values = {
        "code": fw.printed(code),  # as each year's manual prints it: o12 (FY2565), O13 (FY2566), O7 (FY2569)
        "title": title,
        "next_year": fw.next_year or fw.year + 1,
        "next_code": then.printed(nxt or code),
    }
    key = "measures.oit.item" if nxt and fw.next_year and nxt != code else "measures.oit.item_same"
    return fill(texts[key], values, key).strip()


def _survey_measure(
    result: Result, tool: str, weak: list[str], texts: Mapping[str, str], base: dict[str, object]
) -> Measure:
    from ita_xl.word.texts import fill

    fw = result.framework
    key = tool.lower()
    values = {
        **base,
        "names": join_thai([fw.indicators[c].name for c in weak], texts),
        "codes": code_span(weak),
        "items": item_span(fw, weak),
    }
    return Measure(
        addresses=fill(texts[f"measures.{key}.addresses"], values, f"measures.{key}.addresses"),
        kind="weakness",
        codes=tuple(weak),
        steps=fill(texts[f"measures.{key}.steps"], values, f"measures.{key}.steps"),
        deadline=str(base["deadline"]),
        target=fill(texts[f"measures.{key}.target"], values, f"measures.{key}.target"),
        responsible=str(base["unit"]),
        note=texts["measures.draft_note"],
        draft=True,
    )


def _oit_measure(result: Result, unit: str, texts: Mapping[str, str], base: dict[str, object]) -> Measure:
    from ita_xl.word.texts import fill

    fw = result.framework
    if unit in fw.subindicators:
        sub = fw.subindicators[unit]
        indicator, name, items, key = sub.indicator, sub.name, sub.items, "measures.oit.addresses"
    else:
        ind = fw.indicators[unit]
        indicator, name, items, key = unit, ind.name, ind.items, "measures.oit.addresses_indicator"
    missing = [c for c in items if c in result.weak_items]
    if missing:
        labels = [item_label(fw, c, texts) for c in missing]
        missing_text = join_thai(labels, texts)
    elif items:
        missing_text = fill(
            texts["measures.oit.missing_unknown"],
            {"first": items[0], "last": items[-1]},
            "measures.oit.missing_unknown",
        )
    else:
        missing_text = name
    values = {**base, "missing": missing_text, "indicator": indicator, "code": unit, "name": name}
    return Measure(
        addresses=fill(texts[key], values, key),
        kind="weakness",
        codes=(unit, *missing),
        steps=fill(texts["measures.oit.steps"], values, "measures.oit.steps"),
        deadline=str(base["deadline"]),
        target=fill(texts["measures.oit.target"], values, "measures.oit.target"),
        responsible=str(base["unit"]),
        note=texts["measures.draft_note"],
        draft=True,
    )


def _unit_name(fw: Framework, unit: str) -> str:
    if unit in fw.subindicators:
        return f"ตัวชี้วัดย่อยที่ {unit} {fw.subindicators[unit].name}"
    return f"ตัวชี้วัดที่ {unit} {fw.indicators[unit].name}"


def _unit_tool(fw: Framework, unit: str) -> str:
    ind = fw.subindicators[unit].indicator if unit in fw.subindicators else unit
    return fw.indicators[ind].tool


def draft_measures(result: Result, texts: Mapping[str, str] | None = None) -> tuple[Measure, ...]:
    """Return measures drafted from the result: IIT weaknesses together, EIT together, one per weak OIT unit,
    and one measure for the strengths. Every drafted measure has ``draft=True``."""
    from ita_xl.word.texts import fill

    t = _texts(texts)
    fw = result.framework
    year = measures_year(result)
    unit = result.office.analysis_unit.strip() or t["measures.responsible"]
    base: dict[str, object] = {"office": result.office.name, "year": year, "unit": unit}
    base["deadline"] = fill(t["measures.deadline"], base, "measures.deadline")
    out: list[Measure] = []
    for tool in ("IIT", "EIT"):
        weak = [u for u in result.weaknesses if u in fw.indicators and fw.indicators[u].tool == tool]
        if weak:
            out.append(_survey_measure(result, tool, weak, t, base))
    for u in result.weaknesses:
        if _unit_tool(fw, u) == "OIT":
            out.append(_oit_measure(result, u, t, base))
    if result.strengths:
        values = {**base, "names": join_thai([_unit_name(fw, u) for u in result.strengths], t)}
        out.append(
            Measure(
                addresses=fill(t["measures.strength.addresses"], values, "measures.strength.addresses"),
                kind="strength",
                codes=tuple(result.strengths),
                steps=fill(t["measures.strength.steps"], values, "measures.strength.steps"),
                deadline=str(base["deadline"]),
                target=fill(t["measures.strength.target"], values, "measures.strength.target"),
                responsible=fill(t["measures.strength.responsible"], values, "measures.strength.responsible"),
                note=t["measures.draft_note"],
                draft=True,
            )
        )
    thai = result.office.thai_digits
    return tuple(_digits(m, thai) for m in out)


def _digits(m: Measure, thai: bool) -> Measure:
    conv = thai_digits if thai else arabic_digits
    return Measure(
        addresses=conv(m.addresses),
        kind=m.kind,
        codes=m.codes,
        steps=conv(m.steps),
        deadline=conv(m.deadline),
        target=conv(m.target),
        responsible=conv(m.responsible),
        note=conv(m.note),
        draft=m.draft,
    )


def measures_for(result: Result, texts: Mapping[str, str] | None = None) -> tuple[Measure, ...]:
    """Return the office's own measures when it gave any, else measures drafted from the result."""
    if result.measures:
        return tuple(result.measures)
    return draft_measures(result, texts)
