"""The compiled cache: used when current, rebuilt when any YAML file changes or it is damaged."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, PROJECT
from toolkit import cache as user_cache
from toolkit.glossary import cache, load_glossary, loader
from toolkit.glossary.model import CldrRef, Concept, Term
from toolkit.matching import forms, matcher


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


#: one concept with every concept key and every term key set, and one whose kk-Latn terms are
#: derived (Term.derived): a warm load must give back each of them
EVERY_FIELD = """\
- id: nur-sultan
  domain: places
  kind: place
  note: Name of the capital from 2019 to 2022.
  definition: The capital of Kazakhstan.
  sources: [Decree of 2019, Decree of 2022]
  cldr: {territory: KZ}
  terms:
    en:
      - {term: Nur-Sultan, status: deprecated, pos: proper-noun, valid_from: 2019-03-23,
         valid_until: "2022-09-17", source: decree, note: old name, cldr_override: not CLDR}
    kk:
      - {term: Нұр-Сұлтан, status: deprecated, pos: proper-noun, indeclinable: true,
         forms: [Нұр-Сұлтанда, Нұр-Сұлтанның], valid_from: 2019-03-23}
    kk-Latn:
      - {term: Nur-Sultan, status: deprecated, override: the English spelling, require: false}
    ru:
      - {term: Нур-Султан, status: deprecated, gender: m, plural_only: false, require: false}
      - {term: Нур-Султаны, status: forbidden, plural_only: true}
- id: appeal
  domain: legal
  sources: [x]
  terms:
    en: [{term: appeal, status: preferred, require: false}]
    kk: [{term: апелляция, status: preferred, forms: [апелляцияда]}]
    ru: [{term: апелляция, status: preferred, gender: f}]
"""


def assert_same_concepts(warm: list[Concept], cold: list[Concept]) -> None:
    """Equal, and of the model's own types (a plain tuple would compare equal to a Term)."""
    assert warm == cold
    for concept in warm:
        assert type(concept) is Concept
        assert concept.cldr is None or type(concept.cldr) is CldrRef
        for lang, terms in concept.terms.items():
            assert type(terms) is tuple
            assert all(type(t) is Term and t.lang == lang for t in terms)


def test_a_warm_load_gives_back_every_field(tmp_path: Path, monkeypatch):
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "places.yaml").write_text(EVERY_FIELD, encoding="utf-8")
    cold = load_glossary(folder, use_cache=False)
    terms = [t for c in cold for t in c.all_terms()]
    for name, default in Term._field_defaults.items():  # the fixture sets every field
        assert any(getattr(t, name) != default for t in terms), name
    forbid_yaml(monkeypatch)
    warm = load_glossary(folder)
    assert_same_concepts(warm.concepts, cold.concepts)
    nur_sultan = warm["nur-sultan"]
    assert nur_sultan.terms["en"][0].valid_until == "2022-09-17"
    assert nur_sultan.terms["ru"][0].require is False
    assert nur_sultan.kind == "place" and nur_sultan.cldr == CldrRef("territory", "KZ")
    assert warm["appeal"].terms["kk-Latn"][0].derived


def test_a_warm_load_of_the_project_glossary_equals_the_yaml_load(tmp_path: Path, monkeypatch):
    folder = Path(shutil.copytree(PROJECT / "glossary", tmp_path / "glossary"))
    cold = load_glossary(folder, use_cache=False)
    forbid_yaml(monkeypatch)
    assert_same_concepts(load_glossary(folder).concepts, cold.concepts)


def test_a_warm_load_imports_no_yaml(glossary_copy: Path):
    """The cached path parses no YAML, so a command must not pay for importing PyYAML."""
    load_glossary(glossary_copy)  # writes the cache
    code = (
        "import sys; from pathlib import Path; from toolkit.cli.main import Context; "
        "g = Context(Path(sys.argv[1]), use_cache=True).glossary(); "
        "print(len(g), sorted(m for m in sys.modules if m.split('.')[0] == 'yaml'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(glossary_copy)],
        capture_output=True, text=True, check=True, env=dict(os.environ),
    )  # fmt: skip
    assert result.stdout.split(maxsplit=1) == ["5", "[]\n"]


def test_a_cache_entry_that_does_not_unpickle_is_rebuilt(glossary_copy: Path, monkeypatch):
    """An intact entry under the right key whose pickle fails (a class gone, a constructor
    that changed) is a miss: the YAML is read again, and the command does not fail."""
    first = load_glossary(glossary_copy)
    name = user_cache.folder_entry(glossary_copy, cache.CONCEPTS)
    broken = pickle.dumps([Concept("tenge", "currencies", {})])
    broken = broken.replace(b"Concept", b"Concepx")  # a class that no longer exists
    user_cache.write_bytes(name, first.key.encode() + b"\n" + broken)
    assert load_glossary(glossary_copy)["tenge"] == first["tenge"]
    forbid_yaml(monkeypatch)  # rewritten: the next load comes from it
    assert load_glossary(glossary_copy)["tenge"] == first["tenge"]


def test_an_entry_of_the_previous_layout_is_a_miss(glossary_copy: Path):
    first = load_glossary(glossary_copy)
    name = user_cache.folder_entry(glossary_copy, cache.CONCEPTS)
    user_cache.write_keyed(name, first.key, [("tenge", "currencies", {})])  # format 2's way
    assert load_glossary(glossary_copy)["tenge"] == first["tenge"]


def test_the_term_matcher_comes_from_the_cache_and_follows_the_glossary(
    glossary_copy: Path, monkeypatch
):
    text = "Алматыда жиын өтті."
    built = forms.load_matcher(load_glossary(glossary_copy), "kk")

    def no_build(*_args, **_kwargs):
        raise AssertionError("the matcher was built although the cache is current")

    with monkeypatch.context() as patch:
        patch.setattr(matcher.TermMatcher, "__init__", no_build)
        patch.setattr(forms, "build_index", no_build)
        cached = forms.load_matcher(load_glossary(glossary_copy), "kk")
        assert cached.find(text) == built.find(text) != []
        with pytest.raises(AssertionError, match="was built"):
            forms.load_matcher(load_glossary(glossary_copy), "kk", use_cache=False)
    places = glossary_copy / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace("Алматы", "Алмата"))
    assert forms.load_matcher(load_glossary(glossary_copy), "kk").find(text) == []
