"""The lists of names: those mined from each language's corpora (``data/names.<lang>.tsv``, by
``tools.lexicon``), and the names the news of the war writes every day, as each language writes
them today (``data/names.curated.tsv``): its places (Kyiv: «Киев», «Київ», 키이우) and people
(Oleksandr Syrskyi: «Александр Сырский», «Олександр Сирський», 올렉산드르 시르스키), a word a row.

The corpora know "Kiev" only, and the stand-ins garble the war's people («Сергей Сигур» for
Sergei Shoigu, «Эндию Ермака» for Andriy Yermak), so a name whose every word is listed is
protected through translation as a glossary term is and written back from the list, inflected
for its place («по Харькову», «встретил Андрея Ермака»), in each language whose corpora do not
already write it so. The list is the project's built-in glossary of the war: a newsroom's own glossary
comes first, and any other name is the names stage's (``lexicon``), which takes both lists' words.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from pipeline import figures, inflect
from pipeline.figures import FIGURE
from pipeline.glossary import CASES, parse_forms
from pipeline.languages import TARGETS, profile
from pipeline.model import Segment, TermHit
from pipeline.names import find_names

DATA = Path(__file__).with_name("data")
CURATED = DATA / "names.curated.tsv"
NAME = FIGURE + "curated-name"
DATELINE = FIGURE + "dateline"
_WORD = re.compile(r"[^\W\d_]+")
# A wire story's dateline: its city in capitals at the start, then a comma, the agency or a dash
# ("KYIV, March 14 (Reuters) -", "SEOUL (Yonhap) --", "LONDON — "). Two cities a story was filed
# from are joined by a slash ("KYIV/MOSCOW").
_DATELINE = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*(?:/[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*)*(?=,| \(| (?:—|–|--?) )")


def path_for(lang: str) -> Path:
    """The names lexicon mined from ``lang``'s corpora (``tools.lexicon``)."""
    return DATA / f"names.{lang}.tsv"


@cache
def mined(lang: str) -> dict[str, str]:
    """English name word (or name of several words: its acronym) → the form ``lang``'s corpora
    write (empty where there is no lexicon)."""
    if not path_for(lang).is_file():
        return {}
    with path_for(lang).open(encoding="utf-8", newline="") as fh:
        return {row["english"]: row["form"] for row in csv.DictReader(fh, delimiter="\t")}


@cache
def _rows() -> list[dict[str, str]]:
    with CURATED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _type(name: str) -> str:
    """The type of the list's row for the name (a row of several words), else for its last word:
    "place", "person" or "organisation" (an acronym: «МВФ», written as the language abbreviates it
    and not declined); "name" for a word the list lacks (a name of the names stage: either)."""
    last = "".join(_WORD.findall(name)[-1:])
    return _types().get(name) or _types().get(last) or "name"


@cache
def _types() -> dict[str, str]:
    # The first row of an English name decides, as the list is read top down.
    types: dict[str, str] = {}
    for row in _rows():
        types.setdefault(row["english"], row["type"])
    return types


def gender(name: str) -> str:
    """A listed person's gender, "m" or "f", where the list gives it: the whole name's row, else
    their first name's (Kamala Harris is a woman, whatever Harris alone is), else their surname's;
    an organisation's, "n" too, as its acronym is agreed with; else ""."""
    words = _WORD.findall(name)
    return next((_genders()[w] for w in ([name] + words[:1] + words[-1:]) if _genders().get(w)), "")


@cache
def _genders() -> dict[str, str]:
    return {row["english"]: row["gender"] for row in _rows() if row.get("gender")}


def is_organisation(name: str) -> bool:
    return _type(name) == "organisation"


def is_person(name: str) -> bool:
    """Whether the list's row for the name's last word is a person's."""
    return _type(name) == "person"


@cache
def forms(lang: str) -> dict[str, str]:
    """English name word → its form in ``lang``."""
    return {row["english"]: row[lang] for row in _rows() if row.get(lang)}


@cache
def _cases() -> dict[str, dict[tuple[str, str], str]]:
    """English name word → its forms in the cases the dictionary gets wrong, as a glossary row
    gives them ("uk.gent=Єрмака": the Ukrainian dictionary takes «Єрмак» for a woman's, undeclined)."""
    return {row["english"]: parse_forms(row["forms"], str(CURATED), n) for n, row in enumerate(_rows(), 2) if row["forms"]}


def find_curated(text: str, taken: list[TermHit]) -> list[TermHit]:
    """The names of an English sentence that the list has as a person's row of several words
    (whose first name depends on the person: "Mark Rutte", 마르크 뤼터, not 마크) or whose every
    word it has, in every language; none overlapping ``taken``."""
    found = [
        TermHit(NAME, m.start(), m.end(), m.group())
        for m in _whole_people().finditer(text)
        if all(m.end() <= h.start or m.start() >= h.end for h in taken)
    ]
    return sorted(
        found
        + [
            TermHit(NAME, name.start, name.end, name.text)
            for name in find_names(text)
            if (words := _WORD.findall(name.text))
            and all(word in forms(lang) for word in words for lang in TARGETS)
            and all(name.end <= h.start or name.start >= h.end for h in taken + found)
        ],
        key=lambda h: h.start,
    )


@cache
def _whole_people() -> re.Pattern[str]:
    people = sorted((row["english"] for row in _rows() if row["type"] == "person" and " " in row["english"]), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, people))})(?![\w-])" if people else r"(?!)")


def find_dateline(text: str, taken: list[TermHit]) -> list[TermHit]:
    """A dateline's city (``_DATELINE``) that the list or every language's corpora know, none
    overlapping ``taken``: the models leave it in Latin capitals («KYIV, 14 марта») or drop it."""
    m = _DATELINE.match(text)
    if not m or any(h.start < m.end() for h in taken) or not all(_city(m.group(), lang) for lang in TARGETS):
        return []
    return [TermHit(DATELINE, m.start(), m.end(), m.group())]


