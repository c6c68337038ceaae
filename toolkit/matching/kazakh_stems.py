"""What a Kazakh stem is, as the suffix tables see it: the harmony of the endings it takes,
the class of its final sound, and whether it is an abbreviation, an -ұлы/-қызы surname or the
possessive head of a phrase. :mod:`toolkit.matching.kazakh` chooses the endings from these.

Every function but :func:`is_abbreviation` takes the word in lower case.
"""

from __future__ import annotations

from toolkit.matching.kazakh_suffixes import BACK, BOTH, FRONT, SIGNS, suffix_tables


def harmonies(lower: str, capitalised: bool = False) -> tuple[int, ...]:
    """The harmony (``BACK``/``FRONT``, or both) of the endings a lower-case stem takes.

    The last vowel decides; и, у, ю are decided from the vowels before them; loanword clusters,
    ь and ё are front; -ов/-ев surnames follow the stem before the ending.

    >>> harmonies("серікжан"), harmonies("біләш"), harmonies("парк"), harmonies("лагерь")
    ((0,), (1,), (1,), (1,))
    >>> harmonies("назарбаев"), harmonies("әуезов"), harmonies("путин"), harmonies("қоздыру")
    ((0,), (0, 1), (1,), (0,))
    """
    t = suffix_tables()
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
    final = lower.rstrip(SIGNS)
    return suffix_tables().stem_classes.get(final[-1], ()) if final else ()


def is_abbreviation(word: str) -> bool:
    """True for an all-caps abbreviation such as БҰҰ, АҚШ, ҚР (two letters or more)."""
    return len(word) >= 2 and word.isupper()


def is_patronymic(lower: str) -> bool:
    """True for an -ұлы/-қызы surname (Мұсаханұлы): ұл/қыз + possessive."""
    return lower.endswith(suffix_tables().patronymic_endings)


def is_possessive_head(lower: str) -> bool:
    """True when the head of a multi-word term ends in the possessive -ы/-і (izafet).

    >>> is_possessive_head("еріктілері"), is_possessive_head("іздеуші"), is_possessive_head("сот")
    (True, False, False)
    """
    t = suffix_tables()
    # a vowel before the final ы/і can only be a glide (қамауы, миы): still a possessive
    return len(lower) > 2 and lower[-1] in "ыі" and not lower.endswith(t.not_possessive_endings)
