"""Review files packed for a CAT tool: one ready OmegaT project per language.

A translator opens ``DIR/<lang>`` in OmegaT and starts: the PO files are the
source documents (segment ids as ``msgctxt``, machine text as a fuzzy match),
the machine translations are in ``tm/mt/`` (OmegaT shows them as machine
suggestions, never as a person's), the reviewed translations in ``tm/``, the
glossary in ``glossary/``. OmegaT writes the translated PO files to
``target/``, which ``pipeline import`` takes back.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.errors import InputError
from pipeline.formats import write_atomic
from pipeline.languages import language
from pipeline.workspace import find_run_record, write_run_record

PROJECT_FILE = "omegat.project"


def project_xml(lang: str) -> bytes:
    """An ``omegat.project`` with the default folders; sentence segmentation off, as our
    segments are sentences already (OmegaT would otherwise split some again)."""
    root = etree.Element("omegat")
    project = etree.SubElement(root, "project", version="1.0")
    settings = {
        "source_dir": "__DEFAULT__",
        "source_dir_excludes": None,
        "target_dir": "__DEFAULT__",
        "tm_dir": "__DEFAULT__",
        "glossary_dir": "__DEFAULT__",
        "glossary_file": "__DEFAULT__",
        "dictionary_dir": "__DEFAULT__",
        "source_lang": "en",
        "target_lang": lang,
        "source_tok": "org.omegat.tokenizer.LuceneEnglishTokenizer",
        "target_tok": language(lang).omegat_tokenizer,
        "sentence_seg": "false",
        "support_default_translations": "true",
        "remove_tags": "false",
    }
    for name, value in settings.items():
        element = etree.SubElement(project, name)
        if value is not None:
            element.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=False, pretty_print=True)


def export_omegat(out: Path, dest: Path, langs: list[str]) -> list[Path]:
    """Write or refresh one OmegaT project per language under ``dest`` from the output folder ``out``.

    A project that exists keeps its ``omegat/`` (the translator's work) and ``target/``
    folders and its settings; only the files this export owns are replaced.
    """
    record = find_run_record(out, out)
    if record is None:
        raise InputError(out, "not an output folder of `pipeline run` (no .pipeline-run.json)")
    # The translated files come back from DIR/<lang>/target/: import finds the articles through this record.
    write_run_record(dest, list(record.articles), record.glossary, list(record.targets), record.root)
    projects = []
    for lang in langs:
        pos = sorted((out / lang / "LC_MESSAGES").glob("*.po"))
        if not pos:
            raise InputError(out / lang / "LC_MESSAGES", f"no PO files for {lang}: run `pipeline run --to {lang}` first")
        project = dest / lang
        if not (project / PROJECT_FILE).is_file():
            write_atomic(project / PROJECT_FILE, project_xml(lang))
        folders = {
            "source": pos,
            "tm/mt": sorted(out.glob("*.mt.tmx")),
            "tm": sorted(p for p in out.glob("*.tmx") if not p.name.endswith(".mt.tmx")),
            "glossary": [p for p in [out / "glossary.tbx"] if p.is_file()],
        }
        for folder, files in folders.items():
            (project / folder).mkdir(parents=True, exist_ok=True)
            for path in files:
                write_atomic(project / folder / path.name, path.read_bytes())
        for folder in ("target", "omegat", "dictionary"):
            (project / folder).mkdir(exist_ok=True)
        projects.append(project)
    return projects
