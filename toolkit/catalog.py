"""Gettext PO catalogues: the only module that imports polib.

Everything else sees :class:`Catalog` and :class:`Entry`, plain values with the line number of
each entry's ``msgid`` (the line an editor jumps to), the catalogue's language mapped to the
glossary's language codes (``kk@latin`` → ``kk-Latn``), and typed errors with file and line.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import InputError
from toolkit.fileio import display_path

#: PO locale → glossary language.
LOCALE_TO_LANGUAGE = {
    "en": "en",
    "kk": "kk",
    "kk_KZ": "kk",
    "kk@latin": "kk-Latn",
    "kk_KZ@latin": "kk-Latn",
    "kk-Latn": "kk-Latn",
    "kk_Latn": "kk-Latn",
    "ru": "ru",
    "ru_RU": "ru",
    "ru_KZ": "ru",
}
_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")
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


def language_of(path: Path, metadata: dict[str, str]) -> tuple[str, str]:
    """(locale, glossary language) from the ``Language`` header or ``locales/<lang>/``."""
    locale = metadata.get("Language", "").strip()
    if not locale and path.parent.name == "LC_MESSAGES":
        locale = path.parent.parent.name
    return locale, LOCALE_TO_LANGUAGE.get(locale, "")


def read_catalog(path: str | Path) -> Catalog:
    """Read a PO file. Raises InputError (file and line) when it is not valid PO or UTF-8."""
    path = Path(path)
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=shown) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path=shown, line=line) from exc
    lines = text.splitlines()
    parsed = parse_entries(text, lines)
    if parsed is None:  # something the fast reader leaves to polib (errors, odd layouts)
        parsed = _parse_with_polib(text, lines, shown)
    _syntax_check(path, shown, raw)
    entries, metadata = parsed
    locale, language = language_of(path, metadata)
    return Catalog(str(path), locale, language, entries, metadata)


def _parse_with_polib(text: str, lines: list[str], shown: str) -> tuple[list[Entry], dict]:
    """The reference reader: polib. Raises InputError (with polib's line) on a syntax error."""
    import polib

    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        found = _SYNTAX_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        raise InputError("PO syntax error", path=shown, line=line) from exc
    return [_entry(e, lines) for e in po], dict(po.metadata)


# -- the fast reader -----------------------------------------------------------------------
# A line-for-line port of polib's parser (polib 1.2 ``_POFileParser``: the same tokenising,
# the same state machine, the same unescaping, the same header rules) without its per-line
# machinery: no POEntry objects, no dispatch through exceptions. It returns None wherever
# polib would raise (and in the rare layouts it does not reproduce: several header
# entries, text that names an existing file), and read_catalog then asks polib itself, so an
# error always comes from polib. tests/test_catalog_reader.py compares the two readers.

_KEYWORDS = {"msgctxt": "ct", "msgid": "mi", "msgstr": "ms", "msgid_plural": "mp"}
_PREVIOUS_KEYWORDS = {"msgid_plural": "pp", "msgid": "pm", "msgctxt": "pc"}
_STATES = ("st", "he", "gc", "oc", "fl", "ct", "pc", "pm", "pp", "tc", "ms", "mp", "mx", "mi")
#: symbol -> states it may follow (polib's transition table; every symbol's next state is
#: the symbol itself, except a comment at the start of the file, which is header: "he").
_FOLLOWS = {
    "tc": frozenset(_STATES) - {"ct", "mc"},
    "gc": frozenset(_STATES),
    "oc": frozenset(_STATES),
    "fl": frozenset(_STATES),
    "pc": frozenset(_STATES),
    "pm": frozenset(_STATES),
    "pp": frozenset(_STATES),
    "ct": frozenset({"st", "he", "gc", "oc", "fl", "tc", "pc", "pm", "pp", "ms", "mx"}),
    "mi": frozenset({"st", "he", "gc", "oc", "fl", "ct", "tc", "pc", "pm", "pp", "ms", "mx"}),
    "mp": frozenset({"tc", "gc", "pc", "pm", "pp", "mi"}),
    "ms": frozenset({"mi", "mp", "tc"}),
    "mx": frozenset({"mi", "mx", "mp", "tc"}),
    "mc": frozenset({"ct", "mi", "mp", "ms", "mx", "pm", "pp", "pc"}),
}
_UNESCAPED_QUOTE = re.compile(r'([^\\]|^)"')
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\"}
_BOM = "\ufeff"


def _unescape_match(match: re.Match[str]) -> str:
    found = match.group(1)
    return _ESCAPES.get(found, found)  # an escaped double quote stands for itself


def _unescape(text: str) -> str:
    """polib.unescape: ``\\\\ \\t \\n \\r \\v \\b \\f \\"``, nothing else."""
    return _ESCAPE.sub(_unescape_match, text) if "\\" in text else text


class _Fallback(Exception):
    """Raised inside the fast reader where polib would raise: polib reads the file instead."""


def parse_entries(
    text: str, lines: list[str] | None = None
) -> tuple[list[Entry], dict[str, str]] | None:
    """(entries, header metadata) of PO ``text`` exactly as polib reads them, or None when
    the text is something only polib should judge (a syntax error, several header entries).
    ``lines`` is ``text.splitlines()`` when the caller has it already."""
    import os

    if lines is None:
        lines = text.splitlines()
    # polib.pofile(text) first asks whether the text is the name of a file (and then reads
    # that file): leave that curiosity to polib. No path is 4096 bytes long.
    if len(text) < 4096:
        try:
            if os.path.isfile(text):
                return None
        except (TypeError, ValueError, UnicodeEncodeError):
            pass
    try:
        records = _records(lines)
    except (_Fallback, ValueError, IndexError, KeyError, TypeError):
        return None
    # polib's header: the live entry with an empty msgid, taken out of the entries
    headers = [i for i, r in enumerate(records) if r[0] == "" and not r[6]]
    metadata: dict[str, str] = {}
    if len(headers) > 1:
        return None  # polib's choice among several is intricate: let it choose
    if headers:
        header = records.pop(headers[0])
        key = None
        for row in header[1].splitlines():
            try:
                key, value = row.split(":", 1)
                metadata[key] = value.strip()
            except ValueError:
                if key is not None:
                    metadata[key] += "\n" + row.strip()
    entries = []
    add = entries.append
    msgid_line = _msgid_line
    for msgid, msgstr, ctxt, plural, plurals, flags, obsolete, tc, gc, occ, start, at in records:
        # The line of the msgid keyword, as _msgid_line finds it: the first line from the
        # entry's start that begins with the keyword. That is the (only) msgid line the
        # parser saw when it begins with the keyword as written; otherwise search.
        keyword = "#~ msgid " if obsolete else "msgid "
        if not (at > 0 and lines[at - 1].startswith(keyword)):
            at = msgid_line(start or 1, lines, obsolete)
        add(
            Entry(msgid, msgstr, at, ctxt, plural, plurals, "fuzzy" in flags, bool(obsolete),
                  tc, gc, tuple(occ))
        )  # fmt: skip
    return entries, metadata


def _records(lines: list[str]) -> list[tuple]:
    """polib's state machine over ``lines``; one tuple per entry (header included):
    (msgid, msgstr, msgctxt, msgid_plural, msgstr_plural, flags, obsolete, translator
    comment, extracted comment, occurrences, line the entry starts at, line of its msgid
    keyword: 0 when it has none, -1 when it has several)."""
    keywords, previous_keywords, follows = _KEYWORDS, _PREVIOUS_KEYWORDS, _FOLLOWS
    follows_mi, follows_ms, follows_mc = follows["mi"], follows["ms"], follows["mc"]
    quote_search = _UNESCAPED_QUOTE.search
    unescape = _unescape
    records: list[tuple] = []
    append = records.append

    state = "st"
    last_is_comment = True  # polib's test at the end: the last line's first token is #...
    plural_index = 0
    # the current entry
    msgid = msgstr = plural = tc = gc = ""
    msgctxt: str | None = None
    plurals: dict[int, str] = {}
    flags: list[str] = []
    occurrences: list[tuple[str, str]] = []
    obsolete = 0
    start = at = 0

    if lines and lines[0].startswith(_BOM):
        lines = [lines[0][1:], *lines[1:]]
    number = 0
    for line in lines:
        number += 1
        line = line.strip()
        if not line:
            continue
        # The common lines first, each exactly as the general tokenising below reads it.
        head = line[0]
        if head == '"':  # a continuation line
            last_is_comment = False
            inner = line[1:-1]
            if '"' in inner and quote_search(inner):
                raise _Fallback
            if state not in follows_mc:
                raise _Fallback
            token = unescape(inner) if "\\" in inner else inner
            if state == "mi":
                msgid += token
            elif state == "ms":
                msgstr += token
            elif state == "mx":
                plurals[plural_index] += token
            elif state == "ct":
                msgctxt += token  # type: ignore[operator]  # set by the msgctxt line
            elif state == "mp":
                plural += token
            continue  # pc, pm, pp: previous strings, not kept
        if head == "m" and line.startswith('msgstr "'):
            last_is_comment = False
            inner = line[8:-1]
            if '"' in inner and quote_search(inner):
                raise _Fallback
            if state not in follows_ms:
                raise _Fallback
            msgstr = unescape(inner) if "\\" in inner else inner
            state = "ms"
            continue
        if head == "m" and line.startswith('msgid "'):
            last_is_comment = False
            inner = line[7:-1]
            if '"' in inner and quote_search(inner):
                raise _Fallback
            symbol, line, entry_obsolete = "mi", line[6:], 0
        else:
            # polib's tokenising, step by step
            tokens = line.split(None, 2)
            first = tokens[0]
            last_is_comment = first.startswith("#")
            if first == "#~|":
                continue
            if first == "#~" and len(tokens) > 1:
                line = line[3:].strip()
                tokens = tokens[1:]
                first = tokens[0]
                last_is_comment = first.startswith("#")
                entry_obsolete = 1
            else:
                entry_obsolete = 0
            count = len(tokens)

            if first in keywords and count > 1:
                line = line[len(first) :].lstrip()
                inner = line[1:-1]
                if '"' in inner and quote_search(inner):
                    raise _Fallback
                symbol = keywords[first]
            elif first == "#:":
                if count <= 1:
                    continue
                symbol = "oc"
            elif line[:1] == '"':
                inner = line[1:-1]
                if '"' in inner and quote_search(inner):
                    raise _Fallback
                symbol = "mc"
            elif line[:7] == "msgstr[":
                symbol = "mx"
            elif first == "#,":
                if count <= 1:
                    continue
                symbol = "fl"
            elif first == "#" or first.startswith("##"):
                symbol = "tc"
            elif first == "#.":
                if count <= 1:
                    continue
                symbol = "gc"
            elif first == "#|":
                if count <= 1:
                    raise _Fallback
                line = line[2:].lstrip()
                if tokens[1].startswith('"'):
                    symbol = "mc"
                elif count == 2 or tokens[1] not in previous_keywords:
                    raise _Fallback
                else:
                    line = line[len(tokens[1]) :].lstrip()
                    symbol = previous_keywords[tokens[1]]
            else:
                raise _Fallback

            if state not in follows[symbol]:
                raise _Fallback
            if symbol == "mc":  # continuation: the state stays
                token = unescape(line[1:-1])
                if state == "mi":
                    msgid += token
                elif state == "ms":
                    msgstr += token
                elif state == "mx":
                    plurals[plural_index] += token
                elif state == "ct":
                    msgctxt += token  # type: ignore[operator]  # set by the msgctxt line
                elif state == "mp":
                    plural += token
                continue  # pc, pm, pp: previous strings, not kept
            if symbol == "tc" and state in ("st", "he"):
                state = "he"  # the file's header comment: not part of an entry
                continue
            if symbol in ("ms", "mp", "mx"):
                if symbol == "ms":
                    msgstr = unescape(line[1:-1])
                elif symbol == "mp":
                    plural = unescape(line[1:-1])
                else:
                    index = int(line[7])
                    plurals[index] = unescape(line[line.find('"') + 1 : -1])
                    plural_index = index
                state = symbol
                continue

        if symbol == "mi" and state not in follows_mi:
            raise _Fallback
        if state in ("ms", "mx"):  # a comment or keyword after a msgstr starts an entry
            append((msgid, msgstr, msgctxt, plural, plurals, flags, obsolete, tc, gc,
                    occurrences, start, at))  # fmt: skip
            msgid = msgstr = plural = tc = gc = ""
            msgctxt = None
            plurals, flags, occurrences = {}, [], []
            obsolete = at = 0
            start = number
        if symbol == "mi":
            obsolete = entry_obsolete
            msgid = unescape(line[1:-1])
            at = -1 if at else number
        elif symbol == "oc":
            for occurrence in line[3:].split():
                try:
                    name, where = occurrence.rsplit(":", 1)
                except ValueError:
                    occurrences.append((occurrence, ""))
                    continue
                occurrences.append((name, where) if where.isdigit() else (occurrence, ""))
        elif symbol == "tc":
            comment = line.lstrip("#")
            if comment.startswith(" "):
                comment = comment[1:]
            tc = f"{tc}\n{comment}" if tc != "" else comment
        elif symbol == "ct":
            msgctxt = unescape(line[1:-1])
        elif symbol == "fl":
            flags += [flag.strip() for flag in line[3:].split(",")]
        elif symbol == "gc":
            gc = f"{gc}\n{line[3:]}" if gc != "" else line[3:]
        # pc, pm, pp: previous strings (#| lines), not kept
        state = symbol

    if number and not last_is_comment:  # polib drops an entry of trailing comments
        append((msgid, msgstr, msgctxt, plural, plurals, flags, obsolete, tc, gc,
                occurrences, start, at))  # fmt: skip
    return records


_MSGFMT_PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<message>.*)$")


