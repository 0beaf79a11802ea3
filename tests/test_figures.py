"""Numbers, dates and times: found in English, protected, written in each language's convention."""

import pytest

from pipeline import checks, inflect, terms
from pipeline.checks import numbers
from pipeline.figures import (
    AGE,
    DATE,
    DECADE,
    MEASURE,
    MONEY,
    MONTH,
    NUMBER,
    QUANTITY,
    RANGE,
    SPELLED,
    TALLY,
    TIME,
    VERBATIM,
    YEAR,
    as_translated,
    find_figures,
    for_language,
    render,
)
from pipeline.model import Segment
from pipeline.translate import translate_segments
from tests.scripted_engine import ScriptedEngine, word_alignment

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("source", "ru", "uk", "ko"),
    [
        ("50,000", f"50{NBSP}000", f"50{NBSP}000", "50,000"),
        ("2 412", f"2{NBSP}412", f"2{NBSP}412", "2,412"),  # grouped by a space
        (".179", "0,179", "0,179", "0.179"),  # a decimal without its leading zero
        ("1.5", "1,5", "1,5", "1.5"),
        ("1.2 million", f"1,2{NBSP}млн", f"1,2{NBSP}млн", "120만"),
        ("3.5 billion", f"3,5{NBSP}млрд", f"3,5{NBSP}млрд", "35억"),
        ("October 23", "23 октября", "23 жовтня", "10월 23일"),
        ("6 August", "6 августа", "6 серпня", "8월 6일"),
        ("2.25pm", "14:25", "14:25", "오후 2시 25분"),
        # On the hour, the hour and the part of the day, as translators write it; CLDR's night
        # begins at 22:00 in Russian («10 ночи»), which Russian calls evening.
        ("10 p.m", f"10{NBSP}вечера", f"10{NBSP}вечора", "오후 10시"),
        ("12 a.m.", f"12{NBSP}ночи", f"12{NBSP}ночі", "오전 12시"),
        ("5am", f"5{NBSP}утра", f"5{NBSP}ранку", "오전 5시"),
        ("12 p.m", f"12{NBSP}дня", f"12{NBSP}дня", "오후 12시"),
        ("10:30 p.m", "22:30", "22:30", "오후 10시 30분"),
        ("06:00", "06:00", "06:00", "오전 6시"),
        ("21:45", "21:45", "21:45", "오후 9시 45분"),
        # Past midnight on the 24-hour clock: «0시», as the English has it (its "12:30 a.m." keeps 12).
        ("00:30", "00:30", "00:30", "오전 0시 30분"),
        ("2024", "2024", "2024", "2024"),
        ("$5 million", f"5{NBSP}млн{NBSP}$", f"5{NBSP}млн{NBSP}доларів США", "US$500만"),
        ("£20,000", f"20{NBSP}000{NBSP}£", f"20{NBSP}000{NBSP}англійських фунтів", "£20,000"),
        ("$2.25", f"2,25{NBSP}$", f"2,25{NBSP}долара США", "US$2.25"),
        ("300 euros", f"300{NBSP}€", f"300{NBSP}євро", "€300"),
        # Other dollars than the US one, by the letters before the sign ("AU$" was rendered «US$»).
        ("AU$5 million", f"5{NBSP}млн{NBSP}A$", f"5{NBSP}млн{NBSP}австралійських доларів", "AU$500만"),
        ("S$20,000", f"20{NBSP}000{NBSP}сингапурских долларов", f"20{NBSP}000{NBSP}сінгапурських доларів", f"20,000{NBSP}싱가포르 달러"),
        ("$US80 billion", f"80{NBSP}млрд{NBSP}$", f"80{NBSP}млрд{NBSP}доларів США", "US$800억"),
        ("1.5 billion rubles", f"1,5{NBSP}млрд{NBSP}₽", f"1,5{NBSP}млрд{NBSP}російських рублів", f"15억{NBSP}러시아 루블"),
        ("1952-53", "1952—1953", "1952–1953", "1952년 ~ 1953년"),
        ("2023–24", "2023—2024", "2023–2024", "2023년 ~ 2024년"),
        ("Oct.18", "18 октября", "18 жовтня", "10월 18일"),
        ("1990s", "1990-х", "1990-х", "1990년대"),
        ("4.5 trillion won", f"4,5{NBSP}трлн{NBSP}₩", f"4,5{NBSP}трлн{NBSP}південнокорейських вонів", "₩4조 5000억"),
        ("July 1986", f"июль 1986{NNBSP}г.", f"липень 1986{NNBSP}р.", "1986년 7월"),
        ("115.9 million", f"115,9{NBSP}млн", f"115,9{NBSP}млн", "1억 1590만"),
        ("1.234567 million", f"1,234567{NBSP}млн", f"1,234567{NBSP}млн", "123만 4567"),
        ("$425 million", f"425{NBSP}млн{NBSP}$", f"425{NBSP}млн{NBSP}доларів США", "US$4억 2500만"),
        ("1.5bn", f"1,5{NBSP}млрд", f"1,5{NBSP}млрд", "15억"),
        ("£1.5m", f"1,5{NBSP}млн{NBSP}£", f"1,5{NBSP}млн{NBSP}англійських фунтів", "£150만"),
        # A scale word against the digits, as British news writes it.
        ("£39million", f"39{NBSP}млн{NBSP}£", f"39{NBSP}млн{NBSP}англійських фунтів", "£3900만"),
        ("$2 bn", f"2{NBSP}млрд{NBSP}$", f"2{NBSP}млрд{NBSP}доларів США", "US$20억"),
        ("$50k", f"50{NBSP}тыс.{NBSP}$", f"50{NBSP}тис.{NBSP}доларів США", "US$5만"),
        ("9 mln", f"9{NBSP}млн", f"9{NBSP}млн", "900만"),
        # A decimal comma before a scale word, as news translated from European languages writes it.
        ("127,7 thousand", f"127,7{NBSP}тыс.", f"127,7{NBSP}тис.", "12만 7700"),
        # A thousand million is a billion, as British English long wrote it.
        ("6,2 thousand million", f"6,2{NBSP}млрд", f"6,2{NBSP}млрд", "62억"),
        ("10km", f"10{NBSP}км", f"10{NBSP}км", "10km"),
        ("5.5 kg", f"5,5{NBSP}кг", f"5,5{NBSP}кг", "5.5kg"),
        ("2.4 L", f"2,4{NBSP}л", f"2,4{NBSP}л", "2.4L"),
        ("100mph", f"100{NBSP}миль в час", f"100{NBSP}миль за годину", "시속 100마일"),
        # Temperatures (the Korean model dropped "-5C", the others left it in Latin); Fahrenheit in full.
        ("-5C", f"-5{NBSP}°C", f"-5{NBSP}°C", "-5°C"),
        ("30.5°C", f"30,5{NBSP}°C", f"30,5{NBSP}°C", "30.5°C"),
        ("5 degrees Celsius", f"5{NBSP}°C", f"5{NBSP}°C", "5°C"),
        # Below zero in words (every model dropped the "minus": «15 °C»).
        ("minus 15 degrees Celsius", f"-15{NBSP}°C", f"-15{NBSP}°C", "-15°C"),
        ("86°F", f"86{NBSP}градусов Фаренгейта", f"86{NBSP}градусів Фаренгейта", "화씨 86도"),
        # A change of a percentage, abbreviated as the economic press does (the Korean model wrote «0.25%»).
        ("0.25 percentage points", f"0,25{NBSP}п.{NBSP}п.", f"0,25{NBSP}в.{NBSP}п.", "0.25%포인트"),
    ],
)
def test_each_language_writes_figures_its_own_way(source, ru, uk, ko):
    [hit] = find_figures(f"It was {source} in all.", [])
    assert hit.text == source
    assert [render(hit, lang) for lang in ("ru", "uk", "ko")] == [ru, uk, ko]


@pytest.mark.parametrize(
    ("text", "ru", "ko", "checked"),
    [
        ("Markets closed at 1430 GMT on Friday.", "14:30", "오후 2시 30분", "Markets closed at 14:30 GMT on Friday."),
        ("The blaze was put out at 0000 GMT.", "00:00", "오전 0시", "The blaze was put out at 0:00 GMT."),
    ],
)
def test_an_agency_s_four_digit_time_with_its_zone_is_a_clock_time(text, ru, ko, checked):
    [hit] = find_figures(text, [])
    assert [render(hit, "ru"), render(hit, "ko")] == [ru, ko]
    assert as_translated(text) == checked  # what the number check compares the translation with


def test_four_digits_without_a_zone_are_a_number():
    assert [(h.term_id, h.text) for h in find_figures("The 2100 troops left at 1430.", [])] == [(NUMBER, "2100"), (NUMBER, "1430")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Highs of 30C are expected.", ["30C"]),  # a bare C where the sentence speaks of the weather
        ("Talks begin at 7 a.m. ET on Monday.", ["7 a.m."]),  # a time zone after a time is no new sentence
        ("It goes on sale at 8 a.m. Friday.", ["8 a.m."]),  # nor a weekday
        ("Talks began at 7 a.m. Officials left.", ["7 a.m"]),
        # A decimal comma before a percentage or what it counts; not a list.
        ("The index fell 0,7% on Friday.", ["0,7"]),
        ("They spent 14,5 days on sick leave.", ["14,5"]),
        ("Pages 1,2 and 3 were lost.", ["3"]),
    ],
)
def test_a_temperature_a_time_or_a_decimal_ends_where_its_context_says(text, found):
    assert [hit.text for hit in find_figures(text, [])] == found


def test_a_decimal_comma_is_written_with_each_languages_decimal_sign():
    [hit] = find_figures("The index fell 0,7% on Friday.", [])
    assert [render(hit, lang) for lang in ("ru", "uk", "ko")] == ["0,7", "0,7", "0.7"]


@pytest.mark.parametrize("source", ["50,000", "1.5", "1.2 million", "3.5 billion", "2024", "115.9 million", "2.25 trillion"])
def test_the_number_checks_read_each_rendering_as_the_source_value(source):
    [hit] = find_figures(source, [])
    assert all(numbers(render(hit, lang)) == numbers(source) for lang in ("ru", "uk", "ko"))


@pytest.mark.parametrize("text", ["They left at 7 a.m.", "They left at 7 a.m. on Monday.", "Oct. 5", "It cost 1.2 million."])
def test_every_figure_found_renders_in_every_language(text):
    hits = find_figures(text, [])
    assert hits and all(render(hit, lang) for hit in hits for lang in ("ru", "uk", "ko"))


