"""`toolkit check --format json` on one huge entry: time must grow linearly with its length.

Each case is a PO file with a single entry, checked at full size and at 1/16 of it, as a
user runs the command (a subprocess, warm cache). Linear checks give a time ratio close to
the size ratio (16); a quadratic one gives about 256. The start-up cost of the command
(the same command on a one-sentence entry, measured in the same run) is subtracted before
the ratio is taken, since at 1/16 of the size it dominates. `msgfmt --check` on the full
file is printed beside as a yardstick, and the size of the JSON report with its findings.

Cases:
- dense: a 420 KB translation dense with glossary names (some deprecated), numbers and
  mixed-script words, its English source of the same size;
- mixed-16k, mixed-25k: 16,000 and 25,000 mixed-script words (a Latin i in Kazakh бір),
  their English source as many words.

Run: `.venv/bin/python benchmarks/bench_huge_entry.py [--runs N] [--case NAME]`.
Prints times and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


def write_po(path: Path, msgid: str, msgstr: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{HEADER}#: huge.md:1\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n', encoding="utf-8")


def timed(command: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of ``command`` over ``runs`` runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


CASES: dict[str, tuple[Callable[[int], tuple[str, str]], int]] = {
    "dense": (dense_entry, 420_000),
    "mixed-16k": (mixed_entry, 16_000),
    "mixed-25k": (mixed_entry, 25_000),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--case", choices=sorted(CASES), action="append")
    args = parser.parse_args()
    toolkit = [
        str(Path(sys.executable).parent / "toolkit"),
        "--glossary",
        str(PROJECT / "glossary"),
    ]
    msgfmt = shutil.which("msgfmt")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TOOLKIT_CACHE_DIR=str(Path(tmp) / "cache"))
        report = Path(tmp) / "findings.json"

        def check(po: Path, runs: int) -> float:
            command = [*toolkit, "check", "--format", "json", "-o", str(report), str(po)]
            return timed(command, env, runs)

        tiny = Path(tmp) / "tiny" / "huge.po"
        write_po(tiny, *dense_entry(1))
        check(tiny, 1)  # builds the glossary cache
        startup = check(tiny, args.runs)
        print(f"start-up (one-sentence entry): {startup:.2f} s")
        for name in args.case or CASES:
            make, size = CASES[name]
            full, small = Path(tmp) / name / "huge.po", Path(tmp) / f"{name}-16" / "huge.po"
            write_po(full, *make(size))
            write_po(small, *make(size // 16))
            t_small = check(small, args.runs)
            t_full = check(full, args.runs)
            findings = report.read_text(encoding="utf-8").count('"check":')
            megabytes = report.stat().st_size / 1e6
            ratio = (t_full - startup) / max(t_small - startup, 1e-3)
            kilobytes = full.stat().st_size / 1000
            print(
                f"{name}: {kilobytes:.0f} KB PO file, {findings} findings, {megabytes:.1f} MB JSON"
            )
            print(f"  toolkit check, full:   {t_full:7.2f} s")
            print(f"  toolkit check, 1/16:   {t_small:7.2f} s")
            print(f"  time ratio less start-up: {ratio:.1f} (size ratio 16; quadratic ~256)")
            if msgfmt:
                t_msgfmt = timed([msgfmt, "--check", "-o", os.devnull, str(full)], env, args.runs)
                print(f"  msgfmt --check, full:  {t_msgfmt:7.2f} s  (toolkit / msgfmt: "
                      f"{t_full / max(t_msgfmt, 1e-3):.0f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
