"""Two real `toolkit serve` processes on one project, on loopback (issue 17): both load the
same concept, both save it at the same moment. One save is written and the other answered
with the conflict page, never both "Saved" with one edit lost. A bounded number of rounds;
the servers are stopped whatever happens."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx2 as httpx  # the HTTP client of the locked test extra (Starlette's too)
import pytest

from tests.conftest import copy_project
from tests.test_web import form_of
from toolkit.glossary import load_glossary

ROUNDS = 30  # without the file lock, a round lost an edit within 10-40 rounds here
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(project: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "serve", "--port", str(port)],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return server, f"http://127.0.0.1:{port}"


def wait_until_up(server: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"toolkit serve ended: {server.stderr.read().decode()[-500:]}")
        try:
            if httpx.get(base + "/static/style.css", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail("toolkit serve did not answer in time")


def _save(client: httpx.Client, data: dict, start: threading.Barrier, statuses: list, i: int):
    start.wait()  # both posts leave at the same moment
    answer = client.post("/glossary/kandas", data=data, follow_redirects=False)
    statuses[i] = answer.status_code


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_two_serve_processes_never_both_save_over_each_other(project: Path) -> None:
    servers = [start_server(project) for _ in range(2)]
    clients: list[httpx.Client] = []
    try:
        for server, base in servers:
            wait_until_up(server, base)
            clients.append(httpx.Client(base_url=base, headers={"origin": base}, timeout=60))
        saved = []
        for number in range(ROUNDS):
            forms = [form_of(c.get("/glossary/kandas").text) for c in clients]
            assert forms[0]["digest"] == forms[1]["digest"]
            start, statuses = threading.Barrier(2), [0, 0]
            threads = [
                threading.Thread(
                    target=_save,
                    args=(
                        clients[i],
                        {**forms[i], "note": f"round {number} from server {i}"},
                        start,
                        statuses,
                        i,
                    ),
                )
                for i in (0, 1)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
            assert sorted(statuses) == [303, 409], f"round {number}: {statuses}"
            winner = statuses.index(303)
            note = load_glossary(project / "glossary", use_cache=False)["kandas"].note
            assert note == f"round {number} from server {winner}"
            saved.append(winner)
        assert len(saved) == ROUNDS
    finally:
        for client in clients:
            client.close()
        for server, _ in servers:
            server.kill()
            server.wait(timeout=30)
            server.stderr.close()
