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

from toolkit.errors import InputError
from toolkit.fileio import display_path, read_utf8
from toolkit.glossary.loader import ID_PATTERN
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


@dataclass
class _Draft:
    """A concept being assembled from rows: terms per side in order of first appearance."""

    id: str
    line: int
    terms: dict[str, dict[str, tuple[str, int]]]  # lang -> text -> (status, line)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def _status_of(comment: str, source: str, target: str) -> tuple[str, str] | None:
    """(side, status) from the comment's marker, None for a preferred ↔ preferred row."""
    found = _MARKER.match(comment)
    if not found or found["lang"] not in (source, target):
        return None
    return found["lang"], found["status"].lower()


def read_weblate_csv(
    path: str | Path, source: str, target: str, domain: str = "imported"
) -> list[Concept]:
    """Read a Weblate glossary CSV (header with at least ``source`` and ``target``) into
    concepts of ``domain`` with terms in the two languages.

    Rows are grouped into concepts by ``context`` (a trailing ``#N`` is dropped); rows without
    a context are grouped by source term. The status of each term comes from the comment's
    marker (``ru DEPRECATED``); unmarked rows pair two preferred terms. Notes, grammar and
    sources do not travel through CSV.
    """
    path = Path(path)
    shown = display_path(path)
    text = read_utf8(path, shown)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        missing = [c for c in ("source", "target") if c not in header]
        if missing:
            raise InputError(
                f"the header has no {' or '.join(missing)} column (expected "
                f"{','.join(WEBLATE_COLUMNS)})",
                path=shown,
                line=1,
            )
        drafts: dict[str, _Draft] = {}
        for record in reader:
            line = reader.line_num
            _add_row(drafts, record, line, source, target, shown)
    except csv.Error as exc:
        raise InputError(f"CSV syntax: {exc}", path=shown, line=reader.line_num) from exc
    origin = f"imported from {path.name} ({source}:{target} glossary CSV)"
    return [_concept(d, domain, origin, str(path.resolve()), shown) for d in drafts.values()]


def _add_row(
    drafts: dict[str, _Draft], record: dict, line: int, source: str, target: str, shown: str
) -> None:
    src = (record.get("source") or "").strip()
    tgt = (record.get("target") or "").strip()
    if not src or not tgt:
        raise InputError("row without a source or target term", path=shown, line=line)
    context = _CONTEXT_SUFFIX.sub("", (record.get("context") or "").strip())
    concept_id = context or _slug(src) or f"concept-{line}"
    if not ID_PATTERN.fullmatch(concept_id):
        raise InputError(
            f"context {context!r} is not a concept id (lower-case slug)", path=shown, line=line
        )
    draft = drafts.setdefault(concept_id, _Draft(concept_id, line, {source: {}, target: {}}))
    marked = _status_of(record.get("developer_comments") or "", source, target)
    statuses = {source: "preferred", target: "preferred"}
    if marked:
        statuses[marked[0]] = marked[1]
    for lang, text in ((source, src), (target, tgt)):
        known = draft.terms[lang].get(text)
        status = statuses[lang]
        if known is None:
            draft.terms[lang][text] = (status, line)
        elif known[0] != status:
            raise InputError(
                f"{lang} term {text!r} is {status} here but {known[0]} at line {known[1]}",
                path=shown,
                line=line,
            )


def _concept(draft: _Draft, domain: str, origin: str, resolved: str, shown: str) -> Concept:
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
