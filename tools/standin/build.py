"""One command that builds the stand-in Argos packages from ../shared/corpora.

    python -m tools.standin.build [--minutes 75] [--size small]          # from scratch
    python -m tools.standin.build --resume CHECKPOINT --minutes N         # continue training
    python -m tools.standin.build --stage package                         # convert, evaluate, ship if better

Stages: clean corpora (+ placeholder pairs) → SentencePiece (kept when resuming)
→ train into ``build/standin/checkpoint`` (saved every few minutes) → convert +
package + evaluate. Each language's package is replaced only when its chrF on
``valid`` beats the shipped one's and its glossary forms meet the model tests'
floors (``quality.terms.FLOORS``); the checkpoint is kept in ``models/checkpoint``
(shared) or ``models/specialised/<lang>`` (``--langs``).
"""

from __future__ import annotations

import argparse
import logging
import random
from pathlib import Path

import torch

from tools.standin import LANGS
from tools.standin.corpus import all_pairs

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary" / "glossary.tsv")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "standin")
    parser.add_argument("--models", type=Path, default=ROOT / "models")
    parser.add_argument("--minutes", type=float, default=75.0, help="training wall-clock budget")
    parser.add_argument("--size", choices=("small", "large"), default="small")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--resume", type=Path, help="checkpoint to continue training (e.g. models/checkpoint)")
    parser.add_argument("--save-every", type=float, default=5.0, help="minutes between checkpoint saves")
    parser.add_argument(
        "--seed", type=int, default=1, help="data order and dropout; runs resumed from one checkpoint with different seeds can be averaged"
    )
    parser.add_argument("--peak-lr", type=float, help="peak learning rate of a resumed run (default: train.RESUME_PEAK_LR)")
    parser.add_argument(
        "--langs", nargs="+", choices=LANGS, default=list(LANGS), help="train on these languages' pairs only (a specialised run)"
    )
    parser.add_argument("--stage", choices=("train", "package", "all"), default="all")
    parser.add_argument(
        "--force",
        action="store_true",
        help="ship the packages even if chrF did not improve or glossary forms fall below the model tests' floors",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", force=True)
    torch.set_num_threads(args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    checkpoint = args.work / "checkpoint"
    if args.stage in ("train", "all") and (args.resume or not (checkpoint / "config.json").exists()):
        from pipeline.glossary import load_glossary
        from tools.standin.placeholders import with_placeholders
        from tools.standin.train import train, train_sentencepiece

        pairs = {lang: all_pairs(args.corpora, lang) for lang in args.langs}
        if args.resume:
            sp_model = args.resume / "source.spm"
        else:
            sp_model = args.work / "sentencepiece.model"
            if not sp_model.exists():
                sp_model = train_sentencepiece(pairs, args.work)
        glossary = load_glossary(args.glossary)
        extra = {lang: with_placeholders(items, lang, glossary, random.Random(1)) for lang, items in pairs.items()}
        stats = train(
            {lang: pairs[lang] + extra[lang] for lang in args.langs},
            sp_model,
            checkpoint,
            minutes=args.minutes,
            size=args.size,
            resume=args.resume,
            save_every=args.save_every,
            seed=args.seed,
            peak_lr=args.peak_lr,
        )
        logging.info("trained: %s", {k: stats[k] for k in ("training_minutes", "steps")})
    if args.stage in ("package", "all"):
        from tools.standin.package import build_packages

        build_packages(checkpoint, args.work, args.models, args.corpora, args.glossary, force=args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
