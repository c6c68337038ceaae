"""Glossary spellings win over letter rules: exact forms, word boundaries, longest first."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.glossary import load_glossary
from toolkit.translit import ambiguous_words, transliterate

GLOSSARY_DIR = Path(__file__).parent / "data" / "translit" / "glossary"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY_DIR, use_cache=False)


@pytest.mark.parametrize("scheme", ["kk-newsroom", "kk-bgn-pcgn"])
def test_english_spelling_of_names_wins_for_english_schemes(glossary, scheme: str) -> None:
    assert transliterate("Қазақстан, Үрімжі", scheme, glossary=glossary) == "Kazakhstan, Urumqi"


def test_without_glossary_letter_rules_apply(glossary) -> None:
    assert transliterate("Қазақстан, Үрімжі", "kk-newsroom") == "Qazaqstan, Urimzhi"


def test_longest_term_first(glossary) -> None:
    text = "Шығыс Қазақстан облысы және Қазақстан"
    assert transliterate(text, "kk-newsroom", glossary=glossary) == (
        "East Kazakhstan Region zhane Kazakhstan"
    )


def test_inflected_names_take_the_glossary_spelling_and_keep_their_ending(glossary) -> None:
    # «Қазақстанда» is Қазақстан + -да: the English name, then the ending transliterated.
    assert transliterate("Қазақстанда", "kk-newsroom", glossary=glossary) == "Kazakhstanda"


def test_terms_match_whole_words_only(glossary) -> None:
    # «Қазақстандық» is a derived word, not a form of the name: letter by letter.
    assert transliterate("Қазақстандық", "kk-newsroom", glossary=glossary) == "Qazaqstandyq"


def test_common_nouns_are_transliterated_not_translated(glossary) -> None:
    assert transliterate("сот", "kk-newsroom", glossary=glossary) == "sot"


def test_kk_latn_2021_uses_the_kk_latn_term(glossary) -> None:
    assert transliterate("Сот Үрімжіде", "kk-latn-2021", glossary=glossary) == "Sot Ürımjıde"


def test_russian_schemes_use_the_english_term(glossary) -> None:
    assert transliterate("Урумчи", "ru-bgn-pcgn", glossary=glossary) == "Urumqi"
    assert transliterate("Урумчи", "ru-bgn-pcgn") == "Urumchi"


def test_reverse_uses_the_kk_term_for_h(glossary) -> None:
    assert transliterate("Jihan, Mūhtar", reverse=True, glossary=glossary) == "Жиһан, Мұхтар"
    assert transliterate("Jihan", reverse=True) == "Жихан"


def test_glossary_terms_are_not_reported_as_ambiguous(glossary) -> None:
    assert [w.word for w in ambiguous_words("Jihan, Mūhtar", glossary=glossary)] == ["Mūhtar"]


def test_a_surname_alone_takes_the_english_surname() -> None:
    from tests.conftest import PROJECT
    from toolkit.glossary import load_glossary

    project = load_glossary(PROJECT / "glossary")
    # «Назарбаев» is an admitted short form of «Нұрсұлтан Назарбаев» (Nursultan Nazarbayev).
    assert transliterate("Назарбаевтың", "kk-newsroom", glossary=project) == "Nazarbayevtyng"
    assert transliterate("Назарбаевтың", "kk-newsroom") == "Nazarbaevtyng"
