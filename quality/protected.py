"""Names protected through translation, romanised Korean and Chinese people (``pipeline.romanised``)
and the curated list's places and people (``pipeline.curated``), through the product's translate
stage: whether the reference writes each name as we do, and whether the output does.

    python -m quality.protected [--kind romanised|curated] [--lang ru] [--off]

Material: every pair of ``../shared/corpora`` (train and valid) whose English holds such a name,
one pair per distinct English. A name is written as the reference writes it where every word of
our form begins, by its first four letters, a word of the reference (Russian and Ukrainian
decline: «Пан Ги Муна», «Сырского»; hyphens split words: «Чжэ-ина»); in Korean, where the
reference holds our form, spaces aside (보 실라이 for 보시라이). ``--off``: the product without
protecting them (the names stage alone, which knows the curated list's words too), for the baseline.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections.abc import Callable

from sacrebleu.metrics import CHRF

from pipeline import curated, romanised
from pipeline.model import TermHit
from quality.facts import CORPORA, translate_all

# kind → (its finder's module and name, its form of a name in a language)
KINDS: dict[str, tuple[object, str, Callable[[str, str], str]]] = {
    "romanised": (romanised, "find_names", romanised.written),
    "curated": (curated, "find_curated", curated.base),
}


def pairs(lang: str, find: Callable[[str, list[TermHit]], list[TermHit]]) -> list[tuple[str, str]]:
    """(English, reference) pairs whose English holds a name ``find`` finds, one per distinct English."""
    rows: dict[str, str] = {}
    for split in ("train", "valid"):
        with (
            gzip.open(CORPORA / f"{split}.{lang}.en.gz", "rt", encoding="utf-8") as en,
            gzip.open(CORPORA / f"{split}.{lang}.{lang}.gz", "rt", encoding="utf-8") as ref,
        ):
            for source, target in zip(en, ref):
                if find(source, []):
                    rows.setdefault(source.strip(), target.strip())
    return sorted(rows.items())


def written_as(form: str, text: str, lang: str) -> bool:
    """Whether ``text`` writes the name as ``form`` (see the module's doc)."""
    if lang == "ko":
        return form.replace(" ", "") in text.replace(" ", "")
    words = [w.lower() for w in re.split(r"[\s-]+", text)]
    return all(any(w.startswith(part[:4].lower()) for w in words) for part in form.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=sorted(KINDS), default="romanised")
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--off", action="store_true", help="without protecting them (the baseline)")
    args = parser.parse_args(argv)
    module, finder, form = KINDS[args.kind]
    find = getattr(module, finder)
    rows = pairs(args.lang, find)
    names = [(i, form(h.text, args.lang)) for i, (en, _) in enumerate(rows) for h in find(en, [])]
    if args.off:
        setattr(module, finder, lambda text, taken: [])
    outputs = translate_all([en for en, _ in rows], args.lang, "reproducible")
    agreed = [(i, written) for i, written in names if written_as(written, rows[i][1], args.lang)]
    kept = sum(written_as(written, outputs[i], args.lang) for i, written in agreed)
    chrf = CHRF().corpus_score(outputs, [[ref for _, ref in rows]])
    print(
        f"en→{args.lang}, {len(rows)} sentences, {len(names)} {args.kind} names ({'not ' if args.off else ''}protected): "
        f"the reference writes {len(agreed)} as we do; the output writes {kept} of those so; chrF {chrf.score:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
