"""One vs two Dask workers (one thread each) on distinct sentences, through the pipeline's ClusterTranslator.

    python -m bench.cluster [--lang ru] [--sentences 300] [--repeat 2]

Material: the English side of ``../shared/corpora/valid.<lang>.en.gz`` (distinct
sentences, not the repeated sample). A scheduler and N workers are started on
localhost for each configuration; each configuration translates the same
sentences ``--repeat`` times and its fastest run counts. Needs the cluster extra
and the stand-in package installed where Argos looks.
"""

from __future__ import annotations

import argparse
import gzip
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DASK = Path(sys.executable).with_name("dask")


def sentences(lang: str, n: int) -> list[str]:
    with gzip.open(ROOT.parent / "shared" / "corpora" / f"valid.{lang}.en.gz", "rt", encoding="utf-8") as fh:
        return list(dict.fromkeys(line.strip() for line in fh if line.strip()))[:n]


def timed(workers: int, lang: str, texts: list[str], repeat: int) -> tuple[float, list[str]]:
    from distributed import Client

    from pipeline.cluster import ClusterTranslator
    from pipeline.engine import find_package

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet)]
    procs += [subprocess.Popen([str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard"], **quiet) for _ in range(workers)]
    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=120)
            translator = ClusterTranslator(find_package("en", lang), client, beam_size=4)
            normalised = [translator.normalize(t) for t in texts]
            translator.translate(normalised[: workers * 8])  # every worker loads the model once, untimed
            best, out = float("inf"), []
            for _ in range(repeat):
                started = time.perf_counter()
                out = [h.text for h in translator.translate(normalised)]
                best = min(best, time.perf_counter() - started)
            return best, out
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru")
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    texts = sentences(args.lang, args.sentences)
    one, first = timed(1, args.lang, texts, args.repeat)
    two, second = timed(2, args.lang, texts, args.repeat)
    print(
        f"en→{args.lang}, {len(texts)} distinct sentences, {os.cpu_count()} CPU(s): 1 worker {one:.2f} s "
        f"({len(texts) / one:.1f} sent/s), 2 workers {two:.2f} s ({len(texts) / two:.1f} sent/s), {one / two:.2f}x; "
        f"identical translations: {first == second}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
