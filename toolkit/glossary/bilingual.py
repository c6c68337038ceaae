"""Two-language views of the glossary: the glossary CSV of Weblate, the tab-separated glossary
of OmegaT, and the entries of a glossary PO file. Column layouts: docs/interchange.md.

Every table has the same rows. For each concept with terms in both languages:

1. one row per target term (every status), its source the preferred source term;
2. one row per non-preferred source term, its target the preferred target term.

A row that is not "preferred ↔ preferred" starts its comment with a marker saying which side
and status it is about, ``ru DEPRECATED``, ``en ADMITTED``, so that tools without a status
field still show it and :func:`read_weblate_csv` can read the status back.

>>> parse_pair("en:kk-Latn")
('en', 'kk-Latn')
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import InputError
from toolkit.fileio import display_path, read_utf8
from toolkit.glossary.interchange import Imported, ImportReport, slug, unique_id
from toolkit.glossary.model import LANGUAGES, Concept, Term

#: the header of the Weblate CSV (Weblate's own column names, see docs/interchange.md)
WEBLATE_COLUMNS = ("source", "target", "context", "developer_comments")
_MARKER = re.compile(
    r"^(?P<lang>" + "|".join(re.escape(lang) for lang in LANGUAGES) + r") "
    r"(?P<status>ADMITTED|DEPRECATED|FORBIDDEN)(?![A-Za-z])"
)
_CONTEXT_SUFFIX = re.compile(r"#\d+$")


def parse_pair(text: str) -> tuple[str, str]:
    """``"en:ru"`` → ``("en", "ru")``; raises InputError for anything else."""
    source, sep, target = text.partition(":")
    if not sep or source not in LANGUAGES or target not in LANGUAGES or source == target:
        raise InputError(
            f"--pair {text!r} must be SOURCE:TARGET, two different languages of "
            f"{', '.join(LANGUAGES)}"
        )
    return source, target


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a bilingual glossary table."""

    source: str
    target: str
    context: str
    comment: str


def _marker(term: Term, preferred: Term) -> str:
    marker = f"{term.lang} {term.status.upper()}"
    if not term.is_usable:
        marker += f", use {preferred.text}"
    return marker


def _join(*parts: str | None) -> str:
    return " — ".join(p for p in parts if p)


def concept_rows(concept: Concept, source: str, target: str) -> list[Row]:
    """The rows of one concept (none when it lacks a term in either language)."""
    sources, targets = concept.terms.get(source, ()), concept.terms.get(target, ())
    if not sources or not targets:
        return []
    src = concept.preferred(source) or sources[0]
    tgt = concept.preferred(target) or targets[0]
    rows: list[Row] = []
    for term in targets:
        if term is tgt:
            comment = _join(src.note, tgt.note, concept.note)
        else:
            comment = _join(_marker(term, tgt), term.note)
        rows.append(Row(src.text, term.text, concept.id, comment))
    for term in sources:
        if term is not src:
            rows.append(Row(term.text, tgt.text, concept.id, _join(_marker(term, src), term.note)))
    # Weblate identifies a glossary unit by source and context: keep contexts unique.
    return [
        Row(r.source, r.target, r.context if i == 0 else f"{r.context}#{i + 1}", r.comment)
        for i, r in enumerate(rows)
    ]


def glossary_rows(concepts: list[Concept], source: str, target: str) -> list[Row]:
    """Every row, concept by concept in glossary order."""
    return [row for concept in concepts for row in concept_rows(concept, source, target)]