def is_dateline(text: str, hit: TermHit) -> bool:
    """Whether ``hit`` (a glossary term's: "KURSK, Russia —") is the dateline of ``text``."""
    return bool((m := _DATELINE.match(text)) and m.end() == hit.end and hit.start == 0)


def _city(capitals: str, lang: str) -> str:
    """The dateline's city (or cities, "KYIV/MOSCOW") in ``lang``; "" where any is unknown."""
    cities = [_one_city(city, lang) for city in capitals.split("/")]
    return "/".join(cities) if all(cities) else ""


def _one_city(capitals: str, lang: str) -> str:
    name = capitals.title()
    if whole := _whole_names(lang).get(name.lower()):
        return whole  # a city of several words the list has as one («Нью-Йорк»)
    if all(word in forms(lang) and _type(word) == "place" for word in _WORD.findall(name)):
        return base(name, lang)
    return mined(lang).get(name, "")


@cache
def _whole_names(lang: str) -> dict[str, str]:
    return {english.lower(): form for english, form in forms(lang).items() if " " in english}


def _written_as_listed(name: str, lang: str) -> bool:
    """Whether ``lang``'s corpora write every word of a name as the list does (a row of several
    words: never, the list has it for the words the corpora write otherwise)."""
    if " " in name and name in forms(lang):
        return False
    return all(mined(lang).get(w) == forms(lang)[w] for w in _WORD.findall(name))


def dateline(capitals: str, lang: str) -> str:
    """A dateline's city as ``lang`` writes one: in capitals where its script has them («КИЕВ»,
    «КИЇВ», 키이우, «НЬЮ-ЙОРК», «КИЕВ/МОСКВА»), as the press does."""
    return _city(capitals, lang).upper()


def protected(seg: Segment, lang: str) -> list[TermHit]:
    """What of ``seg`` becomes a placeholder into ``lang``: its terms and figures (a number spelt out
    only where the language writes digits, ``figures.for_language``), but not a listed name
    ``lang``'s corpora write as the list does, word for word (Poroshenko, Путин: the model knows
    it, and writes a better sentence around the name than around a placeholder: «предупредил
    Порошенко», not «Порошенко войны»); that one is the names stage's in ``lang``."""
    return [
        h
        for h in figures.for_language(seg.protected, lang, seg.source)
        if h.term_id != NAME or not (_written_as_listed(h.text, lang) or _attributive(seg.source, h, lang))
    ]


# The words a place may stand before in a sentence as itself, not as a modifier of the next word.
_NOT_MODIFIED = frozenset("and or but to in on at of for from with by as than near into onto is was has had".split())


def _attributive(source: str, hit: TermHit, lang: str) -> bool:
    """Whether a listed place stands before another word in ``source`` in a language with cases
    (or an organisation before a noun): "the Kharkiv region", "Zaporizhzhia nuclear plant", "Kyiv said". Russian and Ukrainian write
    the first two with an adjective («Харьковская область», «Запорожская АЭС»), which a
    placeholder cannot become («Харьков регион»): the model writes it, and the names stage mends it."""
    following = re.match(r"\s+([a-z]+)", source[hit.end :])
    if not profile(lang).cases or not following:
        return False
    kind = _type(hit.text)
    # An organisation before a noun of its people or doings ("NATO leaders", "OSCE mission"): the
    # genitive after it («лидеры НАТО»), where a placeholder reads as a number («#1 лидеров»).
    return (kind == "place" and following.group(1) not in _NOT_MODIFIED) or (
        kind == "organisation" and following.group(1) in _OF_ORGANISATIONS
    )


_OF_ORGANISATIONS = frozenset(
    "leader leaders chief chiefs head member members mission missions summit meeting meetings official officials "
    "spokesman spokeswoman spokesperson envoy envoys inspector inspectors monitor monitors observer observers forces "
    "troops staff experts report data countries states allies ally secretary director headquarters charter resolution "
    "council programme program loan loans ambassador ambassadors delegation delegates team agents agent investigators "
    "peacekeepers sanctions membership accession territory airspace".split()
)


def base(name: str, lang: str) -> str:
    """``name`` in ``lang``'s dictionary form: its row, else word by word from the list."""
    return forms(lang).get(name) or _WORD.sub(lambda m: forms(lang)[m.group()], name)


def fitted(base: str, english: str, lang: str, source: str, hit: TermHit, before: str, after: str) -> str:
    """A name's form ``base`` in the case its place in the translation asks (``inflect.fit_name``);
    a listed word in the forms the list gives it, the others in the same case."""
    words, bases = english.split(), base.split()
    given = [_cases().get(word, {}) for word in words]
    kind = _type(english)
    if gender(english) == "f":
        # A woman's word that ends in a consonant is not declined («с Каей Каллас», «Камалы Харрис»).
        given = [
            forms if forms or b[-1:].lower() in inflect.VOWEL_LETTERS else {(lang, case): b for case in CASES - {"nomn"}}
            for forms, b in zip(given, bases)
        ]
    # A row of several words may give the whole name's forms («Урсулы фон дер Ляйен»).
    cases = {key: form for key, form in _cases().get(english, {}).items() if key[0] == lang}
    if not cases and len(words) == len(bases) and any(key[0] == lang for forms in given for key in forms):
        for case in CASES - {"nomn"}:
            cases[(lang, case)] = " ".join(
                forms.get((lang, case)) or inflect.inflect_noun(b, lang, case, person=kind == "person") for forms, b in zip(given, bases)
            )
    return inflect.fit_name(english, kind, base, cases, lang, source=source, hit=hit, before=before, after=after)
