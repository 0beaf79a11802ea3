"""Read an article file into text: encoding detection, line endings, sanity limits; the main text
of a web page; Markdown kept as Markdown (the segmenter skips its markup)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError

MAX_BYTES = 20_000_000
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: str | Path) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with a BOM; anything else is refused.

    Latin-1 is never guessed: every byte string decodes as Latin-1, so a guess
    would silently turn mojibake into "translated" text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {encoding} text at byte {exc.start}") from exc
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, f"not UTF-8 text (line {line}, byte {exc.start}); convert it to UTF-8") from exc


def read_article(path: Path) -> str:
    """The article's text with line endings normalised to \\n."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from exc
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "empty article (no text to translate)")
    controls = [ch for ch in text if ord(ch) < 32 and ch not in "\n\t"]
    if controls:
        raise InputError(path, f"control character U+{ord(controls[0]):04X} in text; binary file?")
    return text


# Article types by suffix; a file without one is plain text.
KINDS = {".txt": "text", "": "text", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


@dataclass(frozen=True)
class Source:
    """An article as the segmenter gets it."""

    text: str
    kind: str  # "text", "html" (already reduced to its main text) or "markdown"
    title: str = ""
    url: str = ""


def article_kind(path: Path) -> str:
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        supported = ", ".join(s for s in KINDS if s)
        raise InputError(path, f"unsupported article type {path.suffix!r}; expected {supported}")
    return kind


def read_source(path: Path) -> Source:
    """The article in ``path``: plain text, a web page's title and paragraphs, or Markdown."""
    kind = article_kind(path)
    text = read_article(path)
    if kind != "html":
        return Source(text, kind)
    return _main_text(text, path)


def _main_text(html: str, path: Path) -> Source:
    """Title and paragraphs of a news page, in order, without navigation, banners, share bars,
    related lists, captions or footers (trafilatura, tuned for precision)."""
    import trafilatura

    body = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False, include_images=False, favor_precision=True
    )
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "").strip() if meta else ""
    url = (meta.url or "").strip() if meta else ""
    if not body or not body.strip():
        raise InputError(path, "no article text found in the web page")
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if title and lines[0] != title:
        lines.insert(0, title)
    return Source("\n".join(lines) + "\n", "html", title, url)
