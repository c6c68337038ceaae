"""A fast PO reader, equivalent to polib's (tests/test_catalog_reader.py compares them)."""

from __future__ import annotations

import os
import re

from toolkit.catalog.model import Entry, msgid_keyword_line

# -- the fast reader -----------------------------------------------------------------------
# A line-for-line port of polib's parser (polib 1.2 ``_POFileParser``: the same tokenising,
# the same state machine, the same unescaping, the same header rules) without its per-line
# machinery: no POEntry objects, no dispatch through exceptions. It returns None wherever
# polib would raise (and in the rare layouts it does not reproduce: several header
# entries, text that names an existing file), and read_catalog then asks polib itself, so an
# error always comes from polib. tests/test_catalog_reader.py compares the two readers.

_KEYWORDS = {"msgctxt": "ct", "msgid": "mi", "msgstr": "ms", "msgid_plural": "mp"}
_PREVIOUS_KEYWORDS = {"msgid_plural": "pp", "msgid": "pm", "msgctxt": "pc"}
_STATES = ("st", "he", "gc", "oc", "fl", "ct", "pc", "pm", "pp", "tc", "ms", "mp", "mx", "mi")
#: symbol -> states it may follow (polib's transition table; every symbol's next state is
#: the symbol itself, except a comment at the start of the file, which is header: "he").
_FOLLOWS = {
    "tc": frozenset(_STATES) - {"ct", "mc"},
    "gc": frozenset(_STATES),
    "oc": frozenset(_STATES),
    "fl": frozenset(_STATES),
    "pc": frozenset(_STATES),
    "pm": frozenset(_STATES),
    "pp": frozenset(_STATES),
    "ct": frozenset({"st", "he", "gc", "oc", "fl", "tc", "pc", "pm", "pp", "ms", "mx"}),
    "mi": frozenset({"st", "he", "gc", "oc", "fl", "ct", "tc", "pc", "pm", "pp", "ms", "mx"}),
    "mp": frozenset({"tc", "gc", "pc", "pm", "pp", "mi"}),
    "ms": frozenset({"mi", "mp", "tc"}),
    "mx": frozenset({"mi", "mx", "mp", "tc"}),
    "mc": frozenset({"ct", "mi", "mp", "ms", "mx", "pm", "pp", "pc"}),
}
_UNESCAPED_QUOTE = re.compile(r'([^\\]|^)"')
_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\"}
_BOM = "\ufeff"


def _unescape_match(match: re.Match[str]) -> str:
    found = match.group(1)
    return _ESCAPES.get(found, found)  # an escaped double quote stands for itself


def _unescape(text: str) -> str:
    """polib.unescape: ``\\\\ \\t \\n \\r \\v \\b \\f \\"``, nothing else."""
    return _ESCAPE.sub(_unescape_match, text) if "\\" in text else text


class _Fallback(Exception):
    """Raised inside the fast reader where polib would raise: polib reads the file instead."""


