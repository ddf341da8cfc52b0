"""The command line in the user's language: which language a run uses, localised help, and click's own messages.

The language is ``--lang`` wherever it stands on the command line (before or after the command name), else the
ITA_XL_LANG environment variable, else Thai. Help texts come from ita_xl/cli_texts.py. click's own messages (usage
errors, "Usage:", "Options") go through gettext; ``install`` routes click's gettext calls through a small Thai
catalogue (tests/test_cli_lang.py fails if click stops calling them).
"""

from __future__ import annotations

import importlib
import inspect
import os
from collections.abc import Sequence
from typing import Any

import click

from ita_xl.cli_texts import help_text

LANG_ENV = "ITA_XL_LANG"
LANGS = ("th", "en")

# The language of the current run; None until the command line is parsed (click's strings made while the commands
# are declared, such as a path type's name, stay click's own).
current: str | None = None

# Words split by a space arrive as extra arguments: most often a name typed without quotes.
QUOTE_TH = '; ถ้าชื่อหน่วยงานหรือชื่อไฟล์มีช่องว่าง ให้ใส่ไว้ในเครื่องหมายคำพูด เช่น --office "สพป. จันทบุรี"'
QUOTE_EN = '; if a name or file name has spaces, put it in double quotes, e.g. --office "สพป. จันทบุรี"'
# click's messages that gain a hint in English too.
CLICK_EN: dict[str, str] = {
    "Got unexpected extra argument ({args})": "Got unexpected extra argument ({args})" + QUOTE_EN,
    "Got unexpected extra arguments ({args})": "Got unexpected extra arguments ({args})" + QUOTE_EN,
}

# click's messages (their gettext msgids) in Thai; anything not listed stays in English.
CLICK_TH: dict[str, str] = {
    "Usage:": "วิธีใช้:",
    "Options": "ตัวเลือก",
    "Commands": "คำสั่ง",
    "Positional arguments": "อาร์กิวเมนต์",
    "Error: {message}": "ข้อผิดพลาด: {message}",
    "Try '{command} {option}' for help.": "ดูวิธีใช้ด้วย '{command} {option}'",
    "Invalid value: {message}": "ค่าไม่ถูกต้อง: {message}",
    "Invalid value for {param_hint}: {message}": "ค่าของ {param_hint} ไม่ถูกต้อง: {message}",
    "Missing argument": "ไม่ได้ระบุชื่อไฟล์หรือโฟลเดอร์",  # every argument of ita-xl is a path
    "Missing option": "ไม่ได้ระบุตัวเลือก",
    "Missing parameter": "ไม่ได้ระบุค่า",
    "Missing {param_type}": "ไม่ได้ระบุ {param_type}",
    "Missing parameter: {param_name}": "ไม่ได้ระบุค่า: {param_name}",
    "Missing command.": "ไม่ได้ระบุคำสั่ง; ดูคำสั่งทั้งหมดด้วย ita-xl --help",
    "No such option {name!r}.": "ไม่มีตัวเลือก {name!r};",
    "No such command {name!r}.": "ไม่มีคำสั่ง {name!r}; ดูคำสั่งทั้งหมดด้วย ita-xl --help;",
    "Did you mean {possibility}?": "หมายถึง {possibility} หรือไม่?",
    "(Did you mean one of: {possibilities}?)": "(หมายถึงข้อใดข้อหนึ่งนี้หรือไม่: {possibilities})",
    "Got unexpected extra argument ({args})": "มีอาร์กิวเมนต์เกินมา ({args})" + QUOTE_TH,
    "Got unexpected extra arguments ({args})": "มีอาร์กิวเมนต์เกินมา ({args})" + QUOTE_TH,
    "Option {name!r} requires an argument.": "ตัวเลือก {name!r} ต้องมีค่าตามหลัง",
    "Option {name!r} requires {nargs} arguments.": "ตัวเลือก {name!r} ต้องมีค่าตามหลัง {nargs} ค่า",
    "Option {name!r} does not take a value.": "ตัวเลือก {name!r} ไม่รับค่า",
    "{value!r} is not {choice}.": "{value!r} ไม่ใช่ {choice}",
    "{value!r} is not one of {choices}.": "{value!r} ไม่ใช่ค่าใดใน {choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} ไม่ใช่ตัวเลขที่ใช้ได้ ({number_type})",
    "{value} is not in the range {range}.": "{value} อยู่นอกช่วง {range}",
    "{name} {filename!r} does not exist.": "ไม่พบ {filename!r}; ตรวจสอบชื่อและโฟลเดอร์",
    "{name} {filename!r} is a file.": "{filename!r} เป็นไฟล์ ไม่ใช่โฟลเดอร์",
    "{name} {filename!r} is a directory.": "{filename!r} เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
    "{name} {filename!r} is not readable.": "อ่าน {filename!r} ไม่ได้ (ไม่มีสิทธิ์อ่าน)",
    "{name} {filename!r} is not writable.": "เขียน {filename!r} ไม่ได้ (ไม่มีสิทธิ์เขียน)",
    "default: {default}": "ค่าเริ่มต้น: {default}",
    "env var: {var}": "ตัวแปรสภาพแวดล้อม: {var}",
    "Aborted!": "ยกเลิกแล้ว",
    "%(prog)s, version %(version)s": "%(prog)s รุ่น %(version)s",
}
CLICK_MODULES = (
    "click.core",
    "click.exceptions",
    "click.types",
    "click.parser",
    "click.formatting",
    "click.decorators",
)


