"""The engine's two paths give the same text: byte path (fast) == general path (reference).

Every direction of every scheme that has a byte path, on mixed Kazakh / Russian / Latin text
with punctuation, digits, line breaks and the odd character the byte path must escape.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from toolkit.translit import list_schemes

DIRECTIONS = [
    (scheme.name, reverse)
    for scheme in list_schemes()
    for reverse in ((False, True) if scheme.reversible else (False,))
]
WITH_BYTE_PATH = [
    (name, reverse)
    for name, reverse in DIRECTIONS
    if next(s for s in list_schemes() if s.name == name).converter(reverse).by_byte_path("а")
    is not None
]

KK = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
LATIN = "abcdefghijklmnopqrstuvwxyzäğıñöşūüëžčšŝèûâ"
#: Kazakh Arabic script (kk-arab reverse): letters, the hamza signs, digits, punctuation.
ARABIC = "ابۆگعدەجزيكقلمنڭوپرستۋۇفحھچشىٴءٵٶ۱٢،؛؟"
#: Characters outside every scheme: caseless letters (ISO 9 signs, CJK), a combining accent,
#: letters whose upper case is two letters (ß) or that have a title case (ǅ), a dotted İ,
#: other scripts and symbols that are upper case without being letters (Ⓐ).
ODD = "ʹʺ中\u0301ßǅİΩωⒶ\u00a0\u200b😀"
SEPARATORS = [" ", ", ", "-", ". ", "\n", "\r\n", " 2024 ", "«", "»", "—", "'", "’", "", "_"]


def _cased(word: str, how: str) -> str:
    if how == "upper":
        return word.upper()
    if how == "title":
        return word[:1].upper() + word[1:]
    if how == "mixed":
        return "".join(c.upper() if i % 2 else c for i, c in enumerate(word))
    return word


words = st.tuples(
    st.one_of(
        st.text(alphabet=KK, min_size=1, max_size=10),
        st.text(alphabet=RU, min_size=1, max_size=10),
        st.text(alphabet=LATIN, min_size=1, max_size=10),
        st.text(alphabet=KK + LATIN + ODD, min_size=1, max_size=6),
        st.text(alphabet=ARABIC, min_size=1, max_size=10),
    ),
    st.sampled_from(["lower", "title", "upper", "mixed"]),
).map(lambda wc: _cased(*wc))
mixed_text = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=10).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def test_the_byte_path_is_used() -> None:
    # Without this the test below would pass with no byte path at all.
    assert len(WITH_BYTE_PATH) >= 5, WITH_BYTE_PATH


@pytest.mark.parametrize(("name", "reverse"), WITH_BYTE_PATH)
@settings(max_examples=300, deadline=None)
@given(text=mixed_text)
@example(text="ЩУКИН Щукин щукин ЩукИН, Ёлка ЁЛКА, ЕЛЕ «Ел» Ъ Ь ӘЙЕЛ iуан")
@example(text="Ⓐщ ßщ Щß Ǆщ Щ\u0301У ЩʹУ 中Щ")
def test_byte_path_equals_general_path(name: str, reverse: bool, text: str) -> None:
    converter = next(s for s in list_schemes() if s.name == name).converter(reverse)
    fast = converter.by_byte_path(text)
    if fast is not None:
        assert fast == converter.by_general_path(text)
