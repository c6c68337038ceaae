"""Re-inflection: the form of one term with the features of a form of another
(оралмандарға → қандастарға, оралманов → кандасов, oralmans → kandases).

The cases are data, tests/data/inflect-like/{kk,ru,en}.tsv: source term, target term, surface,
expected form ("-" when there is none). Terms are taken from the project glossary by text, so
their pos, gender and flags are the real ones; a term the glossary lacks is written
``text|pos|gender|flags``.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from toolkit.errors import ToolkitError
from toolkit.glossary import load_glossary
from toolkit.glossary.model import Glossary, Term
from toolkit.matching.english import english_forms, english_inflect_like
from toolkit.matching.kazakh import kazakh_forms
from toolkit.matching.kazakh_reinflect import kazakh_inflect_like
from toolkit.matching.russian import russian_forms
from toolkit.matching.russian_reinflect import russian_inflect_like

PROJECT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "inflect-like"
INFLECT = {"kk": kazakh_inflect_like, "ru": russian_inflect_like, "en": english_inflect_like}
FORMS = {"kk": kazakh_forms, "ru": russian_forms, "en": english_forms}
GENDERS = ("m", "f", "n", "common")


@functools.cache
def _glossary() -> Glossary:
    return load_glossary(PROJECT / "glossary", use_cache=False)


def _term(spec: str, lang: str) -> Term:
    """A glossary term by its text, or the term described by ``text|pos|gender|flags``."""
    text, *fields = spec.split("|")
    if not fields:
        for concept in _glossary():
            for term in concept.terms.get(lang, ()):
                if term.text == text:
                    return term
        raise LookupError(f"{lang} term {text!r} is not in the glossary: write text|pos|...")
    pos, gender, flags = (*fields, "-", "-")[:3]
    assert gender in (*GENDERS, "-"), spec
    flag_set = set(flags.split(","))
    return Term(
        text,
        lang,
        "preferred",
        pos=None if pos == "-" else pos,
        gender=None if gender == "-" else gender,
        indeclinable="indeclinable" in flag_set,
        plural_only="plural_only" in flag_set,
    )


def _rows() -> list:
    params = []
    for lang in INFLECT:
        path = DATA / f"{lang}.tsv"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                source, target, surface, expected = line.split("\t")
                row = (lang, source, target, surface, None if expected == "-" else expected)
                params.append(pytest.param(*row, id=f"{lang}:{number}:{surface}"))
    return params


@pytest.mark.parametrize(("lang", "source", "target", "surface", "expected"), _rows())
def test_inflect_like(lang: str, source: str, target: str, surface: str, expected: str | None):
    result = INFLECT[lang](surface, _term(source, lang), _term(target, lang))
    assert result == expected


PAIRS = [
    ("kk", "оралман", "қандас"),
    ("kk", "Нұр-Сұлтан", "Астана"),
    ("kk", "Оңтүстік Қазақстан облысы", "Түркістан облысы"),
    ("ru", "оралман", "кандас"),
    ("ru", "Нур-Султан", "Астана"),
    ("ru", "Средняя Азия", "Центральная Азия"),
    ("ru", "казахские власти", "казахстанские власти"),
    ("en", "oralman", "kandas"),
    ("en", "Nur-Sultan", "Astana"),
]


@pytest.mark.parametrize(("lang", "source", "target"), PAIRS, ids=lambda v: str(v))
def test_every_form_of_the_source_maps_to_a_form_of_the_target(lang: str, source: str, target: str):
    """Terms of the same kind: every generated form of one has a counterpart in the other,
    and mapping it there and back gives a form of the source again."""
    src, tgt = _term(source, lang), _term(target, lang)
    target_forms = FORMS[lang](tgt)
    source_forms = FORMS[lang](src)
    assert len(source_forms) > 1  # inflected forms, not only the term itself
    for form in source_forms:
        result = INFLECT[lang](form, src, tgt)
        assert result in target_forms, (form, result)
        assert INFLECT[lang](result, tgt, src) in source_forms, (form, result)


@pytest.mark.parametrize("lang", list(INFLECT))
def test_terms_of_another_language_are_refused(lang: str):
    other = Term("x", "ru" if lang != "ru" else "kk", "preferred")
    with pytest.raises((ValueError, ToolkitError)):
        INFLECT[lang]("x", other, other)
