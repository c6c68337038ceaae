"""Writing PO files: templates, new catalogues, merges (GNU msgmerge), translations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import InputError
from toolkit.fileio import display_path

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

    try:
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
    except FileNotFoundError as exc:
        raise InputError("GNU gettext (msgfmt) is required: apt-get install gettext") from exc
    if result.returncode == 0:
        return None
    return (result.stderr.strip().splitlines() or ["msgfmt failed"])[0]


def derive_catalog(
    source: str | Path, path: str | Path, locale: str, convert: Callable[[str], str]
) -> bool:
    """Write ``path`` as a copy of the catalogue ``source`` with every msgstr converted
    (kk → kk@latin by transliteration); flags and comments are kept, the header says
    ``locale``. Written only when the content changes; returns whether it was written."""
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
        return False
    from toolkit.fileio import atomic_write_text

    atomic_write_text(path, text)
    return True


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
