"""Group findings that repeat down a column: one line per sheet, column and problem instead of one per cell."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ita_xl.result import Finding

_CELL = re.compile(r"^(?P<sheet>[^!]+)!(?P<col>[A-Z]{1,3})(?P<row>[0-9]+)$")
MAX_RANGES = 4  # row ranges named in one place before the rest is summed up as "…"


@dataclass(frozen=True)
class FindingGroup:
    """One problem found in one or more cells of one column (or a finding that names no single cell)."""

    severity: str
    code: str
    sheet: str
    where: str  # "IIT!E3:E207", "IIT!E3:E5, E9", or the finding's own place
    cells: int  # how many cells share the problem (1 for a single finding)
    th: str
    en: str

    def message(self, lang: str = "th") -> str:
        """Return the one-line message in ``lang``, with the cells and how many: "IIT!E3:E207 (205 ช่อง): …"."""
        text = self.th if lang == "th" else self.en
        if self.cells > 1:
            count = f" ({self.cells} ช่อง)" if lang == "th" else f" ({self.cells} cells)"
            return f"{self.where}{count}: {text}"
        return f"{self.where}: {text}" if self.where else text


def column_ranges(column: str, rows: list[int]) -> str:
    """Return rows of one column as Excel ranges: E3, E4, E5, E9 -> "E3:E5, E9" (after a few ranges, "…")."""
    runs: list[tuple[int, int]] = []
    for r in sorted(set(rows)):
        if runs and r == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    parts = [f"{column}{a}:{column}{b}" if b > a else f"{column}{a}" for a, b in runs[:MAX_RANGES]]
    if len(runs) > MAX_RANGES:
        parts.append("…")
    return ", ".join(parts)


def group_findings(findings: Iterable[Finding]) -> list[FindingGroup]:
    """Return the findings with the same problem in the same column merged into one group each.

    Findings merge when severity, code, sheet, column and message are all the same; each group takes the place of
    its first finding in the list. A finding that names no single cell (a sheet, a whole file) stays on its own.
    """
    order: list[tuple[str, ...]] = []
    members: dict[tuple[str, ...], list[tuple[Finding, str, int]]] = {}
    for n, f in enumerate(findings):
        m = _CELL.match(f.where)
        if m is None:
            key: tuple[str, ...] = ("single", str(n))
            members[key] = [(f, "", 0)]
        else:
            key = (f.severity, f.code, m["sheet"], m["col"], f.th, f.en)
            members.setdefault(key, []).append((f, m["col"], int(m["row"])))
        if len(members[key]) == 1:
            order.append(key)
    groups = []
    for key in order:
        found = members[key]
        first = found[0][0]
        m = _CELL.match(first.where)
        if len(found) == 1 or m is None:
            sheet = m["sheet"] if m else first.where.split("!")[0] if "!" in first.where else ""
            groups.append(FindingGroup(first.severity, first.code, sheet, first.where, 1, first.th, first.en))
            continue
        where = f"{m['sheet']}!{column_ranges(m['col'], [row for _, _, row in found])}"
        groups.append(FindingGroup(first.severity, first.code, m["sheet"], where, len(found), first.th, first.en))
    return groups
