"""The review files through OmegaT, the CAT tool, and back: nothing lost, no English or
unreviewed machine text stored as a person's translation, no English in the article."""

import sqlite3
import subprocess
from pathlib import Path

import polib
import pytest
from lxml import etree

from pipeline.cli import main
from pipeline.read import read_article
from pipeline.segment import segment_text
from tests.conftest import SAMPLE, make_project, run_project

DOC = "kursk-north-korean-troops"
OMEGAT = Path("/usr/share/omegat/OmegaT.jar")
SOURCES = [s.source for s in segment_text(DOC, read_article(SAMPLE)).segments]
# What a translator typed in OmegaT, by source sentence.
TRANSLATED = {
    SOURCES[2]: "Считается, что эти северокорейские солдаты служат в элитных частях.",
    SOURCES[-1]: "Самое обсуждаемое",
}

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path, package_dir, monkeypatch):
    project = make_project(tmp_path / "project")
    run_project(project, package_dir, targets="ru")
    monkeypatch.chdir(project)
    return project


def omegat(project_dir: Path) -> None:
    """OmegaT's own headless mode: load the project and write its target files."""
    assert OMEGAT.is_file(), "OmegaT is not installed (scripts/setup.sh test installs the Debian package)"
    done = subprocess.run(
        ["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT), "--mode=console-translate", str(project_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def translate_in_omegat(project_dir: Path) -> None:
    """A translator's work as OmegaT saves it (``omegat/project_save.tmx``)."""
    tmx = etree.Element("tmx", version="1.1")
    etree.SubElement(tmx, "header", creationtool="OmegaT", segtype="sentence", srclang="en", adminlang="EN-US", datatype="plaintext")
    body = etree.SubElement(tmx, "body")
    for source, target in TRANSLATED.items():
        tu = etree.SubElement(body, "tu")
        for lang, text in (("en", source), ("ru", target)):
            etree.SubElement(etree.SubElement(tu, "tuv", lang=lang), "seg").text = text
    etree.ElementTree(tmx).write(str(project_dir / "omegat" / "project_save.tmx"), xml_declaration=True, encoding="UTF-8")


def reviewed_in_memory(project: Path) -> dict[str, str]:
    with sqlite3.connect(project / "memory" / "reviewed.sqlite") as db:
        return dict(db.execute("SELECT source, target FROM reviewed WHERE lang = 'ru'"))


def assert_article_fully_translated(project: Path) -> None:
    po = polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po"))
    assert all(entry.msgstr.strip() for entry in po), [e.msgctxt for e in po if not e.msgstr.strip()]
    article = (project / "locales" / "ru" / f"{DOC}.txt").read_text(encoding="utf-8")
    assert not [s for s in SOURCES if s in article], "English sentences in the translated article"


def test_export_translate_in_omegat_import_and_rerun(project, package_dir, capsys):
    assert main(["export", "omegat", "omegat-projects", "--to", "ru"]) == 0
    ru = project / "omegat-projects" / "ru"
    settings = etree.parse(str(ru / "omegat.project")).getroot()
    assert settings.findtext("project/sentence_seg") == "false" and settings.findtext("project/target_lang") == "ru"
    assert (ru / "source" / f"{DOC}.po").is_file() and (ru / "glossary" / "glossary.tbx").is_file()
    # Machine text only in tm/mt/, where OmegaT marks it as machine translation; tm/ has no unit yet.
    assert len(etree.parse(str(ru / "tm" / "mt" / f"{DOC}.mt.tmx")).findall(".//tu")) == len(SOURCES)
    assert etree.parse(str(ru / "tm" / f"{DOC}.tmx")).findall(".//tu") == []
    translate_in_omegat(ru)
    omegat(ru)
    target = ru / "target" / f"{DOC}.po"
    capsys.readouterr()
    assert main(["import", str(target)]) == 0
    assert f"ru: {len(TRANSLATED)} reviewed translation(s) imported" in capsys.readouterr().out
    assert reviewed_in_memory(project) == TRANSLATED
    # The translator's file returned over ours, as "the translated file": nothing empty, nothing lost.
    (project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po").write_bytes(target.read_bytes())
    run_project(project, package_dir, targets="ru")
    assert_article_fully_translated(project)
    po = polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po"))
    kept = {e.msgid: e.msgstr for e in po if not e.fuzzy}
    assert kept == TRANSLATED
    # The human TMX now holds exactly the reviewed translations, for the next project's tm/.
    human = etree.parse(str(project / "locales" / f"{DOC}.tmx"))
    assert sorted(seg.text for seg in human.iterfind(".//tuv/seg") if seg.text not in SOURCES) == sorted(TRANSLATED.values())


def approve_all(project, capsys, text):
    """Every entry of the ru PO given ``text(entry)`` and its fuzzy flag dropped, as OmegaT
    returns a file; then imported. Returns what the import printed."""
    path = project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr, entry.flags = text(entry), []
    po.save()
    capsys.readouterr()
    assert main(["import", str(path)]) == 0
    return capsys.readouterr()


def test_omegat_target_with_english_copied_into_untranslated_entries(project, package_dir, capsys):
    """With "allow blank translations" off, OmegaT writes the source into every untranslated entry
    and drops the fuzzy flags: the English is neither imported nor kept, and says so."""
    captured = approve_all(project, capsys, lambda entry: TRANSLATED.get(entry.msgid, entry.msgid))
    assert f"ru: {len(TRANSLATED)} reviewed translation(s) imported" in captured.out
    copied = len(SOURCES) - len(TRANSLATED)
    assert f"{copied} translation(s) marked reviewed are the English source ({DOC}:p1:s1," in captured.err
    assert reviewed_in_memory(project) == TRANSLATED
    run_project(project, package_dir, targets="ru")
    assert_article_fully_translated(project)


def test_machine_text_approved_unchanged_is_imported_and_reported(project, capsys):
    captured = approve_all(project, capsys, lambda entry: entry.msgstr)
    assert f"ru: {len(SOURCES)} reviewed translation(s) imported" in captured.out
    assert f"{len(SOURCES)} machine translation(s) approved unchanged (first {DOC}:p1:s1" in captured.err
