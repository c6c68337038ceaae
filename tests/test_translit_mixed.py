"""Mixed input: what is not a letter of the source script passes through unchanged."""

from __future__ import annotations

import pytest

from toolkit.translit import ambiguous_words, transliterate, transliterate_lines

PASS_THROUGH = [
    "2021-01-06, 252 000 ($670) 15:30 №5 §2",
    "RFE/RL, Google, iPhone",
    "https://www.azattyq.org/a/серікжан-біләш/31036000.html",
    "www.сайт.kz/жаңалықтар",
    "редакция@azattyq.kz",
    "`Қазақстан`",
]


@pytest.mark.parametrize("text", PASS_THROUGH)
@pytest.mark.parametrize("scheme", ["kk-latn-2021", "kk-newsroom", "ru-bgn-pcgn", "ru-iso9"])
def test_pass_through(scheme: str, text: str) -> None:
    assert transliterate(text, scheme) == text


def test_url_in_a_sentence_is_kept_and_the_words_around_it_converted() -> None:
    text = "Қараңыз: https://kk.wikipedia.org/wiki/Қазақстан (Қазақстан)"
    assert transliterate(text) == "Qarañyz: https://kk.wikipedia.org/wiki/Қазақстан (Qazaqstan)"


def test_character_references_are_not_read_as_words_in_either_direction() -> None:
    assert transliterate("Ана&nbsp;тілі &laquo;Қала&raquo;") == "Ana&nbsp;tılı &laquo;Qala&raquo;"
    assert transliterate("Ana&nbsp;tılı &#x41A; &laquo;Qala&raquo;", reverse=True) == (
        "Ана&nbsp;тілі &#x41A; &laquo;Қала&raquo;"
    )
    # an ampersand that starts no reference is prose
    assert transliterate("R&D bölımı", reverse=True) == "Р&Д бөлімі"


def test_markdown_markup_and_link_targets() -> None:
    text = "## Жаңалық\n\n* **Біләш** мен _Ақан_ [Азаттық](https://азаттық.kz/a)"
    assert transliterate(text) == (
        "## Jañalyq\n\n* **Bıläş** men _Aqan_ [Azattyq](https://азаттық.kz/a)"
    )


def test_fenced_code_blocks_pass_unchanged_line_by_line() -> None:
    lines = ["Алматы\n", "```\n", "Алматы\n", "```\n", "Астана\n"]
    assert list(transliterate_lines(lines)) == [
        "Almaty\n",
        "```\n",
        "Алматы\n",
        "```\n",
        "Astana\n",
    ]


def test_latin_words_in_kazakh_cyrillic_stay_latin() -> None:
    assert transliterate("Apple компаниясы iPhone 15", "kk-latn-2021") == (
        "Apple kompaniiasy iPhone 15"
    )


def test_ambiguous_words_are_reported_with_their_choices() -> None:
    found = ambiguous_words("Mūhtar Liazzat pen Qaişa, şahar")
    assert [(w.word, w.ambiguity.id) for w in found] == [
        ("Mūhtar", "h"),
        ("Liazzat", "ia-iu"),
        ("şahar", "h"),
    ]
    assert found[0].start == 0 and found[0].end == len("Mūhtar")
