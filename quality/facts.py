"""Facts kept on held-out sentences, through the product's translate stage (glossary terms,
numbers and dates protected, repairs and all): chrF, numbers the reference writes in digits
found in the output, and proper names of the reference kept (same first four letters).

    python -m quality.facts [--lang ru] [--sentences 200] [--numbers 500] [--precision reproducible] [--unseen]

Material: ``../shared/corpora/valid.<lang>.*.gz`` (a split left out of training; for ru it
is news-like WMT text, for uk and ko mostly short Tatoeba sentences), without the LLM prompts
of the WMT test suites. The number and name figures are over the sentences whose reference
has one.
"""

from __future__ import annotations

import argparse
import gzip
import html
import re
from pathlib import Path

from pipeline import terms
from pipeline.checks import numbers
from pipeline.engine import Translator, find_package
from pipeline.figures import as_translated
from pipeline.glossary import load_glossary
from pipeline.model import Segment
from pipeline.translate import translate_segments

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
# A capitalised Cyrillic word not at the start of the sentence: a proper name in ru/uk text.
_NAME = re.compile(r"(?<=[\w,;:–—-] )[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{3,}")


def pairs(lang: str, limit: int, *, unseen: bool = False) -> list[tuple[str, str]]:
    """Up to ``limit`` valid pairs; with ``unseen``, only those whose English is nowhere in
    the training split (the valid split shares many English sources with it, through other
    references of one sentence)."""
    with (
        gzip.open(CORPORA / f"valid.{lang}.en.gz", "rt", encoding="utf-8") as fe,
        gzip.open(CORPORA / f"valid.{lang}.{lang}.gz", "rt", encoding="utf-8") as ft,
    ):
        # Some references carry HTML entities ("&#39;"): their digits are not numbers of the text.
        rows = [(e.strip(), html.unescape(t.strip())) for e, t in zip(fe, ft)]
    # The WMT test suites include prompts for LLMs (JSON, escaped Unicode): not sentences.
    rows = [(e, t) for e, t in rows if '{"' not in e and "\\u0" not in e + t]
    if unseen:
        with gzip.open(CORPORA / f"train.{lang}.en.gz", "rt", encoding="utf-8") as fh:
            trained = {line.strip() for line in fh}
        rows = [(e, t) for e, t in rows if e not in trained]
    return rows[:limit]


def translate_all(sources: list[str], lang: str, precision: str) -> list[str]:
    glossary = load_glossary(ROOT / "glossary" / "glossary.tsv")
    translator = Translator(find_package("en", lang), precision=precision)
    segments = []
    for i, source in enumerate(sources):
        seg = Segment(id=f"valid:p{i}:s1", source=source, paragraph=i, index=1)
        terms.mark(seg, glossary)
        segments.append(seg)
    translate_segments(segments, translator, glossary, lang)
    return [seg.target(lang).text for seg in segments]


def numbers_kept(sources: list[str], refs: list[str], outputs: list[str], misses: list[str] | None = None) -> tuple[int, int, int, int]:
    """(reference numbers found in the output, reference numbers), then the same over the
    reference numbers the English also has as the number check reads it: the others are
    references that convert ("10 вечора" for 10 p.m., which we write 22:00) or do not translate
    the English (misaligned pairs), which no translation of it keeps. Each sentence with a
    number missed is appended to ``misses``."""
    found = total = found_in_source = in_source = 0
    for source, ref, out in zip(sources, refs, outputs):
        wanted = numbers(ref)
        missed = wanted - numbers(out)
        total += len(wanted)
        found += len(wanted) - len(missed)
        english = wanted & numbers(as_translated(source), decimal=".")
        in_source += len(english)
        found_in_source += len(english - missed)
        if misses is not None and missed:
            misses.append(f"number {sorted(missed)}{'' if missed & english else ' (not in the English)'}\n  ref: {ref}\n  out: {out}")
    return found, total, found_in_source, in_source


def names_kept(refs: list[str], outputs: list[str], misses: list[str] | None = None) -> tuple[int, int]:
    found = total = 0
    for ref, out in zip(refs, outputs):
        stems = {m.group()[:4].lower() for m in _NAME.finditer(ref)}
        lost = {stem for stem in stems if stem not in out.lower()}
        total += len(stems)
        found += len(stems) - len(lost)
        if misses is not None and lost:
            misses.append(f"name {sorted(lost)}\n  ref: {ref}\n  out: {out}")
    return found, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--sentences", type=int, default=200, help="for chrF")
    parser.add_argument("--numbers", type=int, default=500, help="sentences searched for numbers and names")
    parser.add_argument("--precision", default="reproducible")
    parser.add_argument("--unseen", action="store_true", help="only sentences whose English is not in the training split")
    parser.add_argument("--misses", action="store_true", help="also print each sentence where a number or name was missed")
    args = parser.parse_args(argv)
    import sacrebleu

    data = pairs(args.lang, max(args.sentences, args.numbers), unseen=args.unseen)
    with_facts = [(s, r) for s, r in data[: args.numbers] if re.search(r"\d", r) or _NAME.search(r)]
    chrf_part = data[: args.sentences]
    outputs = translate_all([s for s, _ in chrf_part] + [s for s, _ in with_facts], args.lang, args.precision)
    chrf = sacrebleu.corpus_chrf(outputs[: len(chrf_part)], [[r for _, r in chrf_part]]).score
    facts_out, facts_ref = outputs[len(chrf_part) :], [r for _, r in with_facts]
    misses: list[str] | None = [] if args.misses else None
    n_found, n_total, e_found, e_total = numbers_kept([s for s, _ in with_facts], facts_ref, facts_out, misses)
    line = (
        f"en→{args.lang}: chrF {chrf:.1f} ({len(chrf_part)} sentences); numbers kept {n_found}/{n_total} = "
        f"{100 * n_found / max(n_total, 1):.1f} % (of those the English has: {e_found}/{e_total} = {100 * e_found / max(e_total, 1):.1f} %)"
    )
    if args.lang != "ko":
        m_found, m_total = names_kept(facts_ref, facts_out, misses)
        line += f"; names kept {m_found}/{m_total} = {100 * m_found / max(m_total, 1):.1f} %"
    print(line + f" (product translate stage, {args.precision}{', unseen English only' if args.unseen else ''})")
    for miss in misses or []:
        print(miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
