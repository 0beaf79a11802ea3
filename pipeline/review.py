"""Re-run the quality checks on existing or reviewed PO/XLIFF/TSV files (``pipeline check``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline import checks, romanised, terms
from pipeline.config import Config
from pipeline.errors import FormatError
from pipeline.formats.registry import read_file
from pipeline.glossary import load_glossary
from pipeline.languages import LANGUAGES
from pipeline.workspace import find_run_record


def check_files(paths: list[Path], config: Config) -> Iterator[tuple[str, int]]:
    """``path:segment: severity code: message`` lines with their severity, file by file."""
    for path in paths:
        # The glossary that produced the file's output folder, else the project's.
        record = find_run_record(path)
        glossary = load_glossary(record.glossary if record else config.path(config.glossary))
        read = read_file(path)
        if read.lang not in LANGUAGES or read.lang not in glossary.langs:
            known = ", ".join(lang for lang in LANGUAGES if lang in glossary.langs)
            raise FormatError(path, None, f"file says language {read.lang or '(none)'!r}; the checks (and the glossary) know {known}")
        for seg in read.segments:
            terms.mark(seg, glossary)
        romanised.mark_surnames(read.segments)
        for seg in read.segments:
            for finding in checks.verify_and_check(seg, read.lang, glossary):
                yield f"{path}:{seg.id}: {finding}", int(finding.severity)
