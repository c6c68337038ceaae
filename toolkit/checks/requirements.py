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
from toolkit.checks.concepts import (
    ambiguous_forms,
    concepts_of,
    expected_term,
    form_index,
    has_longer,
    has_terms,
    known_forms,
    multiword_terms,
    not_required,
    probes_of,
    severity_of,
)
from toolkit.checks.scripts import script_of
from toolkit.checks.spellings import (
    Found,
    Words,
    foreign_to_kk_latin,
    is_cyrillic,
    latin_key,
    loose,
    one_edit,
    parts_present,
    search,
)
from toolkit.checks.variants import near_misses
from toolkit.glossary.model import ERROR_KINDS
from toolkit.matching.english import is_plural, singular
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


#: a hyphen and a lower-case word after a source term: a compound modifier
#: («Kazakh-speaking», «Chinese-born»), which a translation fuses into one word
_COMPOUND_TAIL = re.compile(r"-[a-z]")
#: the word after a source term (to tell «Kyrgyz students» from «Kyrgyz live»)
_FOLLOWING_WORD = re.compile(r" ([^\W\d_]+)\b")


def _is_modifier(resources: Resources, text: str, match: Match, following: Match | None) -> bool:
    """The source term (an ethnonym or common term, not a name, not a possessive) modifies
    the name after it: «Ethnic Kazakh repatriates» (another glossary term follows, joined
    by a space or hyphen), a singular nationality word before a common noun («Kyrgyz
    students»), or the first part of a hyphenated compound («Kazakh-speaking»)."""
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
    if _COMPOUND_TAIL.match(text, match.end):
        return True  # «Kazakh-speaking staff»: казахскоязычных, one word in the translation
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
    ambiguous = ambiguous_forms(resources, "en")
    matches = unit.source_matches
    found: list[Requirement] = []
    seen: set[frozenset[str]] = set()
    unrequired = not_required(resources)
    for number, match in enumerate(matches):
        if (match.concept, match.term) in unrequired:
            continue
        following = matches[number + 1] if number + 1 < len(matches) else None
        if _is_modifier(resources, unit.source, match, following):
            continue
        key = ("required", unit.lang, match.concept, match.text)
        concepts = resources.memo.get(key)
        if concepts is None:
            concepts = resources.memo[key] = frozenset(
                c for c in concepts_of(ambiguous, match) if has_terms(resources, c, unit.lang)
            )
        shared = _shared_head(resources, unit.source, match)
        if shared is not None and has_terms(resources, shared, unit.lang):
            concepts = concepts | {shared}
        if concepts and concepts not in seen:
            seen.add(concepts)
            found.append(Requirement(match, concepts))
    return found


#: a coordination after a name and the common noun the names share: «Ili, Altay and Tacheng
#: prefectures», «Almaty and Zhambyl regions»
_SHARED_HEAD = re.compile(
    r"(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*\s+([a-z]+)"
)


def _shared_head(resources: Resources, text: str, match: Match) -> str | None:
    """The concept a name stands for with the common noun it shares with the names
    coordinated after it («Tacheng» in «Altay and Tacheng prefectures» is Tacheng
    Prefecture), when the glossary has that name + noun; else None."""
    if text[match.end : match.end + 1] not in (" ", ","):
        return None
    found = _SHARED_HEAD.match(text, match.end)
    if found is None:
        return None
    head = found.group(1)
    index = form_index(resources, "en")
    for noun in {head, singular(head)} if is_plural(head) else {head}:
        candidates = index.get(fold(f"{match.text} {noun}"))
        if candidates:
            concepts = {c.concept for c in candidates} - {match.concept}
            if len(concepts) == 1:
                return concepts.pop()
    return None


def analyse(unit: Unit) -> TermReport:
    """What became of the entry's requirements (computed once per entry)."""
    report = unit.memo.get("terms")
    if report is None:
        report = unit.memo["terms"] = _analyse(unit)
    return report


def _analyse(unit: Unit) -> TermReport:
    resources, lang = unit.resources, unit.lang
    report = TermReport()
    target_ambiguous = ambiguous_forms(resources, lang)
    present: set[str] = set()
    for match in unit.target_matches:
        present |= concepts_of(target_ambiguous, match) if target_ambiguous else {match.concept}
    day = resources.day(unit.catalog)
    words: Words | None = None
    taken = [(m.start, m.end) for m in unit.target_matches]
    # every concept the source names is there (the usual case): nothing can be missing
    unrequired = not_required(resources)
    named = {m.concept for m in unit.source_matches if (m.concept, m.term) not in unrequired}
    for requirement in requirements(unit) if not named <= present else ():
        if requirement.concepts & present:
            continue
        if words is None:
            words = Words(unit.target)
        if any(
            parts_present(words, multiword_terms(resources, c, lang), lang)
            for c in requirement.concepts
        ):
            continue  # a name sharing its head noun with a neighbour: present
        hit = _search(resources, words, requirement, lang)
        if hit is not None and hit.inflection:
            present.add(hit.concept)  # an ending the generator does not know: present
            continue
        if hit is not None and _mixes_scripts(hit.text):
            continue  # a Latin letter in a Cyrillic word: one finding, script_mix's
        if hit is not None and lang == "kk-Latn" and foreign_to_kk_latin(hit.text):
            continue  # a letter of another alphabet (2018's ǵ): translit_mismatch says so
        if hit is None or _overlaps_other(hit.start, hit.end, taken):
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
            words, concept, probes_of(resources, concept, lang), lang,
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


def _overlaps_other(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """[start, end) overlaps a span that it does not wholly contain: a shorter term inside a
    misspelt name («Қазақ» in «Иле Қазақ автономиялық облысы») belongs to the name."""
    return any(s < end and start < e and not (start <= s and e <= end) for s, e in spans)


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
            for p in probes_of(resources, match.concept, lang)
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
        if next_word is None or not has_longer(resources, match, lang):
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
            p for p in probes_of(resources, match.concept, lang)
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
    named = frozenset(m.concept for m in unit.source_matches)
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
