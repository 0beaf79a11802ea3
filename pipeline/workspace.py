"""The files around a run: inputs, documents, output paths, the human work in the review
files already there, and writing the new files without losing any of it.

The promise is msgmerge's: a run reads every review file it is about to replace
(PO, XLIFF, TSV) and keeps each human entry in it. Approved translations go to
the memory first, as an import would; translations a person changed but left
marked for review stay as they are, still marked. Only machine text is
regenerated. The memory is a cache of reviewed work and the manifest only tells
which other outputs were edited by hand, so losing either loses nothing.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import terms
from pipeline.config import Config
from pipeline.errors import FormatError, InputError, PipelineError
from pipeline.formats import TMP_SUFFIX, RunContext, tbx, write_atomic
from pipeline.formats.notes import edited_unreviewed
from pipeline.formats.registry import FORMATS, REVIEWED, output_paths, read_file
from pipeline.glossary import Glossary, load_glossary
from pipeline.memory import Memory
from pipeline.model import Document, ReadBack, Segment, State, Translation
from pipeline.read import KINDS, article_kind, read_source
from pipeline.segment import segment_text

log = logging.getLogger(__name__)

MANIFEST = ".pipeline-manifest.json"
# Which articles, glossary and languages produced an output folder, so that its review files can
# be imported or checked from anywhere.
RUN_RECORD = ".pipeline-run.json"


def expand_inputs(inputs: list[str], root: Path) -> list[Path]:
    """Files, directories (their articles) and globs, in a stable order."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item) if Path(item).is_absolute() else root / item
        if path.is_dir():
            paths.extend(sorted(p for p in path.iterdir() if p.suffix and p.suffix.lower() in KINDS))
        elif path.exists():
            paths.append(path)
        else:
            matches = sorted(Path(p) for p in glob.glob(str(path)))
            if not matches:
                raise InputError(item, "no such file, directory or glob match")
            paths.extend(matches)
    if not paths:
        raise InputError(", ".join(inputs), "no articles (.txt, .html, .htm, .md) found")
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError as exc:  # a symlink loop or a dangling link
            raise InputError(path, f"cannot open: {exc.strerror or exc}") from exc
        if not stat.S_ISREG(mode):
            # A FIFO or device would block or never end.
            raise InputError(path, "not a regular file")
        article_kind(path)
    return list(dict.fromkeys(p.resolve() for p in paths))


def load_documents(paths: list[Path], glossary: Glossary, root: Path) -> list[Document]:
    docs: list[Document] = []
    names: dict[str, Path] = {}
    for path in paths:
        name = path.stem
        if name in names:
            raise InputError(path, f"same document name as {names[name]}; output files would collide")
        names[name] = path
        source = read_source(path)
        doc = segment_text(name, source.text, markdown=source.kind == "markdown")
        doc.title, doc.url = source.title, source.url
        doc.source_path = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
        for seg in doc.segments:
            seg.terms = terms.match_terms(seg.source, glossary)
        docs.append(doc)
    return docs


def check_language(path: Path, read: ReadBack, lang: str) -> None:
    """The language a file says it holds must be ``lang``, and its run signature must agree."""
    if read.lang != lang:
        raise FormatError(path, None, f"file says language {read.lang or '(none)'!r}, expected {lang!r}")
    named = set(re.findall(r"\btranslate-en_([a-z]{2,3})\b", read.signature))
    if named and named != {lang}:
        raise FormatError(path, None, f"run signature names a model for {', '.join(sorted(named))}, not {lang}")


@dataclass
class HumanWork:
    """What people did in the review files a run is about to replace."""

    drafts: dict[tuple[str, str], Segment] = field(default_factory=dict)  # (lang, id) -> file's segment
    files: list[Path] = field(default_factory=list)


