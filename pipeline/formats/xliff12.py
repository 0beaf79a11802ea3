"""XLIFF 1.2 for older CAT tools (``pipeline run --xliff12``): ``<lang>/xliff12/<doc>.xlf``.

Same units and ids as the XLIFF 2.1 and PO files; machine translations are
``state="needs-review-translation"``, terms ``<mrk mtype="term">``.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.errors import FormatError
from pipeline.formats import RunContext
from pipeline.formats.notes import machine_notes, source_spans, term_spans
from pipeline.formats.xliff import marked, parse_safely, read_unit, unique
from pipeline.model import Document, ReadBack, Segment, State

PER_LANGUAGE = True
SUFFIXES = (".xlf", ".xliff")

NS = "urn:oasis:names:tc:xliff:document:1.2"
X = f"{{{NS}}}"
# The same scale as XLIFF 2.1 (xliff.STATE / FROM_STATE), in 1.2's vocabulary: "translated" is a
# translator's text not yet reviewed in both versions; signed-off and final are reviewed.
STATE = {State.EMPTY: "new", State.MACHINE: "needs-review-translation", State.NEEDS_REVIEW: "translated", State.REVIEWED: "signed-off"}
FROM_STATE = {
    "new": State.MACHINE,
    "needs-translation": State.MACHINE,
    "needs-review-translation": State.MACHINE,
    "translated": State.NEEDS_REVIEW,
    "signed-off": State.REVIEWED,
    "final": State.REVIEWED,
}


def _term_mrk(parent: etree._Element, n: int, term_id: str) -> etree._Element:
    # No mid: strict 1.2 requires a target mid to point into <seg-source>, which plain units lack.
    return etree.SubElement(parent, f"{X}mrk", mtype="term", comment=f"../../glossary.tbx#{term_id}")


def relpath(doc: str, lang: str | None) -> str:
    # A folder of its own: a name suffix could collide with another article's name.
    return f"{lang}/xliff12/{doc}.xlf"


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    assert lang is not None
    model = context.signature.packages.get(lang, "")
    root = etree.Element(f"{X}xliff", nsmap={None: NS}, version="1.2")
    file_el = etree.SubElement(
        root, f"{X}file", original=doc.source_path or doc.name, datatype="plaintext", **{"source-language": "en", "target-language": lang}
    )
    etree.SubElement(etree.SubElement(file_el, f"{X}header"), f"{X}note", **{"from": "pipeline"}).text = context.signature.for_lang(lang)
    body = etree.SubElement(file_el, f"{X}body")
    for seg in doc.segments:
        tr = seg.target(lang)
        unit = etree.SubElement(body, f"{X}trans-unit", id=seg.id)
        marked(etree.SubElement(unit, f"{X}source"), seg.source, source_spans(seg), _term_mrk)
        if tr.text:
            target = etree.SubElement(unit, f"{X}target", state=STATE[tr.state])
            marked(target, tr.text, term_spans(tr.text, tr.terms), _term_mrk)
        if tr.comment:
            etree.SubElement(unit, f"{X}note", **{"from": "reviewer"}).text = tr.comment
        for note in machine_notes(seg, tr, model):
            etree.SubElement(unit, f"{X}note", **{"from": "pipeline"}).text = note
        for match in tr.matches if tr.state != State.REVIEWED else []:
            # The translation memory's proposals, as XLIFF 1.2 tools read them.
            alt = etree.SubElement(unit, f"{X}alt-trans", origin=match.origin, **{"match-quality": str(match.similarity)})
            etree.SubElement(alt, f"{X}source").text = match.source
            etree.SubElement(alt, f"{X}target", **{"{http://www.w3.org/XML/1998/namespace}lang": lang}).text = match.target
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def read(path: Path, root: etree._Element | None = None) -> ReadBack:
    """A reviewed XLIFF 1.2 file (``root``: the file already parsed with ``parse_safely``)."""
    root = parse_safely(path) if root is None else root
    if root.tag != f"{X}xliff":
        raise FormatError(path, root.sourceline, f"not an XLIFF 1.2 file (root element {root.tag})")
    file_el = root.find(f"{X}file")
    lang = file_el.get("target-language", "") if file_el is not None else ""
    segments: list[Segment] = []
    for unit in root.iterfind(f"{X}file/{X}body/{X}trans-unit"):
        target = unit.find(f"{X}target")
        segments.append(
            read_unit(
                path,
                unit.get("id"),
                len(segments),
                lang,
                unit.find(f"{X}source"),
                target,
                FROM_STATE.get(target.get("state", "") if target is not None else "", State.MACHINE),
                unit.iterfind(f"{X}note[@from='reviewer']"),
                unit.iterfind(f"{X}note[@from='pipeline']"),
            )
        )
    signature = root.findtext(f"{X}file/{X}header/{X}note") or ""
    return ReadBack(lang=lang, signature=signature, segments=unique(path, segments))
