"""Run the enabled checks over PO catalogues and collect findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from toolkit.catalog import LOCALE_TO_LANGUAGE, Catalog, find_catalogs, read_catalog
from toolkit.checks.base import SEVERITIES, Check, Finding, Resources, Unit
from toolkit.checks.registry import all_checks
from toolkit.errors import InputError
from toolkit.fileio import display_path
from toolkit.glossary.model import Glossary

TARGET_LANGUAGES = ("kk", "kk-Latn", "ru")


def select_checks(
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    severity: dict[str, str] | None = None,
) -> list[Check]:
    """Instances of the registered checks minus ``disable`` (``enable`` wins over disable).

    Raises InputError for an unknown check id or severity.
    """
    known = all_checks()
    enable, disable = set(enable), set(disable)
    for check_id in enable | disable | set(severity or {}):
        if check_id not in known:
            raise InputError(f"unknown check {check_id!r}; known checks: {', '.join(known)}")
    selected = []
    for check_id, cls in known.items():
        if check_id in disable and check_id not in enable:
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
    """The glossary language for a ``--lang`` value (kk@latin and kk-Latn both work)."""
    if lang is None:
        return None
    code = LOCALE_TO_LANGUAGE.get(lang, lang)
    if code not in TARGET_LANGUAGES:
        raise InputError(f"unknown language {lang!r}; expected one of kk, kk@latin, ru")
    return code


def check_catalog(catalog: Catalog, checks: list[Check], resources: Resources) -> list[Finding]:
    """Findings of ``checks`` on every live entry of ``catalog``."""
    findings = []
    shown = display_path(catalog.path)
    for entry in catalog.entries:
        if entry.obsolete or not entry.msgid:
            continue
        ignored = entry.ignored_checks()
        if ignored is not None and not ignored:
            continue  # "toolkit: ignore" with no ids: every check
        unit = Unit(entry, catalog, resources)
        for check in checks:
            if (ignored and check.id in ignored) or not check.applies_to(unit):
                continue
            for problem in check.problems(unit):
                findings.append(
                    Finding(
                        file=shown,
                        line=entry.line,
                        msgid=entry.msgid,
                        check=check.id,
                        severity=(
                            problem.severity
                            if problem.severity and not check.severity_configured
                            else check.severity
                        ),
                        concept=problem.concept,
                        message=problem.message,
                        suggestion=problem.suggestion,
                        translation=unit.target,
                        start=problem.start,
                        end=problem.end,
                    )
                )
    return findings


def run_checks(
    paths: list[str | Path],
    glossary: Glossary,
    checks: list[Check],
    *,
    lang: str | None = None,
    use_cache: bool = True,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
) -> tuple[list[Catalog], list[Finding]]:
    """Read the PO files under ``paths`` and check them. Returns (catalogues, findings).

    Catalogues whose language is not a target language (kk, kk@latin, ru) are skipped when
    their language is known (an English catalogue, say) and refused when it is not.
    """
    wanted = language_filter(lang)
    resources = Resources(glossary, use_cache=use_cache)
    files = find_catalogs(paths)
    catalogs, findings = [], []
    for path in progress(files) if progress else files:
        catalog = read_catalog(path)
        if not catalog.language:
            raise InputError(
                f"cannot tell the language (Language header {catalog.locale!r}, and the file "
                "is not under locales/<lang>/LC_MESSAGES/)",
                path=display_path(path),
            )
        if catalog.language not in TARGET_LANGUAGES or (wanted and catalog.language != wanted):
            continue
        catalogs.append(catalog)
        findings.extend(check_catalog(catalog, checks, resources))
    return catalogs, findings
