"""Add a concept to the glossary: appended to its domain's YAML file (every byte before it
kept), or written into a new file for a new domain. The new entry is written in the style of
the shipped files (:mod:`toolkit.glossary.writer`), read back by the toolkit's loader, checked
against what was asked for, and linted with the rest of the glossary.

>>> concept = NewConcept("tenge", "currencies", None, None, ("nationalbank.kz",),
...     (TermEdit("en", 0, "tenge", "preferred", None, pos="noun"),))
>>> print(appended("# currencies\\n", concept), end="")
# currencies
<BLANKLINE>
- id: tenge
  domain: currencies
  sources:
    - "nationalbank.kz"
  terms:
    en:
      - {term: tenge, status: preferred, pos: noun}
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.glossary.loader import ID_PATTERN
from toolkit.glossary.model import LANGUAGES, Concept, Glossary, Term
from toolkit.glossary.writer import concept_yaml
from toolkit.web.concept_edit import TermEdit, term_state
from toolkit.web.saving import (
    EditError,
    EditResult,
    FieldProblems,
    lint_errors,
    new_issues,
    new_term_field,
    read_candidate,
)

#: the comment a file created for a new domain starts with
NEW_FILE_HEADER = (
    "# {domain}.yaml: concepts of the domain {domain}, started in the browser (`toolkit serve`).\n"
    "# Schema: docs/glossary-format.md.\n"
)


@dataclass(frozen=True)
class NewConcept:
    """A concept as the new-concept form gives it (terms: ``TermEdit`` with the form row)."""

    id: str
    domain: str
    note: str | None
    definition: str | None
    sources: tuple[str, ...]
    terms: tuple[TermEdit, ...]

    def as_concept(self) -> Concept:
        terms: dict[str, tuple[Term, ...]] = {}
        for lang in LANGUAGES:
            given = [t for t in self.terms if t.lang == lang]
            if given:
                terms[lang] = tuple(_term(t) for t in given)
        return Concept(self.id, self.domain, terms, note=self.note or None,
                       definition=self.definition or None, sources=self.sources)  # fmt: skip


def _term(t: TermEdit) -> Term:
    return Term(t.text, t.lang, t.status, pos=t.pos, gender=t.gender,
                indeclinable=t.indeclinable, plural_only=t.plural_only,
                note=t.note or None, source=t.source or None, require=t.require,
                valid_from=t.valid_from or None, valid_until=t.valid_until or None)  # fmt: skip


def appended(text: str, concept: NewConcept) -> str:
    """``text`` (a glossary file, "" for a new one) with ``concept`` appended after a blank
    line, in the file's line ends."""
    newline = "\r\n" if "\r\n" in text else "\n"
    entry = concept_yaml(concept.as_concept()).replace("\n", newline)
    if not text:
        return entry
    if not text.endswith(newline):
        text += newline
    if not text.endswith(newline * 2):
        text += newline
    return text + entry


def domain_file(glossary_dir: Path, files: list[Path], domain: str) -> Path:
    """The file of ``domain``: the glossary file named after it, or a new ``<domain>.yaml``."""
    return next((p for p in files if p.stem == domain), glossary_dir / f"{domain}.yaml")


def check_new_concept(concept: NewConcept) -> None:
    """Raise EditError when the id or the domain (which names a file) is not a slug."""
    problems = FieldProblems()
    if not ID_PATTERN.fullmatch(concept.id):
        problems.add("id", "an id is a lower-case slug: letters a-z, digits, single hyphens")
    if not ID_PATTERN.fullmatch(concept.domain):
        problems.add("domain", "a domain is a lower-case slug (it names the YAML file)")
    if problems:
        raise problems.error()


def prepare_new(
    glossary: Glossary, path: Path, concept: NewConcept, text: str | None
) -> EditResult:
    """The file ``path`` (its ``text``, None when it does not exist yet) with ``concept``
    added, checked the way ``toolkit glossary lint`` would. Raises EditError with each
    problem under its form field: a taken id together with the lint errors, so that one
    save shows everything to fix."""
    check_new_concept(concept)
    problems = FieldProblems()
    if concept.id in glossary:
        problems.add("id", f"the glossary already has a concept {concept.id!r}")
    header = NEW_FILE_HEADER.format(domain=concept.domain) if text is None else text
    new_text = appended(header, concept)
    candidates = read_candidate(path, new_text)
    added = next((c for c in reversed(candidates) if c.id == concept.id), None)
    if added is None:
        raise EditError(["the new concept would not be read from the file; edit it by hand"])
    rows = {}
    for lang in LANGUAGES:
        given = [t for t in concept.terms if t.lang == lang]
        rows.update(((lang, i), t) for i, t in enumerate(given))
    keys = {position: new_term_field(t.index) for position, t in rows.items()}
    for key, got, wanted in (("note", added.note, concept.note),
                             ("definition", added.definition, concept.definition),
                             ("sources", added.sources, concept.sources)):  # fmt: skip
        if (got or None) != (wanted or None):
            problems.add(key, f"the {key} would not be written as entered")
    for position, t in rows.items():
        got = [x for x in added.terms.get(position[0], ()) if not x.derived]
        if position[1] >= len(got) or term_state(got[position[1]]) != t.state():
            problems.add(keys[position], "this term would not be written as entered")
    problems.extend(lint_errors(new_issues(glossary, path, candidates), added, keys))
    if problems:
        raise problems.error()
    return EditResult(path, new_text, [], create=text is None)
