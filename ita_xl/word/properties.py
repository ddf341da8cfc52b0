"""The report file's own properties (File > Info in Word, Document Properties in a PDF reader).

Title, subject and author are the office's; created and modified are now; the language is Thai. What a style
document brought along (its creation date, its description, the program that wrote it, its thumbnail) goes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ita_xl import __version__
from ita_xl.word.docx_helpers import clean
from ita_xl.xmltext import escape

if TYPE_CHECKING:
    from ita_xl.word.context import Ctx

LANGUAGE = "th-TH"
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>{company}</Properties>"
)


def _one_line(text: str, limit: int = 255) -> str:
    return " ".join(clean(text).split())[:limit]


def set_properties(doc: DocumentObject, ctx: Ctx, now: dt.datetime | None = None) -> None:
    """Set the core and extended properties of the report ``doc`` and drop the style document's thumbnail."""
    moment = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    office = _one_line(ctx.result.office.name)
    core = doc.core_properties
    core.title = _one_line(ctx.t("cover.title"))
    core.subject = _one_line(ctx.t("properties.subject"))
    core.keywords = _one_line(ctx.t("properties.keywords"))
    core.author = office
    core.last_modified_by = office
    core.comments = ""
    core.category = ""
    core.content_status = ""
    core.language = LANGUAGE
    core.created = moment
    core.modified = moment
    core.revision = 1
    package = doc.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            company = f"<Company>{escape(office)}</Company>" if office else ""
            xml = _APP_XML.format(application=f"ita-xl {__version__}", company=company)
            part._blob = xml.encode("utf-8")  # a generic Part: its bytes are written as they are
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
