"""Format placeholders of c-format, python-format and python-brace-format entries.

Like Weblate's format checks and pofilter's ``printf``, the check runs only on entries flagged
for a format (``#, c-format``: xgettext adds the flag) and compares the arguments a
translation consumes with those of the source:

- C and Python ``%`` without names consume arguments in order: a translation that swaps
  ``%s … %d`` hands a number to ``%s`` (a crash in C). Reordering needs positions
  (``%2$d … %1$s``), which C allows and Python does not have;
- Python ``%(name)s`` and ``{name}`` take arguments by name: any order is fine.

A plural form used for one number only (form 0 of ``plural=(n != 1)``, which is n = 1) may
leave out the number, as gettext allows; Russian form 0 (1, 21, 31, …) may not. The rules are
those of ``msgfmt --check``, whose complaints about these three formats this check reports
with the placeholders named (see :mod:`toolkit.checks.po_syntax`).
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from toolkit.checks.base import Check, Problem, Unit
from toolkit.checks.registry import register

FORMATS = ("c-format", "python-format", "python-brace-format")

#: C: %[pos$][flags][width][.precision][length]conversion (glibc and gettext's extensions:
#: the ' and I flags, %m, <PRIxNN> macros)
_C = re.compile(
    r"%(?:(?P<pos>\d+)\$)?[-+ #0'I]*(?P<width>\*(?:\d+\$)?|\d+)?"
    r"(?:\.(?P<prec>\*(?:\d+\$)?|\d*))?(?P<len>hh|h|ll|l|L|q|j|z|Z|t)?"
    r"(?P<conv>[diouxXeEfFgGaAcsCSpnm%]|<PRI[diouxX][\w]*>)"
)
#: Python %: %[(name)][flags][width][.precision][length]conversion
_PYTHON = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-+ #0]*(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d*))?[hlL]?"
    r"(?P<conv>[diouxXeEfFgGcrsa%])"
)
#: Python {}: {field[.attr|[key]][!conversion][:spec]}; {{ and }} are braces
_BRACE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}!:.\[]*)[^{}]*\}")

#: C conversions that take the same kind of argument
_C_KIND = {**dict.fromkeys("di", "int"), **dict.fromkeys("ouxX", "unsigned"),
           **dict.fromkeys("eEfFgGaA", "double"), "c": "char", "C": "wchar", "s": "string",
           "S": "wide string", "p": "pointer", "n": "count pointer"}  # fmt: skip
_PYTHON_KIND = {**dict.fromkeys("diouxXeEfFgGc", "number"), **dict.fromkeys("rsa", "object")}


class Argument(NamedTuple):
    """What one placeholder consumes: the argument's key (position or name) and kind."""

    key: int | str
    kind: str
    text: str  # the placeholder as written


class FormatError(ValueError):
    """A format string that is not valid for its language (mixed positions and order)."""


def c_arguments(text: str) -> list[Argument]:
    """The arguments a C format string consumes, by position (1-based).

    >>> [(a.key, a.kind) for a in c_arguments("%s has %*d files, %%")]
    [(1, 'string'), (2, 'int'), (3, 'int')]
    >>> [(a.key, a.kind) for a in c_arguments("%2$d из %1$s")]
    [(2, 'int'), (1, 'string')]
    >>> try:
    ...     c_arguments("%2$s")
    ... except FormatError as error:
    ...     print(error)
    uses argument 2 but not argument 1, which C cannot skip
    """
    found: list[Argument] = []
    numbered = unnumbered = False
    for match in _C.finditer(text):
        conv = match["conv"]
        if conv in "%m":
            continue
        kind = "int" if conv.startswith("<") else _C_KIND[conv]
        kind = f"{match['len']} {kind}" if match["len"] else kind
        for star in (match["width"], match["prec"]):
            if star and star.startswith("*"):
                if star[1:]:
                    numbered = True
                    found.append(Argument(int(star[1:-1]), "int", match.group()))
                else:
                    unnumbered = True
                    found.append(Argument(len(found) + 1, "int", match.group()))
        if match["pos"]:
            numbered = True
            found.append(Argument(int(match["pos"]), kind, match.group()))
        else:
            unnumbered = True
            found.append(Argument(len(found) + 1, kind, match.group()))
    if numbered and unnumbered:
        raise FormatError("mixes numbered (%1$s) and unnumbered (%s) placeholders")
    if numbered:  # printf walks the arguments in order: it cannot step over one
        used = {a.key for a in found}
        skipped = sorted(set(range(1, max(used) + 1)) - used)
        if skipped:
            raise FormatError(
                f"uses argument {max(used)} but not argument {skipped[0]}, which C cannot skip"
            )
    return found


