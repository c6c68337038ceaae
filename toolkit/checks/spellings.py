"""What a translator wrote instead of a glossary term: the search behind ``wrong_variant``.

When the source names a concept and the translation has none of its terms, the translation
is searched for a spelling of that concept that is *almost* right, before the term is called
missing:

- a near miss, lower-case words included, also after folding the Kazakh letters a Russian
  keyboard lacks (ң→н, ұ/ү→у, і/ы→и, ә→а, қ→к, ғ→г, ө→о, һ→х): «Атажурт еріктілері» for
  «Атажұрт еріктілері», «Біләштың» for «Біләштің»;
- the concept's terms in another language or script: «Синьцзян» (Russian) or «Sintszian»
  (Russian, romanised) in a Kazakh text;
- a word one edit from a word of a term (five letters or more, the first letter kept).

A word that is a term of the concept plus an ending, letter for letter, is an inflected form
the generator does not know: the concept is then present, and nothing is reported.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from toolkit.glossary.model import LANGUAGES, Concept
from toolkit.matching.normalize import fold
from toolkit.translit import to_kk_latin, transliterate

#: Kazakh letters and their Russian-keyboard stand-ins (after lower-casing; same length)
KAZAKH_FOLD = str.maketrans("ңұүіыәқғөһ", "нууииакгох")
#: letters a word may have after the stem of a term (Kazakh stacks suffixes: -тарының)
MAX_ENDING = {"kk": 7, "kk-Latn": 7, "ru": 4, "en": 3}
#: words shorter than this are compared exactly (short words have many one-edit neighbours)
FUZZY_MIN = 5
#: what may stand between two words of one name
JOINERS = frozenset(" \t\xa0-‐‑")
#: a word; an apostrophe inside it belongs to it (romanised Sin’tszyan, O'zbekiston)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


def loose(text: str) -> str:
    """``text`` folded (:func:`~toolkit.matching.normalize.fold`) with the Kazakh-only
    letters read as their Russian look-alikes.

    >>> loose("Атажұрт Еріктілері"), loose("Біләштың") == loose("Біләштің")
    ('атажурт ериктилери', True)
    """
    return fold(text).translate(KAZAKH_FOLD)


#: the Kazakh Cyrillic alphabet, whose 2021 transliteration gives the Kazakh Latin letters
KAZAKH_CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


@functools.cache
def kk_latin_letters() -> frozenset[str]:
    """The letters of the Kazakh Latin alphabet of 2021, as the kk-latn-2021 scheme writes
    them (the scheme file is the source: ä ğ ı i ñ ö ş ū ü and the plain Latin letters)."""
    text = to_kk_latin(" ".join(KAZAKH_CYRILLIC + KAZAKH_CYRILLIC.upper()))
    return frozenset(ch for ch in text if ch.isalpha())


def foreign_to_kk_latin(text: str) -> bool:
    """``text`` has a Latin letter the 2021 Kazakh alphabet does not (ǵ á ń of the 2018 one).

    >>> foreign_to_kk_latin("ūiǵyr"), foreign_to_kk_latin("ūiğyr")
    (True, False)
    """
    letters = kk_latin_letters()
    return any(ch.isalpha() and not is_cyrillic(ch) and ch not in letters for ch in text)


def latin_key(text: str) -> str:
    """A Latin word without diacritics, apostrophes and the y/i distinction: how loosely
    romanised spellings of one name compare («Sin’tszyan», «Sintszian»).

    >>> latin_key("Sin’tszyan") == latin_key("Sintszian")
    True
    """
    plain = unicodedata.normalize("NFKD", fold(text))
    letters = "".join(ch for ch in plain if ch.isalpha() and not unicodedata.combining(ch))
    return letters.replace("y", "i")


def is_cyrillic(word: str) -> bool:
    """The word's first letter is Cyrillic."""
    return "CYRILLIC" in unicodedata.name(word[0], "")


@dataclass(frozen=True, slots=True)
class Probe:
    """One spelling of a concept, as the search compares it with words of a text."""

    words: tuple[str, ...]  # loose() words (Cyrillic) or latin_key() words (Latin)
    exact: tuple[str, ...]  # fold() words, to tell an unknown inflection from a misspelling
    cyrillic: bool
    own: bool  # a term of the text's language (not another language or a romanisation)
    capital: bool  # a name: written with a capital


@dataclass(frozen=True, slots=True)
class Found:
    """A spelling of ``concept`` in the text at [start, end), as written."""

    text: str
    start: int
    end: int
    concept: str
    #: True: a correct spelling (a known form, or a term with an ending the generator does not
    #: know): the concept is present
    inflection: bool


