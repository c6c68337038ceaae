"""Russian surface forms of glossary terms: the declension a matcher must recognise.

Common nouns and adjectives are declined with pymorphy3 (its analyzer is loaded once, on
first use). Names that pymorphy3 does not know or misparses are declined by the rules of
Розенталь's handbook (:mod:`.russian_names`): «Билаш» like стол, «-улы» surnames and
foreign names in -о/-е/-и/-у indeclinable, «-ов/-ев/-ин» surnames with INS -ым, female names
in a consonant indeclinable. A multi-word term declines its head
noun (the first noun in the nominative) and the adjectives before it; the rest is kept.

>>> from toolkit.glossary.model import Term
>>> sorted(russian_forms(Term("Билаш", "ru", "preferred", pos="proper-noun", gender="m")))
['Билаш', 'Билаша', 'Билаше', 'Билашем', 'Билашом', 'Билашу']
>>> "Рабочей группы по произвольным задержаниям" in russian_forms(
...     Term("Рабочая группа по произвольным задержаниям", "ru", "preferred", pos="proper-noun"))
True
>>> sorted(russian_forms(Term("тенге", "ru", "preferred", indeclinable=True)))
['тенге']
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING, NamedTuple

from toolkit.errors import ToolkitError
from toolkit.matching.russian_names import (
    FEMALE_SURNAME_SUFFIXES,
    PATRONYMIC_SUFFIXES,
    SURNAME_SUFFIXES,
    Form,
    Table,
    fold_ru,
    indeclinable_by_form,
    plural_rule_table,
    rule_table,
    shares_stem,
)

if TYPE_CHECKING:  # a term is read, never built here: the glossary package is not needed
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

    from toolkit.glossary.model import Term

CASES: tuple[str, ...] = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# pymorphy's second genitive/locative (чаю, в лесу) count as forms of the main case.
_CASE_OF = {c: c for c in CASES} | {"gen2": "gent", "loc2": "loct"}
_GENDERS = {"m": "masc", "f": "femn", "n": "neut"}
#: Errors, archaisms and poetic doublets (языцех, рукою, разжиганье): not worth the matcher's
#: memory; superlatives are other words.
_SKIPPED = frozenset({"Erro", "Dist", "Arch", "Supr", "V-oy", "V-ey", "V-be", "V-bi"})
#: Quote marks that may open / close a word of a term («Атажурт»).
QUOTES_OPEN, _CLOSING = "«\"“„'", "»\"”“',;:"
#: pymorphy3 merges homonyms whose plurals differ by sense (лагерь: лагеря "camps" and лагери
#: "factions"); the plural nominative a news glossary means, by lemma.
PLURAL_BY_SENSE: dict[str, str] = {
    "лагерь": "лагеря",
    "пропуск": "пропуска",
    "орден": "ордена",
    "корпус": "корпуса",
    "учитель": "учителя",
}


@functools.cache
def analyzer() -> MorphAnalyzer:
    """The shared pymorphy3 analyzer, loaded on first use (its dictionaries take ~0.1 s)."""
    try:
        import pymorphy3
    except ImportError as err:  # actionable, not swallowed: say what to install
        raise ImportError(
            "Russian term forms need pymorphy3 and its dictionaries: "
            "pip install 'pymorphy3>=2.0' 'pymorphy3-dicts-ru>=2.4'"
        ) from err
    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[Parse, ...]:
    return tuple(analyzer().parse(word))


def _in_dictionary(parse: Parse) -> bool:
    """True when pymorphy3 found the word in its dictionary (not guessed from its ending)."""
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


@functools.lru_cache(maxsize=65536)
def _nominatives(word: str, pos: tuple[str, ...]) -> tuple[Parse, ...]:
    return tuple(p for p in _parses(word.lower()) if p.tag.POS in pos and p.tag.case == "nomn")


def _gender_fits(parse: Parse, gender: str | None) -> bool:
    own = parse.tag.gender
    return gender is None or own is None or own == gender or "ms-f" in parse.tag


# -- paradigms from pymorphy3 --------------------------------------------------------------


_ADJECTIVAL_NOUN_ENDINGS = ("ый", "ий", "ой")
_NAME_GRAMMEMES = frozenset({"Surn", "Name", "Patr", "Geox", "Orgn"})


@functools.lru_cache(maxsize=65536)
def _lexeme_table(parse: Parse) -> Table:
    """Every case/number form in the lexeme of ``parse`` with the same part of speech."""
    tag = parse.tag
    # A noun declined like an adjective (подсудимый): its lexeme holds the feminine
    # (подсудимой) and the plural (подсудимые) of the same person noun; keep them.
    adjectival = (
        tag.POS == "NOUN"
        and parse.normal_form.endswith(_ADJECTIVAL_NOUN_ENDINGS)
        and not _NAME_GRAMMEMES & tag.grammemes
    )
    out = []
    for form in parse.lexeme:
        ft = form.tag
        case = _CASE_OF.get(ft.case)
        if case is None or ft.POS != tag.POS or _SKIPPED & ft.grammemes:
            continue
        if tag.POS == "PRTF" and (ft.voice, ft.tense) != (tag.voice, tag.tense):
            continue
        if tag.POS == "NOUN" and ft.gender != tag.gender and not adjectival:
            continue  # Surn lexemes hold both genders
        gender = ft.gender if tag.POS != "NOUN" and ft.number == "sing" else None
        animacy = ft.animacy if tag.POS != "NOUN" else None
        out.append(Form(case, ft.number, gender, animacy, form.word))
    chosen = PLURAL_BY_SENSE.get(fold_ru(parse.normal_form))
    if chosen and tag.POS == "NOUN":
        out = [f for f in out if f.number == "sing" or f.case not in ("nomn", "accs")]
        out += [Form(c, "plur", None, None, chosen) for c in ("nomn", "accs")]
    return tuple(out)


# -- one word of a term --------------------------------------------------------------------


class Word(NamedTuple):
    """How one word of a term declines: its forms, gender and animacy (None: not known)."""

    table: Table
    gender: str | None
    animacy: str | None
    numbers: tuple[str, ...]


def _fixed(word: str, gender: str | None, animacy: str | None = None) -> Word:
    table = tuple(Form(c, n, None, None, word.lower()) for c in CASES for n in ("sing", "plur"))
    return Word(table, gender, animacy, ("sing",))


@functools.lru_cache(maxsize=65536)
def _name(word: str, gender: str | None, person: bool | None) -> Word:
    """A proper noun: pymorphy3 when its dictionary has exactly this nominative, else rules."""
    animacy = "anim" if person else "inan" if person is False else None
    known = [
        p
        for p in _nominatives(word, ("NOUN",))
        if _in_dictionary(p)
        and fold_ru(p.normal_form) == fold_ru(word)
        and _gender_fits(p, gender)
        # a person's name is animate (ACC = GEN); -ов/-ев/-ин surnames follow the rules, so a
        # city named like a surname (Гурьев, Конаев) gets INS -ом as well as -ым
        and not (person and "inan" in p.tag)
        and not ("Surn" in p.tag and fold_ru(word).endswith(SURNAME_SUFFIXES))
    ]
    if known:
        tag = known[0].tag
        if "Fixd" in tag:
            return _fixed(word, gender or tag.gender, animacy or tag.animacy)
        table = tuple(f for f in _lexeme_table(known[0]) if f.number == "sing")
        if shares_stem(table, word):
            return Word(table, gender or tag.gender, animacy or tag.animacy, ("sing",))
    if "-" in word:  # Нур-Султан, Касым-Жомарт: only the last part declines
        head, _, tail = word.rpartition("-")
        last = _name(tail, gender, person)
        table = tuple(f._replace(word=f"{head.lower()}-{f.word}") for f in last.table)
        return last._replace(table=table)
    if indeclinable_by_form(word, gender):
        return _fixed(word, gender, animacy)
    return Word(rule_table(word, gender, person, plural=False), gender, animacy, ("sing",))


@functools.lru_cache(maxsize=65536)
def _noun(word: str, gender: str | None, plural_only: bool) -> Word | None:
    """A common noun in the nominative, or None when ``word`` cannot be one."""
    if word.isupper() and len(word) > 1:
        return _fixed(word, gender)
    candidates = _nominatives(word, ("NOUN",))
    known = [p for p in candidates if _in_dictionary(p)]
    if not known:  # by rule, if no dictionary knows the word: кандас, тенге, ханьцы
        if any(map(_in_dictionary, _parses(word.lower()))) or _nominatives(word, ("ADJF",)):
            return None
        if word[-1] in "ыи" and any(p.tag.number == "plur" for p in candidates):
            return Word(plural_rule_table(word.lower()), gender, None, ("plur",))
        if indeclinable_by_form(word, gender):
            return _fixed(word, gender)
        return Word(rule_table(word, gender, None, True), gender, None, ("sing", "plur"))
    parse = min(
        known, key=lambda p: (not _gender_fits(p, gender), (p.tag.number == "plur") != plural_only)
    )
    if "Fixd" in parse.tag:
        return _fixed(word, gender or parse.tag.gender, parse.tag.animacy)
    numbers = ("plur",) if plural_only or "Pltm" in parse.tag else ("sing", "plur")
    table = _lexeme_table(parse)
    if "Sgtm" in parse.tag and not plural_only and all(f.number == "sing" for f in table):
        numbers = ("sing",)
    return Word(table, gender or parse.tag.gender, parse.tag.animacy, numbers)


@functools.lru_cache(maxsize=65536)
def _adjective(word: str) -> tuple[Table, str | None] | None:
    """An adjective or participle in the nominative: its forms and its singular gender."""
    parses = _nominatives(word, ("ADJF", "PRTF"))
    if not parses:
        return None
    gender = next((p.tag.gender for p in parses if p.tag.number == "sing"), None)
    return _lexeme_table(parses[0]), gender


def _select(
    table: Table, case: str, number: str, gender: str | None, animacy: str | None
) -> list[str]:
    return [
        f.word
        for f in table
        if f.case == case
        and f.number == number
        and f.gender in (None, gender)
        and (animacy is None or f.animacy in (None, animacy))
    ]


# -- the term ------------------------------------------------------------------------------


def split_quotes(token: str) -> tuple[str, str, str]:
    """``token`` as (opening quotes, word, closing quotes and punctuation).

    >>> split_quotes("«Атажурт»,")
    ('«', 'Атажурт', '»,')
    """
    core = token.lstrip(QUOTES_OPEN)
    opening = token[: len(token) - len(core)]
    inner = core.rstrip(_CLOSING)
    return opening, inner, core[len(inner) :]


@functools.lru_cache(maxsize=65536)
def _recase(form: str, original: str) -> str:
    """Give ``form`` (lower case) the capitals of ``original``, part by hyphenated part."""
    if fold_ru(form) == fold_ru(original):
        return original
    if original.isupper() and len(original) > 1:
        return form.upper()
    parts, orig = form.split("-"), original.split("-")
    if len(parts) != len(orig):
        return form[:1].upper() + form[1:] if original[:1].isupper() else form
    return "-".join(
        p.capitalize() if o[:1].isupper() else p for p, o in zip(parts, orig, strict=True)
    )


def _looks_like_person(term: Term, cores: list[str]) -> bool:
    """«Серикжан Билаш», «Кастер Мусаханулы»: capitalised words ending in a personal name."""
    if term.pos != "proper-noun" or not 2 <= len(cores) <= 3:
        return False
    if not all(c[:1].isupper() and not c.isupper() for c in cores):
        return False
    if any(_nominatives(c, ("ADJF", "PRTF")) and not _is_name(c) for c in cores):
        return False
    return _is_name(cores[-1])


def _is_name(word: str) -> bool:
    low = fold_ru(word.rpartition("-")[2])
    if low.endswith(PATRONYMIC_SUFFIXES + SURNAME_SUFFIXES + FEMALE_SURNAME_SUFFIXES):
        return True
    return any(
        _in_dictionary(p) and {"Name", "Surn", "Patr"} & p.tag.grammemes for p in _parses(low)
    )


def _plan(term: Term, cores: list[str]) -> tuple[int, Word] | None:
    """The head word's index and declension, or None when the term has no declinable head."""
    gender = _GENDERS.get(term.gender or "")
    proper = term.pos in ("proper-noun", "abbreviation")
    unknown: list[int] = []
    for i, core in enumerate(cores):
        if _nominatives(core, ("ADJF", "PRTF")) and i < len(cores) - 1:
            continue  # an adjective before its noun
        if proper and core[:1].isupper() and not term.plural_only:
            if any(_in_dictionary(p) for p in _nominatives(core, ("NOUN",))) or core.isupper():
                return i, _name(core, gender, None)
            if not _nominatives(core, ("ADJF", "PRTF")):
                unknown.append(i)
                continue
        noun = _noun(core, gender, term.plural_only)
        if noun is not None:
            return i, noun._replace(numbers=("sing",)) if proper and not term.plural_only else noun
        adjective = _adjective(core)
        if adjective is not None:  # a substantivised adjective: Рудный
            table, own_gender = adjective
            numbers = ("plur",) if term.plural_only else ("sing",) if proper else ("sing", "plur")
            return i, Word(table, gender or own_gender, None, numbers)
    if unknown:  # no Russian noun: a foreign name, its modifiers before it (Нагыз Атажурт)
        return unknown[-1], _name(cores[unknown[-1]], gender, None)
    return None


