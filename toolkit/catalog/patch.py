"""Editing a PO file in place: only the lines of the entries that change are rewritten.

A translator's PO file is under version control and was written by another tool (Weblate,
Poedit, msgmerge, a text editor). Writing it out again through a PO library would re-wrap its
lines, reorder its header and change its line endings, burying a one-word change in a diff of
hundreds of lines. Here the file is patched as text instead: the ``msgstr`` lines of a changed
entry (and its ``#,`` flags line when the fuzzy mark changes) are replaced, every other byte is
kept — line endings (LF, CRLF), the charset the header declares, the trailing newline or its
absence. The new ``msgstr`` is laid out by GNU ``msgcat`` itself, at the width of the file
(79 columns, or not wrapped at all when the file has longer lines), so it looks as if
gettext's own tools had written it.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from toolkit.catalog.model import Entry
from toolkit.catalog.reader import declared_charset, read_catalog
from toolkit.catalog.writer import WRAP_WIDTH
from toolkit.errors import InputError
from toolkit.fileio import atomic_write_bytes, display_path, read_bytes, write_lock

#: how a PO string writes the characters that cannot stand in it as they are
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_BOM = b"\xef\xbb\xbf"
#: the lines of one entry in msgcat's output: the msgid, then the msgstr it came with
_RENDERED = re.compile(r'^msgid "(\d+)"\n(msgstr .*?)(?=\n\n|\n?\Z)', re.MULTILINE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Span:
    """Where one entry's parts are, as 0-based line indexes of the file."""

    flags: int | None  # the ``#,`` line
    previous: tuple[int, ...]  # the ``#|`` lines (previous msgid of a fuzzy entry)
    first: int  # the first line after the comments (msgctxt or msgid)
    msgstr: range  # the ``msgstr`` line and its continuation lines


@dataclass(frozen=True, slots=True)
class _Edit:
    """One entry to change: where it is, what it says now, what it is to say."""

    span: _Span
    entry: Entry
    msgstr: str
    fuzzy: bool
    #: a translator comment (``#``) to add, and the previous msgid (``#|``) to set
    comment: str = ""
    previous: str | None = None


#: what a rewrite makes of one entry: (msgstr, fuzzy), or None to leave it as it is; or
#: (msgstr, fuzzy, translator comment to add, previous msgid or None), for a translation
#: taken from elsewhere (a translation memory) that names its origin and its source
Translate = Callable[[Entry], tuple[str, bool] | tuple[str, bool, str, str | None] | None]


@dataclass(frozen=True, slots=True)
class Rewritten:
    """An entry a rewrite changed: the entry as it was, and its new msgstr and fuzzy mark."""

    before: Entry
    msgstr: str
    fuzzy: bool


def set_translations(
    path: str | Path, changes: dict[tuple[str | None, str], tuple[str, bool]]
) -> int:
    """Set msgstr (and the fuzzy flag) of entries keyed by (msgctxt, msgid); returns how many
    entries changed (see :func:`rewrite_translations`)."""
    return len(rewrite_translations(path, lambda e: changes.get((e.msgctxt, e.msgid))))


def rewrite_translations(path: str | Path, translate: Translate) -> list[Rewritten]:
    """Give each entry of the PO file ``path`` what ``translate`` makes of it; returns the
    entries that changed.

    ``translate`` sees each live singular entry as the file has it at the moment of writing:
    the file is read, patched and replaced under its write lock, so an edit another process
    saved meanwhile is seen, not overwritten with a stale copy. Only the lines of the changed
    entries change; plural and obsolete entries are left alone; the file is not touched
    when nothing changes.
    """
    path = Path(path)
    shown = display_path(path)
    with write_lock(path):
        raw = read_bytes(path, shown)
        catalog = read_catalog(path)
        bom = _BOM if raw.startswith(_BOM) else b""
        charset = declared_charset(raw, shown)
        try:
            lines = _LINE.findall(raw[len(bom) :].decode(charset))
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise InputError(f"not valid {charset}", path=shown, line=line) from exc
        edits = []
        for entry in catalog.entries:
            wanted = None if entry.obsolete or entry.msgid_plural else translate(entry)
            if wanted is not None and (wanted[:2] != (entry.msgstr, entry.fuzzy) or wanted[2:]):
                edits.append(_Edit(_span(lines, entry.line - 1, shown), entry, *wanted))
        if not edits:
            return []
        _patch(lines, edits)
        try:
            data = "".join(lines).encode(charset)
        except UnicodeEncodeError as exc:
            raise InputError(
                f"a new translation has «{exc.object[exc.start : exc.end]}», which the file's "
                f"charset {charset} cannot hold",
                path=shown,
            ) from exc
        atomic_write_bytes(path, bom + data)
    return [Rewritten(e.entry, e.msgstr, e.fuzzy) for e in edits]


