"""Reviewed PO/XLIFF files → translation memory, validated against the current articles."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import FormatError, ImportMismatchError
from pipeline.formats import po, xliff, xliff12
from pipeline.formats.notes import edited_unreviewed
from pipeline.memory import Memory
from pipeline.model import Document, State, Translation


def _read_xliff(path: Path) -> tuple[str, dict[str, tuple[str, str, Translation]]]:
    """XLIFF 1.2 or 2.x, told apart by the root element's namespace."""
    root = xliff.parse_safely(path)
    return (xliff12.read if root.tag == f"{xliff12.X}xliff" else xliff.read)(path, root)


READERS = {".po": po.read, ".xlf": _read_xliff, ".xliff": _read_xliff}


@dataclass(frozen=True)
class Imported:
    path: Path
    lang: str
    reviewed: int  # entries stored as human translations
    skipped: int  # machine translations left for review
    unconfirmed: list[str]  # ids of translations a person changed but left marked for review: not stored


def read_reviewed(path: Path) -> tuple[str, dict[str, tuple[str, str, Translation]]]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise FormatError(path, None, f"unsupported file type {path.suffix!r}; expected .po, .xlf or .xliff")
    return reader(path)


def validate(path: Path, lang: str, entries: dict, docs: dict[str, Document], targets: list[str]) -> None:
    """Raise on the first mismatch: nothing from a bad file may reach the memory."""
    if lang not in targets:
        raise ImportMismatchError(path, None, f"language {lang or '(none)'!r} is not a target language ({', '.join(targets)})")
    if not entries:
        raise ImportMismatchError(path, None, "no segments in file")
    for segment_id, (source, _, _) in entries.items():
        doc = docs.get(segment_id.split(":", 1)[0])
        seg = doc.segment(segment_id) if doc else None
        if seg is None:
            raise ImportMismatchError(path, None, f"unknown segment id {segment_id!r}")
        if source != seg.source:
            raise ImportMismatchError(path, None, f"source text of {segment_id} differs from the article; was the source edited?")


def import_files(paths: list[Path], docs: list[Document], memory: Memory, glossary_version: str, targets: list[str]) -> list[Imported]:
    """Validate every file, then store the human translations of all of them."""
    by_name = {d.name: d for d in docs}
    parsed = []
    for path in paths:
        lang, entries = read_reviewed(path)
        validate(path, lang, entries, by_name, targets)
        parsed.append((path, lang, entries))
    results = []
    for path, lang, entries in parsed:
        origin = f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()[:12]}"
        rows = [
            (sid, lang, source, tr.text, tr.comment, origin)
            for sid, (source, _, tr) in sorted(entries.items())
            if tr.state == State.REVIEWED and tr.text.strip()
        ]
        memory.store(rows, glossary_version)
        unconfirmed = sorted(sid for sid, (_, _, tr) in entries.items() if edited_unreviewed(tr))
        results.append(Imported(path, lang, len(rows), len(entries) - len(rows), unconfirmed))
    return results
