"""Measure a stand-in package as the pipeline runs it (its engine, its decoding guards).

- chrF on the ``valid`` split (sacrebleu, signature kept);
- the share of outputs that repeat a 1–4-word n-gram three times in a row
  (the pipeline's own repetition check);
- the share of outputs with letters the target language never writes (Hangul in
  Russian, Cyrillic in Korean, ы in Ukrainian);
- the outputs' length in characters relative to the references';
- placeholder survival on ``tests/data/termset.tsv``: the share of sentences
  whose ``#N`` term placeholders all come back intact, each exactly once.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import sacrebleu

from pipeline import terms
from pipeline.checks import repeated_ngram
from pipeline.engine import Translator
from pipeline.glossary import Glossary
from pipeline.languages import language
from tools.standin.corpus import read_pairs

ROOT = Path(__file__).resolve().parents[2]
TERMSET = ROOT / "tests" / "data" / "termset.tsv"
SAMPLES = 5


def score_valid(translator: Translator, corpora: Path, lang: str) -> dict:
    """chrF, repetition share and sample outputs on the ``valid`` split."""
    pairs = read_pairs(corpora, "valid", lang)
    started = time.monotonic()
    hypotheses = [h.text for h in translator.translate([translator.normalize(s) for s, _ in pairs])]
    seconds = time.monotonic() - started
    metric = sacrebleu.CHRF()
    chrf = metric.corpus_score(hypotheses, [[t for _, t in pairs]])
    repeats = sum(repeated_ngram(h) is not None for h in hypotheses)
    target = language(lang)
    foreign = sum(any(target.never_writes(ch) for ch in h) for h in hypotheses)
    return {
        "chrf": round(chrf.score, 1),
        "chrf_signature": str(metric.get_signature()),
        "valid_pairs": len(pairs),
        "repeating_outputs": round(100 * repeats / len(pairs), 1),
        "foreign_letter_outputs": round(100 * foreign / len(pairs), 1),
        "length_ratio": round(sum(map(len, hypotheses)) / sum(len(t) for _, t in pairs), 3),
        "seconds": round(seconds, 1),
        "samples": [{"source": s, "reference": r, "output": h} for (s, r), h in list(zip(pairs, hypotheses))[:SAMPLES]],
    }


def placeholder_survival(translator: Translator, glossary: Glossary, lang: str, termset: Path = TERMSET) -> dict:
    """Sentences of the term set whose placeholders all come back intact, exactly once."""
    with termset.open(encoding="utf-8", newline="") as fh:
        sentences = [row["sentence"] for row in csv.DictReader(fh, delimiter="\t")]
    cases = [(s, hits) for s in sentences if (hits := terms.match_terms(s, glossary))]
    outputs = translator.translate([translator.normalize(terms.protect(s, hits)) for s, hits in cases])
    intact = 0
    for (sentence, hits), hyp in zip(cases, outputs):
        restored = terms.restore(hyp.text, sentence, hits, glossary, lang)
        intact += restored.complete and all(r.status == "applied" for r in restored.results)
    return {"intact": intact, "sentences": len(cases), "percent": round(100 * intact / max(len(cases), 1), 1)}
