"""What a reader of romanised names (``korean``, ``chinese``) makes of one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    syllables: tuple[str, ...]  # the name's syllables as its reader spells them (Hangul, pinyin), the surname first
    forms: dict[str, str]  # target language → the name as it writes it
    verified: bool  # a listed person's, or a reading the romanisation does not leave ambiguous
    man: bool = False  # a listed man's: Russian and Ukrainian decline it («Ким Чен Ына»)
