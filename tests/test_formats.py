import csv
import re
import shutil
import subprocess

import polib
import pytest
from lxml import etree

from pipeline.errors import FormatError, InputError
from pipeline.formats import RunContext, tsv, xliff, xliff12
from pipeline.formats.notes import edited_unreviewed
from pipeline.formats.registry import FORMATS, REVIEWED, output_paths, read_file
from pipeline.model import Document, RunSignature, Segment, State, TermHit, TermResult, Translation
from tests.conftest import LANGS, SCHEMAS, make_project, run_project

DOC = "kursk-north-korean-troops"


def out(sample_run):
    project, _ = sample_run
    return project / "locales"


# --- one contract for every format that is read back (cf. translate-toolkit's TestTranslationStore)


def _document() -> Document:
    seg1 = Segment(id="d:p1:s1", source="Troops moved to Kursk.", paragraph=1, index=1, terms=[TermHit("kursk", 16, 21, "Kursk")])
    seg1.targets["ru"] = Translation(
        text="Войска переместились в Курск.", state=State.MACHINE, score=-0.51, terms=[TermResult("kursk", "applied", "Курск")]
    )
    seg2 = Segment(id="d:p2:s1", source='He said: "5,000 & <more>".', paragraph=2, index=1, before="\n")
    seg2.targets["ru"] = Translation(text="Он сказал: «5000 & <больше>».", state=State.REVIEWED, comment="checked by Olena\nsecond line")
    return Document(name="d", segments=[seg1, seg2], trailing="\n", source_path="articles/d.txt")


def _context(glossary) -> RunContext:
    signature = RunSignature(
        pipeline="0", packages={"ru": "translate-en_ru 1.0"}, glossary=glossary.version, segmenter="pysbd", decoding="beam 4"
    )
    return RunContext(signature=signature, glossary=glossary, langs=("ru",))


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_writes_through_the_registry(tmp_path, name, glossary):
    doc = _document()
    paths = output_paths(tmp_path, doc.name, ["ru"], [name])
    assert len(paths) == 1
    [(key, path)] = paths.items()
    data = FORMATS[name].dumps(doc, key[1], _context(glossary))
    # The document's translation is machine text: every format shows it but the TMX of reviewed translations.
    assert isinstance(data, bytes) and ("Войска переместились".encode() in data) == (name != "tmx")
    assert path.is_relative_to(tmp_path) and (key[1] is None) == (not FORMATS[name].PER_LANGUAGE)


@pytest.mark.parametrize("name", REVIEWED)
def test_write_read_round_trip(tmp_path, name, glossary):
    doc = _document()
    [path] = output_paths(tmp_path, doc.name, ["ru"], [name]).values()
    path.parent.mkdir(parents=True)
    path.write_bytes(FORMATS[name].dumps(doc, "ru", _context(glossary)))
    read = read_file(path)
    assert read.lang == "ru"
    assert [s.id for s in read.segments] == ["d:p1:s1", "d:p2:s1"]
    for seg, back in zip(doc.segments, read.segments):
        assert back.source == seg.source
        assert back.target("ru").text == seg.targets["ru"].text
        if name != "tsv":  # a spreadsheet has no comment column
            assert back.target("ru").comment == seg.targets["ru"].comment
    # PO has one flag (fuzzy) for machine text and for text needing review: it reads back as the latter.
    assert read.segments[0].target("ru").state == (State.NEEDS_REVIEW if name == "po" else State.MACHINE)
    assert read.segments[1].target("ru").state == State.REVIEWED
    # A reviewer's change to the machine text, left unapproved, is recognisable as a draft.
    assert not edited_unreviewed(read.segments[0].target("ru"))


# The state scale each XLIFF version maps into its own vocabulary, both ways (README has the table).
XLIFF_STATES = [
    (State.MACHINE, "initial", "needs-review-translation"),
    (State.NEEDS_REVIEW, "translated", "translated"),
    (State.REVIEWED, "reviewed", "signed-off"),
]


