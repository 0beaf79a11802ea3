"""The one data model every stage and every format shares. No I/O here."""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import asdict, dataclass, field


class State(enum.IntEnum):
    """One review scale; each format maps it into its own vocabulary."""

    EMPTY = 0
    MACHINE = 10  # unreviewed machine translation (PO fuzzy, XLIFF initial)
    NEEDS_REVIEW = 20  # reviewed text whose source changed (like msgmerge's fuzzy)
    REVIEWED = 30  # a person's translation


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2


@dataclass(frozen=True)
class Finding:
    """One problem a check found in one segment (or a document)."""

    code: str
    severity: Severity
    message: str
    segment_id: str = ""
    lang: str = ""

    def __str__(self) -> str:
        return f"{self.severity.name.lower()} {self.code}: {self.message}"


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a source segment (character offsets into the source)."""

    term_id: str
    start: int
    end: int
    text: str


@dataclass
class TermResult:
    """What the glossary stage did with one term occurrence in one target."""

    term_id: str
    status: str  # "applied" | "repaired" | "failed"
    form: str = ""
    expected: str = ""

    def __str__(self) -> str:
        return f"{self.term_id}={self.status}:{self.form}" if self.form else f"{self.term_id}={self.status}"


@dataclass(frozen=True)
class Match:
    """A person's translation of a similar sentence, as CAT tools offer it."""

    source: str
    target: str
    similarity: int  # percent, token edit distance (numbers differing cost little)
    origin: str  # segment id or TMX file it came from
    differences: tuple[str, ...] = ()  # numbers that differ, the match's → this sentence's: "5,000 → 50,000"

    def __str__(self) -> str:
        changed = f"; differs: {', '.join(self.differences)}" if self.differences else ""
        return f"{self.similarity}% from {self.origin}: «{self.target}» (for «{self.source}»{changed})"


@dataclass
class Translation:
    """One target-language rendering of a segment."""

    text: str = ""
    state: State = State.EMPTY
    score: float | None = None  # CTranslate2 length-normalised log-probability
    previous: str = ""  # the reviewed text this replaced when the source changed
    previous_source: str = ""  # the source that reviewed text was for (PO's "#| msgid")
    comment: str = ""  # reviewer's comment, kept verbatim
    machine_digest: str = ""  # read back: digest of the machine text the file was written with
    terms: list[TermResult] = field(default_factory=list)
    # People's translations of similar sentences from the memory (``memory.Match``), best first.
    matches: list[Match] = field(default_factory=list)
    # Where a reviewed text was reused from when that is another article ("doc:p2:s1"): worth a glance.
    reused_from: str = ""
    # Names the model left in Latin letters, written by transliteration ("Aisha → Аишу"): unverified.
    transliterated: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Segment:
    """One sentence of a document, with what surrounds it so the text rebuilds exactly."""

    id: str  # "<doc>:p<paragraph>:s<sentence>", stable for unchanged input
    source: str
    paragraph: int
    index: int
    before: str = ""  # whitespace (and line breaks) preceding the sentence in the original
    boilerplate: bool = False
    terms: list[TermHit] = field(default_factory=list)  # glossary terms
    figures: list[TermHit] = field(default_factory=list)  # numbers and dates (``pipeline.figures``), romanised names (``romanised``)
    targets: dict[str, Translation] = field(default_factory=dict)

    def target(self, lang: str) -> Translation:
        return self.targets.setdefault(lang, Translation())

    @property
    def protected(self) -> list[TermHit]:
        """Terms and figures in source order: each becomes a placeholder for the engine."""
        return sorted(self.terms + self.figures, key=lambda hit: hit.start)


@dataclass
class Document:
    name: str  # file stem, used in every output path
    segments: list[Segment] = field(default_factory=list)
    trailing: str = ""  # text after the last segment (final newline)
    source_path: str = ""
    title: str = ""  # a web page's title and address, for the file headers
    url: str = ""
    # lang -> people's drafts of sentences no longer in the article, kept as obsolete entries
    # (msgmerge's #~) so that they come back if the sentence does.
    obsolete: dict[str, list[Segment]] = field(default_factory=dict)

    def source_text(self) -> str:
        return "".join(s.before + s.source for s in self.segments) + self.trailing

    def target_text(self, lang: str) -> str:
        """The translated article, with the source's paragraph breaks and spacing."""
        return "".join(s.before + (s.target(lang).text or s.source) for s in self.segments) + self.trailing

    def segment(self, segment_id: str) -> Segment | None:
        return next((s for s in self.segments if s.id == segment_id), None)


@dataclass
class ReadBack:
    """A review file read back: its target language, the run signature in its header, and its
    segments, each with the one translation the file holds (``segment.target(lang)``)."""

    lang: str
    signature: str
    segments: list[Segment]
    obsolete: list[Segment] = field(default_factory=list)  # entries kept for sentences cut from the article (PO #~)


@dataclass(frozen=True)
class RunSignature:
    """Everything that affects a result; written into every file header (cf. sacrebleu)."""

    pipeline: str
    packages: dict[str, str]  # lang -> "translate-en_ru 1.0 (stand-in)"
    glossary: str  # short content hash
    segmenter: str
    decoding: str  # the engine's own account: beam, length penalty, input limit
    names: dict[str, str] = field(default_factory=dict)  # lang -> short content hash of its names lexicon

    def for_lang(self, lang: str) -> str:
        return (
            f"pipeline {self.pipeline}|model {self.packages.get(lang, '-')}|glossary {self.glossary}"
            f"|names {self.names.get(lang, '-')}|segmenter {self.segmenter}|{self.decoding}"
        )

    def __str__(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]
