"""Find concepts by any of their spellings, in any language or script.

Matching is forgiving the way a translator types: case-insensitive, accents ignored, and
Kazakh letters typed on a Russian keyboard (Атажурт for Атажұрт) still match.

>>> fold("Атажұрт"), fold("ATAJŪRT"), fold("Qazaqstan"), fold("Ёлка")
('атажурт', 'atajurt', 'qazaqstan', 'елка')
"""

from __future__ import annotations

import unicodedata

from toolkit.glossary.model import Concept, Glossary

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


def search(glossary: Glossary, text: str) -> list[Concept]:
    """Concepts with a spelling (or id) matching ``text``, best matches first.

    An empty ``text`` returns every concept in glossary order.
    """
    query = fold(" ".join(text.split()))
    if not query:
        return list(glossary)
    ranked = [(rank, i, c) for i, c in enumerate(glossary) if (rank := _rank(c, query)) is not None]
    return [c for _, _, c in sorted(ranked, key=lambda r: (r[0], r[1]))]
