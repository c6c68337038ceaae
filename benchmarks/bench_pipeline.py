"""The article pipeline on a synthetic archive: extract, update, build, end to end.

Targets (issue 6): report articles/s and peak memory for 1,000 articles; a second `update`
with nothing changed >= 10x faster than the first (it is incremental). Each step runs as the
`toolkit` command, as a newsroom would run it; peak memory is the largest resident size of
those processes. Prints figures; asserts nothing.

Run: `.venv/bin/python benchmarks/bench_pipeline.py [--articles N]`.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "A court in Almaty fined Serikzhan Bilash {n},000 tenges on February {d}, 2019.",
    "Ethnic Kazakhs from Xinjiang settled in Kazakhstan, the group said.",
    "Atazhurt Eriktileri asked the Justice Ministry to register it for the {d}th time.",
    "The United Nations said some {n} people were held in *reeducation camps*.",
    "Relatives of kandases met in Astana and Shymkent in {y}.",
    "Read the [statement](https://www.ohchr.org/) of the Working Group on Arbitrary Detention.",
]


def write_archive(folder: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    for i in range(count):
        paragraphs = []
        for _ in range(rng.randint(4, 8)):
            sentences = [
                rng.choice(SENTENCES).format(
                    n=rng.randint(2, 900), d=rng.randint(1, 28), y=rng.randint(1992, 2024)
                )
                for _ in range(rng.randint(1, 3))
            ]
            paragraphs.append(" ".join(sentences))
        body = "\n\n## Background\n\n".join(
            ["\n\n".join(paragraphs[:2]), "\n\n".join(paragraphs[2:])]
        )
        (folder / f"story-{i:04d}.md").write_text(
            f"---\nslug: story-{i:04d}\ntitle: Story number {i} from Almaty\n"
            f"date: 2019-02-13\ndateline: ALMATY, Kazakhstan\nbyline: Desk\n---\n\n{body}\n",
            encoding="utf-8",
        )


def run(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed: {result.stderr[-400:]}")
    return time.perf_counter() - t0


def fill_translations(locales: Path) -> None:
    """Identity 'translations' so that build renders translated text (not timed)."""
    import polib

    for lang in ("kk", "ru"):
        for path in (locales / lang / "LC_MESSAGES").glob("*.po"):
            po = polib.pofile(str(path), wrapwidth=79)
            for entry in po:
                entry.msgstr = entry.msgid
            po.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    toolkit = str(Path(sys.executable).with_name("toolkit"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "newsroom"
        (root / "articles").mkdir(parents=True)
        (root / "pyproject.toml").write_text('[project]\nname = "archive"\nversion = "0"\n')
        write_archive(root / "articles", args.articles)
        env = dict(os.environ, TOOLKIT_CACHE_DIR=str(Path(tmp) / "cache"),
                   TOOLKIT_GLOSSARY=str(PROJECT / "glossary"))  # fmt: skip
        times = {}
        times["extract"] = run([toolkit, "extract"], root, env)
        times["update (first)"] = run([toolkit, "update"], root, env)
        times["update (again, nothing changed)"] = run([toolkit, "update"], root, env)
        fill_translations(root / "locales")
        times["update (after translating)"] = run([toolkit, "update"], root, env)
        times["build"] = run([toolkit, "build"], root, env)
        times["build (again)"] = run([toolkit, "build"], root, env)
        segments = sum(
            1 for _ in (root / "locales" / "templates").glob("*.pot")
        )  # one template per article
        built = len(list((root / "build").glob("*")))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n = args.articles
    print(f"synthetic archive: {n} articles, {segments} templates, {built} built files")
    for step, seconds in times.items():
        print(f"  {step:<34}{seconds:7.2f} s  {n / seconds:8.1f} articles/s")
    end_to_end = times["extract"] + times["update (first)"] + times["build"]
    print(
        f"  {'extract + update + build':<34}{end_to_end:7.2f} s  {n / end_to_end:8.1f} articles/s"
    )
    ratio = times["update (first)"] / times["update (again, nothing changed)"]
    print(f"  second update / first: {ratio:.1f}x faster  (target >= 10x)")
    print(f"  peak resident memory of a step: {peak:.0f} MB")


if __name__ == "__main__":
    main()
