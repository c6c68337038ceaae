"""`toolkit find`: recognise glossary terms, in any inflected form, in text."""

from __future__ import annotations

import json

import click

from toolkit.cli.main import EXIT_OK, Context
from toolkit.fileio import iter_text_lines
from toolkit.matching.forms import MATCH_LANGUAGES, load_matcher


@click.command()
@click.option(
    "--lang",
    type=click.Choice(MATCH_LANGUAGES),
    required=True,
    help="Language (and script) of the text: en, kk, kk-Latn or ru.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="text: one line per term found; jsonl: one JSON object per input line.",
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.pass_obj
def find(obj: Context, lang: str, fmt: str, files: tuple[str, ...]) -> int:
    """Find glossary terms in FILES (or standard input), inflected forms included.

    Russian case endings («в Синьцзяне»), Kazakh suffixes («Атажұрт еріктілерінің»,
    «Алматыда») and English plurals and possessives are recognised. Each term is reported
    with its concept, the preferred English term, and the status of the spelling used, so a
    deprecated spelling (оралман) shows up as such.

    \b
    jsonl: {"line": N, "matches": [{"concept", "en", "start", "end", "text", "status",
    "term"}]} with Python string offsets of the whole inflected surface form.
    """

    matcher = load_matcher(obj.glossary(), lang, use_cache=obj.use_cache)
    for name in files or ("-",):
        for number, line in iter_text_lines(name):
            matches = matcher.find(line)
            if fmt == "jsonl":
                record = {"line": number, "matches": [m.as_json() for m in matches]}
                if name != "-":
                    record = {"file": name, **record}
                click.echo(json.dumps(record, ensure_ascii=False))
                continue
            where = "" if name == "-" else f"{name}:"
            for m in matches:
                click.echo(
                    f"{where}{number}:{m.start + 1}: {m.text}  → {m.concept} ({m.en}) [{m.status}]"
                )
    return EXIT_OK
