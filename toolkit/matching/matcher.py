"""Find glossary terms, in any inflected form, in running text.

All surface forms of all terms of one language go into one Aho-Corasick automaton
(pyahocorasick). Forms and text are compared as :func:`~.normalize.match_key` strings: folded,
with every boundary character a space and a space on each side, so the automaton itself only
reports hits between word boundaries (no hit inside a longer word ever reaches Python).
Overlapping hits resolve leftmost-longest («Алматы облысы» beats «Алматы»); a capitalised
name does not match a lower-case word (Тілек the name is not тілек "wish"); an acronym
(UN, ООН, БҰҰ) matches only in capitals (not «Un-hide»); a common term is not one part of a
hyphenated word («Казахстанская» in «Восточно-Казахстанская», "medium" in "medium-term"),
see :func:`joined_parts`. Keyboard accelerator markers («_Save», «&Open», «~Open») are taken
out of forms and texts before matching, so they split no word («Re_store», «ST_UN» has no
UN); spans are offsets in the text as given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from toolkit.matching.normalize import (
    HYPHENS,
    fold,
    match_key,
    original_offset,
    strip_accelerators,
)

#: finds a text where some match may be one part of a hyphenated word
_ANY_HYPHEN = re.compile("[" + re.escape("".join(sorted(HYPHENS))) + "]")
#: punctuation a form may end with that is not part of its key
_TRAILING = ".'’"
#: what joins texts matched together (find_all): "〇" is a letter-like character (kept by
#: match_key, so the automaton cannot run across it) without case; "\n" becomes a space
_SEPARATOR = "\n\u3007\n"

Pair = tuple["Candidate", "Candidate | None"]

#: Order of preference when one surface form belongs to several terms.
STATUS_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2, "forbidden": 3}


class ContextRule(NamedTuple):
    """Concepts a matcher recognises only where ``accepts(text, start, end)`` says so."""

    concepts: frozenset[str]
    accepts: Callable[[str, int, int], bool]


class Candidate(NamedTuple):
    """What a surface form stands for: a term of a concept."""

    concept: str
    status: str
    term: str  # the glossary spelling the form belongs to
    needs_capital: bool  # the term is a capitalised name
    is_base: bool  # the form is the term itself (or a hand-listed form), not generated


class Match(NamedTuple):
    """One recognised term in a text: Python str offsets of the whole inflected surface."""

    concept: str
    en: str
    start: int
    end: int
    text: str
    status: str
    term: str

    def as_json(self) -> dict[str, object]:
        """The design's jsonl shape (plus the glossary term the surface belongs to)."""
        return {
            "concept": self.concept,
            "en": self.en,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "status": self.status,
            "term": self.term,
        }


def _span(hit: tuple) -> tuple[int, int]:
    return hit[0], hit[1]


