"""English names in Hangul (``pipeline.hangul``) and Korean translations that left a name in Latin letters."""

from __future__ import annotations

import re

import pytest

from pipeline.checks import verify_and_check
from pipeline.hangul import transcribe_name
from pipeline.lexicon import approved_names, corpus_names
from pipeline.memory import Memory
from pipeline.merge import HumanWork
from pipeline.model import Document, Segment
from pipeline.translate import translate_language, translate_segments
from tests.scripted_engine import ScriptedEngine, word_alignment
from tests.test_lexicon import _translated


# As the Korean press writes them (외래어 표기법); each row exercises one of the module's rules.
@pytest.mark.parametrize(
    ("name", "hangul"),
    [
        ("Obama", "오바마"),  # open syllables
        ("Smith", "스미스"),  # a consonant cluster and a final fricative take ㅡ
        ("Elena", "엘레나"),  # l between vowels written twice
        ("Clinton", "클린턴"),  # l after a consonant closes the syllable before it; unstressed -ton
        ("Springfield", "스프링필드"),  # ng closes a syllable; final d takes ㅡ
        ("Philip", "필립"),  # ph; a final stop after a short vowel closes its syllable
        ("Texas", "텍사스"),  # x; a stop before s closes too
        ("Robert", "로버트"),  # er before a consonant is ㅓ, and the t after it takes ㅡ
        ("Taylor", "테일러"),  # ay; a final unstressed -or
        ("Blake", "블레이크"),  # a silent final e lengthens the vowel before it
        ("Mike", "마이크"),
        ("Steve", "스티브"),
        ("Duke", "듀크"),  # y glides into the vowel
        ("Luke", "루크"),  # but not after l
        ("Walter", "월터"),  # wa before l, sh, t reads wo
        ("Washington", "워싱턴"),
        ("Queen", "퀸"),  # qu glides after k
        ("Sweden", "스웨덴"),  # w does not after s
        ("Johnson", "존슨"),  # silent h; -son
        ("Bailey", "베일리"),  # final -ey
        ("Dubai", "두바이"),  # final -ai
        ("Lawrence", "로렌스"),  # soft c
        ("Pelosi", "펠로시"),
        ("Netanyahu", "네타냐후"),
        ("Damascus", "다마스쿠스"),
        ("Jennifer", "제니퍼"),
        ("Morgan", "모간"),  # r after a vowel unspoken
        # Spanish letters: read as Spanish.
        ("José", "호세"),  # j as h; every vowel spoken
        ("García", "가르시아"),  # r before a consonant spoken; soft c
        ("Muñoz", "무뇨스"),  # ñ glides; z as s
        ("Jiménez", "히메네스"),
        ("Rodríguez", "로드리게스"),  # gu before e is g
        ("Guillén", "기옌"),  # ll glides
        ("Sánchez", "산체스"),
        ("Iñárritu", "이냐리투"),  # rr as r
    ],
)
def test_a_name_is_written_by_its_sounds(name, hangul):
    assert transcribe_name(name) == hangul


def test_a_name_left_in_latin_letters_is_written_in_hangul_with_the_english_after_it_and_flagged(glossary):
    assert "Ahmedabad" not in corpus_names("ko")
    seg = _translated("Streets in Ahmedabad were closed.", "Ahmedabad의 거리는 폐쇄되었다.", glossary, "ko")
    assert seg.target("ko").text == "아메다바드(Ahmedabad)의 거리는 폐쇄되었다."
    findings = verify_and_check(seg, "ko", glossary)
    assert any(f.code == "name-unverified" and "Ahmedabad → 아메다바드" in f.message for f in findings)


