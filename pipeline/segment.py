"""Article text → Document of sentence Segments with stable ids and exact rebuild."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from pipeline.model import Document, Segment

SEGMENTER = f"pysbd {pysbd.__version__ if hasattr(pysbd, '__version__') else '0.3'} en"

# Page furniture that scrapers pick up around news articles.
_BOILERPLATE = re.compile(
    r"^(most (commented|read|popular|viewed)|related (articles|stories)|read more|advertisement|"
    r"share( this)?( article)?|sign up.*|subscribe.*|comments?|trending( now)?|you may also like)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _splitter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def is_boilerplate(paragraph: str) -> bool:
    """Probable non-article text: known page furniture, or a short title-like line without a sentence end."""
    text = paragraph.strip()
    if _BOILERPLATE.match(text):
        return True
    words = text.split()
    return (
        len(words) <= 4 and not text.endswith((".", "!", "?", '"', "”", ":")) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )


def _sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing whitespace excluded."""
    spans = []
    for sent in _splitter().segment(paragraph):
        text = sent.sent.rstrip()
        if text.strip():
            start = sent.start + (len(text) - len(text.lstrip()))
            spans.append((start, sent.start + len(text)))
    return spans


def segment_text(name: str, text: str) -> Document:
    """Split into paragraphs (each non-empty line) and sentences; ``doc.source_text() == text``."""
    doc = Document(name=name)
    pos = 0
    paragraph = 0
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        paragraph += 1
        boilerplate = is_boilerplate(line)
        for index, (start, end) in enumerate(_sentences(line), 1):
            absolute = match.start() + start
            doc.segments.append(
                Segment(
                    id=f"{name}:p{paragraph}:s{index}",
                    source=line[start:end],
                    paragraph=paragraph,
                    index=index,
                    before=text[pos:absolute],
                    boilerplate=boilerplate,
                )
            )
            pos = match.start() + end
    doc.trailing = text[pos:]
    return doc
