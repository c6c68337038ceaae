"""Loading glossary YAML: the model, line numbers, derived kk-Latn, and malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from toolkit.errors import GlossaryError, InputError
from toolkit.glossary import load_glossary

MINI = DATA / "glossary-mini"
BAD_CASES = sorted(p for p in (DATA / "glossary-bad").iterdir() if p.is_dir())


def test_terms_keep_status_grammar_and_line():
    g = load_glossary(MINI)
    almaty = g["almaty"]
    assert almaty.preferred_text("en") == "Almaty"
    (deprecated,) = [t for t in almaty.terms["en"] if t.status == "deprecated"]
    assert (deprecated.text, deprecated.line, deprecated.note) == (
        "Alma-Ata",
        9,
        "Official name until 1993",
    )
    assert g["tenge"].preferred("ru").indeclinable
    assert g["kandas"].preferred("ru").gender == "m"
    assert almaty.line == 2 and almaty.path.endswith("places.yaml")


def test_kk_latin_is_derived_when_omitted():
    g = load_glossary(MINI)
    latin = g["kandas"].terms["kk-Latn"]
    assert [(t.text, t.status, t.derived) for t in latin] == [
        ("qandas", "preferred", True),
        ("oralman", "deprecated", True),
    ]


def test_kk_latin_given_is_kept():
    latin = load_glossary(MINI)["xinjiang"].terms["kk-Latn"]
    assert [(t.text, t.derived) for t in latin] == [("Şyñjañ", False), ("Xinjiang", False)]
    assert latin[1].override.startswith("Chinese pinyin")


def test_missing_folder_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="glossary folder not found"):
        load_glossary(tmp_path / "nowhere")


def test_folder_without_yaml_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="no glossary YAML"):
        load_glossary(tmp_path)


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda p: p.name)
def test_malformed_glossary_names_file_and_line(case: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(case)
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    with pytest.raises(GlossaryError) as info:
        load_glossary(Path("."))
    assert str(info.value).startswith(expected)


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda p: p.name)
def test_malformed_glossary_cli_exit_2_one_line(case: Path, monkeypatch, run_cli):
    monkeypatch.chdir(case)
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    code, out, err = run_cli("--glossary", ".", "glossary", "lint")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("toolkit: error: " + expected)
