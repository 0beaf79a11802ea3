"""Argos package lookup and batched CTranslate2 translation.

Argos' own ``translate()`` splits, translates and joins one paragraph at a
time; here each distinct segment of every document for a language goes to
CTranslate2 once, in batches of equal-length inputs spread over two workers,
with the decoding options Argos uses, so that results match Argos' own.
Only ``argostranslate.package`` is imported: it finds and installs packages
without pulling in stanza/spaCy/torch.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Protocol

from pipeline.cache import TranslationCache, file_sha256
from pipeline.errors import EngineError
from pipeline.languages import LANGUAGES

log = logging.getLogger(__name__)

BEAM_SIZE = 4
LENGTH_PENALTY = 0.2  # Argos' value
# Longer inputs are split at clause, then word boundaries: the model was trained
# on sentences of at most 128 pieces and CTranslate2 truncates past its limit.
MAX_INPUT_TOKENS = 120


@dataclass(frozen=True)
class Decoding:
    """Decoding guards a package may declare in its metadata (``"decoding": {...}``).

    The defaults are Argos' own decoding; official packages declare nothing and
    are decoded exactly as Argos does. The stand-ins declare guards chosen by
    measurement on ``valid`` (see their model cards): a small model falls into
    loops ("президент президент…") that these cut short.
    """

    repetition_penalty: float = 1.0
    no_repeat_ngram_size: int = 0
    # Output length cap relative to the input: ratio × input pieces + extra (0: CTranslate2's 256).
    max_length_ratio: float = 0.0
    max_length_extra: int = 0
    # Vocabulary pieces with letters the target language never writes are never generated
    # (a multilingual stand-in otherwise slips Hangul into Russian, ы into Ukrainian).
    suppress_foreign_letters: bool = False
    # CTranslate2 divides a hypothesis' log-probability by length**length_penalty: Argos' 0.2
    # barely offsets beam search's lean towards short outputs.
    length_penalty: float = LENGTH_PENALTY

    @classmethod
    def from_metadata(cls, meta: dict, path: Path) -> Decoding:
        raw = meta.get("decoding") or {}
        try:
            return cls(
                repetition_penalty=float(raw.get("repetition_penalty", 1.0)),
                no_repeat_ngram_size=int(raw.get("no_repeat_ngram_size", 0)),
                max_length_ratio=float(raw.get("max_length_ratio", 0.0)),
                max_length_extra=int(raw.get("max_length_extra", 0)),
                suppress_foreign_letters=bool(raw.get("suppress_foreign_letters", False)),
                length_penalty=float(raw.get("length_penalty", LENGTH_PENALTY)),
            )
        except (TypeError, ValueError, AttributeError) as exc:
            raise EngineError(f"{path}: bad 'decoding' in metadata.json: {exc}") from exc

    def options(self, input_pieces: int) -> dict:
        """CTranslate2 ``translate_batch`` options for inputs of ``input_pieces`` pieces."""
        options: dict = {}
        if self.repetition_penalty != 1.0:
            options["repetition_penalty"] = self.repetition_penalty
        if self.no_repeat_ngram_size:
            options["no_repeat_ngram_size"] = self.no_repeat_ngram_size
        if self.max_length_ratio:
            # +1 for the target prefix token.
            options["max_decoding_length"] = int(self.max_length_ratio * input_pieces) + self.max_length_extra + 1
        return options

    def describe(self) -> str:
        parts = []
        if self.repetition_penalty != 1.0:
            parts.append(f"repetition_penalty {self.repetition_penalty:g}")
        if self.no_repeat_ngram_size:
            parts.append(f"no_repeat_ngram {self.no_repeat_ngram_size}")
        if self.max_length_ratio:
            parts.append(f"max_length {self.max_length_ratio:g}x+{self.max_length_extra}")
        if self.suppress_foreign_letters:
            parts.append("no foreign letters")
        # Always named: the run signature states the one length penalty the text was decoded with.
        parts.append(f"length_penalty {self.length_penalty:g}")
        return ", ".join(parts)


@dataclass(frozen=True)
class ModelPackage:
    """An installed Argos translation package."""

    code: str
    from_code: str
    to_code: str
    version: str
    path: Path
    target_prefix: str
    standin: bool
    decoding: Decoding = Decoding()

    def label(self) -> str:
        notes = ["stand-in"] if self.standin else []
        if self.decoding.describe():
            notes.append(self.decoding.describe())
        return f"{self.code} {self.version}" + (f" ({'; '.join(notes)})" if notes else "")

    def digest(self, file_digest: Callable[[Path], str] = file_sha256) -> str:
        """A digest of what decides the package's output (model files, SentencePiece model,
        metadata): two builds that share a version still differ here. ``file_digest``: the
        translation cache's, which remembers each file's digest between runs."""
        files = sorted(p for p in (self.path / "model").rglob("*") if p.is_file())
        files += [p for p in (self.path / "sentencepiece.model", self.path / "metadata.json") if p.is_file()]
        parts = [f"{p.relative_to(self.path).as_posix()} {file_digest(p)}" for p in files]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def argos_package_dirs() -> list[Path]:
    from argostranslate import settings

    return list(settings.package_dirs)


def installed_packages(dirs: Iterable[Path] | None = None) -> list[ModelPackage]:
    """Every translation package in Argos' package directories (or ``dirs``)."""
    found = []
    for directory in dirs if dirs is not None else argos_package_dirs():
        if not Path(directory).is_dir():
            continue
        for path in sorted(Path(directory).iterdir()):
            meta_path = path / "metadata.json"
            if not meta_path.is_file():
                continue
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("type", "translate") != "translate":
                continue
            found.append(
                ModelPackage(
                    code=meta.get("code") or f"translate-{meta['from_code']}_{meta['to_code']}",
                    from_code=meta["from_code"],
                    to_code=meta["to_code"],
                    version=str(meta.get("package_version", "")),
                    path=path,
                    target_prefix=meta.get("target_prefix", ""),
                    standin="standin" in meta,
                    decoding=Decoding.from_metadata(meta, meta_path),
                )
            )
    return found


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def find_package(from_code: str, to_code: str, dirs: Iterable[Path] | None = None) -> ModelPackage:
    """The package to use for a pair: an official one over a stand-in, then the newest."""
    candidates = [p for p in installed_packages(dirs) if (p.from_code, p.to_code) == (from_code, to_code)]
    if not candidates:
        raise EngineError(
            f"no Argos package for {from_code}→{to_code} is installed; "
            f"run `pipeline models install models/` (stand-ins) or `pipeline models install --online {from_code}_{to_code}`"
        )
    return max(candidates, key=lambda p: (not p.standin, _version_key(p.version)))


