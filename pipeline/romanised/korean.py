"""Korean names in Latin letters: a surname then a given name of two syllables ("Kim Jong Un",
"Lee Jae-myung", "Son Heung-min"), read into Hangul and written as Korean (김정은) and, by the
Kontsevich system, as Russian and Ukrainian write them, a capitalised word a syllable, a plosive
voiced after a vowel or a sonorant («Чо Хён Ги», uk «Чо Хьон Гі»); a listed man's name is
declined («Ким Чен Ына»), a name read by rule is not (whose it is, the English does not say).

Romanisation is ambiguous ("Jong" is 정 or 종, "Un" 은 or 운): each syllable is read as names
most often spell it (``data/romaja.tsv``), and such a reading is not ``verified``. The people
the press writes by convention rather than by rule (Ким Чен Ын, Цой Сон Хи) are listed with
their forms and gender (``data/names.korean.tsv``).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from pipeline.romanised.base import Reading

_DATA = Path(__file__).parents[1] / "data"
SYLLABLES = _DATA / "romaja.tsv"
PEOPLE = _DATA / "names.korean.tsv"

_CAPITALISED = r"[A-Z][a-z]+"
# A surname, then two given syllables as two words or one hyphenated word ("Jae-myung", "Jae-Myung").
CANDIDATE = re.compile(rf"(?<![\w-])({_CAPITALISED})\s+({_CAPITALISED})(?:\s+({_CAPITALISED})|-([A-Za-z][a-z]+))(?![\w-])")


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """Romanised surname → Hangul, romanised given-name syllable → Hangul."""
    surnames: dict[str, str] = {}
    given: dict[str, str] = {}
    with SYLLABLES.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            table = surnames if row["role"] == "surname" else given
            table.update(dict.fromkeys(row["spellings"].split(), row["hangul"]))
    return surnames, given


@cache
def _people() -> dict[tuple[str, ...], dict[str, str]]:
    with PEOPLE.open(encoding="utf-8", newline="") as fh:
        return {_key(row["english"]): row for row in csv.DictReader(fh, delimiter="\t")}


def _key(name: str) -> tuple[str, ...]:
    return tuple(part.lower() for part in re.split(r"[\s-]+", name.strip()))


def reading(name: str) -> Reading | None:
    """The Hangul of a romanised Korean name (a surname and two given syllables), or None where
    ``name`` does not read as one."""
    key = _key(name)
    if len(key) != 3:
        return None
    if person := _people().get(key):
        forms = {lang: form for lang, form in person.items() if lang not in ("english", "gender")}
        return Reading(tuple(person["ko"]), forms, True, gender=person["gender"])
    surnames, given = _tables()
    if key[0] not in surnames or key[1] not in given or key[2] not in given:
        return None
    syllables = (surnames[key[0]], given[key[1]], given[key[2]])
    return Reading(syllables, {"ko": "".join(syllables), **{lang: cyrillic(syllables, lang) for lang in _VOWELS}}, False)


# Kontsevich: the initial consonant (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ) at the start of the name
# or after a voiceless final, and after a vowel or a sonorant (voiced: «Пан Ги Мун», «Мун Чжэ Ин»).
_INITIAL = "к кк н т тт р м п пп с сс - ч чч чх кх тх пх х".replace("-", "").split(" ")
_VOICED = "г кк н д тт р м б пп с сс - чж чч чх кх тх пх х".replace("-", "").split(" ")
# The vowels (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ), alone and after a consonant.
_VOWELS = {
    "ru": (
        "а э я йя о е ё йе о ва вэ ве ё у во ве ви ю ы ый и".split(),
        "а э я я о е ё е о ва вэ ве ё у во ве ви ю ы и и".split(),
    ),
    "uk": (
        "а е я йє о е йо є о ва ве ве йо у во ве ві ю и ий і".split(),
        "а е я я о е ьо є о ва ве ве ьо у во ве ві ю и і і".split(),
    ),
}
# The final consonant (none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ).
_FINAL = ["", *"к к к н н н т ль к м ль ль ль п ль м п п т т н т т к т п т".split()]
_VOICING = {0, 4, 8, 16, 21}  # no final, ㄴ ㄹ ㅁ ㅇ: the next initial is voiced
_AFFRICATES = {12, 13, 14}  # ㅈ ㅉ ㅊ: ㅕ ㅛ after them are «о», ㅑ «а», ㅠ «у»
_SURNAME_LEE = {"ru": "Ли", "uk": "Лі"}  # 이 and 리 as the press writes them, not «И», «Ри» (Ли Ён Хо for Ri Yong Ho)


def cyrillic(syllables: tuple[str, ...], lang: str) -> str:
    """Hangul ``syllables`` of a name (the surname first) in ``lang``'s Cyrillic, a word each."""
    alone, after_consonant = _VOWELS[lang]
    words, final = [], None
    for n, syllable in enumerate(syllables):
        index = ord(syllable) - 0xAC00
        initial, vowel, coda = index // 588, index // 28 % 21, index % 28
        onset = (_VOICED if final is not None and final in _VOICING else _INITIAL)[initial]
        if onset and initial in _AFFRICATES and vowel in (2, 6, 12, 17):
            vowel = {2: 0, 6: 4, 12: 8, 17: 13}[vowel]
        word = onset + (after_consonant if onset else alone)[vowel] + _FINAL[coda]
        words.append(_SURNAME_LEE[lang] if n == 0 and syllable in "이리" else word[:1].upper() + word[1:])
        final = coda
    return " ".join(words)
