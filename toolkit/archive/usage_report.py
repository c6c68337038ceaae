"""The usage survey written out: CSV, JSON (the design's rows) or a self-contained HTML page
with one chart per concept of its spellings over the years.

Charts are drawn by matplotlib (its SVG backend, no display, no pyplot state), embedded
inline as SVG: the page needs no network and no script. matplotlib rather than pygal: it is
the field's long-kept plotting library, and pygal's SVG loads its tooltips script from the
network by default. The SVG is made repeatable (fixed id salt, no date), so the same
counts give the same page byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
from html import escape
from itertools import groupby
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from toolkit.archive.usage import Flag, flagged

COLUMNS = ("concept", "term", "status", "year", "count")
#: a colour per status, the line styles of the spellings within one status in turn
STATUS_COLOURS = {
    "preferred": "#1b7837",
    "admitted": "#2166ac",
    "deprecated": "#e08214",
    "forbidden": "#b2182b",
    "unknown": "#777777",
}
_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
_SVG_SETTINGS = {"svg.hashsalt": "toolkit-usage", "svg.fonttype": "none", "font.size": 9}


def rows_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV with a header (a row without a year has an empty year).

    >>> print(rows_csv([{"concept": "kandas", "term": "қандас", "status": "preferred",
    ...                  "year": 2021, "count": 3}]), end="")
    concept,term,status,year,count
    kandas,қандас,preferred,2021,3
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in COLUMNS])
    return out.getvalue()


def rows_json(rows: list[dict[str, Any]]) -> str:
    """The rows as a JSON list (UTF-8 as it is, one row a line)."""
    lines = [json.dumps({c: row[c] for c in COLUMNS}, ensure_ascii=False) for row in rows]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def concept_chart(concept: str, rows: list[dict[str, Any]]) -> str:
    """An SVG line chart of the yearly counts of each spelling of one concept (rows without
    a year are left out); empty when no row has a year."""
    dated = [row for row in rows if row["year"] is not None]
    if not dated:
        return ""
    years = sorted({row["year"] for row in dated})
    with matplotlib.rc_context(_SVG_SETTINGS):
        figure = Figure(figsize=(7, 2.8), layout="constrained")
        axes = figure.add_subplot()
        spellings: dict[tuple[str, str], dict[int, int]] = {}
        for row in dated:
            counts = spellings.setdefault((row["term"], row["status"]), {})
            counts[row["year"]] = counts.get(row["year"], 0) + row["count"]
        for number, ((term, status), counts) in enumerate(spellings.items()):
            axes.plot(
                years,
                [counts.get(year, 0) for year in years],
                label=f"{term} ({status})",
                color=STATUS_COLOURS.get(status, "#000000"),
                marker=_MARKERS[number % len(_MARKERS)],
                linestyle="--" if status in ("deprecated", "forbidden", "unknown") else "-",
            )
        axes.set_title(concept)
        axes.set_ylabel("occurrences")
        axes.set_xticks(years if len(years) <= 15 else years[:: -(-len(years) // 15)])
        axes.xaxis.set_major_formatter("{x:.0f}")
        axes.set_ylim(bottom=0)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    svg = out.getvalue()
    return svg[svg.index("<svg") :]  # inline: no XML declaration, no doctype


STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse} th,td{text-align:left;padding:.25rem .6rem;
border-bottom:1px solid #eee} th{background:#f5f5f5} td.n{text-align:right}
.deprecated{color:#a35200} .forbidden{color:#a40000;font-weight:600} .unknown{color:#555}
svg{max-width:100%;height:auto}
"""


def _flag_table(flags: list[Flag]) -> list[str]:
    if not flags:
        return ["<p>No deprecated or forbidden spelling is used.</p>"]
    parts = [
        "<table><tr><th>spelling</th><th>status</th><th>concept</th><th>uses</th>"
        "<th>first year</th><th>last year</th></tr>"
    ]
    for f in flags:
        parts.append(
            f'<tr><td>{escape(f.term)}</td><td class="{f.status}">{f.status}</td>'
            f'<td><a href="#{escape(f.concept)}">{escape(f.concept)}</a></td>'
            f'<td class="n">{f.count}</td><td>{f.first or "–"}</td><td>{f.last or "–"}</td></tr>'
        )
    parts.append("</table>")
    return parts


def usage_html(rows: list[dict[str, Any]], title: str) -> str:
    """The survey as one self-contained HTML page: the deprecated and forbidden spellings
    in use, then per concept a chart over the years and the table of its counts."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        "<h2>Deprecated and forbidden spellings in use</h2>",
        *_flag_table(flagged(rows)),
    ]
    for concept, group in groupby(rows, key=lambda row: row["concept"]):
        concept_rows = list(group)
        parts.append(f'<h2 id="{escape(concept)}">{escape(concept)}</h2>')
        parts.append(concept_chart(concept, concept_rows) or "<p>No dated use.</p>")
        totals: dict[tuple[str, str], int] = {}
        for row in concept_rows:
            key = (row["term"], row["status"])
            totals[key] = totals.get(key, 0) + row["count"]
        parts.append("<table><tr><th>spelling</th><th>status</th><th>uses</th></tr>")
        for (term, status), total in totals.items():
            parts.append(
                f'<tr><td>{escape(term)}</td><td class="{status}">{status}</td>'
                f'<td class="n">{total}</td></tr>'
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
