"""The translate stage: reviewed text from the memory, machine translation with glossary
terms protected and restored, and the drafts people left in the review files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pipeline import terms
from pipeline.checks import repeated_ngram
from pipeline.engine import Hypothesis, Translator
from pipeline.errors import EngineError
from pipeline.glossary import Glossary
from pipeline.memory import Memory
from pipeline.model import Document, Segment, State
from pipeline.workspace import HumanWork, apply_drafts

Progress = Callable[[str, int, int], None]  # (language, done, total)

# How many of the model's best translations are searched for one that keeps every placeholder
# (before the piecewise repair) or one that does not loop. Measured on the sample's 12
# term-bearing segments (stand-ins v2): the best one keeps them all in 8/8/2 (ru/uk/ko),
# one of the best 4 in 9/10/4, one of the best 8 in 10/11/5.
REPAIR_ALTERNATIVES = 8


def translate_language(
    docs: list[Document],
    lang: str,
    translator: Translator,
    memory: Memory,
    glossary: Glossary,
    work: HumanWork,
    progress: Progress | None = None,
) -> None:
    """Fill every segment's ``lang`` translation: reviewed where the memory has it, else machine
    text, and a person's unapproved draft where the review files hold one."""
    todo = apply_memory(docs, memory, lang, glossary)
    translate_segments(todo, translator, glossary, lang, progress)
    apply_drafts(docs, work, lang)


def apply_memory(docs: list[Document], memory: Memory, lang: str, glossary: Glossary) -> list[Segment]:
    """Fill reviewed translations from the memory; return the segments still to translate."""
    todo = []
    for doc in docs:
        for seg in doc.segments:
            entry = memory.lookup(seg.id, seg.source, lang, glossary.version)
            tr = seg.target(lang)
            if entry and entry.exact:
                tr.text, tr.state, tr.comment = entry.target, State.REVIEWED, entry.comment
            else:
                if entry:
                    tr.previous, tr.previous_source, tr.comment = entry.target, entry.source, entry.comment
                todo.append(seg)
    return todo


def translate_segments(
    segments: list[Segment], translator: Translator, glossary: Glossary, lang: str, progress: Progress | None = None
) -> None:
    """Machine-translate ``segments`` with glossary terms protected and restored; repair lost placeholders.

    A segment with more than ``terms.MAX_TERMS`` terms is translated as it is and its
    terms only verified: protecting and repairing thousands of terms would take hours.
    """
    dense = {seg.id for seg in segments if len(seg.terms) > terms.MAX_TERMS}
    inputs = [translator.normalize(seg.source if seg.id in dense else terms.protect(seg.source, seg.terms)) for seg in segments]

    def tick(fraction: float) -> None:
        if progress:
            progress(lang, round(fraction * len(segments)), len(segments))

    with _naming_segments(segments, inputs):
        hypotheses = _without_loops(translator, inputs, translator.translate(inputs, progress=tick))
    broken: list[tuple[Segment, str]] = []  # (segment, engine input)
    for seg, text, hyp in zip(segments, inputs, hypotheses):
        tr = seg.target(lang)
        tr.score = hyp.score
        tr.state = State.NEEDS_REVIEW if tr.previous else State.MACHINE
        if not seg.terms or seg.id in dense:
            # A dense segment's terms are verified with the checks (checks.verify_and_check).
            tr.text = hyp.text
            continue
        restored = terms.restore(hyp.text, seg.source, seg.terms, glossary, lang)
        if restored.complete:
            tr.text, tr.terms = restored.text, restored.results
        else:
            broken.append((seg, text))
    left = _restore_from_alternatives(broken, translator, glossary, lang) if broken else []
    if left:
        # No translation kept every placeholder: translate the text between the
        # terms on its own and put the inflected terms back in between.
        pieces = [terms.split_around_terms(seg.source, seg.terms) for seg in left]
        flat = [translator.normalize(p) for ps in pieces for p in ps]
        with _naming_segments([seg for seg, ps in zip(left, pieces) for _ in ps], flat):
            out = iter(_without_loops(translator, flat, translator.translate(flat)))
        for seg, ps in zip(left, pieces):
            translated = [next(out).text for _ in ps]
            restored = terms.assemble(translated, seg.source, seg.terms, glossary, lang)
            tr = seg.target(lang)
            tr.text, tr.terms = restored.text, restored.results
    for seg in segments:
        tr = seg.target(lang)
        if seg.terms:
            verified = terms.verify(tr.text, seg.terms, glossary, lang)
            for result, check in zip(tr.terms, verified):
                if check.status == "failed":
                    result.status, result.expected = "failed", check.expected


def _restore_from_alternatives(broken: list[tuple[Segment, str]], translator: Translator, glossary: Glossary, lang: str) -> list[Segment]:
    """Take the best of the model's alternatives that keeps every placeholder exactly once
    (and does not loop, where one does not); return the segments none of them fit. A
    whole-sentence translation reads better than one assembled from pieces translated
    out of context."""
    left = []
    with _naming_segments([seg for seg, _ in broken], [text for _, text in broken]):
        alternatives_each = translator.alternatives([text for _, text in broken], REPAIR_ALTERNATIVES)
    for (seg, _), alternatives in zip(broken, alternatives_each):
        fitting = [(hyp, r) for hyp in alternatives if (r := terms.restore(hyp.text, seg.source, seg.terms, glossary, lang)).complete]
        if not fitting:
            left.append(seg)
            continue
        hyp, restored = next(((h, r) for h, r in fitting if not repeated_ngram(r.text)), fitting[0])
        tr = seg.target(lang)
        tr.text, tr.terms, tr.score = restored.text, restored.results, hyp.score
    return left


def _without_loops(translator: Translator, texts: list[str], hypotheses: list[Hypothesis]) -> list[Hypothesis]:
    """Each translation that repeats a 1–4-gram three times replaced by the model's best
    alternative that does not, where it has one ("President" alone: «대통령 대통령 대통령»)."""
    looping = [i for i, hyp in enumerate(hypotheses) if repeated_ngram(hyp.text)]
    if not looping:
        return hypotheses
    out = list(hypotheses)
    for i, alternatives in zip(looping, translator.alternatives([texts[i] for i in looping], REPAIR_ALTERNATIVES)):
        out[i] = next((hyp for hyp in alternatives if not repeated_ngram(hyp.text)), out[i])
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
