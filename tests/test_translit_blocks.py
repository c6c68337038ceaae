"""Large text goes through in blocks of lines: the same bytes as line by line.

`toolkit translit` reads, converts and writes blocks of about a megabyte (the fast path); the
library's line-by-line result is the reference. Blocks are made small here so that every
boundary case (a fence, a URL, a term, CRLF, a line without an end) meets a block edge.
"""

from __future__ import annotations

import io
import re
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit.cli.translit as translit_command
from toolkit.glossary import load_glossary
from toolkit.translit import (
    get_scheme,
    glossary_terms,
    list_schemes,
    transliterate,
    transliterate_lines,
)
from toolkit.translit.glossary_terms import (
    TermMatcher,
    inflected_pairs,
    term_pairs,
)

GLOSSARY_DIR = Path(__file__).parent / "data" / "translit" / "glossary"
SCHEMES = [s.name for s in list_schemes()]

#: Lines of every kind the converter treats differently.
LINES = [
    "Серікжан Біләш Алматыда сөйледі.\n",
    "Қазақстан, Үрімжі және Шығыс Қазақстан облысы\r\n",
    "Назарбаевтың сөзі: https://azattyq.org/a/қала.html және info@azattyq.kz\n",
    "Ёлка, ЩУКИН, Щукин; «Ресей» — 2024 жыл\n",
    "```\n",
    "код Алматы `Алматы` [сілтеме](https://kk.wikipedia.org/wiki/Алматы)\n",
    "~~~\n",
    "  ~~~\n",
    "```\n",
    "Mūhtar Qaişa Aqan keldı, Jihan\n",
    "\n",
    "Урумчи, Москва, Щучинск\n",
    "   ```python\n",
    "жол\n",
    "   ```\n",
    "соңғы жол",
]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY_DIR, use_cache=False)


#: The fence rule, written out on its own as the reference (not the code under test).
FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def line_by_line(text: str, scheme: str, glossary=None) -> str:
    """The reference: each line on its own, lines inside a code fence unchanged."""
    out, fence = [], ""
    for line in text.splitlines(keepends=True):
        mark = FENCE.match(line)
        if fence or mark:
            out.append(line)
            if not fence:
                fence = mark.group(1)
            elif mark and mark.group(1) == fence:
                fence = ""
        else:
            out.append(transliterate(line, scheme, glossary=glossary))
    return "".join(out)


def as_blocks(text: str, cuts: list[int]) -> list[str]:
    """``text`` cut after the line ends chosen by ``cuts`` (indexes into its lines)."""
    lines = text.splitlines(keepends=True)
    edges = sorted({c % (len(lines) + 1) for c in cuts} | {0, len(lines)})
    return ["".join(lines[a:b]) for a, b in pairwise(edges)]


@settings(max_examples=60, deadline=None)
@given(
    order=st.lists(st.sampled_from(LINES), min_size=1, max_size=30),
    cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=8),
    scheme=st.sampled_from(SCHEMES),
    with_glossary=st.booleans(),
)
def test_blocks_give_what_lines_give(glossary, order, cuts, scheme, with_glossary) -> None:
    text = "".join(line if line.endswith("\n") else line + "\n" for line in order)
    terms = glossary if with_glossary else None
    blocks = as_blocks(text, cuts)
    assert "".join(blocks) == text
    by_blocks = "".join(transliterate_lines(blocks, scheme, glossary=terms))
    assert by_blocks == line_by_line(text, scheme, glossary=terms)


@pytest.mark.parametrize("block_bytes", [1, 40, 300, 1 << 20])
@pytest.mark.parametrize("scheme", ["kk-latn-2021", "kk-newsroom", "ru-bgn-pcgn"])
def test_command_output_is_byte_identical_to_line_by_line(
    run_cli, monkeypatch, tmp_path: Path, glossary, scheme: str, block_bytes: int
) -> None:
    text = "\ufeff" + "".join(LINES) * 3  # a byte-order mark, CRLF, no end on the last line
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(translit_command, "BLOCK_BYTES", block_bytes)
    code, out, err = run_cli("--glossary", str(GLOSSARY_DIR), "translit", "--scheme", scheme,
                             str(path))  # fmt: skip
    assert (code, err) == (0, "")
    assert out.encode("utf-8") == line_by_line(text[1:], scheme, glossary=glossary).encode()


def test_reverse_with_ambiguous_notes_counts_lines_across_blocks(
    run_cli, monkeypatch, tmp_path: Path
) -> None:
    path = tmp_path / "latin.txt"
    path.write_text("Qazaqstan\n" * 5 + "Mūhtar keldı\n", encoding="utf-8")
    monkeypatch.setattr(translit_command, "BLOCK_BYTES", 16)
    code, out, err = run_cli("translit", "--no-glossary", "--reverse", "--ambiguous", str(path))
    assert (code, out) == (0, "Қазақстан\n" * 5 + "Мұхтар келді\n")
    assert err == f"toolkit: note: {path}:6: 'Mūhtar': х or һ (h)\n"


