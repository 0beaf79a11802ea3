"""Candidate glossary rows for the names articles use that the glossary lacks (``pipeline glossary suggest``)."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass

from pipeline import romanised
from pipeline.glossary import COLUMNS, LANGS
from pipeline.lexicon import corpus_names
from pipeline.model import Document
from pipeline.names import TITLES, Name, can_spell, transliterate, uncovered_names

_PLACE_BEFORE = re.compile(r"\b(?:in|from|near|to|at|into|across|towards|outside|around)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Suggestion:
    name: str
    count: int
    type: str  # a guess for the linguist: person, place or other
    context: str  # the first sentence using it


def suggest(docs: list[Document]) -> list[Suggestion]:
    """Uncovered names and romanised names read by a guess, most frequent first, each with a type guess
    and its first context."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, str]] = {}
    for doc in docs:
        for seg in doc.segments:
            if seg.boilerplate:
                continue
            # A romanised name whose reading is a guess too (``romanised``).
            read = [Name(h.text, h.start, h.end) for h in seg.figures if h.term_id == romanised.NAME and not romanised.verified(h.text)]
            for name in sorted([*uncovered_names(seg), *read], key=lambda n: n.start):
                counts[name.text] += 1
                if name.text not in first:
                    before = seg.source[: name.start]
                    words = before.split()
                    if name in read or (words and re.sub(r"\W", "", words[-1]).lower() in TITLES):
                        kind = "person"
                    elif _PLACE_BEFORE.search(before):
                        kind = "place"
                    else:
                        kind = "person" if len(name.text.split()) >= 2 and name.text.istitle() else "other"
                    first[name.text] = (kind, f"{doc.name}:{seg.id.rsplit(':', 2)[1]}: {seg.source}")
    return [Suggestion(name, n, *first[name]) for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "name"


def _written(name: str, lang: str) -> str:
    """``name`` in ``lang``: a romanised name's reading; else as the curated list or the corpora
    write each of its words (Moscow: «Москва», not the transliteration «Москоу»); else transliterated."""
    if romanised.reading(name):
        return romanised.written(name, lang)
    known = corpus_names(lang)
    words = name.split()
    if name in known or all(word in known for word in words):
        return known.get(name) or " ".join(known[word] for word in words)
    return transliterate(name, lang)


def to_tsv(suggestions: list[Suggestion], *, with_transliteration: bool = False) -> str:
    """glossary.tsv rows (with its header, a column per registered language): target columns
    empty for a linguist, or pre-filled with transliterations, where a language has them, that
    the note marks as suggestions."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    spelt = [lang for lang in LANGS if with_transliteration and can_spell(lang)]
    for s in suggestions:
        note = f"suggested: {s.count}x, e.g. {s.context}"
        if spelt:
            note = f"{'/'.join(spelt)} are machine suggestions to check (as the corpora write the name, else transliterated); " + note
        targets = [_written(s.name, lang) if lang in spelt else "" for lang in LANGS]
        writer.writerow((_slug(s.name), s.type, "noun", s.name, *targets, "", "", note))
    return buf.getvalue()
