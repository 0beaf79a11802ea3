"""read → segment → protect terms → translate → restore terms → check → write formats."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__, checks, terms
from pipeline.engine import Translator, find_package
from pipeline.formats import RunContext
from pipeline.formats.registry import selected
from pipeline.glossary import Glossary, load_glossary
from pipeline.memory import Memory
from pipeline.model import Document, RunSignature, Segment, State
from pipeline.segment import SEGMENTER
from pipeline.workspace import (
    apply_drafts,
    collect_human_work,
    ensure_writable,
    expand_inputs,
    load_documents,
    render,
    write_outputs,
)

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (language, done, total)


@dataclass
class RunOptions:
    out: Path
    glossary: Path
    memory: Path
    targets: list[str] = field(default_factory=lambda: ["ko", "uk", "ru"])
    beam_size: int = 4
    batch_size: int = 1  # changes speed, never output
    package_dirs: list[Path] | None = None  # None: Argos' own package directories
    force: bool = False  # set unreadable review files aside, replace hand-edited non-review outputs
    xliff12: bool = False  # also write XLIFF 1.2 for older tools


@dataclass
class RunReport:
    documents: list[Document]
    signature: RunSignature
    seconds: float
    files: list[Path]
    term_accuracy: dict[str, tuple[int, int]]  # lang -> (correct, occurrences)
    findings: dict[str, Counter]  # lang -> Counter of finding codes

    @property
    def segments(self) -> int:
        return sum(len(d.segments) for d in self.documents)


def _apply_memory(docs: list[Document], memory: Memory, lang: str, glossary: Glossary) -> list[Segment]:
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
    """Machine-translate ``segments`` with glossary terms protected and restored; repair lost placeholders."""
    inputs = [translator.normalize(terms.protect(seg.source, seg.terms)) for seg in segments]

    def tick(fraction: float) -> None:
        if progress:
            progress(lang, round(fraction * len(segments)), len(segments))

    hypotheses = translator.translate(inputs, progress=tick)
    broken: list[Segment] = []
    for seg, hyp in zip(segments, hypotheses):
        tr = seg.target(lang)
        tr.score = hyp.score
        tr.state = State.NEEDS_REVIEW if tr.previous else State.MACHINE
        if not seg.terms:
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


def _term_accuracy(docs: list[Document], lang: str) -> tuple[int, int]:
    results = [r for d in docs for s in d.segments for r in s.target(lang).terms]
    return sum(r.status != "failed" for r in results), len(results)


def run(inputs: list[str], options: RunOptions, *, root: Path, progress: Progress | None = None) -> RunReport:
    """Translate every article in ``inputs`` into every target language and write all outputs,
    keeping every human entry of the review files being replaced."""
    started = time.monotonic()
    glossary = load_glossary(options.glossary)
    docs = load_documents(expand_inputs(inputs, root), glossary, root)
    ensure_writable(options.out)
    packages = {lang: find_package("en", lang, options.package_dirs) for lang in options.targets}
    signature = RunSignature(
        pipeline=__version__,
        packages={lang: p.label() for lang, p in packages.items()},
        glossary=glossary.version,
        segmenter=SEGMENTER,
        beam_size=options.beam_size,
    )
    accuracy, findings = {}, {}
    with Memory(options.memory) as memory:
        work = collect_human_work(docs, options.out, options.targets, memory, glossary, force=options.force)
        for lang in options.targets:
            todo = _apply_memory(docs, memory, lang, glossary)
            translator = Translator(packages[lang], beam_size=options.beam_size, batch_size=options.batch_size)
            translate_segments(todo, translator, glossary, lang, progress)
            apply_drafts(docs, work, lang, glossary)
            for doc in docs:
                for seg in doc.segments:
                    tr = seg.target(lang)
                    if tr.state == State.REVIEWED:
                        tr.terms = terms.verify(tr.text, seg.terms, glossary, lang)
                    tr.findings = checks.check_segment(seg, tr, lang)
            checks.confidence_findings(docs, lang)
            accuracy[lang] = _term_accuracy(docs, lang)
            findings[lang] = Counter(f.code for d in docs for s in d.segments for f in s.target(lang).findings)
    context = RunContext(signature=signature, glossary=glossary, langs=tuple(options.targets))
    files = render(docs, context, options.out, selected(xliff12=options.xliff12))
    written = write_outputs(files, options.out, force=options.force, merged=work.files)
    return RunReport(docs, signature, time.monotonic() - started, written, accuracy, findings)
