"""Fit a glossary term into a target sentence: case and number for ru/uk, particles for ko.

The case comes from the English source (the preposition or verb governing the
term, a possessive), refined by the target when the model produced an
unambiguous governing preposition (ru «из», uk «з» → genitive) or, for an
adjective, the noun it must agree with. Inflection itself is pymorphy3's; the
glossary's explicit forms override it; Korean particles are tossi's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import tossi

from pipeline.figures import APPROXIMATELY, headline
from pipeline.glossary import Term
from pipeline.languages import profile
from pipeline.model import TermHit

# The word tables live in data/grammar.json:
# - en_case: the case an English preposition before the term implies ("attack on Kursk": a
#   target, accusative, not a location);
# - skip: determiners between the governing word and the term; subject_verbs / object_verbs:
#   verbs after which the term is the subject (nominative) or the object;
# - animate_nouns: nouns whose accusative is genitive-like in ru/uk adjective agreement;
# - target_prepositions: a preposition the model produced that fixes the case unambiguously;
# - allowed_prepositions: target prepositions a translation may use for an English one ("to
#   Russia": в Россию, до Росії, к России); any other before the term is the weak model's noise
#   («около» for "to"), and the case stays the one the English implies;
# - dative_verbs: ru/uk verbs whose object right after them is in the dative («дать Тому»,
#   uk «подякувати Тому»); any other verb there takes the accusative (in Russian, a transitive
#   one); not_objects: English words after which a name is no verb's object ("did Tom", "like Tom");
# - arrival_verbs: verbs after which "in" and "at" say where to, not where («прибыл в Киев»);
# - dative_predicates: ru/uk words whose "subject" is in the dative ("Tom needs help": «Тому
#   нужна помощь»; "Tom likes it": «Тому нравится»);
# - count_genitive: words before a count, other than prepositions, that put it in the genitive
#   («более 3 солдат»);
# - count_forms: of a noun's two forms for the count's case, the one written after a count
#   («10 лет», not «10 годов», which is the decades' «1990-х годов»);
# - ko_particles: Korean particles, longest first;
# - ko_governed: the Korean particle a word put into a translation that lost it takes after the
#   English word governing it (a preposition, "verb" for a verb's object, "'s"); ko_where_verbs:
#   verbs after which "in" and "at" (or, for reach and enter, the object) say where something is or
#   arrives (에), not where it happens (에서); ko_people: with animate_nouns, nouns whose count
#   Korean writes with the counter 명 (troops among them, inanimate in Russian); counted_nouns:
#   English plural nouns by the kind of thing they count, which a language's counter follows
#   (Korean vehicles 대, munitions 발, vessels 척, places 곳, cases 건, buildings 채, animals 마리,
#   items 개: jobs, companies and the like;
#   plurals only: "a four wheel drive car", "a 60,000 square-foot home" count no car, no home);
# - date_prepositions: a preposition whose case before a month differs from its usual one
#   («с июля»: «с» is "with", instrumental, elsewhere; «на июль», accusative).
_GRAMMAR = json.loads((Path(__file__).with_name("data") / "grammar.json").read_text(encoding="utf-8"))
_EN_CASE: dict[str, str] = _GRAMMAR["en_case"]
_SKIP = set(_GRAMMAR["skip"])
_SUBJECT_VERBS = set(_GRAMMAR["subject_verbs"])
_OBJECT_VERBS = set(_GRAMMAR["object_verbs"])
_ANIMATE_NOUNS = set(_GRAMMAR["animate_nouns"])
_TARGET_PREP: dict[str, dict[str, str]] = _GRAMMAR["target_prepositions"]
_LOCATIVE_PREPS = set(_GRAMMAR["locative_prepositions"])
# "With", which the translation may add where the English has a verb's object ("met Kim" →
# «встретился с Кимом»): the instrumental; after an English preposition («с» for "from" or
# "since" asks the genitive) the English decides.
_COMITATIVE: dict[str, list[str]] = _GRAMMAR["comitative_prepositions"]
# The roles a person "to" someone has ("adviser to", "successor to"): that someone is in the genitive.
_ROLE_NOUNS = frozenset(_GRAMMAR["role_nouns"])
_DATE_PREP: dict[str, dict[str, str]] = _GRAMMAR["date_prepositions"]
_ALLOWED_PREPS = {k: set(v) for k, v in _GRAMMAR["allowed_prepositions"].items()}
_OBJECT_CASES = {"accs", "gent", "datv"}
_DATIVE_VERBS = {lang: frozenset(words) for lang, words in _GRAMMAR["dative_verbs"].items()}
_NOT_OBJECTS = frozenset(_GRAMMAR["not_objects"])
_ARRIVAL_VERBS = frozenset(_GRAMMAR["arrival_verbs"])
_DATIVE_PREDICATES = {lang: frozenset(words) for lang, words in _GRAMMAR["dative_predicates"].items()}
_COUNT_GENITIVE = {lang: set(words) for lang, words in _GRAMMAR["count_genitive"].items()}
_COUNT_FORMS: dict[str, dict[str, str]] = _GRAMMAR["count_forms"]
_KO_PARTICLES: list[str] = sorted(_GRAMMAR["ko_particles"], key=len, reverse=True)
_KO_GOVERNED: dict[str, str] = _GRAMMAR["ko_governed"]
_KO_WHERE_VERBS = set(_GRAMMAR["ko_where_verbs"])
_PEOPLE = _ANIMATE_NOUNS | set(_GRAMMAR["ko_people"])
_COUNTED_NOUNS = {noun: kind for kind, nouns in _GRAMMAR["counted_nouns"].items() for noun in nouns} | dict.fromkeys(_PEOPLE, "people")
# Hyphens join letters ("северо-восток"), not a stray "-1" a model appends.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d[\w-]*")


def _inflects(lang: str) -> bool:
    """Whether terms take case endings in ``lang`` (its profile); otherwise they go in as written."""
    return profile(lang).cases


@lru_cache(maxsize=2)
def morph(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def _source_governor(term: Term, source: str, hit: TermHit) -> tuple[str, str]:
    """(the case English grammar implies for the term at ``hit``, the governing word:
    a preposition, "verb", "'s", or "" for none)."""
    governor, before = _governor(source, hit)
    if governor in ("in", "at") and before in _ARRIVAL_VERBS:
        return "accs", "to"  # where to: the target may say it as "to" ("arrive in Italy": uk «до Італії»)
    if governor == "'s":
        return "gent", "'s"
    if governor == "verb":
        return "accs", "verb"
    if governor:
        # "To" a person is the dative («написал Киму»), but not "according to" («по словам» and the
        # genitive) nor after a role ("adviser to Orban": «советник Орбана»).
        if governor == "to" and term.type == "person":
            return ("gent" if before == "according" or before in _ROLE_NOUNS else "datv"), governor
        return _EN_CASE[governor], governor
    return "nomn", ""


_AFTER_A_NAME_AND = re.compile(r"[A-Z][\w.'’-]*\s+(?:and|or)\s+(?:the\s+)?$")
# Prepositions that also join a clause ("after Russia attacked"), whose subject no preposition governs.
_CONJUNCTIONS_TOO = frozenset({"after", "before", "since", "until", "till", "as"})
_CLAUSE_VERB = re.compile(r"\s+(?:has|have|had|is|was|were|are|will|would|could|can|may|might|must|should|said|says|did|does|[a-z]+ed)\b")


def _own_clause(source: str, hit: TermHit) -> bool:
    """Whether the phrase at ``hit``, after "and" or "or", is the subject of a clause of its own
    ("thousands of soldiers, and Ukraine has gained"), not one of two ("Russia and Ukraine have")."""
    return bool(_CLAUSE_VERB.match(source, hit.end)) and not _AFTER_A_NAME_AND.search(source, 0, hit.start)


def _governor(source: str, hit: TermHit) -> tuple[str, str]:
    """(the English word governing the phrase at ``hit``: a preposition, "verb" for a verb whose
    object it is, "'s", or "" for none; the word before that preposition, or the verb)."""
    if source.startswith(("'s", "’s"), hit.end):
        return "'s", ""
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", source[: hit.start])]
    while words and (words[-1] in _SKIP or words[-1].endswith("ern")):
        words.pop()
    if words and words[-1] in ("and", "or") and not _own_clause(source, hit):
        # "between Russia and Ukraine": the second term shares the first one's governor; not the
        # subject of a clause of its own ("thousands of soldiers, and Ukraine has gained").
        for word in reversed(words[-6:-1]):
            if word in _EN_CASE or word in _OBJECT_VERBS:
                words.append(word)
                break
    prev = words[-1] if words else ""
    if prev in _CONJUNCTIONS_TOO and _CLAUSE_VERB.match(source, hit.end):
        return "", ""  # "after thousands protested": the subject of a clause, not an object of "after"
    if prev in _EN_CASE:
        return prev, words[-2] if len(words) > 1 else ""
    if prev in _OBJECT_VERBS:
        return "verb", prev
    return "", ""


def governed_particle(source: str, hit: TermHit, *, person: bool = False) -> str:
    """The Korean particle the English around ``hit`` asks of a word put into a translation
    that lost it ("in Kursk": 에서, "arrived in", "reached": 에, "met Walker": 를, "Walker's": 의, "to" a
    ``person``: 에게); "" where the English gives none (a subject: where the model would have put
    it, the word order says). ``with_particle`` fits it to the word."""
    governor, before = _governor(source, hit)
    if governor in ("in", "at", "verb") and before in _KO_WHERE_VERBS:
        return "에"
    if governor == "to" and person:
        return "에게"
    return _KO_GOVERNED.get(governor, "")


def counted_kind(source: str, hit: TermHit) -> str:
    """What the count at ``hit`` counts, by the noun within a few words after it, before any other
    plural: "people" ("5,000 North Korean soldiers", "four other prisoners", "six Bosnians"), a kind
    of ``counted_nouns`` ("120 missiles": "munitions", "4 tanks carrying soldiers": "vehicles"), or
    "" (another noun, or none: "40 percent of voters"; a number in a name, "Mate 9 phones"; a
    proper noun, "34 House seats")."""
    title_case = headline(source)
    if not title_case and re.search(r"[\w,;:] [A-Z][a-z]+ $", source[: hit.start]):
        return ""  # after a capitalised word inside the sentence: a model's number ("Mate 9")
    if casualties(source, hit):
        return "people"
    if _MULTIPLE.match(source, hit.end):
        return "multiples"  # "3 times faster": a multiple, not a count of times
    for word in re.findall(r"[A-Za-z]+", source[hit.end :])[:4]:
        lower = word.lower()
        if _COUNTED_NOUNS.get(lower) == "people" or (lower in _COUNTED_NOUNS and (word.islower() or title_case)):
            return _COUNTED_NOUNS[lower]
        if re.fullmatch(r"[A-Z][a-z]+ans", word):
            return "people"
        if (word.endswith("s") and not word.isupper()) or lower in _NOT_A_HEAD:
            return ""
    return ""


_MULTIPLE = re.compile(r"\s+times\s+(?:as|more|less|the|over|[a-z]+er)\b", re.IGNORECASE)
_CASUALTIES = re.compile(r"\s+(?:killed|wounded|injured|dead|hurt)\b", re.IGNORECASE)


def casualties(source: str, hit: TermHit) -> bool:
    """Whether the count at ``hit`` is of people the news leaves unnamed before what befell them
    ("12 killed and 30 wounded", "3 dead"): Korean counts them with no 의 («12명 사망»)."""
    return _CASUALTIES.match(source, hit.end) is not None


# Words after a number that show it counts something else, or nothing ("40 percent of voters").
_NOT_A_HEAD = frozenset("percent per cent of out in to and or than times".split())


def with_counter(figure: str, after: str, counter: str, lang: str, *, alone: bool = False) -> tuple[str, str]:
    """A Korean count the model wrote without its counter («4의 다른 수감자들», «5,000 병사가»,
    «8 파견했다») with it, and before a word that is no verb with 의 («4명의», «5,000명의 병사가»,
    «8명 파견했다»); one with a counter or a noun glued to it («4명을», «6개월») as it is, as is
    one with any counter of ``lang`` after it («4 명», «120 개의»); a noun of the profile's
    ``count_nouns`` glued to it, the model's word for what it counts, goes after the counter as the
    language writes it («50,000군을» for "50,000 troops": «50,000명의 병력을»). A count ``alone``
    counts no noun after it and takes no 의 («수십 명 사망» for "Dozens killed"). A count in words
    stands apart from its counter, as Korean spelling writes it («수천 명»; digits join it, «5,000명»).
    ``after``: the text after ``figure``; returned with the count, as it becomes."""
    language = profile(lang)
    particles = language.particles
    counter = (" " if re.search(r"[가-힣]$", figure) else "") + counter
    glued = re.match(r"[가-힣]+", after)
    for wrong in language.counter_for.get(counter.strip(), ()):
        # The model's word for another count («35번째로» for "35 times": the 35th, for the 35th
        # time; «3 번» for "3 times faster"): the counter.
        mistaken = re.match(rf" ?{wrong}(?:으?로(?![가-힣]))?", after)
        rest = after[mistaken.end() :].split(" ", 1)[0] if mistaken else ""
        if mistaken and (not re.match(r"[가-힣]", rest) or rest in particles or rest.startswith(("이", "입"))):  # «번입니다», not «번역»
            return figure + counter, after[mistaken.end() :]
    for noun, written in language.count_nouns.items():
        if glued and glued.group().startswith(noun) and glued.group()[len(noun) :] in ("", *particles):
            return f"{figure}{counter}의 {written}", after[len(noun) :]
    if (glued and glued.group() not in particles) or not re.match(r"$|[\s.,;:!?)\"'»”가-힣]", after):
        return figure, after  # «40%가»: a sign or a unit glued to it
    apart = re.match(r" ([가-힣]+)", after)
    if apart and any(
        apart.group(1) == c or (apart.group(1).startswith(c) and apart.group(1)[len(c) :] in particles)
        for c in (*language.counters.values(), language.generic_counter)
    ):
        return figure, after  # «4 명», «120 개의»
    return figure + counter + ("의" if apart and not alone and not _VERB_ENDING.search(apart.group(1)) else ""), after


# How a Korean verb or adjective ends where it closes or joins a clause (했다, 했고, 하며, 해서).
_VERB_ENDING = re.compile(r"(?:다|고|며|서|면|지만|는데|도록|자)$")


def with_particle(form: str, particle: str) -> str:
    """``form`` with ``particle`` after it, fitted to its last syllable (을 or 를, 과 or 와)."""
    return fix_particle(form + particle, 0, form)


def _follows_target(governor: str, case: str, prep: str, target_case: str) -> bool:
    """Whether the target's preposition (governing ``target_case``) may decide the case."""
    if not governor:
        return True  # the English has none: the translation restructured the phrase
    if governor in _ALLOWED_PREPS:
        return prep in _ALLOWED_PREPS[governor]
    if governor == "verb":
        return target_case in _OBJECT_CASES
    return target_case == case


