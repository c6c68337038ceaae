"""Find glossary terms, in any inflected form, in running text.

All surface forms of all terms of one language go into one Aho-Corasick automaton
(pyahocorasick) over folded text (:mod:`.normalize`). A hit counts only at word boundaries;
overlapping hits resolve leftmost-longest («Алматы облысы» beats «Алматы»); a capitalised name
does not match a lower-case word (Тілек the name is not тілек "wish").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from toolkit.matching.normalize import fold, is_word_char

#: Order of preference when one surface form belongs to several terms.
STATUS_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2, "forbidden": 3}


class Candidate(NamedTuple):
    """What a surface form stands for: a term of a concept."""

    concept: str
    status: str
    term: str  # the glossary spelling the form belongs to
    needs_capital: bool  # the term is a capitalised name
    is_base: bool  # the form is the term itself (or a hand-listed form), not generated


@dataclass(frozen=True, slots=True)
class Match:
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
    """An automaton over the surface forms of one language.

    ``index`` maps folded surface forms to the candidates they stand for; ``english`` maps
    concept ids to their preferred English term (reported with every match).

    >>> index = {"алматы": [Candidate("almaty", "preferred", "Алматы", True, True)],
    ...          "алматыда": [Candidate("almaty", "preferred", "Алматы", True, False)]}
    >>> m = TermMatcher(index, {"almaty": "Almaty"})
    >>> [(x.text, x.start, x.end) for x in m.find("Сот Алматыда өтті.")]
    [('Алматыда', 4, 12)]
    >>> m.find("алматыдағы")  # no word boundary after «алматыда», and not capitalised
    []
    """

    def __init__(self, index: Mapping[str, Iterable[Candidate]], english: Mapping[str, str]):
        import ahocorasick

        self.english = dict(english)
        self._automaton = ahocorasick.Automaton()
        for key, candidates in index.items():
            self._automaton.add_word(key, (len(key), tuple(candidates)))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        """Number of distinct surface forms."""
        return len(self._automaton)

    def find(self, text: str) -> list[Match]:
        """Every glossary term in ``text``, left to right, without overlaps."""
        if self._empty or not text:
            return []
        folded = fold(text)
        size = len(text)
        hits: list[tuple[int, int, Candidate]] = []
        for last, (length, candidates) in self._automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if start > 0 and is_word_char(text[start - 1]):
                continue
            if end < size and is_word_char(text[end]):
                continue
            capital = text[start].isupper()
            fitting = [c for c in candidates if capital or not c.needs_capital]
            if fitting:
                hits.append((start, end, _best(fitting)))
        return self._leftmost_longest(text, hits)

    def _leftmost_longest(self, text: str, hits: list[tuple[int, int, Candidate]]) -> list[Match]:
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        matches: list[Match] = []
        taken_until = 0
        for start, end, cand in hits:
            if start < taken_until:
                continue
            matches.append(
                Match(
                    concept=cand.concept,
                    en=self.english.get(cand.concept, ""),
                    start=start,
                    end=end,
                    text=text[start:end],
                    status=cand.status,
                    term=cand.term,
                )
            )
            taken_until = end
        return matches
