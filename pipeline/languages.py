"""The target languages and everything the pipeline knows about each, in one place.

Adding a language means one entry here (and, for the glossary stage, its
inflector in ``inflect``); checks, formats, config and the glossary read from it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.errors import ConfigError

_SLAVIC_PLURALS = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    script: str  # the script its letters are in: "Hangul" or "Cyrillic"
    plural_forms: str  # gettext Plural-Forms header
    length_ratio: tuple[float, float]  # plausible target/source character ratio (checks)
    own_letters: frozenset[str] = frozenset()  # letters that tell it from a close neighbour
    cases: bool = False  # terms take case endings (ru, uk); else particles follow them (ko)
    # Scripts that never belong in a translation into this language (Latin may: IL-76, NATO).
    foreign_scripts: tuple[str, ...] = ()
    # A "year" word a model may append to a date placeholder ("#2 года"): dropped after a date.
    year_after_date: re.Pattern[str] = re.compile(r"(?!)")
    # The tokenizer an OmegaT 3.6+ project uses for it (word counts, fuzzy matching).
    omegat_tokenizer: str = "org.omegat.tokenizer.DefaultTokenizer"

    def is_native(self, ch: str) -> bool:
        """Whether letter ``ch`` is in this language's script."""
        if self.script == "Hangul":
            return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
        return self.script.upper() in unicodedata.name(ch, "")

    @property
    def neighbours(self) -> list[Language]:
        """The other languages written in this one's script (told apart by ``own_letters``)."""
        return [other for other in LANGUAGES.values() if other.code != self.code and other.script == self.script]

    def never_writes(self, ch: str) -> bool:
        """Whether a translation into this language never holds ``ch``: a letter of a foreign
        script, or one only a close neighbour writes (ы in Ukrainian, і in Russian)."""
        if any(in_script(ch, script) for script in self.foreign_scripts):
            return True
        return ch not in self.own_letters and any(ch in other.own_letters for other in self.neighbours)


def in_script(ch: str, script: str) -> bool:
    """Whether ``ch`` is a character of ``script`` (a Unicode name prefix: "Hangul", "CJK", "Cyrillic")."""
    return unicodedata.name(ch, "").startswith(script.upper())


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language(
            "ko",
            "Korean",
            "Hangul",
            "nplurals=1; plural=0;",
            (0.25, 1.3),
            foreign_scripts=("Cyrillic",),
            year_after_date=re.compile(r"년(?=\s|$|[,.;:!?])"),
            omegat_tokenizer="org.omegat.tokenizer.LuceneCJKTokenizer",
        ),
        Language(
            "uk",
            "Ukrainian",
            "Cyrillic",
            _SLAVIC_PLURALS,
            (0.6, 2.0),
            frozenset("іїєґІЇЄҐ"),
            True,
            ("Hangul", "CJK"),
            re.compile(r"\s+(?:року|рік|р\.)(?!\w)"),
        ),
        Language(
            "ru",
            "Russian",
            "Cyrillic",
            _SLAVIC_PLURALS,
            (0.6, 2.0),
            frozenset("ыэъёЫЭЪЁ"),
            True,
            ("Hangul", "CJK"),
            re.compile(r"\s+(?:года|году|год|г\.)(?!\w)"),
            "org.omegat.tokenizer.LuceneRussianTokenizer",
        ),
    )
}
TARGETS = tuple(LANGUAGES)


def language(code: str) -> Language:
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ConfigError(f"unknown target language {code!r}; supported: {', '.join(TARGETS)}") from None


def parse_targets(value: str | list[str], where: str = "--to") -> list[str]:
    """Target codes from ``ko,uk`` or a list; empty, repeated, mis-cased or unknown codes are one clear error."""
    codes = [c.strip() for c in value.split(",")] if isinstance(value, str) else list(value)
    if not codes or any(not isinstance(c, str) or not c for c in codes):
        raise ConfigError(f"{where}: no target language given; supported: {', '.join(TARGETS)}")
    for code in codes:
        if code not in LANGUAGES:
            hint = f" (did you mean {code.lower()!r}?)" if code.lower() in LANGUAGES else ""
            raise ConfigError(f"{where}: unknown target language {code!r}{hint}; supported: {', '.join(TARGETS)}")
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise ConfigError(f"{where}: {', '.join(repeated)} given more than once")
    return codes
