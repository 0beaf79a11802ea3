"""`pipeline review`: the local web editor, over HTTP as a browser uses it, and in a real browser."""

import json
import shutil
import sqlite3
import subprocess
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


def call(editor, path, body=None, token=None):
    _, base, good, _ = editor
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"X-Token": good if token is None else token, "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def segment(editor, seg_id=FIRST):
    status, segments = call(editor, f"/api/segments?doc={DOC}&lang=ru")
    assert status == 200
    return next(s for s in segments if s["id"] == seg_id)


def test_approve_goes_to_the_memory_and_every_review_format(editor):
    project = editor[0]
    status, files = call(editor, "/api/files")
    assert status == 200 and files == [{"doc": DOC, "lang": "ru", "segments": 13, "reviewed": 0}]
    first = segment(editor)
    assert first["state"] == "needs review" and first["source"].startswith("North Korean troops")
    body = {"doc": DOC, "lang": "ru", "id": FIRST, "version": first["version"], "action": "approve", "text": APPROVED, "comment": "Irina"}
    status, saved = call(editor, "/api/save", body)
    assert status == 200 and saved["state"] == "reviewed" and saved["text"] == APPROVED
    entry = polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po")).find(FIRST, by="msgctxt")
    assert entry.msgstr == APPROVED and not entry.fuzzy and entry.tcomment == "Irina"
    xlf = etree.parse(str(project / "locales" / "ru" / f"{DOC}.xlf"))
    unit = xlf.find(f".//{{*}}unit[@id='{FIRST}']/{{*}}segment")
    assert unit.get("state") == "reviewed" and "".join(unit.find("{*}target").itertext()) == APPROVED
    with sqlite3.connect(project / "memory" / "reviewed.sqlite") as db:
        assert db.execute("SELECT target FROM reviewed WHERE segment_id = ?", (FIRST,)).fetchall() == [(APPROVED,)]
    # The next `pipeline run` keeps it.
    assert (project / "locales" / "ru" / f"{DOC}.txt").read_text(encoding="utf-8").startswith(APPROVED)


def test_a_stale_version_is_refused_with_the_current_text(editor):
    first = segment(editor)
    body = {"doc": DOC, "lang": "ru", "id": FIRST, "version": first["version"], "action": "draft", "text": "Первая правка.", "comment": ""}
    assert call(editor, "/api/save", body)[0] == 200
    # A second tab still holds the version it loaded.
    status, reply = call(editor, "/api/save", {**body, "text": "Вторая правка."})
    assert status == 409 and reply["current"]["text"] == "Первая правка."
    assert segment(editor)["text"] == "Первая правка." and segment(editor)["state"] == "needs review"


@pytest.mark.parametrize(
    ("text", "token", "status", "message"),
    [
        ("", None, 400, "empty"),
        ("SOURCE", None, 400, "English source"),
        (APPROVED, "wrong", 403, "token"),
    ],
)
def test_what_import_refuses_the_editor_refuses(editor, text, token, status, message):
    first = segment(editor)
    text = first["source"] if text == "SOURCE" else text
    body = {"doc": DOC, "lang": "ru", "id": FIRST, "version": first["version"], "action": "approve", "text": text, "comment": ""}
    got, reply = call(editor, "/api/save", body, token=token)
    assert got == status and message in reply["error"]
    assert segment(editor)["state"] == "needs review"


def test_a_draft_can_go_back_to_the_machine_text(editor):
    first = segment(editor)
    machine = first["text"]
    body = {"doc": DOC, "lang": "ru", "id": FIRST, "version": first["version"], "action": "draft", "text": "Черновик.", "comment": ""}
    status, drafted = call(editor, "/api/save", body)
    assert status == 200 and drafted["text"] == "Черновик."
    status, back = call(editor, "/api/save", {**body, "version": drafted["version"], "action": "machine", "text": ""})
    assert status == 200 and back["text"] == machine and back["state"] == "needs review"


def test_the_editor_page_renders_every_segment_in_a_real_browser(editor, tmp_path):
    assert shutil.which("chromium"), "chromium is installed by scripts/setup.sh test"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    # The page fetches its segments after loading: give its scripts virtual time to run.
    dom = subprocess.run(
        ["chromium", *flags, "--virtual-time-budget=10000", "--dump-dom", editor[3]], capture_output=True, text=True, timeout=120
    ).stdout
    assert dom.count('class="seg"') == 13 and f'data-id="{FIRST}"' in dom
    assert "0/13 reviewed" in dom and "<script src" not in dom
