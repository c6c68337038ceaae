"""Transliteration speed and accuracy, with baselines measured in the same run.

    python benchmarks/bench_translit.py [--mb 3] [--runs 3]

Speed: kk-latn-2021 on a few MB of Kazakh text against a bare ``str.translate`` with a
one-letter table (target ≥ 0.7×), and ru-bgn-pcgn against iuliia's BGN/PCGN schema on Russian
text (target ≥ 10×). Accuracy: the share of each scheme's sample pairs that other converters
reproduce exactly (ours pass all of them by construction: they are our tests).

Each timing is the best of several repetitions; with ``--runs N`` the whole speed measurement
is repeated N times and the median of each ratio is printed last (the machine may be shared).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from toolkit.translit import get_scheme, list_schemes, transliterate

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "translit"


def corpus(name: str, megabytes: float) -> str:
    text = (DATA / name).read_text(encoding="utf-8")
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
    parser.add_argument("--mb", type=float, default=3.0, help="corpus size in MB (default 3)")
    parser.add_argument("--runs", type=int, default=1, help="repeat the speed measurement")
    args = parser.parse_args()
    runs = []
    for i in range(args.runs):
        if args.runs > 1:
            print(f"-- run {i + 1}/{args.runs}")
        runs.append(speed(args.mb))
    if args.runs > 1:
        targets = {"kk-latn-2021 / str.translate": ">= 0.7x",
                   "ru-bgn-pcgn / iuliia bgn_pcgn": ">= 10x"}  # fmt: skip
        print(f"Median of {args.runs} runs")
        for name in runs[0]:
            values = [r[name] for r in runs if name in r]
            target = f"  (target {targets[name]})" if name in targets else ""
            print(f"  {name:42}: {statistics.median(values):5.2f}x"
                  f"  [{', '.join(f'{v:.2f}' for v in values)}]{target}")  # fmt: skip
    accuracy()


if __name__ == "__main__":
    main()