def probes(concept: Concept, lang: str) -> tuple[Probe, ...]:
    """The spellings of ``concept`` a text in ``lang`` is searched for: its terms in every
    language (and form lists), and the Russian terms romanised."""
    found: dict[tuple[tuple[str, ...], bool], Probe] = {}
    for term_lang in LANGUAGES:
        for term in concept.terms.get(term_lang, ()):
            spellings = [term.text, *term.forms]
            romanised = []
            if term_lang == "ru":
                romanised = [transliterate(s, "ru-bgn-pcgn") for s in spellings]
            for text, own in [*((s, term_lang == lang) for s in spellings),
                              *((s, False) for s in romanised)]:  # fmt: skip
                parts = _WORD.findall(text)
                if not parts:
                    continue
                cyrillic = is_cyrillic(parts[0])
                key = loose if cyrillic else latin_key
                words = tuple(key(p) for p in parts)
                if (words, own) not in found:
                    found[words, own] = Probe(
                        words, tuple(fold(p) for p in parts), cyrillic, own, text[:1].isupper()
                    )
    # the text's own terms first: «found X; the glossary has Y» names the nearest
    return tuple(sorted(found.values(), key=lambda p: (not p.own, -len(p.words))))


class Words:
    """The words of one text with their spans; each word's keys worked out when first
    compared."""

    __slots__ = ("_keys", "spans", "text")

    def __init__(self, text: str):
        self.text = text
        self.spans = [m.span() for m in _WORD.finditer(text)]
        self._keys: list[tuple[bool, str, str] | None] = [None] * len(self.spans)

    def key(self, number: int) -> tuple[bool, str, str]:
        """(is Cyrillic, loose or Latin key, fold) of word ``number``."""
        found = self._keys[number]
        if found is None:
            start, end = self.spans[number]
            word = self.text[start:end]
            cyrillic = is_cyrillic(word)
            found = (cyrillic, loose(word) if cyrillic else latin_key(word), fold(word))
            self._keys[number] = found
        return found

    def joined(self, left: int, right: int) -> bool:
        """Words ``left`` and ``right`` (= left + 1) are parts of one name: only a space or
        a hyphen between them."""
        gap = self.text[self.spans[left][1] : self.spans[right][0]]
        return 0 < len(gap) <= 2 and all(ch in JOINERS for ch in gap)


@dataclass(frozen=True, slots=True)
class KnownForms:
    """The recognised forms of one concept in the text's language: folded, and loose."""

    folded: frozenset[str]
    loose: frozenset[str]


def search(
    words: Words,
    concept: str,
    spellings: tuple[Probe, ...],
    lang: str,
    known: KnownForms,
    at: int | None = None,
) -> Found | None:
    """The first spelling of ``concept`` among ``words`` (or one that starts at word
    ``at``): exact (after folding) before fuzzy, the text's own terms before other
    languages'.

    A spelling that is a known form (a lower-case word aside), or a term of the text's
    language plus an ending no known form loosely equals, is correct (``inflection``);
    one loosely equal to a known form has wrong letters (Біләштың for Біләштің)."""
    if not words.spans:
        return None
    ending = MAX_ENDING.get(lang, 3)
    for fuzzy in (False, True):
        for probe in spellings:
            if fuzzy and not any(len(w) >= FUZZY_MIN for w in probe.words):
                continue
            hit = _find(words, probe, ending, fuzzy, at, lang == "ru")
            if hit is not None:
                first, last, same_letters = hit
                start, end = words.spans[first][0], words.spans[last][1]
                written = words.text[start:end]
                if probe.capital and not written[:1].isupper():
                    correct = False  # a name in lower case
                elif fold(written) in known.folded:
                    correct = True
                else:
                    correct = same_letters and loose(written) not in known.loose
                return Found(written, start, end, concept, correct)
    return None


def _find(
    words: Words, probe: Probe, ending: int, fuzzy: bool, at: int | None, declines: bool
) -> tuple[int, int, bool] | None:
    """Where ``probe`` stands in ``words``: (first word, last word, written with the letters
    of a term of the text's language). ``declines``: every word of a term may change its
    ending (Russian: «Алматинской области» of «Алматинская область»); else only the last
    may take one (Kazakh suffixes)."""
    count = len(words.spans)
    size = len(probe.words)
    starts = range(count - size + 1) if at is None else range(at, min(at + 1, count))
    for first in starts:
        if first + size > count:
            break
        same_letters = True
        for offset, wanted in enumerate(probe.words):
            cyrillic, key, folded = words.key(first + offset)
            if cyrillic != probe.cyrillic:
                break
            if offset and not words.joined(first + offset - 1, first + offset):
                break
            last = offset == size - 1
            cut = _changing_end(wanted) if declines else 0
            if not _word_fits(key, wanted, last or declines, ending, fuzzy, cut):
                break
            exact = probe.exact[offset]
            if not (
                folded == exact
                or ((last or declines) and folded.startswith(exact[: len(exact) - cut]))
            ):
                same_letters = False
        else:
            return first, first + size - 1, probe.own and same_letters
    return None


