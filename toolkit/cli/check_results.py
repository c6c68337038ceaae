"""Findings of unchanged entries kept between runs of `toolkit check` (the command layer).

A newsroom checks the same catalogues again and again, and most entries have not changed since
the last run. Their findings are kept in the user cache (:mod:`toolkit.cache`), one file per
catalogue, under a key made of everything else they depend on: the glossary (its content
digest), the toolkit's code and data, the versions of the libraries the checks read
(pymorphy3 and its dictionaries, Babel). Within a file, each entry is found by a digest of its
texts, flags, the checks that run on it and its catalogue's headers and article date
(:func:`toolkit.checks.runner._entry_key`). A change to any of them is a miss, and the entry
is checked again; ``--no-cache`` turns the store off.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path

from toolkit import __version__, cache
from toolkit.catalog import Catalog
from toolkit.checks.runner import StoredFinding
from toolkit.glossary.model import Glossary
from toolkit.matching.fingerprint import generators_fingerprint

#: the toolkit's folders whose code or data the checks' findings depend on
_CODE_FOLDERS = ("checks", "matching", "glossary", "translit", "catalog", "articles")
#: libraries the checks read data of, besides pymorphy3 (in generators_fingerprint)
_LIBRARIES = ("babel",)


@functools.cache
def code_fingerprint() -> str:
    """Digest of the toolkit's check code and data and of the libraries they read."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\0{generators_fingerprint()}\0".encode())
    package = Path(__file__).resolve().parent.parent
    files = [p for folder in _CODE_FOLDERS for p in (package / folder).rglob("*") if p.is_file()]
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is not None and spec.origin:
            files.append(Path(spec.origin))  # the package's __init__, which names its version
    for path in sorted(files):
        if path.suffix == ".pyc":
            continue
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class StoredResults:
    """The kept findings of every catalogue of one run (toolkit.checks.runner.EntryResults)."""

    def __init__(self, glossary: Glossary, checks_key: str):
        self.key = f"{glossary.key}:{code_fingerprint()}:{checks_key}"
        self._old: dict[str, dict[bytes, list[StoredFinding]]] = {}
        self._new: dict[str, dict[bytes, list[StoredFinding]]] = {}

    def _name(self, catalog: Catalog) -> str:
        return cache.folder_entry(catalog.path, "check-results")

    def get(self, catalog: Catalog, key: bytes) -> list[StoredFinding] | None:
        """The findings kept for the entry ``key`` of ``catalog``, or None."""
        new = self._new.get(catalog.path)
        if new is not None and key in new:
            return new[key]
        old = self._old.get(catalog.path)
        if old is None:
            stored = cache.read_keyed(self._name(catalog), self.key)
            old = self._old[catalog.path] = stored if isinstance(stored, dict) else {}
        found = old.get(key)
        if found is not None:
            self._new.setdefault(catalog.path, {})[key] = found
        return found

    def put(self, catalog: Catalog, key: bytes, findings: list[StoredFinding]) -> None:
        """Keep the findings of the entry ``key`` of ``catalog``."""
        self._new.setdefault(catalog.path, {})[key] = findings

    def save(self) -> None:
        """Write the findings of the entries of this run (those of entries no longer in a
        catalogue are dropped); a catalogue whose entries were all kept is not rewritten."""
        for path, entries in self._new.items():
            if entries != self._old.get(path):
                cache.write_keyed(cache.folder_entry(path, "check-results"), self.key, entries)
