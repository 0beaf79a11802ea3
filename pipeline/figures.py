"""Numbers and dates of the source, protected through translation and written back in the
target language's own convention.

A weak model drops or garbles figures («5 000» for "50,000"); a newsroom cannot publish
that. Each figure is replaced by a placeholder, as glossary terms are (``terms.protect``),
and the placeholder by the figure in the target's convention, from CLDR data through
Babel: grouping and decimal signs ("50,000" → «50 000» with a no-break space in ru/uk,
"50,000" in ko), scale words as the language abbreviates them ("1.2 million" → «1,2 млн»,
«120만»), and dates with the month in the form the language uses with a day ("October 23"
→ «23 октября», «23 жовтня», «10월 23일»).

Text a translation model cannot write goes the same way and comes back as it was: emoji
(with their joiners and variation selectors) and runs of text inside bidirectional
embedding or isolate controls (a Hebrew or Arabic quotation); the models drop or garble them.

A figure hit is a ``TermHit`` whose ``term_id`` starts with ``FIGURE``, so the placeholder
machinery handles both in one numbering; it is never a glossary term.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal

from pipeline.languages import profile
from pipeline.model import TermHit

FIGURE = "="
NUMBER, DATE, TIME, VERBATIM = FIGURE + "number", FIGURE + "date", FIGURE + "time", FIGURE + "verbatim"
MONEY = FIGURE + "money"
DECADE = FIGURE + "decade"
AGE = FIGURE + "age"
ORDINAL = FIGURE + "ordinal"
MONTH = FIGURE + "month"
YEARS = FIGURE + "years"
YEAR = FIGURE + "year"
MEASURE = FIGURE + "measure"
DAYS = FIGURE + "days"
SPELLED = FIGURE + "spelled"
QUANTITY = FIGURE + "quantity"
TALLY = FIGURE + "tally"
RANGE = FIGURE + "range"
_VERBATIM = re.compile(
    "(?:[\u202a-\u202e\u2066-\u2068][^\u202c\u2069]*[\u202c\u2069])"  # an embedded or isolated run
    "|(?:[\U0001f1e6-\U0001f1ff]{2}|[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff])"  # a flag or an emoji
    "(?:[\ufe0f\u200d\U0001f3fb-\U0001f3ff]|[\U0001f000-\U0001faff\u2600-\u27bf])*"  # joined, varied, toned
)

# "ranked #1", "issue #45": written as a placeholder is ("#1"), so the literal one goes through as one
# and comes back as written; left in the text it would be read as the placeholder of another figure.
_NUMBER_SIGN = re.compile(r"(?<![\w#])#\d+(?!\w)")
# A page joined to its "p." ("Colvin, p.155"), as citations write it: the models dropped the number,
# or the "p." and left a decimal («.349»).
_PAGE = re.compile(r"\bpp?\.\d+(?:[-–]\d+)?(?!\w|[.,]\d)")
# A score or a ratio ("2:0", "1:1 (1:0)", "4:2:4"), written so in every language; the Korean model
# ran "2:0 from the 25 metre line" together into «2:25».
_SCORE = re.compile(r"(?<![\w:.,])\d{1,2}:\d(?::\d{1,2})*(?![\w:]|[.,]\d)")
# A vote's tally ("by a vote of 219 to 213", "voted 52-48"): the models wrote «219 до 213», from
# 219 to 213; the languages write «219 против 213», 219 대 213.
_TALLY_SPAN = r"(?P<yes>\d{1,3}(?:,\d{3})*)\s*(?:to|-|–)\s*(?P<no>\d{1,3}(?:,\d{3})*)"
_TALLY = re.compile(
    rf"\b(?:vote|votes|voted|tally|margin)\s+(?:of\s+)?(?P<t>{_TALLY_SPAN})(?![\w.,]?\d)(?!\s*(?:%|percent|per\s+cent|years|months|weeks|days|hours)\b)",
    re.IGNORECASE,
)
# A version or an address ("3.4.0", "127.0.0.1"), a fraction ("1/2", "3 1/2") or a date in figures
# ("12/25/2024", whose order English writers differ on): no convention
# of the target rewrites them, and the models garbled them («'127.0.1'», «1 3/2»).
_AS_WRITTEN = re.compile(r"(?<![\w.])\d+(?:\.\d+){2,}(?![\w]|\.\d)|(?<![\w/.,])(?:\d+\s)?\d+(?:/\d+)+(?![\w/]|[.,]\d)")
# A web or mail address, a social-media handle or hashtag: the models broke them up
# («https:/fgc.network/objects/0f1b46-…», «@M @MerPolC»).
_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?')\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@#&])[@#][^\W\d]\w*")
# A code of letters and digits ("COVID-19", "MH17", "G36", "SARS-CoV-2", "F-16", "Su-25"): news writes
# it in Latin letters in every language, and the models dropped its digits («G3», «HCoV»). Joined by
# a hyphen, the letters must read as a code, not a word ("mid-2020", "Kursk-2024" are not codes);
# after a dollar sign they name the currency ("$US80 billion").
_CODE = re.compile(
    r"(?<![\w./@#$-])(?P<letters>[A-Za-z]+(?:-[A-Za-z]+)*)(?P<hyphen>-?)\d[A-Za-z\d]*(?:-(?:[A-Za-z]*\d[A-Za-z\d]*|[A-Z]+))*"
    r"(?![\w/@]|-[A-Z\d]|[.,]\d)"  # an English word after a hyphen is no part of it ("SARS-CoV-2-related")
)
# A code that starts with its digits ("777X", "5G", "3D", "4K", "2FA"): the models wrote «77X» or
# dropped it. Found after the measures and temperatures ("20C", "5MW"); not a time ("10PM").
_DIGITS_CODE = re.compile(r"(?<![\w./@#$-])\d+(?![AP]M\b)[A-Z]{1,4}(?![\w/@]|-[A-Z\d]|[.,]\d)")
_PLURAL_CODE = re.compile(r"^([A-Za-z]+(?:-\d+|\d{2,}))s$")  # not a name's letter, "BLAKE2s"
_CODE_LETTERS = re.compile(r"[A-Z]+|[A-Z][a-z]?|[A-Za-z]+[A-Z][A-Za-z]*")


def _is_code(m: re.Match[str]) -> bool:
    last = m["letters"].rsplit("-", 1)[-1]
    return not m["hyphen"] or _CODE_LETTERS.fullmatch(last) is not None


_SPELLINGS = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
MONTH_NAMES = [spellings[0] for spellings in _SPELLINGS]
# Month → its number, for every English spelling a date may use ("Oct.").
MONTHS = {name: n for n, spellings in enumerate(_SPELLINGS, 1) for name in spellings}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "October 23", "Oct. 25, 2024", "Oct.18", "23 October 2024"; an ordinal suffix is allowed on the day.
_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})(?:\.\s*|\s+)(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\b)"
    rf"(?:,?\s+(?P<y>\d{{4}})\b)?(?!\s*\d)",
    re.IGNORECASE,
)
# "July 1986", "Oct. 2024": a month of a year (the models wrote «1986월», «в декаблі 2025»). The
# month is capitalised: "may 2023" is no date.
_MONTH_YEAR = re.compile(
    rf"\b(?P<m>{'|'.join(sorted((name.capitalize() for name in MONTHS), key=len, reverse=True))})\.?\s+(?:of\s+)?(?P<y>1[5-9]\d\d|20\d\d)\b(?![.,]?\d)"
)
# "in November", "since May", "early July": a month alone, in full, after a word that makes it
# one (the Ukrainian model wrote «в июлі», the Korean one «9월» for November); not before a
# capitalised word ("by June Carter").
_MONTH_ALONE = re.compile(
    r"(?:\b(?i:in|since|until|till|by|from|through|to|last|next|early|late|this|of|during|before|after)\s+|\b(?i:mid)-)"
    rf"(?P<m>{'|'.join(name.capitalize() for name in MONTH_NAMES)})\b(?![.,]?\s*\d|\s+[A-Z])"
)
# "July 9-11", "from July 9 to 11", "between 9 and 11 July": days of one month, written as the
# language writes such a span (CLDR intervals: «9—11 июля», «7월 9일 – 11일»). "from" and
# "between" belong to it, so that no model writes «с 9—11 июля»; "and" only after "between"
# ("on July 9 and 11" are two days).
_DAY = r"(?:st|nd|rd|th)?"
_DAYS = re.compile(
    rf"(?:\b(?P<lead>from|between)\s+)?\b(?:(?P<m1>{_MONTH})(?:\.\s*|\s+)(?P<d1>\d{{1,2}}){_DAY}(?P<to1>\s*[-–—]\s*|\s+(?:to|through|and)\s+)"
    rf"(?P<e1>\d{{1,2}}){_DAY}(?!\w)|(?P<d2>\d{{1,2}}){_DAY}(?P<to2>\s*[-–—]\s*|\s+(?:to|through|and)\s+)(?P<e2>\d{{1,2}}){_DAY}\s+(?P<m2>{_MONTH})\b)"
    rf"(?:,?\s+(?P<y>\d{{4}})\b)?(?!\s*\d)(?![-–]\d)",
    re.IGNORECASE,
)


def _day_of(n: int) -> str:
    """A day and month, either way round ("July 26", "26 July"), as named groups ending in ``n``."""
    return rf"(?:(?P<m{n}>{_MONTH})(?:\.\s*|\s+)(?P<d{n}>\d{{1,2}}){_DAY}|(?P<e{n}>\d{{1,2}}){_DAY}\s+(?P<n{n}>{_MONTH})\b)"


# "from July 26 to August 11", "26 July - 11 August": days of two months, written as a CLDR
# interval too («26 июля — 11 августа», «7월 26일 – 8월 11일»). Not with a year, for which CLDR
# abbreviates the months («26 июл. — 11 авг. 2024 г.»): those stay two dates.
_MONTHS_SPAN = re.compile(
    rf"(?:\b(?P<lead>from|between)\s+)?\b{_day_of(1)}(?P<to>\s*[-–—]\s*|\s+(?:to|through|until|and)\s+){_day_of(2)}"
    r"(?!,?\s*\d)",
    re.IGNORECASE,
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # CLDR's order
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b", re.IGNORECASE)
# "6 a.m.", "2.25pm", "10:30 p.m.": a clock time, written the target's way («14:25», «오후 2시 25분»).
# The final dot of "a.m." stays outside where it also ends the sentence.
# The full stop of "a.m." before a capital ends the sentence too, unless a time zone follows ("7 a.m. ET").
_WEEKDAY_NAME = rf"(?:{'|'.join(_WEEKDAYS)})\b"  # "at 8 a.m. Friday", as American news writes it
_ZONE = r"(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|KST|JST)\b"
_TIME = re.compile(
    rf"\b(?P<h>\d{{1,2}})(?:[:.](?P<min>\d{{2}}))?\s?(?P<ampm>[ap])(?:\.m\.(?!\s*(?:$|(?-i:(?!{_ZONE}|{_WEEKDAY_NAME})[A-Z])))|\.m|m\b)",
    re.IGNORECASE,
)
# "at midnight", "until noon": a time of day in words after a preposition of time, which the models
# turned into another («정오», noon, for midnight; «в середине»); not "a midnight deadline".
_NAMED_TIME = re.compile(r"\b(?P<t>midnight|noon|midday)\b(?!-)", re.IGNORECASE)
_TIME_PREPOSITION = re.compile(
    r"\b(?:at|until|till|by|before|after|around|since|past|from|to|about|near)\s+(?:just\s+|shortly\s+)?$", re.IGNORECASE
)


def _at_named_time(m: re.Match[str]) -> bool:
    return _TIME_PREPOSITION.search(m.string, 0, m.start()) is not None


def named_time(hit: TermHit) -> int | None:
    """0 for a hit that is midnight, 1 for noon (its index in a profile's ``midnight_noon``), else None."""
    if hit.term_id != TIME or not _NAMED_TIME.fullmatch(hit.text):
        return None
    return 0 if hit.text.lower() == "midnight" else 1


# "1952-53", "2023–24": a span of years whose end English abbreviates; written in full as the
# language writes a span of years («1952—1953», «1952년 ~ 1953년»), so no reader takes "53" for a count.
_YEARS = re.compile(r"(?<![\w.,–-])(?P<y1>1[5-9]\d\d|20\d\d)[-–](?P<y2>\d{2}|1[5-9]\d\d|20\d\d)(?![\w.,]?\d)(?![-–])")
# "in 2010", "since 2014", "by 2030": a year, which Korean news writes with 년 («2010년에»; the
# model wrote «2010에서» more often than not). Not after "of" or "to" ("of 1500 soldiers").
_YEAR = re.compile(
    r"\b(?i:in|since|by|until|till|from|before|after|during|early|late|mid-?)\s*(?<=[\s-])(?P<y>1[5-9]\d\d|20\d\d)(?![\w.,]?\d|\w)"
)
# "the end of 2025", "the first half of 2024": a year as well, though "of 1500 soldiers" is none.
_YEAR_OF = re.compile(
    r"\b(?i:end|start|beginning|middle|spring|summer|autumn|fall|winter|half|quarter)\s+of\s+(?P<y>1[5-9]\d\d|20\d\d)(?![\w.,]?\d|\w)"
)
# "06:00", "21:45": a time on the 24-hour clock (the models wrote «В 06 году … 00»).
_CLOCK24 = re.compile(r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\w:]|[.,]\d)")
# "at 1430 GMT": news agencies write a clock time with a time zone as four digits, which a reader
# of the translation would take for a year or a count («в 1430 GMT»).
_HHMM = r"(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)"
_ZONED_CLOCK = re.compile(rf"(?<![\w:.,]){_HHMM}(?=\s?(?:GMT|UTC)\b)")
_CLOCK = re.compile(r"(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s?(?P<ampm>[ap])", re.IGNORECASE)
# Fraction digits a compact amount may keep: all of the source's ("1.234567 million" is not «1,235 млн»).
_ALL_DIGITS = 9
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "thousand million": 10**9, "trillion": 10**12}
# English news abbreviates scales: "1.5bn", "$2 tn" anywhere; "£1.5m", "$50k" with a currency;
# "3m" alone only before a plural noun ("3m people", "2m barrels"), since "a 5m wall" is metres
# (and "5k" a race); news translated from Russian writes "9 mln", "2 bln".
_ABBREVIATED = {"bn": "billion", "tn": "trillion", "mln": "million", "bln": "billion", "trln": "trillion"}
_ABBREVIATED_MONEY = _ABBREVIATED | {"m": "million", "mn": "million", "k": "thousand"}
_MILLIONS_OF = r"m(?=\s+(?:people|children|men|women|[a-z]+s)\b)"


