"""Figures of English news through the product's translate stage: how many sentences of
``tests/data/figures.txt`` (written for this project: amounts, dates, times, spans, scores,
versions) come out with every number of the source and none added, as the number check reads
them (``checks.number_findings``).

    python -m quality.figures [--lang ru] [--news 1200] [--misses]

With ``--news N``: N English sentences with digits (40–300 characters, one of each, evenly
drawn) from the English side of ``../shared/corpora/train.ru`` (WMT news test sets and TICO-19)
instead: real news, more than the set was written for. Not held out for the models, which
does not matter here: the figures are protected and rendered, not learnt.

There is no reference: the check itself is the judge, so this measures what protection and
rendering keep, not how the sentence reads.
"""

from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

from pipeline.checks import number_findings
from quality.facts import CORPORA, translate_all

SENTENCES = Path(__file__).resolve().parents[1] / "tests" / "data" / "figures.txt"


def sentences() -> list[str]:
    return [line for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def news(count: int) -> list[str]:
    """``count`` distinct English news sentences with a digit, evenly drawn."""
    with gzip.open(CORPORA / "train.ru.en.gz", "rt", encoding="utf-8") as fh:
        found = dict.fromkeys(s for line in fh if re.search(r"\d", s := line.strip()) and 40 <= len(s) <= 300 and '{"' not in s)
    rows = list(found)
    return rows[:: max(1, len(rows) // count)][:count]


def missed(lang: str, precision: str = "reproducible", sources: list[str] | None = None) -> list[tuple[str, str, list[str]]]:
    """(source, translation, the number check's messages) for each sentence (``figures.txt``
    unless ``sources`` are given) with a finding."""
    sources = sources or sentences()
    outputs = translate_all(sources, lang, precision)
    return [(s, o, [f.message for f in findings]) for s, o in zip(sources, outputs) if (findings := list(number_findings(s, o)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--precision", default="reproducible")
    parser.add_argument("--news", type=int, default=0, help="this many news sentences with digits instead of figures.txt")
    parser.add_argument("--misses", action="store_true", help="print each sentence with a finding")
    args = parser.parse_args(argv)
    sources = news(args.news) if args.news else sentences()
    found = missed(args.lang, args.precision, sources)
    total = len(sources)
    print(f"en→{args.lang}: {total - len(found)}/{total} sentences with every figure kept and none added ({args.precision})")
    for source, output, messages in found if args.misses else []:
        print(f"{source}\n  {output}\n  {'; '.join(messages)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