def russian_forms(term: Term) -> frozenset[str]:
    """Every surface form of a ru term: itself, hand-listed forms, and its declension
    (6 cases × singular/plural unless plural_only or the noun has no plural use).

    Forms spelt with ё are also given with е.

    >>> from toolkit.glossary.model import Term
    >>> sorted(russian_forms(Term("Синьцзян", "ru", "preferred", pos="proper-noun", gender="m")))
    ['Синьцзян', 'Синьцзяна', 'Синьцзяне', 'Синьцзяном', 'Синьцзяну']
    >>> "лагерях политического перевоспитания" in russian_forms(
    ...     Term("лагерь политического перевоспитания", "ru", "preferred", pos="noun", gender="m"))
    True
    """
    if term.lang != "ru":
        raise ToolkitError(f"russian_forms() needs a ru term, got {term.lang!r} term {term.text!r}")
    forms = {term.text, *term.forms}
    if not term.indeclinable and term.pos != "verb" and term.text.strip():
        forms |= _declension(term)
    return frozenset(forms | {f.replace("ё", "е").replace("Ё", "Е") for f in forms})


#: What a form of a term expresses: (case, number, gender, animacy); gender only for adjective
#: terms, animacy only in the accusative of a term whose animacy is not known.
Reading = tuple[str, str, str | None, str | None]


