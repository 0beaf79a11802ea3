"""Glossary terms in a segment: match in the source, protect, restore in the target, verify.

Mechanism: each matched term is replaced in the source by a placeholder the
model copies through; after translation the placeholder is replaced by the
glossary's target term in the grammatically fitting form (``inflect``). A
placeholder the model mangled is found again by a tolerant pattern; where one
is dropped or repeated the caller takes the first of the model's alternative
translations that keeps them all, else puts the lost ones into the best translation
where the model attended to them (``place``). A raw placeholder never reaches output.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline import curated, inflect, romanised
from pipeline.engine import Alignment
from pipeline.figures import (
    AGE,
    APPROXIMATELY,
    CHANGE_VERB,
    DATE,
    DAYS,
    DECADE,
    MEASURE,
    MONEY,
    MONEY_SOURCE,
    MONTH,
    NUMBER,
    ORDINAL,
    QUANTITY,
    RANGE,
    SPELLED,
    TALLY,
    TIME,
    VERBATIM,
    YEAR,
    YEARS,
    count_value,
    find_figures,
    in_points,
    is_change,
    is_figure,
    named_time,
    ordinal_noun,
    quantity,
    ratio_denominator,
    render,
)
from pipeline.glossary import Glossary
from pipeline.languages import in_script, profile
from pipeline.model import Segment, TermHit, TermResult

# "#1" is the shape the stand-in models carry through most often (the recipe trains on it and the
# model cards measure it); segments where it is lost take the repair path.
PLACEHOLDER = "#{}"
# Placeholders are numbered #1…#99 and news sentences carry a handful of terms; a segment with more
# is translated unprotected and only its first MAX_TERMS terms verified (bounded work).
MAX_TERMS = 20
# A model may glue one to the word before it («ГГГА#1»): still the placeholder, not a literal "#1".
_FOUND = re.compile(r"(?<![\d#])#\s?(\d+)")
# A ru/uk model may glue a case ending onto the placeholder ("#1ом"), or a numeral's after a hyphen,
# taking it for a number ("#2-го"); the inflected form replaces it.
_GLUED_ENDING = re.compile(r"(?:[а-яёіїєґ]{1,3}|-(?:го|ого|му|ому|м|й|я|е|х|их|ых|ий|ой|ом))(?![\w-])", re.IGNORECASE)


_MATCHERS: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
# Characters that look alike to a reader but not to a regex: matched as their plain forms.
_LOOKALIKE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u2010": "-", "\u2011": "-"})
# Invisible characters (zero-width space/joiners, word joiner, BOM, soft hyphen): matched as absent.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` with look-alike characters made plain and invisible ones dropped, and for each
    character of the result its index in ``text`` (so a match maps back to the article's own text)."""
    kept = [(ch, i) for i, ch in enumerate(text) if ch not in _INVISIBLE]
    folded = "".join(ch for ch, _ in kept).translate(_LOOKALIKE)
    return folded, [i for _, i in kept]


def _matcher(glossary: Glossary) -> tuple[re.Pattern[str], dict[str, str]]:
    if glossary.version in _MATCHERS:
        return _MATCHERS[glossary.version]
    by_variant = {fold(v)[0].casefold(): t.id for t in glossary.terms for v in t.variants}
    alternatives = sorted(by_variant, key=lambda v: (-len(v), v))
    body = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in alternatives)
    # Whole words only; "Kursk's" and "Kursk-based" match "Kursk".
    _MATCHERS[glossary.version] = (re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE), by_variant)
    return _MATCHERS[glossary.version]


def match_terms(text: str, glossary: Glossary) -> list[TermHit]:
    """Leftmost-longest, non-overlapping glossary matches, case-insensitive, original case and
    characters kept (typographic apostrophes, non-breaking hyphens and invisible characters match)."""
    pattern, by_variant = _matcher(glossary)
    folded, index = fold(text)
    hits = []
    for m in pattern.finditer(folded):
        key = re.sub(r"\s+", " ", m.group()).casefold()
        start, end = index[m.start()], index[m.end() - 1] + 1
        hits.append(TermHit(term_id=by_variant[key], start=start, end=end, text=text[start:end]))
    return hits


def mark(seg: Segment, glossary: Glossary) -> None:
    """Find what ``seg``'s source protects through translation: its glossary terms, then outside
    them the figures, the romanised Korean and Chinese names and the names of the curated list."""
    seg.terms = match_terms(seg.source, glossary)
    found = find_figures(seg.source, seg.terms)
    found += romanised.find_names(seg.source, seg.terms + found)
    found += curated.find_dateline(seg.source, seg.terms + found)
    found += curated.find_curated(seg.source, seg.terms + found)
    seg.figures = sorted(found, key=lambda hit: hit.start)


def protect(text: str, hits: list[TermHit]) -> str:
    """The source with each term replaced by its numbered placeholder."""
    out, pos = [], 0
    for n, hit in enumerate(hits, 1):
        out.append(text[pos : hit.start])
        out.append(PLACEHOLDER.format(n))
        pos = hit.end
        # The possessive 's would be translated as a stray token; the form carries it.
        if text.startswith(("'s", "’s"), pos):
            pos += 2
    out.append(text[pos:])
    return "".join(out)


