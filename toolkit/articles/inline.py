"""Inline Markdown as a translator sees it: text with placeholders for links, emphasis and code.

markdown-it parses the inline content. Its inline tokens carry no source positions, so each
token is matched back to the source text it came from (text with its backslash escapes and
entities, the markup of emphasis, a code span, a link's destination). A segment keeps those
source slices, so an untranslated segment rebuilds to the source byte for byte.

>>> to_placeholders('See the [report](https://un.org "UN") and *this*.')
('See the <a1>report</a1> and <em>this</em>.', {'a1': ('[', '](https://un.org "UN")')})
>>> from_placeholders('Смотрите <a1>доклад</a1> и <em>это</em>.', {'a1': ('[', '](https://un.org)')})
'Смотрите [доклад](https://un.org) и *это*.'
"""

from __future__ import annotations

import functools
import html
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

#: every placeholder a segment can hold: links <a1>…</a1>, emphasis, atomic code <c1/>, breaks
PLACEHOLDER = re.compile(r"</?(?:a\d+|em|strong)>|<c\d+/>|<br/>")
_NUMBERED = re.compile(r"<(/?)([ac])(\d+)(/?)>")
#: the Markdown an unnumbered tag stands for, unless the segment's codes say otherwise
DEFAULT_MARKUP = {"em": "*", "strong": "**", "br": "\\\n"}
_ESCAPABLE = frozenset(string.punctuation)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_SOFT_BREAK = re.compile(r" *\n[ \t]*")
_HARD_BREAK = re.compile(r"( {2,}\n|\\\n)[ \t]*")
_WHITESPACE = " \t\n"

#: placeholder name → (opening Markdown, closing Markdown[, label]): a link written as a
#: shortcut or collapsed reference (``[text]``, ``[text][]``) carries its label, which is
#: named outright (``[перевод][text]``) once the translation changes the link text
Codes = dict[str, tuple[str, ...]]


@functools.cache
def markdown_parser() -> MarkdownIt:
    """The parser articles are read with: CommonMark plus GitHub's pipe tables."""
    return MarkdownIt("commonmark").enable("table")


@dataclass
class Tagged:
    """Inline Markdown as placeholder text.

    ``codes`` maps each numbered placeholder to the Markdown it stands for (:data:`Codes`).
    The keys ``em``, ``strong`` and ``br`` appear where the source writes those otherwise
    than :data:`DEFAULT_MARKUP`: for emphasis, the delimiter character of each occurrence in
    order (``"*_"`` for ``*a* _b_``); for a hard break, its form (two trailing spaces).
    ``breaks`` are the offsets in ``text`` where a source line ended, to give each sentence
    its line.
    """

    text: str
    codes: Codes = field(default_factory=dict)
    breaks: list[int] = field(default_factory=list)


class _Mismatch(Exception):
    """A token could not be matched back to the source (the caller falls back to plain text)."""


def tag_inline(source: str, children: Sequence[Token]) -> Tagged:
    """Placeholder text of inline Markdown ``source`` parsed into ``children`` by markdown-it."""
    try:
        return _Tagger(source).run(children)
    except _Mismatch:
        # Plain text, line breaks joined: still translatable, and rebuilt as it was.
        lines = source.split("\n")
        text, breaks = lines[0], []
        for line in lines[1:]:
            text += " "
            breaks.append(len(text))
            text += line.strip()
        return Tagged(text, {}, breaks)


def to_placeholders(text: str) -> tuple[str, Codes]:
    """Inline Markdown → placeholders, and the Markdown each numbered placeholder stands for."""
    tokens = markdown_parser().parseInline(text, {})
    tagged = tag_inline(text, tokens[0].children or [])
    return tagged.text, tagged.codes


def from_placeholders(text: str, codes: Codes) -> str:
    """Placeholders → Markdown (inverse of :func:`to_placeholders`)."""
    relabelled = {}
    for name, code in codes.items():
        if len(code) > 2:  # [label] or [label][]: is the link text still the label?
            inner = re.search(rf"<{name}>(.*?)</{name}>", text, re.DOTALL)
            if inner and from_placeholders(inner.group(1), codes) != code[2]:
                relabelled[name] = f"][{code[2]}]"
    seen = {"em": 0, "strong": 0}
    open_markup: dict[str, list[str]] = {"em": [], "strong": []}

    def tag(match: re.Match[str]) -> str:
        raw = match.group()
        name = raw.strip("</>")
        closing = raw.startswith("</")
        if name in open_markup:  # the k-th <em> gets the delimiter of the source's k-th
            default = DEFAULT_MARKUP[name]
            if closing:
                return open_markup[name].pop() if open_markup[name] else default
            styles = codes.get(name, ("",))[0]
            index = seen[name]
            seen[name] += 1
            markup = styles[index] * len(default) if index < len(styles) else default
            open_markup[name].append(markup)
            return markup
        if name == "br":
            return codes.get("br", (DEFAULT_MARKUP["br"],))[0]
        if name not in codes:
            return raw
        return relabelled.get(name, codes[name][1]) if closing else codes[name][0]

    return PLACEHOLDER.sub(tag, text)


