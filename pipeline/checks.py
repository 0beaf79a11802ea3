"""Quality checks: plain functions (segment, translation, language) → Findings.

Checks that pofilter (translate-toolkit) already implements are run through
its StandardChecker; the rest are specific to machine translation into
ko/uk/ru. Every check has a stable code and severity; none raises.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from pipeline import curated, inflect, romanised, terms
from pipeline.figures import MONEY_SOURCE, MONTHS, as_translated, range_readings, spelled_numbers
from pipeline.glossary import Glossary
from pipeline.languages import LANGUAGES, Language, in_script, profile
from pipeline.lexicon import lost_names
from pipeline.model import Document, Finding, Segment, Severity, State, Translation
from pipeline.names import uncovered_names

# pofilter test name → (our code, severity)
POFILTER = {
    "brackets": ("brackets", Severity.WARNING),
    "doublewords": ("repeated-word", Severity.WARNING),
    "endpunc": ("end-punctuation", Severity.WARNING),
    "unchanged": ("untranslated", Severity.ERROR),
}
LONG_SOURCE_WORDS = 60
LANGID_MIN_LETTERS = 15
LANGID_MIN_PROBABILITY = 0.9  # short ru/uk sentences can be spelt alike; flag only a clear decision
_CARDINALS = "one two three four five six seven eight nine ten".split()
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
# Words a translation may write in digits besides spelt-out numbers ("fifty", ``figures.spelled_numbers``):
# "the third largest" («3번째»), "threefold» («3배»), "from zero to a hundred" («0에서»).
NUMBER_WORDS = {w: i for words in (_ORDINALS, [c + "fold" for c in _CARDINALS]) for i, w in enumerate(words, 1)} | {"zero": 0}
# "a year", "an hour": one, which a translation may write in digits («1년», «1시간»).
_A_UNIT = re.compile(r"\ban?\s+(?:year|month|week|day|hour|minute|decade|century)\b", re.IGNORECASE)
# 5,000 / 5 000 / 5 000 / 5.000 are one number; 19:00 is an hour; .179 is 0.179.
_NUMBER_PATTERN = r"(?<![\w.,])\.\d+|\d{{1,2}}:\d{{2}}|\d+(?:[{groups}]\d{{3}})+(?![\d])|\d+(?:[.,]\d+)?"
_NUMBER = re.compile(_NUMBER_PATTERN.format(groups=r",.\u00a0\u202f "))
# The same where a plain space never groups digits (Korean: «166 130» is two numbers run together).
_NUMBER_UNSPACED = re.compile(_NUMBER_PATTERN.format(groups=r",.\u00a0\u202f"))
# Words that scale the number before them: English, and Russian/Ukrainian stems (any ending, abbreviated or not).
_SCALE_WORDS = [
    ("thousand", 1e3), ("тыс", 1e3), ("тис", 1e3),
    ("million", 1e6), ("млн", 1e6), ("миллион", 1e6), ("мільйон", 1e6),
    ("billion", 1e9), ("bn", 1e9), ("млрд", 1e9), ("миллиард", 1e9), ("мільярд", 1e9),
    ("trillion", 1e12), ("трлн", 1e12), ("триллион", 1e12), ("трильйон", 1e12),
]  # fmt: skip
# Korean units stack ("2천만" = 2 × 1,000 × 10,000) and are written against the digits.
# "2024년" or "2020" after "100만" is a date, not the amount's last group.
_DATE_COUNTER = re.compile(r"[년월일시분]")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_KOREAN_UNITS = {"십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8, "조": 10**12}
# English words take a plural only ("millionaires" is no amount); Cyrillic stems any ending.
_SCALE = re.compile(
    r"(?P<units>[십백천]*[만억조]|[십백천]+)|\s?(?P<word>"
    + "|".join(f"{stem}s?" if stem.isascii() else rf"{stem}[а-яіїєё]*\.?" for stem, _ in _SCALE_WORDS)
    + r")(?![\w])",
    re.IGNORECASE,
)
# The hour of an afternoon time ("10 p.m.", "10:30 p.m."), not its minutes.
_PM = re.compile(r"(?<![\d:.])(\d{1,2})(?:[:.]\d{2})?\s*p\.?m\b", re.IGNORECASE)
_MIDNIGHT = re.compile(r"(?<![\d:.])12(?:[:.]\d{2})?\s*a\.?m\b", re.IGNORECASE)
LOW_CONFIDENCE_Z = -1.5


@lru_cache(maxsize=4)
def _checker(lang: str):
    from translate.filters import checks

    return checks.StandardChecker(checkerconfig=checks.CheckerConfig(targetlanguage=lang))


def _pofilter(source: str, target: str, lang: str) -> Iterable[Finding]:
    from translate.filters.checks import FilterFailure

    checker = _checker(lang)
    for test, (code, severity) in POFILTER.items():
        try:
            getattr(checker, test)(source, target)
        except FilterFailure as exc:
            yield Finding(code, severity, str(exc))


def numbers(text: str, *, decimal: str | None = None, spaced: bool = True, year_groups: bool = False) -> set[float]:
    """Numeric values in ``text``, whatever the grouping convention, scaled by the word that
    follows ("400 million", "400 млн" and "4억" are all 400,000,000). Korean numbers run on in
    groups of four digits, each closed by 만, 억 or 조: "1억 2천만" is 120,000,000 and
    "4억 2천 5백만" is 425,000,000. A point or comma before three digits groups them ("5.000"),
    unless it is the ``decimal`` mark the text is known to write (English "2.228 trillion" with
    ".", Russian «2,228 трлн» with ","); a space does unless not ``spaced``. A group that reads as
    a year after a Korean amount is a year («590만 2020으로») unless ``year_groups`` («2만 2000»)."""
    values: list[float] = []
    # A Korean number being read: where its last part ended, its groups closed so far, the
    # group still open (천 and 백 add up until 만 closes it), the last closing unit.
    run: tuple[int, float, float, float] | None = None
    for m in (_NUMBER if spaced else _NUMBER_UNSPACED).finditer(text):
        token = m.group()
        if ":" in token:
            values.append(float(token.split(":")[0]))
            run = None
            continue
        if re.fullmatch(r"\d+([,.\u00a0\u202f ]\d{3})+", token) and not (
            decimal and re.fullmatch(rf"\d+{re.escape(decimal)}\d{{3}}", token)
        ):
            value = float(re.sub(r"\D", "", token))
        else:
            value = float(token.replace(",", "."))
        scale = _SCALE.match(text, m.end())
        if scale and scale.group("units"):
            units = scale.group("units")
            closing = _KOREAN_UNITS[units[-1]] if units[-1] in "만억조" else None
            value *= math.prod(_KOREAN_UNITS[u] for u in units.rstrip("만억조"))
            if run and not text[run[0] : m.start()].strip() and (closing or 1) < run[3]:
                _, closed, group, last = run
                group += value
                values.pop()
            else:
                closed, group, last = 0.0, value, math.inf
            if closing:
                closed, group, last = closed + group * closing, 0.0, closing
            values.append(closed + group)
            run = (scale.end(), closed, group, last)
            continue
        if scale:
            value *= next(factor for stem, factor in _SCALE_WORDS if scale.group("word").lower().startswith(stem))
        elif (
            run
            and not text[run[0] : m.start()].strip()
            and value < 10**4
            and token.isdigit()  # written grouped («4500억 2,520») it is a number of its own
            and run[3] < math.inf
            and not _DATE_COUNTER.match(text, m.end())
            and (year_groups or not _YEAR.fullmatch(token))
        ):
            values[-1] += value  # the units group, written without a unit ("3456만 7898")
            run = None
            continue
        values.append(value)
        run = None
    # 1.2 × 10⁶ is not exactly 1,200,000 in binary.
    return {round(v, 3) for v in values}


def number_findings(source: str, target: str) -> Iterable[Finding]:
    """Every number of the source in the target; none invented (months and spelled-out numbers may appear as digits)."""
    translated = as_translated(source)
    wanted = numbers(translated, decimal=".")
    # The target's conventions are not known here (its decimal mark, whether a space groups digits,
    # whether «2만 2000» ends in a year): the reading that finds more of the source counts, and of
    # those the one that adds least.
    readings = [
        numbers(target, decimal=mark, spaced=spaced, year_groups=years)
        for mark in (None, ".", ",")
        for spaced in (True, False)
        for years in (False, True)
    ]
    found = max(readings, key=lambda values: (len(values & wanted), -len(values - wanted)))
    clock = [[int(part) for part in t.split(":")] for t in _NUMBER.findall(translated) if ":" in t]
    # An afternoon hour, which a language may write on the 12-hour clock («오후 4시» for 16:00), and
    # midnight, "12 a.m." («12 ночи»): the hour on the 24-hour clock → as the 12-hour clock writes it.
    twelve_hour = {float(h) + 12: float(h) for h in _PM.findall(source)} | {float(h): float(h - 12) for h, _ in clock if h > 12}
    twelve_hour |= {0.0: 12.0} if _MIDNIGHT.search(source) else {}
    # A clock time is one number, its hour; a language that writes minutes as a word («4시 17분») shows them apart.
    minutes = {float(m) for _, m in clock}
    # Clock times are wanted on the 24-hour clock; "2 дня" for 2 p.m. is as good as «14:00».
    # A range's first amount may carry the scale it shares with its last or not («500만~1000만» for "5
    # to 10 million", «2–3 млрд $» for "$2 billion to $3 billion").
    scaled = {float(low): float(value) for low, value in range_readings(source).items()}
    missing = {v for v in wanted if v not in found and twelve_hour.get(v) not in found and scaled.get(v) not in found}
    words = set(re.findall(r"[a-z]+", source.lower()))
    allowed = wanted | set(twelve_hour.values()) | set(scaled.values()) | minutes | {float(MONTHS[w]) for w in words & MONTHS.keys()}
    allowed |= {float(NUMBER_WORDS[w]) for w in words & NUMBER_WORDS.keys()} | {float(v) for v in spelled_numbers(source)}
    if _A_UNIT.search(source):
        allowed.add(1.0)
    added = found - allowed
    fmt = lambda vs: ", ".join(f"{v:g}" for v in sorted(vs))  # noqa: E731
    if missing:
        yield Finding("number-missing", Severity.ERROR, f"number(s) {fmt(missing)} of the source not in the translation")
    if added:
        yield Finding("number-added", Severity.WARNING, f"number(s) {fmt(added)} not in the source")


def _script(target: str, lang: str) -> Iterable[Finding]:
    language = LANGUAGES[lang]
    letters = [ch for ch in target if ch.isalpha()]
    if not letters:
        return
    native = sum(language.is_native(ch) for ch in letters)
    if native == 0:
        yield Finding("wrong-script", Severity.ERROR, f"no {language.script} in the translation")
    elif native / len(letters) < 0.5:
        foreign = Counter(unicodedata.name(ch, "?").split()[0] for ch in letters if not language.is_native(ch))
        script = foreign.most_common(1)[0][0].title()
        code = "mostly-latin" if script == "Latin" else "mixed-script"
        yield Finding(
            code, Severity.WARNING, f"only {native * 100 // len(letters)}% of letters are {language.script}; most others {script}"
        )
    for script in language.foreign_scripts:
        words = [w for w in re.findall(r"[^\W\d_]+", target) if any(in_script(ch, script) for ch in w)]
        if words and native:
            yield Finding("wrong-script", Severity.ERROR, f"{script} in the {language.name} translation: {' '.join(words[:3])}")
    chars = set(target)
    for other in language.neighbours:
        if chars & other.own_letters and not chars & language.own_letters:
            letters_seen = "/".join(sorted(chars & other.own_letters))
            yield Finding("wrong-language", Severity.ERROR, f"looks {other.name}, not {language.name} ({letters_seen})")
            return
    for other in language.neighbours if language.neighbour_words else []:
        if words := neighbour_words(target, language, other):
            yield Finding(
                "neighbour-words", Severity.WARNING, f"{other.name} words in the {language.name} translation: {', '.join(words[:5])}"
            )
    if language.neighbours and native >= LANGID_MIN_LETTERS:
        guess, probability = _langid().classify(target)
        if guess != lang and probability >= LANGID_MIN_PROBABILITY:
            yield Finding("wrong-language", Severity.WARNING, f"language identifier says {guess} ({probability:.2f}), not {lang}")


def neighbour_words(target: str, language: Language, other: Language) -> list[str]:
    """The words of ``target`` that ``other``'s dictionary knows and ``language``'s does not
    («между», «председатель» in Ukrainian); not interjections, short words or words with
    ``language``'s own letters."""
    own, theirs = inflect.morph(language.code), inflect.morph(other.code)
    found = []
    for word in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", target.lower()):
        if len(word) < 4 or set(word) & language.own_letters or own.word_is_known(word):
            continue
        known = [p for p in theirs.parse(word) if p.is_known]
        if known and all(p.tag.POS != "INTJ" for p in known):
            found.append(word)
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _langid():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code, lang in LANGUAGES.items() if lang.script == "Cyrillic"])
    return identifier


