"""Schemes as data: one JSON file per scheme under ``schemes/``, with its own samples.

Adding a scheme is adding a file (the sample test picks it up). The format is described in
docs/transliteration.md; :func:`load_scheme` checks it and names the file on any error.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from toolkit.errors import InputError, ToolkitError, UnknownSchemeError
from toolkit.translit.casing import Casing, SentenceCapitals
from toolkit.translit.engine import Converter
from toolkit.translit.rules import ContextRule, WordRule
from toolkit.translit.syllables import SyllableConverter, SyllableTable

SCHEME_DIR = Path(__file__).resolve().parent / "schemes"

_REQUIRED = ("name", "title", "source", "source_lang", "target_lang", "source_script",
             "target_script", "casing", "mapping", "samples")  # fmt: skip
_OPTIONAL = ("url", "description", "context", "decisions", "source_alphabet",
             "target_alphabet", "target_extra", "reverse", "notes", "word_rules", "syllables",
             "glossary_samples")  # fmt: skip


_RULE_KEYS = ("letter", "output", "after", "before", "word_prefix", "followed_by", "not_after")
_WORD_RULE_KEYS = ("has", "lacks", "keep", "prefix", "mapping")


class IrreversibleSchemeError(ToolkitError):
    """``--reverse`` asked of a scheme that has no reverse direction."""

    def __init__(self, name: str, reversible: list[str]):
        self.name = name
        self.reversible = reversible
        super().__init__(
            f"scheme {name!r} has no reverse direction; reversible schemes: {', '.join(reversible)}"
        )


@dataclass(frozen=True)
class Ambiguity:
    """A reverse-direction spelling that letter rules cannot decide (``h`` → х or һ)."""

    id: str
    pattern: str
    choices: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class GlossarySample:
    """A name the glossary spells otherwise than the letter rules (an exonym: Beijing →
    Пекин, not Бэйцзин), checked against the project's glossary."""

    source: str
    letters: str
    glossary: str
    concept: str


@dataclass(frozen=True)
class Direction:
    """The rules of one direction: mapping, context rules, casing of each side."""

    mapping: dict[str, str]
    context: tuple[ContextRule, ...]
    source_casing: str
    target_casing: str
    word_rules: tuple[WordRule, ...] = ()
    #: words converted syllable by syllable before the letter rules (zh-pinyin-*)
    syllables: SyllableTable | None = None
    #: capitals recovered at sentence starts, after the glossary pass (kk-arab reverse:
    #: Arabic script has no case)
    capitals: SentenceCapitals | None = None

    def converter(self) -> Converter:
        return Converter(
            self.mapping,
            self.context,
            source_casing=self.source_casing,
            target_casing=self.target_casing,
            word_rules=self.word_rules,
            syllable_pass=SyllableConverter(self.syllables) if self.syllables else None,
        )


@dataclass(frozen=True)
class Scheme:
    """A transliteration scheme loaded from its data file."""

    name: str
    title: str
    source: str
    url: str
    description: str
    source_lang: str
    target_lang: str
    source_script: str
    target_script: str
    path: Path
    forward: Direction
    samples: tuple[tuple[str, str], ...]
    reverse: Direction | None = None
    reverse_samples: tuple[tuple[str, str], ...] = ()
    ambiguities: tuple[Ambiguity, ...] = ()
    decisions: tuple[dict[str, Any], ...] = ()
    source_alphabet: str = ""
    target_alphabet: str = ""
    target_extra: tuple[str, ...] = ()
    glossary_samples: tuple[GlossarySample, ...] = ()
    _converters: dict[bool, Converter] = field(default_factory=dict, compare=False, repr=False)

    @property
    def reversible(self) -> bool:
        return self.reverse is not None

    def capitals(self, reverse: bool = False) -> SentenceCapitals | None:
        """How one direction recovers capitals at sentence starts (None: it does not)."""
        direction = self.reverse if reverse else self.forward
        return direction.capitals if direction is not None else None

    def converter(self, reverse: bool = False) -> Converter:
        """The compiled converter of one direction (built on first use, then kept)."""
        conv = self._converters.get(reverse)
        if conv is None:
            direction = self.reverse if reverse else self.forward
            if direction is None:
                raise IrreversibleSchemeError(self.name, [s.name for s in _reversible()])
            conv = self._converters[reverse] = direction.converter()
        return conv

    @property
    def syllables(self) -> SyllableConverter | None:
        """The syllable pass of the forward direction, for schemes that have one."""
        syllable_pass = self.converter().syllable_pass
        return syllable_pass if isinstance(syllable_pass, SyllableConverter) else None