def test_a_transcribed_names_english_is_in_brackets_at_its_first_mention_in_the_article_only(glossary, tmp_path):
    sources = ["Ahmedabad was quiet.", "Ahmedabad and Ahmedabad again.", "They left Ahmedabad."]
    outputs = ["Ahmedabad는 조용했다.", "Ahmedabad와 Ahmedabad가 다시.", "그들은 Ahmedabad를 떠났다."]
    doc = Document("a", [Segment(id=f"a:p{n}:s1", source=text, paragraph=n, index=1) for n, text in enumerate(sources, 1)])
    other = Document("b", [Segment(id="b:p1:s1", source=sources[2], paragraph=1, index=1)])
    with Memory(tmp_path / "memory.sqlite") as memory:
        translate_language([doc, other], "ko", ScriptedEngine({s: [o] for s, o in zip(sources, outputs)}), memory, glossary, HumanWork())
    assert [seg.target("ko").text for seg in doc.segments] == [
        "아메다바드(Ahmedabad)는 조용했다.",
        "아메다바드와 아메다바드가 다시.",  # particles fitted to the form, as at the first mention
        "그들은 아메다바드를 떠났다.",
    ]
    # Another article names it anew; every mention is still a transcription to verify.
    assert other.segments[0].target("ko").text == "그들은 아메다바드(Ahmedabad)를 떠났다."
    assert all(seg.target("ko").transliterated == ["Ahmedabad → 아메다바드"] for seg in doc.segments + other.segments)


def test_a_name_the_corpora_know_is_written_their_way_its_particle_fitted_and_not_flagged(glossary):
    seg = _translated(
        "Walker met Smith in Boston and NATO in Kursk.",
        "Walker은 Boston에서 Smith을 만났고 NATO는 #1에서.",
        glossary,
        "ko",
        engine_input="Walker met Smith in Boston and NATO in #1.",
    )
    # 워커, not the transcription's 월커; 은 → 는 after a vowel, 을 → 를; an acronym and a glossary
    # term (Kursk, restored from its placeholder) are left as they are.
    assert seg.target("ko").text == "워커는 보스턴에서 스미스를 만났고 NATO는 쿠르스크에서."
    assert seg.target("ko").transliterated == []


def test_each_word_of_a_name_is_written_and_a_brand_kept_as_written(glossary):
    seg = _translated("Garry Kasparov joined BSkyB.", "Garry 카스파로프는 BSkyB에 합류했다.", glossary, "ko")
    # The word the model kept in Latin letters, by its sounds; the one it wrote in Hangul left alone.
    assert re.fullmatch(r"[가-힣]+\(Garry\) 카스파로프는 BSkyB에 합류했다\.", seg.target("ko").text)


def test_a_name_the_model_wrote_in_hangul_is_left_alone(glossary):
    seg = _translated("He met Stephen Walker.", "그는 스티븐 워커를 만났다.", glossary, "ko")
    assert seg.target("ko").text == "그는 스티븐 워커를 만났다."
    assert seg.target("ko").transliterated == []


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # The model's attempt at a name the corpora know, its particle re-fitted (의 stays, 을 → 를).
        ("Rodriguez's decision cost him.", "로드리그의 결정은 그를 비용했다.", "로드리게스의 결정은 그를 비용했다."),
        ("They visited Pennsylvania.", "그들은 페니스베니아을 방문했다.", "그들은 펜실베니아를 방문했다."),
        # A variant spelling as long as the corpora's form is left alone (매케인 in the lexicon).
        ("Senator McCain spoke.", "맥케인 상원의원이 말했다.", "맥케인 상원의원이 말했다."),
        # Another name's form is no attempt at this one (오바마 is Obama's, not a garbled 오사마).
        ("Obama spoke about Osama.", "오바마는 오바마에 대해 말했다.", "오바마는 오바마에 대해 말했다."),
    ],
)
def test_a_garbled_rendering_of_a_name_the_corpora_know_takes_their_form(glossary, source, output, expected):
    seg = _translated(source, output, glossary, "ko")
    assert seg.target("ko").text == expected
    assert seg.target("ko").transliterated == []


