"""Read and clean the shared parallel corpora.

The corpora mix human references with WMT system outputs, some of which are
placeholders ("NO TRANSLATION AVAILABLE"), copies of the source, or text in
the wrong language; those would teach a small model to copy or to answer in
Russian when asked for Ukrainian, so they are filtered here.
"""

from __future__ import annotations

import gzip
import random
import unicodedata
from collections import defaultdict
from pathlib import Path

UK_ONLY = set("іїєґІЇЄҐ")
RU_ONLY = set("ыэъёЫЭЪЁ")
MAX_TARGETS_PER_SOURCE = 3
# Software-localisation text (../shared/corpora/extra) adds vocabulary, Ukrainian's above
# all, but pulls a small model towards UI style ("Click …"); it is sampled to at most this
# share of a language's news-like pairs, and older GNOME/MATE branches are left out.
EXTRA_SHARE = 0.2
EXTRA_SKIPPED = ("gnome-mate-history",)


def _script_share(text: str, lang: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    if lang == "ko":
        hits = sum("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" for ch in letters)
    elif lang in ("ru", "uk"):
        hits = sum("CYRILLIC" in unicodedata.name(ch, "") for ch in letters)
    else:
        hits = sum(ch.isascii() for ch in letters)
    return hits / len(letters)


def keep_pair(src: str, tgt: str, lang: str) -> bool:
    """Whether a pair is clean enough to train on."""
    if not src or not tgt or src == tgt or "NO TRANSLATION" in tgt.upper():
        return False
    if _script_share(src, "en") < 0.9 or _script_share(tgt, lang) < 0.7:
        return False
    ratio = len(tgt) / len(src)
    low, high = (0.2, 1.6) if lang == "ko" else (0.5, 2.2)
    if not low <= ratio <= high:
        return False
    chars = set(tgt)
    if lang == "uk" and chars & RU_ONLY:
        return False
    if lang == "ru" and chars & UK_ONLY:
        return False
    return True


def read_pairs(corpora: Path, split: str, lang: str) -> list[tuple[str, str]]:
    """Line-aligned (English, target) pairs of one split, unfiltered."""
    with (
        gzip.open(corpora / f"{split}.{lang}.en.gz", "rt", encoding="utf-8") as fe,
        gzip.open(corpora / f"{split}.{lang}.{lang}.gz", "rt", encoding="utf-8") as ft,
    ):
        return [(e.strip(), t.strip()) for e, t in zip(fe, ft, strict=True)]


def training_pairs(corpora: Path, lang: str, seed: int = 1) -> list[tuple[str, str]]:
    """Clean, de-duplicated pairs, at most a few references per English source."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for src, tgt in read_pairs(corpora, "train", lang):
        if keep_pair(src, tgt, lang) and tgt not in by_source[src]:
            by_source[src].append(tgt)
    rng = random.Random(seed)
    pairs = []
    for src in sorted(by_source):
        targets = by_source[src]
        rng.shuffle(targets)
        pairs.extend((src, tgt) for tgt in targets[:MAX_TARGETS_PER_SOURCE])
    return pairs


def extra_pairs(corpora: Path, lang: str, limit: int, seed: int = 1) -> list[tuple[str, str]]:
    """A random sample of at most ``limit`` clean pairs from ``extra/<lang>``, one per English source."""
    folder = corpora / "extra" / lang
    by_source: dict[str, str] = {}
    for english in sorted(folder.glob("*.en.gz")) if folder.is_dir() else []:
        tag = english.name.removesuffix(".en.gz")
        if tag in EXTRA_SKIPPED:
            continue
        with gzip.open(english, "rt", encoding="utf-8") as fe, gzip.open(folder / f"{tag}.{lang}.gz", "rt", encoding="utf-8") as ft:
            for e, t in zip(fe, ft, strict=True):
                src, tgt = e.strip(), t.strip()
                if src not in by_source and keep_pair(src, tgt, lang):
                    by_source[src] = tgt
    pairs = sorted(by_source.items())
    random.Random(seed).shuffle(pairs)
    return pairs[:limit]


def all_pairs(corpora: Path, lang: str, seed: int = 1) -> list[tuple[str, str]]:
    """The news-like pairs plus the weighted sample of software-localisation pairs."""
    main = training_pairs(corpora, lang, seed)
    seen = {src for src, _ in main}
    extra = [(s, t) for s, t in extra_pairs(corpora, lang, int(len(main) * EXTRA_SHARE) * 2, seed) if s not in seen]
    return main + extra[: int(len(main) * EXTRA_SHARE)]
