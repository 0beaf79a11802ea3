"""Aligned TSV for spreadsheets: id, source, target, state, score, terms, qa."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.formats import write_atomic
from pipeline.formats.notes import qa_notes, term_note
from pipeline.model import Document

HEADER = ("id", "source", "target", "state", "score", "terms", "qa")


def dumps(doc: Document, lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for seg in doc.segments:
        tr = seg.target(lang)
        writer.writerow(
            (
                seg.id,
                seg.source,
                tr.text,
                tr.state.name.lower(),
                "" if tr.score is None else f"{tr.score:.3f}",
                term_note(tr).removeprefix("terms: "),
                "; ".join(n.removeprefix("qa: ") for n in qa_notes(tr)),
            )
        )
    return buf.getvalue()


def write(path: Path, doc: Document, lang: str) -> None:
    write_atomic(path, dumps(doc, lang).encode("utf-8"))