# The digits of an English number: "5,000", "1.5", "2 412" (grouped by spaces, as English written
# in Europe and Africa does; the models split it: «2 3 489 … 412»); a decimal comma before a scale
# word, as news translated from European languages writes it ("127,7 thousand", "6,2 thousand
# million": a billion, as British English long wrote it), unless another scale word follows.
_SCALE_NAMES = r"thousand\s+million|thousand|million|billion|trillion"
_SCALE_WORD = rf"\s+(?:{_SCALE_NAMES})\b"
_DIGITS = rf"(?P<int>\d{{1,3}}(?:,\d{{3}})+|(?<!\d[ \u00a0\u202f])[1-9]\d{{0,2}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+)(?:(?:\.|,(?=\d{{1,2}}{_SCALE_WORD}(?!{_SCALE_WORD})))(?P<frac>\d+))?"


def _amount_pattern(abbreviated: dict[str, str], extra: str = "") -> str:
    """A number with an optional scale word ("5,000", "1.2 million", "1.5bn"): the body of
    figures and amounts; ``extra``, a pattern of one more abbreviation."""
    short = "|".join(sorted(abbreviated, key=len, reverse=True)) + (f"|{extra}" if extra else "")
    # A scale word may be written against the digits ("£5million", as British news does).
    return _DIGITS + rf"(?:(?:\s*|\s?(?=(?:{short})\b))(?P<scale>{_SCALE_NAMES}|{short})\b)?"


