"""Articles: Markdown with YAML front matter, cut into translatable segments and put back.

markdown-it parses the body; its block tokens and their line maps say where each paragraph,
heading, list item, quote, table cell and image is. Each of them becomes a :class:`Block`: the
source lines it covers and how to rebuild them from its segments. Everything else (code
blocks, fenced or indented; HTML blocks; link reference definitions; thematic breaks; blank
lines) is never offered for translation and is kept as it is, line for line.

- a paragraph gives one segment per sentence (:mod:`toolkit.articles.sentences`); a heading,
  a list item's paragraph and a table cell give one segment each; an image alone in its
  paragraph gives its alt text and its title (the caption);
- inline markup becomes placeholders (:mod:`toolkit.articles.inline`);
- the front matter's title and dateline are segments with a msgctxt.

Rebuilding (:func:`render_body`) replaces each block's lines and keeps all the others, so the
English rebuilt from its own segments is the source, except that a block's text comes back on
one line (a translation cannot keep the English line wrapping): soft line breaks and the
spaces between sentences become one space. Setext headings stay setext headings (their
underline line is kept); hard line breaks keep their form (backslash or trailing spaces).
Blank lines before and after the body are dropped, line endings become LF.

>>> body = parse_markdown("Title\\n=====\\n\\nOne. Two *more*.\\n\\n    code. Not this.\\n")
>>> [segment.text for segment in body.segments]
['Title', 'One.', 'Two <em>more</em>.']
>>> french = {"Title": "Titre", "One.": "Un.", "Two <em>more</em>.": "Deux <em>de plus</em>."}
>>> render_body(body, lambda segment: french[segment.text])
'Titre\\n=====\\n\\nUn. Deux *de plus*.\\n\\n    code. Not this.\\n'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.token import Token

from toolkit.articles.frontmatter import read_front_matter
from toolkit.articles.inline import (
    Codes,
    Tagged,
    from_placeholders,
    has_words,
    link_tail,
    markdown_parser,
    placeholders,
    renumber,
    tag_inline,
    to_placeholders,
)
from toolkit.articles.sentences import sentence_spans, split_sentences
from toolkit.errors import InputError
from toolkit.fileio import display_path, read_utf8

__all__ = [
    "Article",
    "Block",
    "Segment",
    "Slot",
    "from_placeholders",
    "parse_article",
    "parse_markdown",
    "placeholders",
    "render_body",
    "split_sentences",
    "to_placeholders",
]


#: what may stand before a block's text on its first line: indentation, quote and list markers
_CONTAINER_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
_LIST_MARKER = re.compile(r"[-+*]|\d{1,9}[.)]")
_CLOSING_FENCE = re.compile(r"[ \t>]*(`{3,}|~{3,})[ \t]*")
#: GitHub's alert marker, alone on the first line of a block quote
_ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n", re.IGNORECASE)
#: a line start that would open another block: heading, list item, quote, fence, thematic
#: break; a translation that begins so gets its first marker character escaped
_BLOCK_START = re.compile(
    r"[ \t]*(?:#{1,6}(?=[ \t]|$)|[-+*](?=[ \t]|$)|\d{1,9}(?=[.)]([ \t]|$))|>|`{3,}[^`]*$|~{3}"
    r"|([-*_])[ \t]*(?:\2[ \t]*){2,}$)"
)
#: the same after a hard break, where only what may interrupt a paragraph counts
_INTERRUPTION = re.compile(
    r"[ \t]*(?:#{1,6}(?=[ \t]|$)|[-+*](?=[ \t]+\S)|1(?=[.)][ \t]+\S)|>|`{3,}[^`]*$|~{3}"
    r"|([-*_])[ \t]*(?:\1[ \t]*){2,}$|=+[ \t]*$)"
)


@dataclass
class Segment:
    """A translatable piece of an article: msgid text with placeholders."""

    text: str
    line: int
    kind: str  # title, dateline, heading, paragraph, item, quote, alt, caption, cell
    codes: Codes = field(default_factory=dict)
    context: str | None = None  # msgctxt: front-matter fields


@dataclass
class Slot:
    """Where a segment's (translated) text goes in a block; ``escape`` lists characters a
    translation must not leave bare there (a title's closing quote, a table cell's pipe)."""

    segment: int
    escape: str = ""


@dataclass
class Block:
    """Body lines ``start``..``end`` (0-based, end excluded) rebuilt as ``before``, then
    ``parts`` (text and slots; each line after the first begins with ``continuation``, the
    quote markers and indentation of the containers), then ``after``."""

    start: int
    end: int
    before: str
    parts: list[str | Slot]
    after: str = ""
    continuation: str = ""
    guard: bool = True  # escape a translation that would begin another block (not in ATX)


@dataclass
class Article:
    path: str
    meta: dict
    blocks: list[Block]
    segments: list[Segment]
    lines: list[str] = field(default_factory=list)  # the body's source lines

    @property
    def slug(self) -> str:
        return str(self.meta["slug"])


def parse_article(path: str | Path) -> Article:
    """Read an article. Raises InputError (file and line) for bad front matter or encoding,
    or for a code fence left open (it would hide the rest of the article from translation)."""
    path = Path(path)
    shown = display_path(path)
    text = _normalise_newlines(read_utf8(path, shown))
    lines = text.split("\n")
    front = read_front_matter(path, shown, lines)
    meta, first = front.meta, front.body_start
    segments = []
    for key, value, line in front.translated:
        tagged, codes = to_placeholders(value)
        segments.append(Segment(tagged, line, key, codes, context=key))
    body = _Body(lines[first:], first + 1, segments)
    body.walk(markdown_parser().parse("\n".join(body.lines), {}))
    if body.open_fences:
        raise InputError("code fence is not closed", path=shown, line=body.open_fences[0])
    return Article(str(path), meta, body.blocks, body.segments, body.lines)


def parse_markdown(
    text: str, first_line: int = 1, segments: list[Segment] | None = None
) -> Article:
    """Segment a Markdown text (no front matter); ``first_line`` is the number of its first
    line in the file, for the segments' line numbers."""
    text = _normalise_newlines(text)
    body = _Body(text.split("\n"), first_line, segments if segments is not None else [])
    body.walk(markdown_parser().parse(text, {}))
    return Article("", {}, body.blocks, body.segments, body.lines)


