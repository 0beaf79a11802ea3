"""One error tree; the CLI turns any PipelineError into one line on stderr and exit 1."""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """Base of every error the pipeline reports to a user."""


class ConfigError(PipelineError):
    pass


class InputError(PipelineError):
    """An input article cannot be read or segmented."""

    def __init__(self, path: str | Path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)


class FormatError(PipelineError):
    """A file (glossary, reviewed PO/XLIFF) is malformed; names the file and 1-based line."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path, self.line = str(path), line


class ImportMismatchError(FormatError):
    """A reviewed file does not match the documents it claims to review."""


class EngineError(PipelineError):
    """No usable translation package, or the engine failed (on ``inputs``, where known)."""

    def __init__(self, message: str, inputs: tuple[str, ...] = ()):
        super().__init__(message)
        self.inputs = inputs
