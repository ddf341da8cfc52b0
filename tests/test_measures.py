"""The measures plan: the office's rows when given, else drafts grouped as the reference report does."""

from __future__ import annotations

import dataclasses

from ita_xl.framework import load
from ita_xl.measures import code_span, item_span, measures_for
from ita_xl.model import Measure
from ita_xl.scoring import score
from ita_xl.word.texts import load_texts
from tests.helpers import raw_input, reference_input


def test_office_measures_win() -> None:
    own = (Measure("ทำเว็บไซต์ให้ครบ", steps="1. ทำ", responsible="กลุ่มนโยบายและแผน"),)
    result = score(load(2565), reference_input(measures=own))
    assert measures_for(result) == own


def test_reference_drafts_grouped_like_the_reference() -> None:
    result = score(load(2565), reference_input())
    drafts = measures_for(result)
    assert [m.codes for m in drafts] == [
        ("1", "2", "3", "4", "5"),
        ("6", "7", "8"),
        ("9.2", "o12"),
        ("9.1", "9.3", "9.4", "9.5", "10.1", "10.2"),
    ]
    assert [m.kind for m in drafts] == ["weakness"] * 3 + ["strength"]
    assert all(m.draft for m in drafts)
    assert all(m.responsible.startswith("กลุ่มกฎหมายและคดี") for m in drafts)
    assert all(m.deadline == "มกราคม – มิถุนายน ๒๕๖๖" for m in drafts)
    iit, eit, oit, strength = drafts
    assert "IIT ตัวชี้วัดที่ ๑ - ๕ (i๑ - i๓๐)" in iit.addresses
    assert "การแก้ไขปัญหาการทุจริต" in iit.addresses
    assert "EIT ตัวชี้วัดที่ ๖ - ๘ (e๑ - e๑๕)" in eit.addresses
    # the missing item named by this year's and next year's code
    assert "o๑๒ รายงานผลการดำเนินงานประจำปี (ปี ๒๕๖๖ คือข้อ O๑๓)" in oit.addresses  # as each manual prints it
    assert "๙.๒ การบริหารงาน" in oit.addresses
    assert "๑๐.๒ มาตรการภายในเพื่อป้องกันการทุจริต" in strength.addresses
    for m in drafts:
        assert m.steps and m.target and m.note


def test_arabic_digits_and_default_unit() -> None:
    data = reference_input()
    office = dataclasses.replace(data.office, thai_digits=False, analysis_unit="")
    result = score(load(2565), dataclasses.replace(data, office=office))
    drafts = measures_for(result)
    assert "(i1 - i30)" in drafts[0].addresses
    assert drafts[0].responsible == load_texts()["measures.responsible"]
    assert drafts[0].deadline.endswith("2566")


def test_raw_input_without_next_year_mapping() -> None:
    result = score(load(2566), raw_input())
    drafts = measures_for(result)
    oit = next(m for m in drafts if "9.2" in m.codes)
    assert "o12" in oit.codes
    assert "(ปี" not in oit.addresses  # FY2566 has no next-year mapping
    assert drafts[-1].kind == "strength"


def test_texts_change_the_wording() -> None:
    texts = dict(load_texts())
    texts["measures.deadline"] = "ภายในเดือนกันยายน {year}"
    drafts = measures_for(score(load(2565), reference_input()), texts)
    assert all(m.deadline == "ภายในเดือนกันยายน ๒๕๖๖" for m in drafts)


def test_spans() -> None:
    fw = load(2565)
    assert code_span(["1", "2", "3"]) == "1 - 3"
    assert code_span(["1", "3"]) == "1, 3"
    assert item_span(fw, ["1", "2"]) == "i1 - i12"
    assert item_span(fw, ["1", "3"]) == "i1 - i6, i13 - i18"
