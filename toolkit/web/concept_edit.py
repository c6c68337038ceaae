"""Edit one concept of a glossary YAML file in place: its notes, term spellings and statuses.

The file is read with ruamel.yaml's round-trip loader and only the edited concept is dumped
again; every other byte of the file (header comments, section comments, other concepts) is
copied as it was. Before anything is written the concept is dumped *unchanged* and compared
with its text in the file: a concept whose layout would not survive the round trip is refused
rather than reformatted. The result is then read back by the toolkit's own loader, checked
against what was asked for, and linted with the rest of the glossary (:func:`prepare_edit`).

>>> text = "# people\\n\\n- id: x\\n  domain: people\\n  terms:\\n    en:\\n"
>>> text += "      - {term: X, status: preferred}\\n"
>>> edit = ConceptEdit(note="Short note.", terms=(TermEdit("en", 0, "X", "preferred", None),))
>>> print(apply_edit(text, "x", edit), end="")
# people
<BLANKLINE>
- id: x
  domain: people
  note: Short note.
  terms:
    en:
      - {term: X, status: preferred}
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString
from yaml import YAMLError as PyYAMLError

from toolkit.errors import GlossaryError, ToolkitError
from toolkit.fileio import atomic_write_text, display_path, write_lock
from toolkit.glossary.lint import LintIssue, lint
from toolkit.glossary.loader import read_file
from toolkit.glossary.model import Concept, Glossary
from toolkit.translit import to_kk_latin
from toolkit.yaml_guard import find_unsafe_yaml

#: notes longer than this are written folded (``>-``), as toolkit.glossary.writer does
FOLD_AFTER = 80
FOLD_WIDTH = 92
#: concept keys a new ``note`` goes after, and term keys a new term ``note`` goes before
_NOTE_AFTER = ("id", "domain", "cldr")
_TERM_NOTE_BEFORE = ("source", "override", "cldr_override")


class EditError(ToolkitError):
    """The edit cannot be saved; ``problems`` says why (shown in the form)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


class ConflictError(ToolkitError):
    """The glossary file changed on disk since the form was loaded."""


@dataclass(frozen=True)
class TermEdit:
    """The edited fields of the term at ``index`` of ``lang`` in the YAML file."""

    lang: str
    index: int
    text: str
    status: str
    note: str | None


@dataclass(frozen=True)
class ConceptEdit:
    """What the editor form changes: the concept note and each given term."""

    note: str | None
    terms: tuple[TermEdit, ...]


@dataclass(frozen=True)
class EditResult:
    """A checked edit: the new file text and the lint warnings it introduces."""

    path: Path
    text: str
    warnings: list[LintIssue]


