"""What a reader of romanised names (``korean``, ``chinese``) makes of one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    syllables: tuple[str, ...]  # the name's syllables as its reader spells them (Hangul, pinyin), the surname first
    forms: dict[str, str]  # target language → the name as it writes it
    verified: bool  # a listed person's, or a reading the romanisation does not leave ambiguous
    gender: str = ""  # a listed person's: "m" or "f" (Russian and Ukrainian decline a man's: «Ким Чен Ына»)
    surname_first: bool = True  # as the English writes it: "Kim Jong Un", but "Shigeru Ishiba"

    def surname(self, english: str) -> str:
        """The surname of ``english``, the name this reads."""
        words = english.split()
        return words[0] if self.surname_first else words[-1]