def repeated_ngram(text: str) -> str | None:
    """The first 1–4-word n-gram that ``text`` repeats three times in a row, if any."""
    words = re.findall(r"\w+", text.lower())
    for n in (1, 2, 3, 4):
        grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
        for i in range(len(grams) - 2 * n):
            if grams[i] == grams[i + n] == grams[i + 2 * n]:
                return " ".join(grams[i])
    return None


def _repetition(target: str) -> Iterable[Finding]:
    gram = repeated_ngram(target)
    if gram is not None:
        yield Finding("repetition", Severity.ERROR, f"'{gram}' repeated 3 times or more")


def _length(source: str, target: str, lang: str) -> Iterable[Finding]:
    if len(source) < 20:
        return
    low, high = LANGUAGES[lang].length_ratio
    ratio = len(target) / len(source)
    if not low <= ratio <= high:
        kind = "truncated" if ratio < low else "too long"
        yield Finding("length-ratio", Severity.WARNING, f"{kind}: {ratio:.2f}× the source length (expected {low}–{high})")


def _money(source: str, target: str, lang: str) -> Iterable[Finding]:
    """Money the model invents («8 000 долларов» where the source has none, ``figures.MONEY_SOURCE``).
    Korean currency words are also common syllables (지원, 엔진), so there only an amount counts
    (the profile's ``money``)."""
    money = profile(lang).money
    found = money.search(target) if money else None
    if found and not MONEY_SOURCE.search(source):
        yield Finding("money-added", Severity.WARNING, f"«{found.group().strip()}»: money in the translation, none in the source")


