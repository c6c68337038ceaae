"""The fast PO reader (toolkit.catalog.parse_entries) against the reference reader (polib).

For every input the fast reader must give exactly the entries and header polib gives (the
same Entry values, line numbers included), or None, and then read_catalog asks polib. Where
polib refuses a file, the fast reader must not accept it.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, PROJECT
from toolkit.catalog import declared_charset, read_catalog
from toolkit.catalog.fastread import parse_entries
from toolkit.catalog.reader import _parse_with_polib
from toolkit.errors import InputError

PO_FILES = sorted([*DATA.rglob("*.po"), *(PROJECT / "locales").rglob("*.po")])


def reference(text: str):
    """polib's reading of ``text``: (entries, metadata), or None when polib refuses it."""
    try:
        return _parse_with_polib(text, text.splitlines(), "test.po")
    except InputError:
        return None


def assert_same(text: str, *, must_be_fast: bool = False) -> None:
    fast = parse_entries(text)
    expected = reference(text)
    if fast is None:
        assert not must_be_fast, "the fast reader gave up on a plain catalogue"
        return
    assert expected is not None, "the fast reader accepted what polib refuses"
    assert fast == expected


def test_there_are_po_files_to_compare():
    assert len(PO_FILES) >= 20


def _text(path: Path) -> str:
    """The file decoded as read_catalog decodes it (in the charset its header declares)."""
    raw = path.read_bytes()
    try:
        return raw.decode(declared_charset(raw, str(path)))
    except InputError:  # tests/data/po-charsets/unknown-charset.po: its text is ASCII
        return raw.decode("ascii")


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: str(p.relative_to(PROJECT)))
def test_every_project_po_file_reads_the_same(path: Path):
    assert_same(_text(path), must_be_fast=True)


def test_read_catalog_uses_the_same_entries(tmp_path: Path):
    path = PO_FILES[0]
    catalog = read_catalog(path)
    text = path.read_text(encoding="utf-8")
    assert (catalog.entries, catalog.metadata) == reference(text)


# -- generated catalogues -------------------------------------------------------------------

#: characters that make PO strings interesting: quotes, backslashes, escapes, tabs, newlines,
#: Cyrillic, Kazakh and Latin letters, a colon (header lines), a # (comments)
ALPHABET = st.sampled_from([*'ab Z\\"\n\t\r:#~|,.-«»ыҚқİıё0123456789', "\u00a0", "\u2028"])
TEXT = st.text(ALPHABET, max_size=30)
#: the same without characters that end a line in str.splitlines() (\r, \u2028)
ONE_LINE = st.text(ALPHABET.filter(lambda ch: len(f"{ch}x".splitlines()) == 1), max_size=30)


@st.composite
def po_entries(draw) -> polib.POEntry:
    plural = draw(st.booleans())
    entry = polib.POEntry(
        msgid=draw(TEXT.filter(bool)),
        msgctxt=draw(st.none() | TEXT),
        tcomment=draw(st.sampled_from(["", "toolkit: ignore missing_term", "a note\nsecond"])),
        comment=draw(st.sampled_from(["", "hint for the translator"])),
        occurrences=draw(
            st.lists(
                st.tuples(st.sampled_from(["a.md", "dir/b.md", "c"]), st.sampled_from(["", "7"])),
                max_size=3,
            )
        ),
        flags=draw(st.lists(st.sampled_from(["fuzzy", "python-format", "no-wrap"]), max_size=2)),
        obsolete=draw(st.booleans()),
    )
    if plural:
        entry.msgid_plural = draw(TEXT.filter(bool))
        entry.msgstr_plural = {i: draw(TEXT) for i in range(draw(st.integers(1, 3)))}
    else:
        entry.msgstr = draw(TEXT)
    if draw(st.booleans()):
        entry.previous_msgid = draw(TEXT)
    return entry


@st.composite
def po_files(draw) -> str:
    po = polib.POFile(wrapwidth=draw(st.sampled_from([0, 20, 79])))
    if draw(st.booleans()):
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    if draw(st.booleans()):
        po.header = "Translations of the archive.\nSecond line."
    seen = set()
    for entry in draw(st.lists(po_entries(), max_size=6)):
        if (entry.msgctxt, entry.msgid) not in seen:
            seen.add((entry.msgctxt, entry.msgid))
            po.append(entry)
    text = str(po)
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(po_files())
def test_generated_catalogues_read_the_same(text: str):
    assert_same(text)


