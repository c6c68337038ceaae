"""Find concepts by any of their spellings, in any language or script.

Matching is forgiving the way a translator types: case-insensitive, accents ignored, and
Kazakh letters typed on a Russian keyboard (Атажурт for Атажұрт) still match.

>>> fold("Атажұрт"), fold("ATAJŪRT"), fold("Qazaqstan"), fold("Ёлка")
('атажурт', 'atajurt', 'qazaqstan', 'елка')
"""

from __future__ import annotations

import unicodedata

from toolkit.glossary.model import Concept, Glossary
from toolkit.matching.forms import MATCH_LANGUAGES, load_matcher

#: Kazakh letters folded to the Russian letter people type for them; ё to е, ı to i.
_LOOKALIKES = str.maketrans("әғқңөұүһіё", "агкноуухие") | {ord("ı"): "i"}


def fold(text: str) -> str:
    """The search key of ``text``: case-folded, without accents, Kazakh letters folded."""
    folded = text.casefold().translate(_LOOKALIKES)
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_LOOKALIKES)


def _rank(concept: Concept, query: str) -> int | None:
    """0 exact term or id, 1 a term starts with the query, 2 contains it; None: no match."""
    best: int | None = None
    keys = [concept.id, *(form for t in concept.all_terms() for form in (t.text, *t.forms))]
    for key in keys:
        folded = fold(key)
        if folded == query:
            return 0
        if folded.startswith(query):
            best = 1
        elif best is None and query in folded:
            best = 2
    return best


def inflected_hits(glossary: Glossary, text: str) -> set[str]:
    """Concepts that ``text`` is an inflected form of, in any language («Синьцзяне»,
    «Алматыда», «Kazakhstan's»), found by the term recognition."""

    hits: set[str] = set()
    for lang in MATCH_LANGUAGES:
        hits.update(m.concept for m in load_matcher(glossary, lang).find(text))
    return hits


def search(glossary: Glossary, text: str, *, inflected: bool = True) -> list[Concept]:
    """Concepts with a spelling (or id) matching ``text``, best matches first; with
    ``inflected``, also the concepts ``text`` is an inflected form of (ranked as exact).

    An empty ``text`` returns every concept in glossary order.
    """
    text = " ".join(text.split())
    query = fold(text)
    if not query:
        return list(glossary)
    forms = inflected_hits(glossary, text) if inflected else set()
    ranked = [
        (0 if c.id in forms else rank, i, c)
        for i, c in enumerate(glossary)
        if (rank := _rank(c, query)) is not None or c.id in forms
    ]
    return [c for _, _, c in sorted(ranked, key=lambda r: (r[0], r[1]))]
