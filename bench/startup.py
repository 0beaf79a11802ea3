"""Start-up cost: `pipeline --help` and a fully cached rerun of the sample against
`python -c pass` (the baseline: the interpreter alone), fastest of ``--repeat`` runs.

    python -m bench.startup [--repeat 5]

The rerun runs in a copy of the project with a warm translation cache, so it measures
imports, reading and writing, not the model.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fastest(command: list[str], repeat: int, cwd: Path) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("articles", "glossary"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "pipeline.toml", project / "pipeline.toml")
        pipeline = [sys.executable, "-m", "pipeline"]
        subprocess.run([*pipeline, "run", "-q"], cwd=project, check=True, capture_output=True)  # warms the cache
        base = fastest([sys.executable, "-c", "pass"], args.repeat, project)
        helps = fastest([*pipeline, "--help"], args.repeat, project)
        rerun = fastest([*pipeline, "run", "-q"], args.repeat, project)
    print(
        f"python -c pass {base:.3f} s (baseline); pipeline --help {helps:.3f} s = {helps / base:.1f}x; cached rerun of the sample {rerun:.3f} s = {rerun / base:.1f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
