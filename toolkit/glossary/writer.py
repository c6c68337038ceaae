"""Write concepts as glossary YAML, one file per domain, in the style of ``glossary/*.yaml``.

Concepts are block mappings, each term a one-line flow mapping, long notes folded (``>-``), so
an imported glossary reads like a hand-written one. ``kk-Latn`` blocks whose terms are all
derived from ``kk`` are left out: loading the file derives them again.

>>> from toolkit.glossary.model import Concept, Term
>>> c = Concept("tenge", "currencies", {"en": (Term("tenge", "en", "preferred", pos="noun"),)})
>>> print(concept_yaml(c), end="")
- id: tenge
  domain: currencies
  terms:
    en:
      - {term: tenge, status: preferred, pos: noun}
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import InputError
from toolkit.fileio import atomic_write_text, display_path, write_lock
from toolkit.glossary.loader import ID_PATTERN
from toolkit.glossary.model import LANGUAGES, Concept, Term

#: notes longer than this are written folded (``>-``) and wrapped at :data:`FOLD_WIDTH`
FOLD_AFTER = 80
FOLD_WIDTH = 92


class _Flow(dict):
    """A mapping written on one line: ``{term: ..., status: ...}``."""


class _FlowList(list):
    """A list written on one line: ``[a, b]``."""


class _Folded(str):
    """A long string written as a folded block scalar."""


class _Quoted(str):
    """Free text written in double quotes, as the shipped files write notes and sources."""


class _Dumper(yaml.SafeDumper):
    def __init__(self, *args: Any, **kwargs: Any):
        # One term a line, however long: wrapping happens only in folded notes.
        kwargs["width"] = 1 << 20
        super().__init__(*args, **kwargs)

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent lists under their key (``terms:\n    en:\n      - {...}``) as the shipped files do.
        return super().increase_indent(flow, False)

    def write_folded(self, text: str) -> None:
        wide, self.best_width = self.best_width, FOLD_WIDTH
        try:
            super().write_folded(text)
        finally:
            self.best_width = wide


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)
_Dumper.add_representer(
    _Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"')
)
_Dumper.add_representer(
    _Folded, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style=">")
)


def _long(text: str) -> str:
    if "\n" in text:
        return _Quoted(text)  # a folded block would turn the line break into a space
    return _Folded(text) if len(text) > FOLD_AFTER else text


def term_record(term: Term) -> dict[str, Any]:
    """The YAML mapping of one term, keys in the order of docs/glossary-format.md."""
    record: dict[str, Any] = _Flow(term=term.text, status=term.status)
    if term.pos:
        record["pos"] = term.pos
    if term.gender:
        record["gender"] = term.gender
    if term.indeclinable:
        record["indeclinable"] = True
    if term.plural_only:
        record["plural_only"] = True
    if term.forms:
        record["forms"] = _FlowList(term.forms)
    if not term.require:
        record["require"] = False
    for key in ("valid_from", "valid_until"):
        value = getattr(term, key)
        if value is not None:
            # a date object is written plain (2019-03-23), as the shipped files write dates; the
            # ISO string would be quoted, since YAML would otherwise read it as a date
            record[key] = date.fromisoformat(value)
    for key in ("note", "source", "override", "cldr_override"):
        value = getattr(term, key)
        if value is not None:
            record[key] = _Quoted(value)
    return record


def concept_record(concept: Concept) -> dict[str, Any]:
    """The YAML mapping of one concept (derived kk-Latn terms left out)."""
    record: dict[str, Any] = {"id": concept.id, "domain": concept.domain}
    if concept.explicit_kind is not None:
        record["kind"] = concept.explicit_kind
    if concept.cldr:
        record["cldr"] = _Flow({concept.cldr.kind: concept.cldr.code})
    if concept.note is not None:
        record["note"] = _long(concept.note)
    if concept.definition is not None:
        record["definition"] = _long(concept.definition)
    if concept.sources:
        record["sources"] = [_Quoted(s) for s in concept.sources]
    terms: dict[str, list[dict[str, Any]]] = {}
    for lang in LANGUAGES:
        given = concept.terms.get(lang, ())
        if given and not all(t.derived for t in given):
            terms[lang] = [term_record(t) for t in given]
    record["terms"] = terms
    return record


def concept_yaml(concept: Concept) -> str:
    """One concept as a YAML list item."""
    return yaml.dump(
        [concept_record(concept)],
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
    )


def domain_yaml(domain: str, concepts: Iterable[Concept], origin: str) -> str:
    """A whole glossary file: a comment naming where it came from, then the concepts."""
    header = (
        f"# {domain}.yaml: imported from {origin} by `toolkit glossary import`.\n"
        "# Schema: docs/glossary-format.md; interchange formats: docs/interchange.md.\n"
    )
    return header + "".join("\n" + concept_yaml(c) for c in concepts)


def write_glossary(concepts: list[Concept], folder: str | Path, origin: str) -> list[Path]:
    """Write ``concepts`` into ``folder`` as ``<domain>.yaml`` files (atomically, one per
    domain, concepts in their given order); returns the files written.

    Raises InputError when a domain is not a slug (it becomes a file name).
    """
    by_domain: dict[str, list[Concept]] = {}
    for concept in concepts:
        if not ID_PATTERN.fullmatch(concept.domain):
            raise InputError(
                f"domain {concept.domain!r} of concept {concept.id!r} must be a lower-case slug "
                "(it names the YAML file)",
                path=display_path(concept.path) if concept.path else None,
                line=concept.line or None,
            )
        by_domain.setdefault(concept.domain, []).append(concept)
    folder = Path(folder)
    written = []
    for domain in sorted(by_domain):
        path = folder / f"{domain}.yaml"
        with write_lock(path):
            atomic_write_text(path, domain_yaml(domain, by_domain[domain], origin))
        written.append(path)
    return written
