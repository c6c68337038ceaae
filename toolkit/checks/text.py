"""Checks on the translated text itself: completeness, fuzziness, scripts, numbers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.amounts import (
    Number,
    numbers_as_written,
    numbers_in,
    unpaired,
    without_spelled_out,
)
from toolkit.checks.base import Check, Problem, Unit
from toolkit.checks.placeholders import format_of, placeholder_spans
from toolkit.checks.registry import register
from toolkit.checks.scripts import has_letter, letters, script_of, untranslated_of

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@functools.cache
def _script_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a Cyrillic letter, a Latin letter, a Latin word declined with a Cyrillic ending),
    from Unicode data (:mod:`.scripts`), built on first use."""
    cyrillic, latin = letters("CYRILLIC"), letters("LATIN")
    #: Russian declines a word written in Latin letters with an apostrophe before the
    #: Cyrillic ending (e-mail'ом, Windows'а: the rule on the apostrophe in Lopatin (ed.),
    #: «Правила русской орфографии и пунктуации. Полный академический справочник», 2006):
    #: two words, not a mix
    declined = re.compile(f"^[{latin}]+['’][{cyrillic}]+$")
    return has_letter("CYRILLIC"), has_letter("LATIN"), declined


#: a backslash escape of a program's string syntax (\\r, \\n, NSIS's $\\r): not a letter
_ESCAPE = re.compile(r"\\[A-Za-z]")


def _mixed_words(text: str, kind: str | None = None) -> Iterator[re.Match[str]]:
    """Words with both Cyrillic and Latin letters (most texts have one script: no word scan).
    Placeholders of the entry's format ``kind`` (%dd is %d then д) and backslash escapes are
    not letters of a word; they are blanked out first, keeping every offset."""
    has_cyrillic, has_latin, declined_latin = _script_patterns()
    if not (has_cyrillic.search(text) and has_latin.search(text)):
        return
    blanks = [m.span() for m in _ESCAPE.finditer(text)]
    if kind is not None:
        blanks.extend(placeholder_spans(text, kind))
    if blanks:
        chars = list(text)
        for start, end in blanks:
            chars[start:end] = " " * (end - start)
        text = "".join(chars)
    for word in _WORD.finditer(text):
        found = word.group()
        mixed = has_cyrillic.search(found) and has_latin.search(found)
        if mixed and not declined_latin.match(found):
            yield word


@register
class Untranslated(Check):
    id = "untranslated"
    name = "Untranslated"
    description = (
        "The entry has no translation, or its translation is none: the msgstr repeats the "
        "msgid (kk, ru), or has letters but none of the target language's script. The term "
        "checks skip such an entry."
    )
    needs_translation = False

    def problems(self, unit: Unit) -> Iterator[Problem]:
        if not unit.entry.translated:
            yield Problem("not translated yet")
            return
        reason = untranslated_of(unit)
        if reason is not None:
            yield Problem(reason)


@register
class Fuzzy(Check):
    id = "fuzzy"
    name = "Fuzzy"
    description = "The translation is marked fuzzy: a draft or a changed source awaiting review."
    severity = "warning"
    needs_translation = False
    only_fuzzy = True

    def problems(self, unit: Unit) -> Iterator[Problem]:
        if unit.entry.fuzzy:
            yield Problem("marked fuzzy: review the translation and remove the flag")


@register
class ScriptMix(Check):
    id = "script_mix"
    name = "Mixed scripts in a word"
    description = (
        "A word mixes Latin and Cyrillic letters (a Latin i typed for Kazakh і, a Latin ə for "
        "Kazakh ә, a Cyrillic а in a Latin word): it looks right and matches nothing. The "
        "script of a letter comes from its Unicode name."
    )

    def problems(self, unit: Unit) -> Iterator[Problem]:
        for word in _mixed_words(unit.target, format_of(unit.entry.flags)):
            text = word.group()
            yield Problem(
                f"«{_clipped_word(text)}» mixes Latin and Cyrillic letters "
                f"({_minority_letters(text)})",
                suggestion=_fixed(text, unit.lang),
                start=word.start(),
                end=word.end(),
            )