def _rules(raw: list[dict[str, Any]], path: Path) -> tuple[ContextRule, ...]:
    rules = []
    for i, item in enumerate(raw):
        unknown = set(item) - {*_RULE_KEYS, "note"}
        if unknown or "letter" not in item or "output" not in item:
            raise InputError(f"context rule {i}: needs letter and output, unknown {unknown}", path)
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in item.items()}
        fields.pop("note", None)
        rules.append(ContextRule(**fields))
    return tuple(rules)


def _word_rules(raw: Any, path: Path) -> tuple[WordRule, ...]:
    if not isinstance(raw, list):
        raise InputError("word_rules must be a list", path)
    rules = []
    for i, item in enumerate(raw):
        unknown = set(item) - {*_WORD_RULE_KEYS, "note"}
        if unknown or not isinstance(item.get("has"), str):
            raise InputError(f"word rule {i}: needs has, unknown {unknown}", path)
        lacks = item.get("lacks", [])
        lacks = [lacks] if isinstance(lacks, str) else lacks
        for key, pattern in [("has", item["has"]), *(("lacks", p) for p in lacks)]:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise InputError(f"word rule {i}: {key} is not a regex: {exc}", path) from exc
        mapping = item.get("mapping", {})
        if item.get("keep") and (mapping or item.get("prefix")):
            raise InputError(f"word rule {i}: keep takes no mapping or prefix", path)
        rules.append(
            WordRule(
                has=item["has"],
                lacks=tuple(lacks),
                keep=bool(item.get("keep", False)),
                prefix=item.get("prefix", ""),
                mapping=tuple(mapping.items()),
            )
        )
    return tuple(rules)


def _sentence_capitals(raw: Any, letters: str, casing: str, path: Path) -> SentenceCapitals:
    """The ``sentence_capitals`` of a direction: ``{"after": ".!?", "note": ...}``."""
    if not isinstance(raw, dict) or set(raw) - {"after", "note"} or not raw.get("after"):
        raise InputError('sentence_capitals must be {"after": "<end marks>", "note": ...}', path)
    if not letters:
        raise InputError("sentence_capitals needs the alphabet the direction writes", path)
    return SentenceCapitals(str(raw["after"]), letters, Casing(casing))


def _samples(raw: Any, path: Path, what: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in raw
    ):
        raise InputError(f"{what} must be a list of [source, expected] string pairs", path)
    return tuple((a, b) for a, b in raw)


def _glossary_samples(raw: Any, path: Path) -> tuple[GlossarySample, ...]:
    keys = {"source", "letters", "glossary", "concept"}

    def valid(item: Any) -> bool:
        return (
            isinstance(item, dict)
            and set(item) == keys
            and all(isinstance(value, str) for value in item.values())
        )

    if not isinstance(raw, list) or not all(valid(item) for item in raw):
        raise InputError(f"glossary_samples must be a list of objects with {sorted(keys)}", path)
    return tuple(GlossarySample(**item) for item in raw)


