"""Throughput: this pipeline's batched engine vs Argos' own translate(), one sentence at a time.

    python -m bench.throughput [--lang ru] [--articles 100]

Same package, same beam size (4), same normalised input sentences; each side runs
in its own process so peak RSS is its own. Prints segments/s for both, the ratio,
peak RSS, and how many translations are identical.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "kursk-north-korean-troops.txt"


def material(articles: int) -> list[str]:
    """The sample article, then copies with varied numbers: real segmentation, real sentences."""
    from pipeline.read import read_article
    from pipeline.segment import segment_text

    base = read_article(SAMPLE)
    sentences = []
    for n in range(articles):
        text = base if n == 0 else re.sub(r"\d+", lambda m: str(int(m.group()) + n), base)
        sentences.extend(s.source for s in segment_text(f"a{n}", text).segments)
    return sentences


def run_pipeline(sentences: list[str], lang: str) -> list[str]:
    from pipeline.engine import Translator, find_package

    translator = Translator(find_package("en", lang))
    return [h.text for h in translator.translate([translator.normalize(s) for s in sentences])]


def run_argos(sentences: list[str], lang: str) -> list[str]:
    from sacremoses import MosesPunctNormalizer

    from argostranslate import translate

    normalizer = MosesPunctNormalizer(lang="en")
    return [translate.translate(normalizer.normalize(s).strip(), "en", lang) for s in sentences]


def child(mode: str, lang: str, articles: int, out: Path) -> None:
    sentences = material(articles)
    fn = run_pipeline if mode == "pipeline" else run_argos
    fn(sentences[:2], lang)  # load the model outside the timed part, for both sides
    start = time.perf_counter()
    outputs = fn(sentences, lang)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps({"seconds": seconds, "segments": len(sentences), "peak_mb": peak_mb, "outputs": outputs}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--child", choices=("pipeline", "argos"), help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.lang, args.articles, args.result)
        return 0
    # Argos' default sentence splitter downloads a model; the packages carry a spaCy one.
    env = dict(os.environ, ARGOS_CHUNK_TYPE="SPACY", ARGOS_BEAM_SIZE="4")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in ("pipeline", "argos"):
            result = Path(tmp) / f"{mode}.json"
            subprocess.run(
                [sys.executable, "-m", "bench.throughput", "--child", mode, "--lang", args.lang,
                 "--articles", str(args.articles), "--result", str(result)],
                cwd=ROOT, env=env, check=True,
            )
            results[mode] = json.loads(result.read_text())
    p, a = results["pipeline"], results["argos"]
    rate_p, rate_a = p["segments"] / p["seconds"], a["segments"] / a["seconds"]
    same = sum(x == y for x, y in zip(p["outputs"], a["outputs"]))
    unique = len(set(p["outputs"]))
    print(f"material: {args.articles} article(s), {p['segments']} segments ({unique} distinct translations), "
          f"en→{args.lang}, beam 4, {os.cpu_count()} CPU(s)")
    print(f"pipeline (batched CTranslate2): {rate_p:8.2f} seg/s  {p['seconds']:7.1f} s  peak RSS {p['peak_mb']:.0f} MB")
    print(f"argostranslate.translate():     {rate_a:8.2f} seg/s  {a['seconds']:7.1f} s  peak RSS {a['peak_mb']:.0f} MB")
    print(f"ratio: {rate_p / rate_a:.2f}x   identical translations: {same}/{p['segments']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