def _noun_word_after(source: str, hit: TermHit) -> str:
    m = re.match(r"\s+([A-Za-z]+)", source[hit.end :])
    return m.group(1).lower() if m else ""


def _plural_follows(source: str, hit: TermHit) -> bool:
    word = _noun_word_after(source, hit)
    if not word:
        return False
    return word in {"people", "forces", "troops", "police", "media", "authorities"} or (
        word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _nominative_parse(word: str, lang: str):
    parses = morph(lang).parse(word)
    good = [p for p in parses if p.tag.POS in ("NOUN", "ADJF") and "nomn" in p.tag and "plur" not in p.tag]
    # A capitalised word is a proper name: Том the man, not том the volume (Ukrainian lists that first).
    proper = word[:1].isupper()
    good.sort(
        key=lambda p: (
            p.normal_form != word.lower(),
            proper and not {"Name", "Surn", "Geox", "Orgn"} & set(p.tag.grammemes),
            "anim" not in p.tag and "Name" in str(p.tag),
        )
    )
    return good[0] if good else None


def _match_case(original: str, inflected: str) -> str:
    if original.isupper() and len(original) > 1:
        return inflected.upper()
    if original[:1].isupper():
        return (
            "-".join(part[:1].upper() + part[1:] for part in inflected.split("-"))
            if "-" in original
            else inflected[:1].upper() + inflected[1:]
        )
    return inflected


def inflect_phrase(phrase: str, lang: str, grammemes: set[str]) -> str:
    """Inflect the leading nominative words of ``phrase`` (head and its agreeing words); dependents stay."""
    words = phrase.split(" ")
    out = []
    inflecting = True
    for word in words:
        parse = _nominative_parse(word, lang) if inflecting and re.search(r"[а-яіїєґ]", word, re.I) else None
        if parse is None:
            inflecting = inflecting and not re.search(r"[а-яіїєґ]", word, re.I)
            out.append(word)
            continue
        wanted = set(grammemes)
        if parse.tag.POS == "NOUN":
            wanted -= {"masc", "femn", "neut", "anim", "inan"}
        # The Ukrainian dictionary leaves singular adjectives without "sing", and their animacy
        # unmarked: retry without them, an animate accusative as the genitive, an inanimate as the
        # nominative («про північнокорейського лідера»).
        inflected = (
            parse.inflect(wanted)
            or parse.inflect(wanted - {"sing"})
            or (_accusative_by_animacy(parse, wanted - {"sing"}) if "accs" in wanted else None)
            or parse.inflect(wanted & {"nomn", "gent", "datv", "accs", "ablt", "loct", "plur", "sing"})
        )
        if inflected and parse.tag.POS == "NOUN" and inflected.tag.case == "loct":
            inflected = _locative(parse, inflected)
        out.append(_match_case(word, inflected.word) if inflected else word)
    return " ".join(out)


def _accusative_by_animacy(parse, wanted: set[str]):
    if wanted & {"femn", "neut"}:
        return parse.inflect(wanted - {"anim", "inan"})  # one accusative whatever the animacy («украинскую»)
    animate = "anim" in wanted
    if not animate and "inan" not in wanted:
        return None
    return parse.inflect((wanted - {"accs", "anim", "inan"}) | {"gent" if animate else "nomn"})


def _locative(parse, inflected):
    """Of the locative forms the dictionary lists, one that is not also the dative: Ukrainian
    lists the dative's «серпневі», «Харкову» among them, where «у серпні», «у Харкові» are written.
    A noun declined as an adjective keeps the «-ому» its locative is written with («у лютому», not «у лютім»)."""
    forms = [f for f in parse.lexeme if f.tag.number == inflected.tag.number]
    if parse.word.endswith("ий") and (adjectival := next((f for f in forms if f.tag.case == "loct" and f.word.endswith("ому")), None)):
        return adjectival
    datives = {f.word for f in forms if f.tag.case == "datv"}
    return next((f for f in forms if f.tag.case == "loct" and f.word not in datives), inflected)


# The words a count governs: up to two adjectives or participles, then the noun, lower-case
# (a capitalised word is a name, not what is counted).
_COUNTED = re.compile(r"[ \u00a0]((?:[а-яёіїєґ'’-]+ ){0,2}[а-яёіїєґ'’-]+)")
_DIRECT_CASES = {"nomn", "accs", "gent"}


def agree_with_count(value: Decimal, before: str, after: str, lang: str) -> str:
    """``after``, the model's words following a count of ``value``, with the noun it counts
    (and the adjectives before that noun) in the form the language's counting rule asks
    (``Language.counted``): «50 000 войск», «24 дня», uk «2 роки тому»; in the genitive after a
    preposition or comparative that asks for it (``before`` ends with «около», «до», «более»). Left
    as it is after a preposition of another case («к», «о»), where the noun is in an oblique case,
    or where no noun follows."""
    from babel import Locale

    category = Locale.parse(lang).plural_form(value)
    rule = profile(lang).counted.get(category)
    m = _COUNTED.match(after)
    governor = word_before(before)
    case = "gent" if governor in _COUNT_GENITIVE.get(lang, ()) else _TARGET_PREP.get(lang, {}).get(governor, "accs")
    if rule is None or m is None or case != "accs" and case != "gent":
        return after
    if case == "gent" and category in ("few", "many"):
        rule = (frozenset({"gent", "plur"}), frozenset({"gent", "plur"}))  # «около 50 000 войск», «до 3 років»
    elif case == "gent" and category == "one":
        rule = (frozenset({"gent", "sing"}), frozenset())
    analyzer = morph(lang)
    words = m.group(1).split(" ")
    parses = [analyzer.parse(word)[0] for word in words]
    k = next((i for i, p in enumerate(parses) if p.tag.POS == "NOUN"), None)
    noun_grammemes, adjective_grammemes = rule
    # An adjective after "one" takes the noun's gender, which the rule cannot say: left alone.
    if k is None or any(p.tag.POS not in ("ADJF", "PRTF") for p in parses[:k]) or (k and not adjective_grammemes):
        return after
    every = analyzer.parse(words[k])
    # A common noun's readings: «дронов» is not the surname Дронов here.
    nouns = [p for p in every if p.tag.POS == "NOUN" and not {"Surn", "Name", "Patr"} & p.tag.grammemes]
    # The likeliest noun's readings only: «лет» is «год», not the rare «лёт» the one-form would pick.
    nouns = [p for p in nouns if p.normal_form == nouns[0].normal_form]
    misbuilt = not nouns and _misbuilt_plural(words[k], every, analyzer)
    nouns = nouns or misbuilt or []
    counted = [p for p in nouns if _counted_as(p.tag.grammemes, noun_grammemes, category)] if not misbuilt else []
    # A word that may be a verb («прибыли») is not taken for the counted noun, nor one its
    # adjectives do not agree with («военных прибыли»: the adjective is the noun there), unless
    # the dictionary only guesses the word, in the count's form («5 000 північнокорейські солдатків»).
    guessed = counted and not any(p.is_known for p in nouns)
    if any(p.tag.POS in ("VERB", "INFN") for p in every) or not (guessed or all(_agree(word, nouns, analyzer) for word in words[:k])):
        return after
    if not any(p.tag.case in _DIRECT_CASES for p in nouns):
        return after
    # A noun already in the count's form keeps it; an adjective left in another case follows
    # («5 000 північнокорейські солдатів» → «північнокорейських»).
    written = _COUNT_FORMS.get(lang, {})
    if counted and all(_agree(word, counted, analyzer) for word in words[:k]):
        agreed = words[:k] + [written.get(words[k], words[k])]
    else:
        noun = None if counted else _inflected(next(p for p in nouns if p.tag.case in _DIRECT_CASES), noun_grammemes)
        adjectives = [p.inflect(set(adjective_grammemes)) for p in parses[:k]]
        if not counted and noun is None or None in adjectives:
            return after
        agreed = [a.word for a in adjectives if a] + [written.get(word := noun.word if noun else words[k], word)]
    return after[: m.start(1)] + " ".join(agreed) + after[m.start(1) + len(" ".join(words[: k + 1])) :]


def _inflected(parse, grammemes: frozenset[str]):
    """``parse`` in the form ``grammemes`` ask, or None. The Ukrainian dictionary marks no singular
    («рік»: "masc,nomn"), so a singular is the lexeme's form of the case that is not plural."""
    form = parse.inflect(set(grammemes))
    if form is None and "sing" in grammemes:
        case = next(iter(grammemes & _CASES), None)
        form = next((f for f in parse.lexeme if f.tag.case == case and "plur" not in f.tag.grammemes), None)
    return form


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


def _misbuilt_plural(word: str, every: list, analyzer) -> list:
    """The readings of the common noun behind a lowercase word the dictionary knows only as a
    surname: the model regularised a plural («солдатов», from the noun as surnames are formed)
    that the noun does not have («солдат»); empty for any other word."""
    if not word.islower() or not every or not all({"Surn"} & p.tag.grammemes for p in every if p.tag.POS == "NOUN"):
        return []
    stem = analyzer.parse(word[:-2])
    return [p for p in stem if p.tag.POS == "NOUN" and p.is_known and not {"Surn", "Name", "Patr"} & p.tag.grammemes]


def _counted_as(grammemes: frozenset[str], wanted: frozenset[str], category: str) -> bool:
    """Whether a noun with ``grammemes`` already has the form a count asks (``wanted``): after
    "one" any singular (its case is the sentence's: «за 1 неделю»), after the others the wanted
    case or, for the nominative, the accusative («бачив 3 солдатів»)."""
    if category == "one":
        return "sing" in grammemes
    return wanted <= grammemes or ("nomn" in wanted and wanted - {"nomn"} | {"accs"} <= grammemes)


def _agree(adjective: str, nouns: list, analyzer) -> bool:
    """Whether ``adjective`` can agree in case and number with one of the ``nouns`` parses."""
    forms = {(p.tag.case, p.tag.number) for p in nouns}
    return any((p.tag.case, p.tag.number) in forms for p in analyzer.parse(adjective) if p.tag.POS in ("ADJF", "PRTF"))


def _noun_readings(after: str, lang: str) -> list:
    """The dictionary's noun readings of the model's word right after a term."""
    m = re.match(r"\s*([^\W\d_]+)", after)
    return [p for p in morph(lang).parse(m.group(1)) if p.tag.POS == "NOUN"] if m else []


def _noun_after(after: str, lang: str):
    return next(iter(_noun_readings(after, lang)), None)


def _only_plural(after: str, lang: str) -> bool:
    nouns = _noun_readings(after, lang)
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


def _animate_accusative(after: str, lang: str) -> bool:
    """Whether the model's noun right after reads as an animate accusative («про … жертв»)."""
    m = re.match(r"\s*([^\W\d_]+)", after)
    parses = morph(lang).parse(m.group(1)) if m else []
    # A noun first («и» is also a letter's name, and an initial's).
    return bool(parses) and parses[0].tag.POS == "NOUN" and any("anim" in p.tag and p.tag.case == "accs" for p in parses)


def _object_of_english_verb(source: str, hit: TermHit) -> bool:
    """Whether the English word right before ``hit`` may be a verb whose object it is: a lowercase
    word that is no preposition, determiner or auxiliary, not after a quotation ('…," said Tom')."""
    m = re.search(r"([^\s\w]?)\s*\b([a-z]+(?:'[a-z]+)?)\s+$", source[: hit.start])
    if not m or m.group(1):
        return False
    word = m.group(2)
    return word not in _NOT_OBJECTS and word not in _EN_CASE and word not in _SKIP and word not in _SUBJECT_VERBS


def _verb_case(word: str, lang: str) -> str | None:
    """The case of a name right after ``word`` where that word is a verb governing it as its object."""
    if word.endswith(("ся", "сь")):
        return None  # reflexive: no direct object («встретился с …»)
    verbs = [p for p in morph(lang).parse(word) if p.tag.POS in ("VERB", "INFN")]
    if not verbs:
        return None
    if any(p.normal_form in _DATIVE_VERBS.get(lang, ()) for p in verbs):
        return "datv"
    if lang == "ru" and not any("tran" in p.tag for p in verbs):
        return None
    return "accs"


# "and", "or" joining two names in ru/uk: the second takes the first's case.
_COORDINATED = re.compile(r"([А-ЯЁІЇЄҐ][^\W\d_]+),?\s+(?:и|или|і|й|та|або)\s*$")


def _coordinated_case(before: str, lang: str) -> str | None:
    """The case of the name before «и»/«і»/«та» ending ``before``, where the dictionary knows it
    and reads it one way only («по Киеву и Харькову»; «России» may be three cases and decides
    nothing, a word it guesses at, «Коубле», nothing either)."""
    m = _COORDINATED.search(before)
    if not m or not morph(lang).word_is_known(m.group(1).lower()):
        return None
    cases = {p.tag.case for p in morph(lang).parse(m.group(1)) if p.tag.POS == "NOUN"}
    return cases.pop() if len(cases) == 1 else None


def before_dative_predicate(after: str, lang: str) -> bool:
    """Whether ``after`` (a translation after a name) begins with a word whose subject is in the
    dative («нужна», «нравится»; «не» before it aside)."""
    m = re.match(r"\s+(?:не\s+)?([а-яёіїєґ'’]+)", after, re.IGNORECASE)
    return m is not None and m.group(1).lower() in _DATIVE_PREDICATES.get(lang, ())


def _case_from_neighbours(source: str, hit: TermHit, governor: str, word_before: str, before: str, after: str, lang: str) -> str | None:
    """The case the translation's words around a noun ask where no preposition decides it: that of
    the name it is joined to by «и» («по Киеву и Харькову»), the dative before a word whose subject
    is in the dative («Тому нужна»), or the case the model's verb right before it governs where the
    English verb is not in our tables or governs another case in the target ("invite Tom":
    «пригласить Тома»; "give Tom": «дать Тому»)."""
    if case := _coordinated_case(before, lang):
        return case
    if not governor and before_dative_predicate(after, lang):
        return "datv"
    if governor in ("verb", "") and _object_of_english_verb(source, hit):
        return _verb_case(word_before, lang)
    return None


def begins_sentence(before: str) -> bool:
    """Whether a word after the translation's text ``before`` begins a sentence (or a quotation)."""
    return not before.strip() or before.rstrip().endswith((".", "!", "?", "«", "“", '"', ":"))


def word_before(text: str) -> str:
    """The last word of ``text``, in lower case ("" where none ends it)."""
    m = re.search(r"([^\W\d_][\w-]*)\s*$", text)
    return m.group(1).lower() if m else ""


def is_preposition(word: str, lang: str) -> bool:
    return bool(word) and any(p.tag.POS == "PREP" for p in morph(lang).parse(word))


def is_adverb(word: str, lang: str) -> bool:
    return bool(word) and any(p.tag.POS == "ADVB" for p in morph(lang).parse(word))


def fit(term: Term, lang: str, *, source: str, hit: TermHit, before: str, after: str) -> str:
    """The glossary's target term for ``lang`` in the form this position needs."""
    base = term.targets[lang]
    sentence_start = begins_sentence(before)
    if not _inflects(lang) or term.indeclinable:
        return base
    case, governor = _source_governor(term, source, hit)
    prep = word_before(before)
    target_case = _TARGET_PREP.get(lang, {}).get(prep)
    if target_case is None and prep in _LOCATIVE_PREPS:
        target_case = case if case in ("loct", "accs") else "loct"
    if target_case is None and term.pos != "adj":
        target_case = _case_from_neighbours(source, hit, governor, prep, before, after, lang)
    if prep in _COMITATIVE.get(lang, ()) and governor in ("verb", ""):
        case = "ablt"
    elif target_case and _follows_target(governor, case, prep, target_case):
        case = target_case
    if term.pos == "adj":
        noun = _noun_after(after, lang)
        # The English noun's number, or the plural where the model's noun can only be one
        # ("the Ukrainian military": «Украинские военные»).
        plural = _plural_follows(source, hit) or _only_plural(after, lang)
        if (
            noun is not None
            and noun.tag.case
            and (noun.tag.number == "plur") == plural
            and noun.tag.case == case  # the case comes from the English; the noun adds gender
        ):
            grammemes = {noun.tag.case, noun.tag.number or "sing"}
            if noun.tag.number != "plur" and noun.tag.gender:
                grammemes.add(noun.tag.gender)
            if noun.tag.case == "accs" and noun.tag.animacy:
                grammemes.add(noun.tag.animacy)
        else:
            grammemes = {case, "plur" if plural else "sing"}
            if "sing" in grammemes:
                # The gender of the noun the model wrote after it, whatever its case («Російська
                # армії» for "The Russian army": the adjective agrees with what is there).
                singular = noun is not None and noun.tag.number != "plur" and noun.tag.gender
                grammemes.add(str(noun.tag.gender) if singular else "masc")
            if case == "accs":
                animate = _noun_word_after(source, hit) in _ANIMATE_NOUNS or _animate_accusative(after, lang)
                grammemes.add("anim" if animate else "inan")
        form = inflect_phrase(base, lang, grammemes)
    elif (lang, case) in term.forms:
        form = term.forms[(lang, case)]
    elif case == "nomn":
        form = base
    else:
        form = inflect_noun(base, lang, case, person=term.type == "person")
    return form[:1].upper() + form[1:] if sentence_start else form


def inflect_noun(base: str, lang: str, case: str, *, person: bool) -> str:
    """A noun phrase in ``case`` (``inflect_phrase``); a person's accusative with each word the
    dictionary left as its nominative that ends in a consonant as the genitive: the dictionary
    takes a foreign name it does not know for a thing («встретил Маск», «Сунак»), where a man's
    name is animate («Маска»)."""
    form = inflect_phrase(base, lang, {case})
    words, inflected = base.split(), form.split()
    if case != "accs" or not person or len(words) != len(inflected):
        return form
    return " ".join(
        inflect_phrase(word, lang, {"gent"}) if same == word and word[-1:].lower() not in VOWEL_LETTERS else same
        for word, same in zip(words, inflected)
    )


# The English words before a month of a year that ask for the genitive in ru/uk ("since July
# 2024": «с июля», «до июня», «после апреля»); after "in", the locative; else the nominative.
_MONTH_GENITIVE = frozenset({"since", "from", "until", "till", "before", "after", "by", "of", "early", "late", "mid"})


# «в», «на» a model puts before a person the English sends something "to" («письмо отправила в
# Зеленском»): a person is no place.
_PLACE_PREPOSITION = re.compile(r"(?:^|(?<=\s))(?:в|во|на)\s+$", re.IGNORECASE)


def place_preposition_before_person(target: str, start: int, source: str, hit: TermHit, lang: str) -> re.Match[str] | None:
    """The place preposition right before ``start`` of ``target`` where a person goes that the
    English has after "to" ("sent to Zelensky"): dropped, the person takes the dative
    («отправила Владимиру Зеленскому»)."""
    if not _inflects(lang) or _governor(source, hit)[0] != "to":
        return None
    return _PLACE_PREPOSITION.search(target, 0, start)


def fit_name(
    english: str, kind: str, base: str, forms: dict[tuple[str, str], str], lang: str, *, source: str, hit: TermHit, before: str, after: str
) -> str:
    """A protected name's form ``base`` (of ``english``, a "person" or a "place") in the case its
    place in the translation asks, as a glossary term's would be (``fit``), from ``forms`` where
    they give it; capitalised."""
    term = Term(id="name", type=kind, pos="noun", variants=(english,), targets={lang: base}, forms=forms)
    form = fit(term, lang, source=source, hit=hit, before=before, after=after)
    return form[:1].upper() + form[1:]


# Words that say how near a quantity is govern nothing: its case is that of the word before them.
_APPROXIMATELY = re.compile(rf"(?:\b{APPROXIMATELY}\s+)+$", re.IGNORECASE)
OBLIQUE_CASES = ("gent", "datv", "accs", "ablt", "loct")


def fit_quantity(forms: tuple[str, ...], lang: str, *, source: str, hit: TermHit, before: str, after: str) -> str:
    """A quantity's words (a profile's ``quantities`` row: the nominative, then any oblique cases
    the dictionary cannot make) in the case its place asks, as a glossary noun's would be."""
    start = approximately.start() if (approximately := _APPROXIMATELY.search(source, 0, hit.start)) else hit.start
    term = Term(
        id="quantity",
        type="thing",
        pos="noun",
        variants=(hit.text,),
        targets={lang: forms[0]},
        forms={(lang, case): form for case, form in zip(OBLIQUE_CASES, forms[1:])},
    )
    return fit(term, lang, source=source, hit=TermHit(hit.term_id, start, hit.end, hit.text), before=before, after=after)


def form_in_case(forms: tuple[str, ...], case: str, lang: str) -> str:
    """A profile's row of a phrase's forms (the nominative, then the ``OBLIQUE_CASES`` the dictionary
    cannot make) in ``case``: the form the row lists, else the dictionary's."""
    return dict(zip(OBLIQUE_CASES, forms[1:])).get(case) or inflect_phrase(forms[0], lang, {case})


VOWEL_LETTERS = frozenset("аеёиоуыэюяіїєъ")


_JOINED = re.compile(r"\b(?:and|or|nor)\s+(?:the\s+)?$", re.IGNORECASE)  # one of two subjects


def subject_gender(form: str, base: str, lang: str, *, source: str, hit: TermHit, person: bool, known: str = "") -> str:
    """What a past-tense verb agrees with where the protected phrase at ``hit``, written ``form``,
    is a subject: "masc", "femn", "neut", or "plur"; "" where it is none (the English gives it a
    governor, or ``form`` is not ``base``, the nominative) or the dictionary cannot say. A
    person's gender is ``known`` where a list gives it, else their first name's, else their
    surname's as the dictionary knows them; a thing's is its first noun's («Северная Корея»)."""
    if not _inflects(lang) or form.lower() != base.lower() or _governor(source, hit)[0]:
        return ""
    if _JOINED.search(source, 0, hit.start) and not _own_clause(source, hit):
        return ""
    if known:
        return known
    kinds = ("Name", "Surn") if person else ("",)
    for kind in kinds:
        for word in base.split():
            parses = [
                p
                for p in morph(lang).parse(word)
                if p.is_known and p.tag.POS == "NOUN" and p.tag.case == "nomn" and (not kind or kind in p.tag)
            ]
            genders = {"plur" if p.tag.number == "plur" or "Pltm" in p.tag else str(p.tag.gender or "") for p in parses}
            if len(genders) == 1:
                return genders.pop()
            if parses:
                return ""
    return ""


_JOINED_BEFORE = re.compile(r"(?:(?<!\w)(?:и|і|й|та|или|або|также|також)\s*|,\s*)$", re.IGNORECASE)
# Words that may stand between a subject and its verb: «Россия не запустила», «також заявила».
_BETWEEN_SUBJECT_AND_VERB = frozenset({"ADVB", "PRCL"})


def agree_past_verb(before: str, after: str, gender: str, lang: str, *, partitive: bool = False, apposition: bool = False) -> str:
    """``after``, the translation's words after a subject of ``gender`` (``subject_gender``), with
    the past-tense verb right after it in that gender or number: the model saw a placeholder, not
    a feminine noun, and wrote the masculine or the plural («Росія запустив», «Росія запустили» →
    «Росія запустила»). ``before``: the words before the subject; after «и», «та» or a comma the
    subject may be one of several, and a plural verb stays («Россия и Китай заявили»). A
    ``partitive`` subject (a fraction) is followed by what it is part of, in the genitive, before
    its verb («треть украинцев потеряла»); one the English gives an ``apposition`` (``apposition``:
    "Kamala Harris, the vice president, said") by that phrase, whose noun's gender is not the
    subject's («Камала Харрис, вице-президент, сообщила»)."""
    if partitive and gender:
        skipped = _genitive_words(after, lang)
        return after[:skipped] + agree_past_verb(before, after[skipped:], gender, lang)
    if apposition and gender and (at := _verb_after_apposition(after, lang)):
        return after[:at] + agree_past_verb(before, after[at:], gender, lang)
    m = re.match(r"(\s+)([^\W\d_]+)(?:(\s+)([^\W\d_]+))?", after)
    if not gender or not m:
        return after
    first = morph(lang).parse(m.group(2))[0]
    group = 4 if first.tag.POS in _BETWEEN_SUBJECT_AND_VERB and m.group(4) else 2
    keep_plural = bool(_JOINED_BEFORE.search(before))
    verb = m.group(group)
    if agreed := _agreed_verb(verb, gender, lang, keep_plural=keep_plural):
        after = after[: m.start(group)] + agreed + after[m.end(group) :]
    elif _CLAUSE_END.match(after, m.end(group)) and (word := _agreed_complement(verb, gender, lang, keep_plural=keep_plural)):
        # A predicate with no verb, the clause's last word ("Austin was wrong": «Остін неправильна» → «неправильний»).
        return after[: m.start(group)] + word + after[m.end(group) :]
    # "Russia was forced": the short participle or adjective after «был», «був» agrees with it too («была вынуждена»).
    complement = _NEXT_WORD.match(after, m.start(group) + len(agreed or verb))
    if complement and any(p.normal_form in ("быть", "бути") for p in morph(lang).parse(agreed or verb)):
        if word := _agreed_complement(complement.group(1), gender, lang, keep_plural=keep_plural):
            after = after[: complement.start(1)] + word + after[complement.end(1) :]
    return after


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
# An English noun phrase between a subject and its verb ("Kamala Harris, the vice president, said"):
# no clause of its own, the verb after it in lower case.
_APPOSITION = re.compile(r",\s+(?P<np>[^,;:.!?()\"“”]{2,80}?),\s+[a-z]+\b")
_CLAUSE_WORD = re.compile(r"\b(?:who|whom|whose|which|that|where|when|while|or|but|if|because|is|was|were|has|had|have|said|says)\b", re.I)
# Where the translation's own clause begins: the apposition is over without the verb.
_TARGET_CLAUSE = re.compile(r"[.;:!?«»\"“”]|\b(?:что|который|которая|которые|которого|чей|чья|що|який|яка|які|якого|чий|чия)\b", re.I)


def apposition(source: str, hit: TermHit) -> bool:
    """Whether the English puts a noun phrase between the subject at ``hit`` and its verb."""
    m = _APPOSITION.match(source, hit.end)
    return m is not None and len(m["np"].split()) <= 9 and not _CLAUSE_WORD.search(m["np"])


# "Russia said it had captured": the "it" of a reported clause is the speaker; not "it was" before
# anything but a verb ("said it was a provocation": the events).
_REPORTS_ITSELF = re.compile(
    r"\s+(?:said|says|announced|claimed|reported|stated|added)\s+(?:(?:on|late|early)\s+\w+\s+)?(?:that\s+)?it\s+(?!(?:was|is|'s|’s)\s+(?![a-z]+ing\b))",
    re.IGNORECASE,
)
# The reported clause of the translation: its conjunction, a pronoun the model wrote, its first word.
_REPORTED = re.compile(
    r",?\s*\b(?:что|що)\s+(?:(?P<pronoun>он|оно|она|они|это|він|воно|вона|вони|це)\s+)?(?P<verb>[^\W\d_]+)", re.IGNORECASE
)


def reports_itself(source: str, hit: TermHit) -> bool:
    """Whether the subject at ``hit`` says something of itself ("Ukraine said it shot down")."""
    return _REPORTS_ITSELF.match(source, hit.end) is not None


def agree_reported(after: str, gender: str, lang: str) -> str:
    """``after``, the words after a subject of ``gender`` that says something of itself
    (``reports_itself``), with the reported clause's pronoun and past-tense verb in its gender:
    the model wrote «Украина сказала, что он сбил», «Україна сказала, що це відповіло»."""
    m = _REPORTED.search(after)
    pronouns = profile(lang).pronouns
    if not gender or not pronouns or m is None:
        return after
    verb = _agreed_verb(m["verb"], gender, lang, keep_plural=False)
    if verb is None and not (m["pronoun"] and m["pronoun"].lower() not in ("это", "це")):
        return after  # no past verb: «это» may be "this" («что это провокация»)
    after = after[: m.start("verb")] + (verb or m["verb"]) + after[m.end("verb") :]
    if m["pronoun"]:
        pronoun = pronouns[gender]
        pronoun = pronoun[:1].upper() + pronoun[1:] if m["pronoun"][:1].isupper() else pronoun
        after = after[: m.start("pronoun")] + pronoun + after[m.end("pronoun") :]
    return after


def _verb_after_apposition(after: str, lang: str) -> int | None:
    """Where the space before the first verb of ``after`` begins, within a few words and before
    the translation's next clause; None where there is none."""
    for m in list(re.finditer(r"(?<=[\s,—–-])([^\W\d_]+)", after))[:10]:
        if _TARGET_CLAUSE.search(after, 0, m.start()):
            return None
        if morph(lang).parse(m.group(1))[0].tag.POS == "VERB":  # the likeliest reading: «дел» is «дело», not «деть»
            space = re.search(r"\s+$", after[: m.start()])
            return space.start() if space else None
    return None


def _genitive_words(after: str, lang: str) -> int:
    """Where the words at the start of ``after`` that may be in the genitive (up to three, no verb) end."""
    end = 0
    for _ in range(3):
        if not (m := _NEXT_WORD.match(after, end)):
            break
        parses = morph(lang).parse(m.group(1))
        if any(p.tag.POS == "VERB" for p in parses) or not any(p.tag.case == "gent" for p in parses):
            break
        end = m.end()
    return end


def _agreed_complement(word: str, gender: str, lang: str, *, keep_plural: bool) -> str | None:
    """``word`` in ``gender`` (or the plural) where it is a short adjective or participle (in
    Ukrainian a full one in the nominative) in another; else None."""
    parse = morph(lang).parse(word)[0]
    if parse.tag.POS not in ("ADJS", "PRTS") and not (parse.tag.POS in ("ADJF", "PRTF") and parse.tag.case == "nomn"):
        return None
    plural = "plur" in parse.tag
    if (keep_plural and plural) or ((gender == "plur") == plural and (plural or gender in parse.tag)):
        return None
    agreed = parse.inflect({gender} if gender == "plur" else {gender, "sing"}) or parse.inflect({gender})
    return _match_case(word, agreed.word) if agreed else None


# A verb of saying and its subject at a clause's end ('"…," said Kallas.', '"…," Kallas said.'):
# Russian and Ukrainian put that verb before the subject as often as after it («— сказала Каллас»).
_SAYING = r"(?:said|says|added|wrote|asked|noted|stressed|explained|declared|insisted|warned)"
_SAID_BEFORE = re.compile(rf"\b{_SAYING}\s+$", re.IGNORECASE)
_SAID_AFTER = re.compile(rf"\s+{_SAYING}\s*(?:[.,;:!?]|$)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”’]|$)")


def said_by(source: str, hit: TermHit) -> bool:
    """Whether the English makes the phrase at ``hit`` the speaker of a verb of saying at its clause's end."""
    before = _SAID_BEFORE.search(source, 0, hit.start) and _CLAUSE_END.match(source, hit.end)
    return bool(before or _SAID_AFTER.match(source, hit.end))


def agree_verb_before(before: str, gender: str, lang: str) -> str:
    """``before``, the translation up to a subject of ``gender`` that speaks (``said_by``), with
    the past-tense verb right before it agreeing («— сказал Каллас» → «— сказала Каллас»)."""
    m = re.search(r"([^\W\d_]+)(\s+)$", before)
    agreed = _agreed_verb(m.group(1), gender, lang, keep_plural=False) if gender and m else None
    return before[: m.start(1)] + agreed + m.group(2) if m and agreed else before


def _agreed_verb(word: str, gender: str, lang: str, *, keep_plural: bool) -> str | None:
    """``word`` in ``gender`` (or the plural) where it is a past-tense verb in another; else None."""
    verb = morph(lang).parse(word)[0]
    if verb.tag.POS != "VERB" or "past" not in verb.tag or (keep_plural and "plur" in verb.tag):
        return None
    plural = "plur" in verb.tag
    if (gender == "plur") == plural and (plural or gender in verb.tag):
        return None
    agreed = verb.inflect({gender})
    return _match_case(word, agreed.word) if agreed else None


def man_name_forms(name: str, lang: str) -> dict[tuple[str, str], str]:
    """The cases of a man's ``name`` from a language without cases (written in ``lang``), its last
    word declined where it ends in a consonant (``Language.man_name_endings``): «Ким Чен Ына»,
    «Си Цзиньпином»; none where it ends in a vowel («Ван И») or ``lang`` declines no such name."""
    endings = profile(lang).man_name_endings
    last = name[-1:].lower()
    if not endings or not last.isalpha() or last in VOWEL_LETTERS:
        return {}
    stem, row = (name[:-1], endings[last]) if last in endings else (name, endings[""])
    return {(lang, case): stem + ending for case, ending in row.items()}


def fit_month(month: str, lang: str, *, source: str, hit: TermHit, before: str) -> str:
    """The month of a month-and-year figure («июль», from CLDR) in the case its place asks: the
    case of the preposition the model wrote before it («с» → «с июля», «к» → «к июлю», «в» →
    «в июле»), the genitive after a noun («в начале марта»), else what the English implies."""
    prep = word_before(before)
    english = re.findall(r"[a-z]+", source[: hit.start].lower())[-1:]
    cases = _TARGET_PREP.get(lang, {}) | _DATE_PREP.get(lang, {})
    if prep in cases:
        case = cases[prep]
    elif prep in _LOCATIVE_PREPS:
        case = "loct"
    elif prep and any(p.tag.POS == "NOUN" for p in morph(lang).parse(prep)):
        case = "gent"
    elif prep and (
        agreeing := [
            p.tag.case for p in morph(lang).parse(prep) if p.tag.POS == "ADJF" and p.tag.gender == "masc" and p.tag.number != "plur"
        ]
    ):
        case = agreeing[0]  # an adjective the model put before it («с прошлого марта»)
    elif english and english[0] in _MONTH_GENITIVE:
        case = "gent"
    else:
        case = "loct" if english == ["in"] else "nomn"
    form = inflect_phrase(month, lang, {case})
    sentence_start = begins_sentence(before)
    return form[:1].upper() + form[1:] if sentence_start else form


# A code of digits and capitals, read letter by letter ("2FA": 투에프에이, "777X"), and the Korean
# names of the letters, which decide the particle after it («2FA가», «5G를», «3M은»).
SPELT_CODE = re.compile(r"[A-Z\d-]*\d[A-Z\d-]*[A-Z]")
_LETTER_NAMES = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 제트".split(),
    )
)


