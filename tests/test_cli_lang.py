"""The command line speaks Thai by default and English on request: help, click's usage errors, every command."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ita_xl import cli_lang
from ita_xl.cli import cli
from ita_xl.cli_texts import HELP


def run(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), env={"ITA_XL_LANG": "", **(env or {})}, prog_name="ita-xl")


def test_every_command_and_option_has_help_in_both_languages() -> None:
    missing = []
    ctx = click.Context(cli, info_name="ita-xl")
    for name, command in {"ita-xl": cli, **cli.commands}.items():
        if name not in HELP:
            missing.append(name)
        for param in command.get_params(ctx):
            key = "help" if param.name == "_click_default_help" else param.name
            if isinstance(param, click.Option) and f"{name}.{key}" not in HELP and f"*.{key}" not in HELP:
                missing.append(f"{name}.{key}")
    assert not missing, f"add (Thai, English) help for these to HELP in ita_xl/cli_texts.py: {missing}"
    for key, (th, en) in HELP.items():
        assert th.strip() and en.strip() and th != en, key


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        ((), {}, "ตัวเลือก:"),
        (("--lang", "en"), {}, "Options:"),
        ((), {"ITA_XL_LANG": "en"}, "Options:"),
        (("--lang", "th"), {"ITA_XL_LANG": "en"}, "ตัวเลือก:"),
    ],
)
def test_help_language_from_option_or_environment(args: tuple[str, ...], env: dict[str, str], expected: str) -> None:
    res = run(*args, "build", "--help", env=env)
    assert res.exit_code == 0
    assert expected in res.output
    assert ("เขียนสมุดงานวิเคราะห์" in res.output) == (expected == "ตัวเลือก:")


def test_lang_before_the_command_name(tmp_path: Path) -> None:
    missing = tmp_path / "none.xlsx"
    res = run("--lang", "en", "check", str(missing))
    assert res.exit_code == 1
    assert res.output == f"error: {missing}: file not found; check the name and folder\n"
    res = run("check", str(missing))
    assert res.output == f"ข้อผิดพลาด: {missing}: ไม่พบไฟล์ ตรวจสอบชื่อและโฟลเดอร์\n"


def test_clicks_usage_errors_in_thai_and_english() -> None:
    res = run("check")
    assert res.exit_code == 2
    assert res.output == (
        "วิธีใช้: ita-xl check [OPTIONS] WORKBOOK\n"
        "ดูวิธีใช้ด้วย 'ita-xl check --help'\n\n"
        "ข้อผิดพลาด: ไม่ได้ระบุชื่อไฟล์หรือโฟลเดอร์ 'WORKBOOK'.\n"
    )
    res = run("check", "--lang", "en")
    assert res.exit_code == 2
    assert res.output.endswith("Error: Missing argument 'WORKBOOK'.\n")
    res = run("check", "--year", "abc", "x.xlsx")
    assert res.exit_code == 2
    assert res.output.endswith("ข้อผิดพลาด: ค่าของ '--year' ไม่ถูกต้อง: 'abc' ไม่ใช่ตัวเลขที่ใช้ได้ (integer)\n")
    res = run("chek")
    assert "ข้อผิดพลาด: ไม่มีคำสั่ง 'chek'; ดูคำสั่งทั้งหมดด้วย ita-xl --help; หมายถึง 'check' หรือไม่?" in res.output


def test_a_bad_language_is_a_usage_error() -> None:
    res = run("check", "x.xlsx", env={"ITA_XL_LANG": "fr"})
    assert res.exit_code == 2
    assert "ITA_XL_LANG" in res.output or "'fr'" in res.output


def test_frameworks_in_both_languages() -> None:
    th, en = run("frameworks"), run("frameworks", "--lang", "en")
    assert th.exit_code == en.exit_code == 0
    assert "\t88 ข้อ\t" in th.output and "\t88 items\t" in en.output


def test_click_still_calls_the_gettext_we_route() -> None:
    """cli_lang.install replaces the ``_`` and ``ngettext`` click's modules import from gettext."""
    import importlib

    routed = [m for m in cli_lang.CLICK_MODULES if getattr(importlib.import_module(m), "_", None) is cli_lang._gettext]
    assert {"click.core", "click.exceptions", "click.formatting"} <= set(routed), (
        f"click {click.__version__} no longer takes its messages from module-level gettext `_` in {routed}; "
        "ita_xl/cli_lang.py install() must find the new place, or usage errors stay English"
    )
