"""Korean and Chinese people's names in Latin letters (``pipeline.romanised``): found, protected and written back."""

from __future__ import annotations

import csv

import pytest

from pipeline import romanised, terms
from pipeline.checks import verify_and_check
from pipeline.cli import main
from pipeline.lexicon import lexicon_version
from pipeline.model import Segment
from pipeline.romanised import chinese, japanese
from pipeline.translate import translate_segments
from tests.conftest import make_project
from tests.scripted_engine import ScriptedEngine


# Read syllable by syllable; the Russian and Ukrainian forms as the press writes these people
# (Kontsevich), checked against the project glossary's own entry for Jo Hyun Gi.
@pytest.mark.parametrize(
    ("name", "ko", "ru", "uk"),
    [
        ("Jo Hyun Gi", "조현기", "Чо Хён Ги", "Чо Хьон Гі"),  # a plosive voiced after a vowel (Ги)
        ("Son Heung-min", "손흥민", "Сон Хын Мин", "Сон Хин Мін"),  # a hyphenated given name
        ("Park Ji-sung", "박지성", "Пак Чи Сон", "Пак Чі Сон"),  # ㅈ voiceless after a voiceless final
        ("Hwang Hee-chan", "황희찬", "Хван Хи Чхан", "Хван Хі Чхан"),  # ㅢ after a consonant is и; ㅊ чх
        ("Kim Min-jae", "김민재", "Ким Мин Чжэ", "Кім Мін Чже"),  # ㅈ voiced after a sonorant
        ("Lee Ha-na", "이하나", "Ли Ха На", "Лі Ха На"),  # the surname 이 as the press writes it, not «И»
        ("Ri Yong Ho", "리용호", "Ли Ён Хо", "Лі Йон Хо"),  # and the North's 리, not «Ри»
        ("Hwang Woo-suk", "황우석", "Хван У Сок", "Хван У Сок"),  # "suk" as South Korean names spell 석
        ("Kang Kyung-wha", "강경화", "Кан Гён Хва", "Кан Гьон Хва"),  # ㅘ after a consonant
    ],
)
def test_a_korean_name_is_read_into_hangul_and_written_by_the_kontsevich_system(name, ko, ru, uk):
    assert [romanised.written(name, lang) for lang in ("ko", "ru", "uk")] == [ko, ru, uk]
    assert not romanised.verified(name)


@pytest.mark.parametrize(
    ("name", "ko", "ru", "uk"),
    [
        ("Kim Jong Un", "김정은", "Ким Чен Ын", "Кім Чен Ин"),  # by convention, not by rule (Чжон Ын)
        ("Kim Jong-un", "김정은", "Ким Чен Ын", "Кім Чен Ин"),
        ("Choe Son Hui", "최선희", "Цой Сон Хи", "Чхве Сон Хі"),
        ("Ban Ki-moon", "반기문", "Пан Ги Мун", "Пан Гі Мун"),
        ("Choe Ryong-hae", "최룡해", "Цой Рён Хэ", "Чхве Рьон Хе"),
        ("Cho Tae-yul", "조태열", "Чо Тхэ Ёль", "Чо Тхе Йоль"),  # "yul" is 열 here, 율 by rule
        ("No Kwang Chol", "노광철", "Но Гван Чхоль", "Но Гван Чхоль"),  # "No" is no surname the reader takes
    ],
)
def test_a_listed_person_is_written_as_the_press_writes_them(name, ko, ru, uk):
    assert [romanised.written(name, lang) for lang in ("ko", "ru", "uk")] == [ko, ru, uk]
    assert romanised.verified(name)


@pytest.mark.parametrize(
    "text",
    [
        "Kim Kardashian arrived.",  # not a given name in syllables
        "Lee Ann Rimes sang.",  # "Ann" is no syllable of a Korean name
        "Han Solo flew.",  # one syllable-like word is not a given name
        "Lee Teng-hui and Lee Kuan Yew met.",  # Chinese names: "teng", "kuan" are no Korean syllables
        "Kim Jong arrived.",  # a given name of one syllable: too little to tell
        "Mr Kim Jong Unsworth spoke.",  # a syllable must be the whole word
    ],
)
def test_names_that_only_begin_as_korean_ones_are_left_to_the_names_stage(text):
    assert romanised.find_names(text, []) == []


