"""The glossary editor's forms: their fields, and reading a submitted form into an edit.

Field names: ``note``, ``definition``, ``sources`` (one source a line); for each term written
in the YAML file ``t.<lang>.<index>.`` followed by ``text``, ``status``, ``pos``, ``gender``,
``indeclinable``, ``plural_only``, ``note``, ``source``, ``not_required`` (the term flag
``require: false``), ``valid_from``, ``valid_until`` (YYYY-MM-DD) and ``remove`` (checkboxes:
present when ticked); for a term to add ``n.<row>.`` followed by ``lang`` and the same fields (a row
whose text is empty is ignored). The new-concept form adds ``id`` and ``domain``. Derived
kk-Latn terms are not editable: they follow kk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from toolkit.glossary.lint import control_character
from toolkit.glossary.model import GENDERS, LANGUAGES, PARTS_OF_SPEECH, STATUSES, Concept, Term
from toolkit.web.concept_edit import ConceptEdit, TermEdit
from toolkit.web.concept_new import NewConcept
from toolkit.web.saving import new_term_field, term_field

NOTE_LIMIT = 5000
TERM_LIMIT = 300
SOURCES_LIMIT = 50_000
ID_LIMIT = 100
#: most rows of new terms one form may add
MAX_NEW_ROWS = 100
#: the blank rows of new terms a form starts with: one to add a term to a concept; for a new
#: concept, enough for a preferred and an admitted term in each language
CONCEPT_ROWS = ("en",)
NEW_CONCEPT_ROWS = ("en", "en", "kk", "kk", "ru", "ru", "kk-Latn")
_NEW_ROW = re.compile(r"n\.(\d{1,3})\.text")


class FormError(ValueError):
    """A submitted form that is not the editor's form (missing or malformed field)."""


@dataclass(frozen=True)
class FormTerm:
    """One term row as the form shows it (``new``: a row to add a term)."""

    lang: str
    index: int
    text: str
    status: str
    note: str = ""
    pos: str = ""
    gender: str = ""
    indeclinable: bool = False
    plural_only: bool = False
    source: str = ""
    require: bool = True
    valid_from: str = ""
    valid_until: str = ""
    remove: bool = False
    new: bool = False

    @property
    def prefix(self) -> str:
        return new_term_field(self.index) if self.new else term_field(self.lang, self.index)


@dataclass
class FormState:
    """What a concept form shows: the concept's values, or what was submitted."""

    note: str = ""
    definition: str = ""
    sources: str = ""
    rows: list[FormTerm] = field(default_factory=list)
    new_rows: list[FormTerm] = field(default_factory=list)
    id: str = ""
    domain: str = ""


def blank_rows(langs: tuple[str, ...], *, preferred_first: bool) -> list[FormTerm]:
    """Empty rows to add terms; with ``preferred_first`` the first row of each language
    offers "preferred" (a new concept), else every row offers "admitted"."""
    rows, seen = [], set()
    for number, lang in enumerate(langs):
        status = "preferred" if preferred_first and lang not in seen else "admitted"
        rows.append(FormTerm(lang, number, "", status, new=True))
        seen.add(lang)
    return rows


def _shown(lang: str, index: int, t: Term) -> FormTerm:
    return FormTerm(lang, index, t.text, t.status, t.note or "", t.pos or "", t.gender or "",
                    t.indeclinable, t.plural_only, t.source or "", t.require,
                    t.valid_from or "", t.valid_until or "")  # fmt: skip


def form_state(concept: Concept) -> FormState:
    """The editor form of ``concept`` as it is in the file, with a blank row to add a term."""
    rows = [
        _shown(lang, i, t)
        for lang in LANGUAGES
        for i, t in enumerate(concept.terms.get(lang, ()))
        if not t.derived
    ]
    return FormState(concept.note or "", concept.definition or "", "\n".join(concept.sources),
                     rows, blank_rows(CONCEPT_ROWS, preferred_first=False))  # fmt: skip


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


def _choice(form: Mapping[str, Any], name: str, allowed: tuple[str, ...], required: bool) -> str:
    value = _field(form, name, TERM_LIMIT, required=required)
    if (value and value not in allowed) or (required and not value):
        raise FormError(f"{name} {value!r} is not one of: {', '.join(allowed)}")
    return value


