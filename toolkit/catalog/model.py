"""What a PO catalogue is to the rest of the toolkit: entries and catalogues as plain values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import InputError
from toolkit.fileio import display_path

_IGNORE = re.compile(r"^\s*toolkit:\s*ignore\b(.*)$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One translation unit of a catalogue."""

    msgid: str
    msgstr: str
    line: int  # line of the msgid keyword in the file
    msgctxt: str | None = None
    msgid_plural: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False
    obsolete: bool = False
    translator_comment: str = ""
    extracted_comment: str = ""
    occurrences: tuple[tuple[str, str], ...] = ()
    #: the ``#,`` flags as written (fuzzy, c-format, python-brace-format, no-c-format, ...)
    flags: tuple[str, ...] = ()

    @property
    def translations(self) -> list[str]:
        """The translated strings: msgstr, or every plural form."""
        if self.msgid_plural:
            return [self.msgstr_plural[k] for k in sorted(self.msgstr_plural)]
        return [self.msgstr]

    @property
    def translated(self) -> bool:
        """True when every translated string is non-empty."""
        return all(self.translations)

    def ignored_checks(self) -> frozenset[str] | None:
        """Checks switched off by a translator comment ``toolkit: ignore ID[, ID...]``.

        None when nothing is ignored; an empty set means "ignore every check".

        >>> Entry("a", "b", 1, translator_comment="toolkit: ignore missing_term").ignored_checks()
        frozenset({'missing_term'})
        >>> Entry("a", "b", 1, translator_comment="toolkit: ignore").ignored_checks()
        frozenset()
        """
        ids: set[str] = set()
        found = False
        for match in _IGNORE.finditer(self.translator_comment):
            found = True
            ids.update(x for x in re.split(r"[\s,]+", match.group(1)) if x)
        return frozenset(ids) if found else None


@dataclass(frozen=True, slots=True)
class Catalog:
    """A PO file: its entries (without the header) and what its header says."""

    path: str
    locale: str  # as written in the file or its folder (kk@latin)
    language: str  # glossary language (kk-Latn); "" when unknown
    entries: list[Entry]
    metadata: dict[str, str]

    def find(self, msgid: str, msgctxt: str | None = None) -> Entry | None:
        """The live entry with this msgid (and context), or None."""
        for entry in self.entries:
            if entry.msgid == msgid and entry.msgctxt == msgctxt and not entry.obsolete:
                return entry
        return None


def find_catalogs(paths: list[str | Path]) -> list[Path]:
    """PO files named directly or found (recursively) under folders, in a stable order; a file
    named twice (a folder and a file inside it) is checked once.

    Raises InputError for a path that does not exist.
    """
    found: dict[Path, Path] = {}  # resolved -> as named, first naming kept
    for item in paths:
        p = Path(item)
        if p.is_dir():
            named = sorted(p.rglob("*.po"))
        elif p.is_file():
            named = [p]
        elif p.exists():
            # a pipe or device: msgfmt reads a catalogue a second time, which a pipe cannot give
            raise InputError("not a regular file (a pipe or a device)", path=display_path(p))
        else:
            raise InputError("no such file or folder", path=display_path(p))
        for path in named:
            found.setdefault(path.resolve(), path)
    return list(found.values())


def msgid_keyword_line(start: int, lines: list[str], obsolete: bool) -> int:
    """The line of the msgid of the entry that starts at line ``start`` (1-based)."""
    keyword = "#~ msgid " if obsolete else "msgid "
    for number in range(max(start, 1), len(lines) + 1):
        if lines[number - 1].startswith(keyword):
            return number
    return start
