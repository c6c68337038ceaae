"""Turn what the TBX reader gathered from a conceptEntry into glossary Concepts and Terms:
repeated terms merged, missing statuses defaulted, derived kk-Latn checked, ids and domains
made slugs. Everything it changes or leaves out is counted in the ImportReport.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from toolkit.glossary.interchange import ImportReport, slug, unique_id
from toolkit.glossary.model import LANGUAGES, CldrRef, Concept, Term
from toolkit.glossary.tbx import DERIVATION_SCHEME, PREFIX

Deriver = Callable[[str], str]


@dataclass
class TermFields:
    """What a termSec (tig, ntig) says, gathered before the Term is built."""

    line: int
    text: str | None = None
    status: str | None = None
    pos: str | None = None
    term_type: str | None = None
    gender: str | None = None
    indeclinable: bool = False
    plural_only: bool = False
    forms: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    override: str | None = None
    cldr_override: str | None = None
    derived: bool = False
    require: bool = True
    valid_from: str | None = None
    valid_until: str | None = None


@dataclass
class ConceptFields:
    """What a conceptEntry (termEntry) says, its langSecs merged per glossary language."""

    raw_id: str
    line: int
    subject_fields: list[str] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    cldr: CldrRef | None = None
    kind: str | None = None
    terms: dict[str, list[TermFields]] = field(default_factory=dict)
    lang_lines: dict[str, int] = field(default_factory=dict)


class ConceptAssembler:
    """Builds the concepts of one file; keeps the ids already given out."""

    def __init__(
        self, report: ImportReport, derive_latin: Deriver, domain: str, origin: str, path: str
    ):
        self.report = report
        self.derive_latin = derive_latin
        self.default_domain = domain
        self.origin = origin
        self.path = path
        self.ids: set[str] = set()

    def concept(self, fields: ConceptFields) -> Concept | None:
        """The concept, or None (counted) when it has no term in a glossary language."""
        terms = self.terms(fields)
        if not terms:
            self.report.dropped["concept{s} without a term in en, kk, kk-Latn or ru"] += 1
            return None
        if len(fields.definitions) > 1:
            self.report.dropped["second definition{s} of a concept"] += len(fields.definitions) - 1
        sources = tuple(fields.sources)
        if not sources:
            sources = (self.origin,)
            what = f"concept{{s}} without a source given the source {self.origin!r}"
            self.report.assumed[what] += 1
        return Concept(
            id=self.concept_id(fields, terms),
            domain=self.domain(fields.subject_fields),
            terms=terms,
            path=self.path,
            line=fields.line,
            note="\n".join(fields.notes) or None,
            definition=fields.definitions[0] if fields.definitions else None,
            sources=sources,
            cldr=fields.cldr,
            lang_lines={lang: line for lang, line in fields.lang_lines.items() if lang in terms},
            explicit_kind=fields.kind,
        )

    def terms(self, f: ConceptFields) -> dict[str, tuple[Term, ...]]:
        terms: dict[str, tuple[Term, ...]] = {}
        for lang in LANGUAGES:
            unique: dict[str, TermFields] = {}
            for fields in f.terms.get(lang, ()):
                if fields.text in unique:
                    self.report.dropped[f"repeated {lang} term{{s}} of a concept"] += 1
                else:
                    unique[fields.text] = fields
            if unique:
                self.default_statuses(list(unique.values()))
                terms[lang] = tuple(self.build_term(t, lang) for t in unique.values())
        return self.settle_latin(terms)

    def default_statuses(self, block: list[TermFields]) -> None:
        """Terms without a status: the first becomes preferred when no term of the language
        is, the others admitted."""
        has_preferred = any(t.status == "preferred" for t in block)
        for t in block:
            if t.status is None:
                t.status = "admitted" if has_preferred else "preferred"
                has_preferred = True
                self.report.assumed[f"term{{s}} without a status taken as {t.status}"] += 1

    def build_term(self, t: TermFields, lang: str) -> Term:
        pos = t.term_type or t.pos
        if pos == "other":
            self.report.dropped["partOfSpeech 'other' (without a termType)"] += 1
            pos = None
        override = t.override
        if override is not None and lang != "kk-Latn":
            self.report.dropped[f"'{PREFIX}override=' note{{s}} of {lang} terms"] += 1
            override = None
        return Term(
            text=t.text or "",  # set: term() drops a termSec without one
            lang=lang,
            status=t.status or "admitted",  # set by default_statuses()
            line=t.line,
            pos=pos,
            gender=t.gender,
            indeclinable=t.indeclinable,
            plural_only=t.plural_only,
            forms=tuple(t.forms),
            note="\n".join(t.notes) or None,
            source="; ".join(t.sources) or None,
            override=override,
            cldr_override=t.cldr_override,
            derived=t.derived,
            require=t.require,
            valid_from=t.valid_from,
            valid_until=t.valid_until,
        )

    def settle_latin(self, terms: dict[str, tuple[Term, ...]]) -> dict[str, tuple[Term, ...]]:
        """kk-Latn terms marked derived stay derived only if all are and they are what loading
        derives from kk; otherwise they are kept as given terms (lint then checks them)."""
        latin = terms.get("kk-Latn", ())
        if not any(t.derived for t in latin):
            return terms
        expected = [self.derive_latin(t.text) for t in terms.get("kk", ())]
        if all(t.derived for t in latin) and [t.text for t in latin] == expected:
            return terms
        self.report.assumed[
            f"concept{{s}} whose kk-Latn terms marked '{PREFIX}derived={DERIVATION_SCHEME}' are "
            "not the transliteration of their kk terms: kept as given kk-Latn terms"
        ] += 1
        return terms | {"kk-Latn": tuple(t._replace(derived=False) for t in latin)}

    def concept_id(self, f: ConceptFields, terms: dict[str, tuple[Term, ...]]) -> str:
        """The TBX id as a slug (without the ``_`` the export puts before a digit); without
        an id, the slug of the first English term (else of the first term)."""
        raw = f.raw_id.removeprefix("_")
        if raw:
            base = slug(raw)
            if base != raw:
                self.report.assumed["concept id{s} turned into lower-case slugs"] += 1
        else:
            first = (terms.get("en") or next(iter(terms.values())))[0]
            base = slug(first.text)
            self.report.assumed["concept{s} without an id named after the first term"] += 1
        if not base:
            base = f"concept-{f.line}"
        concept_id = unique_id(base, self.ids)
        if concept_id != base:
            self.report.assumed["repeated concept id{s} numbered"] += 1
        return concept_id

    def domain(self, subject_fields: list[str]) -> str:
        """The first subject field as a slug (it names the YAML file); the default domain
        when there is none or it has no letters a-z."""
        if len(subject_fields) > 1:
            self.report.dropped["second subject field{s} of a concept"] += len(subject_fields) - 1
        if not subject_fields:
            self.report.assumed[
                f"concept{{s}} without a subject field put in domain {self.default_domain}"
            ] += 1
            return self.default_domain
        value = subject_fields[0]
        domain = slug(value) or self.default_domain
        if domain != value:
            what = f"concept{{s}} of subject field {value!r} put in domain {domain}"
            self.report.assumed[what] += 1
        return domain
