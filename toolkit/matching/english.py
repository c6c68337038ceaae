"""English surface forms of glossary terms: plural and possessive of the head noun.

>>> from toolkit.glossary.model import Term
>>> sorted(english_forms(Term("tenge", "en", "preferred", pos="noun")))
['tenge', "tenge's", 'tenges', "tenges'"]
>>> sorted(english_forms(Term("Kazakhstan", "en", "preferred", pos="proper-noun")))
['Kazakhstan', "Kazakhstan's"]

:func:`english_inflect_like` re-inflects: a form of one term → the same form of another. Whether
a match in running text stands for the term is judged in :mod:`.english_context`.
"""

from __future__ import annotations

from toolkit.errors import ToolkitError
from toolkit.glossary.model import Term
from toolkit.matching.normalize import fold
from toolkit.matching.normalize import match_case as _match_case

#: Irregular plurals of common nouns (also the last part of compounds: policewoman).
IRREGULAR_PLURALS: dict[str, str] = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
    "goose": "geese",
    "mouse": "mice",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "datum": "data",
    "medium": "media",
    "life": "lives",
    "wife": "wives",
    "knife": "knives",
    "leaf": "leaves",
    "half": "halves",
    "shelf": "shelves",
    "thief": "thieves",
    "wolf": "wolves",
    "self": "selves",
    "hero": "heroes",
    "veto": "vetoes",
    "echo": "echoes",
    "embargo": "embargoes",
    "potato": "potatoes",
    "tomato": "tomatoes",
}
#: Words whose -man is not "man": Germans, humans.
_MAN_EXCEPTIONS = frozenset({"german", "human", "roman", "shaman", "talisman", "ottoman", "oman"})
#: Same form in singular and plural (nationalities in -ese are checked by ending).
INVARIANT: frozenset[str] = frozenset(
    {"sheep", "deer", "fish", "series", "species", "aircraft", "news", "police", "personnel",
     "headquarters", "means", "offspring", "people", "staff", "kyrgyz", "kirghiz", "hui", "han"}
)  # fmt: skip
#: Singular words that end in s and are not plurals (-ss, -us, -is are checked by ending).
_NOT_PLURAL_MEN = frozenset({"specimen", "regimen", "abdomen", "omen", "stamen", "yemen"})
_SINGULAR_IN_S = frozenset({"gas", "bias", "atlas", "alias", "canvas", "lens", "chaos", "ethos"})
#: crisis, axis, hepatitis, status, class (but Kazakhstanis is a plural)
_SINGULAR_ENDINGS = ("ss", "us", "sis", "xis", "tis", "'s")
_HEAD_PREPOSITIONS = frozenset({"of", "on", "in", "for", "at", "against", "under", "from"})


def plural(noun: str) -> str:
    """The plural of one English noun.

    >>> [plural(w) for w in ("camp", "authority", "tax", "chairman", "crisis", "tenge", "day")]
    ['camps', 'authorities', 'taxes', 'chairmen', 'crises', 'tenges', 'days']
    """
    low = noun.lower()
    if low in INVARIANT or low.endswith("ese"):  # Chinese, Japanese
        return noun
    for singular, plural_form in IRREGULAR_PLURALS.items():
        if low == singular or (low.endswith(singular) and singular in ("man", "woman")):
            if low in _MAN_EXCEPTIONS:
                break
            return noun[: len(noun) - len(singular)] + _like(plural_form, noun[-len(singular) :])
    if low.endswith("sis"):  # crisis, analysis
        return noun[:-2] + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if low.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