def is_acronym(term: str) -> bool:
    """A term written in capitals only, with two letters or more: it matches only in capitals.

    >>> is_acronym("UN"), is_acronym("БҰҰ"), is_acronym("U.N."), is_acronym("Un"), is_acronym("A")
    (True, True, True, False, False)
    """
    letters = [ch for ch in term if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def is_phrase(term: str) -> bool:
    """A term of several words (a hyphenated name is one word).

    >>> is_phrase("Министерство иностранных дел"), is_phrase("Нұр-Сұлтан")
    (True, False)
    """
    return len(term.split()) > 1


def joined_parts(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether ``text[start:end]`` is joined by a hyphen to letters before it and after it:
    one part of a hyphenated word.

    >>> text = "Восточно-Казахстанская область"
    >>> joined_parts(text, 9, 22), joined_parts(text, 0, 8), joined_parts(text, 23, 30)
    ((True, False), (False, True), (False, False))
    """
    before = start > 1 and text[start - 1] in HYPHENS and text[start - 2].isalpha()
    after = text[end : end + 1] in HYPHENS and text[end + 1 : end + 2].isalpha()
    return before, after


def _whole_words(text: str, matches: list[Match], names: list[bool]) -> list[Match]:
    """``matches`` without the common terms that are one part of a hyphenated word.

    A compound is a word of its own: «Восточно-Казахстанская» is not «казахстанская»
    (Kazakhstani), «қазақ-қытай» not «қазақ», "medium-term" not "medium". Two kinds of
    part stay: a name (``names``: its term is capitalised), which keeps its referent in a
    compound («Қытай-Қазақстан шекарасы», «Almaty-based», "Kazakh-speaking"); and a term
    whose other part is a recognised term too, two terms side by side («дунгане-мусульмане»).
    A term written with the hyphen («Нұр-Сұлтан», «БҰҰ-ның») is matched whole, so it is no
    part.
    """
    kept = []
    last = len(matches) - 1
    for i, match in enumerate(matches):
        start, end = match.start, match.end
        if not names[i] and (text[start - 1 : start] in HYPHENS or text[end : end + 1] in HYPHENS):
            before, after = joined_parts(text, start, end)
            if before and not (i and matches[i - 1].end == start - 1):
                continue
            if after and not (i < last and matches[i + 1].start == end + 1):
                continue
        kept.append(match)
    return kept


def _best(candidates: Iterable[Candidate]) -> Candidate:
    return min(candidates, key=lambda c: (not c.is_base, STATUS_RANK[c.status], c.concept))


class TermMatcher:
    """Finds the surface forms of one language's terms in text.

    ``index`` maps surface forms (as written or folded) to the candidates they stand for;
    ``english`` maps concept ids to their preferred English term (reported with every match).

    Forms and text are compared as :func:`~.normalize.match_key` strings (folded, every
    boundary character a space, a space at each end). A form's key has a space on both
    sides, so the automaton only reports forms standing between word boundaries: a form
    inside a longer word («Алматы» in «Алматылық») never reaches Python. Python keeps the
    leftmost-longest of the hits, applies the case rule and leaves out the common terms that
    are one part of a hyphenated word (:func:`joined_parts`).

    >>> index = {"Алматы": [Candidate("almaty", "preferred", "Алматы", True, True)],
    ...          "Алматыда": [Candidate("almaty", "preferred", "Алматы", True, False)]}
    >>> m = TermMatcher(index, {"almaty": "Almaty"})
    >>> [(x.text, x.start, x.end) for x in m.find("Сот Алматыда өтті.")]
    [('Алматыда', 4, 12)]
    >>> m.find("алматыдағы")  # not a form, and a name does not match in lower case
    []
    """

    def __init__(
        self,
        index: Mapping[str, Iterable[Candidate]],
        english: Mapping[str, str],
        context: ContextRule | None = None,
        *,
        phrases_any_case: bool = False,
        labels: frozenset[str] = frozenset(),
        dismiss: Callable[[str, Match, Sequence[Match]], bool] | None = None,
    ):
        import ahocorasick

        self.english = dict(english)
        #: a capitalised term of several words also matches in lower case (Russian and Kazakh
        #: capitalise only the first word of a name, and the press often not even that:
        #: «министерства иностранных дел», «қаңтар оқиғасы»); a one-word name still needs its
        #: capital (Тілек the name is not тілек "wish")
        self.phrases_any_case = phrases_any_case
        #: concepts whose names are labels (people, organisations, places), not descriptions:
        #: in lower case their words are an ordinary phrase («әділ сөз» "a fair word" is not
        #: Adil Soz, a "street party" not the Koshe party), so a lower-case occurrence of
        #: such a name of several words stands for it only where another of its words keeps a
        #: capital («region of Almaty», «нағыз Атажұрт»)
        self.labels = labels
        #: says when a match, read in its text among the other matches, is a homograph of
        #: the term and not the concept («Court of Appeals»): such matches are dropped
        self._dismiss = dismiss
        #: concepts recognised only where ``context`` accepts the occurrence (English
        #: language names: «in Chinese», not «the Chinese government»), and what each of
        #: their surface forms stands for elsewhere (another concept, or nothing)
        self._context = context
        self._elsewhere: dict[str, Candidate | None] = {}
        if context is not None:
            for form, candidates in index.items():
                listed = list(candidates)
                if any(c.concept in context.concepts for c in listed):
                    others = [c for c in listed if c.concept not in context.concepts]
                    self._elsewhere[fold(form)] = _best(others) if others else None
        merged: dict[str, list[Candidate]] = {}
        tails: dict[str, set[str]] = {}
        capitals: dict[str, set[int]] = {}  # key -> where its acronym forms have capitals
        for form, candidates in index.items():
            # Trailing punctuation is not part of the key («тыс.», «U.N.», «camps'»): in text
            # it is a boundary like any other. It is added back to the surface when present.
            bare = strip_accelerators(form.rstrip(_TRAILING))[0]
            key = match_key(bare)
            if not key.strip():
                continue
            merged.setdefault(key, []).extend(candidates)
            tails.setdefault(key, set()).add(fold(form[len(form.rstrip(_TRAILING)) :]))
            for candidate in candidates:
                # An acronym's forms (stored folded) begin with it: БҰҰ-ның, UN's.
                if is_acronym(candidate.term) and fold(bare).startswith(fold(candidate.term)):
                    upper = {i for i, ch in enumerate(candidate.term) if ch.isupper()}
                    capitals[key] = capitals[key] & upper if key in capitals else upper
        self._automaton = ahocorasick.Automaton()
        for key, candidates in merged.items():
            # What a capitalised and a lower-case occurrence stand for, decided once, here;
            # and what one not in the acronym's capitals stands for («Un-hide» is not UN).
            # And what a lower-case occurrence with a capital further on stands for.
            lower_ok, inner_ok = [], []
            for c in candidates:
                if not c.needs_capital or (phrases_any_case and is_phrase(c.term)):
                    inner_ok.append(c)
                    if not c.needs_capital or c.concept not in labels:
                        lower_ok.append(c)
            if_lower = _best(lower_ok) if lower_ok else None
            if_inner = _best(inner_ok) if inner_ok else None
            endings = tuple(sorted((t for t in tails[key] if t), key=len, reverse=True))
            upper = tuple(sorted(capitals.get(key, ())))
            words = [c for c in candidates if not is_acronym(c.term)] if upper else candidates
            self._automaton.add_word(
                key,
                (len(key), _best(candidates), if_lower, endings, upper,
                 _best(words) if words else None, if_inner),
            )  # fmt: skip
        self._size = len(merged)
        #: texts can be matched many at a time, joined by _SEPARATOR: no form contains its
        #: middle character, so no hit spans two texts (see find_all)
        self._joinable = not any(_SEPARATOR[1] in key for key in merged)
        if merged:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        """Number of distinct surface forms."""
        return self._size

    def find(self, text: str) -> list[Match]:
        """Every glossary term in ``text``, left to right, without overlaps."""
        if not self._size or not text:
            return []
        return self.find_all([text])[0]

    def find_all(self, texts: Sequence[str]) -> list[list[Match]]:
        """``[self.find(text) for text in texts]``, in one pass of the automaton."""
        if not self._size:
            return [[] for _ in texts]
        stripped = [strip_accelerators(text) for text in texts]
        plain = [text for text, _ in stripped]
        if not self._joinable:
            found = [self._find_joined([text])[0] if text else [] for text in plain]
        else:
            found = self._find_joined(plain) if texts else []
        for number, (_, cuts) in enumerate(stripped):
            if cuts and found[number]:
                found[number] = _unstripped(found[number], texts[number], cuts)
        if self._context is not None:
            found = [self._in_context(t, matches) for t, matches in zip(texts, found, strict=True)]
        if self._dismiss is not None:
            found = [self._kept(t, matches) for t, matches in zip(texts, found, strict=True)]
        return found

    def _kept(self, text: str, matches: list[Match]) -> list[Match]:
        """``matches`` without those the dismiss rule says are not the concept."""
        dismiss = self._dismiss
        assert dismiss is not None
        return [m for m in matches if not dismiss(text, m, matches)] if matches else matches

    def _in_context(self, text: str, matches: list[Match]) -> list[Match]:
        """``matches`` with those of context-bound concepts the context does not accept
        replaced by what their surface stands for elsewhere, or dropped."""
        rule = self._context
        assert rule is not None
        kept = []
        for match in matches:
            if match.concept in rule.concepts and not rule.accepts(text, match.start, match.end):
                other = self._elsewhere.get(fold(match.text))
                if other is None:
                    continue
                match = match._replace(
                    concept=other.concept, en=self.english.get(other.concept, ""),
                    status=other.status, term=other.term,
                )  # fmt: skip
            kept.append(match)
        return kept

    def _find_joined(self, texts: Sequence[str]) -> list[list[Match]]:
        """The matches of each text, found in the key of the texts joined by _SEPARATOR.

        The key of the joined texts is the key of each text (a space at each end) with
        "〇" between them: a form's key has no "〇", so its hits are hits in one text, the
        same as in that text's own key; lower() sees "\\n" around it, which stops Greek
        final-sigma context like the end of a string does. Offsets: key index ``i + 1`` is
        joined index ``i``; text ``n`` starts at joined index ``base``.
        """
        key = match_key(_SEPARATOR.join(texts))
        results: list[list[Match]] = []
        resolve = self._resolve
        gap = len(_SEPARATOR)
        number = 0
        text = texts[0]
        base = 0
        limit = len(text)  # joined index where the current text ends
        hits: list[tuple[int, int, Candidate]] = []
        found = self._automaton.iter(key)
        for last, (length, if_capital, if_lower, endings, upper, if_word, if_inner) in found:
            end = last - 1  # key = " " + form + " ": the form is joined[last - length + 1:end]
            if end > limit:  # the hit is in a later text: finish this one
                results.append(resolve(text, hits) if hits else [])
                hits = []
                number += 1
                base = limit + gap
                text = texts[number]
                limit = base + len(text)
                while end > limit:
                    results.append([])
                    number += 1
                    base = limit + gap
                    text = texts[number]
                    limit = base + len(text)
            start = last - length + 1 - base
            if not text[start].isupper():
                best = if_lower
                if if_inner is not if_lower and not text[start : end - base].islower():
                    best = if_inner  # a capital further on: «region of Almaty»
            elif upper and not all(text[start + i].isupper() for i in upper):
                best = if_word  # capitalised, not in capitals: «Un-hide» is not UN
            else:
                best = if_capital
            if best is None:
                continue
            end -= base
            for ending in endings:
                if fold(text[end : end + len(ending)]) == ending:
                    end += len(ending)
                    break
            hits.append((start, -end, best))  # -end: the longest first among equal starts
        results.append(resolve(text, hits) if hits else [])
        results.extend([] for _ in range(len(texts) - len(results)))
        return results

    def _resolve(self, text: str, hits: list[tuple[int, int, Candidate]]) -> list[Match]:
        """The leftmost-longest of the hits of ``text``, as matches."""
        if len(hits) > 1:
            hits.sort(key=_span)
        english = self.english
        new_match = tuple.__new__  # Match(...) goes through a Python-level __new__
        matches: list[Match] = []
        names: list[bool] = []  # per match: its term is a capitalised name (see _whole_words)
        hyphenated = _ANY_HYPHEN.search(text) is not None
        taken_until = 0
        for start, negative_end, best in hits:
            if start < taken_until:
                continue
            end = -negative_end
            concept = best[0]
            matches.append(
                new_match(Match, (concept, english.get(concept, ""), start, end,
                                  text[start:end], best[1], best[2]))
            )  # fmt: skip
            if hyphenated:
                names.append(best[3])
            taken_until = end
        return _whole_words(text, matches, names) if hyphenated else matches


def _unstripped(matches: list[Match], text: str, cuts: tuple[int, ...]) -> list[Match]:
    """Matches found in ``text`` without its accelerator markers, as spans of ``text``."""
    out = []
    for match in matches:
        start = original_offset(match.start, cuts)
        end = original_offset(match.end, cuts, end=True)
        out.append(match._replace(start=start, end=end, text=text[start:end]))
    return out
