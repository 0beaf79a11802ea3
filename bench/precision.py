"""The cost of reproducible decoding: the engine in float32 ("reproducible") against int8
("fast", the baseline), on the same distinct sentences, and how many outputs differ.

    python -m bench.precision [--lang ru] [--sentences 120] [--repeat 2]

Material: the English side of ``../shared/corpora/valid.<lang>.en.gz``; no cache.
Fastest of ``--repeat`` runs each.
"""

from __future__ import annotations

import argparse
import os

from bench.cluster import sentences
from bench.engine import best
from pipeline.engine import Translator, find_package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--sentences", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    package = find_package("en", args.lang)
    fast, exact = Translator(package, precision="fast"), Translator(package, precision="reproducible")
    texts = [fast.normalize(t) for t in sentences(args.lang, args.sentences)]
    fast_s, fast_out = best(lambda: [h.text for h in fast.translate(texts)], args.repeat)
    exact_s, exact_out = best(lambda: [h.text for h in exact.translate(texts)], args.repeat)
    differ = sum(a != b for a, b in zip(fast_out, exact_out))
    print(
        f"en→{args.lang}, {len(texts)} distinct sentences, {os.cpu_count()} CPU(s): fast (int8) {fast_s:.2f} s; "
        f"reproducible (float32) {exact_s:.2f} s = {exact_s / fast_s:.2f}x the baseline; {differ} outputs differ"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
