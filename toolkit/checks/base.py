"""What a check is, what it returns, and the unit of text it looks at.

Like Weblate's checks: a check is a small class with an id, a human name, a description and
a default severity. It looks at one catalogue entry (a :class:`Unit`) and yields
:class:`Problem` values; it never prints and never decides exit codes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from toolkit.catalog import Catalog, Entry, read_catalog, sibling_path
from toolkit.checks.dates import catalogue_day
from toolkit.checks.variants import VariantIndex, build_index
from toolkit.glossary.model import Glossary
from toolkit.matching.forms import FormIndex, load_index, load_matcher
from toolkit.matching.matcher import Match, TermMatcher

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
#: characters of context a report shows on each side of a finding's span
EXCERPT_SIDE = 80
#: a msgid (or translation) up to this long is reported whole, a longer one as an excerpt:
#: a finding carries a bounded text, so that a huge entry with many findings makes a report
#: that grows with the entry, not with the entry times its findings
WHOLE_MAX = 1000


def clipped(text: str) -> str:
    """``text`` whole up to WHOLE_MAX characters, else its first 2 × EXCERPT_SIDE and "…".

    >>> clipped("short"), len(clipped("x" * 5000))
    ('short', 161)
    """
    return text if len(text) <= WHOLE_MAX else text[: 2 * EXCERPT_SIDE] + "…"


def excerpt(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, span, after): ``text[start:end]`` with at most EXCERPT_SIDE characters of
    ``text`` on each side, "…" where cut; a span longer than 2 × EXCERPT_SIDE keeps its
    ends.

    >>> excerpt("a b c", 2, 3)
    ('a ', 'b', ' c')
    >>> before, span, after = excerpt("x" * 500 + "WORD" + "y" * 500, 500, 504)
    >>> len(before), span, len(after), before[0], after[-1]
    (81, 'WORD', 81, '…', '…')
    """
    lo, hi = max(0, start - EXCERPT_SIDE), min(len(text), end + EXCERPT_SIDE)
    before = ("…" if lo > 0 else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    span = text[start:end]
    if len(span) > 2 * EXCERPT_SIDE:
        span = f"{span[:EXCERPT_SIDE]}…{span[-EXCERPT_SIDE:]}"
    return before, span, after


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check found in one entry (the runner adds file, line and check id)."""

    message: str
    concept: str | None = None
    suggestion: str | None = None
    #: span in the translation (Python str offsets), for reports that highlight it
    start: int | None = None
    end: int | None = None
    #: a severity other than the check's default, when the check grades its problems
    severity: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem at a place: the design's JSON shape plus the highlighted span."""

    file: str
    line: int
    msgid: str
    check: str
    severity: str
    concept: str | None
    message: str
    suggestion: str | None
    translation: str = ""
    start: int | None = None
    end: int | None = None

    @property
    def msgid_excerpt(self) -> str:
        """The msgid as reports show it: whole, or its beginning for a huge entry."""
        return clipped(self.msgid)

    def context(self) -> tuple[str, str, str]:
        """The translation around the span as (before, span, after), bounded by
        EXCERPT_SIDE; without a span, the translation as :func:`clipped` shows it."""
        if self.start is None or self.end is None:
            return clipped(self.translation), "", ""
        return excerpt(self.translation, self.start, self.end)

    def as_json(self) -> dict[str, object]:
        """The design's JSON shape; msgid shortened for a huge entry (:func:`clipped`)."""
        return {
            "file": self.file,
            "line": self.line,
            "msgid": self.msgid_excerpt,
            "check": self.check,
            "severity": self.severity,
            "concept": self.concept,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass
class Resources:
    """What checks share across entries: the glossary, one term matcher per language, and
    the date translations are judged by (``as_of``; else each catalogue's article date)."""

    glossary: Glossary
    use_cache: bool = True
    #: YYYY-MM-DD: judge time-bound terms by this date (``toolkit check --as-of``)
    as_of: str | None = None
    #: tables derived from the glossary, built on first use by the checks that need them
    memo: dict[object, Any] = field(default_factory=dict)
    _days: dict[str, str | None] = field(default_factory=dict)
    _indexes: dict[str, FormIndex] = field(default_factory=dict)
    _matchers: dict[str, TermMatcher] = field(default_factory=dict)
    _siblings: dict[str, Catalog | None] = field(default_factory=dict)
    _variants: dict[str, VariantIndex] = field(default_factory=dict)
    _once: set[str] = field(default_factory=set)

    def first_time(self, key: str) -> bool:
        """True the first time ``key`` is seen (for problems reported once per catalogue)."""
        if key in self._once:
            return False
        self._once.add(key)
        return True

    def day(self, catalog: Catalog) -> str | None:
        """The date ``catalog`` is judged by: ``as_of``, else its article's date
        (:func:`toolkit.checks.dates.catalogue_day`), else None."""
        if self.as_of is not None:
            return self.as_of
        if catalog.path not in self._days:
            self._days[catalog.path] = catalogue_day(catalog)
        return self._days[catalog.path]

    @property
    def has_periods(self) -> bool:
        """Some term of the glossary has a validity period."""
        found = self.memo.get("has_periods")
        if found is None:
            found = self.memo["has_periods"] = any(
                t.time_bound for c in self.glossary for t in c.all_terms()
            )
        return found

    def variant_index(self, lang: str) -> VariantIndex:
        if lang not in self._variants:
            self._variants[lang] = build_index(self, lang)
        return self._variants[lang]

    def form_index(self, lang: str) -> FormIndex:
        """The form index of ``lang`` (folded form → candidates), read once for the term
        matcher and the checks' tables alike."""
        if lang not in self._indexes:
            self._indexes[lang] = load_index(self.glossary, lang, use_cache=self.use_cache)
        return self._indexes[lang]

    def matcher(self, lang: str) -> TermMatcher:
        if lang not in self._matchers:
            # the form index only if it is read already: a cached matcher needs none
            self._matchers[lang] = load_matcher(
                self.glossary, lang, use_cache=self.use_cache, index=self._indexes.get(lang)
            )
        return self._matchers[lang]

    def sibling(self, catalog: Catalog, locale_dir: str) -> Catalog | None:
        """The catalogue in ``locale_dir`` beside ``catalog``: ``locales/<locale_dir>/`` with
        the same name, or ``po/<locale_dir>.po`` (:func:`toolkit.catalog.sibling_path`)."""
        other = sibling_path(Path(catalog.path), locale_dir)
        if other is None:
            return None
        key = str(other)
        if key not in self._siblings:
            self._siblings[key] = read_catalog(other) if other.is_file() else None
        return self._siblings[key]


def unit_target(entry: Entry) -> str:
    """The translation of ``entry`` as checks read it: its msgstr, or for a plural entry
    every translated form, one per line (so that a deprecated term in msgstr[2] is found as
    surely as one in msgstr[0]).

    >>> unit_target(Entry("file", "файл", 1, msgid_plural="files", msgstr_plural={0: "a", 1: "b"}))
    'a\\nb'
    """
    return "\n".join(entry.translations) if entry.msgid_plural else entry.msgstr


class Unit:
    """One entry of one catalogue, with its term matches computed on first use (or handed in
    by the runner, which matches a whole catalogue at once)."""

    __slots__ = ("_source_matches", "_target_matches", "catalog", "entry", "lang", "memo",
                 "resources", "source", "target")  # fmt: skip

    def __init__(self, entry: Entry, catalog: Catalog, resources: Resources):
        self.entry = entry
        self.catalog = catalog
        self.resources = resources
        #: plural entries: both source forms, one per line, as the translation (unit_target)
        self.source: str = (
            f"{entry.msgid}\n{entry.msgid_plural}" if entry.msgid_plural else entry.msgid
        )
        self.target: str = unit_target(entry)
        self.lang: str = catalog.language
        self._source_matches: list[Match] | None = None
        self._target_matches: list[Match] | None = None
        #: what checks work out about the entry once and share (requirements.analyse)
        self.memo: dict[str, Any] = {}

    def set_matches(
        self, *, source: list[Match] | None = None, target: list[Match] | None = None
    ) -> None:
        """Hand the unit the term matches of its source or target, found by the runner for
        a whole catalogue at once (the same a unit would find for itself)."""
        if source is not None:
            self._source_matches = source
        if target is not None:
            self._target_matches = target

    @property
    def source_matches(self) -> list[Match]:
        found = self._source_matches
        if found is None:
            found = self._source_matches = self.resources.matcher("en").find(self.source)
        return found

    @property
    def target_matches(self) -> list[Match]:
        found = self._target_matches
        if found is None:
            found = self._target_matches = self.resources.matcher(self.lang).find(self.target)
        return found


class Check:
    """Base class: subclasses set the class attributes and implement :meth:`problems`."""

    id: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[str] = "error"
    #: False for checks a project must ask for (enable = [...] in pyproject, --enable)
    default_enabled: ClassVar[bool] = True
    #: set when the project or the command line fixed the severity (it then beats grading)
    severity_configured: ClassVar[bool] = False
    #: False for checks that look at entries without a translation (untranslated)
    needs_translation: ClassVar[bool] = True
    #: target languages the check applies to; None = all
    languages: ClassVar[frozenset[str] | None] = None
    #: the check can only find problems in entries without a translation / marked fuzzy
    #: (the runner then skips the others without asking)
    only_untranslated: ClassVar[bool] = False
    only_fuzzy: ClassVar[bool] = False
    #: the check reads the term matches of the source / the translation (the runner then
    #: matches the whole catalogue in one pass)
    uses_source_matches: ClassVar[bool] = False
    uses_target_matches: ClassVar[bool] = False
    #: the check keeps state across entries (Resources.first_time): entries must be checked
    #: in order, in one process
    stateful: ClassVar[bool] = False

    #: the check looks at the catalogue as a whole (catalogue_problems), not entry by entry
    per_catalogue: ClassVar[bool] = False

    def catalogue_problems(self, catalog: Catalog) -> Iterator[tuple[int, Problem]]:
        """(line, problem) pairs of a ``per_catalogue`` check about ``catalog``."""
        raise NotImplementedError

    def applies_to(self, unit: Unit) -> bool:
        if self.needs_translation and not unit.entry.translated:
            return False
        return self.languages is None or unit.lang in self.languages

    def problems(self, unit: Unit) -> Iterator[Problem]:
        raise NotImplementedError