def _declension(term: Term) -> set[str]:
    return {form for _, form in tagged_declension(term)}


class _Layout(NamedTuple):
    """How each word of a term declines: the declined words (the head, or every part of a
    person's name), the adjectives agreeing with the head, the rest kept as written."""

    parts: list[tuple[str, str, str]]  # (opening quotes, word, closing) per token
    declined: dict[int, Word]
    agreeing: dict[int, tuple[Table, str | None]]
    head: Word


def _layout(term: Term) -> _Layout | None:
    tokens = term.text.split()
    parts = [split_quotes(t) for t in tokens]
    cores = [inner for _, inner, _ in parts]
    if not all(cores):
        return None
    gender = _GENDERS.get(term.gender or "")
    if _looks_like_person(term, cores):
        declined = dict(enumerate(_name(c, gender, True) for c in cores))
        return _Layout(parts, declined, {}, declined[len(cores) - 1])
    plan = _plan(term, cores)
    if plan is None:
        return None
    head, head_word = plan
    adjectives = [i for i in range(head) if _nominatives(cores[i], ("ADJF", "PRTF"))]
    if "," in parts[head][2] and head + 1 < len(cores):  # лицо, ищущее убежище
        adjectives.append(head + 1)
    agreeing = {i: a for i in adjectives if (a := _adjective(cores[i])) is not None}
    return _Layout(parts, {head: head_word}, agreeing, head_word)


