"""Model installs are verified before they replace anything (issue: a broken package destroyed the installed one)."""

import hashlib
import shutil
import zipfile

import pytest

from pipeline.engine import Translator, find_package
from pipeline.errors import EngineError
from pipeline.models import install_archive
from tests.conftest import ROOT

ARCHIVE = ROOT / "models" / "translate-en_ru-1_0.argosmodel"


def tree_digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def installed(tmp_path):
    packages = tmp_path / "packages"
    assert install_archive(ARCHIVE, packages) == "translate-en_ru-1_0"
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
    assert [p.name for p in installed.iterdir()] == ["translate-en_ru-1_0"]  # no staging left behind
    [hyp] = Translator(find_package("en", "ru", [installed])).translate(["The city is quiet."])
    assert hyp.text


def test_reinstall_replaces_in_place(installed):
    (installed / "translate-en_ru-1_0" / "stray.txt").write_text("left from an older version")
    install_archive(ARCHIVE, installed)
    assert not (installed / "translate-en_ru-1_0" / "stray.txt").exists()
    assert (installed / "translate-en_ru-1_0" / "model" / "model.bin").is_file()