def weblate_csv(rows: list[Row]) -> str:
    """RFC 4180 CSV with Weblate's header ``source,target,context,developer_comments``
    (commas, quotes and newlines in a field are quoted, not changed).

    >>> print(weblate_csv([Row("tenge", "тенге", "tenge", 'the "house" plural, too')]), end="")
    source,target,context,developer_comments
    tenge,тенге,tenge,"the ""house"" plural, too"
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(WEBLATE_COLUMNS)
    writer.writerows((r.source, r.target, r.context, r.comment) for r in rows)
    return out.getvalue()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def omegat_tsv(rows: list[Row]) -> str:
    """OmegaT's glossary: ``source<TAB>target<TAB>comment`` a line, no header. A tab-separated
    line cannot hold a tab or newline, so whitespace runs inside a field become one space; the
    concept id ends the comment in brackets.

    >>> omegat_tsv([Row("tenge", "тенге", "tenge", "line one\\nline two")])
    'tenge\\tтенге\\tline one line two [tenge]\\n'
    """
    lines = []
    for r in rows:
        concept_id = f"[{_CONTEXT_SUFFIX.sub('', r.context)}]"
        comment = f"{_one_line(r.comment)} {concept_id}" if r.comment else concept_id
        lines.append(f"{_one_line(r.source)}\t{_one_line(r.target)}\t{comment}\n")
    return "".join(lines)


# -- reading a Weblate CSV back ------------------------------------------------------------

#: header names (folded to lower case) → the column they are; the first non-empty concept
#: column of a row names its concept: an explicit concept id, else the context (the concept id
#: in the toolkit's export; the unit context in Weblate's, which tells homonyms apart), else
#: translate-toolkit's id
_COLUMN_ALIASES = {
    "source": "source",
    "original": "source",
    "target": "target",
    "translation": "target",
    "developer_comments": "developer_comments",
    "developer comments": "developer_comments",
}
_CONCEPT_COLUMNS = ("concept", "concept_id", "concept id", "conceptid", "context", "id", "key")


@dataclass
class _Draft:
    """A concept being assembled from rows: terms per side in order of first appearance."""

    id: str
    line: int
    terms: dict[str, dict[str, tuple[str, int]]]  # lang -> text -> (status, line)


def _status_of(comment: str, source: str, target: str) -> tuple[str, str] | None:
    """(side, status) from the comment's marker, None for a preferred ↔ preferred row."""
    found = _MARKER.match(comment)
    if not found or found["lang"] not in (source, target):
        return None
    return found["lang"], found["status"].lower()


class _CsvReader:
    """Groups the rows of one CSV file into concept drafts, counting what it leaves out."""

    def __init__(self, source: str, target: str):
        self.source, self.target = source, target
        self.report = ImportReport()
        self.drafts: list[_Draft] = []
        self.by_key: dict[str, _Draft] = {}
        self.ids: set[str] = set()

    def row(self, record: dict[str, str], line: int) -> None:
        src, tgt = record.get("source", "").strip(), record.get("target", "").strip()
        if not src or not tgt:
            side = "source" if not src else "target"
            self.report.dropped[f"row{{s}} without a {side} term"] += 1
            return
        key = next((record[c].strip() for c in _CONCEPT_COLUMNS if record.get(c, "").strip()), "")
        key = _CONTEXT_SUFFIX.sub("", key)
        draft = self.by_key.get(key) if key else None
        if draft is None:
            draft = self.new_draft(key, src, line)
        marked = _status_of(record.get("developer_comments", ""), self.source, self.target)
        statuses = {self.source: "preferred", self.target: "preferred"}
        if marked:
            statuses[marked[0]] = marked[1]
        for lang, text in ((self.source, src), (self.target, tgt)):
            known = draft.terms[lang].get(text)
            if known is None:
                draft.terms[lang][text] = (statuses[lang], line)
            elif known[0] != statuses[lang]:
                self.report.dropped["term{s} given a second status (the first kept)"] += 1

    def new_draft(self, key: str, src: str, line: int) -> _Draft:
        """A concept per concept key; a row without one is a concept of its own."""
        base = slug(key) or slug(src) or f"concept-{line}"
        if key and base != key:
            self.report.assumed["concept key{s} turned into lower-case slugs"] += 1
        concept_id = unique_id(base, self.ids)
        if concept_id != base:
            self.report.assumed["repeated concept id{s} numbered"] += 1
        draft = _Draft(concept_id, line, {self.source: {}, self.target: {}})
        self.drafts.append(draft)
        if key:
            self.by_key[key] = draft
        return draft