class _Verified:
    """Digests of PO contents msgfmt has already accepted (kept in the user cache), so a
    file is run through msgfmt once per change, not once per read."""

    def __init__(self) -> None:
        self._digests: set[str] | None = None

    def _path(self) -> Path:
        from toolkit.glossary.cache import cache_dir

        return cache_dir() / "po-verified.txt"

    def _load(self) -> set[str]:
        if self._digests is None:
            try:
                self._digests = set(self._path().read_text("ascii").split())
            except OSError:
                self._digests = set()
        return self._digests

    def __contains__(self, digest: str) -> bool:
        return digest in self._load()

    def add(self, digest: str) -> None:
        from toolkit.fileio import atomic_write_text

        digests = self._load()
        digests.add(digest)
        kept = sorted(digests)[-20000:]  # bounded: old entries only cost a msgfmt run
        # A read-only cache only costs the next read a msgfmt run.
        with contextlib.suppress(OSError):
            atomic_write_text(self._path(), "\n".join(kept))


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


def _msgid_line(start: int, lines: list[str], obsolete: bool) -> int:
    """The line of the msgid of the entry that starts at line ``start`` (1-based)."""
    keyword = "#~ msgid " if obsolete else "msgid "
    for number in range(max(start, 1), len(lines) + 1):
        if lines[number - 1].startswith(keyword):
            return number
    return start


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
    )