_AMOUNT = _amount_pattern(_ABBREVIATED, _MILLIONS_OF)
# An amount with its currency ("$5 million", "£20,000", "300 euros"), written with the target's
# own currency pattern (CLDR: «5 млн $», «20 000 £», «US$500만»). "$" alone is the US dollar, as
# in English news.
# Money in an English text: a currency sign or word.
MONEY_SOURCE = re.compile(
    r"[$€£¥₩₽₴]|\b(?:dollars?|euros?|pounds|sterling|roubles?|rubles?|hryvnias?|hryvnyas?|yen|won|yuan|cents?|usd|eur|gbp)\b",
    re.IGNORECASE,
)
_CURRENCIES = {"us$": "USD", "$us": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB", "₴": "UAH"}
# Other dollars, by the letters before the sign ("AU$5 million", "S$20,000"): not US dollars.
_CURRENCIES |= {"a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD"}
_CURRENCIES |= {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "ruble": "RUB",
    "rouble": "RUB",
    "hryvnia": "UAH",
    "yen": "JPY",
    "yuan": "CNY",
    "won": "KRW",
}
_MONEY_SIGN = re.compile(
    rf"(?<![\w$])(?P<cur>(?:US|AU?|CA?|NZ|HK|S)\$|\$US|[$€£¥₩₽₴])\s?{_amount_pattern(_ABBREVIATED_MONEY)}(?!\w)(?![.,]\d)", re.IGNORECASE
)
_MONEY_WORD = re.compile(
    rf"(?<![\w.,]){_AMOUNT}\s+(?:US\s+)?(?P<cur>dollar|euro|pound|ruble|rouble|hryvnia|yen|yuan|won)s?(?:\s+sterling)?\b", re.IGNORECASE
)
# Before a number, the end of a word, unless the word joins a year ("mid-2025", "pre-2020") or
# a count ("top-15", "over-30", "under-21").
_NOT_IN_WORD = r"(?<![\w.,])(?:(?<=\b(?:mid|pre|top)-)|(?<=\b(?:post|over)-)|(?<=\bunder-)|(?<![^\W\d]-))"
# "5,000", "1.2", "50,000", "1.2 million"; not inside a word or code ("IL-76", "G7", "3.14.1").
_NUMBER = re.compile(rf"{_NOT_IN_WORD}{_AMOUNT}(?![\w])(?![.,]\d)", re.IGNORECASE)
# "No.202", "no.5": a number joined to the abbreviation that labels it, which the models dropped.
_AFTER_NO = re.compile(r"(?<=\bNo\.)\d+(?!\w|[.,]\d)", re.IGNORECASE)
# A number figure's own text, read without the context ``_NUMBER`` asked of it ("3m" before "people").
# A decimal without its leading zero (".179", a blood-alcohol level, a batting average), «0,179».
_POINT = re.compile(r"(?<![\w.,])\.\d+(?!\w|[.,]\d)")
# "500 to 600 people", "between 2,000 and 3,000 soldiers", "10 to 15 percent", "5 to 10 million": a
# range, one figure written as the language writes one («500–600», «500~600»); a percent after both
# ("between 20% and 25%") is written once, after it, as the model copies it; apart, the models
# dropped its end («#1 образовательных учреждений») or swapped the two («15로 10%»). Not "from 5 to
# 10", "from version 5 to 10": a change as often, whose words the models keep; nor years
# ("between 2015 and 2020"), nor a larger first number (a score, "won 3 to 1").
_A_FIGURE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?"
_RANGE = re.compile(
    rf"(?:\b(?P<between>between)\s+)?{_NOT_IN_WORD}(?<![$€£¥₩₽₴])(?<!\d[ \u00a0\u202f])(?P<low>{_A_FIGURE})(?P<percent>\s?(?:%|per\s?cent))?"
    rf"\s+(?(between)(?:and|to)|to)\s+(?P<high>{_A_FIGURE})(?:\s+(?P<scale>{_SCALE_NAMES}))?(?![\w])"
    r"(?![.,:]\d|[ \u00a0\u202f]\d)",
    re.IGNORECASE,
)
# "from 5", "from Django 0.96", "from 10 to 12 to 15": a range's first number is no change's end;
# "a ratio changing to 17 to 23", "odds of 3 to 5": a ratio.
_RANGE_BEFORE = re.compile(r"\bfrom\s+(?:[^\W\d]+\s+|\S+\s+to\s+)?$|\b(?:ratio|odds)\b[^.;:]{0,30}$", re.IGNORECASE)
# A verb of a change of an amount ("rose", "fell", "went up"), whose amount ``terms`` gives the
# preposition of "to" or "by".
CHANGE_VERB = (
    r"(?:rise|rises|rose|risen|rising|fall|falls|fell|fallen|falling|drop|drops|dropped|decline[sd]?|increase[sd]?|"
    r"decrease[sd]?|climb(?:s|ed)?|jump(?:s|ed)?|slip(?:s|ped)?|slid|grew|grow|grows|shrank|shrunk|cut|raised|lowered|"
    r"reduced|boosted|surged|plunged|soared|tumbled|(?:edged|went|go|goes) (?:up|down))"
)
_CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<verb>{CHANGE_VERB}|gained|lost|added|shed|advanced|eased|rallied|slumped)|by|up|down)\s+$", re.IGNORECASE
)
_NOT_COUNTED_AFTER_CHANGE = frozenset("points cents yesterday today tomorrow last next earlier later overnight".split())
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent)", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def _in_range_context(m: re.Match[str], *, counts: bool) -> bool:
    """Whether a range ``_RANGE`` or ``_MONEY_RANGE`` matched stands where English writes a range:
    after "between", or not after "from"; after a change, a range of percentages, or after
    a verb one of what it ``counts`` ("cut 25,000 to 30,000 jobs"): "fell 189.02 to 7,683.13 on
    Friday", "climbed $1.37 to $19.25 yesterday" go by one amount to another."""
    if m["between"] or m.groupdict().get("dash"):
        return True  # "£3m-£4m": a change goes "to"
    before = m.string[: m.start()]
    if _RANGE_BEFORE.search(before):
        return False
    if change := _CHANGE_BEFORE.search(before):
        counted = _WORD_AFTER.match(m.string, m.end())
        what = counted.group(1).lower() if counted else ""
        return _PERCENT_AFTER.match(m.string, m.end()) is not None or (
            counts and change["verb"] is not None and bool(what) and what not in _NOT_COUNTED | _NOT_COUNTED_AFTER_CHANGE
        )
    return True


def _range_here(m: re.Match[str]) -> tuple[str, str] | None:
    """The two amounts (``_range_ends``) where ``_RANGE`` matched a range where it stands: its
    context (``_in_range_context``), a percent after its last number where one follows its first;
    else None."""
    percent = not m["percent"] or _PERCENT_AFTER.match(m.string, m.end()) is not None
    return _range_ends(m) if percent and _in_range_context(m, counts=True) else None


def _range_ends(m: re.Match[str]) -> tuple[str, str] | None:
    """The two amounts of a range ``_RANGE`` matched, each with the scale word it shares ("5 to 10
    million": "5 million", "10 million"; "500,000 to 1.5 million": "500,000", "1.5 million"); None
    where they make no range (years, a larger first number)."""
    if all(_YEAR_DIGITS.fullmatch(m[end]) for end in ("low", "high")):
        return None
    low, high = (Decimal(re.sub(r"[^\d.]", "", m[end])) for end in ("low", "high"))
    scale = f" {m['scale']}" if m["scale"] else ""
    if low < high:
        return m["low"] + scale, m["high"] + scale
    if scale and low < high * _SCALES[_scale_name(m)]:
        return m["low"], m["high"] + scale
    return None


# "$5 to $10 million", "between $2 billion and $3 billion", "£3m-£4m": a range of amounts of one
# currency, the first taking the scale of the last where it has none and is the smaller without it
# ("$5 to $10 million" is from five million; the models wrote «5 $ до 10 млн $» and swapped them,
# «US$200만 US$100만에»).
_AN_AMOUNT_OF_MONEY = re.sub(r"\(\?P<\w+>", "(?:", _MONEY_SIGN.pattern)  # its groups unnamed, to be used twice
_MONEY_RANGE = re.compile(
    rf"(?:\b(?P<between>between)\s+)?(?P<low>{_AN_AMOUNT_OF_MONEY})\s*(?(between)(?:and|to)\s+|(?:to\s+|(?P<dash>[-–])))(?P<high>{_AN_AMOUNT_OF_MONEY})",
    re.IGNORECASE,
)