def test_a_korean_name_is_found_outside_the_glossary_terms(glossary):
    source = "Jo Hyun Gi said Kim Yo Jong and Lee Jae-myung would meet."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    terms.mark(seg, glossary)
    assert [h.text for h in seg.terms] == ["Jo Hyun Gi"]  # the glossary's own entry comes first
    assert [(h.term_id, h.text) for h in seg.figures] == [(romanised.NAME, "Kim Yo Jong"), (romanised.NAME, "Lee Jae-myung")]


@pytest.mark.parametrize(
    ("lang", "engine_input", "output", "expected", "flagged"),
    [
        # The model took the placeholder for a year: that word goes, as after a date. The listed man is
        # declined, the woman not; Son Heung-min is read by rule, and the English does not say whose name it is.
        (
            "ru",
            "#1, the sister of #2, met #3.",
            "#1, сестра #2 года, встретила #3.",
            "Ким Ё Чжон, сестра Ким Чен Ына, встретила Сон Хын Мин.",
            "Son Heung-min → Сон Хын Мин",
        ),
        # The Korean particle agrees with the name's last syllable (김정은을, not 김정은를).
        (
            "ko",
            "#1, the sister of #2, met #3.",
            "#1는 #2를 만난 #3의 누나이다.",
            "김여정은 김정은을 만난 손흥민의 누나이다.",
            "Son Heung-min → 손흥민",
        ),
    ],
)
def test_a_korean_name_goes_through_translation_as_a_placeholder(glossary, lang, engine_input, output, expected, flagged):
    source = "Kim Yo Jong, the sister of Kim Jong Un, met Son Heung-min."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    terms.mark(seg, glossary)
    translate_segments([seg], ScriptedEngine({engine_input: [output]}), glossary, lang)
    assert seg.target(lang).text == expected
    findings = {f.code: f.message for f in verify_and_check(seg, lang, glossary)}
    # Only the name read syllable by syllable is for a reviewer to verify; the listed people are not.
    assert findings["name-unverified"].endswith(f"to verify: {flagged}")
    assert "name-lost" not in findings and "name-not-in-glossary" not in findings