def placeholders(text: str) -> list[str]:
    """The placeholder tags of ``text``, sorted (for checking that a translation keeps them)."""
    return sorted(PLACEHOLDER.findall(text))


def has_words(text: str) -> bool:
    """Does placeholder text hold anything to translate (a letter or a digit)?

    >>> has_words("<a1><c1/></a1>"), has_words("<em>2019</em>")
    (False, True)
    """
    return any(ch.isalnum() for ch in PLACEHOLDER.sub("", text))


def renumber(text: str, codes: Codes, text_before: str = "") -> tuple[str, Codes]:
    """A piece of placeholder text with its placeholders numbered from 1 again, and the codes
    it uses (each sentence of a paragraph is a segment of its own; ``text_before`` is the
    paragraph's text before the piece)."""
    names: dict[str, str] = {}
    counts = {"a": 0, "c": 0}
    own: Codes = {}

    def rename(match: re.Match[str]) -> str:
        slash, kind, number, self_closing = match.groups()
        old = kind + number
        if old not in names:
            counts[kind] += 1
            names[old] = f"{kind}{counts[kind]}"
            if old in codes:
                own[names[old]] = codes[old]
        return f"<{slash}{names[old]}{self_closing}>"

    text = _NUMBERED.sub(rename, text)
    if "br" in codes and "<br/>" in text:
        own["br"] = codes["br"]
    for name in ("em", "strong"):
        if name in codes:  # the delimiters of this piece's own occurrences
            before = codes[name][0][: text_before.count(f"<{name}>")]
            mine = codes[name][0][len(before) :][: text.count(f"<{name}>")]
            if mine.strip(DEFAULT_MARKUP[name][0]):
                own[name] = (mine, "")
    return text, own


def link_tail(source: str, close: int) -> tuple[int, tuple[int, int] | None]:
    """Where a link or image that closes its label at ``source[close] == "]"`` ends, and the
    span of its title's text (without the quotes) when it has one inline."""
    after = close + 1
    if source.startswith("(", after):
        found = _inline_destination(source, after + 1)
        if found is not None:
            return found
    if source.startswith("[", after):  # [text][label] or [text][]
        pos = after + 1
        while pos < len(source) and source[pos] not in "[]":
            pos += 2 if source[pos] == "\\" else 1
        if pos < len(source) and source[pos] == "]":
            return pos + 1, None
    return after, None  # shortcut reference [text]


def _skip_space(source: str, pos: int) -> int:
    while pos < len(source) and source[pos] in _WHITESPACE:
        pos += 1
    return pos


def _inline_destination(source: str, pos: int) -> tuple[int, tuple[int, int] | None] | None:
    """``(destination "title")`` from just after the ``(``, as markdown-it's link rule reads it."""
    end = len(source)
    pos = _skip_space(source, pos)
    title = None
    destination = parseLinkDestination(source, pos, end)
    if destination.ok:
        pos = before = destination.pos
        pos = _skip_space(source, pos)
        parsed = parseLinkTitle(source, pos, end)
        if pos < end and pos != before and parsed.ok:
            title = (pos + 1, parsed.pos - 1)
            pos = _skip_space(source, parsed.pos)
    if pos < end and source[pos] == ")":
        return pos + 1, title
    return None


