"""`toolkit check` against translate-toolkit's `pofilter` on the same 10,000-entry PO file.

Target (issues 5 and 12): >= 5x faster than pofilter, warm; the first check of a catalogue
(new entries) as fast as the profile allows. Both run as commands, as a user would run them;
`toolkit check` is timed warm (its compiled glossary, term forms and the findings of unchanged
entries cached, as when a catalogue is checked again), with new entries (the glossary cached,
no findings kept: a catalogue checked for the first time) and cold (empty cache). pofilter
runs its default checks; the toolkit all of its checks. Prints times and ratios; asserts nothing.

Needs translate-toolkit (`pip install translate-toolkit`) for pofilter.
Run: `.venv/bin/python benchmarks/bench_check.py [--entries N] [--runs N] [--jobs 2 4]`;
`--toolkit 'CMD'` times another checkout's command. CPU time is printed beside wall time: on
a shared machine it is the steadier of the two. For --jobs it leaves out the workers: they
are children of the fork server, which is not waited for the way the command is.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
#: (English, Russian) sentence patterns; {a}/{b} take glossary names in the right case.
PATTERNS = [
    ("The court in {a} fined the activist 252,000 tenges ($670).",
     "Суд в {a_loc} оштрафовал активиста на 252 000 тенге (670 долларов)."),
    ("Relatives of ethnic Kazakhs from {b} met in {a} on February 13.",
     "Родственники этнических казахов из {b_gen} встретились в {a_loc} 13 февраля."),
    ("Some 40 percent of the 22 million residents of {b} are Han.",
     "Около 40 процентов из 22 млн жителей {b_gen} составляют ханьцы."),
    ("Repatriates from {b} settled in {a} in 2019.",
     "Оралманы из {b_gen} поселились в {a_loc} в 2019 году."),
]  # fmt: skip
PLACES_A = [("Almaty", "Алматы"), ("Astana", "Астане"), ("Shymkent", "Шымкенте")]
PLACES_B = [("Xinjiang", "Синьцзяна"), ("China", "Китая"), ("Mongolia", "Монголии")]


def write_po(path: Path, entries: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Language: ru\\n"',
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
        'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"',
        "",
    ]
    for i in range(entries):
        en, ru = rng.choice(PATTERNS)
        (a_en, a_loc), (b_en, b_gen) = rng.choice(PLACES_A), rng.choice(PLACES_B)
        msgid = f"{en.format(a=a_en, b=b_en)} ({i})"
        msgstr = f"{ru.format(a_loc=a_loc, b_gen=b_gen)} ({i})"
        lines += [f"#: archive.md:{i + 1}", f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def timed(
    command: list[str], env: dict[str, str], runs: int, prepare: Callable[[], None] | None = None
) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system of the command and its
    child processes) of ``runs`` runs; ``prepare`` is called (untimed) before each."""
    walls, cpus = [], []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--jobs", type=int, nargs="*", default=[], help="also time `toolkit check --jobs N`"
    )
    parser.add_argument(
        "--toolkit",
        default=str(Path(sys.executable).parent / "toolkit"),
        help="the toolkit command to time (e.g. 'python -m toolkit' of another checkout)",
    )
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    pofilter = shutil.which("pofilter", path=str(bin_dir)) or shutil.which("pofilter")
    if pofilter is None:
        sys.exit("bench_check: pofilter not found; install translate-toolkit")
    with tempfile.TemporaryDirectory() as tmp:
        po = Path(tmp) / "archive.po"
        write_po(po, args.entries)
        env = dict(os.environ, TOOLKIT_CACHE_DIR=str(Path(tmp) / "cache"))
        toolkit = [*shlex.split(args.toolkit), "--glossary", str(PROJECT / "glossary"), "check"]
        check = [*toolkit, "--format", "json", "-o", str(Path(tmp) / "findings.json"), str(po)]
        cold = timed(check, env, 1)  # builds the cache
        warm = timed(check, env, args.runs)
        cache = Path(tmp) / "cache"
        # the glossary cached, the entries new: what the first check of a catalogue costs
        fresh = timed(check, env, args.runs, prepare=lambda: _forget_results(cache))
        theirs = timed([pofilter, "-i", str(po), "-o", str(Path(tmp) / "out.po")], env, args.runs)
        found = (Path(tmp) / "findings.json").read_text(encoding="utf-8").count('"check":')
        parallel = {n: timed([*check[:-1], "--jobs", str(n), str(po)], env, args.runs)
                    for n in args.jobs}  # fmt: skip
    print(f"PO file: {args.entries} entries (Russian, glossary names in inflected forms)")
    print(f"  {'':28} {'wall':>6} {'cpu':>6}  (seconds, median of {args.runs})")
    print(f"  {'toolkit check, cold cache':28} {cold[0]:6.2f} {cold[1]:6.2f}")
    print(f"  {'toolkit check, warm':28} {warm[0]:6.2f} {warm[1]:6.2f}  ({found} findings)")
    print(f"  {'toolkit check, new entries':28} {fresh[0]:6.2f} {fresh[1]:6.2f}")
    for n, (wall, cpu) in parallel.items():
        print(f"  {f'toolkit check --jobs {n}':28} {wall:6.2f} {cpu:6.2f}")
    print(f"  {'pofilter (default checks)':28} {theirs[0]:6.2f} {theirs[1]:6.2f}")
    print(f"  speed-up warm: {theirs[0] / warm[0]:.1f}x wall, {theirs[1] / warm[1]:.1f}x cpu;"
          f" new entries: {theirs[0] / fresh[0]:.1f}x wall, {theirs[1] / fresh[1]:.1f}x cpu;"
          f" cold: {theirs[0] / cold[0]:.1f}x wall  (target >= 5x)")  # fmt: skip
    for n, (wall, _) in parallel.items():
        print(f"  speed-up --jobs {n}: {theirs[0] / wall:.1f}x wall")


def _forget_results(cache: Path) -> None:
    """Remove the findings `toolkit check` keeps of unchanged entries (not the glossary)."""
    for kept in cache.glob("check-results-*"):
        kept.unlink()


if __name__ == "__main__":
    main()
