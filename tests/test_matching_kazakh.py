"""Kazakh surface forms: expected and forbidden forms as data, plus properties of every form."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.glossary.model import Term
from toolkit.matching import kazakh, kazakh_stems
from toolkit.matching.kazakh import kazakh_forms, kazakh_word_forms, without_genitives

FORMS_DIR = Path(__file__).parent / "data" / "kazakh-forms"
KAZAKH_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


def _rows(name: str) -> list[tuple[str, str, int]]:
    path = FORMS_DIR / name
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            term, form = line.split("\t")
            rows.append((term, form, number))
    return rows


def _kk(text: str, **fields: object) -> Term:
    return Term(text, "kk", "preferred", **fields)  # type: ignore[arg-type]


def _case(expected: bool, name: str) -> list:
    return [
        pytest.param(term, form, expected, id=f"{Path(name).stem}:{line}")
        for term, form, line in _rows(name)
    ]


@pytest.mark.parametrize(
    ("term", "form", "expected"),
    _case(True, "expected.tsv") + _case(False, "forbidden.tsv"),
)
def test_form_data(term: str, form: str, expected: bool):
    assert (form in kazakh_forms(_kk(term))) is expected


def test_form_data_is_not_contradictory():
    assert not {(t, f) for t, f, _ in _rows("expected.tsv")} & {
        (t, f) for t, f, _ in _rows("forbidden.tsv")
    }


def test_indeclinable_term_has_only_its_text_and_forms():
    term = _kk("Қытай", indeclinable=True, forms=("Қытайда",))
    assert kazakh_forms(term) == {"Қытай", "Қытайда"}


def test_hand_forms_of_nouns_are_inflected():
    term = _kk("қайта тәрбиелеу лагері", pos="noun", forms=("қайта тәрбиелеу лагерлері",))
    forms = kazakh_forms(term)
    assert {"қайта тәрбиелеу лагерінде", "қайта тәрбиелеу лагерлерінде"} <= forms
    assert "қайта тәрбиелеу лагеріға" not in forms


def test_hand_forms_of_phrases_are_kept_as_given():
    term = _kk("айыпты мойындамау", pos="phrase", forms=("айыпты мойындамады",))
    forms = kazakh_forms(term)
    assert {"айыпты мойындамады", "айыпты мойындамауға"} <= forms
    assert not any(f.startswith("айыпты мойындамады") and f != "айыпты мойындамады" for f in forms)


def test_plural_only_term_gets_no_second_plural():
    forms = kazakh_forms(_kk("еріктілер", plural_only=True))
    assert {"еріктілерге", "еріктілері", "еріктілерінің"} <= forms
    assert "еріктілерлер" not in forms


def test_other_language_is_refused():
    with pytest.raises(ValueError, match="kk term"):
        kazakh_forms(Term("Almaty", "kk-Latn", "preferred"))


@pytest.mark.parametrize("word", ["COVID-19", "Алматы»", "G7"])
def test_words_with_unknown_reading_are_not_inflected(word: str):
    assert kazakh_word_forms(word) == {word}


def _is_allowed_stem_change(word: str, form: str) -> bool:
    """The documented alternations: ь dropped, final п к қ voiced before the possessive, the
    last letter of a loan in -ст/-зд dropped before an ending (журналиске, съезі)."""
    last, voiced = word[-1:].lower(), form[len(word) - 1 : len(word)].lower()
    return form.startswith(word[:-1]) and (
        last == "ь"
        or (last, voiced) in {("п", "б"), ("к", "г"), ("қ", "ғ")}
        or word[-2:].lower() in ("ст", "зд")
    )


words = st.text(KAZAKH_LETTERS, min_size=1, max_size=12)
# loans in -ст/-зд, whose last letter drops before an ending, drawn on purpose
words = st.one_of(words, words.map(lambda w: w + "ст"), words.map(lambda w: w + "зд"))
kazakh_words = st.one_of(
    words,
    words.map(str.capitalize),
    words.map(str.upper),
    st.tuples(words, words).map(lambda p: f"{p[0].capitalize()}-{p[1].capitalize()}"),
)


@given(kazakh_words)
def test_every_form_extends_the_word(word: str):
    forms = kazakh_word_forms(word)
    assert word in forms
    for form in forms:
        assert form.startswith(word) or _is_allowed_stem_change(word, form), form
        assert form.count("-") <= max(1, word.count("-")), form
        ending = form[len(word) :]
        assert ending == ending.lower() or not ending.strip("-"), form


@given(st.sampled_from(sorted({t for t, _, _ in _rows("expected.tsv")})))
def test_forms_keep_the_modifiers_and_the_term(term: str):
    forms = kazakh_forms(_kk(term))
    assert term in forms
    prefix = term[: term.rfind(" ") + 1]
    # the modifiers stay as written, or lose only their genitive endings (§4 izafet)
    assert all(f.startswith((prefix, without_genitives(prefix))) for f in forms)


@pytest.mark.parametrize("module", [kazakh, kazakh_stems], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


def test_a_plural_common_noun_head_is_also_found_in_the_singular_after_a_numeral():
    forms = kazakh_forms(_kk("бұқаралық ақпарат құралдары", pos="noun"))
    assert {"бұқаралық ақпарат құралы", "бұқаралық ақпарат құралының"} <= forms
    # a name keeps its number: one volunteer is not the movement
    assert "Атажұрт еріктісі" not in kazakh_forms(_kk("Атажұрт еріктілері", pos="proper-noun"))
