"""The date a translation is judged by: names change (Astana → Nur-Sultan → Astana), and a
term is right or deprecated depending on when the article was written.

The date comes from, in this order: ``toolkit check --as-of DATE``; the catalogue's PO header
``X-Article-Date: YYYY-MM-DD``; the front matter ``date`` of the article the catalogue
translates (``articles/<slug>.md`` of the project the catalogue belongs to, or the Markdown
files its ``#:`` references name). Without any of them, terms are judged by their status as
written (which is the glossary's view of today).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from toolkit.articles.frontmatter import read_front_matter
from toolkit.catalog import Catalog
from toolkit.errors import InputError
from toolkit.fileio import display_path

#: the PO header that carries the article's date
DATE_HEADER = "X-Article-Date"
#: lines of an article read for its front matter (the date is near the top)
FRONT_MATTER_LINES = 200


def parse_day(text: str, what: str, path: str | None = None) -> str:
    """``text`` as a YYYY-MM-DD string; InputError naming ``what`` when it is not one.

    >>> parse_day(" 2019-03-23 ", "--as-of")
    '2019-03-23'
    """
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what} {text!r} is not a date (YYYY-MM-DD)", path=path) from None
    return value


def catalogue_day(catalog: Catalog) -> str | None:
    """The article date of ``catalog`` from its header or its article; None when neither
    says. Raises InputError for a header or front matter date that is not a date."""
    header = catalog.metadata.get(DATE_HEADER)
    if header:
        return parse_day(header, f"header {DATE_HEADER}", display_path(catalog.path))
    for article in _article_candidates(catalog):
        if article.is_file():
            return _front_matter_day(article)
    return None


def _project_root(po_path: Path) -> Path | None:
    """The project folder of ``locales/<lang>/LC_MESSAGES/<name>.po`` or ``po/<lang>.po``."""
    parts = po_path.parts
    if len(parts) >= 4 and parts[-2] == "LC_MESSAGES" and parts[-4] == "locales":
        return po_path.parents[3]
    if len(parts) >= 2 and parts[-2] == "po":
        return po_path.parents[1]
    return None


def _article_candidates(catalog: Catalog) -> list[Path]:
    path = Path(catalog.path).resolve()
    root = _project_root(path)
    if root is None:
        return []
    named = {
        reference
        for entry in catalog.entries[:50]  # the references repeat: the first entries name it
        for reference, _ in entry.occurrences
        if reference.endswith(".md")
    }
    return [root / reference for reference in sorted(named)] + [
        root / "articles" / f"{path.stem}.md"
    ]


def _front_matter_day(article: Path) -> str | None:
    shown = display_path(article)
    with article.open(encoding="utf-8", errors="replace") as stream:
        lines = []
        for line in stream:
            lines.append(line.rstrip("\n"))
            if (len(lines) > 1 and line.strip() == "---") or len(lines) >= FRONT_MATTER_LINES:
                break
    front = read_front_matter(article, shown, lines)
    return str(front.meta["date"])
