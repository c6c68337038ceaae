"""Reporters for check findings, chosen by name: text, json, junit, html.

Each reporter is a function ``(findings, catalogs) -> str``; none of them prints.
"""

from __future__ import annotations

from collections.abc import Callable

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding

Reporter = Callable[[list[Finding], list[Catalog]], str]


def reporter(name: str) -> Reporter:
    """The reporter called ``name`` (text, json, junit, html)."""
    if name == "text":
        from toolkit.reports.text import render
    elif name == "json":
        from toolkit.reports.jsonfmt import render
    elif name == "junit":
        from toolkit.reports.junit import render
    elif name == "html":
        from toolkit.reports.html import render
    else:
        raise ValueError(f"unknown report format {name!r}")
    return render


FORMATS: tuple[str, ...] = ("text", "json", "junit", "html")


def summary(findings: list[Finding], catalogs: list[Catalog]) -> str:
    """One line: catalogues, entries, errors, warnings."""
    entries = sum(1 for c in catalogs for e in c.entries if e.msgid and not e.obsolete)
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    return (
        f"{_count(len(catalogs), 'catalogue')}, {_count(entries, 'entry', 'entries')} checked: "
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    )


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
