"""The near-miss check (wrong_variant) on one huge entry dense with terms.

Issue 11: a 420 KB entry dense with terms took 37 s, most of it in ``near_misses``, which
compared every capitalised word with every recognised term of the entry (quadratic). Here the
same text at 1/10 and full size: near_misses should grow like the term matcher (the
baseline, linear), so both ratios printed stay about the same. Asserts nothing.

Run: `.venv/bin/python benchmarks/bench_near_misses.py [--kb 420]`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from toolkit.checks.base import Resources
from toolkit.checks.variants import near_misses
from toolkit.glossary import load_glossary

PROJECT = Path(__file__).resolve().parent.parent
#: Kazakh words: glossary names (recognised), capitalised ordinary words, lower-case words
WORDS = ("Алматыда", "Шыңжаңнан", "Атажұрт", "Еріктілері", "Сақтау", "Қайта", "Келесі",
         "Біз", "кездесті", "және", "Қытайдан", "Астанада", "Жиын")  # fmt: skip


def median_time(func, runs: int = 3) -> float:
    """Median wall time of ``runs`` calls of ``func``."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=int, default=420, help="size of the entry in KB")
    args = parser.parse_args()
    resources = Resources(load_glossary(PROJECT / "glossary"))
    matcher = resources.matcher("kk")
    resources.variant_index("kk")
    sentence = " ".join(WORDS) + ". "
    for kb in (args.kb // 10, args.kb):
        text = sentence * (kb * 1024 // len(sentence.encode()))
        matches = matcher.find(text)
        taken = [(m.start, m.end) for m in matches]
        resources._variants.clear()  # no verdicts from the previous size
        resources.variant_index("kk")
        baseline = median_time(lambda text=text: matcher.find(text))
        measured = median_time(
            lambda text=text, taken=taken: near_misses(resources, "kk", text, taken)
        )
        print(f"{kb:5d} KB, {len(matches)} terms: matcher {baseline:.3f} s, near_misses "
              f"{measured:.3f} s = {measured / baseline:.2f}x the matcher")  # fmt: skip


if __name__ == "__main__":
    main()
