"""The memory: translation units from the project's catalogues and imported TMX files.

Every translated, non-fuzzy entry of ``locales/<kk|ru|kk@latin>/LC_MESSAGES/*.po`` is a unit,
unless `toolkit check` flags it at error severity (the project's check settings apply): a
translation the gate rejects is not offered again. TMX files imported with `toolkit tm
import` are kept in ``locales/memory/`` and add their units as they are (a suggestion from
them is checked when it is offered, :mod:`toolkit.tm.glossary_check`).

The units of each file are cached (:mod:`toolkit.cache`) under a key made of the file's bytes,
its kk sibling's for a kk@latin catalogue (the transliteration check reads it), the article's
date, the glossary and the toolkit version: adding one article reads and checks only its own
catalogues, the others come from the cache.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from toolkit import __version__, cache
from toolkit.articles.pipeline import LATIN, TRANSLATED, Project
from toolkit.catalog import read_catalog, sibling_path
from toolkit.checks.base import Check, Resources
from toolkit.checks.runner import check_catalog, select_checks
from toolkit.config import CheckSettings, check_settings
from toolkit.errors import InputError
from toolkit.glossary.model import Glossary
from toolkit.matching.fingerprint import generators_fingerprint
from toolkit.tm.index import CandidateIndex
from toolkit.tm.tmx import read_tmx

#: bump when the cached record layout changes
FORMAT = 2
#: where `toolkit tm import` keeps imported memories, inside the project's locales/
IMPORTED = "memory"
_DATE = re.compile(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


class TranslationUnit(NamedTuple):
    """One approved translation: English source, target, glossary language (kk, kk-Latn,
    ru), origin (article slug, or the TMX file it was imported from) and date (ISO, or "")."""

    source: str
    target: str
    lang: str
    origin: str
    date: str = ""
    #: checks the translator switched off for this entry (``toolkit: ignore``): ids joined
    #: by commas, ``*`` for every check; "" for none
    ignored: str = ""

    def ignored_checks(self) -> frozenset[str] | None:
        """As :meth:`toolkit.catalog.Entry.ignored_checks`: None, or the ids (empty: all)."""
        if not self.ignored:
            return None
        return frozenset() if self.ignored == "*" else frozenset(self.ignored.split(","))

    @property
    def origin_label(self) -> str:
        """Origin and date as one label: ``almaty-court-fines-activist, 2019-02-13``."""
        return f"{self.origin}, {self.date}" if self.date else self.origin


@dataclass
class Memory:
    """Units of every language, each language indexed on first use (thread-safe)."""

    units: list[TranslationUnit]
    _indexes: dict[str, tuple[list[TranslationUnit], CandidateIndex]] = field(
        default_factory=dict, repr=False
    )
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def languages(self) -> set[str]:
        """The languages the memory has units of."""
        return {u.lang for u in self.units}

    def of_language(self, lang: str) -> tuple[list[TranslationUnit], CandidateIndex]:
        """The units of ``lang`` and their candidate index (built once)."""
        with self._lock:
            if lang not in self._indexes:
                units = [u for u in self.units if u.lang == lang]
                self._indexes[lang] = (units, CandidateIndex([u.source for u in units]))
            return self._indexes[lang]


def project_checks(project: Project) -> list[Check]:
    """The checks `toolkit check` runs in ``project`` (its [tool.toolkit.checks] settings)."""
    pyproject = project.root / "pyproject.toml"
    settings = check_settings(pyproject) if pyproject.is_file() else CheckSettings()
    return select_checks((), settings.disable, settings.severity)


def memory_files(project: Project) -> list[Path]:
    """The catalogues (kk, ru, kk@latin) and imported TMX files the memory is made from."""
    files = []
    for locale in (*TRANSLATED, LATIN):
        files += sorted((project.locales / locale / "LC_MESSAGES").glob("*.po"))
    files += sorted((project.locales / IMPORTED).glob("*.tmx"))
    return files


def load_memory(project: Project, glossary: Glossary, *, use_cache: bool = True) -> Memory:
    """The memory of ``project``: cached units of unchanged files, the others read anew."""
    checks: list[Check] | None = None
    resources = Resources(glossary, use_cache=use_cache)
    units: list[TranslationUnit] = []
    for path in memory_files(project):
        key = _file_key(project, path, glossary)
        entry = cache.folder_entry(path, "tm-units")
        stored = cache.read_keyed(entry, key) if use_cache and key else None
        if stored is None:
            if path.suffix == ".tmx":
                stored = [tuple(u) for u in read_tmx(path).units]
            else:
                checks = checks if checks is not None else project_checks(project)
                stored = [tuple(u) for u in catalog_units(project, path, checks, resources)]
            if key:
                cache.write_keyed(entry, key, stored)
        units.extend(TranslationUnit(*u) for u in stored)
    return Memory(units)


def catalog_units(
    project: Project, path: Path, checks: list[Check], resources: Resources
) -> Iterator[TranslationUnit]:
    """The units of one catalogue: translated, non-fuzzy, not rejected by the checks."""
    catalog = read_catalog(path)
    if catalog.language not in ("kk", "kk-Latn", "ru"):
        return
    rejected = {f.line for f in check_catalog(catalog, checks, resources) if f.severity == "error"}
    slug = path.stem
    date = article_date(project, slug)
    for entry in catalog.entries:
        if (
            entry.obsolete
            or entry.fuzzy
            or not entry.msgid
            or entry.msgid_plural
            or not entry.msgstr
            or entry.line in rejected
        ):
            continue
        ignored = entry.ignored_checks()
        kept = "" if ignored is None else (",".join(sorted(ignored)) or "*")
        yield TranslationUnit(entry.msgid, entry.msgstr, catalog.language, slug, date, kept)


def article_date(project: Project, slug: str) -> str:
    """The ``date:`` of the article's front matter ("" when there is no such article)."""
    path = project.articles_dir / f"{slug}.md"
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return ""
    found = _DATE.search(head)
    return found.group(1) if found else ""


def _file_key(project: Project, path: Path, glossary: Glossary) -> str:
    """The cache key of a file's units ("" when the glossary has no key: not cached)."""
    if not glossary.key:
        return ""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}\0{__version__}\0{glossary.key}\0{generators_fingerprint()}\0".encode())
    try:
        digest.update(path.read_bytes())
        if path.suffix == ".po":
            digest.update(b"\0" + article_date(project, path.stem).encode())
            kk = sibling_path(path, "kk")
            if path.parent.parent.name == LATIN and kk is not None and kk.is_file():
                digest.update(b"\0" + kk.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from exc
    return digest.hexdigest()


def units_of(memory: Memory, langs: Iterable[str]) -> list[TranslationUnit]:
    """The units of ``langs``, in the memory's order."""
    wanted = set(langs)
    return [u for u in memory.units if u.lang in wanted]
