"""TBX (ISO 30042, ``<martif>``) export of the glossary for CAT tools and translate-toolkit."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.formats import write_atomic
from pipeline.glossary import LANGS, Glossary

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
POS = {"noun": "noun", "adj": "adjective"}


def dumps(glossary: Glossary) -> bytes:
    root = etree.Element("martif", type="TBX", **{XML_LANG: "en"})
    header = etree.SubElement(root, "martifHeader")
    desc = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(desc, "p").text = f"pipeline glossary, version {glossary.version}"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for term in glossary.terms:
        entry = etree.SubElement(body, "termEntry", id=term.id)
        etree.SubElement(entry, "descrip", type="subjectField").text = term.type
        if term.note:
            etree.SubElement(entry, "note").text = term.note
        for lang, words in (("en", term.variants), *((lang, (term.targets[lang],)) for lang in LANGS if lang in term.targets)):
            lang_set = etree.SubElement(entry, "langSet", {XML_LANG: lang})
            for word in words:
                tig = etree.SubElement(lang_set, "tig")
                etree.SubElement(tig, "term").text = word
                etree.SubElement(tig, "termNote", type="partOfSpeech").text = POS[term.pos]
                if lang != "en" and term.indeclinable:
                    etree.SubElement(tig, "termNote", type="grammaticalNumber").text = "otherNumber"
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype='<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'
    )


def write(path: Path, glossary: Glossary) -> None:
    write_atomic(path, dumps(glossary))
