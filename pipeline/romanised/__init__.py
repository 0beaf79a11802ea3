"""People's names romanised from a language the models cannot read back: Korean ("Kim Jong Un",
"Son Heung-min"), Chinese ("Xi Jinping", "Li Qiang") and the Japanese people listed ("Shigeru
Ishiba").

Read as English, such a name comes out by its English sound or garbled by the model (ru «Ким Юг»
for Kim Yo Jong, «Кси Цзиньпина» for Xi Jinping, «Лийанг» for Li Qiang; ko «김대졸», «크시 진핑»).
So a name one of the readers reads (``korean``, ``chinese``: a surname of its list, then a given
name of the language's syllables) is protected through translation as figures are and written
back in each target's convention for that language (Korean 김정은, 시진핑; the Russian and
Ukrainian press's systems, Kontsevich «Сон Хын Мин» and Palladius «Си Цзиньпин»). A reading that
is a guess (Korean romanisation is ambiguous) is flagged ``name-unverified``.

A surname alone ("Yoon said", "President Xi") stands for the one person of its article with that
surname (``mark_surnames``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline import inflect
from pipeline.figures import FIGURE, MONTHS
from pipeline.model import Segment, TermHit
from pipeline.names import TITLES, WEEKDAYS
from pipeline.romanised import chinese, japanese, korean
from pipeline.romanised.base import Reading

NAME = FIGURE + "romanised-name"
# A surname alone that stands for a name of its article: the hit's term id is this and the name
# ("…romanised-name of Yoon Suk Yeol").
SURNAME = NAME + " of "
_PEOPLE = " or "  # between the names of the people a surname alone may stand for
_HANGUL = re.compile(r"[가-힣]")
# A month's or a weekday's abbreviation is no given name ("Sun Jun 20 1993").
_CALENDAR = {m.rstrip(".") for m in MONTHS} | {day[:3] for day in WEEKDAYS}
# The readers, in the order they are tried: a Korean name is read before a Chinese one ("Han").
_READERS = (korean, chinese, japanese)


def reading(name: str) -> Reading | None:
    """How a reader reads ``name``, or None where none does."""
    return next((found for reader in _READERS if (found := reader.reading(name))), None)


def verified(name: str) -> bool:
    """Whether the forms of ``name`` are certain: a listed person's, or a reading romanisation does
    not leave ambiguous."""
    return bool((found := reading(name)) and found.verified)


def written(name: str, lang: str) -> str:
    """``name`` as ``lang`` writes it; as it is where no reader reads it or the language has no form."""
    found = reading(name)
    return found.forms.get(lang, name) if found else name


def find_names(text: str, taken: list[TermHit]) -> list[TermHit]:
    """The romanised names of an English sentence, none overlapping ``taken``."""
    hits: list[TermHit] = []
    # At every capitalised word, not only after the last match: "President Yoon Suk Yeol" is no
    # name read from "President", and the name begins one word on.
    for start in re.finditer(r"\b[A-Z]", text):
        for m in (reader.CANDIDATE.match(text, start.start()) for reader in _READERS):
            if (
                m
                and reading(m.group())
                and not _CALENDAR & set(m.group().lower().split()[1:])
                and all(m.end() <= h.start or m.start() >= h.end for h in [*taken, *hits])
            ):
                hits.append(TermHit(NAME, m.start(), m.end(), m.group()))
    return hits


def mark_surnames(segments: Iterable[Segment]) -> None:
    """Add to the figures of an article's ``segments`` each surname alone ("Yoon said", "President
    Yoon") of a romanised name the article has (``find_names``). A surname the article gives two
    people ("Kim Jong Un", "Kim Yo Jong") is marked where every language writes it alike for both
    (Korean names: «Ким», 김), else left to the names stage, as is one after another capitalised
    word ("Gorky Park") or before one ("Kim Kardashian")."""
    segments = list(segments)
    people: dict[str, dict[str, str]] = {}
    for seg in segments:
        for hit in seg.figures:
            if hit.term_id == NAME and (person := reading(hit.text)):
                people.setdefault(person.surname(hit.text), {}).setdefault(written(hit.text, "ko"), hit.text)
    for surname, names in people.items():
        if len(names) > 1 and len({_surname_forms(name) for name in names.values()}) != 1:
            continue
        term_id = SURNAME + _PEOPLE.join(names.values())
        for seg in segments:
            found = [
                TermHit(term_id, m.start(), m.end(), surname)
                for m in re.finditer(rf"(?<![\w-]){surname}(?![\w-]|\s+[A-Z])", seg.source)
                if all(m.end() <= h.start or m.start() >= h.end for h in seg.protected) and not _after_a_name(seg.source[: m.start()])
            ]
            seg.figures = sorted(seg.figures + found, key=lambda hit: hit.start)


def _surname_forms(name: str) -> tuple[str, ...] | None:
    """How each language writes the surname of a Korean ``name`` alone (ru, uk: the name's first
    word; Korean its first syllable); None for another reader's (Korean writes a Chinese name whole)."""
    found = reading(name)
    if not found or not _HANGUL.fullmatch(found.syllables[0]):
        return None
    return (found.syllables[0], *(found.forms[lang].split()[0] for lang in sorted(found.forms) if lang != "ko"))


def _people(hit: TermHit) -> list[str]:
    """The names a surname alone may stand for."""
    return hit.term_id[len(SURNAME) :].split(_PEOPLE)


def _after_a_name(before: str) -> bool:
    """Whether the text before a word ends with a capitalised word that is not a title."""
    words = before.split()
    return bool(words) and before[-1:].isspace() and words[-1][:1].isupper() and words[-1].strip(".").lower() not in TITLES


def cases(hit: TermHit, lang: str) -> dict[tuple[str, str], str]:
    """The forms by case of a name's ``hit`` in ``lang``, a listed man's (``inflect.man_name_forms``:
    «Ким Чен Ына», «Си Цзиньпином», a surname alone «Кима»); none for a woman's, or one whose
    person is not listed: left as written, where the model may have glued an ending on."""
    return inflect.man_name_forms(hit_written(hit, lang), lang) if gender(hit) == "m" else {}


def gender(hit: TermHit) -> str:
    """The gender of the person a name's ``hit`` names, "m" or "f", where a list gives it (a
    surname alone: that of every person it may stand for); else ""."""
    names = _people(hit) if hit.term_id.startswith(SURNAME) else [hit.text]
    genders = {found.gender if (found := reading(name)) else "" for name in names}
    return genders.pop() if len(genders) == 1 else ""


def is_name(hit: TermHit) -> bool:
    return hit.term_id == NAME or hit.term_id.startswith(SURNAME)


def hit_written(hit: TermHit, lang: str) -> str:
    """A name's hit as ``lang`` writes it: a surname alone as Russian and Ukrainian write the name's
    first word (Юн, Цой, Си), and in Korean as the whole name, as the press repeats it (윤석열),
    or, where it may stand for either of two people, as their surname (김)."""
    if not hit.term_id.startswith(SURNAME):
        return written(hit.text, lang)
    people = _people(hit)
    found = reading(people[0])
    if not found or lang not in found.forms:
        return people[0]
    if lang == "ko":
        return found.forms[lang] if len(people) == 1 else found.syllables[0]
    return found.surname(found.forms[lang])
