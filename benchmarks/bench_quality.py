"""How well `toolkit find` and `toolkit check` do on data the code was not written against.

Each evaluation set is a folder benchmarks/data/quality*/ (its README.md says where the data
come from and how they were labelled) with two parts:

* real-{kk,ru,en}.txt: published sentences with every glossary concept annotated. Runs
  `toolkit find --lang LANG --format jsonl` and prints term recall and precision per
  language. A found term counts when its concept equals an annotation's and the spans
  overlap; annotations marked neutral count neither way; only the concepts recorded in
  concepts.json (the glossary when the sentences were annotated) are scored. An annotation
  inside a longer found span of a concept added since is not scored either: by the
  longest-concept rule the annotator would have labelled the longer one.
* po/locales/...: news sentences written for this set, translated into kk, kk@latin and ru,
  about a third of the entries with one planted defect each (manifest.yaml). Runs
  `toolkit check --format json` and prints per language the planted defects found under the
  right check id, the clean entries with any error or warning, and the clean entries with
  an error.

Then every miss and false alarm (file:line, check or concept), so that a developer can see
them. It measures and asserts nothing: the exit code is 0 whatever the figures.

Run: `.venv/bin/python benchmarks/bench_quality.py [--quiet] [--toolkit CMD] [--data DIR]`;
`--check-data` only validates the data files.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
BENCH_DATA = PROJECT / "benchmarks" / "data"
LANGS = ("kk", "ru", "en")
PO_LANGS = ("kk", "kk@latin", "ru")
#: a surface may be followed by ` #N` to pick its N-th occurrence in the sentence
OCCURRENCE = re.compile(r"^(?P<surface>.*?)(?: #(?P<n>\d+))?$")


@dataclass
class Span:
    """An annotated (or found) concept occurrence: Python str offsets [start, end)."""

    concept: str
    start: int
    end: int
    text: str
    neutral: bool = False


@dataclass
class Sentence:
    """One published sentence with its source and its annotations."""

    text: str
    url: str
    outlet: str
    line: int
    spans: list[Span] = field(default_factory=list)


class DataError(ValueError):
    """A data file that does not follow the format of README.md."""


def _at_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _occurrences(text: str, surface: str) -> list[int]:
    found, i = [], text.find(surface)
    while i >= 0:
        if _at_word_boundary(text, i, i + len(surface)):
            found.append(i)
        i = text.find(surface, i + 1)
    return found


def _place(sentence: Sentence, concept: str, raw: str, neutral: bool, used: dict) -> Span:
    """The span of `raw` in the sentence: the next whole-word occurrence for this concept
    and surface that does not overlap a scored annotation of another concept (an explicit
    ` #N` picks the N-th occurrence)."""
    match = OCCURRENCE.match(raw)
    surface, nth = match["surface"], match["n"]
    starts = _occurrences(sentence.text, surface)
    if nth:
        if int(nth) > len(starts):
            raise DataError(f"{sentence.line}: {surface!r} occurs fewer than {nth} times")
        start = starts[int(nth) - 1]
    else:
        after = used.get((concept, surface), -1)
        taken = [(s.start, s.end) for s in sentence.spans if not s.neutral and not neutral]
        free = [
            s
            for s in starts
            if s > after and not any(a < s + len(surface) and s < b for a, b in taken)
        ]
        if not free:
            raise DataError(f"{sentence.line}: {surface!r} not found as a whole word")
        start = free[0]
    used[(concept, surface)] = start
    return Span(concept, start, start + len(surface), surface, neutral)


def read_sentences(path: Path) -> list[Sentence]:
    """Parse a real-LANG.txt file (format in README.md)."""
    sentences: list[Sentence] = []
    url = outlet = ""
    used: dict = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        tag, rest = line[:2], line[2:]
        if tag == "U ":
            url, _, outlet = (part.strip() for part in rest.partition("|"))
        elif tag == "T ":
            sentences.append(Sentence(rest, url, outlet, number))
            used = {}
        elif tag in ("+ ", "~ ") and sentences and ": " in rest:
            concept, raw = rest.split(": ", 1)
            sentence = sentences[-1]
            sentence.spans.append(_place(sentence, concept, raw, tag == "~ ", used))
        else:
            raise DataError(f"{path.name}:{number}: cannot read {line[:40]!r}")
    return sentences


def recorded_concepts(data: Path) -> set[str]:
    """The concept ids the annotations were made against."""
    return set(json.loads((data / "concepts.json").read_text(encoding="utf-8"))["concepts"])


def toolkit_command(option: str | None) -> list[str]:
    """The `toolkit` command: --toolkit, else the one beside this Python, else on PATH."""
    if option:
        return shlex.split(option)
    beside = Path(sys.executable).parent / "toolkit"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("toolkit")
    if not found:
        sys.exit("bench_quality: no `toolkit` command (make .venv/.installed, or --toolkit)")
    return [found]


def run_find(cmd: list[str], lang: str, sentences: list[Sentence]) -> list[list[Span]]:
    """`toolkit find --format jsonl` on the sentences, one per line; spans per sentence."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"sentences.{lang}.txt"
        path.write_text("".join(s.text + "\n" for s in sentences), encoding="utf-8")
        done = subprocess.run(
            [*cmd, "find", "--lang", lang, "--format", "jsonl", str(path)],
            capture_output=True,
            text=True,
            cwd=PROJECT,
        )
    found: list[list[Span]] = [[] for _ in sentences]
    if done.returncode not in (0, 1):
        print(f"  toolkit find --lang {lang} exited {done.returncode}: {done.stderr.strip()}")
        return found
    for row in map(json.loads, filter(None, done.stdout.splitlines())):
        index = row["line"] - 1
        if 0 <= index < len(found):
            found[index] = [
                Span(m["concept"], m["start"], m["end"], m.get("text", "")) for m in row["matches"]
            ]
    return found


