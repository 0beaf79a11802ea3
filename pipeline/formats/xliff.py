"""XLIFF 2.1 (one unit per segment, ids as in the PO files), with glossary terms marked.

Machine translations are ``state="initial"``; reviewed ones ``reviewed``/``final``.
Terms are ``<mrk type="term" ref="../glossary.tbx#ID">`` in source and target (the TBX the run
writes beside the language folders).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from pipeline.errors import FormatError
from pipeline.formats import RunContext
from pipeline.formats.notes import machine_notes, source_spans, term_spans, written_digest
from pipeline.model import Document, ReadBack, Segment, State, Translation

PER_LANGUAGE = True
SUFFIXES = (".xlf", ".xliff")
NS = "urn:oasis:names:tc:xliff:document:2.0"
X = f"{{{NS}}}"
MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0"
MTC = f"{{{MTC_NS}}}"
# The state scale beside XLIFF 1.2's (xliff12.STATE): written, and read back.
STATE = {State.EMPTY: "initial", State.MACHINE: "initial", State.NEEDS_REVIEW: "translated", State.REVIEWED: "reviewed"}
FROM_STATE = {"initial": State.MACHINE, "translated": State.NEEDS_REVIEW, "reviewed": State.REVIEWED, "final": State.REVIEWED}


def marked(parent: etree._Element, text: str, spans: list[tuple[int, int, str]], mark) -> None:
    """Fill ``parent`` with ``text``, wrapping each (start, end, term id) span in ``mark(parent, n, term_id)``."""
    pos, last = 0, None
    parent.text = ""
    for n, (start, end, term_id) in enumerate(sorted(spans), 1):
        if start < pos:
            continue
        chunk = text[pos:start]
        if last is None:
            parent.text += chunk
        else:
            last.tail = (last.tail or "") + chunk
        last = mark(parent, n, term_id)
        last.text = text[start:end]
        pos = end
    rest = text[pos:]
    if last is None:
        parent.text += rest
    else:
        last.tail = (last.tail or "") + rest


def _term_mrk(prefix: str):
    return lambda parent, n, term_id: etree.SubElement(parent, f"{X}mrk", id=f"{prefix}{n}", type="term", ref=f"../glossary.tbx#{term_id}")


def _unit(file_el: etree._Element, seg: Segment, tr: Translation, model: str) -> None:
    unit = etree.SubElement(file_el, f"{X}unit", id=seg.id)
    if tr.matches and tr.state != State.REVIEWED:
        # The translation memory's matches, in the Translation Candidates module.
        matches = etree.SubElement(unit, f"{MTC}matches", nsmap={"mtc": MTC_NS})
        for match in tr.matches:
            el = etree.SubElement(matches, f"{MTC}match", ref="#s", type="tm", similarity=f"{match.similarity:.1f}", origin=match.origin)
            etree.SubElement(el, f"{X}source").text = match.source
            etree.SubElement(el, f"{X}target").text = match.target
    notes = machine_notes(seg, tr, model)
    if tr.comment:
        notes.insert(0, tr.comment)
    if notes:
        notes_el = etree.SubElement(unit, f"{X}notes")
        for i, note in enumerate(notes):
            category = "reviewer" if tr.comment and i == 0 else note.split(":", 1)[0]
            etree.SubElement(notes_el, f"{X}note", category=category).text = note
    segment = etree.SubElement(unit, f"{X}segment", id="s", state=STATE[tr.state])
    marked(etree.SubElement(segment, f"{X}source"), seg.source, source_spans(seg), _term_mrk("s"))
    if tr.text:
        marked(etree.SubElement(segment, f"{X}target"), tr.text, term_spans(tr.text, tr.terms), _term_mrk("t"))


def relpath(doc: str, lang: str | None) -> str:
    return f"{lang}/{doc}.xlf"


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    assert lang is not None
    model = context.signature.packages.get(lang, "")
    root = etree.Element(f"{X}xliff", nsmap={None: NS}, version="2.1", srcLang="en", trgLang=lang)
    file_el = etree.SubElement(root, f"{X}file", id=doc.name, original=doc.source_path or doc.name)
    notes = etree.SubElement(file_el, f"{X}notes")
    etree.SubElement(notes, f"{X}note", category="signature").text = context.signature.for_lang(lang)
    if doc.title or doc.url:
        etree.SubElement(notes, f"{X}note", category="source").text = " ".join(filter(None, (doc.title, doc.url)))
    for seg in doc.segments:
        _unit(file_el, seg, seg.target(lang), model)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _internal_subset(path: Path) -> bool:
    """Whether the file's DOCTYPE has an internal subset (``[ … ]``): declarations in the file itself."""
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    return re.search(rb"<!DOCTYPE[^>\[]*\[", head) is not None


