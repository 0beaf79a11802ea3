"""Chinese names in pinyin: a surname of the list, then a given name of one or two syllables in
one word ("Xi Jinping", "Li Qiang", "Wang Yi") or hyphenated ("Chen Shui-bian"), written by the
Palladius system in Russian («Си Цзиньпин», «Ли Цян»), by its Ukrainian counterpart («Сі Цзіньпін»)
and by Korean's orthography for Chinese (시진핑, 리창), surname and given name as the press writes them.

Pinyin spells a syllable one way, so a reading is certain, but for a surname Korean shares
("Han Kang" is a Korean novelist): the given name's syllables are found by pinyin's own rule
that a syllable after the first begins with a consonant (one beginning with a, o or e takes an
apostrophe: Xi'an), which leaves "Huning" only hu-ning.

The men the news names most are listed (``data/names.chinese.tsv``, with the women, whose names
Russian and Ukrainian do not decline): their names are declined («Си Цзиньпина»), others not.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from pipeline.romanised.base import Reading

PEOPLE = Path(__file__).parents[1] / "data" / "names.chinese.tsv"

# The commonest surnames; not He, Long and Hong, which are English words or places ("He said",
# "Hong Kong"). Those Korean shares too make a reading unverified.
SURNAMES = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin luo zheng liang xie song tang han feng deng cao "
    "peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin shi liao "
    "jia xia fu fang bai zou meng xiong qin qiu yin xue yan duan lei hou tao gu mao hao gong shao wan qian dai xi ji bo wen "
    "mo yi".split()
)
_SHARED_WITH_KOREAN = frozenset("han song yang yu jin yi".split())

# A surname and a given name of one word, or of two syllables joined by a hyphen; not before another
# capitalised word, a longer name's ("Guo Ci Teo").
CANDIDATE = re.compile(r"(?<![\w-])[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?![\w-]|\s+[A-Z])")

_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s".split()
_G = "a e ai ei ao ou an en ang eng ong u ua uo uai ui un uan uang"
_JQX = "i ia ie iao iu ian in iang ing iong ü üe üan ün"
_ZH = "a e i ai ei ao ou an en ang eng ong u ua uo ui uai un uan uang"
_Z = "a e i ai ei ao ou an en ang eng ong u uo ui un uan"
# The finals each initial takes (pinyin's table; a few rare syllables left out).
_FINALS = {
    "b": "a o ai ei ao an en ang eng i ie iao ian in ing u",
    "p": "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
    "m": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
    "f": "a o ei ou an en ang eng u",
    "d": "a e ai ei ao ou an en ang eng ong i ie iao iu ian ing u uo ui un uan",
    "t": "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui un uan",
    "n": "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan ü üe",
    "l": "a e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo un uan ü üe",
    "g": _G,
    "k": _G,
    "h": _G,
    "j": _JQX,
    "q": _JQX,
    "x": _JQX,
    "zh": _ZH,
    "ch": _ZH,
    "sh": _ZH,
    "r": "e i ao ou an en ang eng ong u uo ui un uan",
    "z": _Z,
    "c": _Z,
    "s": _Z,
    "": "a o e ai ei ao ou an en ang eng er",
}
# Syllables without an initial that pinyin spells with y or w.
_Y_W = {
    "yi": "i", "ya": "ia", "ye": "ie", "yao": "iao", "you": "iu", "yan": "ian", "yin": "in", "yang": "iang", "ying": "ing",
    "yong": "iong", "yu": "ü", "yue": "üe", "yuan": "üan", "yun": "ün",
    "wu": "u", "wa": "ua", "wo": "uo", "wai": "uai", "wei": "ui", "wan": "uan", "wen": "un", "wang": "uang", "weng": "ueng",
}  # fmt: skip


def _spelt() -> dict[str, tuple[str, str]]:
    """Spelling → (initial, final): ü is written u after j, q, x (ju, xue), ü after n and l (lü)."""
    syllables = {
        initial + (final.replace("ü", "u") if initial in ("j", "q", "x") else final): (initial, final)
        for initial, finals in _FINALS.items()
        for final in finals.split()
    }
    return syllables | {spelling: ("", final) for spelling, final in _Y_W.items()}


_SYLLABLES = _spelt()


def syllables(word: str) -> list[str] | None:
    """``word`` cut into pinyin syllables, each after the first beginning with a consonant; None
    where it cannot be (or, of several cuts, the one with the longest first syllables)."""
    word = word.lower()
    if not word:
        return []
    for end in range(min(6, len(word)), 0, -1):
        head, rest = word[:end], word[end:]
        if head in _SYLLABLES and (not rest or rest[0] not in "aeiouü") and (tail := syllables(rest)) is not None:
            return [head, *tail]
    return None


def reading(name: str) -> Reading | None:
    """The pinyin syllables of a Chinese name (a surname of the list and a given name of one or two
    syllables), or None where ``name`` does not read as one."""
    surname, _, given = name.partition(" ")
    if surname.lower() not in SURNAMES or surname.lower() not in _SYLLABLES:
        return None
    parts = [syllables(part) for part in given.split("-")]
    if any(p is None or (len(parts) > 1 and len(p) != 1) for p in parts):
        return None
    cut = [s for part in parts for s in part or ()]
    if not 1 <= len(cut) <= 2:
        return None
    pieces = (surname.lower(), *cut)
    ru = _palladius(pieces)
    forms = {"ru": ru, "uk": ru.translate(_UKRAINIAN), "ko": "".join(_hangul(s) for s in pieces)}
    return Reading(pieces, forms, surname.lower() not in _SHARED_WITH_KOREAN, gender=_people().get(name, ""))


@cache
def _people() -> dict[str, str]:
    """A listed person's name → gender ("m", "f")."""
    with PEOPLE.open(encoding="utf-8", newline="") as fh:
        return {row["english"]: row["gender"] for row in csv.DictReader(fh, delimiter="\t")}