def _patch(lines: list[str], edits: list[_Edit]) -> None:
    """Apply ``edits`` to the file's ``lines`` (each with its line ending)."""
    newline = _newline(lines)
    retranslated = [e for e in edits if e.msgstr != e.entry.msgstr]
    width = WRAP_WIDTH if _wrapped(lines) else 0
    rendered = iter(_render(retranslated, lines, width))
    # None: the msgstr stays as it is written (only the fuzzy mark changes)
    layouts = [next(rendered) if e.msgstr != e.entry.msgstr else None for e in edits]
    # From the end of the file backwards, so that the line indexes of earlier entries hold.
    for edit, layout in sorted(zip(edits, layouts, strict=True), key=lambda p: -p[0].span.first):
        span = edit.span
        if layout is not None:
            _replace_msgstr(lines, span, layout, newline)
        if edit.previous is not None:
            span = _set_previous(lines, span, edit.previous, newline)
        if edit.fuzzy != edit.entry.fuzzy:
            _set_fuzzy(lines, span, edit.fuzzy, newline)
        if edit.comment:
            _add_comment(lines, span, edit.comment, newline)


def _newline(lines: list[str]) -> str:
    """The file's line ending: that of its first line (LF when it has none)."""
    for line in lines:
        stripped = line.rstrip("\r\n")
        if stripped != line:
            return line[len(stripped) :]
    return "\n"


def _wrapped(lines: list[str]) -> bool:
    """Whether the file's strings are wrapped at gettext's width (else written unwrapped,
    as ``msgcat --no-wrap`` and some editors do): no string line is longer than that."""
    return all(
        len(line.rstrip("\r\n")) <= WRAP_WIDTH
        for line in lines
        if line.lstrip().startswith(('"', "msgid", "msgstr", "msgctxt"))
    )


def _is_continuation(line: str) -> bool:
    return line.lstrip().startswith('"')


def _span(lines: list[str], msgid_index: int, shown: str) -> _Span:
    """The parts of the entry whose ``msgid`` is at ``msgid_index``."""
    index = msgid_index + 1
    while index < len(lines) and _is_continuation(lines[index]):
        index += 1
    if index >= len(lines) or not lines[index].startswith("msgstr"):
        raise InputError("no msgstr after this msgid", path=shown, line=msgid_index + 1)
    end = index + 1
    while end < len(lines) and _is_continuation(lines[end]):
        end += 1
    first, flags, previous = msgid_index, None, []
    above = msgid_index - 1
    while above >= 0:
        line = lines[above]
        if _is_continuation(line):
            # the msgctxt's continuation, or the previous entry's msgstr when no blank line
            # separates the two entries
            top = above
            while top > 0 and _is_continuation(lines[top - 1]):
                top -= 1
            if top == 0 or not lines[top - 1].startswith("msgctxt"):
                break
            first = above = top - 1
        elif line.startswith("msgctxt"):
            first = above
        elif line.startswith("#,"):
            flags = above
        elif line.startswith("#|"):
            previous.append(above)
        elif not line.startswith("#"):
            break  # the blank line (or the end of the entry) before this one
        above -= 1
    return _Span(flags, tuple(sorted(previous)), first, range(index, end))


