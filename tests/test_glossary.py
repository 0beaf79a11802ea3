import pytest

from pipeline import inflect, terms
from pipeline.checks import repeated_ngram
from pipeline.errors import FormatError
from pipeline.glossary import COLUMNS, load_glossary, parse_glossary
from pipeline.model import Segment
from pipeline.read import read_article
from pipeline.segment import segment_text
from pipeline.translate import REPAIR_ALTERNATIVES, translate_segments
from quality.terms import load_termset, measure
from tests.conftest import SAMPLE

HEADER = "\t".join(COLUMNS)


def row(*cells):
    return "\t".join(cells)


@pytest.mark.parametrize(
    "body, line, message",
    [
        (row("a", "place", "noun", "Kursk", "쿠르스크", "", "Курск", "", "", ""), 2, "no target term for uk"),
        (
            row("a", "place", "noun", "Kursk", "쿠", "К", "К", "", "", "")
            + "\n"
            + row("a", "place", "noun", "Orel", "오", "О", "О", "", "", ""),
            3,
            "duplicate id 'a'",
        ),
        (
            row("a", "place", "noun", "Kursk", "쿠", "К", "К", "", "", "")
            + "\n"
            + row("b", "place", "noun", "kursk", "쿠", "Х", "Х", "", "", ""),
            3,
            "conflicting targets",
        ),
        (row("a", "planet", "noun", "Kursk", "쿠", "К", "К", "", "", ""), 2, "type 'planet'"),
        (row("a", "place", "noun", "Kursk", "쿠", "К", "К", "", "uk.gen=Курська", ""), 2, "bad form"),
        (row("a", "place", "noun", "Kursk", "쿠", "К"), 2, "expected 10 tab-separated columns"),
        # An unclosed leading quote would swallow every row after it into one cell.
        (
            row("a", "place", "noun", "Kursk", "쿠", "К", "К", "", "", "")
            + "\n"
            + row("b", "place", "noun", '"Orel', "오", "О", "О", "", "", "")
            + "\n"
            + row("c", "place", "noun", "Tula", "툴", "Т", "Т", "", "", ""),
            3,
            "does not close",
        ),
    ],
)
def test_glossary_errors_name_the_line(body, line, message):
    with pytest.raises(FormatError) as exc:
        parse_glossary(HEADER + "\n" + body + "\n", "g.tsv")
    assert str(exc.value).startswith(f"g.tsv:{line}: ")
    assert message in str(exc.value)


def test_bad_header_and_encoding(tmp_path):
    with pytest.raises(FormatError, match=r"g.tsv:1: header must be"):
        parse_glossary("id\ten\n", "g.tsv")
    path = tmp_path / "g.tsv"
    path.write_bytes((HEADER + "\n").encode() + "Kyïv".encode("latin-1"))
    with pytest.raises(FormatError, match="not UTF-8"):
        load_glossary(path)


def test_shipped_glossary_covers_the_sample_article(glossary):
    ids = {t.id for t in glossary.terms}
    assert {
        "kursk",
        "kursk-region",
        "russia",
        "ukraine",
        "north-korea",
        "north-korean",
        "vladivostok",
        "il-76",
        "zelenskyy",
        "nyt",
        "jo-hyun-gi",
        "kdia",
    } <= ids
    assert glossary.term("nyt").targets == {"ko": "뉴욕타임스", "uk": "The New York Times", "ru": "The New York Times"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kursk's governor", [("kursk", "Kursk")]),
        ("Kursk-based units", [("kursk", "Kursk")]),
        ("in the KURSK REGION today", [("kursk-region", "KURSK REGION")]),
        ('("North Korea")', [("north-korea", "North Korea")]),
        ("North Koreans and North Korean troops", [("north-koreans", "North Koreans"), ("north-korean", "North Korean")]),
        ("Kurskaya is no match, nor is Russians", []),
        ("the New York Times", [("nyt", "the New York Times")]),
    ],
)
def test_matching(glossary, text, expected):
    assert [(h.term_id, h.text) for h in terms.match_terms(text, glossary)] == expected


def test_source_side_case_choice_matches_references(glossary):
    """Without any model: the form chosen from the English grammar alone, against the references."""
    rows = load_termset()
    assert len(rows) >= 60
    correct = total = 0
    for r in rows:
        hit = next(h for h in terms.match_terms(r["sentence"], glossary) if h.term_id == r["term"])
        for lang in ("ru", "uk"):
            form = inflect.fit(glossary.term(r["term"]), lang, source=r["sentence"], hit=hit, before="", after="")
            total += 1
            correct += form.casefold() in {ref.casefold() for ref in r[lang].split("|")}
    assert correct / total >= 0.95, f"{correct}/{total}"


def test_korean_particles_follow_the_inserted_term():
    text = "북한는 말했다"
    assert inflect.fix_particle(text, 0, "북한") == "북한은 말했다"
    assert inflect.fix_particle("러시아을 방문", 0, "러시아") == "러시아를 방문"
    assert inflect.fix_particle("IL-76가 착륙", 0, "IL-76") == "IL-76이 착륙"
    assert inflect.fix_particle("쿠르스크으로 이동", 0, "쿠르스크") == "쿠르스크로 이동"


