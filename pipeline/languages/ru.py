"""Russian."""

from __future__ import annotations

import re

from pipeline.languages import slavic
from pipeline.languages.base import Language

RUSSIAN = Language(
    "ru",
    "Russian",
    "Cyrillic",
    slavic.PLURALS,
    (0.6, 2.0),
    own_letters=frozenset("ыэъёЫЭЪЁ"),
    cases=True,
    foreign_scripts=("Hangul", "CJK"),
    year_after_date=re.compile(r"\s+(?:года|году|годом|год|г\.)(?!\w)"),
    preposition_before_date=re.compile(r"(?:^|(?<=\s))(?:в|во|у)\s+$", re.IGNORECASE),
    preposition_for_on_date=slavic.ON_DATE,
    currency_after_amount=re.compile(
        r"\s*(?:(?:американских\s+)?доллар\w*(?:\s+США)?|евро|(?:британских\s+)?фунт\w*(?:\s+стерлингов)?|рубл\w*|гривн\w*|гривен|юан\w*|[ий]ен\w*|[$€£¥₩₽₴])(?!\w)",
        re.IGNORECASE,
    ),
    money=re.compile(r"[$€£¥₩₽₴]|\b(?:доллар|евро\b|рубл|грив(?:н|ен)|фунт(?:ов|а)? стерлингов|юан|цент)", re.IGNORECASE),
    counted=slavic.counted(few=({"gent", "sing"}, {"gent", "plur"})),
    transliteration=slavic.TRANSCRIPTION,
    decade="{}-х",
    omegat_tokenizer="org.omegat.tokenizer.LuceneRussianTokenizer",
)
