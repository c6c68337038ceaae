"""The compiled glossary cache: a pickle of builtins keyed by the content of every YAML file.

Reading 10,000 concepts from YAML takes seconds; reading them back from the cache takes a
small fraction of that. The key covers the bytes of every glossary file, the toolkit version
and the transliteration schemes (kk-Latn terms are derived at load), so any edit, checkout or
upgrade invalidates it. It is kept by :mod:`toolkit.cache` (whose writes never fail a
command) in ``$TOOLKIT_CACHE_DIR`` or the user cache folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from toolkit import __version__, cache

FORMAT = 2  # bump when the record layout changes


def fingerprint(files: list[Path], extra: str) -> str:
    """A digest of the files' names and bytes plus ``extra`` (versions of what derives data)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}\0{__version__}\0{extra}\0".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def code_fingerprint() -> str:
    """Digest of the code and data that shape a loaded glossary (loader, model, the
    transliteration engine and its scheme files, which derive kk-Latn terms): editing any of
    them invalidates caches even without a version bump. Read as files, so a warm load does
    not import the transliteration engine."""
    digest = hashlib.blake2b(digest_size=12)
    package = Path(__file__).resolve().parent.parent
    for path in sorted(
        [package / "glossary" / "loader.py", package / "glossary" / "model.py",
         *(package / "translit").glob("*.py"), *(package / "translit" / "schemes").glob("*")]
    ):  # fmt: skip
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def cache_file(root: Path, kind: str = "glossary") -> Path:
    """The cache file of one glossary folder and kind of payload (overwritten on change)."""
    return cache.entry_path(cache.folder_entry(root, kind))


def read(root: Path, key: str, kind: str = "glossary") -> Any | None:
    """The cached payload for ``root`` when its key is ``key``; None when missing, stale or
    damaged."""
    return cache.read_keyed(cache.folder_entry(root, kind), key)


def write(root: Path, key: str, payload: Any, kind: str = "glossary") -> bool:
    """Store ``payload``; False when the cache folder is not writable (the write is
    skipped: a read-only home must not stop the toolkit)."""
    return cache.write_keyed(cache.folder_entry(root, kind), key, payload)