def _money_range_ends(m: re.Match[str]) -> tuple[str, str] | None:
    """The two amounts of a range ``_MONEY_RANGE`` matched, the first with the scale of the last
    where it shares it ("$5 to $10 million": "$5 million", "$10 million"); None where the match is
    no range (two currencies, a larger first amount, a change)."""
    low, high = _MONEY_SIGN.fullmatch(m["low"]), _MONEY_SIGN.fullmatch(m["high"])
    if (
        low is None
        or high is None
        or _CURRENCIES[low["cur"].lower()] != _CURRENCIES[high["cur"].lower()]
        or not _in_range_context(m, counts=False)
    ):
        return None
    scale = _ABBREVIATED_MONEY.get(_scale_name(high), _scale_name(high))
    if not low["scale"] and scale and _value(low) < _value(high) / _SCALES[scale]:
        return f"{m['low']} {scale}", m["high"]
    return (m["low"], m["high"]) if _value(low) < _value(high) else None


def _joined(low: str, high: str, low_alone: str, lang: str) -> str:
    """Two amounts as ``lang`` writes them, as its range: what both begin with before their digits
    («US$») written once, and what both end with after them («\u00a0млн\u00a0$») too where the
    first's digits are then ``low_alone``, the English's («5–10 млн $»); not where the ending
    counts them otherwise («500만~1000만» for 5 to 10 million)."""
    head, tail = re.sub(r"\d.*", "", high, flags=re.DOTALL), re.sub(r"^.*\d", "", high, flags=re.DOTALL)
    if head and low.startswith(head):
        high = high[len(head) :]
    if tail.strip() and low.endswith(tail) and low[: -len(tail)].removeprefix(head) == low_alone:
        low = low[: -len(tail)]
    return profile(lang).number_range.format(low, high)


def range_readings(text: str) -> dict[Decimal, Decimal]:
    """The first amount of each range in ``text`` that shares its scale with the last, as the
    English writes it → as a translation may write it instead, with the scale («500만~1000만» for
    "5 to 10 million": 5 → 5000000) or without it («2–3 млрд $» for "$2 billion to $3 billion":
    2000000000 → 2)."""
    readings = {}
    for m in _RANGE.finditer(text):
        if m["scale"] and (ends := _range_here(m)) and ends[0] != m["low"]:
            low = Decimal(re.sub(r"[^\d.]", "", m["low"]))
            readings[low] = low * _SCALES[_scale_name(m)]
    for m in _MONEY_RANGE.finditer(text):
        if (ends := _money_range_ends(m)) and (first := _MONEY_SIGN.fullmatch(ends[0])) and first["scale"]:
            bare = _unscaled(first)
            written = _MONEY_SIGN.fullmatch(m["low"])
            readings |= {_value(first): bare} if written and written["scale"] else {bare: _value(first)}
    return readings


_YEAR_DIGITS = re.compile(r"1[5-9]\d\d|20\d\d")
# "a fall of 0,7%", "14,5 days": a decimal comma, as news translated from European languages
# writes it; one or two digits after it, then a percentage or what it counts ("1,2 and 3" is a list;
# before a scale word, ``_DIGITS`` reads it).
_DECIMAL_COMMA = re.compile(
    r"(?<![\w.,])\d+,\d{1,2}(?![\d,])(?=\s?(?:%|per\s?cent)|\s+(?!(?:and|or|to|through|of|in|thousand|million|billion|trillion)\b)[a-z]|-[a-z])",
    re.IGNORECASE,
)
_A_NUMBER = re.compile(_amount_pattern(_ABBREVIATED_MONEY), re.IGNORECASE)
# "10km", "5.5 kg", "100mph": a measure with a unit symbol, written with the language's CLDR unit
# («10 км», «10km»); the models dropped the symbol or read it as a scale. Imperial units, which
# the readers do not abbreviate, in full («100 миль в час», «시속 100마일»). A bare "m" is left
# alone: "5m" may be metres or millions, unless a word beside it says which (``_METRES``).
_IMPERIAL = frozenset({"mph", "ft", "lb", "lbs"})
_UNITS = {
    "km/h": "speed-kilometer-per-hour", "kph": "speed-kilometer-per-hour", "mph": "speed-mile-per-hour",
    "km": "length-kilometer", "cm": "length-centimeter", "mm": "length-millimeter", "ft": "length-foot",
    "kg": "mass-kilogram", "lb": "mass-pound", "lbs": "mass-pound",
    "kW": "power-kilowatt", "MW": "power-megawatt", "GW": "power-gigawatt", "m": "length-meter",
    "L": "volume-liter",
}  # fmt: skip
_SYMBOLS = "|".join(sorted(_UNITS, key=len, reverse=True))
_MEASURE = re.compile(rf"{_NOT_IN_WORD}{_DIGITS}\s?(?P<unit>{'|'.join(sorted(set(_UNITS) - {'m'}, key=len, reverse=True))})(?![\w/])")
# "60m tall", "a 60m-high wall", "100m hurdles", "the women's 800m": metres, which the models
# read as millions; a currency before it ("$60m") is money, found first. So is "400 m" apart from
# its number before a preposition or a break ("skidded 400 m off the runway", "700 to 800 m."):
# millions apart come before what they count ("5 m people").
_LENGTH = "tall|high|long|wide|deep|away|above|below"
_EVENT = "sprint|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|dash|steeplechase|final|race"
_APART_BEFORE = "off|from|to|of|and|or|in|on|at|by|into|away|up|down|above|below|long|high|tall|wide|deep"
_METRES = re.compile(
    rf"{_NOT_IN_WORD}{_DIGITS}(?:\s?m(?:(?=[\s-](?:{_LENGTH})\b)|(?=\s(?:{_EVENT})\b))|\sm(?=\s*(?:[,.;:)]|$)|\s+(?:{_APART_BEFORE})\b))"
)
_EVENT_METRES = re.compile(rf"(?<=men's ){_DIGITS}\s?m(?![\w/])")
_A_MEASURE = re.compile(rf"{_DIGITS}\s?(?P<unit>{_SYMBOLS})")
# "0.25 percentage points": a change of a percentage, which a model wrote as a percentage («0.25%»).
_PERCENTAGE_POINTS = re.compile(rf"{_NOT_IN_WORD}{_DIGITS}\s?percentage[\s-]points?\b", re.IGNORECASE)
# "-5C", "30°C", "86 °F", "5 degrees Celsius": a temperature, written with CLDR's unit («-5 °C»,
# «86 градусов Фаренгейта», as imperial units are); the Korean model dropped it, the others left
# «-5C», and dropped the word "minus" («15 °C» for "minus 15 degrees Celsius"). A bare C or F only
# below zero or where the sentence speaks of the weather ("Group 5C").
_TEMPERATURE = re.compile(
    rf"{_NOT_IN_WORD}(?P<minus>[-−]|\b(?:minus|negative)\s+)?{_DIGITS}\s?(?:°\s?(?P<unit>[CF])|(?P<bare>[CF])|degrees?\s+(?P<word>Celsius|Fahrenheit|centigrade))(?![\w°])"
)
_WEATHER = re.compile(r"temperat|degree|heat|cold|warm|freez|frost|weather|\bhot\b|chill|thermometer|\b(?:high|low)s\b", re.IGNORECASE)


def _is_temperature(m: re.Match[str]) -> bool:
    return not m["bare"] or bool(m["minus"]) or bool(_WEATHER.search(m.string))


def _render_temperature(m: re.Match[str], lang: str) -> str:
    fahrenheit = "F" in (m["unit"], m["bare"]) or m["word"] == "Fahrenheit"
    value = -_value(m) if m["minus"] else _value(m)
    return _with_unit(value, "temperature-fahrenheit" if fahrenheit else "temperature-celsius", lang, long=fahrenheit)


def _with_unit(value: Decimal, unit: str, lang: str, *, long: bool) -> str:
    """``value`` with CLDR's ``unit`` in ``lang``, its long name where ``long``."""
    from babel.units import format_unit

    written = format_unit(value, unit, length="long" if long else "short", locale=lang)
    return re.sub(r"(?<=\d) ", "\u00a0", written, count=1)  # a number and its unit stay on one line, as an amount does


# "the 1990s": a decade, which a model tends to write as one year («1990년 동안»).
_DECADE = re.compile(rf"{_NOT_IN_WORD}(?P<y>1[5-9]\d0|20\d0)s\b")
# "late 60s", "the '80s": a decade of the last century in two digits, after a word that makes it
# one (not "temperatures near 80s"); "in her 70s", "in their 20s and 30s": an age. The Korean
# model wrote them as years or counts («80년», «20개와 30분»).
_DECADE_SHORT = re.compile(r"\b(?:the|early|mid|late|and|or|to)[\s-]+(?P<d>['’]?[1-9]0s)\b", re.IGNORECASE)
_IN_ONES = r"\bin\s+(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?"
# "16th", "2nd": the Korean model dropped ordinals in digits («16th Meeting» → nothing). Not a
# century: the models know "21st century" («21세기», «XXI века») and read "#1 century" as a year.
_ORDINAL = re.compile(rf"{_NOT_IN_WORD}\d+(?:st|nd|rd|th)\b(?![\s-]+(?:(?:and|or|to)\s+\d+\w\w[\s-]+)?centur)", re.IGNORECASE)


