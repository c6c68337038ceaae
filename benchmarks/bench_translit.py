"""Transliteration speed and accuracy, with baselines measured in the same run.

    python benchmarks/bench_translit.py [--mb 3] [--runs 3] [--cli-mb 8] [--cli-runs 5]

Command speed, whole process against whole process on the same 8 MB file of Kazakh Cyrillic
text (the project's own Kazakh translations and sample news, lines shuffled and repeated):
``toolkit translit FILE`` against a bare ``python -c`` script that reads the file, applies
``str.translate`` with a one-letter table and writes the result (target >= 0.7x), and
``toolkit translit --scheme kk-bgn-pcgn FILE`` against a script that runs iuliia's BGN/PCGN
schema line by line (iuliia has no Kazakh schema; its Russian BGN/PCGN is the closest; target
>= 10x). Each command is timed several times, the best time counts (the machine may be shared).

Library speed: kk-latn-2021 on a few MB of Kazakh text against a bare ``str.translate`` with a
one-letter table (target >= 0.7x); kk-arab both ways against kk-latn-2021 (target >= 0.3x,
CPU time); zh-pinyin-ru and zh-pinyin-kk on English text with Chinese names, their MB/s
against kk-latn-2021's (target >= 0.3x); and ru-bgn-pcgn against iuliia's BGN/PCGN schema on
Russian text (target >= 10x). Accuracy: the share of each scheme's sample pairs that other
converters reproduce exactly (ours pass all of them by construction: they are our tests).

Each timing is the best of several repetitions; with ``--runs N`` the whole library
measurement is repeated N times and the median of each ratio is printed last.
"""

from __future__ import annotations

import argparse
import random
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

from toolkit.catalog import read_catalog
from toolkit.translit import get_scheme, list_schemes, transliterate

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "tests" / "data" / "translit"

#: The bare baseline: read, one str.translate with a one-letter table, write.
TRANSLATE_SCRIPT = """
import sys
letters = sys.argv[2]
table = {ord(k): v for k, v in zip(letters[0::2], letters[1::2])}
table |= {ord(k.upper()): v.upper() for k, v in zip(letters[0::2], letters[1::2])}
with open(sys.argv[1], encoding="utf-8") as f:
    sys.stdout.write(f.read().translate(table))
"""
#: iuliia's BGN/PCGN schema, line by line.
IULIIA_SCRIPT = """
import sys, iuliia
with open(sys.argv[1], encoding="utf-8") as f:
    sys.stdout.writelines(iuliia.BGN_PCGN.translate(line) for line in f)
"""


def kazakh_lines() -> list[str]:
    """Kazakh Cyrillic lines of the project: translations in locales/kk and the sample news."""
    lines = (DATA / "kk-news.txt").read_text(encoding="utf-8").splitlines()
    for path in sorted((PROJECT / "locales" / "kk" / "LC_MESSAGES").glob("*.po")):
        for entry in read_catalog(path).entries:
            for text in entry.translations:
                lines += [line for line in text.splitlines() if line.strip()]
    return lines


def write_kazakh_file(path: Path, megabytes: float, seed: int = 11) -> int:
    """Write about ``megabytes`` of Kazakh text (lines shuffled, repeated); return its bytes."""
    rng = random.Random(seed)
    lines, size = kazakh_lines(), 0
    with path.open("w", encoding="utf-8", newline="") as f:
        while size < megabytes * 1_000_000:
            rng.shuffle(lines)
            block = "\n".join(lines) + "\n"
            f.write(block)
            size += len(block.encode("utf-8"))
    return size


class Timing(NamedTuple):
    """Best wall-clock and best CPU seconds (user + system) of a command's runs."""

    wall: float
    cpu: float


def time_commands(commands: dict[str, list[str]], runs: dict[str, int]) -> dict[str, Timing]:
    """Run the commands in turn, ``runs[name]`` times each (output to /dev/null); the best
    wall and CPU time of each. Taking turns spreads the load of a shared machine evenly; CPU
    time is less disturbed by it than wall time."""
    best = {name: Timing(float("inf"), float("inf")) for name in commands}
    for round_ in range(max(runs.values())):
        for name, command in commands.items():
            if round_ >= runs[name]:
                continue
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True, cwd=PROJECT)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            best[name] = Timing(min(wall, best[name].wall), min(cpu, best[name].cpu))
    return best


