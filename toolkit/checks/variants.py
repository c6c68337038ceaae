"""Near misses of glossary names: a word one edit away from a word of a glossary name.

Candidates come from a deletion index (the SymSpell idea: two words within one edit share a
one-deletion variant), verified to be exactly one edit apart (Levenshtein distance 1). Only
capitalised words are compared with words of capitalised terms (names): common nouns have
too many legitimate neighbours (қандай "what kind" is one letter from қандас). Inflected
misspellings are found by also trying the word without its last few letters (Атажурттың →
Атажурт ≈ Атажұрт).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.matching.normalize import fold

if TYPE_CHECKING:
    from toolkit.checks.base import Resources

MIN_LENGTH = 5
#: longest ending tried off a word, per language (Kazakh stacks suffixes: -тарының)
MAX_ENDING = {"kk": 7, "kk-Latn": 7, "ru": 4, "en": 2}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class NearMiss:
    text: str
    start: int
    end: int
    expected: str  # the glossary word it is close to
    concept: str


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


class VariantIndex:
    """Words of the capitalised terms of one language, by their one-deletion variants."""

    def __init__(self, words: dict[str, tuple[str, str]]):
        self.words = words  # folded word -> (word as written, concept id)
        self.verdicts: dict[str, tuple[str, str] | None] = {}  # folded text word -> near miss
        self.by_key: dict[str, set[str]] = defaultdict(set)
        for word in words:
            for key in _deletions(word):
                self.by_key[key].add(word)

    def closest(self, candidate: str) -> str | None:
        """A glossary word exactly one edit from ``candidate`` (folded), or None."""
        if candidate in self.words:
            return None
        found = set()
        for key in _deletions(candidate):
            found |= self.by_key.get(key, set())
        near = sorted(w for w in found if _one_edit(w, candidate))
        return near[0] if near else None


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of ``a`` and ``b`` is exactly 1 (what rapidfuzz's
    ``Levenshtein.distance(a, b) == 1`` says, without importing it for a few words): one
    substitution between equal lengths, or one deletion from the longer word.

    >>> _one_edit("атажурт", "атажұрт"), _one_edit("билаш", "билашы"), _one_edit("аб", "ба")
    (True, True, False)
    """
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > 1 or a == b:
        return False
    i = 0
    while i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i + 1 :] == b[i:]


def build_index(resources: Resources, lang: str) -> VariantIndex:
    words: dict[str, tuple[str, str]] = {}
    for concept in resources.glossary:
        for term in concept.terms.get(lang, ()):
            if not term.text[:1].isupper():
                continue
            for text in (term.text, *term.forms):
                for word in _WORD.findall(text):
                    if len(word) >= MIN_LENGTH and word[:1].isupper():
                        words.setdefault(fold(word), (word, concept.id))
    return VariantIndex(words)


def near_misses(
    resources: Resources, lang: str, text: str, taken: list[tuple[int, int]]
) -> list[NearMiss]:
    """Capitalised words of ``text`` outside the ``taken`` spans that are near misses."""
    index = resources.variant_index(lang)
    verdicts = index.verdicts
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < MIN_LENGTH - 1 or not word[0].isupper():
            continue
        start, end = match.span()
        for s, e in taken:
            if s < end and start < e:
                break
        else:
            folded = fold(word)
            if folded in verdicts:  # words repeat: decide each once per run
                verdict = verdicts[folded]
            else:
                verdict = verdicts[folded] = _verdict(index, folded, MAX_ENDING.get(lang, 2))
            if verdict is not None:
                found.append(NearMiss(word, start, end, *verdict))
    return found


def _verdict(index: VariantIndex, folded: str, max_ending: int) -> tuple[str, str] | None:
    """(glossary word, concept) when ``folded`` (or it without an ending) is a near miss."""
    stems = [folded[: len(folded) - cut] if cut else folded for cut in range(max_ending + 1)]
    stems = [stem for stem in stems if len(stem) >= MIN_LENGTH - 1]
    if any(stem in index.words for stem in stems):
        return None  # a glossary word plus an ending («Солтүстікке»): not a misspelling
    for stem in stems:
        hit = index.closest(stem)
        if hit is not None:
            return index.words[hit]
    return None