def test_bad_utf8_in_a_later_block_names_its_line(run_cli, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Алматы\n".encode() * 10 + "Астана\n".encode("cp1251"))
    monkeypatch.setattr(translit_command, "BLOCK_BYTES", 20)
    code, _, err = run_cli("translit", "--no-glossary", str(path))
    assert code == 2
    assert err.startswith(f"toolkit: error: {path}:11: not valid UTF-8 (byte 0xc0 at column 1)")


PROJECT_GLOSSARY = Path(__file__).parent.parent / "glossary"
#: Directions where kept and dropped pairs share words in the project's glossary.
PRUNED = [("kk-newsroom", False), ("kk-bgn-pcgn", False), ("ru-bgn-pcgn", False),
          ("kk-latn-2021", True), ("ru-iso9", True)]  # fmt: skip


@pytest.fixture(scope="module")
def full_pairs() -> dict[tuple[str, bool], tuple[object, dict[str, str]]]:
    """Per direction: the project's glossary and every pair, none left out."""
    project = load_glossary(PROJECT_GLOSSARY)
    found = {}
    for name, reverse in PRUNED:
        scheme = get_scheme(name)
        letters = scheme.converter(reverse)
        langs = (scheme.source_lang, scheme.target_lang)
        langs = langs[::-1] if reverse else langs
        pairs = inflected_pairs(project, term_pairs(project, *langs), langs[0], letters)
        found[name, reverse] = (project, pairs)
    return found


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_pairs_the_letters_give_anyway_change_nothing(full_pairs, data) -> None:
    # The matcher leaves out pairs whose spelling the letter rules give anyway; the output
    # must be what every pair gives, each piece converted on its own, also where kept and
    # dropped terms share words («Алматы» in «Алматы облысы»).
    name, reverse = data.draw(st.sampled_from(PRUNED))
    project, pairs = full_pairs[name, reverse]
    sources = sorted(pairs)
    words = st.one_of(
        st.sampled_from(sources),
        st.sampled_from(sources).map(lambda s: s.split()[-1]),
        st.sampled_from(sources).map(lambda s: s.split()[0]),
    )
    text = data.draw(st.lists(words, min_size=1, max_size=8).map(" ".join))
    letters = get_scheme(name).converter(reverse)
    parts = TermMatcher(pairs).regex.split(text)
    expected = "".join(pairs[p] if i % 2 else letters(p) for i, p in enumerate(parts))
    assert transliterate(text, name, reverse=reverse, glossary=project) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # «Нагыз Атажурт» is spelled as the letters give it; the «Атажурт» inside it is not.
        ("ru-bgn-pcgn", "Движение Нагыз Атажурт и Атажурт"),
        ("kk-newsroom", "Алматы облысы, Алматы, Шығыс Қазақстан облысы"),
    ],
)
def test_a_term_the_letters_give_still_covers_the_terms_inside_it(full_pairs, name, text) -> None:
    project, pairs = full_pairs[name, False]
    letters = get_scheme(name).converter()
    parts = TermMatcher(pairs).regex.split(text)
    expected = "".join(pairs[p] if i % 2 else letters(p) for i, p in enumerate(parts))
    assert transliterate(text, name, glossary=project) == expected


def test_the_pairs_come_back_from_the_user_cache(monkeypatch) -> None:
    text = "Нагыз Атажурт и Атажурт, Урумчи"
    first = load_glossary(PROJECT_GLOSSARY)
    built = transliterate(text, "ru-bgn-pcgn", glossary=first)

    def refuse(*args: object) -> None:
        raise AssertionError("the pairs were built again")

    monkeypatch.setattr(glossary_terms, "inflected_pairs", refuse)
    again = load_glossary(PROJECT_GLOSSARY)  # another object: its own matcher
    assert again is not first
    assert transliterate(text, "ru-bgn-pcgn", glossary=again) == built


def test_no_cache_neither_reads_nor_writes_the_pairs(run_cli, monkeypatch, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(cache))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Нагыз Атажурт\n".encode())))
    code, out, _ = run_cli("--no-cache", "translit", "--scheme", "ru-bgn-pcgn")
    assert (code, out) == (0, "Nagyz Atazhurt\n")
    assert not cache.exists() or not list(cache.glob("translit-*"))
    # with the cache: the pairs are stored, so the two runs differ in what they leave behind
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Нагыз Атажурт\n".encode())))
    assert run_cli("translit", "--scheme", "ru-bgn-pcgn")[:2] == (0, "Nagyz Atazhurt\n")
    assert list(cache.glob("translit-*"))