def collect_human_work(docs: list[Document], out: Path, langs: list[str], memory: Memory, glossary: Glossary, *, force: bool) -> HumanWork:
    """Read the existing review files; store approved entries in ``memory``, return the drafts.

    A review file that cannot be read is refused (one line naming it) unless
    ``force``: then it is moved aside, never deleted.
    """
    work = HumanWork()
    approved: dict[tuple[str, str], tuple[str, str, str, str]] = {}  # (lang, id) -> source, origin, text, comment
    found = []
    for doc in docs:
        ids = {s.id for s in doc.segments}
        for (_, lang), path in output_paths(out, doc.name, langs, list(REVIEWED)).items():
            if path.is_file() and lang is not None:
                found.append((path.stat().st_mtime_ns, str(path), path, lang, ids))
    # Oldest first: where two files hold different edits of one segment, the later edit wins.
    for _, _, path, lang, ids in sorted(found):
        try:
            read = read_file(path)
            check_language(path, read, lang)
        except PipelineError as exc:
            if not force:
                raise PipelineError(f"{exc}; this review file would be replaced: fix or move it (or --force to set it aside)") from exc
            aside = _aside(path)
            log.warning("%s cannot be read (%s); moved to %s", path, exc, aside.name)
            continue
        for seg in read.segments:
            tr = seg.target(lang)
            if seg.id not in ids:
                continue
            if tr.state == State.REVIEWED and tr.text.strip():
                earlier = approved.get((lang, seg.id))
                # A format without comments (TSV) must not drop the comment another file keeps.
                comment = tr.comment or (earlier[3] if earlier and earlier[2] == tr.text else "")
                approved[(lang, seg.id)] = (seg.source, f"{path.name} (kept by run)", tr.text, comment)
            elif edited_unreviewed(tr):
                work.drafts[(lang, seg.id)] = seg
        work.files.append(path)
    rows = [(sid, lang, source, text, comment, origin) for (lang, sid), (source, origin, text, comment) in approved.items()]
    memory.store(rows, glossary.version)
    return work


def _aside(path: Path) -> Path:
    n = 1
    while (target := path.with_name(f"{path.name}.unreadable-{n}")).exists():
        n += 1
    path.rename(target)
    return target


def apply_drafts(docs: list[Document], work: HumanWork, lang: str) -> None:
    """Put each kept draft back in place of the machine text, still marked for review."""
    for doc in docs:
        for seg in doc.segments:
            draft = work.drafts.get((lang, seg.id))
            tr = seg.target(lang)
            if draft is None or tr.state == State.REVIEWED:
                continue
            kept: Translation = draft.target(lang)
            if draft.source == seg.source:
                tr.text, tr.state, tr.comment = kept.text, State.NEEDS_REVIEW, kept.comment or tr.comment
                # The machine text's term results no longer apply; the checks verify the draft.
                tr.machine_digest, tr.terms = kept.machine_digest, []
            elif not tr.previous:
                # The source changed under the draft: fresh MT, the draft shown beside it.
                tr.previous, tr.previous_source = kept.text, draft.source


