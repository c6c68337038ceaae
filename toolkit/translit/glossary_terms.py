"""Glossary spellings that win over letter rules: which term maps to which, and a matcher.

For a scheme whose target language is ``kk-Latn`` each Kazakh term maps to the Kazakh Latin
term in the same position (and back, in reverse). For schemes whose target is ``en``, only
names map (terms written with a capital, e.g. «Серікжан Біләш» → the preferred English
term «Serikzhan Bilash»): common nouns are transliterated, not translated.

Exact term forms for now, matched at word boundaries, longest first.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from typing import Any

from toolkit.translit.casing import kk_title
from toolkit.translit.engine import WORD_END, WORD_START


def term_pairs(glossary: Iterable[Any], source_lang: str, target_lang: str) -> dict[str, str]:
    """Source spelling → target spelling, from every concept of ``glossary``."""
    pairs: dict[str, str] = {}
    for concept in glossary:
        terms = concept.terms.get(source_lang, ())
        if target_lang == "en":
            target = concept.preferred("en")
            if target is None or not target.text[:1].isupper():
                continue
            for term in terms:
                if term.status in ("preferred", "admitted") and term.text[:1].isupper():
                    pairs.setdefault(term.text, target.text)
        else:
            for term, other in zip(terms, concept.terms.get(target_lang, ()), strict=False):
                pairs.setdefault(term.text, other.text)
                if term.text[:1].islower():  # the same term at the start of a sentence
                    pairs.setdefault(kk_title(term.text), kk_title(other.text))
    return pairs


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by first letters (fast on long lists)."""
    groups: dict[str, list[str]] = {}
    empty = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            empty = True
    options = [
        re.escape(first) + (_trie_pattern(rest) if rest != [""] else "")
        for first, rest in sorted(groups.items())
    ]
    body = "|".join(options)
    if len(options) > 1 or (empty and options):
        body = f"(?:{body})"
    return body + ("?" if empty and options else "")


class TermMatcher:
    """Finds glossary terms in text and gives their target spelling."""

    def __init__(self, pairs: dict[str, str]):
        self.pairs = pairs
        words = sorted(pairs, key=len, reverse=True)
        self.regex = re.compile(WORD_START + _trie_pattern(words) + WORD_END) if words else None

    def split(self, text: str) -> list[tuple[str, str | None]]:
        """``text`` as pieces ``(piece, target)``: target is None where no term matched."""
        if self.regex is None:
            return [(text, None)]
        pieces: list[tuple[str, str | None]] = []
        pos = 0
        for m in self.regex.finditer(text):
            if m.start() > pos:
                pieces.append((text[pos : m.start()], None))
            pieces.append((m.group(), self.pairs[m.group()]))
            pos = m.end()
        if pos < len(text):
            pieces.append((text[pos:], None))
        return pieces


_cache: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], TermMatcher]]
_cache = weakref.WeakKeyDictionary()
_id_cache: dict[int, tuple[Any, dict[tuple[str, str], TermMatcher]]] = {}


def matcher_for(glossary: Any, source_lang: str, target_lang: str) -> TermMatcher:
    """The matcher of ``glossary`` for one language pair, built once per glossary object."""
    try:
        per_glossary = _cache.setdefault(glossary, {})
    except TypeError:  # not weak-referenceable or not hashable: keep it by identity
        entry = _id_cache.get(id(glossary))
        if entry is None or entry[0] is not glossary:
            entry = _id_cache[id(glossary)] = (glossary, {})
        per_glossary = entry[1]
    key = (source_lang, target_lang)
    matcher = per_glossary.get(key)
    if matcher is None:
        matcher = per_glossary[key] = TermMatcher(term_pairs(glossary, source_lang, target_lang))
    return matcher
