"""`toolkit check --format json` on one huge entry: time must grow linearly with its length.

Each case is a PO file with a single entry, checked at 1/16, 1/4 and the whole of its size
as a user runs the command (a subprocess, warm cache; the fastest of --runs runs). The
start-up cost of the command (the same command on a one-sentence entry, measured in the
same run) is subtracted before the ratios are taken, since at 1/16 of the size it
dominates. Linear work gives time ratios close to the size ratios (4 and 16); quadratic
work about 16 and 256. `msgfmt --check` on the whole file is printed beside as a
yardstick, and the size of the JSON report with its findings.

Then each check alone, in-process, on the same entries (term matching timed apart, since
the checks share it): which check dominates and whether each is linear.

Cases:
- dense: a 420 KB translation dense with glossary names (some deprecated), numbers and
  mixed-script words, its English source about as long;
- mixed-16k, mixed-25k: 16,000 and 25,000 mixed-script words (a Latin i in Kazakh бір),
  their English source as many words.

Run: `.venv/bin/python benchmarks/bench_huge_entry.py [--runs N] [--case NAME]`.
Prints times and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from toolkit.catalog import read_catalog
from toolkit.checks.available import all_checks
from toolkit.checks.base import Resources, Unit
from toolkit.glossary import load_glossary

PROJECT = Path(__file__).resolve().parent.parent
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: kk\\n"\n\n'
#: (English, Kazakh) sentence pairs; {n} is a running number, the same on both sides.
DENSE = [
    ("Atazhurt Eriktileri met {n} kandas in Almaty.",
     "Атажұрт еріктілері Алматыда {n} оралманмен кездесті."),
    ("The court in Astana fined him 252,000 tenges ($670) on day {n}.",
     "Астанадағы сот оған {n} күні 252 000 теңге (670 доллар) айыппұл салды."),
    ("Serikzhan Bilash spoke about Xinjiang for {n} minutes.",
     "Серікжан Білаш Шыңжаң туралы {n} минут бiр сөйледі."),
    ("Relatives from China arrived in Kazakhstan in {n} groups.",
     "Қытайдан келген туыстар Қазақстанға {n} топ болып келдi."),
]  # fmt: skip
MIXED_SOURCE = "one"  # the English source has as many words
MIXED_WORD = "бiр"  # Cyrillic б, р around a Latin i: one script_mix finding per word
PARTS = (16, 4, 1)  # the entry at 1/16, 1/4 and all of its size


def dense_entry(size: int) -> tuple[str, str]:
    """An (English, Kazakh) pair whose Kazakh side is about ``size`` characters long."""
    english, kazakh, n = [], [], 0
    length = 0
    while length < size:
        en, kk = DENSE[n % len(DENSE)]
        english.append(en.format(n=n))
        kazakh.append(kk.format(n=n))
        length += len(kazakh[-1]) + 1
        n += 1
    return " ".join(english), " ".join(kazakh)


def mixed_entry(words: int) -> tuple[str, str]:
    """An entry whose translation is ``words`` mixed-script words, its source as long."""
    return " ".join([MIXED_SOURCE] * words), " ".join([MIXED_WORD] * words)


CASES: dict[str, tuple[Callable[[int], tuple[str, str]], int]] = {
    "dense": (dense_entry, 420_000),
    "mixed-16k": (mixed_entry, 16_000),
    "mixed-25k": (mixed_entry, 25_000),
}


def write_po(path: Path, msgid: str, msgstr: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{HEADER}#: huge.md:1\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n', encoding="utf-8")


def fastest(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """The shortest wall time of each command over ``runs`` rounds, in seconds; each round
    runs every command once, so that a busy spell of the machine hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            times[name].append(time.perf_counter() - start)
    return {name: min(found) for name, found in times.items()}


def ratios(times: dict[int, float], floor: float = 0.005) -> str:
    """Time ratios of the whole entry to its 1/4 and 1/16 where both take over ``floor``
    seconds (below it, noise decides)."""
    whole = times[1]
    return "  ".join(
        f"×{whole / times[part]:.1f} for ×{part}" if min(whole, times[part]) > floor else "-"
        for part in PARTS[:-1][::-1]
    )


