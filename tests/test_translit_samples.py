"""Every sample pair of every scheme file, both directions (adding a scheme adds its tests)."""

from __future__ import annotations

import json

import pytest

from toolkit.errors import InputError, UnknownSchemeError
from toolkit.translit import get_scheme, list_schemes, transliterate
from toolkit.translit.scheme import load_scheme, scheme_files

FORWARD = [(s.name, src, want) for s in list_schemes() for src, want in s.samples]
REVERSE = [(s.name, src, want) for s in list_schemes() for src, want in s.reverse_samples]
REQUIRED = {"kk-arab", "kk-latn-2021", "kk-bgn-pcgn", "kk-newsroom", "ru-bgn-pcgn", "ru-iso9"}


@pytest.mark.parametrize(("scheme", "source", "expected"), FORWARD)
def test_forward_sample(scheme: str, source: str, expected: str) -> None:
    assert transliterate(source, scheme) == expected


@pytest.mark.parametrize(("scheme", "source", "expected"), REVERSE)
def test_reverse_sample(scheme: str, source: str, expected: str) -> None:
    assert transliterate(source, scheme, reverse=True) == expected


def test_the_required_schemes_exist_with_30_samples_and_a_source() -> None:
    schemes = {s.name: s for s in list_schemes()}
    assert set(schemes) >= REQUIRED
    for scheme in schemes.values():
        assert len(scheme.samples) >= 30, scheme.name
        assert scheme.source and scheme.url, scheme.name


def test_every_scheme_file_loads_and_is_listed() -> None:
    assert sorted(p.stem for p in scheme_files()) == sorted(s.name for s in list_schemes())


def test_reversible_schemes() -> None:
    reversible = {s.name for s in list_schemes() if s.reversible}
    assert reversible == {"kk-arab", "kk-latn-2021", "ru-iso9"}


def test_unknown_scheme_names_the_known_ones() -> None:
    with pytest.raises(UnknownSchemeError) as err:
        get_scheme("kk-cyrl-1940")
    assert err.value.name == "kk-cyrl-1940"
    assert set(err.value.known) >= REQUIRED
    assert "kk-newsroom" in str(err.value)


def test_a_scheme_file_with_an_unknown_key_is_an_input_error(tmp_path) -> None:
    data = json.loads(get_scheme("ru-iso9").path.read_text(encoding="utf-8"))
    data["mapings"] = {}
    path = tmp_path / "ru-iso9.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_scheme(path)
    assert err.value.path == str(path)
    assert "mapings" in str(err.value)


def test_a_scheme_file_named_unlike_its_scheme_is_an_input_error(tmp_path) -> None:
    path = tmp_path / "other.json"
    path.write_text(get_scheme("ru-iso9").path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="differs from the file name"):
        load_scheme(path)


@pytest.mark.parametrize("capitals", ["yes", {"after": ""}, {"after": ".", "before": "x"}])
def test_sentence_capitals_that_are_not_end_marks_are_an_input_error(tmp_path, capitals) -> None:
    data = json.loads(get_scheme("kk-arab").path.read_text(encoding="utf-8"))
    data["reverse"]["sentence_capitals"] = capitals
    path = tmp_path / "kk-arab.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="sentence_capitals must be") as err:
        load_scheme(path)
    assert err.value.path == str(path)
