"""Kazakh (Cyrillic) surface forms of glossary terms: a suffix generator with vowel harmony.

The endings are data (``data/kk_suffixes.yaml``, read by :mod:`.kazakh_suffixes`; the grammar
and its sources are in ``docs/kazakh-morphology.md``); :mod:`.kazakh_stems` decides which stem
class and harmony a word has; this module stacks the endings: plural, 3rd-person and
1st-person plural possessive, the seven cases and the attributive locative -дағы.

>>> forms = kazakh_word_forms("Шыңжаң")
>>> "Шыңжаңнан" in forms, "Шыңжаңдағы" in forms, "Шыңжаңдан" in forms
(True, True, False)
>>> {"қандастарға", "қандастарындағы", "қандасына", "қандасымыздың"} <= kazakh_word_forms("қандас")
True

Only inflection is generated, never derivation (Қытайлық, қытайша, Алматылық).
:func:`.kazakh_reinflect.kazakh_inflect_like` re-inflects: a form of one term → the same
form of another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.matching.kazakh_stems import (
    harmonies,
    is_abbreviation,
    is_patronymic,
    is_possessive_head,
    stem_classes,
)
from toolkit.matching.kazakh_suffixes import (
    ABBREVIATION_TAGS,
    BARE_TAGS,
    BOTH,
    PLAIN_TAGS,
    PX_TAGS,
    Features,
    suffix_tables,
)

if TYPE_CHECKING:  # a term is read, never built here: the glossary package is not needed
    from toolkit.glossary.model import Term

#: Parts of speech whose hand-listed ``forms`` (spelling variants, plurals) are inflected too;
#: the forms of phrases, verbs and adjectives are taken as given.
INFLECTED_FORMS_POS: frozenset[str | None] = frozenset(
    {None, "noun", "proper-noun", "abbreviation"}
)

#: form → its features, in order of preference (the first form of a feature set is the one
#: a generator writes); a form generated twice keeps its first features.
Tagged = dict[str, Features]


def _possessive_stems(word: str, lower: str) -> tuple[str, ...]:
    """The stems the possessive is added to: ь dropped, final п к қ voiced after a vowel."""
    if lower.endswith("ь"):
        return (word[:-1],)
    voiced = suffix_tables().voicing.get(lower[-1])
    if voiced is None or len(lower) < 2 or lower[-2] not in suffix_tables().vowel_class:
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
    t = suffix_tables()
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
    table, tags = (t.plain, PLAIN_TAGS) if plural else (t.singular, BARE_TAGS)
    out: Tagged = {word: ("NOM",)}
    for stem, px_stems, stem_cls in spellings:
        for cls in stem_cls:
            for h in hs:
                _add(out, stem, table[cls, h], tags)
                for px_stem in px_stems:
                    _add(out, px_stem, t.possessive[cls, h], PX_TAGS)
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
        _add(out, word, suffix_tables().after_possessive[h], BARE_TAGS)
    return out


def _possessive_head(word: str, lower: str) -> Tagged:
    """The head of a multi-word term that ends in a possessive: :func:`_after_possessive`,
    and, for a singular noun whose stem the letters show, its plural before the possessive
    (Қазақстан азаматы → Қазақстан азаматтарының), tagged PL + case."""
    t = suffix_tables()
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
    return next((e for e in suffix_tables().plural_endings if lower.endswith(e)), None)


def _patronymic(word: str, lower: str) -> Tagged:
    """-ұлы/-қызы surnames: the possessive set (Мұсаханұлына, preferred) and the plain one
    (…ұлыға)."""
    out = _after_possessive(word, lower)
    for h in harmonies(lower):
        _add(out, word, suffix_tables().singular["vowel", h], BARE_TAGS)
    return out


def _abbreviation(word: str, lower: str, hyphen: bool) -> Tagged:
    """Abbreviations: the ending is chosen by how it is read, which the spelling does not show.

    Both harmonies, the class of the final letter and of a letter name (ҚР read қы-ры takes
    -ның), with a hyphen and without: АҚШ-қа, АҚШқа, БҰҰ-ның, ҚР-ға. Preferred (generated
    first): read as written (the final letter's class, the word's own harmony), hyphenated.
    """
    t = suffix_tables()
    classes = dict.fromkeys((*stem_classes(lower), "vowel"))
    hs = dict.fromkeys((*harmonies(lower), *BOTH))
    out: Tagged = {word: ("NOM",)}
    for joint in ("-", "") if hyphen else ("",):
        for cls in classes:
            for h in hs:
                _add(out, word + joint, t.abbreviation[cls, h], ABBREVIATION_TAGS)
    return out


def _tagged_word_forms(word: str, plural: bool = True, head_of_phrase: bool = False) -> Tagged:
    """Every form of one word with its features (see :data:`Features`), preferred first.

    >>> forms = _tagged_word_forms("оралман")
    >>> forms["оралмандарға"], forms["оралманның"], forms["оралманындағы"]
    (('PL', 'DAT'), ('GEN',), ('PX3', 'LOC', 'ATTR'))
    """
    t = suffix_tables()
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
    for ending in suffix_tables().genitive_endings:
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

    An abbreviation takes its endings after a hyphen or directly, in capitals (АҚШ-қа) or in
    lower case (млн-ға). Hand-listed forms of nouns, proper nouns and abbreviations are
    inflected the same way (лагерлері → лагерлерінде); an ``indeclinable`` term has only its
    text and forms. A plural-only term gets no second plural.

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
    if term.pos == "abbreviation" and term.text.isalpha() and term.text.islower():
        # a lower-case abbreviation takes its endings after a hyphen too: 5 млн-ға, млрд-тан
        out.update(_abbreviation(term.text, term.text, hyphen=True))
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
