"""Carry what differs between a new source and a memory's source into the old translation:
numbers (252,000 → 300,000 written 300 000 in kk and ru), inline placeholders (<a1> → <a2>)
and glossary names (Almaty → Astana, in the case of the old word: Алматыда → Астанада).

Each is done only when it is unambiguous: the sources have the same count of numbers
(placeholders, names) in the same order, the old value appears once in the old source and
once in the translation. Anything else is left as the translator wrote it and reported in
:attr:`Adapted.unresolved`, so that the suggestion is not passed off as exact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import TypeVar

from toolkit.checks.amounts import Number, number_symbols, numbers_in
from toolkit.checks.base import Resources
from toolkit.glossary.model import Term
from toolkit.matching.kazakh_reinflect import kazakh_inflect_like
from toolkit.matching.russian_reinflect import russian_inflect_like
from toolkit.tm.normalize import PLACEHOLDER

T = TypeVar("T")

#: re-inflection of a name in the languages that have it (kk-Latn is derived from kk)
INFLECTORS: dict[str, Callable[[str, Term, Term], str | None]] = {
    "kk": kazakh_inflect_like,
    "ru": russian_inflect_like,
}


@dataclass(frozen=True)
class Adapted:
    """A memory's translation adapted to a new source."""

    target: str
    #: what was carried over, as "old → new"
    changes: list[str] = field(default_factory=list)
    #: what differs between the sources and could not be carried over
    unresolved: list[str] = field(default_factory=list)


def adapt(
    new_source: str, old_source: str, target: str, lang: str, resources: Resources
) -> Adapted:
    """``target`` (the translation of ``old_source`` in ``lang``) adapted to ``new_source``.

    >>> from toolkit.glossary.model import Glossary
    >>> r = Resources(Glossary([]))
    >>> adapt("It fined him 300,000 tenge.", "It fined him 252,000 tenge.",
    ...       "Оған 252 000 теңге айыппұл салды.", "kk", r).target
    'Оған 300 000 теңге айыппұл салды.'
    """
    if new_source == old_source:
        return Adapted(target)
    edits: list[tuple[int, int, str]] = []
    changes: list[str] = []
    unresolved: list[str] = []
    for step in (_numbers, _placeholders, _names):
        step(new_source, old_source, target, lang, resources, edits, changes, unresolved)
    edits.sort()
    if any(a[1] > b[0] for a, b in pairwise(edits)):
        return Adapted(target, [], ["the changes overlap in the translation"])
    out, position = [], 0
    for start, end, replacement in edits:
        out.append(target[position:start])
        out.append(replacement)
        position = end
    out.append(target[position:])
    return Adapted("".join(out), changes, unresolved)


Edits = list[tuple[int, int, str]]


def _numbers(
    new: str, old: str, target: str, lang: str, _r: Resources, edits: Edits, changes: list[str],
    unresolved: list[str],
) -> None:  # fmt: skip
    new_numbers, old_numbers = numbers_in(new, "en"), numbers_in(old, "en")
    old_left, new_left = _unshared(old_numbers, new_numbers, _key)
    if len(old_left) != len(new_left):
        unresolved.append("the sources have different numbers")
        return
    pairs = list(zip(old_left, new_left, strict=True))
    if not pairs:
        return  # the same numbers (perhaps in another order): nothing to carry over
    in_source = Counter(_key(n) for n in old_numbers)
    in_target = numbers_in(target, lang if lang != "kk-Latn" else "kk")
    for old_number, new_number in pairs:
        found = [t for t in in_target if t.value is not None and t.value == old_number.value]
        if old_number.value is None or new_number.value is None or in_source[_key(old_number)] != 1:
            unresolved.append(f"number {old_number.written} → {new_number.written}")
            continue
        if len(found) != 1:
            unresolved.append(f"number {old_number.written} → {new_number.written}")
            continue
        written = write_number(new_number.value, found[0], lang)
        edits.append((found[0].start, found[0].end, written))
        changes.append(f"{found[0].written} → {written}")


def _key(number: Number) -> object:
    return number.value if number.value is not None else number.written


