"""Numbers in running text: found as written, read as exact values the way each locale
writes them (decimal and group symbols from CLDR via Babel).

A number is a run of digits joined by points, commas or apostrophes (``252,000``, ``9,4``,
``2.0.1``, ``1'000``), or by spaces before groups of three (``252 000``, with a plain,
no-break or narrow no-break space). It is read in the locale of its text: ``9.4`` is 9.4 in
English and ``9,4`` is 9.4 in Russian; a run that is no number there (``2.0.1``, ``8,63`` in
English, ``1.2`` in Russian: versions, lists, identifiers) has no value and is compared as
written. Values are exact decimals: no number is too long or too large. Signs are not read
(a hyphen is as often a range or a dash). A scale word after a number multiplies it
(``2 млн``, ``252 тыс.``, ``1.5 million``; data/scale_words.yaml); the words of every
language are known in every text, so that a text reads the same in any locale.
Positional printf arguments (``%2$s``) and numbered format fields (``{0}``) are no numbers.

>>> [format(n.value, "f") for n in numbers_in("a fine of 252,000 tenges ($670)", "en")]
['252000', '670']
>>> [format(n.value, "f") for n in numbers_in("252 000 теңге (670 доллар)", "kk")]
['252000', '670']
>>> [format(n.value, "f") for n in numbers_in("штраф 252 тыс. тенге, около 2 млн", "ru")]
['252000', '2000000']
>>> [(n.written, n.value) for n in numbers_in("TLS 1.2, %2$s из %1$s", "ru")]
[('1.2', None)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from toolkit import cache as user_cache

#: spaces that group digits (ISO 31-0 / SI style, and the CLDR group symbol of ru and kk)
SPACES = " \u00a0\u202f\u2009"
#: symbols that join digit runs into one number as written
JOINERS = ".,'\u2019"
_DIGIT = re.compile(r"\d")
#: glossary language -> CLDR locale whose number symbols apply
LOCALES = {"en": "en", "kk": "kk", "kk-Latn": "kk", "ru": "ru"}
#: positional printf arguments (%2$s, %1$.2f) and numbered format fields ({0}, {1:>5}):
#: they name arguments, not amounts. The lengths are bounded so that a search stays linear.
_PLACEHOLDER = r"%\d{1,4}\$[-+ #0']{0,5}\d{0,5}(?:\.\d{0,5})?|\{\d{1,4}(?:[:!][^{}\n]{0,30})?\}"
_NUMBER = (
    # the first digit of a run (matched before the look-behind, so that the regex engine
    # can skip ahead to digits), then 252 000 (groups after spaces) or 2019
    rf"\d(?<!\d\d)(?:\d{{0,2}}(?:[{SPACES}]\d{{3}}(?!\d))+|\d*)"
    rf"(?:[{JOINERS}]\d+)*"  # ,000 .5 .0.1 '000
)
_SKIP = rf"(?P<skip>{_PLACEHOLDER})"
_SEPARATOR = re.compile(rf"[{SPACES}{JOINERS}]")
#: how much of a number and the word around it a message shows
SHOWN_MAX = 40
_AROUND = 20


class Number(NamedTuple):
    """A number of a text: as written, and as a value where it reads as one."""

    #: the digits and separators as written (``252,000``)
    written: str
    #: the power of ten of the scale word after it (``млн``: 6), 0 without one
    scale: int
    #: the exact value, scale applied; None for what is no number in the locale (2.0.1)
    value: Decimal | None
    start: int
    end: int
    #: a letter or underscore right before it: part of a name (IPv6, x86_64, FILE1, X2Go)
    attached: bool
    #: the text it is in (for :attr:`shown`)
    text: str

    def __repr__(self) -> str:
        return f"Number({self.written!r}, scale={self.scale}, value={self.value!r})"

    @property
    def as_written(self) -> tuple[str, int]:
        """What two texts share when the number is left as it is (scale word included)."""
        return (self.written, self.scale)

    @property
    def shown(self) -> str:
        """The number with the letters, digits and currency signs next to it (``$670``,
        ``IPv6``), at most SHOWN_MAX characters."""
        text, start, end = self.text, self.start, self.end
        left = start
        while left > 0 and start - left < _AROUND and _word_char(text[left - 1]):
            left -= 1
        right = end
        while right < len(text) and right - end < _AROUND and _word_char(text[right]):
            right += 1
        shown = text[left:right]
        if len(shown) > SHOWN_MAX:
            half = SHOWN_MAX // 2
            shown = f"{shown[:half]}…{shown[-half:]}"
        return shown


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch) == "Sc"


def _locale_data() -> tuple[dict[str, tuple[str, str]], dict]:
    """(CLDR locale -> (group symbol, decimal symbol), lang -> scale words), from Babel and
    data/scale_words.yaml; kept in the user cache (keyed by the YAML file and Babel's
    version), since importing Babel and YAML and loading CLDR data costs more than a check
    run on a small catalogue."""
    import hashlib
    import importlib.util

    words = (Path(__file__).parent / "data" / "scale_words.yaml").read_bytes()
    digest = hashlib.blake2b(words, digest_size=16)
    spec = importlib.util.find_spec("babel")
    if spec is not None and spec.origin:
        digest.update(Path(spec.origin).read_bytes())  # babel/__init__.py: its version
    cached = f"amounts-{digest.hexdigest()}.pickle"
    stored = user_cache.read_pickle(cached)
    if stored is not None:
        return stored
    import yaml
    from babel.numbers import get_decimal_symbol, get_group_symbol

    symbols = {
        locale: (get_group_symbol(locale), get_decimal_symbol(locale))
        for locale in sorted({*LOCALES.values(), "en"})
    }
    data = (symbols, yaml.safe_load(words.decode("utf-8")))
    user_cache.write_pickle(cached, data)  # skipped when the cache cannot be written
    return data


def _power_of_ten(factor: str) -> int:
    """The exponent of a scale factor of data/scale_words.yaml ("1000000" -> 6)."""
    if not re.fullmatch(r"10*", str(factor)):
        raise ValueError(f"scale_words.yaml: factor {factor!r} is not a power of ten")
    return len(str(factor)) - 1


@cache
def _finder() -> tuple[re.Pattern[str], dict[int, re.Pattern[str]]]:
    """(the pattern of numbers and of what is skipped, scale word pattern by exponent).

    A scale word after a number (after a space or a hyphen: 22-миллионного), of any
    language, is looked at without being consumed; its group ``scale`` holds it.
    """
    _, scale_words = _locale_data()
    by_exponent: dict[int, list[str]] = {}
    for words in scale_words.values():
        for factor, patterns in words.items():
            by_exponent.setdefault(_power_of_ten(factor), []).extend(patterns)
    scale = "|".join(p for patterns in by_exponent.values() for p in patterns)
    number = rf"(?P<number>{_NUMBER})(?:(?=[{SPACES}-]?(?P<scale>(?i:{scale}))(?!\w))|)"
    exponents = {
        exponent: re.compile(f"(?i:{'|'.join(patterns)})")
        for exponent, patterns in by_exponent.items()
    }
    found = re.compile(rf"{_SKIP}|{number}")
    # numbers_in reads the groups by number (faster than by name)
    assert found.groupindex == {"skip": 1, "number": 2, "scale": 3}
    return found, exponents


@lru_cache(maxsize=1024)  # scale words repeat: млн, million, тыс.
def _exponent(word: str) -> int:
    """The power of ten of a scale word."""
    _, exponents = _finder()
    for exponent, pattern in exponents.items():
        if pattern.fullmatch(word):
            return exponent
    raise ValueError(f"{word!r} is no scale word")  # _finder found it: cannot happen


@cache
def number_symbols(lang: str) -> tuple[str, str]:
    """(group symbols, decimal symbol) with which numbers of ``lang`` are read: the CLDR
    group symbol, spaces and apostrophes; the CLDR decimal symbol.

    >>> number_symbols("ru")[1], number_symbols("en")[1]
    (',', '.')
    """
    symbols, _ = _locale_data()
    group, decimal = symbols[LOCALES.get(lang, "en")]
    return group + SPACES + "'\u2019", decimal


@lru_cache(maxsize=8192)  # numbers repeat (years, 1,000, 2 млн): each read once
def _value(written: str, lang: str, scale: int) -> Decimal | None:
    return read_value(written, lang, scale)


def read_value(written: str, lang: str, scale: int = 0) -> Decimal | None:
    """The exact value of the number ``written`` in ``lang``, times 10**``scale``; None when
    it is no number there: more than one decimal symbol, groups not of three digits, a
    symbol the locale does not use.

    >>> read_value("9,4", "ru"), read_value("9.4", "en"), read_value("9.4", "ru")
    (Decimal('9.4'), Decimal('9.4'), None)
    >>> read_value("252 000", "en"), read_value("8,63", "en"), read_value("1,5", "ru", 6)
    (Decimal('252000'), None, Decimal('1.5E+6'))
    """
    if written.isdigit():
        return Decimal(f"{written}E{scale}") if scale else Decimal(written)
    groups, decimal = number_symbols(lang)
    runs = _SEPARATOR.split(written)
    separators = _SEPARATOR.findall(written)
    fraction = ""
    if separators and separators[-1] == decimal:
        fraction = runs.pop()
        separators.pop()
    if separators:
        if any(s not in groups or s == decimal for s in separators):
            return None
        if len(runs[0]) > 3 or any(len(run) != 3 for run in runs[1:]):
            return None
    # the string constructor is exact whatever the length: no float, no int() digit limit
    return Decimal(f"{''.join(runs)}{fraction}E{scale - len(fraction)}")


#: a number as the finder sees it, before it is read: (written, scale, start, end, attached)
_Found = tuple[str, int, int, int, bool]


@lru_cache(maxsize=4096)  # the same source sentence is checked once per language
def _found_in(text: str) -> tuple[_Found, ...]:
    """The numbers of ``text`` as written, in order (one scan, for every language)."""
    if not _DIGIT.search(text):
        return ()
    finder, _ = _finder()
    found = []
    for match in finder.finditer(text):
        written, word = match.group(2, 3)  # the groups "number" and "scale"
        if written is None:
            continue  # a placeholder
        start, end = match.span(2)
        attached = start > 0 and (text[start - 1].isalpha() or text[start - 1] == "_")
        found.append((written, _exponent(word) if word else 0, start, end, attached))
    return tuple(found)


@lru_cache(maxsize=4096)  # the same source sentence is checked once per language
def numbers_in(text: str, lang: str) -> tuple[Number, ...]:
    """The numbers of ``text``, read in ``lang``, in order of appearance."""
    new_number = tuple.__new__  # Number(...) goes through a Python-level __new__
    return tuple(
        new_number(Number, (written, scale, _value(written, lang, scale), start, end,
                            attached, text))
        for written, scale, start, end, attached in _found_in(text)
    )  # fmt: skip


def numbers_as_written(text: str) -> list[tuple[str, int]]:
    """The :attr:`Number.as_written` of the numbers of ``text``, sorted: what two texts
    share when every number is left as written (the same in every language: nothing is
    read). ``numbers_in`` of the same text then scans it no more.

    >>> numbers_as_written("2 million, 252,000 and 2019")
    [('2', 6), ('2019', 0), ('252,000', 0)]
    """
    return sorted([(written, scale) for written, scale, _, _, _ in _found_in(text)])


def unpaired(
    source: Iterable[Number], target: Iterable[Number]
) -> tuple[list[Number], list[Number]]:
    """The numbers of ``source`` with no counterpart in ``target``, and those of ``target``
    with none in ``source``, each in order. A number pairs with one written the same way
    (``TLS 1.2``, ``802.1X``, ``[8,63]`` left as they are), else with one of the same
    value (``252,000`` and ``252 000``, ``9.4`` and ``9,4``, ``2 million`` and ``2 млн``);
    each number of one side pairs with one of the other. Numbers that are part of a name
    (``IPv6``, ``FILE1``: :attr:`Number.attached`) need only occur on the other side, as
    often as a translation names them; each is listed once. Linear in the count of numbers.

    >>> missing, extra = unpaired(numbers_in("252,000 ($670)", "en"), numbers_in("25 200", "ru"))
    >>> [n.shown for n in missing], [n.shown for n in extra]
    (['252,000', '$670'], ['25 200'])
    >>> unpaired(numbers_in("FILE1 or FILE2; FILE1", "en"), numbers_in("ФАЙЛ1 и ФАЙЛ2", "ru"))
    ([], [])
    """
    source, target = list(source), list(target)
    if sorted(n.as_written for n in source) == sorted(n.as_written for n in target):
        return [], []  # every number left as written: the common case, decided fast
    amounts_source, amounts_target = _pair_off(
        [n for n in source if not n.attached], [n for n in target if not n.attached]
    )
    names_source = _keys([n for n in source if n.attached])
    names_target = _keys([n for n in target if n.attached])
    missing = _lacking_names(source, _keys(target)) + [
        n for n in amounts_source if not _known(n, names_target)
    ]
    extra = _lacking_names(target, _keys(source)) + [
        n for n in amounts_target if not _known(n, names_source)
    ]
    return sorted(missing, key=_place), sorted(extra, key=_place)


@cache
def _number_words(lang: str) -> dict[int, re.Pattern[str]]:
    """Value -> a word for it at a word start, from data/number_words.yaml."""
    import yaml  # only a catalogue with a number in digits on one side only needs it

    data = (Path(__file__).parent / "data" / "number_words.yaml").read_text(encoding="utf-8")
    words = yaml.safe_load(data).get(lang, {})
    return {
        int(value): re.compile(rf"(?<!\w)(?i:{'|'.join(stems)})") for value, stems in words.items()
    }


def without_spelled_out(numbers: list[Number], text: str, lang: str) -> list[Number]:
    """``numbers`` less the small whole numbers (0 to 10, no scale word, not part of a
    name) that ``text`` writes as a word (data/number_words.yaml). Each value is looked
    for in ``text`` once.

    >>> [n.shown for n in without_spelled_out(numbers_in("2-byte, 1st, 17", "en"),
    ...                                         "двухбайтовая, первой, 17", "ru")]
    ['17']
    """
    words = _number_words(lang)
    found: dict[int, bool] = {}
    kept = []
    for number in numbers:
        value = number.value
        small = (
            int(value) if value is not None and 0 <= value <= 10 and value == int(value) else None
        )
        if small is None or number.attached or number.scale:
            kept.append(number)
            continue
        if small not in found:
            pattern = words.get(small)
            found[small] = pattern is not None and pattern.search(text) is not None
        if not found[small]:
            kept.append(number)
    return kept


def _place(number: Number) -> int:
    return number.start


def _pair_off(a: list[Number], b: list[Number]) -> tuple[list[Number], list[Number]]:
    """``a`` and ``b`` less the numbers that pair with one of the other side: written the
    same way, else of the same value."""
    a, b = _pair_by(a, b, lambda n: n.as_written)
    valued_a = [n for n in a if n.value is not None]
    valued_b = [n for n in b if n.value is not None]
    left_a, left_b = _pair_by(valued_a, valued_b, lambda n: n.value)
    still = {id(n) for n in (*left_a, *left_b)}
    return (
        [n for n in a if n.value is None or id(n) in still],
        [n for n in b if n.value is None or id(n) in still],
    )


def _keys(numbers: list[Number]) -> set[Hashable]:
    """What the numbers of a text are known by: as written, and by value."""
    keys: set[Hashable] = {n.as_written for n in numbers}
    keys.update(n.value for n in numbers if n.value is not None)
    return keys


def _known(number: Number, keys: set[Hashable]) -> bool:
    return number.as_written in keys or (number.value is not None and number.value in keys)


def _lacking_names(numbers: list[Number], other_keys: set[Hashable]) -> list[Number]:
    """The numbers in names that the other text lacks, each written form once."""
    seen: set[tuple[str, int]] = set()
    lacking = []
    for n in numbers:
        if n.attached and n.as_written not in seen and not _known(n, other_keys):
            seen.add(n.as_written)
            lacking.append(n)
    return lacking


def _pair_by(
    a: list[Number], b: list[Number], key: Callable[[Number], Hashable]
) -> tuple[list[Number], list[Number]]:
    """``a`` and ``b`` less the items that pair with an item of the other of the same key."""
    unpaired_a: dict[Hashable, int] = {}  # key -> items of a not yet paired
    for item in a:
        k = key(item)
        unpaired_a[k] = unpaired_a.get(k, 0) + 1
    shared: dict[Hashable, int] = {}  # key -> pairs
    for item in b:
        k = key(item)
        left = unpaired_a.get(k, 0)
        if left:
            unpaired_a[k] = left - 1
            shared[k] = shared.get(k, 0) + 1
    if not shared:
        return list(a), list(b)
    return _drop(a, dict(shared), key), _drop(b, shared, key)


def _drop(
    items: list[Number], counts: dict[Hashable, int], key: Callable[[Number], Hashable]
) -> list[Number]:
    """``items`` less the first ``counts[k]`` of each key ``k``."""
    left = []
    for item in items:
        k = key(item)
        count = counts.get(k, 0)
        if count > 0:
            counts[k] = count - 1
        else:
            left.append(item)
    return left
