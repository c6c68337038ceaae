"""Markdown documents of an archive: their text converted with code, link targets and
front-matter keys kept, their text and date read for the survey.

The parser is the one articles are segmented with (:func:`toolkit.articles.inline.
markdown_parser`, CommonMark and tables), and its block tokens' line maps say which lines are
code: fenced and indented code blocks stay as they are, line for line, as do lines no block
token covers (link reference definitions: a target and the label that names it). Unlike
an article's rebuild, nothing is re-flowed: every other line is converted where it stands,
so the output has the lines, the line ends and the layout of the source.

Within a line, what the transliteration protects stays (inline code, link targets, URLs,
e-mail addresses), and so do inline HTML tags and reference labels (``[text][label]``). In
YAML front matter, the keys stay and the values are converted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from toolkit.archive.html import html_block_texts
from toolkit.articles.inline import markdown_parser
from toolkit.yaml_guard import find_unsafe_yaml

#: HTML tags and autolinks, and the label of a reference link: never converted
_KEPT_INLINE = re.compile(r"</?[A-Za-z!][^<>\n]*>|\]\[[^\]\n]*\]")
#: a front-matter line "key: value" (also "- key: value"): the key stays
_FRONT_KEY = re.compile(r"([ \t]*(?:-[ \t]+)?[^\s:#'\"][^:\n]*?:)(?=[ \t]|$)")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_CODE_TOKENS = ("fence", "code_block")


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` with their line ends (only ``\\n`` ends a line).

    >>> split_lines("a\\r\\nb\\n\\nc")
    ['a\\r\\n', 'b\\n', '\\n', 'c']
    """
    return _LINE.findall(text)


def front_matter_end(lines: list[str]) -> int:
    """The index of the first body line: after the closing ``---`` of a YAML front matter
    that opens the file, else 0."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index + 1
    return 0


def convert_inline(text: str, convert: Callable[[str], str]) -> str:
    """``text`` converted, except inline HTML tags and reference labels.

    >>> convert_inline("ab <b class='x'>ab</b> [ab][ab]", str.upper)
    "AB <b class='x'>AB</b> [AB][ab]"
    """
    out, position = [], 0
    for match in _KEPT_INLINE.finditer(text):
        out += [convert(text[position : match.start()]), match.group()]
        position = match.end()
    out.append(convert(text[position:]))
    return "".join(out)


def _front_line(line: str, convert: Callable[[str], str]) -> str:
    if line.lstrip().startswith("#") or line.rstrip() in ("---", "..."):
        return line
    key = _FRONT_KEY.match(line)
    if key is None:
        return convert(line)
    return key.group() + convert(line[key.end() :])


def body_roles(body: str) -> list[str]:
    """For each line of ``body``: ``"text"`` (converted), ``"code"`` or ``"kept"`` (a line
    outside every block: a link reference definition or a blank line)."""
    count = len(split_lines(body))
    roles = ["kept"] * count
    # markdown-it counts a lone CR as a line end too: keep the maps on our lines
    for token in markdown_parser().parse(body.replace("\r", " "), {}):
        if token.map is None or token.nesting < 0:
            continue
        start, end = token.map
        role = "code" if token.type in _CODE_TOKENS else "text"
        for index in range(start, min(end, count)):
            if roles[index] != "code":
                roles[index] = role
    return roles


def convert_markdown(text: str, convert: Callable[[str], str]) -> str:
    """``text`` (Markdown, perhaps with YAML front matter) converted by ``convert``.

    >>> from toolkit.translit import to_kk_latin
    >>> text = "---\\nтақырып: Қала\\n---\\nҚала `Қала` [Қала](Қала)\\n\\n    Қала\\n"
    >>> convert_markdown(text, to_kk_latin)
    '---\\nтақырып: Qala\\n---\\nQala `Қала` [Qala](Қала)\\n\\n    Қала\\n'
    """
    lines = split_lines(text)
    first = front_matter_end(lines)
    out = [_front_line(line, convert) for line in lines[:first]]
    body = lines[first:]
    roles = body_roles("".join(body))
    run: list[str] = []  # consecutive text lines: converted in one call
    for line, role in zip(body, roles, strict=True):
        if role == "text":
            run.append(line)
            continue
        if run:
            out.append(convert_inline("".join(run), convert))
            run = []
        out.append(line)
    if run:
        out.append(convert_inline("".join(run), convert))
    return "".join(out)


def markdown_texts(text: str, lang: str | None = None) -> tuple[dict[str, str], list[str]]:
    """(front matter's text values, the prose of the body) of a Markdown document: what
    :func:`convert_markdown` converts, without what the transliteration protects either
    (inline code, link targets, URLs) and without markup (nor HTML elements in another
    language than ``lang``). Front matter that is not a mapping
    of safe YAML counts as none.

    >>> markdown_texts("---\\ndate: 2019-03-01\\n---\\n# Қала `код` [сілтеме](url)\\n")
    ({'date': '2019-03-01'}, ['2019-03-01', 'Қала ', ' ', 'сілтеме'])
    """
    lines = split_lines(text)
    first = front_matter_end(lines)
    meta = _front_matter(lines[1 : first - 1]) if first else {}
    texts = [v for v in meta.values() if isinstance(v, str)]
    texts += [item for v in meta.values() if isinstance(v, list) for item in v]
    body = "".join(lines[first:]).replace("\r", " ")
    for token in markdown_parser().parse(body, {}):
        if token.type == "inline":
            texts += [child.content for child in token.children or () if child.type == "text"]
        elif token.type == "html_block":
            texts += html_block_texts(token.content, lang)
    return {k: v for k, v in meta.items() if isinstance(v, str)}, texts


def _front_matter(lines: list[str]) -> dict[str, Any]:
    """The front matter's mapping: strings, and lists of strings; empty when it is not a
    mapping of safe YAML."""
    source = "".join(lines)
    if find_unsafe_yaml(source) is not None:
        return {}
    try:
        loaded = yaml.load(source, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {
        str(k): v
        for k, v in loaded.items()
        if isinstance(v, str) or (isinstance(v, list) and all(isinstance(i, str) for i in v))
    }