@dataclass
class Restored:
    text: str
    results: list[TermResult]
    complete: bool  # every placeholder was found exactly once


_CURRENCY_SIGNS = tuple("$€£¥₩₽₴")
_AT = re.compile(r"\bat\s+(?:around\s+|about\s+)?$", re.IGNORECASE)  # the English preposition of a clock time
_SPAN_LEAD = re.compile(r"(?:from|between)\s", re.IGNORECASE)  # a span of days that says "from" itself
_ON = re.compile(r"\bon\s+$", re.IGNORECASE)  # the English preposition of a day


@dataclass
class _Replacement:
    """What takes a placeholder's place in a translation, from ``start`` to ``end`` of the model's text."""

    start: int
    end: int
    text: str
    takes_particle: bool  # a Korean particle after it agrees with it
    count: Decimal | None = None  # the count it is: the model's words after it agree
    term: TermResult | None = None  # the glossary term it is
    counted: str = ""  # what a count counts (``inflect.counted_kind``: Korean writes its counter)
    subject: str = ""  # the gender a past-tense verb after it agrees with (``inflect.subject_gender``)
    said_by: bool = False  # the speaker of a verb of saying, which the translation may put before it (``inflect.said_by``)
    partitive: bool = False  # a part of what the words after it name («треть украинцев»): its verb comes after them
    apposition: bool = False  # a noun phrase stands between it and its verb (``inflect.apposition``)
    reports_itself: bool = False  # it says something of itself, "it" after its verb of saying (``inflect.reports_itself``)
    alone: bool = False  # a count of no word after it ("Dozens killed"): a Korean counter takes no 의 («수십 명 사망»)


# A change to or by an amount ("fell to 4.1 percent", "rose by 3%", "raised rates by 0.25 percentage
# points"; not "cut up to 18,000 jobs", as many as), the English preposition in group 1.
_CHANGE = re.compile(
    rf"\b{CHANGE_VERB}(?:(?:\s+(?!up\b)[^\s,.;:]+){{0,3}}?\s+(to|by))?\s+"
    rf"(?:(?:{APPROXIMATELY}|(?P<more>over|more than|less than))\s+)?$",
    re.IGNORECASE,
)
# The amount a change starts from ("down from 4.3 percent", "rose from 5% to 7%").
_CHANGE_FROM = re.compile(rf"\b(?:up|down|{CHANGE_VERB})\s+from\s+(?:{APPROXIMATELY}\s+)?$", re.IGNORECASE)
_BY_YEAR = re.compile(r"\bby\s+$", re.IGNORECASE)
# Between a level and the amount it changed from ("4.30 percent, down from").
_LEVEL_BEFORE = re.compile(r"(?:\s?(?:%|per\s?cent))?(?:\s+[a-z]+){0,3},?\s+(?:up|down)\s+from\s+", re.IGNORECASE)
# A percentage right after such a verb is what it changes by ("fell 3 percentage points", "rose 5%"),
# not a share of what follows ("cut 5% of jobs").
_PERCENTAGE_AFTER = re.compile(r"\s?(?:%|per\s?cent|percentage)(?!\s+of\b)", re.IGNORECASE)


def _change(source: str, hit: TermHit) -> tuple[str, bool]:
    """("to", "by" or "from", whether "over" or "more than" comes before it) where ``hit`` is the
    amount a change goes to or by (``_CHANGE``) or starts from (``_CHANGE_FROM``); else ("", False)."""
    if hit.term_id not in (NUMBER, RANGE, MONEY, MEASURE):
        return "", False
    if not (change := _CHANGE.search(source, 0, hit.start)):
        return ("from" if _CHANGE_FROM.search(source, 0, hit.start) else ""), False
    if change.group(1):
        return change.group(1).lower(), bool(change["more"])
    by = in_points(hit) or _PERCENTAGE_AFTER.match(source, hit.end) is not None
    return ("by" if by else ""), bool(change["more"])


def _change_prepositions(target: str, source: str, hits: list[TermHit], lang: str) -> str:
    """``target`` with the preposition before an amount a change goes to or by as the English has it:
    the models swapped them («упал на 4,1 процента» for "fell to 4.1 percent", a different fact) or
    left it out («упали почти 20%»)."""
    language = profile(lang)
    for n, hit in enumerate(hits, 1):
        change, more = _change(source, hit)
        if not change or (placeholder := _placeholder(target, n)) is None:
            continue
        if change == "from":
            # Korean: the particle of "from" (the model wrote none or another, «4.3% 하락했다», fell by 4.3%).
            particle = language.change_from_particle
            if particle and (placed := _particle_after(target, placeholder, particle, f"으?로|{_AMOUNT_PARTICLES}")):
                target = placed
                # "4.30 percent, down from 4.35 percent": the level before is no starting point,
                # though the model gave it the particle («4.30%에서 4.35%에서»).
                if n > 1 and _LEVEL_BEFORE.fullmatch(source, hits[n - 2].end, hit.start):
                    level = re.compile(rf"(?<![\w#])(#{n - 1}(?:%|퍼센트)?){particle}(?![가-힣])")
                    target = level.sub(rf"\1{language.change_to_particle}", target, count=1)
            continue
        if language.change_to_particle and change == "to":
            # Fitted to the amount as any particle after a figure is («1,234로»).
            target = _particle_after(target, placeholder, language.change_to_particle, _AMOUNT_PARTICLES) or target
        elif language.change_to_particle:
            # By an amount: without the particle of "to" the model wrote («0.3포인트로 떨어졌다», fell to).
            to_particle = re.compile(rf"((?:%|퍼센트)?(?:\s?포인트)?)으?{language.change_to_particle}(?![가-힣])")
            if by_amount := to_particle.match(target, placeholder.end()):
                target = f"{target[: by_amount.start()]}{by_amount.group(1)}{target[by_amount.end() :]}"
        if prepositions := language.change_prepositions:
            to, by = prepositions
            right, wrong = (to, by) if change == "to" else (by, to)
            head, tail = target[: placeholder.start()], target[placeholder.start() :]
            if swapped := re.search(rf"(?<![\w-]){wrong}\s+$", head, re.IGNORECASE):
                target = f"{head[: swapped.start()]}{right} {tail}"
            elif head.endswith(" ") and not more and not inflect.is_preposition(inflect.word_before(head), lang):
                # Not after "over", "more than": the model's «более» takes none after it («выросли более 9 000»).
                target = f"{head}{right} {tail}"
    return target


