"""Markdown documents of an archive: their text converted with code, link targets and
front-matter keys kept, their text and date read for the survey.

The parser is the one articles are segmented with (:func:`toolkit.articles.inline.
markdown_parser`, CommonMark and tables), and its block tokens' line maps say which lines are
code: fenced and indented code blocks stay as they are, line for line, as do lines no block
token covers (link reference definitions: a target and the label that names it). Unlike
an article's rebuild, nothing is re-flowed: every other line is converted where it stands,
so the output has the lines, the line ends and the layout of the source.

Raw HTML is HTML: a raw HTML block that CommonMark opens with ``<script>``, ``<style>``,
``<pre>`` or ``<textarea>`` stays as it is, line for line (up to its end tag, or to the end
of the document when there is none), and so does a verbatim element
(:data:`~toolkit.archive.html.VERBATIM_ELEMENTS`: script, style, code...) written inline or
inside another HTML block, from its start tag to its end tag.

Within a line, what the transliteration protects stays (inline code, link targets, URLs,
e-mail addresses), and so do inline HTML tags and reference labels (``[text][label]``). In
YAML front matter, the keys stay and the values are converted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from markdown_it.token import Token

from toolkit.archive.documents import convert_pieces
from toolkit.archive.html import VERBATIM_ELEMENTS, html_block_texts
from toolkit.articles.inline import markdown_parser
from toolkit.yaml_guard import find_unsafe_yaml

_VERBATIM_NAMES = "|".join(sorted(VERBATIM_ELEMENTS))
#: an inline code span (a run of backticks to the next run of the same length, not across a
#: blank line), an HTML comment, a verbatim HTML element from its start tag to its end tag,
#: an HTML tag or autolink, and the label of a reference link: never converted. Code spans
#: come first: a tag-like ``<pid>`` inside one is code, not a tag that ends the span early.
_KEPT_INLINE = re.compile(
    r"(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)(?P=ticks)(?!`)"
    r"|<!--.*?-->"
    rf"|<(?P<verbatim>{_VERBATIM_NAMES})(?=[\s/>])[^>]*>.*?</(?P=verbatim)\s*>"
    r"|</?[A-Za-z!][^<>\n]*>|\]\[[^\]\n]*\]",
    re.DOTALL | re.IGNORECASE,
)
#: the start of a raw HTML block that only its end marker closes (CommonMark's kinds 1-5:
#: script, pre, style, textarea; a comment; a processing instruction; a declaration; CDATA)
_VERBATIM_BLOCK = re.compile(
    r" {0,3}(?:<(?:script|pre|style|textarea)(?:[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)",
    re.IGNORECASE,
)
#: an HTML start tag of an element that may open such a block or be kept inline, or a comment
_VERBATIM_START = re.compile(rf"<(?:{_VERBATIM_NAMES})(?=[\s/>])|<!--", re.IGNORECASE)
#: an inline HTML start (group 1) or end (group 2) tag of a verbatim element
_VERBATIM_TAG = re.compile(rf"<(?:({_VERBATIM_NAMES})|/({_VERBATIM_NAMES}))\b", re.IGNORECASE)
#: a front-matter line "key: value" (also "- key: value"): the key stays
_FRONT_KEY = re.compile(r"([ \t]*(?:-[ \t]+)?[^\s:#'\"][^:\n]*?:)(?=[ \t]|$)")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_CODE_TOKENS = ("fence", "code_block")
#: libyaml's parsers where PyYAML was built with it: a survey reads the front matter of every
#: Markdown article, and the pure-Python reader took as long as the rest of the survey
_YAML_EVENTS = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML_STRINGS = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


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


def inline_pieces(text: str) -> list[str]:
    """``text`` cut into prose (even places) and what is never converted (odd places): inline
    code, HTML comments and tags, reference labels.

    >>> inline_pieces("ab <b class='x'>ab</b> [ab][ab]")
    ['ab ', "<b class='x'>", 'ab', '</b>', ' [ab', '][ab]', '']
    >>> inline_pieces("ab `kill <pid>` ab ``a`b`` <!-- a\\nb -->")
    ['ab ', '`kill <pid>`', ' ab ', '``a`b``', ' ', '<!-- a\\nb -->', '']
    """
    if "<" not in text and "][" not in text and "`" not in text:
        return [text]  # the usual paragraph: nothing to look for
    pieces, position = [], 0
    for match in _KEPT_INLINE.finditer(text):
        pieces += [text[position : match.start()], match.group()]
        position = match.end()
    pieces.append(text[position:])
    return pieces


def _front_pieces(line: str) -> list[str]:
    """A front-matter line as [converted, kept] pieces: the key stays, the value not."""
    if line.lstrip().startswith("#") or line.rstrip() in ("---", "..."):
        return ["", line]
    key = _FRONT_KEY.match(line)
    if key is None:
        return [line, ""]
    return ["", key.group(), line[key.end() :], ""]


def body_roles(body: str) -> list[str]:
    """For each line of ``body``: ``"text"`` (converted), ``"code"`` or ``"kept"`` (a line
    outside every block: a link reference definition or a blank line)."""
    count = len(split_lines(body))
    if not _may_need_blocks(body):
        # every line is text (a blank line converts to itself), and the parse would only
        # say so more slowly
        return ["text"] * count
    roles = ["kept"] * count
    # markdown-it counts a lone CR as a line end too: keep the maps on our lines
    for token in _block_tokens(body.replace("\r", " ")):
        if token.map is None or token.nesting < 0:
            continue
        start, end = token.map
        verbatim = token.type == "html_block" and _VERBATIM_BLOCK.match(token.content)
        role = "code" if token.type in _CODE_TOKENS or verbatim else "text"
        for index in range(start, min(end, count)):
            if roles[index] != "code":
                roles[index] = role
    return roles


def _may_need_blocks(body: str) -> bool:
    """Whether a line of ``body`` may be anything but text: a fence, an indented line (code,
    or a list item's continuation), a link reference definition, a raw HTML block of code
    (plain substring tests: a regular expression took as long as the conversion)."""
    lines = "\n" + body
    return (
        "```" in body
        or "~~~" in body
        or "]:" in body
        or "\n    " in lines
        or "\n\t" in lines
        or ("<" in body and _VERBATIM_START.search(body) is not None)
    )


def _block_tokens(body: str) -> list[Token]:
    """The block tokens of ``body`` by the articles' parser, without the inline pass (only
    the blocks' line maps are read here, four times faster). The core's normalising step
    is not needed: line ends are LF (CR is made a space by the caller) and there is no NUL
    (a document with one is binary)."""
    tokens: list[Token] = []
    parser = markdown_parser()
    parser.block.parse(body, parser, {}, tokens)
    return tokens


def convert_markdown(text: str, convert: Callable[[str], str]) -> str:
    """``text`` (Markdown, perhaps with YAML front matter) converted by ``convert``, in one
    call of it.

    >>> from toolkit.translit import to_kk_latin
    >>> text = "---\\nтақырып: Қала\\n---\\nҚала `Қала` [Қала](Қала)\\n\\n    Қала\\n"
    >>> convert_markdown(text, to_kk_latin)
    '---\\nтақырып: Qala\\n---\\nQala `Қала` [Qala](Қала)\\n\\n    Қала\\n'
    """
    lines = split_lines(text)
    first = front_matter_end(lines)
    # the document as pieces, each converted (even places) or kept (odd places)
    pieces: list[str] = []
    for line in lines[:first]:
        pieces += _front_pieces(line)
    body = lines[first:]
    run: list[str] = []  # consecutive text lines: one piece
    for line, role in zip(body, body_roles("".join(body)), strict=True):
        if role == "text":
            run.append(line)
            continue
        if run:
            pieces += [*inline_pieces("".join(run)), ""]
            run = []
        pieces += ["", line]
    if run:
        pieces += inline_pieces("".join(run))
    converted = convert_pieces(pieces[0::2], convert)
    pieces[0::2] = converted
    return "".join(pieces)


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
            texts += _inline_texts(token.children or [])
        elif token.type == "html_block":
            texts += html_block_texts(token.content, lang)
    return {k: v for k, v in meta.items() if isinstance(v, str)}, texts


def _inline_texts(children: list[Token]) -> list[str]:
    """The text of an inline token's children, without what lies inside a verbatim HTML
    element (``Қала <script>show("Алматы")</script>``: the script is not prose)."""
    texts: list[str] = []
    inside: str | None = None  # the verbatim element open, if any
    for child in children:
        if child.type == "html_inline":
            tag = _VERBATIM_TAG.match(child.content)
            if tag is not None and inside is None and tag.group(1):
                inside = tag.group(1).lower()
            elif tag is not None and tag.group(2) and tag.group(2).lower() == inside:
                inside = None
        elif child.type == "text" and inside is None:
            texts.append(child.content)
    return texts


def _front_matter(lines: list[str]) -> dict[str, Any]:
    """The front matter's mapping: strings, and lists of strings; empty when it is not a
    mapping of safe YAML."""
    source = "".join(lines)
    try:
        if find_unsafe_yaml(source, _YAML_EVENTS) is not None:
            return {}
        loaded = yaml.load(source, Loader=_YAML_STRINGS)
    except yaml.YAMLError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {
        str(k): v
        for k, v in loaded.items()
        if isinstance(v, str) or (isinstance(v, list) and all(isinstance(i, str) for i in v))
    }
