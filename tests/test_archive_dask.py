"""`translit DIR --dask ADDRESS`: the same output, byte for byte, on a Dask cluster (a
distributed.LocalCluster of worker processes on the loopback)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
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
