import pytest

from pipeline import curated, inflect, terms
from pipeline.checks import repeated_ngram
from pipeline.errors import FormatError
from pipeline.figures import find_figures
from pipeline.glossary import COLUMNS, load_glossary, parse_glossary
from pipeline.model import Segment
from pipeline.translate import REPAIR_ALTERNATIVES, translate_segments
from quality.terms import Accuracy, load_termset, measure
from tests.scripted_engine import ScriptedEngine, scripted_translation, word_alignment

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


@pytest.mark.parametrize(
    ("word", "lang", "form"),
    [
        ("серпень", "uk", "серпні"),
        ("листопад", "uk", "листопаді"),
        ("Харків", "uk", "Харкові"),
        ("Курськ", "uk", "Курську"),
        ("июль", "ru", "июле"),
    ],
)
def test_a_locative_is_not_the_dative_the_dictionary_lists_beside_it(word, lang, form):
    assert inflect.inflect_phrase(word, lang, {"loct"}) == form


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


def test_term_accuracy_with_real_models(translators, glossary):
    results = measure(translators, glossary)
    for lang, acc in results.items():
        assert acc.occurrences >= 100
        assert acc.shortfall(lang) is None, "\n".join([acc.line(lang), *acc.wrong])


def test_a_model_below_the_term_floors_is_named_with_its_shortfall():
    """What the stand-in package stage refuses to ship: the v5 candidate's Ukrainian forms."""
    assert "below the 90% floor" in Accuracy(occurrences=111, present=111, judged=67, correct=60).shortfall("uk")
    assert Accuracy(occurrences=111, present=111, judged=67, correct=61).shortfall("uk") is None
    assert "missing" in Accuracy(occurrences=111, present=110, judged=67, correct=67).shortfall("uk")


SENTENCE = "Officials in Kursk said the troops arrived."
PROTECTED = "Officials in #1 said the troops arrived."


def _translate_ru(script: dict[str, list[str]], glossary, source: str = SENTENCE, aligned=None) -> tuple[Segment, ScriptedEngine]:
    engine = ScriptedEngine(script, aligned)
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1, terms=terms.match_terms(source, glossary))
    seg.figures = find_figures(source, seg.terms)
    translate_segments([seg], engine, glossary, "ru")
    return seg, engine


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # The stand-ins read a placeholder as a number or a year: Korean counts it («러시아명의»),
        # Russian and Ukrainian date it («России года»).
        ("Russia's army entered Kursk.", "ko", "#1명의 군대가 #2 명에 들어갔다.", "러시아의 군대가 쿠르스크에 들어갔다."),
        ("Russia's army entered Kursk.", "ko", "#1명과 #2는 싸웠다.", "러시아와 쿠르스크는 싸웠다."),
        ("Russia's army entered Kursk.", "ko", "#1 군대가 #2에 들어갔다.", "러시아 군대가 쿠르스크에 들어갔다."),
        # A year or an age glued to it (the sample's «쿠르스크주년 이후», «러시아세의»); «세» apart may begin a word.
        ("Russia's army entered Kursk.", "ko", "#1세의 군대가 #2년 이후 들어갔다.", "러시아의 군대가 쿠르스크 이후 들어갔다."),
        ("Russia's army entered Kursk.", "ko", "#1 세력이 #2에 들어갔다.", "러시아 세력이 쿠르스크에 들어갔다."),
        ("Troops gathered in Kursk.", "ru", "Войска собрались в #1 году.", "Войска собрались в Курске."),
        ("Troops gathered in Kursk.", "uk", "Війська зібралися в #1 році.", "Війська зібралися в Курську."),
        ("It was Kursk's year of hope.", "ru", "Это был #1 год надежды.", "Это был Курска год надежды."),
    ],
)
def test_a_counter_or_year_word_the_model_puts_after_a_term_goes_unless_the_english_has_one(glossary, source, lang, output, expected):
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1, terms=terms.match_terms(source, glossary))
    translate_segments([seg], ScriptedEngine({terms.protect(source, seg.terms): [output]}), glossary, lang)
    assert seg.target(lang).text == expected