@pytest.mark.parametrize(
    ("text", "spelled", "ko"),
    [
        ("They were married for fifty years.", ["fifty"], ["50"]),
        ("All twenty-seven member states and two hundred and fifty envoys.", ["twenty-seven", "two hundred and fifty"], ["27", "250"]),
        ("Some four million people and ten thousand troops.", ["four million", "ten thousand"], ["400만", "1만"]),
        ("A hundred were hurt and one of them died.", ["A hundred", "one"], ["100", "1"]),
        # A headline capitalises its words; after its colon a clause begins.
        ("U.S. Drone Kills Five Militants in Pakistan", ["Five"], ["5"]),
        ("Indonesia: Six dead in volcanic eruption", ["Six"], ["6"]),
        # Not counts: a name, a height, an ordinal.
        ("Maroon Five played for the Big Four firms.", [], []),
        ("He is five-foot-six and the fifty-fifth in line.", [], []),
    ],
)
def test_numbers_spelt_out_are_found_and_written_in_digits(text, spelled, ko):
    hits = [h for h in find_figures(text, []) if h.term_id == SPELLED]
    assert [h.text for h in hits] == spelled
    assert [render(h, "ko") for h in hits] == ko


def test_only_a_language_whose_news_writes_counts_in_digits_protects_spelt_out_numbers():
    text = "Two of the fifteen ministers resigned in 2024."
    hits = find_figures(text, [])
    assert [h.text for h in for_language(hits, "ko", text)] == ["fifteen", "2024"]  # Korean says «두 명» in words
    assert [h.text for h in for_language(hits, "ru", text)] == ["2024"]  # «пятнадцать министров» agrees as a word
    assert [h.text for h in for_language(hits, "uk", text)] == ["2024"]


@pytest.mark.parametrize(
    ("lang", "engine_input", "output", "expected"),
    [
        ("ko", "They were married for #1 years.", "그들은 #1년 동안 결혼했다.", "그들은 50년 동안 결혼했다."),
        ("ru", "They were married for fifty years.", "Они были женаты пятьдесят лет.", "Они были женаты пятьдесят лет."),
    ],
)
def test_a_spelt_out_number_goes_to_the_model_as_a_figure_only_where_digits_are_written(glossary, lang, engine_input, output, expected):
    source = "They were married for fifty years."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    seg.figures = find_figures(source, [])
    translate_segments([seg], ScriptedEngine({engine_input: [output]}), glossary, lang)
    assert seg.target(lang).text == expected


def test_a_scale_is_abbreviated_without_a_currency_only_where_it_cannot_be_a_unit():
    text = "A 5m wall, a 5k run, 2.5bn people, a 3tn debt, 3m people, by mid-2025 and pre-2020 levels, a top-15 fund."
    assert [h.text for h in find_figures(text, [])] == ["2.5bn", "3tn", "3m", "2025", "2020", "15"]
    assert [render(h, "ru") for h in find_figures("Some 3m people fled.", [])] == [f"3{NBSP}млн"]


def test_a_bare_m_is_metres_where_a_word_beside_it_says_so():
    """The models read "800m" as 800 million; metres only where the context says length or
    a race, millions with a currency or before a counted noun, and neither when nothing says."""
    text = "The 60m-high tower, a wall 5 m tall, the 100m hurdles, the women's 800m, a $60m race, 3m people, a 5m gap, they lost 60m."
    assert [(h.term_id, h.text) for h in find_figures(text, [])] == [
        ("=measure", "60m"), ("=measure", "5 m"), ("=measure", "100m"), ("=measure", "800m"),
        ("=money", "$60m"), (NUMBER, "3m"),
    ]  # fmt: skip
    [hit] = find_figures("He won the 1,500m final.", [])
    assert [render(hit, lang) for lang in ("ru", "uk", "ko")] == [f"1{NBSP}500{NBSP}м", f"1{NBSP}500{NBSP}м", "1,500m"]
    assert all(numbers(render(hit, lang)) == numbers("1,500") for lang in ("ru", "uk", "ko"))
    # The number check reads the source's metres as the translation writes them, not as millions.
    assert list(checks.number_findings("She ran the 400m hurdles.", f"Она пробежала 400{NBSP}м с барьерами.")) == []


def test_an_m_apart_from_its_number_is_metres_before_a_preposition_or_a_break():
    # The models wrote «400 млн» for "skidded 400 m off the runway".
    text = "It skidded 400 m off the runway, 700 to 800 m. Some 5 m people paid."
    assert [(h.term_id, h.text) for h in find_figures(text, [])] == [
        (MEASURE, "400 m"),
        (NUMBER, "700"),
        (MEASURE, "800 m"),
        (NUMBER, "5 m"),
    ]
    assert [render(h, "ru") for h in find_figures(text, [])] == [f"400{NBSP}м", "700", f"800{NBSP}м", f"5{NBSP}млн"]


def test_a_comma_is_a_decimal_only_before_a_scale_word():
    text = "Sales of 6,2 thousand million euros in 1,2 and 3 cases; 1,500 million people; 7,5 million billion."
    assert [h.text for h in find_figures(text, [])] == ["6,2 thousand million euros", "3", "1,500 million"]


def test_a_month_alone_is_a_figure_only_after_a_word_that_makes_it_one():
    text = "In May, since November and in early July, by June Carter; Theresa May may go in March 5."
    assert [(h.term_id, h.text) for h in find_figures(text, [])] == [
        (MONTH, "May"),
        (MONTH, "November"),
        (MONTH, "July"),
        (DATE, "March 5"),
    ]


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        ("Sigma was founded in 1999.", "ko", "시그마는 #1에서 설립되었다.", "시그마는 1999년에서 설립되었다."),
        ("He was elected in 2005.", "ko", "그는 #1년세의 선출되었다.", "그는 2005년의 선출되었다."),
        ("Prices fell in 2010.", "ru", "Цены упали в #1 году.", "Цены упали в 2010 году."),
        # A count, not a year: left to the model, no 년.
        ("He led a force of 1500 soldiers.", "ko", "그는 #1명의 병력을 이끌었다.", "그는 1500명의 병력을 이끌었다."),
    ],
)
def test_a_year_after_in_since_or_by_is_written_with_the_languages_year_word(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


def test_a_code_ends_where_an_english_word_is_joined_to_it():
    text = "SARS-CoV-2-related bats, CO2-choked air, HCoV-229E and INC-A3S-E2S-SFX."
    assert [h.text for h in find_figures(text, [])] == ["SARS-CoV-2", "CO2", "HCoV-229E", "INC-A3S-E2S-SFX"]


def test_what_is_not_a_span_of_years():
    text = "Pages 1952-1953-1954, 1999-01, 2019-18 and 10-15 times."
    assert [h.text for h in find_figures(text, [])] == ["1952", "1953", "1954", "1999", "01", "2019", "18", "10", "15"]


@pytest.mark.parametrize(
    ("source", "target", "findings"),
    [
        ("Member, 1952-53.", "Член, 1952—1953 годы.", []),
        ("Member, 1952-53.", "Член, 1952-53.", ["number-missing", "number-added"]),
        ("At 2.25pm, then 10pm.", "В 14:25, затем в 22:00.", []),
        ("At 2 pm.", "В 2 часа дня.", []),
        # An hour on the hour as the pipeline writes it: its part of the day; midnight is 12.
        ("At 10 p.m. and 12 a.m.", f"В 10{NBSP}вечера и 12{NBSP}ночи.", []),
        ("At 12 a.m.", "В 00:00.", []),
        ("At 2 pm.", "В 15 часов.", ["number-missing", "number-added"]),
        ("At 10:30 p.m.", "오후 10:30에.", []),
        ("At 2.25pm.", "오후 2:25에.", []),
        ("At 4:17 a.m. and 2.25pm.", "오전 4시 17분과 오후 2시 25분에.", []),
        ("At 4:17 a.m.", "오전 4시 18분에.", ["number-added"]),
        ("It cost £1.5m, or $2bn.", f"Это стоило 1,5{NBSP}млн{NBSP}£, или 2{NBSP}млрд{NBSP}$.", []),
        ("It cost £1.5m.", f"Это стоило 1,5{NBSP}£.", ["number-missing", "number-added"]),
        # Korean groups of four digits, however the parts are written.
        ("Sold for $425 million.", "4억 2천 5백만 달러에 팔렸다.", []),
        ("Sold for $425 million.", "4억 2500만 달러에 팔렸다.", []),
        ("Sold for $425 million.", "4억 5백만 달러에 팔렸다.", ["number-missing", "number-added"]),
        ("It had 1,234,567,898 rows in 2024.", "2024년에 12억 3456만 7898행이 있었다.", []),
        ("It grew to 5.9 million in 2020.", "590만 2020으로 늘었다.", []),
        # A last group that only looks like a year («2만 2000» as the renderer writes 22 thousand);
        # numbers a model ran together with a plain space, which no Korean number is grouped by.
        ("Some 22 thousand spectators came.", "관중 2만 2000명이 왔다.", []),
        ("Of the 166 infections, 130 were mild.", "166 130 감염이 가벼웠다.", []),
        ("Of the 166 infections, 130 were mild.", "166 130 감염 중 7개가 가벼웠다.", ["number-added"]),
        ("It had 50,000 troops.", "У него было 50 000 войск.", []),
        # English writes decimals with a point, Russian with a comma, before three digits too.
        ("The debt reached 2.228 trillion euros.", "부채는 €2조 2280억에 달했다.", []),
        ("The debt reached 2.228 trillion euros.", f"Долг достиг 2,228{NBSP}трлн €.", []),
        ("The debt reached 2.228 trillion euros.", f"Долг достиг 2228{NBSP}трлн €.", ["number-missing", "number-added"]),
        # An afternoon hour on the 12-hour clock; numbers the source spells out.
        ("It happened at 23:30.", "오후 11시 30분에 일어났다.", []),
        ("It happened at 23:30.", "오후 10시 30분에 일어났다.", ["number-missing", "number-added"]),
        ("The third largest grew threefold.", "3번째로 큰 것이 3배 늘었다.", []),
        # A decimal without its leading zero is that decimal, not a thousand-less group.
        ("Her level was .179, twice the limit.", "Её уровень был 0,179, вдвое выше.", []),
        ("Her level was .179, twice the limit.", "Её уровень был 179, вдвое выше.", ["number-missing", "number-added"]),
        ("Her level was .179, twice the limit.", "그녀의 수치는 0.179로 두 배였다.", []),
        # A range's first number with the scale of its last, or without it.
        ("It hit 5 to 10 million people.", f"Это затронуло 5–10{NBSP}млн человек.", []),
        ("It hit 5 to 10 million people.", "500만~1000만 명에게 영향을 미쳤다.", []),
        ("It hit 5 to 10 million people.", f"Это затронуло 10{NBSP}млн человек.", ["number-missing"]),
    ],
)
def test_the_number_check_wants_spans_of_years_in_full_and_times_on_the_24_hour_clock(source, target, findings):
    assert [f.code for f in checks.number_findings(source, target)] == findings


def test_dated_year_and_what_is_not_a_figure(glossary):
    text = "On Oct. 25, 2024, IL-76 planes and G7 envoys flew 10-15 times in mid-2020s Kursk-2024."
    hits = find_figures(text, terms.match_terms(text, glossary))
    # The glossary's IL-76 is a term; G7 a code, kept as written; no number inside a word.
    assert [(h.term_id, h.text) for h in hits] == [
        (DATE, "Oct. 25, 2024"), (VERBATIM, "G7"), (NUMBER, "10"), (NUMBER, "15"), (DECADE, "2020s")
    ]  # fmt: skip
    assert render(hits[0], "ru").startswith("25 октября 2024")
    assert render(hits[0], "ko") == "2024년 10월 25일"


def test_numbers_grouped_by_spaces_are_one_number_unless_the_digits_before_are_another_numbers():
    text = "In 2019 500 people came; she got 2 412 of the 3 489 votes; call 020 7946 0018 or 0800 555 111."
    found = ["2019", "500", "2 412", "3 489", "020", "7946", "0018", "0800", "555", "111"]
    assert [h.text for h in find_figures(text, [])] == found


def test_figures_and_terms_share_one_numbering_and_come_back_rendered(glossary):
    source = "Around 50,000 troops reached Kursk on October 23."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1, terms=terms.match_terms(source, glossary))
    seg.figures = find_figures(source, seg.terms)
    engine = ScriptedEngine({"Around #1 troops reached #2 on #3.": ["Около #1 военных прибыли в #2 #3."]})
    translate_segments([seg], engine, glossary, "ru")
    assert seg.target("ru").text == f"Около 50{NBSP}000 военных прибыли в Курск 23 октября."
    assert [r.term_id for r in seg.target("ru").terms] == ["kursk"]


