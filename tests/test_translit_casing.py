"""Case: Kazakh dotted/dotless I, and digraphs in Title case vs ALL CAPS."""

from __future__ import annotations

import pytest

from toolkit.translit import kk_lower, kk_title, kk_upper, transliterate


def test_kk_case_helpers_pair_i_with_dotted_capital() -> None:
    assert kk_upper("i ı") == "İ I"
    assert kk_lower("İ I") == "i ı"
    assert kk_title("ile") == "İle"
    assert kk_title("ıle") == "Ile"
    # What Python alone does, and why the helpers exist:
    assert "i".upper() == "I" and len("İ".lower()) == 2


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("и", "i"), ("И", "İ"), ("й", "i"), ("Й", "İ"), ("і", "ı"), ("І", "I"),
     ("Іле", "Ile"), ("ІЛЕ", "ILE"), ("Ине", "İne"), ("ИНЕ", "İNE"), ("Ілияс", "Iliias")],
)  # fmt: skip
def test_kazakh_i_letters_both_ways(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "kk-latn-2021") == latin
    if cyrillic.lower() not in ("й",):  # й → i → и after a consonant or alone (documented)
        assert transliterate(latin, "kk-latn-2021", reverse=True) == cyrillic


@pytest.mark.parametrize(
    ("scheme", "source", "expected"),
    [
        ("ru-bgn-pcgn", "Щучинск", "Shchuchinsk"),
        ("ru-bgn-pcgn", "ЩУЧИНСК", "SHCHUCHINSK"),
        ("ru-bgn-pcgn", "ПЛАЩ", "PLASHCH"),
        ("ru-bgn-pcgn", "Щ.", "Shch."),
        ("ru-bgn-pcgn", "Ельцин ЕЛЬЦИН", "Yel’tsin YEL’TSIN"),
        ("kk-bgn-pcgn", "ЖАҢАӨЗЕН", "ZHANGAÖZEN"),
        ("kk-newsroom", "Шыңжаң ШЫҢЖАҢ", "Shyngzhang SHYNGZHANG"),
        ("kk-latn-2021", "Юрий ЮРИЙ", "İurii İURİİ"),
        ("kk-latn-2021", "Чай ЧАЙ", "Chai CHAİ"),
        ("ru-iso9", "ОБЪЁМ Объём", "OBʺËM Obʺëm"),
    ],
)
def test_title_case_and_all_caps(scheme: str, source: str, expected: str) -> None:
    assert transliterate(source, scheme) == expected


def test_reverse_digraph_case() -> None:
    assert transliterate("Chempionat CHEMPİONAT", reverse=True) == "Чемпионат ЧЕМПИОНАТ"


def test_iso9_signs_take_the_case_of_their_word_in_reverse() -> None:
    assert transliterate("OBʺËM Obʺëm obʺëm", "ru-iso9", reverse=True) == "ОБЪЁМ Объём объём"