def test_a_translation_that_keeps_the_placeholder_is_used_as_it_is(glossary):
    seg, engine = _translate_ru({PROTECTED: ["Чиновники в #1 сказали, что войска прибыли."]}, glossary)
    assert seg.target("ru").text == "Чиновники в Курске сказали, что войска прибыли."
    assert [r.status for r in seg.target("ru").terms] == ["applied"]
    assert engine.requests == [(PROTECTED, 1)]


def test_lost_placeholder_is_taken_from_the_models_next_best_translation(glossary):
    """Where the best translation drops the placeholder, the first of the model's alternatives
    that keeps it is used, whole (not a looping one where another fits), with its score."""
    seg, engine = _translate_ru(
        {
            PROTECTED: [
                "Чиновники сказали, что войска прибыли.",
                "Чиновники в #1 #1 сказали.",
                "В #1 в #1 в #1 сказали.",
                "Чиновники в #1 заявили, что войска прибыли.",
                "Чиновники в #1 сказали, что войска пришли.",
            ]
        },
        glossary,
    )
    assert seg.target("ru").text == "Чиновники в Курске заявили, что войска прибыли."
    assert seg.target("ru").score == pytest.approx(-0.4)
    assert [r.status for r in seg.target("ru").terms] == ["applied"]
    assert engine.requests == [(PROTECTED, 1), (PROTECTED, REPAIR_ALTERNATIVES)]


def test_without_a_fitting_alternative_the_lost_term_goes_where_the_model_attended_to_it(glossary):
    """Every alternative lost the placeholder: the best translation stays whole, and the term is
    put before the target word that attended to the placeholder, inflected for its place."""
    best = "Чиновники в сказали, что войска прибыли."
    # Source words: Officials(0) in(1) #1(2) said(3) ...; target word 2 («сказали») looked at #1.
    alignment = word_alignment(PROTECTED, best, {0: 0, 1: 1, 2: 2})
    seg, engine = _translate_ru({PROTECTED: [best, "Чиновники сказали."]}, glossary, aligned={PROTECTED: alignment})
    assert seg.target("ru").text == "Чиновники в Курске сказали, что войска прибыли."
    assert [r.status for r in seg.target("ru").terms] == ["repaired"]
    assert seg.target("ru").score == pytest.approx(-0.5)
    assert engine.requests == [(PROTECTED, 1), (PROTECTED, REPAIR_ALTERNATIVES), (PROTECTED, 0)]


def test_a_repeated_placeholder_is_kept_once_and_a_lost_figure_placed(glossary):
    source = "Officials in Kursk counted 5,000 troops."
    protected = "Officials in #1 counted #2 troops."
    best = "Чиновники в #1 насчитали #1 военных."
    # Target word 5 («военных») attended to #2 (source word 4): the figure goes before it.
    alignment = word_alignment(protected, best, {5: 4})
    seg, _ = _translate_ru({protected: [best]}, glossary, source, aligned={protected: alignment})
    assert seg.target("ru").text == "Чиновники в Курске насчитали 5\u00a0000 военных."


def test_two_placeholders_glued_into_one_number_are_placed_apart(glossary):
    """A score's placeholders glued together («#12» for "#1-#2") leave no «#12» in the text:
    both figures go where the model attended to them."""
    source = "He lost 6-3 in Kursk."
    protected = "He lost #1-#2 in #3."
    best = "Он проиграл #12 в #3."
    alignment = word_alignment(protected, best, {2: 2})
    seg, _ = _translate_ru({protected: [best]}, glossary, source, aligned={protected: alignment})
    assert seg.target("ru").text == "Он проиграл 6 3 в Курске."


