"""Typed errors. Each carries the file and line it is about, so the CLI can print one line.

Like Babel's ``UnknownLocaleError``, they subclass builtins (``ValueError``) and keep their
parts as attributes:

>>> err = InputError("bad status 'prefered'", path="glossary/places.yaml", line=12)
>>> str(err)
"glossary/places.yaml:12: bad status 'prefered'"
>>> err.line
12
"""

from __future__ import annotations

from os import PathLike


class ToolkitError(ValueError):
    """Base of every error the toolkit raises on purpose."""

    def __init__(
        self, message: str, path: str | PathLike[str] | None = None, line: int | None = None
    ):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.location_prefix() + message)

    def location_prefix(self) -> str:
        if self.path is None:
            return ""
        if self.line is None:
            return f"{self.path}: "
        return f"{self.path}:{self.line}: "


class InputError(ToolkitError):
    """A file given to the toolkit cannot be read or is malformed (CLI exit code 2)."""


class GlossaryError(InputError):
    """The glossary cannot be loaded: YAML syntax, unknown key, wrong type, bad status, ..."""


class UnknownSchemeError(ToolkitError, LookupError):
    """A transliteration scheme name that is not registered."""

    def __init__(self, name: str, known: list[str]):
        self.name = name
        self.known = known
        super().__init__(f"unknown scheme {name!r}; known schemes: {', '.join(known)}")
