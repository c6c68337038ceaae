"""The command line: version, help, exit codes, JSON shapes."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import DATA, PROJECT
from toolkit import __version__

MINI = str(DATA / "glossary-mini")


def test_version_and_module_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"toolkit {__version__}"


def test_help_lists_commands(run_cli):
    code, out, _ = run_cli("--help")
    assert code == 0
    assert "glossary" in out and "Exit codes" in out


def test_unknown_command_is_a_one_line_usage_error(run_cli):
    code, out, err = run_cli("no-such-command")
    assert code == 2 and out == ""
    assert err.startswith("toolkit: error: No such command 'no-such-command'")
    assert err.count("\n") == 1


def test_missing_glossary_folder_exit_2(run_cli, tmp_path):
    code, _, err = run_cli("--glossary", str(tmp_path / "none"), "glossary", "lint")
    assert code == 2
    assert err == f"toolkit: error: {tmp_path / 'none'}: glossary folder not found\n"


def test_search_json_shape_any_script(run_cli):
    for query in ("синьцзян", "ŞYÑJAÑ", "xinj", "Шынжан"):
        code, out, _ = run_cli("--glossary", MINI, "glossary", "search", query, "--format", "json")
        hits = json.loads(out)
        assert code == 0
        assert [h["id"] for h in hits] == ["xinjiang"], query
        assert set(hits[0]) == {"id", "domain", "terms"}
        assert hits[0]["terms"]["kk"] == [{"term": "Шыңжаң", "status": "preferred"}]


def test_search_ranks_exact_before_partial(run_cli):
    _, out, _ = run_cli("--glossary", MINI, "glossary", "search", "алматы", "--format", "json")
    assert [h["id"] for h in json.loads(out)] == ["almaty"]
    _, out, _ = run_cli("--glossary", MINI, "glossary", "search", "a", "--format", "json")
    assert len(json.loads(out)) == 5


def test_empty_search_lists_everything(run_cli):
    code, out, _ = run_cli("--glossary", MINI, "glossary", "search")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [
        "tenge",
        "almaty",
        "kazakhstan",
        "xinjiang",
        "kandas",
    ]


def test_search_without_hits_says_so(run_cli):
    code, out, _ = run_cli("--glossary", MINI, "glossary", "search", "Atlantis")
    assert (code, out) == (0, "no concept matches 'Atlantis'\n")


def test_show_card_and_unknown_id(run_cli):
    code, out, _ = run_cli("--glossary", MINI, "glossary", "show", "kandas")
    assert code == 0
    assert "kk      deprecated оралман" in out
    assert "kk-Latn preferred  qandas  (derived from kk)" in out
    code, out, err = run_cli("--glossary", MINI, "glossary", "show", "kandaz")
    assert code == 2
    assert err == "toolkit: error: no concept with id 'kandaz'; did you mean kandas?\n"


def test_show_json_has_grammar_and_sources(run_cli):
    _, out, _ = run_cli("--glossary", MINI, "glossary", "show", "tenge", "--format", "json")
    concept = json.loads(out)
    assert concept["cldr"] == {"currency": "KZT"}
    assert concept["terms"]["ru"][0]["indeclinable"] is True
    assert concept["sources"] == ["CLDR via Babel (currency names)"]


def test_glossary_env_variable(run_cli, monkeypatch):
    monkeypatch.setenv("TOOLKIT_GLOSSARY", MINI)
    code, out, _ = run_cli("glossary", "stats")
    assert code == 0
    assert out.startswith("5 concepts\n")


def test_default_glossary_is_the_projects(run_cli, monkeypatch):
    monkeypatch.chdir(PROJECT)
    code, out, _ = run_cli("glossary", "stats")
    assert code == 0 and out.split()[1] == "concepts"


def test_search_finds_inflected_forms(run_cli):
    for query, concept in (("Синьцзяне", "xinjiang"), ("Шыңжаңнан", "xinjiang"),
                           ("Алматыда", "almaty"), ("кандасов", "kandas")):  # fmt: skip
        _, out, _ = run_cli("--glossary", MINI, "glossary", "search", query, "--format", "json")
        assert [h["id"] for h in json.loads(out)] == [concept], query
