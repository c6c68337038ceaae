"""The one-line summary every reporter (and `toolkit check -o`) gives of a check run."""

from __future__ import annotations

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding


def summary(findings: list[Finding], catalogs: list[Catalog]) -> str:
    """One line: catalogues, entries, errors, warnings, and info findings when there are
    any (they never fail a run)."""
    entries = sum(1 for c in catalogs for e in c.entries if e.msgid and not e.obsolete)
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    infos = sum(f.severity == "info" for f in findings)
    return (
        f"{_count(len(catalogs), 'catalogue')}, {_count(entries, 'entry', 'entries')} checked: "
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
        + (f", {infos} info" if infos else "")
    )


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