def _fold_header(record: dict[str | None, Any]) -> dict[str, str]:
    folded: dict[str, str] = {}
    for name, value in record.items():
        if isinstance(name, str) and isinstance(value, str):
            name = name.strip().lower()
            folded.setdefault(_COLUMN_ALIASES.get(name, name), value)
    return folded


def read_weblate_csv(
    path: str | Path, source: str, target: str, domain: str = "imported"
) -> Imported:
    """Read a Weblate glossary CSV (header with at least ``source`` and ``target``) into
    concepts of ``domain`` with terms in the two languages.

    Rows are grouped into concepts by their concept column (``concept``, else ``context`` with
    a trailing ``#N`` dropped, else ``id``); a row without one is a concept of its own, so two
    meanings of "Save" stay two concepts (lint then reports the shared term). The status of
    each term comes from the comment's marker (``ru DEPRECATED``); unmarked rows pair two
    preferred terms. Rows without a source or target term (untranslated) are left out and
    counted. Notes, grammar and sources do not travel through CSV.
    """
    path = Path(path)
    shown = display_path(path)
    text = read_utf8(path, shown)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    rows = _CsvReader(source, target)
    try:
        header = {_COLUMN_ALIASES.get(h.strip().lower(), h) for h in reader.fieldnames or []}
        missing = [c for c in ("source", "target") if c not in header]
        if missing:
            raise InputError(
                f"the header has no {' or '.join(missing)} column (expected "
                f"{','.join(WEBLATE_COLUMNS)})",
                path=shown,
                line=1,
            )
        for record in reader:
            rows.row(_fold_header(record), reader.line_num)
    except csv.Error as exc:
        raise InputError(f"CSV syntax: {exc}", path=shown, line=reader.line_num) from exc
    origin = f"imported from {path.name} ({source}:{target} glossary CSV)"
    concepts = [_concept(d, domain, origin, str(path.resolve())) for d in rows.drafts]
    return Imported(concepts, rows.report)


def _concept(draft: _Draft, domain: str, origin: str, resolved: str) -> Concept:
    terms: dict[str, tuple[Term, ...]] = {}
    for lang in LANGUAGES:
        if lang in draft.terms:
            terms[lang] = tuple(
                Term(text, lang, status, line=line)
                for text, (status, line) in draft.terms[lang].items()
            )
    return Concept(
        id=draft.id,
        domain=domain,
        terms=terms,
        path=resolved,
        line=draft.line,
        sources=(origin,),
    )


# -- PO ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One entry of a glossary PO file: the preferred English term and its translation."""

    msgid: str
    msgstr: str
    msgctxt: str
    comment: str


def _variants(concept: Concept, lang: str, status: str) -> str:
    return ", ".join(t.text for t in concept.terms.get(lang, ()) if t.status == status)


def po_entries(concepts: list[Concept], lang: str) -> list[GlossaryEntry]:
    """One entry per concept with a preferred English term: msgid the English term, msgstr the
    preferred ``lang`` term ("" when there is none), msgctxt the concept id, and an extracted
    comment listing the other terms by status and the notes."""
    entries = []
    for concept in concepts:
        english = concept.preferred("en")
        if english is None:
            continue
        preferred = concept.preferred(lang)
        lines = [f"{concept.id} [{concept.domain}]"]
        for who, code in (("English", "en"), (lang, lang)):
            for status, label in (
                ("admitted", "also"),
                ("deprecated", "deprecated, do not use"),
                ("forbidden", "FORBIDDEN"),
            ):
                variants = _variants(concept, code, status)
                if variants:
                    lines.append(f"{who} {label}: {variants}")
        if preferred is not None and preferred.note:
            lines.append(f"{lang} note: {preferred.note}")
        if concept.note:
            lines.append(concept.note)
        entries.append(
            GlossaryEntry(
                msgid=english.text,
                msgstr=preferred.text if preferred else "",
                msgctxt=concept.id,
                comment="\n".join(lines),
            )
        )
    return entries
