"""An office's own OIT list: score with the items its workbook lists, and say how they differ from the method's.

The shipped OIT lists of FY2567+ are uncertain (see the method files), so the list an office was assessed on is the
one in its workbook's OIT sheet (code, title, sub-indicator). Items added, removed or moved there are used as they
stand, never refused; one warning names every difference so staff can check them against the year's manual.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ita_xl.model import Framework, Item
from ita_xl.result import Finding


@dataclass(frozen=True)
class OitRow:
    """One row of a workbook's OIT list: the item's code, and its title and sub-indicator as typed ("" if blank)."""

    code: str
    title: str = ""
    sub: str = ""
    where: str = ""


def placements(fw: Framework) -> dict[str, str]:
    """Return the OIT level an item may sit under: sub-indicator codes, or indicator codes without sub-indicators."""
    places: dict[str, str] = {}
    for code, ind in fw.indicators.items():
        if fw.tools[ind.tool].kind != "checklist":
            continue
        for sub in ind.subindicators:
            places[sub] = code
        if not ind.subindicators:
            places[code] = code
    return places


def adapt(fw: Framework, rows: list[OitRow]) -> tuple[Framework, list[Finding]]:
    """Return ``fw`` with its OIT items replaced by ``rows`` (in their order), and the findings about the changes.

    A shipped code keeps its title, scale and evidence window unless the row gives another title or sub-indicator;
    a new code takes the scale of the shipped OIT items. A row whose sub-indicator is not one of the method's keeps
    the shipped place (or, for a new code, is left out), with a warning. A sub-indicator left with no item is dropped
    from its indicator, so the indicator is the mean of the others. With no rows, ``fw`` is returned unchanged.
    """
    shipped = {c: it for c, it in fw.items.items() if fw.tools[it.tool].kind == "checklist"}
    if not rows or not shipped:
        return fw, []
    places = placements(fw)
    sample = next(iter(shipped.values()))
    findings: list[Finding] = []
    items: dict[str, Item] = {}
    added: list[str] = []
    moved: list[str] = []
    renamed: list[str] = []
    for row in rows:
        old = shipped.get(row.code)
        place = row.sub if row.sub in places else ""
        if row.sub and not place:
            findings.append(_bad_place(fw, row, old is not None, places))
        if old is None and not place:
            continue
        old_place = (old.subindicator or old.indicator) if old else ""
        where = place or old_place
        indicator = places[where]
        item = old or Item(row.code, sample.tool, indicator, None, row.title or row.code, sample.scale, False, ())
        title = row.title or item.title
        if old is None:
            added.append(f"{row.code} ({where})")
        elif where != old_place:
            moved.append(f"{row.code} ({old_place} → {where})")
        if old is not None and _key(title) != _key(old.title):
            renamed.append(row.code)
        sub = where if where in fw.subindicators else None
        items[row.code] = dataclasses.replace(item, indicator=indicator, subindicator=sub, title=title)
    removed = [c for c in shipped if c not in items]
    if not (added or moved or removed or renamed):
        return fw, findings
    findings.append(_differences(fw, added, removed, moved, renamed))
    return _rebuilt(fw, shipped, items), findings


def _rebuilt(fw: Framework, shipped: dict[str, Item], oit: dict[str, Item]) -> Framework:
    """Return ``fw`` with ``oit`` in place of the shipped checklist items, and each level's item list to match."""
    others = {c: it for c, it in fw.items.items() if c not in shipped}
    items = {**others, **oit}
    places = placements(fw)
    subs = {}
    for code, sub in fw.subindicators.items():
        if code in places:  # an OIT sub-indicator: the workbook's items, and gone when it has none
            sub = dataclasses.replace(sub, items=tuple(c for c, it in oit.items() if it.subindicator == code))
        if sub.items:
            subs[code] = sub
    indicators = {}
    for code, ind in fw.indicators.items():
        if fw.tools[ind.tool].kind == "checklist":
            kept = tuple(s for s in ind.subindicators if s in subs)
            own = tuple(c for c, it in oit.items() if it.indicator == code and it.subindicator is None)
            ind = dataclasses.replace(ind, subindicators=kept, items=own if not ind.subindicators else ind.items)
        indicators[code] = ind
    return dataclasses.replace(fw, items=items, subindicators=subs, indicators=indicators)


def _key(text: str) -> str:
    return "".join(text.split())


def _bad_place(fw: Framework, row: OitRow, shipped: bool, places: dict[str, str]) -> Finding:
    known = ", ".join(places)
    then_th = "จึงใช้ตำแหน่งเดิมตามเกณฑ์" if shipped else "จึงไม่นำข้อนี้มาคิดคะแนน"
    then_en = "so its place in the method is kept" if shipped else "so this item is not scored"
    return Finding(
        "warning",
        "oit-place",
        f'ข้อ {row.code} ระบุตัวชี้วัดย่อย "{row.sub}" ซึ่งไม่มีในเกณฑ์ปี {fw.year} ({known}) {then_th}; แก้ช่องตัวชี้วัดย่อยให้ตรงกับคู่มือ',
        f'{row.code} gives sub-indicator "{row.sub}", which the FY{fw.year} method does not have ({known}), '
        f"{then_en}; correct the sub-indicator cell to match the manual",
        row.where,
    )


def _differences(fw: Framework, added: list[str], removed: list[str], moved: list[str], renamed: list[str]) -> Finding:
    parts_th, parts_en = [], []
    for codes, th, en in (
        (added, "เพิ่ม", "added"),
        (removed, "ไม่มีในแฟ้ม", "left out"),
        (moved, "ย้ายตัวชี้วัดย่อย", "moved"),
        (renamed, "ชื่อข้อต่างจากเกณฑ์", "retitled"),
    ):
        if codes:
            parts_th.append(f"{th} {', '.join(codes)}")
            parts_en.append(f"{en}: {', '.join(codes)}")
    return Finding(
        "warning",
        "oit-list",
        f"รายการข้อ OIT ในชีต OIT ต่างจากรายการของเกณฑ์ปี {fw.year} ที่มากับโปรแกรม ({'; '.join(parts_th)}) "
        "จึงคิดคะแนนตามรายการในแฟ้มนี้; ตรวจสอบกับคู่มือการประเมินของปีนั้นว่าถูกต้อง",
        f"the OIT sheet's list differs from the shipped FY{fw.year} list ({'; '.join(parts_en)}), so this "
        "workbook's list is scored; check it against that year's assessment manual",
        "OIT",
    )
