"""Open an office's Word file as a document whatever Word saved it as: .docx, a template (.dotx) or with macros."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocumentObject

DOCUMENT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Main parts python-docx refuses; their XML is a document's, so only the package's content type changes.
OTHER_MAIN_PARTS = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    b"application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)
# Macro-only parts: the project, and the key bindings that call its macros.
MACRO_PARTS = (
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    "http://schemas.microsoft.com/office/2006/relationships/keyMapCustomizations",
)


def open_word(path: Path) -> DocumentObject:
    """Return the Word file at ``path`` opened as a plain document, without its macros.

    Raises what python-docx and zipfile raise for a file that is not a Word package.
    """
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml")
        if any(kind in types for kind in OTHER_MAIN_PARTS):
            data = _as_document(z, types)
    doc = docx.Document(io.BytesIO(data))
    drop_macros(doc)
    return doc


def has_macros(path: Path) -> bool:
    """Return whether the Word file at ``path`` carries a macro project (which a report never takes)."""
    with zipfile.ZipFile(path) as z:
        return any(name.lower().endswith("vbaproject.bin") for name in z.namelist())


def drop_macros(doc: DocumentObject) -> None:
    """Remove the macro project from ``doc``: a .docx may not carry one."""
    part = doc.part
    for rid in [rid for rid, rel in part.rels.items() if rel.reltype in MACRO_PARTS]:
        part.drop_rel(rid)


def _as_document(z: zipfile.ZipFile, types: bytes) -> bytes:
    for kind in OTHER_MAIN_PARTS:
        types = types.replace(kind, DOCUMENT)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in z.infolist():
            copy.writestr(info, types if info.filename == "[Content_Types].xml" else z.read(info))
    return out.getvalue()
