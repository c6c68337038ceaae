"""The editors' terminology report: per article and language, every glossary concept with its
counts in the source and each translation, and the findings of `check` in context; a PO file
without an article of the project (from Weblate, from a translator) gets a section of its own,
its terms counted in its msgids and its translations.

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
from toolkit.catalog import Catalog, find_catalogs, read_catalog
from toolkit.checks.base import Check, Finding, Resources
from toolkit.checks.runner import TARGET_LANGUAGES, check_catalog
from toolkit.errors import InputError
from toolkit.fileio import display_path
from toolkit.glossary.model import Glossary
from toolkit.matching.forms import load_matcher
from toolkit.matching.matcher import TermMatcher
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

    @property
    def columns(self) -> list[tuple[str, str]]:
        """(heading, language) of the count columns: the source and every translation."""
        return [("en", "en"), *((lang, lang) for lang in LANGUAGES)]


@dataclass
class CatalogReport:
    """A PO file without an article of this project: its findings and term counts, the
    English column counted in its msgids."""

    path: str  # as shown
    locale: str
    language: str
    counts: dict[str, Counter] = field(default_factory=dict)  # "en" (msgids) and language
    findings: list[Finding] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.path

    @property
    def columns(self) -> list[tuple[str, str]]:
        return [("en (msgid)", "en"), (self.language, self.language)]


@dataclass
class Report:
    articles: list[ArticleReport]
    english: dict[str, str]  # concept → preferred English term
    catalogs: list[CatalogReport] = field(default_factory=list)
    #: PO files not reported, their language not kk, kk@latin or ru
    skipped: list[Catalog] = field(default_factory=list)
    #: PO file shown → its language (for the summary and the filters)
    languages: dict[str, str] = field(default_factory=dict)

    @property
    def sections(self) -> list[ArticleReport | CatalogReport]:
        return [*self.articles, *self.catalogs]

    @property
    def findings(self) -> list[Finding]:
        return [f for section in self.sections for f in section.findings]

    def language_of(self, finding: Finding) -> str:
        """The language of the catalogue a finding is in."""
        return self.languages.get(finding.file) or _language_of(finding.file)

    def scope(self) -> str:
        """What the report covers: "2 article(s)", "3 catalogue(s) without an article", or both."""
        parts = [f"{len(self.articles)} article(s)"] if self.articles or not self.catalogs else []
        if self.catalogs:
            parts.append(f"{len(self.catalogs)} catalogue(s) without an article")
        return " and ".join(parts)

    def summary(self) -> dict[tuple[str, str, str], int]:
        """(language, check, severity) → number of findings."""
        counts = Counter((self.language_of(f), f.check, f.severity) for f in self.findings)
        return dict(sorted(counts.items()))


def _language_of(path: str) -> str:
    locale = Path(path).parent.parent.name
    return {value: key for key, value in LANGUAGES.items()}.get(locale, locale)


@dataclass
class _Targets:
    """What the paths name: articles (slugs) and catalogues without an article."""

    slugs: list[str] = field(default_factory=list)
    catalogs: list[Catalog] = field(default_factory=list)
    skipped: list[Catalog] = field(default_factory=list)
    read: dict[Path, Catalog] = field(default_factory=dict)  # every catalogue read, by path


def _article_of(project: Project, catalog: Catalog, path: Path) -> str | None:
    """The article ``catalog`` is the project's translation of (named by its ``#:``
    references or its file name), or None."""
    sources = {Path(f).stem for e in catalog.entries for f, _ in e.occurrences if f.endswith(".md")}
    locale = LANGUAGES.get(catalog.language)
    for slug in sorted(sources) or [path.stem]:
        if locale is None or not (project.articles_dir / f"{slug}.md").is_file():
            continue
        if project.catalog(slug, locale).resolve() == path.resolve():
            return slug
    return None


def _targets(project: Project, paths: list[str]) -> _Targets:
    """Articles named by the paths (articles, PO files or locale folders), in order, and the
    PO files among them that are no article's catalogue in this project. Raises InputError
    for a path that leads to neither."""
    targets = _Targets()
    if not paths:
        targets.slugs = [p.stem for p in project.articles()]
        return targets
    for item in paths:
        path = Path(item)
        slugs = [path.stem] if path.suffix == ".md" else []
        if path.is_dir():
            slugs.extend(x.stem for x in sorted(path.rglob("*.md")))
        slugs = [s for s in slugs if (project.articles_dir / f"{s}.md").is_file()]
        catalogs = [] if path.suffix == ".md" else find_catalogs([path])
        if not slugs and not catalogs:
            raise InputError(
                f"no article of this project ({display_path(project.articles_dir)}/<slug>.md) "
                "and no PO file",
                path=display_path(path),
            )
        for po in catalogs:
            if po.resolve() in targets.read:
                continue  # named twice (a file and its folder)
            catalog = targets.read[po.resolve()] = read_catalog(po)
            if not catalog.language:  # as in `toolkit check`
                raise InputError(
                    f"cannot tell the language (Language header {catalog.locale!r}; neither "
                    "the file name nor its folder names one)",
                    path=display_path(po),
                )
            slug = _article_of(project, catalog, po)
            if slug is not None:
                slugs.append(slug)
            elif catalog.language not in TARGET_LANGUAGES:
                targets.skipped.append(catalog)
            else:
                targets.catalogs.append(catalog)
        targets.slugs.extend(s for s in dict.fromkeys(slugs) if s not in targets.slugs)
    return targets


def _term_counts(matcher: TermMatcher, texts: list[str]) -> Counter:
    return Counter(m.concept for matches in matcher.find_all(texts) for m in matches)


def collect(
    project: Project,
    glossary: Glossary,
    checks: list[Check],
    paths: list[str],
    use_cache: bool = True,
) -> Report:
    """Read every article named (default: all) with its catalogues, count terms, run checks;
    PO files named that belong to no article are reported each on its own."""
    resources = Resources(glossary, use_cache=use_cache)
    english = load_matcher(glossary, "en", use_cache=use_cache)
    targets = _targets(project, paths)
    report = Report([], {c.id: c.preferred_text("en") for c in glossary})
    report.skipped = targets.skipped
    for slug in targets.slugs:
        source = project.articles_dir / f"{slug}.md"
        article = parse_article(source)
        section = ArticleReport(slug, str(article.meta.get("title", slug)), display_path(source))
        section.counts["en"] = _term_counts(english, [s.text for s in article.segments])
        for lang, locale in LANGUAGES.items():
            path = project.catalog(slug, locale)
            if not path.is_file():
                continue
            catalog = targets.read.get(path.resolve()) or read_catalog(path)
            section.catalogs[lang] = display_path(path)
            report.languages[display_path(path)] = lang
            section.counts[lang] = _translation_counts(resources.matcher(lang), catalog)
            section.findings.extend(check_catalog(catalog, checks, resources))
        report.articles.append(section)
    for catalog in targets.catalogs:
        shown = display_path(catalog.path)
        section = CatalogReport(shown, catalog.locale, catalog.language)
        live = [e for e in catalog.entries if not e.obsolete and e.msgid]
        section.counts["en"] = _term_counts(english, [e.msgid for e in live])
        section.counts[catalog.language] = _translation_counts(
            resources.matcher(catalog.language), catalog
        )
        section.findings = check_catalog(catalog, checks, resources)
        report.languages[shown] = catalog.language
        report.catalogs.append(section)
    return report


def _translation_counts(matcher: TermMatcher, catalog: Catalog) -> Counter:
    """Concept counts in the translations: one text an entry, like its msgid (the first
    plural form stands for the others)."""
    texts = [e.translations[0] for e in catalog.entries if not e.obsolete and e.msgid]
    return _term_counts(matcher, [t for t in texts if t])


# -- HTML -----------------------------------------------------------------------------------

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:76rem;color:#222}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2.2rem;border-bottom:2px solid #ddd}
table{border-collapse:collapse;margin:.6rem 0;width:100%} th,td{padding:.25rem .5rem;
border-bottom:1px solid #eee;text-align:left;vertical-align:top} th{background:#f4f4f4}
td.n{text-align:right;font-variant-numeric:tabular-nums} td.gap{background:#fff1d6}
.error{color:#a40000;font-weight:600} .warning{color:#8a5a00}
.info{color:#1f4f8a} mark{background:#ffd3d3}
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
    findings = report.findings
    groups = {
        "lang": sorted({report.language_of(f) for f in findings}),
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


def _html_section(report: Report, section: ArticleReport | CatalogReport) -> list[str]:
    heading = escape(section.title)
    if isinstance(section, ArticleReport):
        heading += f" <small>({escape(section.path)})</small>"
    out = [f"<h2>{heading}</h2>"]
    columns = section.columns
    out.append(
        "<table><tr><th>concept</th>"
        + "".join(f"<th>{escape(title)}</th>" for title, _ in columns)
        + "</tr>"
    )
    concepts = sorted(set().union(*(c.keys() for c in section.counts.values())))
    for concept in concepts:
        source = section.counts.get("en", Counter())[concept]
        cells = []
        for _, lang in columns:
            n = section.counts.get(lang, Counter())[concept]
            gap = " gap" if lang != "en" and source and n < source else ""
            cells.append(f'<td class="n{gap}">{n}</td>')
        name = f"{escape(report.english.get(concept, concept))} <small>{escape(concept)}</small>"
        out.append(f"<tr><td>{name}</td>{''.join(cells)}</tr>")
    out.append("</table>")
    if not section.findings:
        out.append('<p class="empty">No findings.</p>')
        return out
    out.append("<table><tr><th>where</th><th>check</th><th>in context</th></tr>")
    for f in section.findings:
        suggestion = (
            f'<div class="sug">suggestion: {escape(f.suggestion)}</div>' if f.suggestion else ""
        )
        out.append(
            f'<tr class="finding" data-lang="{escape(report.language_of(f))}" '
            f'data-check="{escape(f.check)}" data-severity="{escape(f.severity)}">'
            f"<td>{escape(f.file)}:{f.line}</td>"
            f'<td class="{escape(f.severity)}">{escape(f.check)}</td>'
            f"<td><div>{escape(f.message)}</div>"
            f'<div class="src">{escape(f.msgid_excerpt)}</div>'
            f"<div>{_highlight(f)}</div>{suggestion}</td></tr>"
        )
    out.append("</table>")
    return out


def render_html(report: Report) -> str:
    summary = report.summary()
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Terminology report</title>',
        f"<style>{CSS}</style></head><body>",
        "<h1>Terminology report</h1>",
        f"<p>{escape(report.scope())}; "
        f"{sum(n for (_, _, s), n in summary.items() if s == 'error')} errors, "
        f"{sum(n for (_, _, s), n in summary.items() if s == 'warning')} warnings, "
        f"{sum(n for (_, _, s), n in summary.items() if s == 'info')} info "
        "(never failing).</p>",
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
    for section in report.sections:
        out.extend(_html_section(report, section))
    out.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"


# -- Markdown -------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    lines = ["# Terminology report", "", f"{report.scope()}.", ""]
    summary = report.summary()
    lines += ["| language | check | severity | findings |", "|---|---|---|---:|"]
    lines += [f"| {lang} | {check} | {sev} | {n} |" for (lang, check, sev), n in summary.items()]
    if not summary:
        lines.append("| – | – | – | 0 |")
    for section in report.sections:
        where = f" (`{section.path}`)" if isinstance(section, ArticleReport) else ""
        lines += ["", f"## {_cell(section.title)}{where}", ""]
        columns = section.columns
        lines.append("| concept | " + " | ".join(_cell(title) for title, _ in columns) + " |")
        lines.append("|---|" + "---:|" * len(columns))
        concepts = sorted(set().union(*(c.keys() for c in section.counts.values())))
        for concept in concepts:
            counts = [str(section.counts.get(lang, Counter())[concept]) for _, lang in columns]
            name = _cell(report.english.get(concept, concept))
            lines.append(f"| {name} | " + " | ".join(counts) + " |")
        for f in section.findings:
            tip = f" → {_cell(f.suggestion)}" if f.suggestion else ""
            lines.append(
                f"- **{f.severity}** `{f.file}:{f.line}` {f.check}: {_cell(f.message)}{tip}"
            )
    return "\n".join(lines) + "\n"
