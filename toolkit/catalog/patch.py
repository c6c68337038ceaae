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

import codecs
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from toolkit.catalog.model import Entry
from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import WRAP_WIDTH
from toolkit.errors import InputError
from toolkit.fileio import atomic_write_bytes, display_path, read_bytes, write_lock

#: how a PO string writes the characters that cannot stand in it as they are
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
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


def set_translations(
    path: str | Path, changes: dict[tuple[str | None, str], tuple[str, bool]]
) -> int:
    """Set msgstr (and the fuzzy flag) of entries keyed by (msgctxt, msgid); returns how many
    entries changed. Only the lines of those entries change; the file is replaced atomically,
    under its write lock (so a concurrent writer's edit is not lost), when something changed.
    Entries with plural forms and obsolete entries are left alone.
    """
    path = Path(path)
    shown = display_path(path)
    with write_lock(path):
        raw = read_bytes(path, shown)
        catalog = read_catalog(path)
        bom = _BOM if raw.startswith(_BOM) else b""
        charset = _declared_charset(raw, shown)
        text = raw[len(bom) :].decode(charset)
        lines = _LINE.findall(text)
        newline = _newline(lines)
        edits: list[tuple[Entry, _Span, str, bool]] = []
        for entry in catalog.entries:
            key = (entry.msgctxt, entry.msgid)
            if key not in changes or entry.obsolete or entry.msgid_plural:
                continue
            msgstr, fuzzy = changes[key]
            if (entry.msgstr, entry.fuzzy) != (msgstr, fuzzy):
                edits.append((entry, _span(lines, entry.line - 1, shown), msgstr, fuzzy))
        if not edits:
            return 0
        width = WRAP_WIDTH if _wrapped(lines) else 0
        rendered = _render([(e, s, m) for e, s, m, _ in edits], lines, width)
        # From the end of the file backwards, so that earlier line indexes stay valid.
        for (entry, span, _msgstr, fuzzy), new_lines in sorted(
            zip(edits, rendered, strict=True), key=lambda pair: -pair[0][1].first
        ):
            _replace_msgstr(lines, span, new_lines, newline)
            if fuzzy != entry.fuzzy:
                _set_fuzzy(lines, span, fuzzy, newline)
        try:
            data = "".join(lines).encode(charset)
        except UnicodeEncodeError as exc:
            raise InputError(
                f"a new translation has «{exc.object[exc.start : exc.end]}», which the file's "
                f"charset {charset} cannot hold",
                path=shown,
            ) from exc
        atomic_write_bytes(path, bom + data)
    return len(edits)


def _declared_charset(raw: bytes, shown: str) -> str:
    """The charset the header declares (UTF-8 when it declares none), as Python names it."""
    found = _CHARSET.search(raw)  # the header is the first entry: its charset comes first
    name = found.group(1).decode("ascii") if found else "UTF-8"
    try:
        return codecs.lookup(name).name
    except LookupError as exc:
        raise InputError(f"the header declares an unknown charset {name!r}", path=shown) from exc


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


def _render(edits: list[tuple[Entry, _Span, str]], lines: list[str], width: int) -> list[list[str]]:
    """The new ``msgstr`` lines of each edit, laid out by GNU msgcat at ``width`` (0: not
    wrapped). The entry's flags go along, since msgcat does not break inside a format
    directive of a c-format string."""
    parts = ['msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n']
    for number, (_entry, span, msgstr) in enumerate(edits):
        flags = lines[span.flags].rstrip("\r\n") + "\n" if span.flags is not None else ""
        parts.append(f'{flags}msgid "{number}"\nmsgstr "{msgstr.translate(_ESCAPES)}"\n')
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
    for index in reversed(span.previous):
        del lines[index]
    if span.flags is not None:
        body = lines[span.flags].rstrip("\r\n")
        ending = lines[span.flags][len(body) :]
        flags = [f.strip() for f in body[2:].split(",") if f.strip() not in ("fuzzy", "")]
        if flags:
            lines[span.flags] = "#, " + ", ".join(flags) + ending
        else:
            del lines[span.flags]