# A place's or a case's particle after an amount, which the particle of a change takes the place of.
_AMOUNT_PARTICLES = "에서|에|을|를|이|가|은|는"


def _particle_after(target: str, placeholder: re.Match[str], particle: str, replaced: str) -> str | None:
    """``target`` with ``particle`` after the amount at ``placeholder`` (after the model's percent
    sign, if any), in place of none or of one of ``replaced``; None where the model glued another
    word to it."""
    after = re.match(rf"(%|퍼센트)?+(?:{replaced})?+(?![가-힣])", target[placeholder.end() :])
    if after is None:
        return None
    end = placeholder.end() + len(after.group(1) or "")
    return f"{target[:end]}{particle}{target[placeholder.end() + after.end() :]}"


def _without_last_word(head: str, word: str) -> str:
    """``head``, the translation before a placeholder, without its last word ``word`` (as
    ``inflect.word_before`` read it: the model's preposition) and the space after it."""
    return head[: len(head.rstrip()) - len(word)]


def _multiple_prepositions(target: str, source: str, hits: list[TermHit], lang: str) -> str:
    """``target`` with the language's preposition before a multiple ("3 times faster": «в 3 раза
    быстрее», «у 3 рази швидше»), which the models left out or replaced («3 раза быстрее», «на 3
    рази», by three)."""
    right, wrong = (words.split("|") for words in profile(lang).multiple_preposition or ("", ""))
    for n, hit in enumerate(hits, 1):
        if not right[0] or hit.term_id not in (NUMBER, RANGE) or inflect.counted_kind(source, hit) != "multiples":
            continue
        if (placeholder := _placeholder(target, n)) is None:
            continue
        head, tail = target[: placeholder.start()], target[placeholder.start() :]
        word = inflect.word_before(head)
        if word in wrong:
            head = _without_last_word(head, word)  # the model's other one («на 3 рази»)
            word = inflect.word_before(head)
        if word in right or (head and not head.endswith(" ")) or inflect.is_preposition(word, lang) or inflect.is_adverb(word, lang):
            continue  # not after «более», «около», «почти»: «более чем в», «около», as the model has it
        # Ukrainian's у after a consonant, в after a vowel.
        written = right[-1] if re.search(r"[аеєиіїоуюяё]\s*$", head, re.IGNORECASE) else right[0]
        target = f"{head}{written if head.strip() else written.capitalize()} {tail}"
    return target


def _ratio_prepositions(target: str, source: str, hits: list[TermHit], lang: str) -> str:
    """``target`` with the language's preposition of a ratio before its denominator ("one in 10":
    «один из 10»), where the models wrote that of a place («одна в 10», «1 в 4 домах»)."""
    preposition = profile(lang).ratio_preposition
    for n, hit in enumerate(hits, 1):
        if not preposition or not ratio_denominator(hit, source):
            continue
        if (placeholder := _placeholder(target, n)) is None:
            continue
        head = target[: placeholder.start()]
        word = inflect.word_before(head)
        if word != preposition and inflect.is_preposition(word, lang) and head.endswith(" "):
            target = f"{_without_last_word(head, word)}{preposition} {target[placeholder.start() :]}"
    return target


def _deadline_prepositions(target: str, source: str, hits: list[TermHit], lang: str) -> str:
    """``target`` with the language's preposition and year word for a year that is a deadline ("by
    2030": «к 2030 году», «до 2030 року»), where the models wrote that of a time or of nothing («на
    2027», «по 2027», «За 2025»: in, for, through 2025)."""
    if not (by_year := profile(lang).by_year):
        return target
    preposition, year_word = by_year
    for n, hit in enumerate(hits, 1):
        if hit.term_id != YEAR or not _BY_YEAR.search(source, 0, hit.start):
            continue
        if (placeholder := _placeholder(target, n)) is None:
            continue
        head, tail = target[: placeholder.start()], target[placeholder.end() :]
        word = inflect.word_before(head)
        if head and not head.endswith(" "):
            continue
        if word != preposition:
            if inflect.is_preposition(word, lang):
                head = _without_last_word(head, word)
            head += f"{preposition if head.strip() else preposition.capitalize()} "
        year = profile(lang).year_after_date.match(tail)
        tail = f" {year_word}{tail[year.end() if year else 0 :]}"
        target = f"{head}{placeholder.group()}{tail}"
    return target


