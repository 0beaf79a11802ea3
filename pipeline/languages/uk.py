"""Ukrainian."""

from __future__ import annotations

import re

from pipeline.languages import slavic
from pipeline.languages.base import Language

# Ukrainian transcription differs from Russian in a few letters (h, g → г; i → і; y → и; ye → є).
_DIFFERENT = {"h": "г", "g": "г", "i": "і", "y": "и", "ye": "є", "yo": "йо", "ee": "і", "ci": "сі", "ö": "ьо", "ɛ": "е"}
_SPANISH_DIFFERENT = {
    "qui": "кі", "gui": "гі", "lle": "льє", "gi": "хі", "ci": "сі", "ñe": "ньє", "ñi": "ньі",
    "ye": "є", "ia": "ія", "ie": "ьє", "ɛ": "е", "i": "і", "cia": "сія", "gia": "хія",
}  # fmt: skip

# A year word («года»), which the model appends to a date, and to a term it takes for one («России года»).
_YEAR_WORD = re.compile(r"\s+(?:року|році|роком|рік|р\.)(?!\w)")

UKRAINIAN = Language(
    "uk",
    "Ukrainian",
    "Cyrillic",
    slavic.PLURALS,
    (0.6, 2.0),
    own_letters=frozenset("іїєґІЇЄҐ"),
    neighbour_words=True,
    cases=True,
    foreign_scripts=("Hangul", "CJK"),
    decade="{}-х",
    pronouns={"masc": "він", "femn": "вона", "neut": "воно", "plur": "вони"},
    tally="{} проти {}",
    percentage_points="{}\u00a0в.\u00a0п.",
    age="{}-х",
    ordinal="{}-й",
    year_after_date=_YEAR_WORD,
    counter_after_term=_YEAR_WORD,
    preposition_before_date=re.compile(r"(?:^|(?<=\s))(?:в|у|о)\s+$", re.IGNORECASE),
    preposition_for_on_date=slavic.ON_DATE,
    unit_after_placeholder=slavic.UNIT_AFTER_PLACEHOLDER,
    preposition_before_span=slavic.FROM_SPAN,
    preposition_before_time=(re.compile(r"(?:^|(?<=\s))(?:на|в|у)\s+$", re.IGNORECASE), "о "),
    # CLDR's day periods.
    day_periods=((0, "ночі"), (4, "ранку"), (12, "дня"), (18, "вечора")),
    midnight_noon=(
        ("північ", "півночі", "півночі", "північ", "північчю", "півночі"),
        ("полудень", "полудня", "полудню", "полудень", "полуднем", "полудні"),
    ),
    quantities={
        "1/3": ("третина",),
        "2/3": ("дві третини", "двох третин", "двом третинам", "дві третини", "двома третинами", "двох третинах"),
        "1/4": ("чверть",),
        "3/4": ("три чверті", "трьох чвертей", "трьом чвертям", "три чверті", "трьома чвертями", "трьох чвертях"),
        "1/5": ("п'ята частина",),
        "1/10": ("десята частина",),
        "a dozen": ("дюжина",),
        "dozens": ("десятки", "десятків", "десяткам", "десятки", "десятками", "десятках"),
        "hundreds": ("сотні", "сотень", "сотням", "сотні", "сотнями", "сотнях"),
        "thousands": ("тисячі", "тисяч", "тисячам", "тисячі", "тисячами", "тисячах"),
        "millions": ("мільйони", "мільйонів", "мільйонам", "мільйони", "мільйонами", "мільйонах"),
        "billions": ("мільярди", "мільярдів", "мільярдам", "мільярди", "мільярдами", "мільярдах"),
        "tens of thousands": ("десятки тисяч", "десятків тисяч", "десяткам тисяч", "десятки тисяч", "десятками тисяч", "десятках тисяч"),
        "hundreds of thousands": ("сотні тисяч", "сотень тисяч", "сотням тисяч", "сотні тисяч", "сотнями тисяч", "сотнях тисяч"),
        "tens of millions": (
            "десятки мільйонів",
            "десятків мільйонів",
            "десяткам мільйонів",
            "десятки мільйонів",
            "десятками мільйонів",
            "десятках мільйонів",
        ),
        "hundreds of millions": (
            "сотні мільйонів",
            "сотень мільйонів",
            "сотням мільйонів",
            "сотні мільйонів",
            "сотнями мільйонів",
            "сотнях мільйонів",
        ),
    },
    of_after_quantity=slavic.OF_AFTER_QUANTITY,
    change_prepositions=("до", "на"),
    by_year=("до", "року"),
    ratio_preposition="з",
    multiple_preposition=("у|в", "на|по"),
    preposition_for_change=slavic.FOR_CHANGE,
    currency_after_amount=re.compile(
        r"\s*(?:(?:американських\s+)?долар\w*(?:\s+США)?|євро|(?:британських\s+|англійських\s+)?фунт\w*(?:\s+стерлінгів)?|рубл\w*|гривн\w*|гривень|юан\w*|єн\w*|[$€£¥₩₽₴])(?!\w)",
        re.IGNORECASE,
    ),
    points_after_amount=re.compile(r"\s*(?:%|відсот\w*|в\.\s?п\.)(?:\s+пункт\w*)?|\s+пункт\w*", re.IGNORECASE),
    money=re.compile(r"[$€£¥₩₽₴]|\b(?:долар|євро\b|рубл|грив(?:н|ень)|фунт(?:ів|а)? стерлінгів|юан|цент)", re.IGNORECASE),
    counted=slavic.counted(few=({"nomn", "plur"}, {"nomn", "plur"})),
    # Український правопис (2019): «1-й», «2-го», «3-му», «4-м», «5-му» (місцевий); «6-а», «7-ї», «8-у», «9-ю»; «10-е»; «11-і», «12-х», «13-ми».
    years_old="річний",
    ordinal_endings={
        **{"masc nomn": "й", "masc gent": "го", "masc datv": "му", "masc ablt": "м", "masc loct": "му"},
        **{"neut nomn": "е", "neut gent": "го", "neut datv": "му", "neut ablt": "м", "neut loct": "му"},
        **{"femn nomn": "а", "femn gent": "ї", "femn datv": "й", "femn accs": "у", "femn ablt": "ю", "femn loct": "й"},
        **{"plur nomn": "і", "plur gent": "х", "plur datv": "м", "plur ablt": "ми", "plur loct": "х"},
    },
    # The dative and locative of a man in -ові, as the names stage writes them («Томові»).
    man_name_endings={
        "": {"gent": "а", "datv": "ові", "accs": "а", "ablt": "ом", "loct": "ові"},
        "ь": {"gent": "я", "datv": "еві", "accs": "я", "ablt": "ем", "loct": "еві"},
        "й": {"gent": "я", "datv": "єві", "accs": "я", "ablt": "єм", "loct": "єві"},
    },
    transliteration=tuple((latin, _DIFFERENT.get(latin, cyrillic)) for latin, cyrillic in slavic.TRANSCRIPTION),
    spanish=tuple((latin, _SPANISH_DIFFERENT.get(latin, cyrillic)) for latin, cyrillic in slavic.SPANISH),
)
