"""Re-inflection for Russian: the form of one term with the case and number of another's
surface form (оралманов → кандасов), for `toolkit conform`."""

from __future__ import annotations

from toolkit.errors import ToolkitError
from toolkit.glossary.model import Term
from toolkit.matching.normalize import fold
from toolkit.matching.normalize import match_case as _match_case
from toolkit.matching.russian import QUOTES_OPEN, Reading, split_quotes, tagged_declension

#: Readings of an ambiguous surface, most likely first: the cases by their frequency in
#: Russian text (nominative, genitive, accusative, prepositional, instrumental, dative), so
#: Астане reads as «в Астане» before «Астане» (DAT); singular before plural.
_CASE_RANK = {c: i for i, c in enumerate(("nomn", "gent", "accs", "loct", "ablt", "datv"))}
_NOMINATIVE: Reading = ("nomn", "sing", None, None)


def _key(text: str) -> str:
    return " ".join(fold(text).translate(_NO_QUOTES).split())


_NO_QUOTES = str.maketrans("", "", '«»"“”„')


def _readings(surface: str, term: Term) -> list[Reading]:
    """The readings of ``surface`` as a form of ``term``, most likely first (see _CASE_RANK).

    An indeclinable or verb term's text (or hand form) reads as the nominative. A hand form
    that is not in the declension of the text is declined as a spelling variant of its own.
    """
    key = _key(surface)
    if term.indeclinable or term.pos == "verb":
        return [_NOMINATIVE] if key in {_key(f) for f in (term.text, *term.forms)} else []
    cells = tagged_declension(term)
    found = [r for r, form in cells if _key(form) == key]
    known = {_key(form) for _, form in cells}
    for variant in term.forms:
        if not found and _key(variant) not in known:
            found = [r for r, f in tagged_declension(term._replace(text=variant)) if _key(f) == key]
    if not found and key == _key(term.text):  # a text the declension does not reproduce
        found = [_NOMINATIVE]
    return sorted(dict.fromkeys(found), key=lambda r: (_CASE_RANK[r[0]], r[1] != "sing"))


def _cell(cells: tuple[tuple[Reading, str], ...], reading: Reading, any_number: bool) -> str | None:
    """The target's form for a reading: same case and number (any number if asked), the
    reading's gender and animacy where the target has that choice, else the target's own."""
    case, number, gender, animacy = reading
    best, best_score = None, -1
    for (c, n, g, a), form in cells:
        if c != case or not (n == number or any_number):
            continue
        score = (n == number) * 4 + (g in (None, gender)) * 2 + (a in (None, animacy))
        if score > best_score:
            best, best_score = form, score
    return best


def russian_inflect_like(surface: str, source: Term, target: Term) -> str | None:
    """The form of ``target`` in the case and number of ``surface``, a form of ``source``.

    The surface is looked up (case-insensitively, ё = е, quotes ignored) in the source's
    declension; the target's head noun and its agreeing adjectives are declined to match.
    The surface's ALL CAPS or sentence-initial capital is kept, and so are quotes around it
    («Атаджурта» → «Атажурта»). Ambiguous surfaces (оралманы = NOM/ACC plural, лагеря =
    GEN sg/NOM pl) take the target form most readings agree on, ties going to the order of
    ``_CASE_RANK`` (nominative first). An accusative
    keeps the source's animacy only where the target's own is unknown. Number is neutralised
    when the target has only one (plural-only nouns, names): the same case in its number.
    An indeclinable target is its text for every reading. None when the surface is not a form
    of the source, or the target is a verb or has no declension and the reading is oblique.

    >>> source = Term("оралман", "ru", "deprecated", pos="noun", gender="m")
    >>> russian_inflect_like("Оралманов", source, Term("кандас", "ru", "preferred", pos="noun"))
    'Кандасов'
    """
    if source.lang != "ru" or target.lang != "ru":
        raise ToolkitError(
            f"russian_inflect_like() needs ru terms, got {source.lang}, {target.lang}"
        )
    opening, core, closing = split_quotes(surface)
    if source.text.startswith(tuple(QUOTES_OPEN)) or not core:
        opening, core, closing = "", surface, ""
    form = _inflect(core, source, target)
    return None if form is None else opening + _match_case(core, source.text, form) + closing


def _inflect(surface: str, source: Term, target: Term) -> str | None:
    readings = _readings(surface, source)
    if not readings:
        return None
    cells = () if target.indeclinable or target.pos == "verb" else tagged_declension(target)
    if not cells:
        return target.text if target.indeclinable or readings[0][0] == "nomn" else None
    for any_number in (False, True):
        votes: dict[str, int] = {}
        for reading in readings:
            form = _cell(cells, reading, any_number)
            if form is not None:
                votes[form] = votes.get(form, 0) + 1
        if votes:
            return max(votes, key=votes.__getitem__)  # ties: the first (best-ranked) reading
    return None