@functools.lru_cache(maxsize=4096)
def tagged_declension(term: Term) -> tuple[tuple[Reading, str], ...]:
    """Every declined form of a term with its reading (case, number, ...), preferred spelling
    of each cell first: what :func:`russian_forms` lists and what re-inflection maps."""
    tokens = term.text.split()
    parts = [split_quotes(t) for t in tokens]
    cores = [inner for _, inner, _ in parts]
    if not all(cores):
        return ()
    if term.pos == "adjective" and len(parts) == 1 and (adjective := _adjective(cores[0])):
        opening, core, closing = parts[0]
        # An adjective with a gender stands for a noun left out (казахский: казахский язык),
        # so only the forms that agree with that noun name the concept (not «казахской»).
        elided = _GENDERS.get(term.gender or "")
        return tuple(
            ((f.case, f.number, f.gender, f.animacy), opening + _recase(f.word, core) + closing)
            for f in adjective[0]
            if elided is None or (f.number == "sing" and f.gender == elided)
        )
    layout = _layout(term)
    if layout is None:
        return ()
    head_word = layout.head
    out: list[tuple[Reading, str]] = []
    for number, case in itertools.product(head_word.numbers, CASES):
        known_animacy = [head_word.animacy] if head_word.animacy else ["anim", "inan"]
        for animacy in known_animacy if case == "accs" else [None]:
            cell = []
            for i, (opening, core, closing) in enumerate(layout.parts):
                if i in layout.declined:
                    word = layout.declined[i]
                    words = _select(word.table, case, number, word.gender, animacy)
                elif i in layout.agreeing:
                    table, own_gender = layout.agreeing[i]
                    agree = (head_word.gender or own_gender) if number == "sing" else None
                    words = _select(table, case, number, agree, animacy)
                else:
                    words = [core]
                cell.append([opening + _recase(w, core) + closing for w in words])
            reading = (case, number, None, None if head_word.animacy else animacy)
            out += [(reading, " ".join(combo)) for combo in itertools.product(*cell)]
    return (*out, *_counted(layout))


