"""Quality checks: plain functions (segment, translation, language) → Findings.

Checks that pofilter (translate-toolkit) already implements are run through
its StandardChecker; the rest are specific to machine translation into
ko/uk/ru. Every check has a stable code and severity; none raises.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pipeline.model import Document, Finding, Segment, Severity, State, Translation

# pofilter test name → (our code, severity)
POFILTER = {
    "brackets": ("brackets", Severity.WARNING),
    "doublewords": ("repeated-word", Severity.WARNING),
    "endpunc": ("end-punctuation", Severity.WARNING),
    "unchanged": ("untranslated", Severity.ERROR),
}
LENGTH_RATIO = {"ko": (0.25, 1.3), "uk": (0.6, 2.0), "ru": (0.6, 2.0)}
UK_ONLY, RU_ONLY = set("іїєґІЇЄҐ"), set("ыэъёЫЭЪЁ")
LONG_SOURCE_WORDS = 60
LANGID_MIN_LETTERS = 15
LANGID_MIN_PROBABILITY = 0.9  # short ru/uk sentences can be spelt alike; flag only a clear decision
MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october november december".split(), 1)}
NUMBER_WORDS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
# 5,000 / 5 000 / 5 000 / 5.000 are one number; 19:00 is an hour.
_NUMBER = re.compile(r"\d{1,2}:\d{2}|\d+(?:[,.\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")
_PM = re.compile(r"(\d{1,2})\s*p\.?m\.?", re.IGNORECASE)
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


def numbers(text: str) -> set[float]:
    """Numeric values in ``text``, whatever the grouping convention."""
    values = set()
    for m in _NUMBER.finditer(text):
        token = m.group()
        if ":" in token:
            values.add(float(token.split(":")[0]))
        elif re.fullmatch(r"\d+([,.\u00a0\u202f ]\d{3})+", token):
            values.add(float(re.sub(r"\D", "", token)))
        else:
            values.add(float(token.replace(",", ".")))
    return values


def _numbers(source: str, target: str) -> Iterable[Finding]:
    """Every number of the source in the target; none invented (months and spelled-out numbers may appear as digits)."""
    wanted = numbers(source)
    found = numbers(target)
    pm = {float(h) for h in _PM.findall(source)}
    missing = {v for v in wanted if v not in found and not (v in pm and v + 12 in found)}
    words = set(re.findall(r"[a-z]+", source.lower()))
    allowed = wanted | {v + 12 for v in pm} | {float(MONTHS[w]) for w in words & MONTHS.keys()}
    allowed |= {float(NUMBER_WORDS[w]) for w in words & NUMBER_WORDS.keys()}
    added = found - allowed
    fmt = lambda vs: ", ".join(f"{v:g}" for v in sorted(vs))  # noqa: E731
    if missing:
        yield Finding("number-missing", Severity.ERROR, f"number(s) {fmt(missing)} of the source not in the translation")
    if added:
        yield Finding("number-added", Severity.WARNING, f"number(s) {fmt(added)} not in the source")


def _letters(text: str, predicate) -> int:
    return sum(1 for ch in text if ch.isalpha() and predicate(ch))


def _script(target: str, lang: str) -> Iterable[Finding]:
    letters = _letters(target, lambda ch: True)
    if not letters:
        return
    if lang == "ko":
        native = _letters(target, lambda ch: "\uac00" <= ch <= "\ud7a3")
        name = "Hangul"
    else:
        native = _letters(target, lambda ch: "CYRILLIC" in unicodedata.name(ch, ""))
        name = "Cyrillic"
    if native == 0:
        yield Finding("wrong-script", Severity.ERROR, f"no {name} in the translation")
    elif native / letters < 0.5:
        yield Finding("mostly-latin", Severity.WARNING, f"only {native * 100 // letters}% of letters are {name}")
    chars = set(target)
    if lang == "uk" and chars & RU_ONLY and not chars & UK_ONLY:
        yield Finding("wrong-language", Severity.ERROR, "looks Russian, not Ukrainian (ы/э/ъ/ё, no і/ї/є/ґ)")
    elif lang == "ru" and chars & UK_ONLY:
        yield Finding("wrong-language", Severity.ERROR, "contains Ukrainian letters (і/ї/є/ґ)")
    elif lang in ("ru", "uk") and native >= LANGID_MIN_LETTERS:
        guess, probability = _langid().classify(target)
        if guess != lang and probability >= LANGID_MIN_PROBABILITY:
            yield Finding("wrong-language", Severity.WARNING, f"language identifier says {guess} ({probability:.2f}), not {lang}")


@lru_cache(maxsize=1)
def _langid():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(["ru", "uk"])
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
    low, high = LENGTH_RATIO[lang]
    ratio = len(target) / len(source)
    if not low <= ratio <= high:
        kind = "truncated" if ratio < low else "too long"
        yield Finding("length-ratio", Severity.WARNING, f"{kind}: {ratio:.2f}× the source length (expected {low}–{high})")


def check_segment(seg: Segment, tr: Translation, lang: str) -> list[Finding]:
    """All per-segment checks of one translation."""
    found: list[Finding] = []
    source, target = seg.source, tr.text
    if seg.boilerplate:
        found.append(Finding("boilerplate", Severity.INFO, "probable non-article text (page furniture)"))
    if len(source.split()) > LONG_SOURCE_WORDS:
        found.append(Finding("long-sentence", Severity.INFO, f"{len(source.split())} words in one sentence"))
    if not target.strip():
        found.append(Finding("empty", Severity.ERROR, "no translation"))
    else:
        if re.search(r"#\d", target) and not re.search(r"#\d", source):
            found.append(Finding("placeholder", Severity.ERROR, "term placeholder left in the translation"))
        found.extend(_pofilter(source, target, lang))
        found.extend(_numbers(source, target))
        found.extend(_script(target, lang))
        found.extend(_repetition(target))
        found.extend(_length(source, target, lang))
    for term in tr.terms:
        if term.status == "failed":
            found.append(Finding("term-missing", Severity.ERROR, f"glossary term {term.term_id}: expected a form of «{term.expected}»"))
        elif term.status == "repaired":
            found.append(Finding("term-repaired", Severity.INFO, f"glossary term {term.term_id} re-inserted as «{term.form}»"))
    return [Finding(f.code, f.severity, f.message, seg.id, lang) for f in found]


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
