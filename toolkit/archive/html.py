"""HTML documents of an archive: their text converted with the markup untouched, their text
and date read for the survey.

lxml (libxml2) parses the document. Converted are the text nodes and the human-readable
attributes ``title`` and ``alt``; not converted are scripts, styles, code (``code``, ``pre``,
``kbd``, ``samp``, ``var``, ``textarea``), comments, and elements whose ``lang`` names a
language other than the scheme's source language (a Russian quotation in a Kazakh article).

The tree is written back by lxml: the same elements, attributes and order, and the
document's own doctype. A character reference that no conversion can change (one that is
not a letter: ``&nbsp;``, ``&laquo;``, ``&amp;``, ``&#8212;``), and a bare ``&``, come back
as the source wrote them: each goes through the parse and the conversion as a private-use
character of its own. A reference to a letter (``&#1178;``, Қ) is read as the letter,
converted, and written as the converted letter. What lxml writes its own way: an empty
element as ``<br>`` (not ``<br/>``), attribute values in double quotes, a start tag
broken over lines on one line, and elements libxml2 implies (a ``</p>`` the source left
out). A fragment without ``<html>`` stays a fragment.

Broken HTML, which libxml2 can only repair by guessing (an end tag that closes nothing, an
attribute quote never closed: text would be lost or moved), is an
:class:`~toolkit.archive.documents.UnreadableFile` naming the parser's first complaint.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Callable
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from toolkit.archive.documents import UnreadableFile, convert_pieces
from toolkit.translit import CHARACTER_REFERENCE

#: attributes whose values people read
READABLE_ATTRIBUTES = ("title", "alt")
#: elements whose text is code or program, not prose (also as raw HTML inside Markdown)
VERBATIM_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "textarea"})
#: attributes libxml2 percent-encodes when it writes HTML (name only on <a>, but kept anyway)
_URI_ATTRIBUTES = frozenset({"href", "src", "action", "name"})
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:_.-]*)")
#: the prose candidates: text nodes and readable attributes holding more than XML white
#: space (which no scheme changes: a page's many line ends between tags would cost a Python
#: step each, for nothing)
_PROSE_XPATH = etree.XPath(
    "//text()[normalize-space()]"
    + "".join(f" | //@{name}[normalize-space()]" for name in READABLE_ATTRIBUTES)
)
#: the values of every ``lang`` attribute
_LANG_XPATH = etree.XPath("//@lang")
_URI_XPATH = etree.XPath(" | ".join(f"//@{name}" for name in sorted(_URI_ATTRIBUTES)))
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_LEGACY_NAMES = [name for name in html.entities.html5 if not name.endswith(";")]
#: a character reference (numeric, or named: a name no entity has is kept as written too), or
#: an ampersand that starts none («Bird & Bird», ``?a=1&b=2``), which lxml would write ``&amp;``
_REFERENCE = re.compile(
    CHARACTER_REFERENCE.pattern
    # the legacy names HTML reads without a semicolon («&copy 2020»), longest first
    + "|&(?:"
    + "|".join(sorted(_LEGACY_NAMES, key=len, reverse=True))
    + ")?"
)
#: the private-use characters that stand for kept references (Supplementary Private Use
#: Area-A: no scheme maps them, no text of the archive's languages holds them)
_FIRST_STAND_IN = 0xF0000
_STAND_INS = re.compile("[\U000f0000-\U000ffffd]")
_DOCTYPE = re.compile(r"\s*<!doctype[^>]*>", re.IGNORECASE)
_HAS_HTML = re.compile(r"<html[\s>]", re.IGNORECASE)
#: <meta name=...> (or property=) values that carry an article's publication date
DATE_META = frozenset(
    {
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "article:published_time",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "og:published_time",
    }
)


def parse_html(text: str, shown: str) -> etree._Element:
    """The root element of an HTML document; :class:`UnreadableFile` when it is broken."""
    parser = etree.HTMLParser(encoding="utf-8", remove_blank_text=False)
    root = etree.fromstring(text.encode("utf-8"), parser)
    errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
    if errors:
        first = errors[0]
        raise UnreadableFile(f"broken HTML: {first.message}", path=shown, line=first.line)
    if root is None:
        raise UnreadableFile("no HTML in the file", path=shown)
    lost = _lost_element(text, root)
    if lost is not None:
        raise UnreadableFile(
            f"broken HTML: <{lost}> elements lost in parsing (a quote or a comment not closed?)",
            path=shown,
        )
    return root


def _lost_element(text: str, root: etree._Element) -> str | None:
    """A tag that the source opens more often than the parsed tree holds it, as an element
    or as text ("<b>" in a script, a comment or an attribute value): libxml2 drops what
    follows an attribute quote that is never closed, without a complaint."""
    elements = int(_COUNT_ELEMENTS(root))
    if len(_START_TAG.findall(text)) <= elements - _implied(text):
        return None  # as many elements as the source opens: nothing lost (the usual case)
    opened = _tag_counts(text)
    parsed: dict[str, int] = {}
    for node in root.getroottree().iter():
        if isinstance(node.tag, str):
            parsed[node.tag] = parsed.get(node.tag, 0) + 1
            strings = [node.text, node.tail, *node.attrib.values()]
        else:  # a comment or a processing instruction
            strings = [node.text, node.tail]
        for string in strings:
            if string and "<" in string:
                for name, count in _tag_counts(string).items():
                    parsed[name] = parsed.get(name, 0) + count
    return next((name for name, n in opened.items() if parsed.get(name, 0) < n), None)


def _implied(text: str) -> int:
    """How many of html, head and body the parser adds: those the source does not open."""
    lower = text[:4096].lower()  # they open at the top, if anywhere
    return sum(1 for name in ("<html", "<head", "<body") if name not in lower)


def _tag_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in _START_TAG.findall(text):
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    return counts


def _same_language(value: str, lang: str) -> bool:
    """Whether the ``lang`` attribute ``value`` names the language ``lang``.

    >>> _same_language("kk-KZ", "kk"), _same_language("ru", "kk-Latn")
    (True, False)
    """
    return value.split("-")[0].strip().lower() == lang.split("-")[0].lower()


def convert_html(
    text: str, convert: Callable[[str], str], shown: str, source_lang: str | None = None
) -> str:
    """``text`` (an HTML document or fragment) with its prose converted by ``convert``.

    >>> page = '<p title="ab">ab <code>ab</code> <i lang="ru">ab</i></p>'
    >>> convert_html(page, str.upper, "page.html")
    '<p title="AB">AB <code>ab</code> <i lang="ru">AB</i></p>'
    >>> convert_html(page, str.upper, "page.html", source_lang="kk")
    '<p title="AB">AB <code>ab</code> <i lang="ru">ab</i></p>'
    """
    text, references = _stand_ins(text)
    root = parse_html(text, shown)
    _convert_tree(root, convert, source_lang)
    kept = _hide_uris(root)
    doctype = _DOCTYPE.match(text)
    if doctype is not None:
        out = lxml_html.tostring(
            root.getroottree(), encoding="unicode", doctype=doctype.group().strip()
        )
        out = text[: doctype.start() + len(doctype.group()) - len(doctype.group().lstrip())] + out
    elif _HAS_HTML.search(text):
        out = lxml_html.tostring(root, encoding="unicode")
    else:
        out = _fragment(root)
    for token, value in kept.items():
        out = out.replace(token, value.replace("&", "&amp;").replace('"', "&quot;"), 1)
    out = out.rstrip() + text[len(text.rstrip()) :]
    return out.translate(references) if references else out


def _stand_ins(text: str) -> tuple[str, dict[int, str]]:
    """``text`` with each character reference that is not a letter, and each ampersand that
    starts no reference, replaced by a private-use character of its own, and the references
    by those characters' code points (none when ``text`` holds such characters already: its
    references are then read as lxml reads them).

    >>> _stand_ins("a&nbsp;b&#1178;&nbsp; & ")
    ('a\U000f0000b&#1178;\U000f0000 \U000f0001 ', {983040: '&nbsp;', 983041: '&'})
    """
    if "&" not in text or _STAND_INS.search(text):
        return text, {}
    chosen: dict[str, str] = {}

    def stand_in(match: re.Match[str]) -> str:
        reference = match.group()
        character = chosen.get(reference)
        if character is None:
            value = html.unescape(reference)
            if len(value) <= 2 and value.isalpha():
                return reference  # a letter: converted like any other
            character = chosen[reference] = chr(_FIRST_STAND_IN + len(chosen))
        return character

    text = _REFERENCE.sub(stand_in, text)
    return text, {ord(character): reference for reference, character in chosen.items()}


def _hide_uris(root: etree._Element) -> dict[str, str]:
    """Put a token in place of each link attribute (href, src, action) that is not ASCII, and
    give the values by their tokens: libxml2 writes such a value percent-encoded
    (``Алматы.png`` as ``%D0%90...``), which would change the markup."""
    kept: dict[str, str] = {}
    for value in _URI_XPATH(root):
        if not value.isascii():
            token = f"toolkit-kept-uri-{len(kept)}-{id(root):x}"
            kept[token] = str(value)
            value.getparent().set(value.attrname, token)
    return kept


def _fragment(root: etree._Element) -> str:
    """The content of the body lxml wrapped a fragment in, as it was written."""
    body = root.find("body")
    if body is None:  # only a head (a lone <title>): the head's content
        body = root.find("head")
    if body is None:
        return ""
    parts = [body.text or ""]
    parts += [lxml_html.tostring(child, encoding="unicode") for child in body]
    return "".join(parts)


def _convert_tree(
    root: etree._Element, convert: Callable[[str], str], source_lang: str | None
) -> None:
    """Convert the prose of the tree in place, all of it in one call of ``convert``."""
    found = _prose(root, source_lang)
    converted = convert_pieces([text for _, text in found], convert)
    for ((element, slot), source), text in zip(found, converted, strict=True):
        if text == source:  # numbers, Latin names: setting the same text costs a copy
            continue
        if slot == "text":
            element.text = text
        elif slot == "tail":
            element.tail = text
        else:
            element.set(slot, text)


def _prose(root: etree._Element, lang: str | None) -> list[tuple[tuple[Any, str], str]]:
    """((node, "text" | "tail" | attribute name), text) of the prose, in document order:
    text nodes and readable attributes outside code and scripts and outside elements whose
    nearest ``lang`` names another language. XPath finds the candidates (a walk of the
    tree in Python cost more than the conversion); Python sorts them out, and looks at
    languages only when some ``lang`` attribute names another."""
    verbatim: set[Any] = set()
    for element in root.iter(*VERBATIM_ELEMENTS):  # (an ancestor test per node in the XPath
        verbatim.update(element.iter())  # above cost more than the rest of the search)
    foreign = lang is not None and any(
        not _same_language(value, lang) for value in _LANG_XPATH(root)
    )
    in_language: dict[Any, bool] = {}
    found = []
    for result in _PROSE_XPATH(root):
        owner = result.getparent()
        if result.is_attribute:
            element, slot = owner, result.attrname
        elif result.is_tail:
            element, slot = owner.getparent(), "tail"
        else:
            element, slot = owner, "text"
        if element is None or (verbatim and element in verbatim):
            continue
        if foreign and not _in_language(element, lang, in_language):  # type: ignore[arg-type]
            continue
        found.append(((owner, slot), str(result)))
    return found


def _in_language(element: Any, lang: str, known: dict[Any, bool]) -> bool:
    """Whether the nearest ``lang`` attribute at or above ``element`` (if any) names
    ``lang``; ``known`` keeps the verdicts of the elements seen on the way."""
    path = []
    node = element
    verdict = True
    while node is not None:
        if node in known:
            verdict = known[node]
            break
        path.append(node)
        value = node.get("lang")
        if value is not None:
            verdict = _same_language(value, lang)
            break
        node = node.getparent()
    for seen in path:
        known[seen] = verdict
    return verdict


def html_texts(root: etree._Element, lang: str | None = None) -> list[str]:
    """The prose of a parsed document, text node by text node (and title/alt attributes),
    as :func:`convert_html` would convert it from ``lang``."""
    return [text for _, text in _prose(root, lang)]


def html_block_texts(block: str, lang: str | None = None) -> list[str]:
    """The prose in ``lang`` of a piece of HTML inside Markdown (none when it is broken)."""
    try:
        return html_texts(parse_html(block, ""), lang)
    except UnreadableFile:
        return []


def html_date(root: etree._Element) -> str | None:
    """The publication date a document states: a ``<meta>`` date, else the first
    ``<time datetime>`` (or its text), else None."""
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key in DATE_META and meta.get("content"):
            return meta.get("content")
    for time in root.iter("time"):
        value = time.get("datetime") or (time.text or "").strip()
        if value:
            return value
    return None