# A number spelt out ("fifteen", "twenty-seven", "two hundred and fifty", "four million"): a
# language whose news writes such counts in digits (Korean «15년») gets them as figures
# (``spelled_from``); a weak model turns a spelt number into another ("fifty years" → «5년»).
_UNIT_WORDS = "one two three four five six seven eight nine".split()
_TEEN_WORDS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: n for n, w in enumerate(_UNIT_WORDS, 1)} | {w: n for n, w in enumerate(_TEEN_WORDS, 10)}
_WORD_VALUES |= {w: 10 * n for n, w in enumerate(_TENS_WORDS, 2)}
_BELOW_HUNDRED = rf"(?:(?:{'|'.join(_TENS_WORDS)})(?:[- ](?:{'|'.join(_UNIT_WORDS)}))?|{'|'.join(_TEEN_WORDS + _UNIT_WORDS)})"
_NUMBER_WORD = "|".join(_WORD_VALUES) + "|hundred|thousand|million|billion"
# "in his sixties": an age spelt out, a figure only where the language writes it in digits
# (``spelled_from``: Korean «60대»; the model wrote «6자»).
_DECADE_WORDS = {w[:-1] + "ies": f"{10 * n}" for n, w in enumerate(_TENS_WORDS, 2)}
_DECADE_WORD = re.compile(rf"\b(?:{'|'.join(_DECADE_WORDS)})\b", re.IGNORECASE)
_AN_AGE = rf"(?:[1-9]0s|{'|'.join(_DECADE_WORDS)})"
_AGE = re.compile(rf"{_IN_ONES}(?P<d>{_AN_AGE})\b", re.IGNORECASE)
_AGE_NEXT = re.compile(rf"{_IN_ONES}{_AN_AGE}\s+(?:and|or|to)\s+(?P<d>{_AN_AGE})\b", re.IGNORECASE)
_SPELLED = re.compile(
    rf"(?<![\w-])(?:(?:a|one|{'|'.join(_UNIT_WORDS)})\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?|{_BELOW_HUNDRED})"
    rf"(?:\s+(?P<scale>thousand|million|billion|trillion))?"
    # Not a number run on ("five-foot-six", "nine-eleven"), nor an ordinal ("fifty-fifth").
    rf"(?![\w'’]|-(?:[a-z]+-)?(?:{_NUMBER_WORD})\b|-[a-z]+th\b)",
    re.IGNORECASE,
)


# "two-thirds of", "a fifth of", "half of": a part of something, which the models turned into
# another number («Двое», «п'ятдесяту», 두 번째); only before "of", since "a third time", "a
# quarter century" and "a two-thirds majority" are none; not "the first half of" the year, whose
# ordinal the models write with the noun they know («в первой половине года»). The language's words
# for it are its profile's ``fractions``.
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_A_FRACTION = re.compile(rf"(?P<n>a|one|{'|'.join(_UNIT_WORDS)})[- ](?P<d>{'|'.join(_DENOMINATORS)})s?|(?P<half>half)", re.IGNORECASE)
_FRACTION = re.compile(
    rf"(?<![\w-])(?<!first )(?<!second )(?<!last )(?<!latter )(?<!other )(?:{_A_FRACTION.pattern})(?=\s+of\b)", re.IGNORECASE
)
# "fell by a third", "grew by nearly half": a fraction of a change, which the models wrote as an
# ordinal («почти третий», 세 번째).
_BY_FRACTION = re.compile(rf"(?<![\w-])(?:{_A_FRACTION.pattern})(?![\w-]|\s+(?:of|a|an|the)\b)", re.IGNORECASE)
# Words that say how near an amount is ("about a fifth", "at least 20"): what comes before them
# governs it.
APPROXIMATELY = r"(?:about|around|nearly|almost|roughly|approximately|some|just|only|at\s+least)"

_BY = re.compile(rf"\bby\s+(?:(?:{APPROXIMATELY}|over|more\s+than|less\s+than|up\s+to)\s+)?$", re.IGNORECASE)


def _after_by(m: re.Match[str]) -> bool:
    return _BY.search(m.string, 0, m.start()) is not None


def in_points(hit: TermHit) -> bool:
    """Whether a hit is an amount in percentage points."""
    return hit.term_id == MEASURE and _PERCENTAGE_POINTS.fullmatch(hit.text) is not None


def is_change(hit: TermHit, source: str) -> bool:
    """Whether a fraction hit is the amount of a change ("fell by nearly a third")."""
    return hit.term_id == QUANTITY and _BY.search(source, 0, hit.start) is not None and "/" in quantity(hit.text)


# "one in five", "one out of 10": a ratio, a fraction of what follows, which the Korean model read
# as a count («5명의 병사가» for "one in five soldiers"): «5분의 1» where a language's profile says so
# (``ratios``); the Russian and Ukrainian models write it as their references do («один из пяти»).
_RATIO = re.compile(
    rf"(?<![\w.,-])(?<![Nn]o )(?<![Nn]o\. )(?<!any)(?<!every)(?:one|1)\s+(?:in|out\s+of)\s+(?P<d>{'|'.join(_UNIT_WORDS[1:])}|ten|[1-9]\d{{0,2}}(?![\w,.]?\d))\b"
    rf"(?!\s+(?:{_SCALE_NAMES})\b)",
    re.IGNORECASE,
)


# "tens of thousands", "hundreds of millions", "dozens of", "thousands were", "a dozen": a
# magnitude, which the models turned into another or into nothing («десять тысяч», «тисячі», 수천 for
# "tens of thousands"; «Дизенс», «Существующие солдаты» for "dozens of", "thousands of soldiers").
# A plural alone only before "of" or a verb it is the subject of: an auxiliary, a past tense in
# "-ed" or a common irregular one ("thousands fled", «Существует побежал»; "millions watched", 미군).
_A_MAGNITUDE = re.compile(
    r"(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|billions|a\s+dozen", re.IGNORECASE
)
_MAGNITUDE = re.compile(
    r"(?<![\w-])(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)\b"
    r"|(?<!\d )(?:dozens|hundreds|thousands|millions|billions)(?=\s+(?:of|were|are|have|had|who|will|would|could|can|may|might|must"
    r"|fled|took|went|came|lost|left|fell|ran|saw|stood|rose|made|got|gave|sought|fought|met|sat|spent|kept|held|began|[a-z]+ed)\b)"
    r"|(?<!half )a\s+dozen\b)",  # "half a dozen" is six
    re.IGNORECASE,
)


def ratio_denominator(hit: TermHit, source: str) -> bool:
    """Whether a number hit is what a ratio divides by ("one in 10", "1 in 4": the 10, the 4),
    as ``for_language`` protects it where the language writes no ratio as a fraction."""
    return (
        hit.term_id == NUMBER and (ratio := _RATIO.search(source, max(0, hit.start - 20), hit.end)) is not None and ratio.end() == hit.end
    )


def quantity(text: str) -> str:
    """The quantity in words a hit is, as a language profile's ``quantities`` key it: a fraction
    ``_FRACTION`` or a ratio ``_RATIO`` as "numerator/denominator" ("two-thirds" → "2/3", "one in
    10" → "1/10"), a magnitude ``_MAGNITUDE`` in lower case, one space apart ("tens of thousands",
    "dozens", "a dozen")."""
    if _A_MAGNITUDE.fullmatch(text):
        return " ".join(text.lower().split())
    if ratio := _RATIO.fullmatch(text):
        return f"1/{_WORD_VALUES.get(ratio['d'].lower(), ratio['d'])}"
    m = _A_FRACTION.fullmatch(text)
    assert m is not None  # a fraction hit's text
    if m["half"]:
        return "1/2"
    numerator = m["n"].lower()
    return f"{_WORD_VALUES.get(numerator, 1)}/{_DENOMINATORS[m['d'].lower()]}"


