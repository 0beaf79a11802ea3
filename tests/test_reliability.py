"""A reviewer's work survives races, shifted sentences, glossary edits and odd but valid files;
every environment fault is one line."""

import sqlite3
import subprocess
import unicodedata

import polib
import pytest

from pipeline.cli import main
from pipeline.config import find_config
from pipeline.run import RunOptions, run
from tests.conftest import SAMPLE, make_project, run_project

DOC = "kursk-north-korean-troops"
APPROVED = "Эти северокорейские солдаты, как считается, служат в элитных частях."
DRAFT = "Украинские власти подозревают, что их перебросили из Владивостока самолётами Ил-76."

pytestmark = pytest.mark.slow


def po_path(project, lang="ru"):
    return project / "locales" / lang / "LC_MESSAGES" / f"{DOC}.po"


def edit(path, msgctxt, text, *, approve):
    catalog = polib.pofile(str(path))
    entry = catalog.find(msgctxt, by="msgctxt")
    entry.msgstr = text
    if approve and entry.fuzzy:
        entry.flags.remove("fuzzy")
    catalog.save()


def entries(project, lang="ru"):
    return {e.msgid: e for e in polib.pofile(str(po_path(project, lang)))}


def memory(project):
    with sqlite3.connect(project / "memory" / "reviewed.sqlite") as db:
        return dict(db.execute("SELECT source, target FROM reviewed"))


@pytest.fixture
def project(tmp_path, package_dir):
    project = make_project(tmp_path / "project")
    run_project(project, package_dir, targets="ru")
    return project


def test_an_approval_saved_while_the_run_translates_is_kept(project, package_dir):
    """The reviewer saves the PO after the run read it and before it writes: merged, not replaced."""
    sentence = entries(project)["These North Korean soldiers are believed to be elite units."]
    saved = []

    def reviewer_saves(lang, done, total):
        if not saved:
            edit(po_path(project), sentence.msgctxt, APPROVED, approve=True)
            saved.append(True)

    config = find_config(project)
    options = RunOptions.from_config(config, package_dirs=[package_dir], targets="ru", no_cache=True)
    run(config.articles, options, root=config.root, progress=reviewer_saves)
    assert saved
    kept = entries(project)[sentence.msgid]
    assert kept.msgstr == APPROVED and not kept.fuzzy
    assert memory(project)[sentence.msgid] == APPROVED


def test_drafts_and_approvals_follow_their_sentence_when_a_paragraph_is_inserted_above(project, package_dir):
    by_source = entries(project)
    approved, drafted = by_source[SAMPLE_SENTENCES[0]], by_source[SAMPLE_SENTENCES[1]]
    edit(po_path(project), approved.msgctxt, APPROVED, approve=True)
    edit(po_path(project), drafted.msgctxt, DRAFT, approve=False)
    article = project / "articles" / SAMPLE.name
    article.write_text("Officials gave no further details.\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    run_project(project, package_dir, targets="ru")
    after = entries(project)
    assert after[approved.msgid].msgstr == APPROVED and not after[approved.msgid].fuzzy
    assert after[drafted.msgid].msgstr == DRAFT and after[drafted.msgid].fuzzy
    assert after[approved.msgid].msgctxt != approved.msgctxt, "the ids did shift"
    # No sentence shows another sentence's translation as its "previous reviewed translation".
    assert not [e.msgid for e in after.values() if "previous reviewed translation" in e.comment]


def test_an_unrelated_glossary_row_does_not_send_reviews_back_to_machine_text(project, package_dir, monkeypatch):
    sentence = entries(project)[SAMPLE_SENTENCES[0]]
    edit(po_path(project), sentence.msgctxt, APPROVED, approve=True)
    monkeypatch.chdir(project)
    assert main(["import", str(po_path(project))]) == 0
    glossary = project / "glossary" / "glossary.tsv"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "odesa\tplace\tnoun\tOdesa\t오데사\tОдеса\tОдесса\t\t\t\n", encoding="utf-8")
    run_project(project, package_dir, targets="ru")
    kept = entries(project)[sentence.msgid]
    assert kept.msgstr == APPROVED and not kept.fuzzy


def test_a_review_file_saved_in_another_normal_form_is_accepted(tmp_path, package_dir, monkeypatch, capsys):
    """An article in NFD, its review file re-saved in NFC by an editor: the same sentences."""
    text = "The café in Kursk reopened. Residents returned."
    project = make_project(tmp_path, {"cafe.txt": unicodedata.normalize("NFD", text) + "\n"})
    run_project(project, package_dir, targets="ru")
    path = project / "locales" / "ru" / "LC_MESSAGES" / "cafe.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgctxt:
            entry.msgid = unicodedata.normalize("NFC", entry.msgid)
            entry.msgstr = "Кафе в Курске снова открылось." if "café" in entry.msgid else "Жители вернулись."
            entry.flags = []
    catalog.save()
    monkeypatch.chdir(project)
    assert main(["import", str(path)]) == 0
    assert "ru: 2 reviewed translation(s) imported" in capsys.readouterr().out
    run_project(project, package_dir, targets="ru")
    assert (project / "locales" / "ru" / "cafe.txt").read_text(encoding="utf-8") == "Кафе в Курске снова открылось. Жители вернулись.\n"


def test_tsv_columns_are_read_by_name(project, package_dir):
    """A spreadsheet deleted the score, terms and qa columns and moved the machine digest first."""
    path = project / "locales" / "ru" / f"{DOC}.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    header = rows[0]
    keep = [header.index(name) for name in ("machine", "id", "en", "ru", "state")]
    rows = [[row[i] for i in keep] for row in rows]
    rows[3][3] = DRAFT  # edited, still marked machine: a draft
    path.write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    run_project(project, package_dir, targets="ru")
    kept = entries(project)[rows[3][2]]
    assert kept.msgstr == DRAFT and kept.fuzzy
    assert sum(e.msgstr == DRAFT for e in entries(project).values()) == 1


