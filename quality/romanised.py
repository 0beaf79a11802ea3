"""Korean and Chinese people's names in Latin letters through the product's translate stage:
whether the reference writes each name as ``pipeline.romanised`` reads it, and whether the output does.

    python -m quality.romanised [--lang ru] [--off]

Material: every pair of ``../shared/corpora`` (train and valid) whose English holds a name a
reader reads (``romanised.find_names``), one pair per distinct English. A name is
written as the reference writes it where every word of the reading begins a word of the
reference (Russian and Ukrainian decline the last: «Пан Ги Муна»; hyphens split words:
«Чжэ-ина»); in Korean, where the reference holds the reading, spaces aside (보 실라이 for 보시라이). ``--off``: the product without
the romanised names step (the names stage alone), for the baseline.
"""

from __future__ import annotations

import argparse
import gzip
import re

from sacrebleu.metrics import CHRF

from pipeline import romanised
from quality.facts import CORPORA, translate_all


def pairs(lang: str) -> list[tuple[str, str]]:
    """(English, reference) pairs whose English holds a romanised name, one per distinct English."""
    rows: dict[str, str] = {}
    for split in ("train", "valid"):
        with (
            gzip.open(CORPORA / f"{split}.{lang}.en.gz", "rt", encoding="utf-8") as en,
            gzip.open(CORPORA / f"{split}.{lang}.{lang}.gz", "rt", encoding="utf-8") as ref,
        ):
            for source, target in zip(en, ref):
                if romanised.find_names(source, []):
                    rows.setdefault(source.strip(), target.strip())
    return sorted(rows.items())


def written_as(reading: str, text: str, lang: str) -> bool:
    """Whether ``text`` writes the name as ``reading`` (see the module's doc)."""
    if lang == "ko":
        return reading in text.replace(" ", "")
    words = [w.lower() for w in re.split(r"[\s-]+", text)]
    return all(any(w.startswith(part.lower()) for w in words) for part in reading.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--off", action="store_true", help="without the romanised names step (the baseline)")
    args = parser.parse_args(argv)
    rows = pairs(args.lang)
    names = [(i, h.text, romanised.written(h.text, args.lang)) for i, (en, _) in enumerate(rows) for h in romanised.find_names(en, [])]
    if args.off:
        romanised.find_names = lambda text, taken: []  # type: ignore[assignment]
    outputs = translate_all([en for en, _ in rows], args.lang, "reproducible")
    agreed = [(i, reading) for i, _, reading in names if written_as(reading, rows[i][1], args.lang)]
    kept = sum(written_as(reading, outputs[i], args.lang) for i, reading in agreed)
    chrf = CHRF().corpus_score(outputs, [[ref for _, ref in rows]])
    print(
        f"en→{args.lang}, {len(rows)} sentences, {len(names)} romanised names ({'without' if args.off else 'with'} the romanised names step): "
        f"the reference writes {len(agreed)} as read; the output writes {kept} of those so; chrF {chrf.score:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
