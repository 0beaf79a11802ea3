"""One command that rebuilds the stand-in Argos packages from ../shared/corpora.

    python -m tools.standin.build [--minutes 75] [--size small]

Stages (each skipped when its output exists, so an interrupted build resumes):
clean corpora → SentencePiece → train → convert + package + evaluate.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import torch

from tools.standin import LANGS
from tools.standin.corpus import training_pairs

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "standin")
    parser.add_argument("--models", type=Path, default=ROOT / "models")
    parser.add_argument("--minutes", type=float, default=75.0, help="training wall-clock budget")
    parser.add_argument("--size", choices=("small", "large"), default="small")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--stage", choices=("train", "package", "all"), default="all")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", force=True)
    torch.set_num_threads(args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    checkpoint = args.work / "checkpoint"
    if args.stage in ("train", "all") and not (checkpoint / "config.json").exists():
        from tools.standin.train import train, train_sentencepiece

        pairs = {lang: training_pairs(args.corpora, lang) for lang in LANGS}
        sp_model = args.work / "sentencepiece.model"
        if not sp_model.exists():
            sp_model = train_sentencepiece(pairs, args.work)
        stats = train(pairs, sp_model, checkpoint, minutes=args.minutes, size=args.size)
        stats["pairs_after_cleaning"] = {lang: len(items) for lang, items in pairs.items()}
        (args.work / "training.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    if args.stage in ("package", "all"):
        from tools.standin.package import build_packages

        build_packages(checkpoint, args.work, args.models, args.corpora)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
