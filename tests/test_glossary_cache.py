"""The compiled cache: used when current, rebuilt when any YAML file changes or it is damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from toolkit.glossary import cache, load_glossary, loader


@pytest.fixture
def glossary_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATA / "glossary-mini", tmp_path / "glossary"))


def forbid_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args, **_kwargs):
        raise AssertionError("the YAML was read although the cache is current")

    monkeypatch.setattr(loader, "read_glossary", fail)


def test_second_load_comes_from_the_cache(glossary_copy: Path, monkeypatch):
    first = load_glossary(glossary_copy)
    assert cache.cache_file(glossary_copy).is_file()
    forbid_yaml(monkeypatch)
    second = load_glossary(glossary_copy)
    assert [c.id for c in second] == [c.id for c in first]
    assert second["tenge"] == first["tenge"]
    assert second["xinjiang"].terms == first["xinjiang"].terms


def test_editing_a_file_invalidates_the_cache(glossary_copy: Path):
    load_glossary(glossary_copy)
    places = glossary_copy / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace("Alma-Ata", "Alma-Ata (old)"))
    assert "Alma-Ata (old)" in [t.text for t in load_glossary(glossary_copy)["almaty"].terms["en"]]


def test_adding_a_file_invalidates_the_cache(glossary_copy: Path):
    load_glossary(glossary_copy)
    (glossary_copy / "people.yaml").write_text(
        "- id: bilash\n  domain: people\n  sources: [x]\n  terms:\n"
        "    en: [{term: Serikzhan Bilash, status: preferred}]\n",
        encoding="utf-8",
    )
    assert "bilash" in load_glossary(glossary_copy)


def test_damaged_cache_is_rebuilt(glossary_copy: Path, monkeypatch):
    load_glossary(glossary_copy)
    damaged = b"\x80\x05not a pickle"
    cache.cache_file(glossary_copy).write_bytes(damaged)
    assert load_glossary(glossary_copy)["almaty"].preferred_text("kk-Latn") == "Almaty"
    assert cache.cache_file(glossary_copy).read_bytes() != damaged
    forbid_yaml(monkeypatch)  # the rewritten cache is valid: the next load comes from it
    assert load_glossary(glossary_copy)["almaty"].preferred_text("kk-Latn") == "Almaty"


def test_no_cache_reads_the_yaml(glossary_copy: Path, monkeypatch):
    load_glossary(glossary_copy)
    forbid_yaml(monkeypatch)
    with pytest.raises(AssertionError, match="YAML was read"):
        load_glossary(glossary_copy, use_cache=False)


def test_unwritable_cache_folder_still_loads(glossary_copy: Path, monkeypatch, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(blocker / "cache"))
    assert len(load_glossary(glossary_copy)) == 5