def _names(seg: Segment, tr: Translation, lang: str) -> Iterable[Finding]:
    """Names the glossary does not cover: noted, and an error where the translation lost one."""
    unknown = uncovered_names(seg, curated.protected(seg, lang))
    if not unknown:
        return
    listed = ", ".join(dict.fromkeys(n.text for n in unknown))
    yield Finding("name-not-in-glossary", Severity.INFO, f"not in the glossary: {listed} (pipeline glossary suggest)")
    # Acronyms are translated into the target's own (EU → ЄС, UN → ООН): nothing to compare.
    if tr.transliterated:
        yield Finding("name-unverified", Severity.WARNING, f"written by transliteration, to verify: {', '.join(tr.transliterated)}")
    lost = [n.text for n in lost_names(unknown, tr.text, lang)]
    if lost:
        yield Finding(
            "name-lost", Severity.ERROR, f"name(s) {', '.join(dict.fromkeys(lost))} not found in the translation, nor a transliteration"
        )


def _romanised_names(seg: Segment, tr: Translation, lang: str) -> Iterable[Finding]:
    """Romanised names the machine wrote from a reading that romanisation leaves ambiguous
    (``romanised``: Korean "Jong" is 정 or 종): to verify, until a person has."""
    if tr.state == State.REVIEWED:
        return
    read = [
        f"{hit.text} → {form}"
        for hit in seg.figures
        if hit.term_id == romanised.NAME and not romanised.verified(hit.text) and (form := romanised.written(hit.text, lang)) in tr.text
    ]
    if read:
        yield Finding("name-unverified", Severity.WARNING, f"name read from its romanisation, to verify: {', '.join(read)}")


