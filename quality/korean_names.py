"""Korean names through the product's translate stage: names left in Latin letters, name words
written as the reference writes them, chrF.

    python -m quality.korean_names [--sentences 400] [--off]

Material: English news sentences with a name (``pipeline.names``) and their Korean references
from the jungyeul news sets of ``../shared/corpora/train.ko`` (``valid`` has no Korean news),
evenly drawn. They are in the models' training data; what is measured is the names step, with a
names lexicon mined from the training pairs *without* these sentences (``tools.lexicon.mine``),
as the product would have it had it never seen them. ``--off``: the product without the
Korean names step (no transcription, no lexicon), for the baseline.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import re

from sacrebleu.metrics import CHRF

import pipeline.lexicon
from pipeline import languages
from pipeline.names import find_names
from quality.facts import CORPORA, translate_all
from tools.lexicon import mine
from tools.standin.corpus import training_pairs


def news(count: int) -> list[tuple[str, str]]:
    """``count`` (English, Korean) news pairs whose English holds a name other than an acronym."""

    def lines(name: str) -> list[str]:
        with gzip.open(CORPORA / name, "rt", encoding="utf-8") as fh:
            return [line.rstrip("\n") for line in fh]

    rows = [
        (en, ko)
        for en, ko, source in zip(lines("train.ko.en.gz"), lines("train.ko.ko.gz"), lines("train.ko.source.gz"))
        if source.startswith("jungyeul") and any(not n.text.isupper() for n in find_names(en))
    ]
    return rows[:: max(1, len(rows) // count)][:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--off", action="store_true", help="without the Korean names step (the baseline)")
    args = parser.parse_args(argv)
    rows = news(args.sentences)
    held = {en for en, _ in rows}
    lexicon = {w: form for w, (form, _) in mine([p for p in training_pairs(CORPORA, "ko") if p[0] not in held], "ko").items()}
    # The product's lexicon, as it would be without these sentences (or none, with --off).
    pipeline.lexicon.corpus_names = lambda lang: {} if args.off else lexicon  # type: ignore[assignment]
    if args.off:
        languages.LANGUAGES["ko"] = dataclasses.replace(languages.LANGUAGES["ko"], transcribe=None)
    outputs = translate_all([en for en, _ in rows], "ko", "reproducible")
    names = latin = kept = known = 0
    for (en, ko), out in zip(rows, outputs):
        for name in find_names(en):
            if name.text.isupper():
                continue
            names += 1
            latin += bool(re.search(rf"(?<![(A-Za-z]){re.escape(name.text)}(?![A-Za-z)])", out))
            for word in pipeline.lexicon.name_words(name.text):
                if (form := lexicon.get(word)) and form in ko:
                    known += 1
                    kept += form in out
    chrf = CHRF().corpus_score(outputs, [[ko for _, ko in rows]])
    print(
        f"en→ko, {len(rows)} news sentences with a name ({'without' if args.off else 'with'} the Korean names step): "
        f"names left in Latin letters {latin}/{names}; name words the reference writes as the lexicon does, "
        f"in the output {kept}/{known}; chrF {chrf.score:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
