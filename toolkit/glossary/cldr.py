"""Names CLDR knows (territories, currencies, languages), read through Babel.

The glossary never hand-writes what CLDR has: a concept with ``cldr: {territory: KZ}`` must use
CLDR's names as its preferred en, kk and ru terms, or explain why not (``cldr_override``).

>>> cldr_name("territory", "KZ", "ru")
'Казахстан'
>>> cldr_name("currency", "KZT", "kk")
'Қазақстан теңгесі'
>>> cldr_name("territory", "XX", "en") is None
True
"""

from __future__ import annotations

from functools import cache

from toolkit.glossary.model import CLDR_KINDS

#: Glossary languages that have a CLDR locale of their own (kk-Latn has no display names).
CLDR_LANGUAGES: tuple[str, ...] = ("en", "kk", "ru")


@cache
def _locale(lang: str):  # -> babel.Locale (imported lazily: Babel's data is large)
    from babel import Locale

    return Locale.parse(lang)


def cldr_name(kind: str, code: str, lang: str) -> str | None:
    """CLDR's display name of a territory, currency or language code in ``lang``, or None."""
    names = getattr(_locale(lang), CLDR_KINDS[kind])
    return names.get(code)
