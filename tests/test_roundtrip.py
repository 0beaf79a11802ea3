import csv
import sqlite3

import polib
import pytest
from lxml import etree

from pipeline.cli import main
from pipeline.formats import xliff
from pipeline.formats.notes import edited_unreviewed
from pipeline.formats.registry import read_file
from pipeline.model import State
from tests.conftest import SAMPLE, make_project, run_project

DOC = "kursk-north-korean-troops"
NS = {"x": xliff.NS}
PO_EDIT = "Северокорейские войска, по сообщениям, стягиваются в Курскую область России, район под контролем Украины."
XLF_EDIT = "Північнокорейські війська, як повідомляють, рухаються до Курської області з 23 жовтня."


def edit_po(path):
    catalog = polib.pofile(str(path))
    entry = catalog.find(f"{DOC}:p1:s1", by="msgctxt")
    entry.msgstr = PO_EDIT
    if entry.fuzzy:
        entry.flags.remove("fuzzy")
    entry.tcomment = "Reviewed by Irina: checked the place names."
    catalog.save()


def edit_xliff(path):
    tree = etree.parse(str(path))
    unit = tree.find(f".//x:unit[@id='{DOC}:p2:s1']", NS)
    segment = unit.find("x:segment", NS)
    target = segment.find("x:target", NS)
    for child in list(target):
        target.remove(child)
    target.text = XLF_EDIT
    segment.set("state", "reviewed")
    notes = unit.find("x:notes", NS)
    etree.SubElement(notes, f"{{{xliff.NS}}}note", category="reviewer").text = "Olena: shortened."
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def import_cli(project, monkeypatch, *files):
    monkeypatch.chdir(project)
    return main(["import", *map(str, files)])


def test_reviewed_po_and_xliff_survive_a_rerun(tmp_path, package_dir, monkeypatch, capsys):
    project = make_project(tmp_path)
    run_project(project, package_dir)
    out = project / "locales"
    po_path, xlf_path = out / "ru" / "LC_MESSAGES" / f"{DOC}.po", out / "uk" / f"{DOC}.xlf"
    edit_po(po_path)
    edit_xliff(xlf_path)

    # Not imported yet: the run merges the approved edits instead of overwriting them.
    run_project(project, package_dir)
    assert memory_rows(project) == 2
    assert import_cli(project, monkeypatch, po_path, xlf_path) == 0
    assert "ru: 1 reviewed translation(s) imported, 12 left for review" in capsys.readouterr().out

    # The memory and the manifest are caches: emptied or lost, they lose nothing.
    (project / "memory" / "reviewed.sqlite").write_bytes(b"")
    (out / ".pipeline-manifest.json").unlink()
    run_project(project, package_dir)
    entry = polib.pofile(str(po_path)).find(f"{DOC}:p1:s1", by="msgctxt")
    assert entry.msgstr == PO_EDIT and not entry.fuzzy
    assert entry.tcomment == "Reviewed by Irina: checked the place names."
    unit = etree.parse(str(xlf_path)).find(f".//x:unit[@id='{DOC}:p2:s1']", NS)
    assert "".join(unit.find("x:segment/x:target", NS).itertext()) == XLF_EDIT
    assert unit.find("x:segment", NS).get("state") == "reviewed"
    assert unit.find("x:notes/x:note[@category='reviewer']", NS).text == "Olena: shortened."
    assert (out / "ru" / f"{DOC}.txt").read_text(encoding="utf-8").startswith(PO_EDIT + "\n")
    assert XLF_EDIT in (out / "uk" / f"{DOC}.txt").read_text(encoding="utf-8")

    # The source sentence changes: machine translation again, fuzzy, the reviewed text kept beside it.
    article = project / "articles" / SAMPLE.name
    article.write_text(article.read_text(encoding="utf-8").replace("reportedly converging", "converging"), encoding="utf-8")
    run_project(project, package_dir)
    entry = polib.pofile(str(po_path)).find(f"{DOC}:p1:s1", by="msgctxt")
    assert entry.fuzzy and entry.msgstr != PO_EDIT
    assert f"previous reviewed translation: {PO_EDIT}" in entry.comment
    assert entry.previous_msgid.startswith("North Korean troops are reportedly converging")
    assert entry.tcomment == "Reviewed by Irina: checked the place names."


@pytest.fixture(scope="module")
def reviewed_project(tmp_path_factory, package_dir):
    # Shared: a bad import must leave the project as it was, which each case asserts.
    project = make_project(tmp_path_factory.mktemp("reviewed"))
    run_project(project, package_dir)
    return project


def memory_rows(project):
    path = project / "memory" / "reviewed.sqlite"
    return sqlite3.connect(path).execute("SELECT COUNT(*) FROM reviewed").fetchone()[0] if path.exists() else 0


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda t: t.replace(f'id="{DOC}:p3:s1"', 'id="nowhere:p1:s1"'), "unknown segment id 'nowhere:p1:s1'"),
        (lambda t: t.replace('trgLang="uk"', 'trgLang="de"'), "language 'de' is not a target language"),
        (lambda t: t.replace("<source>These <mrk", "<source>Those <mrk"), "differs from the article"),
        (lambda t: t.replace("</xliff>", ""), "malformed XML"),
        (
            lambda t: t.replace(
                "<?xml version='1.0' encoding='UTF-8'?>", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            ).replace("Most Commented</source>", "Most Commented&e;</source>"),
            "entity",
        ),
    ],
)
def test_bad_reviewed_file_imports_nothing(reviewed_project, monkeypatch, capsys, mutate, message):
    good = reviewed_project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po"
    edit_po(good)
    bad = reviewed_project / "bad.xlf"
    original = (reviewed_project / "locales" / "uk" / f"{DOC}.xlf").read_text(encoding="utf-8")
    assert mutate(original) != original
    bad.write_text(mutate(original), encoding="utf-8")
    assert import_cli(reviewed_project, monkeypatch, good, bad) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("pipeline: error: ") and message in err and "\n" not in err
    assert memory_rows(reviewed_project) == 0


