"""Terminology checks: the glossary's terms must be used, in their admitted spellings."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Check, Problem, Unit
from toolkit.checks.registry import register
from toolkit.checks.variants import near_misses


def _preferred(unit: Unit, concept_id: str) -> str | None:
    concept = unit.resources.glossary.get(concept_id)
    return concept.preferred_text(unit.lang) if concept else None


@register
class MissingTerm(Check):
    id = "missing_term"
    name = "Missing term"
    description = (
        "The source names a glossary concept but the translation has none of its preferred or "
        "admitted terms, in any inflected form. An error for names (capitalised terms), a "
        "warning for common nouns, which a translator may rightly paraphrase."
    )
    uses_source_matches = True
    uses_target_matches = True

    def problems(self, unit: Unit) -> Iterator[Problem]:
        present = {m.concept for m in unit.target_matches}
        reported: set[str] = set()
        for match in unit.source_matches:
            concept = match.concept
            if concept in present or concept in reported:
                continue
            reported.add(concept)
            expected = _preferred(unit, concept)
            if not expected:
                continue  # the glossary has no term in this language: nothing to require
            yield Problem(
                f"«{match.text}» ({concept}) is not in the translation; "
                f"the glossary term is «{expected}»",
                concept=concept,
                suggestion=expected,
                severity=None if match.term[:1].isupper() else "warning",
            )


class _StatusCheck(Check):
    status: str
    uses_target_matches = True

    def problems(self, unit: Unit) -> Iterator[Problem]:
        for match in unit.target_matches:
            if match.status != self.status:
                continue
            preferred = _preferred(unit, match.concept)
            yield Problem(
                f"«{match.text}» is a {self.status} term for {match.concept}; "
                f"use «{preferred}» (in the same form)",
                concept=match.concept,
                suggestion=preferred,
                start=match.start,
                end=match.end,
            )


@register
class DeprecatedTerm(_StatusCheck):
    id = "deprecated_term"
    name = "Deprecated term"
    description = "The translation uses a term the glossary marks as deprecated (оралман)."
    status = "deprecated"


@register
class ForbiddenTerm(_StatusCheck):
    id = "forbidden_term"
    name = "Forbidden term"
    description = "The translation uses a term the glossary marks as forbidden."
    status = "forbidden"


@register
class WrongVariant(Check):
    id = "wrong_variant"
    name = "Near miss of a glossary term"
    description = (
        "A word one letter away from a word of a glossary name (Атажурт for Атажұрт, Белаш "
        "for Билаш) that is not itself a form of any term, where the word could be that name: "
        "capitalised in mid-sentence or named by the source, the first letter kept, an ending "
        "the name takes, and (Russian) not an ordinary word of pymorphy3's dictionary."
    )
    severity = "warning"
    uses_source_matches = True
    uses_target_matches = True

    def problems(self, unit: Unit) -> Iterator[Problem]:
        taken = [(m.start, m.end) for m in unit.target_matches]
        named = frozenset(m.concept for m in unit.source_matches)
        for miss in near_misses(unit.resources, unit.lang, unit.target, taken, named):
            yield Problem(
                f"«{miss.text}» looks like a misspelling of «{miss.expected}» ({miss.concept})",
                concept=miss.concept,
                suggestion=miss.expected,
                start=miss.start,
                end=miss.end,
            )