def _list_commas(target: str, source: str, hits: list[TermHit]) -> str:
    """``target`` with the comma between two terms or figures of a list that the model left out
    («50, 100 500 и 1 000» for "50, 100, 500 and 1,000"): two numbers side by side read as one."""
    for n in range(1, len(hits)):
        if re.fullmatch(r",\s*", source[hits[n - 1].end : hits[n].start]):
            target = re.sub(rf"(?<![\w#])(#{n})\s+(?=#{n + 1}(?!\d))", r"\1, ", target)
    return target


def restore(target: str, source: str, hits: list[TermHit], glossary: Glossary, lang: str) -> Restored:
    """Replace placeholders in a machine translation by inflected glossary terms and rendered
    figures, the model's words after a count made to agree with it (``inflect.agree_with_count``)."""
    target = _multiple_prepositions(_change_prepositions(target, source, hits, lang), source, hits, lang)
    target = _deadline_prepositions(_ratio_prepositions(target, source, hits, lang), source, hits, lang)
    target = _list_commas(target, source, hits)
    found = _placeholders(target)
    complete = all(len(found.get(n, [])) == 1 for n in range(1, len(hits) + 1)) and set(found) <= set(range(1, len(hits) + 1))
    if not complete:
        return Restored(text="", results=[], complete=False)
    results: dict[int, TermResult] = {}
    replacements: list[_Replacement] = []
    language = profile(lang)
    # In the order the translation has them, each seeing the ones before it written: the second of
    # "#1 и #2" takes the case of the first's form («по Киеву и Харькову»).
    for n in sorted(found, key=lambda n: found[n][0].start()):
        hit, m = hits[n - 1], found[n][0]
        before = _written_before(target, m.start(), replacements)
        if is_figure(hit):
            replacements.append(_figure(hit, m, target, source, lang, before))
        else:
            term = glossary.term(hit.term_id)
            start = m.start()
            if term.type == "person":
                start, before = _without_place_preposition(target, start, before, source, hit, lang)
            form = inflect.fit(term, lang, source=source, hit=hit, before=before, after=target[m.end() :])
            if curated.is_dateline(source, hit):
                form = form.upper()
            status = "applied" if m.group() == PLACEHOLDER.format(n) else "repaired"
            end = m.end()
            if language.cases and (glued := _GLUED_ENDING.match(target, end)):
                end = glued.end()
            elif (counter := language.counter_after_term.match(target, end)) and not _YEARS_AFTER.match(source, hit.end):
                end = counter.end()
            elif not MONEY_SOURCE.search(source) and (currency := language.currency_after_amount.match(target, end)):
                end = currency.end()  # the model took the term for an amount («северокорейские рублей»)
            results[n] = TermResult(term_id=hit.term_id, status=status, form=form)
            subject = inflect.subject_gender(form, term.targets[lang], lang, source=source, hit=hit, person=term.type == "person")
            replacements.append(_Replacement(start, end, form, True, term=results[n], subject=subject))
        replacements[-1].said_by = inflect.said_by(source, hit)
        replacements[-1].apposition = inflect.apposition(source, hit)
        replacements[-1].reports_itself = inflect.reports_itself(source, hit)
    text = target
    following = len(text)  # where the next replacement (already made) begins: the model's words end there
    beyond = len(text)  # where the model's words after that replacement end
    next_term: TermResult | None = None  # that replacement's glossary term
    for r in sorted(replacements, key=lambda r: r.start, reverse=True):
        # "5,000 North Korean soldiers": the counted words run on through the term right after the count.
        upto = beyond if r.count is not None and next_term and not text[r.end : following].strip() else following
        if r.apposition:
            upto = len(text)  # its verb comes after the apposition, which may hold another replacement («министр Германии»)
        after = text[r.end : upto]
        if counter_word := language.counters.get(r.counted):
            r.text, after = inflect.with_counter(r.text, after, counter_word, lang, alone=r.alone)
        if r.count is not None and language.counted:
            after = inflect.agree_with_count(r.count, text[: r.start], after, lang)
            if upto == beyond and next_term:
                next_term.form = " ".join(after.split()[: len(next_term.form.split())])
        after = inflect.agree_past_verb(text[: r.start], after, r.subject, lang, partitive=r.partitive, apposition=r.apposition)
        if r.reports_itself:
            after = inflect.agree_reported(after, r.subject, lang)
        head = inflect.agree_verb_before(text[: r.start], r.subject, lang) if r.said_by else text[: r.start]
        if r.start and text[r.start - 1].isalpha():
            r.text = " " + r.text  # apart from the word the model glued the placeholder to
        if _GLUED_ENGLISH.match(after):
            after = " " + after  # an English word glued after it («#4loan»): apart, for the checks to see
        text = head + r.text + after + text[upto:]
        beyond, following, next_term = len(head) + len(r.text) + len(after), len(head), r.term
        if language.particles and r.takes_particle:
            text = inflect.fix_particle(text, r.start, r.text)
    return Restored(text=text, results=[results[n] for n in sorted(results)], complete=True)


