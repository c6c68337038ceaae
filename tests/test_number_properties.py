"""Property tests (hypothesis) of number reading and the number_mismatch check: any text,
number-like strings with every kind of separator, and huge values; never an exception."""

from __future__ import annotations

from decimal import Decimal, localcontext

from babel.numbers import format_decimal
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from toolkit.catalog import Catalog, Entry
from toolkit.checks.amounts import (
    LOCALES,
    SHOWN_MAX,
    numbers_as_written,
    numbers_in,
    unpaired,
)
from toolkit.checks.base import Problem, Resources, Unit
from toolkit.checks.text import NumberMismatch

LANGS = sorted(LOCALES)
SEPARATORS = [" ", "\u00a0", "\u202f", "\u2009", ".", ",", "'", "\u2019"]
#: what numbers stand next to in real strings: letters of both scripts, signs, placeholders,
#: scale words, brackets, dashes
AROUND = [
    " ", "-", "–", "$", "%", "%1$s", "%2$d", "{0}", "{1:>5}", "{", "}", "x", "IPv", "_", "ГБ",
    "million", "млн", "тыс.", "мың", "mln", "[", "]", "(", ")", "\n", "a", "б", "№",
]  # fmt: skip

digit_runs = st.text(alphabet="0123456789", min_size=1, max_size=8)
number_like = st.builds(
    lambda runs, seps: "".join(r + s for r, s in zip(runs, seps, strict=False)) + runs[-1],
    st.lists(digit_runs, min_size=1, max_size=12),
    st.lists(st.sampled_from(SEPARATORS), min_size=11, max_size=11),
)
#: "1" and then many groups of three zeros (issue 11: 103 of them overflowed a float)
huge_grouped = st.builds(
    lambda sep, groups: "1" + f"{sep}000" * groups,
    st.sampled_from(SEPARATORS),
    st.integers(min_value=0, max_value=3000),
)
#: longer than Python's int() reads from a string by default (4,300 digits)
huge_run = st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n)
texts = st.lists(
    st.one_of(number_like, huge_grouped, huge_run, st.sampled_from(AROUND), st.text(max_size=5)),
    max_size=12,
).map("".join)


def number_problems(source: str, target: str, lang: str) -> list[Problem]:
    entry = Entry(source, target, 1)
    catalog = Catalog("case.po", lang, lang, [entry], {})
    return list(NumberMismatch().problems(Unit(entry, catalog, Resources(glossary=None))))


@settings(deadline=None)
@given(texts, st.sampled_from(LANGS))
def test_any_text_reads_without_error(text: str, lang: str) -> None:
    for number in numbers_in(text, lang):
        assert text[number.start : number.end] == number.written
        assert number.value is None or (number.value.is_finite() and number.value >= 0)
        assert len(number.shown) <= SHOWN_MAX + 1


@settings(deadline=None)
@given(texts, texts, st.sampled_from(LANGS))
def test_any_pair_is_checked_without_error_and_briefly(source: str, target: str, lang: str):
    for problem in number_problems(source, target, lang):
        assert len(problem.message) < 1200  # at most ten numbers of at most 41 characters


@settings(deadline=None)
@given(texts, st.sampled_from(LANGS))
def test_a_translation_identical_to_its_source_has_the_same_numbers(text: str, lang: str):
    assert number_problems(text, text, lang) == []


@settings(deadline=None)
@given(texts, texts, st.sampled_from(LANGS))
def test_numbers_left_as_written_need_no_reading(source: str, target: str, lang: str) -> None:
    """number_mismatch takes a shortcut when both texts write the same numbers: it must
    agree with reading them."""
    assert numbers_as_written(target) == sorted(n.as_written for n in numbers_in(target, lang))
    if numbers_as_written(source) == numbers_as_written(target):
        assert unpaired(numbers_in(source, "en"), numbers_in(target, lang)) == ([], [])


amounts = st.one_of(
    st.integers(min_value=0, max_value=10**40).map(Decimal),
    st.integers(min_value=0, max_value=10**3000).map(Decimal),
    st.decimals(min_value=0, max_value=10**12, places=4, allow_nan=False, allow_infinity=False),
)


def written(value: Decimal, lang: str) -> str:
    """``value`` as CLDR writes it in ``lang`` (Babel), every digit kept."""
    with localcontext() as context:
        context.prec = 5000  # Babel computes in the current context: room for every digit
        return format_decimal(value, locale=LOCALES[lang], decimal_quantization=False)


@settings(deadline=None)
@given(amounts, st.sampled_from(LANGS))
def test_a_number_as_cldr_writes_it_reads_back_as_its_value(value: Decimal, lang: str):
    (number,) = numbers_in(f"итого: {written(value, lang)} шт.", lang)
    assert number.value == value


@settings(deadline=None)
@given(st.lists(amounts, min_size=1, max_size=6), st.sampled_from(["kk", "ru"]), st.randoms())
def test_the_same_amounts_in_each_notation_are_no_finding(values, lang, random) -> None:
    source = "; ".join(written(v, "en") for v in values)
    shuffled = random.sample(values, len(values))
    target = "; ".join(written(v, lang) for v in shuffled)
    assert number_problems(source, target, lang) == []


@settings(deadline=None)
@given(st.lists(amounts, min_size=1, max_size=6), amounts, st.sampled_from(["kk", "ru"]))
def test_a_changed_amount_is_found(values: list[Decimal], other: Decimal, lang: str) -> None:
    assume(other != values[0])
    source_written = {written(v, "en") for v in values}
    assume(written(other, lang) not in source_written)  # a number left as written is accepted
    source = "; ".join(written(v, "en") for v in values)
    target = "; ".join(written(v, lang) for v in [other, *values[1:]])
    (problem,) = number_problems(source, target, lang)
    assert "not in the source" in problem.message
