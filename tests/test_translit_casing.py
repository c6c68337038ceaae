"""Case: Kazakh dotted/dotless I, and digraphs in Title case vs ALL CAPS."""

from __future__ import annotations

import pytest

from toolkit.translit import kk_lower, kk_title, kk_upper, transliterate
from toolkit.translit.engine import Converter
from toolkit.translit.rules import ContextRule


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


def test_iso9_letters_with_a_combining_mark_take_the_case_of_their_base_in_reverse() -> None:
    latin = "G̀anok G̀ANOK g̀anok, J̌ovana J̌OVANA Skopǰe, A̋uezov a̋ke, ĶAZAĶ"
    cyrillic = "Ґанок ҐАНОК ґанок, Јована ЈОВАНА Скопје, Әуезов әке, ҚАЗАҚ"
    assert transliterate(latin, "ru-iso9", reverse=True) == cyrillic
    # a mark with no base letter of the scheme stays as it is
    assert transliterate("\u0300g\u0301a", "ru-iso9", reverse=True) == "\u0300г\u0301а"


@pytest.mark.parametrize("rule_on_the_base", [False, True])
def test_letters_with_a_combining_mark_read_alike_with_a_rule_on_their_base(
    rule_on_the_base: bool,
) -> None:
    """Such letters get a pass of their own unless a rule starts with their base letter (then
    they are in the one regex): they are read the same either way."""
    rules = [ContextRule("g", "гх", before="$")] if rule_on_the_base else []
    conv = Converter(
        {"g\u0300": "ґ", "g": "г", "a": "а"}, rules,
        source_casing="default", target_casing="default",
    )  # fmt: skip
    expected = "ґаг ҐАГ Ґаг аґ" if not rule_on_the_base else "ґагх ҐАГХ Ґагх аґ"
    assert conv("g\u0300ag G\u0300AG G\u0300ag ag\u0300") == expected