def _without_place_preposition(target: str, start: int, before: str, source: str, hit: TermHit, lang: str) -> tuple[int, str]:
    """Where a person's replacement starts in ``target`` and the translation ``before`` it: before
    the «в»/«на» a model put in front of someone the English sends something "to"
    (``inflect.place_preposition_before_person``), which goes with the placeholder."""
    if place := inflect.place_preposition_before_person(target, start, source, hit, lang):
        return place.start(), before[: len(before) - (start - place.start())]
    return start, before


def _written_before(target: str, upto: int, done: list[_Replacement]) -> str:
    """``target`` up to ``upto`` with the replacements already made before it written in."""
    text = target[:upto]
    for r in sorted((r for r in done if r.end <= upto), key=lambda r: r.start, reverse=True):
        text = text[: r.start] + r.text + text[r.end :]
    return text


def _figure(hit: TermHit, m: re.Match[str], target: str, source: str, lang: str, before: str) -> _Replacement:
    """The rendered figure for placeholder ``m`` of ``target``, with the words the model put
    around the placeholder that the rendering already says; ``before``: the translation before it,
    the replacements before it made (a name's case follows them)."""
    language = profile(lang)
    start, end = m.start(), m.end()
    name = hit.term_id in (curated.NAME, curated.DATELINE) or romanised.is_name(hit)
    subject = ""
    if hit.term_id == curated.DATELINE:
        rendered = curated.dateline(hit.text, lang)
    elif hit.term_id == curated.NAME:
        person = curated.is_person(hit.text)
        if person:
            start, before = _without_place_preposition(target, start, before, source, hit, lang)
        base = curated.base(hit.text, lang)
        rendered = curated.fitted(base, hit.text, lang, source, hit, before, target[end:])
        # A person's gender, or an organisation's as the language's press agrees with its acronym («МВФ одобрил»).
        known = _GENDERS.get(curated.gender(hit.text), "") if person or curated.is_organisation(hit.text) else ""
        subject = inflect.subject_gender(rendered, base, lang, source=source, hit=hit, person=person, known=known)
        if language.cases and (glued := _GLUED_ENDING.match(target, end)):
            end = glued.end()  # the inflected form says it («#1ом»)
    elif name:
        rendered = base = romanised.hit_written(hit, lang)
        if declined := romanised.cases(hit, lang):
            rendered = inflect.fit_name(
                hit.text, "person", rendered, declined, lang, source=source, hit=hit, before=before, after=target[end:]
            )
            if glued := _GLUED_ENDING.match(target, end):
                end = glued.end()  # the case is the rendering's («#1а»)
        known = _GENDERS.get(romanised.gender(hit), "")
        if known:  # the dictionary knows no Korean or Chinese first name
            subject = inflect.subject_gender(rendered, base, lang, source=source, hit=hit, person=True, known=known)
    else:
        rendered = render(hit, lang, source[hit.end :])
    if hit.term_id in (DATE, DAYS) and (
        preposition := language.preposition_before_date.search(target, 0, start)
        or (_ON.search(source, 0, hit.start) and language.preposition_for_on_date.search(target, 0, start))
        or (hit.term_id == DAYS and _SPAN_LEAD.match(hit.text) and language.preposition_before_span.search(target, 0, start))
    ):
        start = preposition.start()
    elif hit.term_id == MONEY and target[start - 1 : start] in _CURRENCY_SIGNS:
        start -= 1  # «$#1»: the rendered amount has its sign where the language puts it
    elif hit.term_id == TIME and language.preposition_before_time and _AT.search(source, 0, hit.start):
        # "at 2am" only ("moved to 10pm" is «перенесли на 22:00»): the language's preposition of a
        # time in place of the model's wrong one, or before it where the model wrote none («в
        # пятницу 6 утра», «тренерами північ»); another the model wrote stays («около 6 утра»).
        right = language.preposition_before_time[1]
        if wrong := language.preposition_before_time[0].search(target, 0, start):
            rendered = (right[:1].upper() + right[1:] if target[wrong.start()].isupper() else right) + rendered
            start = wrong.start()
        elif not inflect.is_preposition(inflect.word_before(target[:start]), lang):
            rendered = right + rendered
    if (which := named_time(hit)) is not None and language.cases and language.midnight_noon:
        # Declined for the preposition before it: the language's, where the "at" above put it, else the model's.
        forms = language.midnight_noon[which]
        lead = rendered[: len(rendered) - len(forms[0])]
        rendered = lead + inflect.fit_time_word(forms, lang, before=target[:start] + lead)
    if hit.term_id in (DECADE, AGE, ORDINAL, YEAR):
        rendered, end = _glued_ending(target, end, rendered)
    elif hit.term_id == QUANTITY:
        # A fraction counts nothing: a counter the model glued to it as to a number goes («3분의 2명»;
        # a magnitude keeps it, «수만 명»); an «из» for "of" goes; it is declined as a glossary noun is.
        fraction = "/" in quantity(hit.text)
        if fraction and (counter := language.counter_after_term.match(target, end)) and not _YEARS_AFTER.match(source, hit.end):
            end = counter.end()
        if of := language.of_after_quantity.match(target, end):
            end = of.end()
        if language.cases and language.change_prepositions and is_change(hit, source):
            # The accusative after the language's preposition of a change, put where the model wrote
            # none before it (or before the word for "nearly" it put there: «почти на треть») or
            # another one («о #1» for "by about a third").
            by = language.change_prepositions[1]
            accusative = inflect.form_in_case(language.quantities[quantity(hit.text)], "accs", lang)
            wrote = re.search(rf"(?:^|(?<=\s)){by}\s+(?:[^\W\d_]+\s+)?$", target[:start], re.IGNORECASE)
            if not wrote and (other := language.preposition_for_change.search(target, 0, start)):
                start = other.start()
            rendered = accusative if wrote else f"{by} {accusative}"
        elif language.cases:
            forms = language.quantities[quantity(hit.text)]
            rendered = inflect.fit_quantity(forms, lang, source=source, hit=hit, before=target[:start], after=target[end:])
            subject = inflect.subject_gender(rendered, forms[0], lang, source=source, hit=hit, person=False)
    elif hit.term_id == MONTH and language.cases:
        # The month in the case its place asks («с июля 1986 г.»), as a glossary noun would be.
        month, space, rest = rendered.partition(" ")
        rendered = f"{inflect.fit_month(month, lang, source=source, hit=hit, before=target[:start])}{space}{rest}"
    # The models read "#2" after a day or a clock time as a year and append "года" / "року" /
    # "년": the rendered figure says what the source says, so that word goes (after a name too,
    # which the model took for a number: «Ким Чен Ын года», «в Киеве году», «박지성명했다»). A span of years
    # keeps it («1952—1953 годы») unless its rendering ends with it (ko).
    if (name or hit.term_id in (DATE, DAYS, TIME, DECADE, AGE, MONTH, TALLY)) and (year := language.year_after_date.match(target, end)):
        end = year.end()
    elif hit.term_id == YEAR and rendered != hit.text and (year := language.year_after_date.match(target, end)):
        end = year.end()  # a year the language writes with its own year word («2005년», not «2005년세»)
    elif (
        hit.term_id in (NUMBER, RANGE, MEASURE)
        and language.cases
        and not _YEARLIKE.fullmatch(hit.text)
        and not _YEARS_AFTER.match(source, hit.end)
    ):
        # «6,8 года», «в 48 году» for a magnitude or a vote count: the models take any number for a year.
        end = year.end() if (year := language.year_after_date.match(target, end)) else end
    elif hit.term_id == ORDINAL and (noun := ordinal_noun(source[hit.end :])) in language.ordinal_nouns:
        # The noun is in the rendering («74분»): the model's copy of it goes («#1minute», «#1분»,
        # «#1 곳»), as does the usual ordinal ending («#1번째») or a counter glued as to any number
        # («#1개»). A word for it may carry a particle («#1분에») but is no word's start («분석»).
        words = f"{language.ordinal_nouns[noun][1]}|{re.escape(language.ordinal.replace('{}', ''))}"
        copy = re.compile(rf"\s?(?:{noun}s?(?![A-Za-z])|(?:{words})(?=\w{{0,2}}(?!\w)))", re.IGNORECASE)
        while found := copy.match(target, end) or language.year_after_date.match(target, end):
            end = found.end()
    elif hit.term_id == ORDINAL and not _YEARS_AFTER.match(source, hit.end):
        # A counter the model glued to "#1" as to any number («17번째명», «5-й году»).
        end = year.end() if (year := language.year_after_date.match(target, end)) else end
    elif hit.term_id == MONEY and (
        after := language.currency_after_amount.match(target, end) or (language.cases and language.year_after_date.match(target, end))
    ):
        end = after.end()  # the model's own currency word, or a year word («в 2–3 млрд $ году»)
    elif hit.term_id == YEARS and (word := re.search(r"[^\W\d]+$", rendered)) and target.startswith(word.group(), end):
        end += len(word.group())
    if in_points(hit) and (points := language.points_after_amount.match(target, end)):
        end = points.end()
    if (
        hit.term_id in (NUMBER, RANGE, SPELLED, MONEY)
        and (age := language.age_after_count.match(target, end))
        and not _YEARS_AFTER.match(source, hit.end)
        and not _AGED.search(source, 0, hit.start)
        and not (source[: hit.start].rstrip().endswith(",") and source[hit.end :].startswith(","))  # "Smith, 45, said"
    ):
        end = age.end()  # «4억 6000만세의» for "460 million cards": the model takes a count for an age
    if (
        language.particle_for_on_date
        and (
            (hit.term_id in (DATE, DAYS) and _ON.search(source, 0, hit.start))
            or (named_time(hit) is not None and _AT.search(source, 0, hit.start))  # "at noon": 정오에, not 정오에서
        )
        and target.startswith(language.particle_for_on_date[0], end)
    ):
        written, meant = language.particle_for_on_date
        rendered, end = rendered + meant, end + len(written)
    if rendered.endswith(".") and target.startswith(".", end):
        end += 1  # «3 ноября 2024 г.» ends the sentence: one full stop, not two
    # A Korean particle after a figure agrees with how it is read («5,000을», «2를», «#45는»,
    # «2010년에», «2FA가»: a code's letters are spelt); not after an emoji, a fraction or other
    # Latin letters («10km», «#MeToo»).
    readable = (
        (rendered[-1:].isdigit() and "/" not in rendered)
        or in_script(rendered[-1:] or " ", "Hangul")
        or (hit.term_id == VERBATIM and inflect.SPELT_CODE.fullmatch(rendered) is not None)
    )
    count, counted, alone = count_value(hit, source), "", False
    if hit.term_id == QUANTITY and "/" not in quantity(hit.text):
        # A magnitude counts what follows its "of": «десятки тысяч людей», «수만 명의»; one alone
        # before its verb counts people, as news uses it ("Dozens killed": «수십 명 사망»).
        count = _MAGNITUDE_COUNT
        of = re.match(r"\s+of\b", source[hit.end :])
        counted = inflect.counted_kind(source, TermHit(hit.term_id, hit.start, hit.end + of.end(), hit.text)) if of else "people"
        alone = of is None
    elif hit.term_id in (NUMBER, RANGE, SPELLED) and _AGED.search(source, 0, hit.start):
        counted = "ages"  # "men aged 18 to 60": Korean counts years of age («18~60세»)
    elif count is not None:
        counted, alone = inflect.counted_kind(source, hit), inflect.casualties(source, hit)
    partitive = hit.term_id == QUANTITY
    return _Replacement(start, end, rendered, readable, count=count, counted=counted, subject=subject, partitive=partitive, alone=alone)


