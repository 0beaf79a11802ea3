"""The translate stage: reviewed text from the memory, machine translation with glossary
terms protected and restored, and the drafts people left in the review files."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from pipeline import curated, figures, inflect, terms
from pipeline.checks import repeated_ngram
from pipeline.engine import Engine, Hypothesis
from pipeline.errors import EngineError
from pipeline.glossary import Glossary
from pipeline.languages import in_script, profile
from pipeline.lexicon import approved_names, english_once, names_to_place, place_names, write_names
from pipeline.memory import Memory, nfc
from pipeline.merge import HumanWork, apply_drafts
from pipeline.model import Document, Segment, State, TermHit

Progress = Callable[[str, int, int], None]  # (language, done, total)

# How many of the model's best translations are searched for one that keeps every placeholder
# (before placement by attention) or one that does not loop: deeper lists kept more
# placeholders on the sample (README, "What a run does").
REPAIR_ALTERNATIVES = 8


def translate_language(
    docs: list[Document],
    lang: str,
    translator: Engine,
    memory: Memory,
    glossary: Glossary,
    work: HumanWork,
    progress: Progress | None = None,
    *,
    threshold: int = 75,
) -> None:
    """Fill every segment's ``lang`` translation: reviewed where the memory has it, else machine
    text, and a person's unapproved draft where the review files hold one."""
    todo = apply_memory(docs, memory, lang, glossary, threshold)
    translate_segments(todo, translator, glossary, lang, progress, names=approved_names(memory, todo, lang))
    for doc in docs:
        english_once(doc.segments, lang)
    apply_drafts(docs, work, lang)


def apply_memory(docs: list[Document], memory: Memory, lang: str, glossary: Glossary, threshold: int = 75) -> list[Segment]:
    """Fill reviewed translations from the memory, and the people's translations of similar
    sentences (at ``threshold`` percent or more) beside the others; return the segments still to translate."""
    todo = []
    current = frozenset(nfc(seg.source) for doc in docs for seg in doc.segments)
    for doc in docs:
        for seg in doc.segments:
            entry = memory.lookup(seg.id, seg.source, lang, glossary.version, current)
            tr = seg.target(lang)
            if entry and entry.exact:
                tr.text, tr.state, tr.comment = entry.target, State.REVIEWED, entry.comment
                tr.transliterated, tr.matches = [], []
                # Reviewed for another article (or imported from a TMX): right, but out of this context.
                tr.reused_from = "" if entry.origin.rsplit(":", 2)[0] == doc.name else entry.origin
            else:
                tr.matches = memory.matches(seg.source, lang, threshold=threshold)
                if entry:
                    tr.previous, tr.previous_source, tr.comment = entry.target, entry.source, entry.comment
                todo.append(seg)
    return todo


def translate_segments(
    segments: list[Segment],
    translator: Engine,
    glossary: Glossary,
    lang: str,
    progress: Progress | None = None,
    *,
    names: Mapping[str, str] | None = None,
) -> None:
    """Machine-translate ``segments`` with glossary terms protected and restored; repair lost
    placeholders; write names outside the glossary as ``names`` (reviewers' forms of name
    words, ``lexicon.approved_names``) or the names lexicon has them, and put back those the
    translation lost where the model attended to them (``lexicon.place_names``).

    A segment with more than ``terms.MAX_TERMS`` terms is translated as it is and its
    terms only verified: protecting and repairing thousands of terms would take hours.
    """
    protected = {seg.id: curated.protected(seg, lang) for seg in segments}
    dense = {seg.id for seg in segments if len(protected[seg.id]) > terms.MAX_TERMS}
    inputs = [translator.normalize(seg.source if seg.id in dense else terms.protect(seg.source, protected[seg.id])) for seg in segments]

    def tick(fraction: float) -> None:
        if progress:
            progress(lang, round(fraction * len(segments)), len(segments))

    with _naming_segments(segments, inputs):
        hypotheses = _without_flaws(translator, inputs, translator.translate(inputs, progress=tick), lang)
    broken: list[tuple[Segment, str]] = []  # (segment, engine input)
    for seg, text, hyp in zip(segments, inputs, hypotheses):
        tr = seg.target(lang)
        tr.score = hyp.score
        tr.state = State.NEEDS_REVIEW if tr.previous else State.MACHINE
        if not protected[seg.id] or seg.id in dense:
            # A dense segment's terms are verified with the checks (checks.verify_and_check).
            tr.text = hyp.text
            continue
        restored = terms.restore(hyp.text, seg.source, protected[seg.id], glossary, lang)
        if restored.complete:
            tr.text, tr.terms = restored.text, restored.results
        else:
            broken.append((seg, text))
    left = _restore_from_alternatives(broken, protected, translator, glossary, lang) if broken else []
    if left:
        # No alternative kept every placeholder: the best translation, whole, with the lost
        # ones put where the model attended to them (never pieces translated on their own).
        texts = {seg.id: text for seg, text in broken}
        with _naming_segments(left, [texts[seg.id] for seg in left]):
            aligned = translator.align([texts[seg.id] for seg in left])
        for seg, alignment in zip(left, aligned):
            restored = terms.place(alignment, seg.source, protected[seg.id], glossary, lang)
            tr = seg.target(lang)
            tr.text, tr.terms, tr.score = restored.text, restored.results, alignment.score
    for seg in segments:
        write_names(seg, lang, names)
    lost = [(seg, text, found) for seg, text in zip(segments, inputs) if (found := names_to_place(seg, lang, names))]
    if lost:
        with _naming_segments([seg for seg, _, _ in lost], [text for _, text, _ in lost]):
            aligned = translator.align([text for _, text, _ in lost])
        for (seg, _, found), alignment in zip(lost, aligned):
            place_names(seg, lang, found, alignment, names)
    for seg in segments:
        tr = seg.target(lang)
        tr.text = _capitalised_as(
            seg.source,
            figures.without_invented_dates(
                inflect.agree_ages(inflect.agree_ordinals(tr.text, seg.source, lang), seg.source, lang), seg.source, lang
            ),
        )
        if seg.terms:
            verified = terms.verify(tr.text, seg.terms, glossary, lang)
            for result, check in zip(tr.terms, verified):
                if check.status == "failed":
                    result.status, result.expected = "failed", check.expected


