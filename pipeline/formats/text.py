"""The translated article as plain text, paragraphs as in the source."""

from __future__ import annotations

from pipeline.formats import RunContext
from pipeline.model import Document

PER_LANGUAGE = True


def relpath(doc: str, lang: str | None) -> str:
    return f"{lang}/{doc}.txt"


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    assert lang is not None
    return doc.target_text(lang).encode("utf-8")
