"""The glossary: model, loading (with a compiled cache), lint, CLDR agreement and search.

>>> from pathlib import Path
>>> g = load_glossary(Path("glossary"))
>>> g["almaty"].preferred_text("kk-Latn"), g["kandas"].preferred_text("ru")
('Almaty', 'кандас')
"""

from __future__ import annotations

from pathlib import Path

from toolkit.glossary import cache, loader
from toolkit.glossary.files import glossary_files
from toolkit.glossary.model import (
    LANGUAGES,
    STATUSES,
    Concept,
    Glossary,
    Term,
)
from toolkit.translit import to_kk_latin

__all__ = ["LANGUAGES", "STATUSES", "Concept", "Glossary", "Term", "load_glossary"]


def load_glossary(root: Path | str, *, use_cache: bool = True) -> Glossary:
    """Load the glossary folder ``root``, from the compiled cache when it is current.

    Raises :class:`~toolkit.errors.GlossaryError` (file and line) when a file is malformed,
    :class:`~toolkit.errors.InputError` when the folder is missing or empty.
    """
    root = Path(root)
    files = glossary_files(root)
    key = cache.fingerprint(files, extra=cache.code_fingerprint())
    if use_cache:
        cached = cache.read_concepts(root, key)
        if cached is not None:
            return Glossary(cached, str(root), key)
    concepts = loader.read_glossary(root, to_kk_latin)
    cache.write_concepts(root, key, concepts)
    return Glossary(concepts, str(root), key)
