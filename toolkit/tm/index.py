"""The candidate index: which units are worth scoring for a new source, found without
comparing it against every unit.

Units are grouped by :func:`~toolkit.tm.normalize.shape_key` (the source case-folded, numbers
written ``0``): a sentence repeated with other figures is one shape. An inverted index maps
each word to the shapes that have it. A lookup counts, for each shape, the words it shares
with the new source, rarest words first, and stops adding words once a budget of postings is
spent: the words every sentence has (``the``, ``of``) cost the most and tell the least. The
shapes with the most shared words are the candidates; rapidfuzz then scores only those.

>>> index = CandidateIndex(["A court fined Bilash.", "A court in Almaty fined him 252,000 tenge."])
>>> index.candidates("A court in Astana fined him 300,000 tenge.")[0]
1
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence

from toolkit.tm.normalize import fuzzy_key, shape_key, words

#: postings a lookup adds up at most (beyond the rarest word's); bounds a lookup's time
POSTING_BUDGET = 2_000
#: words of a lookup counted at most, the rarest first
RAREST_WORDS = 6
#: shapes handed to the scorer
CANDIDATES = 24


class CandidateIndex:
    """Shapes of the sources of one language's units, and the words that lead to them."""

    __slots__ = ("_postings", "keys", "shape_keys", "shape_units", "shapes")

    def __init__(self, sources: Sequence[str]):
        by_shape: dict[str, int] = {}
        #: shape number → the numbers of its units (in the order of ``sources``)
        self.shape_units: list[array] = []
        #: shape number → the fuzzy keys of its units (what the scorer is handed)
        self.shape_keys: list[list[str]] = []
        self.shapes: list[str] = []
        postings: dict[str, array] = {}
        #: the fuzzy key of each source, which scores are computed on
        self.keys: list[str] = [fuzzy_key(s) for s in sources]
        for number, key in enumerate(self.keys):
            shape = shape_key(key)
            at = by_shape.get(shape)
            if at is None:
                at = by_shape[shape] = len(self.shapes)
                self.shapes.append(shape)
                self.shape_units.append(array("I"))
                self.shape_keys.append([])
                for word in set(words(shape)):
                    postings.setdefault(word, array("I")).append(at)
            self.shape_units[at].append(number)
            self.shape_keys[at].append(key)
        self._postings = postings

    def candidates(self, text: str, limit: int = CANDIDATES) -> list[int]:
        """Numbers of the shapes most likely to match ``text``, best first."""
        found = [self._postings[w] for w in set(words(shape_key(text))) if w in self._postings]
        found.sort(key=len)
        counts: Counter[int] = Counter()
        budget = POSTING_BUDGET
        for rank, posting in enumerate(found):
            if counts and (len(posting) > budget or rank >= RAREST_WORDS):
                break  # the rest are commoner still: they would tell little and cost most
            counts.update(posting)
            budget -= len(posting)
        return [shape for shape, _ in counts.most_common(limit)]