def render_body(article: Article, translate: Callable[[Segment], str]) -> str:
    """The body as Markdown, each segment replaced by ``translate(segment)`` (placeholders
    turned back into Markdown)."""
    out: list[str] = []
    position = 0
    for block in article.blocks:
        out.extend(article.lines[position : block.start])
        out.append(_render_block(block, article.segments, translate))
        position = block.end
    out.extend(article.lines[position:])
    while out and not out[-1].strip():
        out.pop()
    start = next((i for i, line in enumerate(out) if line.strip()), len(out))
    return "\n".join(out[start:]) + "\n"


def _render_block(block: Block, segments: list[Segment], translate) -> str:
    pieces = []
    for part in block.parts:
        if isinstance(part, str):
            pieces.append(part)
            continue
        segment = segments[part.segment]
        # a newline typed into a PO editor is a soft break: a space
        text = from_placeholders(translate(segment).replace("\n", " "), segment.codes)
        if part.escape:
            text = re.sub(rf"(?<!\\)([{re.escape(part.escape)}])", r"\\\1", text)
        pieces.append(text)
    lines = "".join(pieces).split("\n")
    if block.guard:
        lines = [_escape_block_start(line, i > 0) for i, line in enumerate(lines)]
    return block.before + ("\n" + block.continuation).join(lines) + block.after


def _escape_block_start(line: str, after_break: bool) -> str:
    """``line`` with a backslash before a marker that would make it begin a block of its own
    (a source paragraph never begins so, a translation may: "1990. ...")."""
    match = (_INTERRUPTION if after_break else _BLOCK_START).match(line)
    if match is None:
        return line
    at = len(match.group()) - len(match.group().lstrip(" \t"))
    while line[at].isdigit():
        at += 1
    return line[:at] + "\\" + line[at:]