def check_segment(seg: Segment, tr: Translation, lang: str) -> list[Finding]:
    """All per-segment checks of one translation."""
    found: list[Finding] = []
    source, target = seg.source, tr.text
    if seg.boilerplate:
        found.append(Finding("boilerplate", Severity.INFO, "probable non-article text (page furniture)"))
    if tr.reused_from and tr.state == State.REVIEWED:
        # A CAT tool's 100 % (not in context) against 101 %: right words, worth a glance here.
        found.append(Finding("memory-other-context", Severity.INFO, f"reviewed translation reused from {tr.reused_from}"))
    if len(source.split()) > LONG_SOURCE_WORDS:
        found.append(Finding("long-sentence", Severity.INFO, f"{len(source.split())} words in one sentence"))
    if not target.strip():
        found.append(Finding("empty", Severity.ERROR, "no translation"))
    else:
        if re.search(r"#\d", target) and not re.search(r"#\d", source):
            found.append(Finding("placeholder", Severity.ERROR, "term placeholder left in the translation"))
        found.extend(_pofilter(source, target, lang))
        found.extend(number_findings(source, target))
        found.extend(_money(source, target, lang))
        found.extend(_script(target, lang))
        found.extend(_repetition(target))
        found.extend(_length(source, target, lang))
    found.extend(_names(seg, tr, lang))
    found.extend(_romanised_names(seg, tr, lang))
    if len(seg.terms) > terms.MAX_TERMS:
        found.append(
            Finding(
                "terms-unchecked",
                Severity.WARNING,
                f"{len(seg.terms)} glossary terms in one sentence: the first {terms.MAX_TERMS} were checked",
            )
        )
    for term in tr.terms:
        if term.status == "failed":
            found.append(Finding("term-missing", Severity.ERROR, f"glossary term {term.term_id}: expected a form of «{term.expected}»"))
        elif term.status == "repaired":
            found.append(Finding("term-repaired", Severity.INFO, f"glossary term {term.term_id} re-inserted as «{term.form}»"))
    return [Finding(f.code, f.severity, f.message, seg.id, lang) for f in found]


