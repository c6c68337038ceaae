"""The registry of checks: every check class registers itself by id."""

from __future__ import annotations

from toolkit.checks.base import Check

REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: make ``cls`` available under ``cls.id``."""
    if cls.id in REGISTRY:
        raise ValueError(f"two checks with id {cls.id!r}")
    REGISTRY[cls.id] = cls
    return cls


def all_checks() -> dict[str, type[Check]]:
    """Every registered check, by id (importing the modules that define them)."""
    from toolkit.checks import (  # noqa: F401  (they register on import)
        markup,
        placeholders,
        plurals,
        po_syntax,
        terms,
        text,
        translit,
    )

    return dict(sorted(REGISTRY.items()))
