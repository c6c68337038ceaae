"""Run the enabled checks over PO catalogues and collect findings."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from toolkit.catalog import Catalog, Entry, find_catalogs, parse_language, read_catalog
from toolkit.checks.available import all_checks
from toolkit.checks.base import SEVERITIES, Check, Finding, Problem, Resources, Unit, unit_target
from toolkit.errors import InputError
from toolkit.fileio import display_path
from toolkit.glossary.model import Glossary

TARGET_LANGUAGES = ("kk", "kk-Latn", "ru")

#: a finding without its place, as an entry's results are kept between runs:
#: (check, severity, concept, message, suggestion, start, end)
StoredFinding = tuple[str, str, str | None, str, str | None, int | None, int | None]


class EntryResults(Protocol):
    """Findings of entries kept between runs, by a digest of everything they depend on
    (supplied by the command layer, which keys the whole store by the glossary and the
    code: :mod:`toolkit.cli.check_results`)."""

    def get(self, catalog: Catalog, key: bytes) -> list[StoredFinding] | None: ...

    def put(self, catalog: Catalog, key: bytes, findings: list[StoredFinding]) -> None: ...


def select_checks(
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    severity: dict[str, str] | None = None,
) -> list[Check]:
    """Instances of the registered checks minus ``disable`` (``enable`` wins over disable);
    a check that is off by default (``default_enabled = False``) runs only when enabled.

    Raises InputError for an unknown check id or severity.
    """
    known = all_checks()
    enable, disable = set(enable), set(disable)
    for check_id in enable | disable | set(severity or {}):
        if check_id not in known:
            raise InputError(f"unknown check {check_id!r}; known checks: {', '.join(known)}")
    selected = []
    for check_id, cls in known.items():
        if check_id not in enable and (check_id in disable or not cls.default_enabled):
            continue
        check = cls()
        level = (severity or {}).get(check_id)
        if level is not None:
            if level not in SEVERITIES:
                raise InputError(f"severity {level!r} of {check_id} is not one of {SEVERITIES}")
            check.severity = level  # type: ignore[misc]  # instance override of the default
            check.severity_configured = True  # type: ignore[misc]
        selected.append(check)
    return selected


def language_filter(lang: str | None) -> str | None:
    """The glossary language for a ``--lang`` value (kk@latin, kk-Latn, ru_RU all work)."""
    if lang is None:
        return None
    code = parse_language(lang)
    if code not in TARGET_LANGUAGES:
        raise InputError(f"unknown language {lang!r}; expected one of kk, kk@latin, ru")
    return code


def live_entries(catalog: Catalog) -> list[Entry]:
    """The entries of ``catalog`` that are checked: not obsolete, not the header."""
    return [e for e in catalog.entries if not e.obsolete and e.msgid]


def check_catalog(
    catalog: Catalog,
    checks: list[Check],
    resources: Resources,
    part: slice | None = None,
    results: EntryResults | None = None,
) -> list[Finding]:
    """Findings of ``checks`` on ``catalog``: those of the catalogue as a whole first, then
    every live entry's, entry by entry, in the order of ``checks`` within an entry.

    With ``part`` (from :func:`catalog_parts`), only those of the live entries, and the
    catalogue's own findings with the first part: the findings of the parts, joined in
    order, are the findings of the whole catalogue. Parts can be checked in other processes
    (``toolkit check --jobs``); this function runs in one. With ``results``, an entry whose
    findings are kept there is not checked again (entries of checks that keep state across
    entries always are).
    """
    first = part is None or not part.start
    findings = _catalogue_findings(catalog, [c for c in checks if c.per_catalogue]) if first else []
    live = live_entries(catalog)
    if part is not None:
        live = live[part]
    if not live:
        return findings
    by_entry = [c for c in checks if not c.per_catalogue]
    return findings + _check_entries(catalog, live, by_entry, resources, results)


def _catalogue_findings(catalog: Catalog, checks: list[Check]) -> list[Finding]:
    """Findings of the checks that look at a catalogue as a whole (po_syntax); a finding at
    the msgid line of an entry carries that entry's msgid."""
    if not checks:
        return []
    findings = []
    msgids = {e.line: e.msgid for e in catalog.entries}
    shown = display_path(catalog.path)
    for check in checks:
        for line, problem in check.catalogue_problems(catalog):
            findings.append(_finding(check, problem, shown, line, msgids.get(line, "")))
    return findings


def _finding(
    check: Check, problem: Problem, shown: str, line: int, msgid: str, translation: str = ""
) -> Finding:
    """The finding of ``problem``: the check's severity unless the problem grades itself
    (and the project did not fix the check's severity)."""
    severity = check.severity
    if problem.severity and not check.severity_configured:
        severity = problem.severity
    return Finding(
        file=shown,
        line=line,
        msgid=msgid,
        check=check.id,
        severity=severity,
        concept=problem.concept,
        message=problem.message,
        suggestion=problem.suggestion,
        translation=translation,
        start=problem.start,
        end=problem.end,
    )


