"""Every check the toolkit has: importing the modules that define checks registers them.

A new module of checks is added to the imports below.
"""

from __future__ import annotations

from toolkit.checks import markup, pinyin, placeholders, plurals, po_syntax, terms, text, translit
from toolkit.checks.base import Check
from toolkit.checks.registry import REGISTRY

#: the modules whose classes registered themselves on import
CHECK_MODULES = (markup, pinyin, placeholders, plurals, po_syntax, terms, text, translit)


def all_checks() -> dict[str, type[Check]]:
    """Every registered check, by id.

    >>> sorted(all_checks())[:3]
    ['admitted_term', 'deprecated_term', 'forbidden_term']
    """
    return dict(sorted(REGISTRY.items()))
