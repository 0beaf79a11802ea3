"""The memory's cost as it grows: a cached rerun of 500 sentences with a 20,000-entry memory
against the same rerun with an empty one (the baseline), and fuzzy lookups per second with
200,000 entries.

    python -m bench.memory [--sentences 500] [--entries 20000] [--large 200000] [--lang ru]

Sentences: the English side of ``../shared/corpora/valid.<lang>.en.gz`` as one article;
memory entries: training pairs (not those sentences), so most lookups find nothing, as
in a newsroom whose memory is about other stories. The translation cache is warmed first,
so the reruns measure the memory, not the model.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.config import find_config
from pipeline.memory import Memory
from pipeline.run import RunOptions, run

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def lines(name: str, limit: int) -> list[str]:
    with gzip.open(CORPORA / name, "rt", encoding="utf-8") as fh:
        return [line.strip() for line, _ in zip(fh, range(limit))]


def rerun_seconds(project: Path, lang: str) -> float:
    config = find_config(project)
    options = RunOptions.from_config(config, targets=lang)
    started = time.perf_counter()
    run(config.articles, options, root=config.root)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--large", type=int, default=200000)
    parser.add_argument("--lang", default="ru")
    args = parser.parse_args(argv)
    sentences = [s for s in lines(f"valid.{args.lang}.en.gz", args.sentences * 2) if s.endswith((".", "?", "!"))][: args.sentences]
    sources = lines(f"train.{args.lang}.en.gz", args.large)
    targets = lines(f"train.{args.lang}.{args.lang}.gz", args.large)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "articles").mkdir()
        (project / "articles" / "story.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
        shutil.copytree(ROOT / "glossary", project / "glossary")
        shutil.copy(ROOT / "pipeline.toml", project / "pipeline.toml")
        rerun_seconds(project, args.lang)  # fills the translation cache
        empty = min(rerun_seconds(project, args.lang) for _ in range(2))
        units = [(args.lang, s, t) for s, t in zip(sources[: args.entries], targets[: args.entries])]
        with Memory(project / "memory" / "reviewed.sqlite") as memory:
            memory.import_units(units, "bench.tmx")
        full = min(rerun_seconds(project, args.lang) for _ in range(2))
        with Memory(project / "memory" / "large.sqlite") as memory:
            memory.import_units([(args.lang, s, t) for s, t in zip(sources, targets)], "bench.tmx")
            started = time.perf_counter()
            for sentence in sentences[:100]:
                memory.matches(sentence, args.lang, threshold=75)
            rate = 100 / (time.perf_counter() - started)
    print(
        f"cached rerun of {len(sentences)} sentences (en→{args.lang}): empty memory {empty:.2f} s (baseline), "
        f"{args.entries:,} entries {full:.2f} s = {full / empty:.2f}x; fuzzy lookups with {len(sources):,} entries: {rate:.0f}/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