def _gettext(message: str) -> str:
    return CLICK_TH.get(message, message) if current == "th" else CLICK_EN.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """Route click's gettext calls (its modules' ``_`` and ``ngettext``) through the Thai catalogue."""
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


def lang_of(args: Sequence[str]) -> str:
    """Return the language a command line asks for: its last valid --lang, else ITA_XL_LANG, else th."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.partition("=")[2]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGS:
            found = value
    env = os.environ.get(LANG_ENV, "").strip().lower()
    return found or (env if env in LANGS else "th")


def _lang() -> str:
    return current or "th"


def resolve_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """Return a command's --lang: its own, else the one given before the command name (or ITA_XL_LANG, or th)."""
    if value:
        return value
    root = ctx.find_root()
    return str(root.params.get("lang") or lang_of([]))


class _Localised:
    """Help in the run's language: the command's and each parameter's help swapped in while it is formatted."""

    name: str | None
    help: str | None
    params: list[click.Parameter]

    def _key(self) -> str:
        return self.name or ""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _lang()
        saved_help = self.help
        saved = [(p, getattr(p, "help", None)) for p in self.get_params(ctx)]  # type: ignore[attr-defined]
        try:
            self.help = _clean(help_text(self._key(), lang)) or self.help
            for p, old in saved:
                # click names its own help option "help" or "_click_default_help" (8.2+)
                name = "help" if p.name == "_click_default_help" else p.name
                text = help_text(f"{self._key()}.{name}", lang)
                if text is not None:
                    p.help = text  # type: ignore[attr-defined]
                elif old is not None:
                    p.help = old  # type: ignore[attr-defined]
            super().format_help(ctx, formatter)  # type: ignore[misc]
        finally:
            self.help = saved_help
            for p, old in saved:
                if hasattr(p, "help"):
                    p.help = old  # type: ignore[attr-defined]

    def get_short_help_str(self, limit: int = 45) -> str:
        text = help_text(self._key(), _lang())
        if text is None:
            return str(super().get_short_help_str(limit))  # type: ignore[misc]
        return _clean(text).split("\n", 1)[0].strip()


def _clean(text: str | None) -> str:
    return inspect.cleandoc(text) if text else ""


class LocalCommand(_Localised, click.Command):
    """A command whose help is read from cli_texts in the run's language."""


class LocalGroup(_Localised, click.Group):
    """The program: sets the run's language from the whole command line before parsing, localises its commands."""

    command_class = LocalCommand

    def _key(self) -> str:
        return "ita-xl"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        global current
        current = lang_of(args)
        return list(super().parse_args(ctx, args))

    def main(self, *args: Any, **kwargs: Any) -> Any:
        global current
        current = None
        return super().main(*args, **kwargs)
