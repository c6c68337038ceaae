"""What the importers (TBX, CSV) share: language tags, slugs for ids and domains, and the
report of what an import dropped or assumed.

Importing is lenient: what the glossary has a field for is kept, the rest is counted in an
:class:`ImportReport`, whose :meth:`~ImportReport.warnings` the CLI prints once, as a summary.

>>> project_language("ru-RU"), project_language("kk-Latn-KZ"), project_language("de")
('ru', 'kk-Latn', None)
>>> slug("Stellar Birth"), slug("vít_pelčák-0"), slug("Право")
('stellar-birth', 'vit-pelcak-0', '')
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from toolkit.glossary.model import Concept

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def project_language(tag: str) -> str | None:
    """The glossary language of a BCP 47 tag (``en-US`` → ``en``; ``kk``, ``kk-KZ``,
    ``kk-Cyrl`` → ``kk``; ``kk-Latn``, ``kk@latin`` → ``kk-Latn``), None for a language the
    glossary does not have (``de``, ``kk-Arab``). Case, ``_`` for ``-`` and regions are ignored.
    """
    subtags = tag.strip().lower().replace("_", "-").replace("@latin", "-latn").split("-")
    base, rest = subtags[0], subtags[1:]
    if base in ("en", "ru"):
        return base
    if base == "kk":
        if "latn" in rest:
            return "kk-Latn"
        return None if "arab" in rest else "kk"
    return None


def names_script(tag: str) -> bool:
    """True when a language tag has a script subtag (``kk-Cyrl``, ``kk-Latn-KZ``, ``kk@latin``).

    >>> names_script("kk-KZ"), names_script("kk-Latn-KZ")
    (False, True)
    """
    subtags = tag.strip().replace("_", "-").replace("@", "-").split("-")[1:]
    return any(len(s) == 4 and s.isalpha() for s in subtags) or "latin" in subtags


def is_latin_script(text: str) -> bool:
    """True when ``text`` has letters and all of them are Latin.

    >>> is_latin_script("Qazaqstan"), is_latin_script("Қазақстан"), is_latin_script("2024")
    (True, False, False)
    """
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def slug(text: str) -> str:
    """``text`` as a lower-case slug of a-z, 0-9 and hyphens (accents dropped; letters of
    other scripts give nothing, so the caller needs a fallback)."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is not in ``taken``; adds it to ``taken``.

    >>> taken = {"save"}
    >>> unique_id("save", taken), unique_id("save", taken)
    ('save-2', 'save-3')
    """
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _counted(n: int, what: str) -> str:
    """``"3 terms without a status"`` from ``(3, "term{s} without a status")``."""
    return f"{n} " + what.replace("{s}", "" if n == 1 else "s")


@dataclass
class ImportReport:
    """What an import left out (``dropped``) and what it decided for the file
    (``assumed``), each a count per description (``{s}`` in it marks the plural ending)."""

    #: terms of languages the glossary does not have, per language tag as written in the file
    skipped_languages: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    assumed: Counter[str] = field(default_factory=Counter)

    def warnings(self) -> list[str]:
        """At most two summary lines: ``dropped: …`` and ``assumed: …`` (none when the file
        mapped completely)."""
        lines = []
        dropped = []
        if self.skipped_languages:
            total = sum(self.skipped_languages.values())
            tags = ", ".join(tag for tag, _ in self.skipped_languages.most_common())
            dropped.append(f"{total} term{'s' * (total != 1)} in {tags} (not a glossary language)")
        dropped.extend(_counted(n, what) for what, n in self.dropped.most_common())
        if dropped:
            lines.append("dropped: " + "; ".join(dropped))
        if self.assumed:
            lines.append(
                "assumed: " + "; ".join(_counted(n, what) for what, n in self.assumed.most_common())
            )
        return lines


@dataclass
class Imported:
    """The result of an import: the concepts, and the report of what did not map."""

    concepts: list[Concept]
    report: ImportReport

    @property
    def warnings(self) -> list[str]:
        """The report's summary lines."""
        return self.report.warnings()
