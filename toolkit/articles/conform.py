"""Conform translations to the glossary: deprecated and forbidden terms become the preferred
term in the same inflected form (оралмандарға → қандастарға, оралманов → кандасов)."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.articles.pipeline import TRANSLATED, Project
from toolkit.catalog import find_catalogs, read_catalog, rewrite_translations
from toolkit.fileio import display_path
from toolkit.glossary.model import Glossary, Term
from toolkit.matching.forms import load_matcher
from toolkit.matching.kazakh_reinflect import kazakh_inflect_like
from toolkit.matching.russian_reinflect import russian_inflect_like


@dataclass
class ConformResult:
    diff: str = ""
    written: list[Path] = field(default_factory=list)
    unchanged_forms: list[str] = field(default_factory=list)  # could not re-inflect


def _inflector(lang: str) -> Callable[[str, Term, Term], str | None]:
    """The re-inflection of the catalogue languages conform works on (kk, ru)."""
    if lang == "kk":
        return kazakh_inflect_like

    return russian_inflect_like


def conform_text(text: str, lang: str, glossary: Glossary, matcher, notes: list[str]) -> str:
    """``text`` with every deprecated or forbidden term replaced (where it can be inflected)."""
    inflect = _inflector(lang)
    out, position = [], 0
    for match in matcher.find(text):
        if match.status not in ("deprecated", "forbidden"):
            continue
        concept = glossary[match.concept]
        preferred = concept.preferred(lang)
        source = next((t for t in concept.terms[lang] if t.text == match.term), None)
        if preferred is None or source is None:
            continue
        replacement = inflect(match.text, source, preferred)
        if replacement is None:
            notes.append(f"«{match.text}» ({match.concept}): no form of «{preferred.text}» found")
            continue
        out.append(text[position : match.start])
        out.append(replacement)
        position = match.end
    out.append(text[position:])
    return "".join(out)


def _kept_on_purpose(entry) -> bool:  # entry: toolkit.catalog.Entry
    """A translator comment ``toolkit: ignore`` (all checks, or deprecated_term /
    forbidden_term) marks a variant kept on purpose («until 2020 they were called оралман»)."""
    ignored = entry.ignored_checks()
    return ignored is not None and (
        not ignored or bool(ignored & {"deprecated_term", "forbidden_term"})
    )


def conform(
    project: Project, glossary: Glossary, paths: list[str], write: bool, use_cache: bool = True
) -> ConformResult:
    """Conform the kk and ru catalogues (or those under ``paths``); a diff, or rewrite them.

    A rewrite changes only the lines of the conformed entries (toolkit.catalog.patch), and
    conforms each entry as the file has it at the moment of writing, under the file's lock.
    """

    result = ConformResult()
    targets = find_catalogs(paths or [project.locales / lang for lang in TRANSLATED])
    matchers = {}
    diffs = []
    for path in targets:
        catalog = read_catalog(path)
        lang = catalog.language
        if lang not in TRANSLATED:
            continue  # kk@latin is regenerated from kk by `toolkit update`
        if lang not in matchers:
            matchers[lang] = load_matcher(glossary, lang, use_cache=use_cache)

        def conformed(entry, lang=lang) -> tuple[str, bool] | None:
            if entry.obsolete or not entry.msgstr or _kept_on_purpose(entry):
                return None
            fixed = conform_text(
                entry.msgstr, lang, glossary, matchers[lang], result.unchanged_forms
            )
            return (fixed, entry.fuzzy) if fixed != entry.msgstr else None

        if write:
            changed = [(r.before, r.msgstr) for r in rewrite_translations(path, conformed)]
            if changed:
                result.written.append(path)
        else:
            changed = [(e, new[0]) for e in catalog.entries if (new := conformed(e))]
        if changed:
            shown = display_path(path)
            before = [f'{e.line}: msgstr "{e.msgstr}"\n' for e, _ in changed]
            after = [f'{e.line}: msgstr "{fixed}"\n' for e, fixed in changed]
            diffs.extend(
                difflib.unified_diff(before, after, f"{shown} (now)", f"{shown} (conformed)")
            )
    result.diff = "".join(diffs)
    return result
