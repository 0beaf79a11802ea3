"""What Russian and Ukrainian share: plural rules, Cyrillic transcription of Latin names, «на» before a date."""

from __future__ import annotations

import re


def counted(*, few: tuple[set[str], set[str]]) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """What a count asks of the noun (and adjectives) it governs: genitive plural after "many"
    (5, 11, 50 000), genitive singular after a fraction ("other": 1,5), and ``few`` after 2–4,
    where the two languages differ (ru «3 солдата», uk «3 солдати»); after "one" (1, 21, 141) a noun
    the model wrote in the plural goes into the singular, adjectives aside."""
    rules = {
        "one": ({"nomn", "sing"}, set()),
        "few": few,
        "many": ({"gent", "plur"}, {"gent", "plur"}),
        "other": ({"gent", "sing"}, {"gent", "plur"}),
    }
    return {category: (frozenset(noun), frozenset(adjective)) for category, (noun, adjective) in rules.items()}


# «на», the word both models write for the English "on" before a date («на 3 марта»).
ON_DATE = re.compile(r"(?:^|(?<=\s))на\s+$", re.IGNORECASE)
# A unit after a placeholder the model took for a number («#1 метра», «#1 метрів», «#1 дюймов»).
UNIT_AFTER_PLACEHOLDER = re.compile(r"#(\d+)\s+(?:метр|дюйм|фут|миль|миля|миле|милі|ярд|километр|кілометр)\w*")
# "from", "between" in either language, before a span of days.
# "of" after a fraction, which the models write as «из», «з» («треть из населения»): the noun
# follows in the genitive alone («треть населения»), a pronoun keeps it («треть из них»).
OF_AFTER_QUANTITY = re.compile(r"\s+(?:из|з|із)(?=\s+(?!(?:них|нас|вас|тех|этих|которых|тих|цих|яких)\b)[^\W\d_])", re.IGNORECASE)
# Prepositions a model writes for "by" or "about" before the amount of a change («о #1», «в #1», «до #1»).
FOR_CHANGE = re.compile(r"(?:^|(?<=\s))(?:в|во|о|об|по|до|к|у|з|із|за)\s+$", re.IGNORECASE)
FROM_SPAN = re.compile(r"(?:^|(?<=\s))(?:с|со|от|между|з|із|зі|від|між)\s+$", re.IGNORECASE)

PLURALS = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"

# Latin → Cyrillic (Russian practical transcription), longest spelling first: enough to suggest a
# form and to recognise one.
TRANSCRIPTION: tuple[tuple[str, str], ...] = tuple(
    [
        ("shch", "щ"),
        ("sch", "ш"),
        ("sh", "ш"),
        ("ch", "ч"),
        ("zh", "ж"),
        ("kh", "х"),
        ("ts", "ц"),
        ("tz", "ц"),
        ("ai", "ай"),
        ("ay", "ей"),
        ("ei", "ей"),
        ("ce", "се"),
        ("ci", "си"),
        ("cy", "си"),
        ("qu", "кв"),
        ("ya", "я"),
        ("yu", "ю"),
        ("yo", "ё"),
        ("ye", "е"),
        ("ee", "и"),
        ("oo", "у"),
        ("ph", "ф"),
        ("wh", "у"),
        ("th", "т"),
        ("ck", "к"),
        ("a", "а"),
        ("b", "б"),
        ("c", "к"),
        ("d", "д"),
        ("e", "е"),
        ("f", "ф"),
        ("g", "г"),
        ("h", "х"),
        ("i", "и"),
        ("j", "дж"),
        ("k", "к"),
        ("l", "л"),
        ("m", "м"),
        ("n", "н"),
        ("o", "о"),
        ("p", "п"),
        ("q", "к"),
        ("r", "р"),
        ("s", "с"),
        ("t", "т"),
        ("u", "у"),
        ("v", "в"),
        ("w", "у"),
        ("x", "кс"),
        ("y", "и"),
        ("z", "з"),
        # German and Portuguese letters: Müller «Мюллер», Göring «Гёринг», Gonçalves «Гонсалвес».
        ("ü", "ю"),
        ("ö", "ё"),
        ("ç", "с"),
        # An English e at the start of a name, marked by ``names.transliterate``: Russian «Э»
        # (Edward «Эдвард», Epstein «Эпштейн»), Ukrainian «Е».
        ("ɛ", "э"),
    ]
)

# A name written with Spanish letters (Muñoz, García, José) is read as Spanish: j and soft g as
# х, z and soft c as с, ñ and ll as нь/ль, h silent (``names.transliterate`` marks an l before a
# consonant "ĺ" and an e after a vowel or at the start "ɛ"). Russian; Ukrainian differs in ``uk``.
SPANISH: tuple[tuple[str, str], ...] = (
    ("que", "ке"), ("qui", "ки"), ("gue", "ге"), ("gui", "ги"), ("lla", "лья"), ("lle", "лье"),
    ("llo", "льо"), ("llu", "лью"), ("cia", "сия"), ("gia", "хия"), ("ch", "ч"), ("ll", "ль"), ("ge", "хе"), ("gi", "хи"),
    ("ce", "се"), ("ci", "си"), ("ña", "нья"), ("ñe", "нье"), ("ño", "ньо"), ("ñu", "нью"),
    ("ñi", "ньи"), ("ñ", "нь"), ("ya", "я"), ("ye", "е"), ("yo", "йо"), ("yu", "ю"), ("ia", "ия"),
    ("ie", "ье"), ("ĺ", "ль"), ("ɛ", "э"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"),
    ("f", "ф"), ("g", "г"), ("i", "и"), ("j", "х"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
    ("w", "у"), ("x", "кс"), ("y", "й"), ("z", "с"),
)  # fmt: skip