def fit_time_word(forms: tuple[str, ...], lang: str, *, before: str) -> str:
    """Midnight or noon (a profile's ``midnight_noon`` row: «полночь», then its oblique cases) in
    the case the translation's preposition before it asks: «до полуночи», «після полудня», «о
    півночі»; a point of time after «в», «на» is the accusative («в полночь»); none, the
    nominative. Capitalised where it begins the sentence."""
    prep = word_before(before)
    cases = _TARGET_PREP.get(lang, {}) | _DATE_PREP.get(lang, {})
    case = cases.get(prep) or ("accs" if prep in _LOCATIVE_PREPS else "nomn")
    form = form_in_case(forms, case, lang)
    sentence_start = begins_sentence(before)
    return form[:1].upper() + form[1:] if sentence_start else form


def fix_particle(text: str, start: int, form: str) -> str:
    """Make the Korean particle right after ``form`` agree with its last syllable (a code's last
    letter as Korean names it)."""
    end = start + len(form)
    spoken = form[:-1] + _LETTER_NAMES[form[-1]] if SPELT_CODE.fullmatch(form) else form
    for particle in _KO_PARTICLES:
        if text.startswith(particle, end):
            fitted = tossi.postfix(spoken, particle)[len(spoken) :]
            return text[:end] + fitted + text[end + len(particle) :]
    return text