def spelled_digits(text: str) -> str:
    """A number ``_SPELLED`` matched in digits as English writes them ("two hundred and fifty" →
    "250", "four million" → "4 million")."""
    value, scale = 0, ""
    for word in re.findall(r"[a-z]+", text.lower()):
        if word == "hundred":
            value = (value or 1) * 100
        elif word in _SCALES:
            scale = f" {word}"
        else:
            value += _WORD_VALUES.get(word, 0)
    return f"{value}{scale}"


def spelled_value(text: str) -> Decimal:
    """The value of a number ``_SPELLED`` matched ("four million" → 4000000)."""
    m = _A_NUMBER.fullmatch(spelled_digits(text))
    assert m is not None  # digits and a scale word, as spelled_digits writes them
    return _value(m)


def spelled_numbers(text: str) -> list[Decimal]:
    """The values of the numbers ``text`` spells out, in any case ("Five", "twenty-seven"), the
    parts of its fractions ("two-thirds": 2 and 3, as Korean writes it, «3분의 2») and its
    decades ("sixties": 60, «60대»)."""
    fractions = [*_FRACTION.finditer(text), *filter(_after_by, _BY_FRACTION.finditer(text))]
    parts = [Decimal(part) for m in fractions for part in quantity(m.group()).split("/")]
    decades = [Decimal(_DECADE_WORDS[m.group().lower()]) for m in _DECADE_WORD.finditer(text)]
    return [spelled_value(m.group()) for m in _SPELLED.finditer(text)] + parts + decades


def _spelled_count(m: re.Match[str]) -> bool:
    # Lower-case, or capitalised where it begins the sentence or a headline's clause ("Indonesia:
    # Six dead") or stands in a headline ("Drone Kills Five Militants"): "Maroon Five", "the Big
    # Four" are names.
    if m.group()[0].islower() or not re.sub(r"^.*:", "", m.string[: m.start()]).strip(" \"'“‘«("):
        return True
    return headline(m.string)


def headline(text: str) -> bool:
    """Whether ``text`` is written in title case, as headlines are ("Drone Kills Five Militants"):
    most of its words of four letters or more, numbers aside, capitalised."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", text) if w.lower() not in _WORD_VALUES]
    return sum(w[0].isupper() for w in words) > 0.6 * len(words)


# A number is a count of the word after it ("50,000 troops") unless that word is a function word
# ("16 out of 34", "4 or 5") or the word before it makes the number a label ("Article 5 of").
_NOT_COUNTED = frozenset(
    "a an the and or but nor of out to in on at from by for with as than that which who is was are were be been "
    "has have had do does did will would can could may might must should it its he she they we you i this these those".split()
)
_LABELS = frozenset(
    "no number article section chapter page part room flight route grade level round season episode phase step "
    "version volume vol game stage item rule amendment paragraph clause table figure line platform gate channel "
    "district unit apartment building highway interstate bus train class category type model act scene issue day week".split()
)


def count_value(hit: TermHit, source: str) -> Decimal | None:
    """The value of a number that counts the word after it in ``source`` ("50,000 troops",
    "2 years ago", "6.2 mile"), for the agreement of that word in the target; None for any
    other figure, a year ("in 2011 Hesse"), a label ("Article 5 of") or a number before a
    function word ("16 out of")."""
    written = {NUMBER: hit.text, SPELLED: spelled_digits(hit.text)}.get(hit.term_id)
    if hit.term_id == RANGE and (m := _RANGE.fullmatch(hit.text)) and (ends := _range_ends(m)):
        written = ends[1]  # the last number governs the noun («2–4 солдата», «5–10 солдат»)
    m = _A_NUMBER.fullmatch(written) if written else None
    if m is None:
        return None
    # With a scale word the value is whole: the target's млн, тыс. govern the noun as a whole number does («1,2 млн человек»).
    value = _value(m)
    if not m["scale"] and m["int"].isdigit() and not m["frac"] and len(m["int"]) == 4:
        return None  # written like a year: one, or a count written the way a year is
    following = re.match(r"\s+([^\W\d_]+)", source[hit.end :])
    before = re.search(r"([^\W\d_]+)\.?\s+$", source[: hit.start])
    if following is None or following.group(1).lower() in _NOT_COUNTED or (before and before.group(1).lower() in _LABELS):
        return None
    return value


def is_figure(hit: TermHit) -> bool:
    return hit.term_id.startswith(FIGURE)


# What is a figure, first come first served: (kind, patterns, the group that is the figure, what
# a match must also pass). A span found earlier is not searched again: a date before the number in it.
_FINDERS: list[tuple[str, list[re.Pattern[str]], str | int, Callable[[re.Match[str]], bool] | None]] = [
    (VERBATIM, [_ADDRESS, _VERBATIM, _NUMBER_SIGN, _AS_WRITTEN, _SCORE, _PAGE], 0, None),
    (VERBATIM, [_CODE], 0, _is_code),
    (TALLY, [_TALLY], "t", None),
    (DAYS, [_DAYS, _MONTHS_SPAN], 0, lambda m: _days(m) is not None),
    (DATE, [_DATE], 0, lambda m: _date(*((m["m1"], m["d1"]) if m["m1"] else (m["m2"], m["d2"])), m["y"]) is not None),
    (MONTH, [_MONTH_YEAR], 0, None),
    (MONTH, [_MONTH_ALONE], "m", None),
    (TIME, [_TIME], 0, lambda m: _time(m) is not None),
    (TIME, [_NAMED_TIME], 0, _at_named_time),
    (TIME, [_CLOCK24, _ZONED_CLOCK], 0, None),
    (YEARS, [_YEARS], 0, lambda m: _years(m["y1"], m["y2"]) is not None),
    (DECADE, [_DECADE], 0, None),
    (AGE, [_AGE, _AGE_NEXT], "d", None),
    (DECADE, [_DECADE_SHORT], "d", None),
    (ORDINAL, [_ORDINAL], 0, None),
    (MONEY, [_MONEY_RANGE], 0, lambda m: _money_range_ends(m) is not None),
    (MONEY, [_MONEY_SIGN, _MONEY_WORD], 0, None),
    (MEASURE, [_TEMPERATURE], 0, _is_temperature),
    (MEASURE, [_MEASURE, _METRES, _EVENT_METRES, _PERCENTAGE_POINTS], 0, None),
    (VERBATIM, [_DIGITS_CODE], 0, None),
    (YEAR, [_YEAR, _YEAR_OF], "y", None),
    (RANGE, [_RANGE], 0, lambda m: _range_here(m) is not None),
    (QUANTITY, [_RATIO], 0, None),
    (NUMBER, [_NUMBER, _AFTER_NO, _POINT, _DECIMAL_COMMA], 0, None),
    (QUANTITY, [_FRACTION, _MAGNITUDE], 0, None),
    (QUANTITY, [_BY_FRACTION], 0, _after_by),
    (SPELLED, [_SPELLED], 0, _spelled_count),
]


def find_figures(text: str, taken: list[TermHit]) -> list[TermHit]:
    """The dates and numbers of an English sentence, in order, none overlapping ``taken`` (its glossary terms)."""
    spans = [(h.start, h.end) for h in taken]
    hits: list[TermHit] = []
    for kind, patterns, group, valid in _FINDERS:
        for m in (m for pattern in patterns for m in pattern.finditer(text)):
            start, end = m.start(group), m.end(group)
            if all(end <= s or start >= e for s, e in spans) and (valid is None or valid(m)):
                hits.append(TermHit(kind, start, end, m.group(group)))
                spans.append((start, end))
    return sorted(hits, key=lambda h: h.start)


# "Half of", "Almost half of": a half that opens the sentence, whose "Half" the Russian model
# garbled («Хэлф американцев», «Голф города», «Полум Украины»); inside one it writes «более
# половины», «около половины» itself, better declined than a placeholder would be.
_OPENING_HALF = re.compile(rf"^\W*(?:(?:{APPROXIMATELY}|over|more\s+than|less\s+than|fewer\s+than)\s+)?$", re.IGNORECASE)


def _half_inside(hit: TermHit, text: str) -> bool:
    return hit.text.lower() == "half" and not _OPENING_HALF.match(text[: hit.start])


def for_language(hits: list[TermHit], lang: str, text: str) -> list[TermHit]:
    """``hits`` (a segment's terms and figures) that become placeholders into ``lang``: a number
    or an age spelt out only where the language writes it in digits (its profile's
    ``spelled_from``), a fraction only where the profile has words for it, a ratio only where it
    writes ratios as fractions (its number in digits is protected all the same: "one in 100")."""
    language = profile(lang)
    kept = []
    for hit in hits:
        if hit.term_id == QUANTITY:
            ratio = _RATIO.fullmatch(hit.text)
            if (
                quantity(hit.text) in language.quantities
                and (language.ratios or not ratio)
                and (language.half_inside or not _half_inside(hit, text))
            ):
                kept.append(hit)
            elif ratio:
                if hit.text[0] == "1":  # "1 in 4": both numbers
                    kept.append(TermHit(NUMBER, hit.start, hit.start + 1, "1"))
                if ratio["d"].isdigit():
                    kept.append(TermHit(NUMBER, hit.start + ratio.start("d"), hit.end, ratio["d"]))
        elif hit.term_id == SPELLED:
            if language.spelled_from and spelled_value(hit.text) >= language.spelled_from:
                kept.append(hit)
        elif named_time(hit) is not None:
            if language.midnight_noon:
                kept.append(hit)
        elif hit.term_id != AGE or hit.text[0].isdigit() or language.spelled_from:
            kept.append(hit)
    return kept


def _date(month: str, day: str, year: str | None) -> datetime.date | None:
    try:
        # A leap year, so that "February 29" without a year is a date.
        return datetime.date(int(year) if year else 2000, MONTHS[month.lower().rstrip(".")], int(day))
    except ValueError:
        return None


def _days(m: re.Match[str]) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of a span ``_DAYS`` or ``_MONTHS_SPAN`` matched; None where it is none."""
    if "to" in m.re.groupindex:  # two months, no year
        joined = m["to"].strip().lower()
        start = _date(m["m1"] or m["n1"], m["d1"] or m["e1"], None)
        end = _date(m["m2"] or m["n2"], m["d2"] or m["e2"], None)
    else:
        month, first, last = (m["m1"], m["d1"], m["e1"]) if m["m1"] else (m["m2"], m["d2"], m["e2"])
        joined = (m["to1"] or m["to2"]).strip().lower()
        start, end = _date(month, first, m["y"]), _date(month, last, m["y"])
    if (joined == "and") != ((m["lead"] or "").lower() == "between"):
        return None  # "between July 9 to 11" is no English; "July 9 and 11" are two days
    return (start, end) if start and end and start < end else None


def _years(first: str, last: str) -> tuple[int, int] | None:
    start = int(first)
    end = int(last) if len(last) == 4 else start - start % 100 + int(last)
    return (start, end) if start < end <= start + 99 else None


def as_translated(text: str) -> str:
    """``text`` with its figures in the form a translation writes them: abbreviated spans of
    years in full ("1952-53" → "1952-1953"), clock times on the 24-hour clock ("2.25pm" →
    "14:25", "1430 GMT" → "14:30 GMT") and abbreviated scales spelt out ("£1.5m" → "£1.5 million"), so that a check
    compares like with like."""

    metres = {m.start() for pattern in (_METRES, _EVENT_METRES) for m in pattern.finditer(text)}

    def scale(m: re.Match[str]) -> str:
        short = _scale_name(m)
        if short == "thousand million":
            return m.string[m.start() : m.start("scale")].rstrip() + " billion"
        if short not in _ABBREVIATED_MONEY or m.start() in metres:
            return m.group()
        return m.string[m.start() : m.start("scale")].rstrip() + " " + _ABBREVIATED_MONEY[short]

    def years(m: re.Match[str]) -> str:
        span = _years(m["y1"], m["y2"])
        return f"{span[0]}-{span[1]}" if span else m.group()

    def clock(m: re.Match[str]) -> str:
        time = _time(m)
        return f"{time.hour}:{time.minute:02d}" if time else m.group()

    text = _NUMBER.sub(scale, _MONEY_SIGN.sub(scale, text))
    text = _ZONED_CLOCK.sub(lambda m: f"{int(m['h'])}:{m['min']}", text)
    return _TIME.sub(clock, _YEARS.sub(years, text))


def without_invented_dates(text: str, source: str, lang: str) -> str:
    """``text`` with each day of the month the model wrote for a weekday (the language's
    ``local_date``, «8일(현지시간)» for "on Saturday") that the source does not have written as
    the weekday the source names (CLDR's name, «토요일»), once, or dropped where the source names
    none or the translation has it already: the English gives no date, and a wrong one is a
    wrong fact."""
    pattern = profile(lang).local_date
    have = {digits.lstrip("0") for digits in re.findall(r"\d+", source)} | {f"{v}" for v in spelled_numbers(source)}
    invented = [m for m in pattern.finditer(text) if m.group(1).lstrip("0") not in have]
    if not invented:
        return text
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=lang)
    named = {names[_WEEKDAYS.index(day.capitalize())] for day in _WEEKDAY.findall(source)}
    weekday = named.pop() if len(named) == 1 else ""
    if weekday in text:
        weekday = ""
    for m in reversed(invented):
        end = m.end()
        if m is invented[0] and weekday:
            text = text[: m.start()] + weekday + text[end:]
            continue
        if text[end : end + 1] == " ":
            end += 1
        text = text[: m.start()] + text[end:]
    return text