def _normalise_newlines(text: str) -> str:
    """Line endings as markdown-it reads them (CR LF and lone CR are line ends), so that its
    line maps count the same lines as we do."""
    return re.sub(r"\r\n?", "\n", text).replace("\0", "\ufffd")


class _Body:
    """Walks markdown-it's block tokens, collecting blocks and segments."""

    def __init__(self, lines: list[str], first_line: int, segments: list[Segment]):
        self.lines = lines
        self.first_line = first_line
        self.segments = segments
        self.blocks: list[Block] = []
        self.open_fences: list[int] = []  # file lines of fences that the body never closes

    def walk(self, tokens: list[Token]) -> None:
        containers: list[str] = []
        for index, token in enumerate(tokens):
            if token.type in ("blockquote_open", "list_item_open"):
                containers.append(token.type)
            elif token.type in ("blockquote_close", "list_item_close"):
                containers.pop()
            elif token.type == "tr_open":
                self.table_row(tokens, index)
            elif token.type == "fence" and token.level == 0:
                self.fence(token)
            elif token.type == "inline" and token.map is not None:
                opener = tokens[index - 1]
                if opener.type == "heading_open":
                    self.heading(opener, token)
                elif opener.type == "paragraph_open":
                    kind = {"list_item_open": "item", "blockquote_open": "quote"}.get(
                        containers[-1] if containers else "", "paragraph"
                    )
                    self.paragraph(token, kind)

    def fence(self, token: Token) -> None:
        """Note a fence the body never closes: CommonMark lets it run to the end, which
        would hide the rest of an article from its translators."""
        start, end = token.map or (0, 0)
        closing = _CLOSING_FENCE.fullmatch(self.lines[end - 1]) if end - start > 1 else None
        marker = closing.group(1) if closing else ""
        if not marker.startswith(token.markup[0]) or len(marker) < len(token.markup):
            self.open_fences.append(self.first_line + start)

    def add(self, tagged: Tagged | tuple[str, Codes], line: int, kind: str) -> Slot:
        text, codes = (tagged.text, tagged.codes) if isinstance(tagged, Tagged) else tagged
        self.segments.append(Segment(text, self.first_line + line, kind, codes))
        return Slot(len(self.segments) - 1)

    def edges(self, start: int, end: int, content: str) -> tuple[str, str, str]:
        """What stands before the text of a leaf block (lines ``start``..``end``) on its first
        line (container markers, indentation), the same made fit for its further lines, and
        the trailing whitespace of its last line."""
        first = self.lines[start]
        text = content.split("\n", 1)[0].rstrip()
        if text and first.rstrip().endswith(text):
            before = first[: len(first.rstrip()) - len(text)]
        else:  # a tab that markdown-it expanded: fall back to what markers look like
            before = _container_prefix(first)
        continuation = _LIST_MARKER.sub(lambda m: " " * len(m.group()), before)
        last = self.lines[end - 1]
        return before, continuation, last[len(last.rstrip()) :]

    def paragraph(self, token: Token, kind: str) -> None:
        children = token.children or []
        if len(children) == 1 and children[0].type == "image":
            self.image(token, children[0])
            return
        content = token.content
        start, end = token.map or (0, 0)
        alert = _ALERT.match(content) if kind == "quote" else None
        if alert:  # GitHub's "> [!NOTE]" line stays a line of its own, untranslated
            content, start = content[alert.end() :], start + 1
            children = markdown_parser().parseInline(content, {})[0].children or []
        tagged = tag_inline(content, children)
        if not has_words(tagged.text):
            return
        if kind == "item":  # a list item is one segment, however many sentences it has
            parts: list[str | Slot] = [self.add(tagged, start, kind)]
        else:
            parts = []
            for begin, finish in sentence_spans(tagged.text):
                line = start + sum(1 for offset in tagged.breaks if offset <= begin)
                sentence = renumber(tagged.text[begin:finish], tagged.codes, tagged.text[:begin])
                parts += [" ", self.add(sentence, line, kind)]
            parts = parts[1:]
        before, continuation, after = self.edges(start, end, content)
        self.blocks.append(Block(start, end, before, parts, after, continuation))

    def heading(self, opener: Token, token: Token) -> None:
        tagged = tag_inline(token.content, token.children or [])
        if not has_words(tagged.text) or opener.map is None:
            return
        start, end = opener.map
        slot = self.add(tagged, start, "heading")
        if opener.markup in ("=", "-"):  # setext: its text, then its underline as it is
            before, continuation, after = self.edges(start, end - 1, token.content)
            after += "\n" + self.lines[end - 1]
            self.blocks.append(Block(start, end, before, [slot], after, continuation))
            return
        line = self.lines[start]
        at = line.index(token.content, line.index(opener.markup) + len(opener.markup))
        after = line[at + len(token.content) :]
        self.blocks.append(Block(start, end, line[:at], [slot], after, guard=False))

    def image(self, token: Token, image: Token) -> None:
        """An image alone in its paragraph: its alt text and its title are segments."""
        source = token.content
        start, end = token.map or (0, 0)
        label_end = 2 + len(image.content)  # ![alt]
        title = link_tail(source, label_end)[1]
        parts: list[str | Slot] = ["!["]
        # ![alt] and ![alt][] name their reference by the alt text: it stays as it is
        if has_words(image.content) and source.startswith("](", label_end):
            alt = tag_inline(image.content, image.children or [])
            parts.append(self.add(alt, start, "alt"))
        else:
            parts.append(image.content)
        if title is not None and has_words(source[title[0] : title[1]]):
            quote = source[title[0] - 1]
            caption = source[title[0] : title[1]].replace("\n", " ")  # one line, as paragraphs
            slot = self.add((caption, {}), start, "caption")
            slot.escape = "()" if quote == "(" else quote
            parts += [source[label_end : title[0]], slot, source[title[1] :]]
        else:
            parts.append(source[label_end:])
        if any(isinstance(part, Slot) for part in parts):
            before, continuation, after = self.edges(start, end, source)
            self.blocks.append(Block(start, end, before, parts, after, continuation))

    def table_row(self, tokens: list[Token], index: int) -> None:
        """A table row: each cell a segment, pipes and padding kept."""
        row = tokens[index]
        cells = []
        for token in tokens[index + 1 :]:
            if token.type == "tr_close":
                break
            if token.type == "inline":
                cells.append(token)
        if row.map is None:
            return
        line_number = row.map[0]
        line = self.lines[line_number]
        prefix = _container_prefix(line)
        parts: list[str | Slot] = []
        cursor = len(prefix)
        for cell, (begin, finish) in zip(cells, _cell_spans(line, cursor), strict=False):
            raw = line[begin:finish]
            tagged = tag_inline(raw, cell.children or [])
            if not raw or not has_words(tagged.text):
                continue
            slot = self.add(tagged, line_number, "cell")
            slot.escape = "|"
            parts += [line[cursor:begin], slot]
            cursor = finish
        if parts:
            parts.append(line[cursor:])
            self.blocks.append(Block(line_number, line_number + 1, prefix, parts))


def _container_prefix(line: str) -> str:
    match = _CONTAINER_PREFIX.match(line)
    return match.group() if match else ""


def _cell_spans(line: str, start: int) -> list[tuple[int, int]]:
    """The cells of a table row from ``start`` on: spans of their text without the padding
    (a pipe after a backslash belongs to the cell, as in GitHub's tables)."""
    pipes = [i for i in range(start, len(line)) if line[i] == "|" and line[i - 1 : i] != "\\"]
    edges = [start - 1, *pipes, len(line)]
    spans = []
    for left, right in itertools.pairwise(edges):
        begin, finish = left + 1, right
        while begin < finish and line[begin] in " \t":
            begin += 1
        while finish > begin and line[finish - 1] in " \t":
            finish -= 1
        spans.append((begin, finish))
    if line[start:].lstrip().startswith("|"):
        spans = spans[1:]
    if line.rstrip().endswith("|") and not line.rstrip().endswith("\\|"):
        spans = spans[:-1]
    return spans
