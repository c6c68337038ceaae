"""Which concepts the source of an entry requires in its translation, and what became of each.

One analysis per entry, shared by ``missing_term`` and ``wrong_variant`` so that one defect
gives one finding:

- a source term creates a requirement unless its glossary term says ``require: false``
  (generic phrases) or it modifies the name that follows it («Kazakh repatriates», where
  «repatriates» is the concept; «Kyrgyz students», where Russian writes an adjective);
- an ambiguous source word requires any one of the concepts it can name («Kyrgyz», the
  people or the language): each of them in the translation satisfies it;
- an unsatisfied requirement is looked for as a near miss or a spelling of another language
  (:mod:`.spellings`) before it is called missing;
- a recognised short form next to the rest of a longer name spelt wrong («Атажурт
  еріктілері») is a wrong variant of the longer name, not a correct short form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.checks.base import Resources, Unit
from toolkit.checks.scripts import script_of
from toolkit.checks.spellings import (
    Found,
    KnownForms,
    Probe,
    Words,
    is_cyrillic,
    latin_key,
    loose,
    one_edit,
    probes,
    search,
)
from toolkit.checks.variants import near_misses
from toolkit.glossary.model import ERROR_KINDS, Term
from toolkit.matching.english import is_plural
from toolkit.matching.forms import load_index
from toolkit.matching.matcher import Match
from toolkit.matching.normalize import fold

#: words after which a nationality word is a noun, not a modifier («Kyrgyz and», «Kazakh who»)
_NOT_A_HEAD = frozenset(
    ("a", "an", "the", "and", "or", "but", "nor", "who", "whom", "whose", "that", "which",
     "than", "as", "at", "by", "for", "from", "in", "into", "of", "on", "to", "with", "without",
     "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
     "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "live",
     "lives", "lived", "living", "say", "says", "said")
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Requirement:
    """A concept the source names; any one of ``concepts`` in the translation satisfies it."""

    source: Match
    concepts: frozenset[str]


@dataclass(frozen=True, slots=True)
class Variant:
    """A spelling in the translation that stands for a concept but is not one of its terms."""

    text: str
    start: int
    end: int
    concept: str
    expected: str
    severity: str
    #: the near miss was found without the source naming the concept (a capitalised word)
    unrequired: bool = False


@dataclass(slots=True)
class TermReport:
    missing: list[Requirement] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)


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
        for form, candidates in load_index(
            resources.glossary, lang, use_cache=resources.use_cache
        ).items():
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


def status_of(resources: Resources, unit: Unit, match: Match) -> str:
    """The status of a matched term in the article's time (validity periods)."""
    bound = resources.memo.get(("time-bound", unit.lang))
    if bound is None:
        bound = resources.memo[("time-bound", unit.lang)] = {
            (c.id, t.text): t for c in resources.glossary for t in c.terms.get(unit.lang, ())
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


def _ambiguous(resources: Resources, lang: str) -> dict[str, frozenset[str]]:
    """Surface forms of ``lang`` that stand for more than one concept, folded."""
    table = resources.memo.get(("ambiguous", lang))
    if table is None:
        index = load_index(resources.glossary, lang, use_cache=resources.use_cache)
        table = resources.memo[("ambiguous", lang)] = {
            form: concepts
            for form, candidates in index.items()
            if len(candidates) > 1 and len(concepts := frozenset(c.concept for c in candidates)) > 1
        }
    return table


def _concepts(ambiguous: dict[str, frozenset[str]], match: Match) -> frozenset[str]:
    if not ambiguous:
        return frozenset((match.concept,))
    return ambiguous.get(fold(match.text)) or frozenset((match.concept,))


def _probes(resources: Resources, concept_id: str, lang: str) -> tuple[Probe, ...]:
    key = ("probes", lang, concept_id)
    found = resources.memo.get(key)
    if found is None:
        concept = resources.glossary.get(concept_id)
        found = resources.memo[key] = probes(concept, lang) if concept is not None else ()
    return found


#: the word after a source term (to tell «Kyrgyz students» from «Kyrgyz live»)
_FOLLOWING_WORD = re.compile(r" ([^\W\d_]+)\b")


def _is_modifier(resources: Resources, text: str, match: Match, following: Match | None) -> bool:
    """The source term (an ethnonym or common term, not a name, not a possessive) modifies
    the name after it: «Ethnic Kazakh repatriates» (another glossary term follows, joined
    by a space or hyphen), or a singular nationality word before a common noun («Kyrgyz
    students»)."""
    key = ("modifier-kind", match.concept, match.text)
    kind = resources.memo.get(key)
    if kind is None:
        concept = resources.glossary.get(match.concept)
        surface = match.text.replace("’", "'")
        if concept is None or concept.kind in ERROR_KINDS or surface.endswith(("'s", "s'")):
            kind = ""  # names are required wherever they stand; «Bilash's lawyer» too
        elif concept.kind == "ethnonym" and not is_plural(match.text.split()[-1]):
            kind = "nationality"
        else:
            kind = "term"
        resources.memo[key] = kind
    if not kind:
        return False
    if following is not None and text[match.end : following.start] in (" ", "-"):
        return True
    if kind != "nationality":
        return False
    word = _FOLLOWING_WORD.match(text, match.end)
    if word is None:
        return False
    head = word.group(1)
    return head[:1].islower() and head not in _NOT_A_HEAD


def requirements(unit: Unit) -> list[Requirement]:
    """The concepts the entry's source requires in a translation into ``unit.lang``."""
    resources = unit.resources
    ambiguous = _ambiguous(resources, "en")
    matches = unit.source_matches
    found: list[Requirement] = []
    seen: set[frozenset[str]] = set()
    not_required = _not_required(resources)
    for number, match in enumerate(matches):
        if (match.concept, match.term) in not_required:
            continue
        following = matches[number + 1] if number + 1 < len(matches) else None
        if _is_modifier(resources, unit.source, match, following):
            continue
        key = ("required", unit.lang, match.concept, match.text)
        concepts = resources.memo.get(key)
        if concepts is None:
            concepts = resources.memo[key] = frozenset(
                c for c in _concepts(ambiguous, match) if _has_terms(resources, c, unit.lang)
            )
        if concepts and concepts not in seen:
            seen.add(concepts)
            found.append(Requirement(match, concepts))
    return found


def _not_required(resources: Resources) -> frozenset[tuple[str, str]]:
    """(concept, English term) of the terms marked ``require: false``."""
    found = resources.memo.get("not-required")
    if found is None:
        found = resources.memo["not-required"] = frozenset(
            (c.id, t.text) for c in resources.glossary for t in c.terms.get("en", ())
            if not t.require
        )  # fmt: skip
    return found


def _has_terms(resources: Resources, concept_id: str, lang: str) -> bool:
    key = ("has-terms", lang, concept_id)
    known = resources.memo.get(key)
    if known is None:
        concept = resources.glossary.get(concept_id)
        known = resources.memo[key] = concept is not None and bool(concept.terms.get(lang))
    return known


def analyse(unit: Unit) -> TermReport:
    """What became of the entry's requirements (computed once per entry)."""
    report = unit.memo.get("terms")
    if report is None:
        report = unit.memo["terms"] = _analyse(unit)
    return report


def _analyse(unit: Unit) -> TermReport:
    resources, lang = unit.resources, unit.lang
    report = TermReport()
    target_ambiguous = _ambiguous(resources, lang)
    present: set[str] = set()
    for match in unit.target_matches:
        present |= _concepts(target_ambiguous, match) if target_ambiguous else {match.concept}
    day = resources.day(unit.catalog)
    words: Words | None = None
    taken = [(m.start, m.end) for m in unit.target_matches]
    # every concept the source names is there (the usual case): nothing can be missing
    not_required = _not_required(resources)
    named = {m.concept for m in unit.source_matches if (m.concept, m.term) not in not_required}
    for requirement in requirements(unit) if not named <= present else ():
        if requirement.concepts & present:
            continue
        if words is None:
            words = Words(unit.target)
        hit = _search(resources, words, requirement, lang)
        if hit is not None and hit.inflection:
            present.add(hit.concept)  # an ending the generator does not know: present
            continue
        if hit is not None and _mixes_scripts(hit.text):
            continue  # a Latin letter in a Cyrillic word: one finding, script_mix's
        if hit is None or _overlaps(hit.start, hit.end, taken):
            report.missing.append(requirement)
            continue
        report.variants.append(_variant(resources, hit, lang, day, requirement.concepts))
    report.variants.extend(_hybrids(unit, words, day))
    _add_near_misses(unit, report, taken)
    return report


def _search(resources: Resources, words: Words, requirement: Requirement, lang: str):
    first = requirement.source.concept
    for concept in sorted(requirement.concepts, key=lambda c: (c != first, c)):
        hit = search(
            words, concept, _probes(resources, concept, lang), lang,
            known_forms(resources, concept, lang),
        )  # fmt: skip
        if hit is not None:
            return hit
    return None


def _mixes_scripts(text: str) -> bool:
    """Latin and Cyrillic letters in one stretch of text: script_mix reports it."""
    return len({script_of(ch) for ch in text} - {None}) > 1


def _variant(
    resources: Resources, hit: Found, lang: str, day: str | None, concepts: frozenset[str]
) -> Variant:
    return Variant(
        hit.text, hit.start, hit.end, hit.concept,
        expected_term(resources, hit.concept, lang, day), severity_of(resources, *concepts),
    )  # fmt: skip


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _has_longer(resources: Resources, match: Match, lang: str) -> bool:
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


#: the word right after a recognised term, joined to it by a space or a hyphen
_NEXT_WORD = re.compile(r"[ \t\xa0\-‐‑]{1,2}([^\W\d_]+)")


def _may_continue(resources: Resources, match: Match, lang: str, word: str) -> bool:
    """``word`` begins like the word that follows the matched term in a longer term of its
    concept (a cheap test before the search for a hybrid)."""
    size = len(match.term.split())
    key = ("continues", lang, match.concept, size)
    starts = resources.memo.get(key)
    if starts is None:
        starts = resources.memo[key] = frozenset(
            p.words[size][:2]
            for p in _probes(resources, match.concept, lang)
            if len(p.words) > size
        )
    if not starts:
        return False
    head = resources.memo.get(("head", word))
    if head is None:
        head = resources.memo[("head", word)] = (
            loose(word) if is_cyrillic(word) else latin_key(word)
        )[:2]
    return head in starts


def _hybrids(unit: Unit, words: Words | None, day: str | None) -> list[Variant]:
    """Recognised short forms that are the start of a longer term of their concept spelt
    wrong: «Атажурт еріктілері» (Russian у in Атажурт, Kazakh letters in еріктілері)."""
    resources, lang = unit.resources, unit.lang
    found = []
    text = unit.target
    for match in unit.target_matches:
        next_word = _NEXT_WORD.match(text, match.end)
        if next_word is None or not _has_longer(resources, match, lang):
            continue
        if not _may_continue(resources, match, lang, next_word.group(1)):
            continue
        if words is None:
            words = Words(text)
        first = next((i for i, (s, _) in enumerate(words.spans) if s == match.start), None)
        if first is None:
            continue
        if first + 1 >= len(words.spans) or not words.joined(first, first + 1):
            continue  # no word after the match that could be the rest of a longer name
        size = len(match.term.split())
        head = words.key(first)[1]
        longer = tuple(
            p for p in _probes(resources, match.concept, lang)
            if len(p.words) > size and (p.words[0] == head or one_edit(p.words[0], head))
        )  # fmt: skip
        if not longer:
            continue
        known = known_forms(resources, match.concept, lang)
        hit = search(words, match.concept, longer, lang, known, at=first)
        if hit is None or hit.inflection:
            continue  # none, or the longer name in a form the generator does not know
        if hit.start == match.start and hit.end > match.end:
            found.append(_variant(resources, hit, lang, day, frozenset((match.concept,))))
    return found


def _add_near_misses(unit: Unit, report: TermReport, taken: list[tuple[int, int]]) -> None:
    """Capitalised words one edit from a word of a name (:mod:`.variants`) that no other
    finding explains; one that stands for a missing concept replaces its missing_term."""
    resources = unit.resources
    named = frozenset(c for m in unit.source_matches for c in [m.concept])
    shown = [(v.start, v.end) for v in report.variants]
    for miss in near_misses(resources, unit.lang, unit.target, taken, named):
        if _overlaps(miss.start, miss.end, shown):
            continue
        if _mixes_scripts(miss.text):
            explained = [r for r in report.missing if miss.concept in r.concepts]
            for requirement in explained:
                report.missing.remove(requirement)  # script_mix reports the word
            continue
        explained = [r for r in report.missing if miss.concept in r.concepts]
        for requirement in explained:
            report.missing.remove(requirement)
        report.variants.append(
            Variant(miss.text, miss.start, miss.end, miss.concept, miss.expected,
                    severity_of(resources, miss.concept) if explained else "warning",
                    unrequired=not explained)
        )  # fmt: skip
        shown.append((miss.start, miss.end))
