"""script_mix on software strings: format placeholders, escapes and Latin words declined with
an apostrophe are not mixed words; a Latin letter typed inside a Cyrillic word still is."""

from __future__ import annotations

import pytest

from toolkit.catalog import Catalog, Entry
from toolkit.checks.base import Resources, Unit
from toolkit.checks.text import ScriptMix


def mixed(source: str, target: str, lang: str = "ru", flags: tuple[str, ...] = ()) -> list[str]:
    """The words script_mix reports in one entry."""
    entry = Entry(source, target, 7, flags=flags)
    catalog = Catalog("case.po", lang, lang, [entry], {})
    unit = Unit(entry, catalog, Resources(glossary=None))
    return [unit.target[p.start : p.end] for p in ScriptMix().problems(unit)]


# Shapes of entries from real catalogues (Pidgin, mc, NSIS installers), written afresh.
@pytest.mark.parametrize(
    ("source", "target", "flags"),
    [
        ("Idle %dd %dh %02dm", "Бездействует %dд %dч %02dм", ("c-format",)),
        ("%s of %s", "%1$sиз %2$s", ("c-format",)),
        ("Done: %(count)dfiles", "Готово: %(count)dфайлов", ("python-format",)),
        ("{n}files", "{n}файлов", ("python-brace-format",)),
        ("Error ($R3).$\\rRetry?", "Ошибка ($R3).$\\rПовторить?", ()),
        ("The server of Purple is down", "Сервер Purple'а не отвечает", ()),
        ("Not owned by root", "Не принадлежит root’у", ()),
    ],
)
def test_placeholders_escapes_and_declined_latin_words_are_not_mixed(source, target, flags):
    assert mixed(source, target, flags=flags) == []


@pytest.mark.parametrize(
    ("target", "lang", "word"),
    [
        ("Cистема событий уже запущена", "ru", "Cистема"),  # Latin C
        ("Жiберушi", "kk", "Жiберушi"),  # Latin i for Kazakh і
        ("Свободно IНОДОВ", "ru", "IНОДОВ"),
        ("Бездействует %dд", "ru", "dд"),  # no c-format flag: %d is not a placeholder
        ("Сервер Purple'аx", "ru", "Purple'аx"),  # a Latin letter after the ending
    ],
)
def test_a_latin_letter_inside_a_cyrillic_word_is_still_found(target, lang, word):
    assert mixed("Some source", target, lang=lang) == [word]
