"""Find glossary terms, in any inflected form, in running text.

All surface forms of all terms of one language go into one Aho-Corasick automaton
(pyahocorasick). Forms and text are compared as :func:`~.normalize.match_key` strings: folded,
with every boundary character a space and a space on each side, so the automaton itself only
reports hits between word boundaries (no hit inside a longer word ever reaches Python).
Overlapping hits resolve leftmost-longest («Алматы облысы» beats «Алматы»); a capitalised
name does not match a lower-case word (Тілек the name is not тілек "wish").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from toolkit.matching.normalize import match_key

Pair = tuple["Candidate", "Candidate | None"]

#: Order of preference when one surface form belongs to several terms.
STATUS_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2, "forbidden": 3}


class Candidate(NamedTuple):
    """What a surface form stands for: a term of a concept."""

    concept: str
    status: str
    term: str  # the glossary spelling the form belongs to
    needs_capital: bool  # the term is a capitalised name
    is_base: bool  # the form is the term itself (or a hand-listed form), not generated


class Match(NamedTuple):
    """One recognised term in a text: Python str offsets of the whole inflected surface."""

    concept: str
    en: str
    start: int
    end: int
    text: str
    status: str
    term: str

    def as_json(self) -> dict[str, object]:
        """The design's jsonl shape (plus the glossary term the surface belongs to)."""
        return {
            "concept": self.concept,
            "en": self.en,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "status": self.status,
            "term": self.term,
        }


def _best(candidates: Iterable[Candidate]) -> Candidate:
    return min(candidates, key=lambda c: (not c.is_base, STATUS_RANK[c.status], c.concept))


class TermMatcher:
    """Finds the surface forms of one language's terms in text.

    ``index`` maps surface forms (as written or folded) to the candidates they stand for;
    ``english`` maps concept ids to their preferred English term (reported with every match).

    Forms and text are compared as :func:`~.normalize.match_key` strings (folded, every
    boundary character a space). Each form's key starts with a space, so the automaton only
    finds forms at word starts; ``iter_long`` gives the leftmost-longest hits in one pass in
    C, and Python only checks the right word boundary and the case rule.

    >>> index = {"Алматы": [Candidate("almaty", "preferred", "Алматы", True, True)],
    ...          "Алматыда": [Candidate("almaty", "preferred", "Алматы", True, False)]}
    >>> m = TermMatcher(index, {"almaty": "Almaty"})
    >>> [(x.text, x.start, x.end) for x in m.find("Сот Алматыда өтті.")]
    [('Алматыда', 4, 12)]
    >>> m.find("алматыдағы")  # not a form, and a name does not match in lower case
    []
    """

    def __init__(self, index: Mapping[str, Iterable[Candidate]], english: Mapping[str, str]):
        import ahocorasick

        self.english = dict(english)
        merged: dict[str, list[Candidate]] = {}
        for form, candidates in index.items():
            key = match_key(form).rstrip()  # " тыс." -> " тыс": a key never eats a boundary
            if key.strip():
                merged.setdefault(key, []).extend(candidates)
        # What a capitalised and a lower-case occurrence of each form stand for, decided once.
        self._pairs: dict[str, Pair] = {}
        self._automaton = ahocorasick.Automaton()
        for key, candidates in merged.items():
            lower_ok = [c for c in candidates if not c.needs_capital]
            pair = (_best(candidates), _best(lower_ok) if lower_ok else None)
            self._pairs[key] = pair
            self._automaton.add_word(key, (len(key), *pair))
        if self._pairs:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        """Number of distinct surface forms."""
        return len(self._pairs)

    def find(self, text: str) -> list[Match]:
        """Every glossary term in ``text``, left to right, without overlaps."""
        if not self._pairs or not text:
            return []
        key = match_key(text)  # key index i + 1 is text index i
        english = self.english
        new_match = tuple.__new__  # Match(...) goes through a Python-level __new__
        matches: list[Match] = []
        for last, (length, if_capital, if_lower) in self._automaton.iter_long(key):
            start = last - length + 1  # the space before the word = the word's text index
            end = last  # key index last + 1 = text index last
            if key[last + 1].isalnum():
                # The longest form goes on inside a longer word («Алматыдағылар»): fall back
                # to the whole first word, when that is a form.
                end = key.find(" ", start + 1) - 1
                pair = self._pairs.get(key[start : end + 1])
                if pair is None:
                    continue
                if_capital, if_lower = pair
            best = if_capital if text[start].isupper() else if_lower
            if best is None:
                continue
            concept = best[0]
            matches.append(
                new_match(Match, (concept, english.get(concept, ""), start, end,
                                  text[start:end], best[1], best[2]))
            )  # fmt: skip
        return matches
