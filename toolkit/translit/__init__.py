"""Transliteration between Cyrillic and Latin: exact schemes kept as data files.

Schemes (``toolkit/translit/schemes/*.json``, each with its source and sample pairs):
``kk-latn-2021`` (reversible), ``kk-bgn-pcgn``, ``kk-newsroom``, ``ru-bgn-pcgn``, ``ru-iso9``
(reversible), and ``zh-pinyin-ru`` / ``zh-pinyin-kk`` for Chinese names in pinyin (syllable
tables; :func:`pinyin_names` recognises such names). See docs/transliteration.md.

>>> transliterate("Алматы, Қазақстан")
'Almaty, Qazaqstan'
>>> transliterate("ЩУЧИНСК, Щучинск", "ru-bgn-pcgn")
'SHCHUCHINSK, Shchuchinsk'
>>> transliterate("Qazaqstan", reverse=True)
'Қазақстан'

Text in Kazakh Cyrillic becomes the Kazakh Latin alphabet of 2021 through :func:`to_kk_latin`;
the scheme's name, where one is needed, is :data:`KK_LATIN`.

Importing this package reads no scheme file; the first call does (once per process).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any, NamedTuple

from toolkit.translit.casing import kk_lower, kk_title, kk_upper
from toolkit.translit.engine import convert_each
from toolkit.translit.glossary_terms import matcher_for
from toolkit.translit.scheme import (
    Ambiguity,
    IrreversibleSchemeError,
    Scheme,
    get_scheme,
    list_schemes,
    schemes_fingerprint,
)

__all__ = [
    "CHARACTER_REFERENCE",
    "KK_LATIN",
    "AmbiguousWord",
    "IrreversibleSchemeError",
    "PinyinName",
    "Scheme",
    "ambiguous_words",
    "get_scheme",
    "kk_lower",
    "kk_title",
    "kk_upper",
    "list_schemes",
    "pinyin_names",
    "schemes_fingerprint",
    "to_kk_latin",
    "transliterate",
    "transliterate_lines",
]

#: The scheme of the Kazakh Latin alphabet (2021): glossary kk-Latn terms derive from kk by it.
KK_LATIN = "kk-latn-2021"

#: Spans that pass through untouched: Markdown code and link targets, URLs, e-mail addresses,
#: HTML character references (``&laquo;``, ``&#x41A;``: their names and digits are not prose,
#: and a Latin-to-Cyrillic scheme would spell ``&laquo;`` as ``&лақуо;``).
#: None reaches across a line end, and each holds one of _MARKS: only lines with a mark are
#: searched (a text of many lines may hold a few URLs).
_MARKS = ("`", "](", "://", "www.", "@", "&")
#: An HTML character reference: numeric (``&#1178;``, ``&#x41A;``) or named (``&laquo;``).
CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_PROTECTED = (
    re.compile(r"`[^`\n]*`"),
    CHARACTER_REFERENCE,
    re.compile(r"\]\([^)\s]*\)"),
    re.compile(r"[a-zA-Z](?<![\w.+-][a-zA-Z])(?:[a-zA-Z0-9+.-]*://|(?<=w)ww\.)[^\s<>\"'`]+"),
)
_EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")


def _marked_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds one of _MARKS, in order."""
    lines = set()
    for mark in _MARKS:
        found = text.find(mark)
        while found >= 0:
            end = text.find("\n", found)
            end = len(text) if end < 0 else end
            lines.add((text.rfind("\n", 0, found) + 1, end))
            found = text.find(mark, end)
    return sorted(lines)


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of ``text`` to leave as they are."""
    spans = []
    for line_start, line_end in _marked_lines(text):
        for regex in _PROTECTED:
            spans += [m.span() for m in regex.finditer(text, line_start, line_end)]
        for m in _EMAIL_DOMAIN.finditer(text, line_start, line_end):
            start = m.start()
            while start and (text[start - 1].isalnum() or text[start - 1] in "._+-"):
                start -= 1
            if start < m.start():
                spans.append((start, m.end()))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


#: A line that opens or closes a Markdown code fence (up to three spaces before the marker;
#: ``\s`` without the line end, so that the match stays on its line).
_FENCE_LINE = re.compile(r"^[^\S\n]{0,3}(```|~~~)", re.MULTILINE)


def _target_langs(scheme: Scheme, reverse: bool) -> tuple[str, str]:
    if reverse:
        return scheme.target_lang, scheme.source_lang
    return scheme.source_lang, scheme.target_lang


def transliterate(
    text: str,
    scheme: str = KK_LATIN,
    *,
    reverse: bool = False,
    glossary: Any = None,
    use_cache: bool = True,
    sentence_capitals: bool = True,
) -> str:
    """Transliterate ``text`` by ``scheme`` (Latin → Cyrillic with ``reverse=True``).

    With a ``glossary`` (an iterable of ``Concept``), glossary spellings win over letter rules
    for terms at word boundaries, longest first, in inflected forms too (the glossary spelling
    plus the transliterated ending). URLs, e-mail addresses and
    Markdown code/link targets pass through unchanged, as does everything that is not a
    letter of the source script.

    A direction whose scheme file gives ``sentence_capitals`` (kk-arab reverse: Arabic script
    has no case) capitalises the first letter of the text, of each line and of each sentence;
    ``sentence_capitals=False`` leaves that out, for a caller that converts pieces of a
    sentence (the text nodes of an HTML page).

    >>> transliterate("ٴبىز كەلدىك. سەن؟", "kk-arab", reverse=True)
    'Біз келдік. Сен?'

    Raises UnknownSchemeError for an unknown scheme and IrreversibleSchemeError when
    ``reverse`` is asked of a one-way scheme.
    """
    sch = get_scheme(scheme)
    convert = sch.converter(reverse)
    if glossary is not None:
        langs = _target_langs(sch, reverse)
        direction = f"{scheme}-reverse" if reverse else scheme
        # use_cache=False (toolkit --no-cache): the glossary pairs are built afresh, not read
        matcher = matcher_for(
            glossary,
            *langs,
            letters=convert,
            cache_as=direction if use_cache else "",
            derive=sch.converter(False),
        )
        if matcher.regex is not None:
            convert = partial(matcher.replace, letters=convert)  # type: ignore[assignment]
    capitals = sch.capitals(reverse) if sentence_capitals else None
    spans = _protected_spans(text)
    if not spans:
        out = convert(text)
        return capitals.apply(out) if capitals is not None else out
    pieces, kept, pos = [], [], 0
    for start, end in spans:
        pieces.append(text[pos:start])
        kept.append(text[start:end])
        pos = end
    pieces.append(text[pos:])
    # One call for all the pieces: a conversion costs more than it converts when the pieces
    # are short, and a scheme's word rules take the repeated tokens of the whole text at once.
    out = convert_each(convert, pieces)
    joined = "".join(part for pair in zip(out, [*kept, ""], strict=True) for part in pair)
    if capitals is None:
        return joined
    kept_spans, at = [], 0
    for converted, protected in zip(out, kept, strict=False):
        at += len(converted)
        kept_spans.append((at, at + len(protected)))
        at += len(protected)
    return capitals.apply(joined, kept_spans)


def to_kk_latin(text: str, *, glossary: Any = None) -> str:
    """Kazakh Cyrillic ``text`` in the Kazakh Latin alphabet of 2021 (the :data:`KK_LATIN`
    scheme), with the ``glossary``'s kk-Latn spellings winning where one is given.

    >>> to_kk_latin("Өскемен мен Үрімші")
    'Öskemen men Ürımşı'
    """
    return transliterate(text, KK_LATIN, glossary=glossary)


def transliterate_lines(
    lines: Iterable[str],
    scheme: str = KK_LATIN,
    *,
    reverse: bool = False,
    glossary: Any = None,
    use_cache: bool = True,
) -> Iterator[str]:
    """Transliterate text line by line; lines inside Markdown code fences pass unchanged.

    Each item is one line or a block of whole lines (every item but the last ends with a
    newline): the result is the same either way, since the letter rules, glossary terms and
    protected spans never reach across a line end. Blocks are much faster on large files.

    >>> list(transliterate_lines(["Алматы\\n```\\nҚала\\n```\\n", "Қала"]))
    ['Almaty\\n```\\nҚала\\n```\\n', 'Qala']
    """
    get_scheme(scheme).converter(reverse)  # fail before the first line, not after
    in_fence = ""

    def convert(text: str) -> str:
        if not text:
            return text
        return transliterate(text, scheme, reverse=reverse, glossary=glossary, use_cache=use_cache)

    for block in lines:
        if "```" not in block and "~~~" not in block:
            yield block if in_fence else convert(block)
            continue
        out, pos = [], 0
        for fence in _FENCE_LINE.finditer(block):
            out.append(
                block[pos : fence.start()] if in_fence else convert(block[pos : fence.start()])
            )
            pos = block.find("\n", fence.end()) + 1 or len(block)
            out.append(block[fence.start() : pos])  # the fence line itself passes unchanged
            if not in_fence:
                in_fence = fence.group(1)
            elif fence.group(1) == in_fence:
                in_fence = ""
        out.append(block[pos:] if in_fence else convert(block[pos:]))
        yield "".join(out)


class PinyinName(NamedTuple):
    """A name in Latin text that is wholly pinyin, and how a zh-pinyin-* scheme writes it."""

    start: int
    end: int
    text: str
    target: str


#: What may stand between the words of one name: a single space.
_NAME_GAP = " "


def pinyin_names(text: str, scheme: str = "zh-pinyin-ru") -> list[PinyinName]:
    """The names in ``text`` that are wholly pinyin: runs of capitalised words that split
    into pinyin syllables («Chen Quanguo», «Xi'an»), with the scheme's spelling of each.

    A word alone that is also a capitalised English word (He, China, Women; the scheme's
    ``english_words``) is not taken for a name. The recognizer knows spelling, not meaning:
    a Kazakh name that happens to split into syllables (Semei) is found too, which is why the
    glossary, where it has the name, wins.

    >>> [(n.text, n.target) for n in pinyin_names("He said Chen Quanguo met Xi in Almaty.")]
    [('Chen Quanguo', 'Чэнь Цюаньго'), ('Xi', 'Си')]
    """
    syllables = get_scheme(scheme).syllables
    if syllables is None:
        raise ValueError(f"scheme {scheme!r} has no syllable table")
    names: list[PinyinName] = []
    run: list[Any] = []

    def close() -> None:
        if len(run) == 1 and run[0].text in syllables.spec.english_words:
            return
        if run:
            start, end = run[0].start, run[-1].end
            names.append(PinyinName(start, end, text[start:end],
                                    _NAME_GAP.join(w.output for w in run)))  # fmt: skip

    for word in syllables.words(text):
        if run and text[run[-1].end : word.start] != _NAME_GAP:
            close()
            run = []
        run.append(word)
    close()
    return names


class AmbiguousWord(NamedTuple):
    """A word whose reverse transliteration letter rules cannot decide."""

    word: str
    start: int
    end: int
    ambiguity: Ambiguity


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def ambiguous_words(
    text: str, scheme: str = KK_LATIN, *, glossary: Any = None
) -> list[AmbiguousWord]:
    """Words of Latin ``text`` whose Cyrillic spelling stays ambiguous in reverse.

    Glossary terms are resolved by the glossary and not reported.

    >>> [(w.word, w.ambiguity.choices) for w in ambiguous_words("Mūhtar ūiym")]
    [('Mūhtar', ('х', 'һ'))]
    """
    sch = get_scheme(scheme)
    if not sch.reversible:
        raise IrreversibleSchemeError(scheme, [s.name for s in list_schemes() if s.reversible])
    covered: list[tuple[int, int]] = []
    if glossary is not None:
        matcher = matcher_for(glossary, *_target_langs(sch, True), derive=sch.converter(False))
        if matcher.regex is not None:
            covered = [m.span() for m in matcher.regex.finditer(text)]
    checks = [(a, re.compile(a.pattern)) for a in sch.ambiguities]
    found = []
    for m in _WORD.finditer(text):
        if any(s <= m.start() and m.end() <= e for s, e in covered):
            continue
        word = kk_lower(m.group())
        for amb, regex in checks:
            if regex.search(word):
                found.append(AmbiguousWord(m.group(), m.start(), m.end(), amb))
    return found
