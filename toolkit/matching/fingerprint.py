"""What the surface forms of glossary terms depend on besides the glossary itself.

Cached forms (the recognition index, the transliteration pairs) are keyed by the glossary
and by this fingerprint, so that a change to a form generator, its data or the installed
pymorphy3 dictionaries rebuilds them. Standard library only: the transliteration path reads
it without importing the morphology.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path


@functools.cache
def generators_fingerprint() -> str:
    """Digest of the form generators' code and data (toolkit/matching) and of pymorphy3 and
    its Russian dictionaries (their version files, read without importing them)."""
    digest = hashlib.blake2b(digest_size=12)
    folder = Path(__file__).resolve().parent
    files = [*folder.glob("*.py"), *folder.glob("data/*")]
    for package in ("pymorphy3", "pymorphy3_dicts_ru"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            files.append(Path(spec.origin).with_name("version.py"))
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    return digest.hexdigest()
