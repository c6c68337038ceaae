"""Import of TBX termbases into glossary concepts: TBX v3 (ISO 30042:2019, core and
TBX-Basic, DCA and DCT styles), TBX v2 (``<martif>`` with termEntry/langSet/tig/ntig, as Weblate,
translate-toolkit and the Microsoft Terminology Collection write it) and TBX-Min.

Lenient (docs/interchange.md): what the glossary has a field for is kept, everything else is
dropped and counted in an :class:`~toolkit.glossary.interchange.ImportReport`, shown once as a
summary. Only a file that is not well-formed XML, or not TBX at all, is an error. Importing the
toolkit's own export gives back the glossary exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from lxml import etree

from toolkit.errors import InputError
from toolkit.fileio import display_path
from toolkit.glossary.interchange import (
    Imported,
    ImportReport,
    is_latin_script,
    names_script,
    project_language,
)
from toolkit.glossary.model import CLDR_KINDS, KINDS, CldrRef, Concept
from toolkit.glossary.tbx import DERIVATION_SCHEME, PREFIX, XML_LANG, parse_xml
from toolkit.glossary.tbx_assembly import ConceptAssembler, ConceptFields, Deriver, TermFields
from toolkit.glossary.tbx_values import (
    GENDER_VALUES,
    POS_VALUES,
    STATUS_VALUES,
    TERM_TYPE_VALUES,
    picklist_key,
)

ROOTS = frozenset({"tbx", "martif", "TBX"})
CONCEPT_ELEMENTS = frozenset({"conceptEntry", "termEntry"})
LANGUAGE_ELEMENTS = frozenset({"langSec", "langSet", "langGroup"})
TERM_ELEMENTS = frozenset({"termSec", "tig", "ntig", "termGroup"})
#: groups: the first child is the datum, the others (its source, a note) are about it
GROUPS = frozenset({"descripGrp", "termNoteGrp", "adminGrp"})
#: DCA elements whose data category is their ``type`` attribute
TYPED = frozenset({"descrip", "admin", "termNote", "transac", "transacNote", "ref", "xref"})
STATUS_CATEGORIES = ("administrativeStatus", "normativeAuthorization", "termStatus")
DEFINITIONS = frozenset({"definition", "descrip"})  # an untyped descrip: translate-toolkit's
NOTES = frozenset({"note", "Usage note", "usageNote"})  # "Usage note": Weblate's descrip type
#: XML pretty-printing inside a text: a line break followed by indentation
_INDENTED_BREAK = re.compile(r"\n[ \t]")


class _Reader:
    """Turns the elements of one TBX document into concepts, counting what it leaves out."""

    def __init__(self, shown: str, assembler: ConceptAssembler):
        self.shown = shown
        self.assembler = assembler
        self.report = assembler.report
        self.core_ns: str | None = None

    def fail(self, element: etree._Element, message: str) -> InputError:
        return InputError(message, path=self.shown, line=element.sourceline)

    # -- element helpers ---------------------------------------------------------------
    @staticmethod
    def elements(parent: etree._Element) -> list[etree._Element]:
        return [child for child in parent if isinstance(child.tag, str)]

    def name(self, element: etree._Element) -> str:
        """The local name of a core-structure element ("" for a DCT data-category element)."""
        qname = etree.QName(element)
        return qname.localname if qname.namespace == self.core_ns else ""

    def category(self, element: etree._Element) -> str:
        """The data category: ``<descrip type="definition">`` (DCA) and
        ``<basic:definition>`` (DCT) are both ``definition``."""
        qname = etree.QName(element)
        if qname.namespace != self.core_ns:
            return qname.localname
        if qname.localname in TYPED:
            return element.get("type") or qname.localname
        return qname.localname

    def drop(self, element: etree._Element, what: str | None = None) -> bool:
        self.report.dropped[what or self.category(element)] += 1
        return False

    def text(self, element: etree._Element) -> str:
        """The element's text, inline markup (``<hi>``) flattened; entity references, never
        expanded, are left out."""
        if not len(element):  # no children, so no entity references: the common case
            return element.text or ""
        if next(element.iter(etree.Entity), None) is None:
            return "".join(element.itertext())
        self.report.dropped["unexpanded entity reference{s}"] += 1
        return "".join(element.xpath(".//text()"))  # text nodes only, not "&name;"

    def prose(self, element: etree._Element) -> str | None:
        """A note, definition or value: indentation from pretty-printed XML folded to single
        spaces (other line breaks kept); None (counted) when empty."""
        value = self.text(element)
        if _INDENTED_BREAK.search(value):
            value = " ".join(value.split())
        if not value.strip():
            self.drop(element, f"empty {self.category(element)}{{s}}")
            return None
        return value

    # -- structure ---------------------------------------------------------------------
    def document(self, root: etree._Element) -> list[Concept]:
        qname = etree.QName(root)
        if qname.localname not in ROOTS:
            raise self.fail(
                root,
                f"not TBX: the root element is <{qname.localname}>; expected <tbx> (TBX v3), "
                "<martif> (TBX v2) or <TBX> (TBX-Min)",
            )
        self.core_ns = qname.namespace
        ns = f"{{{self.core_ns}}}" if self.core_ns else ""
        text = root.find(f"{ns}text")
        body = (text if text is not None else root).find(f"{ns}body")
        if body is None:
            raise self.fail(root, "not TBX: no <text><body> element")
        if text is not None:
            for other in self.elements(text):
                if other is not body:
                    self.drop(other, "back matter")
        concepts = []
        for entry in self.elements(body):
            if self.name(entry) in CONCEPT_ELEMENTS:
                concept = self.concept(entry)
                if concept is not None:
                    concepts.append(concept)
            else:
                self.drop(entry)
        return concepts

    def concept(self, entry: etree._Element) -> Concept | None:
        fields = ConceptFields(raw_id=entry.get("id") or "", line=entry.sourceline or 0)
        for child in self.elements(entry):
            if self.name(child) in LANGUAGE_ELEMENTS:
                self.lang_sec(child, fields)
            else:
                self.take_concept(child, fields)
        return self.assembler.concept(fields)

    def group(self, element: etree._Element, take: Callable[[etree._Element], bool]) -> bool:
        """A descripGrp (termNoteGrp, adminGrp): the datum decides; its source follows it."""
        parts = self.elements(element)
        if not parts:
            return self.drop(element)
        main, extras = parts[0], parts[1:]
        if not take(main):
            return False  # counted under the datum's category; its source and notes go with it
        for extra in extras:
            if self.category(extra) == "source":
                take(extra)
            else:
                self.drop(extra)
        return True

    def take_concept(self, element: etree._Element, f: ConceptFields) -> bool:
        category = self.category(element)
        if category in GROUPS:
            return self.group(element, lambda part: self.take_concept(part, f))
        if category not in ("subjectField", "source", *DEFINITIONS, *NOTES):
            return self.drop(element)
        value = self.prose(element)
        if value is None:
            return False
        if category == "subjectField":
            f.subject_fields.append(value)
        elif category == "source":
            f.sources.append(value)
        elif category in DEFINITIONS:
            f.definitions.append(value)
        elif value.startswith(PREFIX + "cldr="):
            return self.cldr(element, value.removeprefix(PREFIX + "cldr="), f)
        elif value.startswith(PREFIX + "kind="):
            kind = value.removeprefix(PREFIX + "kind=")
            if kind not in KINDS or f.kind is not None:
                return self.drop(element, f"unusable note{{s}} {value!r}")
            f.kind = kind
        elif value.startswith(PREFIX):
            return self.drop(element, f"unknown note{{s}} {value!r}")
        else:
            f.notes.append(value)
        return True

    def cldr(self, element: etree._Element, value: str, f: ConceptFields) -> bool:
        kind, _, code = value.partition(":")
        if kind not in CLDR_KINDS or not code or f.cldr is not None:
            return self.drop(element, f"unusable note{{s}} '{PREFIX}cldr={value}'")
        f.cldr = CldrRef(kind, code)
        return True

    def lang_sec(self, sec: etree._Element, f: ConceptFields) -> None:
        tag = sec.get(XML_LANG) or sec.get("lang")
        lang = project_language(tag) if tag else None
        if lang is None:
            ns = f"{{{self.core_ns}}}" if self.core_ns else ""
            count = sum(1 for _ in sec.iter(f"{ns}term"))
            if count and not tag:
                self.report.dropped[f"term{{s}} in a {self.name(sec)} without xml:lang"] += count
            elif count:
                self.report.skipped_languages[tag] += count
            return
        f.lang_lines.setdefault(lang, sec.sourceline or 0)
        block = f.terms.setdefault(lang, [])
        first = len(block)
        for child in self.elements(sec):
            self.take_lang(child, f, lang, block)
        if lang == "kk" and not names_script(tag):
            self.latin_kazakh(block, first, f, sec.sourceline or 0)

    def latin_kazakh(
        self, block: list[TermFields], first: int, f: ConceptFields, line: int
    ) -> None:
        """Terms of a plain ``kk`` langSec written in Latin letters are Kazakh Latin."""
        kept, latin = block[:first], []
        for term in block[first:]:
            (latin if is_latin_script(term.text or "") else kept).append(term)
        if latin:
            block[:] = kept
            f.terms.setdefault("kk-Latn", []).extend(latin)
            f.lang_lines.setdefault("kk-Latn", line)
            self.report.assumed["kk term{s} in Latin letters put under kk-Latn"] += len(latin)

    def take_lang(
        self, element: etree._Element, f: ConceptFields, lang: str, block: list[TermFields]
    ) -> bool:
        if self.name(element) in TERM_ELEMENTS:
            term = self.term(element)
            if term is not None:
                block.append(term)
            return term is not None
        category = self.category(element)
        if category in GROUPS:
            return self.group(element, lambda part: self.take_lang(part, f, lang, block))
        prose_category = category in DEFINITIONS or category in NOTES
        if prose_category and lang != "en":
            return self.drop(
                element, f"{category}{{s}} of a {lang} langSec (the glossary's are English)"
            )
        if not prose_category and category != "source":
            return self.drop(element)
        value = self.prose(element)
        if value is None:
            return False
        if category in DEFINITIONS:
            f.definitions.append(value)
        else:
            (f.notes if category in NOTES else f.sources).append(value)
        return True

    def term(self, sec: etree._Element) -> TermFields | None:
        fields = TermFields(line=sec.sourceline or 0)
        for child in self.elements(sec):
            self.take_term(child, fields)
        if fields.text is None:
            self.report.dropped[f"{self.name(sec)}{{s}} without a term"] += 1
            return None
        return fields

    def take_term(self, element: etree._Element, t: TermFields) -> bool:
        name, category = self.name(element), self.category(element)
        if name == "termGrp":  # TBX v2 ntig: the term and its notes one level down
            for child in self.elements(element):
                self.take_term(child, t)
            return True
        if category in GROUPS:
            return self.group(element, lambda part: self.take_term(part, t))
        if category == "term":
            return self.term_text(element, t)
        if category in STATUS_CATEGORIES:
            return self.pick(element, t, "status", STATUS_VALUES)
        if category == "partOfSpeech":
            return self.pick(element, t, "pos", POS_VALUES)
        if category == "termType":
            return self.pick(element, t, "term_type", TERM_TYPE_VALUES)
        if category == "grammaticalGender":
            return self.pick(element, t, "gender", GENDER_VALUES)
        if category not in ("source", *NOTES, "descrip"):
            return self.drop(element)
        value = self.prose(element)
        if value is None:
            return False
        if category == "source":
            t.sources.append(value)
        elif value.startswith(PREFIX):
            return self.toolkit_note(element, value, t)
        else:
            t.notes.append(value)
        return True

    def term_text(self, element: etree._Element, t: TermFields) -> bool:
        raw = self.text(element)
        text = " ".join(raw.split())
        if not text:
            return self.drop(element, "empty term{s}")
        if t.text is not None:
            return self.drop(element, "second term{s} of a termSec")
        if text != raw:
            self.report.assumed["term{s} with stray whitespace trimmed"] += 1
        t.text = text
        return True

    def pick(self, element: etree._Element, t: TermFields, slot: str, table: dict) -> bool:
        """Set ``t.<slot>`` from a picklist value (case, spaces and ``-admn-sts`` ignored)."""
        value = self.prose(element)
        if value is None:
            return False
        mapped = table.get(picklist_key(value))
        if mapped is None or getattr(t, slot) is not None:
            return self.drop(element, f"{self.category(element)} {value!r}")
        setattr(t, slot, mapped)
        return True

    def toolkit_note(self, element: etree._Element, value: str, t: TermFields) -> bool:
        key, has_value, argument = value.removeprefix(PREFIX).partition("=")
        if key == "indeclinable" and not has_value:
            t.indeclinable = True
        elif key == "plural-only" and not has_value:
            t.plural_only = True
        elif key == "form" and argument:
            t.forms.append(argument)
        elif key == "override" and argument and t.override is None:
            t.override = argument
        elif key == "cldr-override" and argument and t.cldr_override is None:
            t.cldr_override = argument
        elif key == "derived" and argument == DERIVATION_SCHEME:
            t.derived = True
        elif key == "not-required" and not has_value:
            t.require = False
        elif key in ("valid-from", "valid-until") and is_iso_date(argument):
            slot = key.replace("-", "_")
            if getattr(t, slot) is not None:
                return self.drop(element, f"second note{{s}} {PREFIX}{key}=")
            setattr(t, slot, argument)
        else:
            return self.drop(element, f"unknown note{{s}} {value!r}")
        return True


def is_iso_date(text: str) -> bool:
    """``text`` is a date written YYYY-MM-DD (what validity periods hold).

    >>> is_iso_date("2019-03-23"), is_iso_date("2019-3-23"), is_iso_date("2019-02-30")
    (True, False, False)
    """
    if len(text) != 10:
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def read_tbx(path: str | Path, derive_latin: Deriver, domain: str = "imported") -> Imported:
    """Read a TBX file (v3, v2 or TBX-Min) into concepts and the report of what was dropped.

    ``domain`` is the domain of concepts without a usable subject field. Raises InputError
    (file and line) only for a file that is not well-formed XML or not TBX.
    """
    path = Path(path)
    shown = display_path(path)
    tree = parse_xml(path, shown)
    report = ImportReport()
    origin = f"imported from {path.name} (TBX)"
    assembler = ConceptAssembler(report, derive_latin, domain, origin, str(path.resolve()))
    concepts = _Reader(shown, assembler).document(tree.getroot())
    return Imported(concepts, report)
