"""TBX (ISO 30042:2019, TBX-Basic dialect, DCA style): export the glossary and read it back.

The mapping of every glossary field to TBX is documented in docs/interchange.md. In short:
``domain`` → ``<descrip type="subjectField">``, ``definition`` → ``<descrip type="definition">``
in the English ``langSec``, notes → ``<note>``, sources → ``<admin type="source">``, status →
``<termNote type="administrativeStatus">`` (:data:`STATUS_TO_TBX`), grammar →
``partOfSpeech``/``termType``/``grammaticalGender`` term notes. Fields TBX-Basic has no data
category for (indeclinable, plural-only, forms, kk-Latn override, CLDR link and override, kk-Latn
derived from kk, the ``require`` flag, validity periods, the concept's ``kind``) travel as
``<note>`` elements whose text starts with ``toolkit:`` (valid TBX-Basic; other tools show them
as notes).

>>> from toolkit.glossary.model import Concept, Term
>>> c = Concept("tenge", "currencies", {"en": (Term("tenge", "en", "preferred", pos="noun"),)})
>>> xml = export_tbx([c])
>>> "<termNote type=\\"administrativeStatus\\">preferredTerm-admn-sts</termNote>" in xml
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from toolkit.errors import InputError
from toolkit.fileio import display_path, replace_control_characters
from toolkit.glossary.model import LANGUAGES, Concept, Term
from toolkit.translit import KK_LATIN

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA = Path(__file__).parent / "schemas" / "tbx-core.rng"
#: the scheme derived kk-Latn terms come from (named in their ``toolkit:derived`` note)
DERIVATION_SCHEME = KK_LATIN

#: glossary status → TBX-Basic administrativeStatus (a bijection, so import of an export is exact)
STATUS_TO_TBX: dict[str, str] = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "supersededTerm-admn-sts",
}
#: glossary part of speech → (TBX partOfSpeech, TBX termType or None)
POS_TO_TBX: dict[str, tuple[str, str | None]] = {
    "noun": ("noun", None),
    "proper-noun": ("properNoun", None),
    "adjective": ("adjective", None),
    "verb": ("verb", None),
    "phrase": ("other", "phrase"),
    "abbreviation": ("noun", "abbreviation"),
}
GENDER_TO_TBX = {"m": "masculine", "f": "feminine", "n": "neuter", "common": "other"}

#: prefix of the notes that carry the glossary's own fields
PREFIX = "toolkit:"


def tbx_tag(name: str) -> str:
    """The qualified name of a TBX v3 element: ``tbx_tag("term")`` → ``{urn:…:ed-2}term``."""
    return f"{{{NS}}}{name}"


def _sub(parent: etree._Element, name: str, text: str | None = None, **attrs: str):
    # control characters (a lint error) cannot be written in XML: replaced, not a crash
    element = etree.SubElement(parent, tbx_tag(name))
    for key, value in attrs.items():
        element.set(key, replace_control_characters(value))
    if text is not None:
        element.text = replace_control_characters(text)
    return element


# -- export --------------------------------------------------------------------------------


def tbx_id(concept_id: str) -> str:
    """The ``conceptEntry/@id``: the concept id, with ``_`` in front when it starts with a
    digit (an XML ID must start with a letter or ``_``; glossary ids never start with ``_``).

    >>> tbx_id("kandas"), tbx_id("1st-deputy")
    ('kandas', '_1st-deputy')
    """
    return concept_id if concept_id[:1].isalpha() else "_" + concept_id


def _term_sec(parent: etree._Element, term: Term) -> None:
    sec = _sub(parent, "termSec")
    _sub(sec, "term", term.text)
    if term.pos:
        pos, term_type = POS_TO_TBX[term.pos]
        _sub(sec, "termNote", pos, type="partOfSpeech")
        if term_type:
            _sub(sec, "termNote", term_type, type="termType")
    if term.gender:
        _sub(sec, "termNote", GENDER_TO_TBX[term.gender], type="grammaticalGender")
    _sub(sec, "termNote", STATUS_TO_TBX[term.status], type="administrativeStatus")
    if term.note is not None:
        _sub(sec, "note", term.note)
    if term.source is not None:
        _sub(sec, "admin", term.source, type="source")
    if term.derived:
        _sub(sec, "note", f"{PREFIX}derived={DERIVATION_SCHEME}")
    if term.indeclinable:
        _sub(sec, "note", f"{PREFIX}indeclinable")
    if term.plural_only:
        _sub(sec, "note", f"{PREFIX}plural-only")
    for form in term.forms:
        _sub(sec, "note", f"{PREFIX}form={form}")
    if term.override is not None:
        _sub(sec, "note", f"{PREFIX}override={term.override}")
    if term.cldr_override is not None:
        _sub(sec, "note", f"{PREFIX}cldr-override={term.cldr_override}")
    if not term.require:
        _sub(sec, "note", f"{PREFIX}not-required")
    if term.valid_from is not None:
        _sub(sec, "note", f"{PREFIX}valid-from={term.valid_from}")
    if term.valid_until is not None:
        _sub(sec, "note", f"{PREFIX}valid-until={term.valid_until}")


def _concept_entry(body: etree._Element, concept: Concept) -> None:
    entry = _sub(body, "conceptEntry", id=tbx_id(concept.id))
    _sub(entry, "descrip", concept.domain, type="subjectField")
    has_english = bool(concept.terms.get("en"))
    if concept.definition is not None and not has_english:
        _sub(entry, "descrip", concept.definition, type="definition")
    if concept.note is not None:
        _sub(entry, "note", concept.note)
    if concept.cldr:
        _sub(entry, "note", f"{PREFIX}cldr={concept.cldr.kind}:{concept.cldr.code}")
    if concept.explicit_kind is not None:
        _sub(entry, "note", f"{PREFIX}kind={concept.explicit_kind}")
    for source in concept.sources:
        _sub(entry, "admin", source, type="source")
    for lang in LANGUAGES:
        terms = concept.terms.get(lang, ())
        if not terms:
            continue
        sec = _sub(entry, "langSec", **{XML_LANG: lang})
        if lang == "en" and concept.definition is not None:
            _sub(sec, "descrip", concept.definition, type="definition")
        for term in terms:
            _term_sec(sec, term)


def export_tbx(concepts: Iterable[Concept]) -> str:
    """The concepts as a TBX-Basic document (UTF-8 text, two-space indent, no dates, so the
    same glossary always gives the same bytes)."""
    root = etree.Element(tbx_tag("tbx"), nsmap={None: NS})
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, "en")
    header = _sub(root, "tbxHeader")
    file_desc = _sub(header, "fileDesc")
    title = _sub(file_desc, "titleStmt")
    _sub(title, "title", "Newsroom terminology: en, kk, kk-Latn, ru")
    source = _sub(file_desc, "sourceDesc")
    _sub(
        source,
        "p",
        "Exported by `toolkit glossary export --format tbx` from the concept-oriented YAML "
        "glossary (docs/glossary-format.md). Notes starting with 'toolkit:' carry fields "
        "TBX-Basic has no data category for (docs/interchange.md).",
    )
    body = _sub(_sub(root, "text"), "body")
    for concept in concepts:
        _concept_entry(body, concept)
    etree.indent(root, space="  ")
    text = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def parse_xml(path: Path, shown: str) -> etree._ElementTree:
    """Parse an XML file safely: no entity expansion, no DTD or network access, no huge trees.

    Raises InputError with the line lxml reports for malformed XML.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        return etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        message = exc.msg.split(", line ")[0] if exc.msg else "malformed XML"
        raise InputError(f"malformed XML: {message}", path=shown, line=exc.lineno) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", path=shown) from exc


# -- validation ----------------------------------------------------------------------------

_schema: etree.RelaxNG | None = None


def schema() -> etree.RelaxNG:
    """The RELAX NG schema of the TBX core structure (toolkit/glossary/schemas/tbx-core.rng),
    compiled once."""
    global _schema
    if _schema is None:
        _schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    return _schema


def validate(path: str | Path) -> None:
    """Check a TBX file against the core-structure schema; raises InputError with the file and
    line of the first problem.

    >>> validate(Path("tests/data/tbx/good/minimal.tbx"))
    """
    shown = display_path(path)
    tree = parse_xml(Path(path), shown)
    rng = schema()
    if not rng.validate(tree):
        error = rng.error_log[0]
        raise InputError(f"not valid TBX: {error.message}", path=shown, line=error.line)
