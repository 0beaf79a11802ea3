"""Shared fixtures. Tests that need a model use the shipped stand-in packages and fail if they are missing."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMAS = SHARED / "schemas"
SAMPLE = ROOT / "articles" / "kursk-north-korean-troops.txt"
LANGS = ["ko", "uk", "ru"]

# Argos reads its directories at import time: point them at a private place first,
# so the tests neither see nor touch the user's installed packages.
_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="pipeline-tests-argos-"))
os.environ["ARGOS_PACKAGES_DIR"] = str(_ARGOS_HOME / "packages")
os.environ["XDG_DATA_HOME"] = str(_ARGOS_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_ARGOS_HOME / "config")
os.environ["XDG_CACHE_HOME"] = str(_ARGOS_HOME / "cache")


def pytest_collection_modifyitems(config, items):
    # The fast tier is `-m "not model and not slow"`: every test that installs the models is marked here.
    for item in items:
        if "package_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_ARGOS_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def package_dir() -> Path:
    """The three stand-in packages from models/, installed with Argos' own installer."""
    from pipeline.models import install_path

    archives = sorted((ROOT / "models").glob("*.argosmodel"))
    assert len(archives) == 3, f"stand-in packages missing from {ROOT / 'models'}: run python -m tools.standin.build"
    install_path(ROOT / "models")
    return Path(os.environ["ARGOS_PACKAGES_DIR"])


@pytest.fixture(scope="session")
def glossary():
    from pipeline.glossary import load_glossary

    return load_glossary(ROOT / "glossary" / "glossary.tsv")


@pytest.fixture(scope="session")
def translators(package_dir):
    from pipeline.engine import Translator, find_package

    # float32: what the models produce does not depend on the CPU's instruction set (int8 does).
    return {lang: Translator(find_package("en", lang, [package_dir]), precision="reproducible") for lang in LANGS}


def make_project(tmp: Path, articles: dict[str, str] | None = None) -> Path:
    """A project folder (config, glossary, articles) in ``tmp`` for end-to-end runs."""
    (tmp / "articles").mkdir(parents=True)
    if articles is None:
        shutil.copy(SAMPLE, tmp / "articles" / SAMPLE.name)
    else:
        for name, text in articles.items():
            (tmp / "articles" / name).write_text(text, encoding="utf-8")
    (tmp / "glossary").mkdir()
    shutil.copy(ROOT / "glossary" / "glossary.tsv", tmp / "glossary" / "glossary.tsv")
    shutil.copy(ROOT / "pipeline.toml", tmp / "pipeline.toml")
    return tmp


def run_project(project: Path, package_dir: Path, **kwargs):
    from pipeline.config import find_config
    from pipeline.run import RunOptions, run

    config = find_config(project)
    options = RunOptions.from_config(config, package_dirs=[package_dir], **kwargs)
    return run(config.articles, options, root=config.root)


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory, package_dir):
    """One full run over the sample article, shared by the format tests."""
    project = make_project(tmp_path_factory.mktemp("sample"))
    report = run_project(project, package_dir, xliff12=True)
    return project, report
