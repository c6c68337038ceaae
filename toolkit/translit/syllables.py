"""Syllable schemes: words that split wholly into a scheme's syllables, converted syllable by
syllable (Hanyu Pinyin → Cyrillic by the Palladius table).

A scheme file gives the table under ``syllables`` (see docs/transliteration.md); the engine
runs this pass before its letter rules. A word is converted only when it splits into syllables
of the table from end to end; any other word (``Almaty``, ``Bilash``, a word glued to a letter
of another script) is left as it is. How a word splits follows the pinyin spelling rule: inside
a word, a syllable that starts with a vowel (``a``, ``o``, ``e``) must be marked by an
apostrophe (``Xi'an``), so ``Hunan`` is hu-nan, never hun-an, and ``Xian`` is one syllable.

>>> table = SyllableTable.from_data({"table": {"xi": "си", "an": "ань", "xian": "сянь"},
...                                  "vowel_initial": "aeo"})
>>> convert = SyllableConverter(table)
>>> convert("Xi'an, Xian, XIAN, Almaty")
'Сиань, Сянь, СЯНЬ, Almaty'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from toolkit.errors import InputError
from toolkit.translit.glossary_terms import trie_pattern

#: Keys of a scheme file's ``syllables`` object.
SYLLABLE_KEYS = ("table", "vowel_initial", "words", "fold", "join_hyphenated", "junctions",
                 "english_words", "note")  # fmt: skip
#: Apostrophes that mark a syllable boundary inside a word (ASCII and typographic).
APOSTROPHES = "'’"
_LETTER = r"[^\W\d_]"


@dataclass(frozen=True)
class Junction:
    """Between two syllables of a word: ``insert`` goes between an output ending in one of
    ``after`` and an output starting with one of ``before`` (Palladius: ``н`` + ``ъ`` +
    vowel, Чанъань)."""

    after: str
    before: str
    insert: str


@dataclass(frozen=True)
class SyllableTable:
    """The syllable data of a scheme direction."""

    table: Mapping[str, str]
    vowel_initial: str = ""
    #: "all" words, or only "capitalised" ones (names: a lower-case "he", "long" is English)
    words: str = "all"
    fold: Mapping[str, str] | None = None
    join_hyphenated: bool = False
    junctions: tuple[Junction, ...] = ()
    #: capitalised English words that also split into syllables (He, China, Women): alone,
    #: they are not taken for a name by the recognizer (:func:`toolkit.translit.pinyin_names`)
    english_words: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: Any, path: Any = None) -> SyllableTable:
        """Check and read a scheme file's ``syllables`` object (InputError naming ``path``)."""
        if not isinstance(data, dict) or set(data) - set(SYLLABLE_KEYS) or "table" not in data:
            raise InputError(f"syllables needs a table; known keys: {SYLLABLE_KEYS}", path)
        table = data["table"]
        if not isinstance(table, dict) or not table or not all(
            isinstance(k, str) and k == k.lower() and k.isalpha() and isinstance(v, str)
            for k, v in table.items()
        ):  # fmt: skip
            raise InputError("syllables.table maps lower-case syllables to strings", path)
        if data.get("words", "all") not in ("all", "capitalised"):
            raise InputError('syllables.words is "all" or "capitalised"', path)
        try:
            junctions = tuple(
                Junction(j["after"], j["before"], j["insert"]) for j in data.get("junctions", ())
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"syllables.junctions: each needs after, before, insert ({exc})",
                             path) from exc  # fmt: skip
        return cls(
            table=dict(table),
            vowel_initial=data.get("vowel_initial", ""),
            words=data.get("words", "all"),
            fold=dict(data.get("fold", {})),
            join_hyphenated=bool(data.get("join_hyphenated", False)),
            junctions=junctions,
            english_words=frozenset(data.get("english_words", ())),
        )


