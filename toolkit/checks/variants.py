"""Near misses of glossary names: a word one edit away from a word of a glossary name.

Candidates come from a deletion index (the SymSpell idea: two words within one edit share a
one-deletion variant), verified to be exactly one edit apart (Levenshtein distance 1). Only
capitalised words are compared with words of capitalised terms (names): common nouns have
too many legitimate neighbours (қандай "what kind" is one letter from қандас). Inflected
misspellings are found by also trying the word without its last few letters (Атажурттың →
Атажурт ≈ Атажұрт).

A word one edit from a name is often an ordinary word (Сақтау "save" and Ақтау, Қайта
"again" and Қайша, Покинуть and Пекин), so a near miss is only suggested where the word
could be that name:

- there is evidence for a name: the word is capitalised in mid-sentence (a capital at the
  start of a sentence or of a string is no evidence), or the source names that concept;
- the edit keeps the first letter (names are rarely misspelt there; ordinary words that
  differ from a name in their first letter are many);
- what follows the near stem is an ending the name itself takes (Атажурт|тың like
  Атажұрт|тың; Кеңей|тілген is no form of Кеңес);
- for Russian, pymorphy3 does not know the word as an ordinary (non-name) word of the
  dictionary (Текущие, Уменьшить are words; Белаш is not).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.checks.spellings import one_edit
from toolkit.matching.normalize import fold, original_offset, strip_accelerators
from toolkit.matching.russian import analyzer

if TYPE_CHECKING:
    from toolkit.checks.base import Resources

MIN_LENGTH = 5
#: longest ending tried off a word, per language (Kazakh stacks suffixes: -тарының)
MAX_ENDING = {"kk": 7, "kk-Latn": 7, "ru": 4, "en": 2}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: what may stand between a sentence end and the first word of the next sentence
_OPENING = " \t\xa0«“„\"'‘(["
_SENTENCE_END = ".!?…:;\n\r•*–—-"
#: pymorphy3 grammemes of proper names: a word known only as one of these may be a name
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


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
    """Words of the capitalised terms of one language, by their one-deletion variants, and
    the words of all their recognised forms (to tell an ending of the name from another
    word's)."""

    def __init__(self, words: dict[str, tuple[str, str]], form_words: frozenset[str] = frozenset()):
        self.words = words  # folded word -> (word as written, concept id)
        self.form_words = form_words | frozenset(words)  # folded words of the names' forms
        self.verdicts: dict[str, tuple[str, str] | None] = {}  # text word -> near miss
        self.by_key: dict[str, set[str]] = defaultdict(set)
        for word in words:
            for key in _deletions(word):
                self.by_key[key].add(word)

    def closest(self, candidate: str) -> str | None:
        """A glossary word exactly one edit from ``candidate`` (folded) that keeps its first
        letter, or None."""
        if candidate in self.words:
            return None
        found = set()
        for key in _deletions(candidate):
            found |= self.by_key.get(key, set())
        near = sorted(w for w in found if w[0] == candidate[0] and one_edit(w, candidate))
        return near[0] if near else None


def build_index(resources: Resources, lang: str) -> VariantIndex:
    """The near-miss index of the capitalised terms of ``lang`` in the glossary."""
    words: dict[str, tuple[str, str]] = {}
    for concept in resources.glossary:
        for term in concept.terms.get(lang, ()):
            if not term.text[:1].isupper():
                continue
            for text in (term.text, *term.forms):
                for word in _WORD.findall(text):
                    if len(word) >= MIN_LENGTH and word[:1].isupper():
                        words.setdefault(fold(word), (word, concept.id))
    form_words: set[str] = set()
    index = resources.form_index(lang)
    for form, candidates in index.items():
        if any(c.needs_capital for c in candidates):
            form_words.update(_WORD.findall(fold(form)))
    return VariantIndex(words, frozenset(form_words))


def is_common_russian_word(word: str) -> bool:
    """pymorphy3 knows ``word`` from its dictionary, mostly as an ordinary word (not a name
    or a place): then it is not a misspelt name.

    >>> is_common_russian_word("Покинуть"), is_common_russian_word("Белаш")
    (True, False)
    """
    score = 0.0
    for parse in analyzer().parse(word):
        if parse.is_known and not (
            parse.tag.POS == "NOUN" and _NAME_GRAMMEMES & parse.tag.grammemes
        ):
            score += parse.score
    return score >= 0.5


def same_russian_word(word: str, other: str) -> bool:
    """``word`` and ``other`` are forms of one word that pymorphy3 knows from its dictionary
    («Америке» and «Америки»): another case of a glossary word is not a misspelling of it.

    >>> same_russian_word("Америке", "Америки"), same_russian_word("Белаш", "Билаш")
    (True, False)
    """
    lemmas = {p.normal_form for p in analyzer().parse(word) if p.is_known}
    return bool(lemmas) and any(
        p.is_known and p.normal_form in lemmas for p in analyzer().parse(other)
    )


def starts_sentence(text: str, start: int) -> bool:
    """The word at ``start`` opens ``text`` or a sentence (or a list item) in it: a capital
    there says nothing about whether it is a name.

    >>> starts_sentence("Сақтау керек", 0), starts_sentence("Файл. «Сақтау»", 7)
    (True, True)
    >>> starts_sentence("Біз Ақтауда", 4)
    False
    """
    i = start - 1
    while i >= 0 and text[i] in _OPENING:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def near_misses(
    resources: Resources,
    lang: str,
    text: str,
    taken: list[tuple[int, int]],
    named: frozenset[str] = frozenset(),
) -> list[NearMiss]:
    """Capitalised words of ``text`` outside the ``taken`` spans (sorted, not overlapping)
    that are near misses of a glossary name; ``named`` are the concepts the source names
    (evidence for a near miss even at the start of a sentence). Linear in ``text``: each
    distinct word is judged once per run."""
    index = resources.variant_index(lang)
    verdicts = index.verdicts
    max_ending = MAX_ENDING.get(lang, 2)
    plain, cuts = strip_accelerators(text)  # «Сақ_тау» is one word
    found = []
    spans = iter(taken)
    span_end = -1
    span_start = -1
    for match in _WORD.finditer(plain):
        word = match.group()
        if len(word) < MIN_LENGTH - 1 or not word[0].isupper():
            continue
        start, end = match.span()
        if cuts:
            start, end = original_offset(start, cuts), original_offset(end, cuts, end=True)
        while span_end <= start:  # the taken spans are sorted: walk them alongside
            span_start, span_end = next(spans, (len(text) + 1, len(text) + 2))
        if span_start < end:
            continue  # overlaps a recognised term
        if word in verdicts:  # words repeat: decide each once per run
            verdict = verdicts[word]
        else:
            verdict = verdicts[word] = _verdict(index, fold(word), max_ending, lang, word)
        if verdict is None:
            continue
        if verdict[1] not in named and starts_sentence(plain, match.start()):
            continue
        found.append(NearMiss(text[start:end], start, end, *verdict))
    return found


def _verdict(
    index: VariantIndex, folded: str, max_ending: int, lang: str, word: str
) -> tuple[str, str] | None:
    """(glossary word, concept) when ``folded`` (or it without an ending the glossary word
    also takes) is a near miss and not an ordinary word of the language."""
    stems = [folded[: len(folded) - cut] if cut else folded for cut in range(max_ending + 1)]
    stems = [stem for stem in stems if len(stem) >= MIN_LENGTH - 1]
    if any(stem in index.words for stem in stems):
        return None  # a glossary word plus an ending («Солтүстікке»): not a misspelling
    for stem in stems:
        hit = index.closest(stem)
        if hit is not None and hit + folded[len(stem) :] in index.form_words:
            found = index.words[hit]
            if lang == "ru" and (is_common_russian_word(word) or same_russian_word(word, found[0])):
                return None
            return found
    return None
