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
#: What a concept is; it decides the severity of a missing or misspelt term (see
#: docs/glossary-format.md): names and numbers are errors, ethnonyms and common terms warnings.
KINDS: tuple[str, ...] = (
    "person", "organization", "place", "name", "number", "ethnonym", "term",
)  # fmt: skip
#: kinds whose missing or misspelt term is an error
ERROR_KINDS: frozenset[str] = frozenset({"person", "organization", "place", "name", "number"})
#: the kind of a concept without a ``kind`` key, by its domain
DOMAIN_KINDS: dict[str, str] = {
    "people": "person",
    "organizations": "organization",
    "places": "place",
    "ethnonyms": "ethnonym",
    "general": "number",
    # English capitalises language names; they are common terms all the same
    "languages": "term",
}
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
    #: False: a source text with this term does not require the concept in the translation
    #: (generic words: "appeal", "fine"); it is still recognised.
    require: bool = True
    #: ISO dates (YYYY-MM-DD): the term is right in articles dated from ``valid_from`` and
    #: before ``valid_until`` (half-open; either may be absent); see :meth:`status_on`.
    valid_from: str | None = None
    valid_until: str | None = None

    @property
    def is_usable(self) -> bool:
        """True for preferred and admitted terms (a translation may use them)."""
        return self.status in USABLE_STATUSES

    @property
    def time_bound(self) -> bool:
        """True when the term has a validity period."""
        return self.valid_from is not None or self.valid_until is not None

    def valid_on(self, day: str) -> bool:
        """The ISO date ``day`` falls in the term's validity period (always, without one).

        >>> t = Term("Нұр-Сұлтан", "kk", "deprecated", valid_from="2019-03-23",
        ...          valid_until="2022-09-17")
        >>> t.valid_on("2019-03-23"), t.valid_on("2022-09-16"), t.valid_on("2022-09-17")
        (True, True, False)
        """
        # ISO dates compare as strings
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day < self.valid_until

    def status_on(self, day: str | None) -> str:
        """The term's status in an article dated ``day``: inside its validity period a
        time-bound term is ``preferred`` (it was the right name then); outside it, a
        preferred or admitted term is ``deprecated`` (a name that no longer, or not yet,
        applies). Without a period, or without a date, the status as written.

        >>> t = Term("Нұр-Сұлтан", "kk", "deprecated", valid_from="2019-03-23",
        ...          valid_until="2022-09-17")
        >>> t.status_on("2020-01-01"), t.status_on("2023-01-01"), t.status_on(None)
        ('preferred', 'deprecated', 'deprecated')
        """
        if day is None or not self.time_bound:
            return self.status
        if self.valid_on(day):
            return "preferred"
        return "deprecated" if self.status in USABLE_STATUSES else self.status


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
    #: what the concept is (:data:`KINDS`), when the YAML says; see :attr:`kind`.
    explicit_kind: str | None = None

    @property
    def kind(self) -> str:
        """What the concept is: its ``kind`` key; else the kind of its domain
        (:data:`DOMAIN_KINDS`); else ``name`` when its preferred English term is a proper
        noun (an institution, a law, an event), ``term`` when not.

        >>> Concept("x", "places", {}).kind, Concept("y", "legal", {}).kind
        ('place', 'term')
        """
        if self.explicit_kind is not None:
            return self.explicit_kind
        if self.domain in DOMAIN_KINDS:
            return DOMAIN_KINDS[self.domain]
        english = self.preferred("en")
        return "name" if english is not None and english.pos == "proper-noun" else "term"

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
