"""Scoring term recognition against tests/data/recognition/*.tsv (shared by the test and the
benchmark script)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data" / "recognition"
LANGUAGES = ("en", "kk", "ru")


@dataclass
class Score:
    sentences: int = 0
    expected: int = 0
    found: int = 0
    correct: int = 0
    disagreements: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


def read_set(lang: str) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """(line number, sentence, [(concept, surface), ...]) for every sentence of a set."""
    rows = []
    for number, line in enumerate((DATA / f"{lang}.tsv").read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        sentence, _, expected = line.partition("\t")
        pairs = [tuple(item.split("=", 1)) for item in expected.split("|") if item.strip()]
        rows.append((number, sentence, pairs))
    return rows


def score(lang: str) -> Score:
    """Run the project glossary's matcher over the set of ``lang``."""
    from toolkit.glossary import load_glossary
    from toolkit.matching.forms import load_matcher

    glossary = load_glossary(Path(__file__).parent.parent / "glossary")
    matcher = load_matcher(glossary, lang)
    result = Score()
    for number, sentence, pairs in read_set(lang):
        expected = Counter(pairs)
        found = Counter((m.concept, m.text) for m in matcher.find(sentence))
        hits = expected & found
        result.sentences += 1
        result.expected += sum(expected.values())
        result.found += sum(found.values())
        result.correct += sum(hits.values())
        for item in (expected - found).elements():
            result.disagreements.append((number, "missed", "=".join(item)))
        for item in (found - expected).elements():
            result.disagreements.append((number, "false", "=".join(item)))
    return result
