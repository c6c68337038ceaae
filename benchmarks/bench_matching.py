"""Term recognition speed: our Aho-Corasick matcher against a regex trie of the same forms.

Target (issue 5): scanning text against a 10,000-term synthetic glossary (all generated
surface forms included) at >= 1.0x the speed of a regex-trie baseline built from the same
forms, both honouring word boundaries. Prints MB/s of each and the ratio; asserts nothing.

Run: `.venv/bin/python benchmarks/bench_matching.py [--terms N] [--mb M]`.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_glossary import write_synthetic_glossary

from toolkit.glossary import load_glossary
from toolkit.matching.forms import build_index
from toolkit.matching.matcher import Match, TermMatcher, _best
from toolkit.matching.normalize import fold
from toolkit.translit.glossary_terms import trie_pattern


class RegexTrieMatcher:
    """The baseline: the same forms as one regex trie (longest alternative first), with the
    same word boundaries, case rule and output as :class:`TermMatcher`."""

    def __init__(self, index: dict, english: dict):
        self.english = english
        self.pairs = {}
        for form, candidates in index.items():
            lower_ok = [c for c in candidates if not c.needs_capital]
            key = fold(form)
            self.pairs[key] = (_best(candidates), _best(lower_ok) if lower_ok else None)
        trie = trie_pattern(sorted(self.pairs))
        self.pattern = re.compile(r"(?<![^\W_])(?:" + trie + r")(?![^\W_])")

    def find(self, text: str) -> list[Match]:
        folded = fold(text)
        english, pairs, new_match = self.english, self.pairs, tuple.__new__
        matches = []
        for m in self.pattern.finditer(folded):
            start, end = m.span()
            pair = pairs[m.group()]
            best = pair[0] if text[start].isupper() else pair[1]
            if best is not None:
                concept = best[0]
                matches.append(
                    new_match(Match, (concept, english.get(concept, ""), start, end,
                                      text[start:end], best[1], best[2]))
                )  # fmt: skip
        return matches


def synthetic_text(forms: list[str], megabytes: float, seed: int = 3) -> str:
    """Sentences of filler words with a glossary form every few words."""
    rng = random.Random(seed)
    filler = ["және", "бойынша", "туралы", "үшін", "сот", "мен", "бұл", "жылы", "деді", "оның"]
    words: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        word = rng.choice(forms) if rng.random() < 0.2 else rng.choice(filler)
        words.append(word)
        size += len(word.encode()) + 1
    return " ".join(words)


def median_time(func, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terms", type=int, default=10_000, help="concepts (one kk term each+)")
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes of text to scan")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "glossary"
        folder.mkdir()
        write_synthetic_glossary(folder, args.terms)
        glossary = load_glossary(folder, use_cache=False)
    t0 = time.perf_counter()
    index = build_index(glossary, "kk")
    build_s = time.perf_counter() - t0
    terms = sum(len(c.terms["kk"]) for c in glossary)
    matcher = TermMatcher(index, {c.id: c.preferred_text("en") for c in glossary})

    forms = sorted(index)
    print(f"glossary: {len(glossary)} concepts, {terms} kk terms, {len(forms)} surface forms")
    print(f"  form generation: {build_s:.2f} s")

    text = synthetic_text(forms, args.mb)
    megabytes = len(text.encode()) / 1e6
    lines = [text[i : i + 2000] for i in range(0, len(text), 2000)]

    english = {c.id: c.preferred_text("en") for c in glossary}
    t0 = time.perf_counter()
    baseline_matcher = RegexTrieMatcher(index, english)
    print(f"  regex trie compiled in {time.perf_counter() - t0:.2f} s")

    def ours() -> list:
        return [matcher.find(line) for line in lines]

    def baseline() -> list:
        return [baseline_matcher.find(line) for line in lines]

    ours_s, ours_out = median_time(ours, args.runs)
    base_s, base_out = median_time(baseline, args.runs)
    differing = sum(a != b for a, b in zip(ours_out, base_out, strict=True))
    found = sum(map(len, ours_out))
    print(f"text: {megabytes:.1f} MB in {len(lines)} lines, {found} terms found")
    print(f"  Aho-Corasick matcher: {megabytes / ours_s:6.2f} MB/s")
    print(f"  regex trie baseline:  {megabytes / base_s:6.2f} MB/s")
    print(f"  lines where the two disagree: {differing}")
    print(f"  ratio ours / baseline: {base_s / ours_s:.2f}x  (target >= 1.0x)")


if __name__ == "__main__":
    main()