#: PO lines, well-formed and not: the fast reader must follow polib on both
LINES = st.sampled_from(
    [
        'msgid "a"',
        'msgid ""',
        'msgid "b\\"c"',
        'msgid "bad"quote"',
        'msgstr "x"',
        'msgstr ""',
        'msgstr "\\\\n\\t"',
        'msgctxt "ctx"',
        'msgid_plural "as"',
        'msgstr[0] "one"',
        'msgstr[1] "two"',
        "msgstr[x] 'bad'",
        "msgstr[",
        '"continued"',
        '"Language: kk\\n"',
        '"Plural-Forms: nplurals=2;\\n"',
        '"no colon\\n"',
        '#~ msgid "old"',
        '#~ msgstr "старый"',
        '#~ "more"',
        '#| msgid "before"',
        '#| "before, continued"',
        "#| msgid",
        "#| unknown x",
        '#~| msgid "x"',
        "# translator",
        "#",
        "## double",
        "#. extracted",
        "#: a.md:1 b.md c:x",
        "#:",
        "#, fuzzy",
        "#, fuzzy, python-format",
        "#,fuzzy",
        "#.",
        "#~",
        "  ",
        "",
        '  msgid "indented"',
        "msgid",
        "junk",
        '\ufeffmsgid "bom"',
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_generated_line_soup_reads_the_same(lines: list[str]):
    assert_same("\n".join(lines))


@st.composite
def entry_blocks(draw) -> list[str]:
    """Lines shaped like an entry (comments, context, msgid, msgstr or plurals), with odd
    spacing, obsolete markers and now and then a line from the soup."""
    quoted = (TEXT if draw(st.integers(0, 4)) == 0 else ONE_LINE).map(
        lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'
    )
    quoted = quoted.map(lambda q: q.replace("\n", "\\n"))
    lines = draw(st.lists(st.sampled_from(["# note", "#. hint", "#: a.md:3", "#, fuzzy"])))
    if draw(st.booleans()):
        lines.append("msgctxt " + draw(quoted))
    lines.append("msgid " + draw(quoted))
    lines += draw(st.lists(quoted, max_size=2))
    if draw(st.booleans()):
        lines.append("msgid_plural " + draw(quoted))
        lines += [f"msgstr[{i}] " + draw(quoted) for i in range(draw(st.integers(1, 3)))]
    else:
        lines.append("msgstr " + draw(quoted))
    lines += draw(st.lists(quoted, max_size=2))
    if draw(st.booleans()):
        lines = ["#~ " + line for line in lines]
    space = draw(st.sampled_from(["", " ", "\t", "  "]))
    lines = [space + line + draw(st.sampled_from(["", " "])) for line in lines]
    if draw(st.integers(0, 9)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(LINES))
    return [*lines, *draw(st.sampled_from([[""], [], ["", ""]]))]


@settings(max_examples=1000, deadline=None)
@given(st.lists(entry_blocks(), max_size=5))
def test_generated_entry_blocks_read_the_same(blocks: list[list[str]]):
    assert_same("\n".join(line for block in blocks for line in block))


def test_a_syntax_error_is_polibs(tmp_path: Path):
    path = tmp_path / "bad.po"
    path.write_text('msgid "a"\nmsgstr "b"\n\nmsgid "c" junk "d"\nmsgstr "e"\n', encoding="utf-8")
    assert parse_entries(path.read_text(encoding="utf-8")) is None
    with pytest.raises(InputError) as caught:
        read_catalog(path)
    assert caught.value.line == 4


def test_line_separators_inside_strings_are_text(tmp_path):
    # U+2028 and a form feed are valid inside a PO string (msgfmt accepts them); they must
    # neither break the file nor shift the line numbers.
    path = tmp_path / "u2028.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n\n'
        'msgid "A\u2028B"\nmsgstr "А\u2028Б"\n\nmsgid "C\x0cD"\nmsgstr "В\x0cГ"\n',
        encoding="utf-8",
    )
    catalog = read_catalog(path)
    assert [(e.msgid, e.msgstr, e.line) for e in catalog.entries] == [
        ("A\u2028B", "А\u2028Б", 6),
        ("C\x0cD", "В\x0cГ", 9),
    ]


def test_a_duplicate_msgid_is_named_at_the_duplicate(tmp_path: Path):
    path = tmp_path / "ru.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "a"\nmsgstr "б"\n\nmsgid "a"\nmsgstr "в"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_catalog(path)
    assert caught.value.line == 8
    assert "first at line 6" in str(caught.value)  # msgfmt names the msgstr line of the first
