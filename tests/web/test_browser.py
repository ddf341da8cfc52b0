"""The page in a real browser: Debian's headless Chromium driven through `ita-xl serve`, with screenshots to look at.

Screenshots go to $ITA_XL_SCREENSHOTS when set, else to the test's temporary folder. Skipped where Chromium or its
driver is missing, except in CI (CI=true), where .ci/run installs them and a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web import EXAMPLE, SYNTHETIC, xml_parts

pytest.importorskip("flask")
pytest.importorskip("selenium")

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
HAVE_BROWSER = Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()

if not HAVE_BROWSER and os.environ.get("CI") != "true":
    pytest.skip(
        "Chromium and chromedriver are not installed (apt install chromium chromium-driver)", allow_module_level=True
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Return the address of a running ``ita-xl serve`` (started as a user would, in its own process)."""
    env = {**os.environ, "TMPDIR": str(tmp_path_factory.mktemp("serve")), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ita_xl", "serve", "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    found = re.search(r"http://127\.0\.0\.1:\d+/", proc.stdout.readline())
    assert found
    yield found.group(0)
    proc.terminate()
    proc.communicate(timeout=20)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("ITA_XL_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,900",
        "--lang=th",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def screenshot(driver: Any, folder: Path, name: str) -> Path:
    """Save the whole page (not just the window) as ``name``.png and return its path."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1200, min(max(900, height + 140), 8000))
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(1200, 900)
    return path


def downloaded(driver: Any, name: str, timeout: float = 30) -> Path:
    """Return a finished download called ``name``."""
    path = driver.downloads / name
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if path.is_file() and not list(driver.downloads.glob("*.crdownload")):
            return path
        time.sleep(0.2)
    raise AssertionError(f"{name} was not downloaded; have {[p.name for p in driver.downloads.iterdir()]}")


def wait_for(driver: Any, element_id: str, timeout: float = 120) -> Any:
    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.ID, element_id)))


def test_upload_see_the_scores_and_download_the_report_and_workbook(
    browser: Any, server: str, shots: Path, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from ita_xl.cli import cli

    browser.get(server)
    assert "ดาวน์โหลดแบบฟอร์มเปล่า" in browser.page_source
    screenshot(browser, shots, "1-first-page-th")
    browser.find_element(By.ID, "workbook").send_keys(str(EXAMPLE))
    browser.find_element(By.ID, "check").click()
    assert wait_for(browser, "total").text == "98.90"
    assert browser.find_element(By.ID, "grade").text == "AA"
    assert browser.find_element(By.ID, "grade-label").text == "ดีเยี่ยม (Excellence)"
    assert "ผ่าน" in browser.find_element(By.ID, "summary").text
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    screenshot(browser, shots, "2-results-th")
    browser.find_element(By.CSS_SELECTOR, "a.switch").click()
    WebDriverWait(browser, 10).until(lambda d: "Total score" in d.page_source)
    assert browser.find_element(By.ID, "total").text == "98.90"
    screenshot(browser, shots, "2-results-en")
    browser.find_element(By.CSS_SELECTOR, "a.switch").click()
    WebDriverWait(browser, 10).until(lambda d: "คะแนนรวม" in d.page_source)
    browser.find_element(By.ID, "dl-report").click()
    report = downloaded(browser, "chanthaburi2-2565-report.docx")
    browser.find_element(By.ID, "dl-analysis").click()
    analysis = downloaded(browser, "chanthaburi2-2565-analysis.xlsx")
    assert zipfile.ZipFile(analysis).testzip() is None
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path / "cli")])
    assert result.exit_code == 0, result.output
    assert xml_parts(report.read_bytes()) == xml_parts((tmp_path / "cli" / report.name).read_bytes())


def test_english_switch_and_back(browser: Any, server: str, shots: Path) -> None:
    browser.get(server)
    browser.find_element(By.CSS_SELECTOR, "a.switch").click()
    WebDriverWait(browser, 10).until(lambda d: "Download a blank workbook" in d.page_source)
    screenshot(browser, shots, "3-first-page-en")
    browser.find_element(By.CSS_SELECTOR, "a.switch").click()
    WebDriverWait(browser, 10).until(lambda d: "ดาวน์โหลดแบบฟอร์มเปล่า" in d.page_source)


def test_blank_template_downloads(browser: Any, server: str) -> None:
    from ita_xl.framework import available_years
    from ita_xl.pipeline import evaluate

    browser.get(server)
    year = str(available_years()[0])
    browser.find_element(By.CSS_SELECTOR, f"select[name=year] option[value='{year}']").click()
    browser.find_element(By.ID, "get-template").click()
    path = downloaded(browser, f"ita-{year}.xlsx")
    assert evaluate(path).framework.year == int(year)


def test_mistakes_are_listed_by_sheet_and_column(browser: Any, server: str, shots: Path, tmp_path: Path) -> None:
    from tests.excel import answer, mark_oit, save
    from tests.excel.test_check import clean_workbook

    wb = clean_workbook(tmp_path)
    for n in range(20):
        answer(wb, "IIT", n, "i2", "มากๆ")
    answer(wb, "EIT", 3, "e7", "ใช่")
    mark_oit(wb, "o5", "มี", "")
    path = save(wb, tmp_path / "สพป.ทดสอบ-มีข้อผิดพลาด.xlsx")
    browser.get(server)
    browser.find_element(By.ID, "workbook").send_keys(str(path))
    browser.find_element(By.ID, "check").click()
    section = wait_for(browser, "check-results")
    assert "20 ช่อง" in section.text
    assert "ชีต IIT" in section.text and "ชีต EIT" in section.text
    assert not browser.find_elements(By.ID, "dl-report")
    screenshot(browser, shots, "4-mistakes-th")


def test_more_mistakes_than_are_shown_are_said_on_the_page(
    browser: Any, server: str, shots: Path, tmp_path: Path
) -> None:
    from ita_xl.excel.read.cells import MAX_CELL_FINDINGS
    from tests.excel import answer, codes, save
    from tests.excel.test_check import clean_workbook

    wb = clean_workbook(tmp_path)
    items = [c for c in codes(wb["IIT"]) if c.startswith("i")][:10]
    for n in range(MAX_CELL_FINDINGS // len(items) + 3):
        for code in items:
            answer(wb, "IIT", n, code, "มากๆ")
    path = save(wb, tmp_path / "สพป.ทดสอบ-ผิดหลายช่อง.xlsx")
    browser.get(server)
    browser.find_element(By.ID, "workbook").send_keys(str(path))
    browser.find_element(By.ID, "check").click()
    notice = wait_for(browser, "capped")
    assert f"แสดงไม่เกิน {MAX_CELL_FINDINGS} ช่อง/รายการต่อชีต" in notice.text
    assert f"มีปัญหาอีก {3 * len(items)} ช่องที่ไม่ได้แสดง" in notice.text
    screenshot(browser, shots, "7-capped-th")


def test_drag_and_drop_fills_the_file_field(browser: Any, server: str) -> None:
    browser.get(server)
    dropped = browser.execute_script(
        """
        function drop(selector, names) {
          const zone = document.querySelector(selector + ' [data-drop]');
          const data = new DataTransfer();
          names.forEach(function (name) { data.items.add(new File(['x'], name)); });
          zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
          return [Array.from(zone.querySelector('input').files).map(f => f.name),
                  zone.querySelector('[data-drop-text]').textContent];
        }
        return [drop('#step2', ['one.xlsx', 'two.xlsx']), drop('#step3', ['a.xlsx', 'b.zip'])];
        """
    )
    assert dropped[0][0] == ["one.xlsx"]  # one workbook field takes the first file
    assert dropped[1] == [["a.xlsx", "b.zip"], "a.xlsx, b.zip"]


def test_several_offices_make_a_rollup(browser: Any, server: str, shots: Path) -> None:
    browser.get(server)
    browser.find_element(By.ID, "workbooks").send_keys(f"{EXAMPLE}\n{SYNTHETIC}")
    browser.find_element(By.ID, "summarise").click()
    refused = wait_for(browser, "message")  # a FY2565 and a FY2566 office: one roll-up is one year
    assert "ปีงบประมาณ 2565 จำนวน 1 ไฟล์, ปีงบประมาณ 2566 จำนวน 1 ไฟล์" in refused.text
    screenshot(browser, shots, "5-rollup-years-th")
    browser.get(server)
    browser.find_element(By.ID, "workbooks").send_keys(f"{EXAMPLE}\n{SYNTHETIC}")
    browser.find_element(By.ID, "group_name").send_keys("สพป. ทดสอบ")
    browser.find_element(By.ID, "rollup_year").send_keys("2566")
    browser.find_element(By.ID, "summarise").click()
    wait_for(browser, "ranking")
    assert "1 หน่วยงาน" in browser.find_element(By.ID, "summary").text
    assert "สพป. ทดสอบ ปีงบประมาณ 2566" in browser.find_element(By.ID, "group").text
    screenshot(browser, shots, "5-rollup-th")
    browser.find_element(By.ID, "dl-summary").click()
    summary = downloaded(browser, "ita-rollup-report.docx")
    assert "word/document.xml" in zipfile.ZipFile(summary).namelist()
    browser.find_element(By.ID, "forget").click()
    WebDriverWait(browser, 10).until(lambda d: "ดาวน์โหลดแบบฟอร์มเปล่า" in d.page_source)


def test_a_file_over_the_limit_is_stopped_in_the_page(browser: Any, server: str, shots: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.xlsx"
    with big.open("wb") as f:
        f.truncate(101 << 20)
    browser.get(server)
    browser.find_element(By.ID, "workbook").send_keys(str(big))
    browser.find_element(By.ID, "check").click()
    box = browser.find_element(By.CSS_SELECTOR, "#step2 [data-client-error]")
    assert "ไม่เกิน 100 MB" in box.text
    screenshot(browser, shots, "6-too-large-th")