@pytest.mark.parametrize(("state", "v21", "v12"), XLIFF_STATES)
def test_xliff_state_tables_agree_both_ways(state, v21, v12):
    assert xliff.STATE[state] == v21 and xliff12.STATE[state] == v12
    assert xliff.FROM_STATE[v21] == state and xliff12.FROM_STATE[v12] == state
    assert xliff.FROM_STATE["final"] == xliff12.FROM_STATE["final"] == State.REVIEWED


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x.test")', "+7 days", "-1", "@SUM(A1)", "'quoted", "plain"])
def test_tsv_neutralises_formulas_and_reads_them_back(tmp_path, glossary, cell):
    doc = _document()
    doc.segments[0].targets["ru"].text = cell
    path = tmp_path / "d.tsv"
    path.write_bytes(tsv.dumps(doc, "ru", _context(glossary)))
    with path.open(encoding="utf-8", newline="") as fh:
        written = list(csv.reader(fh, delimiter="\t"))[1][2]
    assert written[0] not in "=+-@" or written.startswith("'")
    assert read_file(path).segments[0].target("ru").text == cell


def test_read_refuses_duplicate_ids_and_missing_files(tmp_path, glossary):
    doc = _document()
    doc.segments[1].id = doc.segments[0].id
    for name in REVIEWED:
        [path] = output_paths(tmp_path / name, doc.name, ["ru"], [name]).values()
        path.parent.mkdir(parents=True)
        path.write_bytes(FORMATS[name].dumps(doc, "ru", _context(glossary)))
        with pytest.raises(FormatError, match="duplicate"):
            read_file(path)
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "missing.po")


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
            "../glossary.tbx#kursk",
            "../glossary.tbx#north-korean",
            "../glossary.tbx#vladivostok",
        }
        assert tree.find(".//x:segment", ns).get("state") == "initial"
        store = xliff2.Xliff2File.parsefile(str(path))
        assert len(store.units) == 13
        assert store.units[0].source.startswith("North Korean troops")


def test_xliff12_validates_against_strict_schema_and_parses(sample_run):
    from translate.storage import xliff as ttk_xliff

    for path, tree in schema_valid(sample_run, "xliff-1.2/xliff-core-1.2-strict.xsd", f"xliff12/{DOC}.xlf"):
        assert tree.find(".//{*}target").get("state") == "needs-review-translation"
        store = ttk_xliff.xlifffile.parsefile(str(path))
        assert len(store.units) == 13 and store.units[0].getid().endswith(f"{DOC}:p1:s1")


@pytest.mark.parametrize(("name", "units"), [(f"{DOC}.mt.tmx", 13), (f"{DOC}.tmx", 0)])
def test_tmx_validates_against_dtd_and_parses(sample_run, name, units):
    """Machine text in its own TMX; the TMX a CAT tool trusts as a memory has reviewed text only
    (the sample run has none)."""
    from translate.storage import tmx

    path = out(sample_run) / name
    dtd = etree.DTD(str(SCHEMAS / "tmx-1.4b" / "tmx14.dtd"))
    tree = etree.parse(str(path))
    assert dtd.validate(tree), dtd.error_log.last_error
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tree.iter("tuv")}
    assert langs == ({"en", *LANGS} if units else set())
    store = tmx.tmxfile.parsefile(str(path))
    assert len(store.units) == units


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
        assert rows[0] == ["id", "en", lang, "state", "score", "terms", "qa", "machine", "memory"]
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
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert 'class="term"' in dom.stdout and "kursk-north-korean-troops:p7:s1" in dom.stdout
    # Severity in words; notes folded; a Korean font named and installed.
    assert re.search(r'<li class="(error|warning)"><b>(error|warning)</b>', dom.stdout)
    assert "<details><summary>" in dom.stdout and '"NanumGothic"' in html
    fonts = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True).stdout
    assert fonts.strip(), "a Korean font is installed by scripts/setup.sh test"
    subprocess.run(["chromium", *flags, f"--screenshot={shot}", "--window-size=1400,1800", page.as_uri()], capture_output=True, timeout=120)
    assert shot.stat().st_size > 20_000
