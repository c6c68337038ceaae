"""What the checks look up about the glossary's concepts, worked out once per run and kept in
:attr:`toolkit.checks.base.Resources.memo`: a term by its text, its status at the article's
date, the kind of a concept and the severity it gives, surface forms that name several
concepts, the spellings a translation is searched for (:mod:`.spellings`)."""

from __future__ import annotations

from toolkit.checks.base import Resources, Unit
from toolkit.checks.spellings import KnownForms, Probe, loose, probes
from toolkit.glossary.model import ERROR_KINDS, Term
from toolkit.matching.matcher import Match
from toolkit.matching.normalize import fold


def severity_of(resources: Resources, *concept_ids: str) -> str:
    """error for names and numbers, warning for ethnonyms and common terms (the concept's
    kind, docs/glossary-format.md); for a word that can name several concepts, the
    mildest."""
    for concept_id in concept_ids:
        concept = resources.glossary.get(concept_id)
        if concept is None or concept.kind not in ERROR_KINDS:
            return "warning"
    return "error"


def known_forms(resources: Resources, concept_id: str, lang: str) -> KnownForms:
    """The recognised forms of ``concept_id`` in ``lang`` (from the form index)."""
    table = resources.memo.get(("forms", lang))
    if table is None:
        grouped: dict[str, set[str]] = {}
        for form, candidates in form_index(resources, lang).items():
            for candidate in candidates:
                grouped.setdefault(candidate.concept, set()).add(form)
        table = resources.memo[("forms", lang)] = grouped
    key = ("known", lang, concept_id)
    known = resources.memo.get(key)
    if known is None:
        folded = frozenset(table.get(concept_id, ()))
        known = resources.memo[key] = KnownForms(folded, frozenset(loose(f) for f in folded))
    return known


def term_of(resources: Resources, lang: str, concept: str, text: str) -> Term | None:
    """The glossary term ``text`` of ``concept`` in ``lang``."""
    table = resources.memo.get(("terms", lang))
    if table is None:
        table = resources.memo[("terms", lang)] = {
            (c.id, t.text): t for c in resources.glossary for t in c.terms.get(lang, ())
        }
    return table.get((concept, text))


def status_of(resources: Resources, unit: Unit, match: Match, lang: str | None = None) -> str:
    """The status of a matched term (of ``lang``, by default the translation's) in the
    article's time (validity periods)."""
    lang = lang or unit.lang
    bound = resources.memo.get(("time-bound", lang))
    if bound is None:
        bound = resources.memo[("time-bound", lang)] = {
            (c.id, t.text): t for c in resources.glossary for t in c.terms.get(lang, ())
            if t.time_bound
        }  # fmt: skip
    term = bound.get((match.concept, match.term)) if bound else None
    if term is None:
        return match.status
    return term.status_on(resources.day(unit.catalog))


def expected_term(resources: Resources, concept_id: str, lang: str, day: str | None) -> str:
    """The term a translation dated ``day`` should use: a time-bound term valid that day,
    else the preferred term."""
    concept = resources.glossary.get(concept_id)
    if concept is None:
        return ""
    if day is not None:
        for term in concept.terms.get(lang, ()):
            if term.time_bound and term.valid_on(day):
                return term.text
    return concept.preferred_text(lang)


def ambiguous_forms(resources: Resources, lang: str) -> dict[str, frozenset[str]]:
    """Surface forms of ``lang`` that stand for more than one concept, folded."""
    table = resources.memo.get(("ambiguous", lang))
    if table is None:
        index = form_index(resources, lang)
        table = resources.memo[("ambiguous", lang)] = {
            form: concepts
            for form, candidates in index.items()
            if len(candidates) > 1 and len(concepts := frozenset(c.concept for c in candidates)) > 1
        }
    return table


def concepts_of(ambiguous: dict[str, frozenset[str]], match: Match) -> frozenset[str]:
    if not ambiguous:
        return frozenset((match.concept,))
    return ambiguous.get(fold(match.text)) or frozenset((match.concept,))


def probes_of(resources: Resources, concept_id: str, lang: str) -> tuple[Probe, ...]:
    key = ("probes", lang, concept_id)
    found = resources.memo.get(key)
    if found is None:
        concept = resources.glossary.get(concept_id)
        found = resources.memo[key] = probes(concept, lang) if concept is not None else ()
    return found


def not_required(resources: Resources) -> frozenset[tuple[str, str]]:
    """(concept, English term) of the terms marked ``require: false``."""
    found = resources.memo.get("not-required")
    if found is None:
        found = resources.memo["not-required"] = frozenset(
            (c.id, t.text) for c in resources.glossary for t in c.terms.get("en", ())
            if not t.require
        )  # fmt: skip
    return found


def form_index(resources: Resources, lang: str) -> dict:
    """The form index of ``lang`` (folded form → candidates)."""
    return resources.form_index(lang)


def has_terms(resources: Resources, concept_id: str, lang: str) -> bool:
    key = ("has-terms", lang, concept_id)
    known = resources.memo.get(key)
    if known is None:
        concept = resources.glossary.get(concept_id)
        known = resources.memo[key] = concept is not None and bool(concept.terms.get(lang))
    return known


def multiword_terms(resources: Resources, concept_id: str, lang: str) -> list[tuple[str, ...]]:
    """The words of the usable terms of more than one word of a concept in ``lang``."""
    key = ("multiword", lang, concept_id)
    found = resources.memo.get(key)
    if found is None:
        concept = resources.glossary.get(concept_id)
        terms = concept.terms.get(lang, ()) if concept is not None else ()
        found = resources.memo[key] = [
            tuple(t.text.split()) for t in terms if t.is_usable and len(t.text.split()) > 1
        ]
    return found


def has_longer(resources: Resources, match: Match, lang: str) -> bool:
    """The concept has a term of more words than the matched one (a hybrid may hide)."""
    key = ("longer", lang, match.concept, match.term)
    known = resources.memo.get(key)
    if known is None:
        concept = resources.glossary.get(match.concept)
        size = len(match.term.split())
        known = resources.memo[key] = concept is not None and any(
            len(t.text.split()) > size for t in concept.terms.get(lang, ())
        )
    return known
