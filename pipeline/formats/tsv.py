"""Aligned TSV for spreadsheet review: id, en, <lang>, state, score, terms, qa, machine, memory.

A reviewer approves a row by setting its state to ``reviewed``; the file then
imports like a PO or XLIFF file. The target column is named by its language
code, so the file says which language it holds. ``machine`` is the digest of
the machine text (a changed target still marked ``machine`` is a draft); ``memory``, people's
translations of similar sentences with their similarity.

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
from pipeline.formats.notes import memory_notes, qa_notes, term_note, text_digest
from pipeline.languages import LANGUAGES
from pipeline.model import Document, ReadBack, Segment, State, Translation

PER_LANGUAGE = True
SUFFIXES = (".tsv",)
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")
_LEGACY_HEADER = ("id", "source", "target", "state")
_COLUMNS = ("id", "en", "state", "score", "terms", "qa", "machine", "memory")
_HEADER_RULE = "header must name the columns id, en, <language>, state (score, terms, qa, machine optional, in any order)"
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
    writer.writerow(("id", "en", lang, "state", "score", "terms", "qa", "machine", "memory"))
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
                neutralise("; ".join(n.removeprefix("memory ") for n in memory_notes(tr))),
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
    if not rows:
        raise FormatError(path, 1, "empty file; " + _HEADER_RULE)
    header = [name.strip() for name in rows[0]]
    if header[:4] == list(_LEGACY_HEADER):
        # Written before the target column was named by its language: the folder says it.
        lang = path.parent.name if path.parent.name in LANGUAGES else ""
        column = {"id": 0, "en": 1, lang: 2, "state": 3}
    else:
        # Columns are found by name: a spreadsheet may delete or reorder the optional ones.
        langs = [name for name in header if name and name not in _COLUMNS]
        if not {"id", "en", "state"} <= set(header) or len(langs) != 1 or len(set(header)) != len(header):
            raise FormatError(path, 1, _HEADER_RULE)
        lang = langs[0]
        column = {name: i for i, name in enumerate(header)}

    def cell(row: list[str], name: str) -> str:
        i = column.get(name)
        return row[i] if i is not None and i < len(row) else ""

    segments: list[Segment] = []
    seen = set()
    for line, row in enumerate(rows[1:], 2):
        if not any(row):
            continue
        sid = cell(row, "id")
        if not sid:
            raise FormatError(path, line, "no id")
        if sid in seen:
            raise FormatError(path, line, f"duplicate id {sid!r}")
        seen.add(sid)
        text = restore(cell(row, lang))
        state = _STATES.get(cell(row, "state").strip().lower().replace(" ", "_"), State.MACHINE)
        seg = Segment(id=sid, source=restore(cell(row, "en")), paragraph=0, index=len(segments))
        seg.targets[lang] = Translation(text=text, state=state if text else State.EMPTY, machine_digest=cell(row, "machine").strip())
        segments.append(seg)
    return ReadBack(lang=lang, signature="", segments=segments)
