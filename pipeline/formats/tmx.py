"""TMX 1.4b: one file per document, every segment in en and each target language."""

from __future__ import annotations

from lxml import etree

from pipeline.formats import RunContext
from pipeline.model import Document

PER_LANGUAGE = False

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def relpath(doc: str, lang: str | None) -> str:
    return f"{doc}.tmx"


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="pipeline",
        creationtoolversion=str(context.signature),
        segtype="sentence",
        adminlang="en",
        srclang="en",
        datatype="plaintext",
        **{"o-tmf": "pipeline"},
    )
    body = etree.SubElement(root, "body")
    for seg in doc.segments:
        tu = etree.SubElement(body, "tu", tuid=seg.id)
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: "en"})
        etree.SubElement(tuv, "seg").text = seg.source
        for target_lang in context.langs:
            tr = seg.target(target_lang)
            if not tr.text:
                continue
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: target_lang})
            prop = etree.SubElement(tuv, "prop", type="x-state")
            prop.text = tr.state.name.lower()
            etree.SubElement(tuv, "seg").text = tr.text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