def _changing_end(word: str) -> int:
    """Letters at the end of a Russian word that declension changes: two of a long word
    (-ая/-ой, -ие/-ии), a final vowel, ь or й of a shorter one («Кульджа» → Кульдже)."""
    if len(word) >= 6:
        return 2
    return 1 if len(word) >= 4 and word[-1] in "аяоеиыуюьй" else 0


def _word_fits(
    key: str, wanted: str, inflects: bool, ending: int, fuzzy: bool, cut: int = 0
) -> bool:
    """``key`` is ``wanted`` (a word that ``inflects``: plus an ending, after its last
    ``cut`` letters), or with ``fuzzy`` one edit from it (the first letter kept, words of
    FUZZY_MIN letters or more)."""
    if key == wanted:
        return True
    base = wanted[: len(wanted) - cut]
    if inflects and key.startswith(base) and len(key) - len(base) <= ending:
        return True
    if not fuzzy or len(wanted) < FUZZY_MIN or key[:1] != wanted[:1]:
        return False
    if not inflects:
        return one_edit(key, wanted)
    for stem in {wanted, base}:
        for size in range(len(stem) - 1, min(len(key), len(stem) + 1) + 1):
            if len(key) - size <= ending and one_edit(key[:size], stem):
                return True
    return False


def one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of ``a`` and ``b`` is exactly 1.

    >>> one_edit("атажурт", "атажұрт"), one_edit("билаш", "билашы"), one_edit("аб", "ба")
    (True, True, False)
    """
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > 1 or a == b:
        return False
    i = 0
    while i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i + 1 :] == b[i:]


#: Kazakh stem-final consonants that turn voiced before a vowel ending (аймақ, аймағы;
#: кітап, кітабы), in both alphabets: compared as one letter when stems are compared
_ALTERNATING = str.maketrans("ғгбдğgbd", "ққптqkpt")
#: endings taken off a Kazakh word of a term before its stem is compared (the possessive
#: -ы/-і/-сы/-сі of «облысы», «тілі», the infinitive -у/-ю of «өту»; and in Latin letters,
#: where fold() reads ı as i)
_KAZAKH_TERM_ENDINGS = ("сы", "сі", "ы", "і", "у", "ю", "sy", "si", "y", "i", "u")


def stem(word: str, lang: str) -> str:
    """The part of a word of a term that stays when the word is inflected, letter for
    letter (a misspelt stem does not match): Russian drops the last two letters of a long
    word («Алматинская» → алматинск) or a final vowel; Kazakh its possessive or infinitive
    ending («облысы» → оплы, «тілі» → тіл, «өту» → өт), with the stem-final consonant
    alternation levelled (аймағы → аймақ).

    >>> stem("Алматинская", "ru"), stem("аймағы", "kk"), stem("тілі", "kk"), stem("өту", "kk")
    ('алматинск', 'аймақ', 'тіл', 'өт')
    """
    key = fold(word)
    if lang == "ru":
        return key[: len(key) - _changing_end(key)]
    key = key.translate(_ALTERNATING)
    for ending in _KAZAKH_TERM_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 2:
            return key[: -len(ending)]
    return key


def text_stem_key(word: str, lang: str) -> str:
    """A word of a text as :func:`stem` results are compared with (a prefix test)."""
    key = fold(word)
    return key if lang == "ru" else key.translate(_ALTERNATING)


#: words of a text between the first word of a term and its head, in a coordination
#: («Алматы облысы мен Маңғыстау облысы», «в Алматинской и Мангистауской областях»)
COORDINATION_SPAN = 8


def parts_present(words: Words, terms: list[tuple[str, ...]], lang: str) -> bool:
    """Some multi-word term has every word in the text, in order, each as a form of its
    stem, within COORDINATION_SPAN words: names that share one head noun with a
    neighbour («қазақ, орыс және ағылшын тілдерінде» has орыс тілі and ағылшын тілі)."""
    if not words.spans:
        return False
    keys = [text_stem_key(words.text[a:b], lang) for a, b in words.spans]
    for parts in terms:
        stems = [stem(part, lang) for part in parts]
        position, first = -1, None
        for part_stem in stems:
            position = next(
                (i for i in range(position + 1, len(keys)) if keys[i].startswith(part_stem)),
                -1,
            )
            if position < 0:
                break
            first = position if first is None else first
        else:
            if first is not None and position - first <= COORDINATION_SPAN:
                return True
    return False