def test_plural_po_entry_is_refused_in_one_line_not_emptied(project, monkeypatch, capsys):
    path = po_path(project)
    text = path.read_text(encoding="utf-8")
    first = polib.pofile(str(path))[0]
    plural = f'msgid_plural "{first.msgid}s"\nmsgstr[0] "одна"\nmsgstr[1] "две"\nmsgstr[2] "много"\n'
    text = text.replace(f'msgstr "{first.msgstr}"\n', plural, 1)
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "plural entry" in err and first.msgctxt in err


def test_xliff_with_an_internal_dtd_is_refused(project, monkeypatch, capsys):
    path = project / "locales" / "ru" / f"{DOC}.xlf"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("?>\n", '?>\n<!DOCTYPE xliff [<!ATTLIST segment state CDATA "final">]>\n', 1), encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["import", str(path)]) == 1
    assert "DOCTYPE" in capsys.readouterr().err
    assert not (project / "memory" / "reviewed.sqlite").exists() or memory(project) == {}


def test_a_run_for_one_language_leaves_the_others_importable(tmp_path, package_dir, monkeypatch, capsys):
    project = make_project(tmp_path)
    run_project(project, package_dir, targets="ru,uk")
    run_project(project, package_dir, targets="ru")
    uk = po_path(project, "uk")
    edit(uk, f"{DOC}:p1:s1", "Північнокорейські війська стягуються до Курської області.", approve=True)
    monkeypatch.chdir(project)
    assert main(["import", str(uk)]) == 0
    assert "uk: 1 reviewed translation(s) imported" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("setting", "message"),
    [('out = "articles/kursk-north-korean-troops.txt"', "cannot use as output folder"), ('out = ""', "must name a path")],
)
def test_bad_output_folder_is_one_line(tmp_path, package_dir, monkeypatch, capsys, setting, message):
    project = make_project(tmp_path)
    config = project / "pipeline.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('out = "locales"', setting), encoding="utf-8")
    before = SAMPLE.read_bytes()
    monkeypatch.chdir(project)
    assert main(["run", "-q", "--to", "ru"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert (project / "articles" / SAMPLE.name).read_bytes() == before


def test_the_review_page_in_the_articles_folder_is_not_an_article(tmp_path, package_dir, monkeypatch, capsys):
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    for _ in range(2):
        assert main(["run", "-q", "--to", "ru", "--out", "articles"]) == 0
        assert capsys.readouterr().out.startswith("documents 1,")


SAMPLE_SENTENCES = [
    "These North Korean soldiers are believed to be elite units.",
    "Ukrainian authorities suspect they were transported from Vladivostok via IL-76 transport planes to military airfields in western Russia, preparing to enter the Kursk combat zone.",
]


def test_inline_codes_in_an_xliff_target_are_refused_not_dropped(project, monkeypatch, capsys):
    path = project / "locales" / "ru" / f"{DOC}.xlf"
    text = path.read_text(encoding="utf-8")
    start = text.index("<target>") + len("<target>")
    path.write_text(text[:start] + 'Слово<ph id="1"/>слово ' + text[start:], encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "inline code(s) <ph>" in err


def test_a_draft_of_a_sentence_cut_from_the_article_is_kept_obsolete_and_comes_back(project, package_dir):
    sentence = SAMPLE_SENTENCES[1]
    edit(po_path(project), entries(project)[sentence].msgctxt, DRAFT, approve=False)
    article = project / "articles" / SAMPLE.name
    original = article.read_text(encoding="utf-8")
    article.write_text(original.replace(sentence + " ", ""), encoding="utf-8")
    for _ in range(2):
        run_project(project, package_dir, targets="ru")
        catalog = polib.pofile(str(po_path(project)))
        [kept] = [e for e in catalog if e.obsolete]
        assert (kept.msgid, kept.msgstr, kept.fuzzy) == (sentence, DRAFT, True)
        assert sentence not in {e.msgid for e in catalog if not e.obsolete}
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po_path(project))]).returncode == 0
    article.write_text(original, encoding="utf-8")
    run_project(project, package_dir, targets="ru")
    back = entries(project)[sentence]
    assert not back.obsolete and back.msgstr == DRAFT and back.fuzzy


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KiB tmpfs: room for a few small files, not for a run's outputs."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root (CAP_SYS_ADMIN); the disk-full cases are not run here")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_output_disk_is_one_line_and_leaves_no_half_written_file(tmp_path, package_dir, monkeypatch, capsys, full_disk):
    project = make_project(tmp_path / "project")
    (full_disk / "filler").write_bytes(b"\0" * 56_000)
    monkeypatch.chdir(project)
    assert main(["run", "-q", "--to", "ru", "--out", str(full_disk / "locales")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err, err
    assert not [p for p in full_disk.rglob("*") if p.name.endswith(".pipeline-tmp")], "no half-written file left behind"


def test_a_full_project_disk_is_one_line(tmp_path, package_dir, monkeypatch, capsys, full_disk):
    """The memory and the cache on a disk with no room: one line, nothing deleted."""
    project = make_project(tmp_path / "project")
    config = project / "pipeline.toml"
    settings = f'[pipeline]\nmemory = "{full_disk}/memory.sqlite"\ncache = "{full_disk}/cache.sqlite"'
    config.write_text(config.read_text(encoding="utf-8").replace("[pipeline]", settings), encoding="utf-8")
    (full_disk / "filler").write_bytes(b"\0" * 60_000)
    monkeypatch.chdir(project)
    assert main(["run", "-q", "--to", "ru"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("full" in err or "No space" in err), err
