"""Terms in software strings: acronyms only in capitals, keyboard accelerators split no word."""

from __future__ import annotations

import pytest

from toolkit.matching.matcher import Candidate, TermMatcher

UN = Candidate("united-nations", "admitted", "UN", True, True)
BUU = Candidate("united-nations", "admitted", "БҰҰ", True, True)
ORALMAN = Candidate("kandas", "deprecated", "оралман", False, True)


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    forms = {"UN": [UN], "БҰҰ": [BUU], "бұұ-ға": [BUU], "оралман": [ORALMAN],
             "оралмандар": [ORALMAN]}  # fmt: skip
    return TermMatcher(forms, {"united-nations": "United Nations", "kandas": "kandas"})


@pytest.mark.parametrize("text", ["Un-hide the panel", "ST_UN", "Un", "un", "UNHCR"])
def test_acronym_is_not_found_outside_capitals_or_inside_a_word(matcher, text):
    assert matcher.find(text) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [("The UN said", "UN"), ("БҰҰ-ға хат", "БҰҰ-ға"), ("(UN)", "UN")],
)
def test_acronym_in_capitals_is_found(matcher, text, surface):
    assert [m.text for m in matcher.find(text)] == [surface]


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Орал_мандар келді", "Орал_мандар"), ("~Оралман", "Оралман"), ("&Оралмандар", "Оралмандар"),
     ("біз _оралмандар", "оралмандар")],
)  # fmt: skip
def test_accelerator_splits_no_word_and_spans_are_of_the_text_as_given(matcher, text, surface):
    (match,) = matcher.find(text)
    assert (match.text, text[match.start : match.end]) == (surface, surface)


def test_entities_and_doubled_markers_are_text(matcher):
    assert matcher.find("A &amp; B") == [] and matcher.find_all(["x", "Орал__мандар"]) == [[], []]