def verify_and_check(seg: Segment, lang: str, glossary: Glossary) -> list[Finding]:
    """Check a segment's ``lang`` translation, run or read back: glossary terms are verified in any
    text the glossary stage did not place them in (a person's, or one read from a file), then every check."""
    tr = seg.target(lang)
    if tr.text and (tr.state == State.REVIEWED or not tr.terms):
        tr.terms = terms.verify(tr.text, seg.terms, glossary, lang)
    tr.findings = check_segment(seg, tr, lang)
    return tr.findings


def confidence_findings(docs: list[Document], lang: str) -> None:
    """Flag machine translations whose model score is far below this language's run average."""
    scored = [(seg, seg.target(lang), score) for doc in docs for seg in doc.segments if (score := seg.target(lang).score) is not None]
    scores = [score for _, _, score in scored]
    if len(scores) < 3:
        return
    mean, spread = statistics.fmean(scores), statistics.pstdev(scores) or 1.0
    for seg, tr, score in scored:
        z = (score - mean) / spread
        if tr.state == State.MACHINE and z < LOW_CONFIDENCE_Z:
            tr.findings.append(Finding("low-confidence", Severity.WARNING, f"model score {score:.2f} (z {z:.1f} for {lang})", seg.id, lang))


def risk(tr: Translation) -> int:
    """Review priority: errors first, then warnings, then low scores."""
    return sum(10 ** int(f.severity) for f in tr.findings)


def review_order(doc: Document, lang: str) -> list[Segment]:
    return sorted(doc.segments, key=lambda s: (-risk(s.target(lang)), s.target(lang).score or 0.0))
