"""`toolkit glossary ...`: lint, show, search, summarise, export and import the glossary."""

from __future__ import annotations

import json
import tempfile
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import click

from toolkit.catalog import glossary_catalog_text
from toolkit.cli.main import EXIT_FINDINGS, EXIT_OK, Context
from toolkit.errors import InputError
from toolkit.fileio import atomic_write_text, display_path
from toolkit.glossary import bilingual, load_glossary
from toolkit.glossary import lint as lint_module
from toolkit.glossary.bilingual import po_entries
from toolkit.glossary.growth import DomainGrowth, glossary_at_revision, growth_per_domain
from toolkit.glossary.loader import read_glossary
from toolkit.glossary.model import LANGUAGES, STATUSES, Concept, Glossary
from toolkit.glossary.search import search as search_concepts
from toolkit.glossary.tbx import export_tbx
from toolkit.glossary.tbx_import import read_tbx
from toolkit.glossary.writer import write_glossary
from toolkit.translit import to_kk_latin

FORMAT = click.Choice(["text", "json"])


@click.group()
def glossary() -> None:
    """Lint, show, search, summarise, export and import the glossary.

    The glossary is the folder of YAML files given by the global --glossary option
    (default: the project's glossary/ folder). See docs/glossary-format.md for the format.
    """


@glossary.command()
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on any issue).")
@click.pass_obj
def lint(obj: Context, fmt: str, strict: bool) -> int:
    """Check the glossary; exit 1 when there are errors.

    Reports, with file and line: languages without a preferred term, terms preferred by two
    concepts, kk-Latn spellings that are not the kk-latn-2021 transliteration, CLDR names
    not followed, missing sources, wrong scripts. Malformed YAML stops with exit 2.
    """

    glossary_ = obj.glossary()
    issues = lint_module.lint(glossary_, to_kk_latin)
    errors = sum(issue.severity == "error" for issue in issues)
    warnings = len(issues) - errors
    if fmt == "json":
        click.echo(json.dumps([_issue_json(i) for i in issues], ensure_ascii=False, indent=2))
    else:
        for issue in issues:
            click.echo(str(issue))
        files = len({c.path for c in glossary_})
        click.echo(
            f"{len(glossary_)} concept{'s' * (len(glossary_) != 1)} in {files} "
            f"file{'s' * (files != 1)}: "
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        )
    failed = errors or (strict and warnings)
    return EXIT_FINDINGS if failed else EXIT_OK


def _issue_json(issue: Any) -> dict[str, Any]:
    return {
        "file": issue.path,
        "line": issue.line,
        "severity": issue.severity,
        "code": issue.code,
        "message": issue.message,
    }


@glossary.command()
@click.argument("concept_id")
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.pass_obj
def show(obj: Context, concept_id: str, fmt: str) -> int:
    """Show one concept: every term in every language, with status, grammar and notes."""
    glossary_ = obj.glossary()
    concept = glossary_.get(concept_id)
    if concept is None:
        near = get_close_matches(concept_id, [c.id for c in glossary_], n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise InputError(f"no concept with id {concept_id!r}{hint}")
    if fmt == "json":
        click.echo(json.dumps(concept_json(concept, full=True), ensure_ascii=False, indent=2))
    else:
        click.echo(concept_card(concept))
    return EXIT_OK


@glossary.command()
@click.argument("text", default="")
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.pass_obj
def search(obj: Context, text: str, fmt: str) -> int:
    """Find concepts by any spelling, in any language or script.

    Case and accents are ignored, and Kazakh letters typed on a Russian keyboard still
    match (Атажурт finds Атажұрт). An empty TEXT lists every concept.
    """

    hits = search_concepts(obj.glossary(), text)
    if fmt == "json":
        click.echo(json.dumps([concept_json(c) for c in hits], ensure_ascii=False, indent=2))
    elif not hits:
        click.echo(f"no concept matches {text!r}")
    else:
        for concept in hits:
            click.echo(concept_line(concept))
    return EXIT_OK


@glossary.command()
@click.option(
    "--against",
    metavar="REV_OR_DIR",
    help="Show the growth per domain since this git revision of the glossary folder "
    "(main, HEAD~3, a tag) or against another glossary folder.",
)
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True)
@click.pass_obj
def stats(obj: Context, against: str | None, fmt: str) -> int:
    """Summarise the glossary: concepts per domain, terms per language and status.

    With --against, compare with the glossary at a git revision (read with git) or in another
    folder: concepts per domain before and after, how many were added and removed.
    """
    glossary_ = obj.glossary()
    if against is not None:
        before = _glossary_to_compare(Path(obj.glossary_dir), against)
        rows = growth_per_domain(before, glossary_)
        if fmt == "json":
            report = {"against": against, "before": len(before), "after": len(glossary_),
                      "domains": [row._asdict() for row in rows]}  # fmt: skip
            click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            click.echo(_growth_text(against, len(before), len(glossary_), rows))
        return EXIT_OK
    terms = _terms_per_language(glossary_)
    if fmt == "json":
        report = {"concepts": len(glossary_), "domains": dict(sorted(glossary_.domains().items())),
                  "terms": terms}  # fmt: skip
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return EXIT_OK
    click.echo(f"{len(glossary_)} concepts")
    for domain, count in sorted(glossary_.domains().items()):
        click.echo(f"  {domain:<16}{count:>5}")
    click.echo("terms per language: " + "  ".join(STATUSES))
    for lang, counts in terms.items():
        row = "  ".join(f"{counts[s]:>{len(s)}}" for s in STATUSES)
        extra = f"  ({counts['derived']} derived from kk)" if counts["derived"] else ""
        click.echo(f"  {lang:<8}{row}{extra}")
    return EXIT_OK


