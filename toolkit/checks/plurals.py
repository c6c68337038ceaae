"""The number of plural forms of a translation against the catalogue's Plural-Forms header."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from toolkit.checks.base import Check, Problem, Unit
from toolkit.checks.registry import register

_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


@lru_cache(maxsize=64)
def nplurals(plural_forms: str) -> int | None:
    """The ``nplurals`` of a Plural-Forms header value (None when it has none).

    >>> nplurals("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 2);"), nplurals("")
    (3, None)
    """
    found = _NPLURALS.search(plural_forms)
    return int(found.group(1)) if found else None


@register
class PluralForms(Check):
    id = "plural_forms"
    name = "Number of plural forms"
    description = (
        "A plural entry has msgstr[0] … msgstr[N-1], N being the nplurals of the catalogue's "
        "Plural-Forms header: Russian 3, Kazakh 1 (or 2, as the header says). A missing form "
        "shows the English text; an extra one is never shown."
    )

    needs_translation = False  # one empty form of three is still a translation to count

    def applies_to(self, unit: Unit) -> bool:
        entry = unit.entry
        return bool(entry.msgid_plural) and any(entry.translations) and super().applies_to(unit)

    def problems(self, unit: Unit) -> Iterator[Problem]:
        expected = nplurals(unit.catalog.metadata.get("Plural-Forms", ""))
        if expected is None:
            return  # no header to count against: msgfmt --check says so (po_syntax)
        have = sorted(unit.entry.msgstr_plural)
        if have != list(range(expected)):
            shown = ", ".join(f"msgstr[{i}]" for i in have) or "none"
            yield Problem(
                f"{expected} plural forms expected (Plural-Forms: nplurals={expected}); "
                f"the translation has {len(have)}: {shown}"
            )
