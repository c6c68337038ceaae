"""Read glossary YAML into :class:`~toolkit.glossary.model.Concept` objects, with line numbers.

The YAML is composed into nodes (libyaml when available) and walked by hand, so every error
names the file and line of the offending key or value. Structural problems raise
:class:`~toolkit.errors.GlossaryError`; consistency problems are left to :mod:`.lint`.

PyYAML is imported by :func:`read_file` alone, when a file is parsed: every command imports
this module (through :func:`toolkit.glossary.load_glossary`), but a warm load comes from the
compiled cache and parses no YAML, so it must not pay PyYAML's import (~10 ms). The nodes are
told apart by their ``id`` ("scalar", "sequence", "mapping"), which needs no yaml class.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import GlossaryError
from toolkit.fileio import display_path, read_utf8
from toolkit.glossary.files import glossary_files
from toolkit.glossary.model import (
    CLDR_KINDS,
    GENDERS,
    KINDS,
    LANGUAGES,
    PARTS_OF_SPEECH,
    STATUSES,
    CldrRef,
    Concept,
    Term,
)
from toolkit.yaml_guard import find_unsafe_yaml

if TYPE_CHECKING:  # annotations only: see the module docstring
    from yaml import Node

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CONCEPT_KEYS = frozenset({"id", "domain", "kind", "note", "definition", "sources", "cldr", "terms"})
TERM_KEYS = frozenset(
    {
        "term",
        "status",
        "pos",
        "gender",
        "indeclinable",
        "plural_only",
        "forms",
        "note",
        "source",
        "override",
        "cldr_override",
        "require",
        "valid_from",
        "valid_until",
    }
)
STR_TAG = "tag:yaml.org,2002:str"
#: an unquoted 2019-03-23 is a YAML timestamp; a quoted one a string: both are read as dates
DATE_TAGS = frozenset({STR_TAG, "tag:yaml.org,2002:timestamp"})
BOOL_TAG = "tag:yaml.org,2002:bool"
#: ``Node.id`` of the three kinds of yaml node
SCALAR, SEQUENCE, MAPPING = "scalar", "sequence", "mapping"

Deriver = Callable[[str], str]


class _FileReader:
    """Turns the node tree of one YAML file into concepts."""

    def __init__(self, path: Path, display: str, derive_latin: Deriver):
        self.path = str(path.resolve())
        self.display = display
        self.derive_latin = derive_latin

    def fail(self, node: Node | None, message: str) -> GlossaryError:
        line = node.start_mark.line + 1 if node is not None else None
        return GlossaryError(message, path=self.display, line=line)

    # -- scalar helpers -------------------------------------------------------------------
    def text(self, node: Node, what: str) -> str:
        if not node.id == SCALAR or node.tag != STR_TAG or not node.value:
            raise self.fail(node, f"{what} must be a non-empty string")
        return node.value

    def flag(self, node: Node, what: str) -> bool:
        if not node.id == SCALAR or node.tag != BOOL_TAG:
            raise self.fail(node, f"{what} must be true or false")
        return node.value.lower() in ("true", "yes", "on")

    def iso_date(self, node: Node, what: str) -> str:
        """A YYYY-MM-DD date (quoted or not), as that string."""
        value = node.value if node.id == SCALAR else None
        try:
            if node.tag not in DATE_TAGS or not isinstance(value, str) or len(value) != 10:
                raise ValueError(value)
            date.fromisoformat(value)
        except ValueError:
            raise self.fail(node, f"{what} must be a date written YYYY-MM-DD") from None
        return value

    def choice(self, node: Node, what: str, allowed: tuple[str, ...]) -> str:
        value = self.text(node, what)
        if value not in allowed:
            raise self.fail(node, f"{what} {value!r} is not one of: {', '.join(allowed)}")
        return value

    def text_list(self, node: Node, what: str) -> tuple[str, ...]:
        if not node.id == SEQUENCE:
            raise self.fail(node, f"{what} must be a list of strings")
        return tuple(self.text(item, f"each item of {what}") for item in node.value)

    def mapping(self, node: Node, what: str, allowed: frozenset[str]) -> dict[str, Any]:
        """A mapping node as {key: (key_node, value_node)}, rejecting unknown/duplicate keys."""
        if not node.id == MAPPING:
            raise self.fail(node, f"{what} must be a mapping")
        items: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.id == SCALAR else None
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                raise self.fail(
                    key_node, f"unknown key {key!r} in {what} (expected one of: {hint})"
                )
            if key in items:
                raise self.fail(key_node, f"duplicate key {key!r} in {what}")
            items[key] = (key_node, value_node)
        return items

    # -- structure ------------------------------------------------------------------------
    def concepts(self, root: Node | None) -> list[Concept]:
        if root is None:
            return []
        if not root.id == SEQUENCE:
            raise self.fail(root, "a glossary file must be a list of concepts (- id: ...)")
        return [self.concept(node) for node in root.value]

    def concept(self, node: Node) -> Concept:
        fields = self.mapping(node, "a concept", CONCEPT_KEYS)
        for required in ("id", "domain", "terms"):
            if required not in fields:
                raise self.fail(node, f"concept without {required!r}")
        concept_id = self.text(fields["id"][1], "id")
        if not ID_PATTERN.fullmatch(concept_id):
            raise self.fail(
                fields["id"][1],
                f"id {concept_id!r} must be a lower-case slug (letters a-z, digits, hyphens)",
            )
        terms, lang_lines = self.term_blocks(fields["terms"][1])
        return Concept(
            id=concept_id,
            domain=self.text(fields["domain"][1], "domain"),
            terms=terms,
            path=self.path,
            line=node.start_mark.line + 1,
            note=self.text(fields["note"][1], "note") if "note" in fields else None,
            definition=(
                self.text(fields["definition"][1], "definition") if "definition" in fields else None
            ),
            sources=self.text_list(fields["sources"][1], "sources") if "sources" in fields else (),
            cldr=self.cldr(fields["cldr"][1]) if "cldr" in fields else None,
            lang_lines=lang_lines,
            explicit_kind=(
                self.choice(fields["kind"][1], "kind", KINDS) if "kind" in fields else None
            ),
        )

    def cldr(self, node: Node) -> CldrRef:
        fields = self.mapping(node, "cldr", frozenset(CLDR_KINDS))
        if len(fields) != 1:
            raise self.fail(node, "cldr must name exactly one of: " + ", ".join(CLDR_KINDS))
        ((kind, (_, value)),) = fields.items()
        return CldrRef(kind, self.text(value, f"cldr {kind}"))

    def term_blocks(self, node: Node) -> tuple[dict[str, tuple[Term, ...]], dict[str, int]]:
        blocks = self.mapping(node, "terms", frozenset(LANGUAGES))
        terms: dict[str, tuple[Term, ...]] = {}
        lang_lines: dict[str, int] = {}
        for lang, (key_node, value_node) in blocks.items():
            if not value_node.id == SEQUENCE or not value_node.value:
                raise self.fail(value_node, f"terms.{lang} must be a non-empty list of terms")
            terms[lang] = tuple(self.term(item, lang) for item in value_node.value)
            lang_lines[lang] = key_node.start_mark.line + 1
        if "kk-Latn" not in terms and "kk" in terms:
            terms["kk-Latn"] = tuple(self.derived_latin(t) for t in terms["kk"])
        return {lang: terms[lang] for lang in LANGUAGES if lang in terms}, lang_lines

    def term(self, node: Node, lang: str) -> Term:
        fields = self.mapping(node, f"a {lang} term", TERM_KEYS)
        if "term" not in fields:
            raise self.fail(node, f"{lang} term without 'term'")
        if "status" not in fields:
            raise self.fail(node, f"{lang} term without 'status' ({', '.join(STATUSES)})")
        if "override" in fields and lang != "kk-Latn":
            raise self.fail(fields["override"][0], "'override' is only for kk-Latn terms")

        def opt_text(key: str) -> str | None:
            return self.text(fields[key][1], key) if key in fields else None

        def opt_date(key: str) -> str | None:
            return self.iso_date(fields[key][1], key) if key in fields else None

        def opt_flag(key: str) -> bool:
            return self.flag(fields[key][1], key) if key in fields else False

        return Term(
            text=self.text(fields["term"][1], "term"),
            lang=lang,
            status=self.choice(fields["status"][1], "status", STATUSES),
            line=node.start_mark.line + 1,
            pos=self.choice(fields["pos"][1], "pos", PARTS_OF_SPEECH) if "pos" in fields else None,
            gender=self.choice(fields["gender"][1], "gender", GENDERS)
            if "gender" in fields
            else None,
            indeclinable=opt_flag("indeclinable"),
            plural_only=opt_flag("plural_only"),
            forms=self.text_list(fields["forms"][1], "forms") if "forms" in fields else (),
            note=opt_text("note"),
            source=opt_text("source"),
            override=opt_text("override"),
            cldr_override=opt_text("cldr_override"),
            require=self.flag(fields["require"][1], "require") if "require" in fields else True,
            valid_from=opt_date("valid_from"),
            valid_until=opt_date("valid_until"),
        )

    def derived_latin(self, kk: Term) -> Term:
        return kk._replace(
            text=self.derive_latin(kk.text),
            lang="kk-Latn",
            forms=tuple(self.derive_latin(f) for f in kk.forms),
            cldr_override=None,
            derived=True,
        )


def read_file(path: Path, display: str, derive_latin: Deriver) -> list[Concept]:
    """Parse one glossary YAML file. Raises GlossaryError with the file and line."""
    # Imported here, the one place that parses YAML: a warm load must not pay for it (see the
    # module docstring); Python imports it once, later calls only look it up.
    import yaml

    # libyaml makes the first (uncached) load several times faster
    libyaml = getattr(yaml, "CSafeLoader", None)
    loader = libyaml or yaml.SafeLoader
    text = read_utf8(path, display, GlossaryError)
    try:
        # an alias needs a "*": files without one (all of them, normally) cost no second parse
        unsafe = find_unsafe_yaml(text, loader) if "*" in text or libyaml is None else None
        if unsafe is not None:
            raise GlossaryError(unsafe[0], display, unsafe[1])
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise GlossaryError(f"YAML syntax: {exc.problem or exc.context}", display, line) from exc
    except yaml.YAMLError as exc:
        raise GlossaryError(f"YAML syntax: {exc}", path=display) from exc
    return _FileReader(path, display, derive_latin).concepts(root)


def read_glossary(root: Path, derive_latin: Deriver) -> list[Concept]:
    """Read every YAML file of ``root``; duplicate ids across files are an error."""
    concepts: list[Concept] = []
    seen: dict[str, Concept] = {}
    for path in glossary_files(root):
        display = display_path(path)
        for concept in read_file(path, display, derive_latin):
            first = seen.get(concept.id)
            if first is not None:
                raise GlossaryError(
                    f"duplicate id {concept.id!r} "
                    f"(first defined at {display_path(first.path)}:{first.line})",
                    path=display,
                    line=concept.line,
                )
            seen[concept.id] = concept
            concepts.append(concept)
    return concepts
