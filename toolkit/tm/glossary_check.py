"""The glossary, enforced on what the memory offers.

An old translation may use a term the glossary has since deprecated (оралман, replaced by
қандас in 2020). A suggestion is conformed as `toolkit conform` does it, in the same inflected
form (оралмандарға → қандастарға), then checked by the project's checks as if it were the
entry's translation; what `toolkit check` would still flag at error severity is listed, and
the suggestion is marked so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.articles.conform import conform_text
from toolkit.catalog import Catalog, Entry
from toolkit.checks.base import Check, Resources
from toolkit.checks.runner import check_catalog

#: the languages conform re-inflects terms in (kk@latin is generated from kk)
CONFORMED = ("kk", "ru")
#: checks about an entry's state, not its text: a suggestion is judged as a finished entry
_STATE_CHECKS = frozenset({"fuzzy", "untranslated"})
_LOCALES = {"kk": "kk", "ru": "ru", "kk-Latn": "kk@latin"}


@dataclass(frozen=True)
class Enforced:
    """A suggestion after the glossary: its text, what was conformed, what still fails."""

    target: str
    conformed: bool = False
    #: findings at error severity, as "check: message"
    problems: list[str] = field(default_factory=list)
    #: terms conform could not re-inflect
    notes: list[str] = field(default_factory=list)


def text_checks(checks: list[Check]) -> list[Check]:
    """The checks that judge a suggestion's text: entry checks, not those about its state."""
    return [c for c in checks if not c.per_catalogue and c.id not in _STATE_CHECKS]


def enforce_glossary(
    source: str,
    target: str,
    lang: str,
    resources: Resources,
    checks: list[Check],
    ignored: frozenset[str] | None = None,
) -> Enforced:
    """``target`` (a suggestion for ``source`` in ``lang``) conformed and checked with
    ``checks`` (from :func:`text_checks`). ``ignored``: the checks the translator of the
    memory's entry switched off (``toolkit: ignore``; empty: all): a deprecated term kept
    on purpose («until 2020 they were called оралман») stays, as `toolkit conform` leaves it."""
    notes: list[str] = []
    fixed = target
    if ignored is not None:
        if not ignored:
            return Enforced(target)
        checks = [c for c in checks if c.id not in ignored]
    kept_on_purpose = ignored is not None and bool(ignored & {"deprecated_term", "forbidden_term"})
    if lang in CONFORMED and not kept_on_purpose:
        matcher = resources.matcher(lang)
        fixed = conform_text(target, lang, resources.glossary, matcher, notes)
    catalog = Catalog("translation memory", _LOCALES.get(lang, lang), lang, [], {})
    catalog.entries.append(Entry(source, fixed, 1))
    problems = [
        f"{f.check}: {f.message}"
        for f in check_catalog(catalog, checks, resources)
        if f.severity == "error"
    ]
    return Enforced(fixed, fixed != target, problems, notes)
