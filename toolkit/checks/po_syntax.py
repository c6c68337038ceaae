"""What GNU ``msgfmt --check`` rejects: a file it rejects must not pass the check.

``msgfmt --check`` (the oracle of a valid PO file, as in translate-toolkit and Weblate's
workflows) checks the header, the plural rule, the format strings of flagged entries and the
plural counts. This check reports its fatal complaints as errors, in its words, at the lines
it names. Two kinds are left to checks that name what is wrong (so that one problem is one
finding): format strings of c-format, python-format and python-brace-format entries
(``placeholders``) and plural counts against nplurals (``plural_forms``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from toolkit.catalog import Catalog
from toolkit.catalog.msgfmt import msgfmt_complaints
from toolkit.checks.base import Check, Problem
from toolkit.checks.placeholders import FORMATS
from toolkit.checks.registry import register

_FORMAT_COMPLAINT = re.compile(r"format specification|format string")
_PLURAL_COUNT = re.compile(r"^nplurals = \d+, but some messages have (?:only )?\d+ plural forms?$")


@register
class PoSyntax(Check):
    id = "po_syntax"
    name = "Rejected by msgfmt --check"
    description = (
        "GNU msgfmt --check rejects the file (a bad header or plural rule, a format string "
        "msgfmt cannot accept): its complaint, at its line. Format strings of c-format, "
        "python-format and python-brace-format entries and plural counts are reported by "
        "placeholders and plural_forms instead."
    )
    per_catalogue = True

    def catalogue_problems(self, catalog: Catalog) -> Iterator[tuple[int, Problem]]:
        """msgfmt's complaints at the msgid line of the entry they are about (msgfmt names
        the msgstr line), or at msgfmt's line when they are about no entry (the header)."""
        entries = sorted((e for e in catalog.entries if not e.obsolete), key=lambda e: e.line)
        starts = [e.line for e in entries]
        for complaint in msgfmt_complaints(catalog.path):
            line = complaint.line or 1
            at = bisect.bisect_right(starts, line) - 1
            entry = entries[at] if at >= 0 else None
            if _PLURAL_COUNT.match(complaint.message):
                continue  # plural_forms
            if (
                entry is not None
                and _FORMAT_COMPLAINT.search(complaint.message)
                and any(f in entry.flags for f in FORMATS)
            ):
                continue  # placeholders
            where = f" (line {complaint.line})" if complaint.line else ""
            yield (
                entry.line if entry is not None else line,
                Problem(f"msgfmt --check{where}: {complaint.message}"),
            )
