"""Japanese people's names in Latin letters, given name first as English writes them ("Shigeru
Ishiba", "Fumio Kishida"): only the people listed (``data/names.japanese.tsv``), with the forms the
press writes, Russian by the Polivanov system («Сигэру Исиба»), Ukrainian by Kovalenko's («Сігеру
Ісіба»), Korean surname first (이시바 시게루).

Hepburn spells too many English names alike ("Kate Mara", "Anna Sato" could be either) to read
an unlisted one by rule.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from pipeline.romanised.base import Reading

PEOPLE = Path(__file__).parents[1] / "data" / "names.japanese.tsv"

# A given name and a surname, not before another capitalised word.
CANDIDATE = re.compile(r"(?<![\w-])[A-Z][a-z]+\s+[A-Z][a-z]+(?![\w-]|\s+[A-Z])")


@cache
def _people() -> dict[str, dict[str, str]]:
    with PEOPLE.open(encoding="utf-8", newline="") as fh:
        return {row["english"]: row for row in csv.DictReader(fh, delimiter="\t")}


def reading(name: str) -> Reading | None:
    """A listed person's forms, or None."""
    person = _people().get(name)
    if person is None:
        return None
    forms = {lang: person[lang] for lang in ("ko", "ru", "uk")}
    return Reading(tuple(person["ko"].split()), forms, True, gender=person["gender"], surname_first=False)
