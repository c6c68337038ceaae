"""Small file helpers shared by every module that reads or writes user files."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from toolkit.errors import InputError


def display_path(path: str | os.PathLike[str]) -> str:
    """The path as the user would type it: relative to the working directory when inside it.

    >>> display_path(Path.cwd() / "glossary" / "places.yaml")
    'glossary/places.yaml'
    """
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def decode_utf8(raw: bytes, shown: str, error: type[InputError] = InputError) -> str:
    """``raw`` as UTF-8 text; a byte that is not UTF-8 raises ``error`` naming the line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error("not valid UTF-8", path=shown, line=line) from exc


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a file; an unreadable one raises InputError naming it."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=shown) from exc


def read_utf8(path: Path, shown: str, error: type[InputError] = InputError) -> str:
    """The text of a UTF-8 file (a leading byte-order mark dropped); InputError (or
    ``error``) with the file and line when it cannot be read or is not UTF-8."""
    return decode_utf8(read_bytes(path, shown), shown, error).removeprefix("\ufeff")


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the file is
    renamed over ``path``. If anything fails, the temporary file is removed and the old file
    is left as it was; a failure of the file system (no space, no permission, a file where a
    folder should be) is raised as InputError naming the file.
    """
    target = Path(path)
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write: {exc.strerror or exc}", path=display_path(target)) from exc
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """:func:`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def iter_text_lines(
    path: str | os.PathLike[str] | None, *, keep_ends: bool = False
) -> Iterator[tuple[int, str]]:
    """(line number, line) of a UTF-8 file, or of stdin when ``path`` is None or ``"-"``;
    the line without its newline unless ``keep_ends``. A leading byte-order mark is dropped.
    A byte that is not UTF-8 raises InputError naming the file and line.
    """
    if path is None or str(path) == "-":
        name, stream = "<stdin>", sys.stdin.buffer
        yield from _decode_lines(name, stream, keep_ends)
        return
    try:
        with open(path, "rb") as stream:
            yield from _decode_lines(display_path(path), stream, keep_ends)
    except FileNotFoundError as exc:
        raise InputError("no such file", path=display_path(path)) from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a file", path=display_path(path)) from exc
    except PermissionError as exc:
        raise InputError("permission denied", path=display_path(path)) from exc


def _decode_lines(name: str, stream: BinaryIO, keep_ends: bool) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})",
                path=name,
                line=number,
            ) from exc
        if number == 1:
            line = line.removeprefix("\ufeff")
        yield number, line if keep_ends else line.rstrip("\r\n")
