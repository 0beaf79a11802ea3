"""Defaults for ``pipeline run`` from ``pipeline.toml`` at the project root."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.engine import BEAM_SIZE, DEVICES, PRECISIONS
from pipeline.errors import ConfigError
from pipeline.languages import TARGETS, parse_targets

CONFIG_NAME = "pipeline.toml"
MAX_BEAM_SIZE = 16
MAX_BATCH_SIZE = 1024


@dataclass(frozen=True)
class Config:
    root: Path
    articles: list[str] = field(default_factory=lambda: ["articles"])
    targets: list[str] = field(default_factory=lambda: list(TARGETS))
    out: str = "locales"
    glossary: str = "glossary/glossary.tsv"
    memory: str = "memory/reviewed.sqlite"
    cache: str = "cache/translations.sqlite"  # machine translations by input and engine; "" for none
    device: str = "auto"  # auto (CUDA when CTranslate2 sees one), cpu or cuda
    precision: str = "fast"  # fast (int8) or reproducible (float32: the same text on any x86-64 CPU)
    cluster: str = ""  # a Dask scheduler address (tcp://host:8786) to translate on; "" for this machine
    beam_size: int = BEAM_SIZE
    batch_size: int = 1
    xliff12: bool = False
    memory_threshold: int = 75  # percent: the memory's fuzzy matches at least this similar are shown

    def path(self, value: str) -> Path:
        return (self.root / value).resolve()


def find_config(start: Path | None = None) -> Config:
    """The nearest ``pipeline.toml`` from ``start`` upwards; defaults rooted at ``start`` if none."""
    start = (start or Path.cwd()).resolve()
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            try:
                document = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{candidate}: {exc}") from exc
            if set(document) - {"pipeline"}:
                raise ConfigError(
                    f"{candidate}: unknown table(s) {', '.join(sorted(set(document) - {'pipeline'}))}; settings go under [pipeline]"
                )
            data = document.get("pipeline", {})
            if not isinstance(data, dict):
                raise ConfigError(f"{candidate}: pipeline must be a table ([pipeline])")
            known = set(Config.__dataclass_fields__) - {"root"}
            unknown = set(data) - known
            if unknown:
                raise ConfigError(f"{candidate}: unknown setting(s): {', '.join(sorted(unknown))}")
            defaults = Config(root=directory)
            for key, value in data.items():
                expected = type(getattr(defaults, key))
                if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                    raise ConfigError(f"{candidate}: {key} must be {expected.__name__}, not {value!r}")
                if expected is list and not all(isinstance(item, str) and item for item in value):
                    raise ConfigError(f"{candidate}: {key} must be a list of non-empty strings, not {value!r}")
            empty = [key for key in ("out", "glossary", "memory") if key in data and not data[key].strip()]
            if empty:
                # "" would resolve to the project folder itself.
                raise ConfigError(f"{candidate}: {', '.join(empty)} must name a path, not an empty string")
            if data.get("batch_size", 1) < 1 or data.get("beam_size", 1) < 1:
                raise ConfigError(f"{candidate}: beam_size and batch_size must be at least 1")
            # Past these, one sentence takes minutes and gigabytes, and quality does not improve.
            if data.get("beam_size", 1) > MAX_BEAM_SIZE or data.get("batch_size", 1) > MAX_BATCH_SIZE:
                raise ConfigError(f"{candidate}: beam_size at most {MAX_BEAM_SIZE}, batch_size at most {MAX_BATCH_SIZE}")
            if data.get("device", "auto") not in DEVICES:
                raise ConfigError(f"{candidate}: device must be one of {', '.join(DEVICES)}, not {data['device']!r}")
            if not 50 <= data.get("memory_threshold", 75) <= 100:
                raise ConfigError(f"{candidate}: memory_threshold must be a percentage from 50 to 100")
            if data.get("precision", "fast") not in PRECISIONS:
                raise ConfigError(f"{candidate}: precision must be one of {', '.join(PRECISIONS)}, not {data['precision']!r}")
            if "targets" in data:
                parse_targets(data["targets"], f"{candidate}: targets")
            return Config(root=directory, **data)
    return Config(root=start)
