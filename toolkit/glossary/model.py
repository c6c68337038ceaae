"""The glossary model: concepts with terms per language, TBX-style (one entry per concept).

A :class:`Concept` holds, for each language code of :data:`LANGUAGES`, a tuple of
:class:`Term`. Kazakh Latin (``kk-Latn``) terms are either given in the YAML or derived from
the Kazakh Cyrillic ones by the ``kk-latn-2021`` scheme (``Term.derived`` is then true).

>>> t = Term("тенге", "ru", "preferred", indeclinable=True)
>>> t.is_usable, t.indeclinable
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Language = Literal["en", "kk", "kk-Latn", "ru"]
Status = Literal["preferred", "admitted", "deprecated", "forbidden"]

#: Languages of the glossary, in the order reports show them.
LANGUAGES: tuple[str, ...] = ("en", "kk", "kk-Latn", "ru")
#: Languages every concept must have a preferred term in (kk-Latn can be derived).
REQUIRED_LANGUAGES: tuple[str, ...] = ("en", "kk", "ru")
#: Term statuses, from best to worst (TBX administrative status, see docs/glossary-format.md).
STATUSES: tuple[str, ...] = ("preferred", "admitted", "deprecated", "forbidden")
#: Statuses a translation may use without a finding.
USABLE_STATUSES: frozenset[str] = frozenset({"preferred", "admitted"})
PARTS_OF_SPEECH: tuple[str, ...] = (
    "noun",
    "proper-noun",
    "adjective",
    "verb",
    "phrase",
    "abbreviation",
)
GENDERS: tuple[str, ...] = ("m", "f", "n", "common")
#: CLDR name kinds a concept can be tied to, and how Babel exposes them on a ``Locale``.
CLDR_KINDS: dict[str, str] = {
    "territory": "territories",
    "currency": "currencies",
    "language": "languages",
}


class Term(NamedTuple):
    """One spelling of a concept in one language (or script)."""

    text: str
    lang: str
    status: str
    line: int = 0
    pos: str | None = None
    gender: str | None = None
    indeclinable: bool = False
    plural_only: bool = False
    forms: tuple[str, ...] = ()
    note: str | None = None
    source: str | None = None
    #: kk-Latn only: why this spelling differs from the kk-latn-2021 transliteration.
    override: str | None = None
    #: why this preferred term differs from the CLDR name of the concept's ``cldr`` code.
    cldr_override: str | None = None
    #: kk-Latn terms generated from the kk term of the same position.
    derived: bool = False

    @property
    def is_usable(self) -> bool:
        """True for preferred and admitted terms (a translation may use them)."""
        return self.status in USABLE_STATUSES


class CldrRef(NamedTuple):
    """A link from a concept to a CLDR code: ``CldrRef("territory", "KZ")``."""

    kind: str
    code: str


@dataclass(slots=True)
class Concept:
    """One entry of the glossary: a concept and its terms in every language.

    Treat it as read-only: it is shared by every user of the loaded glossary. (It is not a
    frozen dataclass because frozen construction is several times slower, and the compiled
    cache builds tens of thousands of them.)
    """

    id: str
    domain: str
    terms: dict[str, tuple[Term, ...]]
    path: str = ""
    line: int = 0
    note: str | None = None
    definition: str | None = None
    sources: tuple[str, ...] = ()
    cldr: CldrRef | None = None
    #: line of each language block in the YAML file (for lint messages).
    lang_lines: dict[str, int] = field(default_factory=dict)

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in ``lang``, or None when the concept has none."""
        for term in self.terms.get(lang, ()):
            if term.status == "preferred":
                return term
        return None

    def preferred_text(self, lang: str) -> str:
        """The preferred spelling in ``lang``, or ``""`` when there is none."""
        term = self.preferred(lang)
        return term.text if term else ""

    def all_terms(self) -> Iterator[Term]:
        """Every term of every language, in the order of :data:`LANGUAGES`."""
        for lang in LANGUAGES:
            yield from self.terms.get(lang, ())


class Glossary:
    """The loaded glossary: concepts in file order, looked up by id.

    >>> g = Glossary([Concept("tenge", "currencies", {"en": (Term("tenge", "en", "preferred"),)})])
    >>> g["tenge"].preferred_text("en"), len(g), "tenge" in g
    ('tenge', 1, True)
    """

    def __init__(self, concepts: list[Concept], root: str = "", key: str = ""):
        self.concepts = concepts
        self.root = root
        #: digest of the YAML files it was loaded from ("" for a glossary built in code);
        #: caches derived from the glossary (term forms) are keyed by it.
        self.key = key
        self._by_id = {c.id: c for c in concepts}

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._by_id

    def __getitem__(self, concept_id: str) -> Concept:
        return self._by_id[concept_id]

    def get(self, concept_id: str) -> Concept | None:
        """The concept with this id, or None."""
        return self._by_id.get(concept_id)

    def domains(self) -> dict[str, int]:
        """Concept count per domain, in order of first appearance."""
        counts: dict[str, int] = {}
        for concept in self.concepts:
            counts[concept.domain] = counts.get(concept.domain, 0) + 1
        return counts


# -- compact records for the compiled cache (builtins only: fast to pickle and unpickle) ------


def concept_to_record(c: Concept) -> tuple:
    """A tuple of builtins that :func:`concept_from_record` turns back into ``c``."""
    terms = {lang: [tuple(t) for t in ts] for lang, ts in c.terms.items()}
    cldr = tuple(c.cldr) if c.cldr else None
    return (c.id, c.domain, terms, c.path, c.line, c.note, c.definition, c.sources, cldr,
            c.lang_lines)  # fmt: skip


_new_tuple = tuple.__new__


def concept_from_record(record: tuple) -> Concept:
    """Inverse of :func:`concept_to_record`."""
    cid, domain, terms, path, line, note, definition, sources, cldr, lang_lines = record
    return Concept(
        id=cid,
        domain=domain,
        # tuple.__new__ directly: Term._make does the same through a Python-level call
        terms={lang: tuple([_new_tuple(Term, t) for t in ts]) for lang, ts in terms.items()},
        path=path,
        line=line,
        note=note,
        definition=definition,
        sources=tuple(sources),
        cldr=CldrRef(*cldr) if cldr else None,
        lang_lines=lang_lines,
    )
