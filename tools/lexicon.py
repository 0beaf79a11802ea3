"""Build the names lexicon, ``pipeline/data/names.<lang>.tsv``: how the parallel corpora write
the names of English news in Russian, Ukrainian and Korean.

    python -m tools.lexicon [--lang ru uk ko] [--corpora ../shared/corpora]

A small model garbles names it has seen many times («Чекаго» for Chicago, «Домминго»); the
corpora it learnt from hold the conventional form. Each word of a name (``pipeline.names``)
is linked to the capitalised target word that occurs with it most consistently (Dice
coefficient over sentence pairs, on the word's first four letters, which case endings leave
alone), and written in its dictionary form (``pipeline.lexicon.dictionary_form``); a name of
several words also gets the acronym the target writes for it (``acronyms``: США). Korean has no
capitals: a name word's candidates are the words, with and without a particle, that sound like
its transcription (``pipeline.hangul``), and the most consistent of them is its form. Rows: English
word or name, form, English sentences, origin (Ukrainian adds Russian's names respelt: ``respelt``).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.curated import path_for
from pipeline.lexicon import (
    HANGUL_WORD,
    KEY_LETTERS,
    PARTICLE,
    dictionary_form,
    likeness,
    name_words,
    nominative_of,
    sounds_like,
    spells_name,
)
from pipeline.names import can_transliterate, find_names, transliterate
from tools.standin.corpus import training_pairs

ROOT = Path(__file__).resolve().parents[1]
_CAPITALISED = re.compile(r"(?<![\w-])[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,}(?![\w-])")
_ACRONYM = re.compile(r"(?<![\w-])[А-ЯЁІЇЄҐ]{2,5}(?![\w-])")
_INSIDE = re.compile(r"(?<=[\w,;] )[^\W\d_]+")
MIN_SENTENCES = 3
MIN_SENTENCES_UNLIKE = 10
MIN_DICE = 0.35
MIN_ACRONYM_SHARE = 0.25
MIN_LIKENESS_SHARED = 0.56
CLEAR_LIKENESS = 0.9


def _references(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """English sentence → its references: several references of one sentence are one piece of evidence."""
    references: dict[str, list[str]] = defaultdict(list)
    for english, target in pairs:
        references[english].append(target)
    return references


def _target_words(target: str, lang: str) -> list[tuple[str, str]]:
    """(key, form) of each word of ``target`` that may write a name: in Russian and Ukrainian a
    capitalised word, keyed on the first letters that case endings leave alone; in Korean each
    word, and the word without a particle after it (오바마는: 오바마), keyed on itself."""
    if can_transliterate(lang):
        return [(w[:KEY_LETTERS].lower(), w) for w in _CAPITALISED.findall(target)]
    words = HANGUL_WORD.findall(target)
    return [(w, w) for w in words] + [(stem, stem) for w in words if (stem := PARTICLE.sub("", w)) and stem != w]


def mine(pairs: list[tuple[str, str]], lang: str) -> dict[str, tuple[str, int]]:
    """English name word → (target form, English sentences it was seen in)."""
    references = _references(pairs)
    word_count: Counter[str] = Counter()
    key_count: Counter[str] = Counter()
    joint: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    # How often each word is written capitalised and lower-case inside a sentence: "What", "North"
    # or "Court" begin names now and then but are words first.
    capitalised: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    # Counted once per English sentence: several references of one sentence are one piece of evidence.
    for english, targets in references.items():
        for word in _INSIDE.findall(english):
            (capitalised if word[0].isupper() else lower)[word] += 1
        words = {w for name in find_names(english) for w in name_words(name.text)}
        found = [(key, form) for target in targets for key, form in _target_words(target, lang)]
        keys = {key for key, _ in found}
        word_count.update(words)
        key_count.update(keys)
        for w in words:
            joint[w].update(keys)
            for key, form in found:
                surfaces[(w, key)][form] += 1
    lexicon = {}
    for w, n in word_count.items():
        if n < MIN_SENTENCES or not joint[w]:
            continue
        spelt = transliterate(w, lang).lower()[: KEY_LETTERS if can_transliterate(lang) else None]
        candidates = joint[w].items()
        if not can_transliterate(lang):
            # Korean writes a name without capitals: only words that sound like it are candidates.
            candidates = [kv for kv in candidates if sounds_like(kv[0], spelt)]
        # Most consistent first; of equals, the one most like the name's letters.
        key, both = max(candidates, key=lambda kv: (2 * kv[1] / (n + key_count[kv[0]]), likeness(spelt, kv[0]), kv[0]), default=("", 0))
        if both < MIN_SENTENCES or 2 * both / (n + key_count[key]) < MIN_DICE:
            continue
        form = nominative_of(w, dictionary_form(surfaces[(w, key)], lang), lang) if can_transliterate(lang) else key
        if capitalised[w] < lower[w.lower()]:
            continue  # a word first ("Left", "North"): its capital begins a name now and then
        # A form unlike the name's letters (Грузия for Georgia) needs more evidence than one like them.
        alike = not can_transliterate(lang) or spells_name(form, transliterate(w, lang))
        if alike or (both >= MIN_SENTENCES_UNLIKE and _only_partner(w, key, joint, word_count, key_count)):
            lexicon[w] = (form, both)
    return _unshared(lexicon, lang) if can_transliterate(lang) else lexicon


def _unshared(lexicon: dict[str, tuple[str, int]], lang: str) -> dict[str, tuple[str, int]]:
    """``lexicon`` without a word that spells its form poorly where another spells it clearly: the
    words of one name come together, so the first may take the second's form (Johns: Хопкинс,
    Hopkins'; Grande: Ариана, Ariana's); two spellings of one name keep it both (Reid and Reed:
    Рид), as do words no other spells clearly (Europe and European: Европа)."""
    like = {w: likeness(transliterate(w, lang).lower(), form.lower()) for w, (form, _) in lexicon.items()}
    best: dict[str, float] = defaultdict(float)
    for w, (form, _) in lexicon.items():
        best[form] = max(best[form], like[w])
    return {w: row for w, row in lexicon.items() if like[w] >= MIN_LIKENESS_SHARED or best[row[0]] < CLEAR_LIKENESS}


def acronyms(pairs: list[tuple[str, str]], lexicon: dict[str, tuple[str, int]]) -> dict[str, tuple[str, int]]:
    """Name of two or more words → (the acronym the target writes for it, English sentences
    seen together): США for United States, ЕС for European Union, where the acronym holds, in
    order, the initials of the ``lexicon`` forms of the name's words (Штаты: Ш) and comes with
    the name in a good share of its sentences. A frequent acronym beside a name (США beside
    North Korea) holds none of its initials."""
    name_count: Counter[str] = Counter()
    joint: dict[str, Counter[str]] = defaultdict(Counter)
    for english, targets in _references(pairs).items():
        names = {n.text for n in find_names(english) if len(name_words(n.text)) >= 2}
        found = {a for target in targets for a in _ACRONYM.findall(target)}
        name_count.update(names)
        for name in names:
            joint[name].update(found)
    rows = {}
    for name, n in sorted(name_count.items()):
        initials = "".join(lexicon[w][0][0] for w in name_words(name) if w in lexicon)
        matching = [(both, a) for a, both in joint[name].items() if initials and _in_order(initials, a)]
        both, acronym = max(matching, default=(0, ""))
        if both >= MIN_SENTENCES_UNLIKE and both / n >= MIN_ACRONYM_SHARE:
            rows[name] = (acronym, both)
    return rows


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def _only_partner(word: str, key: str, joint: dict[str, Counter[str]], word_count: Counter[str], key_count: Counter[str]) -> bool:
    """Whether ``word`` goes with ``key`` more consistently than any other name word does: the
    words of one name all occur with its target words (Johnson with Борис, Haram with Боко)."""
    dice = {w: 2 * keys[key] / (word_count[w] + key_count[key]) for w, keys in joint.items() if keys[key]}
    return all(score < dice[word] for w, score in dice.items() if w != word)


def respelt(lexicon: dict[str, tuple[str, int]], sibling: dict[str, tuple[str, int]]) -> dict[str, tuple[str, int, str]]:
    """Ukrainian's lexicon (few distinct sources) with the names only Russian's knows, respelt
    (``respell``)."""
    rows = {w: (form, n, "corpus") for w, (form, n) in lexicon.items()}
    for w, (form, n) in sibling.items():
        if w not in rows:
            rows[w] = (respell(form), n, "ru respelt")
    return rows


_VOWELS = "аеёиоуыэюяАЕЁИОУЫЭЮЯ"
_KEEP_I = "\x00"  # an и that stays и, until the other и are і
_RESPELLINGS = [
    # English W as Ukrainian writes it (William: Уильям → Вільям).
    (r"^Уи", "Ві"),
    # Adjectives' endings (Хмельницкий → Хмельницький).
    (r"(?<=[сц])к(?:ий|ая|ое|ого)$", lambda m: "ьк" + {"кий": "ий", "кая": "а", "кое": "е", "кого": "ого"}[m[0]].replace("и", _KEEP_I)),
    # A Russian е that sounds [je]: at the start, after a vowel or a soft or hard sign (Гуляев → Гуляєв,
    # Пьер → П'єр); its э never does (Рафаэль → Рафаель). So with ё (Семёнов → Семьонов).
    (r"^Е", "Є"),
    (rf"(?<=[{_VOWELS}])е(?!л$)", "є"),  # not in Daniel, Samuel (Дэниел → Деніел)
    (r"(?<=[бпвмфБПВМФ])[ьъ]е", "'є"),
    (r"ъе", "'є"),
    (r"ье", "ьє"),
    (r"^Ё", "Йо"),
    (rf"(?<=[{_VOWELS}])ё", "йо"),
    (r"ё", "ьо"),
    (r"иа$", "ія"),  # Гарсиа → Гарсія
    # Russian и is Ukrainian і, but ї after a vowel (Каир → Каїр, Израиль → Ізраїль, Льюис → Льюїс)
    # and и after ж, ч, ш, щ, ц before a consonant (Ширак, Джим, Черчилль, Чикаго).
    (rf"(?<=[{_VOWELS}ьЬ])и", "ї"),
    (r"(?<=[жчшщцЖЧШЩЦ])и(?=[бвгґджзклмнпрстфхцчшщ])", _KEEP_I),
    (r"и", "і"),
    (r"И", "І"),
    (r"ы", "и"),
    (r"э", "е"),
    (r"Э", "Е"),
    (_KEEP_I, "и"),
]


def respell(form: str) -> str:
    """A Russian form of a foreign name in Ukrainian spelling, by the letters that differ (Доминго →
    Домінго, Кения → Кенія, Руни → Руні, Гуляев → Гуляєв, Каир → Каїр, Ширак, Уильямс → Вільямс)."""
    for pattern, replacement in _RESPELLINGS:
        form = re.sub(pattern, replacement, form)
    return form


def write(rows: dict[str, tuple[str, int, str]], path: Path) -> None:
    lines = [f"{w}\t{form}\t{n}\t{origin}" for w, (form, n, origin) in sorted(rows.items())]
    path.write_text("english\tform\tsentences\torigin\n" + "\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", nargs="+", default=["ru", "uk", "ko"])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args(argv)
    mined = {}
    for lang in args.lang:
        pairs = training_pairs(args.corpora, lang)
        words = mine(pairs, lang)
        mined[lang] = words | acronyms(pairs, words)
    for lang, lexicon in mined.items():
        rows = respelt(lexicon, mined["ru"]) if lang == "uk" and "ru" in mined else {w: (f, n, "corpus") for w, (f, n) in lexicon.items()}
        write(rows, path_for(lang))
        print(f"{lang}: {len(lexicon)} name words and acronyms from its corpus, {len(rows)} in all → {path_for(lang)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
