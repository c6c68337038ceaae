"""Numbers in running text, read the way each locale writes them (separators from CLDR).

>>> numbers_in("a fine of 252,000 tenges ($670)", "en")
[252000.0, 670.0]
>>> numbers_in("252 000 теңге (670 доллар)", "kk")
[252000.0, 670.0]
>>> numbers_in("штраф 252 тыс. тенге, около 2 млн человек", "ru")
[252000.0, 2000000.0]
>>> numbers_in("1,5 млн", "ru"), numbers_in("1.5 million", "en")
([1500000.0], [1500000.0])
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path

SPACES = " \u00a0\u202f\u2009"
#: glossary language -> CLDR locale whose number symbols apply
LOCALES = {"en": "en", "kk": "kk", "kk-Latn": "kk", "ru": "ru"}


@cache
def _pattern(lang: str) -> tuple[re.Pattern[str], str, str]:
    import yaml
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = LOCALES.get(lang, "en")
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    groups = f"(?:{re.escape(group)}|[{SPACES}])" if group in SPACES else re.escape(group)
    fraction = rf"(?:{re.escape(decimal)}\d+)?"
    number = rf"\d{{1,3}}(?:{groups}\d{{3}})+{fraction}|\d+{fraction}"
    scales = yaml.safe_load(
        (Path(__file__).parent / "data" / "scale_words.yaml").read_text("utf-8")
    )
    alternatives = [
        f"(?P<s{factor}>{'|'.join(words)})" for factor, words in scales.get(lang, {}).items()
    ]
    scale = rf"(?:[{SPACES}-]?(?:{'|'.join(alternatives)})(?!\w))?" if alternatives else ""
    regex = re.compile(rf"(?<![\w.,])(?P<n>{number})(?!\d){scale}", re.IGNORECASE)
    return regex, group, decimal


def numbers_in(text: str, lang: str) -> list[float]:
    """The numbers of ``text`` as values, scale words applied, in order of appearance."""
    regex, group, decimal = _pattern(lang)
    values = []
    for match in regex.finditer(text):
        raw = match.group("n")
        digits = re.sub(f"[{SPACES}]|{re.escape(group)}", "", raw).replace(decimal, ".")
        value = Decimal(digits)
        for name, found in match.groupdict().items():
            if name.startswith("s") and found:
                value *= int(name[1:])
        values.append(float(value))
    return values
