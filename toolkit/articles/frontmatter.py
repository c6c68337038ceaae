"""An article's YAML front matter: its fields, checked, with the lines they are on."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import yaml

from toolkit.articles.localize import BYLINE_LANGUAGES
from toolkit.errors import InputError
from toolkit.yaml_guard import find_unsafe_yaml

TRANSLATED_FIELDS = ("title", "dateline")  # translated; the others are carried over
REQUIRED_FIELDS = ("slug", "title", "date")


@dataclass
class FrontMatter:
    meta: dict
    body_start: int  # index of the first line after the closing ---
    translated: list[tuple[str, str, int]]  # (field, text, line) of the translated fields


def read_front_matter(path: Path, shown: str, lines: list[str]) -> FrontMatter:
    """The front matter of an article's ``lines``; errors name ``shown`` and the line."""

    def fail(line: int, message: str) -> InputError:
        return InputError(message, path=shown, line=line)

    if not lines or lines[0].strip() != "---":
        raise fail(1, "no YAML front matter (the file must start with a --- line)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise fail(1, "front matter is not closed by a --- line") from None

    def key_line(key: str) -> int:
        """The line of ``key:`` in the front matter (1 when not found)."""
        return next((i + 1 for i in range(1, end) if lines[i].startswith(f"{key}:")), 1)

    source = "\n".join(lines[1:end])
    try:
        unsafe = find_unsafe_yaml(source)  # an alias bomb or deep nesting, before loading
        if unsafe is not None:
            problem, line = unsafe
            raise fail(line + 1, problem)
        # BaseLoader: every scalar stays a string, so a bad date or an odd value is ours
        # to report with its line, not a constructor's exception.
        meta = yaml.load(source, Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            line = mark.line + 2
        else:  # a reader error: a character YAML does not allow
            position = getattr(exc, "position", 0) or 0
            line = source[:position].count("\n") + 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise fail(line, f"front matter YAML: {problem}") from exc
    if not isinstance(meta, dict):
        raise fail(2, "front matter must be a mapping (key: value)")
    for key in REQUIRED_FIELDS:
        if not meta.get(key):
            raise fail(1, f"front matter has no {key!r}")
    try:
        datetime.date.fromisoformat(str(meta["date"]))
    except ValueError:
        raise fail(key_line("date"), f"date {meta['date']!r} is not a date (YYYY-MM-DD)") from None
    if str(meta["slug"]) != path.stem:
        raise fail(2, f"slug {meta['slug']!r} differs from the file name {path.stem!r}")
    _check_localized_fields(meta, key_line, fail)
    translated = [(key, str(meta[key]), key_line(key)) for key in TRANSLATED_FIELDS if key in meta]
    return FrontMatter(meta, end + 1, translated)


def _check_localized_fields(meta: dict, key_line, fail) -> None:
    """``tags`` is a list of strings; ``byline`` a string or a mapping language → string."""
    tags = meta.get("tags")
    if tags is not None and not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        raise fail(key_line("tags"), "tags must be a list of strings: tags: [Kazakhstan, courts]")
    byline = meta.get("byline")
    if byline is None or isinstance(byline, str):
        return
    if not isinstance(byline, dict):
        raise fail(key_line("byline"), "byline must be a string or a mapping language: name")
    for lang, value in byline.items():
        if lang not in BYLINE_LANGUAGES:
            known = ", ".join(BYLINE_LANGUAGES)
            raise fail(key_line("byline"), f"byline language {lang!r} is not one of {known}")
        if not isinstance(value, str):
            raise fail(key_line("byline"), f"byline {lang}: must be a string")
