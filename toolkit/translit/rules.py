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
