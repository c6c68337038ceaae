"""The "this Latin word is pinyin" recognizer, `toolkit find --pinyin` and the opt-in check
pinyin_name (its case folder, tests/data/checks/pinyin-names, runs in tests/test_checks.py)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import DATA
from toolkit.translit import pinyin_names

CASE = DATA / "checks" / "pinyin-names"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Chen Quanguo ran Xinjiang.",
            [("Chen Quanguo", "Чэнь Цюаньго"), ("Xinjiang", "Синьцзян")],
        ),
        ("He met Xi in Xi'an.", [("Xi", "Си"), ("Xi'an", "Сиань")]),
        ("China and Women of Almaty", []),  # English words alone, and not pinyin at all
        ("Erkin Tuniyaz, Bilash", []),
        ("Jinping's", [("Jinping", "Цзиньпин")]),
    ],
)
def test_pinyin_names_are_runs_of_capitalised_pinyin_words(text, names) -> None:
    assert [(n.text, n.target) for n in pinyin_names(text)] == names


def test_kazakh_spelling_comes_from_zh_pinyin_kk() -> None:
    (name,) = pinyin_names("Ma Xingrui", "zh-pinyin-kk")
    assert (name.start, name.end, name.target) == (0, 10, "Ма Синжуй")


def test_find_reports_pinyin_names_the_glossary_lacks_only_when_asked(run_cli, tmp_path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Ma Xingrui replaced Chen Quanguo in Beijing.\n", encoding="utf-8")
    code, out, _ = run_cli("find", "--lang", "en", "--format", "jsonl", str(text))
    assert code == 0
    assert [m["concept"] for m in json.loads(out)["matches"]] == ["chen-quanguo", "beijing"]
    code, out, _ = run_cli("find", "--lang", "en", "--format", "jsonl", "--pinyin", str(text))
    first, *rest = json.loads(out)["matches"]
    assert first == {"concept": None, "en": "Ma Xingrui", "start": 0, "end": 10,
                     "text": "Ma Xingrui", "status": "pinyin", "term": "Ma Xingrui",
                     "ru": "Ма Синжуй", "kk": "Ма Синжуй"}  # fmt: skip
    assert [m["concept"] for m in rest] == ["chen-quanguo", "beijing"]  # the glossary's own
    code, out, _ = run_cli("find", "--lang", "en", "--pinyin", str(text))
    assert (
        out.splitlines()[0] == f"{text}:1:1: Ma Xingrui  → ru «Ма Синжуй», kk «Ма Синжуй» [pinyin]"
    )


def test_find_pinyin_needs_english_text(run_cli, tmp_path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Си Цзиньпин\n", encoding="utf-8")
    code, out, err = run_cli("find", "--lang", "ru", "--pinyin", str(text))
    assert (code, out) == (2, "")
    assert err.startswith("toolkit: error: --pinyin reads English text") and err.count("\n") == 1


def test_the_pinyin_check_is_off_unless_the_project_asks(tmp_path, monkeypatch, run_cli) -> None:
    shutil.copytree(CASE / "locales", tmp_path / "locales")
    monkeypatch.chdir(tmp_path)  # no pyproject.toml here: the default settings
    code, out, _ = run_cli("check", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run_cli("check", "--format", "json", "--enable", "pinyin_name")
    found = json.loads(out)
    assert code == 0  # warnings only
    assert {(f["line"], f["suggestion"]) for f in found} == {
        (11, "Ван Цзюньчжэн"),
        (11, "Ма Синжуй"),
    }
    shutil.copy(CASE / "pyproject.toml", tmp_path / "pyproject.toml")  # enable = ["pinyin_name"]
    assert len(json.loads(run_cli("check", "--format", "json")[1])) == 2
    code, out, _ = run_cli("check", "--format", "json", "--disable", "pinyin_name")
    assert json.loads(out) == []
