"""XLIFF 1.2 for older CAT tools (``pipeline run --xliff12``): ``<lang>/<doc>.xliff12.xlf``.

Same units and ids as the XLIFF 2.1 and PO files; machine translations are
``state="needs-review-translation"``, terms ``<mrk mtype="term">``.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.errors import FormatError
from pipeline.formats import write_atomic
from pipeline.formats.notes import machine_notes, source_spans, term_spans
from pipeline.formats.xliff import marked, parse_safely, read_unit
from pipeline.model import Document, State, Translation

NS = "urn:oasis:names:tc:xliff:document:1.2"
X = f"{{{NS}}}"
STATE = {State.EMPTY: "new", State.MACHINE: "needs-review-translation", State.NEEDS_REVIEW: "needs-review-translation", State.REVIEWED: "signed-off"}
REVIEWED = {"translated", "signed-off", "final"}


def _term_mrk(parent: etree._Element, n: int, term_id: str) -> etree._Element:
    # No mid: strict 1.2 requires a target mid to point into <seg-source>, which plain units lack.
    return etree.SubElement(parent, f"{X}mrk", mtype="term", comment=f"glossary.tbx#{term_id}")


def dumps(doc: Document, lang: str, signature: str, model: str) -> bytes:
    root = etree.Element(f"{X}xliff", nsmap={None: NS}, version="1.2")
    file_el = etree.SubElement(
        root, f"{X}file", original=doc.source_path or doc.name, datatype="plaintext", **{"source-language": "en", "target-language": lang}
    )
    etree.SubElement(etree.SubElement(file_el, f"{X}header"), f"{X}note", **{"from": "pipeline"}).text = signature
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
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write(path: Path, doc: Document, lang: str, signature: str, model: str) -> None:
    write_atomic(path, dumps(doc, lang, signature, model))


def read(path: Path, root: etree._Element | None = None) -> tuple[str, dict[str, tuple[str, str, Translation]]]:
    """(target language, {segment id: (source, file original, translation)}) from a reviewed XLIFF 1.2 file
    (``root``: the file already parsed with ``parse_safely``)."""
    root = parse_safely(path) if root is None else root
    if root.tag != f"{X}xliff":
        raise FormatError(path, root.sourceline, f"not an XLIFF 1.2 file (root element {root.tag})")
    lang, entries = "", {}
    for file_el in root.iter(f"{X}file"):
        lang = file_el.get("target-language", "")
        for unit in file_el.iter(f"{X}trans-unit"):
            target = unit.find(f"{X}target")
            source, tr = read_unit(
                unit.find(f"{X}source"),
                target,
                State.REVIEWED if target is not None and target.get("state") in REVIEWED else State.MACHINE,
                unit.iterfind(f"{X}note[@from='reviewer']"),
                unit.iterfind(f"{X}note[@from='pipeline']"),
            )
            entries[unit.get("id")] = (source, file_el.get("original", ""), tr)
    return lang, entries