def parse_entries(
    text: str, lines: list[str] | None = None
) -> tuple[list[Entry], dict[str, str]] | None:
    """(entries, header metadata) of PO ``text`` exactly as polib reads them, or None when
    the text is something only polib should judge (a syntax error, several header entries).
    ``lines`` is ``text.splitlines()`` when the caller has it already."""
    if lines is None:
        lines = text.splitlines()
    # polib.pofile(text) first asks whether the text is the name of a file (and then reads
    # that file): leave that curiosity to polib. No path is 4096 bytes long.
    if len(text) < 4096:
        try:
            if os.path.isfile(text):
                return None
        except (TypeError, ValueError, UnicodeEncodeError):
            pass
    try:
        records = _records(lines)
    except (_Fallback, ValueError, IndexError, KeyError, TypeError):
        return None
    # polib's header: the live entry with an empty msgid, taken out of the entries
    headers = [i for i, r in enumerate(records) if r[0] == "" and not r[6]]
    metadata: dict[str, str] = {}
    if len(headers) > 1:
        return None  # polib's choice among several is intricate: let it choose
    if headers:
        header = records.pop(headers[0])
        key = None
        for row in header[1].splitlines():
            try:
                key, value = row.split(":", 1)
                metadata[key] = value.strip()
            except ValueError:
                if key is not None:
                    metadata[key] += "\n" + row.strip()
    entries = []
    add = entries.append
    msgid_line = msgid_keyword_line
    for msgid, msgstr, ctxt, plural, plurals, flags, obsolete, tc, gc, occ, start, at in records:
        # The line of the msgid keyword, as msgid_keyword_line finds it: the first line from the
        # entry's start that begins with the keyword. That is the (only) msgid line the
        # parser saw when it begins with the keyword as written; otherwise search.
        keyword = "#~ msgid " if obsolete else "msgid "
        if not (at > 0 and lines[at - 1].startswith(keyword)):
            at = msgid_line(start or 1, lines, obsolete)
        add(
            Entry(msgid, msgstr, at, ctxt, plural, plurals, "fuzzy" in flags, bool(obsolete),
                  tc, gc, tuple(occ), tuple(flags))
        )  # fmt: skip
    return entries, metadata