def _row(form: Mapping[str, Any], row: FormTerm, *, required: bool) -> FormTerm:
    """The row ``row`` names, as submitted."""
    p = row.prefix
    lang = _choice(form, p + "lang", LANGUAGES, True) if row.new else row.lang
    return FormTerm(
        lang,
        row.index,
        _field(form, p + "text", TERM_LIMIT, required=required),
        _choice(form, p + "status", STATUSES, required),
        _field(form, p + "note", NOTE_LIMIT, required=False).strip(),
        _choice(form, p + "pos", PARTS_OF_SPEECH, False),
        _choice(form, p + "gender", GENDERS, False),
        p + "indeclinable" in form,
        p + "plural_only" in form,
        _field(form, p + "source", NOTE_LIMIT, required=False).strip(),
        require=p + "not_required" not in form,
        valid_from=_date(form, p + "valid_from"),
        valid_until=_date(form, p + "valid_until"),
        remove=p + "remove" in form,
        new=row.new,
    )


def _edit(row: FormTerm) -> TermEdit:
    return TermEdit(row.lang, row.index, row.text, row.status, row.note or None,
                    row.pos or None, row.gender or None, row.indeclinable, row.plural_only,
                    row.source or None, row.require, row.valid_from or None,
                    row.valid_until or None, row.remove)  # fmt: skip


def _date(form: Mapping[str, Any], name: str) -> str:
    """An ISO date field (YYYY-MM-DD, as a browser's date input sends it), or ""."""
    value = _field(form, name, TERM_LIMIT, required=False).strip()
    try:
        if value and (len(value) != 10 or not date.fromisoformat(value)):
            raise ValueError(value)
    except ValueError:
        raise FormError(f"{name} {value!r} is not a date written YYYY-MM-DD") from None
    return value


def _new_rows(form: Mapping[str, Any]) -> list[FormTerm]:
    """The rows of terms to add, as submitted (blank rows included, to show them again)."""
    numbers = sorted({int(m.group(1)) for k in form if (m := _NEW_ROW.fullmatch(k))})
    if len(numbers) > MAX_NEW_ROWS:
        raise FormError(f"a form adds at most {MAX_NEW_ROWS} terms at once")
    return [_row(form, FormTerm("en", n, "", "", new=True), required=False) for n in numbers]


def _sources(form: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    text = _field(form, "sources", SOURCES_LIMIT, required=True)
    return text, tuple(line.strip() for line in text.split("\n") if line.strip())


def _filled(rows: list[FormTerm]) -> list[FormTerm]:
    for row in rows:
        if row.text.strip() and not row.status:
            raise FormError(f"the new {row.lang} term {row.text!r} has no status")
    return [r for r in rows if r.text.strip()]


def read_edit(form: Mapping[str, Any], concept: Concept) -> tuple[ConceptEdit, FormState]:
    """The edit a submitted form asks for, and the form as submitted (to show again).

    Raises FormError for a missing field or a value that is not one of its choices.
    """
    note = _field(form, "note", NOTE_LIMIT, required=False).strip()
    definition = _field(form, "definition", NOTE_LIMIT, required=True).strip()
    sources_text, sources = _sources(form)
    rows = [_row(form, row, required=True) for row in form_state(concept).rows]
    new_rows = _new_rows(form)
    edit = ConceptEdit(note or None, tuple(_edit(r) for r in rows), definition, sources,
                       tuple(_edit(r) for r in _filled(new_rows)))  # fmt: skip
    return edit, FormState(note, definition, sources_text, rows, new_rows)


def read_new_concept(form: Mapping[str, Any]) -> tuple[NewConcept, FormState]:
    """The concept a submitted new-concept form asks for, and the form as submitted."""
    concept_id = _field(form, "id", ID_LIMIT, required=True).strip()
    domain = _field(form, "domain", ID_LIMIT, required=True).strip()
    note = _field(form, "note", NOTE_LIMIT, required=False).strip()
    definition = _field(form, "definition", NOTE_LIMIT, required=False).strip()
    sources_text, sources = _sources(form)
    new_rows = _new_rows(form)
    terms = tuple(_edit(r) for r in _filled(new_rows))
    concept = NewConcept(concept_id, domain, note or None, definition or None, sources, terms)
    state = FormState(note, definition, sources_text, [], new_rows, concept_id, domain)
    return concept, state