# Palladius: each initial, each final after an initial and without one.
_RU_INITIAL = dict(zip(_INITIALS, "б п м ф д т н л г к х цз ц с чж ч ш ж цз ц с".split()))
_RU_FINAL = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь", "ang": "ан",
    "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь",
    "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "un": "унь",
    "uan": "уань", "uang": "уан", "ueng": "вэн", "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь",
}  # fmt: skip
_RU_ALONE = {"u": "у", "ua": "ва", "uo": "во", "uai": "вай", "ui": "вэй", "un": "вэнь", "uan": "вань", "uang": "ван"}
_UKRAINIAN = str.maketrans({"и": "і", "ы": "и", "э": "е", "И": "І", "Э": "Е"})


def _palladius(pieces: tuple[str, ...]) -> str:
    words = []
    for syllable in pieces:
        initial, final = _SYLLABLES[syllable]
        if not initial:
            written = _RU_ALONE.get(final, _RU_FINAL[final])
        elif final == "i" and initial in ("z", "c", "s"):
            written = _RU_INITIAL[initial] + "ы"
        elif initial == "h" and final == "ui":
            written = "хуэй"
        else:
            written = _RU_INITIAL[initial] + _RU_FINAL[final]
        words.append(written)
    surname, *given = words
    return f"{surname.capitalize()} {''.join(given).capitalize()}"


# Korean's orthography for Chinese: each initial's jamo, and each final as the vowel (and final
# consonant) of one or two syllables; after ㅈ ㅉ ㅊ a y-vowel is written plain (자, not 쟈).
_ONSET = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWEL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_CODA = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_KO_INITIAL = dict(zip(_INITIALS, "ㅂㅍㅁㅍㄷㅌㄴㄹㄱㅋㅎㅈㅊㅅㅈㅊㅅㄹㅉㅊㅆ"))
_KO_FINAL = {
    "a": "ㅏ", "o": "ㅗ", "e": "ㅓ", "ai": "ㅏ ㅣ", "ei": "ㅔ ㅣ", "ao": "ㅏ ㅗ", "ou": "ㅓ ㅜ", "an": "ㅏㄴ", "en": "ㅓㄴ",
    "ang": "ㅏㅇ", "eng": "ㅓㅇ", "ong": "ㅜㅇ", "er": "ㅓㄹ", "i": "ㅣ", "ia": "ㅑ", "ie": "ㅖ", "iao": "ㅑ ㅗ", "iu": "ㅠ",
    "ian": "ㅖㄴ", "in": "ㅣㄴ", "iang": "ㅑㅇ", "ing": "ㅣㅇ", "iong": "ㅠㅇ", "u": "ㅜ", "ua": "ㅘ", "uo": "ㅝ",
    "uai": "ㅘ ㅣ", "ui": "ㅜ ㅣ", "un": "ㅜㄴ", "uan": "ㅘㄴ", "uang": "ㅘㅇ", "ueng": "ㅝㅇ", "ü": "ㅟ", "üe": "ㅞ",
    "üan": "ㅟ ㅏㄴ", "ün": "ㅟㄴ",
}  # fmt: skip
_KO_ALONE = {"ui": "ㅞ ㅣ", "un": "ㅝㄴ"}  # wei 웨이, wen 원 (gui 구이, hun 훈)
_PLAIN_AFTER_AFFRICATE = str.maketrans("ㅑㅒㅕㅖㅛㅠ", "ㅏㅐㅓㅔㅗㅜ")


def _hangul(syllable: str) -> str:
    initial, final = _SYLLABLES[syllable]
    onset = _KO_INITIAL.get(initial, "ㅇ")
    if final == "i" and initial in ("zh", "ch", "sh", "r", "z", "c", "s"):
        pieces = ["ㅡ"]
    else:
        pieces = (_KO_ALONE.get(final, _KO_FINAL[final]) if not initial else _KO_FINAL[final]).split()
    out = []
    for n, piece in enumerate(pieces):
        lead = onset if n == 0 else "ㅇ"
        vowel = piece[0].translate(_PLAIN_AFTER_AFFRICATE) if lead in "ㅈㅉㅊ" else piece[0]
        coda = piece[1:] or " "
        out.append(chr(0xAC00 + (_ONSET.index(lead) * 21 + _VOWEL.index(vowel)) * 28 + _CODA.index(coda)))
    return "".join(out)
