"""Proper names in English news sentences (people, places, organisations), for the names a
glossary does not cover yet, and a rough transliteration to spot them in ru/uk output.

Rules, not a model: runs of capitalised words (with "of", "al-", "bin"… inside);
a title before a name is not part of it ("Defence Minister Andrei Belousov" →
"Andrei Belousov"); months, weekdays and titles alone are not names; a
capitalised sentence-initial word is a name only if English does not write it
lower-case mid-sentence (``data/common-en.txt``, counted on the training
corpora); nationality adjectives before a noun ("British officials") are not
names; acronyms are. Measured on ``tests/data/names.tsv`` (``quality.names``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.figures import MONTH_NAMES
from pipeline.hangul import SPANISH_LETTERS, SPANISH_VOWELS
from pipeline.languages import profile
from pipeline.model import Segment, TermHit

WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
TITLES = set(
    """president vice prime minister ministers secretary general gen lt col colonel major maj captain capt
    sergeant sgt admiral commander chief chairman chairwoman chair spokesman spokeswoman spokesperson
    governor mayor senator sen rep representative ambassador envoy king queen prince princess pope
    mr mrs ms dr prof professor sir lord lady judge justice director deputy acting foreign defence defense
    interior finance former senior premier chancellor speaker head leader officer lieutenant""".split()
)
NOT_NAMES = set(MONTH_NAMES) | set(WEEKDAYS) | {"i", "i'm", "i've", "i'd", "i'll", "ok"}
CONNECTORS = {"of", "de", "da", "del", "van", "von", "bin", "al", "ul", "la", "le"}
# "for the", "on" join words only inside an institution's name ("Institute for the Study of War").
INSTITUTIONS = set(
    """institute council organisation organization agency committee commission centre center foundation ministry
    office bank court university union fund association federation party league society museum school department
    service bureau authority forum alliance coalition front movement""".split()
)
INSTITUTION_CONNECTORS = {"for", "the", "on", "and"}
# A nationality adjective ("British officials", "Iranian drones") is not a name.
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic)$")
DEMONYMS = set(
    """american german mexican cuban afghan israeli iraqi pakistani saudi yemeni kuwaiti qatari emirati somali
    bangladeshi nepali thai greek dutch french swiss czech slovak polish welsh irish scottish""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "common-en.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))


def _clean(word: str) -> str:
    return re.sub(r"['’]s$|['’.]$", "", word)


