"""The cost of the placement path: translating a sentence again with its attention
(``Translator.align``, uncached, one sentence per request) against its plain translation
(``Translator.translate``, the baseline), on the sample's and the term set's sentences with
their glossary terms and figures protected.

    python -m bench.alignment [--lang ko] [--repeat 2]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.engine import best
from pipeline import terms
from pipeline.engine import Translator, find_package
from pipeline.figures import find_figures
from pipeline.glossary import load_glossary
from pipeline.read import read_article
from pipeline.segment import segment_text
from quality.terms import load_termset

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "kursk-north-korean-troops.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ko")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    glossary = load_glossary(ROOT / "glossary" / "glossary.tsv")
    sources = [s.source for s in segment_text("sample", read_article(SAMPLE)).segments]
    sources += list(dict.fromkeys(row["sentence"] for row in load_termset()))
    texts = []
    for source in sources:
        hits = terms.match_terms(source, glossary)
        protected = sorted(hits + find_figures(source, hits), key=lambda h: h.start)
        if protected:
            texts.append(terms.protect(source, protected))
    translator = Translator(find_package("en", args.lang), precision="reproducible")
    texts = [translator.normalize(t) for t in texts]
    # One worker each way: align decodes one sentence per request.
    plain_s, _ = best(lambda: [translator._translate([t], 1, None) for t in texts], args.repeat)
    aligned_s, _ = best(lambda: translator.align(texts), args.repeat)
    print(
        f"en→{args.lang}, {len(texts)} sentences with placeholders: translate {plain_s:.2f} s (baseline); "
        f"align {aligned_s:.2f} s = {aligned_s / plain_s:.2f}x; per sentence placed {1000 * aligned_s / len(texts):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
