"""Glossary terms in a segment: match in the source, protect, restore in the target, verify.

Mechanism: each matched term is replaced in the source by a placeholder the
model copies through; after translation the placeholder is replaced by the
glossary's target term in the grammatically fitting form (``inflect``). A
placeholder the model mangled is found again by a tolerant pattern; where one
is dropped or repeated the caller takes the first of the model's alternative
translations that keeps them all, else re-translates the text around the terms
piecewise (``split_around_terms``). A raw placeholder never reaches output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import inflect
from pipeline.glossary import Glossary
from pipeline.model import TermHit, TermResult

# "#1" is the shape the stand-in models carry through most often (measured on the
# term test set: ru 57/77, uk 55/77, ko 25/77 segments intact, against 0/77 for "ZX1"
# and 5/77 for "X1"); segments where it is lost take the repair path.
PLACEHOLDER = "#{}"
# Placeholders are numbered #1…#99 and news sentences carry a handful of terms; a segment with more
# is translated unprotected and only its first MAX_TERMS terms verified (bounded work).
MAX_TERMS = 20
_FOUND = re.compile(r"(?<![\w#])#\s?(\d{1,2})(?!\d)")
# A ru/uk model may glue a case ending onto the placeholder ("#1ом"); the inflected form replaces it.
_GLUED_ENDING = re.compile(r"[а-яёіїєґ]{1,3}(?![\w])", re.IGNORECASE)


_MATCHERS: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}


def _matcher(glossary: Glossary) -> tuple[re.Pattern[str], dict[str, str]]:
    if glossary.version in _MATCHERS:
        return _MATCHERS[glossary.version]
    by_variant = {v.casefold(): t.id for t in glossary.terms for v in t.variants}
    alternatives = sorted(by_variant, key=lambda v: (-len(v), v))
    body = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in alternatives)
    # Whole words only; "Kursk's" and "Kursk-based" match "Kursk".
    _MATCHERS[glossary.version] = (re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE), by_variant)
    return _MATCHERS[glossary.version]


def match_terms(text: str, glossary: Glossary) -> list[TermHit]:
    """Leftmost-longest, non-overlapping glossary matches, case-insensitive, original case kept."""
    pattern, by_variant = _matcher(glossary)
    hits = []
    for m in pattern.finditer(text):
        key = re.sub(r"\s+", " ", m.group()).casefold()
        hits.append(TermHit(term_id=by_variant[key], start=m.start(), end=m.end(), text=m.group()))
    return hits


def protect(text: str, hits: list[TermHit]) -> str:
    """The source with each term replaced by its numbered placeholder."""
    out, pos = [], 0
    for n, hit in enumerate(hits, 1):
        out.append(text[pos : hit.start])
        out.append(PLACEHOLDER.format(n))
        pos = hit.end
        # The possessive 's would be translated as a stray token; the form carries it.
        if text.startswith(("'s", "’s"), pos):
            pos += 2
    out.append(text[pos:])
    return "".join(out)


def split_around_terms(text: str, hits: list[TermHit]) -> list[str]:
    """The source pieces between terms (for piecewise re-translation when placeholders are lost)."""
    pieces, pos = [], 0
    for hit in hits:
        pieces.append(text[pos : hit.start])
        pos = hit.end + (2 if text.startswith(("'s", "’s"), hit.end) else 0)
    pieces.append(text[pos:])
    return pieces


@dataclass
class Restored:
    text: str
    results: list[TermResult]
    complete: bool  # every placeholder was found exactly once


def restore(target: str, source: str, hits: list[TermHit], glossary: Glossary, lang: str) -> Restored:
    """Replace placeholders in a machine translation by inflected glossary terms."""
    found: dict[int, list[re.Match[str]]] = {}
    for m in _FOUND.finditer(target):
        found.setdefault(int(m.group(1)), []).append(m)
    complete = all(len(found.get(n, [])) == 1 for n in range(1, len(hits) + 1)) and set(found) <= set(range(1, len(hits) + 1))
    if not complete:
        return Restored(text="", results=[], complete=False)
    results: list[TermResult] = []
    replacements = []
    for n, hit in enumerate(hits, 1):
        m = found[n][0]
        term = glossary.term(hit.term_id)
        form = inflect.fit(term, lang, source=source, hit=hit, before=target[: m.start()], after=target[m.end() :])
        status = "applied" if m.group() == PLACEHOLDER.format(n) else "repaired"
        end = m.end()
        if lang in ("ru", "uk") and (glued := _GLUED_ENDING.match(target, end)):
            end = glued.end()
        replacements.append((m.start(), end, form))
        results.append(TermResult(term_id=hit.term_id, status=status, form=form))
    text = target
    for start, end, form in sorted(replacements, reverse=True):
        text = text[:start] + form + text[end:]
        if lang == "ko":
            text = inflect.fix_particle(text, start, form)
    return Restored(text=text, results=results, complete=True)


def assemble(pieces: list[str], source: str, hits: list[TermHit], glossary: Glossary, lang: str) -> Restored:
    """Join piecewise translations with inflected terms (the repair path)."""
    # A piece translated alone comes back capitalised as a sentence would ("Войска"); where its
    # source continues a sentence ("troops …"), so does its translation.
    originals = split_around_terms(source, hits)
    pieces = [
        piece[0].lower() + piece[1:] if n and _continues(original) and _capitalised_word(piece) else piece
        for n, (piece, original) in enumerate(zip(pieces, originals))
    ]
    out = [pieces[0]]
    results = []
    for n, hit in enumerate(hits):
        term = glossary.term(hit.term_id)
        form = inflect.fit(term, lang, source=source, hit=hit, before="".join(out), after=pieces[n + 1])
        out.append(form)
        results.append(TermResult(term_id=hit.term_id, status="repaired", form=form))
        out.append(pieces[n + 1])
    text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(p.strip() for p in out if p.strip()))
    if lang == "ko":
        for result in results:
            idx = text.find(result.form)
            text = inflect.fix_particle(text, idx, result.form)
    return Restored(text=text, results=results, complete=True)


def _continues(source_piece: str) -> bool:
    """The piece continues a sentence and names nothing (no capitalised word that its
    translation could begin with: "said Putin" → «Путин сказал»)."""
    words = re.findall(r"[^\W\d_]+", source_piece)
    return bool(words) and all(word[0].islower() for word in words)


def _capitalised_word(text: str) -> bool:
    """Starts with a capital followed by a lower-case letter (not an acronym like «НАТО»)."""
    return len(text) > 1 and text[0].isupper() and text[1].islower()


def verify(target: str, hits: list[TermHit], glossary: Glossary, lang: str) -> list[TermResult]:
    """Whether each source term has an accepted form in ``target`` (lemma-aware for ru/uk).

    Only the first ``MAX_TERMS`` are looked for: the search is quadratic, and a sentence with
    more is reported as such by the checks (``terms-unchecked``).
    """
    results = []
    used: list[tuple[int, int]] = []
    for hit in hits[:MAX_TERMS]:
        term = glossary.term(hit.term_id)
        span = inflect.find_form(target, term, lang, exclude=used)
        if span is None:
            results.append(TermResult(term_id=term.id, status="failed", expected=term.targets[lang]))
        else:
            used.append(span)
            results.append(TermResult(term_id=term.id, status="applied", form=target[span[0] : span[1]]))
    return results