def test_glossary_suggest_offers_a_name_read_by_rule_with_its_reading(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path)
    article = project / "match.txt"
    article.write_text("Son Heung-min scored twice as Kim Jong Un watched.\n\nSon Heung-min left early.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["glossary", "suggest", str(article), "--transliterate"]) == 0
    rows = {r["en"]: r for r in csv.DictReader(capsys.readouterr().out.splitlines(), delimiter="\t")}
    # The listed person needs no row; the one read syllable by syllable is offered with its reading.
    assert list(rows) == ["Son Heung-min"]
    son = rows["Son Heung-min"]
    assert (son["type"], son["ko"], son["ru"], son["uk"]) == ("person", "손흥민", "Сон Хын Мин", "Сон Хин Мін")
    assert "suggested: 2x" in son["note"]


def _marked(glossary, *sources: str) -> list[Segment]:
    segments = [Segment(id=f"x:p{i}:s1", source=source, paragraph=i, index=1) for i, source in enumerate(sources, 1)]
    for seg in segments:
        terms.mark(seg, glossary)
    romanised.mark_surnames(segments)
    return segments


def test_a_surname_alone_stands_for_the_one_person_of_the_article_it_names(glossary):
    first, second = _marked(
        glossary,
        "President Yoon Suk Yeol met Choe Son Hui, Kim Jong Un and Kim Yo Jong in Gorky Park.",
        "Yoon said President Yoon and Choe would talk; Kim left, Kim Kardashian stayed, and Park Avenue was shut.",
    )
    assert [h.text for h in first.figures] == ["Yoon Suk Yeol", "Choe Son Hui", "Kim Jong Un", "Kim Yo Jong"]
    # "Kim" names two people here, whom every language writes alike; "Park" no one; "Kim Kardashian" is another name.
    assert [(h.term_id, h.text) for h in second.figures] == [
        (romanised.SURNAME + "Yoon Suk Yeol", "Yoon"),
        (romanised.SURNAME + "Yoon Suk Yeol", "Yoon"),  # after a title
        (romanised.SURNAME + "Choe Son Hui", "Choe"),
        (romanised.SURNAME + "Kim Jong Un or Kim Yo Jong", "Kim"),
    ]
    # Their surname, in Korean too; not declined, as one of them is a woman.
    kim = second.figures[3]
    assert [romanised.hit_written(kim, lang) for lang in ("ru", "uk", "ko")] == ["Ким", "Кім", "김"]
    assert romanised.cases(kim, "ru") == {}
    # As the name's first word in Russian and Ukrainian (the press's «Цой», not the rule's «Чхве»); in
    # Korean the whole name, as the press repeats it.
    choe = second.figures[2]
    assert [romanised.hit_written(choe, lang) for lang in ("ru", "uk", "ko")] == ["Цой", "Чхве", "최선희"]
    assert [romanised.hit_written(second.figures[0], lang) for lang in ("ru", "uk", "ko")] == ["Юн", "Юн", "윤석열"]


def test_a_surname_alone_goes_through_translation_as_its_name_does(glossary):
    _, seg = _marked(glossary, "Lee Jae-myung spoke.", "Lee urged lawmakers to gather.")
    translate_segments([seg], ScriptedEngine({"#1 urged lawmakers to gather.": ["#1는 의원들에게 모일 것을 촉구했다."]}), glossary, "ko")
    assert seg.target("ko").text == "이재명은 의원들에게 모일 것을 촉구했다."


# Palladius in Russian, its Ukrainian counterpart, Korean's orthography for Chinese: as the press writes these people.
@pytest.mark.parametrize(
    ("name", "ko", "ru", "uk"),
    [
        ("Xi Jinping", "시진핑", "Си Цзиньпин", "Сі Цзіньпін"),
        ("Li Qiang", "리창", "Ли Цян", "Лі Цян"),  # after ㅊ a y-vowel is plain (창, not 챵)
        ("Wang Yi", "왕이", "Ван И", "Ван І"),  # y and w spell syllables without an initial
        ("Mao Zedong", "마오쩌둥", "Мао Цзэдун", "Мао Цзедун"),
        ("Wang Huning", "왕후닝", "Ван Хунин", "Ван Хунін"),  # hu-ning: a later syllable begins with a consonant
        ("Zhou Enlai", "저우언라이", "Чжоу Эньлай", "Чжоу Еньлай"),  # the first may begin with a vowel
        ("Chen Shui-bian", "천수이볜", "Чэнь Шуйбянь", "Чень Шуйбянь"),  # hyphenated
        ("Guo Wengui", "궈원구이", "Го Вэньгуй", "Го Веньгуй"),  # wen is вэнь and 원, gui гуй and 구이
        ("Liu He", "류허", "Лю Хэ", "Лю Хе"),  # "He" is no surname here, but a given name may be
    ],
)
def test_a_chinese_name_is_written_as_each_language_transcribes_pinyin(name, ko, ru, uk):
    assert [romanised.written(name, lang) for lang in ("ko", "ru", "uk")] == [ko, ru, uk]
    assert romanised.verified(name)


def test_a_chinese_reading_of_a_surname_korean_shares_is_a_guess():
    assert romanised.written("Han Kang", "ko") == "한캉"  # the Korean novelist is 한강
    assert not romanised.verified("Han Kang")


@pytest.mark.parametrize(
    "text",
    [
        "He Lifeng said so.",  # "He" is left out of the surnames: an English word
        "Hong Kong and the Tang Dynasty.",  # a place; "Dynasty" is no syllable
        "Lin Manuel Miranda sang.",  # "Manuel" does not cut into syllables
        "Sun Jun 20 23:21:05 1993",  # a weekday and a month, not a name
        "Contributed by Guo Ci Teo.",  # part of a longer name
    ],
)
def test_words_that_only_look_like_a_chinese_name_are_not_read(text):
    assert romanised.find_names(text, []) == []


def test_a_chinese_surname_alone_is_written_as_the_name_is(glossary):
    first, second = _marked(glossary, "Xi Jinping met Li Qiang.", "President Xi said Li would travel.")
    assert [(romanised.hit_written(h, "ru"), romanised.hit_written(h, "ko")) for h in second.figures] == [("Си", "시진핑"), ("Ли", "리창")]


@pytest.mark.parametrize(
    ("lang", "source", "output", "expected"),
    [
        # The animate accusative of the English object; the instrumental after «с», which the
        # translation adds for "met"; the genitive of "of" with a soft last word.
        ("ru", "The envoy met Kim Jong Un.", "Посланник встретил #1.", "Посланник встретил Ким Чен Ына."),
        ("ru", "The envoy met Kim Jong Un.", "Посланник встретился с #1.", "Посланник встретился с Ким Чен Ыном."),
        ("ru", "The letter of Yoon Suk Yeol arrived.", "Письмо #1 пришло.", "Письмо Юн Сок Ёля пришло."),
        ("ru", "The envoy met No Kwang Chol.", "Посланник встретился с #1.", "Посланник встретился с Но Гван Чхолем."),
        ("uk", "The envoy spoke with Xi Jinping.", "Посланець поговорив з #1.", "Посланець поговорив з Сі Цзіньпіном."),
        ("uk", "The envoy wrote to Jiang Zemin.", "Посланець написав #1.", "Посланець написав Цзян Цземіневі."),
        # The ending the model glued on is the rendering's.
        ("ru", "The envoy met Kim Jong Un.", "Посланник встретил #1а.", "Посланник встретил Ким Чен Ына."),
        # Not a woman's name, nor one ending in a vowel.
        ("ru", "The envoy met Kim Yo Jong.", "Посланник встретился с #1.", "Посланник встретился с Ким Ё Чжон."),
        ("ru", "The envoy met Wang Yi.", "Посланник встретился с #1.", "Посланник встретился с Ван И."),
    ],
)
def test_a_listed_man_s_name_is_declined_in_the_case_its_place_asks(glossary, lang, source, output, expected):
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    terms.mark(seg, glossary)
    [hit] = seg.figures
    engine_input = source[: hit.start] + "#1" + source[hit.end :]
    translate_segments([seg], ScriptedEngine({engine_input: [output]}), glossary, lang)
    assert seg.target(lang).text == expected


def test_a_surname_alone_is_declined_as_its_name_is(glossary):
    _, seg = _marked(glossary, "Kim Jong Un spoke.", "The envoy met Kim.")
    translate_segments([seg], ScriptedEngine({"The envoy met #1.": ["Посланник встретился с #1."]}), glossary, "ru")
    assert seg.target("ru").text == "Посланник встретился с Кимом."


def test_every_listed_chinese_person_is_read_and_has_a_gender():
    with chinese.PEOPLE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) > 40
    assert [r["english"] for r in rows if not chinese.reading(r["english"]) or r["gender"] not in ("m", "f")] == []


