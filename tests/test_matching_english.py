"""English surface forms: every (term, form) row of tests/data/english-forms/expected.tsv must
be generated and every row of forbidden.tsv must not (Kazakhstans, humen, Chineses ...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PROJECT
from toolkit.errors import ToolkitError
from toolkit.glossary import load_glossary
from toolkit.glossary.model import Term
from toolkit.matching.english import english_forms
from toolkit.matching.forms import load_matcher

DATA = Path(__file__).parent / "data" / "english-forms"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


TERMS = {
    text: Term(text, "en", "preferred", pos=pos, plural_only=flags == "plural_only")
    for text, pos, flags in _rows("terms.tsv")
}


def _cases(name: str) -> list:
    return [pytest.param(term, form, id=f"{term}→{form}") for term, form in _rows(name)]


@pytest.mark.parametrize(("term", "form"), _cases("expected.tsv"))
def test_form_is_generated(term: str, form: str):
    assert form in english_forms(TERMS[term])


@pytest.mark.parametrize(("term", "form"), _cases("forbidden.tsv"))
def test_wrong_form_is_not_generated(term: str, form: str):
    assert form not in english_forms(TERMS[term])


def test_every_data_row_names_a_listed_term():
    used = {term for name in ("expected.tsv", "forbidden.tsv") for term, _ in _rows(name)}
    assert used <= TERMS.keys(), sorted(used - TERMS.keys())


def test_hand_forms_are_kept():
    term = Term("plead not guilty", "en", "preferred", pos="verb", forms=("pleaded not guilty",))
    assert english_forms(term) == {"plead not guilty", "pleaded not guilty"}


def test_a_term_of_another_language_is_refused():
    with pytest.raises(ToolkitError, match="needs an en term"):
        english_forms(Term("лагерь", "ru", "preferred"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Chinese government detained them.", []),
        ("Posters in Kazakh, English, and Chinese were held up.",
         [("Kazakh", "kazakh-language"), ("English", "english-language"),
          ("Chinese", "chinese-language")]),
        ("Many Kyrgyz live in Xinjiang.", [("Kyrgyz", "kyrgyz"), ("Xinjiang", "xinjiang")]),
        ("She speaks Kyrgyz fluently.", [("Kyrgyz", "kyrgyz-language")]),
        ("The city juts into Russian Siberia.", []),
    ],
)  # fmt: skip
def test_a_language_name_is_the_language_only_in_a_language_context(line, expected):
    """«Chinese» is the adjective, «Kyrgyz» the people, unless the words around say
    «language» (in, speaks, -language, speakers ...)."""
    matcher = load_matcher(load_glossary(PROJECT / "glossary"), "en")
    assert [(m.text, m.concept) for m in matcher.find(line)] == expected
