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

A script without case (Arabic) read back into Cyrillic gets the capitals a reader expects
at the start of each sentence from :class:`SentenceCapitals`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import chain

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


#: closing quotes and brackets that may stand between a sentence's end mark and the space
_CLOSERS = "»”’\"')]"


class SentenceCapitals:
    """Capitalise the first letter of each sentence: at the start of the text and of each
    line, and after one of ``ends`` (a closing quote or bracket may follow it) and a space.
    Opening quotes, brackets, dashes and Markdown marks before the letter are passed over;
    a digit there means the sentence starts with a number and nothing is changed, as is a
    letter not in ``letters`` (the lower-case letters the direction writes: a Latin word
    kept in Cyrillic text stays as it is).

    >>> capitals = SentenceCapitals(".!?", "абіз", Casing("default"))
    >>> capitals.apply("біз. «аз» 2 аз! — біз\\nаз, iз")
    'Біз. «Аз» 2 аз! — Біз\\nАз, iз'
    >>> capitals.apply("аз. біз", kept=[(4, 7)])  # a protected span (a URL) is left alone
    'Аз. біз'
    """

    def __init__(self, ends: str, letters: str, casing: Casing):
        self.ends = ends
        titles = {c: casing.title(c) for c in letters}
        #: lower-case letter → its capital (letters without a one-letter capital left out)
        self.capital = {c: t for c, t in titles.items() if len(t) == 1 and t != c}
        lower = f"[{re.escape(''.join(self.capital))}]"
        marks = re.escape(ends + "\n")
        # Each match begins with one character of a set (an end mark or a line end), so that
        # re skips at C speed to the next candidate: twice as fast as ^ (MULTILINE) or an
        # alternation. After an end mark and its closers, a space must follow; the text's
        # start is matched on its own. [^\w\n]* cannot pass a letter or a digit: a sentence
        # that starts with another one does not match at all.
        after = rf"(?:(?<=\n)|[{re.escape(_CLOSERS)}]*\s+)"
        self._first = re.compile(rf"\A([^\w\n]*)({lower})")
        self._starts = re.compile(rf"([{marks}]{after}[^\w\n]*)({lower})")

    def _capitalised(self, match: re.Match[str]) -> str:
        return match[1] + self.capital[match[2]]

    def apply(self, text: str, kept: Iterable[tuple[int, int]] = ()) -> str:
        """``text`` with its sentence starts capitalised, except inside the ``kept`` spans
        (sorted, non-overlapping (start, end) offsets of text that must stay as it is)."""
        kept_starts, kept_ends = [], []
        for start, end in kept:
            kept_starts.append(start)
            kept_ends.append(end)
        if not kept_starts:
            text = self._first.sub(self._capitalised, text, count=1)
            return self._starts.sub(self._capitalised, text)
        pieces, done = [], 0
        first = self._first.match(text)
        for match in chain((first,) if first else (), self._starts.finditer(text)):
            at = match.start(2)
            inside = bisect_right(kept_starts, at) - 1
            if inside < 0 or at >= kept_ends[inside]:
                pieces += [text[done:at], self.capital[text[at]]]
                done = at + 1
        return "".join(pieces) + text[done:] if pieces else text