def test_a_lost_number_placeholder_takes_the_alternative_that_keeps_it(glossary):
    source = "The army lost 5,000 soldiers."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    seg.figures = find_figures(source, [])
    engine = ScriptedEngine({"The army lost #1 soldiers.": ["Армия потеряла солдат.", "Армия потеряла #1 солдат."]})
    translate_segments([seg], engine, glossary, "ru")
    assert seg.target("ru").text == f"Армия потеряла 5{NBSP}000 солдат."


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        ("Use 127.0.0.1 since Python 3.4.0.", "#1을 사용하세요 파이썬 #2부터.", "127.0.0.1을 사용하세요 파이썬 3.4.0부터."),
        ("It starts in 3 1/2 weeks, on 12/25/2024.", "#1 주 후, #2에 시작한다.", "3 1/2 주 후, 12/25/2024에 시작한다."),
        ("The rate was 6.1070 yuan, or 6.1070.", "환율은 #1, 즉 #2이었다.", "환율은 CN¥6.1070, 즉 6.1070이었다."),
        ("Issue #45 was fixed.", "#1은 고쳐졌다.", "#45는 고쳐졌다."),
        (
            "Read https://example.org/a-1/b2?x=3 or mail desk@news.example.com.",
            "#1 또는 #2로 메일.",
            "https://example.org/a-1/b2?x=3 또는 desk@news.example.com로 메일.",
        ),
        # A code's letters are spelt: the particle agrees with the last letter's Korean name (에이, 엠).
        ("Officials say 2FA is required.", "관리들은 #1이 필요하다고 말한다.", "관리들은 2FA가 필요하다고 말한다."),
        ("3M sued them.", "#1는 그들을 고소했다.", "3M은 그들을 고소했다."),
        # A Korean particle after Latin letters stays as the model wrote it.
        ("They advanced 10km.", "그들은 #1를 진격했다.", "그들은 10km를 진격했다."),
        ("Call @MerPolCC, tag #MeToo and #2.", "#1에 전화하고 #2와 #3을 태그하라.", "@MerPolCC에 전화하고 #MeToo와 #2를 태그하라."),
        (
            "COVID-19 hit MH17 and G36, not SARS-CoV-2.",
            "#1이 #2와 #3을 쳤다, #4 아니다.",
            "COVID-19가 MH17과 G36을 쳤다, SARS-CoV-2 아니다.",
        ),
    ],
)
def test_versions_addresses_fractions_and_numeric_dates_come_back_as_written(glossary, source, output, expected):
    assert _translated(glossary, source, "ko", output) == expected


def test_a_code_that_starts_with_its_digits_comes_back_as_written(glossary):
    # A bare C is a temperature only where the sentence speaks of the weather; elsewhere "5C" is a code.
    text = "The 777X has 5G, 3D maps and 2FA; Group 5C won at 10PM."
    found = [(h.term_id, h.text) for h in find_figures(text, [])]
    assert found == [(VERBATIM, "777X"), (VERBATIM, "5G"), (VERBATIM, "3D"), (VERBATIM, "2FA"), (VERBATIM, "5C"), (TIME, "10PM")]
    assert [(h.term_id, h.text) for h in find_figures("Highs of 30C are expected.", [])] == [(MEASURE, "30C")]
    assert _translated(glossary, "The airline delayed the 777X.", "uk", "Авіакомпанія затримала #1.") == "Авіакомпанія затримала 777X."


def test_a_number_joined_to_no_or_to_a_page_is_a_figure(glossary):
    text = "Resolution No.202 passed; no.5 seeds, No.1. Version No.2.1 and Nos.5 are not."
    assert [h.text for h in find_figures(text, [])] == ["202", "5", "1"]
    # A page ("Colvin, p.155"), kept as cited: the models dropped the number, or the "p." («.349»).
    text = "Howell James, p.349 and Colvin, pp.155-160, at 5 p.m."
    assert [(h.term_id, h.text) for h in find_figures(text, [])] == [(VERBATIM, "p.349"), (VERBATIM, "pp.155-160"), (TIME, "5 p.m")]
    assert _translated(glossary, "Resolution No.202 passed.", "ru", "Резолюция № #1 принята.") == "Резолюция № 202 принята."


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # ko 10.0 took counts for ages: «4억 6000만세의» for "460 million cards".
        ("Some 460 million cards were sold.", "#1세의 카드가 판매되었다.", "4억 6000만의 카드가 판매되었다."),
        ("Carey went over 1,000 yards.", "케리는 #1세 야드를 넘었다.", "케리는 1,000 야드를 넘었다."),
        # An age the English gives stays.
        ("The 45-year-old man was arrested.", "#1세의 남자가 체포되었다.", "45세의 남자가 체포되었다."),
        ("He died aged 45.", "그는 #1세에 죽었다.", "그는 45세에 죽었다."),
        ("The man, 45, was arrested.", "#1세 남자가 체포되었다.", "45세 남자가 체포되었다."),
    ],
)
def test_a_korean_count_is_no_age_unless_the_english_says_so(glossary, source, output, expected):
    assert _translated(glossary, source, "ko", output) == expected


def test_a_placeholder_glued_to_a_word_is_still_the_placeholder(glossary):
    # uk 10.0 wrote «ГГГА#1»: the literal "#1" stayed and 600 was put beside it.
    source = "The office overspent by as much as GH¢600 (about $300m)."
    output = "Президентство перевитратило ГГГА#1 (близько #2)."
    assert _translated(glossary, source, "uk", output) == f"Президентство перевитратило ГГГА 600 (близько 300{NBSP}млн{NBSP}доларів США)."


def test_an_english_word_glued_after_a_placeholder_is_set_apart(glossary):
    # uk 10.0 wrote «#1loan»: the amount ran into the word the model left in English.
    output = "Щоб обговорити #1loan."
    assert _translated(glossary, "To discuss a $2.5 billion loan.", "uk", output) == f"Щоб обговорити 2,5{NBSP}млрд{NBSP}доларів США loan."


