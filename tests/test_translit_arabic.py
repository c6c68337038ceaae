"""kk-arab: Kazakh Cyrillic ↔ Kazakh Arabic script, beyond its sample pairs.

Property tests (hypothesis): what the Arabic output may contain, which words come back
unchanged, that bad input passes through and that nothing crashes; and the words reported
as ambiguous in reverse.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import PROJECT
from toolkit.errors import InputError
from toolkit.glossary.model import Concept, Term
from toolkit.translit import ambiguous_words, get_scheme, transliterate
from toolkit.translit.scheme import load_scheme

KK_ARAB = get_scheme("kk-arab")
HAMZA = "\u0674"
CYRILLIC = re.compile("[\u0400-\u052f]")
#: Unicode's Bidi_Control characters: none may appear in right-to-left output we write.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ARABIC_WORD = re.compile(r"[^\W\d_]+")


def cased(word: str, how: str) -> str:
    if how == "upper":
        return word.upper()
    return word[:1].upper() + word[1:] if how == "title" else word


kazakh_words = st.tuples(
    st.text(alphabet=KK_ARAB.source_alphabet, min_size=1, max_size=12),
    st.sampled_from(["lower", "title", "upper"]),
).map(lambda wc: cased(*wc))
separators = st.sampled_from([" ", ", ", "-", ". ", "\n", " 2024 ", "«", "»", "? ", "; "])
kazakh_text = st.lists(st.tuples(kazakh_words, separators), max_size=8).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@given(kazakh_text)
def test_arabic_output_has_only_letters_of_the_alphabet_and_no_bidi_controls(text: str) -> None:
    arabic = transliterate(text, "kk-arab")
    assert not CYRILLIC.search(arabic)
    assert not BIDI_CONTROLS.search(arabic)
    assert {c for c in arabic if c.isalpha()} <= set(KK_ARAB.target_alphabet)


@given(kazakh_text)
def test_the_hamza_stands_only_first_in_a_word_and_once(text: str) -> None:
    for word in ARABIC_WORD.findall(transliterate(text, "kk-arab")):
        assert HAMZA not in word[1:], word


# Native-shaped words keep vowel harmony (all back or all front) and write ә о ө ұ ү only in
# the first syllable: these come back from Arabic script exactly. и, й, у, я, ю and the
# loan letters have their own documented limits and are left out.
BACK = ("аы", "оұ", "бджзлмнңпрстшқғ")
FRONT = ("еі", "әөү", "бджзлмнңпрстшкг")


def native_word(harmony: tuple[str, str, str]) -> st.SearchStrategy[str]:
    vowels, first_only, consonants = harmony
    onset = st.sampled_from(["", *consonants])
    coda = st.sampled_from(["", "й", *consonants])

    def syllables(parts: list[tuple[str, str, str]]) -> str:
        return "".join(o + v + c for o, v, c in parts)

    first = st.tuples(onset, st.sampled_from(vowels + first_only), coda)
    later = st.tuples(st.sampled_from(consonants), st.sampled_from(vowels), coda)
    return st.tuples(first, st.lists(later, max_size=3)).map(lambda fl: syllables([fl[0], *fl[1]]))


@given(st.one_of(native_word(BACK), native_word(FRONT)))
def test_native_words_round_trip(word: str) -> None:
    arabic = transliterate(word, "kk-arab")
    # the first letter of the text is a sentence start: a capital
    assert transliterate(arabic, "kk-arab", reverse=True) == word[:1].upper() + word[1:]
    assert not ambiguous_words(arabic, "kk-arab")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ", min_size=1, max_size=10), kazakh_words)
def test_a_word_mixing_latin_and_cyrillic_passes_unchanged(latin: str, kazakh: str) -> None:
    mixed = kazakh[:2] + latin + kazakh[2:]
    assert transliterate(f"{mixed} {latin}", "kk-arab") == f"{mixed} {latin}"
    arabic_mixed = transliterate(kazakh, "kk-arab") + latin
    if CYRILLIC.search(arabic_mixed) is None and HAMZA not in arabic_mixed:
        assert transliterate(arabic_mixed, "kk-arab", reverse=True) == arabic_mixed


@given(st.text(max_size=40))
def test_any_text_converts_both_ways_without_error(text: str) -> None:
    assert isinstance(transliterate(text, "kk-arab"), str)
    assert isinstance(transliterate(text, "kk-arab", reverse=True), str)
    ambiguous_words(text, "kk-arab")


def test_the_hamza_of_xinjiang_websites_and_the_precomposed_letters_read_front() -> None:
    # ء (U+0621) as on Tianshan Net, ٴ (U+0674) as Unicode names it, ٵ (U+0675) precomposed.
    assert transliterate("ءتان ٴتان ٵلى", "kk-arab", reverse=True) == "Тән тән әлі"


def test_eastern_digits_and_arabic_punctuation_come_back_as_cyrillic_text_has_them() -> None:
    assert transliterate("۲۰۲۱-جىلى، ٠٥ قاڭتار؟", "kk-arab", reverse=True) == (
        "2021-жылы, 05 қаңтар?"
    )


def test_what_stays_ambiguous_is_reported_by_word() -> None:
    text = transliterate("Серікжан кітапқа Ляззат бір мектеп", "kk-arab")
    found = [(w.word, w.ambiguity.id) for w in ambiguous_words(text, "kk-arab")]
    assert found == [("سەرىكجان", "later-vowel"), ("كىتاپقا", "mixed"), ("لياززات", "ia-iu")]


def test_a_word_rule_with_a_bad_regex_names_the_scheme_file(tmp_path) -> None:
    text = KK_ARAB.path.read_text(encoding="utf-8").replace("[әөүіӘӨҮІ]", "[әөүі", 1)
    path = tmp_path / "kk-arab.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="word rule 1: has is not a regex") as err:
        load_scheme(path)
    assert err.value.path == str(path)


@given(st.lists(st.sampled_from(KK_ARAB.samples + KK_ARAB.reverse_samples), min_size=20))
def test_long_text_converts_as_its_lines_do(pairs: list[tuple[str, str]]) -> None:
    # Long text takes the token cache (each distinct token converted once); short lines not.
    for reverse, column in ((False, 0), (True, 1)):
        lines = [pair[column] for pair in pairs if (pair in KK_ARAB.reverse_samples) == reverse]
        text = "\n".join(line for line in lines for _ in range(3))
        whole = transliterate(text, "kk-arab", reverse=reverse)
        by_line = [transliterate(line, "kk-arab", reverse=reverse) for line in text.split("\n")]
        assert whole == "\n".join(by_line)


def test_glossary_kk_spellings_win_in_reverse_capitals_included() -> None:
    # The glossary has no Arabic-script terms: they are derived from its kk terms.
    def concept(cid: str, kk: str) -> Concept:
        return Concept(cid, "test", {"kk": (Term(kk, "kk", "preferred"),)})

    glossary = [concept("bilash", "Серікжан Біләш"), concept("ghulja", "Құлжа")]
    text = transliterate("Серікжан Біләш Құлжада, Құлжа.", "kk-arab")
    assert transliterate(text, "kk-arab", reverse=True) == "Серікжән біләш құлжада, құлжа."
    assert transliterate(text, "kk-arab", reverse=True, glossary=glossary) == (
        "Серікжан Біләш Құлжада, Құлжа."
    )
    assert ambiguous_words(text, "kk-arab")  # Серікжан read front by the letters
    assert not ambiguous_words(text, "kk-arab", glossary=glossary)
    assert transliterate("Құлжа", "kk-arab", glossary=glossary) == "قۇلجا"


def test_the_demo_quote_reads_back_as_kazakh_cyrillic() -> None:
    quote = PROJECT / "examples" / "xinjiang-quote" / "quote.kk-Arab.txt"
    assert transliterate(quote.read_text(encoding="utf-8"), "kk-arab", reverse=True) == (
        "Біз құлжада тұрамыз. Әкем мал бағады, анам мектепте сабақ береді. Ауылымыздың "
        "балалары қазақ тілінде оқиды. Менің атым серікжән.\n"
    )


# -- capitals in reverse: Arabic script has none, the reader of Cyrillic expects them


def round_trip(text: str, glossary: list[Concept] | None = None) -> str:
    return transliterate(transliterate(text, "kk-arab"), "kk-arab", reverse=True, glossary=glossary)


def test_reverse_capitalises_the_first_letter_of_each_sentence_and_line() -> None:
    text = (
        "Біз келдік. Әкем үйде! Сен қайда барасың? «Мен үйге барамын».\n"
        "анам да келді… ол кетті.\n## біз\n- әкем"
    )
    assert round_trip(text) == (
        "Біз келдік. Әкем үйде! Сен қайда барасың? «Мен үйге барамын».\n"
        "Анам да келді… Ол кетті.\n## Біз\n- Әкем"
    )
    assert transliterate("ءبىز كەلدىك؟ مەن", "kk-arab", reverse=True) == "Біз келдік? Мен"


def test_reverse_leaves_what_does_not_start_a_sentence_in_lower_case() -> None:
    # a digit first (2021 жылы), a comma or a colon before the word, a Latin word kept as it is
    assert round_trip("2021 жылы сот өтті, ол: біз") == "2021 жылы сот өтті, ол: біз"
    assert round_trip("iPhone мен Google. мен") == "iPhone мен Google. Мен"
    assert round_trip("https://ts.cn/біз. сот") == "https://ts.cn/біз. Сот"


def test_reverse_gives_glossary_names_their_capitals_in_inflected_forms() -> None:
    def name(cid: str, kk: str) -> Concept:
        return Concept(cid, "test", {"kk": (Term(kk, "kk", "preferred", pos="proper-noun"),)})

    glossary = [name("bilash", "Серікжан Біләш"), name("ghulja", "Құлжа")]
    text = "Серікжан Біләштің ісі Құлжада қаралды, Құлжаның соты."
    assert round_trip(text) == "Серікжән біләштің ісі құлжада қаралды, құлжаның соты."
    assert round_trip(text, glossary) == text
