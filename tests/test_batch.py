"""Batch builds: click's progress bar on a terminal, nothing extra on a pipe."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from ita_xl.batch import run_batch
from ita_xl.pipeline import BuildOptions
from tests.excel import save, set_score, template


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _two_offices(tmp_path: Path) -> list[Path]:
    files = []
    for name in ("a", "b"):
        wb = template(tmp_path)
        for tool, value in (("IIT", 90), ("EIT", 85), ("OIT", 80)):
            set_score(wb, tool, value)
        files.append(save(wb, tmp_path / f"{name}.xlsx"))
    return files


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool) -> None:
    files = _two_offices(tmp_path)
    err = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    said: list[str] = []
    failed = run_batch(files, BuildOptions(out_dir=tmp_path / "out", report=False), jobs=1, echo=said.append)
    assert failed == 0, said
    assert said[-1].startswith("สรุป: สร้างสำเร็จ 2 ไฟล์")
    if terminal:
        assert "2/2" in err.getvalue() and "b.xlsx" in err.getvalue()
    else:
        assert err.getvalue() == ""