class _Tagger:
    """Walks inline tokens and the source they came from side by side."""

    def __init__(self, source: str):
        self.source = source
        self.pos = 0
        self.out: list[str] = []
        self.length = 0
        self.codes: Codes = {}
        self.breaks: list[int] = []
        self.counts = {"a": 0, "c": 0}
        self.links: list[tuple[str, int]] = []  # open links: name, where the label starts

    def run(self, children: Sequence[Token]) -> Tagged:
        index = 0
        while index < len(children):
            index = self.token(children, index) + 1
        if self.pos != len(self.source) or self.links:
            raise _Mismatch
        for name in ("em", "strong"):  # only kept where some delimiter is not the default
            if name in self.codes and not self.codes[name][0].strip(DEFAULT_MARKUP[name][0]):
                del self.codes[name]
        return Tagged("".join(self.out), self.codes, self.breaks)

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.length += len(text)

    def expect(self, text: str) -> str:
        if not text or not self.source.startswith(text, self.pos):
            raise _Mismatch
        self.pos += len(text)
        return text

    def name(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def atom(self, end: int) -> None:
        """Source up to ``end`` as one placeholder the translator moves but never retypes."""
        raw = self.source[self.pos : end]
        name = self.name("c")
        self.codes[name] = (raw, "")
        self.breaks.extend([self.length] * raw.count("\n"))
        self.emit(f"<{name}/>")
        self.pos = end

    def style(self, name: str, markup: str) -> None:
        if name == "br":
            if markup != DEFAULT_MARKUP[name]:
                self.codes.setdefault(name, (markup, ""))
            return
        styles = self.codes.get(name, ("",))[0] + markup[0]
        self.codes[name] = (styles, "")

    def token(self, children: Sequence[Token], index: int) -> int:
        """Consume ``children[index]`` (and, for an autolink, its text and close); return the
        index of the last token consumed."""
        token = children[index]
        kind = token.type
        if kind == "text":
            end = self.text_end(token.content)
            # text that reads like a placeholder (an escaped \\<br/>) is kept as an atom
            for lookalike in PLACEHOLDER.finditer(self.source, self.pos, end):
                self.emit(self.source[self.pos : lookalike.start()])
                self.pos = lookalike.start()
                self.atom(lookalike.end())
            self.emit(self.source[self.pos : end])
            self.pos = end
        elif kind in ("softbreak", "hardbreak"):
            pattern = _SOFT_BREAK if kind == "softbreak" else _HARD_BREAK
            match = pattern.match(self.source, self.pos)
            if match is None:
                raise _Mismatch
            if kind == "hardbreak":
                self.style("br", match.group(1))
            self.emit(" " if kind == "softbreak" else "<br/>")
            self.breaks.append(self.length)
            self.pos = match.end()
        elif kind == "code_inline":
            self.atom(self.code_end(token.markup))
        elif kind == "html_inline":
            if not token.content or not self.source.startswith(token.content, self.pos):
                raise _Mismatch
            self.atom(self.pos + len(token.content))
        elif kind == "image":
            label = self.pos + 2 + len(token.content)  # ![label]
            if not self.source.startswith("![" + token.content + "]", self.pos):
                raise _Mismatch
            self.atom(link_tail(self.source, label)[0])
        elif kind == "link_open" and token.markup in ("autolink", "linkify"):
            end = self.source.find(">", self.pos) + 1
            if not self.source.startswith("<", self.pos) or end == 0:
                raise _Mismatch
            self.atom(end)
            while children[index].type != "link_close":
                index += 1
        elif kind == "link_open":
            self.expect("[")
            name = self.name("a")
            self.links.append((name, self.pos))
            self.emit(f"<{name}>")
        elif kind == "link_close":
            if not self.links or not self.source.startswith("]", self.pos):
                raise _Mismatch
            name, label_start = self.links.pop()
            end, _title = link_tail(self.source, self.pos)
            closing = self.source[self.pos : end]
            self.codes[name] = ("[", closing)
            if closing in ("]", "][]"):
                self.codes[name] += (self.source[label_start : self.pos],)
            self.breaks.extend([self.length] * self.source.count("\n", self.pos, end))
            self.emit(f"</{name}>")
            self.pos = end
        elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
            tag = kind.split("_")[0]
            self.style(tag, self.expect(token.markup))
            self.emit(f"</{tag}>" if kind.endswith("close") else f"<{tag}>")
        else:  # a token of a rule the parser does not enable
            raise _Mismatch
        return index

    def text_end(self, content: str) -> int:
        """Where in the source the text ``content`` (escapes and entities decoded) ends."""
        source, pos, i = self.source, self.pos, 0
        while i < len(content):
            if pos >= len(source):
                raise _Mismatch
            char = source[pos]
            if char == "\\" and source[pos + 1 : pos + 2] == content[i] in _ESCAPABLE:
                pos, i = pos + 2, i + 1
                continue
            if char == "&" and (entity := _ENTITY.match(source, pos)):
                decoded = html.unescape(entity.group())
                if decoded != entity.group() and content.startswith(decoded, i):
                    pos, i = entity.end(), i + len(decoded)
                    continue
            if char != content[i]:
                raise _Mismatch
            pos, i = pos + 1, i + 1
        return pos

    def code_end(self, fence: str) -> int:
        """End of the code span whose opening backtick run ``fence`` is at the cursor."""
        self.expect(fence)
        start, pos = self.pos - len(fence), self.pos
        while (pos := self.source.find(fence, pos)) != -1:
            run = len(fence)
            while self.source.startswith("`", pos + run):
                run += 1
            if run == len(fence) and self.source[pos - 1] != "`":
                self.pos = start
                return pos + run
            pos += run
        raise _Mismatch