# A magnitude's count as the target's grammar reads it: many (ru/uk "many" category).
_MAGNITUDE_COUNT = Decimal(10_000)
_GLUED_ENGLISH = re.compile(r"[a-z]{2,}\b")
_GENDERS = {"m": "masc", "f": "femn", "n": "neut"}  # a list's gender as the dictionary names it
_YEARLIKE = re.compile(r"1[5-9]\d\d|20\d\d")
_AGED = re.compile(r"\b(?:aged|ages|age of)\s+$", re.IGNORECASE)
_YEARS_AFTER = re.compile(r"(?:['’]s)?[\s-]*(?:years?|yr)\b", re.IGNORECASE)
_HYPHEN_ENDING = re.compile(r"-[^\W\d]{1,3}(?!\w)")


def _glued_ending(target: str, end: int, rendered: str) -> tuple[str, int]:
    """A decade's, an ordinal's or a year's rendering and where it ends in ``target``: an ending the
    model glued to the placeholder takes the place of the language's usual one, since it agrees
    with the words after it («#1-е годы» → «1990-е годы», «#1-го века» → «21-го века»); the
    usual one written again is dropped («#1년대», «#1번째», «#1년»)."""
    digits = rendered[: len(rendered) - len(rendered.lstrip("0123456789"))]
    ending = rendered[len(digits) :]
    if ending.startswith("-") and (glued := _HYPHEN_ENDING.match(target, end)):
        return digits + glued.group(), glued.end()
    return rendered, end + len(ending) if ending and target.startswith(ending, end) else end


