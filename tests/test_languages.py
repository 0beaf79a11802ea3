"""The contract every language profile keeps, and a new language working on day one."""

import pytest

from pipeline import inflect, terms
from pipeline.checks import check_segment
from pipeline.glossary import Term
from pipeline.languages import LANGUAGES, Language
from pipeline.model import Segment, TermHit, Translation
from pipeline.names import can_transliterate, transliterate

SAMPLE_LETTER = {"Hangul": "한", "Cyrillic": "ж"}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_profile_keeps_the_contract(lang):
    profile = LANGUAGES[lang]
    assert profile.code == lang and profile.name and profile.plural_forms.startswith("nplurals=")
    assert profile.is_native(SAMPLE_LETTER[profile.script]) and not profile.never_writes(SAMPLE_LETTER[profile.script])
    assert not any(profile.never_writes(ch) for ch in profile.own_letters)
    low, high = profile.length_ratio
    assert 0 < low < 1 < high
    assert profile.year_after_date.match(" and then", 0) is None
    if profile.money is not None:
        assert profile.money.search("$5") and not profile.money.search("ordinary words")
    if can_transliterate(lang):
        spelt = transliterate("Zelenskyy Washington", lang)
        assert all(profile.is_native(ch) for ch in spelt if ch.isalpha())
    assert not (profile.cases and profile.particles), "a term takes case endings or particles, not both"


def test_a_new_language_works_without_inflection_particles_or_transliteration(monkeypatch):
    """An invariant profile (a made-up German one, defaults only): terms go in as the glossary
    writes them, and the checks run without knowing anything more of it."""
    monkeypatch.setitem(LANGUAGES, "de", Language("de", "German", "Latin"))
    term = Term(id="kursk", type="place", pos="noun", variants=("Kursk",), targets={"de": "Kursk"})
    hit = TermHit("kursk", 10, 15, "Kursk")
    assert inflect.fit(term, "de", source="Troops in Kursk.", hit=hit, before="Truppen in ", after=".") == "Kursk"
    restored = terms.restore("Truppen in #1.", "Troops in Kursk.", [hit], _glossary(term), "de")
    assert restored.complete and restored.text == "Truppen in Kursk."
    seg = Segment(id="x:p1:s1", source="Troops in Kursk.", paragraph=1, index=1, terms=[hit])
    assert not can_transliterate("de")
    assert [f.code for f in check_segment(seg, Translation(text="Truppen in Kursk."), "de")] == []


def _glossary(term):
    from pipeline.glossary import Glossary

    return Glossary(terms=(term,), version="test", langs=("de",))
