"""The files of an archive: which kind each is, and its text.

Markdown (``.md``, ``.markdown``), HTML (``.html``, ``.htm``) and plain text (``.txt``) are
converted; every other file is copied as it is, so that the output is a whole mirror
(images, style sheets). Text must be UTF-8 (a byte-order mark is allowed and kept out of
the text); a file with a NUL byte is binary, whatever its name says.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import PurePath

from toolkit.errors import InputError

#: file name suffix (lower case) -> kind of document
KINDS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}
#: the kind of a file that is copied, not converted
COPY = "copy"
_BOM = b"\xef\xbb\xbf"
#: joins the pieces of a document converted in one call: a line end on each side (no letter
#: rule, glossary term or protected span reaches across one) around a NUL, which no text of
#: the toolkit holds (a document with one is binary)
_JOIN = "\n\0\n"


class UnreadableFile(InputError):
    """A file of the archive that cannot be converted (binary, not UTF-8, broken HTML):
    reported with its one-line reason and skipped; the run goes on."""


def kind_of(path: str | PurePath) -> str:
    """The kind of document ``path`` names by its suffix.

    >>> kind_of("2019/03/almaty.MD"), kind_of("a/b.htm"), kind_of("logo.png")
    ('markdown', 'html', 'copy')
    """
    return KINDS.get(os.path.splitext(path)[1].lower(), COPY)  # (PurePath's parse costs more)


def decode_document(data: bytes, shown: str) -> tuple[str, bytes]:
    """(text, byte-order mark) of a document's bytes.

    Raises :class:`UnreadableFile` for a binary file (a NUL byte) or bytes that are not
    UTF-8, naming the line.

    >>> decode_document(b"\\xef\\xbb\\xbf\\xd0\\x90", "a.txt")
    ('А', b'\\xef\\xbb\\xbf')
    >>> decode_document(b"ok\\n\\xff", "a.txt")
    Traceback (most recent call last):
    ...
    toolkit.archive.documents.UnreadableFile: a.txt:2: not valid UTF-8 (byte 0xff)
    """
    nul = data.find(b"\0")
    if nul >= 0:
        raise UnreadableFile(f"binary file (a NUL byte at offset {nul})", path=shown)
    bom = _BOM if data.startswith(_BOM) else b""
    try:
        return data[len(bom) :].decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        at = exc.start + len(bom)
        line = data.count(b"\n", 0, at) + 1
        raise UnreadableFile(
            f"not valid UTF-8 (byte 0x{data[at]:02x})", path=shown, line=line
        ) from None


def convert_pieces(pieces: list[str], convert: Callable[[str], str]) -> list[str]:
    """``[convert(piece) for piece in pieces]`` in one call of ``convert``: a document's
    text nodes are many and short, and each call has its own cost.

    >>> convert_pieces(["ab", "", "c\\nd"], str.upper)
    ['AB', '', 'C\\nD']
    """
    if len(pieces) < 2:
        return [convert(piece) for piece in pieces]
    converted = convert(_JOIN.join(pieces)).split(_JOIN)
    if len(converted) != len(pieces):  # a piece held the separator after all: one by one
        return [convert(piece) for piece in pieces]
    return converted
