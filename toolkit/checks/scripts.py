"""The script of a letter from Unicode data, and translations that are no translation.

Which letters are Latin and which Cyrillic is read from the Unicode character names
(``unicodedata``: "LATIN SMALL LETTER SCHWA", "CYRILLIC SMALL LETTER SCHWA"), not from
hand-made code-point ranges, which miss letters such as the Latin ə (U+0259) typed into
Kazakh Cyrillic «Біләшке». The character classes are built once, on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from toolkit.checks.placeholders import format_of, placeholder_spans

if TYPE_CHECKING:
    from toolkit.checks.base import Unit

#: code points scanned for letters: the Basic Multilingual Plane, which holds every Latin and
#: Cyrillic letter of running text (above it only phonetic and modifier letters of Latin
#: Extended-F/G and Cyrillic Extended-D; scanning them would double the start-up cost)
PLANES_SCANNED = 0x10000
#: the script a translation into each language is written in (Unicode name prefix)
LANGUAGE_SCRIPTS = {"kk": "CYRILLIC", "ru": "CYRILLIC", "kk-Latn": "LATIN", "en": "LATIN"}


def script_of(ch: str) -> str | None:
    """ "Latin" or "Cyrillic" for a letter of those scripts, else None.

    >>> script_of("ə"), script_of("ә"), script_of("1")
    ('Latin', 'Cyrillic', None)
    """
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC") and ch.isalpha():
        return "Cyrillic"
    if name.startswith("LATIN") and ch.isalpha():
        return "Latin"
    return None


@functools.cache
def letters(script: str) -> str:
    """A regular-expression character class body of every letter of ``script`` ("LATIN" or
    "CYRILLIC") in Unicode, as ranges."""
    return _letters_by_script().get(script, "")


@functools.cache
def _letters_by_script() -> dict[str, str]:
    """:func:`letters` of every script at once: the code points are scanned in one pass
    (the checks ask for Latin and Cyrillic; each scan costs ~15 ms of every first check).
    A script is the first word of a letter's Unicode name."""
    ranges: dict[str, list[list[int]]] = {}
    for code in range(PLANES_SCANNED):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if not ch.isalpha():
            continue
        script = unicodedata.name(ch, "").partition(" ")[0]
        found = ranges.setdefault(script, [])
        if found and found[-1][1] == code - 1:
            found[-1][1] = code
        else:
            found.append([code, code])
    return {
        script: "".join(
            re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
            for a, b in found
        )
        for script, found in ranges.items()
    }


@functools.cache
def has_letter(script: str) -> re.Pattern[str]:
    """A pattern that finds a letter of ``script``."""
    return re.compile(f"[{letters(script)}]")


_ANY_LETTER = re.compile(r"[^\W\d_]")
#: a word of two letters or more with a lower-case letter: something a translator translates
#: (acronyms and identifiers such as URL, GNOME, UTF-8 may stay as they are)
_PROSE_WORD = re.compile(r"(?=[^\W\d_]*[^\W\d_A-Z])[^\W\d_]{2,}")


def _without_placeholders(text: str, kind: str | None) -> str:
    if kind is None:
        return text
    spans = list(placeholder_spans(text, kind))
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def untranslated_reason(msgid: str, msgstr: str, lang: str, kind: str | None = None) -> str | None:
    """Why a non-empty ``msgstr`` is no translation of ``msgid`` into ``lang``, or None: it
    repeats the source (where the target is written in another script than English), or it
    has letters but none of the target's script. Placeholders of the entry's format ``kind``
    (``%(name)s``) are no letters.

    >>> untranslated_reason("Serikzhan Bilash", "Serikzhan Bilash", "kk")
    'the translation is the source text'
    >>> untranslated_reason("Open the file", "Open the file (файл)", "ru") is None
    True
    >>> untranslated_reason("URL", "URL", "ru") is None
    True
    """
    script = LANGUAGE_SCRIPTS.get(lang)
    if script is None or not _PROSE_WORD.search(_without_placeholders(msgid, kind)):
        return None
    if msgstr == msgid and script != "LATIN":
        return "the translation is the source text"
    text = _without_placeholders(msgstr, kind)
    if _ANY_LETTER.search(text) and not has_letter(script).search(text):
        return f"the translation has no {script.title()} letter ({lang} is written in it)"
    return None


def untranslated_of(unit: Unit) -> str | None:
    """:func:`untranslated_reason` of a translated entry, worked out once per entry."""
    memo = unit.memo
    if "untranslated" not in memo:
        entry = unit.entry
        memo["untranslated"] = untranslated_reason(
            entry.msgid, unit.target, unit.lang, format_of(entry.flags)
        )
    return memo["untranslated"]