def _terms_per_language(glossary_: Glossary) -> dict[str, dict[str, int]]:
    """Per language: terms per status, and how many were derived from kk."""
    table = {}
    for lang in LANGUAGES:
        counts = dict.fromkeys(STATUSES, 0) | {"derived": 0}
        for concept in glossary_:
            for term in concept.terms.get(lang, ()):
                counts[term.status] += 1
                counts["derived"] += term.derived
        table[lang] = counts
    return table


def _glossary_to_compare(folder: Path, against: str) -> Glossary:
    """The glossary folder ``against`` names, or ``folder`` at the git revision ``against``."""
    if Path(against).is_dir():
        return load_glossary(against)
    with tempfile.TemporaryDirectory(prefix="toolkit-glossary-") as tmp:
        glossary_at_revision(folder, against, Path(tmp))
        try:
            # read directly, not through load_glossary: a temporary folder gets no cache entry
            return Glossary(read_glossary(Path(tmp), to_kk_latin), against)
        except InputError as exc:
            name = Path(exc.path).name if exc.path else ""
            raise InputError(exc.message, path=f"{against}:{name}", line=exc.line) from exc


def _growth_text(against: str, before: int, after: int, rows: list[DomainGrowth]) -> str:
    added = sum(row.added for row in rows)
    removed = sum(row.removed for row in rows)
    lines = [
        f"{after} concepts, {before} at {against}: +{added} added, -{removed} removed",
        f"  {'domain':<16}{'before':>7}{'after':>7}{'added':>7}{'removed':>9}",
    ]
    for row in rows:
        lines.append(
            f"  {row.domain:<16}{row.before:>7}{row.after:>7}"
            f"{'+' + str(row.added):>7}{'-' + str(row.removed):>9}"
        )
    return "\n".join(lines)


def concept_json(concept: Concept, full: bool = False) -> dict[str, Any]:
    """The design's JSON shape of a concept; ``full`` adds notes, grammar and sources."""
    terms: dict[str, list[dict[str, Any]]] = {}
    for lang, ts in concept.terms.items():
        terms[lang] = []
        for t in ts:
            entry: dict[str, Any] = {"term": t.text, "status": t.status}
            if full:
                grammar = {
                    "pos": t.pos,
                    "gender": t.gender,
                    "indeclinable": t.indeclinable or None,
                    "plural_only": t.plural_only or None,
                    "forms": list(t.forms) or None,
                    "note": t.note,
                    "source": t.source,
                    "override": t.override,
                    "cldr_override": t.cldr_override,
                    "derived": t.derived or None,
                }
                entry.update({k: v for k, v in grammar.items() if v is not None})
            terms[lang].append(entry)
    result: dict[str, Any] = {"id": concept.id, "domain": concept.domain, "terms": terms}
    if full:
        result.update(note=concept.note, definition=concept.definition)
        result["sources"] = list(concept.sources)
        result["cldr"] = {concept.cldr.kind: concept.cldr.code} if concept.cldr else None
    return result


def concept_line(concept: Concept) -> str:
    """One line per concept for search results: id, domain, preferred terms."""
    names = " | ".join(f"{lang}: {concept.preferred_text(lang) or '—'}" for lang in LANGUAGES)
    return f"{concept.id:<28} [{concept.domain}]  {names}"


