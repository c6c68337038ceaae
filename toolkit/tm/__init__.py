"""Translation memory: every approved translation of the project, offered again.

A :class:`~toolkit.tm.memory.TranslationUnit` is one translated, non-fuzzy entry of the
project's catalogues (or of an imported TMX file): English source, target, language, origin
(article slug or TMX file) and date. :mod:`toolkit.tm.memory` builds the memory from the
catalogues, one cache entry per catalogue; :mod:`toolkit.tm.index` finds candidates without
comparing against every unit; :mod:`toolkit.tm.matching` scores them with rapidfuzz as the
CAT tools do; :mod:`toolkit.tm.substitution` carries numbers, placeholders and names of the
new source into the old translation; :mod:`toolkit.tm.glossary_check` conforms deprecated
terms and marks what `toolkit check` would still reject; :mod:`toolkit.tm.tmx` reads and
writes TMX 1.4 through translate-toolkit.
"""
