"""TMX 1.4b of the reviewed translations: the memory a CAT tool may trust (OmegaT: ``tm/``).

Machine text never goes here: CAT tools read every unit of a TMX as a human
translation (OmegaT ignores a ``<prop>`` inside ``<tuv>`` and, from ``tm/auto/``,
inserts its units as final). It has its own file, ``formats.mttmx``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from pipeline.errors import FormatError
from pipeline.formats import RunContext
from pipeline.model import Document, State, Translation

PER_LANGUAGE = False

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def relpath(doc: str, lang: str | None) -> str:
    return f"{doc}.tmx"


def build(doc: Document, context: RunContext, keep: Callable[[Translation], bool], tool: str) -> bytes:
    """A TMX of ``doc`` with the translations ``keep`` accepts; a unit only where one language has one."""
    root, body = _document(tool, str(context.signature))
    for seg in doc.segments:
        kept = [(lang, seg.target(lang)) for lang in context.langs if seg.target(lang).text and keep(seg.target(lang))]
        if not kept:
            continue
        tu = etree.SubElement(body, "tu", tuid=seg.id)
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: "en"})
        etree.SubElement(tuv, "seg").text = seg.source
        for lang, tr in kept:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = tr.text
    return _dumps(root)


def _document(tool: str, version: str) -> tuple[etree._Element, etree._Element]:
    """A TMX 1.4b root with its header, and its empty body."""
    root = etree.Element("tmx", version="1.4")
    header = {"creationtool": tool, "creationtoolversion": version, "segtype": "sentence", "adminlang": "en", "srclang": "en"}
    etree.SubElement(root, "header", **header, datatype="plaintext", **{"o-tmf": "pipeline"})
    return root, etree.SubElement(root, "body")


def _dumps(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    return build(doc, context, lambda tr: tr.state == State.REVIEWED, "pipeline")


def _lang(code: str) -> str:
    """``RU-RU``, ``ru_RU``, ``ru`` → ``ru``."""
    return code.replace("_", "-").split("-")[0].lower()


def _seg_text(seg: etree._Element) -> str:
    """A ``<seg>``'s text with inline codes (``<bpt>``, ``<ph>``, ``<it>`` …) flattened away."""
    parts = [seg.text or ""]
    for child in seg:
        if etree.QName(child).localname == "hi":
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def read_units(path: Path) -> list[tuple[str, str, str]]:
    """(language, English source, translation) of every unit of a TMX 1.1–1.4b file, from
    OmegaT, Trados or memoQ (``xml:lang`` or ``lang``, any case and region)."""
    from pipeline.formats.xliff import parse_safely

    root = parse_safely(path, external_doctype=True)
    if root.tag != "tmx":
        raise FormatError(path, root.sourceline, f"not a TMX file (root element {root.tag})")
    header = root.find("header")
    srclang = _lang(header.get("srclang", "en")) if header is not None else "en"
    if srclang not in ("en", "*all*"):
        raise FormatError(path, None, f"source language {srclang!r}: the memory holds translations of English")
    units: list[tuple[str, str, str]] = []
    for tu in root.iterfind("body/tu"):
        by_lang: dict[str, str] = {}
        for tuv in tu.iterfind("tuv"):
            code = tuv.get(XML_LANG) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            if code and seg is not None:
                by_lang.setdefault(_lang(code), _seg_text(seg))
        source = by_lang.pop("en", "")
        units.extend((lang, source, text) for lang, text in by_lang.items() if source and text)
    return units


def memory_dumps(rows: list[tuple[str, str, str]]) -> bytes:
    """A TMX 1.4b of (language, English source, translation) rows: a memory's human translations."""
    root, body = _document("pipeline", "memory")
    for lang, source, target in rows:
        tu = etree.SubElement(body, "tu")
        for code, text in (("en", source), (lang, target)):
            etree.SubElement(etree.SubElement(tu, "tuv", {XML_LANG: code}), "seg").text = text
    return _dumps(root)
