"""The files around a run: inputs and documents, output paths, the manifest of what the last
run wrote, writing atomically under the output folder's lock, and the run record.

What people did in the review files being replaced is ``pipeline.merge``'s: a run merges
before it writes, and never overwrites a person's work (msgmerge's promise).
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import json
import logging
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline import terms
from pipeline.config import Config
from pipeline.errors import FormatError, InputError, PipelineError
from pipeline.formats import TMP_SUFFIX, RunContext, html, tbx, write_atomic
from pipeline.formats.registry import FORMATS, output_paths
from pipeline.glossary import Glossary, load_glossary
from pipeline.model import Document
from pipeline.read import KINDS, article_kind, read_source
from pipeline.romanised import mark_surnames
from pipeline.segment import segment_text

log = logging.getLogger(__name__)

MANIFEST = ".pipeline-manifest.json"
# Which articles, glossary and languages produced an output folder, so that its review files can
# be imported or checked from anywhere.
RUN_RECORD = ".pipeline-run.json"
LOCK = ".pipeline-lock"


def expand_inputs(inputs: list[str], root: Path) -> list[Path]:
    """Files, directories (their articles) and globs, in a stable order."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item) if Path(item).is_absolute() else root / item
        if path.is_dir():
            paths.extend(sorted(p for p in path.iterdir() if p.suffix and p.suffix.lower() in KINDS and not _review_page(p)))
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


def _review_page(path: Path) -> bool:
    """Whether ``path`` is a review page a run wrote (``formats.html``), not an article."""
    if path.suffix.lower() not in (".html", ".htm") or not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            return html.GENERATOR.encode("utf-8") in fh.read(2048)
    except OSError:
        return False


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
            terms.mark(seg, glossary)
        mark_surnames(doc.segments)
        docs.append(doc)
    return docs


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
        return bool(accepted) and path.is_file() and file_state(path.read_bytes()) not in accepted

    def save(self, digests: dict[Path, str], *, pending: bool) -> None:
        for path, digest in digests.items():
            key = self._key(path)
            self.digests[key] = [*self.digests.get(key, [])[-1:], digest] if pending else [digest]
        write_atomic(self.path, (json.dumps(self.digests, indent=1, sort_keys=True) + "\n").encode())

    def _key(self, path: Path) -> str:
        return path.relative_to(self.out).as_posix()


def file_state(data: bytes) -> str:
    """The digest an output file is known by (the manifest, the merge): a full SHA-256."""
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


def write_outputs(files: dict[Path, bytes], out: Path, *, force: bool, merged: dict[Path, str]) -> list[Path]:
    """Write ``files``; refuse to replace an output edited by hand that no merge has read (unless
    ``force``), and a review file saved again after its merge (its new edits would be lost)."""
    remove_stale_temporaries(out)
    manifest = Manifest(out)
    for path, digest in merged.items():
        if path in files and path.is_file() and file_state(path.read_bytes()) != digest:
            raise PipelineError(f"{path} was saved again while this run was writing; nothing written: run again to merge it")
    edited = [p for p in files if p not in merged and manifest.edited(p)]
    if edited and not force:
        raise PipelineError(
            f"{edited[0]} was edited since the last run ({len(edited)} file(s)) and is not a review file; "
            "move the edits into a PO, XLIFF or TSV file, or re-run with --force to replace it"
        )
    for path in edited:
        log.warning("%s was edited by hand; replaced (--force)", path)
    digests = {path: file_state(data) for path, data in files.items()}
    manifest.save(digests, pending=True)
    try:
        for path, data in files.items():
            write_atomic(path, data)
    except OSError as exc:
        raise PipelineError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc
    manifest.save(digests, pending=False)
    return list(files)


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold the output folder's lock: a second run on it waits for the first, so neither replaces
    review files the other merged nor removes the other's temporary files."""
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        fh = (out / LOCK).open("a+b")
    except OSError as exc:
        raise PipelineError(f"{out}: cannot use as output folder: {exc.strerror or exc}") from exc
    try:
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log.warning("%s: another run is writing this folder; waiting for it to finish", out)
                fcntl.flock(fh, fcntl.LOCK_EX)
            yield
    finally:
        # A run that failed before writing anything leaves no folder behind.
        if created and [p.name for p in out.iterdir()] == [LOCK]:
            (out / LOCK).unlink()
            out.rmdir()


def ensure_writable(out: Path) -> None:
    """One line before any work when the output folder cannot be written."""
    if out.exists() and not out.is_dir():
        raise PipelineError(f"{out}: cannot use as output folder: it is a file")
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

    # Every language ever written here stays in the record: a `--to ru` run leaves the uk files importable.
    try:
        earlier = find_run_record(out, out)
    except FormatError:
        earlier = None
    langs = list(dict.fromkeys([*(earlier.targets if earlier else ()), *targets]))
    record = {"articles": [rel(p) for p in articles], "glossary": rel(glossary), "targets": langs, "root": rel(root)}
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