def _time(m: re.Match[str]) -> datetime.time | None:
    hour, minute = int(m["h"]), int(m["min"] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    return datetime.time(hour % 12 + (12 if m["ampm"].lower() == "p" else 0), minute)


def ordinal_noun(following: str) -> str:
    """The English noun right after an ordinal, lower-case, from the source after it ("" if none)."""
    m = re.match(r"[\s-]+([A-Za-z]+)", following)
    return m.group(1).lower() if m else ""


def render(hit: TermHit, lang: str, following: str = "") -> str:
    """The figure as the target language writes it (Babel's CLDR data for locale ``lang``);
    ``following``: the source after it (the noun after an ordinal)."""
    if hit.term_id == VERBATIM:
        # "F-16s", "Su-25s": a code in the plural, which the languages write in the singular («истребители F-16», «F-16 전투기»).
        return _PLURAL_CODE.sub(r"\1", hit.text)
    if hit.term_id == DATE:
        return _render_date(hit.text, lang)
    if hit.term_id == MONTH:
        from babel.dates import format_date, format_skeleton

        # CLDR's month (of a year) stands alone, in the nominative («июль 1986 г.», «июль»); ``terms`` declines it.
        if m := _MONTH_YEAR.fullmatch(hit.text):
            return format_skeleton("yMMMM", datetime.date(int(m["y"]), MONTHS[m["m"].lower()], 1), locale=lang)
        return format_date(datetime.date(2000, MONTHS[hit.text.lower()], 1), "LLLL", locale=lang)
    if hit.term_id == DAYS:
        from babel.dates import format_date, format_interval, format_skeleton

        m = _DAYS.fullmatch(hit.text) or _MONTHS_SPAN.fullmatch(hit.text)
        days = _days(m) if m else None
        if m is None or days is None:
            return hit.text
        if not m.groupdict().get("y"):
            return format_interval(*days, "MMMMd", locale=lang)
        dated = format_interval(*days, "yMMMMd", locale=lang)
        if format_date(days[0], "MMMM", locale=lang) in dated:
            return dated
        # CLDR has no such interval in the language and abbreviates the month («9–11 июл. 2024 г.»):
        # the last day's long date, its day and month replaced by the span («9—11 июля 2024 г.»).
        last = format_date(days[1], "long", locale=lang)
        return last.replace(format_skeleton("MMMMd", days[1], locale=lang), format_interval(*days, "MMMMd", locale=lang), 1)
    if hit.term_id == YEARS:
        from babel.dates import format_interval

        m = _YEARS.fullmatch(hit.text)
        years = _years(m["y1"], m["y2"]) if m else None
        if years is None:
            return hit.text
        return format_interval(datetime.date(years[0], 1, 1), datetime.date(years[1], 1, 1), "y", locale=lang)
    if (named := named_time(hit)) is not None:
        words = profile(lang).midnight_noon
        return words[named][0] if words else hit.text
    if hit.term_id == TIME:
        from babel.dates import format_time

        # Parsed again without the context rules of ``_TIME`` (the span has no context).
        m = _CLOCK.match(hit.text)
        time = _time(m) if m else None
        twelve_hour = time is not None
        if time is None and (m := _CLOCK24.fullmatch(hit.text) or re.fullmatch(_HHMM, hit.text)):
            time = datetime.time(int(m["h"]), int(m["min"]))
        if time is None:
            return hit.text
        periods = profile(lang).day_periods
        if periods and twelve_hour and not time.minute:
            word = next(word for start, word in reversed(periods) if time.hour >= start)
            return f"{time.hour % 12 or 12}\u00a0{word}"
        clock = profile(lang).clock
        pattern = clock[bool(time.minute)] if clock else "short"
        if clock and not twelve_hour and time.hour == 0:
            pattern = pattern.replace("h", "K")  # "00:30" is «오전 0시 30분» (as the English's "12:30 a.m." is «오전 12시 30분»)
        return format_time(time, pattern, locale=lang)
    if hit.term_id == MONEY:
        return _render_money(hit.text, lang)
    if hit.term_id == DECADE:
        return profile(lang).decade.format(hit.text.lstrip("'’")[:-1])
    if hit.term_id == AGE:
        return profile(lang).age.format(_DECADE_WORDS.get(hit.text.lower(), hit.text[:-1]))
    if hit.term_id == MEASURE:
        if temperature := _TEMPERATURE.fullmatch(hit.text):
            return _render_temperature(temperature, lang)
        if points := _PERCENTAGE_POINTS.fullmatch(hit.text):
            number = hit.text[: points.end("frac" if points["frac"] else "int")]
            return profile(lang).percentage_points.format(_render_number(number, lang))
        m = _A_MEASURE.fullmatch(hit.text)
        if m is None:
            return hit.text
        return _with_unit(_value(m), _UNITS[m["unit"]], lang, long=m["unit"] in _IMPERIAL)
    if hit.term_id == TALLY and (m := re.fullmatch(_TALLY_SPAN, hit.text, re.IGNORECASE)):
        return profile(lang).tally.format(_render_number(m["yes"], lang), _render_number(m["no"], lang))
    if hit.term_id == RANGE and (m := _RANGE.fullmatch(hit.text)) and (ends := _range_ends(m)):
        low, high = (_render_number(end, lang) for end in ends)
        return _joined(low, high, _render_number(m["low"], lang), lang)
    if hit.term_id == YEAR:
        return profile(lang).year.format(hit.text)
    if hit.term_id == SPELLED:
        return _render_number(spelled_digits(hit.text), lang)
    if hit.term_id == QUANTITY:
        return profile(lang).quantities[quantity(hit.text)][0]
    if hit.term_id == ORDINAL:
        with_noun = profile(lang).ordinal_nouns.get(ordinal_noun(following))
        return (with_noun[0] if with_noun else profile(lang).ordinal).format(hit.text[:-2])
    return _render_number(hit.text, lang)


def _render_money(text: str, lang: str) -> str:
    from babel import Locale
    from babel.numbers import format_compact_currency, format_currency, get_currency_name, get_currency_symbol

    if (span := _MONEY_RANGE.fullmatch(text)) and (ends := _money_range_ends(span)):
        low, high = (_render_money(end, lang) for end in ends)
        first = _MONEY_SIGN.fullmatch(span["low"])
        assert first is not None  # read so by _money_range_ends
        digits = first.string[first.start("int") : first.end("frac" if first["frac"] else "int")]
        return _joined(low, high, _render_number(digits, lang), lang)
    m = _MONEY_SIGN.fullmatch(text) or _MONEY_WORD.fullmatch(text)
    if m is None:
        return text
    currency = _CURRENCIES[m["cur"].lower()]
    value = _value(m)
    if get_currency_symbol(currency, locale=lang).isalpha():
        # The language has no sign for it, only the ISO code ("USD" in Ukrainian): the amount
        # and the currency's name in the form the count asks («5 млн доларів США»).
        return f"{_amount(m, lang)}\u00a0{get_currency_name(currency, count=value, locale=lang)}"
    if m["scale"] and (myriads := _myriads(value, lang)):
        # The currency's sign where the language's pattern puts it, around the amount in groups of 10⁴.
        standard = Locale.parse(lang).currency_formats["standard"]
        sign = get_currency_symbol(currency, locale=lang)
        return standard.prefix[0].replace("¤", sign) + myriads + standard.suffix[0].replace("¤", sign)
    if m["scale"]:
        return format_compact_currency(value, currency, locale=lang, fraction_digits=_ALL_DIGITS)
    pattern = Locale.parse(lang).currency_formats["standard"].pattern
    # Whole amounts stay whole ("£20,000" is not «20 000,00 £»); a fraction keeps the source's
    # digits, cents or a rate's four places ("6.1070 yuan" is not «CN¥6.11»).
    pattern = pattern.replace("0.00", "0." + "0" * len(m["frac"]) if m["frac"] else "0")
    return format_currency(value, currency, format=pattern, locale=lang, currency_digits=False)


def _unscaled(m: re.Match[str]) -> Decimal:
    """The value of a number matched by ``_DIGITS``, before any scale word after it."""
    return Decimal(re.sub(r"\D", "", m["int"]) + (f".{m['frac']}" if m["frac"] else ""))


def _value(m: re.Match[str]) -> Decimal:
    """The value of a number matched by ``_DIGITS`` (the scale word of an ``_AMOUNT`` applied)."""
    value = _unscaled(m)
    if not m.groupdict().get("scale"):
        return value
    scale = _scale_name(m)
    return (value * _SCALES[_ABBREVIATED_MONEY.get(scale, scale)]).to_integral_value()


def _scale_name(m: re.Match[str]) -> str:
    """The scale word an amount matched, lower-case, one space inside ("thousand million"); "" for none."""
    return " ".join((m["scale"] or "").lower().split())


def _amount(m: re.Match[str], lang: str) -> str:
    """An amount matched by ``_AMOUNT`` as ``lang`` writes it: its own abbreviation of a scale
    («1,2 млн», «120만»), its grouping and decimal signs («50 000», «1,5»)."""
    from babel import Locale
    from babel.numbers import format_compact_decimal, format_decimal

    if m["scale"]:
        return _myriads(_value(m), lang) or format_compact_decimal(_value(m), locale=lang, fraction_digits=_ALL_DIGITS)
    # As many fraction digits as the source writes: "6.1070" is a rate quoted to four places.
    pattern = re.sub(r"\.[#0]+", "." + "0" * len(m["frac"] or ""), Locale.parse(lang).decimal_formats[None].pattern).rstrip(".")
    return format_decimal(_value(m), format=pattern, locale=lang)


def _myriads(value: Decimal, lang: str) -> str | None:
    """A whole amount in a language whose CLDR compact numbers go by 10⁴ (Korean 만, 억, 조), in
    groups of four digits each followed by its unit and a space between them, as its spelling
    rules write numbers (425,000,000 → «4억 2500만», not CLDR's «4.25억»); None in any other language."""
    from babel import Locale

    patterns = Locale.parse(lang).compact_decimal_formats["short"]["other"]
    # The magnitudes that begin a unit: one digit before it ("0만"; "00만" is ten of them).
    units = {int(magnitude): pattern.suffix[0] for magnitude, pattern in patterns.items() if pattern.pattern.count("0") == 1}
    if 10**4 not in units or 10**5 in units or value != value.to_integral_value():
        return None
    rest, groups = int(value), []
    for magnitude in sorted((m for m in units if m >= 10**4), reverse=True):
        count, rest = divmod(rest, magnitude)
        if count:
            groups.append(f"{count}{units[magnitude]}")
    return " ".join(groups + ([str(rest)] if rest else []))


def _render_date(text: str, lang: str) -> str:
    from babel.dates import format_date, format_skeleton

    m = _DATE.fullmatch(text)
    date = _date(*((m["m1"], m["d1"]) if m["m1"] else (m["m2"], m["d2"])), m["y"]) if m else None
    if m is None or date is None:
        return text  # not reached for a span find_figures made; the source's own figure is safe
    if m["y"]:
        return format_date(date, format="long", locale=lang)
    return format_skeleton("MMMMd", date, locale=lang)


def _render_number(text: str, lang: str) -> str:
    if re.fullmatch(r"\d+,\d{1,2}", text):  # a decimal comma (``_DECIMAL_COMMA``): grouping has three digits
        text = text.replace(",", ".")
    m = _A_NUMBER.fullmatch("0" + text if text.startswith(".") else text)
    if m is None:
        return text
    if m["int"].isdigit() and not m["frac"] and not m["scale"]:
        # Written without grouping in English (a year, a flight number, a count under 1,000): as is.
        return m["int"]
    return _amount(m, lang)
