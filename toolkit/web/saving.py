"""Check and write an edited glossary file: read it back with the toolkit's own loader, lint it
with the rest of the glossary, tell which form field each problem belongs to, and write it
atomically unless the file changed on disk meanwhile.

Form field keys (shared with :mod:`toolkit.web.forms`): ``id``, ``domain``, ``note``,
``definition``, ``sources``, ``terms`` (a language as a whole), ``t.<lang>.<index>.`` (a term
of the file) and ``n.<row>.`` (a term being added).

>>> term_field("en", 0), new_term_field(3)
('t.en.0.', 'n.3.')
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import GlossaryError, ToolkitError
from toolkit.fileio import atomic_write_text, display_path, write_lock
from toolkit.glossary.lint import LintIssue, lint
from toolkit.glossary.loader import read_file
from toolkit.glossary.model import Concept, Glossary
from toolkit.translit import to_kk_latin

#: concept-level lint codes and the form field they are about
_CODE_FIELDS = {"no-source": "sources", "domain-file": "domain"}


def term_field(lang: str, index: int) -> str:
    """The form key of the term at ``index`` of ``lang`` in the YAML file."""
    return f"t.{lang}.{index}."


def new_term_field(row: int) -> str:
    """The form key of the added term of form row ``row``."""
    return f"n.{row}."


class EditError(ToolkitError):
    """The edit cannot be saved. ``problems`` lists every reason; ``fields`` holds those that
    belong to one form field (shown next to it), ``general`` the others."""

    def __init__(self, general: list[str], fields: dict[str, list[str]] | None = None):
        self.general = general
        self.fields = fields or {}
        self.problems = [*general, *(m for ms in self.fields.values() for m in ms)]
        super().__init__("; ".join(self.problems))


class ConflictError(ToolkitError):
    """The glossary file changed on disk since the form was loaded."""


@dataclass(frozen=True)
class EditResult:
    """A checked edit: the new file text and the lint warnings it introduces."""

    path: Path
    text: str
    warnings: list[LintIssue]
    #: the file must not exist yet (a new domain); otherwise it must have the expected digest
    create: bool = False


@dataclass
class FieldProblems:
    """Problems collected per form field (see the module docstring for the keys)."""

    general: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, message: str) -> None:
        if key:
            self.fields.setdefault(key, []).append(message)
        else:
            self.general.append(message)

    def extend(self, other: FieldProblems) -> None:
        self.general += other.general
        for key, messages in other.fields.items():
            self.fields.setdefault(key, []).extend(messages)

    def __bool__(self) -> bool:
        return bool(self.general or self.fields)

    def error(self) -> EditError:
        return EditError(self.general, self.fields)


def file_digest(data: bytes) -> str:
    """The digest a form carries to detect a concurrent change of the file."""
    return hashlib.sha256(data).hexdigest()


def read_candidate(path: Path, text: str) -> list[Concept]:
    """Concepts of ``text`` as the toolkit reads them, as if it were the file ``path``.
    Raises EditError with the loader's message (file and line) when it cannot be read."""
    with tempfile.TemporaryDirectory(prefix="toolkit-edit-") as folder:
        candidate = Path(folder) / path.name
        candidate.write_text(text, encoding="utf-8")
        try:
            concepts = read_file(candidate, display_path(path), to_kk_latin)
        except GlossaryError as exc:
            raise EditError([str(exc)]) from exc
    return [dataclasses.replace(c, path=str(path)) for c in concepts]


def _key(issue: LintIssue) -> tuple[str, str, str]:
    return (issue.severity, issue.code, issue.message)


def new_issues(glossary: Glossary, path: Path, candidates: list[Concept]) -> list[LintIssue]:
    """Lint issues of the glossary with ``path`` replaced by ``candidates`` that the glossary
    did not have before (issues it had are not held against an edit)."""
    others = [c for c in glossary if Path(c.path) != path]
    edited = Glossary([*others, *candidates], glossary.root)
    before = {_key(i) for i in lint(glossary, to_kk_latin)}
    return [i for i in lint(edited, to_kk_latin) if _key(i) not in before]


def issue_field(issue: LintIssue, concept: Concept, rows: dict[tuple[str, int], str]) -> str:
    """The form key an issue of ``concept`` is about ("" when none): the term row at the
    issue's line, the language block, or the concept field its code names."""
    lines = {}
    for lang, terms in concept.terms.items():
        for index, term in enumerate(terms):
            key = rows.get((lang, index))
            if key and not term.derived:
                lines.setdefault(term.line, key)
    if issue.line in lines:
        return lines[issue.line]
    if issue.line in concept.lang_lines.values() and issue.line != concept.line:
        return "terms"
    if issue.code in _CODE_FIELDS:
        return _CODE_FIELDS[issue.code]
    text = issue.message.removeprefix(f"{concept.id}: ")
    if issue.code == "control-character" and text.startswith(("note ", "source ")):
        return "note" if text.startswith("note ") else "sources"
    if issue.code == "no-preferred":
        return "terms"
    return ""


def shown_message(issue: LintIssue, concept_id: str, beside_field: bool) -> str:
    """An issue as the form shows it: in full at the top, shorter beside its field."""
    if not beside_field:
        return str(issue)
    return f"{issue.message.removeprefix(f'{concept_id}: ')} [{issue.code}]"


def lint_errors(
    issues: Iterable[LintIssue], concept: Concept, rows: dict[tuple[str, int], str]
) -> FieldProblems:
    """The errors among ``issues``, each under the form field it is about."""
    problems = FieldProblems()
    for issue in issues:
        if issue.severity != "error":
            continue
        key = (
            issue_field(issue, concept, rows) if issue.message.startswith(f"{concept.id}: ") else ""
        )
        problems.add(key, shown_message(issue, concept.id, bool(key)))
    return problems


def save_edit(result: EditResult, digest: str | None) -> None:
    """Write the checked edit, unless the file changed since ``digest`` (ConflictError); for a
    new file (``result.create``), unless it has been created meanwhile.

    The digest is compared under the file's write lock, so of two saves made from the same
    version of the file, one is written and the other refused, never both written."""
    with write_lock(result.path):
        if result.create:
            if result.path.exists():
                raise ConflictError(
                    "the file was created meanwhile; nothing was written", display_path(result.path)
                )
        elif file_digest(result.path.read_bytes()) != digest:
            raise ConflictError(
                "the file changed on disk; nothing was written", display_path(result.path)
            )
        atomic_write_text(result.path, result.text)
