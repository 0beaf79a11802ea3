"""Aligned TSV for spreadsheet review: id, en, <lang>, state, score, terms, qa, machine.

A reviewer approves a row by setting its state to ``reviewed``; the file then
imports like a PO or XLIFF file. The target column is named by its language
code, so the file says which language it holds. ``machine`` is the digest of
the machine text (a changed target still marked ``machine`` is a draft).

Cells a spreadsheet would run as a formula (leading ``=``, ``+``, ``-``, ``@``,
tab or carriage return) get a leading apostrophe, as OWASP recommends; so does
a cell that starts with an apostrophe, so that reading strips exactly one and
the text comes back unchanged.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.errors import FormatError
from pipeline.formats import RunContext
from pipeline.formats.notes import qa_notes, term_note, text_digest
from pipeline.languages import LANGUAGES
from pipeline.model import Document, ReadBack, Segment, State, Translation

PER_LANGUAGE = True
SUFFIXES = (".tsv",)
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")
_LEGACY_HEADER = ("id", "source", "target", "state")
# What a reviewer may type in the state column; anything else stays machine text.
_STATES = {"reviewed": State.REVIEWED, "final": State.REVIEWED, "needs_review": State.NEEDS_REVIEW, "machine": State.MACHINE}


def relpath(doc: str, lang: str | None) -> str:
    return f"{lang}/{doc}.tsv"


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA) else cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    assert lang is not None
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(("id", "en", lang, "state", "score", "terms", "qa", "machine"))
    for seg in doc.segments:
        tr = seg.target(lang)
        machine = "" if tr.state == State.REVIEWED else tr.machine_digest or text_digest(tr.text)
        writer.writerow(
            (
                seg.id,
                neutralise(seg.source),
                neutralise(tr.text),
                tr.state.name.lower(),
                "" if tr.score is None else f"{tr.score:.3f}",
                neutralise(term_note(tr).removeprefix("terms: ")),
                neutralise("; ".join(n.removeprefix("qa: ") for n in qa_notes(tr))),
                machine,
            )
        )
    return buf.getvalue().encode("utf-8")


def read(path: Path) -> ReadBack:
    """A reviewed TSV: rows whose state is ``reviewed`` (or ``final``) are a person's translation."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise FormatError(path, None, f"cannot read TSV: {exc}") from exc
    if rows and rows[0][:4] == list(_LEGACY_HEADER):
        # Written before the target column was named by its language: the folder says it.
        lang = path.parent.name if path.parent.name in LANGUAGES else ""
    elif not rows or rows[0][:2] != ["id", "en"] or len(rows[0]) < 4 or rows[0][3] != "state":
        raise FormatError(path, 1, "header must start with id, en, <language>, state")
    else:
        lang = rows[0][2]
    segments: list[Segment] = []
    seen = set()
    for line, row in enumerate(rows[1:], 2):
        if not any(row):
            continue
        if len(row) < 4:
            raise FormatError(path, line, f"expected at least 4 columns, found {len(row)}")
        if row[0] in seen:
            raise FormatError(path, line, f"duplicate id {row[0]!r}")
        seen.add(row[0])
        text = restore(row[2])
        state = _STATES.get(row[3].strip().lower().replace(" ", "_"), State.MACHINE)
        seg = Segment(id=row[0], source=restore(row[1]), paragraph=0, index=len(segments))
        seg.targets[lang] = Translation(
            text=text,
            state=state if text else State.EMPTY,
            machine_digest=row[7].strip() if len(row) > 7 else "",
        )
        segments.append(seg)
    return ReadBack(lang=lang, signature="", segments=segments)