def _sentence_start(text: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence or a quotation (so its capital says nothing)."""
    if text[:start].rstrip(" \t").endswith(('"', "“", "‘", "«", "(", "'")):
        return True  # a quotation opens: its first word is capitalised whatever it is
    before = text[:start].rstrip(" \t")
    return not before or before.endswith((".", "!", "?", ":", "\n", "—", "–"))


def find_names(text: str) -> list[Name]:
    """Proper names in ``text``, leftmost first."""
    words = list(_WORD.finditer(text))
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for i, m in enumerate(words):
        word = m.group()
        capital = word[:1].isupper()
        joined = bool(current) and not text[current[-1].end() : m.start()].strip(" -") and not _owned(current[-1].group(), word)
        if capital and joined:
            current.append(m)
        elif capital:
            if current:
                runs.append(current)
            current = [m]
        elif joined and _connects(word.lower().rstrip("-"), current, words[i + 1 :]):
            current.append(m)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    if _title_case(text, words):
        # "Most Commented", "Zelensky Meets Biden": in a title-case heading a capital says no more
        # than at a sentence's start, so words English writes lower-case are not names.
        runs = [part for run in runs for part in _split_at_common(run)]
    names = []
    for run in runs:
        name = _name_in_run(text, run, words)
        if name:
            names.append(name)
    return names


def _owned(word: str, following: str) -> bool:
    """Whether ``word`` is a name in the possessive ("Starmer's", "Russia's") and ``following``
    what it owns, which begins a name of its own ("Keir Starmer's Labour Party", "Russia's Defence
    Ministry"); a common word in the possessive belongs to the name ("People's Liberation Army",
    "Women's World Cup"), as does a feast's "Day" or "Eve" ("Valentine's Day")."""
    possessive = re.search(r"['’]s$", word) is not None and _clean(word).lower() not in common_words()
    return possessive and _clean(following) not in ("Day", "Eve")


def _title_case(text: str, words: list[re.Match[str]]) -> bool:
    """Whether ``text`` is a heading in title case: no sentence's full stop, every word of four letters or more capitalised."""
    long = [m.group() for m in words if len(m.group()) >= 4]
    return len(words) >= 2 and not text.rstrip().endswith((".", "!", "?")) and all(w[:1].isupper() for w in long)


def _split_at_common(run: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The parts of ``run`` between the words English writes lower-case (connectors stay inside a part)."""
    parts: list[list[re.Match[str]]] = [[]]
    for m in run:
        key = _clean(m.group()).lower()
        if key in common_words() and key not in CONNECTORS:
            parts.append([])
        else:
            parts[-1].append(m)
    return [part for part in parts if part]


def _connects(word: str, current: list[re.Match[str]], rest: list[re.Match[str]]) -> bool:
    """Whether a lower-case ``word`` joins the capitalised run before it to a capitalised word after it."""
    institution = any(_clean(m.group()).lower() in INSTITUTIONS for m in current)
    if word not in CONNECTORS and not (institution and word in INSTITUTION_CONNECTORS):
        return False
    following = next((m.group() for m in rest if m.group().lower() not in INSTITUTION_CONNECTORS or not institution), "")
    return following[:1].isupper()


def _name_in_run(text: str, run: list[re.Match[str]], words: list[re.Match[str]]) -> Name | None:
    keys = [_clean(m.group()).lower() for m in run]
    # Everything up to the last title word is the title ("Foreign Minister", "Lt. Gen.").
    titles = [i for i, key in enumerate(keys) if key in TITLES]
    if titles:
        run, keys = run[titles[-1] + 1 :], keys[titles[-1] + 1 :]
    while run and (keys[0] in NOT_NAMES or keys[0] in CONNECTORS):
        run, keys = run[1:], keys[1:]
    while run and (keys[-1] in NOT_NAMES or keys[-1] in CONNECTORS):
        run, keys = run[:-1], keys[:-1]
    if not run:
        return None
    first = run[0]
    if _sentence_start(text, first.start()) and (keys[0] in common_words() or len(keys[0]) == 1):
        # "The Kremlin said" → "Kremlin"; "Officials said" → nothing.
        run, keys = run[1:], keys[1:]
        while run and keys[0] in CONNECTORS | INSTITUTION_CONNECTORS:
            run, keys = run[1:], keys[1:]
        if not run:
            return None
    if len(run) == 1:
        word = _clean(run[0].group())
        if len(word) == 1:
            return None
        following = next((w for w in words if w.start() > run[0].end()), None)
        gap = text[run[0].end() : following.start()] if following else ""
        adjective = DEMONYM.search(word) or word.lower() in DEMONYMS
        if adjective and following and following.group()[:1].islower() and not gap.strip():
            return None
    start, end = run[0].start(), run[-1].end()
    value = _clean(text[start:end]) if re.search(r"['’]s$|['’]$", text[start:end]) else text[start:end].rstrip(".")
    return Name(text=value, start=start, end=start + len(value))


def uncovered_names(seg: Segment, protected: list[TermHit] | None = None) -> list[Name]:
    """Names in ``seg``'s source that no glossary term or figure overlaps (the month of
    "Feb. 1" is part of a date); ``protected``: those of a target language, where not all of
    ``seg.protected`` are (``curated.protected``)."""
    spans = seg.protected if protected is None else protected
    return [n for n in find_names(seg.source) if not any(h.start < n.end and n.start < h.end for h in spans)]


_VOWELS = set("аеёиоуыэюяіїєйьъ")


def can_transliterate(lang: str) -> bool:
    """Whether ``lang`` spells names letter by letter (a Cyrillic table), so that a garbled
    rendering can be told and a lost name missed."""
    return bool(profile(lang).transliteration)


def can_spell(lang: str) -> bool:
    """Whether a Latin name can be written in ``lang``'s script, letter by letter or by its sounds."""
    return can_transliterate(lang) or profile(lang).transcribe is not None


# How a name's spelling is read at the edges of a word before letter by letter: "Mc" is "Mac"
# (McCaskill: «Маккаскилл», not «Мккаскилл»); a Spanish final "ez" is "es" (Chávez: «Чавес»).
_READ_AS = ((re.compile(r"^mc"), "mak"), (re.compile(r"ez$"), "es"))
# How English reads what a letter-by-letter spelling gets wrong: the h of "ohn" is silent (Johnson
# «Джонсон», not «Джохнсон»); a final "stein" is «штейн», as Russian and Ukrainian write it
# (Epstein «Эпштейн», Katzenstein); an e that begins a name, not in "ea", "ee", "ei", "ey", is
# Russian «э» (Edward «Эдвард»); "wa" before l or r is «уо»
# (Walker «Уокер», Walsh «Уолш», Warren «Уоррен»); a final e is silent after "ll", "nce", "dge"
# (Nashville «Нашвилл», Vance «Ванс», Lodge «Лодж») and lengthens the one vowel a, i or y before
# one consonant (Jake «Джейк», Blaze «Блейз», Mike «Майк», Kyle «Кайл»; r aside: Clare is no
# «Клейр»; Wallace, Cesare have two); a final "ce" is «с» (Wallace «Уоллас»), "ew" «ю» (Andrew «Андрю»).
_ENGLISH = (
    # South Slavic names, frequent in the news, lose their marks in English (Đoković, Vučić,
    # Karadžić: Djokovic, Vucic, Karadzic); both languages write «Джокович», «Вучич», «Караджич».
    (re.compile(r"dj"), "j"),
    (re.compile(r"dz(?=ic$)"), "j"),
    (re.compile(r"c(?=ic$)"), "ch"),
    (re.compile(r"(?<=[vkjh])ic$"), "ych"),
    (re.compile(r"ohn"), "on"),
    (re.compile(r"(?<=.)stein$"), "shtein"),
    (re.compile(r"^e(?![aeiy])"), "ɛ"),
    (re.compile(r"^wal(?=k)"), "wo"),
    (re.compile(r"^wa(?=l[lsdt]|r)"), "wo"),
    (re.compile(r"(?<=ll)e$|(?<=n)ce$|dge$"), lambda m: {"e": "", "ce": "s", "dge": "j"}[m.group()]),
    (re.compile(r"^([^aeiouy]*)a([bcdfgklmnpstvz])e$"), lambda m: m.group(1) + "ei" + ("s" if m.group(2) == "c" else m.group(2))),
    (re.compile(r"^([^aeiouy]*)[iy]([bdfgklmnpstvz])e$"), r"\1ai\2"),
    (re.compile(r"ce$"), "s"),
    (re.compile(r"ew$"), "yu"),
)


def transliterate(name: str, lang: str, *, by_letters: bool = False) -> str:
    """A plausible spelling of a Latin name in ``lang``'s script (a suggestion for a linguist, not a
    rule); ``by_letters``: without English readings, as a small model garbles a name it does not
    know («Мике» for Mike, ``spellings``)."""
    by_sound = profile(lang).transcribe
    if by_sound:
        return by_sound(name)
    out = []
    for word in re.split(r"(\W+)", name):
        lower, i, pieces = word.lower(), 0, []
        table = profile(lang).transliteration
        if SPANISH_LETTERS.search(lower) and profile(lang).spanish:
            lower, table = _as_spanish(lower), profile(lang).spanish
        else:
            for spelling, reading in _READ_AS if by_letters else _READ_AS + _ENGLISH:
                lower = spelling.sub(reading, lower)
        lower = _unmarked(lower)
        while i < len(lower):
            for latin, cyrillic in table:
                if lower.startswith(latin, i):
                    pieces.append(cyrillic)
                    i += len(latin)
                    break
            else:
                pieces.append(lower[i])
                i += 1
        converted = "".join(pieces)
        out.append(converted[:1].upper() + converted[1:] if word[:1].isupper() else converted)
    return "".join(out)


def spellings(name: str, lang: str) -> tuple[str, ...]:
    """The ways a model may spell ``name`` in ``lang``: as it reads (``transliterate``, first), and
    letter by letter."""
    return tuple(dict.fromkeys((transliterate(name, lang), transliterate(name, lang, by_letters=True))))


def _as_spanish(word: str) -> str:
    """A Spanish name's spelling prepared for ``Language.spanish``: accents off, h silent (but in
    ch), an l before a consonant or at the end soft («Альваро», «Мануэль»), an e at the start or
    after a vowel hard where the language writes э."""
    word = word.translate(SPANISH_VOWELS)
    word = re.sub(r"(?<!c)h", "", word)
    word = re.sub(r"(?<!l)l(?=[^aeiouyl]|$)", "ĺ", word)
    return re.sub(r"(?:^|(?<=[aeo])|(?<=[^gq]u))e", "ɛ", word)


def _unmarked(word: str) -> str:
    """``word`` with the marks its table has no reading for taken off (Sørensen, Dvořák), so that
    none is left in Latin; ñ, ü, ö, ç and the markers of ``_as_spanish`` kept."""
    return "".join(ch if ch in "ñĺɛüöç" else unicodedata.normalize("NFD", ch)[0] for ch in word.translate(_UNDECOMPOSED))


# Letters with no decomposition into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ø": "ö", "æ": "e", "œ": "e", "ł": "l", "đ": "d", "ı": "i", "ß": "ss"})


def _skeleton(word: str) -> str:
    return "".join(ch for ch in word.lower() if ch.isalpha() and ch not in _VOWELS and ch not in "aeiouy")


def name_present(name: str, target: str, lang: str) -> bool:
    """Whether ``target`` holds ``name``, in Latin letters or a plausible Cyrillic spelling of its last word."""
    if name.lower() in target.lower():
        return True
    if not can_transliterate(lang):
        return True  # no way to tell (Hangul): never reported lost
    last = re.findall(r"[^\W\d_]+", name)[-1]
    if last.lower() in common_words() or last.lower() in INSTITUTIONS:
        return True  # an institution's name ("… Intelligence Service", "European Union"): translated, not spelt
    words = re.findall(r"[^\W\d_]+", target.lower())
    for spelt in (s.lower() for s in spellings(last, lang)):
        wanted = _skeleton(spelt)[:3]
        for word in words:
            # Case endings and spelling conventions vary: a close match of the word's start, or of its consonants.
            if difflib.SequenceMatcher(None, spelt, word[: len(spelt) + 1]).ratio() >= 0.6:
                return True
            if len(wanted) >= 2 and _skeleton(word).startswith(wanted):
                return True
    return False