def python_arguments(text: str) -> list[Argument]:
    """The arguments a Python %-format string consumes: by name, or by order.

    >>> [(a.key, a.kind) for a in python_arguments("%(name)s is %(age)d, 100%%")]
    [('name', 'object'), ('age', 'number')]
    """
    found: list[Argument] = []
    for match in _PYTHON.finditer(text):
        if match["conv"] == "%":
            continue
        kind = _PYTHON_KIND[match["conv"]]
        if match["name"] is not None:
            found.append(Argument(match["name"], kind, match.group()))
            continue
        for star in (match["width"], match["prec"]):
            if star == "*":
                found.append(Argument(len(found) + 1, "number", match.group()))
        found.append(Argument(len(found) + 1, kind, match.group()))
    if len({isinstance(a.key, str) for a in found}) > 1:
        raise FormatError("mixes named (%(name)s) and unnamed (%s) placeholders")
    return found


def brace_arguments(text: str) -> list[Argument]:
    """The fields a Python str.format string uses, by name or index ({} counts up).

    >>> [a.key for a in brace_arguments("{name} has {0} and {} {{not}}")]
    ['name', 0, 0]
    """
    found: list[Argument] = []
    auto = 0
    for match in _BRACE.finditer(text):
        field = match["field"]
        if field is None:
            continue  # {{ or }}
        if field == "":
            key: int | str = auto
            auto += 1
        else:
            key = int(field) if field.isdigit() else field
        found.append(Argument(key, "field", match.group()))
    return found


PARSERS = {"c-format": c_arguments, "python-format": python_arguments,
           "python-brace-format": brace_arguments}  # fmt: skip
_PATTERNS = {"c-format": _C, "python-format": _PYTHON, "python-brace-format": _BRACE}


def format_of(flags: tuple[str, ...] | list[str]) -> str | None:
    """The format language an entry's flags declare (None: plain text, or ``no-…-format``).

    >>> format_of(("fuzzy", "c-format")), format_of(("no-c-format",))
    ('c-format', None)
    """
    kind = next((f for f in FORMATS if f in flags), None)
    return None if kind is None or f"no-{kind}" in flags else kind


def placeholder_spans(text: str, kind: str) -> Iterator[tuple[int, int]]:
    """Where the placeholders of format ``kind`` stand in ``text`` (start, end).

    >>> list(placeholder_spans("Idle %dd %02dm", "c-format"))
    [(5, 7), (9, 13)]
    """
    for match in _PATTERNS[kind].finditer(text):
        yield match.span()


@lru_cache(maxsize=64)
def single_number_forms(plural_forms: str) -> frozenset[int]:
    """Plural form indexes used for exactly one n in 0..1000 (they may leave the number out).

    >>> sorted(single_number_forms("nplurals=2; plural=(n != 1);"))
    [0]
    >>> sorted(single_number_forms("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1);"))
    []
    """
    found = re.search(r"plural\s*=\s*([^;]+)", plural_forms)
    if not found:
        return frozenset()
    try:
        rule = gettext.c2py(found.group(1).strip())
    except (ValueError, SyntaxError, RecursionError):
        return frozenset()  # msgfmt --check judges an invalid rule (po_syntax)
    uses = Counter(rule(n) for n in range(1001))
    return frozenset(form for form, count in uses.items() if count == 1)


