"""`toolkit translit DIR -o OUT_DIR`: the archive mirrored, resumable, bad files reported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import toolkit.cli.archive_run as archive_run
from tests.conftest import DATA, PROJECT
from toolkit.archive.manifest import MANIFEST_NAME
from toolkit.archive.mirror import convert_file

GLOSSARY = str(PROJECT / "glossary")


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but the manifest, by relative path."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(MANIFEST_NAME)
    }


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "archive", tmp_path / "archive")
    return tmp_path / "archive"


def test_mirror_converts_every_document_and_copies_the_rest(run_cli, archive, tmp_path) -> None:
    out = tmp_path / "out"
    code, _, err = run_cli("--glossary", GLOSSARY, "translit", str(archive), "-o", str(out))
    assert code == 0, err
    assert sorted(_tree(out)) == sorted(_tree(archive))
    assert (out / "media/city.png").read_bytes() == (archive / "media/city.png").read_bytes()
    assert (out / "2021/news/note.txt").read_bytes() == (
        "Bız Atajurttyñ erıktılerın kördık.\r\nOralman degen söz eskırdı.\r\n".encode()
    )
    assert "4 files: 4 converted, 0 unchanged, 0 could not be converted" in err


def test_rerun_converts_only_what_changed(run_cli, archive, tmp_path) -> None:
    out = tmp_path / "out"
    args = ("--glossary", GLOSSARY, "translit", str(archive), "-o", str(out), "--jobs", "1")
    assert run_cli(*args)[0] == 0
    written = {name: (out / name).stat().st_mtime_ns for name in _tree(out)}
    code, _, err = run_cli(*args)
    assert code == 0
    assert "4 files: 0 converted, 4 unchanged" in err
    assert {name: (out / name).stat().st_mtime_ns for name in _tree(out)} == written
    (archive / "2021/news/note.txt").write_text("Қала\n", encoding="utf-8")
    os.utime(archive / "2019/03/oralmandar.md")  # touched, same bytes: not converted again
    code, _, err = run_cli(*args)
    assert "4 files: 1 converted, 3 unchanged" in err
    assert (out / "2021/news/note.txt").read_text(encoding="utf-8") == "Qala\n"
    assert (out / "2019/03/oralmandar.md").stat().st_mtime_ns == written["2019/03/oralmandar.md"]


def test_rerun_with_nothing_changed_starts_no_worker(run_cli, archive, tmp_path, monkeypatch):
    out = tmp_path / "out"
    args = ("--glossary", GLOSSARY, "translit", str(archive), "-o", str(out), "--jobs", "2")
    assert run_cli(*args)[0] == 0

    def no_pool(*_args, **_kwargs):
        raise AssertionError("a worker pool was started with nothing to convert")

    monkeypatch.setattr(archive_run, "process_pool", no_pool)
    code, _, err = run_cli(*args)
    assert code == 0, err
    assert "4 files: 0 converted, 4 unchanged" in err


def test_another_scheme_converts_everything_again(run_cli, archive, tmp_path) -> None:
    out = tmp_path / "out"
    assert run_cli("translit", str(archive), "-o", str(out))[0] == 0
    code, _, err = run_cli("translit", "--scheme", "kk-bgn-pcgn", str(archive), "-o", str(out))
    assert code == 0
    assert "4 converted, 0 unchanged" in err


def test_removed_input_removes_its_output(run_cli, archive, tmp_path) -> None:
    out = tmp_path / "out"
    assert run_cli("translit", str(archive), "-o", str(out))[0] == 0
    (archive / "2021/news/note.txt").unlink()
    code, _, err = run_cli("translit", str(archive), "-o", str(out))
    assert code == 0
    assert not (out / "2021/news/note.txt").exists()
    assert "1 removed" in err


def test_bad_files_are_listed_and_the_others_converted(run_cli, tmp_path) -> None:
    out = tmp_path / "out"
    code, _, err = run_cli("translit", str(DATA / "archive-bad"), "-o", str(out))
    assert code == 2
    shown = os.path.relpath(DATA / "archive-bad")
    lines = err.splitlines()
    assert lines[:4] == [
        f"toolkit: error: {shown}/binary.txt: binary file (a NUL byte at offset 8)",
        f"toolkit: error: {shown}/broken.html: broken HTML: <p> elements lost in parsing"
        " (a quote or a comment not closed?)",
        f"toolkit: error: {shown}/latin1.txt:1: not valid UTF-8 (byte 0xff)",
        f"toolkit: error: {shown}/mismatch.html:1: broken HTML: Unexpected end tag : span",
    ]
    assert "5 files: 1 converted, 0 unchanged, 4 could not be converted" in lines[4]
    assert _tree(out) == {"good.txt": b"Qala\n"}
    # a re-run reports them again (from the manifest) and exits 2 again
    code, _, err = run_cli("translit", str(DATA / "archive-bad"), "-o", str(out))
    assert code == 2 and err.splitlines()[:4] == lines[:4]


def test_interrupted_run_resumes(run_cli, archive, tmp_path, monkeypatch) -> None:
    """Ctrl-C after two files: those two are in the manifest, the next run converts the
    rest, and the outputs are those of a run that was never interrupted."""
    calls = []

    def interrupted(*args, **kwargs):
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(args[3])
        return convert_file(*args, **kwargs)

    monkeypatch.setattr(archive_run, "MAX_BATCH", 1)
    monkeypatch.setattr(archive_run, "convert_file", interrupted)
    out = tmp_path / "out"
    args = ("translit", str(archive), "-o", str(out), "--jobs", "1")
    code, _, err = run_cli(*args)
    assert code == 2 and "aborted" in err
    monkeypatch.undo()
    code, _, err = run_cli(*args)
    assert code == 0
    assert "4 files: 2 converted, 2 unchanged" in err
    clean = tmp_path / "clean"
    assert run_cli("translit", str(archive), "-o", str(clean))[0] == 0
    assert _tree(out) == _tree(clean)


def test_two_jobs_give_the_same_output_as_one(run_cli, archive, tmp_path) -> None:
    for jobs in ("1", "2"):
        code, _, err = run_cli("translit", str(archive), "-o", str(tmp_path / jobs), "--jobs", jobs)
        assert code == 0, err
    assert _tree(tmp_path / "1") == _tree(tmp_path / "2")


def test_progress_bar_shows_rate_and_eta_when_asked(run_cli, archive, tmp_path) -> None:
    code, _, err = run_cli("translit", str(archive), "-o", str(tmp_path / "o"), "--progress")
    assert code == 0
    assert "4/4" in err and "file/s" in err


def test_folder_usage_errors(run_cli, archive, tmp_path) -> None:
    out, good = str(tmp_path / "out"), str(DATA / "archive-bad" / "good.txt")
    for args, message in [
        ((str(archive), good, "-o", out), "a folder is converted as: translit DIR -o OUT_DIR"),
        ((str(archive),), "a folder is converted as: translit DIR -o OUT_DIR"),
        ((good, "--jobs", "2"), "--jobs and --dask are for a folder"),
        ((str(archive), "-o", str(archive)), "the output folder must differ from the archive"),
    ]:
        code, _, err = run_cli("translit", *args)
        assert code == 2, args
        assert message in err and len(err.splitlines()) == 1, err


def test_dask_without_the_extra_names_it(run_cli, archive, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    code, _, err = run_cli(
        "translit", str(archive), "-o", str(tmp_path / "o"), "--dask", "tcp://127.0.0.1:1"
    )
    assert code == 2
    assert err == "toolkit: error: --dask needs Dask: pip install 'toolkit[dask]'\n"


def test_library_code_never_forks_nor_touches_gc() -> None:
    """Processes and the collector belong to the command layer (toolkit/cli/)."""
    found = subprocess.run(
        ["grep", "-rnE", r"\bgc\.|os\.fork|multiprocessing|ProcessPoolExecutor", "toolkit"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    outside = [line for line in found if not line.startswith("toolkit/cli/")]
    assert outside == []
