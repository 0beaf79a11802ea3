"""English names in Hangul: an approximation of the Korean loanword orthography (외래어 표기법).

The orthography writes a foreign word by its sounds; English spelling only hints at them, and
no pronouncing dictionary ships under a licence the project can take. So the spelling is read
as sounds by a few rules (digraphs, a silent final e that lengthens the vowel before it, r
after a vowel unspoken, c and g softened before e, i, y), and the sounds are written by the
orthography's rules: a consonant before a vowel opens a syllable; m, n, ng, l and a final
p, t, k after a short vowel close one (ㅁ ㄴ ㅇ ㄹ ㅂ ㅅ ㄱ); any other consonant takes ㅡ (ㅣ after
sh, ch, j); l between vowels is doubled (엘레나); w and y glide into the vowel (워, 요).

It is a last resort, after the glossary, reviewers and the corpora, and every name written by it
is flagged for review: "Stephen" comes out 스테펜, where the press writes 스티븐.
"""

from __future__ import annotations

import re
import unicodedata

_ONSET = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWEL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_CODA = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"

# A consonant sound → (its jamo opening a syllable, its jamo closing one where the orthography
# lets it close one, the vowel it takes where it cannot).
_CONSONANT = {
    "p": ("ㅍ", "ㅂ", "ㅡ"),
    "t": ("ㅌ", "ㅅ", "ㅡ"),
    "k": ("ㅋ", "ㄱ", "ㅡ"),
    "b": ("ㅂ", None, "ㅡ"),
    "d": ("ㄷ", None, "ㅡ"),
    "g": ("ㄱ", None, "ㅡ"),
    "f": ("ㅍ", None, "ㅡ"),
    "v": ("ㅂ", None, "ㅡ"),
    "th": ("ㅅ", None, "ㅡ"),
    "s": ("ㅅ", None, "ㅡ"),
    "z": ("ㅈ", None, "ㅡ"),
    "sh": ("ㅅ", None, "ㅣ"),
    "ch": ("ㅊ", None, "ㅣ"),
    "j": ("ㅈ", None, "ㅣ"),
    "ts": ("ㅊ", None, "ㅡ"),
    "h": ("ㅎ", None, None),
    "m": ("ㅁ", "ㅁ", None),
    "n": ("ㄴ", "ㄴ", None),
    "ng": ("ㄱ", "ㅇ", None),
    "l": ("ㄹ", "ㄹ", None),
    "r": ("ㄹ", None, None),
    "ɾ": ("ㄹ", None, "ㅡ"),  # Spanish r before a consonant, spoken (가르시아)
}
# A vowel after w or y, and after sh (샤, 쇼).
_AFTER_W = {"ㅏ": "ㅘ", "ㅔ": "ㅞ", "ㅣ": "ㅟ", "ㅗ": "ㅝ", "ㅓ": "ㅝ", "ㅜ": "ㅜ", "ㅐ": "ㅙ"}
_AFTER_Y = {"ㅏ": "ㅑ", "ㅔ": "ㅖ", "ㅗ": "ㅛ", "ㅜ": "ㅠ", "ㅓ": "ㅕ", "ㅣ": "ㅣ", "ㅐ": "ㅒ"}