def test_a_score_is_kept_as_written(glossary):
    text = "Ireland managed an easy 1:1 (1:0), a 4:2:4 split, at 10:30."
    assert [(h.term_id, h.text) for h in find_figures(text, [])] == [
        (VERBATIM, "1:1"),
        (VERBATIM, "1:0"),
        (VERBATIM, "4:2:4"),
        (TIME, "10:30"),
    ]
    source = "Nani raised the lead to 2:0 from the 25 metre line."
    assert (
        _translated(glossary, source, "ko", "나니는 #1으로 #2미터 라인에서 리드를 올렸다.")
        == "나니는 2:0으로 25미터 라인에서 리드를 올렸다."
    )


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # A vote's tally: the models wrote «219 до 213», from 219 to 213, and a year word after it.
        (
            "The bill passed by a vote of 219 to 213.",
            "ru",
            "Законопроект прошёл голосом #1.",
            "Законопроект прошёл голосом 219 против 213.",
        ),
        (
            "The Senate voted 52-48 on Tuesday.",
            "uk",
            "Сенат проголосував #1 року у вівторок.",
            "Сенат проголосував 52 проти 48 у вівторок.",
        ),
        ("The House voted 425 to 2.", "ko", "하원은 #1로 투표했다.", "하원은 425 대 2로 투표했다."),
    ],
)
def test_a_vote_s_tally_is_written_as_the_language_writes_one(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected
    # Not a share after "vote".
    assert TALLY not in [h.term_id for h in find_figures("He expects a vote of 60 to 70 percent.", [])]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Officials said 500 to 600 people were evacuated.", [(RANGE, "500 to 600")]),
        ("Between 2,000 and 3,000 soldiers were deployed.", [(RANGE, "Between 2,000 and 3,000")]),
        ("It faces between 3 to 7 years in prison.", [(RANGE, "between 3 to 7")]),
        ("It will affect 5 to 10 million people.", [(RANGE, "5 to 10 million")]),
        ("Some 500,000 to 1.5 million people fled.", [(RANGE, "500,000 to 1.5 million")]),
        ("Prices rose 10 to 15 percent.", [(RANGE, "10 to 15")]),
        ("HP expects to cut 25,000 to 30,000 jobs.", [(RANGE, "25,000 to 30,000")]),
        ("He was sentenced to 5 to 10 years.", [(RANGE, "5 to 10")]),
        ("It rose from 10 to 12 to 15.", [(NUMBER, "10"), (NUMBER, "12"), (NUMBER, "15")]),
        ("The ratio is changing to 17 to 23.", [(NUMBER, "17"), (NUMBER, "23")]),
        # A percent after both numbers: the first's is the range's, the last's stays for the model.
        ("Support fell to between 20% and 25%.", [(RANGE, "between 20% and 25")]),
        ("It stood at 10 percent to 12 percent.", [(RANGE, "10 percent to 12")]),
        ("It was 10% to 12 people.", [(NUMBER, "10"), (NUMBER, "12")]),
        # A change from one amount to another, not a range: the models keep its words.
        ("The Dow fell 189.02 to 7,683.13, a low.", [(NUMBER, "189.02"), (NUMBER, "7,683.13")]),
        ("Jobless claims rose by 10,000 to 1.82 million.", [(NUMBER, "10,000"), (NUMBER, "1.82 million")]),
        ("The index rose 3 to 980.59 on Friday.", [(NUMBER, "3"), (NUMBER, "980.59")]),
        ("Sales grew from 59 000 to 46 000 units.", [(NUMBER, "59 000"), (NUMBER, "46 000")]),
        ("Porting apps from Django 0.96 to 1.0 is easy.", [(NUMBER, "0.96"), (NUMBER, "1.0")]),
        # Years, and a score whose first number is the larger.
        ("Sales fell between 2007 and 2011.", [(NUMBER, "2007"), (NUMBER, "2011")]),
        ("They won 3 to 1 at home.", [(NUMBER, "3"), (NUMBER, "1")]),
        # Money: one currency, the same rules.
        ("It will cost $5 to $10 million.", [(MONEY, "$5 to $10 million")]),
        ("Damage is between $2 billion and $3 billion.", [(MONEY, "between $2 billion and $3 billion")]),
        ("The firm lost £3m-£4m.", [(MONEY, "£3m-£4m")]),
        ("It costs $5 to €10.", [(MONEY, "$5"), (MONEY, "€10")]),
        ("TI climbed $1.37 to $19.25 yesterday.", [(MONEY, "$1.37"), (MONEY, "$19.25")]),
        ("Prices rose from $5 to $10.", [(MONEY, "$5"), (MONEY, "$10")]),
    ],
)
def test_a_range_of_numbers_is_one_figure_and_a_change_is_two(text, figures):
    assert [(h.term_id, h.text) for h in find_figures(text, [])] == figures


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # The Russian model dropped a range's end («#1 образовательных учреждений»), then it was
        # put back beside the other («600 500»); the Korean one swapped them («15로 10%»).
        (
            "Officials said 500 to 600 people were evacuated.",
            "ru",
            "Чиновники сказали, что #1 человек были эвакуированы.",
            "Чиновники сказали, что 500–600 человек были эвакуированы.",
        ),
        # The last number governs the noun.
        ("The army sent 2 to 4 soldiers.", "ru", "Армия отправила #1 солдат.", "Армия отправила 2–4 солдата."),
        # A change by a range of percentages takes the preposition of "by".
        ("Prices rose 10 to 15 percent.", "uk", "Ціни зросли #1 відсотків.", "Ціни зросли на 10–15 відсотків."),
        ("Between 2,000 and 3,000 soldiers were deployed.", "ko", "#1 군인들이 배치되었다.", "2,000~3,000명의 군인들이 배치되었다."),
        ("Support fell to between 20% and 25%.", "ru", "Поддержка упала до #1%.", "Поддержка упала до 20–25%."),
        # A year that is a deadline takes its preposition and year word (the models wrote «на 2027»,
        # «За 2025», in or for, or nothing).
        (
            "The EU wants to end Russian gas imports by 2027.",
            "ru",
            "ЕС хочет прекратить импорт газа на #1.",
            "ЕС хочет прекратить импорт газа к 2027 году.",
        ),
        (
            "By 2025 the army will have 500,000 soldiers.",
            "uk",
            "За #1 армія матиме #2 солдатів.",
            f"До 2025 року армія матиме 500{NBSP}000 солдатів.",
        ),
        (
            "The plant should be rebuilt by 2026.",
            "ru",
            "Завод должен быть восстановлен #1 года.",
            "Завод должен быть восстановлен к 2026 году.",
        ),
        # A ratio's denominator takes the preposition of a ratio, and what follows is in the
        # genitive plural (the models wrote «1 в 4 домах», «одна в 10»).
        (
            "Officials said 1 in 4 homes were damaged.",
            "ru",
            "Чиновники сказали, что #1 в #2 домов повреждены.",
            "Чиновники сказали, что 1 из 4 домов повреждены.",
        ),
        ("One in 10 Ukrainians has left.", "uk", "Один в #1 українців виїхав.", "Один з 10 українців виїхав."),
        (
            "Officials said 1 in 4 homes were damaged.",
            "ko",
            "당국은 #1의 집이 피해를 입었다고 말했다.",
            "당국은 4분의 1의 집이 피해를 입었다고 말했다.",
        ),
        # A multiple takes its preposition (the models wrote «3 раза быстрее», «на 3 рази»), but not
        # after «более», which wants «более чем в».
        ("Prices rose 3 times faster than wages.", "ru", "Цены выросли #1 раза быстрее зарплат.", "Цены выросли в 3 раза быстрее зарплат."),
        ("Prices rose 3 times faster than wages.", "uk", "Ціни зросли на #1 рази швидше.", "Ціни зросли в 3 рази швидше."),
        (
            "Smokers were 1.4 times more likely to die.",
            "ru",
            "Курильщики были более #1 раза вероятнее.",
            "Курильщики были более 1,4 раза вероятнее.",
        ),
        # The amount a change starts from takes the particle of "from", the level before it not
        # (the model wrote «4.1%로 4.3% 하락했다», fell by 4.3%, and «4.38%에서 4.30%에서»).
        ("It fell to 4.1 percent, down from 4.3 percent.", "ko", "#1%로 #2% 하락했다.", "4.1%로 4.3%에서 하락했다."),
        (
            "The yield was 4.38 percent, up from 4.30 percent.",
            "ko",
            "수익률은 #1%에서 #2%를 기록했다.",
            "수익률은 4.38%로 4.30%에서 기록했다.",
        ),
        # A count of times is no ordinal (the model wrote «35번째로», the 35th), a multiple takes 배.
        ("Kherson was shelled 35 times.", "ko", "헤르손은 #1번째로 포격을 받았다.", "헤르손은 35번 포격을 받았다."),
        (
            "Prices rose 3 times faster than wages.",
            "ko",
            "물가는 임금보다 #1 번 더 빠르게 올랐다.",
            "물가는 임금보다 3배 더 빠르게 올랐다.",
        ),
        ("It is 5 times the number of CPUs.", "ko", "CPU 수의 #1 번입니다.", "CPU 수의 5배입니다."),
        # An age after "aged" takes Korean's counter of years of age (the model wrote «18~60이»).
        ("Men aged 18 to 60 cannot leave.", "ko", "#1이 떠날 수 없다.", "18~60세가 떠날 수 없다."),
        (
            "By the age of 13, most have 28 teeth.",
            "ko",
            "#1의 나이에, 대부분 #2개의 치아가 있다.",
            "13세의 나이에, 대부분 28개의 치아가 있다.",
        ),
        (
            "They plan to cut 5 to 10 million jobs.",
            "ko",
            "그들은 #1개의 일자리를 줄일 계획이다.",
            "그들은 500만~1000만개의 일자리를 줄일 계획이다.",
        ),
    ],
)
def test_a_range_is_written_as_the_language_writes_one(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


@pytest.mark.parametrize(
    ("source", "ru", "uk", "ko"),
    [
        # "$5 to $10 million" is from five million: the models wrote «5 $ до 10 млн $», five dollars.
        ("$5 to $10 million", f"5–10{NBSP}млн{NBSP}$", f"5–10{NBSP}млн{NBSP}доларів США", "US$500만~1000만"),
        ("between $2 billion and $3 billion", f"2–3{NBSP}млрд{NBSP}$", f"2–3{NBSP}млрд{NBSP}доларів США", "US$20억~30억"),
        ("between $10.40 and $10.90", f"10,40–10,90{NBSP}$", f"10,40–10,90{NBSP}долара США", "US$10.40~10.90"),
        (
            "$500,000 to $1 million",
            f"500{NBSP}000{NBSP}$–1{NBSP}млн{NBSP}$",
            f"500{NBSP}000{NBSP}доларів США–1{NBSP}млн{NBSP}доларів США",
            "US$500,000~100만",
        ),
    ],
)
def test_a_range_of_money_names_its_currency_and_shared_scale_once(source, ru, uk, ko):
    (hit,) = find_figures(source, [])
    assert [render(hit, lang) for lang in ("ru", "uk", "ko")] == [ru, uk, ko]
    # The number check reads the first amount with the shared scale or without it.
    for lang, written in (("ru", ru), ("uk", uk), ("ko", ko)):
        assert list(checks.number_findings(f"It cost {source}.", f"{written}.")) == [], lang


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        # A code in the plural is written in the singular, as the languages write it («истребители
        # F-16», «B-29 전폭기»; the models copied «F-16s»); not a name's last letter.
        ("Ukraine received its first F-16s.", "F-16"),
        ("It ordered 31 Airbus A350s.", "A350"),
        ("BLAKE2s is a hash.", "BLAKE2s"),
    ],
)
def test_a_code_in_the_plural_is_written_in_the_singular(text, rendered):
    (hit,) = [h for h in find_figures(text, []) if h.term_id == VERBATIM]
    assert [render(hit, lang) for lang in ("ru", "uk", "ko")] == [rendered] * 3


def test_a_year_after_the_end_of_is_a_year():
    """Korean news writes it with 년 («2025년 말»; the model wrote «2025의 끝에»)."""
    assert [(h.term_id, h.text) for h in find_figures("It will end by the end of 2025.", [])] == [(YEAR, "2025")]
    assert [(h.term_id, h.text) for h in find_figures("In the first half of 2024, it grew.", [])] == [(YEAR, "2024")]
    assert [h.term_id for h in find_figures("He was in command of 1500 soldiers.", [])] == [NUMBER]


def test_a_number_sign_of_the_source_is_no_placeholder(glossary):
    """ "#2" written in the source once took the place of the second figure: the year was lost."""
    source = "The song reached #2 on the charts in 1985 and #10 in 1986."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    seg.figures = find_figures(source, [])
    script = {"The song reached #1 on the charts in #2 and #3 in #4.": ["Песня достигла #1 в чартах в #2 году и #3 в #4."]}
    translate_segments([seg], ScriptedEngine(script), glossary, "ru")
    assert seg.target("ru").text == "Песня достигла #2 в чартах в 1985 году и #10 в 1986."


