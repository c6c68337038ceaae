"""`toolkit find`: recognise glossary terms, in any inflected form, in text."""

from __future__ import annotations

import json
from typing import NamedTuple

import click

from toolkit.cli.main import EXIT_OK, Context
from toolkit.fileio import iter_text_lines
from toolkit.matching.forms import MATCH_LANGUAGES, load_matcher
from toolkit.matching.matcher import Match
from toolkit.translit import pinyin_names


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
@click.option(
    "--pinyin",
    is_flag=True,
    help="With --lang en: also report Chinese names written wholly in pinyin that the glossary "
    "does not have (status 'pinyin'), with their Russian (Palladius) and Kazakh spelling.",
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.pass_obj
def find(obj: Context, lang: str, fmt: str, pinyin: bool, files: tuple[str, ...]) -> int:
    """Find glossary terms in FILES (or standard input), inflected forms included.

    Russian case endings («в Синьцзяне»), Kazakh suffixes («Атажұрт еріктілерінің»,
    «Алматыда») and English plurals and possessives are recognised. Each term is reported
    with its concept, the preferred English term, and the status of the spelling used, so a
    deprecated spelling (оралман) shows up as such.

    \b
    jsonl: {"line": N, "matches": [{"concept", "en", "start", "end", "text", "status",
    "term"}]} with Python string offsets of the whole inflected surface form. With --pinyin,
    a pinyin name adds {"concept": null, "status": "pinyin", "ru": ..., "kk": ...}.
    """
    if pinyin and lang != "en":
        raise click.UsageError("--pinyin reads English text: use it with --lang en")
    matcher = load_matcher(obj.glossary(), lang, use_cache=obj.use_cache)
    for name in files or ("-",):
        for number, line in iter_text_lines(name):
            matches = matcher.find(line)
            names = _pinyin_names(line, matches) if pinyin else []
            if fmt == "jsonl":
                found = sorted([*matches, *names], key=lambda m: (m.start, m.end))
                record = {"line": number, "matches": [m.as_json() for m in found]}
                if name != "-":
                    record = {"file": name, **record}
                click.echo(json.dumps(record, ensure_ascii=False))
                continue
            where = "" if name == "-" else f"{name}:"
            shown = [(m.start, f"{m.text}  → {m.concept} ({m.en}) [{m.status}]") for m in matches]
            shown += [(n.start, f"{n.text}  → ru «{n.ru}», kk «{n.kk}» [pinyin]") for n in names]
            for start, what in sorted(shown, key=lambda item: item[0]):
                click.echo(f"{where}{number}:{start + 1}: {what}")
    return EXIT_OK


class PinyinMatch(NamedTuple):
    """A Chinese name in pinyin that the glossary does not have, as ``find`` reports it."""

    start: int
    end: int
    text: str
    ru: str
    kk: str

    def as_json(self) -> dict[str, object]:
        """The jsonl shape of a match, concept null, status "pinyin", plus ru and kk."""
        return {"concept": None, "en": self.text, "start": self.start, "end": self.end,
                "text": self.text, "status": "pinyin", "term": self.text, "ru": self.ru,
                "kk": self.kk}  # fmt: skip


def _pinyin_names(line: str, matches: list[Match]) -> list[PinyinMatch]:
    """The pinyin names of ``line`` that no glossary term covers."""
    kazakh = {(n.start, n.end): n.target for n in pinyin_names(line, "zh-pinyin-kk")}
    return [
        PinyinMatch(n.start, n.end, n.text, n.target, kazakh.get((n.start, n.end), n.target))
        for n in pinyin_names(line, "zh-pinyin-ru")
        # a name the glossary knows (Beijing) is reported by its own match
        if not any(m.start < n.end and n.start < m.end for m in matches)
    ]