@dataclass(frozen=True)
class Hypothesis:
    text: str
    score: float  # mean log-probability per output token


@dataclass(frozen=True)
class Alignment:
    """The best translation of an input with where the model looked: for each target piece,
    its attention over the source pieces; each piece located by its start in the text."""

    source: str
    source_starts: list[int]  # character offset of each source piece in ``source``
    target: str
    target_starts: list[int]
    attention: list[list[float]]  # [target piece][source piece]
    score: float


class Engine(Protocol):
    """What the translate stage needs of a machine translation engine: its input
    normalisation, the best translation of each input, the ``n`` best of each, and the
    best with its attention (to place what the translation lost)."""

    def normalize(self, text: str) -> str: ...

    def translate(self, texts: Sequence[str], *, progress: Callable[[float], None] | None = None) -> list[Hypothesis]: ...

    def alternatives(self, texts: Sequence[str], n: int) -> list[list[Hypothesis]]: ...

    def align(self, texts: Sequence[str]) -> list[Alignment]: ...


def decoding_signature(beam_size: int, device: str = "cpu", precision: str = "fast") -> str:
    """What the engine does to every package's input and output, for the run signature
    (a package's own guards and length penalty are in its label)."""
    return f"beam {beam_size}|max_input {MAX_INPUT_TOKENS}|device {device} {compute_type(device, precision)}"


# "fast": int8 weights as shipped, float16 activations on a GPU (CTranslate2's fastest), but
# CTranslate2 picks its int8 CPU kernels by instruction set at run time, and the choice changes
# some translations from one x86-64 machine to another. "reproducible": float32 on the CPU, whose
# output did not change with the instruction set (README, "Reproducibility"); slower.
PRECISIONS = ("fast", "reproducible")
DEVICES = ("auto", "cpu", "cuda")


def compute_type(device: str, precision: str = "fast") -> str:
    """CTranslate2's ``compute_type`` for a resolved device and a precision setting."""
    if precision not in PRECISIONS:
        raise EngineError(f"unknown precision {precision!r}; expected {', '.join(PRECISIONS)}")
    if device == "cuda":
        return "float32" if precision == "reproducible" else "int8_float16"
    return "float32" if precision == "reproducible" else "int8"


