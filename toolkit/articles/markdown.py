"""Articles: Markdown with YAML front matter, cut into translatable segments and put back.

An :class:`Article` is a list of blocks (heading, paragraph, list item, quote, image, or a
verbatim block such as an HTML comment or code). Each translatable block has a template with
slots for its segments: a paragraph is split into sentences, an image gives its alt text and
its caption. Inline markup becomes placeholders a translator moves but does not retype:

>>> to_placeholders('See the [report](https://un.org "UN") and *this*.')
('See the <a1>report</a1> and <em>this</em>.', {'a1': ('[', '](https://un.org "UN")')})
>>> from_placeholders('Смотрите <a1>доклад</a1> и <em>это</em>.', {'a1': ('[', '](https://un.org)')})
'Смотрите [доклад](https://un.org) и *это*.'
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from toolkit.errors import InputError
from toolkit.fileio import display_path, read_utf8

FRONT_MATTER_FIELDS = ("title", "dateline")  # translated; the others are carried over
REQUIRED_FIELDS = ("slug", "title", "date")

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+(?:\s+\"[^\"]*\")?)\)")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")
_CODE = re.compile(r"`([^`]+)`")
_TAG = re.compile(r"</?(?:a\d+|em|strong)>|<c\d+/>|<br/>")
_IMAGE = re.compile(r'^!\[([^\]]*)\]\((\S+?)(?:\s+"([^"]*)")?\)\s*$')
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)(.*)$")
#: where a sentence ends: after . ! ? (and closing quotes), before a capital, digit or quote
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”»’)]*)\s+(?=[\"“«(<]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")
#: words whose final dot does not end a sentence (lower case, without the final dot)
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "gen",
        "gov",
        "sen",
        "rep",
        "u.s",
        "u.n",
        "e.g",
        "i.e",
        "etc",
    ]
)


@dataclass
class Segment:
    """A translatable piece of an article: msgid text with placeholders."""

    text: str
    line: int
    kind: str  # title, dateline, heading, paragraph, item, quote, alt, caption
    codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    context: str | None = None  # msgctxt: front-matter fields


@dataclass
class Block:
    """A block of the body: ``template`` with ``{0}``, ``{1}``... for its segments."""

    template: str
    segments: list[int]
    line: int
    tight: bool = False  # joined to the block before by one newline (items of one list)


@dataclass
class Article:
    path: str
    meta: dict
    blocks: list[Block]
    segments: list[Segment]

    @property
    def slug(self) -> str:
        return str(self.meta["slug"])


def to_placeholders(text: str) -> tuple[str, dict[str, tuple[str, str]]]:
    """Inline Markdown → placeholders, and the Markdown each numbered placeholder stands for."""
    codes: dict[str, tuple[str, str]] = {}

    def code(match: re.Match[str]) -> str:
        name = f"c{len(codes) + 1}"
        codes[name] = (f"`{match.group(1)}`", "")
        return f"<{name}/>"

    def link(match: re.Match[str]) -> str:
        name = f"a{sum(k.startswith('a') for k in codes) + 1}"
        codes[name] = ("[", f"]({match.group(2)})")
        return f"<{name}>{match.group(1)}</{name}>"

    text = _CODE.sub(code, text)
    text = _LINK.sub(link, text)
    text = _STRONG.sub(r"<strong>\1</strong>", text)
    text = _EM.sub(r"<em>\1</em>", text)
    return text, codes


def from_placeholders(text: str, codes: dict[str, tuple[str, str]]) -> str:
    """Placeholders → Markdown (inverse of :func:`to_placeholders`)."""

    def tag(match: re.Match[str]) -> str:
        raw = match.group()
        name = raw.strip("</>")
        if name in ("em", "strong"):
            return "*" if name == "em" else "**"
        if name == "br":
            return "\\\n"  # CommonMark's hard line break
        opening, closing = codes.get(name, (raw, ""))
        return closing if raw.startswith("</") else opening

    return _TAG.sub(tag, text)


def _joiner(previous_line: str) -> str:
    """How a line joins the one before it: a hard break (two spaces or a backslash at the
    end of the previous line) becomes the ``<br/>`` placeholder, anything else a space."""
    if previous_line.endswith(("  ", "\\")):
        return "<br/>"
    return " "


def placeholders(text: str) -> list[str]:
    """The placeholder tags of ``text``, sorted (for checking that a translation keeps them)."""
    return sorted(_TAG.findall(text))


def split_sentences(text: str) -> list[str]:
    """Cut a paragraph into sentences; abbreviations (U.S., Feb.) and open tags never end one.

    >>> split_sentences("The U.S. State Department said so. Bilash denied it! He left.")
    ['The U.S. State Department said so.', 'Bilash denied it!', 'He left.']
    """
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.start() + len(match.group(1))
        candidate = text[start:cut]
        last_word = candidate.rstrip('"”»’).!?').rsplit(None, 1)[-1].lower() if candidate else ""
        if last_word.rstrip(".") in _ABBREVIATIONS or _open_tags(candidate):
            continue
        pieces.append(candidate.strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _open_tags(text: str) -> bool:
    opened = re.findall(r"<(a\d+|em|strong)>", text)
    closed = re.findall(r"</(a\d+|em|strong)>", text)
    return len(opened) != len(closed)


class _Parser:
    def __init__(self, path: Path, text: str):
        self.path = path
        self.shown = display_path(path)
        self.lines = text.split("\n")
        self.blocks: list[Block] = []
        self.segments: list[Segment] = []

    def fail(self, line: int, message: str) -> InputError:
        return InputError(message, path=self.shown, line=line)

    def segment(self, text: str, line: int, kind: str, context: str | None = None) -> int:
        tagged, codes = to_placeholders(text)
        self.segments.append(Segment(tagged, line, kind, codes, context))
        return len(self.segments) - 1

    def key_line(self, key: str, end: int) -> int:
        """The line of ``key:`` in the front matter (1 when not found)."""
        return next((i + 1 for i in range(1, end) if self.lines[i].startswith(f"{key}:")), 1)

    def front_matter(self) -> tuple[dict, int]:
        if not self.lines or self.lines[0].strip() != "---":
            raise self.fail(1, "no YAML front matter (the file must start with a --- line)")
        try:
            end = next(i for i in range(1, len(self.lines)) if self.lines[i].strip() == "---")
        except StopIteration:
            raise self.fail(1, "front matter is not closed by a --- line") from None
        source = "\n".join(self.lines[1:end])
        try:
            # BaseLoader: every scalar stays a string, so a bad date or an odd value is ours
            # to report with its line, not a constructor's exception.
            meta = yaml.load(source, Loader=yaml.BaseLoader) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            if mark is not None:
                line = mark.line + 2
            else:  # a reader error: a character YAML does not allow
                position = getattr(exc, "position", 0) or 0
                line = source[:position].count("\n") + 2
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise self.fail(line, f"front matter YAML: {problem}") from exc
        if not isinstance(meta, dict):
            raise self.fail(2, "front matter must be a mapping (key: value)")
        for key in REQUIRED_FIELDS:
            if not meta.get(key):
                raise self.fail(1, f"front matter has no {key!r}")
        date_line = self.key_line("date", end)
        try:
            datetime.date.fromisoformat(str(meta["date"]))
        except ValueError:
            raise self.fail(
                date_line, f"date {meta['date']!r} is not a date (YYYY-MM-DD)"
            ) from None
        if str(meta["slug"]) != self.path.stem:
            raise self.fail(
                2, f"slug {meta['slug']!r} differs from the file name {self.path.stem!r}"
            )
        for key in FRONT_MATTER_FIELDS:
            if key in meta:
                line = self.key_line(key, end)
                self.segment(str(meta[key]), line, key, context=key)
        return meta, end + 1

    def body(self, first: int) -> None:
        i = first
        lines = self.lines
        while i < len(lines):
            line = lines[i]
            number = i + 1
            if not line.strip():
                i += 1
                continue
            if line.lstrip().startswith("<!--"):
                j = i
                while "-->" not in lines[j] and j + 1 < len(lines):
                    j += 1
                self.verbatim(lines[i : j + 1], number)
                i = j + 1
            elif line.lstrip().startswith("```"):
                j = i + 1
                while j < len(lines) and not lines[j].lstrip().startswith("```"):
                    j += 1
                if j == len(lines):
                    raise self.fail(number, "code fence is not closed")
                self.verbatim(lines[i : j + 1], number)
                i = j + 1
            elif heading := _HEADING.match(line):
                slot = self.segment(heading.group(2), number, "heading")
                self.blocks.append(Block(heading.group(1) + " {0}", [slot], number))
                i += 1
            elif image := _IMAGE.match(line.strip()):
                self.image(image, number)
                i += 1
            elif item := _ITEM.match(line):
                tight = i > 0 and bool(_ITEM.match(lines[i - 1]) or lines[i - 1].startswith(" "))
                text, i = self.gather(i + 1, item.group(2), continuation=True)
                prefix = item.group(1).replace("{", "{{").replace("}", "}}")
                self.blocks.append(
                    Block(prefix + "{0}", [self.segment(text, number, "item")], number, tight)
                )
            elif line.startswith(">"):
                i = self.quote(i)
            elif line.lstrip().startswith("|"):
                i = self.table(i)
            elif re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):
                self.verbatim([line], number)
                i += 1
            else:
                text, i = self.gather(i + 1, line.strip())
                self.sentences(text, number, "paragraph")

    def gather(self, i: int, text: str, continuation: bool = False, quote: bool = False):
        """Join the following lines of the same block to ``text``."""
        lines = self.lines
        while i < len(lines) and lines[i].strip():
            nxt = lines[i]
            if quote:
                if not nxt.startswith(">"):
                    break
                nxt = nxt.lstrip("> ")
            elif (
                _ITEM.match(nxt)
                or _HEADING.match(nxt)
                or nxt.lstrip().startswith((">", "```", "<!--", "|"))
                or (continuation and not nxt.startswith((" ", "\t")))
            ):
                break
            text += _joiner(lines[i - 1]) + nxt.strip()
            i += 1
        return text, i

    def quote(self, i: int) -> int:
        """A block quote; a line that is only ``>`` separates its paragraphs."""
        lines, first = self.lines, i + 1
        paragraphs: list[str] = []
        current = ""
        while i < len(lines) and lines[i].startswith(">"):
            content = lines[i][1:].strip()
            if content:
                current = current + _joiner(lines[i - 1]) + content if current else content
            elif current:
                paragraphs.append(current)
                current = ""
            i += 1
        if current:
            paragraphs.append(current)
        groups, indices = [], []
        for paragraph in paragraphs:
            slots = [
                len(indices) + n for n in range(len(split_sentences(to_placeholders(paragraph)[0])))
            ]
            indices.extend(self.sentence_segments(paragraph, first, "quote"))
            groups.append(" ".join(f"{{{n}}}" for n in slots))
        self.blocks.append(Block("> " + "\n>\n> ".join(groups), indices, first))
        return i

    def table(self, i: int) -> int:
        """A pipe table: each cell a segment, the separator row as it is."""
        lines, rows, indices, first = self.lines, [], [], i + 1
        while i < len(lines) and lines[i].lstrip().startswith("|"):
            row = lines[i].strip()
            if re.fullmatch(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*", row):
                rows.append(row.replace("{", "{{").replace("}", "}}"))
            else:
                cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.strip("|"))]
                parts = []
                for cell in cells:
                    if cell:
                        parts.append(f"{{{len(indices)}}}")
                        indices.append(self.segment(cell, i + 1, "cell"))
                    else:
                        parts.append("")
                rows.append("| " + " | ".join(parts) + " |")
            i += 1
        self.blocks.append(Block("\n".join(rows), indices, first))
        return i

    def sentence_segments(self, text: str, line: int, kind: str) -> list[int]:
        """One segment per sentence of a paragraph (placeholders numbered per sentence)."""
        tagged, codes = to_placeholders(text)
        return [
            self.segment(from_placeholders(sentence, codes), line, kind)
            for sentence in split_sentences(tagged)
        ]

    def sentences(self, text: str, line: int, kind: str) -> None:
        indices = self.sentence_segments(text, line, kind)
        template = " ".join(f"{{{n}}}" for n in range(len(indices)))
        self.blocks.append(Block(template, indices, line))

    def image(self, match: re.Match[str], line: int) -> None:
        alt, src, caption = match.group(1), match.group(2), match.group(3)
        slots = [self.segment(alt, line, "alt")] if alt else []
        src = src.replace("{", "{{").replace("}", "}}")
        template = "![{0}](" + src if alt else "![](" + src
        if caption:
            slots.append(self.segment(caption, line, "caption"))
            template += f' "{{{len(slots) - 1}}}"'
        self.blocks.append(Block(template + ")", slots, line))

    def verbatim(self, lines: list[str], line: int) -> None:
        raw = "\n".join(lines).replace("{", "{{").replace("}", "}}")
        self.blocks.append(Block(raw, [], line))


def parse_article(path: str | Path) -> Article:
    """Read an article. Raises InputError (file and line) for bad front matter or encoding."""
    path = Path(path)
    text = read_utf8(path, display_path(path)).replace("\r\n", "\n")
    parser = _Parser(path, text)
    meta, first = parser.front_matter()
    parser.body(first)
    return Article(str(path), meta, parser.blocks, parser.segments)


def render_body(article: Article, translate: Callable[[Segment], str]) -> str:
    """The body as Markdown, each segment replaced by ``translate(segment)`` (placeholders
    turned back into Markdown)."""
    out = []
    for block in article.blocks:
        texts = [
            from_placeholders(translate(article.segments[i]), article.segments[i].codes)
            for i in block.segments
        ]
        if out:
            out.append("\n" if block.tight else "\n\n")
        out.append(block.template.format(*texts))
    return "".join(out) + "\n"