def _finder_pattern(every: list[str], inner: list[str], capitalised: bool) -> str:
    """The regex that finds syllable words in text: Title case or ALL CAPS words (and, unless
    ``capitalised``, lower-case ones) that split into syllables, their hyphenated parts
    lower-case (given names: Jin-ping) or in the case of the first.

    Each alternative starts with a literal first letter, the word-start lookbehinds after it,
    so that re skips at C speed to the next letter that can start a syllable word; the regex
    itself rejects the words that are not syllable words, without a Python call for each."""
    apostrophe = f"[{APOSTROPHES}]"

    def parts(case: str) -> tuple[str, str, str]:
        """(any syllable, an inner syllable, a whole part) in one case."""
        convert = {"lower": str.lower, "upper": str.upper}[case]
        any_, in_ = (
            trie_pattern([convert(s) for s in every]),
            trie_pattern([convert(s) for s in inner]),
        )
        return any_, in_, f"{any_}(?:{in_}|{apostrophe}{any_})*"

    lower_any, lower_inner, lower_part = parts("lower")
    upper_any, upper_inner, upper_part = parts("upper")
    title_part = (
        f"{trie_pattern([s.title() for s in every])}(?:{lower_inner}|{apostrophe}{lower_any})*"
    )
    start = rf"(?<!{_LETTER}.)(?<!{_LETTER}[{APOSTROPHES}-].)"
    branches = []
    for first in sorted({s[0] for s in every}):
        rests = [s[1:] for s in every if s[0] == first]
        title = (f"{trie_pattern(rests)}(?:{lower_inner}|{apostrophe}{lower_any})*"
                 f"(?:-(?:{lower_part}|{title_part}))*")  # fmt: skip
        upper_rests = trie_pattern([r.upper() for r in rests])
        caps = f"{upper_rests}(?:{upper_inner}|{apostrophe}{upper_any})*(?:-{upper_part})*"
        branches.append(f"{re.escape(first.upper())}{start}(?:{title}|{caps})")
        if not capitalised:
            branches.append(f"{re.escape(first)}{start}{title}")
    # Not glued to a letter after it either, nor across a hyphen or an apostrophe, except an
    # English possessive ending ("Xi's").
    after = rf"(?!{_LETTER}|-{_LETTER}|{apostrophe}(?!s(?!{_LETTER})){_LETTER})"
    return "(?:" + "|".join(branches) + ")" + after


class SyllableWord(NamedTuple):
    """A word of a text that splits wholly into syllables, and its conversion."""

    start: int
    end: int
    text: str
    syllables: tuple[str, ...]
    output: str


