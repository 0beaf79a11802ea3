"""gettext PO: one entry per segment, msgctxt = segment id (``locales/<lang>/LC_MESSAGES/<doc>.po``)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import polib

from pipeline.errors import FormatError
from pipeline.formats import RunContext
from pipeline.formats.notes import machine_notes, written_digest
from pipeline.languages import LANGUAGES
from pipeline.model import Document, ReadBack, Segment, State, Translation

PER_LANGUAGE = True
SUFFIXES = (".po",)


def _revision_date() -> str:
    # Reproducible-builds convention: no wall-clock time in outputs unless asked for.
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    return time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime(epoch))


def relpath(doc: str, lang: str | None) -> str:
    return f"{lang}/LC_MESSAGES/{doc}.po"


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    assert lang is not None
    models = context.signature.packages.get(lang, "")
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": doc.name,
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": _revision_date(),
        "Last-Translator": "machine translation <mt@localhost>",
        "Language-Team": f"{lang} reviewers <{lang}@localhost>",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": LANGUAGES[lang].plural_forms,
        "X-Generator": "pipeline",
        "X-Run-Signature": context.signature.for_lang(lang),
    }
    if doc.title:
        po.metadata["X-Source-Title"] = doc.title
    if doc.url:
        po.metadata["X-Source-URL"] = doc.url
    for seg in doc.segments:
        tr = seg.target(lang)
        entry = polib.POEntry(
            msgctxt=seg.id,
            msgid=seg.source,
            msgstr=tr.text,
            occurrences=[(doc.source_path or doc.name, str(seg.paragraph))],
            comment="\n".join(machine_notes(seg, tr, models)),
            tcomment=tr.comment,
        )
        if tr.state in (State.MACHINE, State.NEEDS_REVIEW):
            entry.flags.append("fuzzy")
        if tr.previous_source and tr.previous_source != seg.source:
            entry.previous_msgid = tr.previous_source
        po.append(entry)
    for seg in doc.obsolete.get(lang, []):
        tr = seg.target(lang)
        kept = polib.POEntry(msgctxt=seg.id, msgid=seg.source, msgstr=tr.text, obsolete=True, tcomment=tr.comment)
        if tr.state != State.REVIEWED:
            kept.flags.append("fuzzy")
        po.append(kept)
    text = str(po)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def translation(entry: polib.POEntry) -> Translation:
    """What a PO entry holds: fuzzy needs review, other text is a person's translation; the
    machine note's digest tells a draft from untouched machine text (``notes.edited_unreviewed``)."""
    state = State.EMPTY if not entry.msgstr else (State.NEEDS_REVIEW if entry.fuzzy else State.REVIEWED)
    return Translation(
        text=entry.msgstr,
        state=state,
        comment=entry.tcomment or "",
        machine_digest=written_digest((entry.comment or "").splitlines()),
    )


def read(path: Path) -> ReadBack:
    """A reviewed PO file: fuzzy entries need review, others with text are a person's translation."""
    try:
        po = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise FormatError(path, None, f"cannot parse PO file: {exc}") from exc
    lang = po.metadata.get("Language", "")
    segments: list[Segment] = []
    obsolete: list[Segment] = []
    seen = set()
    for entry in po:
        if not entry.msgctxt:
            continue
        if entry.obsolete:
            # A draft or approval kept for a sentence cut from the article (see ``dumps``).
            seg = Segment(id=entry.msgctxt, source=entry.msgid, paragraph=0, index=len(obsolete))
            state = State.EMPTY if not entry.msgstr else (State.NEEDS_REVIEW if entry.fuzzy else State.REVIEWED)
            seg.targets[lang] = Translation(text=entry.msgstr, state=state, comment=entry.tcomment or "")
            obsolete.append(seg)
            continue
        if entry.msgctxt in seen:
            raise FormatError(path, entry.linenum, f"duplicate msgctxt {entry.msgctxt!r} (msgfmt refuses it too)")
        seen.add(entry.msgctxt)
        if entry.msgid_plural:
            # Our entries are sentences; a plural entry's msgstr is empty and reading it so would
            # put the English back into the article.
            raise FormatError(path, entry.linenum, f"{entry.msgctxt}: plural entry (msgid_plural, msgstr[n]); segments take one msgstr")
        seg = Segment(id=entry.msgctxt, source=entry.msgid, paragraph=0, index=len(segments))
        seg.targets[lang] = translation(entry)
        segments.append(seg)
    return ReadBack(lang=lang, signature=po.metadata.get("X-Run-Signature", ""), segments=segments, obsolete=obsolete)