def test_a_surname_two_people_share_that_languages_write_apart_is_left_to_the_names_stage(glossary):
    # Korean writes a Chinese Han's name whole (한정), a Korean's surname 한.
    first, second = _marked(glossary, "Han Zheng met Han Jae-won.", "Han spoke first.")
    assert [h.text for h in first.figures] == ["Han Zheng", "Han Jae-won"]
    assert second.figures == []


def test_a_listed_japanese_person_is_written_as_the_press_writes_them(glossary):
    first, second = _marked(glossary, "Shigeru Ishiba met Kate Mara in Tokyo.", "Ishiba said Shigeru was his given name.")
    # Only the listed person: a name Hepburn could spell is not read by rule.
    [hit] = [h for h in first.figures if romanised.is_name(h)]
    assert [romanised.hit_written(hit, lang) for lang in ("ru", "uk", "ko")] == ["Сигэру Исиба", "Сігеру Ісіба", "이시바 시게루"]
    # The surname alone is the last word in English and in Russian and Ukrainian.
    assert [(h.text, romanised.hit_written(h, "ru"), romanised.hit_written(h, "ko")) for h in second.figures] == [
        ("Ishiba", "Исиба", "이시바 시게루")
    ]


def test_every_listed_japanese_person_is_read():
    with japanese.PEOPLE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert [r["english"] for r in rows if not romanised.find_names(r["english"] + " spoke.", [])] == []
    assert all(len(r["ko"].split()) == 2 and r["gender"] in ("m", "f") for r in rows)


@pytest.mark.parametrize("module", [chinese, japanese])
def test_the_run_signature_s_names_hash_covers_the_lists_of_people(module, tmp_path, monkeypatch):
    before = lexicon_version("ru")
    edited = tmp_path / module.PEOPLE.name
    edited.write_text(module.PEOPLE.read_text(encoding="utf-8").replace("\tm\n", "\tf\n", 1), encoding="utf-8")
    monkeypatch.setattr(module, "PEOPLE", edited)
    assert lexicon_version("ru") != before