@pytest.mark.parametrize(
    ("lang", "output", "expected"),
    [
        ("ru", "Его арестовали на #1.", f"Его арестовали в 2{NBSP}ночи."),
        ("ru", "На #1 его арестовали.", f"В 2{NBSP}ночи его арестовали."),
        ("uk", "Його заарештували на #1.", f"Його заарештували о 2{NBSP}ночі."),
        ("uk", "Його заарештували у #1.", f"Його заарештували о 2{NBSP}ночі."),
        ("ru", "Его арестовали к #1.", f"Его арестовали к 2{NBSP}ночи."),
    ],
)
def test_a_clock_time_takes_the_preposition_the_language_uses_for_at(glossary, lang, output, expected):
    assert _translated(glossary, "He was arrested at 2am.", lang, output) == expected
    assert _translated(glossary, "The talks moved to 2am.", "ru", "Переговоры перенесли на #1.") == f"Переговоры перенесли на 2{NBSP}ночи."


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        ("The quake had a magnitude of 6.8.", "Землетрясение имело магнитуду #1 года.", "Землетрясение имело магнитуду 6,8."),
        ("It passed by 52 votes to 48.", "Он прошёл #1 голосами в #2 году.", "Он прошёл 52 голосами в 48."),
        ("The boy was 2 years old.", "Мальчику было #1 года.", "Мальчику было 2 года."),
        ("It passed in 2023.", "Он прошёл в #1 году.", "Он прошёл в 2023 году."),
        ("The drone flew at 120 km/h.", "Дрон летел в #1 году.", f"Дрон летел в 120{NBSP}км/ч."),
    ],
)
def test_a_year_word_after_a_number_that_is_no_year_is_dropped(glossary, source, output, expected):
    assert _translated(glossary, source, "ru", output) == expected


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        ("Prices fell since July 1986.", "ru", "Цены падали с #1 года.", f"Цены падали с июля 1986{NNBSP}г."),
        ("Prices fell in July 1986.", "ru", "Цены падали в #1.", f"Цены падали в июле 1986{NNBSP}г."),
        ("Prices fell in July 1986.", "uk", "Ціни падали у #1 році.", f"Ціни падали у липні 1986{NNBSP}р."),
        ("July 1986 was hot.", "uk", "#1 був спекотним.", f"Липень 1986{NNBSP}р. був спекотним."),
        ("It ends by July 2024.", "ru", "Это кончится к #1.", f"Это кончится к июлю 2024{NNBSP}г."),
        ("It ends by July 2024.", "uk", "Це скінчиться до #1.", f"Це скінчиться до липня 2024{NNBSP}р."),
        ("Fighting grew in early March 2022.", "ru", "Бои выросли в начале #1.", f"Бои выросли в начале марта 2022{NNBSP}г."),
        ("Talks were held before June 2021.", "ru", "Переговоры прошли до #1.", f"Переговоры прошли до июня 2021{NNBSP}г."),
        ("Prices fell in July 1986.", "ko", "가격은 #1월에 떨어졌다.", "가격은 1986년 7월에 떨어졌다."),
        ("Prices fell in July 1986.", "ko", "가격은 #1을 떨어졌다.", "가격은 1986년 7월을 떨어졌다."),
        # Lower-case "may" is a verb: no month.
        ("Prices may 2023 fall.", "ru", "Цены могут #1 упасть.", "Цены могут 2023 упасть."),
        ("He was arrested in October of 2013.", "ko", "그는 #1에 체포되었다.", "그는 2013년 10월에 체포되었다."),
        # A month alone, after a word that makes it one.
        ("Opinion has turned since November.", "ru", "Мнение изменилось с #1.", "Мнение изменилось с ноября."),
        ("Opinion has turned since November.", "ko", "의견은 #1 이후 바뀌었다.", "의견은 11월 이후 바뀌었다."),
        ("Prices fell in February.", "uk", "Ціни впали у #1.", "Ціни впали у лютому."),
        ("Prices fell in February.", "ko", "가격은 #1월에 떨어졌다.", "가격은 2월에 떨어졌다."),
        ("Since last March, prices fell.", "ru", "С последнего #1 цены упали.", "С последнего марта цены упали."),
    ],
)
def test_a_month_of_a_year_is_written_in_the_case_its_place_asks(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


@pytest.mark.parametrize(
    ("lang", "output", "expected"),
    [
        ("ru", "Цены росли в #1-х годах.", "Цены росли в 1990-х годах."),
        ("ru", "Цены росли в #1-е годы.", "Цены росли в 1990-е годы."),
        ("ru", "Цены росли в #1 году.", "Цены росли в 1990-х."),
        ("uk", "Ціни росли у #1 році.", "Ціни росли у 1990-х."),
        ("ko", "가격은 #1년에 올랐다.", "가격은 1990년대에 올랐다."),
        ("ko", "가격은 #1년대에 올랐다.", "가격은 1990년대에 올랐다."),
        ("ko", "가격은 #1을 올랐다.", "가격은 1990년대를 올랐다."),
    ],
)
def test_a_decade_keeps_one_ending_and_no_year_word(glossary, lang, output, expected):
    assert _translated(glossary, "Prices rose in the 1990s.", lang, output) == expected


def test_two_digit_decades_after_a_word_that_makes_them_one_are_decades_or_ages():
    text = "Hits of the late 60s and the '80s; a man in his 80s, victims in their 20s and 30s; highs near 80s."
    hits = find_figures(text, [])
    assert [(h.term_id, h.text) for h in hits] == [
        (DECADE, "60s"),
        (DECADE, "'80s"),
        (AGE, "80s"),
        (AGE, "20s"),
        (AGE, "30s"),
    ]
    assert [[render(h, lang) for h in hits] for lang in ("ru", "uk", "ko")] == [
        ["60-х", "80-х", "80-х", "20-х", "30-х"],
        ["60-х", "80-х", "80-х", "20-х", "30-х"],
        # Korean: a decade of years 년대, an age 대 (the model wrote «80년», «20개와 30분»).
        ["60년대", "80년대", "80대", "20대", "30대"],
    ]


@pytest.mark.parametrize(
    ("lang", "output", "expected"),
    [
        ("ko", "그의 #1년과 그녀의 #2명이 사망했다.", "그의 80대와 그녀의 70대가 사망했다."),
        ("ru", "Мужчина в возрасте #1 и женщина #2 умерли.", "Мужчина в возрасте 80-х и женщина 70-х умерли."),
    ],
)
def test_an_age_in_decades_keeps_no_year_word_and_takes_its_particle(glossary, lang, output, expected):
    assert _translated(glossary, "A man in his 80s and a woman in her 70s died.", lang, output) == expected


@pytest.mark.parametrize(
    ("lang", "output", "expected"),
    [
        ("ru", "Войска прибыли #1 года.", "Войска прибыли 23 октября."),
        ("uk", "Війська прибули #1 року.", "Війська прибули 23 жовтня."),
        ("uk", "Війська прибули у #1 році.", "Війська прибули 23 жовтня."),
        ("ru", "Войска прибыли в #1.", "Войска прибыли 23 октября."),
        ("ru", "В #1 прибыли войска.", "23 октября прибыли войска."),
        ("ru", "Войска прибыли к #1.", "Войска прибыли к 23 октября."),
        # «на» is the model's word for the English "on": a date takes no preposition.
        ("ru", "Войска прибыли на #1.", "Войска прибыли 23 октября."),
        ("uk", "Війська прибули на #1.", "Війська прибули 23 жовтня."),
        ("ko", "군대는 #1년 도착했다.", "군대는 10월 23일 도착했다."),
        ("ko", "군대는 #1명의 도착했다.", "군대는 10월 23일의 도착했다."),
        ("ko", "군대는 #1년에 도착했다.", "군대는 10월 23일에 도착했다."),
        ("ko", "군대는 #1월에 도착했다.", "군대는 10월 23일에 도착했다."),
        ("ko", "군대는 #1 명을 도착했다.", "군대는 10월 23일을 도착했다."),
        ("ru", "Войска прибыли #1 годовщину.", "Войска прибыли 23 октября годовщину."),
    ],
)
def test_a_year_word_after_a_date_and_a_preposition_before_it_are_dropped(glossary, lang, output, expected):
    assert _translated(glossary, "The troops arrived on October 23.", lang, output) == expected


@pytest.mark.parametrize(
    ("lang", "output", "expected"),
    [
        ("ru", "Перемирие началось #1.", "Перемирие началось 3 ноября 2024\u202fг."),
        ("ko", "휴전은 #1 시작되었다.", "휴전은 2024년 11월 3일 시작되었다."),
    ],
)
def test_a_date_ending_a_sentence_with_an_abbreviation_has_one_full_stop(glossary, lang, output, expected):
    assert _translated(glossary, "The ceasefire began on Nov. 3, 2024.", lang, output) == expected


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        ("Leaders met from July 9 to 11.", "ru", "Лидеры встретились в #1.", "Лидеры встретились 9—11 июля."),
        ("Leaders met between 9 and 11 July.", "uk", "Лідери зустрілися #1.", "Лідери зустрілися 9–11 липня."),
        ("Leaders met on July 9-11.", "ko", "지도자들은 #1에 만났다.", "지도자들은 7월 9일\u2009–\u200911일에 만났다."),
        ("Leaders met on July 9-11, 2024.", "ko", "지도자들은 #1년에 만났다.", "지도자들은 2024년 7월 9일~11일에 만났다."),
        # With a year, the months in full where CLDR has no such interval (it wrote «9–11 июл. 2024 г.»).
        ("Leaders met on July 9-11, 2024.", "ru", "Лидеры встретились #1.", f"Лидеры встретились 9—11 июля 2024{NNBSP}г."),
        # Days of two months; with a year, two dates.
        ("The Games ran from 26 July to 11 August.", "ko", "경기는 #1에 열렸다.", "경기는 7월 26일\u2009–\u20098월 11일에 열렸다."),
        ("The Games ran from 26 July to 11 August.", "uk", "Ігри тривали з #1.", "Ігри тривали 26 липня — 11\u2009серпня."),
        ("The Games ran July 26 to August 11, 2024.", "ru", "Игры шли #1 до #2.", f"Игры шли 26 июля до 11 августа 2024{NNBSP}г."),
        # Two days, not a span: each its own figure.
        ("Leaders met on July 9 and 11.", "ru", "Лидеры встретились #1 и #2.", "Лидеры встретились 9 июля и 11."),
    ],
)
def test_a_span_of_days_is_written_as_the_language_writes_one(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


def test_a_date_keeps_the_preposition_of_a_deadline(glossary):
    assert (
        _translated(glossary, "The vote was moved to October 23.", "ru", "Голосование перенесли на #1.")
        == "Голосование перенесли на 23 октября."
    )


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        ("Officers came shortly before 2.25pm.", "ru", "Офицеры прибыли незадолго до #1 года.", "Офицеры прибыли незадолго до 14:25."),
        ("He served in 1952-53.", "ru", "Он служил в #1 годах.", "Он служил в 1952—1953 годах."),
        ("He served in 1952-53.", "ko", "그는 #1년에 복무했다.", "그는 1952년 ~ 1953년에 복무했다."),
    ],
)
def test_a_year_word_goes_after_a_time_and_where_the_span_of_years_has_one(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


def test_emoji_and_bidirectional_runs_come_back_as_they_were(glossary):
    """The models drop emoji and garble text inside bidi controls: both go through as placeholders."""
    source = "He wrote \u202bשלום\u202c on the wall 🎉 👍🏽."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    seg.figures = find_figures(source, [])
    assert [h.text for h in seg.figures] == ["\u202bשלום\u202c", "🎉", "👍🏽"]
    translate_segments([seg], ScriptedEngine({"He wrote #1 on the wall #2 #3.": ["Он написал #1 на стене #2 #3."]}), glossary, "ru")
    assert seg.target("ru").text == "Он написал \u202bשלום\u202c на стене 🎉 👍🏽."


@pytest.mark.parametrize(
    ("lang", "output", "expected"),
    [
        ("ru", "Сделка стоит #1 долларов.", f"Сделка стоит 5{NBSP}млн{NBSP}$."),
        ("ru", "Сделка стоит $#1.", f"Сделка стоит 5{NBSP}млн{NBSP}$."),
        ("uk", "Угода коштує #1 доларів США.", f"Угода коштує 5{NBSP}млн{NBSP}доларів США."),
        ("ko", "거래는 #1달러의 가치가 있다.", "거래는 US$500만의 가치가 있다."),
        ("ko", "그는 #1를 받았다.", "그는 US$500만을 받았다."),
        ("ko", "그는 #1명을 받았다.", "그는 US$500만을 받았다."),
        ("ko", "그는 #1일을 받았다.", "그는 US$500만을 받았다."),
    ],
)
def test_an_amount_names_its_currency_once(glossary, lang, output, expected):
    assert _translated(glossary, "The deal is worth $5 million.", lang, output) == expected


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # The sample article's count, in the genitive after «около» as after any "many" count.
        ("It positioned around 50,000 troops.", "ru", "Она разместила около #1 войска.", f"Она разместила около 50{NBSP}000 войск."),
        (
            "They sent 5,000 North Korean soldiers.",
            "ru",
            "Они отправили #1 северокорейские солдаты.",
            f"Они отправили 5{NBSP}000 северокорейских солдат.",
        ),
        ("They sent 5,000 North Korean soldiers.", "uk", "Вони відправили #1 солдати.", f"Вони відправили 5{NBSP}000 солдатів."),
        ("The quarantine lasted 24 days.", "ru", "Карантин длился #1 дней.", "Карантин длился 24 дня."),
        ("I quit drinking 2 years ago.", "uk", "Я кинув пити #1 років тому.", "Я кинув пити 2 роки тому."),
        ("It grew by 1.2 million people.", "ru", "Оно выросло на #1 люди.", f"Оно выросло на 1,2{NBSP}млн людей."),
        ("A section of 6.2 miles.", "ru", "Участок в #1 миль.", "Участок в 6,2 мили."),
        ("It rose 141 percent.", "ru", "Он вырос на #1 процентов.", "Он вырос на 141 процент."),
        ("It rose more than 141 percent.", "ru", "Он вырос более чем на #1 процентов.", "Он вырос более чем на 141 процент."),
        ("It ends within 24 hours.", "ru", "Это закончится в течение #1 часа.", "Это закончится в течение 24 часов."),
        ("It ends within 24 hours.", "uk", "Це закінчиться протягом #1 години.", "Це закінчиться протягом 24 годин."),
        ("I had 1 problem.", "ru", "У меня была #1 проблем.", "У меня была 1 проблема."),
        ("They saw 101 drones.", "ru", "Они видели #1 дронов.", "Они видели 101 дрон."),
        # «лет» after a count, not «годов» (the decades' form); nor the rare «лёт» for "one".
        ("It will cost more over 10 years.", "ru", "Это будет стоить больше через #1 годов.", "Это будет стоить больше через 10 лет."),
        ("It lasted 21 years.", "ru", "Это длилось #1 лет.", "Это длилось 21 год."),
        # The Ukrainian dictionary marks no singular: «21 рік».
        ("It lasted 21 years.", "uk", "Це тривало #1 років.", "Це тривало 21 рік."),
        # The model's regularised plural, read by the dictionary only as a surname (Солдатов).
        ("They sent 5,000 soldiers.", "ru", "Они отправили #1 солдатов.", f"Они отправили 5{NBSP}000 солдат."),
        ("It took 1 week.", "ru", "Это заняло #1 неделю.", "Это заняло 1 неделю."),
        # Left as the model wrote them: a case a preposition governs, a year, a label, a verb, no noun.
        ("He wrote to 5 soldiers.", "ru", "Он написал к #1 солдатам.", "Он написал к 5 солдатам."),
        ("In 2011 voters chose him.", "ru", "В #1 году избиратели выбрали его.", "В 2011 году избиратели выбрали его."),
        ("Article 5 of the treaty applies.", "ru", "Статья #1 договора действует.", "Статья 5 договора действует."),
        ("16 out of 34 states agreed.", "ru", "#1 из #2 штатов согласились.", "16 из 34 штатов согласились."),
        ("5 soldiers arrived.", "ru", "#1 военных прибыли.", "5 военных прибыли."),
        ("The 4 were left.", "ru", "#1 остались.", "4 остались."),
    ],
)
def test_the_words_a_count_governs_agree_with_it(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


@pytest.mark.parametrize(
    ("lang", "output", "expected", "form"),
    [
        ("ru", "Они отправили #1 #2 солдаты.", f"Они отправили 5{NBSP}000 северокорейских солдат.", "северокорейских"),
        ("uk", "Вони відправили #1 #2 солдати.", f"Вони відправили 5{NBSP}000 північнокорейських солдатів.", "північнокорейських"),
        ("uk", "Вони відправили #1 #2 солдатів.", f"Вони відправили 5{NBSP}000 північнокорейських солдатів.", "північнокорейських"),
        # A noun form the dictionary only guesses («солдатків»), already in the count's case: the term follows it.
        ("uk", "Вони відправили #1 #2 солдатків.", f"Вони відправили 5{NBSP}000 північнокорейських солдатків.", "північнокорейських"),
    ],
)
def test_a_count_governs_the_glossary_term_after_it_and_its_noun(glossary, lang, output, expected, form):
    source = "They sent 5,000 North Korean soldiers."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1, terms=terms.match_terms(source, glossary))
    seg.figures = find_figures(source, seg.terms)
    translate_segments([seg], ScriptedEngine({"They sent #1 #2 soldiers.": [output]}), glossary, lang)
    assert seg.target(lang).text == expected
    assert [r.form for r in seg.target(lang).terms] == [form]


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        ("It happened in the 21st century.", "ru", "Это случилось в 21-го веке.", "Это случилось в 21-м веке."),
        ("He lives on the 12th floor.", "ru", "Он живёт на #1 этаже.", "Он живёт на 12-м этаже."),
        ("It passed on its 3rd reading.", "ru", "Он прошёл в #1 чтение.", "Он прошёл в 3-е чтение."),
        ("He met the 47th president.", "ru", "Он встретил #1-й президента.", "Он встретил 47-го президента."),
        ("It happened in the 21st century.", "uk", "Це сталося у 21-го віці.", "Це сталося у 21-му віці."),
        ("The 5th army moved north.", "uk", "#1 армія рушила на північ.", "5-а армія рушила на північ."),
        # Endings that fit some reading stay; a plural only for a plural English noun; a count is no ordinal.
        ("The 4th time.", "ru", "#1 раз.", "4-й раз."),
        ("His 3rd visit.", "uk", "Його #1 повідомлень.", "Його 3-й повідомлень."),
        ("The 5th and 6th centuries.", "ru", "5-й и 6-й века.", "5-й и 6-е века."),
        ("The 6th century.", "ru", "6-й века.", "6-го века."),
        ("He saw 3 soldiers.", "ru", "Он видел #1-х солдатах.", "Он видел 3-х солдатах."),
        # Korean writes the ordinal with 번째, once; a counter the model glued to the number goes.
        ("He addressed the 16th Meeting.", "ko", "그는 #1 회의에서 연설했다.", "그는 16번째 회의에서 연설했다."),
        ("He addressed the 16th Meeting.", "ko", "그는 #1번째 회의에서 연설했다.", "그는 16번째 회의에서 연설했다."),
        # Before a noun its news writes with a counter of its own, with that counter; the model's
        # word for the noun, the usual ending or a counter after it go, a particle stays (re-fitted).
        ("She took 17th place.", "ko", "그녀는 #1번째 자리를 차지했다.", "그녀는 17위를 차지했다."),
        ("She took 17th place.", "ko", "그녀는 #1명을 차지했다.", "그녀는 17위를 차지했다."),
        ("He scored in the 74th minute.", "ko", "그는 #1minute에서 득점했다.", "그는 74분에서 득점했다."),
        ("He scored in the 74th minute.", "ko", "그는 #1분에 득점했다.", "그는 74분에 득점했다."),
        ("It marks the 75th anniversary of the war.", "ko", "전쟁의 #1 기념일을 기념한다.", "전쟁의 75주년 기념일을 기념한다."),
        ("He was found on the 16th day.", "ko", "그는 #1일에 발견됐다.", "그는 16일째에 발견됐다."),
        # A word that only begins like the noun's stays («분석», analysis).
        ("She finished 17th place.", "ko", "그녀는 #1 분석을 마쳤다.", "그녀는 17위 분석을 마쳤다."),
        ("He scored in the 74th minute.", "ru", "Он забил на #1 минуте.", "Он забил на 74-й минуте."),
    ],
)
def test_an_ordinal_in_digits_ends_as_the_word_after_it_asks(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # The Korean stand-in's outputs on held-out news: news it learnt from writes the day of the
        # month for a weekday, and it invents one.
        (
            "At least 384 people were killed, authorities said on Saturday.",
            "적어도 #1명이 사망했고, 8일(현지시간) 당국은 밝혔다.",
            "적어도 384명이 사망했고, 토요일 당국은 밝혔다.",
        ),
        (
            "The final is on 12 July at Wembley Stadium.",
            "결승전은 #1 8일(현지시간) 웸블리 스타디움에서 열린다.",
            "결승전은 7월 12일 웸블리 스타디움에서 열린다.",
        ),
        ("He arrived on Monday and spoke on Monday evening.", "그는 3일(현지시간) 월요일 저녁에 말했다.", "그는 월요일 저녁에 말했다."),
        # A day the source has is no invention.
        ("He said on Oct. 8, a Saturday.", "그는 #1(현지시간) 토요일에 말했다.", "그는 10월 8일(현지시간) 토요일에 말했다."),
    ],
)
def test_a_day_of_the_month_the_model_wrote_for_a_weekday_is_the_weekday(glossary, source, output, expected):
    assert _translated(glossary, source, "ko", output) == expected


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # A placeholder reads to the model as a name: it left out the counter of people.
        (
            "Hezbollah freed the four other prisoners.",
            "헤즈볼라는 #1의 다른 수감자들을 석방했다.",
            "헤즈볼라는 4명의 다른 수감자들을 석방했다.",
        ),
        ("Some 5,000 North Korean soldiers arrived.", "#1 병사가 도착했다.", "5,000명의 병사가 도착했다."),
        ("They sent 8 soldiers.", "그들은 #1 파견했다.", "그들은 8명 파견했다."),
        ("Police arrested five protesters.", "경찰은 #1를 체포했다.", "경찰은 5명을 체포했다."),
        # People the news leaves unnamed before what befell them, with no 의 before it («12명 사망»).
        ("12 killed, 30 wounded in attack", "공격으로 #1 사망, #2 부상", "공격으로 12명 사망, 30명 부상"),
        (
            "At least 12 people were killed and 30 wounded.",
            "최소 #1명이 사망하고 #2이 부상당했다.",
            "최소 12명이 사망하고 30명이 부상당했다.",
        ),
        # A counter the model glued on stays; its word for troops glued on goes after the counter.
        ("Some 50,000 troops were sent.", "#1명을 보냈다.", "50,000명을 보냈다."),
        ("Some 50,000 troops were sent.", "#1군을 보냈다.", "50,000명의 병력을 보냈다."),
        ("Some 50,000 troops were sent.", "#1군이 갔다.", "50,000명의 병력이 갔다."),
        # Things take the counter of their kind: vehicles 대, munitions 발, vessels 척, places 곳,
        # cases 건, buildings 채, animals 마리, items 개; another counter the model wrote apart stays.
        ("It bought 4 tanks carrying soldiers.", "그것은 #1 탱크를 샀다.", "그것은 4대의 탱크를 샀다."),
        ("Russia launched 120 missiles overnight.", "러시아는 #1 미사일을 발사했다.", "러시아는 120발의 미사일을 발사했다."),
        ("More than 50,000 fishing boats returned.", "#1 어선이 돌아왔다.", "50,000척의 어선이 돌아왔다."),
        ("Strikes hit 12 villages.", "공격은 #1 마을을 강타했다.", "공격은 12곳의 마을을 강타했다."),
        ("Microsoft will cut 18,000 jobs.", "마이크로소프트는 #1 일자리를 줄인다.", "마이크로소프트는 18,000개의 일자리를 줄인다."),
        ("The storm destroyed 300 houses.", "폭풍이 #1 개의 집을 파괴했다.", "폭풍이 300 개의 집을 파괴했다."),
        # A model's number in a name, a compound before a singular noun: no count of the noun.
        ("The Mate 9 phones lack it.", "메이트 #1 전화는 그것이 없다.", "메이트 9 전화는 그것이 없다."),
        ("A four wheel drive car is driving.", "#1 드라이브 차가 운전하고 있다.", "4 드라이브 차가 운전하고 있다."),
        # A share of people is no count of them («40명%가»).
        ("Nearly 40 percent of voters backed it.", "유권자들의 #1%가 지지했다.", "유권자들의 40%가 지지했다."),
    ],
)
def test_a_korean_count_takes_the_counter_of_what_it_counts(glossary, source, output, expected):
    assert _translated(glossary, source, "ko", output) == expected


