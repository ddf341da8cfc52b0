"""One workbook read and scored: the Evaluation every command and writer works from."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ita_xl.model import Framework, OfficeInput
from ita_xl.result import Finding, Result
from ita_xl.scoring import score


@dataclass
class Evaluation:
    """A workbook read and scored: the framework used, the input, and the result with every finding."""

    path: Path
    framework: Framework
    data: OfficeInput
    result: Result

    @property
    def errors(self) -> list[Finding]:
        return self.result.errors

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.result.findings if f.severity != "error"]


def evaluate(path: Path, framework: Framework | None = None, year: int | None = None) -> Evaluation:
    """Return the workbook at ``path`` read and scored; raise ItaError when it cannot be read at all."""
    from ita_xl.excel.read import read_office

    reading = read_office(path, framework=framework, year=year)
    result = score(reading.framework, reading.data)
    # A sheet the reader reported missing or renamed explains the engine's "no data for IIT": say it once.
    explained = {f.where.split("!")[0] for f in reading.problems if f.code in ("missing-sheet", "renamed-sheet")}
    scored = tuple(f for f in result.findings if not (f.code == "no-data" and f.where in explained))
    findings = tuple(reading.problems) + scored
    result = dataclasses.replace(result, findings=findings)
    return Evaluation(path, reading.framework, reading.data, result)
