"""When a Russian language adjective on its own means the language.

CLDR names languages in Russian by an adjective: «китайский», «уйгурский», «казахский». On its
own the adjective is the language where it stands for «… язык» («говорит на китайском»,
«перевёл с уйгурского на казахский»), and an ordinary adjective where a noun it agrees with
follows («в китайском регионе», «к уйгурскому меньшинству», «Китайские власти»). The agreement
is read from pymorphy3's analyses of the two words: the same case and number (and gender in
the singular) in some analysis of each.
"""

from __future__ import annotations

import functools
import re

from toolkit.matching.russian import analyzer

#: the next word, if only spaces (or a hyphen-less line break) stand between
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([А-Яа-яЁё]+)")
#: parts of speech a language adjective can agree with as its modifier
_HEADS = frozenset({"NOUN", "ADJF", "PRTF"})


@functools.lru_cache(maxsize=8192)
def _agreement(word: str, parts_of_speech: frozenset[str]) -> frozenset[tuple[str, str, str]]:
    """(case, number, gender or "") of every analysis of ``word`` with one of the parts of
    speech; abbreviations (pymorphy3 reads «и» as one) do not count."""
    out = set()
    for parse in analyzer().parse(word.lower()):
        tag = parse.tag
        if tag.POS not in parts_of_speech or "Abbr" in tag or not parse.is_known:
            continue
        gender = (tag.gender or "") if tag.number == "sing" else ""
        out.add((str(tag.case), str(tag.number), gender))
    return frozenset(out)


def _agrees(
    adjective: frozenset[tuple[str, str, str]], noun: frozenset[tuple[str, str, str]]
) -> bool:
    for case, number, gender in adjective:
        for n_case, n_number, n_gender in noun:
            if (
                case == n_case
                and number == n_number
                and (not gender or not n_gender or gender == n_gender)
            ):
                return True
    return False


def is_russian_language_use(text: str, start: int, end: int) -> bool:
    """The language term at ``text[start:end]`` means the language: a term of several words
    («китайский язык»), or an adjective that no following noun or adjective agrees with.

    >>> text = "Переводчик перевёл письмо с уйгурского на китайский."
    >>> is_russian_language_use(text, 28, 38), is_russian_language_use(text, 42, 51)
    (True, True)
    >>> text = "Политика по отношению к уйгурскому меньшинству изменилась."
    >>> is_russian_language_use(text, 24, 34)
    False
    >>> text = "Он говорит на казахском и русском языках."
    >>> is_russian_language_use(text, 14, 23)
    True
    """
    surface = text[start:end]
    if len(surface.split()) > 1:
        return True
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return True
    own = _agreement(surface, frozenset({"ADJF"}))
    return not _agrees(own, _agreement(following.group(1), _HEADS))