def test_a_count_counts_the_noun_after_the_number():
    text = "It convicted six Bosnians, 4 tanks carrying soldiers, 5,000 North Korean troops and 40 percent of voters."
    counted = {h.text: inflect.counted_kind(text, h) for h in find_figures(text, [])}
    assert counted == {"six": "people", "4": "vehicles", "5,000": "people", "40": ""}
    # A headline capitalises its nouns; elsewhere a capitalised word is a name ("34 House seats").
    for text, kind in (("Israel Fires 40 Rockets Into Gaza", "munitions"), ("Republicans gained 34 House seats.", "")):
        assert [inflect.counted_kind(text, h) for h in find_figures(text, [])] == [kind]


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # 에서 says where, or from where: a day "on" which something happens takes 에.
        ("He was arrested on May 9 in Tambov.", "그는 #1에서 체포되었다.", "그는 5월 9일에 체포되었다."),
        ("The League met again on September 4, 1936.", "리그는 #1에서 다시 만났다.", "리그는 1936년 9월 4일에 다시 만났다."),
        # Without "on" the model's particle stays.
        ("Prices rose from March 3.", "가격은 #1에서 올랐다.", "가격은 3월 3일에서 올랐다."),
    ],
)
def test_a_korean_day_on_which_something_happens_takes_its_own_particle(glossary, source, output, expected):
    assert _translated(glossary, source, "ko", output) == expected


