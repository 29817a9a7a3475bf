"""The workspace in a real browser: Playwright drives Debian's Chromium against the live
test server, with the background worker running in a thread. Screenshots of the main
pages are saved in reports/web/."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
# Screenshots go to reports/web/ when asked (SCHEDULER_WEB_SCREENSHOTS=1, as when the
# committed ones were made), else to a temporary folder: a test run leaves the tree clean.
SHOTS = ROOT / "reports" / "web" if os.environ.get("SCHEDULER_WEB_SCREENSHOTS") else \
    Path(tempfile.gettempdir()) / "scheduler-web-screenshots"
INSTANCE = ROOT / "instances" / "kz-2027-h1.json"
PASSWORD = "generated-Test-pass-2027"  # test data, not a secret
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop in this thread


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
    pytest.skip("chromium is not installed (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable,
                                     args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield launched
        launched.close()


@pytest.fixture
def worker(live_server):
    """The django-tasks database worker, as ``scheduler serve`` runs it, in a thread."""
    from django.db import connection
    from django_tasks_db.management.commands.db_worker import Worker

    w = Worker(queue_names=["default", "files"], interval=0.2, batch=False,
               backend_name="default",
               startup_delay=False, max_tasks=None, worker_id="browser-test",
               excluded_queue_names=[])

    def run():
        try:
            w.run()
        finally:
            connection.close()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield w
    w.running = False
    thread.join(timeout=60)


@pytest.fixture
def accounts(transactional_db, password_hash):
    from django.contrib.auth import get_user_model

    from scheduler.io import load_instance
    from scheduler.web import services as s
    from scheduler.web.demo import set_role

    s.ensure_profiles()
    s.sync_bodies(load_instance(INSTANCE))  # the bodies editors are bound to
    User = get_user_model()
    for name, role, body in (("planner", "planner", None), ("commission", "commission", None),
                             ("viewer", "viewer", None), ("health-editor", "editor", "health")):
        set_role(User.objects.create(username=name, password=password_hash), role, body)


def _login(page, base: str, name: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def _logout(page) -> None:
    page.click("header form[action$='/logout/'] button")


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _download(page, selector: str, tmp_path: Path) -> bytes:
    """Click a download link, once the worker has made the file (202 until then)."""
    href = page.eval_on_selector(selector, "a => a.href")  # absolute
    for _ in range(240):
        if page.request.get(href).status == 200:
            break
        page.wait_for_timeout(500)
    with page.expect_download() as info:
        page.click(selector)
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_bytes()


def test_planner_imports_plans_explores_and_publishes(live_server, worker, accounts, browser,
                                                      tmp_path):
    from scheduler.io import load_instance
    from scheduler.workbook import write_instance_workbook

    base = live_server.url
    book = tmp_path / "kz-2027-h1.xlsx"
    write_instance_workbook(load_instance(INSTANCE), book)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  locale="ru-RU")
    page = context.new_page()

    page.goto(f"{base}/login/")
    _shot(page, "login")
    _login(page, base, "planner")

    # import the bundled instance as a workbook
    page.goto(f"{base}/import/")
    page.set_input_files("#id_file", str(book))
    page.click("main button[type=submit]")
    page.wait_for_selector("#deadlines")
    assert "2027-H1" in page.inner_text("h1")

    # plan in the background and watch the progress
    page.goto(f"{base}/plan/")
    page.fill("#id_time_limit", "30")
    page.click("#start-plan")
    page.wait_for_selector("#progress")
    page.wait_for_function("document.getElementById('p-objective').textContent !== '–'",
                           timeout=120_000)
    page.wait_for_selector("#p-result a", timeout=120_000)
    _shot(page, "solve")
    solve_url = page.url
    page.click("#p-result a")
    page.wait_for_selector("#version-state")
    _shot(page, "version")

    # the calendar, filtered by ministry
    page.click("#open-calendar")
    page.wait_for_selector("#meetings")
    _shot(page, "calendar")
    page.select_option("#f-body", "health")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#meetings")
    bodies = page.locator("#meetings tbody tr td:nth-child(5)").all_inner_texts()
    assert bodies and all(b == "Министерство здравоохранения" for b in bodies)
    calendar_url = page.url
    page.click("#weeks-link")
    page.wait_for_selector("#weeks")
    _shot(page, "weeks")
    page.goto(calendar_url)

    # a meeting and a what-if move to another region (nothing changes)
    page.click("#meetings tbody tr:first-child td:first-child a")
    page.wait_for_selector("#meeting-facts")
    page.select_option("#to_region", "mangystau")
    page.click("#try-move")
    page.wait_for_selector("#what-if-result")
    _shot(page, "meeting-what-if")
    ics = _download(page, "a[href*='/ics/official/']", tmp_path)
    assert ics.startswith(b"BEGIN:VCALENDAR")

    # downloads of the version
    page.goto(calendar_url.split("calendar/")[0])
    assert _download(page, "#downloads a[href$='calendar.xlsx']", tmp_path)[:2] == b"PK"
    assert b"<!DOCTYPE html>" in _download(page, "#downloads a[href$='report.html']", tmp_path)
    assert b"date" in _download(page, "#downloads a[href$='calendar.csv']", tmp_path)
    assert b'"meetings"' in _download(page, "#downloads a[href$='calendar.json']", tmp_path)
    page.goto(calendar_url.split("calendar/")[0])  # the report drew the charts meanwhile
    page.wait_for_selector("img.chart")
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    _shot(page, "version-charts")
    page.goto(calendar_url)
    region_ics = _download(page, "a[href*='/ics/region/']", tmp_path)
    assert region_ics.startswith(b"BEGIN:VCALENDAR")

    # agree (planner), approve (commission), publish (planner)
    version_url = calendar_url.split("calendar/")[0]
    page.goto(version_url)
    page.click("#action-agree")
    page.wait_for_selector("#version-state")
    _logout(page)
    _login(page, base, "commission")
    page.goto(version_url)
    page.fill("#id_text", "Согласовано комиссией (тестовый комментарий).")
    page.click("form[action$='comment/'] button")
    page.click("#action-approve")
    page.wait_for_selector("#version-state")
    _logout(page)
    _login(page, base, "planner")
    page.goto(version_url)
    page.click("#action-publish")
    assert page.inner_text("#version-state") in ("опубликована", "Опубликована")
    response = page.request.get(f"{base}/subscribe/2027-H1/region/mangystau.ics")
    assert response.status == 200 and response.body().startswith(b"BEGIN:VCALENDAR")

    # the dashboard, then in Kazakh
    page.goto(f"{base}/")
    _shot(page, "dashboard")
    page.select_option("#language", "kk")
    page.wait_for_load_state()
    page.wait_for_selector("#deadlines")
    assert "Мерзімдер" in page.content()
    _shot(page, "dashboard-kk")
    page.goto(calendar_url)
    _shot(page, "calendar-kk")
    page.goto(solve_url)  # the finished solve's page in Kazakh: a whole cost, "2,3" seconds
    assert page.locator("#p-objective").text_content().isdigit()
    assert "," in page.locator("#p-seconds").text_content()
    _shot(page, "solve-kk")
    page.goto(f"{base}/audit/")
    assert "version_published" in page.content()
    _shot(page, "audit")
    context.close()


def test_each_role_sees_its_share(live_server, accounts, browser):
    """Viewer: no import, no planning; editor: own body only (403 elsewhere)."""
    from scheduler.web import services as s

    content = INSTANCE.read_bytes()
    s.store_instance(s.read_instance_upload(INSTANCE.name, content), INSTANCE.name, content,
                     None)
    base = live_server.url
    page = browser.new_page(locale="ru-RU")
    _login(page, base, "viewer")
    assert page.locator("header nav a[href='/import/']").count() == 0
    assert page.goto(f"{base}/import/").status == 403
    _logout(page)
    _login(page, base, "health-editor")
    page.goto(f"{base}/body/health/")
    assert page.locator("#absence-form").count() == 1
    _shot(page, "body-editor")
    assert page.goto(f"{base}/body/energy/").status == 403
    assert page.goto(f"{base}/audit/").status == 403
    page.close()


def test_editor_requests_and_planner_replans(live_server, worker, accounts, browser, tmp_path):
    """The quarter's workflow: Health's editor adds a topical issue (a wrong weight is
    refused at its field) and records a change request; the planner re-plans version 1 with
    the Q2 change set and the recorded request, watches the progress, reads the change
    notice in Russian and Kazakh and downloads it; version 2 names its base."""
    from scheduler.io import load_calendar
    from scheduler.web import services as s
    from scheduler.web.models import StoredProfile

    content = INSTANCE.read_bytes()
    stored = s.store_instance(s.read_instance_upload(INSTANCE.name, content), INSTANCE.name,
                              content, None)
    profile = StoredProfile.objects.get(name="kz-2024")
    s.new_version(stored.halfyear, "imported", load_calendar(ROOT / "instances" /
                                                             "kz-2027-h1-approved.json"),
                  stored, profile.name, profile.toml, None, note="approved calendar")
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  locale="ru-RU")
    page = context.new_page()
    _login(page, base, "health-editor")
    page.goto(f"{base}/body/health/")
    page.select_option("#issue_region_id", "almaty-city")
    page.fill("#issue_weight", "500")
    page.fill("#issue_text_ru", "Очереди в поликлиниках")
    page.fill("#issue_text_kk", "Емханалардағы кезектер")
    page.click("#issue-form button[type=submit]")
    page.wait_for_selector("#error-weight")
    assert "100" in page.inner_text("#error-weight")
    _shot(page, "body-edit-error")
    page.fill("#issue_weight", "8")
    page.click("#issue-form button[type=submit]")
    page.wait_for_selector(".messages")
    assert "Очереди в поликлиниках" in page.inner_text("#issues")
    page.select_option("#request_action", "block")
    page.fill("#request_dates", "2027-05-20, 2027-05-21")
    page.fill("#request_note", "съезд медицинских работников")
    page.click("#request-form button[type=submit]")
    page.wait_for_selector("#requests li form")
    _shot(page, "body-edit")
    _logout(page)

    _login(page, base, "planner")
    page.goto(f"{base}/h/2027-H1/v/1/")
    page.click("#open-replan")
    page.wait_for_selector("#replan-form")
    page.fill("#id_as_of", "2027-03-20")
    page.set_input_files("#id_file", str(ROOT / "instances" / "kz-2027-h1-changes-q2.json"))
    page.fill("#id_time_limit", "20")
    _shot(page, "replan")
    page.click("#start-replan")
    page.wait_for_selector("#progress")
    page.wait_for_selector("#progress[data-active='0']", timeout=240_000)  # reloaded when done
    assert page.locator("#notice").count() == 1, page.inner_text("main")
    assert "Изменения календаря на 20.03.2027" in page.inner_text("#notice")
    assert page.locator("#notice-lines li").count() >= 6
    _shot(page, "replan-notice")
    pdf = _download(page, "#notice-downloads a[href$='changes.pdf']", tmp_path)
    assert pdf[:4] == b"%PDF"
    assert "Для планировщиков" in _download(
        page, "#notice-downloads a[href$='changes.md']", tmp_path).decode("utf-8")
    page.click("#p-result a")
    page.wait_for_selector("#base-version")
    assert page.inner_text("#base-version") == "1"
    page.select_option("#language", "kk")
    page.wait_for_load_state()
    page.wait_for_selector("#notice")
    assert "20.03.2027" in page.inner_text("#notice h2")
    assert "Изменения" not in page.inner_text("#notice")
    _shot(page, "replan-notice-kk")
    context.close()
