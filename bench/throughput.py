"""Throughput: this pipeline's engine vs Argos' own translate(), one sentence at a time.

    python -m bench.throughput [--lang ru] [--articles 100] [--repeat 3] [--batch 1]

Same package, same beam size (4), same normalised input sentences; each side runs
in its own process so peak RSS is its own. Two materials: every segment of the
articles, then each distinct segment once (the engine's gain without translating
repeats once: workers, batches). Prints segments/s for both, the ratio, peak RSS, and
how many translations are identical (Argos' text taken as the pipeline writes
it, see ``as_pipeline_writes``). Each side runs ``--repeat`` times,
alternating, and its fastest run counts: noise on a shared 2-core machine only
ever slows a run down (one Argos run here took 35 s against 18.5 s for the same
work). A differing segment that Argos' own sentence splitter cuts in several
pieces is counted apart, since the pipeline translates a segment whole.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from pipeline.config import find_config

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "kursk-north-korean-troops.txt"


def material(articles: int, distinct: bool = False) -> list[str]:
    """The sample article, then copies with varied numbers: real segmentation, real sentences."""
    from pipeline.read import read_article
    from pipeline.segment import segment_text

    base = read_article(SAMPLE)
    sentences = []
    for n in range(articles):
        text = base if n == 0 else re.sub(r"\d+", lambda m, n=n: str(int(m.group()) + n), base)
        sentences.extend(s.source for s in segment_text(f"a{n}", text).segments)
    return list(dict.fromkeys(sentences)) if distinct else sentences


def run_pipeline(sentences: list[str], lang: str, batch_size: int = 1) -> list[str]:
    from pipeline.engine import Decoding, Translator, find_package

    # Argos' decoding on both sides: a stand-in's own guards are not applied by Argos' translate().
    translator = Translator(dataclasses.replace(find_package("en", lang), decoding=Decoding()), batch_size=batch_size)
    return [h.text for h in translator.translate([translator.normalize(s) for s in sentences])]


def normalized(sentences: list[str]) -> list[str]:
    """What the pipeline gives its engine (``Translator.normalize``), for Argos' side."""
    from sacremoses import MosesPunctNormalizer

    normalizer = MosesPunctNormalizer(lang="en")
    return [normalizer.normalize(s).strip() for s in sentences]


def run_argos(sentences: list[str], lang: str) -> list[str]:
    from argostranslate import translate

    return [translate.translate(s, "en", lang) for s in normalized(sentences)]


def argos_splits(sentences: list[str], lang: str) -> list[list[str]]:
    """The sentences Argos' own splitter makes of each (normalised) input."""
    from argostranslate import translate

    splitter = translate.get_translation_from_codes("en", lang).underlying.sentencizer
    return [splitter.split_sentences(s) for s in normalized(sentences)]


def child(mode: str, lang: str, articles: int, distinct: bool, batch_size: int, out: Path) -> None:
    sentences = material(articles, distinct)
    fn = partial(run_pipeline, batch_size=batch_size) if mode == "pipeline" else run_argos
    fn(sentences[:2], lang)  # load the model outside the timed part, for both sides
    start = time.perf_counter()
    outputs = fn(sentences, lang)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"seconds": seconds, "segments": len(sentences), "peak_mb": peak_mb, "outputs": outputs}
    if mode == "argos":
        result["splits"] = argos_splits(sentences, lang)
    out.write_text(json.dumps(result))


def as_pipeline_writes(text: str, prefix: str) -> str:
    """Argos' output less what the pipeline drops: the target prefix Argos leaves
    before every sentence of a paragraph but the first, and U+FFFD where
    byte-fallback pieces form no character."""
    return (text.replace(prefix, "") if prefix else text).replace("\ufffd", "").strip()


def compare(label: str, lang: str, p: dict, a: dict) -> None:
    from pipeline.engine import find_package

    prefix = find_package("en", lang).target_prefix
    argos = [as_pipeline_writes(text, prefix) for text in a["outputs"]]
    rate_p, rate_a = p["segments"] / p["seconds"], a["segments"] / a["seconds"]
    differ = [i for i, (x, y) in enumerate(zip(p["outputs"], argos)) if x != y]
    resplit = [i for i in differ if len(a["splits"][i]) > 1]
    # Given Argos' sentences, does the pipeline's engine give Argos' text? (Argos
    # decodes a paragraph's sentences together: as if joined by a space.)
    translated = iter(run_pipeline([s for i in resplit for s in a["splits"][i]], lang))
    same_split = sum(" ".join(next(translated) for _ in a["splits"][i]) == argos[i] for i in resplit)
    print(f"{label}: {p['segments']} segments")
    print(f"  pipeline engine (CTranslate2):  {rate_p:8.2f} seg/s  {p['seconds']:7.1f} s  peak RSS {p['peak_mb']:.0f} MB")
    print(f"  argostranslate.translate():     {rate_a:8.2f} seg/s  {a['seconds']:7.1f} s  peak RSS {a['peak_mb']:.0f} MB")
    print(f"  ratio: {rate_p / rate_a:.2f}x   identical translations: {p['segments'] - len(differ)}/{p['segments']}")
    print(
        f"  of the {len(differ)} others, {len(resplit)} are segments Argos splits into several sentences;"
        f" given those sentences, the engine gives Argos' text for {same_split}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="runs per side; the fastest counts")
    parser.add_argument(
        "--batch",
        type=int,
        default=find_config(ROOT).batch_size,
        help="the pipeline's batch_size (sentences per request); default: pipeline.toml's",
    )
    parser.add_argument("--child", choices=("pipeline", "argos"), help=argparse.SUPPRESS)
    parser.add_argument("--distinct", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.lang, args.articles, args.distinct, args.batch, args.result)
        return 0
    # Argos' default sentence splitter downloads a model; the packages carry a spaCy one.
    env = dict(os.environ, ARGOS_CHUNK_TYPE="SPACY", ARGOS_BEAM_SIZE="4")
    print(
        f"material: {args.articles} article(s), en→{args.lang}, beam 4, {os.cpu_count()} CPU(s), "
        f"pipeline batch_size {args.batch}, fastest of {args.repeat} run(s) per side"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for label, distinct in (("every segment", []), ("each distinct segment once", ["--distinct"])):
            results: dict[str, dict] = {}
            for _ in range(args.repeat):
                for mode in ("pipeline", "argos"):
                    result = Path(tmp) / f"{mode}.json"
                    subprocess.run(
                        [
                            sys.executable,
                            "-m",
                            "bench.throughput",
                            "--child",
                            mode,
                            "--lang",
                            args.lang,
                            "--articles",
                            str(args.articles),
                            "--batch",
                            str(args.batch),
                            "--result",
                            str(result),
                            *distinct,
                        ],
                        cwd=ROOT,
                        env=env,
                        check=True,
                    )
                    run = json.loads(result.read_text())
                    if mode not in results or run["seconds"] < results[mode]["seconds"]:
                        results[mode] = run
            compare(label, args.lang, results["pipeline"], results["argos"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
