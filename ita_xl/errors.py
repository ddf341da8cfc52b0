"""One exception family; every message says where, what was found and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Where:
    """A place in an input file: file, and optionally sheet and cell."""

    file: str = ""
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
        parts = self.file
        if self.sheet:
            parts = f"{parts}: {self.sheet}" if parts else self.sheet
            if self.cell:
                parts = f"{parts}!{self.cell}"
        return parts


class ItaError(Exception):
    """Base of every error ita-xl reports to a person (never shown with a traceback).

    ``th`` and ``en`` are the one-line messages in Thai and English; ``where`` names the place.
    """

    exit_code = 1

    def __init__(self, th: str, en: str | None = None, where: Where | None = None) -> None:
        self.th = th
        self.en = en or th
        self.where = where or Where()
        super().__init__(self.message("en"))

    def message(self, lang: str = "th") -> str:
        """Return the one-line message in ``lang`` ("th" or "en"), prefixed by the place."""
        text = self.th if lang == "th" else self.en
        place = str(self.where)
        return f"{place}: {text}" if place else text


class FrameworkError(ItaError):
    """A framework (method) file is missing, unreadable or incomplete."""


class InputError(ItaError):
    """An input workbook cannot be read as an ita-xl workbook."""


class OutputError(ItaError):
    """An output file cannot be written."""


class UsageError(ItaError):
    """The command line asks for something impossible."""

    exit_code = 2
