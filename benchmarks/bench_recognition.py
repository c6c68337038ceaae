"""Recall and precision of term recognition on the hand-written sentence sets.

The sets (tests/data/recognition/{en,kk,ru}.tsv) give, for every sentence, each glossary term
it contains with its exact inflected surface, and include traps (ordinary words that look
like names, lower-case uses, derived words). Prints per language: sentences, expected matches,
true and false positives, misses, precision and recall, and lists every disagreement.

Run: `.venv/bin/python benchmarks/bench_recognition.py [--quiet]`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.recognition import LANGUAGES, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quiet", action="store_true", help="only the summary table")
    args = parser.parse_args()
    print(f"{'lang':<6}{'sentences':>10}{'expected':>10}{'found':>8}{'correct':>9}"
          f"{'precision':>11}{'recall':>8}")  # fmt: skip
    for lang in LANGUAGES:
        result = score(lang)
        print(
            f"{lang:<6}{result.sentences:>10}{result.expected:>10}{result.found:>8}"
            f"{result.correct:>9}{result.precision:>11.3f}{result.recall:>8.3f}"
        )
        if not args.quiet:
            for line, kind, item in result.disagreements:
                print(f"    {lang}:{line}: {kind}: {item}")


if __name__ == "__main__":
    main()
