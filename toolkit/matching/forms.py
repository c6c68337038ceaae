"""Surface forms of every glossary term, per language, compiled once and cached.

Russian forms come from pymorphy3 and rules for names (:mod:`.russian`), Kazakh forms from a
suffix generator with vowel harmony (:mod:`.kazakh`), Kazakh Latin forms by transliterating
the Kazakh ones, English plurals and possessives from :mod:`.english`. Building them for a
large glossary takes seconds (pymorphy3's dictionaries alone take a while to load), so the
index is pickled next to the compiled glossary and rebuilt when either changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from toolkit.glossary import cache
from toolkit.glossary.model import Concept, Glossary, Term
from toolkit.matching.english import english_forms
from toolkit.matching.english_context import is_language_use, part_of_a_name
from toolkit.matching.fingerprint import generators_fingerprint
from toolkit.matching.kazakh import kazakh_forms
from toolkit.matching.matcher import Candidate, ContextRule, Match, TermMatcher
from toolkit.matching.normalize import fold
from toolkit.matching.russian import russian_forms
from toolkit.matching.russian_context import is_russian_language_use
from toolkit.matching.term_variants import term_variants
from toolkit.translit import to_kk_latin

FormIndex = dict[str, list[Candidate]]
MATCH_LANGUAGES: tuple[str, ...] = ("en", "kk", "kk-Latn", "ru")
#: Languages where a capitalised term of several words also matches in lower case: Russian
#: and Kazakh names of institutions and events capitalise only their first word, and the
#: press often lower-cases it («конституционного суда», «қаңтар оқиғасында»); English writes
#: a title or a body in lower case where it is not used as a name («the president of
#: Kazakhstan», «the upper house»). A capitalised single word still needs its capital in
#: every language (Oral the city, oral the adjective); so does a name of several words that
#: is a label rather than a description (:data:`LABEL_KINDS`).
PHRASES_ANY_CASE: frozenset[str] = frozenset({"en", "kk", "kk-Latn", "ru"})
#: Kinds of concept whose names are labels given to one person, organisation or place, not
#: descriptions of an institution, a law or an event: the press does not write them in lower
#: case, and their words in lower case are an ordinary phrase («әділ сөз» "a fair word" is
#: not Adil Soz, «нағыз атажұрт» "a true homeland", a "street party"), so a lower-case
#: occurrence needs a capital on another of its words («region of Almaty»).
LABEL_KINDS: frozenset[str] = frozenset({"person", "organization", "place"})
#: Matches that are a homograph of their term, not the concept: an English common noun
#: with a capital inside a longer name («Court of Appeals»).
DISMISS: dict[str, Callable[[str, Match, Sequence[Match]], bool]] = {"en": part_of_a_name}
#: Where a language name is also an adjective (the CLDR name in English and Russian), the rule
#: that says when it means the language: «in Chinese», «на китайском»; not «the Chinese
#: government», «в китайском регионе».
LANGUAGE_CONTEXT: dict[str, Callable[[str, int, int], bool]] = {
    "en": is_language_use,
    "ru": is_russian_language_use,
}
#: The form generator of each language (kk-Latn forms are the kk ones, transliterated).
_GENERATORS: dict[str, Callable[[Term], frozenset[str]]] = {
    "en": english_forms,
    "kk": kazakh_forms,
    "ru": russian_forms,
}


def _generator(lang: str) -> Callable[[Term], frozenset[str]]:
    if lang not in _GENERATORS:
        raise ValueError(f"no form generator for {lang!r}")
    return _GENERATORS[lang]


def _needs_capital(text: str) -> bool:
    return text[:1].isupper()


def latin_forms(
    concept: Concept, term: Term, kazakh: dict[tuple[str, str], frozenset[str]]
) -> set[str]:
    """Forms of a kk-Latn term: the transliterated forms of the kk term it comes from.

    A derived term has the kk term of the same position as its source. A term given by hand
    (an override such as «Xinjiang») borrows the Latin endings of the preferred kk term's
    forms: «Şyñjañda» → «Xinjiangda».
    """
    latin = to_kk_latin
    kk_terms = concept.terms.get("kk", ())
    forms = {term.text, *term.forms}
    if term.derived:
        source = next((k for k in kk_terms if latin(k.text) == term.text), None)
        if source is not None:
            forms.update(latin(f) for f in kazakh[concept.id, source.text])
        return forms
    base = concept.preferred("kk")
    if base is None:
        return forms
    for form in kazakh[concept.id, base.text]:
        if form.startswith(base.text) and form != base.text:
            forms.add(term.text + latin(form[len(base.text) :]))
    return forms


def build_index(glossary: Glossary, lang: str) -> FormIndex:
    """Folded surface form -> candidates, for every term of ``lang`` in ``glossary``."""
    index: dict[str, list[Candidate]] = defaultdict(list)
    # keyed by concept too: two concepts may share a spelling with other grammar or forms
    kazakh: dict[tuple[str, str], frozenset[str]] = {}
    if lang in ("kk", "kk-Latn"):
        generate_kk = _generator("kk")
        kazakh = {(c.id, t.text): generate_kk(t) for c in glossary for t in c.terms.get("kk", ())}
    generate = None if lang == "kk-Latn" else _generator(lang)
    for concept in glossary:
        for term in concept.terms.get(lang, ()):
            if lang == "kk-Latn":
                forms = latin_forms(concept, term, kazakh)
            elif lang == "kk":
                forms = set(kazakh[concept.id, term.text])
            else:
                forms = set(generate(term))  # type: ignore[misc]
            base = {fold(term.text), *(fold(f) for f in term.forms)}
            capital = _needs_capital(term.text)
            for form in forms:
                key = fold(form)
                index[key].append(
                    Candidate(concept.id, term.status, term.text, capital, key in base)
                )
        if lang == "kk-Latn":  # its terms are derived from kk, surnames included
            continue
        for variant, term in term_variants(concept, lang):
            forms = generate_kk(variant) if lang == "kk" else generate(variant)  # type: ignore[misc]
            capital = _needs_capital(variant.text)
            for form in forms:
                index[fold(form)].append(
                    Candidate(concept.id, term.status, term.text, capital, False)
                )
    return dict(index)


def _to_builtins(index: FormIndex) -> dict[str, list[tuple]]:
    # Plain tuples unpickle several times faster than NamedTuples.
    return {key: [tuple(c) for c in cands] for key, cands in index.items()}


def _from_builtins(stored: dict[str, list[tuple]]) -> FormIndex:
    return {key: [Candidate._make(c) for c in cands] for key, cands in stored.items()}


def _cache_key(glossary: Glossary) -> str:
    """The key of the cached form index and matchers: the glossary and the generators."""
    return f"{glossary.key}:{generators_fingerprint()}"


def load_index(glossary: Glossary, lang: str, *, use_cache: bool = True) -> FormIndex:
    """The surface forms of every term of ``lang`` (folded form → candidates), from the cache
    when it is current; built (and cached) otherwise."""
    if lang not in MATCH_LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(MATCH_LANGUAGES)}")
    root, key = Path(glossary.root), _cache_key(glossary)
    stored = cache.read(root, key, kind=f"forms-{lang}") if use_cache and glossary.key else None
    if stored is not None:
        return _from_builtins(stored)
    index = build_index(glossary, lang)
    if glossary.key:
        cache.write(root, key, _to_builtins(index), kind=f"forms-{lang}")
    return index


def load_matcher(
    glossary: Glossary, lang: str, *, use_cache: bool = True, index: FormIndex | None = None
) -> TermMatcher:
    """The :class:`TermMatcher` of ``lang`` for ``glossary``, from the cache when current;
    ``index``: the form index of ``lang`` (:func:`load_index`) when the caller has it already
    (it is read only when the matcher has to be built).

    The built matcher is cached beside the form index, under the same key: its automaton
    takes longer to build than to read (Kazakh, ~19,000 forms: 0.42 s of CPU against 0.04 s
    on the project glossary), and every command that recognises terms needs it.

    In English a language name is also the adjective and often the people («the Chinese
    government», «many Kyrgyz»): languages (concepts of the ``languages`` domain or linked
    to a CLDR language) are recognised only in a language context
    (:func:`~.english_context.is_language_use`); elsewhere their words stand for another concept of
    the same spelling (the Kyrgyz people), or for none. In Russian the language is an
    adjective, recognised alone only where no noun it agrees with follows
    (:func:`~.russian_context.is_russian_language_use`: «на китайском», not «в китайском
    регионе»)."""
    cached = use_cache and bool(glossary.key)
    root, key = Path(glossary.root), _cache_key(glossary)
    if cached:
        stored = cache.read(root, key, kind=f"matcher-{lang}")
        if isinstance(stored, TermMatcher):
            return stored
    english = {c.id: c.preferred_text("en") for c in glossary}
    context = None
    if lang in LANGUAGE_CONTEXT:
        languages = frozenset(
            c.id for c in glossary
            if c.domain == "languages" or (c.cldr is not None and c.cldr.kind == "language")
        )  # fmt: skip
        context = ContextRule(languages, LANGUAGE_CONTEXT[lang]) if languages else None
    if index is None:
        index = load_index(glossary, lang, use_cache=use_cache)
    labels = frozenset(c.id for c in glossary if c.kind in LABEL_KINDS)
    matcher = TermMatcher(
        index, english, context,
        phrases_any_case=lang in PHRASES_ANY_CASE, labels=labels, dismiss=DISMISS.get(lang),
    )  # fmt: skip
    if cached:
        cache.write(root, key, matcher, kind=f"matcher-{lang}")
    return matcher


def recognised_forms(
    glossary: Glossary, *, use_cache: bool = True
) -> dict[str, dict[tuple[str, str], list[str]]]:
    """concept → (language, term) → the surface forms recognised for that term, sorted
    (lower case, as the matcher compares them); one pass over the four form indexes."""
    found: dict[str, dict[tuple[str, str], set[str]]] = {}
    for lang in MATCH_LANGUAGES:
        for form, candidates in load_index(glossary, lang, use_cache=use_cache).items():
            for candidate in candidates:
                terms = found.setdefault(candidate.concept, {})
                terms.setdefault((lang, candidate.term), set()).add(form)
    return {
        concept: {key: sorted(forms) for key, forms in terms.items()}
        for concept, terms in found.items()
    }
