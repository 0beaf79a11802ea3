"""Translation on a Dask cluster: the run's distinct engine inputs, in chunks, on Dask workers.

The client (``pipeline run --cluster ADDRESS``) does everything else exactly as a
local run: memory, glossary, cache, checks and writing. Each package is sent to
the workers once (scattered to all of them, so no shared disk is assumed), and
each worker builds one engine per package and keeps it for every later chunk. A
worker lost mid-run is Dask's to handle: its chunks run again elsewhere, and
since a sentence translates the same alone or in any batch (see ``engine``), the
outputs do not change. Needs the ``cluster`` extra (``dask[distributed]``) on the
client and on every worker, with this package installed.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import CancelledError
from functools import cached_property
from pathlib import Path
from typing import Any

from pipeline.cache import TranslationCache
from pipeline.engine import Hypothesis, ModelPackage, Translator, installed_packages
from pipeline.errors import EngineError, PipelineError
from pipeline.models import package_zip

# Sentences per task: small enough to spread a short run over the workers and to lose
# little when one dies, large enough that scheduling costs little next to decoding.
CHUNK = 8
# Tasks cancelled with a lost worker are sent again at most this many times in one call.
MAX_RESUBMITS = 16

# On each worker: one engine per (package digest, beam size, precision), built on first use.
_ENGINES: dict[tuple[str, int, str], Translator] = {}


def connect(address: str) -> Any:
    """A Dask client for ``address``, or one clear line."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise PipelineError("--cluster needs Dask: pip install -e '.[cluster]'") from exc
    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise PipelineError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def translate_chunk(archive: bytes, digest: str, beam_size: int, precision: str, n: int, texts: list[str]) -> list[list[tuple[str, float]]]:
    """Runs on a worker: the ``n`` best translations of ``texts`` with the package in ``archive`` (unpacked once per worker)."""
    engine = _ENGINES.get((digest, beam_size, precision))
    if engine is None:
        folder = Path(tempfile.mkdtemp(prefix=f"pipeline-{digest[:12]}-"))
        with zipfile.ZipFile(io.BytesIO(archive)) as zf:
            zf.extractall(folder)
        [package] = installed_packages([folder])
        # One thread: a worker is one slot of the cluster.
        engine = _ENGINES[(digest, beam_size, precision)] = Translator(package, beam_size=beam_size, precision=precision, threads=1)
    return [[(h.text, h.score) for h in ranked] for ranked in engine.alternatives(texts, n)]


def engines_loaded() -> int:
    """Runs on a worker: how many engines it has built (the test checks: one per package)."""
    return len(_ENGINES)


class ClusterTranslator(Translator):
    """A ``Translator`` whose translations run on Dask workers; caching stays on the client."""

    def __init__(
        self, package: ModelPackage, client: Any, *, beam_size: int, precision: str = "fast", cache: TranslationCache | None = None
    ):
        super().__init__(package, beam_size=beam_size, precision=precision, cache=cache)
        self.client = client

    @cached_property
    def _shipped(self) -> tuple[Any, str]:
        # Stored, not deflated: the weights barely compress and workers unpack it once.
        archive = package_zip(self.package.path, zipfile.ZIP_STORED)
        # hash=False: the archive is large, and its digest is already the task's key material.
        return self.client.scatter(archive, broadcast=True, hash=False), hashlib.sha256(archive).hexdigest()

    def _translate(self, texts: Sequence[str], n: int, progress: Callable[[float], None] | None) -> list[list[Hypothesis]]:
        from distributed import as_completed

        if not texts:
            return []
        archive, digest = self._shipped
        chunks = [list(texts[i : i + CHUNK]) for i in range(0, len(texts), CHUNK)]
        # pure=False: every call translates; a key shared with an earlier call could return its result.
        tasks = len(chunks)
        futures = self.client.map(
            translate_chunk,
            [archive] * tasks,
            [digest] * tasks,
            [self.beam_size] * tasks,
            [self.precision] * tasks,
            [n] * tasks,
            chunks,
            pure=False,
        )
        by_future = dict(zip(futures, chunks))
        resubmitted = 0
        results: dict[str, list[tuple[str, float]]] = {}
        queue = as_completed(futures)
        for future in queue:
            chunk = by_future[future]
            try:
                results.update(zip(chunk, future.result()))
            except EngineError as exc:  # the worker's engine, on some of the chunk's inputs; it names the package
                raise EngineError(f"{exc} (on the cluster)", exc.inputs or tuple(chunk)) from exc
            except CancelledError as exc:
                # The scheduler dropped the task with a worker that died ("already forgotten"):
                # the work is not lost, so it is sent again, a few times at most.
                resubmitted += 1
                if resubmitted > MAX_RESUBMITS:
                    raise EngineError(f"{self.package.label()}: translation on the cluster failed: {exc}", tuple(chunk)) from exc
                if archive.status != "finished" or "lost dependencies" in str(exc):
                    # The package went with a worker that held it (scattered data does not survive
                    # a worker's death: dask/distributed#3149): shipped again.
                    del self.__dict__["_shipped"]
                    archive, digest = self._shipped
                again = self.client.submit(translate_chunk, archive, digest, self.beam_size, self.precision, n, chunk, pure=False)
                by_future[again] = chunk
                queue.add(again)
                continue
            except Exception as exc:  # a task that failed on every worker Dask tried
                message = f"{self.package.label()}: translation on the cluster failed: {exc}"
                raise EngineError(message, tuple(chunk)) from exc
            if progress:
                progress(len(results) / len(texts))
        return [[Hypothesis(*h) for h in results[t]] for t in texts]
