"""Translation memory of reviewed segments (SQLite), keyed by source, language and glossary version."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PipelineError

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
    exact: bool  # same source and glossary version: reuse as reviewed


class Memory:
    """A cache of reviewed work: the review files hold every approved translation too."""

    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10)
            self._db.executescript(SCHEMA)
        except (sqlite3.Error, OSError) as exc:
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
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO reviewed (source, lang, glossary, segment_id, target, comment, origin)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(src, lang, glossary, sid, tgt, comment, origin) for sid, lang, src, tgt, comment, origin in entries],
            )

    def lookup(self, segment_id: str, source: str, lang: str, glossary: str) -> Entry | None:
        """Exact match first; else the same source under another glossary, or the same segment id
        with an older source: those come back as not exact (shown as the previous translation)."""
        row = self._db.execute(
            "SELECT source, target, comment, glossary = ? FROM reviewed WHERE source = ? AND lang = ?"
            " ORDER BY glossary = ? DESC, rowid DESC LIMIT 1",
            (glossary, source, lang, glossary),
        ).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT source, target, comment, 0 FROM reviewed WHERE segment_id = ? AND lang = ? ORDER BY rowid DESC LIMIT 1",
                (segment_id, lang),
            ).fetchone()
        return Entry(source=row[0], target=row[1], comment=row[2], exact=bool(row[3])) if row else None
