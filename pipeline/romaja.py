"""Korean people's names in Latin letters ("Kim Jong Un", "Lee Jae-myung"), written as Korean
and the Russian and Ukrainian press write them.

Read as English, such a name comes out by its English sound («킴 종 운», «Ким Джонг Ун») or
garbled by the model («김대졸» for Kim Yo Jong, «Ким Юг»). So a name that reads as romanised
Korean, a surname then a given name of two syllables ("Jong Un", "Jae-myung"), is protected
through translation as figures are and written back from its Hangul: in Korean as it is
(김정은); in Russian and Ukrainian by the Kontsevich system, a capitalised word a syllable
(«Чо Хён Ги», uk «Чо Хьон Гі»), not declined, as the glossary writes Korean names.

Romanisation is ambiguous ("Jong" is 정 or 종, "Suk" 석 or 숙): each syllable is read as names
most often are (``data/romaja.tsv``), and a name so read is flagged ``name-unverified``. The
people the press writes by convention rather than by rule (Ким Чен Ын, Цой Сон Хи) are listed
with their forms (``data/names.korean.tsv``) and not flagged.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.figures import FIGURE
from pipeline.model import Segment, TermHit
from pipeline.names import TITLES

KOREAN_NAME = FIGURE + "korean-name"
# A surname alone ("Yoon said") that stands for a name of its article: the hit's term id is this
# and the name ("…korean-name of Yoon Suk Yeol").
SURNAME = KOREAN_NAME + " of "
_DATA = Path(__file__).with_name("data")
SYLLABLES = _DATA / "romaja.tsv"
PEOPLE = _DATA / "names.korean.tsv"

_CAPITALISED = r"[A-Z][a-z]+"
# A surname, then two given syllables as two words or one hyphenated word ("Jae-myung", "Jae-Myung").
_NAME = re.compile(rf"(?<![\w-])({_CAPITALISED})\s+({_CAPITALISED})(?:\s+({_CAPITALISED})|-([A-Za-z][a-z]+))(?![\w-])")


@dataclass(frozen=True)
class Reading:
    syllables: tuple[str, ...]  # Hangul, the surname first
    forms: dict[str, str]  # language → the press's form, for a listed person
    verified: bool  # a listed person; else read syllable by syllable


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
        return Reading(tuple(person["ko"]), {lang: form for lang, form in person.items() if lang != "english"}, True)
    surnames, given = _tables()
    if key[0] not in surnames or key[1] not in given or key[2] not in given:
        return None
    return Reading((surnames[key[0]], given[key[1]], given[key[2]]), {}, False)


def verified(name: str) -> bool:
    """Whether ``name`` is a listed person's, whose forms are the press's."""
    return bool((found := reading(name)) and found.verified)


def find_korean_names(text: str, taken: list[TermHit]) -> list[TermHit]:
    """The romanised Korean names of an English sentence, none overlapping ``taken``."""
    hits: list[TermHit] = []
    # At every capitalised word, not only after the last match: "President Yoon Suk Yeol" is no
    # name read from "President", and the name begins one word on.
    for m in (_NAME.match(text, start.start()) for start in re.finditer(r"\b[A-Z]", text)):
        if m and reading(m.group()) and all(m.end() <= h.start or m.start() >= h.end for h in [*taken, *hits]):
            hits.append(TermHit(KOREAN_NAME, m.start(), m.end(), m.group()))
    return hits


def mark_surnames(segments: Iterable[Segment]) -> None:
    """Add to the figures of an article's ``segments`` each surname alone ("Yoon said", "President
    Yoon") of a Korean name the article has (``find_korean_names``), where it names one person: a
    surname the article gives two people ("Kim Jong Un", "Kim Yo Jong") is left to the names stage,
    as is one after another capitalised word ("Gorky Park") or before one ("Kim Kardashian")."""
    segments = list(segments)
    people: dict[str, dict[tuple[str, ...], str]] = {}
    for seg in segments:
        for hit in seg.figures:
            if hit.term_id == KOREAN_NAME:
                people.setdefault(hit.text.split()[0], {}).setdefault(_key(hit.text), hit.text)
    for surname, names in people.items():
        if len(names) != 1:
            continue
        [name] = names.values()
        for seg in segments:
            found = [
                TermHit(SURNAME + name, m.start(), m.end(), surname)
                for m in re.finditer(rf"(?<![\w-]){surname}(?![\w-]|\s+[A-Z])", seg.source)
                if all(m.end() <= h.start or m.start() >= h.end for h in seg.protected) and not _after_a_name(seg.source[: m.start()])
            ]
            seg.figures = sorted(seg.figures + found, key=lambda hit: hit.start)


def _after_a_name(before: str) -> bool:
    """Whether the text before a word ends with a capitalised word that is not a title."""
    words = before.split()
    return bool(words) and before[-1:].isspace() and words[-1][:1].isupper() and words[-1].strip(".").lower() not in TITLES


def is_korean_name(hit: TermHit) -> bool:
    return hit.term_id == KOREAN_NAME or hit.term_id.startswith(SURNAME)


def hit_written(hit: TermHit, lang: str) -> str:
    """A Korean name's hit as ``lang`` writes it: a surname alone as Russian and Ukrainian write the
    name's first word (Юн, Цой), and in Korean as the whole name, as the press repeats it (윤석열)."""
    if not hit.term_id.startswith(SURNAME):
        return written(hit.text, lang)
    name = hit.term_id[len(SURNAME) :]
    form = written(name, lang)
    return form if lang == "ko" or form == name else form.split()[0]


def written(name: str, lang: str) -> str:
    """``name`` (one ``reading`` reads) as ``lang`` writes it; as it is where the language has no
    way to write it."""
    found = reading(name)
    if found is None:
        return name
    if lang in found.forms:
        return found.forms[lang]
    if lang == "ko":
        return "".join(found.syllables)
    if lang in _VOWELS:
        return cyrillic(found.syllables, lang)
    return name


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
