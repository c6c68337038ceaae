"""The Kazakh Latin catalogue must be the 2021 transliteration of the Kazakh one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.checks.base import Check, Problem, Unit
from toolkit.checks.registry import register
from toolkit.checks.requirements import analyse
from toolkit.translit import KK_LATIN, to_kk_latin


@register
class TranslitMismatch(Check):
    id = "translit_mismatch"
    name = "Kazakh Latin differs from the kk transliteration"
    description = (
        f"A kk@latin entry must be the {KK_LATIN} transliteration of the entry of the same "
        "msgid in the kk catalogue beside it (glossary spellings win, as in `toolkit translit`)."
    )
    languages = frozenset({"kk-Latn"})
    stateful = True  # "no kk catalogue" is reported once per catalogue

    def problems(self, unit: Unit) -> Iterator[Problem]:
        kazakh = unit.resources.sibling(unit.catalog, "kk")
        if kazakh is None:
            if unit.resources.first_time(f"no-kk:{unit.catalog.path}"):
                yield Problem("no kk catalogue of the same name beside this kk@latin catalogue")
            return
        source = kazakh.find(unit.entry.msgid, unit.entry.msgctxt)
        if source is None or not source.msgstr:
            return  # nothing to compare with; the kk catalogue reports its own gaps
        expected = to_kk_latin(source.msgstr, glossary=unit.resources.glossary)
        if unit.target != expected and not _explained(unit, expected):
            yield Problem(
                f"differs from the {KK_LATIN} transliteration of the kk entry "
                f"(kk line {source.line}) at «{_first_difference(unit.target, expected)}»",
                suggestion=expected,
            )


def _explained(unit: Unit, expected: str) -> bool:
    """Every word that differs from the transliteration is a wrong variant of a glossary
    term already reported (wrong_variant): one defect, one finding."""
    actual = list(re.finditer(r"\S+", unit.target))
    wanted = expected.split()
    if len(actual) != len(wanted):
        return False
    differing = [m.span() for m, w in zip(actual, wanted, strict=True) if m.group() != w]
    variants = [(v.start, v.end) for v in analyse(unit).variants]
    return bool(variants) and all(
        any(start < v_end and v_start < end for v_start, v_end in variants)
        for start, end in differing
    )


def _first_difference(actual: str, expected: str) -> str:
    for i, (a, b) in enumerate(zip(actual, expected, strict=False)):
        if a != b:
            start = actual.rfind(" ", 0, i) + 1
            end = actual.find(" ", i)
            return actual[start : end if end != -1 else None]
    return actual[min(len(actual), len(expected)) :] or expected[len(actual) :]
