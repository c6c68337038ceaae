"""Context heuristics for an English match in running text: whether a language name means
the language (:func:`is_language_use`), and whether a common-noun term written with a capital
is part of a longer proper name the glossary lacks (:func:`part_of_a_name`,
:func:`inside_a_name`, :func:`title_case`). The forms themselves come from :mod:`.english`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from toolkit.matching.matcher import Match

#: words after a language name that make it the language: «Kazakh-language media», «Russian
#: speakers», «the Chinese version»
_LANGUAGE_AFTER = frozenset(
    ("language", "languages", "speaker", "speakers", "speaking", "speak", "version",
     "versions", "translation", "translations", "text", "texts", "word", "words", "name",
     "names", "dialect", "dialects", "alphabet", "script", "lessons", "classes", "course",
     "courses", "teacher", "teachers", "proficiency", "skills", "edition", "service")
)  # fmt: skip
#: words before a language name (or a list of them) that make it the language: «in Kazakh»,
#: «speaks Russian and Chinese», «translated from Uyghur»
_LANGUAGE_BEFORE = frozenset(
    ("in", "into", "from", "speak", "speaks", "spoke", "spoken", "speaking", "learn",
     "learns", "learned", "learning", "study", "studies", "studied", "studying", "teach",
     "teaches", "taught", "teaching", "know", "knows", "knew", "fluent", "translate",
     "translated", "write", "writes", "wrote", "written", "read", "reads", "understand",
     "understands", "native", "mother", "tongue", "say", "says", "said", "called")
)  # fmt: skip
#: lower-case words after a language name that are no noun it could modify
_FUNCTION_WORDS = frozenset(
    ("and", "or", "nor", "but", "than", "rather", "as", "at", "by", "for", "from", "in",
     "into", "of", "on", "to", "with", "without", "is", "are", "was", "were", "be", "been",
     "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may",
     "might", "must", "should", "who", "whom", "whose", "that", "which", "while", "when",
     "because", "if", "so", "too", "also", "only", "well", "instead", "rather", "fluently")
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")
_LIST_BEFORE = re.compile(r"(?:,\s*|\s+(?:and|or|nor)\s+|,\s+(?:and|or)\s+)$")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z]+$")
_LIST_AFTER = re.compile(r"(?:(?:,\s*|,?\s+(?:and|or)\s+)[A-Z][a-z]+)*[\s-]+([A-Za-z]+)")


def is_language_use(text: str, start: int, end: int) -> bool:
    """The language name at ``text[start:end]`` means the language, not the people or an
    adjective: a word such as «language», «speakers» follows it (or the list it ends), or
    «in», «speaks», «from»... comes before it (or the list it is in); a common noun after
    it makes it an adjective («the Chinese government», «Kyrgyz citizens»).

    >>> sample = "Children are taught in Chinese rather than in Kazakh or Uyghur."
    >>> [is_language_use(sample, s, s + len(w)) for w in ("Chinese", "Kazakh", "Uyghur")
    ...  for s in [sample.index(w)]]
    [True, True, True]
    >>> text = "The Chinese government said more than a million Kyrgyz work in Russia."
    >>> is_language_use(text, 4, 11), is_language_use(text, 48, 54)
    (False, False)
    >>> text = "posters in Kazakh, English, and Chinese demanding their release"
    >>> is_language_use(text, 32, 39), is_language_use("juts into Russian Siberia", 10, 17)
    (True, False)
    """
    after = _LIST_AFTER.match(text, end)
    if after is not None:
        word = after.group(1)
        if word.lower() in _LANGUAGE_AFTER:
            return True
        gap = text[end : after.start(1)]
        if gap == " " and word[:1].isupper():
            return False  # a name right after it: an adjective («Russian Siberia»)
        noun = word not in _FUNCTION_WORDS and not word.endswith(("ing", "ed"))
        if word[:1].islower() and not gap.strip(" -") and noun:
            return False  # a common noun right after it: an adjective
    head = start
    while True:  # walk back over a list of names: «in Kazakh, Russian or English»
        joint = _LIST_BEFORE.search(text, 0, head)
        if joint is None:
            break
        name = _CAPITALISED_BEFORE.search(text, 0, joint.start())
        if name is None:
            break
        head = name.start()
    before = _WORD_BEFORE.search(text, 0, head)
    return before is not None and before.group(1).lower() in _LANGUAGE_BEFORE


#: small words a proper name may have between its capitalised words: «Court of Appeals»
_NAME_JOINERS = frozenset({"of", "for", "and", "on", "de", "&"})
#: what may stand before a word that has its capital by position
_OPENERS = frozenset({".", "!", "?", ":", '"', "“", "«", "(", "—", "-"})
_WORD_BEFORE_SPAN = re.compile(r"([A-Za-z&]+|[^\sA-Za-z&])\s*$")


def inside_a_name(text: str, start: int, end: int, known: Iterable[tuple[int, int]] = ()) -> bool:
    """The common-noun term at ``text[start:end]``, written with a capital in mid-sentence,
    follows the capitalised words of a proper name the glossary lacks («the Supreme Court of
    Appeals»): it is part of that name, not the concept. A capitalised word that is itself a
    recognised term (``known`` spans: «the Kazakh Constitution») or that has its capital by
    position («His Appeals») does not make a name.

    >>> def check(text, word, n=1):
    ...     start = -1
    ...     for _ in range(n):
    ...         start = text.index(word, start + 1)
    ...     return inside_a_name(text, start, start + len(word))
    >>> check("He went to the Supreme Court of Appeals in March.", "Appeals")
    True
    >>> text = "The appeal failed. Appeals are rare. His Appeals hearing"
    >>> check(text, "Appeals"), check(text, "appeal"), check(text, "Appeals", 2)
    (False, False, False)
    >>> inside_a_name("the Kazakh Constitution", 11, 23, known=[(4, 10)])
    False
    """
    if not text[start : start + 1].isupper():
        return False
    cut = start
    while True:
        found = _WORD_BEFORE_SPAN.search(text, 0, cut)
        if found is None:
            return False
        word = found.group(1)
        if word.lower() in _NAME_JOINERS:
            cut = found.start(1)
            continue
        break
    if not (word[:1].isupper() and word.isalpha()) or word.lower() in ("the", "a", "an"):
        return False
    at = found.start(1)
    if any(s <= at < e for s, e in known):
        return False  # a recognised term before it: a modifier, not an unknown name
    before = _WORD_BEFORE_SPAN.search(text, 0, at)
    return before is not None and before.group(1) not in _OPENERS


def part_of_a_name(text: str, match: Match, matches: Sequence[Match]) -> bool:
    """A common-noun term written with a capital inside a longer proper name
    (:func:`inside_a_name`; the other matches are the recognised words around it). Not in a
    headline in title case, where every word has a capital («Court Fines Activist Over
    Ethnic Kazakhs»)."""
    if match.term[:1].isupper() or not text[match.start : match.start + 1].isupper():
        return False
    if title_case(text):
        return False
    return inside_a_name(text, match.start, match.end, [(m.start, m.end) for m in matches])


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def title_case(text: str) -> bool:
    """Most words of four letters or more begin with a capital: a headline in title case.

    >>> title_case("Almaty Court Fines Activist Over Ethnic Kazakhs"), title_case("He went home.")
    (True, False)
    """
    words = _LONG_WORD.findall(text)
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)
