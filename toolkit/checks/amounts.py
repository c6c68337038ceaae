"""Numbers in running text, read the way each locale writes them (separators from CLDR).

>>> numbers_in("a fine of 252,000 tenges ($670)", "en")
(252000.0, 670.0)
>>> numbers_in("252 000 теңге (670 доллар)", "kk")
(252000.0, 670.0)
>>> numbers_in("штраф 252 тыс. тенге, около 2 млн человек", "ru")
(252000.0, 2000000.0)
>>> numbers_in("1,5 млн", "ru"), numbers_in("1.5 million", "en")
((1500000.0,), (1500000.0,))
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from toolkit import cache as user_cache

SPACES = " \u00a0\u202f\u2009"
_DIGIT = re.compile(r"\d")
#: glossary language -> CLDR locale whose number symbols apply
LOCALES = {"en": "en", "kk": "kk", "kk-Latn": "kk", "ru": "ru"}


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


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], str]:
    """(number with the scale word after it, group separators, decimal symbol) for ``lang``.

    A number: digits not preceded by a letter, digit, point or comma, grouped by the
    locale's group symbol (or a space) and with its decimal part. The scale word after it
    (a space or hyphen, then a word of data/scale_words.yaml, case-insensitive) is looked
    at without being consumed, so the next number is searched right after the digits;
    its named group ``s<factor>`` tells the factor. The digit comes before the look-behind
    so that the regex engine can skip to digits.
    """
    symbols, scale_words = _locale_data()
    group, decimal = symbols[LOCALES.get(lang, "en")]
    groups = f"(?:{re.escape(group)}|[{SPACES}])" if group in SPACES else re.escape(group)
    fraction = rf"(?:{re.escape(decimal)}\d+)?"
    first = r"\d(?<![\w.,]\d)"  # a digit not preceded by [\w.,]
    number = rf"({first}\d{{0,2}}(?:{groups}\d{{3}})+{fraction}|{first}\d*{fraction})(?!\d)"
    alternatives = [
        f"(?P<s{factor}>{'|'.join(words)})" for factor, words in scale_words.get(lang, {}).items()
    ]
    if alternatives:
        number += rf"(?:(?=(?i:[{SPACES}-]?(?:{'|'.join(alternatives)})(?!\w)))|)"
    separators = re.compile(f"[{SPACES}]|{re.escape(group)}")
    return re.compile(number), separators, decimal


@lru_cache(maxsize=4096)  # the same source sentence is checked once per language
def numbers_in(text: str, lang: str) -> tuple[float, ...]:
    """The numbers of ``text`` as values, scale words applied, in order of appearance."""
    if not _DIGIT.search(text):
        return ()
    number, separators, decimal = _patterns(lang)
    values = []
    for match in number.finditer(text):
        raw = match.group(1)
        if raw.isdigit():
            value = float(raw)
        else:
            raw = separators.sub("", raw).replace(decimal, ".")
            # ASCII digits and one point: float() rounds the decimal exactly as Decimal does
            value = float(raw) if raw.isascii() else float(Decimal(raw))
        scale = match.lastgroup
        if scale is not None:
            value *= int(scale[1:])  # the scale word's group is named s<factor>
        values.append(value)
    return tuple(values)
