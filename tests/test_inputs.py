"""Newsroom input: web pages (main text only) and Markdown (structure kept, code untouched)."""

import re
import shutil

import polib
import pytest

from pipeline.cli import main
from pipeline.glossary import load_glossary
from pipeline.segment import segment_text
from pipeline.workspace import expand_inputs, load_documents
from tests.conftest import ROOT, make_project, run_project

DATA = ROOT / "tests" / "data"
PAGE, BRIEF = DATA / "news-page.html", DATA / "brief.md"
FURNITURE = [
    "cookie",
    "Share on",
    "Related stories",
    "Most Commented",
    "©",
    "Privacy",
    "Sign in",
    "Dana Whitfield",
    "Photo:",
    "Drone strikes",
]


def test_web_page_gives_title_and_paragraphs_only(tmp_path):
    glossary = load_glossary(ROOT / "glossary" / "glossary.tsv")
    [doc] = load_documents([PAGE], glossary, tmp_path)
    sources = [s.source for s in doc.segments]
    html = PAGE.read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    paragraphs = re.findall(r"<p>([^<]+)</p>", article)
    assert len(paragraphs) == 5
    assert sources[0] == "Convoy reaches Kursk region as talks stall"
    assert " ".join(sources[1:]) == " ".join(paragraphs)
    assert not [f for f in FURNITURE if f in doc.source_text()]
    assert (doc.title, doc.url) == ("Convoy reaches Kursk region as talks stall", "https://ledger.example.test/world/2026/11/convoy-kursk")


def test_markdown_keeps_structure_and_code():
    text = BRIEF.read_text(encoding="utf-8")
    doc = segment_text("brief", text, markdown=True)
    assert doc.source_text() == text
    sources = [s.source for s in doc.segments]
    assert sources[:3] == ["Convoy reaches the border", "Troops moved to Kursk on Monday.", "Officials confirmed the convoy on Tuesday."]
    assert not [s for s in sources if re.search(r"^[#>*_-]|\*\*|curl|indented code|\|", s)]
    # Segment ids do not move when code changes.
    changed = text.replace("convoy.json", "trucks.json").replace("stays as it is", "changed")
    assert [s.id for s in segment_text("brief", changed, markdown=True).segments] == [s.id for s in doc.segments]


def test_run_on_web_page_and_markdown(tmp_path, package_dir):
    project = make_project(tmp_path, {})
    shutil.copy(PAGE, project / "articles")
    shutil.copy(BRIEF, project / "articles")
    report = run_project(project, package_dir)
    assert sorted(d.name for d in report.documents) == ["brief", "news-page"]
    po = polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / "news-page.po"))
    assert po.metadata["X-Source-URL"] == "https://ledger.example.test/world/2026/11/convoy-kursk"
    assert len(po) == 6
    translated = (project / "locales" / "ru" / "brief.txt").read_text(encoding="utf-8")
    original = BRIEF.read_text(encoding="utf-8")
    kept = [
        "```\ncurl https://example.test/data.json --output convoy.json\n```",
        "    indented code stays as it is",
        "| column | value |\n|---|---|\n| trucks | 40 |",
        "\n---\n",
    ]
    assert all(block in original and block in translated for block in kept)
    assert (
        re.search(r"^# \S", translated, re.M) and re.search(r"^## \S", translated, re.M) and re.search(r"^- \*\S.*\S\*$", translated, re.M)
    )
    assert re.search(r"^\*\*\S.*\S\*\* \S", translated, re.M) and re.search(r"^> \S", translated, re.M)
    assert "Convoy reaches" not in translated


def test_unsupported_type_is_one_line(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path)
    (project / "articles" / "notes.pdf").write_bytes(b"%PDF-1.4")
    monkeypatch.chdir(project)
    assert main(["run", "articles/notes.pdf"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "notes.pdf: unsupported article type '.pdf'" in err
    # A folder picks up the supported types and leaves the rest.
    assert [p.name for p in expand_inputs(["articles"], project)] == ["kursk-north-korean-troops.txt"]


@pytest.mark.parametrize("html", ["<html><head><script>render()</script></head><body><div id='app'></div></body></html>"])
def test_page_without_article_text_is_one_line(tmp_path, monkeypatch, capsys, html):
    project = make_project(tmp_path, {})
    (project / "articles" / "empty.html").write_text(html, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["run"]) == 1
    assert "empty.html: no article text found in the web page" in capsys.readouterr().err
