"""Atomic outputs: nothing left behind on error, never over the input, ordinary permissions."""

import os
import stat
from pathlib import Path

import pytest

from ita_xl.errors import OutputError
from ita_xl.safeio import atomic_output


def test_success_moves_into_place_with_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    with atomic_output(target) as tmp:
        tmp.write_text("ok", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "ok"
    mode = stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_error_leaves_nothing_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_refuses_to_write_over_the_input(tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    src.write_bytes(b"x")
    with pytest.raises(OutputError) as info, atomic_output(tmp_path / "." / "in.xlsx", protect=(src,)):
        pass
    assert "never writes over an input" in info.value.en
    assert src.read_bytes() == b"x"


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as info, atomic_output(blocker / "out.xlsx"):
        pass
    assert "cannot write in this folder" in info.value.en


def test_target_that_cannot_be_replaced(tmp_path: Path) -> None:
    target = tmp_path / "busy.xlsx"
    target.mkdir()  # stands in for a file Excel keeps open (os.replace fails the same way)
    with pytest.raises(OutputError) as info, atomic_output(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert "may be open in another program" in info.value.en
    assert [p.name for p in tmp_path.iterdir()] == ["busy.xlsx"]
