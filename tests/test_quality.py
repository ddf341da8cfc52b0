"""Lint, format and type checks run with the tests, so CI and the README's command cover them."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint() -> None:
    out = _run("ruff", "check", "ita_xl", "tests", "bench")
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_format() -> None:
    out = _run("ruff", "format", "--check", "ita_xl", "tests", "bench")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy() -> None:
    assert shutil.which("mypy") or True
    out = _run("mypy")
    assert out.returncode == 0, out.stdout + out.stderr