def place(aligned: Alignment, source: str, hits: list[TermHit], glossary: Glossary, lang: str) -> Restored:
    """The model's best translation, whole, with each placeholder it lost put back where it
    attended to that placeholder (CTranslate2's attention), and each one it repeated kept once;
    then restored as any translation is. For a sentence whose placeholders every alternative
    lost: the text around a term is never translated on its own."""
    text = aligned.target
    found = _placeholders(text)
    edits: list[tuple[int, int, str, int]] = []  # (start, end, replacement, order)
    lost = {n: _attended(aligned, n) for n in range(1, len(hits) + 1) if n not in found}
    for n, matches in found.items():
        # A repeated placeholder is kept where it first appears; an unknown one is dropped, with
        # what the model glued to it («#1%로», «#2명의»), unless a lost placeholder goes there,
        # whose particle or counter that is (``_left_over``); a percent sign goes either way.
        for m in matches[1:] if 1 <= n <= len(hits) else matches:
            glued = (_GLUED_TO_COPY if m.start() in lost.values() else _GLUED_WORD).match(text, m.end())
            edits.append((m.start(), glued.end() if glued else m.end(), "", 0))
    for n, at in lost.items():
        hit = hits[n - 1]
        # Korean: the particle the English asks for (the model writes one after a placeholder it
        # keeps), unless the word there is what a dropped placeholder left: a particle or counter alone.
        ending = ""
        if profile(lang).particles and at < len(text) and not is_figure(hit) and not _left_over(text, at, lang):
            ending = inflect.governed_particle(source, hit, person=glossary.term(hit.term_id).type == "person")
        edits.append((at, at, PLACEHOLDER.format(n) + ending + ("" if at == len(text) else " "), n))
    # From the end; at one place the removal first, then lost placeholders last to first, so they read in order.
    for start, end, replacement, _ in sorted(edits, key=lambda e: (e[0], e[3] == 0, e[3]), reverse=True):
        text = text[:start] + replacement + text[end:]
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r" {2,}", " ", text)).strip()
    restored = restore(text, source, hits, glossary, lang)
    if not restored.complete:  # not reached: every placeholder is in ``text`` once by now
        return Restored(_FOUND.sub("", text).strip(), [], False)
    term_numbers = [n for n, hit in enumerate(hits, 1) if not is_figure(hit)]
    for n, result in zip(term_numbers, restored.results):
        if n in lost:
            result.status = "repaired"
            restored.text = _unstutter(restored.text, result, restored.results, glossary, lang)
    return restored