def test_a_name_as_a_reviewer_wrote_it_comes_before_the_lexicon_and_a_transcription(glossary, tmp_path):
    source, output = "Ahmedabad and Rodriguez met.", "Ahmedabad와 Rodriguez가 만났다."
    with Memory(tmp_path / "memory.sqlite") as memory:
        # A reviewer's approved translations: the form without brackets, a particle after it.
        memory.store(
            [
                ("a:p1:s1", "ko", "Police in Ahmedabad said so.", "아마다바드 경찰이 그렇게 말했다.", "", "a"),
                ("a:p2:s1", "ko", "Alex Rodriguez signed.", "알렉스 로드리게즈가 서명했다.", "", "a"),
            ],
            "g1",
        )
        fresh = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
        approved = approved_names(memory, [fresh], "ko")
    assert approved == {"Ahmedabad": "아마다바드", "Rodriguez": "로드리게즈"}
    translate_segments([fresh], ScriptedEngine({source: [output]}), glossary, "ko", names=approved)
    assert fresh.target("ko").text == "아마다바드와 로드리게즈가 만났다." and not fresh.target("ko").transliterated


def test_a_lost_name_the_corpora_know_is_missed_and_put_where_the_model_attended_to_it(glossary):
    source, output = "Officials from Georgia arrived on Monday.", "관리들이 월요일에 도착했다."
    # The check reports the name lost from a translation that never had it.
    lost = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    lost.target("ko").text = output
    assert "name-lost" in {f.code for f in verify_and_check(lost, "ko", glossary)}
    # "도착했다" attended to "Georgia" (source word 2): the name goes before it, flagged.
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    engine = ScriptedEngine({source: [output]}, {source: word_alignment(source, output, {2: 2})})
    translate_segments([seg], engine, glossary, "ko")
    assert seg.target("ko").text == "관리들이 월요일에 조지아에서 도착했다."
    findings = {f.code: f.message for f in verify_and_check(seg, "ko", glossary)}
    assert "name-lost" not in findings and "Georgia → 조지아 (placed" in findings["name-unverified"]
    # The attended word, beginning as the name does and somewhat like it, is the model's attempt
    # at it: replaced, its particle re-fitted.
    source, output = "Berlusconi won the vote.", "브리랉스콘이 투표에서 이겼다."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    translate_segments([seg], ScriptedEngine({source: [output]}, {source: word_alignment(source, output, {0: 0})}), glossary, "ko")
    assert seg.target("ko").text == "베를루스코니가 투표에서 이겼다."


@pytest.mark.parametrize(
    ("source", "output", "links", "expected"),
    [
        # Where something happens (에서), where it arrives (에), a verb's object (를), "with"
        # after a consonant (과), and a subject, whose place in the sentence says what it is.
        ("They met in Georgia on Monday.", "그들은 월요일에 만났다.", {2: 3}, "그들은 월요일에 조지아에서 만났다."),
        ("Officials arrived in Georgia on Monday.", "관리들이 월요일에 도착했다.", {2: 3}, "관리들이 월요일에 조지아에 도착했다."),
        ("The troops met Walker on Monday.", "군대는 월요일에 만났다.", {2: 3}, "군대는 월요일에 워커를 만났다."),
        ("Talks with Clinton ended.", "회담이 끝났다.", {1: 2}, "회담이 클린턴과 끝났다."),
        ("Walker said no.", "아니라고 말했다.", {0: 0}, "워커 아니라고 말했다."),
    ],
)
def test_a_placed_name_takes_the_particle_the_english_asks_for(glossary, source, output, links, expected):
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    translate_segments([seg], ScriptedEngine({source: [output]}, {source: word_alignment(source, output, links)}), glossary, "ko")
    assert seg.target("ko").text == expected


def test_a_name_the_corpora_do_not_know_word_by_word_is_never_reported_lost_in_korean(glossary):
    seg = _translated("Officials from Dundastar arrived.", "관리들이 도착했다.", glossary, "ko")
    assert "name-lost" not in {f.code for f in verify_and_check(seg, "ko", glossary)}
