"""The language of a PO catalogue: its ``Language`` header, else its file or folder name.

Locale identifiers are parsed by Babel (``ru_RU``, ``ru-RU``, ``kk_Latn_KZ``, ``kk@latin``)
and checked against CLDR's list of languages; an English language name (``Russian``,
``Kazakh (Latin)``), as older tools wrote it, is looked up in CLDR's English names.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from babel import Locale
from babel.core import parse_locale

#: gettext modifiers that name a script (``kk@latin``, ``sr@cyrillic``)
_SCRIPT_MODIFIERS = {"latin": "Latn", "cyrillic": "Cyrl"}
#: the shape of an ISO 639 language code
_ISO_639 = re.compile(r"[a-z]{2,3}")


@functools.cache
def _english() -> Locale:
    return Locale("en")


@functools.cache
def _codes_by_english_name() -> dict[str, str]:
    """CLDR's English language names (lowercase) → language code (``russian`` → ``ru``)."""
    return {name.casefold(): code for code, name in _english().languages.items() if "_" not in code}


@functools.cache
def _scripts_by_english_name() -> dict[str, str]:
    """CLDR's English script names (lowercase) → script code (``latin`` → ``Latn``)."""
    return {name.casefold(): code for code, name in _english().scripts.items()}


def _language_code(language: str, script: str | None) -> str:
    """The glossary's code for Kazakh in Latin script (``kk-Latn``); else the CLDR code."""
    if language == "kk" and script == "Latn":
        return "kk-Latn"
    return language


def _from_identifier(text: str, known_only: bool) -> str | None:
    try:
        language, _territory, script, _variant, *rest = parse_locale(text.replace("-", "_"))
    except ValueError:
        return None
    # Any ISO 639 code is a language where a header names it, CLDR's or not (mjw, Karbi):
    # CLDR's list (slow to load) is asked only about file and folder names.
    shaped = _ISO_639.fullmatch(language) is not None
    if not (shaped and not known_only) and language not in _english().languages:
        return None
    modifier = rest[0] if rest else None
    return _language_code(language, script or _SCRIPT_MODIFIERS.get(modifier or ""))


def _from_english_name(text: str) -> str | None:
    name, _, qualifiers = text.partition("(")
    language = _codes_by_english_name().get(name.strip().casefold())
    if language is None:
        return None
    scripts = _scripts_by_english_name()
    script = None
    for part in qualifiers.rstrip(")").split(","):
        script = script or scripts.get(part.strip().casefold())
    return _language_code(language, script)


def parse_language(text: str, *, known_only: bool = False) -> str | None:
    """The language a locale identifier or an English language name stands for, or None.

    Kazakh in Latin script is ``kk-Latn``; every other language is its code. Any ISO 639
    shaped code counts, unless ``known_only``: then only languages CLDR knows (for file and
    folder names, which are not always language codes).

    >>> [parse_language(x) for x in ("ru_RU", "ru-RU", "Russian", "kk_KZ", "kk@latin")]
    ['ru', 'ru', 'ru', 'kk', 'kk-Latn']
    >>> parse_language("kk_Latn_KZ"), parse_language("de"), parse_language("messages")
    ('kk-Latn', 'de', None)
    >>> parse_language("mjw"), parse_language("mjw", known_only=True)
    ('mjw', None)
    """
    text = text.strip()
    if not text:
        return None
    return _from_identifier(text, known_only) or _from_english_name(text)


def _names_from_path(path: Path) -> list[str]:
    """Where the path may name the language: ``locales/<lang>/LC_MESSAGES/x.po`` by its folder;
    gettext's ``po/<lang>.po`` by its name; ``<lang>/x.po`` by its folder."""
    if path.parent.name == "LC_MESSAGES":
        return [path.parent.parent.name]
    return [path.stem, path.parent.name]


def language_of(path: Path, metadata: dict[str, str]) -> tuple[str, str]:
    """(locale, language) of a catalogue: from its ``Language`` header, else its file or
    folder name; the locale as written there, the language as :func:`parse_language` gives
    it. ("", "") or (header, "") when nothing tells the language.

    >>> language_of(Path("x.po"), {"Language": "ru-RU"})
    ('ru-RU', 'ru')
    >>> language_of(Path("po/kk@latin.po"), {})
    ('kk@latin', 'kk-Latn')
    >>> language_of(Path("locales/ru/LC_MESSAGES/news.po"), {"Language": "Klingon-ish"})
    ('ru', 'ru')
    """
    header = metadata.get("Language", "").strip()
    language = parse_language(header) if header else None
    if language:
        return header, language
    for name in _names_from_path(path):
        language = parse_language(name, known_only=True)
        if language:
            return name, language
    return header, ""


def sibling_path(path: Path, locale: str) -> Path | None:
    """Where the catalogue in ``locale`` that goes with the catalogue at ``path`` would be:
    ``locales/<locale>/LC_MESSAGES/<same name>``, or ``po/<locale>.po`` beside ``po/<x>.po``
    (``po/kk_KZ.po`` beside ``po/kk_KZ@latin.po`` when that exists). None for other layouts.

    >>> sibling_path(Path("locales/kk@latin/LC_MESSAGES/news.po"), "kk")
    PosixPath('locales/kk/LC_MESSAGES/news.po')
    >>> sibling_path(Path("po/kk@latin.po"), "kk")
    PosixPath('po/kk.po')
    """
    if path.parent.name == "LC_MESSAGES":
        return path.parent.parent.parent / locale / "LC_MESSAGES" / path.name
    if parse_language(path.stem, known_only=True) is None:
        return None
    without_modifier = path.stem.partition("@")[0]
    if (
        without_modifier != path.stem
        and parse_language(without_modifier, known_only=True) == locale
    ):
        candidate = path.with_name(f"{without_modifier}{path.suffix}")
        if candidate.is_file():
            return candidate
    return path.with_name(f"{locale}{path.suffix}")
