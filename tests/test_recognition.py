"""Term recognition: recall and precision on hand-written sentence sets, and agreement of the
automaton with a brute-force reference on random text."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.recognition import LANGUAGES, score
from toolkit.matching.matcher import Candidate, TermMatcher
from toolkit.matching.normalize import fold, unmix_scripts

#: floors for the sets in tests/data/recognition (measured: see benchmarks/bench_recognition.py)
FLOORS = {"en": (0.93, 0.98), "kk": (0.97, 0.99), "ru": (0.97, 0.99)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_recall_and_precision_on_the_sentence_sets(lang):
    result = score(lang)
    precision_floor, recall_floor = FLOORS[lang]
    assert result.sentences >= 90
    assert result.precision >= precision_floor, result.disagreements
    assert result.recall >= recall_floor, result.disagreements


def _spaced(text: str) -> str:
    # The matcher's semantics: any run of non-word characters separates words alike.
    return re.sub(r"[\W_]", " ", fold(text))


def reference_find(forms: dict[str, Candidate], text: str) -> list[tuple[int, int, str]]:
    """Every form at word boundaries, case rule applied, leftmost-longest: the slow way."""
    folded = _spaced(text)
    hits = []
    for form, cand in forms.items():
        key = _spaced(form)
        for m in re.finditer(rf"(?<![^\W_]){re.escape(key)}(?![^\W_])", folded):
            if cand.needs_capital and not text[m.start()].isupper():
                continue
            hits.append((m.start(), m.end(), cand.concept))
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept, until = [], 0
    for start, end, concept in hits:
        if start >= until:
            kept.append((start, end, concept))
            until = end
    # A common term that is one part of a hyphenated word is not the term, unless the other
    # part is a term too; a name is kept.
    names = {c.concept for c in forms.values() if c.needs_capital}
    ends, starts = {e for _, e, _ in kept}, {s for s, _, _ in kept}
    whole = []
    for start, end, concept in kept:
        before = re.search(r"[^\W\d_]-$", text[:start])
        after = re.match(r"-[^\W\d_]", text[end:])
        if concept not in names and (
            (before and start - 1 not in ends) or (after and end + 1 not in starts)
        ):
            continue
        whole.append((start, end, concept))
    return whole


WORDS = ["ал", "алма", "алматы", "алматыда", "облысы", "тенге", "Тілек", "тілек", "қандас"]
FORMS = {
    "Алматы": Candidate("almaty", "preferred", "Алматы", True, True),
    "Алматыда": Candidate("almaty", "preferred", "Алматы", True, False),
    "Алматы облысы": Candidate("almaty-region", "preferred", "Алматы облысы", True, True),
    "теңге": Candidate("tenge", "preferred", "теңге", False, True),
    "Тілек": Candidate("tilek", "preferred", "Тілек", True, True),
    "қандас": Candidate("kandas", "preferred", "қандас", False, True),
    "ал": Candidate("al", "admitted", "ал", False, True),
}
token = st.sampled_from([*WORDS, "Алматы", "Алматыда", "теңге", "ТЕҢГЕ", "Қандас"])
separator = st.sampled_from([" ", " ", ", ", "-", "«", "» ", ". ", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(token, separator), max_size=12))
def test_automaton_agrees_with_brute_force(parts):
    text = "".join(word + sep for word, sep in parts)
    matcher = TermMatcher({form: [cand] for form, cand in FORMS.items()}, {})
    got = [(m.start, m.end, m.concept) for m in matcher.find(text)]
    assert got == reference_find(FORMS, text)
    for m in matcher.find(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("lang", "text", "concept", "surface"),
    [
        ("kk", "Aлматыда сот болды.", "almaty", "Aлматыда"),  # Latin A
        ("kk", "журналистерiнiң құқығы", "journalist", "журналистерiнiң"),  # Latin i twice
        ("kk", "Білəшке сөз берді.", "serikzhan-bilash", "Білəшке"),  # Latin schwa U+0259
        ("ru", "В Kазахстане выборы.", "kazakhstan", "Kазахстане"),  # Latin K
        ("kk-Latn", "Qazaqstаnda saılaý", "kazakhstan", "Qazaqstаnda"),  # Cyrillic а
    ],
)
def test_a_word_with_look_alike_letters_of_the_other_script_is_recognised(
    run_cli, tmp_path, lang, text, concept, surface
):
    (tmp_path / "t.txt").write_text(text + "\n", encoding="utf-8")
    code, out, _ = run_cli("find", "--lang", lang, "--format", "jsonl", str(tmp_path / "t.txt"))
    matches = json.loads(out)["matches"]
    assert code == 0
    assert (concept, surface) in {(m["concept"], m["text"]) for m in matches}
    start = text.index(surface)
    assert any(m["start"] == start and m["end"] == start + len(surface) for m in matches)


def test_words_of_one_script_or_evenly_mixed_are_left_as_they_are():
    assert unmix_scripts("Almaty Алматы Tengrinews.kz-те") == "Almaty Алматы Tengrinews.kz-те"
    assert unmix_scripts("AБ") == "AБ"  # one letter of each: no majority


@pytest.mark.parametrize(
    ("text", "concept", "surface"),
    [
        # a headline in title case: its capitals make no unknown name
        ("Almaty Court Fines Activist Over Ethnic Kazakhs", "ethnic-kazakhs", "Ethnic Kazakhs"),
        # a region named the other way round
        ("Floods hit the region of Almaty.", "almaty-region", "region of Almaty"),
        # a title in lower case where it is not used before a name
        ("He became president of Kazakhstan in 2019.", "president-of-kazakhstan", None),
        # "the" added inside a name
        (
            "The Kazakhstan International Bureau for Human Rights and the Rule of Law said so.",
            "kibhr",
            "Kazakhstan International Bureau for Human Rights and the Rule of Law",
        ),
    ],
)
def test_english_names_are_found_in_the_spellings_the_press_uses(
    run_cli, tmp_path, text, concept, surface
):
    (tmp_path / "t.txt").write_text(text + "\n", encoding="utf-8")
    code, out, _ = run_cli("find", "--lang", "en", "--format", "jsonl", str(tmp_path / "t.txt"))
    found = {(m["concept"], m["text"]) for m in json.loads(out)["matches"]}
    assert code == 0
    assert concept in {c for c, _ in found}
    if surface:
        assert (concept, surface) in found


def test_a_capitalised_single_word_name_still_needs_its_capital(run_cli, tmp_path):
    (tmp_path / "t.txt").write_text("An oral hearing was held in Oral.\n", encoding="utf-8")
    code, out, _ = run_cli("find", "--lang", "en", "--format", "jsonl", str(tmp_path / "t.txt"))
    assert code == 0
    assert [m["text"] for m in json.loads(out)["matches"] if m["concept"] == "oral"] == ["Oral"]
