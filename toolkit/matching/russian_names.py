"""Russian declension by rule, for names and nouns pymorphy3 does not know.

Розенталь's handbook (docs/kazakh-morphology.md §7): «Билаш» like стол, «-улы»
surnames and foreign names in -о/-е/-и/-у indeclinable, «-ов/-ев/-ин» surnames with INS -ым,
female names in a consonant indeclinable, -а/-я names like Астана and Монголия.

>>> sorted({f.word for f in rule_table("Астана", "femn", None, plural=False)})
['астана', 'астане', 'астаной', 'астану', 'астаны']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын")
FEMALE_SURNAME_SUFFIXES = ("ова", "ева", "ёва", "ина", "ына")
#: Kazakh patronymic surnames (Мусаханулы, Назарбайкызы) are indeclinable in Russian.
PATRONYMIC_SUFFIXES = ("улы", "ұлы", "кызы", "қызы")


class Form(NamedTuple):
    """One cell entry of a word's paradigm; gender/animacy None where the form has none."""

    case: str
    number: str
    gender: str | None
    animacy: str | None
    word: str


Table = tuple[Form, ...]
_Add = Callable[..., None]  # adds forms of one cell to a table being built


def fold_ru(word: str) -> str:
    """Lower case with ё read as е (Russian print mostly omits the dots)."""
    return word.lower().replace("ё", "е")


def _y(stem: str) -> str:
    """ы, or и after г к х ж ш ч щ (spelling rule)."""
    return "и" if stem[-1:] in "гкхжшчщ" else "ы"


def indeclinable_by_form(word: str, gender: str | None) -> bool:
    low = fold_ru(word)
    if word.isupper() and len(word) > 1:  # ООН, СУАР
        return True
    if low.endswith(PATRONYMIC_SUFFIXES) or low[-1] in "еиоуыэю":
        return True
    # Female names in a consonant do not decline (Айгерим, Акан); a -й stem cannot be female,
    # so a gender f on one (Цинхай) is the gender of its generic noun (провинция).
    return gender == "femn" and low[-1] not in "аяьй"


def rule_table(word: str, gender: str | None, person: bool | None, plural: bool) -> Table:
    """The declension of ``word`` by ending, for names (singular) and unknown nouns."""
    w, last = word.lower(), word[-1].lower()
    stem = w[:-1]
    out: list[Form] = []

    def add(case: str, number: str, *words: str, animacy: str | None = None) -> None:
        out.extend(cell_forms(case, number, *words, animacy=animacy))

    add("nomn", "sing", w)
    hushing = stem[-1:] in "жшчщц"
    if gender == "femn" and w.endswith(FEMALE_SURNAME_SUFFIXES):  # Назарбаева
        for case in ("gent", "datv", "ablt", "loct"):
            add(case, "sing", stem + "ой")
        add("accs", "sing", stem + "у")
        return tuple(out)
    if last in "ая":  # Астана, Кайша, Монголия
        i_stem = w.endswith("ия")
        add("gent", "sing", stem + ("и" if last == "я" else _y(stem)))
        add("datv", "sing", stem + ("и" if i_stem else "е"))
        add("accs", "sing", stem + ("ю" if last == "я" else "у"))
        soft = last == "я" or hushing  # unstressed -ей after hushing consonants, -ой if stressed
        add("ablt", "sing", *((stem + "ей",) if soft else ()))
        add("ablt", "sing", *((stem + "ой",) if last == "а" else ()))
        add("loct", "sing", stem + ("и" if i_stem else "е"))
        if plural:
            nom = stem + ("и" if last == "я" else _y(stem))
            gen = stem + ("й" if last == "я" else "")
            _add_plural(add, nom, gen, stem + ("я" if last == "я" else "а"))
        return tuple(out)
    if last == "ь":  # masc like лагерь, fem like тень; both when the gender is not given
        if gender != "femn":
            _add_soft_masculine(add, w, stem)
        if gender in (None, "femn"):
            add("gent", "sing", stem + "и")
            add("datv", "sing", stem + "и")
            add("accs", "sing", w)
            add("ablt", "sing", stem + "ью")
            add("loct", "sing", stem + "и")
        if plural:
            _add_plural(add, stem + "и", stem + "ей", stem + ("а" if hushing else "я"))
        return tuple(out)
    if last == "й":  # Китай, Семей, Георгий
        _add_soft_masculine(add, w, stem, loct=stem + ("и" if w.endswith("ий") else "е"))
        if plural:
            _add_plural(add, stem + "и", stem + "ев", stem + "я")
        return tuple(out)
    surname = w.endswith(SURNAME_SUFFIXES)
    add("gent", "sing", w + "а")
    add("datv", "sing", w + "у")
    add("accs", "sing", w, animacy="inan")
    add("accs", "sing", w + "а", animacy="anim")
    add("loct", "sing", w + "е")
    if surname and person is not False:  # Токаевым; a place (Гурьевом) when person is unknown
        add("ablt", "sing", w + "ым")
    if not surname or person is not True:
        add("ablt", "sing", w + "ом")
        if w[-1] in "жшчщц":
            add("ablt", "sing", w + "ем")
    if plural:
        gen = w + ("ей" if w[-1] in "жшчщ" else "ев" if w[-1] == "ц" else "ов")
        _add_plural(add, w + _y(w), gen, w + "а")
    return tuple(out)


def _add_soft_masculine(add: _Add, w: str, stem: str, loct: str | None = None) -> None:
    add("gent", "sing", stem + "я")
    add("datv", "sing", stem + "ю")
    add("accs", "sing", w, animacy="inan")
    add("accs", "sing", stem + "я", animacy="anim")
    add("ablt", "sing", stem + "ем")
    add("loct", "sing", loct or stem + "е")


def _add_plural(add: _Add, nom: str, gen: str, oblique: str) -> None:
    """Plural cells; ``oblique`` is the stem plus the vowel of -ам/-ами/-ах (а or я)."""
    add("nomn", "plur", nom)
    add("gent", "plur", gen)
    add("datv", "plur", oblique + "м")
    add("accs", "plur", nom, animacy="inan")
    add("accs", "plur", gen, animacy="anim")
    add("ablt", "plur", oblique + "ми")
    add("loct", "plur", oblique + "х")


def plural_rule_table(word: str) -> Table:
    """An unknown noun given in the plural (кандасы, ханьцы): its plural cells only, since
    the singular may have a fleeting vowel (ханьцы → ханец)."""
    out: list[Form] = []
    stem = word[:-1]
    gen = stem + ("ей" if stem[-1] in "жшчщ" else "ев" if stem[-1] == "ц" else "ов")
    _add_plural(lambda *a, **k: out.extend(cell_forms(*a, **k)), word, gen, stem + "а")
    return tuple(out)


def cell_forms(case: str, number: str, *words: str, animacy: str | None = None) -> list[Form]:
    return [Form(case, number, None, animacy, w) for w in words]


def shares_stem(table: Table, word: str) -> bool:
    """A name's forms keep its stem (a guessed lemma such as Билаша for Билаш must not win)."""
    stem = fold_ru(word)[: max(1, len(word) - 2)]
    return all(fold_ru(f.word).startswith(stem) for f in table)
