"""The user cache: files that only ever save time, so they never fail a command.

Every cache of the toolkit goes through here: the compiled glossary and the surface forms of
its terms (toolkit.glossary.cache), the number symbols of each locale (checks.amounts), the
PO contents msgfmt has accepted (catalog.msgfmt) and what `toolkit update` last made each
catalogue from (articles.pipeline). The folder is ``$TOOLKIT_CACHE_DIR`` or the user cache
folder (platformdirs).

The rules: a write that fails (read-only home, full disk, a file where the folder should be)
is skipped, and the command goes on without the shortcut; an entry that is missing,
unreadable or damaged is a miss, and the caller rebuilds it. Each entry is stored with a
digest of its bytes, so a truncated or foreign file is recognised as damaged before anything
tries to decode it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Any

from toolkit.fileio import replace_file

#: the first bytes of every entry, with the layout's version: a file without them is foreign
_MAGIC = b"toolkit-cache-1\n"
_DIGEST_SIZE = 16


def cache_dir() -> Path:
    """The cache folder: ``$TOOLKIT_CACHE_DIR``, else the user cache folder."""
    env = os.environ.get("TOOLKIT_CACHE_DIR")
    if env:
        return Path(env)
    # Imported here, not for a cycle: platformdirs costs a quick command ~14 ms to import.
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("toolkit", appauthor=False))


def entry_path(name: str) -> Path:
    """The file of the entry ``name`` (a file name, e.g. ``msgfmt-accepted.txt``)."""
    return cache_dir() / name


def folder_entry(folder: str | os.PathLike[str], kind: str) -> str:
    """The entry name of a ``kind`` of data made from ``folder`` (a glossary folder): one
    per folder and kind, overwritten when what it was made from changes."""
    name = hashlib.blake2b(str(Path(folder).resolve()).encode(), digest_size=8).hexdigest()
    return f"{kind}-{name}.pickle"


def read_bytes(name: str) -> bytes | None:
    """The stored bytes of ``name``; None when missing, unreadable or damaged."""
    try:
        data = entry_path(name).read_bytes()
    except OSError:  # missing, a folder, no permission: all just a miss
        return None
    head = len(_MAGIC) + _DIGEST_SIZE
    if not data.startswith(_MAGIC) or len(data) < head:
        return None
    payload = data[head:]
    if hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() != data[len(_MAGIC) : head]:
        return None  # truncated or overwritten: rebuilt by the caller
    return payload


def write_bytes(name: str, payload: bytes) -> bool:
    """Store ``payload`` as ``name``; False when it could not be written (then skipped)."""
    digest = hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest()
    try:
        replace_file(entry_path(name), _MAGIC + digest + payload)
    except OSError:  # a cache that cannot be written only costs the next run its shortcut
        return False
    return True


def read_pickle(name: str) -> Any | None:
    """The object stored as ``name`` by :func:`write_pickle`; None on a miss."""
    payload = read_bytes(name)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError):
        # Intact bytes that no longer unpickle: written by a toolkit whose classes have
        # moved since (the exceptions pickle documents for this). A miss, rebuilt.
        return None


def write_pickle(name: str, value: Any) -> bool:
    """Store ``value`` (builtins only, so any later toolkit can read it) as ``name``."""
    return write_bytes(name, pickle.dumps(value, protocol=5))


def read_keyed(name: str, key: str) -> Any | None:
    """The value stored as ``name`` by :func:`write_keyed` under ``key``; None on a miss or
    when it was stored under another key (the files it was made from have changed)."""
    stored = read_pickle(name)
    if not (isinstance(stored, tuple) and len(stored) == 2):
        return None
    stored_key, value = stored
    return value if stored_key == key else None


def write_keyed(name: str, key: str, value: Any) -> bool:
    """Store ``value`` as ``name`` under ``key`` (a digest of what it was made from)."""
    return write_pickle(name, (key, value))


def read_json(name: str) -> Any | None:
    """The JSON value stored as ``name`` by :func:`write_json`; None on a miss."""
    payload = read_bytes(name)
    if payload is None:
        return None
    try:
        return json.loads(payload)
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors: a miss
        return None


def write_json(name: str, value: Any) -> bool:
    """Store ``value`` as JSON under ``name``."""
    return write_bytes(name, json.dumps(value, ensure_ascii=False).encode("utf-8"))
