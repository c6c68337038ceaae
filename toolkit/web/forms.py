"""The concept editor form: its fields, and reading a submitted form into a ConceptEdit.

Field names: ``note`` (the concept note) and ``t.<lang>.<index>.text|status|note`` for each
term written in the YAML file (derived kk-Latn terms are not editable: they follow kk).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from toolkit.glossary.lint import control_character
from toolkit.glossary.model import LANGUAGES, STATUSES, Concept
from toolkit.web.concept_edit import ConceptEdit, TermEdit

NOTE_LIMIT = 5000
TERM_LIMIT = 300


class FormError(ValueError):
    """A submitted form that is not the editor's form (missing or malformed field)."""


@dataclass(frozen=True)
class FormTerm:
    """One editable term as the form shows it."""

    lang: str
    index: int
    text: str
    status: str
    note: str

    @property
    def prefix(self) -> str:
        return f"t.{self.lang}.{self.index}."


def form_terms(concept: Concept) -> list[FormTerm]:
    """The terms of ``concept`` that its YAML file spells out, in file order."""
    return [
        FormTerm(lang, i, t.text, t.status, t.note or "")
        for lang in LANGUAGES
        for i, t in enumerate(concept.terms.get(lang, ()))
        if not t.derived
    ]


def _field(form: Mapping[str, Any], name: str, limit: int, *, required: bool) -> str:
    value = form.get(name)
    if value is None:
        if required:
            raise FormError(f"the form has no field {name!r}; reload the page and try again")
        return ""
    if not isinstance(value, str):
        raise FormError(f"field {name!r} must be text, not a file")
    if len(value) > limit:
        raise FormError(f"field {name!r} is longer than {limit} characters")
    value = value.replace("\r\n", "\n")
    found = control_character(value)
    if found:
        raise FormError(f"field {name!r} has the control character {found}; remove it")
    return value


def read_edit(form: Mapping[str, Any], concept: Concept) -> tuple[ConceptEdit, list[FormTerm]]:
    """The edit a submitted form asks for, and the form's terms as submitted (to show again).

    Raises FormError for a missing field or a status that is not one of :data:`STATUSES`.
    """
    note = _field(form, "note", NOTE_LIMIT, required=False).strip()
    edits, shown = [], []
    for term in form_terms(concept):
        text = _field(form, term.prefix + "text", TERM_LIMIT, required=True)
        status = _field(form, term.prefix + "status", TERM_LIMIT, required=True)
        if status not in STATUSES:
            raise FormError(
                f"status {status!r} of {term.lang} term {term.text!r} is not one of: "
                + ", ".join(STATUSES)
            )
        term_note = _field(form, term.prefix + "note", NOTE_LIMIT, required=False).strip()
        edits.append(TermEdit(term.lang, term.index, text, status, term_note or None))
        shown.append(FormTerm(term.lang, term.index, text, status, term_note))
    return ConceptEdit(note or None, tuple(edits)), shown
