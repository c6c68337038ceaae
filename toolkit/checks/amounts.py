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

SPACES = " \u00a0\u202f\u2009"
_DIGIT = re.compile(r"\d")
#: glossary language -> CLDR locale whose number symbols apply
LOCALES = {"en": "en", "kk": "kk", "kk-Latn": "kk", "ru": "ru"}


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str], str]:
    """(number, scale word, group separators, decimal symbol) for ``lang``."""
    import yaml
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = LOCALES.get(lang, "en")
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    groups = f"(?:{re.escape(group)}|[{SPACES}])" if group in SPACES else re.escape(group)
    fraction = rf"(?:{re.escape(decimal)}\d+)?"
    number = re.compile(
        rf"(?<![\w.,])(?:\d{{1,3}}(?:{groups}\d{{3}})+{fraction}|\d+{fraction})(?!\d)"
    )
    scales = yaml.safe_load(
        (Path(__file__).parent / "data" / "scale_words.yaml").read_text("utf-8")
    )
    alternatives = [
        f"(?P<s{factor}>{'|'.join(words)})" for factor, words in scales.get(lang, {}).items()
    ]
    scale = (
        re.compile(rf"[{SPACES}-]?(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)
        if alternatives
        else None
    )
    separators = re.compile(f"[{SPACES}]|{re.escape(group)}")
    return number, scale, separators, decimal


@lru_cache(maxsize=4096)  # the same source sentence is checked once per language
def numbers_in(text: str, lang: str) -> tuple[float, ...]:
    """The numbers of ``text`` as values, scale words applied, in order of appearance."""
    if not _DIGIT.search(text):
        return ()
    number, scale, separators, decimal = _patterns(lang)
    values = []
    for match in number.finditer(text):
        raw = match.group()
        if raw.isdigit():
            value = float(raw)
        else:
            raw = separators.sub("", raw).replace(decimal, ".")
            value = float(Decimal(raw))
        word = scale.match(text, match.end()) if scale else None
        if word:
            value *= int(word.lastgroup[1:])  # the scale word's group is named s<factor>
        values.append(value)
    return tuple(values)
