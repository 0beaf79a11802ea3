"""Reviewed PO/XLIFF/TSV files → translation memory, validated against the current articles."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ImportMismatchError
from pipeline.formats.notes import approved, approved_unchanged, copies_source, edited_unreviewed
from pipeline.formats.registry import read_file
from pipeline.memory import Memory, same_text
from pipeline.merge import check_language, reviewed_rows
from pipeline.model import Document, ReadBack, State


@dataclass(frozen=True)
class Imported:
    path: Path
    lang: str
    reviewed: int  # entries stored as human translations
    skipped: int  # machine translations left for review
    unconfirmed: list[str]  # ids of translations a person changed but left marked for review: not stored
    source_copies: list[str]  # ids marked reviewed whose text is the English source: not stored
    unchanged: list[str]  # ids approved with the machine text as it was written: stored, but reported


def validate(path: Path, read: ReadBack, docs: dict[str, Document], targets: list[str]) -> None:
    """Raise on the first mismatch: nothing from a bad file may reach the memory."""
    if read.lang not in targets:
        raise ImportMismatchError(path, None, f"language {read.lang or '(none)'!r} is not a target language ({', '.join(targets)})")
    check_language(path, read, read.lang)
    if not read.segments:
        raise ImportMismatchError(path, None, "no segments in file")
    for entry in read.segments:
        doc = docs.get(entry.id.rsplit(":", 2)[0])
        seg = doc.segment(entry.id) if doc else None
        if seg is None:
            raise ImportMismatchError(path, None, f"unknown segment id {entry.id!r}")
        if not same_text(entry.source, seg.source):
            raise ImportMismatchError(path, None, f"source text of {entry.id} differs from the article; was the source edited?")


def read_checked(paths: list[Path], docs: list[Document], targets: list[str]) -> list[tuple[Path, ReadBack]]:
    """Read and validate every file; the first problem raises, before anything is stored."""
    by_name = {d.name: d for d in docs}
    parsed = []
    for path in paths:
        read = read_file(path)
        validate(path, read, by_name, targets)
        parsed.append((path, read))
    return parsed


def store(parsed: list[tuple[Path, ReadBack]], memory: Memory, glossary_version: str) -> list[Imported]:
    """Store the human translations of files ``read_checked`` accepted."""
    results = []
    for path, read in parsed:
        origin = f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()[:12]}"
        lang = read.lang
        rows = reviewed_rows(read, lang, origin)
        memory.store(rows, glossary_version)
        unconfirmed = sorted(seg.id for seg in read.segments if edited_unreviewed(seg.target(lang)))
        copies = sorted(
            seg.id for seg in read.segments if seg.target(lang).state == State.REVIEWED and copies_source(seg, seg.target(lang))
        )
        unchanged = sorted(seg.id for seg in read.segments if approved(seg, seg.target(lang)) and approved_unchanged(seg.target(lang)))
        results.append(Imported(path, lang, len(rows), len(read.segments) - len(rows), unconfirmed, copies, unchanged))
    return results