def test_mangled_placeholders_are_found_and_missing_ones_reported(glossary):
    source = "Troops moved from Vladivostok to Kursk."
    hits = terms.match_terms(source, glossary)
    restored = terms.restore("Войска переместились из # 1 в #2.", source, hits, glossary, "ru")
    assert restored.complete
    assert restored.text == "Войска переместились из Владивостока в Курск."
    assert [r.status for r in restored.results] == ["repaired", "applied"]
    glued = terms.restore("Войска переместились из #1а в #2.", source, hits, glossary, "ru")
    assert glued.text == "Войска переместились из Владивостока в Курск."
    assert not terms.restore("Войска переместились в #2.", source, hits, glossary, "ru").complete
    assert terms.verify("Из Владивостока-1 в Курск.", hits, glossary, "ru")[0].status == "applied"
    assert not terms.restore("#1 #1 #2", source, hits, glossary, "ru").complete


def test_segments_without_terms_are_untouched_by_the_glossary(translators, glossary):
    source = "The soldiers are young and inexperienced."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    assert terms.match_terms(source, glossary) == []
    translate_segments([seg], translators["ru"], glossary, "ru")
    direct = translators["ru"].translate([translators["ru"].normalize(source)])[0]
    assert seg.target("ru").text == direct.text


# Measured with the shipped stand-in models; these floors stop regressions. The form is fitted
# to the model's own sentence, so it moves with the model: with the 6.1-hour stand-ins uk is
# 62/67, and 3 of its 5 misses are grammatical for the model's wording ("відправлений до
# Курської області", genitive after до) against a single reference form.
FLOORS = {"ko": 0.95, "uk": 0.9, "ru": 0.95}


def test_term_accuracy_with_real_models(translators, glossary):
    results = measure(translators, glossary)
    for lang, acc in results.items():
        assert acc.occurrences >= 100
        assert acc.present == acc.occurrences, acc.line(lang)
        assert acc.correct / acc.judged >= FLOORS[lang], acc.line(lang) + "\n" + "\n".join(acc.wrong)


def test_lost_placeholders_are_taken_from_the_models_next_best_translation(translators, glossary):
    """Where the best translation drops or repeats a placeholder, the first of the model's
    alternatives that keeps them all is used, whole; only where none does is the sentence
    assembled from pieces. The term set's sentences join the sample's: better models drop
    fewer placeholders, and the rescue must still be exercised."""
    sources = [s.source for s in segment_text("sample", read_article(SAMPLE)).segments]
    sources += list(dict.fromkeys(row["sentence"] for row in load_termset()))
    rescued = pieced = 0
    for lang, translator in translators.items():
        for i, source in enumerate(sources):
            hits = terms.match_terms(source, glossary)
            if not hits:
                continue
            text = translator.normalize(terms.protect(source, hits))
            if terms.restore(translator.translate([text])[0].text, source, hits, glossary, lang).complete:
                continue
            seg = Segment(id=f"sample:{i}", source=source, paragraph=i, index=1, terms=hits)
            translate_segments([seg], translator, glossary, lang)
            alternatives = translator.alternatives([text], REPAIR_ALTERNATIVES)[0]
            fitting = [r for h in alternatives if (r := terms.restore(h.text, source, hits, glossary, lang)).complete]
            if fitting:
                rescued += 1
                assert seg.target(lang).text == next((r.text for r in fitting if not repeated_ngram(r.text)), fitting[0].text)
            else:
                pieces = [translator.normalize(p) for p in terms.split_around_terms(source, hits)]
                unlooped = [
                    next((h.text for h in alternatives if not repeated_ngram(h.text)), alternatives[0].text)
                    for alternatives in translator.alternatives(pieces, REPAIR_ALTERNATIVES)
                ]
                best = [h.text for h in translator.translate(pieces)]
                expected = [b if not repeated_ngram(b) else u for b, u in zip(best, unlooped)]
                assert seg.target(lang).text == terms.assemble(expected, source, hits, glossary, lang).text
                pieced += 1
            assert all(r.status != "failed" for r in seg.target(lang).terms), (lang, seg.target(lang).text)
    assert rescued >= 3 and pieced >= 1, (rescued, pieced)


def test_looping_translation_is_replaced_by_an_alternative_that_does_not_loop(translators, glossary):
    """A short piece alone makes the stand-ins loop («대통령 대통령 대통령»); the model's best
    alternative without a repeated n-gram is taken instead, where it has one."""
    replaced = 0
    for lang, translator in translators.items():
        for i, source in enumerate(["President", "Secretary General", "The troops arrived."]):
            [best] = translator.translate([source])
            seg = Segment(id=f"x:p1:s{i}", source=source, paragraph=1, index=i)
            translate_segments([seg], translator, glossary, lang)
            if repeated_ngram(best.text):
                [alternatives] = translator.alternatives([source], REPAIR_ALTERNATIVES)
                unlooped = [h.text for h in alternatives if not repeated_ngram(h.text)]
                replaced += bool(unlooped)
                assert seg.target(lang).text == (unlooped[0] if unlooped else best.text)
            else:
                assert seg.target(lang).text == best.text
    assert replaced >= 1


def test_pieces_assembled_around_terms_continue_the_sentence(glossary):
    """A piece translated alone comes back capitalised; where its source continues the
    sentence and names nothing, its translation continues it too."""
    source = "Officials in Kursk waited for the order."
    hits = terms.match_terms(source, glossary)
    assembled = terms.assemble(["Чиновники в", "Ждали приказа."], source, hits, glossary, "ru")
    assert assembled.text.endswith(" ждали приказа.") and assembled.text.startswith("Чиновники в Курск")
    named = "Officials in Kursk met Putin."
    kept = terms.assemble(["Чиновники в", "Путин встретился."], named, terms.match_terms(named, glossary), glossary, "ru")
    assert kept.text.endswith(" Путин встретился.")
    acronym = terms.assemble(["Чиновники в", "НАТО ждали."], source, hits, glossary, "ru")
    assert acronym.text.endswith(" НАТО ждали.")
