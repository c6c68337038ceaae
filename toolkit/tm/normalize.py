"""The keys a memory compares texts by.

Three keys, from strict to loose:

- :func:`exact_key`: whitespace collapsed and inline placeholders unnumbered. Two sources with
  the same exact key are the same segment (``<a1>law</a1>`` in one article, ``<a2>law</a2>``
  in another).
- :func:`fuzzy_key`: the exact key case-folded: what edit similarity is computed on.
- :func:`shape_key`: the fuzzy key with every number written as ``0``. Units that differ
  only in their numbers share a shape, so the index holds one entry for a boilerplate
  sentence repeated with other figures.

>>> exact_key("See  the <a2>law</a2>\\n on migration.")
'See the <a>law</a> on migration.'
>>> fuzzy_key("The Ruling came on 13 February 2019.")
'the ruling came on 13 february 2019.'
>>> shape_key("It ordered him to pay 252,000 tenge ($670).")
'it ordered him to pay 0 tenge ($0).'
>>> words("it ordered him to pay 0 tenge ($0).")
['it', 'ordered', 'him', 'to', 'pay', '0', 'tenge', '0']
"""

from __future__ import annotations

import re

#: inline placeholders of the article pipeline (<a1>…</a1>, <c1/>, <em>) and of software
#: strings (%s, %(name)s, {0}, {name}); their numbers are dropped for comparison
PLACEHOLDER = re.compile(
    r"</?(?:a\d+|em|strong)>|<c\d+/>|<br/>|%(?:\([A-Za-z_]\w{0,40}\))?[-+ #0]{0,5}\d{0,5}"
    r"(?:\.\d{1,5})?[sdifgeExXcr]|\{[A-Za-z_0-9]{0,40}\}"
)
_NUMBERED_TAG = re.compile(r"<(/?)([ac])\d+(/?)>")
_SPACE = re.compile(r"\s+")
#: a number as the memory's shape sees it: digits with group and decimal symbols inside
_NUMBER = re.compile(r"\d+(?:[ ,.\u00a0\u202f\u2009']\d+)*")
_WORD = re.compile(r"\w+")


def exact_key(text: str) -> str:
    """``text`` with whitespace collapsed and link and code placeholders unnumbered."""
    return _NUMBERED_TAG.sub(r"<\1\2\3>", _SPACE.sub(" ", text).strip())


def fuzzy_key(text: str) -> str:
    """The exact key, case-folded: the text edit similarity is computed on."""
    return exact_key(text).casefold()


def shape_key(text: str) -> str:
    """The fuzzy key with every number written ``0``."""
    return _NUMBER.sub("0", fuzzy_key(text))


def words(key: str) -> list[str]:
    """The words of a key (letters and digits), as the candidate index sees them."""
    return _WORD.findall(key)
