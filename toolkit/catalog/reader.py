"""Reading PO files: the fast reader, polib as the reference, msgfmt as the judge of syntax."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from toolkit.catalog.fastread import parse_entries
from toolkit.catalog.model import Catalog, Entry, _msgid_line, language_of
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
    _syntax_check(path, shown, raw)
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


_MSGFMT_PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<message>.*)$")


class _Verified:
    """Digests of PO contents msgfmt has already accepted (kept in the user cache), so a
    file is run through msgfmt once per change, not once per read."""

    def __init__(self) -> None:
        self._digests: dict[str, None] | None = None  # ordered: oldest first

    def _path(self) -> Path:
        from toolkit.glossary.cache import cache_dir

        return cache_dir() / "po-verified.txt"

    def _load(self) -> dict[str, None]:
        if self._digests is None:
            try:
                self._digests = dict.fromkeys(self._path().read_text("ascii").split())
            except (OSError, UnicodeDecodeError):  # missing or damaged: start afresh
                self._digests = {}
        return self._digests

    def __contains__(self, digest: str) -> bool:
        return digest in self._load()

    def add(self, digest: str) -> None:
        from toolkit.fileio import atomic_write_text

        digests = self._load()
        digests[digest] = None
        while len(digests) > 20000:  # bounded: the oldest verdicts go first
            del digests[next(iter(digests))]
        # A read-only cache only costs the next read a msgfmt run.
        with contextlib.suppress(InputError):
            atomic_write_text(self._path(), "\n".join(digests))


_VERIFIED = _Verified()


def _syntax_check(path: Path, shown: str, raw: bytes) -> None:
    """polib forgives some broken files (an unterminated string); GNU msgfmt does not, so it
    has the last word on syntax. Raises InputError with msgfmt's line and message."""
    import hashlib
    import subprocess

    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    if digest in _VERIFIED:
        return

    try:
        result = subprocess.run(
            ["msgfmt", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
    except FileNotFoundError as exc:
        raise InputError("GNU gettext (msgfmt) is required: apt-get install gettext") from exc
    if result.returncode == 0:
        _VERIFIED.add(digest)
        return
    for row in result.stderr.splitlines():
        problem = _MSGFMT_PROBLEM.match(row)
        if problem and "warning" not in problem["message"]:
            raise InputError(f"PO syntax: {problem['message']}", shown, int(problem["line"]))
    raise InputError(
        "PO syntax error (msgfmt: " + " ".join(result.stderr.split())[:120] + ")", shown
    )


def _entry(e, lines: list[str]) -> Entry:  # e: polib.POEntry
    return Entry(
        msgid=e.msgid,
        msgstr=e.msgstr,
        line=_msgid_line(e.linenum or 1, lines, e.obsolete),
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
