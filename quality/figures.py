"""Figures of English news through the product's translate stage: how many sentences of
``tests/data/figures.txt`` (written for this project: amounts, dates, times, spans, scores,
versions) come out with every number of the source and none added, as the number check reads
them (``checks.number_findings``).

    python -m quality.figures [--lang ru] [--misses]

There is no reference: the check itself is the judge, so this measures what protection and
rendering keep, not how the sentence reads.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.checks import number_findings
from quality.facts import translate_all

SENTENCES = Path(__file__).resolve().parents[1] / "tests" / "data" / "figures.txt"


def sentences() -> list[str]:
    return [line for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def missed(lang: str, precision: str = "reproducible") -> list[tuple[str, str, list[str]]]:
    """(source, translation, the number check's messages) for each sentence with a finding."""
    sources = sentences()
    outputs = translate_all(sources, lang, precision)
    return [(s, o, [f.message for f in findings]) for s, o in zip(sources, outputs) if (findings := list(number_findings(s, o)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--precision", default="reproducible")
    parser.add_argument("--misses", action="store_true", help="print each sentence with a finding")
    args = parser.parse_args(argv)
    found = missed(args.lang, args.precision)
    total = len(sentences())
    print(f"en→{args.lang}: {total - len(found)}/{total} sentences with every figure kept and none added ({args.precision})")
    for source, output, messages in found if args.misses else []:
        print(f"{source}\n  {output}\n  {'; '.join(messages)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
