"""Re-run the quality checks on existing or reviewed PO/XLIFF files (``pipeline check``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline import checks, terms
from pipeline.config import Config
from pipeline.glossary import load_glossary
from pipeline.importer import read_reviewed
from pipeline.model import Segment


def check_files(paths: list[Path], config: Config) -> Iterator[tuple[str, int]]:
    """``path:segment: severity code: message`` lines with their severity, file by file."""
    glossary = load_glossary(config.path(config.glossary))
    for path in paths:
        lang, entries = read_reviewed(path)
        for segment_id, (source, _, tr) in entries.items():
            seg = Segment(id=segment_id, source=source, paragraph=0, index=0)
            seg.terms = terms.match_terms(source, glossary)
            if tr.text:
                tr.terms = terms.verify(tr.text, seg.terms, glossary, lang)
            for finding in checks.check_segment(seg, tr, lang):
                yield f"{path}:{segment_id}: {finding}", int(finding.severity)