def compare(source: list[Argument], target: list[Argument], fmt: str) -> list[str]:
    """What is wrong with ``target``'s placeholders against ``source``'s (empty: nothing).

    >>> compare(c_arguments("%s has %d"), c_arguments("%d у %s"), "c-format")
    ['reordered without positions: %s … %d became %d … %s; reorder with positions (%2$d … %1$s)']
    >>> compare(c_arguments("%s of %s"), c_arguments("%2$s из %1$s"), "c-format")
    []
    >>> compare(python_arguments("%(n)d in %(dir)s"), python_arguments("%(n)d"), "python-format")
    ['%(dir)s is missing']
    >>> compare(c_arguments("%s of %s"), c_arguments("%1$s"), "c-format")
    ['%s (argument 2) is missing']
    """
    wanted = {a.key: a for a in source}
    have = {a.key: a for a in target}
    missing = [_named(a) for key, a in wanted.items() if key not in have]
    extra = [_named(a) for key, a in have.items() if key not in wanted]
    differ = [
        (a, wanted[key]) for key, a in have.items() if key in wanted and a.kind != wanted[key].kind
    ]
    if differ and not missing and not extra and _kinds(source) == _kinds(target):
        advice = (
            "reorder with positions (%2$d … %1$s)"
            if fmt == "c-format"
            else "unnamed placeholders cannot be reordered: use names (%(count)d)"
        )
        order = " … ".join(a.text for a in source), " … ".join(a.text for a in target)
        return [f"reordered without positions: {order[0]} became {order[1]}; {advice}"]
    problems = [f"{text} is missing" for text in missing]
    problems += [f"{text} is not in the source" for text in extra]
    problems += [f"{a.text} takes the {b.kind} argument of {b.text}" for a, b in differ]
    return problems


def _named(argument: Argument) -> str:
    """A placeholder as the user finds it: numbered arguments say which (the second %s)."""
    if isinstance(argument.key, int) and not argument.text.startswith("{"):
        return f"{argument.text} (argument {argument.key})"
    return argument.text


def _kinds(arguments: list[Argument]) -> Counter[str]:
    return Counter(a.kind for a in arguments)


@register
class Placeholders(Check):
    id = "placeholders"
    name = "Format placeholders"
    description = (
        "In c-format, python-format and python-brace-format entries the translation consumes "
        "the same arguments as the source: none missing or extra, none reordered without "
        "positions (%s … %d swapped is a crash in C; %2$d … %1$s may reorder; %(name)s and "
        "{name} go by name). A plural form used for one number only may leave the number out. "
        "A warning in fuzzy entries (msgfmt leaves them out)."
    )

    def problems(self, unit: Unit) -> Iterator[Problem]:
        entry = unit.entry
        kind = format_of(entry.flags)
        if kind is None:
            return
        parse = PARSERS[kind]
        severity = "warning" if entry.fuzzy else None
        try:
            source = parse(entry.msgid_plural or entry.msgid)
        except FormatError as error:
            yield Problem(f"the source is not a valid {kind} string: {error}", severity=severity)
            return
        may_omit: frozenset[int] = frozenset()
        if entry.msgid_plural:
            may_omit = single_number_forms(unit.catalog.metadata.get("Plural-Forms", ""))
        forms = sorted(entry.msgstr_plural.items()) if entry.msgid_plural else [(0, entry.msgstr)]
        for index, text in forms:
            where = f"msgstr[{index}]: " if entry.msgid_plural else ""
            try:
                target = parse(text)
            except FormatError as error:
                yield Problem(f"{where}not a valid {kind} string: {error}", severity=severity)
                continue
            wanted = source
            if index in may_omit:  # the number may go, the rest must stay
                present = {a.key for a in target}
                wanted = [a for a in source if a.key in present or a.kind not in _NUMBERS]
            problems = compare(wanted, target, kind)
            if problems:
                yield Problem(f"{where}{kind} placeholders differ: " + "; ".join(problems),
                              severity=severity)  # fmt: skip


#: argument kinds that can be the number n of a plural entry
_NUMBERS = frozenset({"int", "unsigned", "l int", "l unsigned", "ll int", "ll unsigned",
                      "z unsigned", "j int", "number", "field", "object"})  # fmt: skip
