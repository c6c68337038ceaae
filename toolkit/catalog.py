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
    import polib

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
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        found = _SYNTAX_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        raise InputError("PO syntax error", path=shown, line=line) from exc
    _syntax_check(path, shown, raw)
    lines = text.splitlines()
    entries = [_entry(e, lines) for e in po]
    metadata = dict(po.metadata)
    locale, language = language_of(path, metadata)
    return Catalog(str(path), locale, language, entries, metadata)


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
