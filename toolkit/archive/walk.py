"""Walking an archive: every file under a folder, in a stable order.

Hidden files and folders (a name starting with ".": ``.git``, editors' swap files) are left
out, and so is the output folder when it lies inside the archive. Links to folders are not
followed (a link loop, or a link out of the archive, would walk forever or far away); a link
to a file is read as the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ArchiveFile:
    """A file of the archive: its path relative to the archive ("/"-separated), its size and
    its modification time when walked."""

    path: str
    size: int
    mtime_ns: int


def walk_archive(root: Path, exclude: Path | None = None) -> Iterator[ArchiveFile]:
    """The files under ``root`` in sorted order of their paths, without ``exclude`` (a folder)."""
    skip = os.path.realpath(exclude) if exclude is not None else None
    yield from _walk(str(root), "", skip)


def _walk(folder: str, prefix: str, skip: str | None) -> Iterator[ArchiveFile]:
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            if skip is None or os.path.realpath(entry.path) != skip:
                yield from _walk(entry.path, f"{prefix}{entry.name}/", skip)
        elif entry.is_file():
            status = entry.stat()
            yield ArchiveFile(prefix + entry.name, status.st_size, status.st_mtime_ns)
