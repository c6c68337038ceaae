"""Small file helpers shared by every module that reads or writes user files."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from toolkit.errors import InputError

#: longest line a reader accepts: no PO, article or glossary line comes near it; an endless
#: input (/dev/zero) stops here instead of filling the memory
MAX_LINE_BYTES = 16 << 20

#: C0 control characters and DEL, which no text the toolkit writes has a use for (tab and line
#: feed excepted). `glossary lint` reports them; writers of XML and PO replace them.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def replace_control_characters(text: str) -> str:
    """``text`` with each control character (:data:`CONTROL_CHARACTERS`) replaced by U+FFFD:
    XML 1.0 cannot hold them at all, and a NUL ends a string in a compiled catalogue.

    >>> replace_control_characters("a\\x00b\\tc") == "a\\ufffdb\\tc"
    True
    """
    return CONTROL_CHARACTERS.sub("\ufffd", text)


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
    """The bytes of a file; an unreadable one raises InputError naming it. A file that is
    not a regular file (a device, a pipe) is read in chunks, and a line longer than
    :data:`MAX_LINE_BYTES` raises InputError: ``/dev/zero`` would never end."""
    try:
        with open(path, "rb") as stream:
            if stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return stream.read()
            return b"".join(_bounded_lines(shown, stream))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=shown) from exc


def _line_too_long(shown: str, line: int) -> InputError:
    return InputError(
        f"a line longer than {MAX_LINE_BYTES >> 20} MiB: not a text file, or an input "
        "that does not end",
        path=shown,
        line=line,
    )


def read_utf8(path: Path, shown: str, error: type[InputError] = InputError) -> str:
    """The text of a UTF-8 file (a leading byte-order mark dropped); InputError (or
    ``error``) with the file and line when it cannot be read or is not UTF-8."""
    return decode_utf8(read_bytes(path, shown), shown, error).removeprefix("\ufeff")


def replace_file(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> None:
    """Replace the file ``path`` with ``data`` atomically; raises OSError when it cannot.

    Readers see the old file or the new one, never half: the bytes go to a temporary file in
    the same folder, are flushed to disk, and the temporary file is renamed over the target.
    A file that is replaced keeps its mode; a new file gets the mode any program would give
    it under the user's umask (0666 & ~umask). When ``path`` is a symbolic link, the file it
    points to is replaced and the link stays. If anything fails, the temporary file is
    removed and the old file is left as it was. A device or a named pipe (``-o /dev/null``,
    a FIFO) is written into, not replaced: replacing would destroy the node. Missing
    folders are made.

    ``durable=False`` skips the flush to disk (the rename stays atomic for every reader, but
    a power cut may lose the new bytes): for a writer of many files that can tell a lost
    one later (``translit DIR -o OUT_DIR`` checks each output's size against its manifest),
    where one flush per file would cost more than converting it.

    The system calls are few, since an archive's conversion makes one call per file: an
    ``lstat`` of the target (a link is resolved only when it is one), the temporary file's
    creation (a folder is made only when that fails for want of it), ``fchmod`` only when a
    file is replaced, the write, and the rename.
    """
    target = os.fspath(path)
    status = _lstat_or_none(target)
    if status is not None and stat.S_ISLNK(status.st_mode):
        target = os.path.realpath(target)  # a link's target: replacing the link would cut it
        try:
            status = os.stat(target)
        except FileNotFoundError:  # a dangling link: its target is created
            status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_into(Path(target), data)
        return
    fd, tmp = _create_temporary(target)
    try:
        try:
            if status is not None:
                os.fchmod(fd, stat.S_IMODE(status.st_mode))
            _write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _lstat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to the descriptor ``fd`` (a write may take only part of it)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_into(target: Path, data: bytes) -> None:
    """Write ``data`` into an existing node that is not a regular file (a device, a FIFO):
    no temporary file and no rename, which would put a regular file in the node's place. A
    folder or a socket raises OSError from open, a full device (/dev/full) from write."""
    with open(target, "wb", buffering=0) as handle:
        view = memoryview(data)
        while view:
            view = view[handle.write(view) :]


#: flags of a temporary file: new (never an existing file, nor a link planted under its name)
_TEMPORARY_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC


def _create_temporary(target: str) -> tuple[int, str]:
    """A new empty file beside ``target``, open for writing; its folder is made if missing.

    Created with mode 0666 so that the kernel applies the umask, which tempfile.mkstemp's
    fixed 0600 would not; reading the umask instead (os.umask) would change it for every
    thread of the process meanwhile. The first name tried is the target's with this
    thread's system-wide id, which no other live writer can hold; a file left under that
    name by a writer that died is not reused (O_EXCL): then random names are tried."""
    folder, name = os.path.split(target)
    candidate = os.path.join(folder, f".{name}.{threading.get_native_id()}.tmp")
    for attempt in range(101):
        try:
            return os.open(candidate, _TEMPORARY_FLAGS, 0o666), candidate
        except FileExistsError:
            pass
        except FileNotFoundError:
            if attempt or not folder:
                raise
            os.makedirs(folder, exist_ok=True)  # a look first would cost every write a stat
            continue
        candidate = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    raise FileExistsError(errno.EEXIST, "no free temporary name", folder)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (:func:`replace_file`: mode and symbolic links
    kept). A failure of the file system (no space, no permission, a file where a folder
    should be) is raised as InputError naming the file.
    """
    try:
        replace_file(path, data)
    except OSError as exc:
        raise InputError(
            f"cannot write: {exc.strerror or exc}", path=display_path(Path(path))
        ) from exc


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """:func:`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def write_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the write lock of ``path`` while reading, checking and replacing it.

    Every writer of the toolkit that reads a file before replacing it (``conform --write``,
    ``update``, ``pretranslate``, ``glossary import``, the web concept editor) takes this lock
    around the read and the replacement, so two processes (or threads) saving the same file
    at the same moment run one after the other and neither loses the other's edit.

    The lock is an OS lock (``flock``) on the folder that holds the file. Not on the file:
    an atomic replacement puts a new file under the name, so a waiter would get the lock of
    a file that is no longer there. Not on a lock file beside it: that would leave a
    ``.name.lock`` in the user's folders. A folder lock serialises writers of neighbouring
    files too, which costs nothing at this scale. The lock is released when the block ends
    or the process dies. It is not re-entrant: do not nest it for the same folder.
    """
    folder = Path(os.path.realpath(path)).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    except OSError as exc:
        raise InputError(
            f"cannot write: {exc.strerror or exc}", path=display_path(Path(path))
        ) from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the only descriptor releases the lock


def iter_text_lines(
    path: str | os.PathLike[str] | None, *, keep_ends: bool = False
) -> Iterator[tuple[int, str]]:
    """(line number, line) of a UTF-8 file, or of stdin when ``path`` is None or ``"-"``;
    the line without its newline unless ``keep_ends``. A leading byte-order mark is dropped.
    A byte that is not UTF-8 raises InputError naming the file and line.
    """
    with _opened(path) as (name, stream):
        yield from _decode_lines(name, stream, keep_ends)


def iter_text_blocks(
    path: str | os.PathLike[str] | None, block_bytes: int = 1 << 20
) -> Iterator[tuple[int, str]]:
    """(number of the first line, text) of a UTF-8 file, or of stdin when ``path`` is None or
    ``"-"``, in blocks of whole lines of about ``block_bytes``, line ends kept.

    For line-by-line work on large files: one block costs one decode instead of one per line.
    Joined, the blocks are the file's text (a leading byte-order mark dropped). A block holds
    what one read gave (cut after its last newline), so a pipe's lines come as they arrive.
    A byte that is not UTF-8 raises InputError naming the file and line, before any text of
    its block is given.
    """
    with _opened(path) as (name, stream):
        number, carry = 1, b""
        while True:
            chunk = stream.read1(block_bytes)
            data = carry + chunk if carry else chunk
            cut = data.rfind(b"\n") + 1 if chunk else len(data)
            if not cut:
                if not data:
                    return
                if len(data) > MAX_LINE_BYTES:
                    raise _line_too_long(name, number)
                carry = data  # no line end yet: read on
                continue
            block, carry = data[:cut], data[cut:]
            text = _decode_block(name, block, number)
            yield number, text.removeprefix("\ufeff") if number == 1 else text
            number += block.count(b"\n")


def _decode_block(name: str, block: bytes, first_line: int) -> str:
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = block.rfind(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{block[exc.start]:02x} at column "
            f"{exc.start - line_start + 1})",
            path=name,
            line=first_line + block.count(b"\n", 0, exc.start),
        ) from exc


@contextlib.contextmanager
def _opened(path: str | os.PathLike[str] | None) -> Iterator[tuple[str, BinaryIO]]:
    """(name to show, binary stream) of a file, or of stdin for None or ``"-"``; a file that
    cannot be opened raises InputError naming it."""
    if path is None or str(path) == "-":
        yield "<stdin>", sys.stdin.buffer
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115  # closed below, after the caller is done
    except FileNotFoundError as exc:
        raise InputError("no such file", path=display_path(path)) from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a file", path=display_path(path)) from exc
    except PermissionError as exc:
        raise InputError("permission denied", path=display_path(path)) from exc
    with stream:
        yield display_path(path), stream


def _bounded_lines(name: str, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``stream`` with their ends; InputError for a line over MAX_LINE_BYTES."""
    number = 0
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise _line_too_long(name, number)
        yield raw


def _decode_lines(name: str, stream: BinaryIO, keep_ends: bool) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(_bounded_lines(name, stream), start=1):
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
