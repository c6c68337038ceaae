"""Cutting an English paragraph (placeholder text) into sentences, one PO entry each.

The abbreviations whose dot does not end a sentence are data:
``toolkit/articles/data/abbreviations.yaml``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

ABBREVIATIONS_FILE = Path(__file__).resolve().parent / "data" / "abbreviations.yaml"

#: where a sentence may end: after . ! ? (and closing quotes), before a capital, digit or quote
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”»’)]*)\s+(?=[\"“«(<]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")
_OPENING = re.compile(r"<(a\d+|em|strong)>")
_CLOSING = re.compile(r"</(a\d+|em|strong)>")


@functools.cache
def abbreviations() -> frozenset[str]:
    """Words (lower case, without their final dot) whose dot does not end a sentence."""
    groups = yaml.safe_load(ABBREVIATIONS_FILE.read_text(encoding="utf-8"))
    return frozenset(str(word).lower() for words in groups.values() for word in words)


def split_sentences(text: str) -> list[str]:
    """Cut a paragraph into sentences; abbreviations (U.S., Feb.) and open tags never end one.

    >>> split_sentences("The U.S. State Department said so. Bilash denied it! He left.")
    ['The U.S. State Department said so.', 'Bilash denied it!', 'He left.']
    """
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each sentence of ``text`` (surrounding spaces left out)."""
    known = abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.start() + len(match.group(1))
        candidate = text[start:cut]
        words = candidate.rstrip('"”»’).!?').rsplit(None, 1)
        last_word = words[-1].lower() if words else ""
        if last_word.rstrip(".") in known or _open_tags(candidate):
            continue
        spans.append((start, cut))
        start = match.end()
    spans.append((start, len(text)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _open_tags(text: str) -> bool:
    return len(_OPENING.findall(text)) != len(_CLOSING.findall(text))