def _render(edits: list[_Edit], lines: list[str], width: int) -> list[list[str]]:
    """The new ``msgstr`` lines of each edit, laid out by GNU msgcat at ``width`` (0: not
    wrapped). The entry's flags go along, since msgcat does not break inside a format
    directive of a c-format string."""
    if not edits:
        return []
    parts = ['msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n']
    for number, edit in enumerate(edits):
        flags = edit.span.flags
        flags_line = lines[flags].rstrip("\r\n") + "\n" if flags is not None else ""
        escaped = edit.msgstr.translate(_ESCAPES)
        parts.append(f'{flags_line}msgid "{number}"\nmsgstr "{escaped}"\n')
    options = [f"--width={width}"] if width else ["--no-wrap"]
    try:
        result = subprocess.run(
            ["msgcat", *options, "-o", "-", "-"],
            input="\n".join(parts),
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
    except FileNotFoundError as exc:
        raise InputError("GNU gettext (msgcat) is required: apt-get install gettext") from exc
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or ["msgcat failed"])[-1]
        raise InputError(f"msgcat cannot write a translation: {message}")
    found = {int(m.group(1)): m.group(2).split("\n") for m in _RENDERED.finditer(result.stdout)}
    return [found[number] for number in range(len(edits))]


def _replace_msgstr(lines: list[str], span: _Span, new: list[str], newline: str) -> None:
    """Put ``new`` (lines without endings) where the entry's msgstr lines are; the last one
    keeps the ending of the old last line (none at the end of a file without one)."""
    old_last = lines[span.msgstr.stop - 1]
    last_ending = old_last[len(old_last.rstrip("\r\n")) :]
    replacement = [line + newline for line in new[:-1]] + [new[-1] + last_ending]
    lines[span.msgstr.start : span.msgstr.stop] = replacement


def _set_fuzzy(lines: list[str], span: _Span, fuzzy: bool, newline: str) -> None:
    """Add or remove the fuzzy mark, where gettext's tools put it: first on the ``#,`` line,
    which comes after the other comments and before ``#|``. Removing it also removes the
    ``#|`` lines: the previous msgid only explains a fuzzy entry (msgattrib --clear-previous)."""
    if fuzzy:
        if span.flags is None:
            at = span.previous[0] if span.previous else span.first
            lines.insert(at, "#, fuzzy" + newline)
        else:
            line = lines[span.flags]
            lines[span.flags] = "#, fuzzy, " + line[2:].lstrip()
        return
    doomed = list(span.previous)
    if span.flags is not None:
        body = lines[span.flags].rstrip("\r\n")
        ending = lines[span.flags][len(body) :]
        flags = [f.strip() for f in body[2:].split(",") if f.strip() not in ("fuzzy", "")]
        if flags:
            lines[span.flags] = "#, " + ", ".join(flags) + ending
        else:
            doomed.append(span.flags)
    for index in sorted(doomed, reverse=True):
        del lines[index]


def _set_previous(lines: list[str], span: _Span, msgid: str, newline: str) -> _Span:
    """Replace the entry's ``#|`` lines by ``#| msgid "…"``; returns the entry's new span
    (its lines below move down or up)."""
    for index in sorted(span.previous, reverse=True):
        del lines[index]
    first = span.first - len(span.previous)
    lines.insert(first, f'#| msgid "{msgid.translate(_ESCAPES)}"{newline}')
    shift = 1 - len(span.previous)
    moved = range(span.msgstr.start + shift, span.msgstr.stop + shift)
    return _Span(span.flags, (first,), first + 1, moved)


def _add_comment(lines: list[str], span: _Span, comment: str, newline: str) -> None:
    """Add ``comment`` as translator comment lines (``# …``), after the entry's own ones:
    gettext's tools put translator comments first, before ``#.``, ``#:`` and ``#,``."""
    top = next(i for i in (span.flags, *span.previous, span.first) if i is not None)
    while top > 0 and lines[top - 1].startswith("#") and not lines[top - 1].startswith("#~"):
        top -= 1
    at = top
    while at < len(lines) and (lines[at].startswith("# ") or lines[at].rstrip("\r\n") == "#"):
        at += 1
    new = [f"# {line}".rstrip() + newline for line in comment.splitlines()]
    lines[at:at] = new
