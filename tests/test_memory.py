"""The translation memory: people's translations reused exact and fuzzy, TMX in and out."""

import csv

import polib
import pytest
from lxml import etree

from pipeline.cli import main
from pipeline.memory import similarity
from tests.conftest import SCHEMAS, make_project, run_project

STORY_A = (
    "Russian forces shelled the city overnight. "
    "Officials said 12 people were injured. "
    "The mayor called for calm. "
    "Power was cut in three districts. "
    "Repairs will take several days.\n"
)
APPROVED = {
    "Russian forces shelled the city overnight.": "Российские войска ночью обстреляли город.",
    "Officials said 12 people were injured.": "Чиновники сообщили, что пострадали 12 человек.",
    "The mayor called for calm.": "Мэр призвал к спокойствию.",
    "Power was cut in three districts.": "Электричество отключили в трёх районах.",
    "Repairs will take several days.": "Ремонт займёт несколько дней.",
}
# Three sentences repeated, two with one number or word changed, one new.
STORY_B = (
    "Russian forces shelled the city overnight. "
    "Officials said 14 people were injured. "
    "The mayor called for calm. "
    "Power was cut in four districts. "
    "Repairs will take several days. "
    "Schools will stay closed on Monday.\n"
)


def test_similarity_counts_tokens_and_shows_changed_numbers():
    assert similarity("Officials said 12 people were injured.", "Officials said 14 people were injured.") == (98, ("12 → 14",))
    score, changed = similarity("Power was cut in three districts.", "Power was cut in four districts.")
    assert 80 <= score < 90 and changed == ()
    assert similarity("The mayor called for calm.", "Schools will stay closed on Monday.")[0] < 50


@pytest.fixture
def reviewed_story_a(tmp_path, package_dir, monkeypatch):
    project = make_project(tmp_path, {"story-a.txt": STORY_A})
    run_project(project, package_dir, targets="ru")
    path = project / "locales" / "ru" / "LC_MESSAGES" / "story-a.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in APPROVED:
            entry.msgstr, entry.flags = APPROVED[entry.msgid], []
    catalog.save()
    monkeypatch.chdir(project)
    assert main(["import", str(path)]) == 0
    return project


def test_a_developing_story_reuses_exact_and_shows_near_matches_in_every_format(reviewed_story_a, package_dir):
    project = reviewed_story_a
    (project / "articles" / "story-b.txt").write_text(STORY_B, encoding="utf-8")
    run_project(project, package_dir, targets="ru", xliff12=True)
    po = {e.msgid: e for e in polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / "story-b.po"))}
    for repeated in ("Russian forces shelled the city overnight.", "The mayor called for calm.", "Repairs will take several days."):
        assert po[repeated].msgstr == APPROVED[repeated] and not po[repeated].fuzzy
        assert "reused from story-a:" in po[repeated].comment  # right words, another article: a glance
    near = po["Officials said 14 people were injured."]
    assert near.fuzzy and "memory 98% from story-a:p1:s2" in near.comment and "12 → 14" in near.comment
    assert APPROVED["Officials said 12 people were injured."] in near.comment
    assert "memory 8" in po["Power was cut in four districts."].comment
    assert "memory" not in po["Schools will stay closed on Monday."].comment
    with (project / "locales" / "ru" / "story-b.tsv").open(encoding="utf-8", newline="") as fh:
        rows = {row["en"]: row for row in csv.DictReader(fh, delimiter="\t")}
    assert rows["Officials said 14 people were injured."]["memory"].startswith("98% from story-a:p1:s2")
    # XLIFF 2.1: the Translation Candidates module, valid against its OASIS schema (which imports the core).
    xlf = etree.parse(str(project / "locales" / "ru" / "story-b.xlf"))
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-2.1" / "matches.xsd")))
    assert schema.validate(xlf), schema.error_log.last_error
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0", "mtc": "urn:oasis:names:tc:xliff:matches:2.0"}
    [match] = xlf.findall(".//x:unit[@id='story-b:p1:s2']/mtc:matches/mtc:match", ns)
    assert (match.get("similarity"), match.get("origin")) == ("98.0", "story-a:p1:s2")
    assert match.findtext("x:target", namespaces=ns) == APPROVED["Officials said 12 people were injured."]
    assert not xlf.findall(".//x:unit[@id='story-b:p1:s6']/mtc:matches", ns)
    # XLIFF 1.2: <alt-trans match-quality>, valid against the strict schema.
    xlf12 = etree.parse(str(project / "locales" / "ru" / "xliff12" / "story-b.xlf"))
    strict = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-1.2" / "xliff-core-1.2-strict.xsd")))
    assert strict.validate(xlf12), strict.error_log.last_error
    alt = xlf12.find(".//{*}trans-unit[@id='story-b:p1:s2']/{*}alt-trans")
    assert alt.get("match-quality") == "98" and alt.get("origin") == "story-a:p1:s2"


OMEGAT_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" segtype="sentence" srclang="EN-US"/>
  <body>
    <tu><tuv lang="EN-US"><seg>Schools will stay closed on <bpt i="1">&lt;b&gt;</bpt>Monday<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
        <tuv lang="RU-RU"><seg>Школы останутся закрытыми в понедельник.</seg></tuv></tu>
  </body>
</tmx>
"""


def test_a_cat_tools_tmx_is_imported_used_and_exported(reviewed_story_a, package_dir, capsys):
    project = reviewed_story_a
    (project / "omegat.tmx").write_text(OMEGAT_TMX, encoding="utf-8")
    assert main(["memory", "import", "omegat.tmx"]) == 0
    assert "omegat.tmx: 1 human translation(s) imported" in capsys.readouterr().out
    (project / "articles" / "story-b.txt").write_text(STORY_B, encoding="utf-8")
    run_project(project, package_dir, targets="ru")
    po = {e.msgid: e for e in polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / "story-b.po"))}
    assert po["Schools will stay closed on Monday."].msgstr == "Школы останутся закрытыми в понедельник."
    assert main(["memory", "export", "all.tmx"]) == 0
    exported = etree.parse(str(project / "all.tmx"))
    dtd = etree.DTD(str(SCHEMAS / "tmx-1.4b" / "tmx14.dtd"))
    assert dtd.validate(exported), dtd.error_log.last_error
    assert len(exported.findall(".//tu")) == len(APPROVED) + 1
    assert main(["memory", "stats"]) == 0
    assert capsys.readouterr().out.endswith(f"ru: {len(APPROVED) + 1}\n")


def test_a_bad_tmx_imports_nothing(reviewed_story_a, capsys):
    (reviewed_story_a / "good.tmx").write_text(OMEGAT_TMX, encoding="utf-8")
    (reviewed_story_a / "bad.tmx").write_text(OMEGAT_TMX.replace("</body>", ""), encoding="utf-8")
    assert main(["memory", "import", "good.tmx", "bad.tmx"]) == 1
    assert "bad.tmx" in capsys.readouterr().err
    assert main(["memory", "stats"]) == 0
    assert capsys.readouterr().out == f"ru: {len(APPROVED)}\n"
