"""Russian surface forms: every (term, form) row of tests/data/russian-forms/expected.tsv must
be generated and every row of forbidden.tsv must not (тенгу, лагери, Мусаханула ...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import ToolkitError
from toolkit.glossary.model import Term
from toolkit.matching.russian import russian_forms

DATA = Path(__file__).parent / "data" / "russian-forms"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


TERMS = {
    text: Term(
        text,
        "ru",
        "preferred",
        pos=pos,
        gender=None if gender == "-" else gender,
        indeclinable="indeclinable" in flags.split(","),
        plural_only="plural_only" in flags.split(","),
    )
    for text, pos, gender, flags in _rows("terms.tsv")
}


def _cases(name: str) -> list:
    return [pytest.param(term, form, id=f"{term}→{form}") for term, form in _rows(name)]


@pytest.mark.parametrize(("term", "form"), _cases("expected.tsv"))
def test_form_is_generated(term: str, form: str):
    assert form in russian_forms(TERMS[term])


@pytest.mark.parametrize(("term", "form"), _cases("forbidden.tsv"))
def test_wrong_form_is_not_generated(term: str, form: str):
    assert form not in russian_forms(TERMS[term])


def test_every_data_row_names_a_listed_term():
    used = {term for name in ("expected.tsv", "forbidden.tsv") for term, _ in _rows(name)}
    assert used <= TERMS.keys(), sorted(used - TERMS.keys())


def test_hand_forms_and_the_term_itself_are_kept():
    term = Term("Атажұрт", "ru", "preferred", pos="proper-noun", indeclinable=True,
                forms=("Атажұрттың",))  # fmt: skip
    assert russian_forms(term) == {"Атажұрт", "Атажұрттың"}


def test_yo_forms_also_come_with_ye():
    forms = russian_forms(TERMS["Организация Объединённых Наций"])
    assert {f.replace("ё", "е") for f in forms} <= forms


def test_verbs_get_only_their_hand_forms():
    term = Term("не признать вину", "ru", "preferred", pos="verb", forms=("не признал вину",))
    assert russian_forms(term) == {"не признать вину", "не признал вину"}


def test_proper_nouns_have_no_plural_and_common_nouns_do():
    assert "Китаи" not in russian_forms(TERMS["Китай"])
    assert "лагерях" in russian_forms(TERMS["лагерь"])


def test_a_term_of_another_language_is_refused():
    with pytest.raises(ToolkitError, match="needs a ru term"):
        russian_forms(Term("camp", "en", "preferred"))