def _overlaps(a: Span, b: Span) -> bool:
    return a.concept == b.concept and a.start < b.end and b.start < a.end


def _inside_longer(g: Span, newer: list[Span]) -> bool:
    """Whether a found span of a concept added after annotation strictly contains `g`."""
    return any(
        n.start <= g.start and g.end <= n.end and n.end - n.start > g.end - g.start for n in newer
    )


def score_recognition(
    data: Path, cmd: list[str], lang: str, concepts: set[str], quiet: bool
) -> None:
    """Print recall, precision, misses and false alarms of `toolkit find` for one language."""
    path = data / f"real-{lang}.txt"
    sentences = read_sentences(path)
    found = run_find(cmd, lang, sentences)
    hits = gold_total = true_found = false_found = superseded = 0
    misses, alarms, skipped = [], [], []
    for sentence, spans in zip(sentences, found, strict=True):
        gold = [g for g in sentence.spans if g.concept in concepts]
        newer = [s for s in spans if s.concept not in concepts]
        spans = [s for s in spans if s.concept in concepts]
        for g in (g for g in gold if not g.neutral):
            # The longest concept wins: where the glossary has since gained a longer concept
            # around this annotation («президент Казахстана» around «Казахстана»), the
            # annotator would have labelled that one instead, so the annotation is not scored.
            if _inside_longer(g, newer) and not any(_overlaps(g, s) for s in spans):
                superseded += 1
                skipped.append((sentence, g))
                continue
            gold_total += 1
            if any(_overlaps(g, s) for s in spans):
                hits += 1
            else:
                misses.append((sentence, g))
        for s in spans:
            if any(_overlaps(g, s) for g in gold if not g.neutral):
                true_found += 1
            elif not any(_overlaps(g, s) for g in gold if g.neutral):
                false_found += 1
                alarms.append((sentence, s))
    recall = hits / gold_total if gold_total else 0.0
    precision = true_found / (true_found + false_found) if true_found + false_found else 0.0
    print(
        f"  {lang}: {len(sentences)} sentences, {gold_total} terms: "
        f"recall {recall:.1%} ({hits}/{gold_total}), "
        f"precision {precision:.1%} ({true_found}/{true_found + false_found})"
        + (f"; {superseded} inside a concept added since, not scored" if superseded else "")
    )
    if quiet:
        return
    for sentence, g in misses:
        print(f"    miss   {path.name}:{sentence.line} {g.concept} «{g.text}»")
    for sentence, g in skipped:
        print(f"    newer  {path.name}:{sentence.line} {g.concept} «{g.text}» (not scored)")
    for sentence, s in alarms:
        print(
            f"    false  {path.name}:{sentence.line} {s.concept} «{sentence.text[s.start : s.end]}»"
        )


