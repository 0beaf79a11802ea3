"""Precision and recall of proper-name detection on the labelled set ``tests/data/names.tsv``.

    python -m quality.names

Each row is a news sentence and the names a person marked in it (people, places,
organisations; not titles, months, weekdays or nationality adjectives). A found
name counts only if its text equals a marked one exactly.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from pipeline.names import find_names

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "names.tsv"


def evaluate(path: Path = DATA) -> tuple[float, float, list[str]]:
    """(precision, recall, mistakes) over every sentence of the set."""
    tp = fp = fn = 0
    mistakes = []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for row in rows:
        found = [n.text for n in find_names(row["sentence"])]
        gold = [n for n in (row["names"] or "").split("|") if n]
        tp += sum(1 for n in found if n in gold)
        fp += sum(1 for n in found if n not in gold)
        fn += sum(1 for n in gold if n not in found)
        if sorted(found) != sorted(gold):
            mistakes.append(f"{row['sentence']}  found {found}, marked {gold}")
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), mistakes


def main() -> int:
    precision, recall, mistakes = evaluate()
    print(f"precision {precision:.3f}, recall {recall:.3f} on {DATA.name}")
    for line in mistakes:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
