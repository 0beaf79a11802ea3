"""Cold run vs cached rerun of the same articles, through the library API.

    python -m bench.cache [--articles 1] [--repeat 3]

Each repeat: a fresh project copy (articles, glossary, settings) and an empty
cache; the cold run fills the cache, the rerun (manifest removed, so nothing is
skipped for being unchanged) reads it. Prints both times, the ratio, the
segments translated on the rerun, and whether the outputs are byte-identical.
The fastest of ``--repeat`` counts on each side (noise only slows a run).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.config import find_config
from pipeline.run import RunOptions, run

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "articles" / "kursk-north-korean-troops.txt"


def project(tmp: Path, articles: int) -> Path:
    (tmp / "articles").mkdir(parents=True)
    text = SAMPLE.read_text(encoding="utf-8")
    for n in range(articles):
        body = text if n == 0 else re.sub(r"\d+", lambda m, n=n: str(int(m.group()) + n), text)
        (tmp / "articles" / f"a{n:03}.txt").write_text(body, encoding="utf-8")
    shutil.copytree(ROOT / "glossary", tmp / "glossary")
    shutil.copy(ROOT / "pipeline.toml", tmp / "pipeline.toml")
    return tmp


def outputs(out: Path) -> dict[Path, bytes]:
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    cold, warm, identical, translated = [], [], True, 0
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            root = project(Path(tmp), args.articles)
            config = find_config(root)
            options = RunOptions.from_config(config)
            started = time.perf_counter()
            run(config.articles, options, root=root)
            cold.append(time.perf_counter() - started)
            first = outputs(options.out)
            os.remove(options.out / ".pipeline-manifest.json")
            started = time.perf_counter()
            report = run(config.articles, options, root=root)
            warm.append(time.perf_counter() - started)
            identical &= outputs(options.out) == first
            translated = report.cache_misses
    print(
        f"{args.articles} article(s), {os.cpu_count()} CPU(s): cold {min(cold):.2f} s, cached rerun {min(warm):.2f} s, "
        f"{min(cold) / min(warm):.1f}x; engine inputs translated on the rerun: {translated}; outputs identical: {identical}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
