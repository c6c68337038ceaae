"""Consistency checks of a loaded glossary: what a terminologist must fix, with file and line.

Structural errors never get here (the loader raises them); lint finds what is well-formed but
wrong: a language without a preferred term, the same term preferred by two concepts, a kk-Latn
spelling that is not the 2021 transliteration, a CLDR name not followed, missing sources.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.fileio import CONTROL_CHARACTERS, display_path
from toolkit.glossary.cldr import CLDR_LANGUAGES, cldr_name
from toolkit.glossary.model import REQUIRED_LANGUAGES, Concept, Glossary, Term
from toolkit.translit import KK_LATIN

#: Letters of Kazakh Cyrillic that Russian does not have.
KAZAKH_ONLY_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
#: The script every letter of a term in this language must be written in.
LANGUAGE_SCRIPT = {"en": "LATIN", "kk": "CYRILLIC", "kk-Latn": "LATIN", "ru": "CYRILLIC"}


@dataclass(frozen=True, slots=True, order=True)
class LintIssue:
    """One problem in the glossary, at a file and line."""

    path: str
    line: int
    severity: str  # "error" | "warning"
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message} [{self.code}]"


def lint(glossary: Glossary, derive_latin: Callable[[str], str]) -> list[LintIssue]:
    """Every problem of ``glossary``, sorted by file and line.

    ``derive_latin`` is the kk → kk-Latn transliteration the kk-Latn terms are checked against.
    """
    issues: list[LintIssue] = []
    for concept in glossary:
        issues.extend(_concept_issues(concept, derive_latin))
    issues.extend(_shared_terms(glossary))
    return sorted(issues)


def _issue(c: Concept, line: int, severity: str, code: str, message: str) -> LintIssue:
    return LintIssue(display_path(c.path), line or c.line, severity, code, f"{c.id}: {message}")


def control_character(text: str) -> str | None:
    """The first control character of ``text`` as ``U+XXXX`` (None when it has none).

    >>> control_character("a\\x00b"), control_character("line\\nbreak\\tand tab")
    ('U+0000', None)
    """
    found = CONTROL_CHARACTERS.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def _control_characters(c: Concept) -> Iterator[LintIssue]:
    texts = [(c.line, "note", c.note or ""), *((c.line, "source", s) for s in c.sources)]
    for term in c.all_terms():
        if not term.derived:
            texts += [(term.line, f"{term.lang} term", t) for t in (term.text, *term.forms)]
            texts += [(term.line, f"{term.lang} term note", term.note or "")]
    for line, what, text in texts:
        found = control_character(text)
        if found:
            yield _issue(c, line, "error", "control-character",
                         f"{what} {text!r} has the control character {found}")  # fmt: skip


def _concept_issues(c: Concept, derive_latin: Callable[[str], str]) -> Iterator[LintIssue]:
    yield from _control_characters(c)
    stem = Path(c.path).stem
    if c.domain != stem:
        yield _issue(c, c.line, "error", "domain-file", f"domain {c.domain!r} is in {stem}.yaml")
    if not c.sources:
        yield _issue(
            c, c.line, "error", "no-source", "no sources: say where the spellings come from"
        )
    yield from _preferred_counts(c)
    yield from _repeated_terms(c)
    for term in c.all_terms():
        yield from _term_text_issues(c, term)
        yield from _term_flag_issues(c, term)
    yield from _latin_issues(c, derive_latin)
    yield from _cldr_issues(c)


def _preferred_counts(c: Concept) -> Iterator[LintIssue]:
    languages = [*REQUIRED_LANGUAGES, *(["kk-Latn"] if "kk-Latn" in c.lang_lines else [])]
    for lang in languages:
        preferred = [t for t in c.terms.get(lang, ()) if t.status == "preferred"]
        line = c.lang_lines.get(lang, c.line)
        if not preferred:
            yield _issue(c, line, "error", "no-preferred", f"no preferred {lang} term")
        elif len(preferred) > 1:
            names = ", ".join(repr(t.text) for t in preferred)
            message = (
                f"{len(preferred)} preferred {lang} terms ({names}); "
                "keep one preferred and make the others admitted"
            )
            yield _issue(c, preferred[1].line, "error", "two-preferred", message)


def _repeated_terms(c: Concept) -> Iterator[LintIssue]:
    for lang, terms in c.terms.items():
        seen: set[str] = set()
        for term in terms:
            key = term.text.casefold()
            if key in seen and not term.derived:
                yield _issue(c, term.line, "error", "repeated-term", f"{lang} {term.text!r} twice")
            seen.add(key)


def _scripts(text: str) -> set[str]:
    return {unicodedata.name(ch, "?").split()[0] for ch in text if ch.isalpha()}


def _term_text_issues(c: Concept, term: Term) -> Iterator[LintIssue]:
    if term.derived:
        return  # reported on the kk term it comes from
    for text in (term.text, *term.forms):
        if text != " ".join(text.split()):
            yield _issue(c, term.line, "error", "whitespace", f"stray whitespace in {text!r}")
        foreign = _scripts(text) - {LANGUAGE_SCRIPT[term.lang]}
        if foreign:
            yield _issue(
                c, term.line, "error", "script", f"{term.lang} term {text!r} has "
                f"{'/'.join(sorted(foreign)).lower()} letters; {term.lang} is written in "
                f"{LANGUAGE_SCRIPT[term.lang].lower()}",
            )  # fmt: skip
        if term.lang == "ru" and KAZAKH_ONLY_LETTERS.intersection(text):
            yield _issue(
                c, term.line, "warning", "kazakh-letter-in-ru",
                f"Russian term {text!r} has Kazakh-only letters; Russian spelling uses "
                "к, г, н, у, о, а, и instead",
            )  # fmt: skip


def _term_flag_issues(c: Concept, term: Term) -> Iterator[LintIssue]:
    """A validity period that ends before it starts; ``require: false`` where it does
    nothing (only source, English, terms create requirements)."""
    if term.derived:
        return
    if term.valid_from and term.valid_until and term.valid_from >= term.valid_until:
        yield _issue(
            c, term.line, "error", "validity-period",
            f"{term.lang} {term.text!r}: valid_from {term.valid_from} is not before "
            f"valid_until {term.valid_until}",
        )  # fmt: skip
    if not term.require and term.lang != "en":
        yield _issue(
            c, term.line, "warning", "require-not-en",
            f"require: false on the {term.lang} term {term.text!r} changes nothing: only "
            "English (source) terms create requirements",
        )  # fmt: skip


def _latin_issues(c: Concept, derive_latin: Callable[[str], str]) -> Iterator[LintIssue]:
    given = [t for t in c.terms.get("kk-Latn", ()) if not t.derived]
    if not given:
        return
    expected = {derive_latin(t.text): t for t in c.terms.get("kk", ())}
    for term in given:
        if term.text in expected:
            if term.override:
                yield _issue(
                    c, term.line, "warning", "needless-override",
                    f"kk-Latn {term.text!r} equals the {KK_LATIN} transliteration; "
                    "its override is not needed",
                )  # fmt: skip
        elif not term.override:
            closest = sorted(expected, key=lambda e: _common_prefix(e, term.text), reverse=True)
            hint = f" ({KK_LATIN} gives {closest[0]!r})" if closest else ""
            yield _issue(
                c, term.line, "error", "kk-latn-mismatch",
                f"kk-Latn {term.text!r} is not the {KK_LATIN} transliteration of a kk term"
                f"{hint}; fix it or give override: with the reason",
            )  # fmt: skip
    if len(given) == len(expected) and all(t.text in expected and not t.override for t in given):
        yield _issue(
            c, c.lang_lines["kk-Latn"], "warning", "redundant-kk-latn",
            f"the kk-Latn block only repeats the {KK_LATIN} transliteration; it can be omitted",
        )  # fmt: skip


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _cldr_issues(c: Concept) -> Iterator[LintIssue]:
    if c.cldr is None:
        for term in c.all_terms():
            if term.cldr_override:
                yield _issue(
                    c, term.line, "warning", "cldr-override-unused",
                    "cldr_override on a concept without a cldr: code",
                )  # fmt: skip
        return
    for lang in CLDR_LANGUAGES:
        name = cldr_name(c.cldr.kind, c.cldr.code, lang)
        term = c.preferred(lang)
        if name is None:
            yield _issue(
                c, c.line, "error", "cldr-unknown",
                f"CLDR has no {lang} name for {c.cldr.kind} {c.cldr.code!r}",
            )  # fmt: skip
        elif term is not None and term.text != name and not term.cldr_override:
            yield _issue(
                c, term.line, "error", "cldr-disagrees",
                f"preferred {lang} term {term.text!r} differs from CLDR's {name!r} "
                f"({c.cldr.kind} {c.cldr.code}); use CLDR's name or give cldr_override: "
                "with the reason",
            )  # fmt: skip


def _shared_terms(glossary: Iterable[Concept]) -> Iterator[LintIssue]:
    """The same spelling in two concepts: an error when both prefer it, else a warning."""
    users: dict[tuple[str, str], list[tuple[Concept, Term]]] = defaultdict(list)
    for concept in glossary:
        for term in concept.all_terms():
            if not term.derived:
                users[term.lang, term.text.casefold()].append((concept, term))
    for (lang, _), uses in users.items():
        for i, (c, t) in enumerate(uses):
            earlier = [(oc, ot) for oc, ot in uses[:i] if oc.id != c.id]
            if not earlier:
                continue
            clash = next((u for u in earlier if u[1].status == t.status == "preferred"), None)
            other_c, other_t = clash or earlier[0]
            yield _issue(
                c, t.line, "error" if clash else "warning",
                "preferred-twice" if clash else "shared-term",
                f"{lang} term {t.text!r} ({t.status}) is also "
                f"{'an' if other_t.status[0] in 'aeiou' else 'a'} {other_t.status} term of "
                f"{other_c.id!r}",
            )  # fmt: skip
