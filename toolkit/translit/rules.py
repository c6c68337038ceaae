"""What a scheme's context rules say, shared by the engine's two paths."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.translit.casing import Casing


@dataclass(frozen=True)
class ContextRule:
    """``letter`` becomes ``output`` when the neighbours match.

    ``after``/``before``: letters allowed right before/after (either case); ``^`` in ``after``
    also allows a word start, ``$`` in ``before`` a word end. ``word_prefix``: the word must
    start with one of these sequences directly before ``letter``. ``followed_by``: one of these
    sequences must follow. ``not_after``: letters that must not stand right before. All the
    conditions given must hold.
    """

    letter: str
    output: str
    after: str = ""
    before: str = ""
    word_prefix: tuple[str, ...] = ()
    followed_by: tuple[str, ...] = ()
    not_after: str = ""


def case_variants(seq: str, casing: Casing) -> list[str]:
    """Lower, title and upper spellings of a source sequence (deduplicated, longest first)."""
    forms = {seq, casing.title(seq), casing.upper(seq)}
    return sorted(forms, key=lambda s: (-len(s), s))


@dataclass(frozen=True)
class WordRule:
    """What happens to a whole word (a run of letters) that contains ``has`` and none of
    ``lacks``.

    ``has``/``lacks``: regexes, mostly character classes of letters (``[әөүіӘӨҮІ]``, which
    are the fastest to test); a sequence such as ``[اوۇى]يە`` works too. A word that a rule
    takes is written by the direction's mapping updated with ``mapping`` (front vowels for a
    word marked front, say), with ``prefix`` put before it (a sign that marks the whole word),
    or left as it is with ``keep`` (a word mixing scripts). The first rule that holds wins;
    a word no rule takes goes to the direction's letter rules.
    """

    has: str
    lacks: tuple[str, ...] = ()
    keep: bool = False
    prefix: str = ""
    mapping: tuple[tuple[str, str], ...] = ()
