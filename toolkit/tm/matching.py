"""Looking up the memory: exact and fuzzy matches, scored as the CAT tools score them.

The score is rapidfuzz's normalised Indel similarity (``fuzz.ratio``, 0–100) of the two
sources after :func:`~toolkit.tm.normalize.fuzzy_key`: the character-level edit similarity
Weblate, translate-toolkit's tmserver and OmegaT report as a percentage. A source whose
:func:`~toolkit.tm.normalize.exact_key` equals the new one is an exact match (100); one that
differs only in case scores 99. Only candidates from :class:`~toolkit.tm.index.CandidateIndex`
are scored, never every unit. The best ``limit`` above ``threshold`` are returned, each
adapted to the new source (:mod:`toolkit.tm.substitution`) and, when checks are given,
conformed to the glossary and checked (:mod:`toolkit.tm.glossary_check`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from toolkit.checks.base import Check, Resources
from toolkit.tm.glossary_check import enforce_glossary
from toolkit.tm.memory import Memory, TranslationUnit
from toolkit.tm.normalize import exact_key, fuzzy_key, shape_key
from toolkit.tm.substitution import adapt

#: the lowest score offered (percent), as in most CAT tools
DEFAULT_THRESHOLD = 75.0
#: shapes hide numbers, so a shape may score a little higher than its units: scored this
#: much below the threshold, then the units themselves decide
_SHAPE_SLACK = 10.0
#: shapes whose units are scored
_SHAPES = 4


@dataclass(frozen=True)
class Suggestion:
    """A unit of the memory offered for a new source."""

    unit: TranslationUnit
    score: float
    exact: bool
    #: the unit's translation adapted to the new source (and conformed, when checked)
    target: str
    changes: list[str] = field(default_factory=list)
    #: differences between the sources that the target does not reflect
    unresolved: list[str] = field(default_factory=list)
    conformed: bool = False
    #: what `toolkit check` would still flag at error severity
    problems: list[str] = field(default_factory=list)

    @property
    def origin(self) -> str:
        return self.unit.origin_label

    def as_json(self) -> dict[str, object]:
        """The shape of ``toolkit tm search --format json`` (source, target, score, origin
        and the details of the adaptation)."""
        return {
            "source": self.unit.source,
            "target": self.target,
            "score": round(self.score, 1),
            "origin": self.origin,
            "exact": self.exact,
            "memory_target": self.unit.target,
            "changes": self.changes,
            "unresolved": self.unresolved,
            "conformed": self.conformed,
            "problems": self.problems,
        }


def lookup(
    memory: Memory,
    text: str,
    lang: str,
    resources: Resources,
    *,
    limit: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    checks: list[Check] | None = None,
) -> list[Suggestion]:
    """The best ``limit`` suggestions for the English ``text`` in ``lang``, best first."""
    scored = score_candidates(memory, text, lang, threshold=threshold, limit=limit * 2)
    suggestions: list[Suggestion] = []
    for rank, (unit, score, exact) in enumerate(scored):
        # Past the first ``limit``, a candidate is adapted only when it ties with one that
        # could not be fully adapted: it may then take that one's place.
        if rank >= limit and not any(s.unresolved and s.score == score for s in suggestions):
            continue
        adapted = adapt(text, unit.source, unit.target, lang, resources)
        suggestions.append(
            Suggestion(unit, score, exact, adapted.target, adapted.changes, adapted.unresolved)
        )
    # Equal scores: a suggestion the new source is fully carried into, then the newest.
    suggestions.sort(key=lambda s: s.unit.date, reverse=True)
    suggestions.sort(key=lambda s: (-s.score, bool(s.unresolved)))
    best = _distinct(suggestions)[:limit]
    if checks is None:
        return best
    out = []
    for s in best:
        enforced = enforce_glossary(
            text, s.target, lang, resources, checks, s.unit.ignored_checks()
        )
        out.append(
            Suggestion(s.unit, s.score, s.exact, enforced.target, s.changes,
                       s.unresolved + enforced.notes, enforced.conformed, enforced.problems)
        )  # fmt: skip
    return out


def score_candidates(
    memory: Memory, text: str, lang: str, *, threshold: float, limit: int
) -> list[tuple[TranslationUnit, float, bool]]:
    """(unit, score, exact) of the best ``limit`` candidates at or above ``threshold``."""
    units, index = memory.of_language(lang)
    if not units:
        return []
    shapes = index.candidates(text)
    shape_scores = process.extract(
        shape_key(text),
        {number: index.shapes[number] for number in shapes},
        scorer=fuzz.ratio,
        score_cutoff=max(0.0, threshold - _SHAPE_SLACK),
        limit=_SHAPES,
    )
    key, exact = fuzzy_key(text), exact_key(text)
    found: list[tuple[TranslationUnit, float, bool]] = []
    for _, _, number in shape_scores:
        members = index.shape_units[number]
        best = process.extract(
            key, index.shape_keys[number], scorer=fuzz.ratio, score_cutoff=threshold, limit=limit
        )
        for _, score, position in best:
            unit = units[members[position]]
            if score == 100.0:
                is_exact = unit.source == text or exact_key(unit.source) == exact
                found.append((unit, 100.0 if is_exact else 99.0, is_exact))
            else:
                found.append((unit, score, False))
    # best score first; among equal scores the newest (two stable sorts: no key tuples)
    found.sort(key=lambda f: f[0].date, reverse=True)
    found.sort(key=lambda f: f[1], reverse=True)
    return found[:limit]


def _distinct(suggestions: list[Suggestion]) -> list[Suggestion]:
    """The first suggestion of each distinct translation (the same sentence translated the
    same way in two articles is offered once)."""
    seen: set[str] = set()
    out = []
    for s in suggestions:
        if s.target not in seen:
            seen.add(s.target)
            out.append(s)
    return out


def brute_force(
    memory: Memory, text: str, lang: str, *, threshold: float = DEFAULT_THRESHOLD, limit: int = 3
) -> list[tuple[TranslationUnit, float]]:
    """The best ``limit`` units by scoring every unit of ``lang``: the baseline the candidate
    index is measured against (benchmarks/bench_tm.py), and the oracle of its tests."""
    units, index = memory.of_language(lang)
    found = process.extract(
        fuzzy_key(text), index.keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit
    )
    return [(units[at], score) for _, score, at in found]
