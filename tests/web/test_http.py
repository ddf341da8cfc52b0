"""The page over plain HTTP: its forms, the limits, the token and the checks of Host and Origin."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("flask")

from flask.testing import FlaskClient

from ita_xl.cli import cli
from ita_xl.framework import available_years
from ita_xl.web.app import Limits, create_app
from ita_xl.web.guard import Guard
from ita_xl.web.store import Store
from tests.excel import answer, save
from tests.excel.test_check import clean_workbook
from tests.web import EXAMPLE, SYNTHETIC, xml_parts


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(ttl=600, parent=tmp_path)
    yield s
    s.close()


@pytest.fixture
def client(store: Store) -> FlaskClient:
    app = create_app(store, Guard(), Limits(max_bytes=2 << 20, max_files=5, max_unpacked=20 << 20), pdf_available=False)
    return app.test_client()


def token(client: FlaskClient) -> str:
    page = client.get("/").get_data(as_text=True)
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found
    return found.group(1)


def upload(path: Path, name: str | None = None) -> tuple[io.BytesIO, str]:
    return io.BytesIO(path.read_bytes()), name or path.name


def post_office(client: FlaskClient, path: Path, **extra: object) -> str:
    data = {"csrf": token(client), "workbook": upload(path), "charts": "on", **extra}
    response = client.post("/office", data=data, content_type="multipart/form-data")
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.headers["Location"]


def test_first_page_is_thai_with_a_token_in_every_form_and_every_shipped_year(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="th">' in page
    assert "ดาวน์โหลดแบบฟอร์มเปล่า" in page
    assert page.count("<form") == page.count('name="csrf"') == 3
    for year in available_years():
        assert f'<option value="{year}"' in page
    english = client.get("/lang/en?next=/", follow_redirects=True).get_data(as_text=True)
    assert "Download a blank workbook" in english


def test_language_switch_never_sends_the_browser_elsewhere(client: FlaskClient) -> None:
    assert client.get("/lang/en?next=//evil.example/x").headers["Location"] == "/"
    assert client.get("/lang/en?next=https://evil.example/").headers["Location"] == "/"


def test_blank_template_of_each_year_downloads_as_a_workbook(client: FlaskClient, tmp_path: Path) -> None:
    from ita_xl.pipeline import evaluate

    for year in available_years():
        response = client.post("/template", data={"csrf": token(client), "year": str(year), "office": "สพป.ทดสอบ"})
        assert response.status_code == 200
        assert f"ita-{year}.xlsx" in response.headers["Content-Disposition"]
        path = tmp_path / f"t{year}.xlsx"
        path.write_bytes(response.data)
        ev = evaluate(path)
        assert ev.framework.year == year
        assert ev.data.office.name == "สพป.ทดสอบ"


def test_the_reference_office_shows_its_total_and_grade_and_its_report_is_the_builds(
    client: FlaskClient, store: Store, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    where = post_office(client, EXAMPLE)
    page = client.get(where).get_data(as_text=True)
    assert 'id="total">98.90<' in page
    assert 'id="grade">AA<' in page
    # The label in Thai words from the method file, with the official English name beside it; English alone in English.
    assert 'id="grade-label">ดีเยี่ยม (Excellence)<' in page
    english = client.get(f"/lang/en?next={where}", follow_redirects=True).get_data(as_text=True)
    assert 'id="grade-label">Excellence<' in english
    client.get(f"/lang/th?next={where}")
    assert "ผ่าน" in page and "<svg" in page
    # A strength mark of 100 is full marks, as the report words it (no score is "100 or more").
    assert "จุดแข็ง (ได้คะแนนเต็ม 100)" in page and "ตั้งแต่ 100" not in page
    # Nothing of the upload is kept once it is read: only the results.
    (job,) = [p for p in store.root.iterdir() if p.is_dir()]
    assert not (job / "in").exists()
    report = client.get(re.search(r'href="(/download/[^"]+/report)"', page).group(1))  # type: ignore[union-attr]
    assert report.status_code == 200
    assert "chanthaburi2-2565-report.docx" in report.headers["Content-Disposition"]
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    built = xml_parts((tmp_path / "chanthaburi2-2565-report.docx").read_bytes())
    assert xml_parts(report.data) == built
    analysis = client.get(re.search(r'href="(/download/[^"]+/analysis)"', page).group(1))  # type: ignore[union-attr]
    assert zipfile.ZipFile(io.BytesIO(analysis.data)).testzip() is None
    # Removed on request: the results page and its files are gone.
    client.post(where.replace("/office/", "/forget/"), data={"csrf": token(client)})
    assert client.get(where).status_code == 410
    assert [p for p in store.root.iterdir() if p.is_dir()] == []


def test_a_workbook_with_errors_shows_them_grouped_by_sheet_and_column_and_builds_nothing(
    client: FlaskClient, tmp_path: Path
) -> None:
    wb = clean_workbook(tmp_path)
    cells = [answer(wb, "IIT", n, "i2", "มากๆ") for n in range(12)]
    path = save(wb, tmp_path / "typed.xlsx")
    page = client.get(post_office(client, path)).get_data(as_text=True)
    assert "ข้อผิดพลาดที่ต้องแก้ (12" in page
    assert f"{cells[0]}:{cells[-1]}" in page and "12 ช่อง" in page
    assert page.count("&#34;มากๆ&#34; ไม่ใช่คำตอบของข้อนี้") == 1
    assert "เลือกคำตอบจากรายการ" in page  # what to do, in Excel's words
    assert "/download/" not in page


def test_more_problems_than_are_shown_are_said_at_the_top_and_under_their_sheet(
    client: FlaskClient, tmp_path: Path
) -> None:
    from ita_xl.excel.read.cells import MAX_CELL_FINDINGS
    from tests.excel import codes

    wb = clean_workbook(tmp_path)
    items = [c for c in codes(wb["IIT"]) if c.startswith("i")][:10]
    rows = MAX_CELL_FINDINGS // len(items) + 5
    for n in range(rows):
        for code in items:
            answer(wb, "IIT", n, code, "มากๆ")
    more = rows * len(items) - MAX_CELL_FINDINGS
    page = client.get(post_office(client, save(wb, tmp_path / "many.xlsx"))).get_data(as_text=True)
    assert f"ข้อผิดพลาดที่ต้องแก้ ({MAX_CELL_FINDINGS} ช่อง/รายการ)" in page
    top = page[page.index('id="capped"') : page.index("</div>", page.index('id="capped"'))]
    assert f"แสดงไม่เกิน {MAX_CELL_FINDINGS} ช่อง/รายการต่อชีต" in top
    assert f"ชีต IIT มีปัญหาอีก {more} ช่องที่ไม่ได้แสดง" in top
    # The same line closes the sheet's own list, not a "whole file" list of its own.
    assert "ทั้งไฟล์" not in page and page.count("<h4>ชีต IIT</h4>") == 1


def test_an_unreadable_file_gets_the_command_lines_message_with_its_own_name(
    client: FlaskClient, tmp_path: Path
) -> None:
    fake = tmp_path / "สำนักงาน.xlsx"
    fake.write_bytes(b"not a workbook at all")
    page = client.get(post_office(client, fake)).get_data(as_text=True)
    assert "สำนักงาน.xlsx" in page
    assert str(tmp_path) not in page and "ita-xl-web-" not in page
    assert "Traceback" not in page


def test_an_ods_file_gets_the_message_on_how_to_save_it_as_xlsx(client: FlaskClient, tmp_path: Path) -> None:
    from tests.test_odd_inputs import ODS_TH, write_ods

    page = client.get(post_office(client, write_ods(tmp_path / "สำนักงาน.ods"))).get_data(as_text=True)
    assert "สำนักงาน.ods" in page and ODS_TH.split(";")[0] in page
    assert "File &gt; Save As" in page or "File > Save As" in page
    assert "Traceback" not in page


def test_pdf_is_offered_and_made_where_libreoffice_is_installed(store: Store) -> None:
    from ita_xl.word.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    client = create_app(store, Guard(), pdf_available=True).test_client()
    assert 'name="pdf"' in client.get("/").get_data(as_text=True)
    page = client.get(post_office(client, EXAMPLE, pdf="on")).get_data(as_text=True)
    link = re.search(r'href="(/download/[^"]+/pdf)"', page)
    assert link, page
    pdf = client.get(link.group(1))
    assert pdf.data.startswith(b"%PDF") and "chanthaburi2-2565-report.pdf" in pdf.headers["Content-Disposition"]


def test_options_as_on_the_command_line_reach_the_build(client: FlaskClient, tmp_path: Path) -> None:
    from ita_xl.word.texts import default_text_path

    wording = tmp_path / "wording.toml"
    text = default_text_path().read_text(encoding="utf-8")
    wording.write_text(text, encoding="utf-8")
    where = post_office(client, EXAMPLE, text=upload(wording), year="2565", charts="")
    page = client.get(where).get_data(as_text=True)
    assert 'id="total">98.90<' in page
    wrong = client.post(
        "/office",
        data={"csrf": token(client), "workbook": upload(EXAMPLE), "style": upload(wording)},
        content_type="multipart/form-data",
    )
    assert wrong.status_code == 400
    assert "wording.toml" in wrong.get_data(as_text=True) and ".docx" in wrong.get_data(as_text=True)


def test_several_offices_and_a_zip_make_the_rollup(client: FlaskClient, tmp_path: Path) -> None:
    def bundle() -> io.BytesIO:
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as zf:
            zf.write(SYNTHETIC, "เขต/example-2566.xlsx")
            zf.write(SYNTHETIC, "เขต/copy-2566.xlsx")  # the same workbook twice: one office, and a warning
            zf.writestr("~$example-2566.xlsx", b"lock")
            zf.writestr("../../evil.xlsx", b"not a workbook")
        data.seek(0)
        return data

    # A FY2565 and a FY2566 office: one roll-up is one year, so the page asks which.
    data = {"csrf": token(client), "workbooks": [upload(EXAMPLE), (bundle(), "offices.zip")], "charts": "on"}
    page = client.get(client.post("/rollup", data=data).headers["Location"]).get_data(as_text=True)
    assert "ปีงบประมาณ 2565 จำนวน 1 ไฟล์, ปีงบประมาณ 2566 จำนวน 2 ไฟล์" in page
    data = {
        "csrf": token(client),
        "workbooks": [upload(EXAMPLE), (bundle(), "offices.zip")],
        "charts": "on",
        "year": "2566",
        "group_name": "สพป. ทดสอบ",
    }
    response = client.post("/rollup", data=data, content_type="multipart/form-data")
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 หน่วยงาน" in page and "สพป. ทดสอบ ปีงบประมาณ 2566" in page
    assert "example-2566.xlsx" in page and "evil.xlsx" in page  # the bad member is named, never used as a path
    assert "copy-2566.xlsx" in page and "chanthaburi2-2565.xlsx" in page  # the repeated and the skipped file
    assert not (tmp_path.parent / "evil.xlsx").exists()
    for key in ("rollup", "summary"):
        link = re.search(rf'href="(/download/[^"]+/{key})"', page)
        assert link
        assert zipfile.ZipFile(io.BytesIO(client.get(link.group(1)).data)).testzip() is None
    # The roll-up workbook, given back with one office's workbook, puts its rank in the group into its results.
    book = tmp_path / "rollup.xlsx"
    book.write_bytes(client.get(re.search(r'href="(/download/[^"]+/rollup)"', page).group(1)).data)  # type: ignore[union-attr]
    office = client.get(post_office(client, SYNTHETIC, rollup=upload(book))).get_data(as_text=True)
    report = client.get(re.search(r'href="(/download/[^"]+/report)"', office).group(1)).data  # type: ignore[union-attr]
    text = re.sub(r"<[^>]+>", "", zipfile.ZipFile(io.BytesIO(report)).read("word/document.xml").decode())
    assert "เป็นลำดับที่ ๑ จาก ๑ ในกลุ่มสพป. ทดสอบ" in text.replace("\u00a0", " ")


def test_oversize_upload_is_refused_with_413_naming_the_limit(client: FlaskClient) -> None:
    big = io.BytesIO(b"0" * (3 << 20))
    response = client.post(
        "/office", data={"csrf": token(client), "workbook": (big, "big.xlsx")}, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    assert "ไม่เกิน 2 MB" in response.get_data(as_text=True)


def test_too_many_files_are_refused_with_413_naming_the_limit(client: FlaskClient) -> None:
    files = [upload(EXAMPLE, f"o{n}.xlsx") for n in range(6)]
    response = client.post(
        "/rollup", data={"csrf": token(client), "workbooks": files}, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    assert "ไม่เกิน 5 ไฟล์" in response.get_data(as_text=True)


def test_a_zip_that_unpacks_too_far_is_refused(store: Store) -> None:
    app = create_app(store, Guard(), Limits(max_bytes=2 << 20, max_files=5, max_unpacked=1 << 20), pdf_available=False)
    client = app.test_client()
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.xlsx", b"\0" * (4 << 20))
    bomb.seek(0)
    response = client.post(
        "/rollup", data={"csrf": token(client), "workbooks": [(bomb, "b.zip")]}, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    assert "zip bomb" in response.get_data(as_text=True)
    assert [p for p in store.root.iterdir() if p.is_dir()] == []


@pytest.mark.parametrize("path", ["/office", "/rollup", "/template", "/forget/AAAAAAAAAAAAAAAAAAAAAAAA"])
def test_a_form_without_the_token_is_refused(client: FlaskClient, path: str) -> None:
    response = client.post(path, data={"year": "2566"})
    assert response.status_code == 403
    assert "แบบฟอร์มนี้หมดอายุ" in response.get_data(as_text=True)
    response = client.post(path, data={"csrf": "guessed", "year": "2566"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost:9999"},
        {"Referer": "https://evil.example/page"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_a_form_sent_from_another_site_is_refused_even_with_the_token(client: FlaskClient, headers: dict) -> None:
    response = client.post("/template", data={"csrf": token(client), "year": "2566"}, headers=headers)
    assert response.status_code == 403
    assert "ไม่ได้มาจากหน้า ita-xl" in response.get_data(as_text=True)


def test_a_form_from_the_page_itself_is_accepted(client: FlaskClient) -> None:
    headers = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    response = client.post("/template", data={"csrf": token(client), "year": "2566"}, headers=headers)
    assert response.status_code == 200


def test_another_host_name_is_refused_dns_rebinding(client: FlaskClient) -> None:
    response = client.get("/", headers={"Host": "attacker.example"})
    assert response.status_code == 403


def test_guard_with_a_port_accepts_only_that_port_on_loopback_names() -> None:
    guard = Guard(port=8765)
    assert guard.host_ok("127.0.0.1:8765") and guard.host_ok("localhost:8765")
    assert not guard.host_ok("127.0.0.1:8766") and not guard.host_ok("192.168.1.5:8765") and not guard.host_ok(None)
    assert guard.origin_ok({"Origin": "http://127.0.0.1:8765"})
    assert not guard.origin_ok({"Origin": "http://127.0.0.1:8766"})


def test_unknown_results_and_pages_are_thai_pages_not_tracebacks(client: FlaskClient) -> None:
    gone = client.get("/office/AAAAAAAAAAAAAAAAAAAAAAAA")
    assert gone.status_code == 410 and "ไม่พบผลลัพธ์นี้แล้ว" in gone.get_data(as_text=True)
    assert "ไม่พบหน้านี้" in client.get("/nothing").get_data(as_text=True)
    assert client.get("/download/../../etc/passwd/report").status_code in (404, 410)


def test_no_file_chosen_says_so(client: FlaskClient) -> None:
    response = client.post("/office", data={"csrf": token(client)}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "ยังไม่ได้เลือกไฟล์" in response.get_data(as_text=True)


def test_store_removes_expired_jobs_and_everything_on_close(tmp_path: Path) -> None:
    store = Store(ttl=0, parent=tmp_path)
    job = store.new("office")
    job.view = object()
    assert job.folder.is_dir()
    store.sweep()
    assert not job.folder.exists() and store.get(job.id) is None
    store.close()
    assert not store.root.exists()


def test_folders_of_a_server_that_was_killed_go_at_the_next_start_not_those_of_a_running_one(tmp_path: Path) -> None:
    import subprocess
    import sys

    running = Store(parent=tmp_path)
    killed = tmp_path / "ita-xl-web-killed"
    (killed / "job" / "out").mkdir(parents=True)
    (killed / ".lock").write_bytes(b"")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from ita_xl.web.store import Store; import sys; s = Store(parent=sys.argv[1]); "
            "print(s.root, flush=True); sys.stdin.read()",
            str(tmp_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    other = Path(holder.stdout.readline().strip())
    try:
        assert not killed.exists()  # the other process's Store removed it on its way in
        Store(parent=tmp_path).close()
        assert running.root.is_dir() and other.is_dir()
    finally:
        holder.communicate("")
    running.close()


def test_a_year_with_rating_labels_shows_the_label_and_a_provisional_year_says_so(
    client: FlaskClient, tmp_path: Path
) -> None:
    import random

    import openpyxl

    from ita_xl import framework as fwmod
    from tests.excel import mark_oit

    page = client.get("/").get_data(as_text=True)
    assert f'<option value="{fwmod.default_year()}" selected>' in page
    provisional = [y for y in fwmod.available_years() if fwmod.load(year=y).provisional]
    for year in provisional:
        assert f"{year} (เกณฑ์ชั่วคราว)" in page
    rated = [y for y in fwmod.available_years() if fwmod.load(year=y).levels]
    if not rated:
        pytest.skip("no shipped year has rating labels")
    for year in {rated[0], *provisional[:1]}:
        fw = fwmod.load(year=year)
        response = client.post("/template", data={"csrf": token(client), "year": str(year), "office": "สพป.ทดสอบ"})
        path = tmp_path / f"t{year}.xlsx"
        path.write_bytes(response.data)
        wb = openpyxl.load_workbook(path)
        rng = random.Random(3)
        for tool in ("IIT", "EIT"):
            for n in range(30):
                for st in fw.statements(tool):
                    answer(wb, tool, n, st.code, rng.choice(fw.scales[st.scale].labels[:2]))
        for code, item in fw.items.items():
            if item.tool == "OIT":
                mark_oit(wb, code, "มี", f"https://example.go.th/{code}")
        save(wb, path)
        result = client.get(post_office(client, path)).get_data(as_text=True)
        assert 'id="rating">' in result, result
        labels = {lv.label for lv in fw.levels}
        shown_label = re.search(r'id="rating">([^<]+)<', result)
        assert shown_label and shown_label.group(1) in labels
        assert ('id="provisional"' in result) == (year in provisional)


def test_the_builds_own_warnings_are_shown_as_the_command_line_prints_them(client: FlaskClient) -> None:
    """The report's marked place for attachments is a warning of the build, not of the check: the page shows it too."""
    page = client.get(post_office(client, SYNTHETIC)).get_data(as_text=True)
    assert "ภาคผนวก ข ของรายงานมีข้อความให้แทรกเอกสารประกอบ" in page
