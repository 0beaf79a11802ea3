"""read → segment → protect terms → translate → restore terms → check → write formats."""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__, checks, terms
from pipeline.engine import Translator, find_package
from pipeline.errors import InputError, PipelineError
from pipeline.formats import html, po, tbx, text, tmx, tsv, write_atomic, xliff, xliff12
from pipeline.glossary import Glossary, load_glossary
from pipeline.memory import Memory
from pipeline.model import Document, RunSignature, Segment, State
from pipeline.read import read_article
from pipeline.segment import SEGMENTER, segment_text

log = logging.getLogger(__name__)

MANIFEST = ".pipeline-manifest.json"
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
    force: bool = False  # overwrite files edited since the last run
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


def expand_inputs(inputs: list[str], root: Path) -> list[Path]:
    """Files, directories (their *.txt) and globs, in a stable order."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item) if Path(item).is_absolute() else root / item
        if path.is_dir():
            paths.extend(sorted(path.glob("*.txt")))
        elif path.is_file():
            paths.append(path)
        else:
            matches = sorted(Path(p) for p in glob.glob(str(path)))
            if not matches:
                raise InputError(item, "no such file, directory or glob match")
            paths.extend(matches)
    if not paths:
        raise InputError(", ".join(inputs), "no articles (*.txt) found")
    return list(dict.fromkeys(p.resolve() for p in paths))


def load_documents(paths: list[Path], glossary: Glossary, root: Path) -> list[Document]:
    docs, names = [], {}
    for path in paths:
        name = path.stem
        if name in names:
            raise InputError(path, f"same document name as {names[name]}; output files would collide")
        names[name] = path
        doc = segment_text(name, read_article(path))
        doc.source_path = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        for seg in doc.segments:
            seg.terms = terms.match_terms(seg.source, glossary)
        docs.append(doc)
    return docs


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


class OutputGuard:
    """Refuses to overwrite an output a reviewer edited after the last run (unless forced)."""

    def __init__(self, out: Path, force: bool):
        self.out, self.force = out, force
        self.path = out / MANIFEST
        self.hashes: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8")) if self.path.is_file() else {}

    def check(self, paths: list[Path]) -> None:
        edited = []
        for path in paths:
            key = path.relative_to(self.out).as_posix()
            if path.is_file() and key in self.hashes and _sha(path) != self.hashes[key]:
                edited.append(key)
        if edited and not self.force:
            raise PipelineError(
                f"{self.out / edited[0]} was edited since the last run ({len(edited)} file(s)); "
                "import it first with `pipeline import FILE`, or re-run with --force to discard the edits"
            )

    def record(self, paths: list[Path]) -> None:
        for path in paths:
            self.hashes[path.relative_to(self.out).as_posix()] = _sha(path)
        write_atomic(self.path, (json.dumps(self.hashes, indent=1, sort_keys=True) + "\n").encode())


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def output_paths(out: Path, doc: Document, langs: list[str], xliff_12: bool = False) -> dict[str, Path]:
    paths = {"tmx": out / f"{doc.name}.tmx", "html": out / f"{doc.name}.html"}
    for lang in langs:
        paths[f"po:{lang}"] = out / lang / "LC_MESSAGES" / f"{doc.name}.po"
        paths[f"txt:{lang}"] = out / lang / f"{doc.name}.txt"
        paths[f"tsv:{lang}"] = out / lang / f"{doc.name}.tsv"
        paths[f"xlf:{lang}"] = out / lang / f"{doc.name}.xlf"
        if xliff_12:
            paths[f"xlf12:{lang}"] = out / lang / f"{doc.name}.xliff12.xlf"
    return paths


def write_outputs(docs: list[Document], glossary: Glossary, signature: RunSignature, options: RunOptions) -> list[Path]:
    out, langs = options.out, options.targets
    guard = OutputGuard(out, options.force)
    planned = [p for doc in docs for p in output_paths(out, doc, langs, options.xliff12).values()]
    guard.check(planned)
    written = []
    for doc in docs:
        paths = output_paths(out, doc, langs, options.xliff12)
        for lang in langs:
            sig = signature.for_lang(lang)
            model = signature.packages[lang]
            po.write(paths[f"po:{lang}"], doc, lang, sig, model)
            text.write(paths[f"txt:{lang}"], doc, lang)
            tsv.write(paths[f"tsv:{lang}"], doc, lang)
            xliff.write(paths[f"xlf:{lang}"], doc, lang, glossary, sig, model)
            if options.xliff12:
                xliff12.write(paths[f"xlf12:{lang}"], doc, lang, sig, model)
        tmx.write(paths["tmx"], doc, langs, str(signature))
        html.write(paths["html"], doc, langs, glossary, signature)
        written.extend(paths.values())
    tbx_path = out / "glossary.tbx"
    tbx.write(tbx_path, glossary)
    written.append(tbx_path)
    guard.record(written)
    return written


def run(inputs: list[str], options: RunOptions, *, root: Path, progress: Progress | None = None) -> RunReport:
    """Translate every article in ``inputs`` into every target language and write all outputs."""
    started = time.monotonic()
    glossary = load_glossary(options.glossary)
    docs = load_documents(expand_inputs(inputs, root), glossary, root)
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
        for lang in options.targets:
            todo = _apply_memory(docs, memory, lang, glossary)
            translator = Translator(packages[lang], beam_size=options.beam_size, batch_size=options.batch_size)
            translate_segments(todo, translator, glossary, lang, progress)
            for doc in docs:
                for seg in doc.segments:
                    tr = seg.target(lang)
                    if tr.state == State.REVIEWED:
                        tr.terms = terms.verify(tr.text, seg.terms, glossary, lang)
                    tr.findings = checks.check_segment(seg, tr, lang)
            checks.confidence_findings(docs, lang)
            accuracy[lang] = _term_accuracy(docs, lang)
            findings[lang] = Counter(f.code for d in docs for s in d.segments for f in s.target(lang).findings)
    files = write_outputs(docs, glossary, signature, options)
    return RunReport(docs, signature, time.monotonic() - started, files, accuracy, findings)

