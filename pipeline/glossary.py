"""Glossary loading and validation (the TSV a localisation lead edits in a spreadsheet).

Columns: id, type, pos, en, then one column per target language the glossary serves (any of
ko, uk, ru, in any order: a ru+uk glossary serves ``--to ru,uk``), flags, forms, note.
``en`` lists variants separated by ``|``; ``flags`` may hold ``indecl`` (never
inflect: Latin titles, Korean names); ``forms`` holds explicit forms that
override the morphology library, e.g. ``uk.loct=Курську; ru.gent=Курска``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import FormatError, InputError
from pipeline.languages import TARGETS
from pipeline.model import content_hash
from pipeline.read import decode

LANGS = TARGETS
COLUMNS = ("id", "type", "pos", "en", *LANGS, "flags", "forms", "note")  # the full header, as written by default
_FIXED = ("id", "type", "pos", "en", "flags", "forms", "note")
TYPES = {"person", "place", "organisation", "equipment", "event", "other"}
CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct"}


@dataclass(frozen=True)
class Term:
    id: str
    type: str
    pos: str  # "noun" or "adj"
    variants: tuple[str, ...]
    targets: dict[str, str]
    indeclinable: bool = False
    forms: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, case) -> form
    note: str = ""


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    version: str  # content hash: goes into every signature and the translation memory key
    langs: tuple[str, ...] = LANGS  # the target languages it has a column for

    def term(self, term_id: str) -> Term:
        return next(t for t in self.terms if t.id == term_id)


def parse_forms(raw: str, path: str, line: int) -> dict[tuple[str, str], str]:
    forms = {}
    for item in filter(None, (part.strip() for part in raw.split(";"))):
        key, sep, value = item.partition("=")
        lang, dot, case = key.strip().partition(".")
        if not sep or not dot or lang not in LANGS or case not in CASES or not value.strip():
            raise FormatError(path, line, f"bad form {item!r}; expected LANG.CASE=form, e.g. uk.loct=Курську")
        forms[(lang, case)] = value.strip()
    return forms


def parse_glossary(text: str, path: str = "<glossary>") -> Glossary:
    """Parse and validate; the first problem raises FormatError naming the row's line."""
    reader = csv.reader(io.StringIO(text), delimiter="\t")
    header = tuple(h.strip() for h in next(reader, None) or ())
    langs = tuple(h for h in header if h in LANGS)
    unknown = [h for h in header if h not in _FIXED and h not in LANGS]
    if unknown or not langs or len(set(header)) != len(header) or [h for h in header if h in _FIXED] != list(_FIXED):
        raise FormatError(
            path, 1, f"header must be: id type pos en, a column per target language ({' '.join(LANGS)}), then flags forms note"
        )
    columns = header
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_variants: dict[str, tuple[str, int]] = {}
    end = reader.line_num
    for row in reader:
        line, end = end + 1, reader.line_num
        if any("\n" in cell or "\r" in cell for cell in row):
            # An unclosed quote makes csv read on through the following rows as one cell.
            raise FormatError(path, line, 'a cell opens a quote (") that this line does not close; remove or close it')
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise FormatError(path, line, f"expected {len(columns)} tab-separated columns, found {len(row)}")
        cells = dict(zip(columns, (c.strip() for c in row)))
        term_id = cells["id"]
        if not term_id:
            raise FormatError(path, line, "empty id")
        if term_id in seen_ids:
            raise FormatError(path, line, f"duplicate id {term_id!r} (first on line {seen_ids[term_id]})")
        seen_ids[term_id] = line
        if cells["type"] not in TYPES:
            raise FormatError(path, line, f"type {cells['type']!r} is not one of {', '.join(sorted(TYPES))}")
        if cells["pos"] not in ("noun", "adj"):
            raise FormatError(path, line, f"pos {cells['pos']!r} must be noun or adj")
        missing = [lang for lang in langs if not cells[lang]]
        if missing:
            raise FormatError(path, line, f"{term_id}: no target term for {', '.join(missing)}")
        variants = tuple(v.strip() for v in cells["en"].split("|") if v.strip())
        if not variants:
            raise FormatError(path, line, f"{term_id}: no English term")
        for variant in variants:
            key = variant.casefold()
            if key in seen_variants:
                other, other_line = seen_variants[key]
                raise FormatError(
                    path, line, f"English term {variant!r} also belongs to {other!r} (line {other_line}): conflicting targets"
                )
            seen_variants[key] = (term_id, line)
        flags = {f.strip() for f in cells["flags"].split(",") if f.strip()}
        if flags - {"indecl"}:
            raise FormatError(path, line, f"unknown flag(s) {', '.join(sorted(flags - {'indecl'}))}")
        terms.append(
            Term(
                id=term_id,
                type=cells["type"],
                pos=cells["pos"],
                variants=variants,
                targets={lang: cells[lang] for lang in langs},
                indeclinable="indecl" in flags,
                forms=parse_forms(cells["forms"], path, line),
                note=cells["note"],
            )
        )
    if not terms:
        raise FormatError(path, None, "glossary has no terms")
    return Glossary(terms=tuple(terms), version=content_hash(text.encode("utf-8")), langs=langs)


def load_glossary(path: Path) -> Glossary:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FormatError(path, None, exc.strerror or str(exc)) from exc
    try:
        text = decode(data, path)
    except InputError as exc:
        raise FormatError(path, None, str(exc).split(": ", 1)[-1]) from exc
    return parse_glossary(text.replace("\r\n", "\n"), str(path))


def overlaps(glossary: Glossary) -> list[str]:
    """Variants contained in another entry's variant; resolved longest-first, reported for information."""
    notes = []
    entries = [(v, t.id) for t in glossary.terms for v in t.variants]
    for short, short_id in entries:
        for long, long_id in entries:
            if short_id != long_id and f" {short.casefold()} " in f" {long.casefold()} ":
                notes.append(f"{short!r} ({short_id}) occurs inside {long!r} ({long_id}); the longer match wins")
    return notes
