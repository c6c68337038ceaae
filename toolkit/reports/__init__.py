"""Reporters for check findings, chosen by name: text, json, junit, html.

Each reporter is a function ``(findings, catalogs) -> str``; none of them prints.
"""

from __future__ import annotations

from collections.abc import Callable

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding
from toolkit.reports import html, jsonfmt, junit, text
from toolkit.reports.totals import summary

__all__ = ["FORMATS", "Reporter", "reporter", "summary"]

Reporter = Callable[[list[Finding], list[Catalog]], str]

_REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": jsonfmt.render,
    "junit": junit.render,
    "html": html.render,
}
FORMATS: tuple[str, ...] = tuple(_REPORTERS)


def reporter(name: str) -> Reporter:
    """The reporter called ``name`` (text, json, junit, html)."""
    if name not in _REPORTERS:
        raise ValueError(f"unknown report format {name!r}")
    return _REPORTERS[name]