def singular(noun: str) -> str:
    """The singular of a regular English plural: camps → camp, authorities → authority."""
    low = noun.lower()
    for singular_form, plural_form in IRREGULAR_PLURALS.items():
        if low.endswith(plural_form) and (low == plural_form or plural_form in ("men", "women")):
            return noun[: len(noun) - len(plural_form)] + _like(
                singular_form, noun[-len(plural_form) :]
            )
    if low.endswith("ies") and len(low) > 4:
        return noun[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes")):
        return noun[:-2]
    return noun[:-1]


def _like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word.capitalize() if model[:1].isupper() else word


def is_plural(noun: str) -> bool:
    """True when ``noun`` looks like a plural: camps, authorities, men (not status, crisis)."""
    low = noun.lower()
    if low in INVARIANT or low in _SINGULAR_IN_S or low.endswith(_SINGULAR_ENDINGS):
        return low == "people"
    if low in IRREGULAR_PLURALS.values() or low.endswith("men"):
        return low not in _NOT_PLURAL_MEN
    return low.endswith("s") and len(low) > 2


def possessives(text: str, name: bool = False) -> set[str]:
    """«X's», or «X'» after a plural in s; both after a singular or a name in s (the Chicago
    and AP styles differ).

    >>> sorted(possessives("camps")), sorted(possessives("United States", name=True))
    (["camps'"], ["United States'", "United States's"])
    """
    if not text.endswith("s"):
        return {text + "'s"}
    if not name and is_plural(text.split()[-1]):
        return {text + "'"}
    return {text + "'", text + "'s"}


def _split_head(words: list[str]) -> int:
    """Index of the head noun: the last word, or X in «X of Y» / «court in Almaty»."""
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _HEAD_PREPOSITIONS:
            return i - 1
    return len(words) - 1


def english_forms(term: Term) -> frozenset[str]:
    """The term, hand forms, plural of the head noun (regular + common irregulars: -y→-ies,
    -s/-sh/-ch/-x→-es, man→men...), possessives 's and s' — but proper names get only the
    possessive; already-plural terms ("reeducation camps") also get the singular; multi-word
    terms inflect the head (last word) except "X of Y" where the head is X.

    Proper names take the possessive at the end of the whole name ("Working Group on Arbitrary
    Detention's"); a short reference such as "the Working Group's" is a different term.
    Verbs, phrases and adjectives get their hand forms only.

    >>> sorted(f for f in english_forms(Term("government of Kazakhstan", "en", "preferred",
    ...     pos="noun")) if " the " not in f)
    ['government of Kazakhstan', "government of Kazakhstan's", 'governments of Kazakhstan']
    >>> sorted(english_forms(Term("Kazakh authorities", "en", "preferred", pos="noun")))
    ['Kazakh authorities', "Kazakh authorities'", 'Kazakh authority', "Kazakh authority's"]
    """
    if term.lang != "en":
        raise ToolkitError(
            f"english_forms() needs an en term, got {term.lang!r} term {term.text!r}"
        )
    forms = {term.text, *term.forms}
    text = term.text.strip()
    if not text or term.pos in ("verb", "phrase", "adjective"):
        return frozenset(forms)
    forms |= {form for _, form in _paradigm(term)}
    for variant in (*article_variants(text), *_of_variants(text, term.pos)):
        forms |= {form for _, form in _paradigm(term, variant)}
    return frozenset(forms)


#: the last word of a place name that English also puts first, with "of"
_OF_HEADS = frozenset({"region", "province", "prefecture", "county"})


def _of_variants(text: str, pos: str | None) -> tuple[str, ...]:
    """«Almaty Region» is also «the region of Almaty».

    >>> _of_variants("Almaty Region", "proper-noun"), _of_variants("Region", "proper-noun")
    (('region of Almaty',), ())
    """
    words = text.split()
    if pos != "proper-noun" or len(words) < 2 or words[-1].lower() not in _OF_HEADS:
        return ()
    return (f"{words[-1].lower()} of {' '.join(words[:-1])}",)


#: words after which a name may or may not have "the" (Bureau for Human Rights and [the]
#: Rule of Law, lower house of [the] Parliament)
_BEFORE_ARTICLE = frozenset({"of", "for", "and", "on"})


def article_variants(text: str) -> set[str]:
    """Spellings of a name of several words with "the" added or left out after of / for /
    and / on, one place at a time and all at once: the press writes both. A spelling that
    never occurs (of the Kazakhstan) costs a key in the automaton and nothing else.

    >>> "Bureau for Human Rights and the Rule of Law" in article_variants(
    ...     "Bureau for Human Rights and Rule of Law")
    True
    >>> "Law on Status of Judges" in article_variants("Law on the Status of Judges")
    True
    >>> article_variants("Kazakhstan"), article_variants("Kazakh government")
    (set(), set())
    """
    words = text.split()
    toggles = [i for i, w in enumerate(words[:-1]) if w in _BEFORE_ARTICLE and i > 0]
    if not toggles:
        return set()
    variants = set()
    for chosen in ([i] for i in toggles[:4]):
        variants.add(_toggle_article(words, chosen))
    variants.add(_toggle_article(words, toggles))
    variants.discard(text)
    return variants


def _toggle_article(words: list[str], positions: list[int]) -> str:
    out: list[str] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        out.append(word)
        if i in positions:
            if words[i + 1].lower() == "the":
                skip = True
            else:
                out.append("the")
    return " ".join(out)


# -- re-inflection ----------------------------------------------------------------------------

#: What a form expresses: (number, possessive); number None for terms that do not inflect.
Reading = tuple[str | None, bool]


def _possessive(text: str, plural_form: bool) -> str:
    """The possessive a generator writes: «X'» after a plural in s (also a plural-looking
    name such as United States), «X's» otherwise (kandas's, Nur-Sultan's)."""
    return text + "'" if plural_form and text.endswith("s") else text + "'s"


def _paradigm(term: Term, text: str | None = None) -> list[tuple[Reading, str]]:
    """The forms of a term (or of a spelling variant ``text``) with their readings, the form
    a generator writes first: the hand-listed plural before the rule's (oralmans, not oralmen).
    """
    text = (text or term.text).strip()
    name = term.pos in ("proper-noun", "abbreviation")
    if term.pos in ("verb", "phrase", "adjective"):
        return [((None, False), text)]
    if name:
        return [
            (("sing", False), text),
            (("sing", True), _possessive(text, is_plural(text.split()[-1]))),
        ] + [(("sing", True), p) for p in possessives(text, name=True)]
    words = text.split()
    head = _split_head(words)
    tail = words[head + 1 :]
    hand = [f.split()[head] for f in term.forms if _same_but_head(f.split(), words, head)]
    # a head in s is a singular when the glossary lists its plural (kandas, kandases)
    plural_text = is_plural(words[head]) and plural(words[head]) not in hand
    variants = [("plur" if plural_text else "sing", words[head])]
    if plural_text and not term.plural_only:
        variants.append(("sing", singular(words[head])))
    elif not term.plural_only:
        variants += [("plur", h) for h in hand if is_plural(h) and h != words[head]]
        variants.append(("plur", plural(words[head])))
    out: list[tuple[Reading, str]] = []
    for num, noun in variants:
        form = " ".join([*words[:head], noun, *tail])
        out.append(((num, False), form))
        if not tail or not is_plural(noun):  # no "governments of Kazakhstan's"
            first = _possessive(form, is_plural(tail[-1]) if tail else num == "plur")
            out += [((num, True), p) for p in (first, *sorted(possessives(form) - {first}))]
    return out


def _same_but_head(words: list[str], model: list[str], head: int) -> bool:
    return len(words) == len(model) and all(
        w == m for i, (w, m) in enumerate(zip(words, model, strict=True)) if i != head
    )


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def english_inflect_like(surface: str, source: Term, target: Term) -> str | None:
    """The form of ``target`` with the number and possessive of ``surface``, a form of
    ``source``: oralmans → kandases, oralman's → kandas's, Nur-Sultan's → Astana's.

    The surface is looked up (case-insensitively) among the source's forms: its text, the
    plural and singular of its head, hand-listed forms, and the possessives «'s» / «'». The
    target is written with a hand-listed plural when it has one, else the rule's; its
    possessive is «s'» after a plural in s, «'s» otherwise. Number is neutralised when the
    target has only one (names, plural-only terms, verbs and phrases): the target's own, with
    the possessive if asked. The surface's ALL CAPS or sentence-initial capital is kept. None
    when the surface is not a form of the source, or a possessive is asked of a target that
    cannot take one (verbs, phrases, adjectives, «X of Y» plurals).

    A noun whose head ends in s (kandas) is read as a plural unless the glossary lists its
    plural (kandases) among its forms.

    >>> oralman = Term("oralman", "en", "deprecated", pos="noun", forms=("oralmans",))
    >>> kandas = Term("kandas", "en", "preferred", pos="noun", forms=("kandases",))
    >>> [english_inflect_like(s, oralman, kandas) for s in ("Oralmans", "oralman's")]
    ['Kandases', "kandas's"]
    """
    if source.lang != "en" or target.lang != "en":
        raise ToolkitError(
            f"english_inflect_like() needs en terms, got {source.lang}, {target.lang}"
        )
    key = _key(surface)
    readings = [r for r, form in _paradigm(source) if _key(form) == key]
    known = {_key(form) for _, form in _paradigm(source)}
    for variant in source.forms:  # a spelling variant, not a form of the text
        if not readings and _key(variant) not in known:
            readings = [r for r, f in _paradigm(source, variant) if _key(f) == key]
    if not readings:
        return None
    cells = _paradigm(target)
    numbers = {num for (num, _), _ in cells}
    for number, possessive in readings:
        for (num, poss), form in cells:
            if poss == possessive and (num == number or len(numbers) == 1 or number is None):
                return _match_case(surface, source.text, form)
    return None
