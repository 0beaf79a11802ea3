"""One small module per file format, each behind the same interface (the registry is ``formats.registry``).

A format module has ``PER_LANGUAGE`` (one file per target language, or one per
document with every language), ``relpath(doc, lang)`` (where its file goes
under the output folder), ``dumps(doc, lang, context) -> bytes``, and, where
reviewed files come back, ``SUFFIXES`` and ``read(path) -> ReadBack``.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.glossary import Glossary
from pipeline.model import RunSignature


@dataclass(frozen=True)
class RunContext:
    """What a writer may need beyond the document: the run's signature, glossary and languages."""

    signature: RunSignature
    glossary: Glossary
    langs: tuple[str, ...]


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same directory and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


TMP_SUFFIX = ".pipeline-tmp"
