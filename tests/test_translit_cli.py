"""`toolkit translit`: the command-line contract."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

GLOSSARY_DIR = str(Path(__file__).parent / "data" / "translit" / "glossary")


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch):
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


def test_stdin_line_by_line(run_cli, stdin) -> None:
    stdin("Алматы\nҚазақстан\n".encode())
    assert run_cli("translit", "--scheme", "kk-latn-2021", "--no-glossary") == (
        0,
        "Almaty\nQazaqstan\n",
        "",
    )


def test_list_shows_every_scheme_sorted(run_cli) -> None:
    code, out, _ = run_cli("translit", "--list")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert names == sorted(names)
    assert set(names) >= {"kk-arab", "kk-bgn-pcgn", "kk-latn-2021", "kk-newsroom",
                          "ru-bgn-pcgn", "ru-iso9", "zh-pinyin-kk", "zh-pinyin-ru"}  # fmt: skip
    assert "kk-arab        Cyrl<->Arab" in out


def test_unknown_scheme_exits_2_with_the_known_list(run_cli, stdin) -> None:
    stdin(b"a\n")
    code, out, err = run_cli("translit", "--scheme", "xx-none")
    assert (code, out) == (2, "")
    assert err.startswith("toolkit: error: unknown scheme 'xx-none'")
    assert "kk-latn-2021" in err and "ru-iso9" in err and len(err.splitlines()) == 1


def test_reverse_of_a_one_way_scheme_exits_2(run_cli, stdin) -> None:
    stdin(b"Moskva\n")
    code, _, err = run_cli("translit", "--scheme", "ru-bgn-pcgn", "--reverse")
    assert code == 2 and "no reverse direction" in err and "Traceback" not in err


def test_files_in_order_and_line_ends_kept(run_cli, tmp_path: Path) -> None:
    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    one.write_bytes("Алматы\r\n".encode())
    two.write_bytes("Ақтөбе".encode())
    assert run_cli("translit", "--no-glossary", str(one), str(two)) == (0, "Almaty\r\nAqtöbe", "")


def test_non_utf8_file_is_an_input_error_at_its_line(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Алматы\n".encode() + "Астана\n".encode("cp1251"))
    code, _, err = run_cli("translit", "--no-glossary", str(path))
    assert code == 2
    assert err.startswith(f"toolkit: error: {path}:2: not valid UTF-8")


def test_missing_file_is_an_input_error(run_cli, tmp_path: Path) -> None:
    code, _, err = run_cli("translit", "--no-glossary", str(tmp_path / "none.txt"))
    assert code == 2 and "none.txt" in err and "Traceback" not in err


def test_glossary_wins_unless_no_glossary(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_text("Қазақстан\n", encoding="utf-8")
    args = ("translit", "--scheme", "kk-newsroom", str(path))
    assert run_cli("--glossary", GLOSSARY_DIR, *args) == (0, "Kazakhstan\n", "")
    assert run_cli("--glossary", GLOSSARY_DIR, *args[:3], "--no-glossary", str(path)) == (
        0,
        "Qazaqstan\n",
        "",
    )


def test_no_glossary_does_not_load_the_glossary(run_cli, tmp_path: Path, stdin) -> None:
    stdin("Алматы\n".encode())
    missing = str(tmp_path / "no-glossary-here")
    assert run_cli("--glossary", missing, "translit", "--no-glossary") == (0, "Almaty\n", "")


def test_reverse_reports_ambiguous_words_on_stderr(run_cli, stdin) -> None:
    stdin("Mūhtar keldı\n".encode())
    code, out, err = run_cli("translit", "--no-glossary", "--reverse", "--ambiguous")
    assert (code, out) == (0, "Мұхтар келді\n")
    assert err == "toolkit: note: <stdin>:1: 'Mūhtar': х or һ (h)\n"
