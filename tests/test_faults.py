"""Fault injection: each case a hostile user or a crash produced, re-run; nothing may be lost
and each ends with the work done or one line naming the file (slow tier: runs the pipeline)."""

import os
import sqlite3

import polib
import pytest

from pipeline.cli import main
from pipeline.formats import TMP_SUFFIX, write_atomic
from pipeline.workspace import MANIFEST, Manifest
from tests.conftest import make_project, run_project

pytestmark = pytest.mark.slow

DOC = "kursk-north-korean-troops"
APPROVED = "Северокорейские войска стягиваются в Курскую область (проверено редактором)."


@pytest.fixture
def reviewed(tmp_path, package_dir):
    """A project after one run, with one PO entry approved by a person and not imported."""
    project = make_project(tmp_path / "project")
    run_project(project, package_dir)
    path = project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po"
    catalog = polib.pofile(str(path))
    entry = catalog.find(f"{DOC}:p1:s1", by="msgctxt")
    entry.msgstr, entry.flags = APPROVED, []
    catalog.save()
    return project


def approved_text(project):
    path = project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po"
    entry = polib.pofile(str(path)).find(f"{DOC}:p1:s1", by="msgctxt")
    return entry.msgstr if not entry.fuzzy else None


def one_line_error(capsys, *fragments):
    err = capsys.readouterr().err
    assert err.startswith("pipeline: error: ") and err.count("\n") == 1, err
    for fragment in fragments:
        assert fragment in err, err


def test_memory_emptied(reviewed, package_dir):
    run_project(reviewed, package_dir)
    (reviewed / "memory" / "reviewed.sqlite").write_bytes(b"")
    run_project(reviewed, package_dir)
    assert approved_text(reviewed) == APPROVED


def test_manifest_deleted(reviewed, package_dir):
    (reviewed / "locales" / MANIFEST).unlink()
    run_project(reviewed, package_dir)
    assert approved_text(reviewed) == APPROVED


def test_manifest_corrupt(reviewed, package_dir):
    (reviewed / "locales" / MANIFEST).write_text("[1, 2", encoding="utf-8")
    run_project(reviewed, package_dir)
    assert approved_text(reviewed) == APPROVED


def test_run_from_another_folder(reviewed, tmp_path, monkeypatch, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    args = [
        "run",
        str(reviewed / "articles" / f"{DOC}.txt"),
        "--out",
        str(reviewed / "locales"),
        "--glossary",
        str(reviewed / "glossary" / "glossary.tsv"),
        "-q",
    ]
    assert main(args) == 0, capsys.readouterr().err
    assert approved_text(reviewed) == APPROVED


def test_killed_while_writing(reviewed, package_dir):
    """A run killed after some files were replaced: the next run neither refuses nor finds strays."""
    out = reviewed / "locales"
    run_project(reviewed, package_dir)
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != MANIFEST)
    manifest = Manifest(out)
    new = {p: p.read_bytes() + b"\n" for p in files}
    import hashlib

    manifest.save({p: hashlib.sha256(d).hexdigest() for p, d in new.items()}, pending=True)
    for path in files[: len(files) // 2]:
        if path.suffix not in (".po", ".xlf", ".tsv"):
            write_atomic(path, new[path])
    (out / "ru" / f".{DOC}.txt.x1y2{TMP_SUFFIX}").write_bytes(b"half")
    run_project(reviewed, package_dir)
    assert not list(out.rglob(f"*{TMP_SUFFIX}"))
    assert approved_text(reviewed) == APPROVED


def test_hand_edited_article_text_needs_force(reviewed, package_dir, caplog):
    txt = reviewed / "locales" / "ru" / f"{DOC}.txt"
    txt.write_text("edited by hand\n", encoding="utf-8")
    from pipeline.errors import PipelineError

    with pytest.raises(PipelineError, match="was edited since the last run .* not a review file"):
        run_project(reviewed, package_dir)
    assert txt.read_text(encoding="utf-8") == "edited by hand\n"
    run_project(reviewed, package_dir, force=True)
    assert "replaced (--force)" in caplog.text
    assert approved_text(reviewed) == APPROVED


def test_unreadable_review_file(reviewed, package_dir, monkeypatch, capsys):
    xlf = reviewed / "locales" / "uk" / f"{DOC}.xlf"
    broken = xlf.read_bytes()[:-200]
    xlf.write_bytes(broken)
    monkeypatch.chdir(reviewed)
    assert main(["run", "-q"]) == 1
    one_line_error(capsys, f"{DOC}.xlf", "malformed XML", "--force")
    assert xlf.read_bytes() == broken
    assert main(["run", "-q", "--force"]) == 0
    assert (xlf.parent / f"{DOC}.xlf.unreadable-1").read_bytes() == broken
    assert approved_text(reviewed) == APPROVED


def test_corrupt_memory(reviewed, monkeypatch, capsys):
    (reviewed / "memory").mkdir(exist_ok=True)
    (reviewed / "memory" / "reviewed.sqlite").write_bytes(b"not a database" * 100)
    monkeypatch.chdir(reviewed)
    assert main(["run", "-q"]) == 1
    one_line_error(capsys, "reviewed.sqlite", "translation memory cannot be used")
    assert approved_text(reviewed) == APPROVED


def test_locked_memory(reviewed, monkeypatch, capsys):
    (reviewed / "memory").mkdir(exist_ok=True)
    lock = sqlite3.connect(reviewed / "memory" / "reviewed.sqlite")
    lock.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: lock.__class__(*a, **{**k, "timeout": 0.1}))
    monkeypatch.chdir(reviewed)
    assert main(["run", "-q"]) == 1
    one_line_error(capsys, "reviewed.sqlite", "locked")
    lock.rollback()


