"""Gettext PO catalogues: the only module that imports polib.

Everything else sees :class:`Catalog` and :class:`Entry`, plain values with the line number of
each entry's ``msgid`` (the line an editor jumps to), the catalogue's language (from its
header, else its file or folder name) mapped to the glossary's language codes (``kk@latin`` →
``kk-Latn``), and typed errors with file and line.
"""

from toolkit.catalog.language import (
    language_of,
    parse_language,
    sibling_path,
)
from toolkit.catalog.model import Catalog, Entry, find_catalogs
from toolkit.catalog.patch import Rewritten, rewrite_translations, set_translations
from toolkit.catalog.reader import declared_charset, read_catalog
from toolkit.catalog.writer import (
    WRAP_WIDTH,
    TemplateEntry,
    check_with_msgfmt,
    create_catalog,
    derive_catalog,
    glossary_catalog_text,
    merge_catalog,
    write_glossary_catalog,
    write_template,
)

__all__ = [
    "WRAP_WIDTH",
    "Catalog",
    "Entry",
    "Rewritten",
    "TemplateEntry",
    "check_with_msgfmt",
    "create_catalog",
    "declared_charset",
    "derive_catalog",
    "find_catalogs",
    "glossary_catalog_text",
    "language_of",
    "merge_catalog",
    "parse_language",
    "read_catalog",
    "rewrite_translations",
    "set_translations",
    "sibling_path",
    "write_glossary_catalog",
    "write_template",
]
