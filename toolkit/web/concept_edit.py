"""Edit one concept of a glossary YAML file in place: its note, definition and sources, and
its terms (spelling, status, grammar, note, source), terms added and removed.

The file is read with ruamel.yaml's round-trip loader and only the edited concept is dumped
again; every other byte of the file (header comments, section comments, other concepts) is
copied as it was. Before anything is written the concept is dumped *unchanged* and compared
with its text in the file: a concept whose layout would not survive the round trip is refused
rather than reformatted. The result is then read back by the toolkit's own loader, checked
against what was asked for, and linted with the rest of the glossary (:func:`prepare_edit`).

>>> text = "# people\\n\\n- id: x\\n  domain: people\\n  terms:\\n    en:\\n"
>>> text += "      - {term: X, status: preferred}\\n"
>>> edit = ConceptEdit(note="Short note.", terms=(TermEdit("en", 0, "X", "preferred", None),),
...                    added=(TermEdit("en", 1, "Ex", "admitted", None, pos="noun"),))
>>> print(apply_edit(text, "x", edit), end="")
# people
<BLANKLINE>
- id: x
  domain: people
  note: Short note.
  terms:
    en:
      - {term: X, status: preferred}
      - {term: Ex, status: admitted, pos: noun}
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from toolkit.glossary.model import LANGUAGES, Concept, Glossary, Term
from toolkit.web.saving import (
    ConflictError,
    EditError,
    EditResult,
    FieldProblems,
    file_digest,
    lint_errors,
    new_issues,
    new_term_field,
    read_candidate,
    save_edit,
    term_field,
)
from toolkit.yaml_guard import find_unsafe_yaml

__all__ = [
    "ConceptEdit",
    "ConflictError",
    "EditError",
    "EditResult",
    "TermEdit",
    "apply_edit",
    "file_digest",
    "prepare_edit",
    "save_edit",
]

#: notes longer than this are written folded (``>-``), as toolkit.glossary.writer does
FOLD_AFTER = 80
FOLD_WIDTH = 92
#: the order of keys in the shipped files (docs/glossary-format.md): a key the editor adds
#: goes before the first key that comes after it here; keys not listed count as last
CONCEPT_ORDER = ("id", "domain", "cldr", "note", "definition", "sources", "terms")
TERM_ORDER = ("term", "status", "pos", "gender", "indeclinable", "plural_only", "forms",
              "require", "valid_from", "valid_until", "note", "source", "override",
              "cldr_override")  # fmt: skip
_IMPLICIT = pyyaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class TermEdit:
    """A term as the form sets it. For a term of the file, ``index`` is its position in
    ``lang``'s list; for an added term, the number of its form row. ``remove`` drops it."""

    lang: str
    index: int
    text: str
    status: str
    note: str | None
    pos: str | None = None
    gender: str | None = None
    indeclinable: bool = False
    plural_only: bool = False
    source: str | None = None
    #: False: recognised in a source text, but not required in its translation
    require: bool = True
    #: ISO dates (YYYY-MM-DD) of the term's validity period
    valid_from: str | None = None
    valid_until: str | None = None
    remove: bool = False

    def state(self) -> tuple:
        """What the loader must read back for this term."""
        return (self.text, self.status, self.pos, self.gender, self.indeclinable,
                self.plural_only, self.note or None, self.source or None, self.require,
                self.valid_from or None, self.valid_until or None)  # fmt: skip


def term_state(term: Term) -> tuple:
    """:meth:`TermEdit.state` of a loaded term."""
    return (term.text, term.status, term.pos, term.gender, term.indeclinable,
            term.plural_only, term.note or None, term.source or None, term.require,
            term.valid_from, term.valid_until)  # fmt: skip


@dataclass(frozen=True)
class ConceptEdit:
    """What the editor form changes: the concept's note (None or "": none), its definition
    and sources (None: left as they are; "" or (): removed), the terms of the file it
    shows, and the terms it adds."""

    note: str | None
    terms: tuple[TermEdit, ...]
    definition: str | None = None
    sources: tuple[str, ...] | None = None
    added: tuple[TermEdit, ...] = ()


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
    line breaks or spaces a folded block would not keep (or would not read as text)."""
    awkward = "\n" in text or "  " in text or text != text.strip()
    if awkward:
        return DoubleQuotedScalarString(text)
    if len(text) > FOLD_AFTER:
        return _folded(text, FOLD_WIDTH - indent)
    return _text_value(text)


def _text_value(text: str) -> Any:
    """``text`` plain, unless the toolkit's YAML 1.1 reader would take it for something else
    than a string (``yes``, ``null``, ``1.5``, a date): quoted then."""
    if _IMPLICIT.resolve(pyyaml.ScalarNode, text, (True, False)) != _STR_TAG:
        return DoubleQuotedScalarString(text)
    return text


def _position(mapping: CommentedMap, key: str, order: tuple[str, ...]) -> int:
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(order))
    return next((i for i, k in enumerate(mapping) if rank.get(k, len(order)) > mine), len(mapping))


def _set_key(mapping: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set ``key`` (None: remove it), a new key in the position ``order`` gives it."""
    if value is None:
        mapping.pop(key, None)
    elif key in mapping:
        mapping[key] = value
    else:
        mapping.insert(_position(mapping, key, order), key, value)


