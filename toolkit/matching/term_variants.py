"""Spellings of a glossary term that the press writes and the glossary need not list: each is
recognised, in every form, as the term it comes from.

* a person named by the surname alone (:func:`surname_terms`);
* a standard abbreviation in place of part of a term («ҚР Президенті», «Верховный суд РК»),
  from ``data/abbreviations.yaml`` (:func:`abbreviated`);
* a Russian law or code with the country after its head and its subject as a quoted title
  («Кодекс РК «Об административных правонарушениях»», «закон «О мирных собраниях»»)
  (:func:`legal_titles`);
* the other of the American and British spellings of an English term («defence lawyer»,
  «extremist organisation»), from ``data/en_spellings.yaml`` (:func:`other_spelling`);
* a ministry named by the first of its portfolios («Министерство труда», «Еңбек
  министрлігі», «Labor Ministry») (:func:`first_portfolio`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from toolkit.glossary.model import Concept, Term
from toolkit.matching.normalize import fold

DATA = Path(__file__).resolve().parent / "data"
ABBREVIATIONS_FILE = DATA / "abbreviations.yaml"
EN_SPELLINGS_FILE = DATA / "en_spellings.yaml"
#: head nouns of Russian legal acts, and the prepositions that open their subject
_LEGAL_HEADS = frozenset({"закон", "кодекс"})
_ABOUT = frozenset({"о", "об", "обо"})
#: the country, written after a legal act's head (its abbreviation comes from abbreviations)
_OF_KAZAKHSTAN = "Республики Казахстан"


def term_variants(concept: Concept, lang: str) -> list[tuple[Term, Term]]:
    """(variant, the term it stands for) for every variant of the concept's ``lang`` terms."""
    out = surname_terms(concept, lang)
    for term in concept.terms.get(lang, ()):
        texts = legal_titles(term.text) if lang == "ru" else []
        if lang == "en" and (other := other_spelling(term.text)) is not None:
            texts.append(other)
        if (short_name := first_portfolio(term.text, lang)) is not None:
            texts.append(short_name)
        texts.append(term.text)
        for text in texts:
            short = abbreviated(text, lang)
            for variant in (text, short):
                if variant is not None and variant != term.text:
                    out.append((term._replace(text=variant, forms=()), term))
    return out


def surname_terms(concept: Concept, lang: str) -> list[tuple[Term, Term]]:
    """(surname, full name) for each full name of a person whose surname alone the glossary
    does not list, when it lists the surname alone of another of the person's full names:
    the press calls a person by the surname after the first mention, whichever spelling of
    the full name it uses («Kaisha Akan» … «Akan» beside the glossary's «Qaisha Aqan», «Aqan»).

    >>> from toolkit.glossary.model import Concept
    >>> person = Concept("qaisha-aqan", "people", {"en": (
    ...     Term("Qaisha Aqan", "en", "preferred"), Term("Aqan", "en", "admitted"),
    ...     Term("Kaisha Akan", "en", "admitted"))})
    >>> [(s.text, full.text) for s, full in surname_terms(person, "en")]
    [('Akan', 'Kaisha Akan')]
    """
    if concept.kind != "person":
        return []
    terms = concept.terms.get(lang, ())
    single = {fold(t.text) for t in terms if len(t.text.split()) == 1}
    names = [t for t in terms if len(t.text.split()) > 1]
    if not any(fold(t.text.split()[-1]) in single for t in names):
        return []  # the glossary does not name this person by the surname alone
    out = []
    for full in names:
        last = full.text.split()[-1]
        if fold(last) not in single:
            out.append((full._replace(text=last, forms=(), line=full.line), full))
    return out


@functools.cache
def _abbreviations() -> dict[str, tuple[tuple[str, str], ...]]:
    """language → (full words, abbreviation), from data/abbreviations.yaml."""
    with ABBREVIATIONS_FILE.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return {lang: tuple((row["full"], row["short"]) for row in rows) for lang, rows in data.items()}


