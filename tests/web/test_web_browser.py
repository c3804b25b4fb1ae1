"""The web application in a real browser (Debian's Chromium driven by Playwright) against a live server.

One scenario, as a reviewer would work: sign in, upload the seeds, open a document, follow a
finding to its cell, look at a figure's source, filter findings, compare, download CSV and XLSX,
then the performance forms: a department-year's projects, one project with its spending-plan
chart, an evaluation report and the indicator mix.
A screenshot of each main page goes to artifacts/screenshots/.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from perfbudget.store import models as db

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.db,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"
    ),
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}"),
]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    # bypass_csp: Playwright evaluates its waiting conditions as strings, which the pages forbid
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, accept_downloads=True, locale="zh-CN", bypass_csp=True
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.set_default_timeout(20_000)
    yield page
    context.close()
    assert errors == [], errors  # no script error and no failed resource on any page


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture
def reviewer(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.create_user(
        username="shen", password="Shen-2024-review", first_name="沈复核"
    )
    db.Profile.objects.create(user=user, role=db.Role.REVIEWER)
    return user


def test_reviewer_journey(page, live_server, reviewer):
    base = live_server.url
    page.goto(f"{base}/")
    assert "/login/" in page.url
    shot(page, "01-login")
    page.fill("input[name=username]", "shen")
    page.fill("input[name=password]", "Shen-2024-review")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    assert page.locator(".who").inner_text().startswith("沈复核")

    # upload the seeds: one request per file, results appear as they come
    page.click("nav.mainnav >> text=导入")
    page.wait_for_url("**/import/")
    page.wait_for_load_state("load")  # the page's script is in place
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    page.set_input_files("#files", seeds)
    assert f"已选择 {len(seeds)} 个文件" in page.locator("#chosen").inner_text()
    page.click("#upload-button")
    page.wait_for_function(
        f"document.querySelectorAll('#result-rows tr').length === {len(seeds)}", timeout=120_000
    )
    assert page.locator("#progress-text").inner_text().startswith("全部完成")
    assert page.locator("#result-rows tr.result-stored").count() == len(seeds)
    page.wait_for_timeout(400)  # the progress bar's transition
    shot(page, "02-import")

    # the overview
    page.click("nav.mainnav >> text=总览")
    assert page.locator("table.grid").get_by_text("临汾市生态环境局").count() == 1
    shot(page, "03-home")

    # a document: tables as printed
    doc = db.Document.objects.get(file_name__startswith="004_")
    page.goto(f"{base}/documents/{doc.pk}/")
    assert page.locator("#c-t3-0-total").inner_text().startswith("11967.10")
    shot(page, "04-document")

    # follow a finding from the panel to its cell
    page.click("#findings details summary")
    locate = page.locator("#findings details li.finding a.locate[href^='#c-']").first
    target = locate.get_attribute("href")
    locate.click()
    assert page.evaluate("location.hash") == target
    cell = page.locator(target)
    assert "flagged" in cell.get_attribute("class")
    assert cell.is_visible()

    # a figure's source, in the side panel
    page.locator("#c-t3-0-total a.fig").click()
    page.wait_for_selector("#source-panel .excerpt .cited")
    assert "11967.10" in page.locator("#source-panel .cited").inner_text()
    shot(page, "05-document-source")

    # findings: filter, then follow one to its cell
    page.click("nav.mainnav >> text=审核发现")
    page.select_option("select[name=severity]", "info")  # the text seeds have rounding notes only
    page.select_option("select[name=rule]", "budget.class-sum")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/findings/?*severity=info*")
    badges = page.locator("table.findings-table tbody .badge").all_inner_texts()
    assert badges and set(badges) == {"提示"}
    assert set(page.locator("table.findings-table tbody code").all_inner_texts()) == {"budget.class-sum"}
    shot(page, "06-findings")
    page.locator("table.findings-table a.locate[href*='#c-']").first.click()
    page.wait_for_url("**/documents/*/#c-*")
    anchor = page.evaluate("location.hash")
    assert "flag-info" in page.locator(anchor).get_attribute("class")

    # a finding's detail and its review
    page.goto(f"{base}/findings/{doc.findings.order_by('pk').first().pk}/")
    page.check("input[name=status][value=confirmed]")
    page.fill("textarea[name=comment]", "已与部门核对")
    page.click("#review button[type=submit]")
    page.wait_for_selector("#review .saved")
    shot(page, "07-finding")

    # compare, with charts, and downloads
    page.click("nav.mainnav >> text=对比分析")
    page.check("input[name=mode][value=department]")
    page.select_option("select[name=stage]", "预算")
    page.select_option("select[name=department]", label="临汾市生态环境局")
    page.click("#compare-form button[type=submit]")
    page.wait_for_selector("#chart-functional canvas")
    page.wait_for_timeout(500)
    shot(page, "08-compare")
    with page.expect_download() as download:
        page.click("text=下载 CSV")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert ["支出合计", "11967.10"] in rows
    with page.expect_download() as download:
        page.click("text=下载 Excel（XLSX）")
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"

    # search: two characters
    page.click("nav.mainnav >> text=检索")
    page.fill("input[name=q]", "监测")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("mark")
    shot(page, "09-search")

    page.click("nav.mainnav >> text=文件")
    shot(page, "10-documents")

    # 绩效项目: the projects of seed 001, one project with its spending-plan chart, a report
    page.click("nav.mainnav >> text=绩效项目")
    page.wait_for_url("**/projects/")
    page.select_option("select[name=year]", "2021")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/projects/?*year=2021*")
    assert page.locator("table.projects-table tbody tr").count() == 13
    shot(page, "11-projects")
    page.click("table.projects-table >> text=辐射环境监测工作经费")
    page.wait_for_url("**/projects/*/")
    page.wait_for_selector("#chart-plan canvas")
    page.wait_for_function("document.getElementById('chart-plan').dataset.ready === '1'")
    assert page.locator("h1").inner_text().startswith("辐射环境监测工作经费")
    assert page.locator("table.funding td.num").first.inner_text() == "15"
    assert page.locator("table.indicators tbody tr:not(.group-row)").count() == 9
    assert page.locator("table.indicators abbr.origin").count() > 0  # inherited labels are marked
    page.wait_for_timeout(500)
    page.locator("#chart-plan").scroll_into_view_if_needed()
    shot(page, "12-project")
    page.locator("#chart-plan").screenshot(path=str(SHOTS / "12-project-chart.png"))

    report = db.EvaluationReport.objects.get(
        document__file_name__startswith="002_", project_name="第二次全国污染源普查项目"
    )
    page.goto(f"{base}/reports/{report.pk}/")
    assert "97.63" in page.locator(".cards").inner_text()
    shot(page, "13-report")
    page.goto(f"{base}/compare/indicators/?form=project")
    page.wait_for_selector("#chart-mix canvas")
    page.wait_for_timeout(400)
    shot(page, "14-indicator-mix")