def parse_safely(path: Path, *, external_doctype: bool = False) -> etree._Element:
    """Parse without network access, DTDs or entity expansion (no XXE, no entity bombs).
    ``external_doctype``: a DOCTYPE naming an external DTD is accepted (never loaded), as TMX
    files carry one; an internal DTD never is."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, attribute_defaults=False)
    try:
        tree = etree.parse(str(path), parser)
    except (OSError, etree.XMLSyntaxError) as exc:
        line = getattr(exc, "lineno", None)
        raise FormatError(path, line, f"malformed XML: {getattr(exc, 'msg', exc)}") from exc
    root = tree.getroot()
    # An internal DTD can supply attributes (an ATTLIST default state="final") or entities
    # inside attributes that no element check sees: XLIFF has no DOCTYPE, so none is accepted.
    if tree.docinfo.doctype and (not external_doctype or _internal_subset(path)):
        raise FormatError(path, 1, "a DOCTYPE with a DTD (entity declarations, attribute defaults) is not accepted in files that come back")
    if any(isinstance(node, etree._Entity) for node in root.iter()):
        raise FormatError(path, None, "entity references are not accepted in reviewed files")
    return root


def read_unit(
    path: Path,
    unit_id: str | None,
    index: int,
    lang: str,
    source: etree._Element | None,
    target: etree._Element | None,
    state: State,
    reviewer_notes: Iterable[etree._Element],
    machine_notes: Iterable[etree._Element],
) -> Segment:
    """A read-back unit as a segment with one translation, as both XLIFF versions keep it;
    ``state`` applies where the target has text. Inline codes other than our term marks
    (``<ph/>``, ``<pc>``, ``<x/>`` …) stand for text the tool did not show: refused, never
    dropped with the words on either side glued."""
    for part in (source, target):
        codes = (
            sorted({etree.QName(el).localname for el in part.iter(tag=etree.Element) if el is not part} - {"mrk"})
            if part is not None
            else []
        )
        if part is not None and codes:
            message = f"unit {unit_id}: inline code(s) {', '.join(f'<{c}>' for c in codes)} are not accepted; keep plain text"
            raise FormatError(path, part.sourceline, message)
    text = "".join(target.itertext()) if target is not None else ""
    seg = Segment(id=unit_id or "", source="".join(source.itertext()) if source is not None else "", paragraph=0, index=index)
    seg.targets[lang] = Translation(
        text=text,
        state=state if text else State.EMPTY,
        comment="\n".join(n.text or "" for n in reviewer_notes),
        machine_digest=written_digest(n.text or "" for n in machine_notes),
    )
    return seg


def unique(path: Path, segments: list[Segment]) -> list[Segment]:
    """``segments``, refusing a file where an id is missing or repeated."""
    seen = set()
    for seg in segments:
        if not seg.id or seg.id in seen:
            raise FormatError(path, None, f"{'duplicate' if seg.id else 'missing'} unit id {seg.id!r}")
        seen.add(seg.id)
    return segments


def read(path: Path, root: etree._Element | None = None) -> ReadBack:
    """A reviewed XLIFF 2 file (``root``: the file already parsed with ``parse_safely``)."""
    root = parse_safely(path) if root is None else root
    if root.tag != f"{X}xliff":
        version = root.get("version") or "unknown"
        raise FormatError(
            path,
            root.sourceline,
            f"XLIFF version {version} ({etree.QName(root).namespace or 'no namespace'}) is not accepted; "
            f"accepted: XLIFF 2.0/2.1 ({X.strip('{}')}) and XLIFF 1.2 (urn:oasis:names:tc:xliff:document:1.2)",
        )
    lang = root.get("trgLang", "")
    segments: list[Segment] = []
    for unit in root.iterfind(f"{X}file/{X}unit"):
        segment = unit.find(f"{X}segment")
        if segment is None:
            continue
        segments.append(
            read_unit(
                path,
                unit.get("id"),
                len(segments),
                lang,
                segment.find(f"{X}source"),
                segment.find(f"{X}target"),
                FROM_STATE.get(segment.get("state", "initial"), State.MACHINE),
                unit.iterfind(f"{X}notes/{X}note[@category='reviewer']"),
                unit.iterfind(f"{X}notes/{X}note[@category='machine']"),
            )
        )
    signature = root.findtext(f"{X}file/{X}notes/{X}note[@category='signature']") or ""
    return ReadBack(lang=lang, signature=signature, segments=unique(path, segments))
