"""The XML escape matches the standard library's."""

from __future__ import annotations

from xml.sax.saxutils import escape as reference

from hypothesis import given
from hypothesis import strategies as st

from ita_xl.xmltext import escape


@given(st.text(), st.dictionaries(st.sampled_from(['"', "'", "\n"]), st.sampled_from(["&quot;", "&apos;", "&#10;"])))
def test_same_as_saxutils(text: str, entities: dict[str, str]) -> None:
    assert escape(text, entities) == reference(text, entities)
