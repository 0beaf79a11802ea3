"""Every document format, by name: the one place that says which files a run writes and reads.

Adding a format is one module (see ``pipeline.formats``) and one line here.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from pipeline.errors import FormatError, InputError
from pipeline.formats import html, mttmx, po, text, tmx, tsv, xliff, xliff12
from pipeline.model import ReadBack

FORMATS: dict[str, ModuleType] = {
    "po": po,
    "xliff": xliff,
    "xliff12": xliff12,  # only when asked for (--xliff12)
    "tsv": tsv,
    "text": text,
    "tmx": tmx,  # reviewed translations only
    "mttmx": mttmx,  # machine translations only
    "html": html,
}
OPTIONAL = {"xliff12"}
# Formats whose files come back from reviewers (and are merged, never overwritten).
REVIEWED = tuple(name for name, module in FORMATS.items() if hasattr(module, "read"))


def selected(*, xliff12: bool = False) -> list[str]:
    return [name for name in FORMATS if name not in OPTIONAL or (name == "xliff12" and xliff12)]


def output_paths(out: Path, doc: str, langs: list[str], names: list[str]) -> dict[tuple[str, str | None], Path]:
    """{(format, language or None): path} of one document's files."""
    paths = {}
    for name in names:
        module = FORMATS[name]
        for lang in langs if module.PER_LANGUAGE else [None]:
            paths[(name, lang)] = out / module.relpath(doc, lang)
    return paths


def read_file(path: Path) -> ReadBack:
    """A reviewed file of any format that comes back, chosen by suffix (XLIFF 1.2/2.x by namespace)."""
    if not path.is_file():
        raise InputError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix in xliff.SUFFIXES:
        root = xliff.parse_safely(path)
        return (xliff12 if root.tag == f"{xliff12.X}xliff" else xliff).read(path, root)
    for name in REVIEWED:
        if suffix in FORMATS[name].SUFFIXES:
            return FORMATS[name].read(path)
    known = sorted({s for name in REVIEWED for s in FORMATS[name].SUFFIXES})
    raise FormatError(path, None, f"unsupported file type {path.suffix!r}; expected {', '.join(known)}")