def _unshared(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], object]
) -> tuple[list[T], list[T]]:
    """The items of ``old`` and of ``new`` that the other does not have (by ``key``, each
    counted as often as it occurs), in order: what changed, paired off by position; an item
    both have is unchanged wherever it moved ("in 2025 ... 16,805" / "16,805 ... in 2025").

    >>> _unshared([1, 2, 3], [3, 1, 5], lambda x: x)
    ([2], [5])
    """
    in_new, in_old = Counter(key(n) for n in new), Counter(key(o) for o in old)
    old_left = []
    for item in old:
        if in_new[key(item)] > 0:
            in_new[key(item)] -= 1
        else:
            old_left.append(item)
    new_left = []
    for item in new:
        if in_old[key(item)] > 0:
            in_old[key(item)] -= 1
        else:
            new_left.append(item)
    return old_left, new_left


def write_number(value: Decimal, like: Number, lang: str) -> str:
    """``value`` written as the translator wrote ``like`` (its group symbol, or none; the
    decimal symbol of ``lang``; the scale word after it is kept, so it is divided out).

    >>> like = numbers_in("252 000 теңге", "kk")[0]
    >>> write_number(Decimal(300000), like, "kk")
    '300 000'
    >>> write_number(Decimal(2020), numbers_in("2019 жылы", "kk")[0], "kk")
    '2020'
    >>> write_number(Decimal("1.3E6"), numbers_in("1,1 миллион", "kk")[0], "kk")
    '1,3'
    """
    _groups, decimal = number_symbols(lang if lang != "kk-Latn" else "kk")
    mantissa = value.scaleb(-like.scale) if like.scale else value
    text = format(mantissa.normalize(), "f") if mantissa != mantissa.to_integral() else None
    if text is None:
        text = str(int(mantissa))
    whole, _, fraction = text.partition(".")
    separator = next((c for c in like.written if not c.isdigit() and c != decimal), None)
    like_whole = like.written.split(decimal)[0] if decimal in like.written else like.written
    if separator is None and len(like_whole) <= 3 and len(whole) >= 5:
        separator = _groups[0]  # the locale's own group symbol, as CLDR writes it
    if separator is not None:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = separator.join([whole, *groups])
    return f"{whole}{decimal}{fraction}" if fraction else whole


def _placeholders(
    new: str, old: str, target: str, _lang: str, _r: Resources, edits: Edits,
    changes: list[str], unresolved: list[str],
) -> None:  # fmt: skip
    new_tags = [m.group() for m in PLACEHOLDER.finditer(new)]
    old_tags = [m.group() for m in PLACEHOLDER.finditer(old)]
    if new_tags == old_tags:
        return
    if len(new_tags) != len(old_tags):
        unresolved.append("the sources have different placeholders")
        return
    mapping: dict[str, str] = {}
    for old_tag, new_tag in zip(old_tags, new_tags, strict=True):
        if mapping.setdefault(old_tag, new_tag) != new_tag:
            unresolved.append(f"placeholder {old_tag} → {new_tag}")
            return
    for match in PLACEHOLDER.finditer(target):
        replacement = mapping.get(match.group())
        if replacement is not None and replacement != match.group():
            edits.append((match.start(), match.end(), replacement))
    changes.extend(f"{o} → {n}" for o, n in mapping.items() if o != n)


def _names(
    new: str, old: str, target: str, lang: str, resources: Resources, edits: Edits,
    changes: list[str], unresolved: list[str],
) -> None:  # fmt: skip
    english = resources.matcher("en")
    new_concepts = [m.concept for m in english.find(new)]
    old_concepts = [m.concept for m in english.find(old)]
    old_left, new_left = _unshared(old_concepts, new_concepts, lambda c: c)
    if not old_left and not new_left:
        return
    if len(old_left) != len(new_left):
        unresolved.append("the sources name different glossary terms")
        return
    glossary = resources.glossary
    in_source = Counter(old_concepts)
    in_target = resources.matcher(lang).find(target)
    inflect = INFLECTORS.get(lang)
    for old_id, new_id in zip(old_left, new_left, strict=True):
        found = [m for m in in_target if m.concept == old_id]
        label = f"{glossary[old_id].preferred_text('en')} → {glossary[new_id].preferred_text('en')}"
        preferred = glossary[new_id].preferred(lang)
        if inflect is None or preferred is None or in_source[old_id] != 1 or len(found) != 1:
            unresolved.append(f"name {label}")
            continue
        match = found[0]
        term = next((t for t in glossary[old_id].terms[lang] if t.text == match.term), None)
        form = inflect(match.text, term, preferred) if term is not None else None
        if form is None:
            unresolved.append(f"name {label}")
            continue
        edits.append((match.start, match.end, form))
        changes.append(f"{match.text} → {form}")