def _set_text(mapping: CommentedMap, key: str, text: str | None, indent: int) -> None:
    old = mapping.get(key)
    if not text:
        mapping.pop(key, None)
    elif old is None or str(old) != text:
        _set_key(mapping, key, _note_value(text, indent), CONCEPT_ORDER)


def _set_sources(item: CommentedMap, sources: tuple[str, ...]) -> None:
    old = item.get("sources")
    if not sources:
        item.pop("sources", None)
        return
    if not isinstance(old, CommentedSeq):
        _set_key(item, "sources", CommentedSeq(DoubleQuotedScalarString(s) for s in sources),
                 CONCEPT_ORDER)  # fmt: skip
        return
    if [str(s) for s in old] == list(sources):
        return
    del old[len(sources) :]
    for i, source in enumerate(sources):
        if i >= len(old):
            old.append(DoubleQuotedScalarString(source))
        elif str(old[i]) != source:
            old[i] = DoubleQuotedScalarString(source)


def _edit_term(term: CommentedMap, change: TermEdit) -> None:
    if str(term.get("term")) != change.text:
        kind = type(term.get("term"))
        quoted = kind is DoubleQuotedScalarString
        term["term"] = DoubleQuotedScalarString(change.text) if quoted else _text_value(change.text)
    if term.get("status") != change.status:
        term["status"] = change.status
    for key in ("pos", "gender"):
        if term.get(key) != getattr(change, key):
            _set_key(term, key, getattr(change, key), TERM_ORDER)
    for key in ("indeclinable", "plural_only"):
        wanted = getattr(change, key)
        if bool(term.get(key)) != wanted:
            _set_key(term, key, True if wanted else None, TERM_ORDER)
    if (term.get("require") is not False) != change.require:
        _set_key(term, "require", None if change.require else False, TERM_ORDER)
    for key in ("valid_from", "valid_until"):
        wanted, old = getattr(change, key), term.get(key)
        if (str(old) if old is not None else None) != (wanted or None):
            _set_key(term, key, _date_value(wanted, old), TERM_ORDER)
    for key in ("note", "source"):
        wanted, old = getattr(change, key), term.get(key)
        if not wanted:
            term.pop(key, None)
        elif old is None or str(old) != wanted:
            _set_key(term, key, DoubleQuotedScalarString(wanted), TERM_ORDER)


def _date_value(wanted: str | None, old: Any) -> Any:
    """A date as the term had it: quoted when it was a quoted string, else unquoted (a date
    object), as the shipped files write dates; None removes it."""
    if not wanted:
        return None
    return type(old)(wanted) if isinstance(old, str) else date.fromisoformat(wanted)


def _new_term(change: TermEdit) -> CommentedMap:
    term = CommentedMap()
    term["term"] = _text_value(change.text)
    term["status"] = change.status
    _edit_term(term, change)
    term.fa.set_flow_style()
    return term


def _edit_terms(blocks: CommentedMap, edit: ConceptEdit) -> None:
    for change in edit.terms:
        terms = blocks.get(change.lang)
        if not isinstance(terms, CommentedSeq) or not 0 <= change.index < len(terms):
            raise EditError(
                [f"{change.lang} term #{change.index + 1} is not in the file; reload the page"]
            )
        if not change.remove:
            _edit_term(terms[change.index], change)
    for change in sorted(edit.terms, key=lambda c: -c.index):
        if change.remove:
            del blocks[change.lang][change.index]
    for change in edit.added:
        if not isinstance(blocks.get(change.lang), CommentedSeq):
            _set_key(blocks, change.lang, CommentedSeq(), LANGUAGES)
        blocks[change.lang].append(_new_term(change))
    for lang in [k for k, v in blocks.items() if isinstance(v, CommentedSeq) and not v]:
        del blocks[lang]  # the last term of a language removed: the language goes