def test_relabelled_language_is_refused(reviewed, monkeypatch, capsys):
    ru = reviewed / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po"
    fake = reviewed / "fake-uk.po"
    fake.write_text(ru.read_text(encoding="utf-8").replace('"Language: ru\\n"', '"Language: uk\\n"'), encoding="utf-8")
    monkeypatch.chdir(reviewed)
    assert main(["import", str(fake)]) == 1
    one_line_error(capsys, "fake-uk.po", "names a model for ru, not uk")


def test_missing_import_file(reviewed, monkeypatch, capsys):
    monkeypatch.chdir(reviewed)
    assert main(["import", "nowhere.po"]) == 1
    one_line_error(capsys, "nowhere.po", "no such file")


def test_fifo_among_articles(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path)
    os.mkfifo(project / "articles" / "pipe.txt")
    monkeypatch.chdir(project)
    assert main(["run", "-q"]) == 1
    one_line_error(capsys, "pipe.txt", "not a regular file")


def test_symlink_loop_among_articles(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path)
    (project / "articles" / "loop.txt").symlink_to(project / "articles" / "loop.txt")
    monkeypatch.chdir(project)
    assert main(["run", "-q"]) == 1
    one_line_error(capsys, "loop.txt", "cannot open")


def test_huge_beam_refused(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path)
    (project / "pipeline.toml").write_text("[pipeline]\nbeam_size = 100000\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["run", "-q"]) == 1
    one_line_error(capsys, "pipeline.toml", "beam_size at most 16")


def test_xliff12_names_do_not_collide(tmp_path, package_dir):
    text = "Troops moved to Kursk on Monday.\n"
    project = make_project(tmp_path, {"x.txt": text, "x.xliff12.txt": text.replace("Monday", "Tuesday")})
    report = run_project(project, package_dir, xliff12=True)
    assert len(report.files) == len(set(report.files))
    names = {p.relative_to(project / "locales").as_posix() for p in report.files}
    assert {"ru/xliff12/x.xlf", "ru/xliff12/x.xliff12.xlf", "ru/x.xlf", "ru/x.xliff12.xlf"} <= names


def test_glossary_dense_very_long_line(tmp_path, package_dir):
    """A 3,500-word line packed with glossary terms: split without pysbd, terms verified not protected."""
    line = " ".join(["Kursk and Russia met Ukraine near Vladivostok"] * 500) + ". Officials in Kursk waited.\n"
    project = make_project(tmp_path, {"dense.txt": line})
    report = run_project(project, package_dir, targets="ru")
    [doc] = report.documents
    first = doc.segments[0].target("ru")
    assert len(doc.segments) == 2 and len(doc.segments[0].terms) == 2000
    assert first.text and "#" not in first.text and len(first.terms) == 20
    assert "terms-unchecked" in {f.code for f in first.findings}
    # The short sentence still gets its term placed through a placeholder.
    assert [t.status for t in doc.segments[1].target("ru").terms] in (["applied"], ["repaired"])


def test_article_name_with_colon_round_trips(tmp_path, package_dir, monkeypatch, capsys):
    project = make_project(tmp_path, {"brief:kursk.txt": "Troops moved to Kursk on Monday.\n"})
    run_project(project, package_dir, targets="ru")
    path = project / "locales" / "ru" / "LC_MESSAGES" / "brief:kursk.po"
    catalog = polib.pofile(str(path))
    catalog[0].msgstr, catalog[0].flags = APPROVED, []
    catalog.save()
    monkeypatch.chdir(project)
    assert main(["import", str(path)]) == 0
    assert "1 reviewed translation(s) imported" in capsys.readouterr().out
    run_project(project, package_dir, targets="ru")
    entry = polib.pofile(str(path))[0]
    assert entry.msgctxt == "brief:kursk:p1:s1" and entry.msgstr == APPROVED and not entry.fuzzy


def test_engine_failure_names_the_segment(tmp_path, package_dir, monkeypatch, capsys):
    """CTranslate2 failing on one sentence (out of memory, a bad kernel) is one line naming
    the document and segment, and nothing is written."""
    import ctranslate2

    from tests.failing_engine import ARTICLES, FailsOnShips

    project = make_project(tmp_path, ARTICLES)
    monkeypatch.setattr(ctranslate2, "Translator", FailsOnShips)
    monkeypatch.chdir(project)
    assert main(["run", "-q", "--to", "ru", "--no-cache"]) == 1
    one_line_error(capsys, "segment b:p2:s1:", "translation failed: std::bad_alloc")
    assert not (project / "locales").exists() or not any(p.is_file() for p in (project / "locales").rglob("*"))
