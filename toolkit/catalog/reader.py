"""Reading PO files: the fast reader, polib as the reference, msgfmt as the judge of syntax."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from toolkit.catalog.fastread import parse_entries
from toolkit.catalog.language import language_of
from toolkit.catalog.model import Catalog, Entry, msgid_keyword_line
from toolkit.catalog.msgfmt import msgfmt_complaints
from toolkit.errors import InputError
from toolkit.fileio import decode_utf8, display_path, read_bytes

_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")
#: characters str.splitlines() breaks at but a file's lines do not
_EXOTIC_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_NEWLINES = re.compile(r"\r\n|\r|\n")
#: the header entry: ``msgid ""`` first, then its ``msgstr`` lines up to the next blank line
_HEADER_ENTRY = re.compile(
    rb'\A(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*msgid[ \t]+""[ \t]*\r?\n(?:[ \t]*"[^\n]*\r?\n)*'
    rb"[ \t]*msgstr[ \t][^\n]*(?:\r?\n[ \t]*\"[^\n]*)*"
)
_CHARSET = re.compile(rb'Content-Type:[^"\n]*?charset=([^"\\\s;]*)')


def read_catalog(path: str | Path) -> Catalog:
    """Read a PO file in the charset its header declares (UTF-8 when none), as gettext does.

    Its language comes from the ``Language`` header, else its file or folder name
    (:func:`toolkit.catalog.language.language_of`). Raises InputError (file and line) when
    it is not valid PO, its charset is unknown or a byte is not in that charset.
    """
    path = Path(path)
    shown = display_path(path)
    raw = read_bytes(path, shown)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise InputError(
            "starts with a UTF-8 byte-order mark, which GNU gettext rejects: save without it",
            path=shown,
            line=1,
        )
    charset = declared_charset(raw, shown)
    text = decode_utf8(raw, shown) if charset == "utf-8" else _decode(raw, charset, shown)
    if _EXOTIC_BREAKS.search(text):
        # U+2028, form feed and the like are text inside a PO string, but str.splitlines()
        # (and so polib given a string) would break lines there: read by file lines instead.
        lines = _NEWLINES.split(text)
        parsed = _parse_with_polib(str(path), lines, shown, charset)
    else:
        lines = text.splitlines()
        parsed = parse_entries(text, lines)
        if parsed is None:  # something the fast reader leaves to polib (errors, odd layouts)
            parsed = _parse_with_polib(text, lines, shown)
    _syntax_check(path, shown, raw)
    entries, metadata = parsed
    locale, language = language_of(path, metadata)
    return Catalog(str(path), locale, language, entries, metadata)


def declared_charset(raw: bytes, shown: str) -> str:
    """The Python codec of the charset a PO file's header declares (``utf-8`` when it has no
    header or declares none, or gettext's placeholder ``CHARSET``). The header is ASCII, so it
    is found in the bytes, before anything is decoded, as gettext does. Raises InputError
    (the line of the Content-Type header) for a charset Python does not know.

    >>> header = b'msgid ""\\nmsgstr ""\\n"Content-Type: text/plain; charset=KOI8-R\\\\n"\\n'
    >>> declared_charset(header, "x.po")
    'koi8-r'
    """
    header = _HEADER_ENTRY.match(raw)
    found = _CHARSET.search(raw, 0, header.end()) if header else None
    if found is None or found.group(1).upper() in (b"", b"CHARSET"):
        return "utf-8"
    name = found.group(1).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name)
        "".encode(codec.name)  # a text encoding, not base64 or zlib
    except LookupError as exc:
        line = raw.count(b"\n", 0, found.start()) + 1
        message = f"unknown charset {name!r} in the Content-Type header"
        raise InputError(message, shown, line) from exc
    return codec.name


def _decode(raw: bytes, charset: str, shown: str) -> str:
    """``raw`` decoded with the header's charset; InputError naming the line of a byte that is
    not in it."""
    try:
        return raw.decode(charset)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"not valid {charset} (the charset its header declares)"
        raise InputError(message, shown, line) from exc


def _parse_with_polib(
    text: str, lines: list[str], shown: str, charset: str = "utf-8"
) -> tuple[list[Entry], dict]:
    """The reference reader: polib, given the PO text (or the path of the file, read in
    ``charset``). Raises InputError (with polib's line) on a syntax error."""
    import polib

    try:
        po = polib.pofile(text, wrapwidth=0, encoding=charset)
    except (OSError, ValueError) as exc:
        found = _SYNTAX_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        raise InputError("PO syntax error", path=shown, line=line) from exc
    return [_entry(e, lines) for e in po], dict(po.metadata)


def _syntax_check(path: Path, shown: str, raw: bytes) -> None:
    """polib forgives some broken files (an unterminated string); GNU msgfmt does not, so it
    has the last word on syntax. Raises InputError with msgfmt's line and message."""
    complaints = msgfmt_complaints(path, check=False, data=raw)
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