# Spellings read before single letters, longest first: (spelling, sounds); first the marks the
# rewrites below leave (ə, a vowel lengthened by a silent e, y before a vowel).
_SPELLINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ə", ("ㅓː",)),
    ("y", ("y",)),
    ("ā", ("ㅔ", "ㅣː")),
    ("ī", ("ㅏ", "ㅣː")),
    ("ū", ("y", "ㅜː")),
    ("ē", ("ㅣː",)),
    ("ō", ("ㅗː",)),
    ("tch", ("ch",)),
    ("sch", ("sh",)),
    ("ough", ("ㅗː",)),
    ("augh", ("ㅗː",)),
    ("igh", ("ㅏ", "ㅣː")),
    ("ow", ("ㅏ", "ㅜː")),
    ("sh", ("sh",)),
    ("ch", ("ch",)),
    ("ph", ("f",)),
    ("th", ("th",)),
    ("ck", ("k",)),
    ("kh", ("h",)),
    ("zh", ("j",)),
    ("dg", ("j",)),
    ("ts", ("ts",)),
    ("tz", ("ts",)),
    ("qu", ("k", "w")),
    ("wh", ("w",)),
    ("ng", ("ng",)),
    ("x", ("k", "s")),
    ("ee", ("ㅣː",)),
    ("ea", ("ㅣː",)),
    ("ie", ("ㅣː",)),
    ("oo", ("ㅜː",)),
    ("ou", ("ㅜː",)),
    ("ai", ("ㅔ", "ㅣː")),
    ("ay", ("ㅔ", "ㅣː")),
    ("ei", ("ㅔ", "ㅣː")),
    ("au", ("ㅗː",)),
    ("aw", ("ㅗː",)),
    ("oa", ("ㅗː",)),
    ("oi", ("ㅗ", "ㅣː")),
    ("oy", ("ㅗ", "ㅣː")),
    ("ew", ("y", "ㅜː")),
    ("eu", ("y", "ㅜː")),
    ("ue", ("y", "ㅜː")),
    ("a", ("ㅏ",)),
    ("e", ("ㅔ",)),
    ("i", ("ㅣ",)),
    ("o", ("ㅗ",)),
    ("u", ("ㅜ",)),
    ("b", ("b",)),
    ("d", ("d",)),
    ("f", ("f",)),
    ("g", ("g",)),
    ("h", ("h",)),
    ("j", ("j",)),
    ("k", ("k",)),
    ("l", ("l",)),
    ("m", ("m",)),
    ("n", ("n",)),
    ("p", ("p",)),
    ("q", ("k",)),
    ("r", ("r",)),
    ("s", ("s",)),
    ("t", ("t",)),
    ("v", ("v",)),
    ("w", ("w",)),
    ("z", ("z",)),
)
# Spellings rewritten before reading, in order: Mc as Mac, soft c and g, doubled letters as one,
# a vowel lengthened by a silent final e (Blake, Mike, Duke, Steve, Stone), unstressed endings
# (Taylor 테일러, Washington 워싱턴, Johnson 존슨), final ey and y as i (Bailey 베일리), wa as wo before
# l, sh, t, s (Walter 월터), silent gh, kn and wr (Knight 나이트, Wright 라이트), y before a vowel a
# glide, r unspoken after a vowel (Walker, Park).
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^mc"), "mac"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c(?!h)"), "k"),
    (re.compile(r"g(?=e)"), "j"),
    (re.compile(r"([bcdfgklmnprstvz])\1"), r"\1"),
    (re.compile(r"(?<=[^aeiou])a([bcdfgklmnpstvz])e(s?)$"), r"ā\1\2"),
    (re.compile(r"(?<=[^aeiou])[iy]([bcdfgklmnpstvz])e(s?)$"), r"ī\1\2"),
    (re.compile(r"(?<=[^aeiou])u([bcdfgklmnpstvz])e(s?)$"), r"ū\1\2"),
    (re.compile(r"(?<=[^aeiou])e([bcdfgklmnpstvz])e(s?)$"), r"ē\1\2"),
    (re.compile(r"(?<=[^aeiou])o([bcdfgklmnpstvz])e(s?)$"), r"ō\1\2"),
    (re.compile(r"(?<=..)or$"), "ə"),
    (re.compile(r"^(.*[aeiouy].*[^aeiouy])e$"), r"\1"),
    (re.compile(r"ton$"), "tən"),
    (re.compile(r"(?<=[^aeiou])son$"), "sn"),
    (re.compile(r"ow$"), "oa"),
    (re.compile(r"ey$"), "i"),
    (re.compile(r"ai$"), "ī"),
    (re.compile(r"(?<=w)a(?=l|sh|t|s)"), "o"),
    (re.compile(r"eigh"), "ei"),
    (re.compile(r"(?<!i)gh(?![aeiou])"), ""),
    (re.compile(r"^k(?=n)|^w(?=r)"), ""),
    (re.compile(r"(?<=[^aeiou])y$"), "i"),
    (re.compile(r"y(?=[aeiou])"), "Y"),
    (re.compile(r"y"), "i"),
    (re.compile(r"Y"), "y"),
    (re.compile(r"(?<![aeiou])[eiu]r(?![aeiouy])"), "ə"),
    (re.compile(r"ar(?![aeiouy])"), "a"),
    (re.compile(r"or(?![aeiouy])"), "o"),
    (re.compile(r"r(?![aeiouyəāīūēō])"), ""),
)


# Letters only Spanish writes among the languages news names come from (é only where a Spanish
# ending says so: José, Andrés, Jiménez; André reads alike either way). Shared with the Cyrillic
# spelling (``names.transliterate``).
SPANISH_LETTERS = re.compile(r"[ñáíóú]|é(?:[nsz]?$|.*ez$)")
# A name with them is read as Spanish: every vowel spoken as written (its accent only marks stress,
# so it is taken off, here and in ``names``), j and soft g as h, h silent, z and soft c as s, ll
# and ñ with a y glide (무뇨스), r before a consonant spoken (가르시아).
SPANISH_VOWELS = str.maketrans("áéíóúü", "aeiouu")
_SPANISH_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ñ"), "ny"),
    (re.compile(r"(?<!c)h"), ""),
    (re.compile(r"ll"), "y"),
    (re.compile(r"rr"), "r"),
    (re.compile(r"g(?=[ei])|j"), "h"),
    (re.compile(r"qu(?=[ei])"), "k"),
    (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"c(?=[ei])|z"), "s"),
    (re.compile(r"c(?!h)"), "k"),
    (re.compile(r"v"), "b"),
    (re.compile(r"y$"), "i"),
    (re.compile(r"r(?![aeiouy])"), "ɾ"),
)
_SPANISH_SPELLINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ch", ("ch",)),
    ("x", ("k", "s")),
    ("ɾ", ("ɾ",)),
    *((vowel, (medial,)) for vowel, medial in zip("aeiou", "ㅏㅔㅣㅗㅜ")),
    *((letter, (letter,)) for letter in "bdfghklmnprstwy"),
)


