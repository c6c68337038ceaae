"""The Kazakh suffix tables: ``data/kk_suffixes.yaml`` read, checked and precomputed.

The data file lists the nominal endings by stem class and harmony (the grammar and its
sources are in ``docs/kazakh-morphology.md``). :func:`suffix_tables` reads it once per process,
raises :class:`SuffixDataError` when a table is missing or malformed, and stacks the endings
into one tuple per (stem class, harmony) for each kind of word; the ``*_TAGS`` tuples name the
grammatical features of each slot of those tuples. Which table a word takes is decided by
:mod:`toolkit.matching.kazakh`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import ToolkitError

DATA_FILE = Path(__file__).resolve().parent / "data" / "kk_suffixes.yaml"

#: Case slots of the data file, in paradigm order (the nominative is the bare stem).
CASES: tuple[str, ...] = ("GEN", "DAT", "ACC", "LOC", "ABL", "INS")
#: Stem classes of the data file (which first consonant a suffix takes).
STEM_CLASSES: tuple[str, ...] = ("vowel", "sonorant", "l", "z", "nasal", "voiceless")

#: The two harmonies of an ending: back (-лар, -ға) and front (-лер, -ге), and both.
BACK, FRONT = 0, 1
BOTH: tuple[int, ...] = (BACK, FRONT)
#: the soft and hard signs: letters of the alphabet that are no sound of their own
SIGNS = "ьъ"

#: Grammatical features of a form, in slot order: ("PL", "PX3", case, "ATTR"), each optional
#: but the case: ("NOM",), ("PL", "DAT"), ("PX3", "LOC", "ATTR"), ("PL", "PX3", "GEN").
Features = tuple[str, ...]

_CASE_TAGS: tuple[Features, ...] = (*((c,) for c in CASES), ("LOC", "ATTR"))
#: the features of each ending of ``singular`` and of ``after_possessive``
BARE_TAGS: tuple[Features, ...] = (("NOM",), *_CASE_TAGS)  # singular, after_possessive
_PL_TAGS: tuple[Features, ...] = tuple(("PL", *f) for f in BARE_TAGS)
#: the features of each ending of ``possessive``
PX_TAGS: tuple[Features, ...] = tuple(("PX3", *f) for f in BARE_TAGS)
#: the features of each ending of ``plain``
PLAIN_TAGS: tuple[Features, ...] = (*BARE_TAGS, *_PL_TAGS, *(("PL", *f) for f in PX_TAGS))
#: the features of each ending of ``abbreviation``
ABBREVIATION_TAGS: tuple[Features, ...] = (*_CASE_TAGS, *_PL_TAGS)


class SuffixDataError(ToolkitError):
    """The suffix data file is malformed (a missing table or a table without both harmonies)."""


@dataclass(frozen=True, slots=True)
class SuffixTables:
    """The data file, with every ending list precomputed per (stem class, harmony)."""

    vowel_class: dict[str, int | None]  # letter → BACK / FRONT / None (ambiguous)
    stem_classes: dict[str, tuple[str, ...]]  # final letter → its classes
    alphabet: frozenset[str]
    #: endings on the stem as written: NOM, cases, LOC+ATTR, then PL and its stacks
    plain: dict[tuple[str, int], tuple[str, ...]]
    #: the same without the plural stacks (plural-only terms, abbreviations' own table below)
    singular: dict[tuple[str, int], tuple[str, ...]]
    #: PX3 and its stacks, added to the possessive stem (ь dropped, final п к қ voiced)
    possessive: dict[tuple[str, int], tuple[str, ...]]
    #: endings of a word that already ends in a possessive: NOM, post-possessive cases, ATTR
    after_possessive: tuple[tuple[str, ...], tuple[str, ...]]
    #: abbreviations: cases, LOC+ATTR, PL and PL+case (no possessive), without a hyphen
    abbreviation: dict[tuple[str, int], tuple[str, ...]]
    #: 1st-person possessives (PX1PL) and their cases, added to the possessive stem
    personal: dict[tuple[str, int], tuple[str, ...]]
    #: the same after the plural (қандастарымыз), added to the stem as written
    plural_personal: dict[tuple[str, int], tuple[str, ...]]
    #: the features of each ending of ``personal`` and of ``plural_personal``
    personal_tags: tuple[Features, ...]
    plural_personal_tags: tuple[Features, ...]
    #: every spelling of the genitive ending (-ның, -дің, -тың...)
    genitive_endings: tuple[str, ...]
    voicing: dict[str, str]
    front_clusters: tuple[str, ...]
    linking_vowel: dict[str, str]
    dropped_final: dict[str, str]
    patronymic_endings: tuple[str, ...]
    surname_endings: tuple[str, ...]
    not_possessive_endings: tuple[str, ...]
    #: the plural suffixes (-лар/-лер, -дар/-дер, -тар/-тер), from the plural table
    plural_endings: tuple[str, ...]


def _pair(value: Any, where: str) -> tuple[str, str]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise SuffixDataError(f"{where}: expected [back, front] strings, got {value!r}", DATA_FILE)
    return value[0], value[1]


def _by_class(table: Any, where: str) -> dict[str, tuple[str, str]]:
    if not isinstance(table, dict) or set(table) != set(STEM_CLASSES):
        raise SuffixDataError(f"{where}: needs exactly the classes {', '.join(STEM_CLASSES)}")
    return {cls: _pair(table[cls], f"{where}.{cls}") for cls in STEM_CLASSES}


def _build(data: dict[str, Any]) -> SuffixTables:
    try:
        vowels, finals = data["vowels"], data["stem_final"]
        cases = {c: _by_class(data["cases"][c], f"cases.{c}") for c in CASES}
        plural = _by_class(data["plural"], "plural")
        px3 = _by_class(data["possessive"], "possessive")
        post = {c: _pair(data["after_possessive"][c], f"after_possessive.{c}") for c in CASES}
        persons = {
            p: _by_class(table, f"personal_possessives.{p}")
            for p, table in data["personal_possessives"].items()
        }
        attr = _pair(data["attributive"], "attributive")
        vowel_class = {v: BACK for v in vowels["back"]}
        vowel_class |= {v: FRONT for v in vowels["front"]} | {v: None for v in vowels["ambiguous"]}
        stem_classes: dict[str, tuple[str, ...]] = {}
        for cls in STEM_CLASSES:
            for letter in finals[cls]:
                stem_classes[letter] = (*stem_classes.get(letter, ()), cls)
        extra = {
            k: data[k] for k in ("voicing", "front_clusters", "linking_vowel", "dropped_final")
        }
        ends = {k: data[k] for k in ("patronymic_endings", "surname_endings")}
        not_px = data["not_possessive_endings"]
    except KeyError as err:
        raise SuffixDataError(f"missing table {err}", DATA_FILE) from None

    def case_set(cls: str, h: int) -> tuple[str, ...]:
        return (*(cases[c][cls][h] for c in CASES), cases["LOC"][cls][h] + attr[h])

    after = tuple(("", *(post[c][h] for c in CASES), post["LOC"][h] + attr[h]) for h in BOTH)

    def personal_set(cls: str, h: int) -> tuple[str, ...]:
        """Each person's possessive, then it with the case endings of its last letter."""
        out: list[str] = []
        for table in persons.values():
            px = table[cls][h]
            out += [px, *(px + e for e in case_set(stem_classes[px[-1]][0], h))]
        return tuple(out)

    personal_tags = tuple((p, *f) for p in persons for f in BARE_TAGS)
    plain, singular, possessive, abbreviation = {}, {}, {}, {}
    personal, plural_personal = {}, {}
    for cls in STEM_CLASSES:
        for h in BOTH:
            pl = plural[cls][h]
            pl_cls = stem_classes[pl[-1]][0]  # -лар ends in р: the plural declines as a sonorant
            pl_stack = (pl, *(pl + e for e in case_set(pl_cls, h)))
            pl_px = tuple(pl + px3[pl_cls][h] + e for e in after[h])
            singular[cls, h] = ("", *case_set(cls, h))
            plain[cls, h] = singular[cls, h] + pl_stack + pl_px
            possessive[cls, h] = tuple(px3[cls][h] + e for e in after[h])
            abbreviation[cls, h] = (*case_set(cls, h), *pl_stack)
            personal[cls, h] = personal_set(cls, h)
            plural_personal[cls, h] = tuple(pl + e for e in personal_set(pl_cls, h))
    return SuffixTables(
        vowel_class=vowel_class,
        stem_classes=stem_classes,
        alphabet=frozenset(vowel_class) | frozenset(stem_classes) | frozenset(SIGNS),
        plain=plain,
        singular=singular,
        possessive=possessive,
        after_possessive=after,
        abbreviation=abbreviation,
        personal=personal,
        plural_personal=plural_personal,
        personal_tags=personal_tags,
        plural_personal_tags=tuple(("PL", *f) for f in personal_tags),
        genitive_endings=tuple(sorted({e for pair in cases["GEN"].values() for e in pair})),
        voicing=dict(extra["voicing"]),
        front_clusters=tuple(extra["front_clusters"]),
        linking_vowel=dict(extra["linking_vowel"]),
        dropped_final=dict(extra["dropped_final"]),
        patronymic_endings=tuple(ends["patronymic_endings"]),
        surname_endings=tuple(ends["surname_endings"]),
        not_possessive_endings=tuple(not_px),
        plural_endings=tuple(sorted({e for pair in plural.values() for e in pair})),
    )


@cache
def suffix_tables() -> SuffixTables:
    """The suffix tables of the data file, read and checked once per process.

    Raises :class:`SuffixDataError` when the file lacks a table or a table is malformed.
    """
    with DATA_FILE.open(encoding="utf-8") as f:
        return _build(yaml.safe_load(f))
