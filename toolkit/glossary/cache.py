"""The compiled glossary cache: the loaded concepts, pickled, keyed by every YAML file's bytes.

Reading 10,000 concepts from YAML takes seconds; reading them back from the cache takes a
small fraction of that. The key covers the bytes of every glossary file, the toolkit version,
the loader and model code and the transliteration schemes (kk-Latn terms are derived at load),
so any edit, checkout or upgrade invalidates it. It is kept by :mod:`toolkit.cache` (whose
writes never fail a command) in ``$TOOLKIT_CACHE_DIR`` or the user cache folder.

The entry is the key, a newline, then a pickle of the concepts themselves, so that a warm load
makes each object once: a :class:`~.model.Term` (a NamedTuple) is rebuilt by
``tuple.__new__(Term, fields)`` (a C call: NamedTuple's own ``__new__`` is Python code, and
building plain tuples first and converting them cost as much again), a
:class:`~.model.Concept` by its constructor. Equal strings (statuses, languages, domains,
file paths, sources) are stored once. The pickle names the model's classes, so it is only
ever unpickled under its own key, which changes whenever their code does; anything that still
fails to unpickle is a miss, and the caller reads the YAML again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
from pathlib import Path
from typing import Any

from toolkit import __version__, cache
from toolkit.glossary.model import CldrRef, Concept, Term

FORMAT = 3  # bump when the record layout changes
#: the entry kind of the compiled concepts (one file per glossary folder)
CONCEPTS = "glossary"
#: constructor arguments of a Concept, in order
_CONCEPT_FIELDS = tuple(f.name for f in dataclasses.fields(Concept))
#: what unpickling a damaged or foreign entry raises (pickle's documented errors, and what a
#: constructor given wrong arguments raises)
_UNPICKLING_ERRORS = (
    pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError,
    ValueError,
)  # fmt: skip


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
    """Digest of the code and data that shape a loaded glossary (loader, model, this module's
    pickling, the transliteration engine and its scheme files, which derive kk-Latn terms):
    editing any of them invalidates caches even without a version bump. Read as files, so
    the fingerprint itself imports none of them."""
    digest = hashlib.blake2b(digest_size=12)
    package = Path(__file__).resolve().parent.parent
    for path in sorted(
        [package / "glossary" / "loader.py", package / "glossary" / "model.py",
         package / "glossary" / "cache.py",
         *(package / "translit").glob("*.py"), *(package / "translit" / "schemes").glob("*")]
    ):  # fmt: skip
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


class _ConceptPickler(pickle.Pickler):
    """Pickles concepts as the objects a warm load needs, with equal strings stored once."""

    def __init__(self, file: io.BytesIO):
        super().__init__(file, protocol=5)
        self.strings: dict[str, str] = {}
        self.dispatch_table = {
            Term: self.named_tuple,
            CldrRef: self.named_tuple,
            Concept: self.concept,
        }

    def shared(self, value: Any) -> Any:
        """``value`` with each string replaced by the first equal one seen (the pickle memo
        stores an object once, and only recognises it by identity)."""
        kind = type(value)  # exact types: a Term is a tuple too, and reduced on its own
        if kind is str:
            return self.strings.setdefault(value, value)
        if kind is tuple:
            return tuple([self.shared(item) for item in value])
        if kind is dict:
            return {self.shared(k): self.shared(v) for k, v in value.items()}
        return value

    def named_tuple(self, value: tuple) -> tuple:
        return tuple.__new__, (type(value), self.shared(tuple(value)))

    def concept(self, concept: Concept) -> tuple:
        return Concept, tuple([self.shared(getattr(concept, name)) for name in _CONCEPT_FIELDS])


def write_concepts(root: Path, key: str, concepts: list[Concept]) -> bool:
    """Store the concepts loaded from ``root`` under ``key``; False when the cache folder is
    not writable (the write is skipped: a read-only home must not stop the toolkit)."""
    buffer = io.BytesIO()
    _ConceptPickler(buffer).dump(concepts)
    entry = key.encode("ascii") + b"\n" + buffer.getbuffer()
    return cache.write_bytes(cache.folder_entry(root, CONCEPTS), entry)


def read_concepts(root: Path, key: str) -> list[Concept] | None:
    """The concepts stored for ``root`` under ``key``; None when missing, stale or damaged."""
    entry = cache.read_bytes(cache.folder_entry(root, CONCEPTS))
    head = key.encode("ascii") + b"\n"
    if entry is None or not entry.startswith(head):
        return None  # missing, damaged, or made from other files or code: never unpickled
    try:
        concepts = pickle.loads(memoryview(entry)[len(head) :])
    except _UNPICKLING_ERRORS:
        return None
    return concepts if type(concepts) is list else None


def cache_file(root: Path, kind: str = CONCEPTS) -> Path:
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
