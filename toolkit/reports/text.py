"""Plain-text report: findings grouped by file, with line, check, message and suggestion."""

from __future__ import annotations

from itertools import groupby

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding
from toolkit.reports.totals import summary


def _short(text: str, width: int = 90) -> str:
    """The first ``width`` characters of ``text`` with its whitespace runs as one space
    (read from a bounded head of it: a report line costs the same for a huge entry)."""
    head = text[: width * 4]
    short = " ".join(head.split())
    if len(short) <= width and len(head) == len(text):
        return short
    return short[: width - 1] + "…"


def render(findings: list[Finding], catalogs: list[Catalog]) -> str:
    lines: list[str] = []
    ordered = sorted(findings, key=lambda f: (f.file, f.line, f.check))
    for file, group in groupby(ordered, key=lambda f: f.file):
        lines.append(file)
        for f in group:
            lines.append(f"  {f.line}: {f.severity}: {f.message} [{f.check}]")
            lines.append(f"      msgid: {_short(f.msgid)}")
            if f.suggestion:
                lines.append(f"      suggestion: {_short(f.suggestion)}")
        lines.append("")
    lines.append(summary(findings, catalogs))
    return "\n".join(lines) + "\n"