def _edit_unapproved(out, fmt):
    """Change one machine translation and leave it marked for review; return the file and segment id."""
    if fmt == "po":
        path = out / "ru" / "LC_MESSAGES" / f"{DOC}.po"
        catalog = polib.pofile(str(path))
        catalog.find(f"{DOC}:p1:s1", by="msgctxt").msgstr = PO_EDIT
        assert catalog.find(f"{DOC}:p1:s1", by="msgctxt").fuzzy
        catalog.save()
        return path, f"{DOC}:p1:s1", PO_EDIT
    if fmt == "tsv":
        path = out / "uk" / f"{DOC}.tsv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
        assert rows[2][0] == f"{DOC}:p2:s1" and rows[2][3] == "machine"
        rows[2][2] = XLF_EDIT
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(rows)
        return path, f"{DOC}:p2:s1", XLF_EDIT
    path = out / "uk" / f"{DOC}.xlf"
    tree = etree.parse(str(path))
    segment = tree.find(f".//x:unit[@id='{DOC}:p2:s1']/x:segment", NS)
    assert segment.get("state") == "initial"
    target = segment.find("x:target", NS)
    for child in list(target):
        target.remove(child)
    target.text = XLF_EDIT
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return path, f"{DOC}:p2:s1", XLF_EDIT


@pytest.mark.parametrize("fmt", ["po", "xlf", "tsv"])
def test_edit_left_marked_for_review_is_kept_not_lost(tmp_path, package_dir, monkeypatch, capsys, fmt):
    """A person changed a translation but left it fuzzy / initial / machine: not imported, and every
    later run keeps it in place, still marked for review."""
    project = make_project(tmp_path)
    run_project(project, package_dir)
    out = project / "locales"
    path, first, text = _edit_unapproved(out, fmt)

    assert import_cli(project, monkeypatch, path) == 0
    captured = capsys.readouterr()
    assert "0 reviewed translation(s) imported, 13 left for review" in captured.out
    assert f"1 edited translation(s) still marked for review (first {first}) not imported" in captured.err
    assert memory_rows(project) == 0
    for _ in range(2):
        run_project(project, package_dir)
        read = read_file(path)
        [kept] = [s for s in read.segments if s.id == first]
        assert kept.target(read.lang).text == text and kept.target(read.lang).state != State.REVIEWED
        assert edited_unreviewed(kept.target(read.lang))
    assert memory_rows(project) == 0


def test_approved_tsv_row_imports_like_po(tmp_path, package_dir, monkeypatch, capsys):
    project = make_project(tmp_path)
    run_project(project, package_dir)
    path, first, text = _edit_unapproved(project / "locales", "tsv")
    path.write_text(path.read_text(encoding="utf-8").replace(f"{text}\tmachine\t", f"{text}\treviewed\t"), encoding="utf-8")
    assert import_cli(project, monkeypatch, path) == 0
    assert "uk: 1 reviewed translation(s) imported, 12 left for review" in capsys.readouterr().out
    run_project(project, package_dir)
    xlf = etree.parse(str(project / "locales" / "uk" / f"{DOC}.xlf")).find(f".//x:unit[@id='{first}']/x:segment", NS)
    assert xlf.get("state") == "reviewed" and "".join(xlf.find("x:target", NS).itertext()) == text


def test_review_files_from_any_output_folder_import_and_survive(tmp_path, package_dir, monkeypatch, capsys):
    """`pipeline run ARTICLES --out DIR` from elsewhere: the files know what produced them."""
    project = make_project(tmp_path / "project")
    elsewhere = tmp_path / "desk"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    out = tmp_path / "review-round-3"
    args = [
        "run",
        str(project / "articles" / SAMPLE.name),
        "--out",
        str(out),
        "--glossary",
        str(project / "glossary" / "glossary.tsv"),
        "-q",
    ]
    assert main(args) == 0
    po_path = out / "ru" / "LC_MESSAGES" / f"{DOC}.po"
    edit_po(po_path)
    assert main(["import", str(po_path)]) == 0
    assert "ru: 1 reviewed translation(s) imported" in capsys.readouterr().out
    assert main(args) == 0
    entry = polib.pofile(str(po_path)).find(f"{DOC}:p1:s1", by="msgctxt")
    assert entry.msgstr == PO_EDIT and not entry.fuzzy


def test_outputs_of_the_previous_release_are_merged_not_refused(tmp_path, package_dir):
    """The TSV written before its target column was named by language still reads (the folder tells)."""
    project = make_project(tmp_path)
    run_project(project, package_dir)
    tsv = project / "locales" / "uk" / f"{DOC}.tsv"
    with tsv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    legacy = [["id", "source", "target", "state", "score", "terms", "qa"]] + [r[:7] for r in rows[1:]]
    legacy[2][2], legacy[2][3] = XLF_EDIT, "reviewed"
    with tsv.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(legacy)
    run_project(project, package_dir)
    unit = etree.parse(str(project / "locales" / "uk" / f"{DOC}.xlf")).find(f".//x:unit[@id='{DOC}:p2:s1']/x:segment", NS)
    assert unit.get("state") == "reviewed" and "".join(unit.find("x:target", NS).itertext()) == XLF_EDIT
