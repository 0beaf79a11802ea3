"""People's work in the review files, merged as msgmerge and Babel's ``Catalog.update`` do:
one place decides what is a person's translation, for ``pipeline run`` and ``pipeline import``.

- **approved**: marked reviewed, with text that is not the English source copied (``notes.approved``):
  into the memory, keyed by the sentence;
- **draft**: edited but still marked for review (text not the machine's any more): kept in
  place, still marked, in every later run, following its sentence when ids shift;
- **obsolete**: a draft whose sentence left the article: kept as an obsolete PO entry (``#~``)
  and put back if the sentence returns;
- anything else (machine text, an emptied entry, English copied by a CAT tool) is nobody's work.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import FormatError, PipelineError
from pipeline.formats.notes import approved, copies_source, edited_unreviewed
from pipeline.formats.registry import REVIEWED, output_paths, read_file
from pipeline.glossary import Glossary
from pipeline.memory import Memory, nfc, revision_of, same_text
from pipeline.model import Document, ReadBack, Segment, State, Translation
from pipeline.workspace import file_state

log = logging.getLogger(__name__)

Row = tuple[str, str, str, str, str, str]  # (segment id, lang, source, target, comment, origin): a memory row


def reviewed_rows(read: ReadBack, lang: str, origin: str) -> list[Row]:
    """The approved entries of a read-back file as memory rows (obsolete entries included)."""
    rows = []
    for seg in sorted([*read.segments, *read.obsolete], key=lambda s: s.id):
        tr = seg.target(lang)
        if approved(seg, tr):
            rows.append((seg.id, lang, seg.source, tr.text, tr.comment, origin))
    return rows


def check_language(path: Path, read: ReadBack, lang: str) -> None:
    """The language a file says it holds must be ``lang``, and its run signature must agree."""
    if read.lang != lang:
        raise FormatError(path, None, f"file says language {read.lang or '(none)'!r}, expected {lang!r}")
    named = set(re.findall(r"\btranslate-en_([a-z]{2,3})\b", read.signature))
    if named and named != {lang}:
        raise FormatError(path, None, f"run signature names a model for {', '.join(sorted(named))}, not {lang}")


@dataclass
class HumanWork:
    """What people did in the review files a run is about to replace."""

    drafts: dict[tuple[str, str], Segment] = field(default_factory=dict)  # (lang, id) -> file's segment
    # (lang, NFC source) -> file's segment: a draft follows its sentence when the ids shift.
    drafts_by_source: dict[tuple[str, str], Segment] = field(default_factory=dict)
    files: dict[Path, str] = field(default_factory=dict)  # review file -> digest of the content merged

    def changed(self, out: Path, docs: list[Document], langs: list[str]) -> list[Path]:
        """Review files written or edited since they were merged (a reviewer saving during the run)."""
        paths = [p for doc in docs for (_, lang), p in output_paths(out, doc.name, langs, list(REVIEWED)).items() if lang]
        return [p for p in paths if p.is_file() and self.files.get(p) != file_state(p.read_bytes())]


def collect_human_work(
    docs: list[Document],
    out: Path,
    langs: list[str],
    memory: Memory,
    glossary: Glossary,
    *,
    force: bool,
    work: HumanWork | None = None,
    only: list[Path] | None = None,
) -> HumanWork:
    """Read the existing review files (``only`` these, into ``work``, when merging again);
    store approved entries in ``memory``, return the drafts.

    A review file that cannot be read is refused (one line naming it) unless
    ``force``: then it is moved aside, never deleted.
    """
    work = work or HumanWork()
    reviewed: dict[tuple[str, str], Row] = {}  # (lang, id) -> the latest file's approval
    found = []
    for doc in docs:
        for (_, lang), path in output_paths(out, doc.name, langs, list(REVIEWED)).items():
            if path.is_file() and lang is not None and (only is None or path in only):
                found.append((path.stat().st_mtime_ns, str(path), path, lang))
    # Oldest first: where two files hold different edits of one segment, the later edit wins.
    for _, _, path, lang in sorted(found):
        try:
            data = path.read_bytes()
            read = read_file(path)
            check_language(path, read, lang)
        except PipelineError as exc:
            if not force:
                raise PipelineError(f"{exc}; this review file would be replaced: fix or move it (or --force to set it aside)") from exc
            aside = _aside(path)
            log.warning("%s cannot be read (%s); moved to %s", path, exc, aside.name)
            continue
        # Kept whether or not the sentence is still in the article: the memory keys it by its source.
        for sid, _, source, text, comment, origin in reviewed_rows(read, lang, f"{path.name} (kept by run)"):
            earlier = reviewed.get((lang, sid))
            # A format without comments (TSV) must not drop the comment another file keeps.
            comment = comment or (earlier[4] if earlier and earlier[3] == text else "")
            reviewed[(lang, sid)] = (sid, lang, source, text, comment, origin)
        for seg in read.segments:
            if edited_unreviewed(seg.target(lang)):
                work.drafts[(lang, seg.id)] = seg
                work.drafts_by_source[(lang, nfc(seg.source))] = seg
        for seg in read.obsolete:
            # Kept by an earlier run for a sentence cut from the article: still a draft.
            tr = seg.target(lang)
            if not approved(seg, tr) and tr.text.strip() and not copies_source(seg, tr):
                work.drafts_by_source.setdefault((lang, nfc(seg.source)), seg)
        work.files[path] = file_state(data)
    memory.store(list(reviewed.values()), glossary.version)
    return work


def _aside(path: Path) -> Path:
    n = 1
    while (target := path.with_name(f"{path.name}.unreadable-{n}")).exists():
        n += 1
    path.rename(target)
    return target


def apply_drafts(docs: list[Document], work: HumanWork, lang: str) -> None:
    """Put each kept draft back in place of the machine text, still marked for review: the draft
    of the same sentence wherever its id moved, else one of an earlier wording under this id."""
    current = {nfc(seg.source) for doc in docs for seg in doc.segments}
    for doc in docs:
        # A draft whose sentence left this article is kept, as msgmerge keeps obsolete entries.
        gone = {nfc(d.source): d for (draft_lang, _), d in work.drafts_by_source.items()
                if draft_lang == lang and d.id.rsplit(":", 2)[0] == doc.name and nfc(d.source) not in current}  # fmt: skip
        doc.obsolete[lang] = [gone[source] for source in sorted(gone)]
        for seg in doc.segments:
            draft = work.drafts_by_source.get((lang, nfc(seg.source)))
            if draft is None:
                draft = work.drafts.get((lang, seg.id))
                if draft is not None and (nfc(draft.source) in current or not revision_of(draft.source, seg.source)):
                    draft = None  # that sentence is elsewhere in the article, or this is another sentence
            tr = seg.target(lang)
            if draft is None or tr.state == State.REVIEWED:
                continue
            kept: Translation = draft.target(lang)
            if same_text(draft.source, seg.source):
                tr.text, tr.state, tr.comment = kept.text, State.NEEDS_REVIEW, kept.comment or tr.comment
                # The machine text's term results no longer apply; the checks verify the draft.
                tr.machine_digest, tr.terms, tr.transliterated = kept.machine_digest, [], []
            elif not tr.previous:
                # The source changed under the draft: fresh MT, the draft shown beside it.
                tr.previous, tr.previous_source = kept.text, draft.source
