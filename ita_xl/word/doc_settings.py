"""Word document settings ita-xl sets, each where the schema puts it (out of order, Word offers a repair)."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def update_fields_on_open(doc: DocumentObject) -> None:
    """Ask Word to refresh fields (the table of contents) when the document is opened.

    The element goes where the schema puts it (before w:compat, w:rsids and the rest); appended at the end it
    makes Word offer to repair the document.
    """
    settings = doc.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        settings.insert_element_before(el, *AFTER_UPDATE_FIELDS)
    el.set(qn("w:val"), "true")


# The children of w:settings that the schema (CT_Settings, ECMA-376 part 1, 17.15.1.78) puts after w:updateFields.
AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