# On a GPU a batch pays (on these 2 CPU cores it did not): sentences of one length per request.
GPU_BATCH_SIZE = 64


def resolve_device(device: str) -> str:
    """``auto`` → ``cuda`` where CTranslate2 sees a CUDA device, else ``cpu``; ``cuda`` without one is an error."""
    if device not in DEVICES:
        raise EngineError(f"unknown device {device!r}; expected {', '.join(DEVICES)}")
    if device == "cpu":
        return "cpu"
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        return "cuda"
    if device == "cuda":
        raise EngineError("--device cuda: CTranslate2 sees no CUDA device on this machine (use --device auto or cpu)")
    return "cpu"


@lru_cache(maxsize=1)
def _punct_normalizer() -> Any:
    """Argos' English punctuation normaliser: one for every engine (it compiles many regexes)."""
    from sacremoses import MosesPunctNormalizer

    return MosesPunctNormalizer(lang="en")


class Translator:
    """Translates batches of sentences with one Argos package.

    ``batch_size`` is how many sentences (of one length) go to CTranslate2 in one
    request. It changes speed only. One by default: on 2 CPU cores a batch decoded
    slower than its sentences sent one by one to two workers (README, benchmarks).
    A GPU or another CPU may want more: measure with ``python -m bench.throughput --batch N``.
    """

    def __init__(
        self,
        package: ModelPackage,
        *,
        beam_size: int = BEAM_SIZE,
        batch_size: int = 1,
        threads: int = 0,
        device: str = "cpu",
        precision: str = "fast",
        cache: TranslationCache | None = None,
    ):
        self.package = package
        self.beam_size = beam_size
        self.device = device
        self.compute_type = compute_type(device, precision)
        self.precision = precision
        self.batch_size = max(1, batch_size) if device == "cpu" else max(batch_size, GPU_BATCH_SIZE)
        self.threads = threads
        self.cache = cache

    @cached_property
    def _ct2(self):
        import ctranslate2

        try:
            # Two workers of one thread each beat one worker of two on 2 cores (bench.engine).
            if self.device == "cuda":
                return ctranslate2.Translator(str(self.package.path / "model"), device="cuda", compute_type=self.compute_type)
            cores = self.threads or os.cpu_count() or 1
            workers = 2 if cores >= 2 else 1
            return ctranslate2.Translator(
                str(self.package.path / "model"),
                device="cpu",
                compute_type=self.compute_type,
                inter_threads=workers,
                intra_threads=max(1, cores // workers),
            )
        except RuntimeError as exc:
            raise EngineError(f"{self.package.path}: cannot load CTranslate2 model: {exc}") from exc

    @cached_property
    def _sp(self):
        import sentencepiece

        model = self.package.path / "sentencepiece.model"
        if not model.is_file():
            raise EngineError(f"{self.package.path}: no sentencepiece.model (BPE packages are not supported)")
        return sentencepiece.SentencePieceProcessor(model_file=str(model))

    @cached_property
    def _suppressed(self) -> list[list[str]] | None:
        """The vocabulary pieces this package may not generate (``Decoding.suppress_foreign_letters``)."""
        if not self.package.decoding.suppress_foreign_letters or self.package.to_code not in LANGUAGES:
            return None
        target = LANGUAGES[self.package.to_code]
        pieces = (self._sp.id_to_piece(i) for i in range(self._sp.get_piece_size()))
        return [[piece] for piece in pieces if any(target.never_writes(ch) for ch in piece)] or None

    def normalize(self, text: str) -> str:
        return _punct_normalizer().normalize(text).strip()

    def _chunks(self, text: str) -> list[str]:
        """Split an over-long input into pieces the model can take, at clause then word boundaries."""
        if len(self._sp.encode(text)) <= MAX_INPUT_TOKENS:
            return [text]
        pieces: list[str] = []
        for clause in re.split(r"(?<=[,;:])\s+", text):
            words = clause.split(" ")
            current: list[str] = []
            for word in words:
                if current and len(self._sp.encode(" ".join([*current, word]))) > MAX_INPUT_TOKENS:
                    pieces.append(" ".join(current))
                    current = []
                current.append(word)
            if current:
                pieces.append(" ".join(current))
        # Merge short neighbouring clauses back so the model sees as much context as it can.
        merged: list[str] = []
        for piece in pieces:
            if merged and len(self._sp.encode(merged[-1] + " " + piece)) <= MAX_INPUT_TOKENS:
                merged[-1] += " " + piece
            else:
                merged.append(piece)
        return merged

    @cached_property
    def engine_key(self) -> str:
        """What determines this engine's output for an input: package content and decoding options."""
        assert self.cache is not None
        parts = [
            self.package.digest(self.cache.file_digest),
            self.package.target_prefix,
            self.package.decoding.describe(),
            decoding_signature(self.beam_size, self.device, self.precision),
        ]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]

    def translate(self, texts: Sequence[str], *, progress: Callable[[float], None] | None = None) -> list[Hypothesis]:
        """Translate ``texts`` (already normalised); one hypothesis each, from the cache where it has them.

        ``progress`` gets the fraction done: the engine's units (distinct sentences and
        chunks of long ones) are not the caller's.
        """
        return [alternatives[0] for alternatives in self._lookup(texts, 1, progress)]

    def alternatives(self, texts: Sequence[str], n: int) -> list[list[Hypothesis]]:
        """The ``n`` best hypotheses for each of ``texts``, best first, from a beam of at least ``n``.

        For a caller that needs an output with a property the best one lacks (every
        glossary placeholder kept): the model's own next choices, not a second model call
        per piece of the sentence.
        """
        return self._lookup(texts, n, None)

    def align(self, texts: Sequence[str]) -> list[Alignment]:
        """The best translation of each input with its attention, decoded as ``translate`` does
        (one input per request, so the text is the same); cached like translations, as JSON."""
        known: dict[str, Alignment] = {}
        key = f"{self.engine_key}|align" if self.cache else ""
        if self.cache:
            known = {t: Alignment(**json.loads(ranked[0][0])) for t, ranked in self.cache.get(key, texts).items()}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        fresh = dict(zip(missing, self._align(missing)))
        if self.cache and fresh:
            self.cache.put(key, {t: [(json.dumps(dataclasses.asdict(a), ensure_ascii=False), a.score)] for t, a in fresh.items()})
        known.update(fresh)
        return [known[t] for t in texts]

    def _align(self, texts: Sequence[str]) -> list[Alignment]:
        prefix = [self.package.target_prefix] if self.package.target_prefix else None
        out = []
        for text in texts:
            tokens = self._sp.encode(text, out_type=str)
            try:
                [result] = self._ct2.translate_batch(
                    [tokens], target_prefix=[prefix] if prefix else None, return_attention=True, **self._request(len(tokens), 1)
                )
            except RuntimeError as exc:
                raise EngineError(f"{self.package.label()}: translation failed: {exc}", (text,)) from exc
            pieces, attention = result.hypotheses[0], result.attention[0]
            if prefix:  # the forced language token is not part of the text
                pieces, attention = pieces[1:], attention[1:]
            score = self._mean_score(result, 0)
            source, source_starts = self._located(tokens)
            target, target_starts = self._located(list(pieces))
            out.append(Alignment(source, source_starts, target, target_starts, [list(row) for row in attention], score))
        return out

    def _request(self, input_pieces: int, n: int) -> dict[str, Any]:
        """The decoding options of one CTranslate2 request for the ``n`` best of inputs of this length."""
        return dict(
            beam_size=max(self.beam_size, n),
            num_hypotheses=n,
            length_penalty=self.package.decoding.length_penalty,
            replace_unknowns=True,
            return_scores=True,
            suppress_sequences=self._suppressed,
            **self.package.decoding.options(input_pieces),
        )

    def _mean_score(self, result: Any, rank: int) -> float:
        """The hypothesis' mean log-probability per token. CTranslate2 divides by a power of the
        length it counts (the target prefix and the end token included); undone, the score
        compares across sentence lengths and length penalties."""
        length = len(result.hypotheses[rank]) + 1
        return result.scores[rank] * length**self.package.decoding.length_penalty / length

    def _located(self, pieces: list[str]) -> tuple[str, list[int]]:
        """The decoded text of ``pieces`` and where each piece starts in it."""
        starts = [len(self._sp.decode(pieces[:j])) for j in range(len(pieces))]
        return self._sp.decode(pieces), starts

    def _lookup(self, texts: Sequence[str], n: int, progress: Callable[[float], None] | None) -> list[list[Hypothesis]]:
        # Each distinct input is translated once (repeated boilerplate, datelines); blank ones not at all.
        distinct = list(dict.fromkeys(t for t in texts if t.strip()))
        known: dict[str, list[Hypothesis]] = {}
        if self.cache:
            key = self.engine_key if n == 1 else f"{self.engine_key}|n-best {n}"
            known = {t: [Hypothesis(*h) for h in ranked] for t, ranked in self.cache.get(key, distinct).items()}
        missing = [t for t in distinct if t not in known]
        fresh = dict(zip(missing, self._translate(missing, n, progress)))
        if self.cache:
            self.cache.put(key, {t: [(h.text, h.score) for h in ranked] for t, ranked in fresh.items()})
        known.update(fresh)
        if progress:
            progress(1.0)
        return [known[t] if t.strip() else [Hypothesis("", 0.0)] for t in texts]

    def _translate(self, texts: Sequence[str], n: int, progress: Callable[[float], None] | None) -> list[list[Hypothesis]]:
        """Translate distinct, non-blank ``texts`` on this machine's CTranslate2: the ``n`` best each."""
        if not texts:
            return []
        chunked = [self._chunks(t) for t in texts]
        # Long inputs share clauses: each distinct chunk is translated once.
        flat = list(dict.fromkeys(c for chunks in chunked for c in chunks))
        tokens = {text: self._sp.encode(text, out_type=str) for text in flat}
        # One word longer than the model's input (a long URL, a hash) is copied, not translated:
        # the model has no positions for it and a word cannot be split further.
        verbatim = {text for text in flat if len(tokens[text]) > MAX_INPUT_TOKENS}
        flat = [text for text in flat if text not in verbatim]
        # A batch holds inputs of one length only. Padding a shorter input changes
        # CTranslate2's arithmetic enough to change some translations (on the
        # benchmark material 405 of 409 sentences came out as when translated alone),
        # and equal lengths need none: so batch_size only changes speed, never text.
        by_length: dict[int, list[str]] = {}
        for text in flat:
            by_length.setdefault(len(tokens[text]), []).append(text)
        # Longest first, so that no worker is left with a long sentence at the end.
        batches: list[list[str]] = []
        for length in sorted(by_length, reverse=True):
            group = by_length[length]
            batches.extend(group[i : i + self.batch_size] for i in range(0, len(group), self.batch_size))
        # One input length per batch, so a length cap relative to the input is exact.
        prefix = [self.package.target_prefix] if self.package.target_prefix else None
        by_text: dict[str, Any] = {}  # text -> ctranslate2.TranslationResult
        try:
            # Submitted without waiting, so that every CTranslate2 worker has work.
            pending = [
                (
                    batch,
                    self._ct2.translate_batch(
                        [tokens[text] for text in batch],
                        target_prefix=[prefix] * len(batch) if prefix else None,
                        max_batch_size=self.batch_size,
                        asynchronous=True,
                        **self._request(len(tokens[batch[0]]), n),
                    ),
                )
                for batch in batches
            ]
            for batch, futures in pending:
                for text, future in zip(batch, futures):
                    try:
                        by_text[text] = future.result()
                    except RuntimeError as exc:
                        failed = tuple(t for t, chunks in zip(texts, chunked) if text in chunks)
                        raise EngineError(f"{self.package.label()}: translation failed: {exc}", failed) from exc
                if progress:
                    progress(len(by_text) / len(flat))
        except RuntimeError as exc:  # the request itself refused
            raise EngineError(f"{self.package.label()}: translation failed: {exc}") from exc
        hypotheses = []
        for chunks in chunked:
            ranked = []
            for rank in range(n):
                texts_out, scores = [], []
                for chunk in chunks:
                    if chunk in verbatim:
                        texts_out.append(chunk)
                        continue
                    result = by_text[chunk]
                    # A long input's alternatives pair its chunks' alternatives rank by rank.
                    i = min(rank, len(result.hypotheses) - 1)
                    pieces = result.hypotheses[i][1:] if prefix else result.hypotheses[i]
                    # Byte-fallback pieces that do not form valid UTF-8 decode to U+FFFD: no text to keep.
                    texts_out.append(self._sp.decode(pieces).replace("\ufffd", "").strip())
                    scores.append(self._mean_score(result, i))
                ranked.append(Hypothesis(" ".join(texts_out), min(scores) if scores else 0.0))
            hypotheses.append(ranked)
        return hypotheses
