"""Check a written Office file as Word and Excel would see it: no validator finding, no theme-bound named font.

Use it for every new kind of output (a helper's test builds the file, then calls one line):

    from tests.ooxml import assert_opens_clean
    assert_opens_clean(path)          # .docx or .xlsx; a report's embedded chart workbooks are checked too

``assert_opens_clean`` runs openxml-audit (the Open XML SDK's schema and semantic checks plus Word/Excel
compatibility rules, in pure Python) on the file and on every package embedded in it, and for each workbook
(the file or an embedded one) also asserts that no font carrying a name also carries ``<scheme>``: Excel draws a
scheme font in the theme's font and ignores the name (TH SarabunPSK would show as Calibri).
"""

from __future__ import annotations

import functools
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openxml_audit import OpenXmlValidator, ValidationError


@dataclass(frozen=True)
class Allowance:
    """A finding shown to be the validator's mistake: which one (part and text), and the evidence."""

    part: str
    description: str
    evidence: str

    def matches(self, finding: ValidationError) -> bool:
        return finding.part_uri == self.part and self.description in finding.description


# Findings that are the validator's mistake, each with its evidence. Empty: every output passes as it is.
# Add an entry only with evidence (the schema clause, or the same XML written by Word or Excel itself).
ALLOWED: tuple[Allowance, ...] = ()

_EMBEDDED = re.compile(r"^(?:word|xl|ppt)/embeddings/[^/]+\.(?:xlsx|docx)$")
_FONT = re.compile(rb"<font>.*?</font>", re.S)


@functools.cache
def _validator() -> OpenXmlValidator:
    # Office 2019 rules, the default of the command line; every finding (errors and warnings) collected.
    return OpenXmlValidator(max_errors=0)


def findings(path: Path) -> list[str]:
    """Return every finding (not allowed above) in ``path`` and in the packages embedded in it, one line each."""
    found = [f"{path.name}: {f}" for f in _validator().validate(path).errors if not _allowed(f)]
    for name, data in embedded_packages(path).items():
        with tempfile.TemporaryDirectory() as tmp:
            inner = Path(tmp) / Path(name).name
            inner.write_bytes(data)
            found += [f"{path.name}/{name}: {f}" for f in _validator().validate(inner).errors if not _allowed(f)]
    return found


def _allowed(finding: ValidationError) -> bool:
    return any(a.matches(finding) for a in ALLOWED)


def embedded_packages(path: Path) -> dict[str, bytes]:
    """Return the Office packages embedded in ``path`` (a report's chart workbooks) by part name."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if _EMBEDDED.match(n)}


def scheme_fonts(workbook: Path | bytes) -> list[str]:
    """Return each <font> of the workbook's styles.xml that names a font and also carries a <scheme>."""
    source = io.BytesIO(workbook) if isinstance(workbook, bytes) else workbook
    with zipfile.ZipFile(source) as z:
        styles = z.read("xl/styles.xml")
    fonts = _FONT.findall(styles)
    return [f.decode() for f in fonts if b"<name " in f and b"<scheme " in f]


def assert_opens_clean(path: Path) -> None:
    """Assert that ``path`` (and what it embeds) has no validator finding and no workbook font bound to the theme."""
    problems = findings(path)
    workbooks: dict[str, Path | bytes] = {path.name: path} if path.suffix == ".xlsx" else {}
    workbooks |= {f"{path.name}/{n}": data for n, data in embedded_packages(path).items() if n.endswith(".xlsx")}
    for name, book in workbooks.items():
        problems += [f"{name}: named font with a theme scheme: {font}" for font in scheme_fonts(book)]
    assert not problems, "\n".join(problems)