def command_times(
    name: str, files: dict[int, Path], tiny: Path, toolkit: list[str], runs: int
) -> None:
    report = files[1].parent / "findings.json"

    def check(po: Path) -> list[str]:
        return [*toolkit, "check", "--format", "json", "-o", str(report), str(po)]

    fastest({"cache": check(tiny)}, 1)  # builds the glossary cache
    commands = {"start-up": check(tiny)} | {f"1/{part}": check(po) for part, po in files.items()}
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        commands["msgfmt"] = [msgfmt, "--check", "-o", os.devnull, str(files[1])]
    times = fastest(commands, runs)
    subprocess.run(check(files[1]), capture_output=True, check=False)  # the whole one's report
    findings = report.read_text(encoding="utf-8").count('"check":')
    print(f"{name}: {files[1].stat().st_size / 1000:.0f} KB PO file, {findings} findings, "
          f"{report.stat().st_size / 1e6:.1f} MB JSON")  # fmt: skip
    startup = times["start-up"]
    print(f"  start-up (one-sentence entry): {startup:6.2f} s")
    for part in PARTS:
        print(f"  toolkit check, 1/{part:<2}: {times[f'1/{part}']:6.2f} s")
    less = {part: times[f"1/{part}"] - startup for part in PARTS}
    # a subprocess's start-up varies by some 10 ms: a ratio needs 50 ms of work to mean much
    print(f"  time ratio less start-up: {ratios(less, floor=0.05)}")
    if msgfmt:
        print(f"  msgfmt --check, whole:  {times['msgfmt']:6.2f} s")


def check_times(files: dict[int, Path], tiny: Path) -> None:
    """Each check alone on each size, in-process; term matching apart. A warm-up on
    ``tiny`` first loads what the checks load once (matchers, CLDR data)."""
    resources = Resources(load_glossary(PROJECT / "glossary"))
    checks = [cls() for cls in all_checks().values()]
    rows: dict[str, dict[int, float]] = {}
    for part, po in [(0, tiny), *files.items()]:  # part 0: the warm-up, not shown
        catalog = read_catalog(po)
        (entry,) = catalog.entries
        unit = Unit(entry, catalog, resources)
        start = time.perf_counter()
        unit.source_matches, unit.target_matches  # noqa: B018  (computed once, then kept)
        rows.setdefault("(term matching)", {})[part] = time.perf_counter() - start
        for check in checks:
            start = time.perf_counter()
            if check.per_catalogue:  # po_syntax: msgfmt --check on the whole file
                list(check.catalogue_problems(catalog))
            elif check.applies_to(unit):
                list(check.problems(unit))
            else:
                continue
            rows.setdefault(check.id, {})[part] = time.perf_counter() - start
    print("  in-process, each check (s at 1/16, 1/4, whole; ratios over 5 ms):")
    for check_id, times in rows.items():
        shown = " ".join(f"{times[part]:7.3f}" for part in PARTS)
        print(f"    {check_id:<16} {shown}   {ratios(times)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--case", choices=sorted(CASES), action="append")
    parser.add_argument("--no-command", action="store_true", help="only the in-process part")
    args = parser.parse_args()
    toolkit = [
        str(Path(sys.executable).parent / "toolkit"),
        "--glossary",
        str(PROJECT / "glossary"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TOOLKIT_CACHE_DIR"] = str(Path(tmp) / "cache")
        tiny = Path(tmp) / "tiny" / "huge.po"
        write_po(tiny, *dense_entry(1))
        for name in args.case or CASES:
            make, size = CASES[name]
            files = {}
            for part in PARTS:
                files[part] = Path(tmp) / name / f"part-{part}" / "huge.po"
                write_po(files[part], *make(size // part))
            if args.no_command:
                print(f"{name}:")
            else:
                command_times(name, files, tiny, toolkit, args.runs)
            check_times(files, tiny)


if __name__ == "__main__":
    main()
