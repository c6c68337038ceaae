"""`translit DIR --dask ADDRESS`: the same output, byte for byte, on a Dask cluster (a
distributed.LocalCluster of worker processes on the loopback)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, PROJECT
from tests.test_archive_mirror import _tree

distributed = pytest.importorskip("distributed", reason="the dask extra is part of the test extra")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
        silence_logs=True,
    ) as local:
        yield local


def test_dask_output_is_byte_identical_to_the_local_run(run_cli, cluster, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(DATA / "archive", archive)
    shutil.copytree(DATA / "archive-bad", archive / "bad")
    local, remote = tmp_path / "local", tmp_path / "dask"
    code, _, local_err = run_cli("translit", str(archive), "-o", str(local), "--jobs", "1")
    assert code == 2  # the bad files
    address = cluster.scheduler_address
    code, _, dask_err = run_cli("translit", str(archive), "-o", str(remote), "--dask", address)
    assert code == 2
    assert _tree(remote) == _tree(local)
    assert dask_err.splitlines()[:-1] == local_err.splitlines()[:-1]
    # and it resumes like a local run: nothing changed, nothing converted
    code, _, err = run_cli("translit", str(archive), "-o", str(remote), "--dask", address)
    assert "0 converted, 5 unchanged, 4 could not be converted" in err


def test_dask_run_prints_no_traceback(cluster, tmp_path: Path) -> None:
    """The command as users run it: its stderr holds the toolkit's own lines and nothing from
    distributed (no CommClosedError traceback when the client closes)."""
    command = [sys.executable, "-m", "toolkit", "translit", str(DATA / "archive"), "-o",
               str(tmp_path / "out"), "--dask", cluster.scheduler_address]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert [line for line in done.stderr.splitlines() if not line.startswith("toolkit:")] == []


def test_usage_on_dask_counts_what_the_local_run_counts(run_cli, cluster, tmp_path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(DATA / "archive", archive)
    shutil.copytree(DATA / "archive-bad", archive / "bad")
    runs = {}
    for where in (("--jobs", "1"), ("--dask", cluster.scheduler_address)):
        code, out, err = run_cli("--glossary", str(PROJECT / "glossary"), "usage", str(archive),
                                 "--lang", "kk", "--format", "json", *where)  # fmt: skip
        assert code == 2  # the bad files
        runs[where[0]] = (json.loads(out), err)
    assert runs["--dask"] == runs["--jobs"]
    assert any(row["concept"] == "kandas" for row in runs["--dask"][0])
