"""read → segment → protect terms → translate → restore terms → check → write formats."""

from __future__ import annotations

import contextlib
import logging
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline import __version__, checks
from pipeline.cache import TranslationCache, file_sha256
from pipeline.cluster import ClusterTranslator, connect
from pipeline.config import Config
from pipeline.engine import Translator, decoding_signature, find_package, resolve_device
from pipeline.errors import ConfigError
from pipeline.formats import RunContext
from pipeline.formats.registry import selected
from pipeline.glossary import load_glossary
from pipeline.languages import parse_targets
from pipeline.lexicon import lexicon_version
from pipeline.memory import Memory
from pipeline.merge import apply_drafts, collect_human_work
from pipeline.model import Document, RunSignature
from pipeline.segment import SEGMENTER
from pipeline.translate import Progress, apply_memory, translate_language
from pipeline.workspace import (
    ensure_writable,
    expand_inputs,
    load_documents,
    output_lock,
    render,
    write_outputs,
    write_run_record,
)

log = logging.getLogger(__name__)


@dataclass
class RunOptions:
    """Everything a run needs; built from ``pipeline.toml`` and command-line overrides by ``from_config``."""

    out: Path
    glossary: Path
    memory: Path
    targets: list[str]
    beam_size: int
    batch_size: int  # changes speed, never output
    xliff12: bool  # also write XLIFF 1.2 for older tools
    cache: Path | None  # translation cache; None: translate everything
    device: str  # auto, cpu or cuda
    precision: str  # fast or reproducible
    memory_threshold: int  # percent: fuzzy matches from the memory shown at or above it
    cluster: str  # Dask scheduler address; "" for this machine
    package_dirs: list[Path] | None = None  # None: Argos' own package directories
    force: bool = False  # set unreadable review files aside, replace hand-edited non-review outputs

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        out: str | None = None,
        glossary: str | None = None,
        targets: str | None = None,
        xliff12: bool = False,
        force: bool = False,
        package_dirs: list[Path] | None = None,
        device: str | None = None,
        precision: str | None = None,
        no_cache: bool = False,
        cluster: str | None = None,
    ) -> RunOptions:
        """``config``'s settings, each overridden where the caller gives one (paths relative to the caller)."""
        return cls(
            out=Path(out).resolve() if out else config.path(config.out),
            glossary=Path(glossary).resolve() if glossary else config.path(config.glossary),
            memory=config.path(config.memory),
            targets=parse_targets(targets) if targets is not None else list(config.targets),
            beam_size=config.beam_size,
            batch_size=config.batch_size,
            xliff12=xliff12 or config.xliff12,
            cache=None if no_cache or not config.cache else config.path(config.cache),
            device=device or config.device,
            precision=precision or config.precision,
            memory_threshold=config.memory_threshold,
            cluster=config.cluster if cluster is None else cluster,
            package_dirs=package_dirs,
            force=force,
        )


@dataclass
class RunReport:
    documents: list[Document]
    signature: RunSignature
    seconds: float
    files: list[Path]
    term_accuracy: dict[str, tuple[int, int]]  # lang -> (correct, occurrences)
    findings: dict[str, Counter]  # lang -> Counter of finding codes
    cache_hits: int = 0  # engine inputs found in the translation cache
    cache_misses: int = 0  # engine inputs translated

    @property
    def segments(self) -> int:
        return sum(len(d.segments) for d in self.documents)


def _term_accuracy(docs: list[Document], lang: str) -> tuple[int, int]:
    results = [r for d in docs for s in d.segments for r in s.target(lang).terms]
    return sum(r.status != "failed" for r in results), len(results)


def run(inputs: list[str], options: RunOptions, *, root: Path, progress: Progress | None = None) -> RunReport:
    """Translate every article in ``inputs`` into every target language and write all outputs,
    keeping every human entry of the review files being replaced."""
    started = time.monotonic()
    glossary = load_glossary(options.glossary)
    uncovered = [lang for lang in options.targets if lang not in glossary.langs]
    if uncovered:
        raise ConfigError(f"{options.glossary}: the glossary has no column for {', '.join(uncovered)} (it has {', '.join(glossary.langs)})")
    articles = expand_inputs(inputs, root)
    docs = load_documents(articles, glossary, root)
    ensure_writable(options.out)
    packages = {lang: find_package("en", lang, options.package_dirs) for lang in options.targets}
    # Cluster workers decode on their CPUs, one thread each.
    device = "cpu" if options.cluster else resolve_device(options.device)
    accuracy, findings = {}, {}
    # One run at a time writes an output folder; the lock is held from reading its review files to writing.
    with output_lock(options.out), contextlib.ExitStack() as stack:
        memory = stack.enter_context(Memory(options.memory))
        cache = stack.enter_context(TranslationCache(options.cache)) if options.cache else None
        client = stack.enter_context(connect(options.cluster)) if options.cluster else None
        signature = RunSignature(
            pipeline=__version__,
            packages={lang: f"{p.label()} sha256:{p.digest(cache.file_digest if cache else file_sha256)}" for lang, p in packages.items()},
            glossary=glossary.version,
            segmenter=SEGMENTER,
            decoding=decoding_signature(options.beam_size, device, options.precision),
            names={lang: lexicon_version(lang) for lang in options.targets},
        )
        work = collect_human_work(docs, options.out, options.targets, memory, glossary, force=options.force)
        for lang in options.targets:
            translator = (
                ClusterTranslator(packages[lang], client, beam_size=options.beam_size, precision=options.precision, cache=cache)
                if client
                else Translator(
                    packages[lang],
                    beam_size=options.beam_size,
                    batch_size=options.batch_size,
                    device=device,
                    precision=options.precision,
                    cache=cache,
                )
            )
            translate_language(docs, lang, translator, memory, glossary, work, progress, threshold=options.memory_threshold)
        # A reviewer may have saved a review file while the models ran: merge it again now.
        changed = work.changed(options.out, docs, options.targets)
        if changed:
            collect_human_work(docs, options.out, options.targets, memory, glossary, force=options.force, work=work, only=changed)
            for lang in options.targets:
                apply_memory(docs, memory, lang, glossary, options.memory_threshold)
                apply_drafts(docs, work, lang)
        for lang in options.targets:
            for doc in docs:
                for seg in doc.segments:
                    checks.verify_and_check(seg, lang, glossary)
            checks.confidence_findings(docs, lang)
            accuracy[lang] = _term_accuracy(docs, lang)
            findings[lang] = Counter(f.code for d in docs for s in d.segments for f in s.target(lang).findings)
        hits, misses = (cache.hits, cache.misses) if cache else (0, 0)
        context = RunContext(signature=signature, glossary=glossary, langs=tuple(options.targets))
        files = render(docs, context, options.out, selected(xliff12=options.xliff12))
        written = write_outputs(files, options.out, force=options.force, merged=work.files)
        write_run_record(options.out, articles, options.glossary, options.targets, root)
    return RunReport(docs, signature, time.monotonic() - started, written, accuracy, findings, hits, misses)