class SyllableConverter:
    """Converts the words of a text that split wholly into syllables; the rest is kept."""

    def __init__(self, spec: SyllableTable):
        self.spec = spec
        every = sorted(spec.table)
        inner = [s for s in every if s[0] not in spec.vowel_initial]
        apostrophe = f"[{APOSTROPHES}]"
        # A part: a first syllable, then syllables that need no mark or follow an apostrophe;
        # re backtracks over the choices, so "Hunan" is found as hu-nan.
        part = f"{trie_pattern(every)}(?:{trie_pattern(inner)}|{apostrophe}{trie_pattern(every)})*"
        self._syllable_word = re.compile(f"{part}(?:-{part})*", re.IGNORECASE)
        self._finder = re.compile(_finder_pattern(every, inner, spec.words == "capitalised"))
        fold = dict(spec.fold or {})
        self._fold = str.maketrans(fold)
        self._toned = re.compile("[" + "".join(map(re.escape, fold)) + "]") if fold else None
        self._longest = max(map(len, every))
        self._inner = frozenset(inner)
        self._cached_word = lru_cache(maxsize=1 << 16)(self._read_word)

    def __call__(self, text: str) -> str:
        """``text`` with every syllable word converted."""
        folded = self._folded(text)
        if folded is text:
            return self._finder.sub(self._replace, text)
        out, pos = [], 0
        for m in self._finder.finditer(folded):
            syllables, output, _ = self._cached_word(m.group())
            if syllables is not None:
                out += (text[pos : m.start()], output)
                pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    def _replace(self, match: re.Match[str]) -> str:
        return self._cached_word(match.group())[1]

    def _folded(self, text: str) -> str:
        """``text`` without tone marks (same length: one letter for one letter), or ``text``
        itself when it has none."""
        if self._toned is not None and self._toned.search(text):
            return text.translate(self._fold)
        return text

    def _read_word(self, word: str) -> tuple[tuple[str, ...] | None, str, int]:
        """(syllables, output, length) of a word; syllables None when it is not a syllable
        word (then the output is the word itself)."""
        if not self._syllable_word.fullmatch(word):
            return None, word, len(word)
        syllables, output = self._word(word)
        return syllables, output, len(word)

    def words(self, text: str) -> Iterator[SyllableWord]:
        """The syllable words of ``text``, with their syllables and conversion.

        >>> table = SyllableTable.from_data({"table": {"chen": "чэнь", "quan": "цюань",
        ...                                  "guo": "го"}, "words": "capitalised"})
        >>> [(w.text, w.syllables) for w in SyllableConverter(table).words("Chen Quanguo's")]
        [('Chen', ('chen',)), ('Quanguo', ('quan', 'guo'))]
        """
        for m in self._finder.finditer(self._folded(text)):
            syllables, output, length = self._cached_word(m.group())
            if syllables is not None:
                end = m.start() + length
                yield SyllableWord(m.start(), end, text[m.start() : end], syllables, output)

    def segment(self, word: str) -> tuple[str, ...] | None:
        """The syllables of ``word`` (lower case), or None when it does not split wholly.

        >>> table = SyllableTable.from_data({"table": {"hu": "ху", "hun": "хунь", "nan": "нань",
        ...                                  "an": "ань"}, "vowel_initial": "aeo"})
        >>> SyllableConverter(table).segment("Hunan"), SyllableConverter(table).segment("Hun")
        (('hu', 'nan'), ('hun',))
        """
        return self._cached_word(self._folded(word))[0]

    def _word(self, word: str) -> tuple[tuple[str, ...] | None, str]:
        """(syllables, output) of a word the regex matched; (None, word) if it does not split."""
        pieces: list[str] = []
        syllables: list[str] = []
        for i, part in enumerate(word.split("-")):
            found = self._split(part.lower())
            if found is None:
                return None, word
            syllables += found
            output = self._join(found)
            if part.isupper() and len(part) > 1:
                output = output.upper()
            elif part[:1].isupper():
                output = output[:1].upper() + output[1:]
            joined = self.spec.join_hyphenated and i and part[:1].islower()
            pieces.append(output if joined or not i else "-" + output)
        return tuple(syllables), "".join(pieces)

    def _split(self, part: str) -> list[str] | None:
        """The syllables of one hyphen-free part, apostrophes marking boundaries; None for
        a word the case-insensitive regex took in through a letter whose lower case is no
        table letter (the long s ``ſ`` matches ``s``)."""
        found: list[str] = []
        for chunk in re.split(f"[{APOSTROPHES}]", part):
            rest = self._chunk(chunk, 0, True)
            if rest is None:
                return None
            found += rest
        return found

    def _chunk(self, chunk: str, start: int, first: bool) -> list[str] | None:
        """Longest syllable first, backtracking, as the regex reads the chunk."""
        if start == len(chunk):
            return []
        for end in range(min(len(chunk), start + self._longest), start, -1):
            syllable = chunk[start:end]
            if syllable in self.spec.table and (first or syllable in self._inner):
                rest = self._chunk(chunk, end, False)
                if rest is not None:
                    return [syllable, *rest]
        return None

    def _join(self, syllables: list[str]) -> str:
        out = ""
        for syllable in syllables:
            piece = self.spec.table[syllable]
            for j in self.spec.junctions:
                if out and piece and out[-1] in j.after and piece[0] in j.before:
                    out += j.insert
                    break
            out += piece
        return out
