"""The pipeline's engine vs raw CTranslate2 with the same options, on distinct sentences.

    python -m bench.engine [--lang ru] [--sentences 300] [--repeat 2]

Material: the English side of ``../shared/corpora/valid.<lang>.en.gz``. Both sides
use the installed package, its SentencePiece model, beam 4, length penalty 0.2
and the package's decoding guards, and include tokenising and detokenising.
Raw CTranslate2 is timed two ways: as a user would first write it (one
``translate_batch`` call, batches of 32) and the engine's way without the engine
(one sentence per request, two one-thread workers). Fastest of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import time

from bench.cluster import sentences
from pipeline.engine import LENGTH_PENALTY, Translator, find_package


def raw(package, texts: list[str], *, batch: int, workers: int) -> list[str]:
    import ctranslate2
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(package.path / "sentencepiece.model"))
    model = ctranslate2.Translator(
        str(package.path / "model"), device="cpu", inter_threads=workers, intra_threads=(os.cpu_count() or 2) // workers
    )
    tokens = [sp.encode(t, out_type=str) for t in texts]
    prefix = [[package.target_prefix]] * len(tokens)
    options = dict(beam_size=4, length_penalty=LENGTH_PENALTY, replace_unknowns=True, max_batch_size=batch)
    if package.decoding.repetition_penalty != 1.0:
        options["repetition_penalty"] = package.decoding.repetition_penalty
    if package.decoding.no_repeat_ngram_size:
        options["no_repeat_ngram_size"] = package.decoding.no_repeat_ngram_size
    if batch == 1:
        futures = [model.translate_batch([t], target_prefix=[p], asynchronous=True, **options)[0] for t, p in zip(tokens, prefix)]
        results = [f.result() for f in futures]
    else:
        results = model.translate_batch(tokens, target_prefix=prefix, **options)
    return [sp.decode(r.hypotheses[0][1:]) for r in results]


def best(fn, repeat: int) -> tuple[float, list[str]]:
    fastest, out = float("inf"), []
    for _ in range(repeat):
        started = time.perf_counter()
        out = fn()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    package = find_package("en", args.lang)
    translator = Translator(package)
    texts = [translator.normalize(t) for t in sentences(args.lang, args.sentences)]
    engine_s, _ = best(lambda: [h.text for h in translator.translate(texts)], args.repeat)
    batched_s, _ = best(lambda: raw(package, texts, batch=32, workers=1), args.repeat)
    single_s, _ = best(lambda: raw(package, texts, batch=1, workers=2), args.repeat)
    print(
        f"en→{args.lang}, {len(texts)} distinct sentences, {os.cpu_count()} CPU(s): engine {engine_s:.2f} s; "
        f"raw CTranslate2 batches of 32 {batched_s:.2f} s (engine {batched_s / engine_s:.2f}x); "
        f"raw one per request on 2 workers {single_s:.2f} s (engine {single_s / engine_s:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
