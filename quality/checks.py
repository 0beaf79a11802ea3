"""Precision and recall of each quality check on the labelled set ``tests/data/qa.tsv``.

    python -m quality.checks

Each row is a source/translation pair, clean or with known defects (the codes a
correct checker must raise). A check's precision: of the rows it fired on, how many
carry its code; recall: of the rows carrying its code, how many it fired on.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pipeline.checks import check_segment
from pipeline.model import Segment, Severity, State, Translation

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "qa.tsv"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def evaluate(path: Path = DATA) -> dict[tuple[str, str], Score]:
    """(lang, code) → Score, plus (lang, "any") for "some warning or error fired" vs "has a defect"."""
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for i, row in enumerate(rows):
        lang = row["lang"]
        seg = Segment(id=f"qa:{i}", source=row["source"], paragraph=1, index=1)
        found = check_segment(seg, Translation(text=row["target"], state=State.REVIEWED), lang)
        fired = {f.code for f in found if f.severity >= Severity.WARNING}
        expected = set(filter(None, row["defects"].split(",")))
        for code in fired | expected:
            score = scores[(lang, code)]
            if code in fired and code in expected:
                score.tp += 1
            elif code in fired:
                score.fp += 1
            else:
                score.fn += 1
        any_score = scores[(lang, "any")]
        if fired and expected:
            any_score.tp += 1
        elif fired:
            any_score.fp += 1
        elif expected:
            any_score.fn += 1
    return dict(scores)


def main() -> int:
    scores = evaluate()
    print(f"{'lang':4} {'check':18} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>6}")
    for (lang, code), s in sorted(scores.items()):
        print(f"{lang:4} {code:18} {s.tp:3} {s.fp:3} {s.fn:3} {s.precision:9.2f} {s.recall:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
