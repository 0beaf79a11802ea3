"""The translated article as plain text, paragraphs as in the source."""

from __future__ import annotations

from pathlib import Path

from pipeline.formats import write_atomic
from pipeline.model import Document


def write(path: Path, doc: Document, lang: str) -> None:
    write_atomic(path, doc.target_text(lang).encode("utf-8"))
