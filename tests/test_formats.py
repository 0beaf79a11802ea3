import csv
import shutil
import subprocess

import polib
import pytest
from lxml import etree

from pipeline.formats import po, xliff, xliff12
from pipeline.glossary import load_glossary
from pipeline.model import Document, Segment, State, TermHit, TermResult, Translation
from tests.conftest import LANGS, ROOT, SCHEMAS, make_project, run_project

DOC = "kursk-north-korean-troops"


def out(sample_run):
    project, _ = sample_run
    return project / "locales"


# --- one contract for every format that is read back (cf. translate-toolkit's TestTranslationStore)

def _document() -> Document:
    seg1 = Segment(id="d:p1:s1", source="Troops moved to Kursk.", paragraph=1, index=1,
                   terms=[TermHit("kursk", 16, 21, "Kursk")])
    seg1.targets["ru"] = Translation(text="Войска переместились в Курск.", state=State.MACHINE, score=-0.51,
                                     terms=[TermResult("kursk", "applied", "Курск")])
    seg2 = Segment(id="d:p2:s1", source='He said: "5,000 & <more>".', paragraph=2, index=1, before="\n")
    seg2.targets["ru"] = Translation(text="Он сказал: «5000 & <больше>».", state=State.REVIEWED, comment="checked by Olena\nsecond line")
    return Document(name="d", segments=[seg1, seg2], trailing="\n", source_path="articles/d.txt")


FORMATS = {
    "po": (lambda p, d: po.write(p, d, "ru", "sig", "model"), po.read, "d.po"),
    "xliff": (lambda p, d: xliff.write(p, d, "ru", load_glossary(ROOT / "glossary" / "glossary.tsv"), "sig", "model"), xliff.read, "d.xlf"),
    "xliff12": (lambda p, d: xliff12.write(p, d, "ru", "sig", "model"), xliff12.read, "d.xliff12.xlf"),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_read_round_trip(tmp_path, fmt):
    write, read, name = FORMATS[fmt]
    doc = _document()
    write(tmp_path / name, doc)
    lang, entries = read(tmp_path / name)
    assert lang == "ru"
    assert list(entries) == ["d:p1:s1", "d:p2:s1"]
    for seg in doc.segments:
        source, _, tr = entries[seg.id]
        assert source == seg.source
        assert tr.text == seg.targets["ru"].text
        assert tr.comment == seg.targets["ru"].comment
    assert entries["d:p1:s1"][2].state != State.REVIEWED
    assert entries["d:p2:s1"][2].state == State.REVIEWED


# --- the files of a real run, checked with the tools their users use

def test_po_files_pass_msgfmt_and_polib(sample_run):
    _, report = sample_run
    for lang in LANGS:
        path = out(sample_run) / lang / "LC_MESSAGES" / f"{DOC}.po"
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True, capture_output=True)
        catalog = polib.pofile(str(path))
        assert catalog.metadata["Language"] == lang
        assert catalog.metadata["Plural-Forms"].startswith("nplurals=1" if lang == "ko" else "nplurals=3")
        assert "translate-en_" + lang in catalog.metadata["X-Run-Signature"]
        assert [e.msgctxt for e in catalog] == [s.id for s in report.documents[0].segments]
        assert all(e.fuzzy and e.msgstr for e in catalog)
        assert catalog[0].occurrences == [(f"articles/{DOC}.txt", "1")]
        assert any(c.startswith("machine: translate-en_") for c in catalog[0].comment.splitlines())
        assert "terms: north-korean=" in catalog[0].comment


