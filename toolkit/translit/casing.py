"""Case mapping that knows the Kazakh (Turkic) dotted and dotless I.

In the 2021 Kazakh Latin alphabet ``i`` (for и, й) has the capital ``İ`` and ``ı`` (for і)
has the capital ``I``. Python's ``str.upper``/``str.lower`` pair ``i`` with ``I`` and turn
``İ`` into two code points, so every case change of Kazakh Latin text goes through here.

>>> kk_upper("Jıbek joly, Ilıias")
'JIBEK JOLY, ILIİAS'
>>> kk_lower("İLE, ISKER")
'ile, ısker'
>>> kk_title("ıstanbul")
'Istanbul'
"""

from __future__ import annotations

_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_LOWER = str.maketrans({"İ": "i", "I": "ı"})


def kk_upper(text: str) -> str:
    """Upper-case ``text`` with i → İ and ı → I."""
    return text.translate(_UPPER).upper()


def kk_lower(text: str) -> str:
    """Lower-case ``text`` with İ → i and I → ı."""
    return text.translate(_LOWER).lower()


def kk_title(text: str) -> str:
    """Upper-case the first character only (Kazakh-aware); the rest is kept as it is."""
    return kk_upper(text[:1]) + text[1:]


def default_upper(text: str) -> str:
    """Plain Unicode upper case (for scripts without the Turkic I)."""
    return text.upper()


def default_lower(text: str) -> str:
    """Plain Unicode lower case (for scripts without the Turkic I)."""
    return text.lower()


def default_title(text: str) -> str:
    """Upper-case the first character only; the rest is kept as it is."""
    return text[:1].upper() + text[1:]


class Casing:
    """The three case functions of one alphabet: ``"turkic"`` or ``"default"``."""

    __slots__ = ("lower", "name", "title", "upper")

    def __init__(self, name: str):
        if name == "turkic":
            self.upper, self.lower, self.title = kk_upper, kk_lower, kk_title
        elif name == "default":
            self.upper, self.lower, self.title = default_upper, default_lower, default_title
        else:
            raise ValueError(f"unknown casing {name!r} (known: turkic, default)")
        self.name = name
