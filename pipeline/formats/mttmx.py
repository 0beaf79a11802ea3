"""TMX 1.4b of the machine translations, named as such (``<doc>.mt.tmx``).

For a CAT tool's machine-translation folder (OmegaT: ``tm/mt/``), where its units
are shown as machine suggestions, never as a person's translation. People's
drafts are in neither TMX: they are not approved, and they are not machine text.
"""

from __future__ import annotations

from pipeline.formats import RunContext, tmx
from pipeline.formats.notes import edited_unreviewed
from pipeline.model import Document, State

PER_LANGUAGE = False


def relpath(doc: str, lang: str | None) -> str:
    return f"{doc}.mt.tmx"


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    return tmx.build(doc, context, lambda tr: tr.state != State.REVIEWED and not edited_unreviewed(tr), "pipeline machine translation")
