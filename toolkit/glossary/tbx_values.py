"""What the picklist values of TBX data categories mean in the glossary (import side).

Keys are folded by :func:`picklist_key` (case, spaces, hyphens, underscores and the
``-admn-sts`` suffix ignored), so ``preferredTerm-admn-sts`` (TBX-Basic administrativeStatus),
``preferredTerm`` (normativeAuthorization), ``preferred`` (TBX-Min termStatus) and ``Noun``
(Microsoft) all match. docs/interchange.md lists the mapping.

>>> STATUS_VALUES[picklist_key("deprecatedTerm-admn-sts")], POS_VALUES[picklist_key("Noun")]
('deprecated', 'noun')
"""

from __future__ import annotations

import re

_FOLD = re.compile(r"[\s_-]+")


def picklist_key(value: str) -> str:
    """The folded key of a picklist value.

    >>> picklist_key("supersededTerm-admn-sts"), picklist_key("Proper Noun")
    ('supersededterm', 'propernoun')
    """
    return _FOLD.sub("", value.strip().lower().removesuffix("-admn-sts"))


#: administrativeStatus / normativeAuthorization / termStatus → glossary status. The four
#: TBX-Basic values map one to one (so an export imports exactly: ``forbidden`` is exported as
#: supersededTerm); a standardized, legal or regulated term is preferred; free-text values of
#: Weblate and translate-toolkit (``obsolete``, ``forbidden``, ``deprecated``) are understood.
STATUS_VALUES: dict[str, str] = {
    "preferredterm": "preferred",
    "preferred": "preferred",
    "standardizedterm": "preferred",
    "legalterm": "preferred",
    "regulatedterm": "preferred",
    "admittedterm": "admitted",
    "admitted": "admitted",
    "deprecatedterm": "deprecated",
    "deprecated": "deprecated",
    "notrecommended": "deprecated",
    "supersededterm": "forbidden",
    "superseded": "forbidden",
    "obsolete": "forbidden",
    "forbidden": "forbidden",
}
#: partOfSpeech → glossary pos; ``other`` only counts together with a termType
POS_VALUES: dict[str, str] = {
    "noun": "noun",
    "propernoun": "proper-noun",
    "adjective": "adjective",
    "verb": "verb",
    "other": "other",
}
#: termType → glossary pos (fullForm, variant… have no glossary field)
TERM_TYPE_VALUES: dict[str, str] = {
    "phrase": "phrase",
    "abbreviation": "abbreviation",
    "acronym": "abbreviation",
    "initialism": "abbreviation",
    "shortform": "abbreviation",
}
#: grammaticalGender → glossary gender (TBX ``other`` is the glossary's ``common``)
GENDER_VALUES: dict[str, str] = {
    "masculine": "m",
    "feminine": "f",
    "neuter": "n",
    "other": "common",
    "common": "common",
}