@dataclass
class Expected:
    """One PO entry of the manifest: clean, or its planted defect's check id and concept."""

    file: str
    line: int
    lang: str
    status: str
    check: str | None
    concept: str | None
    also: tuple[str, ...]
    note: str


def read_manifest(data: Path) -> list[Expected]:
    """Parse manifest.yaml (one item per PO entry)."""
    raw = yaml.safe_load((data / "manifest.yaml").read_text(encoding="utf-8"))
    return [
        Expected(
            item["file"],
            int(item["line"]),
            item["lang"],
            item["status"],
            item.get("check"),
            item.get("concept"),
            tuple(item.get("also_accept", ())),
            item.get("defect", ""),
        )
        for item in raw["entries"]
    ]


def run_check(data: Path, cmd: list[str]) -> list[dict]:
    """`toolkit check --format json` on the PO set; [] (with a message) if it fails."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.json"
        done = subprocess.run(
            [*cmd, "check", "--format", "json", "-o", str(out), str(data / "po" / "locales")],
            capture_output=True,
            text=True,
            cwd=PROJECT,
        )
        if done.returncode not in (0, 1) or not out.exists():
            print(f"  toolkit check exited {done.returncode}: {done.stderr.strip()}")
            return []
        return json.loads(out.read_text(encoding="utf-8"))


def _key(path: str, line: int) -> tuple[str, int]:
    parts = Path(path).parts
    return "/".join(parts[parts.index("locales") + 1 :] if "locales" in parts else parts), line


def score_checks(data: Path, cmd: list[str], quiet: bool) -> None:
    """Print, per language, planted defects found and false alarms on clean entries."""
    manifest = read_manifest(data)
    findings = run_check(data, cmd)
    by_entry: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for finding in findings:
        by_entry[_key(finding["file"], finding["line"])].append(finding)
    listed = {(e.file, e.line) for e in manifest}
    misses, alarms = [], []
    for lang in PO_LANGS:
        entries = [e for e in manifest if e.lang == lang]
        planted = [e for e in entries if e.status == "defect"]
        clean = [e for e in entries if e.status == "clean"]
        found = concept_too = primary = 0
        for e in planted:
            got = by_entry.get((e.file, e.line), [])
            right = [f for f in got if f["check"] in (e.check, *e.also)]
            primary += any(f["check"] == e.check for f in got)
            if right:
                found += 1
                concept_too += any(not e.concept or f.get("concept") == e.concept for f in right)
            else:
                misses.append((e, got))
        noisy = errors = 0
        for e in clean:
            got = [
                f
                for f in by_entry.get((e.file, e.line), [])
                if f["severity"] in ("error", "warning")
            ]
            noisy += bool(got)
            errors += any(f["severity"] == "error" for f in got)
            alarms.extend((e, f) for f in got)
        print(
            f"  {lang}: {len(entries)} entries; planted defects found with the right check "
            f"{found}/{len(planted)} = {found / max(len(planted), 1):.1%} "
            f"(under the first-named check {primary}, right concept too {concept_too}); "
            f"clean entries with an error or warning "
            f"{noisy}/{len(clean)} = {noisy / max(len(clean), 1):.1%}, "
            f"with an error {errors}/{len(clean)} = {errors / max(len(clean), 1):.1%}"
        )
    by_check = Counter(f["check"] for e, f in alarms)
    print(f"  false alarms on clean entries by check: {dict(by_check.most_common())}")
    reference = {(e.file, e.line) for e in manifest if e.status == "reference"}
    on_reference = [
        f
        for key in reference
        for f in by_entry.get(key, [])
        if f["severity"] in ("error", "warning")
    ]
    print(
        f"  errors and warnings on the clean kk catalogues the kk@latin ones pair with "
        f"(not scored): {len(on_reference)}"
    )
    other = [f for key, fs in by_entry.items() if key not in listed for f in fs]
    if other:
        print(f"  findings on lines that are not entries of the manifest: {len(other)}")
    if quiet:
        return
    for e, got in misses:
        seen = ", ".join(sorted({f["check"] for f in got})) or "nothing"
        print(
            f"    missed {e.file}:{e.line} {e.check} {e.concept or '-'} ({e.note}); "
            f"toolkit said: {seen}"
        )
    for e, f in alarms:
        print(
            f"    false  {e.file}:{e.line} {f['check']} {f['severity']} "
            f"{f.get('concept') or '-'}: {f.get('message', '')[:100]}"
        )
    for f in other:
        file, line = _key(f["file"], f["line"])
        print(f"    other  {file}:{line} {f['check']} {f['severity']} {f.get('concept') or '-'}")


def check_data(data: Path) -> int:
    """Validate the data files; print what is wrong. Returns the number of problems."""
    concepts, problems = recorded_concepts(data), 0
    for lang in LANGS:
        path = data / f"real-{lang}.txt"
        try:
            sentences = read_sentences(path)
        except DataError as error:
            print(f"{path.name}: {error}")
            problems += 1
            continue
        unknown = {s.concept for x in sentences for s in x.spans} - concepts
        problems += len(unknown)
        for concept in sorted(unknown):
            print(f"{path.name}: unknown concept {concept}")
        outlets = {s.outlet for s in sentences}
        print(f"{path.name}: {len(sentences)} sentences, {len(outlets)} outlets")
    manifest = read_manifest(data)
    for e in manifest:
        po = data / "po" / "locales" / e.file
        lines = po.read_text(encoding="utf-8").splitlines()
        if not lines[e.line - 1].startswith("msgid "):
            print(f"manifest: {e.file}:{e.line} is not a msgid line")
            problems += 1
    counts = Counter((e.lang, e.status) for e in manifest)
    print(f"manifest: {dict(sorted(counts.items()))}")
    return problems


def data_sets(chosen: list[str] | None) -> list[Path]:
    """--data folders, else every benchmarks/data/quality* folder (oldest set first)."""
    if chosen:
        return [Path(d).resolve() for d in chosen]
    return sorted(p for p in BENCH_DATA.glob("quality*") if (p / "concepts.json").exists())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--toolkit", help="the toolkit command to measure (default: .venv's)")
    parser.add_argument("--quiet", action="store_true", help="figures only, no lists")
    parser.add_argument("--check-data", action="store_true", help="validate the data only")
    parser.add_argument(
        "--data",
        action="append",
        metavar="DIR",
        help="an evaluation set (repeatable; default: every benchmarks/data/quality* folder)",
    )
    args = parser.parse_args()
    sets = data_sets(args.data)
    if args.check_data:
        return 1 if sum(check_data(data) for data in sets) else 0
    cmd = toolkit_command(args.toolkit)
    for data in sets:
        print(f"=== {data.relative_to(PROJECT) if data.is_relative_to(PROJECT) else data}")
        concepts = recorded_concepts(data)
        print("Term recognition on published sentences (toolkit find):")
        for lang in LANGS:
            score_recognition(data, cmd, lang, concepts, args.quiet)
        print("Planted defects in PO translations (toolkit check):")
        score_checks(data, cmd, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
