"""The README stays true: its two commands, every command documented, every command's help with an example."""

import re
from pathlib import Path

from click.testing import CliRunner

from ita_xl.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command_after(marker: str) -> str:
    lines = README.splitlines()
    return lines[lines.index(marker) + 1].strip().strip("`")


def test_readme_opens_with_the_two_commands() -> None:
    head = README.split("---", 1)[0]
    run = _command_after("<!-- run-command -->")
    test = _command_after("<!-- test-command -->")
    assert run in head and test in head
    assert "ita-xl build workbooks/" in run and "pip install" in run
    assert "pytest" in test and "pip install" in test
    for workbook in re.findall(r"workbooks/\S+\.xlsx", run):
        assert (ROOT / workbook).is_file(), workbook


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in ci and "README.md" in ci


def test_every_command_has_help_with_an_example_and_is_in_the_readme() -> None:
    for name in cli.commands:
        res = CliRunner().invoke(cli, [name, "--help"])
        assert res.exit_code == 0, name
        assert "ตัวอย่าง" in res.output, f"{name} --help has no example in Thai"
        res = CliRunner().invoke(cli, [name, "--help", "--lang", "en"])
        assert "Example" in res.output, f"{name} --help --lang en has no example"
        assert f"ita-xl {name}" in README, f"{name} is missing from the README"


def test_texts_command_writes_an_editable_copy(tmp_path: Path) -> None:
    from ita_xl.word.texts import default_text_path

    out = tmp_path / "mine.toml"
    res = CliRunner().invoke(cli, ["texts", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == default_text_path().read_bytes()
    again = CliRunner().invoke(cli, ["texts", str(out), "--lang", "en"])
    assert again.exit_code == 2 and "exists" in again.output
