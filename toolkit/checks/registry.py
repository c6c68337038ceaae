"""The registry of checks: every check class registers itself by id.

The modules that define checks import this one; :mod:`toolkit.checks.available` imports them
all and lists what registered.
"""

from __future__ import annotations

from toolkit.checks.base import Check

REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: make ``cls`` available under ``cls.id``."""
    if cls.id in REGISTRY:
        raise ValueError(f"two checks with id {cls.id!r}")
    REGISTRY[cls.id] = cls
    return cls
