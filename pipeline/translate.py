"""The translate stage: reviewed text from the memory, machine translation with glossary
terms protected and restored, and the drafts people left in the review files."""

from __future__ import annotations

from collections.abc import Callable

from pipeline import terms
from pipeline.engine import Translator
from pipeline.glossary import Glossary
from pipeline.memory import Memory
from pipeline.model import Document, Segment, State
from pipeline.workspace import HumanWork, apply_drafts

Progress = Callable[[str, int, int], None]  # (language, done, total)


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

    hypotheses = translator.translate(inputs, progress=tick)
    broken: list[Segment] = []
    for seg, hyp in zip(segments, hypotheses):
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
            broken.append(seg)
    if broken:
        # The model dropped or duplicated a placeholder: translate the text between
        # the terms on its own and put the inflected terms back in between.
        pieces = [terms.split_around_terms(seg.source, seg.terms) for seg in broken]
        flat = [translator.normalize(p) for ps in pieces for p in ps]
        out = iter(translator.translate(flat))
        for seg, ps in zip(broken, pieces):
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