def _restore_from_alternatives(
    broken: list[tuple[Segment, str]], protected: Mapping[str, list[TermHit]], translator: Engine, glossary: Glossary, lang: str
) -> list[Segment]:
    """Take the best of the model's alternatives that keeps every placeholder exactly once
    (``protected``: each segment's placeholders, by id) (and is not ``_flawed``, where one is not);
    return the segments none of them fit. A
    whole-sentence translation of the model's own choosing reads better than one with
    placeholders put back by attention."""
    left = []
    with _naming_segments([seg for seg, _ in broken], [text for _, text in broken]):
        alternatives_each = translator.alternatives([text for _, text in broken], REPAIR_ALTERNATIVES)
    for (seg, text), alternatives in zip(broken, alternatives_each):
        fitting = [
            (hyp, r) for hyp in alternatives if (r := terms.restore(hyp.text, seg.source, protected[seg.id], glossary, lang)).complete
        ]
        if not fitting:
            left.append(seg)
            continue
        hyp, restored = next(((h, r) for h, r in fitting if not _flawed(text, h.text, lang)), fitting[0])
        tr = seg.target(lang)
        tr.text, tr.terms, tr.score = restored.text, restored.results, hyp.score
    return left


def _capitalised_as(source: str, text: str) -> str:
    """``text`` with its first letter capitalised where the English sentence starts with a capital
    and the translation with a lower-case letter of its own script («оператор запустил» for "The
    operator launched"); a word in Latin letters is left as written ("iPhone")."""
    first = re.search(r"[^\W_]", source)
    at = re.search(r"[^\W_]", text)
    if first is None or at is None or not first.group().isupper() or not at.group().islower() or in_script(at.group(), "Latin"):
        return text
    return text[: at.start()] + at.group().upper() + text[at.end() :]


# A unit the English writes after a number in words ("60 metres", "5 inches").
_UNIT_WORD = r"(?:m|metres?|meters?|inch(?:es)?|in|feet|foot|ft|miles?|mi|yards?|yd|km|kilomet(?:re|er)s?)\b"


def _flawed(text: str, output: str, lang: str) -> bool:
    """Whether the model's ``output`` for engine input ``text`` loops (a 1–4-gram three times), has
    a number the input has not, outside its placeholders: one the model made up («-1-%» beside
    "10-15%", «17-2 국가» for "A 17-year-old"), which the number checks would report; or reads a
    placeholder as a count of a unit the English does not give ("#1 met #2": «#1 метра #2»; "#1
    jets": «#1 дюймов»)."""
    counted = [m.group(1) for m in profile(lang).unit_after_placeholder.finditer(output)]
    misread = any(not re.search(rf"#{n}\s+{_UNIT_WORD}", text) for n in counted)
    return bool(repeated_ngram(output)) or bool(_digits(output) - _digits(text)) or misread


def _digits(text: str) -> set[str]:
    return set(re.findall(r"\d+", terms.without_placeholders(text)))


def _without_flaws(translator: Engine, texts: list[str], hypotheses: list[Hypothesis], lang: str) -> list[Hypothesis]:
    """Each translation that is ``_flawed`` replaced by the model's best alternative that is not
    and keeps the input's placeholders, where it has one ("President" alone: «대통령 대통령 대통령»)."""
    flawed = [i for i, hyp in enumerate(hypotheses) if _flawed(texts[i], hyp.text, lang)]
    if not flawed:
        return hypotheses
    out = list(hypotheses)
    for i, alternatives in zip(flawed, translator.alternatives([texts[i] for i in flawed], REPAIR_ALTERNATIVES)):
        wanted = terms.placeholder_numbers(texts[i])
        out[i] = next(
            (h for h in alternatives if not _flawed(texts[i], h.text, lang) and terms.placeholder_numbers(h.text) == wanted), out[i]
        )
    return out


@contextmanager
def _naming_segments(segments: list[Segment], inputs: list[str]) -> Iterator[None]:
    """An engine failure names the segments whose input it failed on: a user can find,
    fix or leave out the sentence instead of searching a whole batch."""
    try:
        yield
    except EngineError as exc:
        ids = list(dict.fromkeys(seg.id for seg, text in zip(segments, inputs) if text in exc.inputs))
        if not ids:
            raise
        more = f" and {len(ids) - 3} more" if len(ids) > 3 else ""
        raise EngineError(f"segment {', '.join(ids[:3])}{more}: {exc}", exc.inputs) from exc
