"""The machine notes every review format shows for a segment, worded once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from pipeline.model import Segment, State, TermResult, Translation

# The machine note carries a digest of the text it was written with, so that an
# import can tell a translation a person changed but left marked for review.
MACHINE_TEXT = re.compile(r"(?:^| )machine: .*?, text ([0-9a-f]{12})\b")


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def written_digest(notes: Iterable[str]) -> str:
    """The digest in a segment's machine note, "" where there is none. Lines are joined first:
    PO editors re-wrap long comments."""
    m = MACHINE_TEXT.search(" ".join(notes))
    return m.group(1) if m else ""


def edited_unreviewed(tr: Translation) -> bool:
    """A read-back translation still marked for review whose text is not the machine's any more.
    An emptied entry is not an edit: CAT tools write every untranslated entry so."""
    return tr.state != State.REVIEWED and bool(tr.text.strip()) and bool(tr.machine_digest) and text_digest(tr.text) != tr.machine_digest


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def copies_source(seg: Segment, tr: Translation) -> bool:
    """A translation whose letters are the English source's (pofilter's ``unchanged``): what a
    CAT tool writes into an untranslated entry, never a translation of a sentence."""
    words = sum(any(ch.isalpha() for ch in word) for word in seg.source.split())
    return words >= 2 and _letters(tr.text) == _letters(seg.source)


def approved(seg: Segment, tr: Translation) -> bool:
    """A read-back entry a person marked reviewed that holds a translation: not empty, not the source copied."""
    return tr.state == State.REVIEWED and bool(tr.text.strip()) and not copies_source(seg, tr)


def approved_unchanged(tr: Translation) -> bool:
    """Marked reviewed with the machine text exactly as written: a real approval, or a bulk one by accident."""
    return tr.state == State.REVIEWED and bool(tr.machine_digest) and text_digest(tr.text) == tr.machine_digest


def term_note(tr: Translation) -> str:
    return "terms: " + ", ".join(str(r) for r in tr.terms) if tr.terms else ""


def qa_notes(tr: Translation) -> list[str]:
    return [f"qa: {f}" for f in tr.findings]


def machine_notes(seg: Segment, tr: Translation, model: str) -> list[str]:
    """Lines for PO ``#.`` and XLIFF notes: model (not for a person's translation), score, terms, QA, source remarks."""
    notes = []
    if model and tr.state != State.REVIEWED:
        score = f", score {tr.score:.2f}" if tr.score is not None else ""
        # A kept draft carries the digest of the machine text it was edited from, so it stays a draft.
        notes.append(f"machine: {model}{score}, text {tr.machine_digest or text_digest(tr.text)}")
    if tr.previous:
        notes.append(f"previous reviewed translation: {tr.previous}")
    notes.extend(memory_notes(tr))
    if seg.boilerplate:
        notes.append("source: probable non-article text (page furniture)")
    if term_note(tr):
        notes.append(term_note(tr))
    notes.extend(qa_notes(tr))
    return notes


def memory_notes(tr: Translation) -> list[str]:
    """The memory's matches, one line each: "memory 94% from doc:p1:s2: «…» (for «…»; differs: 5 → 6)"."""
    return [f"memory {m}" for m in tr.matches if tr.state != State.REVIEWED]


def term_spans(text: str, results: list[TermResult]) -> list[tuple[int, int, str]]:
    """(start, end, term id) of each inserted glossary form in a translation, in order."""
    spans, pos = [], 0
    for r in results:
        if r.form and (i := text.find(r.form, pos)) >= 0:
            spans.append((i, i + len(r.form), r.term_id))
            pos = i + len(r.form)
    return spans


def source_spans(seg: Segment) -> list[tuple[int, int, str]]:
    """(start, end, term id) of each glossary term in the source."""
    return [(h.start, h.end, h.term_id) for h in seg.terms]