def test_a_lost_term_the_model_folded_into_another_is_reported_not_stuttered(glossary):
    """The model wrote "the Kursk area … to reclaim Kursk" as one mention and attended to it for
    both: placed there, Kursk would read «쿠르스크 쿠르스크주»; it is reported missing instead.
    Placed before another word, it stays."""
    source = "Troops moved into the Kursk area to reclaim Kursk."
    protected = "Troops moved into the #1 to reclaim #2."
    best = "군대는 #1로 이동했다."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1, terms=terms.match_terms(source, glossary))
    # Target word 1 («#1로») attended to #2 (source word 7).
    engine = ScriptedEngine({protected: [best]}, {protected: word_alignment(protected, best, {1: 7})})
    translate_segments([seg], engine, glossary, "ko")
    assert seg.target("ko").text == "군대는 쿠르스크주로 이동했다."
    assert [(r.term_id, r.status, r.expected) for r in seg.target("ko").terms] == [
        ("kursk-region", "applied", ""),
        ("kursk", "failed", "쿠르스크"),
    ]
    elsewhere = Segment(id="x:p1:s1", source=source, paragraph=1, index=1, terms=terms.match_terms(source, glossary))
    engine = ScriptedEngine({protected: [best]}, {protected: word_alignment(protected, best, {2: 7})})
    translate_segments([elsewhere], engine, glossary, "ko")
    # With the particle "reclaim Kursk" asks of its object.
    assert elsewhere.target("ko").text == "군대는 쿠르스크주로 쿠르스크를 이동했다."
    assert [r.status for r in elsewhere.target("ko").terms] == ["applied", "repaired"]


def test_a_placeholder_written_twice_goes_with_the_counter_glued_to_its_copy(glossary):
    # The sample's "numerous casualties as North Korean troops enter the Kursk front": nothing lost,
    # so the copy's «명의» is no lost term's; it read «들어온 명의 군인», a count without its number.
    source = "Experts fear casualties as North Korean troops enter the Kursk front."
    protected = "Experts fear casualties as #1 troops enter the #2 front."
    best = "#1 군대가 #2 앞에 들어온 #2명의 군인을 우려한다."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1, terms=terms.match_terms(source, glossary))
    translate_segments([seg], ScriptedEngine({protected: [best]}, {protected: word_alignment(protected, best, {})}), glossary, "ko")
    assert seg.target("ko").text == "북한 군대가 쿠르스크 앞에 들어온 군인을 우려한다."


@pytest.mark.parametrize(
    ("source", "protected", "best", "links", "expected"),
    [
        # "to" a person: 에게; a verb's object: 를 after a vowel; "reached" a place: 에.
        ("The letter was sent to Zelenskyy.", "The letter was sent to #1.", "편지가 보내졌다.", {1: 5}, "편지가 젤렌스키에게 보내졌다."),
        ("The troops attacked Kursk.", "The troops attacked #1.", "군대가 공격했다.", {1: 3}, "군대가 쿠르스크를 공격했다."),
        ("The troops reached Kursk.", "The troops reached #1.", "군대가 도착했다.", {1: 3}, "군대가 쿠르스크에 도착했다."),
        # Put where the model wrote another placeholder twice: the copy's particle is the term's.
        (
            "Ukraine sent troops to reclaim Kursk.",
            "#1 sent troops to reclaim #2.",
            "#1 군대가 #1명을 되찾았다.",
            {2: 5},
            "우크라이나 군대가 쿠르스크를 되찾았다.",
        ),
    ],
)
def test_a_lost_korean_term_placed_by_attention_takes_the_particle_the_english_asks_for(glossary, source, protected, best, links, expected):
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1, terms=terms.match_terms(source, glossary))
    engine = ScriptedEngine({protected: [best]}, {protected: word_alignment(protected, best, links)})
    translate_segments([seg], engine, glossary, "ko")
    assert seg.target("ko").text == expected
    assert seg.target("ko").terms[-1].status == "repaired"