def _records(lines: list[str]) -> list[tuple]:
    """polib's state machine over ``lines``; one tuple per entry (header included):
    (msgid, msgstr, msgctxt, msgid_plural, msgstr_plural, flags, obsolete, translator
    comment, extracted comment, occurrences, line the entry starts at, line of its msgid
    keyword: 0 when it has none, -1 when it has several)."""
    keywords, previous_keywords, follows = _KEYWORDS, _PREVIOUS_KEYWORDS, _FOLLOWS
    follows_mi, follows_ms, follows_mc = follows["mi"], follows["ms"], follows["mc"]
    quote_search = _UNESCAPED_QUOTE.search
    unescape = _unescape
    records: list[tuple] = []
    append = records.append

    state = "st"
    last_is_comment = True  # polib's test at the end: the last line's first token is #...
    plural_index = 0
    # the current entry
    msgid = msgstr = plural = tc = gc = ""
    msgctxt: str | None = None
    plurals: dict[int, str] = {}
    flags: list[str] = []
    occurrences: list[tuple[str, str]] = []
    obsolete = 0
    start = at = 0

    if lines and lines[0].startswith(_BOM):
        lines = [lines[0][1:], *lines[1:]]
    number = 0
    for line in lines:
        number += 1
        line = line.strip()
        if not line:
            continue
        # The common lines first, each exactly as the general tokenising below reads it.
        head = line[0]
        if head == '"':  # a continuation line
            last_is_comment = False
            inner = line[1:-1]
            if '"' in inner and quote_search(inner):
                raise _Fallback
            if state not in follows_mc:
                raise _Fallback
            token = unescape(inner) if "\\" in inner else inner
            if state == "mi":
                msgid += token
            elif state == "ms":
                msgstr += token
            elif state == "mx":
                plurals[plural_index] += token
            elif state == "ct":
                msgctxt += token  # type: ignore[operator]  # set by the msgctxt line
            elif state == "mp":
                plural += token
            continue  # pc, pm, pp: previous strings, not kept
        if head == "m" and line.startswith('msgstr "'):
            last_is_comment = False
            inner = line[8:-1]
            if '"' in inner and quote_search(inner):
                raise _Fallback
            if state not in follows_ms:
                raise _Fallback
            msgstr = unescape(inner) if "\\" in inner else inner
            state = "ms"
            continue
        if head == "m" and line.startswith('msgid "'):
            last_is_comment = False
            inner = line[7:-1]
            if '"' in inner and quote_search(inner):
                raise _Fallback
            symbol, line, entry_obsolete = "mi", line[6:], 0
        else:
            # polib's tokenising, step by step
            tokens = line.split(None, 2)
            first = tokens[0]
            last_is_comment = first.startswith("#")
            if first == "#~|":
                continue
            if first == "#~" and len(tokens) > 1:
                line = line[3:].strip()
                tokens = tokens[1:]
                first = tokens[0]
                last_is_comment = first.startswith("#")
                entry_obsolete = 1
            else:
                entry_obsolete = 0
            count = len(tokens)

            if first in keywords and count > 1:
                line = line[len(first) :].lstrip()
                inner = line[1:-1]
                if '"' in inner and quote_search(inner):
                    raise _Fallback
                symbol = keywords[first]
            elif first == "#:":
                if count <= 1:
                    continue
                symbol = "oc"
            elif line[:1] == '"':
                inner = line[1:-1]
                if '"' in inner and quote_search(inner):
                    raise _Fallback
                symbol = "mc"
            elif line[:7] == "msgstr[":
                symbol = "mx"
            elif first == "#,":
                if count <= 1:
                    continue
                symbol = "fl"
            elif first == "#" or first.startswith("##"):
                symbol = "tc"
            elif first == "#.":
                if count <= 1:
                    continue
                symbol = "gc"
            elif first == "#|":
                if count <= 1:
                    raise _Fallback
                line = line[2:].lstrip()
                if tokens[1].startswith('"'):
                    symbol = "mc"
                elif count == 2 or tokens[1] not in previous_keywords:
                    raise _Fallback
                else:
                    line = line[len(tokens[1]) :].lstrip()
                    symbol = previous_keywords[tokens[1]]
            else:
                raise _Fallback

            if state not in follows[symbol]:
                raise _Fallback
            if symbol == "mc":  # continuation: the state stays
                token = unescape(line[1:-1])
                if state == "mi":
                    msgid += token
                elif state == "ms":
                    msgstr += token
                elif state == "mx":
                    plurals[plural_index] += token
                elif state == "ct":
                    msgctxt += token  # type: ignore[operator]  # set by the msgctxt line
                elif state == "mp":
                    plural += token
                continue  # pc, pm, pp: previous strings, not kept
            if symbol == "tc" and state in ("st", "he"):
                state = "he"  # the file's header comment: not part of an entry
                continue
            if symbol in ("ms", "mp", "mx"):
                if symbol == "ms":
                    msgstr = unescape(line[1:-1])
                elif symbol == "mp":
                    plural = unescape(line[1:-1])
                else:
                    index = int(line[7])
                    plurals[index] = unescape(line[line.find('"') + 1 : -1])
                    plural_index = index
                state = symbol
                continue

        if symbol == "mi" and state not in follows_mi:
            raise _Fallback
        if state in ("ms", "mx"):  # a comment or keyword after a msgstr starts an entry
            append((msgid, msgstr, msgctxt, plural, plurals, flags, obsolete, tc, gc,
                    occurrences, start, at))  # fmt: skip
            msgid = msgstr = plural = tc = gc = ""
            msgctxt = None
            plurals, flags, occurrences = {}, [], []
            obsolete = at = 0
            start = number
        if symbol == "mi":
            obsolete = entry_obsolete
            msgid = unescape(line[1:-1])
            at = -1 if at else number
        elif symbol == "oc":
            for occurrence in line[3:].split():
                try:
                    name, where = occurrence.rsplit(":", 1)
                except ValueError:
                    occurrences.append((occurrence, ""))
                    continue
                occurrences.append((name, where) if where.isdigit() else (occurrence, ""))
        elif symbol == "tc":
            comment = line.lstrip("#")
            if comment.startswith(" "):
                comment = comment[1:]
            tc = f"{tc}\n{comment}" if tc != "" else comment
        elif symbol == "ct":
            msgctxt = unescape(line[1:-1])
        elif symbol == "fl":
            flags += [flag.strip() for flag in line[3:].split(",")]
        elif symbol == "gc":
            gc = f"{gc}\n{line[3:]}" if gc != "" else line[3:]
        # pc, pm, pp: previous strings (#| lines), not kept
        state = symbol

    if number and not last_is_comment:  # polib drops an entry of trailing comments
        append((msgid, msgstr, msgctxt, plural, plurals, flags, obsolete, tc, gc,
                occurrences, start, at))  # fmt: skip
    return records