#: The reading of a form after два/три/четыре (see :func:`_counted`): a genitive singular
#: head; a term without that form maps it to its own genitive singular.
COUNTED: Reading = ("gent", "count", None, None)


def _counted(layout: _Layout) -> tuple[tuple[Reading, str], ...]:
    """The forms of an adjective + noun term after два/три/четыре (and оба, полтора, and
    numbers ending in them: 3 134): the noun in the genitive singular, its adjectives in
    the genitive or the nominative plural («три этнических казаха», «две этнические
    казашки»; Розенталь, «Справочник по правописанию и литературной правке», on nouns and
    adjectives after 2, 3, 4). None for a term without an adjective before its noun (its
    count form is its genitive singular, already a cell) or for a name, which has no plural
    to count.

    >>> from toolkit.glossary.model import Term
    >>> sorted(f for r, f in tagged_declension(
    ...     Term("этнический казах", "ru", "admitted", pos="noun", gender="m")) if r == COUNTED)
    ['этнические казаха', 'этнических казаха']
    """
    head_word = layout.head
    if not layout.agreeing or len(layout.declined) != 1 or "plur" not in head_word.numbers:
        return ()
    cell = []
    for i, (opening, core, closing) in enumerate(layout.parts):
        if i in layout.declined:
            words = _select(head_word.table, "gent", "sing", head_word.gender, None)
        elif i in layout.agreeing:
            table = layout.agreeing[i][0]
            words = [*_select(table, "nomn", "plur", None, None),
                     *_select(table, "gent", "plur", None, None)]  # fmt: skip
        else:
            words = [core]
        cell.append([opening + _recase(w, core) + closing for w in dict.fromkeys(words)])
    return tuple((COUNTED, " ".join(combo)) for combo in itertools.product(*cell))