def test_a_russian_count_of_people_takes_no_counter(glossary):
    assert _translated(glossary, "They sent 8 soldiers.", "ru", "Они отправили #1 солдат.") == "Они отправили 8 солдат."


def test_a_day_the_english_spells_out_is_not_an_invented_date(glossary):
    # "ten days" read as a date by the model: the day is the English's, not one it made up.
    source = "The median time was ten days."
    assert _translated(glossary, source, "ko", "중간 시간은 #1일(현지시간)이었다.") == "중간 시간은 10일(현지시간)이었다."


def _translated(glossary, source: str, lang: str, output: str) -> str:
    """``source``, whose figures the pipeline protects into ``lang`` as #1, #2…, through a model
    that answers ``output`` for the protected sentence."""
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    seg.figures = find_figures(source, [])
    protected = source
    for n, hit in reversed(list(enumerate(for_language(seg.figures, lang, source), 1))):
        protected = protected[: hit.start] + f"#{n}" + protected[hit.end :]
    translate_segments([seg], ScriptedEngine({protected: [output]}), glossary, lang)
    return seg.target(lang).text


def _through_the_model(translators, glossary, sources: list[str], lang: str) -> list[str]:
    """``sources`` through the stand-in model for ``lang``, their figures protected."""
    segs = [Segment(id=f"x:p{i}:s1", source=s, paragraph=i, index=1) for i, s in enumerate(sources, 1)]
    for seg in segs:
        seg.figures = find_figures(seg.source, [])
    translate_segments(segs, translators[lang], glossary, lang)
    return [seg.target(lang).text for seg in segs]


def test_counts_spelt_out_come_through_the_korean_model_in_digits(translators, glossary):
    """ko 9.0 alone wrote «5년» for "fifty years", «5분» for "fifteen minutes", «3년» for "thirty
    years" and «3년» for "the past ten years"."""
    sources = {
        "They've been married for nearly fifty years.": "50년",
        "Tom should be here within fifteen minutes.": "15분",
        "She has been working in IMB for thirty years.": "30년",
        "Efforts to eliminate malaria have reduced the number of annual cases by 97% over the past ten years.": "10년",
    }
    outputs = _through_the_model(translators, glossary, list(sources), "ko")
    assert [wanted in out for out, wanted in zip(outputs, sources.values())] == [True] * 4, outputs


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("ru", ["две трети", "пятой части|пятая часть|пятую часть", "три четверти", "пят", "десятки тысяч", "тысячи"]),
        ("uk", ["дві третини", "п'ят", "три чверті", "п'ят", "десятки тисяч", "тисячі"]),
        ("ko", ["3분의 2", "5분의 1", "4분의 3", "5분의 1", "수만", "수천"]),
    ],
)
def test_fractions_come_through_the_models_as_fractions(translators, glossary, lang, wanted):
    """The stand-ins alone wrote «Двое», «Два» and 두 번째 for "two-thirds", «о пятом» and
    «п'ятдесяту» (a fiftieth) for "a fifth", «три quarters» for "three-quarters", 5명의 병사가
    (five soldiers) for "one in five soldiers"."""
    sources = [
        "Two-thirds of Ukrainians support the plan.",
        "Russia occupies about a fifth of Ukraine's territory.",
        "The army lost three-quarters of its tanks.",
        "One in five soldiers was wounded.",
        "Tens of thousands of people fled the city.",
        "Thousands of soldiers crossed the border.",
    ]
    outputs = _through_the_model(translators, glossary, sources, lang)
    # A fraction in any case its place may take ("|" between them).
    assert [any(form in out.lower() for form in w.split("|")) for w, out in zip(wanted, outputs)] == [True] * 6, outputs


def test_an_age_spelt_out_comes_through_the_korean_model_in_digits(translators, glossary):
    """ko 9.0 alone wrote «6자» for "in his sixties", «7명의 속성» for "in her seventies" and
    dropped "in their twenties and thirties"."""
    sources = {
        "He was in his sixties.": ["60대"],
        "The victim, a woman in her seventies, was taken to hospital.": ["70대"],
        "Most of the volunteers are in their twenties and thirties.": ["20대", "30대"],
    }
    outputs = _through_the_model(translators, glossary, list(sources), "ko")
    assert [all(w in out for w in wanted) for wanted, out in zip(sources.values(), outputs)] == [True] * 3, outputs
    assert [f.code for source, out in zip(sources, outputs) for f in checks.number_findings(source, out)] == []


def test_an_age_spelt_out_is_left_to_languages_that_spell_it():
    text = "She is in her late sixties; he is in his 60s."
    hits = find_figures(text, [])
    assert [h.text for h in for_language(hits, "ru", text)] == ["60s"]
    assert [render(h, "ko") for h in for_language(hits, "ko", text)] == ["60대", "60대"]


@pytest.mark.parametrize("lang", ["ru", "uk", "ko"])
def test_the_figures_of_news_sentences_come_through_the_models(package_dir, lang):
    """tests/data/figures.txt through the stand-ins: 0.6.0 lost figures in 3, 2 and 8 of its 48 sentences."""
    from quality.figures import missed

    found = missed(lang)
    assert len(found) <= 1, found


