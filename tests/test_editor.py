"""`pipeline review`: the local web editor, through its JSON contract and in a real browser."""

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import polib
import pytest
from lxml import etree

from pipeline.config import find_config
from pipeline.editor import ReviewApp, serve
from tests.conftest import make_project, run_project

DOC = "kursk-north-korean-troops"
FIRST = f"{DOC}:p1:s1"
APPROVED = "Северокорейские войска, по сообщениям, стягиваются в Курскую область России."

pytestmark = pytest.mark.slow


@pytest.fixture
def editor(tmp_path, package_dir):
    project = make_project(tmp_path / "project")
    run_project(project, package_dir, targets="ru")
    app = ReviewApp(project / "locales", find_config(project), package_dirs=[package_dir])
    started = threading.Event()
    address = []

    def ready(url):
        address.append(url)
        started.set()

    threading.Thread(target=serve, args=(app,), kwargs={"ready": ready}, daemon=True).start()
    assert started.wait(10)
    base, token = address[0].split("/?token=")
    return project, base, token, address[0]


def call(editor, path, body=None, *, method=None, headers=None):
    _, base, token, _ = editor
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method or ("PUT" if body is not None else "GET"),
        headers={"X-Review-Token": token, "Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def segment(editor, seg_id=FIRST):
    status, segments = call(editor, f"/api/segments?lang=ru&doc={DOC}")
    assert status == 200
    return next(s for s in segments if s["id"] == seg_id)


def put(editor, state, text, version=None, seg_id=FIRST, **extra):
    body = {"state": state, "text": text, "version": version or segment(editor, seg_id)["version"], **extra}
    return call(editor, f"/api/segments/{seg_id}?lang=ru", body)


def test_the_json_contract_approve_goes_to_the_memory_and_every_review_format(editor, package_dir):
    project = editor[0]
    status, segments = call(editor, "/api/segments?lang=ru")
    assert status == 200 and len(segments) == 13
    assert set(segments[0]) >= {"id", "source", "text", "state", "version", "qa", "matches"}
    assert segments[0]["state"] == "machine"
    status, saved = put(editor, "reviewed", APPROVED, comment="Irina")
    assert status == 200 and saved["state"] == "reviewed" and saved["text"] == APPROVED and saved["version"]
    entry = polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po")).find(FIRST, by="msgctxt")
    assert entry.msgstr == APPROVED and not entry.fuzzy and entry.tcomment == "Irina"
    unit = etree.parse(str(project / "locales" / "ru" / f"{DOC}.xlf")).find(f".//{{*}}unit[@id='{FIRST}']/{{*}}segment")
    assert unit.get("state") == "reviewed" and "".join(unit.find("{*}target").itertext()) == APPROVED
    with sqlite3.connect(project / "memory" / "reviewed.sqlite") as db:
        assert db.execute("SELECT target FROM reviewed WHERE segment_id = ?", (FIRST,)).fetchall() == [(APPROVED,)]
    # The next `pipeline run` keeps it, not fuzzy.
    run_project(project, package_dir, targets="ru")
    entry = polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po")).find(FIRST, by="msgctxt")
    assert entry.msgstr == APPROVED and not entry.fuzzy


def test_set_back_to_needs_review_and_reset_to_the_machine_text(editor):
    machine = segment(editor)["text"]
    _, approved = put(editor, "reviewed", APPROVED)
    status, back = put(editor, "needs-review", APPROVED, approved["version"])
    assert status == 200 and back["state"] == "needs-review" and back["text"] == APPROVED
    project = editor[0]
    with sqlite3.connect(project / "memory" / "reviewed.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM reviewed").fetchone() == (0,)
    unit = etree.parse(str(project / "locales" / "ru" / f"{DOC}.xlf")).find(f".//{{*}}unit[@id='{FIRST}']/{{*}}segment")
    assert unit.get("state") == "translated"
    status, reset = put(editor, "machine", "", back["version"])
    assert status == 200 and reset["state"] == "machine" and reset["text"] == machine


def test_a_stale_version_is_refused_with_the_current_text(editor):
    loaded = segment(editor)["version"]
    assert put(editor, "needs-review", "Первая правка.", loaded)[0] == 200
    # A second tab still holds the version it loaded.
    status, reply = put(editor, "needs-review", "Вторая правка.", loaded)
    assert status == 409 and reply["current"]["text"] == "Первая правка."
    assert segment(editor)["text"] == "Первая правка."


@pytest.mark.parametrize(
    ("case", "status", "message"),
    [
        ("empty", 400, "empty"),
        ("english", 400, "English source"),
        ("no-token", 401, "no token"),
        ("wrong-token", 403, "wrong token"),
        ("foreign-origin", 403, "another site"),
        ("made-up-id", 404, "no segment"),
    ],
)
def test_what_the_editor_refuses(editor, case, status, message):
    first = segment(editor)
    body = {"state": "reviewed", "text": APPROVED, "version": first["version"]}
    path, headers = f"/api/segments/{FIRST}?lang=ru", {}
    if case == "empty":
        body["text"] = ""
    elif case == "english":
        body["text"] = first["source"]
    elif case == "no-token":
        headers = {"X-Review-Token": ""}
    elif case == "wrong-token":
        headers = {"X-Review-Token": "guess"}
    elif case == "foreign-origin":
        headers = {"Origin": "http://evil.example"}
    else:
        path = f"/api/segments/{DOC}:p99:s1?lang=ru"
    got, reply = call(editor, path, body, headers=headers)
    assert got == status and message in reply["error"]
    assert segment(editor)["state"] == "machine"


def test_it_listens_on_loopback_only_and_escapes_what_reviewers_type(editor):
    _, base, token, address = editor
    assert base.startswith("http://127.0.0.1:")
    status, saved = put(editor, "needs-review", "<script>alert(1)</script> Северокорейские войска.")
    assert status == 200
    page = urllib.request.urlopen(address, timeout=30).read().decode()
    assert "<script>alert(1)</script>" not in page  # the page fills its fields as text, never as markup
    assert urllib.request.urlopen(address, timeout=30).headers["Content-Security-Policy"]


def test_the_command_prints_its_address_first_and_stops_on_ctrl_c(tmp_path, package_dir):
    import signal

    project = make_project(tmp_path / "project")
    run_project(project, package_dir, targets="ru")
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "review", "--port", "0"], cwd=project, stdout=subprocess.PIPE, text=True)
    try:
        first = process.stdout.readline()
        assert first.startswith("http://127.0.0.1:") and "/?token=" in first
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()


def test_approve_with_the_keyboard_in_a_real_browser(editor, tmp_path):
    """Chromium through Selenium: type, Ctrl+Enter, reload, and the approval is there."""
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    assert shutil.which("chromium") and shutil.which("chromedriver"), "scripts/setup.sh test installs chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,800", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    browser = webdriver.Chrome(options=options, service=service)
    try:
        browser.get(editor[3])
        wait = WebDriverWait(browser, 60)
        box = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, f'.seg[data-id="{FIRST}"] textarea'))
        box.clear()
        box.send_keys(APPROVED)
        box.send_keys(Keys.CONTROL, Keys.ENTER)
        wait.until(lambda b: "saved (reviewed)" in b.find_element(By.ID, "status").text)
        browser.refresh()
        state = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, f'.seg[data-id="{FIRST}"] .state'))
        assert state.text == "reviewed"
        assert browser.find_element(By.CSS_SELECTOR, f'.seg[data-id="{FIRST}"] textarea').get_attribute("value") == APPROVED
        browser.save_screenshot(str(tmp_path / "editor.png"))
        assert (tmp_path / "editor.png").stat().st_size > 10_000
    finally:
        browser.quit()
