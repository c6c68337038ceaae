"""Import of TBX-Basic files into glossary concepts (the inverse of :mod:`.tbx`'s export).

Strict: whatever the glossary has no field for is an error with file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from toolkit.errors import InputError
from toolkit.fileio import display_path
from toolkit.glossary.loader import ID_PATTERN
from toolkit.glossary.model import (
    CLDR_KINDS,
    LANGUAGES,
    CldrRef,
    Concept,
    Term,
)
from toolkit.glossary.tbx import (
    _BASE_POS,
    _LANG_BY_FOLDED,
    _TERM_TYPES,
    DERIVATION_SCHEME,
    NS,
    PREFIX,
    TBX_TO_GENDER,
    TBX_TO_STATUS,
    XML_LANG,
    Deriver,
    _parse,
    _q,
)

# -- import --------------------------------------------------------------------------------


@dataclass
class _TermFields:
    """What a termSec says, gathered before the Term is built."""

    text: str
    status: str | None = None
    pos: str | None = None
    term_type: str | None = None
    gender: str | None = None
    indeclinable: bool = False
    plural_only: bool = False
    forms: list[str] = field(default_factory=list)
    note: str | None = None
    source: str | None = None
    override: str | None = None
    cldr_override: str | None = None
    derived: bool = False


class _Reader:
    """Turns the elements of one TBX document into concepts."""

    def __init__(self, shown: str, resolved: str, derive_latin: Deriver):
        self.shown = shown
        self.resolved = resolved
        self.derive_latin = derive_latin

    def fail(self, element: etree._Element, message: str) -> InputError:
        return InputError(message, path=self.shown, line=element.sourceline)

    def text(self, element: etree._Element, what: str) -> str:
        if len(element):
            raise self.fail(element, f"{what} must be plain text (no inline markup)")
        value = element.text or ""
        if not value.strip():
            raise self.fail(element, f"empty {what}")
        return value

    def children(self, element: etree._Element) -> list[etree._Element]:
        found = []
        for child in element:
            if not isinstance(child.tag, str):  # processing instructions
                continue
            if not child.tag.startswith(f"{{{NS}}}"):
                raise self.fail(child, f"element <{child.tag}> is not in the TBX namespace {NS}")
            found.append(child)
        return found

    @staticmethod
    def name(element: etree._Element) -> str:
        return etree.QName(element).localname

    def unsupported(self, element: etree._Element) -> InputError:
        kind = element.get("type")
        what = f"<{self.name(element)} type={kind!r}>" if kind else f"<{self.name(element)}>"
        return self.fail(element, f"{what} has no equivalent in the glossary (docs/interchange.md)")

    # -- structure ---------------------------------------------------------------------
    def document(self, root: etree._Element) -> list[Concept]:
        if root.tag != _q("tbx"):
            raise self.fail(
                root,
                f'root element is <{root.tag}>, expected <tbx xmlns="{NS}"> '
                "(TBX v3, ISO 30042:2019)",
            )
        text = root.find(_q("text"))
        body = text.find(_q("body")) if text is not None else None
        if body is None:
            raise self.fail(root, "no <text><body> element")
        concepts: list[Concept] = []
        seen: dict[str, int] = {}
        for entry in self.children(body):
            if self.name(entry) != "conceptEntry":
                raise self.unsupported(entry)
            concept = self.concept(entry)
            if concept.id in seen:
                raise self.fail(
                    entry, f"duplicate concept id {concept.id!r} (first at line {seen[concept.id]})"
                )
            seen[concept.id] = concept.line
            concepts.append(concept)
        return concepts

    def concept(self, entry: etree._Element) -> Concept:
        raw_id = entry.get("id")
        if not raw_id:
            raise self.fail(entry, "<conceptEntry> without id")
        concept_id = raw_id[1:] if raw_id.startswith("_") else raw_id
        if not ID_PATTERN.fullmatch(concept_id):
            raise self.fail(
                entry, f"concept id {raw_id!r} is not a lower-case slug (a-z, 0-9, hyphens)"
            )
        domain = definition = note = None
        cldr: CldrRef | None = None
        sources: list[str] = []
        terms: dict[str, tuple[Term, ...]] = {}
        lang_lines: dict[str, int] = {}
        for child in self.children(entry):
            name, kind = self.name(child), child.get("type")
            if name == "descrip" and kind == "subjectField":
                domain = self.once(child, domain, "subjectField")
            elif name == "descrip" and kind == "definition":
                definition = self.once(child, definition, "definition")
            elif name == "admin" and kind == "source":
                sources.append(self.text(child, "source"))
            elif name == "note":
                value = self.text(child, "note")
                if value.startswith(PREFIX + "cldr="):
                    cldr = self.cldr(child, value.removeprefix(PREFIX + "cldr="))
                elif value.startswith(PREFIX):
                    raise self.fail(child, f"unknown concept-level note {value!r}")
                else:
                    note = self.once(child, note, "note", value)
            elif name == "langSec":
                lang, block, en_definition = self.lang_sec(child)
                if lang in terms:
                    raise self.fail(child, f"second <langSec xml:lang={lang!r}> in one concept")
                if en_definition is not None:
                    definition = self.once(child, definition, "definition", en_definition)
                terms[lang] = block
                lang_lines[lang] = child.sourceline or 0
            else:
                raise self.unsupported(child)
        if domain is None:
            raise self.fail(entry, f"concept {concept_id!r} without <descrip type=subjectField>")
        if not terms:
            raise self.fail(entry, f"concept {concept_id!r} without <langSec>")
        terms = self.settle_latin(entry, terms)
        return Concept(
            id=concept_id,
            domain=domain,
            terms={lang: terms[lang] for lang in LANGUAGES if lang in terms},
            path=self.resolved,
            line=entry.sourceline or 0,
            note=note,
            definition=definition,
            sources=tuple(sources),
            cldr=cldr,
            lang_lines=lang_lines,
        )

    def once(self, element, current: str | None, what: str, value: str | None = None) -> str:
        if current is not None:
            raise self.fail(element, f"second {what} in one concept")
        return value if value is not None else self.text(element, what)

    def cldr(self, element: etree._Element, value: str) -> CldrRef:
        kind, _, code = value.partition(":")
        if kind not in CLDR_KINDS or not code:
            raise self.fail(
                element,
                f"'{PREFIX}cldr=' must be KIND:CODE with KIND one of {', '.join(CLDR_KINDS)}",
            )
        return CldrRef(kind, code)

    def lang_sec(self, sec: etree._Element) -> tuple[str, tuple[Term, ...], str | None]:
        declared = sec.get(XML_LANG)
        if declared is None:
            raise self.fail(sec, "<langSec> without xml:lang")
        lang = _LANG_BY_FOLDED.get(declared.lower())
        if lang is None:
            raise self.fail(
                sec, f"unknown language {declared!r} (the glossary has: {', '.join(LANGUAGES)})"
            )
        definition = None
        terms: list[Term] = []
        for child in self.children(sec):
            name, kind = self.name(child), child.get("type")
            if name == "termSec":
                terms.append(self.term(child, lang))
            elif name == "descrip" and kind == "definition" and lang == "en" and not terms:
                definition = self.once(child, definition, "definition")
            else:
                raise self.unsupported(child)
        if not terms:
            raise self.fail(sec, f"<langSec xml:lang={declared!r}> without <termSec>")
        return lang, tuple(terms), definition

    def term(self, sec: etree._Element, lang: str) -> Term:
        children = self.children(sec)
        if not children or self.name(children[0]) != "term":
            raise self.fail(sec, f"<termSec> in {lang} without <term>")
        f = _TermFields(text=self.text(children[0], "term"))
        for child in children[1:]:
            name, kind = self.name(child), child.get("type")
            if name == "termNote" and kind == "administrativeStatus":
                f.status = self.mapped(child, TBX_TO_STATUS, "administrativeStatus")
            elif name == "termNote" and kind == "partOfSpeech":
                f.pos = self.mapped(child, _BASE_POS, "partOfSpeech")
            elif name == "termNote" and kind == "termType":
                f.term_type = self.mapped(child, _TERM_TYPES, "termType")
            elif name == "termNote" and kind == "grammaticalGender":
                f.gender = self.mapped(child, TBX_TO_GENDER, "grammaticalGender")
            elif name == "admin" and kind == "source":
                f.source = self.once(child, f.source, "source")
            elif name == "note":
                self.term_note(child, f)
            else:
                raise self.unsupported(child)
        if f.status is None:
            raise self.fail(sec, f'term {f.text!r} without <termNote type="administrativeStatus">')
        if lang != "kk-Latn" and f.override is not None:
            raise self.fail(sec, f"'{PREFIX}override=' is only for kk-Latn terms")
        if f.pos == "other" and f.term_type is None:
            raise self.fail(
                sec, "partOfSpeech 'other' has no glossary equivalent without a termType"
            )
        return Term(
            text=f.text,
            lang=lang,
            status=f.status,
            line=sec.sourceline or 0,
            pos=f.term_type or f.pos,
            gender=f.gender,
            indeclinable=f.indeclinable,
            plural_only=f.plural_only,
            forms=tuple(f.forms),
            note=f.note,
            source=f.source,
            override=f.override,
            cldr_override=f.cldr_override,
            derived=f.derived,
        )

    def mapped(self, element: etree._Element, table: dict[str, str], what: str) -> str:
        value = self.text(element, what)
        if value not in table:
            raise self.fail(element, f"{what} {value!r} is not one of: {', '.join(table)}")
        return table[value]

    def term_note(self, element: etree._Element, f: _TermFields) -> None:
        value = self.text(element, "note")
        if not value.startswith(PREFIX):
            f.note = self.once(element, f.note, "note", value)
            return
        key, has_value, argument = value.removeprefix(PREFIX).partition("=")
        if key == "indeclinable" and not has_value:
            f.indeclinable = True
        elif key == "plural-only" and not has_value:
            f.plural_only = True
        elif key == "form" and argument:
            f.forms.append(argument)
        elif key == "override" and argument:
            f.override = self.once(element, f.override, key, argument)
        elif key == "cldr-override" and argument:
            f.cldr_override = self.once(element, f.cldr_override, key, argument)
        elif key == "derived" and argument == DERIVATION_SCHEME:
            f.derived = True
        else:
            raise self.fail(element, f"unknown note {value!r} (see docs/interchange.md)")

    def settle_latin(
        self, entry: etree._Element, terms: dict[str, tuple[Term, ...]]
    ) -> dict[str, tuple[Term, ...]]:
        """kk-Latn terms marked derived must all be, and must be what loading derives."""
        latin = terms.get("kk-Latn", ())
        derived = [t.derived for t in latin]
        if not any(derived):
            return terms
        if not all(derived):
            raise self.fail(entry, "kk-Latn mixes derived and given terms; mark all or none")
        kk = terms.get("kk", ())
        expected = [self.derive_latin(t.text) for t in kk]
        if [t.text for t in latin] != expected:
            raise self.fail(
                entry,
                f"kk-Latn terms marked '{PREFIX}derived={DERIVATION_SCHEME}' are "
                f"{', '.join(t.text for t in latin)} but the kk terms give "
                f"{', '.join(expected) or 'nothing'}; remove the derived notes to keep them "
                "as given terms",
            )
        return terms


def read_tbx(path: str | Path, derive_latin: Deriver) -> list[Concept]:
    """Read a TBX v3 file (as exported by :func:`export_tbx`, or any TBX-Basic file that uses
    only the data categories of docs/interchange.md) into concepts.

    Raises InputError with file and line: malformed XML, an unknown language, a termSec
    without term, a term without status, an element the glossary has no field for.
    """
    path = Path(path)
    shown = display_path(path)
    tree = _parse(path, shown)
    return _Reader(shown, str(path.resolve()), derive_latin).document(tree.getroot())
