"""The editors' terminology report: per article and language, every glossary concept with its
counts in the source and each translation, and the findings of `check` in context.

:func:`collect` gathers the data (a :class:`Report`); :func:`render_html` makes one
self-contained page (inline CSS and a few lines of inline script for the filters, no network,
all text escaped); :func:`render_markdown` a version to paste into a review ticket.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from toolkit.articles.markdown import parse_article
from toolkit.articles.pipeline import Project
from toolkit.catalog import find_catalogs, read_catalog
from toolkit.checks.base import Check, Finding, Resources
from toolkit.checks.runner import check_catalog
from toolkit.errors import InputError
from toolkit.fileio import display_path
from toolkit.glossary.model import Glossary
from toolkit.matching.forms import load_matcher
from toolkit.reports.html import highlight as _highlight

#: report columns: output language → PO locale
LANGUAGES = {"kk": "kk", "kk-Latn": "kk@latin", "ru": "ru"}


@dataclass
class ArticleReport:
    slug: str
    title: str
    path: str
    #: concept → count per language ("en" is the source)
    counts: dict[str, Counter] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    catalogs: dict[str, str] = field(default_factory=dict)  # language → PO path shown


@dataclass
class Report:
    articles: list[ArticleReport]
    english: dict[str, str]  # concept → preferred English term

    def summary(self) -> dict[tuple[str, str, str], int]:
        """(language, check, severity) → number of findings."""
        counts: Counter = Counter()
        for article in self.articles:
            for f in article.findings:
                counts[_language_of(f.file), f.check, f.severity] += 1
        return dict(sorted(counts.items()))


def _language_of(path: str) -> str:
    locale = Path(path).parent.parent.name
    return {value: key for key, value in LANGUAGES.items()}.get(locale, locale)


def _slugs(project: Project, paths: list[str]) -> list[str]:
    """Articles named by the paths (articles, PO files or locale folders), in order.

    A PO file names the articles its entries come from (its ``#:`` references). Raises
    InputError for a path that leads to no article of the project: the report sets each
    translation beside its English source.
    """

    if not paths:
        return [p.stem for p in project.articles()]
    slugs: list[str] = []
    for item in paths:
        path = Path(item)
        candidates = [path.stem] if path.suffix == ".md" else []
        if path.suffix != ".md":
            for po in find_catalogs([path]):
                catalog = read_catalog(po)
                sources = {
                    Path(file).stem
                    for e in catalog.entries
                    for file, _ in e.occurrences
                    if file.endswith(".md")
                }
                candidates.extend(sorted(sources) or [po.stem])
        if path.is_dir():
            candidates.extend(x.stem for x in sorted(path.rglob("*.md")))
        found = [s for s in candidates if (project.articles_dir / f"{s}.md").is_file()]
        if not found:
            raise InputError(
                f"no article of this project for it (expected {display_path(project.articles_dir)}/"
                "<slug>.md)",
                path=display_path(path),
            )
        slugs.extend(s for s in found if s not in slugs)
    return slugs


def collect(
    project: Project,
    glossary: Glossary,
    checks: list[Check],
    paths: list[str],
    use_cache: bool = True,
) -> Report:
    """Read every article named (default: all) with its catalogues, count terms, run checks."""

    resources = Resources(glossary, use_cache=use_cache)
    english = load_matcher(glossary, "en", use_cache=use_cache)
    reports = []
    for slug in _slugs(project, paths):
        source = project.articles_dir / f"{slug}.md"
        if not source.is_file():
            continue
        article = parse_article(source)
        report = ArticleReport(slug, str(article.meta.get("title", slug)), display_path(source))
        report.counts["en"] = Counter(
            m.concept for s in article.segments for m in english.find(s.text)
        )
        for lang, locale in LANGUAGES.items():
            path = project.catalog(slug, locale)
            if not path.is_file():
                continue
            catalog = read_catalog(path)
            report.catalogs[lang] = display_path(path)
            matcher = resources.matcher(lang)
            report.counts[lang] = Counter(
                m.concept
                for e in catalog.entries
                if e.msgstr and not e.obsolete
                for m in matcher.find(e.msgstr)
            )
            report.findings.extend(check_catalog(catalog, checks, resources))
        reports.append(report)
    return Report(reports, {c.id: c.preferred_text("en") for c in glossary})


# -- HTML -----------------------------------------------------------------------------------

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:76rem;color:#222}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2.2rem;border-bottom:2px solid #ddd}
table{border-collapse:collapse;margin:.6rem 0;width:100%} th,td{padding:.25rem .5rem;
border-bottom:1px solid #eee;text-align:left;vertical-align:top} th{background:#f4f4f4}
td.n{text-align:right;font-variant-numeric:tabular-nums} td.gap{background:#fff1d6}
.error{color:#a40000;font-weight:600} .warning{color:#8a5a00} mark{background:#ffd3d3}
.sug{color:#0b6b0b} .src{color:#666} .filters{background:#f7f7f7;padding:.5rem .8rem}
.filters label{margin-right:1rem} .empty{color:#777}
"""
SCRIPT = """
function applyFilters(){
  var on={};document.querySelectorAll('.filters input').forEach(function(b){on[b.value]=b.checked});
  document.querySelectorAll('tr.finding').forEach(function(r){
    r.style.display=(on['lang:'+r.dataset.lang]&&on['check:'+r.dataset.check]
      &&on['severity:'+r.dataset.severity])?'':'none'});
}
document.querySelectorAll('.filters input').forEach(function(b){
  b.addEventListener('change',applyFilters)});
"""


def _filters(report: Report) -> str:
    findings = [f for a in report.articles for f in a.findings]
    groups = {
        "lang": sorted({_language_of(f.file) for f in findings}),
        "check": sorted({f.check for f in findings}),
        "severity": sorted({f.severity for f in findings}),
    }
    parts = ['<div class="filters"><strong>Show:</strong> ']
    for group, values in groups.items():
        for value in values:
            parts.append(
                f'<label><input type="checkbox" checked value="{escape(group)}:{escape(value)}">'
                f" {escape(value)}</label>"
            )
    parts.append("</div>")
    return "".join(parts)


def render_html(report: Report) -> str:
    langs = ["en", *LANGUAGES]
    summary = report.summary()
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Terminology report</title>',
        f"<style>{CSS}</style></head><body>",
        "<h1>Terminology report</h1>",
        f"<p>{len(report.articles)} article(s); "
        f"{sum(n for (_, _, s), n in summary.items() if s == 'error')} errors, "
        f"{sum(n for (_, _, s), n in summary.items() if s == 'warning')} warnings.</p>",
        '<table class="summary"><tr><th>language</th><th>check</th><th>severity</th>'
        "<th>findings</th></tr>",
    ]
    for (lang, check, severity), n in summary.items():
        out.append(
            f"<tr><td>{escape(lang)}</td><td>{escape(check)}</td>"
            f'<td class="{escape(severity)}">{escape(severity)}</td><td class="n">{n}</td></tr>'
        )
    if not summary:
        out.append('<tr><td colspan="4" class="empty">no findings</td></tr>')
    out.append("</table>")
    out.append(_filters(report))
    for article in report.articles:
        out.append(f"<h2>{escape(article.title)} <small>({escape(article.path)})</small></h2>")
        out.append(
            "<table><tr><th>concept</th>" + "".join(f"<th>{x}</th>" for x in langs) + "</tr>"
        )
        concepts = sorted(set().union(*(c.keys() for c in article.counts.values())))
        for concept in concepts:
            source = article.counts.get("en", Counter())[concept]
            cells = []
            for lang in langs:
                n = article.counts.get(lang, Counter())[concept]
                gap = " gap" if lang != "en" and source and n < source else ""
                cells.append(f'<td class="n{gap}">{n}</td>')
            name = (
                f"{escape(report.english.get(concept, concept))} <small>{escape(concept)}</small>"
            )
            out.append(f"<tr><td>{name}</td>{''.join(cells)}</tr>")
        out.append("</table>")
        if article.findings:
            out.append("<table><tr><th>where</th><th>check</th><th>in context</th></tr>")
            for f in article.findings:
                suggestion = (
                    f'<div class="sug">suggestion: {escape(f.suggestion)}</div>'
                    if f.suggestion
                    else ""
                )
                out.append(
                    f'<tr class="finding" data-lang="{escape(_language_of(f.file))}" '
                    f'data-check="{escape(f.check)}" data-severity="{escape(f.severity)}">'
                    f"<td>{escape(f.file)}:{f.line}</td>"
                    f'<td class="{escape(f.severity)}">{escape(f.check)}</td>'
                    f'<td><div>{escape(f.message)}</div><div class="src">{escape(f.msgid)}</div>'
                    f"<div>{_highlight(f)}</div>{suggestion}</td></tr>"
                )
            out.append("</table>")
        else:
            out.append('<p class="empty">No findings.</p>')
    out.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"


# -- Markdown -------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    langs = ["en", *LANGUAGES]
    lines = ["# Terminology report", ""]
    summary = report.summary()
    lines += ["| language | check | severity | findings |", "|---|---|---|---:|"]
    lines += [f"| {lang} | {check} | {sev} | {n} |" for (lang, check, sev), n in summary.items()]
    if not summary:
        lines.append("| – | – | – | 0 |")
    for article in report.articles:
        lines += ["", f"## {_cell(article.title)} (`{article.path}`)", ""]
        lines.append("| concept | " + " | ".join(langs) + " |")
        lines.append("|---|" + "---:|" * len(langs))
        concepts = sorted(set().union(*(c.keys() for c in article.counts.values())))
        for concept in concepts:
            counts = [str(article.counts.get(lang, Counter())[concept]) for lang in langs]
            name = _cell(report.english.get(concept, concept))
            lines.append(f"| {name} | " + " | ".join(counts) + " |")
        for f in article.findings:
            tip = f" → {_cell(f.suggestion)}" if f.suggestion else ""
            lines.append(
                f"- **{f.severity}** `{f.file}:{f.line}` {f.check}: {_cell(f.message)}{tip}"
            )
    return "\n".join(lines) + "\n"
