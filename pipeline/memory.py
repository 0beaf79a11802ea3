"""Translation memory of reviewed segments (SQLite), keyed by source (NFC), language and glossary version."""

from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.model import Match

SCHEMA = """
CREATE TABLE IF NOT EXISTS reviewed (
    source TEXT NOT NULL,
    lang TEXT NOT NULL,
    glossary TEXT NOT NULL,
    segment_id TEXT NOT NULL,
    target TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, lang, glossary)
);
CREATE INDEX IF NOT EXISTS reviewed_by_id ON reviewed (segment_id, lang);
"""


@dataclass(frozen=True)
class Entry:
    source: str
    target: str
    comment: str
    exact: bool  # same source: reuse as reviewed (its terms are checked again under today's glossary)
    origin: str = ""  # the segment id it was reviewed for, or the TMX file it came from


_TOKEN = re.compile(r"\d[\d,.]*\d|\d|\w+|[^\w\s]")
# A differing number costs this much similarity (CAT tools penalise them lightly and show them).
NUMBER_PENALTY = 2


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(nfc(text).casefold())


def similarity(a: str, b: str) -> tuple[int, tuple[str, ...]]:
    """Percent similarity of two sentences by token edit distance, numbers compared as numbers
    (a changed figure costs ``NUMBER_PENALTY`` points, and is listed)."""
    from rapidfuzz.distance import Levenshtein

    ta, tb = _tokens(a), _tokens(b)
    masked = Levenshtein.normalized_similarity(["0" if t[0].isdigit() else t for t in ta], ["0" if t[0].isdigit() else t for t in tb])
    na, nb = [t for t in ta if t[0].isdigit()], [t for t in tb if t[0].isdigit()]
    differences = tuple(f"{x} → {y}" for x, y in zip(na, nb) if x != y)
    return max(0, round(100 * masked) - NUMBER_PENALTY * len(differences)), differences


@dataclass
class _Index:
    entries: dict[str, tuple[str, str]]  # source -> (translation, origin)
    sources: list[str]
    sizes: list[int]  # tokens per source
    postings: dict[str, list[int]]  # token -> sources holding it


def same_text(a: str, b: str) -> bool:
    """Equal once both are in one Unicode normal form: an editor that saves NFC changes no sentence."""
    return nfc(a) == nfc(b)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def revision_of(old: str, new: str) -> bool:
    """Whether ``new`` reads as an edit of ``old`` (a word or figure changed), not another sentence:
    only then is a translation of ``old`` worth showing beside ``new``."""
    return difflib.SequenceMatcher(None, nfc(old).split(), nfc(new).split(), autojunk=False).ratio() >= 0.5