def schema_valid(sample_run, xsd: str, name: str):
    """(path, tree) of each language's file, after validating it against the official schema."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / xsd)))
    for lang in LANGS:
        path = out(sample_run) / lang / name
        tree = etree.parse(str(path))
        assert schema.validate(tree), schema.error_log.last_error
        yield path, tree


def test_xliff_validates_against_oasis_schema_and_parses_with_translate_toolkit(sample_run):
    from translate.storage import xliff2

    for path, tree in schema_valid(sample_run, "xliff-2.1/xliff_core_2.0.xsd", f"{DOC}.xlf"):
        ns = {"x": xliff.NS}
        assert {m.get("ref") for m in tree.iterfind(".//x:source/x:mrk[@type='term']", ns)} >= {
            "glossary.tbx#kursk", "glossary.tbx#north-korean", "glossary.tbx#vladivostok"}
        assert tree.find(".//x:segment", ns).get("state") == "initial"
        store = xliff2.Xliff2File.parsefile(str(path))
        assert len(store.units) == 13
        assert store.units[0].source.startswith("North Korean troops")


def test_xliff12_validates_against_strict_schema_and_parses(sample_run):
    from translate.storage import xliff as ttk_xliff

    for path, tree in schema_valid(sample_run, "xliff-1.2/xliff-core-1.2-strict.xsd", f"{DOC}.xliff12.xlf"):
        assert tree.find(".//{*}target").get("state") == "needs-review-translation"
        store = ttk_xliff.xlifffile.parsefile(str(path))
        assert len(store.units) == 13 and store.units[0].getid().endswith(f"{DOC}:p1:s1")


def test_tmx_validates_against_dtd_and_parses(sample_run):
    from translate.storage import tmx

    path = out(sample_run) / f"{DOC}.tmx"
    dtd = etree.DTD(str(SCHEMAS / "tmx-1.4b" / "tmx14.dtd"))
    tree = etree.parse(str(path))
    assert dtd.validate(tree), dtd.error_log.last_error
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tree.iter("tuv")}
    assert langs == {"en", *LANGS}
    store = tmx.tmxfile.parsefile(str(path))
    assert len(store.units) == 13


def test_tbx_validates_and_parses_with_translate_toolkit(sample_run):
    from translate.storage import tbx

    path = out(sample_run) / "glossary.tbx"
    dtd = etree.DTD(str(SCHEMAS / "tbx" / "v2" / "TBXcoreStructV02.dtd"))
    assert dtd.validate(etree.parse(str(path))), dtd.error_log.last_error
    store = tbx.tbxfile.parsefile(str(path))
    sources = {u.source for u in store.units}
    assert {"Kursk", "Kursk region", "Volodymyr Zelenskyy", "IL-76"} <= sources


def test_tsv_and_text(sample_run):
    _, report = sample_run
    doc = report.documents[0]
    for lang in LANGS:
        with (out(sample_run) / lang / f"{DOC}.tsv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
        assert rows[0] == ["id", "source", "target", "state", "score", "terms", "qa"]
        assert [r[0] for r in rows[1:]] == [s.id for s in doc.segments]
        assert rows[-1][1] == "Most Commented" and "boilerplate" in rows[-1][6]
        text = (out(sample_run) / lang / f"{DOC}.txt").read_text(encoding="utf-8")
        assert text.count("\n") == doc.source_text().count("\n")
        assert text == doc.target_text(lang)


def test_output_is_deterministic(sample_run, tmp_path, package_dir):
    again = make_project(tmp_path)
    run_project(again, package_dir, xliff12=True)
    first, second = out(sample_run), again / "locales"
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_review_page_renders_in_headless_chromium(sample_run, tmp_path):
    assert shutil.which("chromium"), "chromium is installed by scripts/setup.sh test"
    page = out(sample_run) / f"{DOC}.html"
    html = page.read_text(encoding="utf-8")
    assert "<script src" not in html and "http" not in html.split("<body>")[1]
    shot = tmp_path / "page.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert 'class="term"' in dom.stdout and "kursk-north-korean-troops:p7:s1" in dom.stdout
    subprocess.run(["chromium", *flags, f"--screenshot={shot}", "--window-size=1400,1800", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.stat().st_size > 20_000