def test_looping_translation_is_replaced_by_an_alternative_that_does_not_loop(glossary):
    """A short piece alone makes the stand-ins loop («대통령 대통령 대통령»); the model's best
    alternative without a repeated n-gram is taken instead, and the loop kept where none exists."""
    engine = ScriptedEngine(
        {
            "President": ["대통령 대통령 대통령", "대통령 대통령 대통령 대통령", "대통령은", "대통령"],
            "Secretary General": ["총장 총장 총장", "총장 총장 총장 총장"],
        }
    )
    segs = [Segment(id=f"x:p1:s{i}", source=s, paragraph=1, index=i) for i, s in enumerate(["President", "Secretary General"], 1)]
    translate_segments(segs, engine, glossary, "ko")
    assert [seg.target("ko").text for seg in segs] == ["대통령은", "총장 총장 총장"]
    assert repeated_ngram("총장 총장 총장")


@pytest.mark.parametrize(
    ("source", "alternatives", "expected"),
    [
        # The model read "#1 met" as a length («#1 метрів», metres) and wrote its next best as a meeting.
        ("Oleksandr Syrskyi met Andriy Yermak.", ["#1 метрів #2.", "#1 зустрів #2."], "Олександр Сирський зустрів Андрія Єрмака."),
        # Or a fighter jet's code as a count of inches.
        ("Kyiv received F-16 jets.", ["Київ отримав #1 дюймів.", "Київ отримав літаки #1."], "Київ отримав літаки F-16."),
        # Metres the English gives are no misreading.
        ("The wall is 60 metres high.", ["Стіна має #1 метрів заввишки.", "Стіна висока."], "Стіна має 60 метрів заввишки."),
    ],
)
def test_a_placeholder_read_as_a_count_of_a_unit_the_english_lacks_takes_the_next_best_translation(
    glossary, source, alternatives, expected
):
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    terms.mark(seg, glossary)
    translate_segments([seg], ScriptedEngine({terms.protect(source, curated.protected(seg, "uk")): alternatives}), glossary, "uk")
    assert seg.target("uk").text == expected


