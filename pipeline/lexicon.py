"""Names outside the glossary, written in the translation as people and the corpora write them.

The stand-in models garble names they have seen many times («Чекаго» for Chicago, «Мик
Ббински» for Mike Bobinski) or copy them in Latin letters. Each word of a name found in the
source (``pipeline.names``) is written, in order of trust, as reviewers wrote it in a
translation they approved (the memory), as the corpora write it (the names lexicon,
``data/names.<lang>.tsv``, built by ``tools.lexicon``), or by transliteration. Where the
model's rendering of the word does not begin as that form does, the form takes its place,
inflected for the name's position as a glossary term would be; a transliteration is flagged
``name-unverified`` for the reviewer. A rendering unlike any of them (the model translated
the word, or wrote another) is left alone. A name the translation lost altogether is put
before the word the model attended to it most (``place_names``), also flagged for review:
a wrongly placed name is seen and moved, a dropped one is not missed.

Korean writes foreign names by their sounds, without capitals or case endings: a name the model
left in Latin letters is written as the corpora write it, else transcribed (``pipeline.hangul``)
with the English after it in brackets and flagged; a garbled rendering of a name the corpora
know takes their form (``_write_names_by_sound``). Only a name the lexicon or reviewers know
word by word can be missed there (no letter-by-letter spelling to compare): it is placed by
attention as in Russian, and ``name-lost`` reports it otherwise.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from functools import cache

from pipeline import curated, inflect, romanised
from pipeline.engine import Alignment
from pipeline.languages import profile
from pipeline.memory import Memory
from pipeline.model import Segment, State, TermHit, content_hash
from pipeline.names import CONNECTORS, Name, can_spell, can_transliterate, name_present, spellings, transliterate, uncovered_names
from pipeline.romanised import chinese, japanese, korean
from pipeline.terms import attended

# Case endings leave a name's first four letters alone (Льюис, Льюиса, Льюисом).
KEY_LETTERS = 4
# How close a word of the translation, beginning with the same letter, must be to the lexicon's
# form (or a transliteration) to be taken for the model's attempt at the name (Сад for Саид,
# Кокинсен for Коскинен).
SIMILAR = 0.6
# pymorphy3's tags of proper names (Russian and Ukrainian dictionaries).
NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")
_NEVER_NAMES = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "INTJ", "VERB", "INFN", "PRED"})
_SAME_SOUND = ("ву", "гхк", "еэє", "иіїйы")
# A Korean word and the particle that may follow it (오바마는: 오바마).
HANGUL_WORD = re.compile(r"[가-힣]+")
PARTICLE = re.compile(f"(?:{'|'.join(profile('ko').particles)})$")
# How alike in sound a Korean word must be to a name's form to be taken for the model's attempt at
# it, and how alike a word as long as the form is a variant spelling (맥케인, 매케인), left alone.
GARBLED = 0.7
VARIANT = 0.85
# The English of a name in brackets after its Hangul («월커(Walker)»).
_IN_BRACKETS = re.compile(r"\(([A-Za-z][^()]*)\)")
# How alike a Korean word must be to a name's form or transcription to be taken for a spelling of it,
# and, where the model attended to the name there, for its attempt at it.
SAME_SOUNDS = 0.6
ATTEMPT = 0.4
_BRAND = re.compile(r"(?<!\bMc)(?<!\bMac)[a-z][A-Z]|[A-Z]{2}[a-z]")
_CYRILLIC_WORD = re.compile(r"(?<![\w-])[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?![\w-])")


def lexicon_version(lang: str) -> str:
    """Short content hash of ``lang``'s names lexicon, the curated names and the readings and lists
    of romanised names (``romanised``), for the run signature ("-" where there is none)."""
    lists = (curated.path_for(lang), curated.CURATED, korean.SYLLABLES, korean.PEOPLE, chinese.PEOPLE, japanese.PEOPLE)
    files = [path for path in lists if path.is_file()]
    return content_hash(b"".join(path.read_bytes() for path in files)) if files else "-"


def name_words(name: str) -> list[str]:
    """The words of a name a lexicon keys on: not connectors ("of", "al"), initials or acronyms."""
    return [w for w in re.findall(r"[^\W\d_]+", name) if len(w) >= 3 and not w.isupper() and w.lower() not in CONNECTORS]


@cache
def corpus_names(lang: str) -> dict[str, str]:
    """English name word (or name of several words: its acronym) → the form the corpora write,
    or the curated list has, for ``lang`` (empty where neither has any)."""
    return curated.mined(lang) | curated.forms(lang)


def dictionary_form(forms: Counter[str], lang: str) -> str:
    """The name's dictionary form from the forms a text writes, in this order: the lemma of
    one where the text writes it too (Майк from Майка, Майк); a form the dictionary reads as
    a nominative (Антипов); the lemma of a word the dictionary knows as a name (Коскинен from
    Коскинена); else the commonest spelling (Шойбле, never declined)."""
    commonest = [form for form, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]
    attested = {_plain(form): form for form in commonest[::-1]}
    lemmas: Counter[tuple[str, bool]] = Counter()  # (lemma, known as a name)
    nominative = []
    for form in commonest:
        parses = [p for p in inflect.morph(lang).parse(form) if p.tag.POS == "NOUN"]
        names = [p for p in parses if any(tag in str(p.tag) for tag in NAME_TAGS)]
        if names or parses:
            lemmas[_plain((names or parses)[0].normal_form), bool(names)] += forms[form]
        if any("nomn" in p.tag and "plur" not in p.tag for p in parses):
            nominative.append(form)
    ranked = sorted(lemmas.items(), key=lambda kv: (-kv[1], kv[0]))
    for (lemma, _), _ in ranked:
        if lemma in attested:
            return attested[lemma]
    if nominative:
        return nominative[0]
    for (lemma, is_name), _ in ranked:
        if is_name:
            return lemma[:1].upper() + lemma[1:]
    return commonest[0]


def nominative_of(english: str, form: str, lang: str) -> str:
    """``form`` (``dictionary_form``'s) of the English name word ``english``, without the
    genitive ending the corpora wrote it with where they wrote no other form («Корбина» for
    Corbyn, «Тайлера» for Tyler: the dictionary, not knowing the name, takes the genitive for a
    woman's nominative): for a name ending in a consonant, a form ending in a consonant and «а»
    that neither language's dictionary knows as a nominative loses it; one it knows as a
    genitive becomes its lemma («Кубка» → «Кубок»), as does one it knows as the genitive of a
    surname or a place, before a woman's nominative it may also be («Гагарина» → «Гагарин»). A
    final e English does not pronounce ends the name in a consonant («Ланкашира» → «Ланкашир»)."""
    silent_e = english.lower().endswith(_SILENT_E)
    if (english[-1:].lower() not in _CONSONANTS and not silent_e) or not _GENITIVE_A.search(form):
        return form
    parses = [p for code in ("ru", lang) for p in inflect.morph(code).parse(form.lower()) if p.is_known and p.tag.POS == "NOUN"]
    if not silent_e and any(
        p.tag.case == "gent" and p.normal_form == form[:-1].lower() and {"Surn", "Name", "Geox"} & p.tag.grammemes for p in parses
    ):
        return form[:-1]  # a man's surname or a place the dictionary knows in the genitive («Гагарина», «Орлеана»)
    if any(p.tag.case == "nomn" and p.tag.number != "plur" for p in parses):
        return form  # «Польша», «Мьянма», «Балтика»
    if genitive := next((p.normal_form for p in parses if p.tag.case == "gent"), ""):
        return genitive[:1].upper() + genitive[1:]
    return form[:-1]


_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
# English endings whose e is not pronounced, so that the name ends in a consonant (Lancashire:
# «Ланкашир», Maguire, Merseyside, Plouffe); Simone, Felipe end in a vowel.
_SILENT_E = ("le", "re", "de", "ffe")
_GENITIVE_A = re.compile(r"[бвгґджзклмнпрстфхцчшщ]а$")


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


def approved_names(memory: Memory, segments: list[Segment], lang: str) -> dict[str, str]:
    """Name word → the form reviewers wrote for it in the latest translations they approved
    that hold it, for the names of ``segments``."""
    if not can_spell(lang):
        return {}
    corpus = corpus_names(lang)
    words = sorted({w for seg in segments for name in uncovered_names(seg, curated.protected(seg, lang)) for w in name_words(name.text)})
    approved = {}
    for word in words:
        ways = spellings(word, lang)
        spelt = ways[0]
        forms: Counter[str] = Counter()
        for _, target in memory.containing(word, lang):
            if can_transliterate(lang):
                rendering = _rendering(target, corpus.get(word, spelt), ways)
            else:  # Korean: the word that sounds most like the name, without its particle
                rendering = _sounding(target, corpus.get(word, spelt), SAME_SOUNDS) or _sounding(target, spelt, SAME_SOUNDS)
            if rendering:
                forms[rendering.group()] += 1
        if forms:
            approved[word] = dictionary_form(forms, lang) if can_transliterate(lang) else forms.most_common(1)[0][0]
    return approved


def write_names(seg: Segment, lang: str, approved: Mapping[str, str] | None = None) -> None:
    """Mend the names of ``seg``'s ``lang`` translation (see the module's doc); ``approved``:
    name word → the form reviewers wrote (``approved_names``)."""
    if not can_transliterate(lang):
        _write_names_by_sound(seg, lang, approved)
        return
    tr = seg.target(lang)
    known = _known(lang, approved)
    taken = _written_words(r.form for r in tr.terms) | _protected_words(seg, lang)
    uncovered = uncovered_names(seg, curated.protected(seg, lang))
    for name in uncovered:
        if name.text.isupper():
            if curated.is_organisation(name.text):
                # Left to the model before a noun ("NATO leaders") and kept in Latin: the language's acronym.
                tr.text = re.sub(rf"(?<![\w-]){re.escape(name.text)}(?![\w-])", curated.forms(lang)[name.text], tr.text)
            continue
        hit = TermHit("name", name.start, name.end, name.text)
        latin = re.search(rf"(?<![\w-]){re.escape(name.text)}(?![\w-])", tr.text)
        if latin:
            spelt = _spelt(name.text, known, lang)
            form = curated.fitted(spelt, name.text, lang, seg.source, hit, tr.text[: latin.start()], tr.text[latin.end() :])
            tr.text = tr.text[: latin.start()] + form + tr.text[latin.end() :]
            if any(w not in known for w in re.findall(r"[^\W\d_]+", name.text)):
                tr.transliterated.append(f"{name.text} → {form}")
            continue
        for word in name_words(name.text):
            ways = spellings(word, lang)
            spelt = ways[0]
            wanted = known.get(word, spelt)
            # The word left in Latin letters while the rest of the name was not (where its form is
            # known: a name kept in Latin, "Urban Taskforce", is not spelt out), else the model's attempt at it.
            latin_word = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", tr.text) if word in known else None
            rendering = latin_word or _rendering(tr.text, wanted, ways, taken)
            if rendering is not None and (
                rendering.group() == wanted
                or (_begins_as(rendering.group(), wanted) and inflect.before_dative_predicate(tr.text[rendering.end() :], lang))
            ):
                # The model wrote the name as it is, in the nominative (or in any case before a word
                # whose subject is in the dative, «Тома нужна»): in the case its place asks (the
                # English governor, the words the model put around it), as a term would be:
                # «запросити Тома», not «запросити Том»; «Тому нужна».
                form = curated.fitted(wanted, word, lang, seg.source, hit, tr.text[: rendering.start()], tr.text[rendering.end() :])
                tr.text = tr.text[: rendering.start()] + form + tr.text[rendering.end() :]
                taken |= _written_words([form])
                continue
            if rendering is None or _begins_as(rendering.group(), wanted):
                continue
            if not latin_word and any(_begins_as(rendering.group(), way) for way in ways) and not spells_name(wanted, spelt):
                continue  # a transcription where the lexicon has another name's word (Johnson, Борис): the model's own reading
            if word not in known and not latin_word and _adjective(rendering.group(), lang):
                continue  # the model translated a name's adjective («Национальная» for National)
            form = curated.fitted(wanted, word, lang, seg.source, hit, tr.text[: rendering.start()], tr.text[rendering.end() :])
            tr.text = tr.text[: rendering.start()] + form + tr.text[rendering.end() :]
            taken |= _written_words([form])
            if word not in known:
                tr.transliterated.append(f"{word} → {form}")
    for name in uncovered:
        if len(words := name_words(name.text)) > 1:
            first, last = (known.get(word, spellings(word, lang)[0]) for word in (words[0], words[-1]))
            if curated.is_person(words[0]) and words[0] in known:
                hit = TermHit("name", name.start, name.start + len(words[0]), words[0])
                # The forms of the sentence's other capitalised words: a place before the surname is none of its first name.
                others = {
                    form[:KEY_LETTERS].lower()
                    for w in re.findall(r"[A-Z][\w'’-]+", seg.source)
                    if w not in words and (form := known.get(w) or curated.forms(lang).get(w, ""))
                }
                tr.text = _first_name_kept(tr.text, first, last, seg.source, hit, lang, taken, others)
            tr.text = _surname_agreeing(tr.text, first, last, lang)
            tr.text = _verb_agreeing(tr.text, first, last, seg.source, TermHit("name", name.start, name.end, name.text), lang)


def _first_name_kept(text: str, first: str, last: str, source: str, hit: TermHit, lang: str, taken: set[str], others: set[str]) -> str:
    """``text`` with a listed first name (``hit``, written ``first``) that the model lost or turned
    into another word before the surname it kept put back, in the case its place asks («Проктор
    Орбан» for "Viktor Orban" → «Виктор Орбан»; «встретил Орбана» → «встретил Виктора Орбана»).
    ``others``: the first letters of the forms of the source's other names, which a word before
    the surname may be («В Будапеште Орбан»: Budapest, not the model's Viktor)."""
    if re.search(rf"(?<![\w-]){re.escape(first[:KEY_LETTERS])}", text, re.IGNORECASE):
        return text
    surname = re.search(rf"(?<![\w-]){re.escape(last[:KEY_LETTERS])}[^\W\d_]*", text)
    if surname is None:
        return text
    start = surname.start()
    # The word before the surname is the model's attempt at the first name where it is capitalised
    # and no name or term of the sentence: inside the sentence, or at its start where the English
    # name begins the sentence too ("President Vladimir Putin": «Президент Путин» keeps its title).
    other = re.search(r"([^\W\d_]+)\s+$", text[:start])
    if other and other.group(1)[0].isupper() and other.group(1) not in taken and other.group(1)[:KEY_LETTERS].lower() not in others:
        opening = not text[: other.start(1)].strip(" \"'«“„(—–-")
        if not opening or not source[: hit.start].strip(" \"'“‘«(—–-"):
            start = other.start(1)
    form = curated.fitted(first, hit.text, lang, source, hit, text[:start], text[surname.start() :])
    return f"{text[:start]}{form} {text[surname.start() :]}"


def _surname_agreeing(text: str, first: str, last: str, lang: str) -> str:
    """``text`` with a name's surname in the case of its first name before it, where the model
    declined only the first name («с Дональдом Трампа» → «с Дональдом Трампом», «Владимиру
    Буланов» → «Владимиру Буланову»): a first name the dictionary knows in one case only. A
    woman's surname that ends in a consonant is not declined («с Сандрой Кортес», where the
    name's place had made it «Кортесом»)."""
    analyzer = inflect.morph(lang)

    def agreeing(m: re.Match[str]) -> str:
        given, surname = m.group(1), m.group(2)
        parses = [p for p in analyzer.parse(given.lower()) if "Name" in p.tag]
        cases = {p.tag.case for p in parses}
        if len(cases) != 1 or "nomn" in cases:
            return m.group()
        if all(p.tag.gender == "femn" for p in parses) and last[-1:].lower() not in "ая":
            return f"{given} {last}"
        if case_of(surname) & cases:
            return m.group()
        form = inflect.inflect_noun(last, lang, cases.pop(), person=True)
        return f"{given} {form}" if case_of(form) else m.group()

    def case_of(word: str) -> set[str]:
        return {p.tag.case for p in analyzer.parse(word.lower()) if p.tag.POS == "NOUN" and p.tag.case}

    pattern = rf"(?<![\w-])({re.escape(first[:KEY_LETTERS])}\w*) ({re.escape(last[:KEY_LETTERS])}\w*)(?![\w-])"
    return re.sub(pattern, agreeing, text)


def _verb_agreeing(text: str, first: str, last: str, source: str, hit: TermHit, lang: str) -> str:
    """``text`` with the past-tense verb of a person's name the English makes a subject in their
    gender («Анна Баербок сказал» → «сказала»; '"…," said Annalena Baerbock': «— сказала
    Анналена Баербок»; «Виктор Орбан встретила» → «встретил»), as a protected name's is
    (``inflect.agree_past_verb``): a first name, written as we spell it, that the dictionary knows
    in the nominative as a man's, or as a woman's where it ends in "a" in English («Тайлера» for
    Tyler, a genitive, is a woman's nominative to the dictionary)."""
    pattern = rf"(?<![\w-]){re.escape(first[:KEY_LETTERS])}\w*(?: [\w-]+)*? {re.escape(last[:KEY_LETTERS])}\w*(?![\w-])"
    m = re.search(pattern, text)
    given = m.group().split()[0] if m else ""
    genders = {p.tag.gender for p in inflect.morph(lang).parse(given.lower()) if "Name" in p.tag and p.tag.case == "nomn"}
    if not m or given.lower() != first.lower() or len(genders) != 1 or genders == {"femn"} and not hit.text.split()[0].endswith("a"):
        return text
    gender = inflect.subject_gender(m.group(), m.group(), lang, source=source, hit=hit, person=True, known=str(genders.pop()))
    before = inflect.agree_verb_before(text[: m.start()], gender, lang) if inflect.said_by(source, hit) else text[: m.start()]
    after = inflect.agree_past_verb(text[: m.start()], text[m.end() :], gender, lang, apposition=inflect.apposition(source, hit))
    return before + m.group() + after


def _write_names_by_sound(seg: Segment, lang: str, approved: Mapping[str, str] | None = None) -> None:
    """Mend the names of ``seg``'s ``lang`` translation in a language that writes foreign names
    by their sounds (Korean). A name left in Latin letters is written as reviewers or the corpora
    write it where they know every word (``approved``, the names lexicon: 워커), else by its sounds
    (``Language.transcribe``) with the English after it in brackets, as the Korean press writes
    a foreign name («월커(Walker)»: a rough transcription does not hide the name), flagged for
    review. A word of the translation that sounds like a name word the corpora know but is not
    their form, nor a variant of it as long (맥케인, 매케인), is the model's garbled attempt
    (로드리그 for Rodriguez, 페니스베니아 for Pennsylvania): their form replaces it. The particle
    after a name is fitted to its new last syllable."""
    if not can_spell(lang):
        return
    tr = seg.target(lang)
    known = _known(lang, approved)
    # Glossary terms and every name's form are nobody's garbled attempt (부시 for Bush, not Bashir's).
    taken = {w for r in tr.terms for w in HANGUL_WORD.findall(r.form)} | set(known.values()) | _protected_words(seg, lang)
    for name in uncovered_names(seg, curated.protected(seg, lang)):
        if name.text.isupper():
            continue  # an acronym is written as it is (NATO)
        # The whole name, else each word of it the model kept in Latin letters.
        for text in [name.text] if _latin(name.text, tr.text) else name_words(name.text):
            confirmed = _confirmed(re.findall(r"[^\W\d_]+", text), known)
            if not confirmed and _BRAND.search(text):
                continue  # a brand's capitals inside a word (BSkyB, WikiLeaks): kept as written
            form = _once(_spelt(text, known, lang))
            bracketed = False
            while form.strip() and (found := _latin(text, tr.text)):
                tr.text = _put(tr.text, found, form)
                if not confirmed and not bracketed:  # the English once, at the first mention
                    end = found.start() + len(form)
                    tr.text = f"{tr.text[:end]}({text}){tr.text[end:]}"
                    tr.transliterated.append(f"{text} → {form}")
                    bracketed = True
        for word in name_words(name.text):
            form = known.get(word, "")
            if len(form) < 2 or form in tr.text or not (garbled := _garbled(tr.text, form, taken)):
                continue
            tr.text = _put(tr.text, garbled, form)
            taken.add(form)


def english_once(segments: Iterable[Segment], lang: str) -> None:
    """A transcribed name's English in brackets at its first mention in an article only
    («월커(Walker)», then «월커»), as the Korean press writes it: ``segments`` are an article's,
    in order. A machine translation's later mentions lose their brackets (each is still flagged
    ``name-unverified``); text a person wrote is left as it is, and its brackets count as a mention."""
    if can_transliterate(lang) or not can_spell(lang):
        return
    shown: set[str] = set()
    for seg in segments:
        tr = seg.target(lang)
        if tr.state in (State.MACHINE, State.NEEDS_REVIEW):
            for entry in tr.transliterated:
                english, _, form = entry.partition(" → ")
                if english in shown:
                    tr.text = tr.text.replace(f"{form}({english})", form)
        shown.update(_IN_BRACKETS.findall(tr.text))


def _put(text: str, found: re.Match[str], form: str) -> str:
    """``text`` with ``form`` in place of ``found``, the particle after it fitted to its last syllable."""
    return inflect.fix_particle(text[: found.start()] + form + text[found.end() :], found.start(), form)


def _garbled(text: str, form: str, taken: Collection[str]) -> re.Match[str] | None:
    """The word of ``text`` (without its particle) most like ``form`` in sound, unless it is a
    variant spelling of it as long as it."""
    found = _sounding(text, form, GARBLED, taken)
    if found and len(found.group()) == len(form) and likeness(found.group(), form) >= VARIANT:
        return None
    return found


def _sounding(text: str, form: str, threshold: float, taken: Collection[str] = ()) -> re.Match[str] | None:
    """The Hangul word of ``text``, without its particle and not one of ``taken``, most like
    ``form`` of those that sound like it (``sounds_like``)."""
    best, best_score = None, 0.0
    for found in HANGUL_WORD.finditer(text):
        word = PARTICLE.sub("", found.group()) or found.group()
        if word not in taken and sounds_like(word, form, threshold) and (score := likeness(word, form)) >= best_score:
            best, best_score = re.compile(re.escape(word)).match(text, found.start()), score
    return best


def sounds_like(word: str, form: str, threshold: float = SAME_SOUNDS) -> bool:
    """Whether a Korean word may write the name ``form`` (a lexicon form or a transcription):
    ``threshold`` alike letter by letter, beginning with its sound and about as long (다우, not
    다우존스, for Dow; 아프리카, not 남아프리카, for Africa; 북한 is no spelling of North)."""
    return abs(len(word) - len(form)) <= 1 and _letters(word)[:1] == _letters(form)[:1] and likeness(word, form) >= threshold


def _once(form: str) -> str:
    """A name's form with each word written once where the corpora write several English words
    as one (Hong Kong: 홍콩 for each, San Francisco: 샌 and 샌프란시스코)."""
    words = form.split(" ")
    return " ".join(w for i, w in enumerate(words) if not (i + 1 < len(words) and words[i + 1].startswith(w)))


def _latin(text: str, target: str) -> re.Match[str] | None:
    """``text`` in ``target`` as a word of Latin letters (a particle may follow it), not in brackets."""
    for found in re.finditer(rf"(?<![A-Za-z0-9(-]){re.escape(text)}(?![A-Za-z0-9)-])", target):
        if target.rfind("(", 0, found.start()) <= target.rfind(")", 0, found.start()):
            return found
    return None


def _adjective(word: str, lang: str) -> bool:
    """Whether the dictionary knows ``word`` as an adjective (names are not garbled into one)."""
    return any(p.is_known and p.tag.POS == "ADJF" for p in inflect.morph(lang).parse(word))


def _protected_words(seg: Segment, lang: str) -> set[str]:
    """The words of ``seg``'s translation that write a name protected through translation (a
    listed or romanised one: ``curated``, ``romanised``), in any case: nobody's garbled rendering
    («Путіна» is no attempt at Beijing's «Пекін»)."""
    forms = [
        curated.base(h.text, lang) if h.term_id == curated.NAME else romanised.hit_written(h, lang)
        for h in curated.protected(seg, lang)
        if h.term_id == curated.NAME or romanised.is_name(h)
    ]
    word = _CYRILLIC_WORD if can_transliterate(lang) else HANGUL_WORD
    written = {w for form in forms for w in word.findall(form)}
    stems = {w[:KEY_LETTERS] for w in written}
    return written | {w for w in word.findall(seg.target(lang).text) if w[:KEY_LETTERS] in stems}


def _written_words(forms: Iterable[str]) -> set[str]:
    """The words of glossary terms' forms and names already written: nobody's garbled rendering."""
    return {w for form in forms for w in _CYRILLIC_WORD.findall(form)}


def _rendering(text: str, wanted: str, spelt: Iterable[str], taken: Collection[str] = ()) -> re.Match[str] | None:
    """The capitalised word of ``text``, not one of ``taken``, most like the lexicon's form or
    a transliteration (``names.spellings``), if like enough."""
    best, best_score = None, SIMILAR
    for m in _CYRILLIC_WORD.finditer(text):
        if m.group() in taken:
            continue
        word = m.group().lower()
        # Close in letters and beginning alike: shared case endings alone make words look close (Англійська, Українська).
        score = max(
            difflib.SequenceMatcher(None, target.lower(), word[: len(target) + 1]).ratio() if _alike(word[0], target[0].lower()) else 0.0
            for target in (wanted, *spelt)
        )
        if score >= best_score:
            best, best_score = m, score
    return best


def _begins_as(word: str, form: str) -> bool:
    return word[:KEY_LETTERS].lower() == form[:KEY_LETTERS].lower()


def spells_name(form: str, spelt: str) -> bool:
    """Whether the lexicon's form is a spelling of the name (Льюис, Леуис) rather than another word (Грузия, Георгиа)."""
    return likeness(spelt, form) >= 0.5


def likeness(a: str, b: str) -> float:
    """How alike two spellings are, letter by letter; Hangul by its letters, not its syllables
    (워커 and 월커 differ by one of five, not one of two)."""
    return difflib.SequenceMatcher(None, _letters(a), _letters(b)).ratio()


def _letters(word: str) -> str:
    word = word.lower()
    return unicodedata.normalize("NFD", word) if re.search("[가-힣]", word) else word


def _alike(a: str, b: str) -> bool:
    """Whether two first letters may spell one sound of a name (W → В or У, H → Г or Х, Kh → Х or,
    as a model drops the h, К: «Кархив» for Kharkiv, «Кимки» for Khimki)."""
    return a == b or any(a in group and b in group for group in _SAME_SOUND)


def lost_names(names: list[Name], text: str, lang: str) -> list[Name]:
    """The ``names`` of a source outside the glossary (``uncovered_names``; acronyms aside,
    which are translated) that its translation ``text`` does not write in any form
    ``name_written`` takes."""
    if not text.strip():
        return []
    return [n for n in names if not n.text.isupper() and not name_written(n.text, text, lang)]


def name_written(name: str, target: str, lang: str) -> bool:
    """The name, a plausible spelling of it, the acronym the names lexicon has for the whole name,
    or the lexicon's form of its last word, as ``name_present`` reads the last (Грузии for
    Georgia; a surname, not a first name, tells a person). In a language that writes names by
    their sounds (Korean), only a name the lexicon knows word by word can be missed: its last
    word's form, or a word that sounds like it, or the name in Latin letters, is it."""
    if not can_transliterate(lang):
        words = name_words(name)
        known = corpus_names(lang)
        if not can_spell(lang) or not words or not _confirmed(words, known) or name.lower() in target.lower():
            return True
        return known[words[-1]] in target or _sounding(target, known[words[-1]], SAME_SOUNDS) is not None
    if name_present(name, target, lang):
        return True
    acronym = corpus_names(lang).get(name, "")
    if acronym.isupper() and re.search(rf"(?<![\w-]){acronym}(?![\w-])", target):
        return True  # США for United States
    last = (name_words(name) or [""])[-1]
    form = corpus_names(lang).get(last, "")[:KEY_LETTERS].lower()
    return bool(form) and any(word.lower().startswith(form) for word in re.findall(r"[^\W\d_]+", target))


def names_to_place(seg: Segment, lang: str, approved: Mapping[str, str] | None = None) -> list[Name]:
    """The names ``seg``'s ``lang`` translation lost that ``place_names`` puts back: only those
    the corpora or reviewers confirm word by word (a capitalised word that only looks like a
    name, "Additionally", "Property", is not put into a sentence)."""
    if not can_spell(lang) or seg.boilerplate:
        return []
    known = _known(lang, approved)
    lost = lost_names(uncovered_names(seg, curated.protected(seg, lang)), seg.target(lang).text, lang)
    return [name for name in lost if _confirmed(name_words(name.text), known)]


def _known(lang: str, approved: Mapping[str, str] | None) -> dict[str, str]:
    """Name word → its form: the corpora's, overridden by reviewers' (``approved_names``)."""
    return {**corpus_names(lang), **(approved or {})}


def _confirmed(words: list[str], known: Mapping[str, str]) -> bool:
    # A name with no word the lexicon keys on ("No", "Ed" at a clause's start) is never confirmed.
    return bool(words) and all(w in known for w in words)


def place_names(seg: Segment, lang: str, lost: list[Name], aligned: Alignment, approved: Mapping[str, str] | None = None) -> None:
    """Put each of ``lost`` (``names_to_place``) before the word the model attended to it most, or in its
    place where that word is a garbled attempt at the name (``aligned``: the model's best
    translation of the segment's input, with attention), written as the
    corpora or reviewers write it and inflected for its place, and flag it for review."""
    tr = seg.target(lang)
    known = _known(lang, approved)
    machine_words = aligned.target.split()
    taken = _written_words(r.form for r in tr.terms) | _protected_words(seg, lang)
    for name in lost:
        span = re.search(rf"(?<![\w-]){re.escape(name.text)}(?![\w-])", aligned.source)
        if span is None:
            continue
        k = len(aligned.target[: attended(aligned, span.start(), span.end())].split())
        words = tr.text.split()
        # The translation's words are the model's, but for restored terms and mended names:
        # the k-th word where their count is unchanged, else the attended word where it is unique.
        if len(words) != len(machine_words) and k < len(machine_words):
            same = [i for i, w in enumerate(words) if w == machine_words[k]]
            if len(same) != 1:
                continue
            k = same[0]
        spelt = _spelt(name.text, known, lang)
        hit = TermHit("name", name.start, name.end, name.text)
        # The attended word, where it is a capitalised word beginning with the name's sound (not
        # the sentence's first), is the model's garbled attempt at it (Мэкаакуану for Michoacán),
        # as is one in Latin letters beginning as the name does ("Bakmut" for Bakhmut): replaced,
        # not left beside the name.
        garbled = re.fullmatch(r"([«\"(]?)([А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+|[A-Z][a-z'’-]+)(\W*)", words[k]) if 0 < k < len(words) else None
        # Korean: the attended word, without its particle, where it begins as a word of the name and
        # is somewhat like it (브리랉스콘 for 베를루스코니), is the model's attempt; its particle stays.
        attempt = re.fullmatch(r"([«\"“(]?)([가-힣]+)(\W*)", words[k]) if k < len(words) and not can_transliterate(lang) else None
        stem = PARTICLE.sub("", attempt.group(2)) if attempt else ""
        if attempt and stem and stem not in taken and any(sounds_like(stem, w, ATTEMPT) for w in spelt.split()):
            before, after = " ".join(words[:k]), " ".join(words[k + 1 :])
            lead = f"{before} {attempt.group(1)}" if before else attempt.group(1)
            text = f"{lead}{spelt}{attempt.group(2)[len(stem) :]}{attempt.group(3)}" + (f" {after}" if after else "")
            tr.text, form = inflect.fix_particle(text, len(lead), spelt), spelt
        elif (
            garbled
            and garbled.group(2) not in taken
            and _alike(garbled.group(2)[0].lower(), (name.text if garbled.group(2).isascii() else spelt)[0].lower())
        ):
            lead, _, trail = garbled.groups()
            before, after = " ".join(words[:k]), " ".join(words[k + 1 :])
            form = curated.fitted(spelt, name.text, lang, seg.source, hit, f"{before} {lead}", f"{trail} {after}")
            tr.text = f"{before} {lead}{form}{trail}" + (f" {after}" if after else "")
        else:
            before, after = " ".join(words[:k]), " ".join(words[k:])
            if not after:
                # After the last word: before the sentence's closing punctuation.
                cut = len(before.rstrip(".!?…:;»\"')]"))
                before, after = before[:cut], before[cut:]
            elif not before and can_transliterate(lang):  # Hangul has no capitals
                after = _sentence_inside(after, lang)
            form = curated.fitted(spelt, name.text, lang, seg.source, hit, before, after)
            # Korean: the particle the English asks for («조지아에서 도착했다» for "from Georgia").
            placed = inflect.with_particle(form, inflect.governed_particle(seg.source, hit)) if profile(lang).particles else form
            tr.text = " ".join(filter(None, (before, placed))) + (" " if words[k:] else "") + after
        taken |= _written_words([form])
        tr.transliterated.append(f"{name.text} → {form} (placed: the translation had lost it)")


def _sentence_inside(text: str, lang: str) -> str:
    """``text`` that began a sentence, now after a name placed first: its first word lower-cased
    where the dictionary reads it as a word that is never a name (a preposition, a pronoun, a verb:
    «Ежов в 23-минутный», not «Ежов В»)."""
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or (len(first) > 1 and first.isupper()):  # an acronym keeps its capitals
        return text
    word = first.strip(".,;:!?»\"')").lower()
    morph = inflect.morph(lang)
    likeliest = morph.parse(word)[0].tag
    # Nouns keep their capital: the Ukrainian dictionary does not tag places (київ).
    if not morph.word_is_known(word) or not (likeliest.POS in _NEVER_NAMES or "Apro" in str(likeliest) or "pron" in str(likeliest)):
        return text
    return first[:1].lower() + text[1:]


def _spelt(name: str, known: Mapping[str, str], lang: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: known.get(m.group()) or transliterate(m.group(), lang), name)
