"""Framework files: the shipped years load, and a broken file names the file and the key."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.errors import FrameworkError
from ita_xl.framework import FRAMEWORK_DIR, available_years, load


def test_shipped_years() -> None:
    assert available_years()[:2] == [2565, 2566]
    for year in (2565, 2566):
        fw = load(year)
        assert len([i for i in fw.items.values() if i.tool == "IIT"]) == 30
        assert len([i for i in fw.items.values() if i.tool == "EIT"]) == 15
        assert len([i for i in fw.items.values() if i.tool == "OIT"]) == 43
        assert sorted(fw.indicators, key=int) == [str(n) for n in range(1, 11)]
        assert list(fw.subindicators) == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"]
        assert {t: int(x.weight) for t, x in fw.tools.items()} == {"IIT": 30, "EIT": 30, "OIT": 40}


def test_cross_year_mapping() -> None:
    fw = load(2565)
    assert fw.next_year == 2566
    assert fw.next_year_items["o12"] == "o13"
    nxt = load(2566)
    assert all(code in nxt.items for code in fw.next_year_items.values())


def test_reverse_and_yes_no_flags() -> None:
    fw = load(2565)
    assert fw.items["i9"].reverse and not fw.items["i1"].reverse
    assert fw.items["i4"].scale == "yes_no" and fw.items["i4"].reverse
    i11 = {s.code: s.reverse for s in fw.items["i11"].statements}
    assert i11 == {"i11.1": False, "i11.2": True}
    assert fw.items["i26"].scale == "yes_no" and not fw.items["i26"].reverse


def _copy_without(tmp_path: Path, needle: str, replacement: str = "") -> Path:
    text = (FRAMEWORK_DIR / "fy2565.toml").read_text(encoding="utf-8")
    assert needle in text
    path = tmp_path / "fy-broken.toml"
    path.write_text(text.replace(needle, replacement, 1), encoding="utf-8")
    return path


def test_missing_key_names_file_and_key(tmp_path: Path) -> None:
    path = _copy_without(tmp_path, "pass_mark = 85")
    with pytest.raises(FrameworkError) as info:
        load(path=path)
    assert "pass_mark" in info.value.en and str(path) in info.value.message("en")


def test_unknown_scale_names_item(tmp_path: Path) -> None:
    path = _copy_without(tmp_path, 'scale = "four"', 'scale = "five"')
    with pytest.raises(FrameworkError) as info:
        load(path=path)
    assert "items.i1.scale" in info.value.en and "five" in info.value.en


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("year = = 2567\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        load(path=path)
    assert "TOML" in info.value.en


def test_frameworks_command_lists_years() -> None:
    out = CliRunner().invoke(cli, ["frameworks"])
    assert out.exit_code == 0
    assert "2565" in out.output and "2566" in out.output


def test_framework_option_reports_broken_file(tmp_path: Path) -> None:
    path = _copy_without(tmp_path, "pass_mark = 85")
    out = CliRunner().invoke(cli, ["score", "x.xlsx", "--framework", str(path), "--lang", "en"])
    assert out.exit_code == 1
    assert "pass_mark" in out.output and "Traceback" not in out.output
