"""Kazakh (Cyrillic) surface forms of glossary terms: a suffix generator with vowel harmony.

The endings are data (``data/kk_suffixes.yaml``; the grammar and its sources are in
``docs/kazakh-morphology.md``); this module decides which stem class and
harmony a word has and stacks the endings: plural, 3rd-person and 1st-person plural
possessive, the seven cases and the attributive locative -дағы.

>>> forms = kazakh_word_forms("Шыңжаң")
>>> "Шыңжаңнан" in forms, "Шыңжаңдағы" in forms, "Шыңжаңдан" in forms
(True, True, False)
>>> {"қандастарға", "қандастарындағы", "қандасына", "қандасымыздың"} <= kazakh_word_forms("қандас")
True

Only inflection is generated, never derivation (Қытайлық, қытайша, Алматылық).
:func:`kazakh_inflect_like` re-inflects: a form of one term → the same form of another.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from toolkit.errors import ToolkitError

if TYPE_CHECKING:  # a term is read, never built here: the glossary package is not needed
    from toolkit.glossary.model import Term

DATA_FILE = Path(__file__).resolve().parent / "data" / "kk_suffixes.yaml"

#: Case slots of the data file, in paradigm order (the nominative is the bare stem).
CASES: tuple[str, ...] = ("GEN", "DAT", "ACC", "LOC", "ABL", "INS")
#: Stem classes of the data file (which first consonant a suffix takes).
STEM_CLASSES: tuple[str, ...] = ("vowel", "sonorant", "l", "z", "nasal", "voiceless")
#: Parts of speech whose hand-listed ``forms`` (spelling variants, plurals) are inflected too;
#: the forms of phrases, verbs and adjectives are taken as given.
INFLECTED_FORMS_POS: frozenset[str | None] = frozenset(
    {None, "noun", "proper-noun", "abbreviation"}
)

BACK, FRONT = 0, 1
BOTH: tuple[int, ...] = (BACK, FRONT)
_SIGNS = "ьъ"


class SuffixDataError(ToolkitError):
    """The suffix data file is malformed (a missing table or a table without both harmonies)."""


@dataclass(frozen=True, slots=True)
class _Tables:
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


def _build(data: dict[str, Any]) -> _Tables:
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

    personal_tags = tuple((p, *f) for p in persons for f in _BARE_TAGS)
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
    return _Tables(
        vowel_class=vowel_class,
        stem_classes=stem_classes,
        alphabet=frozenset(vowel_class) | frozenset(stem_classes) | frozenset(_SIGNS),
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
def _tables() -> _Tables:
    """Read the data file once per process."""
    with DATA_FILE.open(encoding="utf-8") as f:
        return _build(yaml.safe_load(f))


# -- analysis of one word (lower-case) -----------------------------------------------------------


def harmonies(lower: str, capitalised: bool = False) -> tuple[int, ...]:
    """The harmony (``BACK``/``FRONT``, or both) of the endings a lower-case stem takes.

    The last vowel decides; и, у, ю are decided from the vowels before them; loanword clusters,
    ь and ё are front; -ов/-ев surnames follow the stem before the ending.

    >>> harmonies("серікжан"), harmonies("біләш"), harmonies("парк"), harmonies("лагерь")
    ((0,), (1,), (1,), (1,))
    >>> harmonies("назарбаев"), harmonies("әуезов"), harmonies("путин"), harmonies("қоздыру")
    ((0,), (0, 1), (1,), (0,))
    """
    t = _tables()
    if lower.endswith("ь"):
        return (FRONT,)
    for ending in t.surname_endings:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            return (BACK,) if harmonies(lower[: -len(ending)]) == (BACK,) else BOTH
    vowel_class = t.vowel_class
    i = len(lower) - 1
    while i >= 0 and lower[i] not in vowel_class:
        i -= 1
    if i < 0:
        return BOTH
    last = lower[i]
    h = vowel_class[last]
    if h == BACK:
        return (FRONT,) if lower.endswith(t.front_clusters) else (BACK,)
    if h == FRONT:
        return (FRONT,)
    if last in "уи" and i > 0 and lower[i - 1] in vowel_class:  # glide (ау, ей): the vowel before
        return harmonies(lower[:i], capitalised)
    earlier = next(
        (vowel_class[c] for c in reversed(lower[:i]) if vowel_class.get(c) is not None), None
    )
    if last == "и":  # loans: front (министрге, Путинге); native usage varies (Мұхит)
        return (FRONT,) if earlier in (None, FRONT) else BOTH
    if last == "у":  # verbal nouns follow the verb (кесуге, қоздыруға); су is back (Жетісу)
        if i < len(lower) - 1:  # у in a closed last syllable is a loan's back u (форумға)
            if lower.endswith(t.front_clusters):  # хирургке (emle 2018 §95)
                return (FRONT,)
            return BOTH if earlier == FRONT else (BACK,)
        if earlier is None:
            return (BACK,)
        return BOTH if capitalised and earlier == FRONT else (earlier,)
    return BOTH if earlier is None else (earlier,)


def stem_classes(lower: str) -> tuple[str, ...]:
    """The classes of a lower-case stem's final sound (ь looks at the letter before it).

    >>> stem_classes("алматы"), stem_classes("шыңжаң"), stem_classes("лагерь"), stem_classes("би")
    (('vowel',), ('nasal',), ('sonorant',), ('vowel', 'sonorant'))
    """
    final = lower.rstrip(_SIGNS)
    return _tables().stem_classes.get(final[-1], ()) if final else ()


def is_abbreviation(word: str) -> bool:
    """True for an all-caps abbreviation such as БҰҰ, АҚШ, ҚР (two letters or more)."""
    return len(word) >= 2 and word.isupper()


def is_patronymic(lower: str) -> bool:
    """True for an -ұлы/-қызы surname (Мұсаханұлы): ұл/қыз + possessive."""
    return lower.endswith(_tables().patronymic_endings)


def is_possessive_head(lower: str) -> bool:
    """True when the head of a multi-word term ends in the possessive -ы/-і (izafet).

    >>> is_possessive_head("еріктілері"), is_possessive_head("іздеуші"), is_possessive_head("сот")
    (True, False, False)
    """
    t = _tables()
    # a vowel before the final ы/і can only be a glide (қамауы, миы): still a possessive
    return len(lower) > 2 and lower[-1] in "ыі" and not lower.endswith(t.not_possessive_endings)


# -- generation -----------------------------------------------------------------------------

#: Grammatical features of a form, in slot order: ("PL", "PX3", case, "ATTR"), each optional
#: but the case: ("NOM",), ("PL", "DAT"), ("PX3", "LOC", "ATTR"), ("PL", "PX3", "GEN").
Features = tuple[str, ...]
#: form → its features, in order of preference (the first form of a feature set is the one
#: a generator writes); a form generated twice keeps its first features.
Tagged = dict[str, Features]

_CASE_TAGS: tuple[Features, ...] = (*((c,) for c in CASES), ("LOC", "ATTR"))
_BARE_TAGS: tuple[Features, ...] = (("NOM",), *_CASE_TAGS)  # singular, after_possessive
_PL_TAGS: tuple[Features, ...] = tuple(("PL", *f) for f in _BARE_TAGS)
_PX_TAGS: tuple[Features, ...] = tuple(("PX3", *f) for f in _BARE_TAGS)
_PLAIN_TAGS: tuple[Features, ...] = (*_BARE_TAGS, *_PL_TAGS, *(("PL", *f) for f in _PX_TAGS))
_ABBREVIATION_TAGS: tuple[Features, ...] = (*_CASE_TAGS, *_PL_TAGS)


def _possessive_stems(word: str, lower: str) -> tuple[str, ...]:
    """The stems the possessive is added to: ь dropped, final п к қ voiced after a vowel."""
    if lower.endswith("ь"):
        return (word[:-1],)
    voiced = _tables().voicing.get(lower[-1])
    if voiced is None or len(lower) < 2 or lower[-2] not in _tables().vowel_class:
        return (word,)
    stem = word[:-1] + (voiced.upper() if word[-1].isupper() else voiced)
    # proper names: usage varies, keep the written consonant too
    return (stem, word) if word[0].isupper() else (stem,)


def _add(out: Tagged, stem: str, endings: tuple[str, ...], tags: tuple[Features, ...]) -> None:
    for ending, features in zip(endings, tags, strict=True):
        out.setdefault(stem + ending, features)


def _declinable(word: str, lower: str, plural: bool) -> Tagged:
    """Plural, possessive and case forms of an ordinary word (no hyphen, not all-caps).

    Preferred first: the linking-vowel spelling (фактіге), the written ь (лагерьге), the
    voiced possessive stem (кітабы), back endings when both harmonies are possible.
    """
    t = _tables()
    classes = stem_classes(lower)
    hs = harmonies(lower, word[0].isupper())
    # each spelling of the stem: (stem for consonant endings, stems for the possessive, classes)
    spellings = [(word, _possessive_stems(word, lower), classes)]
    if lower.endswith("ь"):  # press spelling without ь: лагерлер, лагерде
        spellings.append((word[:-1], (word[:-1],), classes))
    for cluster, vowel in t.linking_vowel.items():
        if lower.endswith(cluster):  # фактіге, актілер, актісі: a vowel stem
            spellings.insert(0, (word + vowel, (word + vowel,), ("vowel",)))
    dropped_stems: list[str] = []
    for cluster, dropped in t.dropped_final.items():
        if lower.endswith(cluster) and len(lower) > len(cluster) + 1:  # журналиске, съезге
            stem = word[: -len(dropped)]
            spellings.insert(0, (stem, (stem,), stem_classes(lower[: -len(dropped)])))
            dropped_stems.append(stem)
    table, tags = (t.plain, _PLAIN_TAGS) if plural else (t.singular, _BARE_TAGS)
    out: Tagged = {word: ("NOM",)}
    for stem, px_stems, stem_cls in spellings:
        for cls in stem_cls:
            for h in hs:
                _add(out, stem, table[cls, h], tags)
                for px_stem in px_stems:
                    _add(out, px_stem, t.possessive[cls, h], _PX_TAGS)
    # 1st-person possessives come after every 3rd-person form: a spelling both could give
    # (none today) keeps its 3rd-person reading
    for stem, px_stems, stem_cls in spellings:
        for cls in stem_cls:
            for h in hs:
                for px_stem in px_stems:
                    _add(out, px_stem, t.personal[cls, h], t.personal_tags)
                if plural:
                    _add(out, stem, t.plural_personal[cls, h], t.plural_personal_tags)
    for stem in dropped_stems:  # the shortened stem is never written alone
        out.pop(stem, None)
    return out


def _after_possessive(word: str, lower: str) -> Tagged:
    """Forms of a word that already ends in a possessive: еріктілерінің, Республикасында.
    The possessive belongs to the term, so the features are the case alone."""
    out: Tagged = {}
    for h in harmonies(lower, word[0].isupper()):
        _add(out, word, _tables().after_possessive[h], _BARE_TAGS)
    return out


def _possessive_head(word: str, lower: str) -> Tagged:
    """The head of a multi-word term that ends in a possessive: :func:`_after_possessive`,
    and, for a singular noun whose stem the letters show, its plural before the possessive
    (Қазақстан азаматы → Қазақстан азаматтарының), tagged PL + case."""
    t = _tables()
    out = _after_possessive(word, lower)
    # the noun before the possessive -ы/-і, when the letters tell it: азамат-ы. Not after a
    # vowel (a glide: қамауы), and not a vowel + с + ы, which is облыс-ы or Республика-сы.
    stem, stem_lower = word[:-1], lower[:-1]
    if stem_lower[-1:] in t.vowel_class or (
        stem_lower[-1:] == "с" and stem_lower[-2:-1] in t.vowel_class
    ):
        return out
    if len(stem_lower) > 1 and not _plural_ending(stem_lower):
        for form, features in _declinable(stem, stem_lower, plural=True).items():
            if features[:2] == ("PL", "PX3"):
                out.setdefault(form, ("PL", *features[2:]))
    return out


def _plural_ending(lower: str) -> str | None:
    """The plural suffix ``lower`` ends in (еріктілер: -лер), or None."""
    return next((e for e in _tables().plural_endings if lower.endswith(e)), None)


def _patronymic(word: str, lower: str) -> Tagged:
    """-ұлы/-қызы surnames: the possessive set (Мұсаханұлына, preferred) and the plain one
    (…ұлыға)."""
    out = _after_possessive(word, lower)
    for h in harmonies(lower):
        _add(out, word, _tables().singular["vowel", h], _BARE_TAGS)
    return out


def _abbreviation(word: str, lower: str, hyphen: bool) -> Tagged:
    """Abbreviations: the ending is chosen by how it is read, which the spelling does not show.

    Both harmonies, the class of the final letter and of a letter name (ҚР read қы-ры takes
    -ның), with a hyphen and without: АҚШ-қа, АҚШқа, БҰҰ-ның, ҚР-ға. Preferred (generated
    first): read as written (the final letter's class, the word's own harmony), hyphenated.
    """
    t = _tables()
    classes = dict.fromkeys((*stem_classes(lower), "vowel"))
    hs = dict.fromkeys((*harmonies(lower), *BOTH))
    out: Tagged = {word: ("NOM",)}
    for joint in ("-", "") if hyphen else ("",):
        for cls in classes:
            for h in hs:
                _add(out, word + joint, t.abbreviation[cls, h], _ABBREVIATION_TAGS)
    return out


def _tagged_word_forms(word: str, plural: bool = True, head_of_phrase: bool = False) -> Tagged:
    """Every form of one word with its features (see :data:`Features`), preferred first.

    >>> forms = _tagged_word_forms("оралман")
    >>> forms["оралмандарға"], forms["оралманның"], forms["оралманындағы"]
    (('PL', 'DAT'), ('GEN',), ('PX3', 'LOC', 'ATTR'))
    """
    t = _tables()
    cut = word.rfind("-") + 1
    prefix, part = word[:cut], word[cut:]
    lower = part.lower()
    if not lower or not set(lower) <= t.alphabet or not stem_classes(lower):
        return {word: ("NOM",)}  # digits, Latin letters or punctuation: the reading is unknown
    if is_abbreviation(part):
        forms = _abbreviation(part, lower, hyphen=not prefix)
    elif is_patronymic(lower):
        forms = _patronymic(part, lower)
    elif head_of_phrase and is_possessive_head(lower):
        forms = _possessive_head(part, lower)
    else:
        forms = _declinable(part, lower, plural)
    return {prefix + f: tags for f, tags in forms.items()} if prefix else forms


def kazakh_word_forms(word: str) -> frozenset[str]:
    """Every surface form of one Kazakh word (see :func:`kazakh_forms`).

    A single word is never read as a possessive (Алматы, Қарағанды end in -ы too), except an
    -ұлы/-қызы surname; a hyphenated word inflects its last part; an all-caps abbreviation
    takes its endings after a hyphen or directly. A word with digits, Latin letters or
    punctuation is returned alone: its reading, hence its endings, is unknown.

    >>> sorted(f for f in kazakh_word_forms("Алматы") if len(f) <= 9)
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Алматы', 'Алматыда', 'Алматыдан', 'Алматылар', 'Алматымен', 'Алматымыз', 'Алматыны',
     'Алматының', 'Алматысы', 'Алматысын', 'Алматыға']
    >>> sorted(f for f in kazakh_word_forms("БҰҰ") if f.endswith("ның"))
    ['БҰҰ-ның', 'БҰҰның']
    >>> "Нұр-Сұлтандағы" in kazakh_word_forms("Нұр-Сұлтан")
    True
    """
    return frozenset(_tagged_word_forms(word))


def tagged_phrase_forms(text: str, plural: bool) -> Tagged:
    """The forms of a term's text with their features: only the head (last word) inflects,
    the modifiers stay as they are.

    >>> forms = tagged_phrase_forms("Атажұрт еріктілері", plural=False)
    >>> "Атажұрт еріктілерінің" in forms, "Атажұрттың еріктілері" in forms
    (True, False)
    """
    cut = max(text.rfind(" "), text.rfind("\t"), text.rfind("\u00a0")) + 1
    prefix, head = text[:cut], text[cut:]
    if not head:
        return {text: ("NOM",)}
    forms = _tagged_word_forms(head, plural, head_of_phrase=bool(prefix.strip()))
    if not prefix:
        return forms
    out = {prefix + f: tags for f, tags in forms.items()}
    shorter = without_genitives(prefix)
    if shorter != prefix:  # the same forms, after the modifiers of the other izafet
        for f, tags in forms.items():
            out.setdefault(shorter + f, tags)
    return out


def _genitive_stem(word: str) -> str | None:
    """``word`` without its genitive ending, when it is the genitive of that stem
    (Республикасының → Республикасы, БҰҰ-ның → БҰҰ); else None."""
    for ending in _tables().genitive_endings:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)].removesuffix("-")
            if _tagged_word_forms(stem).get(word) == ("GEN",):
                return stem
    return None


def without_genitives(modifiers: str) -> str:
    """The modifiers of a term's head with their genitive endings left out: Kazakh joins a
    possessor to its possessed noun with the genitive (Қазақстан Республикасының Жоғарғы
    Соты) or without it (Қазақстан Республикасы Жоғарғы Соты), and official texts and the
    press write both (docs/kazakh-morphology.md §4).

    >>> without_genitives("Қазақстан Республикасының ")
    'Қазақстан Республикасы '
    >>> without_genitives("БҰҰ-ның адам құқықтары жөніндегі ")
    'БҰҰ адам құқықтары жөніндегі '
    >>> without_genitives("Атажұрт ")
    'Атажұрт '
    """
    return " ".join(
        (_genitive_stem(word) or word) if word else word for word in modifiers.split(" ")
    )


def kazakh_forms(term: Term) -> frozenset[str]:
    """Every surface form of a kk term: the term itself, its hand-listed forms, and generated
    inflections of its head (last) word: plural, 3rd-person possessive, the seven cases
    (nom gen dat acc loc abl ins), LOC+ATTR (-дағы), and the stacks PL+case, PX3+case,
    PL+PX3+case, PL+LOC+ATTR, PX3+LOC+ATTR; the 1st-person plural possessive "our"
    (қандасымыз, қандастарымыздың: PX1PL, PL+PX1PL, with every case) on a head that is not
    already a possessive. Multi-word terms inflect only the last word;
    a head that already ends in the possessive (еріктілері, Республикасы, Ұйымы, -ұлы/-қызы
    names) takes the post-possessive endings (-ның, -на/-не, -н, -нда, -нан, -мен).

    Hand-listed forms of nouns, proper nouns and abbreviations are inflected the same way
    (лагерлері → лагерлерінде); an ``indeclinable`` term has only its text and forms.
    A plural-only term gets no second plural.

    >>> from toolkit.glossary.model import Term
    >>> forms = kazakh_forms(Term("Атажұрт еріктілері", "kk", "preferred"))
    >>> "Атажұрт еріктілерінің" in forms, "Атажұрт еріктілеріға" in forms
    (True, False)
    >>> sorted(kazakh_forms(Term("Мұсаханұлы", "kk", "admitted")))
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Мұсаханұлы', 'Мұсаханұлыда', 'Мұсаханұлыдан', 'Мұсаханұлыдағы', 'Мұсаханұлымен',
     'Мұсаханұлын', 'Мұсаханұлына', 'Мұсаханұлынан', 'Мұсаханұлында', 'Мұсаханұлындағы',
     'Мұсаханұлыны', 'Мұсаханұлының', 'Мұсаханұлыға']
    """
    if term.lang != "kk":
        raise ValueError(f"kazakh_forms needs a kk term, got {term.text!r} in {term.lang!r}")
    out = {term.text, *term.forms}
    if term.indeclinable:
        return frozenset(out)
    bases = (term.text, *term.forms) if term.pos in INFLECTED_FORMS_POS else (term.text,)
    if term.pos == "noun" and (singular := singular_head(term.text)):
        bases = (*bases, singular)
    for base in bases:
        out.update(tagged_phrase_forms(base, plural=not term.plural_only))
    return frozenset(out)


def singular_head(text: str) -> str | None:
    """A common-noun term whose head is plural + possessive, with the head in the singular:
    what follows a numeral (40 бұқаралық ақпарат құралы). None for any other term.

    >>> singular_head("бұқаралық ақпарат құралдары"), singular_head("Қазақстан азаматы")
    ('бұқаралық ақпарат құралы', None)
    """
    prefix, _, head = text.rpartition(" ")
    lower = head.lower()
    ending = _plural_ending(lower[:-1]) if prefix and is_possessive_head(lower) else None
    if ending is None:
        return None
    noun = head[: -1 - len(ending)]
    for form, features in _tagged_word_forms(noun).items():
        if features == ("PX3", "NOM"):
            return f"{prefix} {form}"
    return None


# -- re-inflection ----------------------------------------------------------------------------
