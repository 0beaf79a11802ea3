"""Russian."""

from __future__ import annotations

import re

from pipeline.languages import slavic
from pipeline.languages.base import Language

# A year word («года»), which the model appends to a date, and to a term it takes for one («России года»).
_YEAR_WORD = re.compile(r"\s+(?:года|году|годом|год|г\.)(?!\w)")

RUSSIAN = Language(
    "ru",
    "Russian",
    "Cyrillic",
    slavic.PLURALS,
    (0.6, 2.0),
    own_letters=frozenset("ыэъёЫЭЪЁ"),
    cases=True,
    foreign_scripts=("Hangul", "CJK"),
    year_after_date=_YEAR_WORD,
    counter_after_term=_YEAR_WORD,
    preposition_before_date=re.compile(r"(?:^|(?<=\s))(?:в|во|у)\s+$", re.IGNORECASE),
    preposition_for_on_date=slavic.ON_DATE,
    unit_after_placeholder=slavic.UNIT_AFTER_PLACEHOLDER,
    preposition_before_span=slavic.FROM_SPAN,
    preposition_before_time=(re.compile(r"(?:^|(?<=\s))на\s+$", re.IGNORECASE), "в "),
    # CLDR's, but for the evening's last hours, which CLDR calls night («10 ночи») and Russian «10 вечера».
    day_periods=((0, "ночи"), (4, "утра"), (12, "дня"), (18, "вечера")),
    midnight_noon=(
        ("полночь", "полуночи", "полуночи", "полночь", "полуночью", "полуночи"),
        ("полдень", "полудня", "полудню", "полдень", "полуднем", "полудне"),
    ),
    quantities={
        "1/2": ("половина",),
        "1/3": ("треть",),
        "2/3": ("две трети", "двух третей", "двум третям", "две трети", "двумя третями", "двух третях"),
        "1/4": ("четверть",),
        "3/4": ("три четверти", "трёх четвертей", "трём четвертям", "три четверти", "тремя четвертями", "трёх четвертях"),
        "1/5": ("пятая часть",),
        "1/10": ("десятая часть",),
        "a dozen": ("дюжина",),
        "dozens": ("десятки", "десятков", "десяткам", "десятки", "десятками", "десятках"),
        "hundreds": ("сотни", "сотен", "сотням", "сотни", "сотнями", "сотнях"),
        "thousands": ("тысячи", "тысяч", "тысячам", "тысячи", "тысячами", "тысячах"),
        "millions": ("миллионы", "миллионов", "миллионам", "миллионы", "миллионами", "миллионах"),
        "billions": ("миллиарды", "миллиардов", "миллиардам", "миллиарды", "миллиардами", "миллиардах"),
        "tens of thousands": ("десятки тысяч", "десятков тысяч", "десяткам тысяч", "десятки тысяч", "десятками тысяч", "десятках тысяч"),
        "hundreds of thousands": ("сотни тысяч", "сотен тысяч", "сотням тысяч", "сотни тысяч", "сотнями тысяч", "сотнях тысяч"),
        "tens of millions": (
            "десятки миллионов",
            "десятков миллионов",
            "десяткам миллионов",
            "десятки миллионов",
            "десятками миллионов",
            "десятках миллионов",
        ),
        "hundreds of millions": (
            "сотни миллионов",
            "сотен миллионов",
            "сотням миллионов",
            "сотни миллионов",
            "сотнями миллионов",
            "сотнях миллионов",
        ),
    },
    of_after_quantity=slavic.OF_AFTER_QUANTITY,
    change_prepositions=("до", "на"),
    by_year=("к", "году"),
    ratio_preposition="из",
    multiple_preposition=("в", "на|по"),
    half_inside=False,
    preposition_for_change=slavic.FOR_CHANGE,
    currency_after_amount=re.compile(
        r"\s*(?:(?:американских\s+)?доллар\w*(?:\s+США)?|евро|(?:британских\s+)?фунт\w*(?:\s+стерлингов)?|рубл\w*|руб\.|гривн\w*|гривен|юан\w*|[ий]ен\w*|[$€£¥₩₽₴])(?!\w)",
        re.IGNORECASE,
    ),
    points_after_amount=re.compile(r"\s*(?:%|процент\w*|п\.\s?п\.)(?:\s+пункт\w*)?|\s+пункт\w*", re.IGNORECASE),
    money=re.compile(r"[$€£¥₩₽₴]|\b(?:доллар|евро\b|рубл|руб\.|грив(?:н|ен)|фунт(?:ов|а)? стерлингов|юан|цент)", re.IGNORECASE),
    counted=slavic.counted(few=({"gent", "sing"}, {"gent", "plur"})),
    # «1-й», «2-го», «3-му», «4-м»; «5-я», «6-й», «7-ю»; «8-е»; «9-х», «10-ми»: one letter or two, never «-ый».
    years_old="летний",
    ordinal_endings={
        **{"masc nomn": "й", "masc gent": "го", "masc datv": "му", "masc ablt": "м", "masc loct": "м"},
        **{"neut nomn": "е", "neut gent": "го", "neut datv": "му", "neut ablt": "м", "neut loct": "м"},
        **{"femn nomn": "я", "femn gent": "й", "femn datv": "й", "femn accs": "ю", "femn ablt": "й", "femn loct": "й"},
        **{"plur nomn": "е", "plur gent": "х", "plur datv": "м", "plur ablt": "ми", "plur loct": "х"},
    },
    man_name_endings={
        "": {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"},
        "ь": {"gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"},
        "й": {"gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"},
    },
    transliteration=slavic.TRANSCRIPTION,
    spanish=slavic.SPANISH,
    decade="{}-х",
    pronouns={"masc": "он", "femn": "она", "neut": "оно", "plur": "они"},
    tally="{} против {}",
    percentage_points="{}\u00a0п.\u00a0п.",
    age="{}-х",
    ordinal="{}-й",
    omegat_tokenizer="org.omegat.tokenizer.LuceneRussianTokenizer",
)
