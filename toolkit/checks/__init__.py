"""QA checks of translations against the glossary and the source: one check a class.

>>> from toolkit.checks.available import all_checks
>>> sorted(all_checks())[:3]
['deprecated_term', 'forbidden_term', 'fuzzy']
"""
