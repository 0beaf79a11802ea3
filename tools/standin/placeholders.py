"""Training pairs that teach the model to carry ``#N`` term placeholders through.

The pipeline replaces each glossary term in the source by ``#1``, ``#2``… and
expects to find them in the translation (``pipeline.terms``). A model that
never saw such a token drops or mangles it, and every term-bearing sentence
then takes the piecewise repair path. Here pairs where a span is aligned with
certainty get an extra copy with that span replaced on both sides:

- glossary terms: the English matched as the pipeline matches it, the target
  found by the glossary form's stems (ru/uk endings vary by case; a Korean
  particle after the term stays, as the pipeline fits particles itself);
- numbers that occur exactly once on each side, so that the copy behaviour
  is learnt in every sentence position, not only around a dozen names.

A pair is used only when every replaced span is found exactly once on each
side; the original pair is kept as well, so the model still learns the names.
"""

from __future__ import annotations

import random
import re

from pipeline.glossary import Glossary
from pipeline.terms import PLACEHOLDER, match_terms

NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
# Share of number-only pairs that get a placeholder copy: numbers are frequent,
# and the model must not learn to drop real numbers.
NUMBER_RATE = 0.3
MAX_PLACEHOLDERS = 3


def _target_pattern(form: str, lang: str) -> re.Pattern[str]:
    if lang == "ko":
        return re.compile(re.escape(form))
    # Cyrillic: each word by its stem, so any case ending matches.
    stems = [re.escape(w[: max(3, len(w) - 2)]) + r"\w*" for w in form.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(stems), re.IGNORECASE)


def _spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _replace(text: str, spans: list[tuple[tuple[int, int], int]]) -> str:
    out, pos = [], 0
    for (start, end), n in sorted(spans):
        out.append(text[pos:start])
        out.append(PLACEHOLDER.format(n))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _term_spans(src: str, tgt: str, lang: str, glossary: Glossary) -> tuple[list, list] | None:
    hits = match_terms(src, glossary)
    if not hits or len(hits) > MAX_PLACEHOLDERS or len({h.term_id for h in hits}) != len(hits):
        return None
    src_spans, tgt_spans = [], []
    taken: list[tuple[int, int]] = []
    for n, hit in enumerate(hits, 1):
        found = _spans(tgt, _target_pattern(glossary.term(hit.term_id).targets[lang], lang))
        if len(found) != 1 or any(s < found[0][1] and found[0][0] < e for s, e in taken):
            return None
        end = hit.end + 2 if src.startswith(("'s", "’s"), hit.end) else hit.end
        src_spans.append(((hit.start, end), n))
        tgt_spans.append((found[0], n))
        taken.append(found[0])
    return src_spans, tgt_spans


def _number_spans(src: str, tgt: str) -> tuple[list, list] | None:
    numbers = [m for m in NUMBER.finditer(src) if src.count(m.group()) == 1]
    for m in numbers[:1]:
        found = _spans(tgt, re.compile(r"(?<![\w.,])" + re.escape(m.group()) + r"(?![\w])"))
        if len(found) == 1:
            return [(m.span(), 1)], [(found[0], 1)]
    return None


def with_placeholders(pairs: list[tuple[str, str]], lang: str, glossary: Glossary, rng: random.Random) -> list[tuple[str, str]]:
    """Extra pairs with aligned glossary terms or numbers replaced by ``#N`` on both sides."""
    extra = []
    for src, tgt in pairs:
        spans = _term_spans(src, tgt, lang, glossary)
        if spans is None and rng.random() < NUMBER_RATE:
            spans = _number_spans(src, tgt)
        if spans is not None:
            extra.append((_replace(src, spans[0]), _replace(tgt, spans[1])))
    return extra
