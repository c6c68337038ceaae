"""A self-contained HTML page of check findings (inline CSS, no scripts, all text escaped)."""

from __future__ import annotations

from collections import Counter
from html import escape
from itertools import groupby

from toolkit.catalog import Catalog
from toolkit.checks.base import Finding
from toolkit.reports.totals import summary

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:.3rem .5rem;
vertical-align:top;border-bottom:1px solid #eee} th{background:#f5f5f5}
.error{color:#a40000;font-weight:600} .warning{color:#8a5a00}
.info{color:#1f4f8a} mark{background:#ffd9d9}
.src{color:#555} .sug{color:#0a5c0a}
"""


def highlight(f: Finding) -> str:
    """The translation around the finding's span, escaped, the span in <mark> (an excerpt
    of a long translation: Finding.context)."""
    before, span, after = f.context()
    if not span:
        return escape(before + after)
    return f"{escape(before)}<mark>{escape(span)}</mark>{escape(after)}"


def render(findings: list[Finding], catalogs: list[Catalog]) -> str:
    counts = Counter((f.check, f.severity) for f in findings)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>toolkit check</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Terminology check</h1>",
        f"<p>{escape(summary(findings, catalogs))}</p>",
    ]
    if counts:
        parts.append("<table><tr><th>check</th><th>severity</th><th>findings</th></tr>")
        for (check, severity), n in sorted(counts.items()):
            parts.append(
                f'<tr><td>{escape(check)}</td><td class="{escape(severity)}">{escape(severity)}'
                f"</td><td>{n}</td></tr>"
            )
        parts.append("</table>")
    ordered = sorted(findings, key=lambda f: (f.file, f.line, f.check))
    for file, group in groupby(ordered, key=lambda f: f.file):
        parts.append(f"<h2>{escape(file)}</h2><table>")
        parts.append("<tr><th>line</th><th>check</th><th>entry</th></tr>")
        for f in group:
            suggestion = (
                f'<div class="sug">suggestion: {escape(f.suggestion)}</div>' if f.suggestion else ""
            )
            parts.append(
                f'<tr><td>{f.line}</td><td class="{escape(f.severity)}">{escape(f.check)}</td>'
                f"<td><div>{escape(f.message)}</div>"
                f'<div class="src">{escape(f.msgid_excerpt)}</div><div>{highlight(f)}</div>'
                f"{suggestion}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
