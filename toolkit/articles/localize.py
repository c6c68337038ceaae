"""Front-matter fields a version localizes without a PO file: ``tags`` and ``byline``.

* ``tags``: a tag that is an English term of a glossary concept becomes that concept's
  preferred term in the version's language («Kazakhstan» → «Қазақстан», «Qazaqstan»,
  «Казахстан»); any other tag stays as it is.
* ``byline``: a plain string, the same in every version, or one value per language
  (``byline: {en: Staff reporter, kk: Тілші, ru: Корреспондент}``). A language without a
  value of its own takes the English one, except the Kazakh scripts, which are derived from
  the Kazakh value (kk-Latn by the 2021 alphabet, kk-Arab by the kk-arab scheme).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from toolkit.glossary.model import Concept

#: Languages a per-language byline may name.
BYLINE_LANGUAGES = ("en", "kk", "kk-Latn", "kk-Arab", "ru")


class TagIndex:
    """English term → concept, for tags. A tag matches a term exactly, else ignoring case;
    a preferred term wins over an admitted one; a tag two concepts share at the same rank
    matches neither (it stays as it is)."""

    def __init__(self, concepts: Iterable[Concept]):
        ranked: dict[tuple[int, str], list[Concept]] = {}
        for concept in concepts:
            for term in concept.terms.get("en", ()):
                if not term.is_usable:
                    continue
                rank = 0 if term.status == "preferred" else 1
                for key in ((rank, term.text), (rank + 2, term.text.casefold())):
                    found = ranked.setdefault(key, [])
                    if concept not in found:
                        found.append(concept)
        self._ranked = ranked

    def concept(self, tag: str) -> Concept | None:
        """The concept whose English term ``tag`` is, or None."""
        for key in ((0, tag), (1, tag), (2, tag.casefold()), (3, tag.casefold())):
            found = self._ranked.get(key)
            if found:
                return found[0] if len(found) == 1 else None
        return None


def localized_tags(
    tags: list[str],
    lang: str,
    index: TagIndex,
    derive: Callable[[str], str] | None = None,
) -> list[str]:
    """``tags`` for the version in glossary language ``lang`` (``en``, ``kk``, ``kk-Latn``,
    ``ru``); with ``derive``, the version is ``derive`` of the ``lang`` one (kk-Arab of kk).

    A concept without a preferred term in ``lang`` leaves its tag as it is.
    """
    out = []
    for tag in tags:
        concept = index.concept(tag)
        term = concept.preferred_text(lang) if concept is not None else ""
        if term:
            out.append(derive(term) if derive else term)
        else:
            out.append(tag)
    return out


def localized_byline(
    byline: str | dict[str, str],
    output: str,
    derive_from_kk: Callable[[str], str] | None = None,
) -> str:
    """The byline of version ``output``: the plain string, or this language's value, or one
    derived from the Kazakh value (``derive_from_kk``), or the English value.

    >>> localized_byline({"en": "Staff", "ru": "Корреспондент"}, "ru")
    'Корреспондент'
    >>> localized_byline({"en": "Staff", "kk": "Тілші"}, "kk-Latn", str.upper)
    'ТІЛШІ'
    """
    if isinstance(byline, str):
        return byline
    if output in byline:
        return byline[output]
    if derive_from_kk is not None and "kk" in byline:
        return derive_from_kk(byline["kk"])
    return byline.get("en", "")
