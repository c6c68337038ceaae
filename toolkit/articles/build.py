"""Build the article versions: ``build/<slug>.<en|kk|kk-Latn|ru>.md`` and ``.html``.

Translated segments come from the PO files; Kazakh Latin from the kk@latin catalogue
(generated from kk by ``toolkit update``) or, when that is missing, by transliterating kk on
the fly. On request (``extra``), versions in another script are derived from a translated one
the same way: ``kk-Arab`` (Kazakh in Arabic script, right to left) from kk by ``kk-arab``.
Front-matter ``tags`` and ``byline`` are localized as :mod:`toolkit.articles.localize` says.
A segment without a confirmed translation (empty or fuzzy) falls back to the English
source with a visible ``[EN]`` marker and is reported. Output is deterministic: building twice
gives the same bytes, and unchanged files are not rewritten.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html import escape, unescape
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from toolkit.articles.localize import TagIndex, localized_byline, localized_tags
from toolkit.articles.markdown import Article, from_placeholders, parse_article, render_body
from toolkit.articles.pipeline import (
    LATIN,
    OUTPUTS,
    Fallback,
    Project,
    translations,
    translator,
)
from toolkit.fileio import atomic_write_text
from toolkit.glossary.model import Glossary
from toolkit.translit import get_scheme, to_kk_latin, transliterate

#: Versions built on request: output → (the version it is derived from, scheme).
SCRIPT_VERSIONS = {"kk-Arab": ("kk", "kk-arab")}
#: Scripts written right to left: their HTML versions get dir="rtl".
RTL_SCRIPTS = frozenset({"Arab"})

MARK = "[EN] "
CSS = """
body{font:17px/1.55 Georgia,serif;max-width:42rem;margin:2.5rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.9rem;line-height:1.2} .meta{color:#666;font:14px system-ui,sans-serif}
img{max-width:100%}
blockquote{border-inline-start:3px solid #ccc;margin-inline-start:0;padding-inline-start:1rem}
"""


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    fallbacks: list[Fallback] = field(default_factory=list)


def _date(meta: dict) -> datetime.date | None:
    value = meta.get("date")
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def localized_meta(
    article: Article,
    output: str,
    translate,
    index: TagIndex,
    derive: Callable[[str], str] | None = None,
) -> dict:
    """Front matter of a version: translated title and dateline, the date written by CLDR,
    tags and byline localized. ``derive``: the version is derived from the kk one by it
    (kk-Latn, kk-Arab): CLDR's Kazakh date and the Kazakh tags are converted by it."""
    from babel.dates import format_date

    meta = dict(article.meta)
    for segment in article.segments:
        if segment.context in ("title", "dateline"):
            meta[segment.context] = from_placeholders(translate(segment), segment.codes)
    meta["lang"] = output
    date = _date(article.meta)
    if date is not None:
        meta["date"] = date.isoformat()
        text = format_date(date, "long", locale="kk" if derive else output)
        meta["date_text"] = derive(text) if derive else text
    if "tags" in meta and output != "en":  # the English version keeps the source's tags
        lang = "kk" if derive and output != "kk-Latn" else output
        meta["tags"] = localized_tags(meta["tags"], lang, index, derive if lang == "kk" else None)
    if "byline" in meta:
        meta["byline"] = localized_byline(meta["byline"], output, derive)
    meta["source"] = f"articles/{article.slug}.md"
    return meta


def render_markdown(meta: dict, body: str) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{body}"


def render_html(meta: dict, body: str, lang: str, rtl: bool = False) -> str:
    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")  # as articles are read
    content = markdown.render(body)
    title = markdown.renderInline(str(meta.get("title", "")))  # *Almaty* -> <em>Almaty</em>
    plain_title = escape(unescape(re.sub(r"<[^>]+>", "", title)))
    byline = escape(str(meta.get("byline", "")))
    direction = ' dir="rtl"' if rtl else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}"{direction}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{plain_title}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<article>\n<h1>{title}</h1>\n"
        f'<p class="meta">{escape(str(meta.get("dateline", "")))} · '
        f"{escape(str(meta.get('date_text', '')))} · {byline}</p>\n"
        f"{content}</article>\n</body>\n</html>\n"
    )


def _write(path: Path, text: str, result: BuildResult) -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        result.unchanged.append(path)
        return
    atomic_write_text(path, text)
    result.written.append(path)


def build_article(
    project: Project,
    article: Article,
    glossary: Glossary,
    result: BuildResult,
    extra: tuple[str, ...] = (),
    index: TagIndex | None = None,
) -> None:
    """Write the four versions of one article, and the ``extra`` ones (see SCRIPT_VERSIONS)."""
    index = index if index is not None else TagIndex(glossary)
    kazakh = translations(project, article.slug, "kk")
    to_latin = partial(to_kk_latin, glossary=glossary)
    for output, (locale, _lang, tag) in OUTPUTS.items():
        derive = None
        if locale is None:
            translate = lambda segment: segment.text  # noqa: E731  (the source itself)
        else:
            table = kazakh if locale == "kk" else translations(project, article.slug, locale)
            if locale == LATIN:
                derive = to_latin
                if not table and kazakh:
                    table = {key: (to_latin(text), fuzzy) for key, (text, fuzzy) in kazakh.items()}
            translate = translator(table, result.fallbacks, article, output, MARK)
        _write_version(project, article, output, tag, translate, index, derive, result)
    for output in extra:
        source, scheme = SCRIPT_VERSIONS[output]
        derive = partial(transliterate, scheme=scheme)
        base = kazakh if source == "kk" else translations(project, article.slug, source)
        table = {key: (derive(text), fuzzy) for key, (text, fuzzy) in base.items()}
        translate = translator(table, result.fallbacks, article, output, MARK)
        rtl = get_scheme(scheme).target_script in RTL_SCRIPTS
        _write_version(project, article, output, output, translate, index, derive, result, rtl)


def _write_version(project, article, output, tag, translate, index, derive, result, rtl=False):
    meta = localized_meta(article, output, translate, index, derive)
    body = render_body(article, translate)
    name = f"{article.slug}.{output}"
    _write(project.build_dir / f"{name}.md", render_markdown(meta, body), result)
    _write(project.build_dir / f"{name}.html", render_html(meta, body, tag, rtl), result)


def build(
    project: Project, paths, glossary: Glossary, progress=None, extra: tuple[str, ...] = ()
) -> BuildResult:
    """Build every article (or those in ``paths``), with the ``extra`` versions (kk-Arab)."""
    unknown = sorted(set(extra) - set(SCRIPT_VERSIONS))
    if unknown:
        raise ValueError(f"unknown versions {unknown}; on request: {sorted(SCRIPT_VERSIONS)}")
    result = BuildResult()
    index = TagIndex(glossary)
    articles = project.articles(paths)
    for path in progress(articles) if progress else articles:
        build_article(project, parse_article(path), glossary, result, extra, index)
    return result