class Manifest:
    """Digests of the files the last run wrote, to tell which outputs a person edited since.

    Written before the new files (old and new digest both accepted) and again
    after, so a run killed half-way leaves no false "edited" alarm.
    """

    def __init__(self, out: Path):
        self.out = out
        self.path = out / MANIFEST
        self.digests: dict[str, list[str]] = {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8")) if self.path.is_file() else {}
            self.digests = {k: [v] if isinstance(v, str) else list(v) for k, v in raw.items()}
        except (OSError, ValueError, AttributeError, TypeError):
            log.warning("%s is unreadable; treating every output as unedited machine output", self.path)

    def edited(self, path: Path) -> bool:
        accepted = self.digests.get(self._key(path), [])
        return bool(accepted) and path.is_file() and _sha(path.read_bytes()) not in accepted

    def save(self, digests: dict[Path, str], *, pending: bool) -> None:
        for path, digest in digests.items():
            key = self._key(path)
            self.digests[key] = [*self.digests.get(key, [])[-1:], digest] if pending else [digest]
        write_atomic(self.path, (json.dumps(self.digests, indent=1, sort_keys=True) + "\n").encode())

    def _key(self, path: Path) -> str:
        return path.relative_to(self.out).as_posix()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def remove_stale_temporaries(out: Path) -> None:
    """Temporary files an interrupted run left (``write_atomic`` names them so)."""
    if out.is_dir():
        for path in out.rglob(f".*{TMP_SUFFIX}"):
            path.unlink(missing_ok=True)


def render(docs: list[Document], context: RunContext, out: Path, names: list[str]) -> dict[Path, bytes]:
    """Every output file's content, by path (the glossary's TBX included)."""
    files = {}
    for doc in docs:
        for (name, lang), path in output_paths(out, doc.name, list(context.langs), names).items():
            files[path] = FORMATS[name].dumps(doc, lang, context)
    files[out / "glossary.tbx"] = tbx.dumps(context.glossary)
    return files


def write_outputs(files: dict[Path, bytes], out: Path, *, force: bool, merged: list[Path]) -> list[Path]:
    """Write ``files``; refuse to replace an output edited by hand that no merge has read (unless ``force``)."""
    remove_stale_temporaries(out)
    manifest = Manifest(out)
    kept = set(merged)
    edited = [p for p in files if p not in kept and manifest.edited(p)]
    if edited and not force:
        raise PipelineError(
            f"{edited[0]} was edited since the last run ({len(edited)} file(s)) and is not a review file; "
            "move the edits into a PO, XLIFF or TSV file, or re-run with --force to replace it"
        )
    for path in edited:
        log.warning("%s was edited by hand; replaced (--force)", path)
    digests = {path: _sha(data) for path, data in files.items()}
    manifest.save(digests, pending=True)
    try:
        for path, data in files.items():
            write_atomic(path, data)
    except OSError as exc:
        raise PipelineError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc
    manifest.save(digests, pending=False)
    return list(files)


def ensure_writable(out: Path) -> None:
    """One line before any work when the output folder cannot be written."""
    probe = out if out.exists() else next((p for p in out.parents if p.exists()), out)
    if not os.access(probe, os.W_OK):
        raise PipelineError(f"{out}: output folder is not writable")


@dataclass(frozen=True)
class RunRecord:
    articles: tuple[Path, ...]
    glossary: Path
    targets: tuple[str, ...]
    root: Path

    @classmethod
    def from_config(cls, config: Config) -> RunRecord:
        """What ``pipeline.toml`` says a run uses, for files found without a record beside them."""
        articles = tuple(expand_inputs(config.articles, config.root))
        return cls(articles, config.path(config.glossary), tuple(config.targets), config.root)

    def documents(self) -> tuple[list[Document], Glossary]:
        glossary = load_glossary(self.glossary)
        return load_documents(list(self.articles), glossary, self.root), glossary


def write_run_record(out: Path, articles: list[Path], glossary: Path, targets: list[str], root: Path) -> None:
    """Record what produced ``out``; paths relative to it, so the record is the same on every machine."""

    def rel(path: Path) -> str:
        return Path(os.path.relpath(path, out)).as_posix()

    record = {"articles": [rel(p) for p in articles], "glossary": rel(glossary), "targets": targets, "root": rel(root)}
    write_atomic(out / RUN_RECORD, (json.dumps(record, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def find_run_record(start: Path, out: Path | None = None) -> RunRecord | None:
    """The record of the output folder ``start`` lies in (or of ``out``), if any."""
    folders = [out] if out else list(start.resolve().parents)
    for folder in folders:
        path = folder / RUN_RECORD
        if path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                return RunRecord(
                    articles=tuple((folder / a).resolve() for a in raw["articles"]),
                    glossary=(folder / raw["glossary"]).resolve(),
                    targets=tuple(raw["targets"]),
                    root=(folder / raw["root"]).resolve(),
                )
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise FormatError(path, None, f"unreadable run record ({exc})") from exc
    return None
