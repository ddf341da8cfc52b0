"""The report's wording: a TOML text file of sentences with {placeholders}, an office's copy over the default."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ita_xl.errors import ItaError, Where

_FORMATTER = string.Formatter()
# Placeholders every report text may use (see the head of th.toml); [measures] and [settings] texts may not.
COMMON = frozenset(
    {"office", "parent", "ministry", "year", "next_year", "unit", "head_name", "head_title"}
    | {"total", "grade", "grade_label", "threshold", "strength_rule", "date"}
)


def default_text_path() -> Path:
    """Return the path of the text file shipped with the package (ita_xl/texts/th.toml)."""
    return Path(__file__).resolve().parent.parent / "texts" / "th.toml"


class Texts(Mapping[str, str]):
    """A flat, read-only map of dotted keys ("cover.title") to sentence templates, with where each came from."""

    def __init__(self, values: dict[str, str], sources: dict[str, str]) -> None:
        self._values = values
        self._sources = sources

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def source(self, key: str) -> str:
        """Return the file the template ``key`` was read from."""
        return self._sources.get(key, "")

    def fmt(self, key: str, **values: object) -> str:
        """Return template ``key`` filled with ``values``; raise ItaError naming the key on a missing placeholder."""
        if key not in self._values:
            raise ItaError(
                f"ไม่มีข้อความชื่อ {key} ในไฟล์ข้อความ",
                f"the text file has no key {key}",
                Where(self.source(key) or str(default_text_path())),
            )
        return fill(self._values[key], values, key, self.source(key))


class _Values(dict[str, object]):
    """Placeholder values that name the template and the placeholder when one is missing."""

    def __init__(self, values: Mapping[str, object], key: str, source: str) -> None:
        super().__init__(values)
        self.key = key
        self.source = source

    def __missing__(self, name: str) -> object:
        raise ItaError(
            f"ข้อความ {self.key} ใช้ช่องแทนค่า {{{name}}} ซึ่งไม่มีให้ใช้ในข้อความนี้",
            f"text {self.key} uses the placeholder {{{name}}}, which this text does not provide",
            Where(self.source),
        )


def fill(template: str, values: Mapping[str, object], key: str = "", source: str = "") -> str:
    """Return ``template`` with its {placeholders} replaced from ``values`` (str.format_map).

    Raises ItaError naming ``key`` and ``source`` when a placeholder is missing or the template is malformed.
    """
    try:
        return template.format_map(_Values(values, key, source))
    except (ValueError, IndexError, AttributeError, KeyError) as exc:
        raise ItaError(
            f"ข้อความ {key} เขียนช่องแทนค่าไม่ถูกต้อง ({exc}); ใช้ {{ชื่อ}} และเขียนวงเล็บปีกกาจริงเป็น {{{{ }}}}",
            f"text {key} has a malformed placeholder ({exc}); write {{name}}, and a literal brace as {{{{ }}}}",
            Where(source),
        ) from None


def placeholders(template: str) -> set[str]:
    """Return the placeholder names of ``template``; raise ValueError when it is malformed."""
    names = set()
    for _, name, spec, _ in _FORMATTER.parse(template):
        if name is not None:
            if name == "" or not name.isidentifier():
                raise ValueError(f"placeholder {{{name}}} is not a name")
            names.add(name)
            if spec:
                names |= placeholders(spec)
    return names


def _flatten(data: Mapping[str, Any], prefix: str, out: dict[str, str], path: str) -> None:
    for k, v in data.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            _flatten(v, f"{key}.", out, path)
        elif isinstance(v, str):
            out[key] = v
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            out[key] = str(v)
        else:
            raise ItaError(
                f"ค่าของ {key} ต้องเป็นข้อความในเครื่องหมายคำพูด",
                f"the value of {key} must be a quoted string",
                Where(path),
            )


def _read(path: Path) -> dict[str, str]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ItaError("ไม่พบไฟล์ข้อความ", "text file not found", Where(str(path))) from None
    except OSError as exc:
        raise ItaError(
            f"อ่านไฟล์ข้อความไม่ได้ ({exc.strerror})", f"cannot read the text file ({exc.strerror})", Where(str(path))
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ItaError(
            f"ไฟล์ข้อความไม่ใช่ TOML ที่ถูกต้อง ({exc})",
            f"the text file is not valid TOML ({exc})",
            Where(str(path)),
        ) from None
    out: dict[str, str] = {}
    _flatten(data, "", out, str(path))
    return out


@lru_cache(maxsize=1)
def _default() -> tuple[dict[str, str], dict[str, set[str]]]:
    values = _read(default_text_path())
    return values, {k: placeholders(v) for k, v in values.items()}


def load_texts(path: Path | None = None) -> Texts:
    """Return the default texts, overlaid with the office's (full or partial) copy at ``path`` if given.

    Raises ItaError naming the file and the key for an unknown key, a malformed template or a placeholder
    that the default template of that key does not offer.
    """
    defaults, allowed = _default()
    default_src = str(default_text_path())
    values = dict(defaults)
    sources = dict.fromkeys(defaults, default_src)
    if path is None:
        return Texts(values, sources)
    src = str(path)
    for key, template in _read(path).items():
        if key not in defaults:
            raise ItaError(
                f"ไม่รู้จักข้อความชื่อ {key} (สะกดผิดหรือไม่ใช้แล้ว); ดูชื่อที่ใช้ได้ในไฟล์ต้นแบบ {default_src}",
                f"unknown text key {key} (misspelt or no longer used); see the keys of {default_src}",
                Where(src),
            )
        try:
            names = placeholders(template)
        except ValueError as exc:
            raise ItaError(
                f"ข้อความ {key} เขียนช่องแทนค่าไม่ถูกต้อง ({exc}); ใช้ {{ชื่อ}} และเขียนวงเล็บปีกกาจริงเป็น {{{{ }}}}",
                f"text {key} has a malformed placeholder ({exc}); write {{name}}, and a literal brace as {{{{ }}}}",
                Where(src),
            ) from None
        offered_names = allowed[key] if key.startswith(("measures.", "settings.")) else allowed[key] | COMMON
        unknown = sorted(names - offered_names)
        if unknown:
            offered = ", ".join(f"{{{n}}}" for n in sorted(offered_names)) or "-"
            raise ItaError(
                f"ข้อความ {key} ใช้ช่องแทนค่า {{{unknown[0]}}} ซึ่งข้อความนี้ไม่มี; ใช้ได้: {offered}",
                f"text {key} uses the placeholder {{{unknown[0]}}}, which this text does not offer; available: {offered}",
                Where(src),
            )
        values[key] = template
        sources[key] = src
    return Texts(values, sources)
