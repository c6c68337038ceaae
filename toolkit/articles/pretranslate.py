"""Pre-fill entries that need no translator: names, datelines, numbers and dates; with a
translation memory, also sentences the project has translated before.

A segment qualifies when every word in it belongs to a glossary term, a number or a date.
Terms become the preferred term of the target language (in the nominative: a person still
checks the sentence), numbers are written by CLDR for the locale (252,000 → 252 000), dates
too ("February 13, 2019" → «13 февраля 2019 г.»). Pre-filled entries are marked fuzzy.

>>> format_english_date("February 13, 2019", "ru").replace("\u202f", " ")  # CLDR: narrow nbsp
'13 февраля 2019 г.'
>>> format_english_date("13 February 2019", "kk").replace("\u202f", " ")
'2019 ж. 13 ақпан'
>>> format_english_date("31 April 2020", "ru") is None
True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from toolkit.articles.pipeline import Project
from toolkit.catalog import rewrite_translations
from toolkit.checks.base import Check, Resources
from toolkit.glossary.model import Glossary
from toolkit.matching.forms import load_matcher
from toolkit.tm.glossary_check import text_checks
from toolkit.tm.matching import lookup
from toolkit.tm.memory import Memory, project_checks

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_LEFTOVER = re.compile(r"[^\W\d_]")


@cache
def _months() -> dict[str, int]:
    from babel import Locale

    names = Locale.parse("en").months["format"]["wide"]
    return {name.lower(): number for number, name in names.items()}


@cache
def _date_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(_months(), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<m1>{months})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{months})\s+(?P<y2>\d{{4}}))\b",
        re.IGNORECASE,
    )


def format_english_date(text: str, locale: str) -> str | None:
    """An English date ("February 13, 2019" / "13 February 2019") in CLDR's long format."""
    from babel.dates import format_date

    match = _date_pattern().fullmatch(text.strip())
    if not match:
        return None
    month = _months()[(match["m1"] or match["m2"]).lower()]
    day, year = int(match["d1"] or match["d2"]), int(match["y1"] or match["y2"])
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None  # 31 April: not a date; the translator sees the source as it is
    return format_date(date, "long", locale=locale)


def prefill(text: str, locale: str, glossary: Glossary, matcher) -> str | None:
    """The pre-translation of ``text``, or None when it needs a translator."""
    from babel.numbers import format_decimal

    pieces: list[tuple[int, int, str]] = []
    for match in _date_pattern().finditer(text):
        date = format_english_date(match.group(), locale)
        if date is None:
            return None
        pieces.append((match.start(), match.end(), date))
    for match in matcher.find(text):
        if any(s < match.end and match.start < e for s, e, _ in pieces):
            continue
        term = glossary[match.concept].preferred_text(locale)
        if not term:
            return None
        if match.text.isupper() and len(match.text) > 1:
            term = term.upper()
        pieces.append((match.start, match.end, term))
    for match in _NUMBER.finditer(text):
        if any(s < match.end() and match.start() < e for s, e, _ in pieces):
            continue
        value = float(match.group().replace(",", ""))
        number = int(value) if value.is_integer() else value
        pieces.append((match.start(), match.end(), format_decimal(number, locale=locale)))
    pieces.sort()
    out, position = [], 0
    for start, end, replacement in pieces:
        gap = text[position:start]
        if _LEFTOVER.search(gap):
            return None  # a word that is no name, number or date: a translator's job
        out.append(gap)
        out.append(replacement)
        position = end
    if _LEFTOVER.search(text[position:]) or not pieces:
        return None
    out.append(text[position:])
    return "".join(out)


def pretranslate(
    project: Project,
    glossary: Glossary,
    locales: Iterable[str],
    use_cache: bool = True,
    memory: Memory | None = None,
) -> list[tuple[Path, int]]:
    """Pre-fill the empty entries of every catalogue of ``locales``; returns (file, count).

    With a translation ``memory``, an entry that needs a translator gets the memory's best
    suggestion (:func:`memory_translation`)."""

    matcher = load_matcher(glossary, "en", use_cache=use_cache)
    resources = Resources(glossary, use_cache=use_cache)
    checks = text_checks(project_checks(project)) if memory is not None else []
    done = []
    for locale in locales:

        def prefilled(entry, locale=locale) -> tuple[str, bool] | Filled | None:
            if not entry.msgid or entry.msgstr:
                return None
            filled = prefill(entry.msgid, locale, glossary, matcher)
            if filled is not None:
                return (filled, True)
            if memory is None:
                return None
            return memory_translation(entry.msgid, locale, memory, resources, checks)

        for path in sorted((project.locales / locale / "LC_MESSAGES").glob("*.po")):
            # Filled under the file's lock, as the file is then: only its changed lines change.
            done.append((path, len(rewrite_translations(path, prefilled))))
    return done


#: a translation from the memory: msgstr, fuzzy, translator comment, previous msgid
Filled = tuple[str, bool, str, str | None]


def memory_translation(
    msgid: str, lang: str, memory: Memory, resources: Resources, checks: list[Check]
) -> Filled | None:
    """The memory's best suggestion for ``msgid`` as a fuzzy translation, or None.

    An exact match is filled with a translator comment naming its origin; a fuzzy match
    also gets its source as the previous msgid (``#|``), so that Poedit or Lokalize show
    what differs. The comment says what was carried over (numbers, names), what could not
    be, and what `toolkit check` would still reject.
    """
    found = lookup(memory, msgid, lang, resources, limit=1, checks=checks)
    if not found:
        return None
    best = found[0]
    kind = "exact match" if best.exact else f"{best.score:.0f}% match"
    notes = [f"translation memory: {kind} from {best.origin}"]
    if best.changes:
        notes.append("carried over: " + "; ".join(best.changes))
    if best.conformed:
        notes.append("deprecated terms replaced by the glossary's preferred terms")
    if best.unresolved:
        notes.append("differs, check by hand: " + "; ".join(best.unresolved))
    for problem in best.problems:
        notes.append("check would fail: " + problem)
    if best.unit.ignored:
        # the translator of the memory's entry kept something on purpose (a deprecated term
        # quoted as a word): the mark travels with the translation, for `check` and `conform`
        ignored = "" if best.unit.ignored == "*" else " " + best.unit.ignored.replace(",", ", ")
        notes.append(f"toolkit: ignore{ignored}")
    previous = None if best.exact else best.unit.source
    return (best.target, True, "\n".join(notes), previous)
