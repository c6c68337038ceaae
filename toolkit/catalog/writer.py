"""Writing PO files: templates, new catalogues, merges (GNU msgmerge), translations."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from toolkit.catalog.msgfmt import msgfmt_complaints
from toolkit.errors import InputError
from toolkit.fileio import (
    atomic_write_bytes,
    atomic_write_text,
    display_path,
    read_bytes,
    replace_control_characters,
    write_lock,
)

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


def _write_if_changed(path: Path, text: str) -> bool:
    """Write a file the toolkit generates (a template, a derived catalogue) unless it
    already has exactly this content; returns whether it was written."""
    with write_lock(path):
        if path.is_file() and read_bytes(path, display_path(path)) == text.encode("utf-8"):
            return False
        atomic_write_text(path, text)
    return True


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
    return _write_if_changed(Path(path), str(po))


def create_catalog(template: str | Path, path: str | Path, locale: str) -> None:
    """A new PO file for ``locale`` from a template, with the header from Babel's CLDR data
    (Language, Plural-Forms)."""
    import polib

    pot = polib.pofile(str(template), wrapwidth=WRAP_WIDTH)
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = _header(locale)
    for entry in pot:
        po.append(entry)
    with write_lock(path):
        atomic_write_text(path, str(po))


def merge_catalog(path: str | Path, template: str | Path) -> None:
    """Merge a template into an existing PO file with GNU msgmerge (translations kept, changed
    entries fuzzy with their previous msgid, vanished ones obsolete, translator comments
    untouched). The file gets msgmerge's output as it is, in the file's line endings: the
    layout of gettext's own tools, which is deterministic, so a rewrite is byte-stable."""
    path = Path(path)
    shown = display_path(path)
    with write_lock(path), tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp) / "merged.po"
        try:
            result = subprocess.run(
                ["msgmerge", "--quiet", "--previous", "-o", str(merged), str(path), str(template)],
                capture_output=True,
                text=True,
            )
        except FileNotFoundError as exc:
            raise InputError("GNU gettext (msgmerge) is required: apt-get install gettext") from exc
        if result.returncode != 0:
            message = (result.stderr.strip().splitlines() or ["msgmerge failed"])[-1]
            raise InputError(f"msgmerge: {message}", path=shown)
        before = read_bytes(path, shown)
        after = merged.read_bytes()
        if before.split(b"\n", 1)[0].endswith(b"\r"):  # a CRLF file stays CRLF
            after = after.replace(b"\n", b"\r\n")
        if after != before:
            atomic_write_bytes(path, after)


def check_with_msgfmt(path: str | Path) -> str | None:
    """GNU msgfmt --check on a PO file: None when valid, else its first complaint."""
    complaints = msgfmt_complaints(path)
    if not complaints:
        return None
    first = complaints[0]
    return f"{path}:{first.line}: {first.message}" if first.line else first.message


def derive_catalog(
    source: str | Path, path: str | Path, locale: str, convert: Callable[[str], str]
) -> bool:
    """Write ``path`` as a copy of the catalogue ``source`` with every msgstr converted
    (kk → kk@latin by transliteration); flags and comments are kept, the header says
    ``locale``. Written only when the content changes; returns whether it was written."""
    import polib

    po = polib.pofile(str(source), wrapwidth=WRAP_WIDTH)
    po.metadata["Language"] = locale
    if po.encoding.lower().replace("-", "") != "utf8":
        # the source's 8-bit charset (KOI8-R, RK1048) lacks the converted letters: UTF-8
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        po.encoding = "utf-8"
    for entry in po:
        if entry.msgstr:
            entry.msgstr = convert(entry.msgstr)
        for key, value in list(entry.msgstr_plural.items()):
            entry.msgstr_plural[key] = convert(value) if value else value
    return _write_if_changed(Path(path), str(po))


def glossary_catalog_text(entries: list, locale: str) -> str:
    """A glossary PO file for ``locale`` (``kk``, ``kk@latin``, ``ru``) as text: one entry per
    item of ``entries`` (objects with ``msgid``, ``msgstr``, ``msgctxt`` and ``comment``, e.g.
    :class:`toolkit.glossary.bilingual.GlossaryEntry`), the comment as extracted comment
    (``#.``). No dates in the header, so the same glossary gives the same bytes."""
    import polib

    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = _header(locale)
    po.metadata["Project-Id-Version"] = "toolkit glossary"
    clean = replace_control_characters  # a lint error, but a NUL would break the catalogue
    for e in entries:
        po.append(
            polib.POEntry(
                msgid=clean(e.msgid),
                msgstr=clean(e.msgstr),
                msgctxt=clean(e.msgctxt) if e.msgctxt else e.msgctxt,
                comment=clean(e.comment) if e.comment else e.comment,
            )
        )
    return str(po)


def write_glossary_catalog(path: str | Path, entries: list, locale: str) -> None:
    """Write :func:`glossary_catalog_text` to ``path`` atomically."""
    atomic_write_text(path, glossary_catalog_text(entries, locale))
