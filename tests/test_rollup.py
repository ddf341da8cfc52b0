"""Roll-up: ranking with ties, summary workbook values, rank and mean fed back to an office."""

import json
from decimal import Decimal as D
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from ita_xl.cli import cli
from ita_xl.rollup import OfficeRow, rank_offices
from ita_xl.rollup_feed import read_summary


def _row(name: str, total: str) -> OfficeRow:
    return OfficeRow(name, name, 2566, D(total), "A", D(total) >= 85, {}, {})


def test_ties_share_a_rank_and_the_next_skips() -> None:
    ranked = rank_offices([_row("ข", "95.00"), _row("ก", "97.10"), _row("ค", "95.00"), _row("ง", "80.00")])
    assert [(o.name, o.rank) for o in ranked] == [("ก", 1), ("ข", 2), ("ค", 2), ("ง", 4)]


def _result_json(folder: Path, name: str, total: float, grade: str, ind1: float) -> Path:
    data = {
        "framework": 2566,
        "office": {"name": name},
        "total": total,
        "grade": grade,
        "passed": total >= 85,
        "tools": {"IIT": total, "EIT": total, "OIT": total},
        "indicators": {str(i): ind1 if i == 1 else 100.0 for i in range(1, 11)},
    }
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_rollup_command_writes_ranking_and_summary(tmp_path: Path) -> None:
    src = tmp_path / "results"
    src.mkdir()
    _result_json(src, "สพป.หนึ่ง", 96.5, "AA", 90.0)
    _result_json(src, "สพป.สอง", 88.25, "A", 70.0)
    _result_json(src, "สพป.สาม", 96.5, "AA", 95.0)
    _result_json(src, "สพป.สี่", 70.0, "C", 60.0)
    (src / "broken.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "summary.xlsx"
    res = CliRunner().invoke(cli, ["rollup", str(src), "-o", str(out)])
    assert res.exit_code == 1  # the broken file is reported
    assert "broken.json" in res.output
    wb = load_workbook(out, data_only=True)
    rows = [r for r in wb["อันดับ"].iter_rows(min_row=2, values_only=True) if isinstance(r[0], int)]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (1, "สพป.สาม", 96.5),
        (1, "สพป.หนึ่ง", 96.5),
        (3, "สพป.สอง", 88.25),
        (4, "สพป.สี่", 70.0),
    ]
    ss = {r[0]: r[1] for r in wb["สรุป"].iter_rows(values_only=True) if r and r[0]}
    assert ss["จำนวนหน่วยงาน"] == 4
    assert abs(ss["ค่าเฉลี่ยของกลุ่ม (หน่วยงาน ๔ แห่งในการสรุปผลนี้)"] - 87.81) < 0.005
    assert ss["AA"] == 2 and ss["A"] == 1 and ss["C"] == 1 and ss["B"] == 0
    assert ss["ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป)"] == 3
    summary = read_summary(out)
    assert [(e.rank, e.name) for e in summary.entries if e.name == "สพป.สอง"] == [(3, "สพป.สอง")]
    assert len(summary.entries) == 4 and summary.year == 2566 and summary.name == "หน่วยงาน ๔ แห่งในการสรุปผลนี้"
    assert summary.mean is not None and abs(summary.mean - D("87.81")) < D("0.01")
    wb.close()
    # The charts speak Thai like the rest of the workbook: titles, axes and series names.
    import re
    import zipfile

    with zipfile.ZipFile(out) as z:
        charts = [z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    texts = [t for c in charts for t in re.findall(r"<a:t>([^<]*)</a:t>|<c:v>([^<0-9][^<]*)</c:v>", c)]
    words = [w for pair in texts for w in pair if w]
    assert "จำนวนหน่วยงานตามระดับผลการประเมิน" in words and "ค่าเฉลี่ยรายตัวชี้วัดของกลุ่ม" in words
    assert not [w for w in words if re.fullmatch(r"[A-Za-z ]+", w) and w not in {"AA", "A", "B", "C", "D", "E", "F"}]


def test_rollup_summary_report(tmp_path: Path) -> None:
    from docx import Document

    src = tmp_path / "results"
    src.mkdir()
    _result_json(src, "สพป.หนึ่ง", 96.5, "AA", 90.0)
    _result_json(src, "สพป.สอง", 80.0, "B", 70.0)
    out, report = tmp_path / "s.xlsx", tmp_path / "s.docx"
    res = CliRunner().invoke(cli, ["rollup", str(src), "-o", str(out), "--report", str(report)])
    assert res.exit_code == 0, res.output
    doc = Document(str(report))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "๒ หน่วยงาน" in text and "คะแนนเฉลี่ยของกลุ่มร้อยละ ๘๘.๒๕" in text
    assert "ผ่านเกณฑ์ (ร้อยละ ๘๕ ขึ้นไป) ๑ หน่วยงาน" in text
    ranking = doc.tables[-1]
    assert [c.text for c in ranking.rows[1].cells] == ["๑", "สพป.หนึ่ง", "๙๖.๕๐", "AA", "ผ่าน"]
    assert [c.text for c in ranking.rows[2].cells] == ["๒", "สพป.สอง", "๘๐.๐๐", "B", "ไม่ผ่าน"]
    grades = doc.tables[0]
    assert [c.text for c in grades.rows[1].cells] == ["AA", "๑", "๕๐.๐๐"]
