"""Chinese names from pinyin: the syllable schemes zh-pinyin-ru (Palladius) and zh-pinyin-kk.

Their plain samples run in tests/test_translit_samples.py with every other scheme; here: the
exonyms the glossary gives, how words split into syllables, and what is left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from toolkit.glossary import load_glossary
from toolkit.translit import get_scheme, transliterate

PROJECT_GLOSSARY = Path(__file__).parent.parent / "glossary"
ZH = ["zh-pinyin-ru", "zh-pinyin-kk"]
GLOSSARY_SAMPLES = [(name, s) for name in ZH for s in get_scheme(name).glossary_samples]
TABLE = get_scheme("zh-pinyin-ru").syllables.spec.table  # type: ignore[union-attr]
LATIN = re.compile("[A-Za-z]")


@pytest.fixture(scope="module")
def project():
    return load_glossary(PROJECT_GLOSSARY)


@pytest.mark.parametrize(
    ("scheme", "sample"), GLOSSARY_SAMPLES, ids=lambda v: getattr(v, "source", v)
)
def test_exonyms_come_from_the_glossary_not_the_table(project, scheme, sample) -> None:
    assert project.get(sample.concept) is not None, sample.concept
    assert transliterate(sample.source, scheme) == sample.letters
    assert transliterate(sample.source, scheme, glossary=project) == sample.glossary


def test_zh_pinyin_ru_has_80_samples_and_marked_exonyms() -> None:
    scheme = get_scheme("zh-pinyin-ru")
    assert len(scheme.samples) >= 80
    assert len(scheme.glossary_samples) >= 10


def test_a_sentence_keeps_its_english_and_takes_the_glossary_names(project) -> None:
    text = "Xi Jinping met Chen Quanguo in Urumqi and Kashi, not in Almaty."
    assert transliterate(text, "zh-pinyin-ru", glossary=project) == (
        "Си Цзиньпин met Чэнь Цюаньго in Урумчи and Кашгар, not in Алматы."
    )
    assert transliterate(text, "zh-pinyin-kk", glossary=project) == (
        "Си Цзиньпин met Чэнь Цюаньго in Үрімжі and Қашқар, not in Алматы."
    )


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Hunan", ("hu", "nan")),  # never hun-an: a vowel-initial syllable needs an apostrophe
        ("Jinan", ("ji", "nan")),
        ("Xian", ("xian",)),
        ("Xi'an", ("xi", "an")),
        ("Quanguo", ("quan", "guo")),
        ("Jinping", ("jin", "ping")),
        ("Jin-ping", ("jin", "ping")),
        ("Almaty", None),
        ("Bilash", None),
        ("Urumqi", None),
    ],
)
def test_words_split_into_syllables_by_the_pinyin_rule(word, syllables) -> None:
    assert get_scheme("zh-pinyin-ru").syllables.segment(word) == syllables  # type: ignore[union-attr]


def pinyin_word(draw_syllables: list[str]) -> str:
    """A word of syllables joined as pinyin writes them: an apostrophe before a vowel."""
    word = draw_syllables[0]
    for syllable in draw_syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word[:1].upper() + word[1:]


syllables = st.sampled_from(sorted(TABLE))


@given(st.lists(st.lists(syllables, min_size=1, max_size=4).map(pinyin_word), min_size=1,
                max_size=4).map(" ".join))  # fmt: skip
@example("Chang'an Xiong'an Min'er")
def test_every_pinyin_name_becomes_cyrillic_whole(name: str) -> None:
    for scheme in ZH:
        out = transliterate(name, scheme)
        assert not LATIN.search(out.replace("'", "")), (name, out)
        assert "'" not in out and out.count(" ") == name.count(" ")


NOT_PINYIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyzü", min_size=1, max_size=8).map(
    # i, u, v and ü start no pinyin syllable: such a word can never be pinyin
    lambda w: "I" + w
)


@given(st.lists(st.tuples(NOT_PINYIN, st.sampled_from([" ", ", ", "-", "'", "\n"])), max_size=6))
def test_words_that_are_not_pinyin_pass_unchanged(parts) -> None:
    text = "".join(w + s for w, s in parts)
    for scheme in ZH:
        assert transliterate(text, scheme) == text


ANY = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZüÜāáǎàĀìſKİ'’- \n.,«»ЖжҚқ中2"


@given(st.text(alphabet=ANY, max_size=40))
@example("ſhi Kai İn")
def test_nothing_crashes_and_lines_and_other_scripts_stay(text: str) -> None:
    for scheme in ZH:
        out = transliterate(text, scheme)
        assert out.count("\n") == text.count("\n")
        # what is not Latin stays, in order (a syllable may add its own: ru → жу)
        kept = iter(c for c in out if c in "ЖжҚқ中2")
        assert all(c in kept for c in text if c in "ЖжҚқ中2")
        assert [c for c in out if c in "中2"] == [c for c in text if c in "中2"]


def test_palladius_ru_is_zhu_next_to_a_cyrillic_zh_of_the_input() -> None:
    # the case Hypothesis found: «Aru» gives «Ажу»; the Ж is the syllable's, not lost input
    assert transliterate("Aru Жаң", "zh-pinyin-ru") == "Ажу Жаң"


def test_lower_case_english_words_that_look_like_pinyin_stay() -> None:
    text = "he said an long men ran"
    assert transliterate(text, "zh-pinyin-ru") == text
