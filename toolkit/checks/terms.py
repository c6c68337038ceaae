"""Terminology checks: the glossary's terms must be used, in their admitted spellings.

Severity comes from what a concept is (its ``kind``, docs/glossary-format.md), not from how
English writes it: a missing or misspelt name of a person, organisation or place, and a
number, is an error; an ethnonym or a common term a warning; an admitted but not preferred
term is ``info`` (shown and counted, never failing CI). Terms with a validity period are
judged by the article's date (:mod:`.dates`): Нұр-Сұлтан is right in 2019 and deprecated in
2023. An entry whose translation is no translation (:mod:`.scripts`) is left to
``untranslated``.
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Check, Problem, Resources, Unit
from toolkit.checks.concepts import expected_term, severity_of, status_of, term_of
from toolkit.checks.registry import register
from toolkit.checks.requirements import analyse
from toolkit.checks.scripts import untranslated_of
from toolkit.glossary.model import Term
from toolkit.matching.matcher import Match, is_acronym
from toolkit.matching.normalize import fold


def is_translation(unit: Unit) -> bool:
    """The entry has a translation the term checks can judge (not a copy of the source, not
    text without a letter of the target script)."""
    return untranslated_of(unit) is None


def not_preferred(unit: Unit) -> list[tuple[Match, str]]:
    """The terms matched in the translation whose status, in the article's time, is not
    ``preferred``, with that status: what the status checks look at (worked out once for
    the three of them; most translations have none)."""
    found = unit.memo.get("not-preferred")
    if found is None:
        resources = unit.resources
        found = unit.memo["not-preferred"] = [
            (m, status)
            for m in unit.target_matches
            if (status := status_of(resources, unit, m)) != "preferred"
        ]
    return found


@register
class MissingTerm(Check):
    id = "missing_term"
    name = "Missing term"
    description = (
        "The source names a glossary concept but the translation has none of its preferred or "
        "admitted terms, in any inflected form, nor a near spelling of it (that is a "
        "wrong_variant). An ambiguous source word is satisfied by any concept it can name; a "
        "term marked require: false, or used as a modifier of the next name, requires "
        "nothing. An error for names of persons, organisations and places and for numbers, a "
        "warning for ethnonyms and common terms."
    )
    uses_source_matches = True
    uses_target_matches = True

    def problems(self, unit: Unit) -> Iterator[Problem]:
        if not unit.source_matches or not is_translation(unit):
            return
        resources = unit.resources
        report = analyse(unit)
        if not report.missing:
            return
        day = resources.day(unit.catalog)
        for requirement in report.missing:
            match = requirement.source
            concept = match.concept if match.concept in requirement.concepts else None
            concept = concept or sorted(requirement.concepts)[0]
            expected = expected_term(resources, concept, unit.lang, day)
            others = sorted(requirement.concepts - {concept})
            either = (
                f" (or a term of {', '.join(others)}, which «{match.text}» can also mean)"
                if others
                else ""
            )
            yield Problem(
                f"«{match.text}» ({concept}) is not in the translation; "
                f"the glossary term is «{expected}»{either}",
                concept=concept,
                suggestion=expected,
                severity=severity_of(resources, *requirement.concepts),
            )


class _StatusCheck(Check):
    status: str
    label: str  # "a deprecated" in «X» is a deprecated term
    advice = "use"

    def reported(self, resources: Resources, lang: str, match: Match) -> bool:
        """Whether a term of this status is worth a finding here (always, but see
        :class:`AdmittedTerm`)."""
        return True

    uses_source_matches = True  # an old name the source uses itself may stay
    uses_target_matches = True

    def problems(self, unit: Unit) -> Iterator[Problem]:
        if not unit.target_matches or not is_translation(unit):
            return
        resources = unit.resources
        mirrored: frozenset[str] | None = None
        for match, status in not_preferred(unit):
            if status != self.status or not self.reported(resources, unit.lang, match):
                continue
            if status == "deprecated":
                if mirrored is None:
                    mirrored = _outdated_in_source(unit)
                if match.concept in mirrored:
                    continue  # the source uses an old name too: history, or a quotation
            day = resources.day(unit.catalog)
            preferred = expected_term(resources, match.concept, unit.lang, day)
            when = _period(term_of(resources, unit.lang, match.concept, match.term), day)
            yield Problem(
                f"«{match.text}» is {self.label} term for {match.concept}{when}; "
                f"{self.advice} «{preferred}» (in the same form)",
                concept=match.concept,
                suggestion=preferred,
                start=match.start,
                end=match.end,
            )


@register
class DeprecatedTerm(_StatusCheck):
    id = "deprecated_term"
    name = "Deprecated term"
    description = (
        "The translation uses a term the glossary marks as deprecated (оралман), or a "
        "time-bound term outside its validity period (Нұр-Сұлтан in an article of 2023), "
        "where the source does not use an old name of that concept itself (history, "
        "quotations)."
    )
    status = "deprecated"
    label = "a deprecated"


@register
class ForbiddenTerm(_StatusCheck):
    id = "forbidden_term"
    name = "Forbidden term"
    description = "The translation uses a term the glossary marks as forbidden."
    status = "forbidden"
    label = "a forbidden"


@register
class AdmittedTerm(_StatusCheck):
    id = "admitted_term"
    name = "Admitted, not preferred"
    description = (
        "The translation uses an admitted term where the glossary prefers another (a press "
        "variant for the statutory wording, a second spelling). Information: shown and "
        "counted, never an error."
    )
    severity = "info"
    status = "admitted"
    label = "an admitted, not the preferred,"
    advice = "the glossary prefers"

    def reported(self, resources: Resources, lang: str, match: Match) -> bool:
        """A variant of the preferred term, not a short form of it: abbreviations (ООН,
        тыс.) and parts of the preferred term (Билаш of Серикжан Билаш, доллар of доллар
        США) are how a second mention is written, not a choice worth a note."""
        key = ("variant", lang, match.concept, match.term)
        known = resources.memo.get(key)
        if known is None:
            known = resources.memo[key] = _is_variant(resources, lang, match)
        return known


def _outdated_in_source(unit: Unit) -> frozenset[str]:
    """Concepts the source names by a deprecated term in the article's time («Until 2020,
    returnees were called oralmans», «renamed Nur-Sultan that year»): the translation may
    keep the old name where the source does."""
    resources = unit.resources
    return frozenset(
        m.concept
        for m in unit.source_matches
        if status_of(resources, unit, m, "en") in ("deprecated", "forbidden")
    )


def _period(term: Term | None, day: str | None) -> str:
    """« in an article of DAY (right from … until …)» for a time-bound term, else ""."""
    if term is None or not term.time_bound:
        return ""
    span = " ".join(
        part
        for part in (
            f"from {term.valid_from}" if term.valid_from else "",
            f"until {term.valid_until}" if term.valid_until else "",
        )
        if part
    )
    return f" in an article of {day} (right {span})" if day else f" (right {span})"


def _is_variant(resources: Resources, lang: str, match: Match) -> bool:
    term = term_of(resources, lang, match.concept, match.term)
    concept = resources.glossary.get(match.concept)
    preferred = concept.preferred_text(lang) if concept else ""
    if term is None or not preferred or term.pos == "abbreviation":
        return False
    if is_acronym(term.text) or term.text.endswith("."):
        return False
    # a short or a full form: each word of one begins a word of the other (доллар of АҚШ
    # доллары; кыргызский язык for кыргызский)
    return not (_words_begin(term.text, preferred) or _words_begin(preferred, term.text))


def _words_begin(part: str, whole: str) -> bool:
    """Each word of ``part`` begins a word of ``whole``."""
    words = fold(whole).split()
    return all(any(w.startswith(p) for w in words) for p in fold(part).split())


@register
class WrongVariant(Check):
    id = "wrong_variant"
    name = "Wrong spelling of a glossary term"
    description = (
        "What the translator wrote instead of a glossary term the source names: a near miss "
        "(also after folding the Kazakh letters ң ұ ү і ә қ ғ ө to н у у и а к г о: Атажурт "
        "for Атажұрт), the term of another language or script (Синьцзян in Kazakh), or a "
        "capitalised word one letter from a name (Белаш for Билаш). One finding per defect: "
        "the missing_term it explains is not reported."
    )
    severity = "warning"
    uses_source_matches = True
    uses_target_matches = True

    def problems(self, unit: Unit) -> Iterator[Problem]:
        if not is_translation(unit):
            return
        for variant in analyse(unit).variants:
            kind = "looks like a misspelling of" if variant.unrequired else "stands for"
            yield Problem(
                f"found «{variant.text}»; the glossary has «{variant.expected}» "
                f"({variant.concept}): «{variant.text}» {kind} it",
                concept=variant.concept,
                suggestion=variant.expected,
                start=variant.start,
                end=variant.end,
                severity=variant.severity,
            )
