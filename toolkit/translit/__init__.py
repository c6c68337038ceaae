"""Transliteration (placeholder interface, replaced by the scheme engine of the translit issue).

Only the letter table of the 2021 Kazakh Latin alphabet for native Kazakh letters is here, so
the glossary can derive and check kk-Latn terms.
"""

from __future__ import annotations

_KK_2021 = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ",
    "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü",
    "ф": "f", "х": "h", "һ": "h", "ш": "ş", "ы": "y", "і": "ı",
}  # fmt: skip


def _convert(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        latin = _KK_2021.get(low)
        if latin is None:
            out.append(ch)
        elif ch != low:
            out.append({"i": "İ", "ı": "I"}.get(latin, latin.upper()))
        else:
            out.append(latin)
    return "".join(out)


def transliterate(text: str, scheme: str = "kk-latn-2021") -> str:
    """Transliterate ``text`` by ``scheme`` (only kk-latn-2021 in this placeholder)."""
    if scheme != "kk-latn-2021":
        raise NotImplementedError(scheme)
    return _convert(text)


def schemes_fingerprint() -> str:
    """A string that changes whenever any scheme's data changes (part of cache keys)."""
    return "placeholder-1"
