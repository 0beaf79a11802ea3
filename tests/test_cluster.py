"""Scale-out on Dask: a real scheduler and two worker processes on localhost, no mocks."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_project, run_project

pytestmark = pytest.mark.slow
DASK = Path(sys.executable).with_name("dask")


def outputs(project):
    out = project / "locales"
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def start_cluster(folder: Path, preload: Path | None = None):
    """tcp address of a scheduler with two one-thread workers (no nanny: a killed worker stays
    dead), and the workers' processes; ``preload``: a module each worker imports first."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False", OMP_NUM_THREADS="1")
    common = {"cwd": folder, "env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **common)]
    extra = ["--preload", str(preload)] if preload else []
    workers = [
        subprocess.Popen(
            [str(DASK), "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", f"w{i}", *extra], **common
        )
        for i in (1, 2)
    ]
    procs += workers
    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address, workers
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def cluster(tmp_path):
    with start_cluster(tmp_path) as started:
        yield started


@pytest.fixture(scope="module")
def local(tmp_path_factory, package_dir):
    project = make_project(tmp_path_factory.mktemp("local"))
    run_project(project, package_dir, no_cache=True)
    return outputs(project)


def test_cluster_run_is_identical_to_a_local_run(tmp_path, package_dir, cluster, local):
    from distributed import Client

    from pipeline.cluster import engines_loaded

    address, _ = cluster
    project = make_project(tmp_path / "project")
    report = run_project(project, package_dir, no_cache=True, cluster=address)
    assert outputs(project) == local
    assert "device cpu" in report.signature.decoding
    with Client(address) as client:
        loaded = client.run(engines_loaded)
    # Both workers took part, and each built one engine per package at most.
    assert len(loaded) == 2 and all(1 <= n <= 3 for n in loaded.values())


def test_worker_killed_mid_run_changes_nothing(tmp_path, package_dir, cluster, local):
    address, workers = cluster
    project = make_project(tmp_path / "project")
    killed = []

    def kill_once(lang, done, total):
        if not killed and done:
            os.kill(workers[1].pid, signal.SIGKILL)
            killed.append(time.monotonic())

    from pipeline.config import find_config
    from pipeline.run import RunOptions, run

    config = find_config(project)
    options = RunOptions.from_config(config, package_dirs=[package_dir], no_cache=True, cluster=address)
    run(config.articles, options, root=config.root, progress=kill_once)
    assert killed and workers[1].wait(timeout=10) == -signal.SIGKILL
    assert outputs(project) == local


def test_unreachable_scheduler_is_one_line(tmp_path, package_dir, monkeypatch, capsys):
    from pipeline.cli import main

    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["run", "-q", "--no-cache", "--cluster", f"tcp://127.0.0.1:{free_port()}"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler" in err


def test_failure_on_a_worker_names_the_segment(tmp_path, package_dir, monkeypatch, capsys):
    """An engine failure on a worker reaches the user as the local one does: one line naming
    the document and segment, and nothing written."""
    from pipeline.cli import main
    from tests import failing_engine

    project = make_project(tmp_path / "project", failing_engine.ARTICLES)
    monkeypatch.chdir(project)
    with start_cluster(tmp_path, Path(failing_engine.__file__)) as (address, _):
        assert main(["run", "-q", "--to", "ru", "--no-cache", "--cluster", address]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pipeline: error: segment b:p2:s1: ") and err.count("\n") == 1, err
    assert "translation failed: std::bad_alloc (on the cluster)" in err and err.count("translate-en_ru") == 1, err
    assert not (project / "locales").exists() or not any(p.is_file() for p in (project / "locales").rglob("*"))
