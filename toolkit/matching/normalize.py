"""Length-preserving text folding for matching, so offsets in the folded text are offsets in
the original.

Folding lower-cases, treats the Kazakh Latin I/ı/İ/i as one letter (Python's lower() turns İ
into two characters and I into the wrong i), reads ё as е (Russian print mostly omits the
dots), and unifies hyphens and apostrophes.

>>> fold("Шыңжаңдағы"), fold("QAZAQSTAN"), fold("İle"), fold("Ёлка"), fold("Kazakhstan’s")
('шыңжаңдағы', 'qazaqstan', 'ile', 'елка', "kazakhstan's")
>>> len(fold("İİİ")) == 3
True
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

#: what folding maps besides lower-casing, for letters (punctuation becomes a space anyway)
_KEY_REPLACEMENTS = (("İ", "i"), ("I", "i"), ("ı", "i"), ("Ё", "е"), ("ё", "е"))
_PUNCTUATION = re.compile("[\u2010-\u2013\u2019\u02bc]")
#: what joins the parts of a hyphenated word: the hyphen and the characters folding reads as
#: one (an en dash is typed for a hyphen in names)
HYPHENS: frozenset[str] = frozenset("-\u2010\u2011\u2012\u2013")
_TABLE = str.maketrans(
    {
        "İ": "i",
        "I": "i",
        "ı": "i",
        "Ё": "е",
        "ё": "е",
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash (typed for a hyphen in names)
        "\u2019": "'",  # right single quotation mark as apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
    }
)


def fold(text: str) -> str:
    """Fold ``text`` for matching; the result has the same length as ``text``."""
    for before, after in _KEY_REPLACEMENTS:
        if before in text:
            text = text.replace(before, after)
    folded = text.lower()
    if _PUNCTUATION.search(folded):
        folded = folded.translate(_TABLE)
    if len(folded) == len(text):
        return folded
    # A letter whose lower case is longer (rare outside Turkic I): fold letter by letter.
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text.translate(_TABLE))


_NON_WORD = re.compile(r"[^\w ]|_")  # [\W_] but a space, which stays a space anyway

#: Latin letters that look like Cyrillic ones, and the reverse (Unicode confusables): a word
#: typed with a few letters of the other keyboard layout (Aлматы, Iле, Білəш) is read in the
#: script of most of its letters, so that the term is still recognised (script_mix reports it)
_LATIN_LOOKALIKES = "AaBCcEeHIiKkMOoPpTXxYyhƏə"
_CYRILLIC_LOOKALIKES = "АаВСсЕеНІіКкМОоРрТХхУуһӘә"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_ANY_LATIN = re.compile("[A-Za-z\u0259\u018f]")
_ANY_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LETTERS = re.compile(r"[^\W\d_]+")


def _one_script(word: re.Match[str]) -> str:
    text = word.group()
    cyrillic = len(_ANY_CYRILLIC.findall(text))
    latin = len(_ANY_LATIN.findall(text))
    if not cyrillic or not latin or cyrillic == latin:
        return text
    return text.translate(_TO_CYRILLIC if cyrillic > latin else _TO_LATIN)


def unmix_scripts(text: str) -> str:
    """``text`` with each word that mixes Cyrillic and Latin letters written in the script of
    most of its letters, where a look-alike letter allows (same length, same offsets).

    >>> unmix_scripts("Aлматы, Iле, Білəш; Qazaqstаn; Almaty Алматы")
    'Алматы, Іле, Біләш; Qazaqstan; Almaty Алматы'
    """
    if not _ANY_LATIN.search(text) or not _ANY_CYRILLIC.search(text):
        return text
    return _LETTERS.sub(_one_script, text)


def match_key(text: str) -> str:
    """``text`` folded, every boundary character turned into a space, and padded with one
    space on each side: a form's key occurs in a text's key exactly where the form occurs
    between word boundaries. Offsets stay aligned: index ``i + 1`` of the key is ``i`` of text.

    >>> match_key("«Нұр-Сұлтанда»,")
    '  нұр сұлтанда   '
    """
    text = unmix_scripts(text)
    # The same folding as fold(), in C-speed steps: only these letters need more than lower().
    for before, after in _KEY_REPLACEMENTS:
        if before in text:
            text = text.replace(before, after)
    return " " + _NON_WORD.sub(" ", text.lower()) + " "


def match_case(surface: str, source_text: str, form: str) -> str:
    """Give ``form`` the capitalisation that ``surface`` adds to its term ``source_text``:
    ALL CAPS, or a capital first letter (sentence start) when the term is not capitalised.

    >>> match_case("ОРАЛМАНДАРҒА", "оралман", "қандастарға")
    'ҚАНДАСТАРҒА'
    >>> match_case("Оралманы", "оралман", "кандасы")
    'Кандасы'
    """
    if sum(c.isalpha() for c in surface) > 1 and surface.isupper() and not source_text.isupper():
        return form.upper()
    if surface[:1].isupper() and not source_text[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


#: a keyboard accelerator marker: GTK's "_Save", Qt/KDE's "&Open", LibreOffice's "~Open"; an
#: HTML entity (&amp;) or a doubled marker (&&, __: the character itself) is not one
_ACCELERATOR = re.compile(r"(?<![_&~])(?:_|~|&(?!#?\w+;))(?=[^\W_])")


def strip_accelerators(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without keyboard accelerator markers, and where they were: the indexes in
    the returned text before which a marker was taken out (ascending; empty when none).
    :func:`original_offset` maps an offset in the returned text back to ``text``.

    >>> strip_accelerators("Re_store &Open ~Save")
    ('Restore Open Save', (2, 8, 13))
    >>> strip_accelerators("Tom & Jerry &amp; ST__UN")
    ('Tom & Jerry &amp; ST__UN', ())
    """
    if "_" not in text and "&" not in text and "~" not in text:
        return text, ()
    cuts = [m.start() - n for n, m in enumerate(_ACCELERATOR.finditer(text))]
    if not cuts:
        return text, ()
    return _ACCELERATOR.sub("", text), tuple(cuts)


def original_offset(offset: int, cuts: tuple[int, ...], *, end: bool = False) -> int:
    """Where ``offset`` of a text stripped by :func:`strip_accelerators` is in the original.
    A start offset lands on the character itself; an ``end`` offset just after the character
    before it (a marker before a word belongs to the word, one after it does not).

    >>> text, cuts = strip_accelerators("Re_store it")
    >>> original_offset(0, cuts), original_offset(7, cuts, end=True)
    (0, 8)
    """
    if end:
        return offset + bisect_left(cuts, offset)
    return offset + bisect_right(cuts, offset)