_GLUED_TO_COPY = re.compile(r"(?:%[^\W\d_]*)?\s?")
_GLUED_WORD = re.compile(r"(?:%|[^\W\d_])*\s?")


def _left_over(text: str, at: int, lang: str) -> bool:
    """Whether the word at ``at``, without a placeholder, is a particle or a counter alone («을»,
    «명을»): the rest of a placeholder the model wrote twice, whose copy is dropped."""
    language = profile(lang)
    word = _FOUND.sub("", text[at:].split(" ", 1)[0]).rstrip(".,;:!?")
    return bool(language.counter_after_term.match(word)) or word in language.particles


def _unstutter(text: str, placed: TermResult, results: list[TermResult], glossary: Glossary, lang: str) -> str:
    """``text`` without a lost term that was put right before another term beginning with the
    same word («쿠르스크 쿠르스크주» for "the Kursk area … to reclaim Kursk"): the model folded the
    two mentions into one and attended to it for both, so the placement would read as a stutter.
    The term is reported missing instead."""
    particles = "|".join(profile(lang).particles)
    for other in results:
        # The placed term may carry the particle the English asked for («쿠르스크를 쿠르스크주»).
        pair = re.compile(f"{re.escape(placed.form)}(?:{particles})? {re.escape(other.form)}")
        if other is not placed and (found := pair.search(text)) and _same_word(placed.form.split()[-1], other.form.split()[0]):
            placed.status, placed.expected = "failed", glossary.term(placed.term_id).targets[lang]
            return text[: found.start()] + other.form + text[found.end() :]
    return text


def _same_word(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` or begins with it (Hangul), or the same word in another
    case (Cyrillic: all but an ending of up to three letters shared)."""
    word, other = word.lower(), other.lower()
    if re.match(r"[가-힣]", word):
        return other.startswith(word)
    stem = len(os.path.commonprefix([word, other]))
    return stem >= 4 and stem >= len(word) - 3 and stem >= len(other) - 3


def without_placeholders(text: str) -> str:
    """``text`` with its placeholders blanked."""
    return _FOUND.sub(" ", text)


def placeholder_numbers(text: str) -> list[int]:
    """The numbers of ``text``'s placeholders, sorted (each as often as it occurs)."""
    return sorted(int(m.group(1)) for m in _FOUND.finditer(text))


def _placeholder(target: str, n: int) -> re.Match[str] | None:
    """Where ``target`` first has placeholder ``n`` ("#2", not inside "#12" or "#21")."""
    return re.search(rf"(?<![\w#])#{n}(?!\d)", target)


def _placeholders(target: str) -> dict[int, list[re.Match[str]]]:
    """Placeholder number → where ``target`` has it; a number past the source's placeholders is
    one too, two glued together ("#910" for "#9", "#10"). A "#45" of the source itself went
    through as a placeholder of its own (``figures.find_figures``)."""
    found: dict[int, list[re.Match[str]]] = {}
    for m in _FOUND.finditer(target):
        found.setdefault(int(m.group(1)), []).append(m)
    return found


def _attended(aligned: Alignment, n: int) -> int:
    """Where in the target the word begins whose piece attended most to placeholder ``n`` of the source."""
    m = re.search(rf"(?<![\w#])#\s?{n}(?!\d)", aligned.source)
    return len(aligned.target) if m is None else attended(aligned, m.start(), m.end())


def attended(aligned: Alignment, start: int, end: int) -> int:
    """Where in the target the word begins whose piece attended most to the source's
    characters ``start:end``; the target's end without attention."""
    if not aligned.attention:
        return len(aligned.target)
    starts = [*aligned.source_starts, len(aligned.source)]
    span = [k for k in range(len(aligned.source_starts)) if starts[k] < end and starts[k + 1] > start]
    weight = [sum(row[k] for k in span if k < len(row)) for row in aligned.attention]
    j = max(range(len(weight)), key=weight.__getitem__)
    at = aligned.target_starts[j] if j < len(aligned.target_starts) else len(aligned.target)
    # Back to the start of the word the piece is in (a placeholder goes between words).
    while at < len(aligned.target) and aligned.target[at].isspace():
        at += 1
    while at > 0 and not aligned.target[at - 1].isspace():
        at -= 1
    return at


def verify(target: str, hits: list[TermHit], glossary: Glossary, lang: str) -> list[TermResult]:
    """Whether each source term has an accepted form in ``target`` (lemma-aware for ru/uk).

    Only the first ``MAX_TERMS`` are looked for: the search is quadratic, and a sentence with
    more is reported as such by the checks (``terms-unchecked``).
    """
    results = []
    used: list[tuple[int, int]] = []
    for hit in hits[:MAX_TERMS]:
        term = glossary.term(hit.term_id)
        span = inflect.find_form(target, term, lang, exclude=used)
        if span is None:
            results.append(TermResult(term_id=term.id, status="failed", expected=term.targets[lang]))
        else:
            used.append(span)
            results.append(TermResult(term_id=term.id, status="applied", form=target[span[0] : span[1]]))
    return results