def test_a_glossary_needs_only_the_languages_it_serves(tmp_path, package_dir, monkeypatch, capsys):
    """A ru+uk glossary (columns in another order) serves `--to ru,uk`; `--to ko` with it is one line."""
    from pipeline.cli import main
    from tests.conftest import make_project

    project = make_project(tmp_path)
    path = project / "glossary" / "glossary.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    header = rows[0]
    order = [header.index(c) for c in ("id", "type", "pos", "en", "ru", "uk", "flags", "forms", "note")]
    path.write_text("\n".join("\t".join(row[i] for i in order) for row in rows) + "\n", encoding="utf-8")
    glossary = load_glossary(path)
    assert glossary.langs == ("ru", "uk") and glossary.term("kursk").targets == {"ru": "Курск", "uk": "Курськ"}
    monkeypatch.chdir(project)
    assert main(["run", "-q", "--to", "ru,uk"]) == 0
    assert "glossary terms 39/39 (100%)" in capsys.readouterr().out
    assert main(["run", "-q", "--to", "ko"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no column for ko" in err
    assert main(["check", str(project / "locales" / "ru" / "LC_MESSAGES" / "kursk-north-korean-troops.po")]) == 0
    po = project / "locales" / "ru" / "LC_MESSAGES" / "kursk-north-korean-troops.po"
    po.write_text(po.read_text(encoding="utf-8").replace('"Language: ru\\n"', '"Language: de\\n"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(po)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "file says language 'de'" in err


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        # A person is no place: the «в» a model puts before one the English sends something "to" goes,
        # and the person takes the dative.
        ("Письмо отправили в #1.", "Письмо отправили Владимиру Зеленскому."),
        ("В #1 отправили письмо.", "Владимиру Зеленскому отправили письмо."),
        # «к» is right, and stays.
        ("Письмо отправили к #1.", "Письмо отправили к Владимиру Зеленскому."),
    ],
)
def test_a_place_preposition_before_a_person_the_english_sends_something_to_goes(glossary, output, expected):
    assert scripted_translation(glossary, "The letter was sent to Volodymyr Zelenskyy.", "ru", output) == expected


@pytest.mark.parametrize(
    ("lang", "source", "output", "expected"),
    [
        # The model saw a placeholder, not a feminine noun, and wrote the masculine.
        ("uk", "Russia launched drones overnight.", "#1 запустив безпілотники вночі.", "Росія запустила безпілотники вночі."),
        ("uk", "Russia launched drones overnight.", "#1 запустили безпілотники вночі.", "Росія запустила безпілотники вночі."),
        ("ru", "North Korea has also sent troops.", "#1 также отправил войска.", "Северная Корея также отправила войска."),
        (
            "uk",
            "Thousands died, and Ukraine gained ground.",
            "#1 загинули, і #2 здобув землю.",
            "Тисячі загинули, і Україна здобула землю.",
        ),
        # What it says of itself ("said it"): the reported clause's pronoun and verb too; not "it was"
        # before anything but a verb, which may be another thing ("said it was a provocation").
        (
            "ru",
            "Russia said it had captured a village.",
            "#1 сказал, что он захватил деревню.",
            "Россия сказала, что она захватила деревню.",
        ),
        ("uk", "Ukraine said it shot down 45 drones.", "#1 сказала, що застрелив #2 дронів.", "Україна сказала, що застрелила 45 дронів."),
        ("ru", "Russia said it was a provocation.", "#1 сказала, что это была провокация.", "Россия сказала, что это была провокация."),
        # A listed woman's name; a listed man's keeps the masculine.
        ("ru", "Kim Yo Jong said it failed.", "#1 сказал, что это не удалось.", "Ким Ё Чжон сказала, что это не удалось."),
        ("ru", "Kim Jong Un said it failed.", "#1 сказал, что это не удалось.", "Ким Чен Ын сказал, что это не удалось."),
        # Past a noun phrase between her and her verb, with a term of its own.
        (
            "ru",
            "Kim Yo Jong, North Korea's spokeswoman, said it failed.",
            "#1, пресс-секретарь #2, сказал, что это не удалось.",
            "Ким Ё Чжон, пресс-секретарь Северной Кореи, сказала, что это не удалось.",
        ),
        # The speaker of a verb of saying, which the translation put before it.
        ("uk", '"It failed," said Ukraine.', '"Це не вдалося", - сказав #1.', '"Це не вдалося", - сказала Україна.'),
        ("ru", '"It failed," Ukraine said.', '"Это не удалось", - сказал #1.', '"Это не удалось", - сказала Украина.'),
        # A predicate the model wrote with no verb, the clause's last word; a listed man's name.
        ("uk", "Lloyd Austin was wrong.", "#1 неправильна.", "Ллойд Остін неправильний."),
        ("ru", "Annalena Baerbock was ready.", "#1 готов.", "Анналена Бербок готова."),
        # The short participle or adjective after «был», «був» agrees too (the verb may already).
        ("ru", "Ukraine was forced to retreat.", "#1 был вынужден отступить.", "Украина была вынуждена отступить."),
        ("ru", "Russia was ready to talk.", "#1 была готов говорить.", "Россия была готова говорить."),
        ("uk", "Russia was accused of it.", "#1 була звинувачений у цьому.", "Росія була звинувачена у цьому."),
        # Not a noun after it, nor an adjective in another case than the nominative.
        ("ru", "Russia was a big country.", "#1 был большой страной.", "Россия была большой страной."),
        # No subject: a possessive's noun, one of two subjects (a plural verb stays), a verb's object.
        ("uk", "Russia's army said it failed.", "Армія #1 сказав, що це не вдалося.", "Армія Росії сказав, що це не вдалося."),
        ("uk", "Ukraine and Russia said it failed.", "#1 і #2 сказали, що це не вдалося.", "Україна і Росія сказали, що це не вдалося."),
        ("uk", "Ukraine and Russia said it failed.", "#1 і #2 сказав, що це не вдалося.", "Україна і Росія сказав, що це не вдалося."),
        (
            "ru",
            "Drones attacked Ukraine, officials said.",
            "Беспилотники атаковали #1 сказал чиновник.",
            "Беспилотники атаковали Украину сказал чиновник.",
        ),
    ],
)
def test_a_past_tense_verb_agrees_with_the_protected_subject_before_it(glossary, lang, source, output, expected):
    assert scripted_translation(glossary, source, lang, output) == expected


@pytest.mark.parametrize(
    ("lang", "grammemes", "form"),
    [
        # The Ukrainian dictionary leaves adjectives' animacy unmarked: animate as the genitive, inanimate as the nominative.
        ("uk", {"accs", "sing", "masc", "anim"}, "північнокорейського"),
        ("uk", {"accs", "sing", "masc", "inan"}, "північнокорейський"),
        # A feminine has one accusative whatever the animacy (it had become the nominative).
        ("uk", {"accs", "sing", "femn", "inan"}, "північнокорейську"),
        ("ru", {"accs", "sing", "femn", "inan"}, "северокорейскую"),
    ],
)
def test_an_adjective_s_accusative_follows_animacy_only_where_it_has_two(lang, grammemes, form):
    base = {"uk": "північнокорейський", "ru": "северокорейский"}[lang]
    assert inflect.inflect_phrase(base, lang, grammemes) == form


@pytest.mark.parametrize(
    ("lang", "output", "expected"),
    [
        # "Military" is singular in English; the model's noun can only be plural, and the adjective agrees with it.
        ("ru", "#1 военные заявили об этом.", "Украинские военные заявили об этом."),
        ("uk", "#1 військові заявили про це.", "Українські військові заявили про це."),
    ],
)
def test_an_adjective_agrees_with_a_noun_that_can_only_be_plural(glossary, lang, output, expected):
    assert scripted_translation(glossary, "The Ukrainian military said so.", lang, output) == expected


def test_a_numeral_s_ending_the_model_hyphenated_to_a_term_goes(glossary):
    # ru 11.0 took "the Kursk region" for a number in the sample: «в Курской области-го».
    output = "Войска собираются в #1-го из #2."
    expected = "Войска собираются в Курской области из России."
    assert scripted_translation(glossary, "Troops gather in the Kursk region of Russia.", "ru", output) == expected


def test_a_currency_the_model_wrote_after_a_term_goes_where_the_source_has_no_money(glossary):
    # ru 10.0 took "North Korean" for an amount: «северокорейские рублей».
    source = "Experts say North Korean units will join the operation."
    output = "Эксперты говорят, что #1 рублей присоединятся к операции."
    assert scripted_translation(glossary, source, "ru", output) == "Эксперты говорят, что северокорейские присоединятся к операции."
    # ru 11.0 abbreviated it: «что Курск северокорейские руб.» in the sample.
    output = "Эксперты говорят, что #1 руб. присоединятся к операции."
    assert scripted_translation(glossary, source, "ru", output) == "Эксперты говорят, что северокорейские присоединятся к операции."
    # With money in the source, the currency stays.
    assert "долларов" in scripted_translation(glossary, "North Korean dollars are worthless.", "ru", "#1 долларов ничего не стоят.")


@pytest.mark.parametrize(
    "source, output, expected",
    [
        ("The operator launched its network.", "оператор запустил свою сеть.", "Оператор запустил свою сеть."),
        ('"We will stay," he said.', "«мы останемся», — сказал он.", "«Мы останемся», — сказал он."),
        ("The iPhone sold well.", "iPhone хорошо продавался.", "iPhone хорошо продавался."),
        ("iPhone sales fell.", "продажи iPhone упали.", "продажи iPhone упали."),
    ],
)
def test_a_translation_starts_with_a_capital_where_the_english_does(glossary, source, output, expected):
    assert scripted_translation(glossary, source, "ru", output) == expected
