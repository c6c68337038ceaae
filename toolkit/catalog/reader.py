"""Reading PO files: the fast reader, polib as the reference, msgfmt as the judge of syntax."""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.catalog.fastread import parse_entries
from toolkit.catalog.model import Catalog, Entry, language_of, msgid_keyword_line
from toolkit.catalog.msgfmt import msgfmt_complaints
from toolkit.errors import InputError
from toolkit.fileio import decode_utf8, display_path, read_bytes

_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")
#: characters str.splitlines() breaks at but a file's lines do not
_EXOTIC_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def read_catalog(path: str | Path) -> Catalog:
    """Read a PO file. Raises InputError (file and line) when it is not valid PO or UTF-8."""
    path = Path(path)
    shown = display_path(path)
    raw = read_bytes(path, shown)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise InputError(
            "starts with a UTF-8 byte-order mark, which GNU gettext rejects: save without it",
            path=shown,
            line=1,
        )
    text = decode_utf8(raw, shown)
    if _EXOTIC_BREAKS.search(text):
        # U+2028, form feed and the like are text inside a PO string, but str.splitlines()
        # (and so polib given a string) would break lines there: read by file lines instead.
        lines = _NEWLINES.split(text)
        parsed = _parse_with_polib(str(path), lines, shown)
    else:
        lines = text.splitlines()
        parsed = parse_entries(text, lines)
        if parsed is None:  # something the fast reader leaves to polib (errors, odd layouts)
            parsed = _parse_with_polib(text, lines, shown)
    _syntax_check(path, shown)
    entries, metadata = parsed
    locale, language = language_of(path, metadata)
    return Catalog(str(path), locale, language, entries, metadata)


def _parse_with_polib(text: str, lines: list[str], shown: str) -> tuple[list[Entry], dict]:
    """The reference reader: polib, given the PO text (or the path of the file). Raises
    InputError (with polib's line) on a syntax error."""
    import polib

    try:
        po = polib.pofile(text, wrapwidth=0, encoding="utf-8")
    except (OSError, ValueError) as exc:
        found = _SYNTAX_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        raise InputError("PO syntax error", path=shown, line=line) from exc
    return [_entry(e, lines) for e in po], dict(po.metadata)


def _syntax_check(path: Path, shown: str) -> None:
    """polib forgives some broken files (an unterminated string); GNU msgfmt does not, so it
    has the last word on syntax. Raises InputError with msgfmt's line and message."""
    complaints = msgfmt_complaints(path, check=False)
    if complaints:
        first = complaints[0]
        raise InputError(f"PO syntax: {first.message}", shown, first.line)


def _entry(e, lines: list[str]) -> Entry:  # e: polib.POEntry
    return Entry(
        msgid=e.msgid,
        msgstr=e.msgstr,
        line=msgid_keyword_line(e.linenum or 1, lines, e.obsolete),
        msgctxt=e.msgctxt,
        msgid_plural=e.msgid_plural or "",
        msgstr_plural={int(k): v for k, v in (e.msgstr_plural or {}).items()},
        fuzzy="fuzzy" in e.flags,
        obsolete=bool(e.obsolete),
        translator_comment=e.tcomment or "",
        extracted_comment=e.comment or "",
        occurrences=tuple(tuple(o) for o in e.occurrences),
        flags=tuple(e.flags),
    )