def abbreviated(text: str, lang: str) -> str | None:
    """``text`` with the first part that has a standard abbreviation abbreviated, or None.

    >>> abbreviated("Қазақстан Республикасының Президенті", "kk")
    'ҚР Президенті'
    >>> abbreviated("Президент Республики Казахстан", "ru")
    'Президент РК'
    >>> abbreviated("Республика Казахстан", "ru") is None
    True
    """
    padded = f" {text} "
    for full, short in _abbreviations().get(lang, ()):
        if f" {full} " in padded and text != full:
            return padded.replace(f" {full} ", f" {short} ", 1).strip()
    return None


def legal_titles(text: str) -> list[str]:
    """The ways Russian press and legal texts write a law or code of Kazakhstan named by its
    subject: the country after the head noun, the subject as a quoted title, or both.

    >>> legal_titles("Кодекс об административных правонарушениях")
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Кодекс Республики Казахстан об административных правонарушениях',
     'Кодекс «Об административных правонарушениях»',
     'Кодекс Республики Казахстан «Об административных правонарушениях»']
    >>> legal_titles("Уголовный кодекс")
    ['Уголовный кодекс Республики Казахстан']
    >>> legal_titles("Закон о беженцах")[1]
    'Закон «О беженцах»'
    """
    words = text.split()
    head = next((i for i, w in enumerate(words) if w.lower() in _LEGAL_HEADS), None)
    if head is None:
        return []
    before, after = words[: head + 1], words[head + 1 :]
    out = [" ".join([*before, _OF_KAZAKHSTAN, *after])]
    if after and after[0].lower() in _ABOUT:
        title = "«" + after[0].capitalize() + (" " + " ".join(after[1:]) if after[1:] else "") + "»"
        out.append(" ".join([*before, title]))
        out.append(" ".join([*before, _OF_KAZAKHSTAN, title]))
    return out


@functools.cache
def _en_spellings() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """word → its other spelling (both ways), and (ending, other ending) pairs."""
    with EN_SPELLINGS_FILE.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    words = {}
    for american, british in data["words"]:
        words[american], words[british] = british, american
    endings = tuple((a, b) for a, b in data["endings"]) + tuple((b, a) for a, b in data["endings"])
    return words, endings


def _other_word(word: str) -> str:
    words, endings = _en_spellings()
    other = words.get(word.lower())
    if other is not None:
        return other.capitalize() if word[:1].isupper() else other
    for ending, replacement in endings:
        if word.lower().endswith(ending) and len(word) > len(ending) + 4:
            return word[: -len(ending)] + replacement
    return word


def other_spelling(text: str) -> str | None:
    """``text`` in the other of the American and British spellings, or None when it has no
    word that is spelt differently.

    >>> other_spelling("extremist organization"), other_spelling("Labour Ministry")
    ('extremist organisation', 'Labor Ministry')
    >>> other_spelling("Kazakhstan") is None
    True
    """
    other = " ".join(_other_word(word) for word in text.split(" "))
    return other if other != text else None


#: (the ministry word, "and") by language; the press names a ministry of two portfolios by
#: the first («Министерство труда» for труда и социальной защиты населения)
_MINISTRY = {
    "ru": ("министерство", "и"),
    "kk": ("министрлігі", "және"),
    "en": ("ministry", "and"),
}


def first_portfolio(text: str, lang: str) -> str | None:
    """A ministry's name cut to its first portfolio, or None for another term.

    >>> first_portfolio("Министерство труда и социальной защиты населения", "ru")
    'Министерство труда'
    >>> first_portfolio("Еңбек және халықты әлеуметтік қорғау министрлігі", "kk")
    'Еңбек министрлігі'
    >>> first_portfolio("Labor and Social Protection Ministry", "en")
    'Labor Ministry'
    >>> first_portfolio("Ministry of Culture and Information", "en")
    'Ministry of Culture'
    >>> first_portfolio("Министерство иностранных дел", "ru") is None
    True
    """
    if lang not in _MINISTRY:
        return None
    ministry, conjunction = _MINISTRY[lang]
    words = text.split()
    lower = [w.lower() for w in words]
    if conjunction not in lower or ministry not in lower:
        return None
    cut, head = lower.index(conjunction), lower.index(ministry)
    if head < cut:  # Министерство труда и …, Ministry of Culture and …
        return " ".join(words[:cut])
    if head == len(words) - 1:  # Еңбек және … министрлігі, Labor and … Ministry
        return " ".join([*words[:cut], words[head]])
    return None
