"""Terminology and transliteration toolkit for Central-Asian newsrooms.

The package is a library first: every module returns values and raises the typed errors of
:mod:`toolkit.errors`; only :mod:`toolkit.cli` prints.
"""

__version__ = "0.1.0"
