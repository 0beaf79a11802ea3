"""Model installs are verified before they replace anything (issue: a broken package destroyed the installed one)."""

import hashlib
import shutil
import zipfile

import pytest

from pipeline.engine import Translator, find_package
from pipeline.errors import EngineError
from pipeline.models import install_archive
from tests.conftest import ROOT

# The shipped en→ru stand-in, whatever its build number.
[ARCHIVE] = sorted((ROOT / "models").glob("translate-en_ru-*.argosmodel"))


def tree_digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def installed(tmp_path):
    packages = tmp_path / "packages"
    assert install_archive(ARCHIVE, packages) == ARCHIVE.stem
    return packages


def _overwrite_middle(archive):
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = b"\0" * 64
    archive.write_bytes(bytes(data))


def _truncate_model(archive, out):
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data[: len(data) // 2] if info.filename.endswith("model/model.bin") else data)


@pytest.mark.parametrize("damage, message", [(_overwrite_middle, "corrupt archive"), (_truncate_model, "model does not load")])
def test_broken_package_leaves_the_installed_one_working(installed, tmp_path, damage, message):
    before = tree_digest(installed)
    broken = tmp_path / "broken.argosmodel"
    if damage is _overwrite_middle:
        shutil.copy(ARCHIVE, broken)
        damage(broken)
    else:
        damage(ARCHIVE, broken)
    with pytest.raises(EngineError, match=message) as exc:
        install_archive(broken, installed)
    assert "\n" not in str(exc.value)
    assert tree_digest(installed) == before
    assert [p.name for p in installed.iterdir()] == [ARCHIVE.stem]  # no staging left behind
    [hyp] = Translator(find_package("en", "ru", [installed])).translate(["The city is quiet."])
    assert hyp.text


def test_reinstall_replaces_in_place(installed):
    (installed / ARCHIVE.stem / "stray.txt").write_text("left from an older version")
    install_archive(ARCHIVE, installed)
    assert not (installed / ARCHIVE.stem / "stray.txt").exists()
    assert (installed / ARCHIVE.stem / "model" / "model.bin").is_file()


@pytest.mark.slow
def test_online_install_from_a_mirror_refuses_a_damaged_download_then_installs_the_good_one(tmp_path):
    """`pipeline models install --online` against a newsroom's mirror of the Argos index
    (``ARGOS_PACKAGE_INDEX``) on loopback: a truncated package is refused in one line and not
    kept; once the mirror serves the good file, the next attempt installs it."""
    import http.server
    import json
    import os
    import subprocess
    import sys
    import threading

    with zipfile.ZipFile(ARCHIVE) as zf:
        meta = json.loads(zf.read(f"{ARCHIVE.stem}/metadata.json"))
    served = {"/translate-en_ru.argosmodel": ARCHIVE.read_bytes()[: ARCHIVE.stat().st_size // 2]}

    class Mirror(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = served.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Mirror)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    served["/index.json"] = json.dumps([{**meta, "links": [base + "translate-en_ru.argosmodel"]}]).encode()
    env = {
        **os.environ,
        "ARGOS_PACKAGE_INDEX": base,
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }

    def pipeline(*args):
        return subprocess.run([sys.executable, "-m", "pipeline", "models", *args], capture_output=True, text=True, env=env, timeout=300)

    try:
        damaged = pipeline("install", "--online", "en_ru")
        assert damaged.returncode == 1 and damaged.stderr.count("\n") == 1, damaged.stderr
        assert "damaged download was removed" in damaged.stderr
        assert not list((tmp_path / "cache").rglob("*.argosmodel")) and not list((tmp_path / "packages").iterdir())
        served["/translate-en_ru.argosmodel"] = ARCHIVE.read_bytes()
        good = pipeline("install", "--online", "en_ru")
        assert good.returncode == 0, good.stderr
        listed = pipeline("list")
        assert "translate-en_ru" in listed.stdout
    finally:
        server.shutdown()
