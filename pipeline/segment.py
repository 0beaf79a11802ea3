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


# pysbd's time grows faster than the text: past this, a paragraph is split at sentence-final
# punctuation by a plain pattern (a 50,000-word line would otherwise take minutes).
LONG_PARAGRAPH = 20_000
_PLAIN_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+[\"”’)]*|$)")


def _sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing whitespace excluded."""
    if len(paragraph) > LONG_PARAGRAPH:
        spans = []
        for m in _PLAIN_SENTENCE.finditer(paragraph):
            text = m.group()
            if text.strip():
                start = m.start() + len(text) - len(text.lstrip())
                spans.append((start, m.start() + len(text.rstrip())))
        return spans
    spans = []
    for sent in _splitter().segment(paragraph):
        text = sent.sent.rstrip()
        if text.strip():
            start = sent.start + (len(text) - len(text.lstrip()))
            spans.append((start, sent.start + len(text)))
    return spans


# Markdown: what opens a line without being text (headings, quotes, list markers), fences,
# rules, tables and indented code, which are kept as they are and never translated.
_MD_PREFIX = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)*")
_MD_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_MD_VERBATIM = re.compile(r"[ \t]{0,3}(?:[-*_][ \t]*){3,}$|[ \t]*\||    |\t|[ \t]*<")
_MD_WRAP = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$")


def _markdown_text(line: str, in_code: bool) -> tuple[int, int, bool]:
    """(start, end) of the translatable text in a Markdown line ((0, 0) for none), and whether a code block continues."""
    if _MD_FENCE.match(line):
        return 0, 0, not in_code
    if in_code or _MD_VERBATIM.match(line):
        return 0, 0, in_code
    prefix = _MD_PREFIX.match(line)
    start = prefix.end() if prefix else 0
    end = len(line.rstrip())
    # Emphasis around the whole text stays around the translation.
    wrapped = _MD_WRAP.match(line, start, end)
    if wrapped:
        start, end = wrapped.start(2), wrapped.end(2)
    return start, end, False


def _unwrap(line: str, start: int, end: int) -> tuple[int, int]:
    """A Markdown sentence without the emphasis markers around it (they stay in the surrounding text)."""
    closing = re.match(r"[*_]+\s+", line[start:end])  # the end of the previous sentence's emphasis
    if closing:
        start += closing.end()
    opening = re.match(r"[*_]+(?=\S)", line[start:end])
    if opening:
        marker = opening.group()
        if line[start:end].endswith(marker) and end - start > 2 * len(marker):
            start, end = start + len(marker), end - len(marker)
        elif line.startswith(marker, end):
            start += len(marker)
    return start, end


def segment_text(name: str, text: str, *, markdown: bool = False) -> Document:
    """Split into paragraphs (each non-empty line) and sentences; ``doc.source_text() == text``.

    With ``markdown``, markup, code and tables stay outside the segments (in their
    ``before`` text), so the translated article keeps the Markdown structure.
    """
    doc = Document(name=name)
    pos = 0
    paragraph = 0
    in_code = False
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        low, high = 0, len(line)
        if markdown:
            low, high, in_code = _markdown_text(line, in_code)
        if not line[low:high].strip():
            continue
        paragraph += 1
        # In Markdown a short capitalised line is a heading, not page furniture.
        boilerplate = bool(_BOILERPLATE.match(line[low:high].strip())) if markdown else is_boilerplate(line)
        for index, (start, end) in enumerate(_sentences(line[low:high]), 1):
            start, end = start + low, end + low
            if markdown:
                start, end = _unwrap(line, start, end)
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
