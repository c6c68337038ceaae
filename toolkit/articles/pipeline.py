"""The article pipeline: article → POT → PO per language → article versions.

A :class:`Project` knows where things live (``articles/``, ``locales/``, ``build/``). Each step
is a function that returns what it did; the CLI prints. Every file is written atomically.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from toolkit import cache
from toolkit.articles.markdown import Article, Segment, parse_article
from toolkit.catalog import (
    Catalog,
    TemplateEntry,
    create_catalog,
    derive_catalog,
    merge_catalog,
    read_catalog,
    write_template,
)
from toolkit.errors import InputError
from toolkit.fileio import display_path
from toolkit.glossary.model import Glossary
from toolkit.matching.forms import load_matcher
from toolkit.translit import to_kk_latin

#: PO locales translators work in; kk@latin is generated from kk
TRANSLATED = ("kk", "ru")
LATIN = "kk@latin"
#: output language → (PO locale, glossary language, BCP 47 tag for HTML)
OUTPUTS = {
    "en": (None, "en", "en"),
    "kk": ("kk", "kk", "kk"),
    "kk-Latn": (LATIN, "kk-Latn", "kk-Latn"),
    "ru": ("ru", "ru", "ru"),
}


@dataclass
class Project:
    """A newsroom project folder."""

    root: Path

    @property
    def articles_dir(self) -> Path:
        return self.root / "articles"

    @property
    def locales(self) -> Path:
        return self.root / "locales"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    def articles(self, paths: Iterable[str | Path] = ()) -> list[Path]:
        """The article files named, or every ``articles/*.md``."""
        chosen = [Path(p) for p in paths] or sorted(self.articles_dir.glob("*.md"))
        missing = [p for p in chosen if not p.is_file()]
        if missing:
            raise InputError("no such article", path=display_path(missing[0]))
        for p in chosen:
            # a source reference (#: path:line) ends at the line end: the template would be
            # invalid, and every later `update` of the project would fail on it
            if "\n" in str(p) or "\r" in str(p):
                shown = display_path(p).replace("\n", "\\n").replace("\r", "\\r")
                raise InputError(
                    "the file name has a line break, which a template's source references "
                    "cannot hold: rename the file",
                    path=shown,
                )
        return chosen

    def template(self, slug: str) -> Path:
        return self.locales / "templates" / f"{slug}.pot"

    def catalog(self, slug: str, locale: str) -> Path:
        return self.locales / locale / "LC_MESSAGES" / f"{slug}.po"

    def reference(self, article: Article, line: int) -> tuple[str, str]:
        try:
            shown = Path(article.path).resolve().relative_to(self.root.resolve())
        except ValueError:
            shown = Path(article.path)
        return (shown.as_posix(), str(line))


# -- extract -------------------------------------------------------------------------------


def template_entries(
    project: Project, article: Article, hints: Callable[[str], str] | None = None
) -> list[TemplateEntry]:
    """One entry per distinct segment (context + text), with every source line."""
    order: list[tuple[str | None, str]] = []
    lines: dict[tuple[str | None, str], list[tuple[str, str]]] = {}
    kinds: dict[tuple[str | None, str], str] = {}
    for segment in article.segments:
        key = (segment.context, segment.text)
        if key not in lines:
            order.append(key)
            lines[key] = []
            kinds[key] = segment.kind
        lines[key].append(project.reference(article, segment.line))
    entries = []
    for key in order:
        context, text = key
        comment = [f"{kinds[key]}"]
        if hints is not None and (hint := hints(text)):
            comment.append(hint)
        entries.append(TemplateEntry(text, context, tuple(lines[key]), "\n".join(comment)))
    return entries


def glossary_hints(glossary: Glossary, use_cache: bool = True) -> Callable[[str], str]:
    """A function giving the translator's hint for a segment: its glossary concepts with the
    preferred kk and ru terms (``glossary: Almaty → kk Алматы · ru Алматы``)."""

    matcher = load_matcher(glossary, "en", use_cache=use_cache)

    def hint(text: str) -> str:
        seen: list[str] = []
        for match in matcher.find(text):
            concept = glossary[match.concept]
            line = (
                f"glossary: {match.text} → kk {concept.preferred_text('kk')}"
                f" · ru {concept.preferred_text('ru')}"
            )
            if match.status not in ("preferred", "admitted"):
                line += f" ({match.status} in English: prefer {concept.preferred_text('en')})"
            if line not in seen:
                seen.append(line)
        return "\n".join(seen)

    return hint


@dataclass
class ExtractResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def extract(
    project: Project,
    paths: Iterable[str | Path],
    glossary: Glossary,
    progress: Callable[[list[Path]], Iterable[Path]] | None = None,
    use_cache: bool = True,
) -> ExtractResult:
    """Write ``locales/templates/<slug>.pot`` for each article (only when it changes)."""
    hints = glossary_hints(glossary, use_cache)
    result = ExtractResult()
    articles = project.articles(paths)
    for path in progress(articles) if progress else articles:
        article = parse_article(path)
        target = project.template(article.slug)
        if write_template(target, template_entries(project, article, hints)):
            result.written.append(target)
        else:
            result.unchanged.append(target)
    return result


# -- update --------------------------------------------------------------------------------


@dataclass
class UpdateResult:
    created: list[Path] = field(default_factory=list)
    merged: list[Path] = field(default_factory=list)
    derived: list[Path] = field(default_factory=list)
    current: list[Path] = field(default_factory=list)  # nothing to do: inputs unchanged


class UpdateState:
    """What each catalogue was last made from (digests of its inputs and of itself), so a
    second `update` with nothing changed does no merging at all. Kept in the user cache."""

    def __init__(self, project: Project):
        name = hashlib.blake2b(str(project.root.resolve()).encode(), digest_size=8).hexdigest()
        self.name = f"update-{name}.json"
        entries = cache.read_json(self.name)  # None when missing or damaged: start afresh
        valid = isinstance(entries, dict) and all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)
            for v in entries.values()
        )
        self.entries: dict[str, list[str]] = entries if valid else {}

    @staticmethod
    def digest(*parts: Path | str) -> str:
        """Digest of files' bytes (a missing file counts as such) and of plain strings."""
        h = hashlib.blake2b(digest_size=16)
        for part in parts:
            if isinstance(part, str):
                h.update(b"\0str:" + part.encode())
            else:
                h.update(part.read_bytes() if part.is_file() else b"\0missing")
        return h.hexdigest()

    def current(self, target: Path, *inputs: Path | str) -> bool:
        """True when ``target`` and its inputs are as they were after the last run."""
        recorded = self.entries.get(str(target))
        return recorded == [self.digest(*inputs), self.digest(target)]

    def record(self, target: Path, *inputs: Path | str) -> None:
        self.entries[str(target)] = [self.digest(*inputs), self.digest(target)]

    def save(self) -> None:
        """Keep the digests for the next run (skipped when the cache cannot be written: that
        only costs the next run its shortcut)."""
        cache.write_json(self.name, self.entries)


def update(
    project: Project,
    glossary: Glossary,
    locales: Iterable[str] = TRANSLATED,
    progress: Callable[[list[Path]], Iterable[Path]] | None = None,
) -> UpdateResult:
    """Create or merge ``locales/<lang>/LC_MESSAGES/<slug>.po`` from every template, then
    regenerate the kk@latin catalogues from the kk ones. Catalogues whose template (and
    own content) did not change since the last run are left alone."""
    result = UpdateResult()
    templates = sorted((project.locales / "templates").glob("*.pot"))
    if not templates:
        raise InputError("no templates: run `toolkit extract` first", path=project.locales)
    wanted = list(locales)
    state = UpdateState(project)
    convert = None
    for template in progress(templates) if progress else templates:
        slug = template.stem
        for locale in wanted:
            if locale == LATIN:
                continue
            target = project.catalog(slug, locale)
            if not target.is_file():
                create_catalog(template, target, locale)
                result.created.append(target)
            elif state.current(target, template):
                result.current.append(target)
                continue
            else:
                merge_catalog(target, template)
                result.merged.append(target)
            state.record(target, template)
        source = project.catalog(slug, "kk")
        if ("kk" in wanted or LATIN in wanted) and source.is_file():
            latin = project.catalog(slug, LATIN)
            if state.current(latin, source, glossary.key):
                result.current.append(latin)
                continue
            convert = convert or partial(to_kk_latin, glossary=glossary)
            if derive_catalog(source, latin, LATIN, convert):
                result.derived.append(latin)
            else:
                result.current.append(latin)
            state.record(latin, source, glossary.key)
    state.save()
    return result


# -- translations --------------------------------------------------------------------------


@dataclass
class Fallback:
    """A segment built from the English source because its translation is missing or fuzzy."""

    path: str
    line: int
    output: str
    reason: str  # "untranslated" | "fuzzy"
    msgid: str


def translations(
    project: Project, slug: str, locale: str
) -> dict[tuple[str | None, str], tuple[str, bool]]:
    """(msgctxt, msgid) → (msgstr, fuzzy) of a catalogue; empty when it does not exist."""
    path = project.catalog(slug, locale)
    return translation_table(read_catalog(path)) if path.is_file() else {}


def translation_table(catalog: Catalog) -> dict[tuple[str | None, str], tuple[str, bool]]:
    """(msgctxt, msgid) → (msgstr, fuzzy) of the live entries of ``catalog``."""
    return {
        (e.msgctxt, e.msgid): (e.msgstr, e.fuzzy)
        for e in catalog.entries
        if not e.obsolete and e.msgid
    }


def translator(
    table: dict[tuple[str | None, str], tuple[str, bool]],
    fallbacks: list[Fallback],
    article: Article,
    output: str,
    mark: str,
) -> Callable[[Segment], str]:
    def translate(segment: Segment) -> str:
        found = table.get((segment.context, segment.text))
        if found and found[0] and not found[1]:
            return found[0]
        reason = "fuzzy" if found and found[0] else "untranslated"
        fallbacks.append(Fallback(article.path, segment.line, output, reason, segment.text))
        return mark + segment.text

    return translate