def _edit_concept(item: CommentedMap, edit: ConceptEdit) -> None:
    _set_text(item, "note", edit.note, 4)
    if edit.definition is not None:
        _set_text(item, "definition", edit.definition, 4)
    if edit.sources is not None:
        _set_sources(item, edit.sources)
    blocks = item.get("terms")
    if not isinstance(blocks, CommentedMap):
        raise EditError(["the concept has no terms mapping in the file; reload the page"])
    _edit_terms(blocks, edit)


def _comments(text: str) -> Counter:
    return Counter(x.strip() for x in _lines(text) if x.lstrip().startswith("#"))


def apply_edit(text: str, concept_id: str, edit: ConceptEdit) -> str:
    """The file ``text`` with ``edit`` applied to the concept ``concept_id``.

    Raises EditError when the concept is not in the text, when its layout would not
    survive a round trip, or when the edit would drop a comment.
    """
    try:
        unsafe = find_unsafe_yaml(text)  # before ruamel, which would share the aliased nodes
    except pyyaml.YAMLError as exc:
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


def _unchanged(term: Term, index: int) -> TermEdit:
    return TermEdit(term.lang, index, term.text, term.status, term.note, term.pos, term.gender,
                    term.indeclinable, term.plural_only, term.source, term.require,
                    term.valid_from, term.valid_until)  # fmt: skip


def expected_rows(concept: Concept, edit: ConceptEdit) -> dict[tuple[str, int], TermEdit]:
    """(language, position in the written file) → the form's term that should be there."""
    rows: dict[tuple[str, int], TermEdit] = {}
    changes = {(c.lang, c.index): c for c in edit.terms}
    for lang in LANGUAGES:
        given = [t for t in concept.terms.get(lang, ()) if not t.derived]
        kept = []
        for index, term in enumerate(given):
            # a term the edit does not name is expected as it was
            change = changes.get((lang, index)) or _unchanged(term, index)
            if not change.remove:
                kept.append(change)
        kept += [a for a in edit.added if a.lang == lang]
        rows.update(((lang, i), change) for i, change in enumerate(kept))
    return rows


def _unfaithful(
    edited: Concept, edit: ConceptEdit, rows: dict[tuple[str, int], TermEdit]
) -> FieldProblems:
    """What the written concept would say differently from the edit (empty: faithful)."""
    problems = FieldProblems()
    if (edited.note or None) != (edit.note or None):
        problems.add("note", "the concept note would not be written as entered")
    if edit.definition is not None and (edited.definition or None) != (edit.definition or None):
        problems.add("definition", "the definition would not be written as entered")
    if edit.sources is not None and tuple(edited.sources) != tuple(edit.sources):
        problems.add("sources", "the sources would not be written as entered")
    for (lang, index), change in rows.items():
        terms = [t for t in edited.terms.get(lang, ()) if not t.derived]
        got = term_state(terms[index]) if index < len(terms) else None
        if got != change.state():
            problems.add(_row_field(change, edit), "this term would not be written as entered")
    for lang in LANGUAGES:
        written = sum(not t.derived for t in edited.terms.get(lang, ()))
        if written != sum(key[0] == lang for key in rows):
            problems.add("terms", f"the {lang} terms would not be written as entered")
    return problems


def _row_field(change: TermEdit, edit: ConceptEdit) -> str:
    if any(change is a for a in edit.added):
        return new_term_field(change.index)
    return term_field(change.lang, change.index)


def prepare_edit(glossary: Glossary, concept: Concept, edit: ConceptEdit, text: str) -> EditResult:
    """Apply ``edit`` to ``concept`` in its file's ``text`` and check the result the way
    ``toolkit glossary lint`` would. Raises EditError with the lint errors the edit brings
    (errors the glossary had before are not held against it), each under its form field."""
    path = Path(concept.path)
    new_text = apply_edit(text, concept.id, edit)
    candidates = read_candidate(path, new_text)
    edited = next((c for c in candidates if c.id == concept.id), None)
    if edited is None:
        raise EditError([f"concept {concept.id!r} would disappear from the file"])
    rows = expected_rows(concept, edit)
    problems = _unfaithful(edited, edit, rows)
    if problems:
        raise problems.error()
    after = new_issues(glossary, path, candidates)
    keys = {position: _row_field(change, edit) for position, change in rows.items()}
    errors = lint_errors(after, edited, keys)
    if errors:
        raise errors.error()
    return EditResult(path, new_text, [i for i in after if i.severity != "error"])