def file_digest(data: bytes) -> str:
    """The digest a form carries to detect a concurrent change of the file."""
    return hashlib.sha256(data).hexdigest()


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # one term a line, however long: only folded notes wrap
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _lines(text: str) -> list[str]:
    """Lines with their ``\\n`` (only ``\\n`` ends a line, as for the YAML reader here)."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _dump_item(yaml: YAML, item: CommentedMap) -> str:
    """One concept as the list item it is in the file (``- id: ...``, body indented by 2)."""
    out = io.StringIO()
    yaml.dump(item, out)
    lines = _lines(out.getvalue())
    # Comments keep the column they were read at, so only YAML lines are indented.
    body = ["  " + x if x.strip() and not x.lstrip().startswith("#") else x for x in lines[1:]]
    return "".join(["- " + lines[0], *body])


def _folded(text: str, width: int) -> FoldedScalarString:
    """``text`` as a folded block wrapped at ``width`` columns (greedy, at spaces)."""
    folds: list[int] = []
    line_start, previous = 0, -1
    for space in [*(i for i, ch in enumerate(text) if ch == " "), len(text)]:
        if space - line_start > width and previous >= line_start:
            folds.append(previous)
            line_start = previous + 1
        previous = space
    folded = FoldedScalarString(text)
    folded.fold_pos = folds  # type: ignore[attr-defined]
    return folded


def _note_value(text: str, indent: int) -> Any:
    """A note in the shipped style: plain when short, folded when long, quoted when it has
    line breaks or spaces a folded block would not keep."""
    awkward = "\n" in text or "  " in text or text != text.strip()
    if awkward:
        return DoubleQuotedScalarString(text)
    if len(text) > FOLD_AFTER:
        return _folded(text, FOLD_WIDTH - indent)
    return text


def _set_key(mapping: CommentedMap, key: str, value: Any, position: int) -> None:
    if key in mapping:
        mapping[key] = value
    else:
        mapping.insert(position, key, value)


def _edit_concept(item: CommentedMap, edit: ConceptEdit) -> None:
    old_note = item.get("note")
    if not edit.note:
        item.pop("note", None)
    elif old_note is None or str(old_note) != edit.note:
        after = [i for i, k in enumerate(item) if k in _NOTE_AFTER]
        _set_key(item, "note", _note_value(edit.note, 4), (after[-1] + 1) if after else 0)
    blocks = item.get("terms")
    if not isinstance(blocks, CommentedMap):
        raise EditError(["the concept has no terms mapping in the file; reload the page"])
    for change in edit.terms:
        terms = blocks.get(change.lang)
        if not isinstance(terms, CommentedSeq) or not 0 <= change.index < len(terms):
            raise EditError(
                [f"{change.lang} term #{change.index + 1} is not in the file; reload the page"]
            )
        term = terms[change.index]
        if str(term.get("term")) != change.text:
            kind = type(term.get("term"))
            term["term"] = kind(change.text) if kind is DoubleQuotedScalarString else change.text
        if term.get("status") != change.status:
            term["status"] = change.status
        old = term.get("note")
        if not change.note:
            term.pop("note", None)
        elif old is None or str(old) != change.note:
            before = [i for i, k in enumerate(term) if k in _TERM_NOTE_BEFORE]
            _set_key(term, "note", DoubleQuotedScalarString(change.note),
                     before[0] if before else len(term))  # fmt: skip


def _comments(text: str) -> Counter:
    return Counter(x.strip() for x in _lines(text) if x.lstrip().startswith("#"))


def apply_edit(text: str, concept_id: str, edit: ConceptEdit) -> str:
    """The file ``text`` with ``edit`` applied to the concept ``concept_id``.

    Raises EditError when the concept is not in the text, when its layout would not
    survive a round trip, or when the edit would drop a comment.
    """
    try:
        unsafe = find_unsafe_yaml(text)  # before ruamel, which would share the aliased nodes
    except PyYAMLError as exc:
        raise EditError([f"the file is not valid YAML: {exc}"]) from exc
    if unsafe is not None:
        raise EditError([f"line {unsafe[1]}: {unsafe[0]}"])
    yaml = _yaml()
    data = yaml.load(text)
    if not isinstance(data, CommentedSeq):
        raise EditError(["the file is not a list of concepts"])
    index = next(
        (
            i
            for i, c in enumerate(data)
            if isinstance(c, CommentedMap) and c.get("id") == concept_id
        ),
        None,
    )
    if index is None:
        raise EditError([f"concept {concept_id!r} is no longer in the file; reload the page"])
    lines = _lines(text)
    start = data.lc.item(index)[0]
    end = data.lc.item(index + 1)[0] if index + 1 < len(data) else len(lines)
    original = "".join(lines[start:end])
    item = data[index]
    if _dump_item(yaml, item) != original:
        raise EditError(
            [
                f"concept {concept_id!r} is laid out in a way the editor would change "
                "(tabs, Windows line ends or unusual indentation); edit the YAML file by hand"
            ]
        )
    _edit_concept(item, edit)
    replaced = _dump_item(yaml, item)
    if _comments(replaced) != _comments(original):
        raise EditError(["this edit would drop a comment of the file; edit the YAML by hand"])
    return "".join([*lines[:start], replaced, *lines[end:]])


def _read_candidate(path: Path, text: str) -> list[Concept]:
    """Concepts of ``text`` as the toolkit reads them, as if it were the file ``path``."""
    with tempfile.TemporaryDirectory(prefix="toolkit-edit-") as folder:
        candidate = Path(folder) / path.name
        candidate.write_text(text, encoding="utf-8")
        try:
            concepts = read_file(candidate, display_path(path), to_kk_latin)
        except GlossaryError as exc:
            raise EditError([str(exc)]) from exc
    return [dataclasses.replace(c, path=str(path)) for c in concepts]


def _unfaithful(concept: Concept, edit: ConceptEdit) -> list[str]:
    """What the written concept would say differently from the edit (empty: faithful)."""
    problems = []
    if (concept.note or None) != (edit.note or None):
        problems.append("the concept note would not be written as entered")
    for change in edit.terms:
        terms = concept.terms.get(change.lang, ())
        term = terms[change.index] if change.index < len(terms) else None
        got = (term.text, term.status, term.note or None) if term else None
        if got != (change.text, change.status, change.note or None):
            problems.append(
                f"{change.lang} term #{change.index + 1} would not be written as entered"
            )
    return problems


def _key(issue: LintIssue) -> tuple[str, str, str]:
    return (issue.severity, issue.code, issue.message)


def prepare_edit(glossary: Glossary, concept: Concept, edit: ConceptEdit, text: str) -> EditResult:
    """Apply ``edit`` to ``concept`` in its file's ``text`` and check the result the way
    ``toolkit glossary lint`` would. Raises EditError with the lint errors the edit brings
    (errors the glossary had before are not held against it)."""
    path = Path(concept.path)
    new_text = apply_edit(text, concept.id, edit)
    candidates = _read_candidate(path, new_text)
    edited = next((c for c in candidates if c.id == concept.id), None)
    if edited is None:
        raise EditError([f"concept {concept.id!r} would disappear from the file"])
    problems = _unfaithful(edited, edit)
    if problems:
        raise EditError(problems)
    others = [c for c in glossary if Path(c.path) != path]
    edited_glossary = Glossary([*others, *candidates], glossary.root)
    before = {_key(i) for i in lint(glossary, to_kk_latin)}
    after = [i for i in lint(edited_glossary, to_kk_latin) if _key(i) not in before]
    errors = [str(i) for i in after if i.severity == "error"]
    if errors:
        raise EditError(errors)
    return EditResult(path, new_text, [i for i in after if i.severity != "error"])


def save_edit(result: EditResult, digest: str) -> None:
    """Write the checked edit, unless the file changed since ``digest`` (ConflictError).

    The digest is compared under the file's write lock, so of two saves made from the same
    version of the file, one is written and the other refused, never both written."""
    with write_lock(result.path):
        if file_digest(result.path.read_bytes()) != digest:
            raise ConflictError(
                "the file changed on disk; nothing was written", display_path(result.path)
            )
        atomic_write_text(result.path, result.text)
