"""The manifest of an output tree: what each output file was made from.

It lives in the output folder (:data:`MANIFEST_NAME`), an SQLite database: each batch of
results is one transaction, so the manifest is always whole (an interrupted run loses at
most the files in flight, never the record of those done), and it stays fast at a million
files, where rewriting a JSON file after each batch would not.

A row per input file (its path relative to the archive): its size and modification time
when it was read, the hash of its bytes, and either the hash and size of the output made
from it or the reason it could not be converted. The settings the outputs were made with
(scheme, direction, glossary fingerprint, converter version) are stored too: when they
change, every row is forgotten and everything is converted again.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import InputError
from toolkit.fileio import display_path

MANIFEST_NAME = ".toolkit-manifest.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    source_hash TEXT NOT NULL, output_hash TEXT, output_size INTEGER, problem TEXT
);
"""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input file: its output's hash and size, or the problem (a
    one-line reason with the file and line) that kept it from being converted."""

    path: str  # relative to the archive, with "/"
    size: int
    mtime_ns: int
    source_hash: str
    output_hash: str | None = None
    output_size: int | None = None
    problem: str | None = None
    converted: bool = True  # False: the output was already there (same source bytes)


class Manifest:
    """The manifest of one output folder, opened for a run with ``settings``."""

    def __init__(self, out_dir: Path, settings: dict[str, str]):
        path = out_dir / MANIFEST_NAME
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            stored = dict(self._db.execute("SELECT key, value FROM settings"))
        except (OSError, sqlite3.Error) as exc:
            raise InputError(f"cannot use the manifest: {exc}", path=display_path(path)) from exc
        if stored != settings:
            with self._transaction():
                self._db.execute("DELETE FROM files")
                self._db.execute("DELETE FROM settings")
                self._db.executemany("INSERT INTO settings VALUES (?, ?)", settings.items())
        self.rows: dict[str, Outcome] = {
            row[0]: Outcome(*row, converted=False)
            for row in self._db.execute("SELECT * FROM files")
        }

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back when it raises
        (Ctrl-C included)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def record(self, outcomes: Iterable[Outcome]) -> None:
        """Store ``outcomes`` in one transaction."""
        outcomes = list(outcomes)
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        o.path,
                        o.size,
                        o.mtime_ns,
                        o.source_hash,
                        o.output_hash,
                        o.output_size,
                        o.problem,
                    )
                    for o in outcomes
                ],
            )
        for outcome in outcomes:
            self.rows[outcome.path] = outcome

    def forget(self, paths: Iterable[str]) -> None:
        """Drop the rows of ``paths`` (inputs that are gone)."""
        paths = list(paths)
        with self._transaction():
            self._db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
        for path in paths:
            self.rows.pop(path, None)

    def close(self) -> None:
        self._db.close()