def concept_card(concept: Concept) -> str:
    """A readable multi-line view of a concept."""

    lines = [f"{concept.id}  [{concept.domain}]  {display_path(concept.path)}:{concept.line}"]
    if concept.note:
        lines.append(f"  note: {concept.note}")
    if concept.definition:
        lines.append(f"  definition: {concept.definition}")
    if concept.cldr:
        lines.append(f"  CLDR {concept.cldr.kind}: {concept.cldr.code}")
    for lang in LANGUAGES:
        for t in concept.terms.get(lang, ()):
            grammar = [
                x
                for x in (
                    t.pos,
                    t.gender and f"gender {t.gender}",
                    t.indeclinable and "indeclinable",
                    t.plural_only and "plural only",
                    t.derived and "derived from kk",
                )
                if x
            ]
            extra = f"  ({', '.join(grammar)})" if grammar else ""
            lines.append(f"  {lang:<8}{t.status:<11}{t.text}{extra}")
            for label, value in (
                ("forms", ", ".join(t.forms)),
                ("note", t.note),
                ("source", t.source),
                ("override", t.override),
                ("cldr override", t.cldr_override),
            ):
                if value:
                    lines.append(f"{'':21}{label}: {value}")
    lines.append("  sources:")
    lines.extend(f"    - {s}" for s in concept.sources)
    return "\n".join(lines)


# -- interchange (docs/interchange.md) -------------------------------------------------------

#: glossary language → PO locale of the exported glossary catalogue
_PO_LOCALES = {"kk": "kk", "kk-Latn": "kk@latin", "ru": "ru"}


def _write_or_echo(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write_text(output, text)


@glossary.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(["tbx", "csv", "po"]), default="tbx", show_default=True
)
@click.option("--pair", metavar="SRC:TGT", help="csv: the two languages, e.g. en:ru.")
@click.option(
    "--dialect",
    type=click.Choice(["weblate", "omegat"]),
    default="weblate",
    show_default=True,
    help="csv: Weblate's CSV with header, or OmegaT's tab-separated glossary.",
)
@click.option("--lang", type=click.Choice(sorted(_PO_LOCALES)), help="po: the target language.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.pass_obj
def export_(
    obj: Context, fmt: str, pair: str | None, dialect: str, lang: str | None, output: Path | None
) -> int:
    """Export the glossary as TBX-Basic, a bilingual CSV, or a PO file (stdout or -o FILE).

    \b
    toolkit glossary export --format tbx -o glossary.tbx
    toolkit glossary export --format csv --pair en:ru -o en-ru.csv
    toolkit glossary export --format csv --pair en:kk --dialect omegat -o en-kk.txt
    toolkit glossary export --format po --lang ru -o glossary-ru.po
    """
    concepts = list(obj.glossary())
    if fmt == "tbx":
        text = export_tbx(concepts)
    elif fmt == "csv":
        if pair is None:
            raise click.UsageError("--format csv needs --pair SRC:TGT (e.g. en:ru)")
        rows = bilingual.glossary_rows(concepts, *bilingual.parse_pair(pair))
        text = bilingual.weblate_csv(rows) if dialect == "weblate" else bilingual.omegat_tsv(rows)
    else:
        if lang is None:
            raise click.UsageError("--format po needs --lang (kk, kk-Latn or ru)")
        text = glossary_catalog_text(po_entries(concepts, lang), _PO_LOCALES[lang])
    _write_or_echo(text, output)
    return EXIT_OK


@glossary.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["tbx", "csv"]), required=True)
@click.option("--pair", metavar="SRC:TGT", help="csv: the two languages of the file.")
@click.option(
    "--domain",
    default="imported",
    show_default=True,
    help="Domain of concepts without one (csv: every concept; tbx: no usable subjectField).",
)
@click.option(
    "-o",
    "--output",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder to write <domain>.yaml files into (created if missing).",
)
def import_(fmt: str, file: Path, pair: str | None, domain: str, folder: Path) -> int:
    """Turn a TBX (v2 or v3) or Weblate CSV glossary into glossary YAML, one file per domain.

    What the glossary has no field for (other languages, transactions, cross-references, …) is
    left out and summarised in one warning on stderr. Files of the same name in the folder are
    replaced; others are left alone.
    """

    if fmt == "tbx":
        imported = read_tbx(file, to_kk_latin, domain=domain)
    else:
        if pair is None:
            raise click.UsageError("--format csv needs --pair SRC:TGT (e.g. en:ru)")
        imported = bilingual.read_weblate_csv(file, *bilingual.parse_pair(pair), domain=domain)
    concepts = imported.concepts
    for line in imported.warnings:
        click.echo(f"toolkit: warning: {display_path(file)}: {line}", err=True)
    for path in write_glossary(concepts, folder, origin=file.name):
        count = sum(c.domain == path.stem for c in concepts)
        click.echo(f"{display_path(path)}: {count} concept{'s' * (count != 1)}")
    if not concepts:
        click.echo(f"{display_path(file)}: no concept to import")
    return EXIT_OK
