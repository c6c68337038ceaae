"""Glossary loading and CLI start-up, measured against baselines taken in the same run.

Targets (issue 3):
- a synthetic 10,000-concept glossary, loaded as every command loads it (cli.main.Context):
  warm load (compiled cache) <= 0.2 s and <= 10 % of the first load (YAML); peak resident
  memory <= 300 MB;
- `toolkit --version` <= 5x `python -c pass`.

Run: `.venv/bin/python benchmarks/bench_glossary.py [--concepts N]`. Prints figures and ratios;
asserts nothing (timings belong in reports, not in tests).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KK_LETTERS = "аәбгғдежзийкқлмнңоөпрстуұүфхһшыі"
RU_LETTERS = "абвгдежзийклмнопрстуфхцчшщыэюя"
EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
DOMAINS = ["people", "organizations", "places", "legal", "social", "ethnonyms", "institutions"]


def word(rng: random.Random, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(4, 10)))


def term_block(rng: random.Random, letters: str, capital: bool, grammar: str = "") -> str:
    words = [word(rng, letters) for _ in range(rng.randint(1, 3))]
    text = " ".join(w.capitalize() if capital else w for w in words)
    lines = [f"      - {{term: {text}, status: preferred{grammar}}}"]
    if rng.random() < 0.4:
        lines.append(f"      - {{term: {word(rng, letters)}, status: deprecated, note: old}}")
    return "\n".join(lines)


def write_synthetic_glossary(folder: Path, concepts: int, seed: int = 7) -> None:
    """Write ``concepts`` random but well-formed concepts, spread over the domain files."""
    rng = random.Random(seed)
    per_file: dict[str, list[str]] = {d: [] for d in DOMAINS}
    for i in range(concepts):
        domain = DOMAINS[i % len(DOMAINS)]
        capital = domain in ("people", "places", "organizations")
        ru_extra = ", indeclinable: true" if rng.random() < 0.1 else ""
        per_file[domain].append(
            f"- id: concept-{i}\n"
            f"  domain: {domain}\n"
            f"  note: Synthetic concept number {i} for the loading benchmark.\n"
            f"  sources: [synthetic]\n"
            f"  terms:\n"
            f"    en:\n{term_block(rng, EN_LETTERS, capital)}\n"
            f"    kk:\n{term_block(rng, KK_LETTERS, capital)}\n"
            f"    ru:\n{term_block(rng, RU_LETTERS, capital, ru_extra)}\n"
        )
    for domain, entries in per_file.items():
        (folder / f"{domain}.yaml").write_text("\n".join(entries), encoding="utf-8")


CHILD = """
import json, resource, sys, time
t0, cpu0 = time.perf_counter(), time.process_time()
from pathlib import Path
from toolkit.cli.main import Context  # as every command loads it
g = Context(Path(sys.argv[1]), use_cache=sys.argv[2] == "warm").glossary()
elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "cpu": cpu, "concepts": len(g), "peak_mb": peak_kb / 1024}))
"""


def load_in_child(folder: Path, mode: str, env: dict[str, str]) -> dict[str, float]:
    """Load in a fresh interpreter, so each figure includes imports and its own peak memory."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), mode],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return json.loads(out)


def best_of(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "glossary"
        folder.mkdir()
        write_synthetic_glossary(folder, args.concepts)
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        env = dict(os.environ, TOOLKIT_CACHE_DIR=str(Path(tmp) / "cache"))

        cold = [load_in_child(folder, "cold", env) for _ in range(max(1, args.runs // 2))]
        warm = [load_in_child(folder, "warm", env) for _ in range(args.runs)]
        cold_s = statistics.median(r["seconds"] for r in cold)
        warm_s = statistics.median(r["seconds"] for r in warm)
        # CPU time too: on a busy machine the wall time includes waiting for a core
        cold_cpu = statistics.median(r["cpu"] for r in cold)
        warm_cpu = statistics.median(r["cpu"] for r in warm)
        peak = max(r["peak_mb"] for r in cold + warm)
        print(f"synthetic glossary: {cold[0]['concepts']} concepts, {size_mb:.1f} MB of YAML")
        print(
            f"  first load (YAML, no cache): {cold_s:.3f} s, CPU {cold_cpu:.3f} s "
            f"(median of {len(cold)})"
        )
        print(
            f"  warm load (compiled cache):  {warm_s:.3f} s, CPU {warm_cpu:.3f} s "
            f"(median of {len(warm)})"
        )
        print(f"  warm / first:                {warm_s / cold_s:.3f}  (target <= 0.10)")
        print(f"  warm load under 0.2 s:       {'yes' if warm_s <= 0.2 else 'NO'}")
        print(f"  peak resident memory:        {peak:.0f} MB  (target <= 300)")

    toolkit = str(Path(sys.executable).with_name("toolkit"))
    base = best_of([sys.executable, "-c", "pass"], args.runs * 2)
    version = best_of([toolkit, "--version"], args.runs * 2)
    print("start-up:")
    print(f"  python -c pass:     {base * 1000:.1f} ms (best of {args.runs * 2})")
    print(f"  toolkit --version:  {version * 1000:.1f} ms")
    print(f"  ratio:              {version / base:.2f}x  (target <= 5x)")


if __name__ == "__main__":
    main()