@lru_cache(maxsize=65536)
def _lemmas(word: str, lang: str) -> frozenset[str]:
    if not re.search(r"[а-яіїєґё]", word, re.I):
        return frozenset({word.lower()})
    lemmas = {p.normal_form for p in morph(lang).parse(word.lower())}
    if "-" in word:
        # A fragment glued on by the model («Украинские-летлеты») does not hide the term.
        lemmas |= {p.normal_form for p in morph(lang).parse(word.split("-", 1)[0].lower())}
    return frozenset(lemmas)


def find_form(target: str, term: Term, lang: str, *, exclude: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Span of an accepted form of ``term`` in ``target``: any inflection of its words (ru/uk), else the exact term."""
    free = lambda s, e: all(e <= a or s >= b for a, b in exclude)  # noqa: E731
    if not _inflects(lang) or term.indeclinable:
        base = term.targets[lang]
        for m in re.finditer(re.escape(base), target):
            if free(m.start(), m.end()):
                return m.span()
        return None
    wanted = [_lemmas(w, lang) for w in term.targets[lang].split(" ")]
    extra = {f.lower() for (form_lang, _), f in term.forms.items() if form_lang == lang}
    words = list(_WORD.finditer(target))
    for i in range(len(words) - len(wanted) + 1):
        window = words[i : i + len(wanted)]
        span = (window[0].start(), window[-1].end())
        if not free(*span):
            continue
        text = target[span[0] : span[1]].lower()
        if text in extra or all(_lemmas(w.group(), lang) & lem for w, lem in zip(window, wanted)):
            return span
    return None


# An English ordinal and the noun it belongs to, across "and"/"or" and another ordinal ("1st and 2nd divisions").
_ORDINAL_SOURCE = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b(?=(?:\s+(?:and|or)\s+\d+(?:st|nd|rd|th))?\s+([a-z]+))?", re.IGNORECASE)
_ORDINAL_TARGET = re.compile(r"(?<![\w.,])(\d+)-([а-яёіїєґ]{1,3})(?=\s+([а-яёіїєґ'’-]+))")


_AGE_SOURCE = re.compile(r"\b(\d+)[-\s]years?[-\s]old\b", re.IGNORECASE)


def agree_ages(text: str, source: str, lang: str) -> str:
    """``text`` with each age of the source ("45-year-old") that the model wrote as the language's
    adjective of years agreeing with the noun after it («80-летний женщина» → «80-летняя
    женщина», «45-річний матір» → «45-річну матір»), and a past-tense verb right after a noun in
    the nominative agreeing with it («80-летняя женщина погиб» → «погибла»): the model saw a
    placeholder there, not a woman. An ending that fits some reading of the noun is left as it is."""
    word = profile(lang).years_old
    ages = set(_AGE_SOURCE.findall(source))
    if not word or not ages:
        return text
    adjective = morph(lang).parse(word)[0]
    pattern = re.compile(rf"(?<![\w-])(\d+)-({re.escape(word[:-2])}[^\W\d_]*)(\s+)([^\W\d_]+)")
    at = 0
    while m := pattern.search(text, at):
        at = m.end()
        # A word the dictionary only guesses (an indeclinable «матер») is no noun to agree with.
        nouns = [
            p for p in morph(lang).parse(m.group(4)) if p.tag.POS == "NOUN" and p.tag.case not in (None, "voct") and "Fixd" not in p.tag
        ]
        if m.group(1) not in ages or not nouns:
            continue
        forms = []
        for noun in nouns:
            grammemes = {noun.tag.case, "plur"} if noun.tag.number == "plur" else {noun.tag.case, noun.tag.gender or "masc"}
            if noun.tag.case == "accs" and noun.tag.animacy:
                grammemes.add(noun.tag.animacy)
            if (form := adjective.inflect(grammemes)) is not None:
                forms.append((form.word, noun))
        fitting = next(((form, noun) for form, noun in forms if form == m.group(2).lower()), forms[0] if forms else None)
        if fitting is None:
            continue
        form, noun = fitting
        subject = ("plur" if noun.tag.number == "plur" else str(noun.tag.gender or "")) if noun.tag.case == "nomn" else ""
        after = agree_past_verb(text[: m.start()], text[m.end() :], subject, lang)
        text = f"{text[: m.start()]}{m.group(1)}-{form}{m.group(3)}{m.group(4)}{after}"
        at = m.start() + len(m.group(1)) + 1 + len(form) + len(m.group(3)) + len(m.group(4))
    return text


def agree_ordinals(text: str, source: str, lang: str) -> str:
    """``text`` with each ordinal of the source that the model wrote in digits («21-го веке»
    for "21st century") ending as the word after it asks («21-м веке»), by the language's
    ``ordinal_endings``. An ending that fits some reading of that word is left as it is; a
    plural one only where the English noun is plural (and then first), since «3-х» before a
    plural reads as a count ("of three")."""
    endings = profile(lang).ordinal_endings
    # Each ordinal → whether the English noun after it is plural ("2nd divisions").
    ordinals: dict[str, bool] = {}
    for digits, noun in _ORDINAL_SOURCE.findall(source):
        ordinals[digits] = ordinals.get(digits, False) or (noun.lower().endswith("s") and not noun.lower().endswith("ss"))
    if not endings or not ordinals:
        return text

    def agreed(m: re.Match[str]) -> str:
        if m.group(1) not in ordinals:
            return m.group()
        plural = ordinals[m.group(1)]
        readings = [p for p in morph(lang).parse(m.group(3)) if plural or p.tag.number != "plur"]
        readings.sort(key=lambda p: plural and p.tag.number != "plur")
        fitting = [e for p in readings if (e := _ordinal_ending(p, endings))]
        if not fitting or m.group(2) in fitting:
            return m.group()
        return f"{m.group(1)}-{fitting[0]}"

    return _ORDINAL_TARGET.sub(agreed, text)


def _ordinal_ending(parse, endings: Mapping[str, str]) -> str | None:
    """The ordinal ending a noun or adjective reading asks (None for any other word or a name)."""
    tag = parse.tag
    if tag.POS not in ("NOUN", "ADJF", "PRTF") or {"Name", "Surn", "Patr"} & tag.grammemes or tag.case is None:
        return None
    kind = "plur" if tag.number == "plur" else tag.gender
    case = {"gen2": "gent", "loc2": "loct", "acc2": "accs"}.get(tag.case, tag.case)
    if case == "accs" and f"{kind} accs" not in endings:
        case = "gent" if tag.animacy == "anim" else "nomn"
    return endings.get(f"{kind} {case}")