class Memory:
    """A cache of reviewed work: the review files hold every approved translation too."""

    def __init__(self, path: Path):
        self.path = path
        self._cache: dict[str, _Index] = {}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10)
            self._db.executescript(SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            if "full" in str(exc) or getattr(exc, "errno", None) == 28:
                raise PipelineError(f"{path}: no space left on the disk for the translation memory ({exc})") from exc
            raise PipelineError(
                f"{path}: translation memory cannot be used ({exc}); move it aside and re-run "
                "(approved translations in the review files are kept)"
            ) from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Memory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def store(self, entries: list[tuple[str, str, str, str, str, str]], glossary: str) -> None:
        """Store (segment_id, lang, source, target, comment, origin) rows in one transaction."""
        self._cache.clear()
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO reviewed (source, lang, glossary, segment_id, target, comment, origin)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(nfc(src), lang, glossary, sid, tgt, comment, origin) for sid, lang, src, tgt, comment, origin in entries],
            )

    def matches(self, source: str, lang: str, *, threshold: int, limit: int = 3) -> list[Match]:
        """The people's translations of sentences like ``source`` at ``threshold`` percent or
        more, best first (an exact match is the caller's, through ``lookup``).

        Candidates come from an index of the memory's rarer words (a sentence at 75 % shares
        most of them), so a lookup stays fast as the memory grows; each is then scored."""
        index = self._index(lang)
        tokens = _tokens(source)
        wanted = set(tokens)
        common = max(50, len(index.sources) // 50)
        rare = [t for t in wanted if 0 < len(index.postings.get(t, ())) <= common]
        if not rare:
            return []
        shared = Counter(i for t in rare for i in index.postings[t])
        need = max(1, (len(rare) + 1) // 2)
        size = len(tokens)
        found = []
        for i, count in shared.most_common(50):
            text = index.sources[i]
            if count < need or text == nfc(source) or not threshold / 100 <= index.sizes[i] / size <= 100 / threshold:
                continue
            score, differences = similarity(text, source)
            if score >= threshold:
                target, origin = index.entries[text]
                found.append(Match(text, target, score, origin, differences))
        return sorted(found, key=lambda m: (-m.similarity, m.source))[:limit]

    def _index(self, lang: str) -> _Index:
        """Every reviewed source of ``lang`` with its latest translation and origin, indexed by word."""
        if lang not in self._cache:
            rows = self._db.execute(
                "SELECT source, target, CASE WHEN segment_id != '' THEN segment_id ELSE origin END FROM reviewed"
                " WHERE lang = ? ORDER BY rowid",
                (lang,),
            )
            entries = {source: (target, origin) for source, target, origin in rows}
            index = _Index(entries, list(entries), [], {})
            for i, text in enumerate(index.sources):
                tokens = _tokens(text)
                index.sizes.append(len(tokens))
                for token in set(tokens):
                    index.postings.setdefault(token, []).append(i)
            self._cache[lang] = index
        return self._cache[lang]

    def containing(self, word: str, lang: str, limit: int = 20) -> list[tuple[str, str]]:
        """(source, translation) of the latest ``limit`` people's translations whose source has ``word``."""
        index = self._index(lang)
        latest = index.postings.get(nfc(word).casefold(), [])[-limit:]
        return [(index.sources[i], index.entries[index.sources[i]][0]) for i in latest]

    def forget(self, source: str, lang: str) -> None:
        """Drop every reviewed translation of ``source`` (a reviewer set it back to needs review)."""
        self._cache.clear()
        with self._db:
            self._db.execute("DELETE FROM reviewed WHERE source = ? AND lang = ?", (nfc(source), lang))

    def import_units(self, units: list[tuple[str, str, str]], origin: str) -> int:
        """Store (language, source, translation) units of a TMX as people's translations; returns how many."""
        self.store([("", lang, source, target, "", origin) for lang, source, target in units], "")
        return len(units)

    def export_units(self) -> list[tuple[str, str, str]]:
        """(language, source, translation) of every human translation, latest per source and language."""
        rows = self._db.execute("SELECT lang, source, target FROM reviewed ORDER BY lang, source, glossary = '' , rowid DESC")
        latest: dict[tuple[str, str], str] = {}
        for lang, source, target in rows:
            latest.setdefault((lang, source), target)
        return [(lang, source, target) for (lang, source), target in latest.items()]

    def stats(self) -> dict[str, int]:
        """Human translations per language."""
        return dict(self._db.execute("SELECT lang, COUNT(DISTINCT source) FROM reviewed GROUP BY lang ORDER BY lang"))

    def lookup(self, segment_id: str, source: str, lang: str, glossary: str, current: frozenset[str] = frozenset()) -> Entry | None:
        """The reviewed translation of ``source`` (the one made under ``glossary`` first: a glossary
        edit does not undo a review, the checks verify its terms again). Else that of the sentence
        this segment id held before, not exact (shown as the previous translation), where it reads
        as an edit of ``source`` and is not still in the articles (``current``, NFC) under another id."""
        row = self._db.execute(
            "SELECT source, target, comment, 1, CASE WHEN segment_id != '' THEN segment_id ELSE origin END FROM reviewed"
            " WHERE source = ? AND lang = ? ORDER BY glossary = ? DESC, rowid DESC LIMIT 1",
            (nfc(source), lang, glossary),
        ).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT source, target, comment, 0, segment_id FROM reviewed WHERE segment_id = ? AND lang = ? ORDER BY rowid DESC LIMIT 1",
                (segment_id, lang),
            ).fetchone()
            if row and (row[0] in current or not revision_of(row[0], source)):
                row = None
        return Entry(source=row[0], target=row[1], comment=row[2], exact=bool(row[3]), origin=row[4]) if row else None