def load_scheme(path: Path) -> Scheme:
    """Read and check one scheme file (raises InputError naming the file)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read scheme: {exc}", path) from exc
    missing = [k for k in _REQUIRED if k not in data]
    unknown = sorted(set(data) - set(_REQUIRED) - set(_OPTIONAL))
    if missing or unknown:
        raise InputError(f"scheme keys missing {missing}, unknown {unknown}", path)
    if data["name"] != path.stem:
        raise InputError(f"scheme name {data['name']!r} differs from the file name", path)
    forward = Direction(
        dict(data["mapping"]),
        _rules(data.get("context", []), path),
        source_casing="default" if data["source_script"] == "Cyrl" else data["casing"],
        target_casing=data["casing"] if data["target_script"] == "Latn" else "default",
        word_rules=_word_rules(data.get("word_rules", []), path),
        syllables=SyllableTable.from_data(data["syllables"], path) if "syllables" in data else None,
    )
    reverse = None
    reverse_samples: tuple[tuple[str, str], ...] = ()
    ambiguities: tuple[Ambiguity, ...] = ()
    rev = data.get("reverse")
    if rev is not None:
        if rev.get("inverse_of_mapping"):
            inverse = {v: k for k, v in data["mapping"].items()}
            if len(inverse) != len(data["mapping"]):
                raise InputError("inverse_of_mapping needs a one-to-one mapping", path)
            mapping = inverse
        else:
            mapping = dict(rev["mapping"])
        capitals = None
        if "sentence_capitals" in rev:
            # the letters the reverse direction writes are those the forward one reads
            letters = data.get("source_alphabet", "")
            capitals = _sentence_capitals(
                rev["sentence_capitals"], letters, forward.source_casing, path
            )
        reverse = Direction(
            mapping,
            _rules(rev.get("context", []), path),
            source_casing=forward.target_casing,
            target_casing=forward.source_casing,
            word_rules=_word_rules(rev.get("word_rules", []), path),
            capitals=capitals,
        )
        reverse_samples = _samples(rev.get("samples", []), path, "reverse.samples")
        ambiguities = tuple(
            Ambiguity(a["id"], a["pattern"], tuple(a["choices"]), a["note"])
            for a in rev.get("ambiguous", [])
        )
    return Scheme(
        name=data["name"],
        title=data["title"],
        source=data["source"],
        url=data.get("url", ""),
        description=data.get("description", ""),
        source_lang=data["source_lang"],
        target_lang=data["target_lang"],
        source_script=data["source_script"],
        target_script=data["target_script"],
        path=path,
        forward=forward,
        samples=_samples(data["samples"], path, "samples"),
        reverse=reverse,
        reverse_samples=reverse_samples,
        ambiguities=ambiguities,
        decisions=tuple(data.get("decisions", ())),
        source_alphabet=data.get("source_alphabet", ""),
        target_alphabet=data.get("target_alphabet", ""),
        target_extra=tuple(data.get("target_extra", ())),
        glossary_samples=_glossary_samples(data.get("glossary_samples", []), path),
    )


def scheme_files() -> list[Path]:
    """The scheme data files, sorted by name."""
    return sorted(SCHEME_DIR.glob("*.json"))


@cache
def _all() -> dict[str, Scheme]:
    return {s.name: s for s in (load_scheme(p) for p in scheme_files())}


def _reversible() -> list[Scheme]:
    return [s for s in _all().values() if s.reversible]


def get_scheme(name: str) -> Scheme:
    """The scheme called ``name``; raises UnknownSchemeError listing the known ones.

    >>> get_scheme("ru-iso9").reversible
    True
    """
    schemes = _all()
    try:
        return schemes[name]
    except KeyError:
        raise UnknownSchemeError(name, sorted(schemes)) from None


def list_schemes() -> list[Scheme]:
    """Every scheme, sorted by name."""
    return list(_all().values())


@cache
def schemes_fingerprint() -> str:
    """A hash of every scheme file's name and bytes: changes whenever any scheme changes."""
    digest = hashlib.sha256()
    for path in scheme_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
