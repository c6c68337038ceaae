"""Re-inflection for Kazakh: the form of one term with the features of another's surface form
(оралмандарға → қандастарға), for `toolkit conform`."""

from __future__ import annotations

from functools import lru_cache

from toolkit.glossary.model import Term
from toolkit.matching.kazakh import INFLECTED_FORMS_POS, Tagged, tagged_phrase_forms
from toolkit.matching.kazakh_suffixes import Features
from toolkit.matching.normalize import fold
from toolkit.matching.normalize import match_case as _match_case


def _key(text: str) -> str:
    return " ".join(fold(text).split())


@lru_cache(maxsize=4096)
def _paradigm(term: Term) -> Tagged:
    """The tagged forms of a term's text (an indeclinable term: its text and hand forms, read
    as nominatives)."""
    if term.indeclinable:
        return dict.fromkeys((term.text, *term.forms), ("NOM",))
    return tagged_phrase_forms(term.text, plural=not term.plural_only)


def _analyse(surface: str, term: Term) -> Features | None:
    """The features of ``surface`` as a form of ``term``, or None.

    The term's text is tried first; then each hand-listed form that is not itself a form of
    the text (a spelling variant such as Нурсұлтан), inflected as a base of its own.
    """
    key = _key(surface)
    paradigm = {_key(f): tags for f, tags in reversed(_paradigm(term).items())}
    if key in paradigm:
        return paradigm[key]
    if term.indeclinable or term.pos not in INFLECTED_FORMS_POS:
        return None
    for variant in term.forms:
        if _key(variant) not in paradigm:
            forms = tagged_phrase_forms(variant, plural=not term.plural_only)
            found = {_key(f): tags for f, tags in reversed(forms.items())}.get(key)
            if found is not None:
                return found
    return None


def kazakh_inflect_like(surface: str, source: Term, target: Term) -> str | None:
    """The form of ``target`` with the features of ``surface``, a form of ``source``.

    The surface is analysed by looking it up (case-insensitively) among the source's tagged
    forms; the target's head word gets the same number, possessive, case and -дағы (its
    modifiers stay); the surface's ALL CAPS or sentence-initial capital is kept. None when
    the surface is not a form of the source, or the target has no form with those features
    (an indeclinable target, a head already in the possessive asked for PX3 or a plural).
    Number is neutralised for a plural-only term: its text is the plural, so the PL of a
    source maps to it and a plural-only source's forms map to the target's plural.

    >>> source, target = Term("оралман", "kk", "deprecated"), Term("қандас", "kk", "preferred")
    >>> kazakh_inflect_like("Оралмандарға", source, target)
    'Қандастарға'
    """
    if source.lang != "kk" or target.lang != "kk":
        raise ValueError(f"kazakh_inflect_like needs kk terms, got {source.lang}, {target.lang}")
    features = _analyse(surface, source)
    if features is None:
        return None
    if target.plural_only and not source.plural_only and features[0] == "PL":
        features = features[1:]
    elif source.plural_only and not target.plural_only and features[0] != "PL":
        features = ("PL", *features)
    for form, tags in _paradigm(target).items():
        if tags == features:
            return _match_case(surface, source.text, form)
    return None
