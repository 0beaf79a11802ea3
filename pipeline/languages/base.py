"""A language profile: everything the pipeline knows about one target language.

The defaults are an *invariant* language: terms are inserted as the glossary writes them (no
case endings, no particles), no transliteration, no money words, no year word to drop. A new
language works with those on day one; each field it fills makes one stage better.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    script: str  # the script its letters are in: "Hangul", "Cyrillic", "Latin"…
    plural_forms: str = "nplurals=2; plural=(n != 1);"  # gettext Plural-Forms header
    length_ratio: tuple[float, float] = (0.5, 2.0)  # plausible target/source character ratio (checks)
    own_letters: frozenset[str] = frozenset()  # letters that tell it from a close neighbour
    # Whether words only a neighbour's dictionary knows are reported (`neighbour-words`): Russian
    # words a model slips into Ukrainian. Not for Russian, whose dictionary lacks names Ukrainian's has.
    neighbour_words: bool = False
    # Terms take case endings, fitted with pymorphy3 (``inflect``); the model may glue one onto a placeholder.
    cases: bool = False
    # The particles that follow a word (Korean), longest first: stripped to compare a word with a
    # name (``lexicon``), and where a counter glued to a figure ends. Those that alternate with the
    # last sound are refitted by tossi (``inflect.fix_particle``).
    particles: tuple[str, ...] = ()
    # Scripts that never belong in a translation into this language (Latin may: IL-76, NATO).
    foreign_scripts: tuple[str, ...] = ()
    # A "year" word (or, in Korean, a counter) a model may append to a date placeholder ("#2 года",
    # «#2명의»): dropped after a date.
    year_after_date: re.Pattern[str] = _NEVER
    # A preposition a model puts before a day and month that the language never uses there
    # ("on October 25" → «в 25 октября», «у 25 жовтня»): dropped before a date.
    preposition_before_date: re.Pattern[str] = _NEVER
    # The word a model writes for the English "on" before a date, where the language puts none
    # ("on March 3" → «на 3 марта»); dropped only after "on": "moved to March 3" keeps «на».
    preposition_for_on_date: re.Pattern[str] = _NEVER
    # The particle a model puts after a date for the English "on" that the language never writes
    # after a time, and the one it does (Korean «3월 12일에서», a place's particle: «3월 12일에»); none:
    # left as the model wrote it.
    particle_for_on_date: tuple[str, str] | None = None
    # The words a model writes for "from" or "between" before a span of days that already says
    # it («с 9—11 июля», «з 26 липня — 11 серпня»): dropped before such a span.
    preposition_before_span: re.Pattern[str] = _NEVER
    # A preposition a model puts before a clock time for the English "at" that the language does
    # not use there («на 02:00»), and the one it does («в »); none: left as the model wrote it.
    preposition_before_time: tuple[re.Pattern[str], str] | None = None
    # A unit the model writes after a placeholder it took for a number ("#1 met #2": «#1 метра #2»;
    # "F-16 jets": «F-16 дюймов»), its number in group 1: a translation with one the English does
    # not give is flawed.
    unit_after_placeholder: re.Pattern[str] = _NEVER
    # The day of the month this language's news writes for a weekday the English names ("said on
    # Monday": Korean news «8일(현지시간)»), the day in group 1: a model trained on that news invents
    # the day, so one the source does not have is written as the weekday (or dropped, where the
    # English names none). Never: left as the model wrote it.
    local_date: re.Pattern[str] = _NEVER
    # A word a model may append to a glossary term's placeholder, reading it as a number or a
    # year (Korean «#1명의» for "Russia's": «러시아명의»; «России года»): dropped after a term
    # unless the English says "year" there.
    counter_after_term: re.Pattern[str] = _NEVER
    # An age word a model appends to a count the English does not give as an age (Korean
    # «4억 6000만세의» for "460 million cards", «1,000세» for "1,000 yards"): dropped.
    age_after_count: re.Pattern[str] = _NEVER
    # A currency word a model may append to an amount's placeholder («#1 долларов»): dropped, the
    # rendered amount names its currency.
    currency_after_amount: re.Pattern[str] = _NEVER
    # The model's own words for a percentage or its points after an amount in percentage points
    # («#1% 포인트», «#1 процентных пункта»): dropped, the rendering says them.
    points_after_amount: re.Pattern[str] = _NEVER
    # Money words of a translation, for the `money-added` check (none: the check does not run).
    money: re.Pattern[str] | None = None
    # Latin → this script, longest spelling first: names the model left in Latin letters, and
    # the `name-lost` check's idea of a plausible spelling (none: names are not transliterated).
    transliteration: tuple[tuple[str, str], ...] = ()
    # The same for a name written with Spanish letters (``slavic.SPANISH``; none: the table above).
    spanish: tuple[tuple[str, str], ...] = ()
    # A Latin name → this script by its sounds, for a language whose press writes foreign names
    # so and which has no transliteration table (Korean loanword orthography, ``pipeline.hangul``):
    # names the model left in Latin letters (none: left as they are).
    transcribe: Callable[[str], str] | None = None
    # The form of the words a count governs in the nominative or accusative, by the count's CLDR
    # plural category: (noun grammemes, adjective grammemes) for pymorphy3; a category not
    # listed leaves the model's words as they are («50 000 войск», not «50 000 войска»).
    counted: Mapping[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    # Babel time patterns (on the hour, with minutes) where the language's prose writes a clock
    # time otherwise than CLDR's short format (Korean news: «오후 10시», «오전 4시 17분», never
    # «오후 10:00»); none: the short format («22:00»).
    clock: tuple[str, str] | None = None
    # An English 12-hour time on the hour ("10 p.m.") as the language's translators write it:
    # the same hour and the part of the day («10 вечера»), where the 24-hour clock is theirs
    # only with minutes. Each part: the hour it begins and its word; none: ``clock``'s way.
    day_periods: tuple[tuple[int, str], ...] = ()
    # The adjective of an age ("45-year-old": «45-летний»), in its dictionary form: agreed with the
    # noun after it («45-летняя мать»); none: left as the model wrote it.
    years_old: str = ""
    # Midnight and noon in the language's words (CLDR has them for few languages): the nominative,
    # then, where the dictionary gets them wrong («полночи»), the genitive, dative, accusative,
    # instrumental and locative; none: left to the model.
    midnight_noon: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    # A quantity in words (``figures.quantity``: a fraction, "2/3"; a ratio, "one in five", is
    # "1/5"; a magnitude, "tens of thousands"): its nominative, then, where the dictionary cannot
    # decline it (a numeral and its noun, «две трети»), its genitive, dative, accusative,
    # instrumental and locative. A quantity not listed is left to the model.
    quantities: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Whether a ratio ("one in five") is written as the fraction it is; else the model's words.
    ratios: bool = False
    # Whether "half" inside a sentence is a figure too ("more than half of"), or only one that opens it.
    half_inside: bool = True
    # The model's word for "of" after a quantity where the language has none there.
    of_after_quantity: re.Pattern[str] = _NEVER
    # The prepositions of a change to an amount and by one ("fell to 4%": «до», "rose by 3%": «на»),
    # which the models swapped; none: left as the model wrote them. The second, with a fraction in
    # the accusative, is put before a fraction after "by" where the model wrote none («на треть»);
    # none: the model's words («3분의 1로»).
    change_prepositions: tuple[str, str] | None = None
    # The particle after an amount a change goes to (Korean «4.1%로 하락»; the model wrote «4.1%
    # 하락», fell by, and «3.5%에»), put in place of none or of a place's or a case's particle.
    change_to_particle: str = ""
    # The preposition before a multiple ("3 times faster": «в 3 раза»), its other spellings after a
    # bar ("у|в": Ukrainian alternates them by sound), then the prepositions a model wrote there
    # instead («на 3 рази»); none: left to the model.
    multiple_preposition: tuple[str, str] | None = None
    # The preposition of a ratio before its denominator ("one in 10": «один из 10»), put in place
    # of another the model wrote («одна в 10»); none: left to the model.
    ratio_preposition: str = ""
    # The preposition and year word of a deadline ("by 2030": «к 2030 году»); none: left to the model.
    by_year: tuple[str, str] | None = None
    # The particle after the amount a change starts from ("down from 4.3 percent": «4.3%에서»).
    change_from_particle: str = ""
    # Another preposition a model wrote there ("by about a third": «о #1», «в #1»): replaced.
    preposition_for_change: re.Pattern[str] = _NEVER
    # A decade ("1990s"; CLDR has none): in Russian and Ukrainian news mostly the genitive or
    # locative plural («1990-х годов», «у 1990-х роках»), which fits "in", "of", "since" and "the".
    decade: str = "{}s"
    # An age in decades ("in her 70s"; CLDR has none): Korean «70대»; Russian and Ukrainian as the
    # models write it themselves («в возрасте 70-х»).
    age: str = "{}s"
    # An amount in percentage points ("0.25 percentage points"; CLDR has no unit), the number as
    # the language writes it in the braces: as its economic press abbreviates it («0,25 п. п.»,
    # «0.25%포인트»; the Korean model wrote a percentage, «0.25%», another fact).
    percentage_points: str = "{} percentage points"
    # The personal pronoun of the third person by the gender or number it stands for ("masc",
    # "femn", "neut", "plur"): the "it" of a subject that says something of itself («Россия
    # сказала, что она…»); none: left as the model wrote it.
    pronouns: Mapping[str, str] = field(default_factory=dict)
    # A vote's tally ("219 to 213"), the numbers as the language writes them in the braces.
    tally: str = "{} to {}"
    # A range of numbers ("500 to 600"), the two as the language writes them in the braces: CLDR's
    # range pattern (its miscPatterns, which Babel does not load): «500–600», Korean «500~600».
    number_range: str = "{}–{}"
    # A counter of ``counters`` → the model's words it takes the place of after a count, which say
    # another thing («35번» for «35번째»: "35 times", not the 35th; «3배» for «3 번», "3 times faster»).
    counter_for: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # A year after "in", "since", "by"… ("in 2010").
    year: str = "{}"
    # The least number spelt out in English ("fifteen years") that the language's news writes in
    # digits (Korean «15년»; its own words for two and three, «두 명»): protected and rendered as a
    # figure from there up. 0: translated as words («пятнадцать лет»).
    spelled_from: int = 0
    # The counter a count takes, glued to it, where the model left it out, by what it counts
    # (``inflect.counted_kind``: "people", "vehicles"…; «4명의 다른 수감자들» for "four other
    # prisoners", «120발의 미사일» for "120 missiles"; a placeholder reads to the model as a name).
    # Empty: no counters.
    counters: Mapping[str, str] = field(default_factory=dict)
    # The counter of any other thing (Korean 개): added only for the "items" ``counters`` lists,
    # but a count the model wrote with it («300 개의 집») needs no other.
    generic_counter: str = ""
    # A noun the model glues to a count as its word for what it counts → the noun the language's
    # news writes after the counter instead (Korean «50,000군» for "50,000 troops": «50,000명의 병력»).
    count_nouns: Mapping[str, str] = field(default_factory=dict)
    # An ordinal in digits ("16th"); Russian and Ukrainian endings then agree (``ordinal_endings``).
    ordinal: str = "{}."
    # An ordinal before these English nouns, as the language writes it instead ("75th anniversary":
    # Korean «75주년», "17th place" «17위», "74th minute" «74분»), and the words the model writes
    # for the noun, dropped right after it as the noun copied in Latin letters is.
    ordinal_nouns: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # The ending of an ordinal written in digits ("21st" → «21-м веке»), by the gender ("masc",
    # "femn", "neut") or number ("plur") and the case of the word after it; an accusative not
    # listed is the nominative's, or the genitive's for an animate noun (none: left as written).
    ordinal_endings: Mapping[str, str] = field(default_factory=dict)
    # The endings a man's name from a language without cases takes on its last word where that ends
    # in a consonant («Ким Чен Ына», «Си Цзиньпином»), by case, for the word's last letter: a soft
    # sign or «й» gives way to its row's ending; any other consonant takes the "" row. Empty: such
    # names are not declined.
    man_name_endings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The tokenizer an OmegaT 3.6+ project uses for it (word counts, fuzzy matching).
    omegat_tokenizer: str = "org.omegat.tokenizer.DefaultTokenizer"

    def is_native(self, ch: str) -> bool:
        """Whether letter ``ch`` is in this language's script."""
        if self.script == "Hangul":
            return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
        return self.script.upper() in unicodedata.name(ch, "")

    @property
    def neighbours(self) -> list[Language]:
        """The other languages written in this one's script (told apart by ``own_letters``)."""
        from pipeline.languages import LANGUAGES

        return [other for other in LANGUAGES.values() if other.code != self.code and other.script == self.script]

    def never_writes(self, ch: str) -> bool:
        """Whether a translation into this language never holds ``ch``: a letter of a foreign
        script, or one only a close neighbour writes (ы in Ukrainian, і in Russian)."""
        if any(in_script(ch, script) for script in self.foreign_scripts):
            return True
        return ch not in self.own_letters and any(ch in other.own_letters for other in self.neighbours)


def in_script(ch: str, script: str) -> bool:
    """Whether ``ch`` is a character of ``script`` (a Unicode name prefix: "Hangul", "CJK", "Cyrillic")."""
    return unicodedata.name(ch, "").startswith(script.upper())