def test_a_translation_with_a_number_the_model_made_up_gives_way_to_an_alternative_without_one(glossary):
    source = "The group opened 220 shops."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    seg.figures = find_figures(source, [])
    # The best has a «2» of its own beside the placeholder; the second keeps the placeholder and invents nothing.
    engine = ScriptedEngine({"The group opened #1 shops.": ["그룹은 #1개의 상점을 2 열었다.", "그룹은 #1개의 상점을 열었다."]})
    translate_segments([seg], engine, glossary, "ko")
    assert seg.target("ko").text == "그룹은 220개의 상점을 열었다."


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # The models wrote «Двое украинских», «Два українські», «우크라이나의 두 번째».
        ("Two-thirds of Ukrainians support it.", "ru", "#1 украинцев поддерживают это.", "Две трети украинцев поддерживают это."),
        ("Two-thirds of Ukrainians support it.", "uk", "#1 українців підтримують це.", "Дві третини українців підтримують це."),
        ("Two-thirds of Ukrainians support it.", "ko", "우크라이나인의 #1가 지지한다.", "우크라이나인의 3분의 2가 지지한다."),
        # The case of the word before "about" («около» asks the genitive); «о пятом», «п'ятдесяту» before.
        (
            "Russia holds about a fifth of Ukraine.",
            "ru",
            "Россия удерживает около #1 Украины.",
            "Россия удерживает около пятой части Украины.",
        ),
        (
            "Russia holds about a fifth of Ukraine.",
            "uk",
            "Росія утримує близько #1 України.",
            "Росія утримує близько п'ятої частини України.",
        ),
        (
            "Russia holds about a fifth of Ukraine.",
            "ko",
            "러시아는 우크라이나의 약 #1을 차지한다.",
            "러시아는 우크라이나의 약 5분의 1을 차지한다.",
        ),
        # A numeral and its noun, declined from the profile's forms; a noun by the dictionary.
        (
            "It lost more than two-thirds of its tanks.",
            "ru",
            "Он потерял более #1 своих танков.",
            "Он потерял более двух третей своих танков.",
        ),
        ("It lost three-quarters of its tanks.", "uk", "Вона втратила #1 своїх танків.", "Вона втратила три чверті своїх танків."),
        ("Half of the drones were shot down.", "ko", "드론의 #1이 격추됐다.", "드론의 절반이 격추됐다."),
        # "Of" is the genitive alone, but for a pronoun; a counter glued as to a number goes.
        ("A quarter of the residents left.", "ru", "#1 из жителей уехали.", "Четверть жителей уехала."),
        ("A third of them left.", "uk", "#1 з них поїхали.", "Третина з них поїхали."),
        ("A third of the group left.", "ko", "그룹의 #1명이 떠났다.", "그룹의 3분의 1이 떠났다."),
        # The verb agrees with a fraction past the genitive of what it is part of.
        ("A fifth of the soldiers were wounded.", "ru", "#1 солдат были ранены.", "Пятая часть солдат была ранена."),
        ("A third of Ukrainians lost a relative.", "uk", "#1 українців втратили родича.", "Третина українців втратила родича."),
        # The amount of a change: the accusative after «на», which the models wrote as an ordinal
        # («почти третью», «на двома третинами») or left out.
        ("The army was cut by two-thirds.", "ru", "Армия была сокращена #1.", "Армия была сокращена на две трети."),
        ("Sales rose by a quarter.", "ru", "Продажи выросли на #1.", "Продажи выросли на четверть."),
        ("GDP shrank by nearly a third.", "uk", "ВВП скоротився майже #1.", "ВВП скоротився майже на третину."),
        ("Sales fell by at least a third.", "uk", "Продажі впали щонайменше #1.", "Продажі впали щонайменше на третину."),
        ("Prices rose by about a fifth.", "ru", "Цены выросли в #1.", "Цены выросли на пятую часть."),
        ("Sales rose by a quarter.", "ko", "판매는 #1로 증가했다.", "판매는 4분의 1로 증가했다."),
        # A magnitude in words, declined (the models wrote «Человек тысяч», «тисячі», 수천).
        ("Tens of thousands of people fled.", "ru", "#1 людей бежали.", "Десятки тысяч людей бежали."),
        (
            "Russia recruited tens of thousands of prisoners.",
            "ru",
            "Россия завербовала #1 заключённых.",
            "Россия завербовала десятки тысяч заключённых.",
        ),
        ("It cost hundreds of millions of dollars.", "uk", "Це коштувало понад #1 доларів.", "Це коштувало понад сотні мільйонів доларів."),
        ("Tens of thousands of people fled.", "ko", "#1 명이 피난했다.", "수만 명이 피난했다."),
        ("About a dozen people were injured.", "ru", "Около #1 человек были ранены.", "Около дюжины человек были ранены."),
        ("Dozens were killed.", "uk", "#1 були вбиті.", "Десятки були вбиті."),
        # A plural alone before its verb: the subject of a clause, after "after" too; people, in Korean.
        ("Thousands fled the city.", "uk", "#1 втекли з міста.", "Тисячі втекли з міста."),
        (
            "It began after thousands protested.",
            "ru",
            "Это началось после того как #1 протестовали.",
            "Это началось после того как тысячи протестовали.",
        ),
        ("Dozens killed in crash", "ko", "사고로 #1 사망", "사고로 수십 명 사망"),
        # Korean writes the counter of what it counts (명 for people).
        ("Thousands of soldiers crossed.", "ko", "#1의 군인들이 건넜다.", "수천 명의 군인들이 건넜다."),
        # A ratio is a fraction of what follows in Korean (the model wrote 5명의 병사가, five soldiers).
        ("One in five soldiers was wounded.", "ko", "병사의 #1이 부상당했다.", "병사의 5분의 1이 부상당했다."),
        ("It passed with two-thirds of the votes.", "ru", "Он прошёл с #1 голосов.", "Он прошёл с двумя третями голосов."),
    ],
)
def test_a_fraction_is_written_in_the_language_s_words_in_the_case_its_place_asks(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


def test_what_is_no_fraction():
    text = "A third time, a quarter century, the first half of 2024, a two-thirds majority; no one in five days; thousands and millions; half a dozen."
    assert [h.text for h in find_figures(text, []) if h.term_id == QUANTITY] == []
    # Only the fractions a language lists are protected for it: three-fifths is the model's, and
    # half inside a sentence, which the Russian model writes and declines itself («более
    # половины»); one that opens it, it garbled («Хэлф американцев»). The Ukrainian model writes either.
    text = "Two-thirds of them, half of these and three-fifths of those."
    hits = find_figures(text, [])
    assert [h.text for h in for_language(hits, "ru", text)] == ["Two-thirds"]
    assert [h.text for h in for_language(hits, "ko", text)] == ["Two-thirds", "half"]
    for text, half in (("Half of them left.", "Half"), ("Almost half of them left.", "half")):
        assert [h.text for h in for_language(find_figures(text, []), "ru", text)] == [half]
    # A ratio is the model's in Russian, which writes «один из пяти» as its references do; its
    # number in digits stays protected.
    text = "One in 100 children and one in five adults."
    hits = find_figures(text, [])
    assert [(h.term_id, h.text) for h in for_language(hits, "ru", text)] == [(NUMBER, "100")]
    assert [render(h, "ko") for h in for_language(hits, "ko", text)] == ["100분의 1", "5분의 1"]


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # Declined for the preposition before it (the models wrote 정오, noon, for midnight, «в середине»).
        ("The curfew lasts until midnight.", "ru", "Комендантский час длится до #1.", "Комендантский час длится до полуночи."),
        ("The attack began after noon.", "uk", "Атака почалася після #1.", "Атака почалася після полудня."),
        # "at": the language's preposition of a time of day, in place of the model's.
        ("The truce began at midnight.", "uk", "Перемир'я почалося в #1.", "Перемир'я почалося о півночі."),
        ("The truce began at midnight.", "ru", "Перемирие началось на #1.", "Перемирие началось в полночь."),
        ("The truce began at midnight.", "uk", "Перемир'я почалося #1.", "Перемир'я почалося о півночі."),
        ("The truce began at midnight.", "ko", "휴전은 #1에 시작됐다.", "휴전은 자정에 시작됐다."),
        ("The meeting ended at noon.", "ko", "회의는 #1에서 끝났다.", "회의는 정오에 끝났다."),
    ],
)
def test_midnight_and_noon_are_written_in_the_language_s_words(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected
    # Not a modifier: "the midnight deadline" is the model's.
    assert [(h.term_id, h.text) for h in find_figures("They met the midnight deadline at noon.", [])] == [(TIME, "noon")]


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # "to" and "by" an amount are different facts: the models swapped the prepositions.
        ("The rate fell to 4.1 percent.", "ru", "Ставка упала на #1 процента.", "Ставка упала до 4,1 процента."),
        ("Prices rose by 3 percent.", "uk", "Ціни зросли до #1 відсотків.", "Ціни зросли на 3 відсотки."),
        # Or left it out; after "over" the model's comparative takes none.
        ("Exports dropped by nearly 20 percent.", "ru", "Экспорт упал почти #1 процентов.", "Экспорт упал почти на 20 процентов."),
        ("The number rose to over 9,000.", "ru", "Число выросло более #1.", f"Число выросло более 9{NBSP}000."),
        # Words of how near an amount is take nothing from it ("only", "at least").
        ("The rate fell to only 4.1 percent.", "ru", "Ставка упала лишь на #1 процента.", "Ставка упала лишь до 4,1 процента."),
        (
            "Exports dropped by at least 20 percent.",
            "ru",
            "Экспорт упал как минимум #1 процентов.",
            "Экспорт упал как минимум на 20 процентов.",
        ),
        # Korean marks "to" with 로 after the amount (the model wrote «4.1% 하락», fell by, and «53에»).
        ("The rate fell to 4.1 percent.", "ko", "실업률은 #1% 하락했다.", "실업률은 4.1%로 하락했다."),
        ("The toll rose to 53 on Monday.", "ko", "사망자는 #1에 올랐다.", "사망자는 53으로 올랐다."),
        ("The toll rose to 53 on Monday.", "ko", "사망자는 #1로 올랐다.", "사망자는 53으로 올랐다."),
        # By an amount: Korean writes no particle of "to" after it (the model did: «0.3포인트로», fell to).
        ("Unemployment dropped by 0.3 points.", "ko", "실업률은 #1포인트로 떨어졌다.", "실업률은 0.3포인트 떨어졌다."),
        # Words between the verb and its preposition; percentage points, the model's words for them dropped.
        (
            "The bank raised rates by 0.25 percentage points.",
            "ko",
            "은행은 금리를 #1% 포인트로 인상했다.",
            "은행은 금리를 0.25%포인트 인상했다.",
        ),
        (
            "The bank raised rates by 0.25 percentage points.",
            "ru",
            "Банк повысил ставки #1 процентных пункта.",
            f"Банк повысил ставки на 0,25{NBSP}п.{NBSP}п.",
        ),
        # A percentage right after the verb is what it changes by; not a share of what follows.
        ("Support fell 3 percentage points.", "uk", "Підтримка впала #1.", f"Підтримка впала на 3{NBSP}в.{NBSP}п."),
        ("Prices rose 5% last year.", "ru", "Цены выросли #1% в прошлом году.", "Цены выросли на 5% в прошлом году."),
        ("The firm cut 5% of its jobs.", "ru", "Фирма сократила #1% рабочих мест.", "Фирма сократила 5% рабочих мест."),
        (
            "Microsoft will cut up to 18,000 jobs.",
            "ko",
            "마이크로소프트는 #1 일자리를 줄일 것이다.",
            "마이크로소프트는 18,000개의 일자리를 줄일 것이다.",
        ),
        ("Prices went up to 5 percent.", "ru", "Цены поднялись #1 процентов.", "Цены поднялись до 5 процентов."),
    ],
)
def test_a_change_to_or_by_an_amount_keeps_its_preposition(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


def test_a_placeholder_the_model_wrote_twice_goes_with_its_percent_sign(glossary):
    # No alternative kept #2: the best translation, #1's copy dropped with its «%로», #2 put where it was attended to.
    source = "Inflation rose to 3.2 percent from 2.9 percent."
    protected = "Inflation rose to #1 percent from #2 percent."
    best = "인플레이션은 #1%에서 #1%로 상승했다."
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    seg.figures = find_figures(source, [])
    engine = ScriptedEngine({protected: [best]}, {protected: word_alignment(protected, best, {1: 6})})
    translate_segments([seg], engine, glossary, "ko")
    assert seg.target("ko").text == "인플레이션은 2.9 3.2%로 상승했다."  # rose "to": 로


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # Two numbers side by side read as one («100 500»): the list's comma goes back between them.
        (
            "Notes for 50, 100, 500 and 1,000 lire were issued.",
            "ru",
            "Были выпущены купюры #1, #2 #3 и #4 лир.",
            f"Были выпущены купюры 50, 100, 500 и 1{NBSP}000 лир.",
        ),
        ("The scores were 3, 5 and 7.", "ko", "점수는 #1 #2 및 #3이었다.", "점수는 3, 5 및 7이었다."),
        # Not where the English has none between them ("in 2012 1,000 people").
        ("In 2012 1,000 people came.", "ru", "В #1 году #2 человек пришли.", f"В 2012 году 1{NBSP}000 человек пришли."),
    ],
)
def test_a_list_s_comma_the_model_left_out_goes_back(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected


@pytest.mark.parametrize(
    ("source", "lang", "output", "expected"),
    [
        # The adjective of an age agrees with the noun the model wrote after it, and a past verb
        # right after that noun in the nominative with the noun.
        ("The 80-year-old woman died.", "ru", "#1-летний женщина умер.", "80-летняя женщина умерла."),
        ("The 80-year-old woman died.", "uk", "#1-річна жінка помер у лікарні.", "80-річна жінка померла у лікарні."),
        ("Police detained a 15-year-old boy.", "ru", "Полиция задержала #1-летняя мальчика.", "Полиция задержала 15-летнего мальчика."),
        ("The 19-year-old soldiers were captured.", "uk", "#1-річний солдати були захоплені.", "19-річні солдати були захоплені."),
        # An ending that fits some reading of the noun stays; a word the dictionary only guesses is no noun.
        ("A 23-year-old man was arrested.", "uk", "#1-річний чоловік був заарештований.", "23-річний чоловік був заарештований."),
    ],
)
def test_the_adjective_of_an_age_agrees_with_the_noun_after_it(glossary, source, lang, output, expected):
    assert _translated(glossary, source, lang, output) == expected
