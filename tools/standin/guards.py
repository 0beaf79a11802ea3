"""Choose the stand-ins' decoding guards by measurement on ``valid``.

    python -m tools.standin.guards [CHECKPOINT]

Converts the checkpoint once and decodes ``valid`` with each candidate set of
guards through the pipeline's engine, printing chrF, the share of outputs that
repeat a 1–4-gram three times, the share with letters the language never writes
(Hangul in Russian, ы in Ukrainian), and decoding time. Candidates differ in
repetition guards, an output length cap, foreign letters and the length penalty
(Argos' 0.2 against stronger ones, which keep a small model's outputs from
ending early). The chosen set goes into
``package.DECODING``.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
from pathlib import Path

from ctranslate2.converters import TransformersConverter

from pipeline.engine import Decoding, Translator, installed_packages
from tools.standin import LANGS
from tools.standin.evaluate import score_valid
from tools.standin.package import assemble
from tools.standin.train import load_record

ROOT = Path(__file__).resolve().parents[2]
_CAP = {"max_length_ratio": 2.0, "max_length_extra": 10}
CANDIDATES = {
    "none (Argos)": Decoding(),
    "rp1.2 nr4": Decoding(repetition_penalty=1.2, no_repeat_ngram_size=4),
    "rp1.2 nr4 len2x": Decoding(repetition_penalty=1.2, no_repeat_ngram_size=4, **_CAP),
    "rp1.1 nr3 len2x": Decoding(repetition_penalty=1.1, no_repeat_ngram_size=3, **_CAP),
    "rp1.2 nr4 len2x nf": Decoding(repetition_penalty=1.2, no_repeat_ngram_size=4, **_CAP, suppress_foreign_letters=True),
    "rp1.1 nr4 len2x nf": Decoding(repetition_penalty=1.1, no_repeat_ngram_size=4, **_CAP, suppress_foreign_letters=True),
    "nr4 len2x nf": Decoding(no_repeat_ngram_size=4, **_CAP, suppress_foreign_letters=True),
    **{
        f"rp1.2 nr4 len2x nf lp{lp:g}": Decoding(
            repetition_penalty=1.2, no_repeat_ngram_size=4, **_CAP, suppress_foreign_letters=True, length_penalty=lp
        )
        for lp in (0.6, 1.0, 1.5)
    },
    "nr3 len2x nf": Decoding(no_repeat_ngram_size=3, **_CAP, suppress_foreign_letters=True),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path, nargs="?", default=ROOT / "models" / "checkpoint")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "guards")
    parser.add_argument("--langs", default=",".join(LANGS))
    args = parser.parse_args(argv)
    if args.work.exists():
        shutil.rmtree(args.work)
    TransformersConverter(str(args.checkpoint)).convert(str(args.work / "ct2"), quantization="int8")
    record = load_record(args.checkpoint)
    for lang in args.langs.split(","):
        assemble(lang, args.work / "ct2", args.checkpoint / "source.spm", args.work / "packages", record, {})
        package = next(p for p in installed_packages([args.work / "packages"]) if p.to_code == lang)
        for name, decoding in CANDIDATES.items():
            result = score_valid(Translator(dataclasses.replace(package, decoding=decoding)), args.corpora, lang)
            print(
                f"{lang}  {name:26} chrF {result['chrf']:5.1f}  repeating {result['repeating_outputs']:4.1f} %  "
                f"foreign letters {result['foreign_letter_outputs']:4.1f} %  length {result['length_ratio']:5.3f}  {result['seconds']:6.1f} s",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
