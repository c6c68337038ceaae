"""The usage survey: how often an archive writes each spelling of each glossary concept, per
year, and which spellings it writes that the glossary does not know.

Each document gives its prose (what ``translit DIR`` would convert) and its year: the
front matter's ``date`` (Markdown), a ``<meta>`` date or the first ``<time>`` (HTML), else
the first year (1900–2099) in its path (``2003/05/...``), else none. Terms are found by the
term recognition, in every inflected form, and counted under the glossary spelling they are
a form of, with that spelling's status. A capitalised word one letter from a glossary name
(the near-miss search of the ``wrong_variant`` check) is counted as it is written, with the
status ``unknown``.

>>> from toolkit.glossary import load_glossary
>>> survey = Survey(load_glossary("glossary"), "kk")
>>> counts, problem = survey.document("2019/a.txt", "Оралмандар мен қандастар.".encode())
>>> sorted(counts.items())
[(('kandas', 'оралман', 'deprecated', 2019), 1), (('kandas', 'қандас', 'preferred', 2019), 1)]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from toolkit.archive.documents import COPY, UnreadableFile, decode_document, kind_of
from toolkit.archive.html import html_date, html_texts, parse_html
from toolkit.archive.markdown import markdown_texts
from toolkit.checks.base import Resources
from toolkit.checks.variants import near_misses
from toolkit.matching.matcher import STATUS_RANK

#: the languages a survey reads (the glossary's languages of running text)
LANGUAGES = ("kk", "ru", "en")
UNKNOWN = "unknown"
#: front-matter keys that hold an article's date, in order of preference
DATE_KEYS = ("date", "published", "pubdate", "publishDate", "created")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")

#: (concept, spelling, status, year or None) -> occurrences
Key = tuple[str, str, str, int | None]


def year_of(value: str | None) -> int | None:
    """The year a date (or a path) names: its first four-digit year 1900–2099.

    >>> year_of("2019-03-01"), year_of("archive/2003/05/12.html"), year_of("v1.2")
    (2019, 2003, None)
    """
    match = _YEAR.search(value or "")
    return int(match.group()) if match else None


@dataclass
class Survey:
    """Counts spellings in the documents of one language against a glossary."""

    glossary: Any
    lang: str
    use_cache: bool = True
    resources: Resources = field(init=False)

    def __post_init__(self) -> None:
        self.resources = Resources(self.glossary, use_cache=self.use_cache)

    def document(self, path: str, data: bytes) -> tuple[Counter[Key], str | None]:
        """(counts, problem) of the document ``path`` (relative to the archive) with bytes
        ``data``; a document that cannot be read counts nothing and gives its problem.
        Files that are not documents (images) count nothing."""
        kind = kind_of(path)
        if kind == COPY:
            return Counter(), None
        try:
            text, _ = decode_document(data, path)
            if kind == "html":
                root = parse_html(text, path)
                texts, date = html_texts(root, self.lang), html_date(root)
            elif kind == "markdown":
                meta, texts = markdown_texts(text, self.lang)
                date = next((meta[key] for key in DATE_KEYS if meta.get(key)), None)
            else:
                texts, date = [text], None
        except UnreadableFile as exc:
            return Counter(), str(exc)
        year = year_of(date) or year_of(path)
        return self.count(texts, year), None

    def count(self, texts: list[str], year: int | None) -> Counter[Key]:
        """The spellings found in ``texts``, all of ``year``."""
        counts: Counter[Key] = Counter()
        matcher = self.resources.matcher(self.lang)
        for text, matches in zip(texts, matcher.find_all(texts), strict=True):
            for match in matches:
                counts[(match.concept, match.term, match.status, year)] += 1
            taken = [(match.start, match.end) for match in matches]
            for miss in near_misses(self.resources, self.lang, text, taken):
                counts[(miss.concept, miss.text, UNKNOWN, year)] += 1
        return counts


def usage_rows(counts: Counter[Key]) -> list[dict[str, Any]]:
    """The survey as the design's rows ``{"concept", "term", "status", "year", "count"}``,
    by concept, then status (preferred first, unknown last), spelling and year (a document
    without a year last)."""
    rank = {**STATUS_RANK, UNKNOWN: len(STATUS_RANK)}
    keys = sorted(counts, key=lambda k: (k[0], rank.get(k[2], 99), k[1], k[3] is None, k[3] or 0))
    return [
        {"concept": c, "term": t, "status": s, "year": y, "count": counts[(c, t, s, y)]}
        for c, t, s, y in keys
    ]


@dataclass(frozen=True)
class Flag:
    """A deprecated or forbidden spelling the archive uses: how often, first and last year."""

    concept: str
    term: str
    status: str
    count: int
    first: int | None
    last: int | None


def flagged(rows: list[dict[str, Any]]) -> list[Flag]:
    """The deprecated and forbidden spellings among ``rows``, in the rows' order."""
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if row["status"] in ("deprecated", "forbidden"):
            found.setdefault((row["concept"], row["term"], row["status"]), []).append(row)
    flags = []
    for (concept, term, status), group in found.items():
        years = [row["year"] for row in group if row["year"] is not None]
        total = sum(row["count"] for row in group)
        first, last = (min(years), max(years)) if years else (None, None)
        flags.append(Flag(concept, term, status, total, first, last))
    return flags
