"""Markup in translations: HTML and Pango tags (<b>, <a href>, <span weight=…>) and the
article placeholders (<a1>…</a1>, <em>, <c1/>) of the source must all be in the translation.

Like Weblate's "XML markup" and pofilter's ``xmltags``: the tags are compared by name as a
multiset (attributes may be translated: a localised link, a title), and a translation of a
source whose tags nest properly must nest them properly too. Text between angle brackets is
markup when it is a known HTML/Pango element, carries attributes (name=value), closes itself,
or is closed in the same text: a usage string's «<file>» (translated «<файл>») is not, nor
«<Unknown user>» or «<Not set>» (translated «<Белгісіз>»).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from toolkit.checks.base import Check, Problem, Unit
from toolkit.checks.registry import register

_TAG = re.compile(
    r"<(?P<close>/)?(?P<name>[A-Za-z][\w.:-]*)"
    r"(?P<attrs>(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=]+))?)*)\s*(?P<end>/)?>"
)
#: HTML and Pango elements, and the article placeholders (a1, c1)
_KNOWN = re.compile(
    r"(?:a|abbr|b|big|blockquote|br|cite|code|div|em|font|h[1-6]|hr|i|img|kbd|li|markup|ol|"
    r"p|pre|q|s|samp|small|span|strike|strong|sub|sup|table|td|th|tr|tt|u|ul|var|a\d+|c\d+)",
    re.IGNORECASE,
)
#: elements without content: <br> is <br/>
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr"})


class Tag(NamedTuple):
    """One tag: its name (lower case) and whether it opens, closes or is self-closing."""

    name: str
    role: str  # "open", "close", "empty"
    text: str


def tags(text: str) -> list[Tag]:
    """The markup tags of ``text``, in order.

    >>> [t.text for t in tags('<b>Bold</b> <span weight="bold">x</span> <a1>y</a1> <file>')]
    ['<b>', '</b>', '<span weight="bold">', '</span>', '<a1>', '</a1>']
    >>> tags("<Not set> <Unknown user> <Choose a level…> <readlink failed>")
    []
    """
    if "<" not in text:
        return []
    found = []
    names = set()
    for match in _TAG.finditer(text):
        name = match["name"].lower()
        role = "close" if match["close"] else "empty" if match["end"] or name in _VOID else "open"
        # name=value is an attribute; «<Unknown user>» has words, not attributes
        found.append((Tag(name, role, match.group()), "=" in match["attrs"]))
        names.add((name, role))
    return [
        tag
        for tag, has_attributes in found
        if has_attributes
        or tag.role == "empty"
        or _KNOWN.fullmatch(tag.name)
        or (tag.name, "close" if tag.role == "open" else "open") in names
    ]


def nesting_error(found: list[Tag]) -> str | None:
    """What breaks the nesting of ``found`` (None when every tag is closed in order).

    >>> nesting_error(tags("<b><i>x</b></i>")), nesting_error(tags("<b><i>x</i></b>"))
    ('</b> closes <i>', None)
    """
    stack: list[Tag] = []
    for tag in found:
        if tag.role == "open":
            stack.append(tag)
        elif tag.role == "close":
            if not stack:
                return f"{tag.text} closes nothing"
            opened = stack.pop()
            if opened.name != tag.name:
                return f"{tag.text} closes {opened.text}"
    return f"{stack[-1].text} is not closed" if stack else None


def _order(tag_key: tuple[str, str]) -> tuple[str, int]:
    return tag_key[0], ("open", "empty", "close").index(tag_key[1])


def _shown(tag_key: tuple[str, str]) -> str:
    name, role = tag_key
    return f"</{name}>" if role == "close" else f"<{name}/>" if role == "empty" else f"<{name}>"


@register
class Markup(Check):
    id = "markup"
    name = "Markup tags"
    description = (
        "The translation keeps the tags of the source: HTML and Pango markup (<b>, <i>, "
        "<a href=…>, <span weight=…>) and the article placeholders (<a1>…</a1> for links, "
        "<em>, <strong>, <c1/> for code), as many of each, properly nested where the source "
        "nests them; attributes may differ. A warning in fuzzy entries."
    )

    def problems(self, unit: Unit) -> Iterator[Problem]:
        if "<" not in unit.source and "<" not in unit.target:
            return  # every tag has a "<": none on either side
        for source, target in _pairs(unit):
            source_tags, target_tags = tags(source), tags(target)
            wanted = Counter((t.name, t.role) for t in source_tags)
            have = Counter((t.name, t.role) for t in target_tags)
            parts = []
            if missing := wanted - have:
                parts.append(
                    "missing " + " ".join(_shown(k) for k in sorted(missing.elements(), key=_order))
                )
            if extra := have - wanted:
                parts.append(
                    "not in the source "
                    + " ".join(_shown(k) for k in sorted(extra.elements(), key=_order))
                )
            if not parts and nesting_error(source_tags) is None:
                broken = nesting_error(target_tags)
                if broken:
                    parts.append(f"not nested as in the source: {broken}")
            if parts:
                severity = "warning" if unit.entry.fuzzy else None  # a draft, not shipped
                yield Problem(
                    "markup differs from the source: " + "; ".join(parts), severity=severity
                )
                return


def _pairs(unit: Unit) -> list[tuple[str, str]]:
    """(source, translation) pairs: each plural form against the plural source."""
    entry = unit.entry
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [(entry.msgid_plural, text) for _, text in sorted(entry.msgstr_plural.items())]
