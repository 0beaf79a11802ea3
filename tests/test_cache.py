"""The translation cache: a rerun translates nothing and loads no model; outputs never change."""

import ctranslate2
import pytest

from pipeline.cli import main
from tests.conftest import SAMPLE, make_project, run_project


def outputs(project):
    out = project / "locales"
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(".")}


@pytest.fixture(scope="module")
def uncached(tmp_path_factory, package_dir):
    project = make_project(tmp_path_factory.mktemp("uncached"))
    report = run_project(project, package_dir, no_cache=True)
    assert report.cache_hits == report.cache_misses == 0 and not (project / "cache").exists()
    return outputs(project)


def test_rerun_translates_nothing_and_loads_no_model(tmp_path, package_dir, uncached, monkeypatch):
    project = make_project(tmp_path)
    first = run_project(project, package_dir)
    assert first.cache_hits == 0 and first.cache_misses > 0
    assert outputs(project) == uncached

    def no_model(*args, **kwargs):
        raise AssertionError("a model was loaded on a fully cached rerun")

    monkeypatch.setattr(ctranslate2, "Translator", no_model)
    (project / "locales" / ".pipeline-manifest.json").unlink()
    again = run_project(project, package_dir)
    assert again.cache_misses == 0 and again.cache_hits == first.cache_misses
    assert outputs(project) == uncached


def test_changed_sentence_retranslates_only_itself(tmp_path, package_dir):
    project = make_project(tmp_path)
    first = run_project(project, package_dir)
    article = project / "articles" / SAMPLE.name
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("reportedly converging", "converging"), encoding="utf-8")
    again = run_project(project, package_dir)
    # One changed sentence per language (and its pieces, where its placeholders were lost).
    assert 3 <= again.cache_misses <= 3 * 4 and again.cache_hits >= first.cache_misses - 3 * 4


def test_corrupt_cache_is_rebuilt_not_used(tmp_path, package_dir, uncached, caplog):
    project = make_project(tmp_path)
    (project / "cache").mkdir()
    # A cache file damaged after its header (a crash mid-write, a bad sector): ours, so rebuilt.
    (project / "cache" / "translations.sqlite").write_bytes(b"SQLite format 3\x00" + b"garbage" * 1000)
    report = run_project(project, package_dir)
    assert "translation cache unreadable" in caplog.text and "rebuilding" in caplog.text
    assert report.cache_hits == 0 and outputs(project) == uncached


def test_a_file_the_cache_did_not_make_is_never_replaced(tmp_path, package_dir, monkeypatch, capsys):
    """`cache` naming the glossary by mistake is one line; the glossary stays as it was."""
    project = make_project(tmp_path)
    config = project / "pipeline.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("[pipeline]", '[pipeline]\ncache = "glossary/glossary.tsv"'))
    glossary = project / "glossary" / "glossary.tsv"
    before = glossary.read_bytes()
    monkeypatch.chdir(project)
    assert main(["run", "-q", "--to", "ru"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a translation cache" in err
    assert glossary.read_bytes() == before


def test_summary_reports_cache_and_device_option_errors_in_one_line(tmp_path, package_dir, monkeypatch, capsys):
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["run", "-q"]) == 0
    assert "translation cache 0 hit(s)" in capsys.readouterr().out
    assert main(["run", "-q"]) == 0
    assert ", 0 translated" in capsys.readouterr().out
    if ctranslate2.get_cuda_device_count() == 0:
        assert main(["run", "-q", "--device", "cuda"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "sees no CUDA device" in err


def test_two_runs_at_once_share_one_cache(tmp_path, package_dir, uncached):
    """Two runs started together on one cache file (WAL, busy timeout) both finish with the
    outputs of an uncached run, and a third run finds every translation in it."""
    import subprocess
    import sys

    shared = tmp_path / "shared-cache.sqlite"
    projects = [make_project(tmp_path / name) for name in ("one", "two", "three")]
    for project in projects:
        with (project / "pipeline.toml").open("a", encoding="utf-8") as fh:
            fh.write(f'cache = "{shared.as_posix()}"\n')
    runs = [
        subprocess.Popen([sys.executable, "-m", "pipeline", "run", "-q"], cwd=p, stderr=subprocess.PIPE, text=True) for p in projects[:2]
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    assert outputs(projects[0]) == outputs(projects[1]) == uncached
    third = run_project(projects[2], package_dir)
    assert third.cache_misses == 0 and third.cache_hits > 0 and outputs(projects[2]) == uncached


def test_cache_being_set_up_by_another_run_is_waited_for(tmp_path):
    """A run opening the cache while another is writing the new file's first tables (still before
    WAL) waits for it; SQLite answers that journal-mode switch "locked" at once, without its busy
    timeout, which failed one of two runs started together."""
    import sqlite3
    import threading

    from pipeline.cache import TranslationCache

    path = tmp_path / "cache.sqlite"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE setting_up (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting_up VALUES (1)")
    done = threading.Timer(0.5, other.execute, ("COMMIT",))
    done.start()
    with TranslationCache(path) as cache:
        cache.put("engine", {"source": [("target", 0.0)]})
        assert cache.get("engine", ["source"]) == {"source": [("target", 0.0)]}
    done.join()
    other.close()