def find_catalogs(paths: list[str | Path]) -> list[Path]:
    """PO files named directly or found (recursively) under folders, in a stable order.

    Raises InputError for a path that does not exist.
    """
    found: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found.extend(sorted(p.rglob("*.po")))
        elif p.is_file():
            found.append(p)
        else:
            raise InputError("no such file or folder", path=display_path(p))
    return found


# -- writing -------------------------------------------------------------------------------

#: line width of every PO file the toolkit writes (GNU gettext's default)
WRAP_WIDTH = 79


@dataclass(frozen=True, slots=True)
class TemplateEntry:
    """One entry of a template (POT): source text, context, references, hints."""

    msgid: str
    msgctxt: str | None = None
    occurrences: tuple[tuple[str, str], ...] = ()
    comment: str = ""  # extracted comment (#.): hints for the translator
    flags: tuple[str, ...] = ()


def _header(language: str | None) -> dict[str, str]:
    header = {
        "Project-Id-Version": "toolkit articles",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    header["PO-Revision-Date"] = "YEAR-MO-DA HO:MI+ZONE"  # gettext's placeholders: no dates,
    header["Last-Translator"] = "FULL NAME <EMAIL@ADDRESS>"  # so rewrites are byte-stable
    header["Language-Team"] = "LANGUAGE <LL@li.org>"
    if language:
        from babel.messages.plurals import get_plural

        base = language.split("@")[0]
        plural = get_plural(base)
        header["Language"] = language
        header["Plural-Forms"] = f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"
    return header


def _save(po, path: Path) -> None:  # po: polib.POFile
    from toolkit.fileio import atomic_write_text

    po.wrapwidth = WRAP_WIDTH
    atomic_write_text(path, str(po))


def write_template(path: str | Path, entries: list[TemplateEntry]) -> bool:
    """Write a POT file (atomically) with these entries, in this order; False (and nothing
    written) when the file already has exactly this content."""
    import polib

    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = _header(None)
    for e in entries:
        po.append(
            polib.POEntry(
                msgid=e.msgid,
                msgstr="",
                msgctxt=e.msgctxt,
                occurrences=list(e.occurrences),
                comment=e.comment,
                flags=list(e.flags),
            )
        )
    path = Path(path)
    po.wrapwidth = WRAP_WIDTH
    if path.is_file() and path.read_text(encoding="utf-8") == str(po):
        return False
    _save(po, path)
    return True


def create_catalog(template: str | Path, path: str | Path, locale: str) -> None:
    """A new PO file for ``locale`` from a template, with the header from Babel's CLDR data
    (Language, Plural-Forms)."""
    import polib

    pot = polib.pofile(str(template), wrapwidth=WRAP_WIDTH)
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = _header(locale)
    for entry in pot:
        po.append(entry)
    _save(po, Path(path))


def merge_catalog(path: str | Path, template: str | Path) -> None:
    """Merge a template into an existing PO file with GNU msgmerge (translations kept, changed
    entries fuzzy with their previous msgid, vanished ones obsolete, translator comments
    untouched), then normalise the layout with polib so rewrites are byte-stable."""
    import subprocess
    import tempfile

    import polib

    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp) / "merged.po"
        result = subprocess.run(
            ["msgmerge", "--quiet", "--previous", "-o", str(merged), str(path), str(template)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            message = (result.stderr.strip().splitlines() or ["msgmerge failed"])[-1]
            raise InputError(f"msgmerge: {message}", path=display_path(path))
        po = polib.pofile(str(merged), wrapwidth=WRAP_WIDTH)
    _save(po, path)


def set_translations(
    path: str | Path, changes: dict[tuple[str | None, str], tuple[str, bool]]
) -> int:
    """Set msgstr (and the fuzzy flag) of entries keyed by (msgctxt, msgid); returns how many
    entries changed. The file is rewritten atomically only when something changed."""
    import polib

    path = Path(path)
    po = polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
    changed = 0
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        if key not in changes or entry.obsolete:
            continue
        msgstr, fuzzy = changes[key]
        was_fuzzy = "fuzzy" in entry.flags
        if entry.msgstr == msgstr and was_fuzzy == fuzzy:
            continue
        entry.msgstr = msgstr
        if fuzzy and not was_fuzzy:
            entry.flags.append("fuzzy")
        elif not fuzzy and was_fuzzy:
            entry.flags.remove("fuzzy")
        changed += 1
    if changed:
        _save(po, path)
    return changed


def check_with_msgfmt(path: str | Path) -> str | None:
    """GNU msgfmt --check on a PO file: None when valid, else its first complaint."""
    import subprocess

    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    if result.returncode == 0:
        return None
    return (result.stderr.strip().splitlines() or ["msgfmt failed"])[0]


def derive_catalog(
    source: str | Path, path: str | Path, locale: str, convert: Callable[[str], str]
) -> None:
    """Write ``path`` as a copy of the catalogue ``source`` with every msgstr converted
    (kk → kk@latin by transliteration); flags and comments are kept, the header says
    ``locale``. Written only when the content changes."""
    import polib

    po = polib.pofile(str(source), wrapwidth=WRAP_WIDTH)
    po.metadata["Language"] = locale
    for entry in po:
        if entry.msgstr:
            entry.msgstr = convert(entry.msgstr)
        for key, value in list(entry.msgstr_plural.items()):
            entry.msgstr_plural[key] = convert(value) if value else value
    path = Path(path)
    po.wrapwidth = WRAP_WIDTH
    text = str(po)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    from toolkit.fileio import atomic_write_text

    atomic_write_text(path, text)


def glossary_catalog_text(entries: list, locale: str) -> str:
    """A glossary PO file for ``locale`` (``kk``, ``kk@latin``, ``ru``) as text: one entry per
    item of ``entries`` (objects with ``msgid``, ``msgstr``, ``msgctxt`` and ``comment``, e.g.
    :class:`toolkit.glossary.bilingual.GlossaryEntry`), the comment as extracted comment
    (``#.``). No dates in the header, so the same glossary gives the same bytes."""
    import polib

    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = _header(locale)
    po.metadata["Project-Id-Version"] = "toolkit glossary"
    for e in entries:
        po.append(
            polib.POEntry(msgid=e.msgid, msgstr=e.msgstr, msgctxt=e.msgctxt, comment=e.comment)
        )
    return str(po)


def write_glossary_catalog(path: str | Path, entries: list, locale: str) -> None:
    """Write :func:`glossary_catalog_text` to ``path`` atomically."""
    from toolkit.fileio import atomic_write_text

    atomic_write_text(path, glossary_catalog_text(entries, locale))
