"""The pipeline's engine vs raw CTranslate2 with the same options, on distinct sentences.

    python -m bench.engine [--lang ru] [--sentences 300] [--repeat 2] [--device cuda --batch 64]

Material: the English side of ``../shared/corpora/valid.<lang>.en.gz``. Both sides
use the installed package, its SentencePiece model, beam 4, length penalty 0.2
and the package's decoding guards, and include tokenising and detokenising.
Raw CTranslate2 is timed two ways: as a user would first write it (one
``translate_batch`` call, batches of 32) and the engine's way without the engine
(one sentence per request, two one-thread workers). Fastest of ``--repeat`` runs.
On a GPU (``--device cuda``) the engine batches ``--batch`` equal-length sentences and
raw CTranslate2 gets the same batch size.
"""

from __future__ import annotations

import argparse
import os
import time

from bench.cluster import sentences
from pipeline.engine import Translator, compute_type, find_package, resolve_device


def raw(package, texts: list[str], *, batch: int, workers: int, device: str = "cpu") -> list[str]:
    import ctranslate2
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(package.path / "sentencepiece.model"))
    if device == "cuda":
        model = ctranslate2.Translator(str(package.path / "model"), device="cuda", compute_type=compute_type("cuda"))
    else:
        cores = os.cpu_count() or 2
        model = ctranslate2.Translator(
            str(package.path / "model"), device="cpu", compute_type="auto", inter_threads=workers, intra_threads=cores // workers
        )
    tokens = [sp.encode(t, out_type=str) for t in texts]
    prefix = [[package.target_prefix]] * len(tokens)
    options = dict(beam_size=4, length_penalty=package.decoding.length_penalty, replace_unknowns=True, max_batch_size=batch)
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
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="cpu")
    parser.add_argument("--batch", type=int, default=1, help="sentences per request (on a GPU: 64)")
    args = parser.parse_args(argv)
    device = resolve_device(args.device)
    package = find_package("en", args.lang)
    translator = Translator(package, device=device, batch_size=args.batch)
    texts = [translator.normalize(t) for t in sentences(args.lang, args.sentences)]
    engine_s, _ = best(lambda: [h.text for h in translator.translate(texts)], args.repeat)
    batched_s, _ = best(lambda: raw(package, texts, batch=max(32, args.batch), workers=1, device=device), args.repeat)
    single_s, _ = best(lambda: raw(package, texts, batch=1, workers=2, device=device), args.repeat)
    print(
        f"en→{args.lang}, {len(texts)} distinct sentences, {device}, {os.cpu_count()} CPU(s): engine {engine_s:.2f} s; "
        f"raw CTranslate2 batches of {max(32, args.batch)} {batched_s:.2f} s (engine {batched_s / engine_s:.2f}x); "
        f"raw one per request on 2 workers {single_s:.2f} s (engine {single_s / engine_s:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