def _sounds(word: str) -> list[str]:
    """The sounds ``word``'s spelling reads as: consonants by name ("sh"), vowels as Hangul medials."""
    lower = word.lower()
    if SPANISH_LETTERS.search(lower):
        spelling = "".join(ch for ch in lower.translate(SPANISH_VOWELS) if "a" <= ch <= "z" or ch == "ñ")
        rewrites, spellings = _SPANISH_REWRITES, _SPANISH_SPELLINGS
    else:
        spelling = "".join(ch for ch in unicodedata.normalize("NFD", lower) if "a" <= ch <= "z")
        rewrites, spellings = _REWRITES, _SPELLINGS
    for pattern, replacement in rewrites:
        spelling = pattern.sub(replacement, spelling)
    sounds: list[str] = []
    i = 0
    while i < len(spelling):
        for written, read in spellings:
            if spelling.startswith(written, i):
                sounds.extend(read)
                i += len(written)
                break
        else:
            i += 1
    return sounds


def _syllable(onset: str, vowel: str, coda: str = " ") -> str:
    return chr(0xAC00 + (_ONSET.index(onset) * 21 + _VOWEL.index(vowel)) * 28 + _CODA.index(coda))


def _is_vowel(sound: str) -> bool:
    return bool(sound) and sound[0] in _VOWEL


def transcribe(word: str) -> str:
    """``word`` (one English word of a name) written in Hangul, approximately (see the module's doc)."""
    sounds = _sounds(word)
    out: list[list[str]] = []  # [onset, vowel, coda] per syllable
    short = False  # the last sound was a vowel written by one letter: a stop after it may close its syllable
    i = 0
    while i < len(sounds):
        sound, following = sounds[i], sounds[i + 1] if i + 1 < len(sounds) else ""
        # y glides into the vowel after any consonant (도쿄), w only after k and g (퀸; 스웨덴).
        glided = (following == "y" or following == "w" and sound in ("k", "g")) and i + 2 < len(sounds) and _is_vowel(sounds[i + 2])
        if _is_vowel(sound):
            out.append(["ㅇ", sound[0], " "])
            short, i = not sound.endswith("ː"), i + 1
            continue
        if sound in ("w", "y"):
            glide = _AFTER_W if sound == "w" else _AFTER_Y
            vowel = glide.get(following[:1], following[:1]) if _is_vowel(following) else ("ㅜ" if sound == "w" else "ㅣ")
            out.append(["ㅇ", vowel, " "])
            short, i = False, i + (2 if _is_vowel(following) else 1)
            continue
        onset, coda, epenthetic = _CONSONANT[sound]
        if _is_vowel(following) or glided:
            if out and out[-1][2] == " " and (sound == "l" or (sound == "ng" and out[-1][1] != "ㅡ")):
                out[-1][2] = "ㄹ" if sound == "l" else "ㅇ"  # l between vowels is written twice (엘레나); ng closes (싱가)
            vowel = sounds[i + 2] if glided else following
            # No y after l, r or a hissing sound: 루크, not 류크.
            if glided and not (following == "y" and sound in ("l", "r", "s", "z", "sh", "ch", "j", "ts")) or sound == "sh":
                vowel = (_AFTER_W if following == "w" else _AFTER_Y).get(vowel[0], vowel[0])
            out.append([onset, vowel[0], " "])
            short, i = not glided and not vowel.endswith("ː"), i + (3 if glided else 2)
            continue
        closes = bool(out) and out[-1][2] == " " and coda is not None
        if sound in ("p", "t", "k"):
            # A stop closes a short vowel's syllable at the end or before another stop or fricative (텍사스, 캣).
            closes = closes and short and following not in ("l", "r", "m", "n", "w", "y")
        if closes:
            out[-1][2] = coda or " "
        elif epenthetic:
            out.append([onset, epenthetic, " "])
        elif coda is not None:
            out.append(["ㅇ" if sound == "ng" else onset, "ㅡ", coda])
        short, i = False, i + 1
    return "".join(_syllable(*s) for s in out)


def transcribe_name(name: str) -> str:
    """Each Latin word of ``name`` in Hangul, the rest (spaces, hyphens) and acronyms (AC Milan)
    as written."""
    return re.sub(r"[A-Za-zÀ-ɏ]+", lambda m: m.group() if len(m.group()) > 1 and m.group().isupper() else transcribe(m.group()), name)
