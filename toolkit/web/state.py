"""What the web view knows about the project: the glossary (reloaded when its files change),
the articles, and the report data, each computed by the same library code as the CLI."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

from toolkit.articles.markdown import parse_article
from toolkit.articles.pipeline import Project
from toolkit.checks.base import Check, Resources
from toolkit.checks.runner import select_checks
from toolkit.config import CheckSettings, check_settings
from toolkit.glossary import load_glossary
from toolkit.glossary.files import glossary_files
from toolkit.glossary.lint import LintIssue, lint
from toolkit.glossary.model import Glossary
from toolkit.matching.forms import recognised_forms
from toolkit.matching.matcher import TermMatcher
from toolkit.reports.editorial import Report, collect
from toolkit.tm.memory import Memory, load_memory, memory_files
from toolkit.translit import to_kk_latin
from toolkit.web.saving import file_digest

#: an article slug as the pipeline writes them (also what keeps paths inside articles/)
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")

Signature = tuple[tuple[str, int, int], ...]


def _signature(paths: list[Path]) -> Signature:
    """Name, size and modification time of each file: changes when any file changes."""
    out = []
    for path in paths:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        out.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(out)


@dataclass(frozen=True)
class ArticleInfo:
    slug: str
    title: str
    path: Path


class ProjectState:
    """Shared by every request; safe to use from the server's worker threads."""

    def __init__(self, project_root: Path, glossary_dir: Path):
        self.project = Project(Path(project_root).resolve())
        self.glossary_dir = Path(glossary_dir).resolve()
        self.lock = threading.RLock()
        self._glossary: Glossary | None = None
        self._glossary_signature: Signature = ()
        self._digests: dict[str, str] = {}
        self._lint: list[LintIssue] | None = None
        # derived from the current glossary; dropped whenever it is reloaded
        self._matchers: dict[str, TermMatcher] = {}
        self._forms: dict[str, dict[tuple[str, str], list[str]]] | None = None
        self._report: tuple[tuple, Report] | None = None
        self._memory: tuple[tuple, Memory] | None = None

    # -- glossary -----------------------------------------------------------------------
    def _glossary_digests(self) -> dict[str, str]:
        return {
            str(p.resolve()): file_digest(p.read_bytes()) for p in glossary_files(self.glossary_dir)
        }

    def glossary(self) -> Glossary:
        """The glossary as it is on disk now (reloaded when a file changed)."""
        with self.lock:
            signature = _signature(glossary_files(self.glossary_dir))
            if self._glossary is None or signature != self._glossary_signature:
                # Digests before and after loading agree: the glossary is what they describe.
                for _ in range(5):
                    before = self._glossary_digests()
                    glossary = load_glossary(self.glossary_dir)
                    if self._glossary_digests() == before:
                        break
                self._glossary, self._digests = glossary, before
                self._glossary_signature = signature
                self._lint = None
                self._matchers = {}
                self._forms = None
            return self._glossary

    def digest(self, path: str | Path) -> str:
        """Digest of a glossary file as it was when the current glossary was loaded."""
        self.glossary()
        return self._digests[str(Path(path).resolve())]

    def in_glossary_dir(self, path: str | Path) -> bool:
        return Path(path).resolve().is_relative_to(self.glossary_dir)

    def lint(self) -> list[LintIssue]:
        """``toolkit glossary lint`` of the current glossary."""
        glossary = self.glossary()
        with self.lock:
            if self._lint is None:
                self._lint = lint(glossary, to_kk_latin)
            return self._lint

    def resources(self) -> Resources:
        """Fresh check resources for one request (catalogues read anew), sharing the term
        matchers of the current glossary, which are built once per load."""
        glossary = self.glossary()
        with self.lock:
            return Resources(glossary, _matchers=self._matchers)

    def recognised_forms(self) -> dict[str, dict[tuple[str, str], list[str]]]:
        """concept → (language, term) → its recognised forms, for the concept cards."""
        glossary = self.glossary()
        with self.lock:
            if self._forms is None:
                self._forms = recognised_forms(glossary)
            return self._forms

    # -- project ------------------------------------------------------------------------
    def check_settings(self) -> CheckSettings:
        pyproject = self.project.root / "pyproject.toml"
        return check_settings(pyproject) if pyproject.is_file() else CheckSettings()

    def checks(self) -> list[Check]:
        settings = self.check_settings()
        return select_checks((), settings.disable, settings.severity)

    def article_paths(self) -> list[Path]:
        return sorted(
            p for p in self.project.articles_dir.glob("*.md") if SLUG_PATTERN.fullmatch(p.stem)
        )

    def articles(self) -> list[ArticleInfo]:
        out = []
        for path in self.article_paths():
            article = parse_article(path)
            out.append(ArticleInfo(path.stem, str(article.meta.get("title", path.stem)), path))
        return out

    def article_path(self, slug: str) -> Path | None:
        """The article file of ``slug``, or None: only names of files in articles/ pass."""
        if not SLUG_PATTERN.fullmatch(slug):
            return None
        return next((p for p in self.article_paths() if p.stem == slug), None)

    def _project_signature(self) -> Signature:
        files = [*self.article_paths(), *sorted(self.project.locales.glob("*/LC_MESSAGES/*.po"))]
        pyproject = self.project.root / "pyproject.toml"
        return _signature([*files, pyproject])

    def report(self) -> Report:
        """The data of ``toolkit report`` for the whole project (cached until a file changes)."""
        glossary = self.glossary()
        key = (glossary.key, self._project_signature())
        with self.lock:
            if self._report is None or self._report[0] != key:
                self._report = (key, collect(self.project, glossary, self.checks(), []))
            return self._report[1]

    def memory(self) -> Memory:
        """The translation memory of the project (reloaded when a catalogue or an imported
        TMX file changes; unchanged files come from the user cache)."""
        glossary = self.glossary()
        key = (glossary.key, _signature(memory_files(self.project)))
        with self.lock:
            if self._memory is None or self._memory[0] != key:
                self._memory = (key, load_memory(self.project, glossary))
            return self._memory[1]
