"""The target languages: one profile module each (``base.Language`` says what a profile holds).

Adding a language is one module beside these (a ``Language`` with what is known of it; the
defaults make it work without inflection, particles or transliteration) and one line in
``LANGUAGES`` below; checks, terms, names, formats, config and the glossary read the profile.
"""

from __future__ import annotations

from pipeline.errors import ConfigError
from pipeline.languages.base import Language, in_script
from pipeline.languages.ko import KOREAN
from pipeline.languages.ru import RUSSIAN
from pipeline.languages.uk import UKRAINIAN

__all__ = ["LANGUAGES", "TARGETS", "Language", "in_script", "language", "parse_targets", "profile"]

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (KOREAN, UKRAINIAN, RUSSIAN)}
TARGETS = tuple(LANGUAGES)


def profile(code: str) -> Language:
    """The profile of ``code``; for a language not registered, the invariant defaults (terms as
    written, no transliteration, no money words), so that reading its files never fails."""
    return LANGUAGES.get(code) or Language(code, code, "")


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
