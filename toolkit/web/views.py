"""What the pages show, as plain values for the templates: highlighted segments of an article
side by side with the findings of `toolkit check`, summaries of the report and of lint.

Every piece of text is escaped here or by the templates' autoescaping; only the ``<mark>``
elements built by :func:`highlight` are markup.

>>> from toolkit.matching.matcher import Match
>>> match = Match("almaty", "Almaty", 3, 9, "Almaty", "preferred", "Almaty")
>>> str(highlight("<b>Almaty</b>", [match]))
'&lt;b&gt;<mark class="term preferred" title="almaty: Almaty">Almaty</mark>&lt;/b&gt;'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from toolkit.articles.markdown import parse_article
from toolkit.articles.pipeline import LATIN, translation_table
from toolkit.catalog import read_catalog
from toolkit.checks.base import Finding
from toolkit.checks.runner import check_catalog
from toolkit.matching.matcher import Match
from toolkit.reports.editorial import Report
from toolkit.tm.glossary_check import text_checks
from toolkit.tm.matching import Suggestion, lookup
from toolkit.web.state import ArticleInfo, ProjectState

#: article view columns: glossary language → PO locale (None: the English source)
COLUMNS: dict[str, str | None] = {"en": None, "kk": "kk", "kk-Latn": LATIN, "ru": "ru"}
#: languages whose untranslated segments get the translation memory's suggestions (kk-Latn
#: is generated from kk)
SUGGESTED = ("kk", "ru")


def highlight(text: str, matches: Iterable[Match]) -> Markup:
    """``text`` escaped, each glossary term in a ``<mark>`` whose title names the concept."""
    out, pos = [], 0
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue  # overlaps the previous one (the matcher already prefers the longest)
        title = f"{m.concept}: {m.en}"
        out.append(escape(text[pos : m.start]))
        out.append(
            Markup('<mark class="term {}" title="{}">{}</mark>').format(
                m.status, title, text[m.start : m.end]
            )
        )
        pos = m.end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


@dataclass
class Cell:
    """One language of one segment."""

    html: Markup
    state: str = ""  # "", "fuzzy" or "untranslated"
    findings: list[Finding] = field(default_factory=list)
    #: the translation memory's suggestions, for an untranslated segment
    suggestions: list[Suggestion] = field(default_factory=list)


@dataclass
class Row:
    line: int
    kind: str
    cells: dict[str, Cell]


@dataclass
class ArticleView:
    info: ArticleInfo
    rows: list[Row]
    catalogs: dict[str, str]  # language → PO file shown
    finding_counts: Counter


def article_view(state: ProjectState, info: ArticleInfo) -> ArticleView:
    """The article's segments in every language, highlighted, with their findings."""
    resources = state.resources()
    checks = state.checks()
    article = parse_article(info.path)
    tables = {}
    findings: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    catalogs: dict[str, str] = {}
    for lang, locale in COLUMNS.items():
        if locale is None:
            continue
        tables[lang] = {}
        path = state.project.catalog(info.slug, locale)
        if path.is_file():
            catalog = read_catalog(path)  # read once: for the table and for the checks
            tables[lang] = translation_table(catalog)
            catalogs[lang] = str(path.relative_to(state.project.root))
            for f in check_catalog(catalog, checks, resources):
                findings[lang, f.msgid].append(f)
    rows = []
    counts: Counter = Counter()
    memory = None
    memory_checks = text_checks(checks)
    for segment in article.segments:
        cells = {"en": Cell(highlight(segment.text, resources.matcher("en").find(segment.text)))}
        for lang, table in tables.items():
            msgstr, fuzzy = table.get((segment.context, segment.text), ("", False))
            here = findings.get((lang, segment.text), [])
            counts.update(f.severity for f in here)
            cell_state = "untranslated" if not msgstr else ("fuzzy" if fuzzy else "")
            html = highlight(msgstr, resources.matcher(lang).find(msgstr)) if msgstr else Markup("")
            cells[lang] = Cell(html, cell_state, here)
            if not msgstr and lang in SUGGESTED:
                memory = memory or state.memory()
                cells[lang].suggestions = lookup(
                    memory, segment.text, lang, resources, checks=memory_checks
                )
        rows.append(Row(segment.line, segment.kind, cells))
    return ArticleView(info, rows, catalogs, counts)


@dataclass
class SummaryRow:
    lang: str
    check: str
    severity: str
    count: int


def report_summary(report: Report) -> list[SummaryRow]:
    """The summary table of ``toolkit report``: findings per language, check and severity."""
    return [SummaryRow(lang, check, sev, n) for (lang, check, sev), n in report.summary().items()]


def article_totals(report: Report) -> dict[str, Counter]:
    """Findings per severity for each article slug."""
    return {a.slug: Counter(f.severity for f in a.findings) for a in report.articles}


#: concepts a page of the glossary list shows
PAGE_SIZE = 50


@dataclass(frozen=True)
class Paging:
    """One page of a list: its number (from 1), the number of pages and the items' total,
    and the positions (from 1) of its first and last item.

    >>> p = paginate(120, 3)
    >>> p.pages, p.first, p.last, p.slice(list(range(120)))[:2]
    (3, 101, 120, [100, 101])
    """

    number: int
    pages: int
    total: int
    first: int
    last: int

    def slice(self, items: list) -> list:
        return items[self.first - 1 : self.last] if self.total else []


def paginate(total: int, number: int, size: int = PAGE_SIZE) -> Paging:
    """Page ``number`` of ``total`` items; raises ValueError when there is no such page."""
    pages = max(1, -(-total // size))
    if not 1 <= number <= pages:
        raise ValueError(f"there is no page {number}: pages 1 to {pages}")
    first = (number - 1) * size + 1 if total else 0
    return Paging(number, pages, total, first, min(total, number * size))