def cli_speed(megabytes: float, runs: int, toolkit: list[str]) -> dict[str, float]:
    """Time ``toolkit translit`` and the two baseline scripts; print and return the ratios."""
    python = sys.executable
    one_letter = "".join(k + v[:1] for k, v in get_scheme("kk-latn-2021").forward.mapping.items()
                         if len(k) == 1)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        text = str(Path(tmp) / "kk.txt")
        size = write_kazakh_file(Path(text), megabytes) / 1e6
        translit = [*toolkit, "translit"]
        subprocess.run([*translit, text], stdout=subprocess.DEVNULL, check=True, cwd=PROJECT)
        commands = {
            "python -c str.translate, one-letter table": [python, "-c", TRANSLATE_SCRIPT, text,
                                                          one_letter],
            "toolkit translit FILE (kk-latn-2021)": [*translit, text],
            "toolkit translit --no-glossary FILE": [*translit, "--no-glossary", text],
            "toolkit translit --scheme kk-bgn-pcgn FILE": [*translit, "--scheme", "kk-bgn-pcgn",
                                                           text],
            "python -c iuliia BGN_PCGN, line by line": [python, "-c", IULIIA_SCRIPT, text],
        }  # fmt: skip
        counts = dict.fromkeys(commands, runs)
        try:
            import iuliia  # noqa: F401  # only to know whether the script can run
        except ImportError as exc:
            print(f"  iuliia comparison skipped: {exc} (pip install iuliia)")
            del commands["python -c iuliia BGN_PCGN, line by line"]
        else:
            counts["python -c iuliia BGN_PCGN, line by line"] = max(1, runs // 3)  # it is slow
        times = time_commands(commands, counts)
    names = list(commands)
    base, ours, bgn = times[names[0]], times[names[1]], times[names[3]]
    print(f"Command, whole process, {size:.1f} MB of Kazakh text (best of {runs}; seconds)")
    print(f"  {'':46} {'wall':>6} {'cpu':>6}")
    for name in names:
        print(f"  {name:46} {times[name].wall:6.2f} {times[name].cpu:6.2f}")
    ratios = {"toolkit translit / str.translate script (wall)": base.wall / ours.wall,
              "toolkit translit / str.translate script (cpu)": base.cpu / ours.cpu}  # fmt: skip
    if len(names) > 4:
        theirs = times[names[4]]
        ratios["kk-bgn-pcgn / iuliia script (wall)"] = theirs.wall / bgn.wall
        ratios["kk-bgn-pcgn / iuliia script (cpu)"] = theirs.cpu / bgn.cpu
        ratios["toolkit translit / iuliia script (wall)"] = theirs.wall / ours.wall
    for name, value in ratios.items():
        target = ">= 0.7x" if "str.translate" in name else ">= 10x"
        print(f"  {name:46} {value:6.2f}x  (target {target})")
    return ratios


def corpus(name: str, megabytes: float) -> str:
    """The sample text ``name`` repeated to about ``megabytes``."""
    text = (DATA / name).read_text(encoding="utf-8")
    return text * max(1, int(megabytes * 1_000_000 / len(text.encode("utf-8"))))


def english_corpus(megabytes: float) -> str:
    """English text with Chinese names, repeated to about ``megabytes``: the msgids of the
    project's kk catalogues (the sources of the Kazakh text timed beside it) and the pinyin
    names of examples/chinese-names."""
    lines = []
    for path in sorted((PROJECT / "locales" / "kk" / "LC_MESSAGES").glob("*.po")):
        for entry in read_catalog(path).entries:
            lines += [line for line in entry.msgid.splitlines() if line.strip()]
    names = PROJECT / "examples" / "chinese-names" / "names.txt"
    lines += names.read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines) + "\n"
    return text * max(1, int(megabytes * 1_000_000 / len(text.encode("utf-8"))))


