"""Glossary spellings that win over letter rules: which term maps to which, and a matcher.

For a scheme whose target language is ``kk-Latn`` each Kazakh term maps to the Kazakh Latin
term in the same position (and back, in reverse). For schemes whose target is ``en``, only
names map (terms written with a capital, e.g. «Серікжан Біләш» → the preferred English
term «Serikzhan Bilash»): common nouns are transliterated, not translated. The same holds for
schemes whose source is ``en`` (pinyin: *Beijing* → the preferred Russian «Пекин»).

Inflected forms count too (from the term recognition generators): the glossary spelling
replaces the term's letters and the ending is transliterated by the scheme, so with the
glossary's «Nazarbayev» the newsroom spelling of «Назарбаевтың» is «Nazarbayevtyng». A form
that changes the term's own letters (a voiced stem) is left to the letter rules. Matched at
word boundaries, longest first.

A script the glossary has no terms in (Kazakh in Arabic script) is derived from the kk terms
by the scheme; read back, every inflected kk form is found as the scheme writes it and comes
back as it is («قۇلجادا» → «Құлжада»): the capitals Arabic script cannot write, in every case.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from toolkit import cache
from toolkit.matching.fingerprint import generators_fingerprint
from toolkit.translit.casing import kk_title
from toolkit.translit.engine import WORD_END, convert_each


def _forms_generator(lang: str) -> Callable[[Any], Iterable[str]] | None:
    """The surface-form generator of the term recognition for ``lang`` (None: exact only)."""
    # Imported here, not for a cycle: the morphology and its data cost every translit command
    # ~25 ms to import, and only pairs that are not in the user cache need it.
    if lang == "kk":
        from toolkit.matching.kazakh import kazakh_forms

        return kazakh_forms
    if lang == "ru":
        from toolkit.matching.russian import russian_forms

        return russian_forms
    return None


def inflected_pairs(
    glossary: Iterable[Any], pairs: dict[str, str], source_lang: str, letters: Callable[[str], str]
) -> dict[str, str]:
    """``pairs`` plus every inflected form of their source terms: the target spelling and the
    transliterated ending («Назарбаевтың» → «Nazarbayev» + «tyng»)."""
    generate = _forms_generator(source_lang)
    if generate is None:
        return pairs
    forms: dict[str, tuple[str, str]] = {}  # form -> (target of its term, ending)
    for concept in glossary:
        for term in concept.terms.get(source_lang, ()):
            target = pairs.get(term.text)
            if target is None:
                continue
            for form in generate(term):
                if form.startswith(term.text) and form not in pairs and form not in forms:
                    forms[form] = (target, form[len(term.text) :])
    endings = convert_each(letters, [ending for _, ending in forms.values()])
    extended = dict(pairs)
    for (form, (target, _)), ending in zip(forms.items(), endings, strict=True):
        extended[form] = target + ending
    return extended


def derived_form_pairs(
    glossary: Iterable[Any],
    pairs: dict[str, str],
    source_lang: str,
    target_lang: str,
    derive: Callable[[str], str],
) -> dict[str, str]:
    """``pairs`` plus, when the source script has no terms of its own and they are derived
    from the ``target_lang`` terms (Arabic-script Kazakh read back into kk), every inflected
    form of those terms as ``derive`` writes it → the form itself: «قۇلجادا» → «Құлжада».

    The letter rules cannot know a name's capitals (Arabic script has none) nor where a
    compound changes harmony (Серікжан); the glossary knows both, in every case form."""
    generate = _forms_generator(target_lang)
    concepts = list(glossary)
    if (
        generate is None
        or any(source_lang in c.terms for c in concepts)
        or not any(target_lang in c.terms for c in concepts)
    ):
        return pairs
    usable = (t for c in concepts for t in c.terms.get(target_lang, ()) if t.is_usable)
    forms = list(dict.fromkeys(form for term in usable for form in generate(term)))
    extended = dict(pairs)
    for form, written in zip(forms, convert_each(derive, forms), strict=True):
        extended.setdefault(written, form)
    return extended


_LETTER = r"[^\W\d_]"
_LETTERS = re.compile(_LETTER + "+")


def overriding_pairs(pairs: dict[str, str], letters: Callable[[str], str]) -> dict[str, str]:
    """The pairs of ``pairs`` that change what the letter rules ``letters`` write.

    A pair whose target is just ``letters(source)`` changes nothing, unless its match could
    stand where a pair that does change something would match otherwise: matches start at a
    word start, so two matches that overlap share a whole word (a run of letters). Such pairs
    are kept (and, in turn, those sharing a word with them). With kk-latn-2021, whose Latin
    terms the glossary derives from the Cyrillic ones, no pair is left and the text is
    converted without a term search.

    >>> overriding_pairs({"Алматы": "Almaty", "Ресей": "Russia"}, lambda t: t.upper())
    {'Алматы': 'Almaty', 'Ресей': 'Russia'}
    >>> overriding_pairs({"ab": "AB", "ab cd": "X"}, str.upper)
    {'ab': 'AB', 'ab cd': 'X'}
    >>> overriding_pairs({"ab": "AB", "cd": "X"}, str.upper)
    {'cd': 'X'}
    """
    if not all(_LETTERS.match(source) for source in pairs):
        return pairs  # a term starting with a non-letter: the word argument does not hold
    sources = list(pairs)
    converted = convert_each(letters, sources)
    kept = {source for source, own in zip(sources, converted, strict=True) if own != pairs[source]}
    by_word: dict[str, list[str]] = {}
    for source in pairs:
        for word in set(_LETTERS.findall(source)):
            by_word.setdefault(word, []).append(source)
    todo = [word for source in kept for word in _LETTERS.findall(source)]
    seen = set(todo)
    while todo:
        for source in by_word.get(todo.pop(), ()):
            if source not in kept:
                kept.add(source)
                fresh = set(_LETTERS.findall(source)) - seen
                seen |= fresh
                todo += fresh
    return {source: target for source, target in pairs.items() if source in kept}


def _part_of(text: str, preferred: Any, english: str) -> str:
    """The English for ``text``: the whole preferred English term, or, when ``text`` is the
    last (or first) words of the preferred term (a surname: «Назарбаев» of «Нұрсұлтан
    Назарбаев»), the same number of last (first) English words («Nazarbayev»)."""
    if preferred is None or text == preferred.text:
        return english
    words, full, target = text.split(), preferred.text.split(), english.split()
    if len(words) < len(full) and len(full) == len(target):
        if full[-len(words) :] == words:
            return " ".join(target[-len(words) :])
        if full[: len(words)] == words:
            return " ".join(target[: len(words)])
    return english


def term_pairs(
    glossary: Iterable[Any],
    source_lang: str,
    target_lang: str,
    derive: Callable[[str], str] | None = None,
) -> dict[str, str]:
    """Source spelling → target spelling, from every concept of ``glossary``.

    ``derive`` (the scheme's forward conversion) writes the terms of a script the glossary
    has no terms in (kk-Arab) from those of the language the scheme converts from (kk):
    Arabic-script Kazakh → the glossary's kk spelling, in reverse, capitals included.

    Between English and another language only names pair (terms written with a capital), each
    usable term with the other language's preferred term: «Урумчи» → *Urumqi*, and the other
    way *Beijing*, *Kashi* → «Пекин», «Кашгар» (zh-pinyin-ru).
    """
    concepts = list(glossary)
    if derive is not None and target_lang != "en":
        has_source = any(source_lang in c.terms for c in concepts)
        has_target = any(target_lang in c.terms for c in concepts)
        if has_source != has_target:
            derived = _derived_pairs(concepts, source_lang if has_source else target_lang, derive)
            return derived if has_source else {v: k for k, v in derived.items()}
    pairs: dict[str, str] = {}
    names_only = "en" in (source_lang, target_lang)  # English is another language, not a script
    for concept in concepts:
        terms = concept.terms.get(source_lang, ())
        if names_only:
            target = concept.preferred(target_lang)
            if target is None or not target.text[:1].isupper():
                continue
            preferred = concept.preferred(source_lang)
            for term in terms:
                if term.status in ("preferred", "admitted") and term.text[:1].isupper():
                    pairs.setdefault(term.text, _part_of(term.text, preferred, target.text))
        else:
            for term, other in zip(terms, concept.terms.get(target_lang, ()), strict=False):
                pairs.setdefault(term.text, other.text)
                if term.text[:1].islower():  # the same term at the start of a sentence
                    pairs.setdefault(kk_title(term.text), kk_title(other.text))
    return pairs


def _derived_pairs(concepts: list[Any], lang: str, derive: Callable[[str], str]) -> dict[str, str]:
    """Each usable ``lang`` term → ``derive`` of it (one call for all)."""
    usable = (t.text for c in concepts for t in c.terms.get(lang, ()) if t.is_usable)
    texts = list(dict.fromkeys(usable))
    return dict(zip(texts, convert_each(derive, texts), strict=True))


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by first letters (fast on long lists)."""
    groups: dict[str, list[str]] = {}
    empty = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            empty = True
    options = [
        re.escape(first) + (trie_pattern(rest) if rest != [""] else "")
        for first, rest in sorted(groups.items())
    ]
    body = "|".join(options)
    if len(options) > 1 or (empty and options):
        body = f"(?:{body})"
    return body + ("?" if empty and options else "")


def word_trie_pattern(words: list[str]) -> str:
    """:func:`trie_pattern` of ``words`` where each starts at a word start.

    The word-start test follows each first letter (a lookbehind over it and the character
    before), so the pattern starts with a choice of literal letters and ``re`` skips at C
    speed to the next position that holds one: several times faster on long text when the
    terms start with capitals.

    >>> [m.group() for m in re.finditer(word_trie_pattern(["Ала", "Алаш"]), "Алаш Калаш Ала")]
    ['Алаш', 'Ала']
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    options = [
        re.escape(first) + f"(?<!{_LETTER}{re.escape(first)})" + trie_pattern(rests)
        for first, rests in sorted(groups.items())
    ]
    return "(?:" + "|".join(options) + ")"


class TermMatcher:
    """Finds glossary terms in text and gives their target spelling."""

    def __init__(self, pairs: dict[str, str]):
        self.pairs = pairs
        # One group around the term: re.split then gives text and terms in turn, at C speed.
        pattern = f"({word_trie_pattern(list(pairs))}){WORD_END}"
        self.regex = re.compile(pattern) if pairs else None

    def replace(self, text: str, letters: Callable[[str], str]) -> str:
        """``text`` with the target spelling of each term, the rest converted by ``letters``.

        >>> TermMatcher({"Ресей": "Russia"}).replace("Ресей, Ресейде", str.upper)
        'Russia, РЕСЕЙДЕ'
        """
        parts = self.regex.split(text) if self.regex is not None else [text]
        if len(parts) == 1:
            return letters(text)
        parts[0::2] = convert_each(letters, parts[0::2])
        parts[1::2] = [self.pairs[term] for term in parts[1::2]]
        return "".join(parts)


_cache: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], TermMatcher]]
_cache = weakref.WeakKeyDictionary()
_id_cache: dict[int, tuple[Any, dict[tuple[str, str], TermMatcher]]] = {}


def matcher_for(
    glossary: Any,
    source_lang: str,
    target_lang: str,
    letters: Callable[[str], str] | None = None,
    *,
    cache_as: str = "",
    derive: Callable[[str], str] | None = None,
) -> TermMatcher:
    """The matcher of ``glossary`` for one language pair, built once per glossary object.

    With ``letters`` (the scheme's converter), inflected forms of the terms match too and
    their endings are converted by it. With ``cache_as`` (the scheme and direction that
    ``letters`` converts by) and a loaded :class:`~toolkit.glossary.model.Glossary`, the pairs
    are kept in the user cache: building them means generating every inflected form, which
    costs a short command more than converting megabytes. ``derive``: see :func:`term_pairs`."""
    try:
        per_glossary = _cache.setdefault(glossary, {})
    except TypeError:  # not weak-referenceable or not hashable: keep it by identity
        entry = _id_cache.get(id(glossary))
        if entry is None or entry[0] is not glossary:
            entry = _id_cache[id(glossary)] = (glossary, {})
        per_glossary = entry[1]
    key = (source_lang, target_lang, id(letters))
    matcher = per_glossary.get(key)
    if matcher is None:
        stored = _stored_pairs(glossary, f"{cache_as}-{source_lang}-{target_lang}", cache_as)
        pairs = cache.read_keyed(*stored) if stored else None
        if pairs is None:
            pairs = term_pairs(glossary, source_lang, target_lang, derive)
            if letters is not None:
                pairs = inflected_pairs(glossary, pairs, source_lang, letters)
                if derive is not None:
                    pairs = derived_form_pairs(glossary, pairs, source_lang, target_lang, derive)
                pairs = overriding_pairs(pairs, letters)
            if stored:
                cache.write_keyed(*stored, pairs)  # skipped when it cannot be written
        matcher = per_glossary[key] = TermMatcher(pairs)
    return matcher


def _stored_pairs(glossary: Any, what: str, cache_as: str) -> tuple[str, str] | None:
    """(cache entry name, key) of the pairs of one glossary, language pair and scheme
    direction: keyed by the glossary (its files, the transliteration code and schemes) and
    by the form generators (their code, data and dictionaries). None: nothing to cache."""
    key, root = getattr(glossary, "key", ""), getattr(glossary, "root", "")
    if not (cache_as and key and root):
        return None  # not a loaded glossary (a list of concepts in a test, say)
    return cache.folder_entry(root, f"translit-{what}"), f"{key}:{generators_fingerprint()}"
