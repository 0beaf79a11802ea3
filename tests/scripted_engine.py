"""A deterministic engine for testing the translate stage's control flow.

Each engine input maps to the n-best list a model would return for it, so a test
can make the best translation drop a placeholder or loop and check what the stage
does with the alternatives, on any machine. Translation quality is never tested
with it: those tests use the real stand-in models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pipeline import curated, terms
from pipeline.engine import Alignment, Hypothesis
from pipeline.glossary import Glossary
from pipeline.model import Segment
from pipeline.translate import translate_segments


def word_alignment(source: str, target: str, links: dict[int, int]) -> Alignment:
    """An alignment of whitespace-separated words (one piece each): target word ``t`` attends
    fully to source word ``links[t]``, the others evenly to every source word."""

    def located(text: str) -> list[int]:
        starts, at = [], 0
        for word in text.split(" "):
            starts.append(at)
            at += len(word) + 1
        return starts

    n = len(source.split(" "))
    attention = [[1.0 if links.get(t) == k else (0.0 if t in links else 1 / n) for k in range(n)] for t in range(len(target.split(" ")))]
    return Alignment(source, located(source), target, located(target), attention, -0.5)


class ScriptedEngine:
    def __init__(self, script: dict[str, list[str]], aligned: dict[str, Alignment] | None = None):
        self.script = script
        self.aligned = aligned or {}
        self.requests: list[tuple[str, int]] = []  # (input, n) in the order asked

    def normalize(self, text: str) -> str:
        return " ".join(text.split())

    def _ranked(self, text: str, n: int) -> list[Hypothesis]:
        if text not in self.script:
            raise AssertionError(f"no scripted translation for {text!r}")
        self.requests.append((text, n))
        # Scores fall with rank, as a beam's do.
        return [Hypothesis(out, -0.1 * (rank + 1)) for rank, out in enumerate(self.script[text][:n])]

    def translate(self, texts: Sequence[str], *, progress: Callable[[float], None] | None = None) -> list[Hypothesis]:
        return [self._ranked(text, 1)[0] for text in texts]

    def alternatives(self, texts: Sequence[str], n: int) -> list[list[Hypothesis]]:
        return [self._ranked(text, n) for text in texts]

    def align(self, texts: Sequence[str]) -> list[Alignment]:
        for text in texts:
            if text not in self.aligned:
                raise AssertionError(f"no scripted alignment for {text!r}")
            self.requests.append((text, 0))
        return [self.aligned[text] for text in texts]


def scripted_translation(glossary: Glossary, source: str, lang: str, output: str) -> str:
    """``source`` through the translate stage into ``lang``, with a model that answers ``output``
    for the sentence as the stage protects it there (its terms, figures and names as #1, #2…)."""
    seg = Segment(id="x:p1:s1", source=source, paragraph=1, index=1)
    terms.mark(seg, glossary)
    translate_segments([seg], ScriptedEngine({terms.protect(source, curated.protected(seg, lang)): [output]}), glossary, lang)
    return seg.target(lang).text
