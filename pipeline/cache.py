"""Persistent cache of machine translations (SQLite), so a rerun translates only what changed.

Keyed by what determines the engine's output: the package's content digest,
the decoding options, and the exact input the engine gets (normalised, with
glossary terms already replaced by placeholders, so the glossary's effect is in
the key). Stored: the hypotheses (one, or an n-best list) with their scores, exactly; so outputs are
byte-identical with or without the cache. The cache is disposable: a corrupt
file is reported in one line and rebuilt, never read; two runs may share it.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import PipelineError

log = logging.getLogger(__name__)

# How long a run waits for another run holding the cache before giving up with one line.
BUSY_SECONDS = 30

SCHEMA = """
-- The first layout kept one hypothesis per input; its rows are not carried over (a cache).
DROP TABLE IF EXISTS translation;
CREATE TABLE IF NOT EXISTS hypothesis (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    rank INTEGER NOT NULL,
    target TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (engine, source, rank)
);
CREATE TABLE IF NOT EXISTS file_digest (
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (path, size, mtime_ns)
);
"""


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's content, read in blocks (model files are tens of megabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_foreign_file(path: Path) -> None:
    """The cache only ever replaces a file it made (an SQLite file): anything else at its path
    (a glossary named by mistake) is one line, and the file is left alone."""
    if not path.exists():
        return
    if not path.is_file():
        raise PipelineError(f"{path}: translation cache path is not a file; set cache in pipeline.toml to a new file")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise PipelineError(f"{path}: translation cache cannot be read ({exc.strerror or exc})") from exc
    if header and header != _SQLITE_HEADER:
        raise PipelineError(f"{path}: not a translation cache (not an SQLite file); refusing to replace it: set cache to another path")


class TranslationCache:
    def __init__(self, path: Path):
        self.path = path
        self.hits = self.misses = 0
        _refuse_foreign_file(path)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):
                # Locked, disk full, an I/O error: the file may be fine, so it is kept.
                what = "is locked by another process" if "locked" in str(exc) else "cannot be used"
                raise PipelineError(f"{path}: translation cache {what} ({exc})") from exc
            log.warning("%s: translation cache unreadable (%s); rebuilding it", path, exc)
            for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                stale.unlink(missing_ok=True)
            self._db = self._open()
        except OSError as exc:
            raise PipelineError(f"{path}: translation cache cannot be opened ({exc.strerror or exc})") from exc

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
        # WAL: one run reads while another writes. Switching to it fails at once, busy timeout
        # or not, while another process is setting up the same new file (a test holds such a
        # write open), so that one statement is retried.
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                db.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    db.close()
                    raise
                time.sleep(0.05)
        db.executescript(SCHEMA)
        db.execute("SELECT COUNT(*) FROM hypothesis").fetchone()
        return db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def file_digest(self, path: Path) -> str:
        """Content digest of a model file, remembered by size and modification time."""
        st = path.stat()
        key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
        row = self._db.execute("SELECT digest FROM file_digest WHERE path = ? AND size = ? AND mtime_ns = ?", key).fetchone()
        if row:
            return row[0]
        digest = file_sha256(path)
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO file_digest VALUES (?, ?, ?, ?)", (*key, digest))
        return digest

    def get(self, engine: str, sources: Iterable[str]) -> dict[str, list[tuple[str, float]]]:
        """Cached (text, score) hypotheses, best first, for those of ``sources`` translated before by ``engine``."""
        found: dict[str, list[tuple[str, float]]] = {}
        wanted = list(dict.fromkeys(sources))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self._db.execute(
                f"SELECT source, target, score FROM hypothesis WHERE engine = ? AND source IN ({','.join('?' * len(chunk))})"
                " ORDER BY source, rank",
                (engine, *chunk),
            )
            for source, target, score in rows:
                found.setdefault(source, []).append((target, score))
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def put(self, engine: str, results: dict[str, list[tuple[str, float]]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO hypothesis VALUES (?, ?, ?, ?, ?)",
                [(engine, source, rank, text, score) for source, ranked in results.items() for rank, (text, score) in enumerate(ranked)],
            )