def catalog_parts(catalog: Catalog, checks: list[Check], size: int) -> list[slice]:
    """Slices of the live entries of ``catalog`` of about ``size`` entries each, to check one
    by one or side by side. One slice for the whole catalogue when a check that keeps state
    across entries (reports something once per catalogue) applies to its language."""
    count = len(live_entries(catalog))
    stateful = any(
        check.stateful and (check.languages is None or catalog.language in check.languages)
        for check in checks
    )
    if stateful or count <= size:
        return [slice(0, count)]
    parts = -(-count // size)
    step = -(-count // parts)  # parts of equal size, the last one shorter
    return [slice(start, min(start + step, count)) for start in range(0, count, step)]


#: what runs on an entry: the checks with, for each, whether it has its own applies_to
Chosen = list[tuple[Check, bool]]


def _check_entries(
    catalog: Catalog,
    entries: list[Entry],
    checks: list[Check],
    resources: Resources,
    results: EntryResults | None = None,
) -> list[Finding]:
    shown = display_path(catalog.path)
    lang = catalog.language
    # Which checks can fire, by (translated, fuzzy), decided once per catalogue. A check
    # with its own applies_to is asked entry by entry.
    by_kind: dict[tuple[bool, bool], Chosen] = {}
    for translated in (False, True):
        for fuzzy in (False, True):
            chosen = []
            for check in checks:
                custom = type(check).applies_to is not Check.applies_to
                if not custom:
                    if check.needs_translation and not translated:
                        continue
                    if check.languages is not None and lang not in check.languages:
                        continue
                    if (check.only_untranslated and translated) or (check.only_fuzzy and not fuzzy):
                        continue
                chosen.append((check, custom))
            by_kind[translated, fuzzy] = chosen
    # What runs on each entry: the checks not silenced by a translator comment.
    plan: list[tuple[Entry, Chosen]] = []
    for entry in entries:
        chosen = by_kind[entry.translated, entry.fuzzy]
        if entry.translator_comment:
            ignored = entry.ignored_checks()
            if ignored is not None:
                if not ignored:
                    continue  # "toolkit: ignore" with no ids: every check
                chosen = [item for item in chosen if item[0].id not in ignored]
        plan.append((entry, chosen))
    if results is None:
        return _run([(Unit(e, catalog, resources), c) for e, c in plan], shown, resources)
    return _run_with_results(catalog, plan, shown, resources, results)


def _entry_key(context: bytes, entry: Entry, checks_key: str) -> bytes:
    """A digest of what an entry's findings depend on besides the glossary and the code:
    the catalogue's context, the entry's texts and flags, the checks that run on it
    (``checks_key``, from :func:`_checks_key`)."""
    parts = [entry.msgctxt or "", entry.msgid, entry.msgid_plural, entry.msgstr]
    if entry.msgstr_plural:
        parts.extend(f"{k}={v}" for k, v in sorted(entry.msgstr_plural.items()))
    parts.append(" ".join(entry.flags))
    parts.append(checks_key)
    digest = hashlib.blake2b(context, digest_size=16)
    digest.update("\0".join(parts).encode("utf-8", "surrogatepass"))
    return digest.digest()


def _checks_key(chosen: Chosen) -> str | None:
    """What the findings of an entry depend on in the checks that run on it (ids and
    severities); None when one of them keeps state across entries (the entry is always
    checked again)."""
    if any(check.stateful for check, _ in chosen):
        return None
    return " ".join(f"{c.id}:{c.severity}:{c.severity_configured}" for c, _ in chosen)


def _catalogue_context(catalog: Catalog, resources: Resources) -> bytes:
    """What every entry's findings depend on in its catalogue: language, headers (plural
    forms), the date time-bound terms are judged by."""
    headers = "\n".join(f"{k}: {v}" for k, v in sorted(catalog.metadata.items()))
    return f"{catalog.language}\0{resources.day(catalog)}\0{headers}".encode(
        "utf-8", "surrogatepass"
    )


def _run_with_results(
    catalog: Catalog,
    plan: list[tuple[Entry, Chosen]],
    shown: str,
    resources: Resources,
    results: EntryResults,
) -> list[Finding]:
    """:func:`_run`, taking the findings of entries kept in ``results`` from there and
    keeping those of the others. Only the entries not kept become units and are checked."""
    context = _catalogue_context(catalog, resources) if plan else b""
    # the few distinct check lists (by kind of entry, less ignored checks), keyed once each
    checks_keys: dict[int, str | None] = {}
    looked_up: list[tuple[Entry, bytes | None, list[StoredFinding] | None]] = []
    todo: list[tuple[Unit, Chosen]] = []
    for entry, chosen in plan:
        if id(chosen) not in checks_keys:  # the lists live in ``plan``: their ids are theirs
            checks_keys[id(chosen)] = _checks_key(chosen)
        checks_key = checks_keys[id(chosen)]
        key = None if checks_key is None else _entry_key(context, entry, checks_key)
        stored = None if key is None else results.get(catalog, key)
        looked_up.append((entry, key, stored))
        if stored is None:
            todo.append((Unit(entry, catalog, resources), chosen))
    fresh = _run(todo, shown, resources) if todo else []
    by_line: dict[int, list[Finding]] = {}
    for finding in fresh:
        by_line.setdefault(finding.line, []).append(finding)
    findings: list[Finding] = []
    for entry, key, stored in looked_up:
        if stored is None:
            own = by_line.get(entry.line, [])
            findings.extend(own)
            if key is not None:
                results.put(catalog, key, [_stored(f) for f in own])
            continue
        translation = unit_target(entry)
        for check, severity, concept, message, suggestion, start, end in stored:
            findings.append(
                Finding(shown, entry.line, entry.msgid, check, severity, concept, message,
                        suggestion, translation, start, end)
            )  # fmt: skip
    return findings


def _stored(f: Finding) -> StoredFinding:
    return (f.check, f.severity, f.concept, f.message, f.suggestion, f.start, f.end)


def _run(
    plan: list[tuple[Unit, list[tuple[Check, bool]]]], shown: str, resources: Resources
) -> list[Finding]:
    _match_all(plan, resources)
    findings = []
    add = findings.append
    for unit, chosen in plan:
        entry = unit.entry
        for check, custom in chosen:
            if custom and not check.applies_to(unit):
                continue
            for problem in check.problems(unit):
                add(_finding(check, problem, shown, entry.line, entry.msgid, unit.target))
    return findings


def _match_all(plan: list[tuple[Unit, list[tuple[Check, bool]]]], resources: Resources) -> None:
    """Term matches of the units a check will read them for, found in one pass per language
    and handed to the units (the same matches each unit would find for itself)."""
    sources = [u for u, chosen in plan if any(c.uses_source_matches for c, _ in chosen)]
    if sources:
        found = resources.matcher("en").find_all([u.source for u in sources])
        for unit, matches in zip(sources, found, strict=True):
            unit.set_matches(source=matches)
    targets = [u for u, chosen in plan if any(c.uses_target_matches for c, _ in chosen)]
    if targets:
        found = resources.matcher(targets[0].lang).find_all([u.target for u in targets])
        for unit, matches in zip(targets, found, strict=True):
            unit.set_matches(target=matches)


def run_checks(
    paths: list[str | Path],
    glossary: Glossary,
    checks: list[Check],
    *,
    lang: str | None = None,
    use_cache: bool = True,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    on_skip: Callable[[Catalog], None] | None = None,
    as_of: str | None = None,
    results: EntryResults | None = None,
) -> tuple[list[Catalog], list[Finding]]:
    """Read the PO files under ``paths`` and check them. Returns (catalogues, findings).

    Catalogues whose language is not a target language (kk, kk@latin, ru) are skipped when
    their language is known (an English or German catalogue, say: each is handed to
    ``on_skip`` unless ``lang`` asked for one language) and refused when it is not.
    ``as_of`` (YYYY-MM-DD) is the date time-bound terms are judged by; without it, each
    catalogue's article date (:mod:`toolkit.checks.dates`). ``results`` keeps entries'
    findings between runs (:func:`check_catalog`).
    """
    resources = Resources(glossary, use_cache=use_cache, as_of=as_of)
    catalogs, findings = [], []
    for catalog in iter_catalogs(paths, lang=lang, progress=progress, on_skip=on_skip):
        catalogs.append(catalog)
        findings.extend(check_catalog(catalog, checks, resources, results=results))
    return catalogs, findings


def iter_catalogs(
    paths: list[str | Path],
    *,
    lang: str | None = None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    on_skip: Callable[[Catalog], None] | None = None,
) -> Iterator[Catalog]:
    """The catalogues under ``paths`` that :func:`run_checks` checks, in its order, each
    read when it is asked for.

    Catalogues whose language is not a target language (kk, kk@latin, ru) are skipped when
    their language is known (each is handed to ``on_skip`` unless ``lang`` asked for one
    language) and refused when it is not.
    """
    wanted = language_filter(lang)
    files = find_catalogs(paths)
    if not files:
        shown = ", ".join(display_path(p) for p in paths)
        raise InputError(f"no PO files (*.po) under {shown}")
    for path in progress(files) if progress else files:
        catalog = read_catalog(path)
        if not catalog.language:
            raise InputError(
                f"cannot tell the language (Language header {catalog.locale!r}; neither the "
                "file name, po/<lang>.po, nor its folder, locales/<lang>/, names one)",
                path=display_path(path),
            )
        if catalog.language not in TARGET_LANGUAGES:
            if on_skip is not None and not wanted:
                on_skip(catalog)
            continue
        if wanted and catalog.language != wanted:
            continue
        yield catalog
