"""QA checks of translations against the glossary and the source: one check a class.

>>> from toolkit.checks.available import all_checks
>>> sorted(all_checks())[:3]
['admitted_term', 'deprecated_term', 'forbidden_term']
"""