def best_seconds(func: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def speed(megabytes: float) -> dict[str, float]:
    """Print one measurement; return its ratios by name."""
    kk = corpus("kk-news.txt", megabytes)
    size = len(kk.encode("utf-8")) / 1e6
    scheme = get_scheme("kk-latn-2021")
    one_letter = {}
    for key, out in scheme.forward.mapping.items():
        one_letter[ord(key)] = out[:1]
        one_letter[ord(key.upper())] = out[:1].upper()
    transliterate("warm-up")
    base = best_seconds(lambda: kk.translate(one_letter))
    ours = best_seconds(lambda: transliterate(kk, "kk-latn-2021"))
    lines = kk.splitlines(keepends=True)
    ours_lines = best_seconds(lambda: [transliterate(x, "kk-latn-2021") for x in lines], 3)
    ratios = {"kk-latn-2021 / str.translate": base / ours,
              "kk-latn-2021 line by line / str.translate": base / ours_lines}  # fmt: skip
    print(f"Kazakh text {size:.1f} MB")
    print(f"  str.translate, one-letter table : {size / base:7.1f} MB/s")
    print(f"  kk-latn-2021, whole text        : {size / ours:7.1f} MB/s  ratio {base / ours:.2f}x"
          "  (target >= 0.7x)")  # fmt: skip
    print(f"  kk-latn-2021, line by line      : {size / ours_lines:7.1f} MB/s  ratio "
          f"{base / ours_lines:.2f}x")  # fmt: skip
    ratios |= arabic_speed(kk)

    ratios |= pinyin_speed(kk, english_corpus(megabytes))

    ru = corpus("ru-news.txt", megabytes)
    ru_size = len(ru.encode("utf-8")) / 1e6
    try:
        import iuliia
    except ImportError as exc:
        print(f"  iuliia comparison skipped: {exc} (pip install iuliia)")
        return ratios
    sample = ru[: len(ru) // 10]  # iuliia is slow: time a tenth, compare throughputs
    sample_size = len(sample.encode("utf-8")) / 1e6
    theirs = best_seconds(lambda: iuliia.BGN_PCGN.translate(sample), 3)
    mine = best_seconds(lambda: transliterate(ru, "ru-bgn-pcgn"), 5)
    ratio = (ru_size / mine) / (sample_size / theirs)
    print(f"Russian text {ru_size:.1f} MB")
    print(f"  iuliia bgn_pcgn                 : {sample_size / theirs:7.2f} MB/s")
    print(f"  ru-bgn-pcgn                     : {ru_size / mine:7.1f} MB/s  ratio {ratio:.1f}x"
          "  (target >= 10x)")  # fmt: skip
    ratios["ru-bgn-pcgn / iuliia bgn_pcgn"] = ratio
    return ratios


def cpu_seconds(funcs: dict[str, Callable[[], object]], repeat: int = 7) -> dict[str, float]:
    """The best CPU time of each function, run in turns (a shared machine disturbs CPU time
    less than wall time, and taking turns spreads what disturbance there is)."""
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.process_time()
            func()
            best[name] = min(best[name], time.process_time() - start)
    return best


def arabic_speed(kk: str) -> dict[str, float]:
    """kk-arab both ways on the Kazakh text (the reverse on its Arabic-script version) against
    kk-latn-2021 on the Kazakh text, in MB/s of the text read (CPU time, in turns).

    Whole text, kk-arab converts each distinct space-separated token once; line by line
    (lines are short) it converts every word: that ratio is the one for text that does not
    repeat itself (this corpus repeats its lines)."""
    arabic = transliterate(kk, "kk-arab")
    texts = {"kk-latn-2021": kk, "kk-arab": kk, "kk-arab --reverse": arabic}
    sizes = {name: len(text.encode("utf-8")) / 1e6 for name, text in texts.items()}
    funcs: dict[str, Callable[[], object]] = {}
    for name, text in texts.items():
        scheme, reverse = name.split()[0], name.endswith("--reverse")
        lines = text.splitlines(keepends=True)
        funcs[name] = partial(transliterate, text, scheme, reverse=reverse)
        funcs[name + " line by line"] = partial(
            lambda ls, s, r: [transliterate(x, s, reverse=r) for x in ls], lines, scheme, reverse
        )
    best = cpu_seconds(funcs)
    ratios = {}
    print("kk-arab against kk-latn-2021 (CPU time, best of 7 in turns)")
    for name in texts:
        for how in ("", " line by line"):
            speed = sizes[name] / best[name + how]
            base = sizes["kk-latn-2021"] / best["kk-latn-2021" + how]
            line = f"  {name + how:32}: {speed:7.1f} MB/s"
            if name != "kk-latn-2021":
                ratios[f"{name + how} / kk-latn-2021{how}"] = speed / base
                line += f"  ratio {speed / base:.2f}x" + ("  (target >= 0.3x)" if not how else "")
            print(line)
    return ratios


def pinyin_speed(kk: str, english: str) -> dict[str, float]:
    """zh-pinyin-ru and zh-pinyin-kk on English text with Chinese names against kk-latn-2021
    on the Kazakh text, in MB/s of the text read (CPU time, in turns)."""
    texts = {"kk-latn-2021": kk, "zh-pinyin-ru": english, "zh-pinyin-kk": english}
    sizes = {name: len(text.encode("utf-8")) / 1e6 for name, text in texts.items()}
    best = cpu_seconds({name: partial(transliterate, text, name) for name, text in texts.items()})
    base = sizes["kk-latn-2021"] / best["kk-latn-2021"]
    print(
        f"zh-pinyin-* on {sizes['zh-pinyin-ru']:.1f} MB of English text with Chinese names "
        "(msgids, examples/chinese-names) against kk-latn-2021 (CPU time, best of 7 in turns)"
    )
    print(f"  {'kk-latn-2021':32}: {base:7.1f} MB/s")
    ratios = {}
    for name in ("zh-pinyin-ru", "zh-pinyin-kk"):
        speed = sizes[name] / best[name]
        ratios[f"{name} / kk-latn-2021"] = speed / base
        print(f"  {name:32}: {speed:7.1f} MB/s  ratio {speed / base:.2f}x  (target >= 0.3x)")
    return ratios


def converters() -> dict[str, dict[str, Callable[[str], str]]]:
    """Scheme name -> {converter name: function}; what cannot be imported is reported."""
    found: dict[str, dict[str, Callable[[str], str]]] = {s.name: {} for s in list_schemes()}
    try:
        import iuliia

        found["ru-bgn-pcgn"]["iuliia bgn_pcgn"] = iuliia.BGN_PCGN.translate
        found["ru-iso9"]["iuliia gost_779"] = iuliia.GOST_779.translate
    except ImportError as exc:
        print(f"skipped iuliia: {exc}")
    try:
        import cyrtranslit

        found["ru-bgn-pcgn"]["cyrtranslit ru (own scheme)"] = lambda t: cyrtranslit.to_latin(
            t, "ru"
        )
    except ImportError as exc:
        print(f"skipped cyrtranslit: {exc}")
    try:
        import qazaq_transliterator

        found["kk-latn-2021"]["qazaq-transliterator 2.0"] = qazaq_transliterator.translit
    except ImportError as exc:
        print(f"skipped qazaq-transliterator: {exc}")
    try:
        import icu

        for scheme, rule in [("kk-bgn-pcgn", "Kazakh-Latin/BGN"),
                             ("ru-bgn-pcgn", "Russian-Latin/BGN"),
                             ("ru-iso9", "Cyrillic-Latin")]:  # fmt: skip
            found[scheme][f"ICU {rule}"] = icu.Transliterator.createInstance(rule).transliterate
    except ImportError as exc:
        print(f"skipped PyICU: {exc}")
    return found


def accuracy() -> None:
    print("\nAccuracy on our samples (exact match of the whole sample)")
    print(f"  {'scheme':14} {'converter':30} {'exact':>9}")
    for name, others in converters().items():
        samples = get_scheme(name).samples
        rows = [("toolkit (ours)", lambda t, n=name: transliterate(t, n)), *others.items()]
        for label, func in rows:
            hits = sum(func(src) == want for src, want in samples)
            print(f"  {name:14} {label:30} {hits:3}/{len(samples):<3} {hits / len(samples):5.0%}")
        if not others:
            print(f"  {name:14} {'(no installable converter)':30}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="library corpus in MB (default 3)")
    parser.add_argument("--runs", type=int, default=1, help="repeat the library measurement")
    parser.add_argument("--cli-mb", type=float, default=8.0, help="command file in MB (default 8)")
    parser.add_argument("--cli-runs", type=int, default=5, help="runs of each command (best)")
    parser.add_argument(
        "--toolkit",
        default=str(Path(sys.executable).parent / "toolkit"),
        help="the toolkit command to time (e.g. 'python -m toolkit' of another checkout)",
    )
    parser.add_argument("--only-cli", action="store_true", help="time the command only")
    args = parser.parse_args()
    cli_speed(args.cli_mb, args.cli_runs, shlex.split(args.toolkit))
    print()
    if args.only_cli:
        return
    runs = []
    for i in range(args.runs):
        if args.runs > 1:
            print(f"-- run {i + 1}/{args.runs}")
        runs.append(speed(args.mb))
    if args.runs > 1:
        targets = {"kk-latn-2021 / str.translate": ">= 0.7x",
                   "kk-arab / kk-latn-2021": ">= 0.3x",
                   "kk-arab --reverse / kk-latn-2021": ">= 0.3x",
                   "ru-bgn-pcgn / iuliia bgn_pcgn": ">= 10x",
                   "zh-pinyin-ru / kk-latn-2021": ">= 0.3x",
                   "zh-pinyin-kk / kk-latn-2021": ">= 0.3x"}  # fmt: skip
        print(f"Median of {args.runs} runs")
        for name in runs[0]:
            values = [r[name] for r in runs if name in r]
            target = f"  (target {targets[name]})" if name in targets else ""
            print(f"  {name:42}: {statistics.median(values):5.2f}x"
                  f"  [{', '.join(f'{v:.2f}' for v in values)}]{target}")  # fmt: skip
    accuracy()


if __name__ == "__main__":
    main()