#: letters of a word a message shows (a "word" may be thousands of letters without a space)
WORD_SHOWN = 60


def _clipped_word(word: str) -> str:
    if len(word) <= WORD_SHOWN:
        return word
    half = WORD_SHOWN // 2
    return f"{word[:half]}…{word[-half:]}"


def _minority_letters(word: str) -> str:
    by_script: dict[str, list[str]] = {}
    for ch in word:
        script = script_of(ch)
        if script:
            by_script.setdefault(script, []).append(ch)
    minority = min(by_script, key=lambda s: len(by_script[s]))
    return f"{minority}: {_clipped_word(''.join(by_script[minority]))}"


#: Latin letters that look like Cyrillic ones (for the suggestion in Cyrillic text).
_LATIN_TO_CYRILLIC = str.maketrans("aceopxyiəAEOPCXHKMTBƏ", "асеорхуіәАЕОРСХНКМТВӘ")
_CYRILLIC_TO_LATIN = str.maketrans("асеорхуіАЕОРСХНКМТВ", "aceopxyıAEOPCXHKMTB")


def _fixed(word: str, lang: str) -> str | None:
    table = _CYRILLIC_TO_LATIN if lang in ("en", "kk-Latn") else _LATIN_TO_CYRILLIC
    fixed = word.translate(table)
    scripts = {script_of(ch) for ch in fixed} - {None}
    return fixed if len(scripts) == 1 else None


@register
class NumberMismatch(Check):
    id = "number_mismatch"
    name = "Numbers differ"
    description = (
        "Numbers and amounts in the source and the translation differ, read as values with "
        "each language's separators (252,000 = 252 000 = 252 тыс.; 9.4 = 9,4; $670 = 670 "
        "долларов; 2 million = 2 млн). Versions, identifiers and lists (TLS 1.2, 802.1X, "
        "[8,63]) may also be left as written; positional arguments (%2$s) are no numbers."
    )

    def problems(self, unit: Unit) -> Iterator[Problem]:
        if unit.entry.msgid in TRANSLATOR_CREDITS or unit.entry.msgctxt in TRANSLATOR_CREDITS:
            return  # the translators' names and addresses, not a translation of the source
        if numbers_as_written(unit.source) == numbers_as_written(unit.target):
            return  # every number left as written (the common case): all pair, none read
        source = numbers_in(unit.source, "en")
        target = numbers_in(unit.target, unit.lang)
        if unit.entry.msgid_plural:  # each form repeats the numbers: compare which occur
            source, target = _distinct(source), _distinct(target)
        missing, extra = unpaired(source, target)
        missing = without_spelled_out(missing, unit.target, unit.lang)
        extra = without_spelled_out(extra, unit.source, "en")
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"not in the translation: {_listed(missing)}")
            if extra:
                parts.append(f"not in the source: {_listed(extra)}")
            first = extra[0] if extra else None
            yield Problem(
                "numbers differ; " + "; ".join(parts),
                start=first.start if first else None,
                end=first.end if first else None,
            )


#: msgid (GNOME, gettext) or msgctxt (KDE) of the entries that list the translators
TRANSLATOR_CREDITS = frozenset(
    {"translator-credits", "translator_credits", "NAME OF TRANSLATORS", "EMAIL OF TRANSLATORS"}
)


def _distinct(numbers: tuple[Number, ...]) -> tuple[Number, ...]:
    """The first of the numbers written alike."""
    seen: dict[tuple[str, int], Number] = {}
    for number in numbers:
        seen.setdefault(number.as_written, number)
    return tuple(seen.values())


#: numbers a message lists before it says how many more there are
LISTED_MAX = 10


def _listed(numbers: list[Number]) -> str:
    shown = ", ".join(n.shown for n in numbers[:LISTED_MAX])
    more = len(numbers) - LISTED_MAX
    return f"{shown} and {more} more" if more > 0 else shown
