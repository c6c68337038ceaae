"""What every file the toolkit writes looks like on disk: its mode, its symbolic link, and no
edit lost when two processes save the same file at once."""

from __future__ import annotations

import multiprocessing
import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from toolkit.catalog import read_catalog, set_translations
from toolkit.fileio import atomic_write_text, replace_file
from toolkit.web.concept_edit import ConflictError, EditResult, file_digest, save_edit


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("kept", [0o640, 0o755, 0o600])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, kept: int):
    target = tmp_path / "ru.po"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(kept)
    with umask(0o022):
        atomic_write_text(target, "new\n")
    assert (target.read_text(encoding="utf-8"), mode(target)) == ("new\n", kept)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_of_the_umask(tmp_path: Path, mask: int, expected: int):
    target = tmp_path / "report" / "check.html"
    with umask(mask):
        atomic_write_text(target, "<p>ok</p>\n")
    assert mode(target) == expected


def test_a_symbolic_link_stays_and_its_target_is_replaced(tmp_path: Path):
    real = tmp_path / "shared" / "places.yaml"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "places.yaml"
    link.symlink_to(real)
    atomic_write_text(link, "new\n")
    assert link.is_symlink() and link.resolve() == real
    assert (real.read_text(encoding="utf-8"), mode(real)) == ("new\n", 0o640)
    assert sorted(p.name for p in real.parent.iterdir()) == ["places.yaml"]  # no temp left


def test_a_dangling_link_gets_its_target_written(tmp_path: Path):
    link = tmp_path / "places.yaml"
    link.symlink_to(tmp_path / "shared" / "places.yaml")
    (tmp_path / "shared").mkdir()
    atomic_write_text(link, "new\n")
    assert link.is_symlink() and link.read_text(encoding="utf-8") == "new\n"


def test_a_temporary_file_left_by_a_dead_writer_is_not_reused(tmp_path: Path):
    """The writer's first temporary name is fixed per thread; a file under that name (left
    by a killed process whose id came back) is neither written into nor in the way."""
    target = tmp_path / "ru.po"
    stale = tmp_path / f".ru.po.{threading.get_native_id()}.tmp"
    stale.write_text("half\n", encoding="utf-8")
    atomic_write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stale.read_text(encoding="utf-8") == "half\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [stale.name, "ru.po"]


def test_threads_writing_one_file_leave_one_whole_version(tmp_path: Path):
    target = tmp_path / "people.yaml"
    versions = [f"{n}\n".encode() * 20_000 for n in range(8)]
    threads = [
        threading.Thread(target=replace_file, args=(target, data), kwargs={"durable": False})
        for data in versions
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_bytes() in versions
    assert [p.name for p in tmp_path.iterdir()] == ["people.yaml"]


def test_cli_outputs_get_the_usual_mode(tmp_path: Path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with umask(0o022):
        code, _, _ = run_cli(
            "glossary", "export", "--format", "csv", "--pair", "en:ru", "-o", "g.csv"
        )
    assert code == 0 and mode(tmp_path / "g.csv") == 0o644


# -- two writers ---------------------------------------------------------------------------

ROUNDS = 40
PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n\n'
)


def _fill(path: str, prefix: str, start) -> None:
    """One writer: set its own ROUNDS entries, one write each (a read-modify-write)."""
    start.wait()
    for number in range(ROUNDS):
        msgid = f"{prefix} {number}"
        set_translations(path, {(None, msgid): (f"{msgid} готово", False)})


def test_two_processes_setting_translations_lose_no_edit(tmp_path: Path):
    path = tmp_path / "ru.po"
    entries = [f'msgid "{p} {n}"\nmsgstr ""\n' for p in ("a", "b") for n in range(ROUNDS)]
    path.write_text(PO_HEADER + "\n".join(entries), encoding="utf-8")
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    writers = [context.Process(target=_fill, args=(str(path), p, start)) for p in ("a", "b")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)
    assert [w.exitcode for w in writers] == [0, 0]
    lost = [e.msgid for e in read_catalog(path).entries if not e.msgstr]
    assert lost == []


def _save_concurrently(path: str, who: str, start, results) -> None:
    """One writer of the web concept editor: each round, read the file and its digest as the
    form does, then save an edit made from that version (refused when the file changed)."""
    for number in range(ROUNDS):
        start.wait()  # both writers read the same version of the file
        seen = Path(path).read_bytes()
        start.wait()
        edited = EditResult(Path(path), seen.decode("utf-8") + f"# {who} {number}\n", [])
        try:
            save_edit(edited, file_digest(seen))
            results.put((number, who, True))
        except ConflictError:
            results.put((number, who, False))


def test_two_editor_saves_of_one_file_never_both_succeed(tmp_path: Path):
    path = tmp_path / "people.yaml"
    path.write_text("", encoding="utf-8")
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(2), context.Queue()
    writers = [
        context.Process(target=_save_concurrently, args=(str(path), who, start, results))
        for who in ("a", "b")
    ]
    for writer in writers:
        writer.start()
    outcomes = [results.get(timeout=300) for _ in range(2 * ROUNDS)]
    for writer in writers:
        writer.join(timeout=60)
    saved = sorted(f"# {who} {number}" for number, who, ok in outcomes if ok)
    assert len(saved) == ROUNDS  # each round one save, the other refused: none lost
    assert sorted(path.read_text(encoding="utf-8").splitlines()) == saved


# -- devices and pipes: written into, never replaced -----------------------------------------

MINI = Path(__file__).parent / "data" / "glossary-mini"
EXPORT = ("--glossary", str(MINI), "glossary", "export", "--format", "csv", "--pair", "en:ru")


def device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device like /dev/<name> (1, minor), made in ``tmp_path``, so that a writer
    that replaced it would destroy a copy. Without the right to make one: the real device,
    only when this user cannot replace files in /dev anyway."""
    path = tmp_path / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        with open(path, "wb"):
            pass  # a device cgroup may refuse to open it
    except PermissionError:
        if os.access("/dev", os.W_OK):
            pytest.skip("cannot make a device node, and the real one could be replaced")
        return Path("/dev") / name
    return path


def test_output_to_a_device_writes_into_it(tmp_path: Path, run_cli) -> None:
    null = device(tmp_path, "null", 3)
    code, out, err = run_cli(*EXPORT, "-o", str(null))
    assert (code, out, err) == (0, "", "")
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert [p.name for p in null.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_output_to_a_full_device_is_one_line(tmp_path: Path, run_cli) -> None:
    full = device(tmp_path, "full", 7)
    code, out, err = run_cli(*EXPORT, "-o", str(full))
    assert (code, out) == (2, "")
    assert err.startswith("toolkit: error: ") and "No space left on device" in err
    assert err.count("\n") == 1
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_output_to_a_fifo_writes_into_it(tmp_path: Path, run_cli) -> None:
    fifo = tmp_path / "export.fifo"
    os.mkfifo(fifo)
    # a reader first (non-blocking: it does not wait for a writer), so the writer's open
    # does not block; the export is small enough for the pipe's buffer
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        code, _, err = run_cli(*EXPORT, "-o", str(fifo))
        assert (code, err) == (0, "")
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        data = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert "Almaty" in data.decode("utf-8")
