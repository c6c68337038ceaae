"""TMX 1.4, the exchange format of CAT tools, through translate-toolkit's storage classes.

Export writes one ``<tu>`` per English source and origin, with a ``<tuv>`` per language
(``kk``, ``kk-Latn``, ``ru``), the origin as ``<prop type="x-toolkit-origin">`` and the
article's date as ``creationdate``. Import reads every ``<tu>``: the segment in the file's
source language (``srclang``, English when it says ``*all*`` or nothing) is the source, each
other segment a unit of its language. Languages are read as locales (``kk-KZ`` → kk,
``ru_RU`` → ru); those the project does not translate into are kept, with a warning. A
segment longer than :data:`MAX_SEGMENT` characters is left out, with a warning: a memory of
sentences has no use for a book pasted into one segment, and every lookup would pay for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from translate.storage import tmx

from toolkit.catalog import parse_language
from toolkit.errors import InputError
from toolkit.fileio import atomic_write_bytes, display_path, read_bytes, replace_control_characters

if TYPE_CHECKING:
    from toolkit.tm.memory import TranslationUnit

#: longest segment kept, in characters
MAX_SEGMENT = 5000
#: the languages a project translates into
PROJECT_LANGUAGES = ("kk", "kk-Latn", "ru")
_ORIGIN = "x-toolkit-origin"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class TmxContent:
    """What a TMX file held: its units (as tuples of TranslationUnit's fields) and warnings."""

    units: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_tmx(path: str | Path, origin: str | None = None) -> TmxContent:
    """The units of the TMX file ``path``; ``origin`` (default: the file name) names them
    where a unit has no origin of its own. Raises InputError with the line of the first
    XML error for a malformed file."""
    path = Path(path)
    shown = display_path(path)
    data = read_bytes(path, shown)
    try:
        store = tmx.tmxfile.parsestring(data)
    except etree.XMLSyntaxError as exc:
        message = exc.msg.split(" (<string>", 1)[0] if exc.msg else "not well-formed XML"
        raise InputError(f"malformed TMX: {message}", path=shown, line=exc.lineno) from exc
    except (AssertionError, ValueError, AttributeError, TypeError) as exc:
        # well-formed XML that is no TMX: translate-toolkit asserts the root is <tmx>
        raise InputError(
            "not a TMX file: the root element is not <tmx> with a <body>",
            path=shown,
            line=_root_line(data),
        ) from exc
    # "*all*" (any language) and no srclang at all: English, the toolkit's source language
    source_lang = parse_language(store.sourcelanguage or "en") or "en"
    content = TmxContent()
    other_langs: Counter[str] = Counter()
    too_long = 0
    for unit in store.units:
        segments = _segments(unit)
        source = segments.pop(source_lang, None)
        if source is None or not source.strip():
            continue
        if len(source) > MAX_SEGMENT:
            too_long += 1
            continue
        unit_origin = _prop(unit, _ORIGIN) or origin or path.stem
        date = _date(unit.xmlelement.get("creationdate") or "")
        for lang, target in segments.items():
            if not target.strip():
                continue
            if len(target) > MAX_SEGMENT:
                too_long += 1
                continue
            if lang not in PROJECT_LANGUAGES:
                other_langs[lang] += 1
            content.units.append((source, target, lang, unit_origin, date))
    if source_lang != "en":
        content.warnings.append(
            f"{shown}: the source language is {source_lang!r}; the memory matches English "
            "sources, so its units will not be offered for English segments"
        )
    if other_langs:
        listed = ", ".join(f"{lang} ({n})" for lang, n in sorted(other_langs.items()))
        content.warnings.append(
            f"{shown}: languages the project does not translate into, imported as they are: "
            f"{listed}"
        )
    if too_long:
        content.warnings.append(
            f"{shown}: {too_long} segment(s) longer than {MAX_SEGMENT} characters left out"
        )
    return content


def _root_line(data: bytes) -> int:
    """The line of the root element of the well-formed XML ``data`` (1 when unknown)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(data, parser).sourceline or 1


def _segments(unit) -> dict[str, str]:  # unit: translate.storage.tmx.tmxunit
    """language → text of a ``<tu>``'s segments (the first segment of a language wins)."""
    found: dict[str, str] = {}
    for node in unit.getlanguageNodes():
        lang = parse_language(node.get(_XML_LANG) or node.get("lang") or "")
        text = unit.getNodeText(node)
        if lang and text is not None and lang not in found:
            found[lang] = replace_control_characters(text)
    return found


def _prop(unit, kind: str) -> str | None:  # unit: translate.storage.tmx.tmxunit
    for prop in unit.xmlelement.iterchildren(unit.namespaced("prop")):
        if prop.get("type") == kind and prop.text:
            return prop.text.strip()[:200]
    return None


def _date(creationdate: str) -> str:
    """``20190213T000000Z`` → ``2019-02-13`` ("" when it is not a TMX date)."""
    digits = creationdate[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return ""


def tmx_bytes(units: Iterable[TranslationUnit]) -> bytes:
    """TMX 1.4 of ``units``: one ``<tu>`` per (source, origin, date), a segment per language."""
    grouped: dict[tuple[str, str, str], dict[str, str]] = {}
    for unit in units:
        grouped.setdefault((unit.source, unit.origin, unit.date), {}).setdefault(
            unit.lang, unit.target
        )
    store = tmx.tmxfile(sourcelanguage="en")
    for (source, origin, date), targets in grouped.items():
        unit = store.addsourceunit(replace_control_characters(source))
        for append, (lang, target) in enumerate(sorted(targets.items())):
            unit.settarget(replace_control_characters(target), lang=lang, append=bool(append))
        prop = etree.Element(unit.namespaced("prop"))
        prop.set("type", _ORIGIN)
        prop.text = replace_control_characters(origin)
        unit.xmlelement.insert(0, prop)  # the DTD wants <prop> before <tuv>
        if date:
            unit.xmlelement.set("creationdate", date.replace("-", "") + "T000000Z")
    return bytes(store)


def write_tmx(path: str | Path, units: Iterable[TranslationUnit]) -> None:
    """Write :func:`tmx_bytes` of ``units`` to ``path`` atomically."""
    atomic_write_bytes(path, tmx_bytes(units))
