#!/usr/bin/env python3
"""Run the toolkit, as a user would, over real PO files written by other projects.

    .venv/bin/python scripts/survey_real_po.py DIR [--toolkit .venv/bin/toolkit] [-o FILE.md]

DIR holds real catalogues in any layout (``<project>/po/<lang>.po``, ``locales/...``). For each
``*.po`` file the survey records, by running the whole ``toolkit`` command in a subprocess:

- ``check --format json``: exit code, wall time, findings per check and severity, and whether
  the process died with a traceback (a crash is any exit code other than 0, 1 and 2, or a
  ``Traceback`` on stderr);
- ``msgfmt --check`` (GNU gettext's verdict) next to the toolkit's exit code;
- ``report -o``: exit code;
- ``conform --write`` on a copy with one planted deprecated term (оралман / оралманов): how many
  lines of the file changed (a minimal write changes exactly one), whether CRLF line endings
  and the file's mode survived.

The files are not part of the repository: docs/real-files.md names where each one comes from.
Prints a Markdown table (and writes it with -o). This is an evaluation, not a test: it asserts
nothing and never fails on findings.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One planted deprecated term per language, in a form conform has to re-inflect.
PLANTED = {"kk": ("оралмандарға", "қандастарға"), "ru": ("оралманов", "кандасов")}


def run(cmd: list[str], cwd: Path | None = None) -> tuple[int, str, str, float]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, cwd=cwd, check=False)
    elapsed = time.perf_counter() - start
    return (
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
        elapsed,
    )


def crashed(code: int, stderr: str) -> bool:
    return code not in (0, 1, 2) or "Traceback" in stderr


def language_of(path: Path) -> str:
    name = path.stem.split("@")[0].split("_")[0].split("-")[0]
    return name if name in PLANTED else ""


def survey_check(toolkit: str, path: Path, tmp: Path) -> dict:
    out = tmp / "check.json"
    code, _, err, elapsed = run([toolkit, "check", "--format", "json", "-o", str(out), str(path)])
    counts: collections.Counter[str] = collections.Counter()
    if out.exists() and code in (0, 1):
        for finding in json.loads(out.read_text(encoding="utf-8")):
            counts[f"{finding['check']}:{finding['severity'][0]}"] += 1
        out.unlink()
    msgfmt = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, check=False
    )
    return {
        "check_rc": code,
        "check_s": round(elapsed, 2),
        "crash": crashed(code, err),
        "error": err.strip().splitlines()[-1][:160] if code == 2 and err.strip() else "",
        "findings": dict(counts.most_common()),
        "msgfmt_ok": msgfmt.returncode == 0,
    }


def survey_report(toolkit: str, path: Path, tmp: Path) -> dict:
    code, _, err, _ = run([toolkit, "report", "-o", str(tmp / "report.html"), str(path)])
    return {"report_rc": code, "report_crash": crashed(code, err)}


def plant(text: str, lang: str) -> str | None:
    """The file's text with the first one-line translated msgstr replaced by a deprecated term."""
    old, _ = PLANTED[lang]
    lines = text.split("\n")
    for i, line in enumerate(lines):
        body = line.rstrip("\r")
        if body.startswith('msgstr "') and body != 'msgstr ""' and i > 0:
            previous = lines[i - 1].rstrip("\r")
            if previous.startswith('msgid "') and previous != 'msgid ""':
                ending = line[len(body) :]
                lines[i] = f'msgstr "{old}"{ending}'
                return "\n".join(lines)
    return None


def charset_of(data: bytes) -> str:
    match = re.search(rb"charset=([A-Za-z0-9_-]+)", data[:4000])
    return match.group(1).decode("ascii") if match else "utf-8"


def survey_conform(toolkit: str, path: Path, tmp: Path) -> dict:
    lang = language_of(path)
    data = path.read_bytes()
    charset = charset_of(data)
    if not lang:
        return {}
    original = data.decode(charset, "replace")
    planted = plant(original, lang)
    if planted is None:
        return {}
    folder = tmp / "conform" / "po"
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / path.name
    copy.write_bytes(planted.encode(charset))
    os.chmod(copy, 0o640)
    code, _, err, _ = run([toolkit, "conform", "--write", str(copy)])
    after = copy.read_bytes().decode(charset, "replace")
    changed = sum(
        1
        for line in difflib.unified_diff(planted.split("\n"), after.split("\n"), lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    )
    crlf_before = planted.count("\r\n")
    return {
        "conform_rc": code,
        "conform_crash": crashed(code, err),
        "conform_changed_lines": changed,
        "crlf_kept": (after.count("\r\n") == crlf_before) if crlf_before else None,
        "mode_kept": (os.stat(copy).st_mode & 0o777) == 0o640,
        "conformed": PLANTED[lang][1] in after,
    }


def table(rows: list[dict]) -> str:
    head = (
        "| file | entries | check exit | s | crash | msgfmt -c | findings | report exit "
        "| conform: lines changed / CRLF kept / mode kept |\n|---|---|---|---|---|---|---|---|---|"
    )
    out = [head]
    for row in rows:
        findings = ", ".join(f"{k} {v}" for k, v in row["findings"].items()) or row["error"] or "—"
        conform = (
            f"{row.get('conform_changed_lines', '—')} / {row.get('crlf_kept', '—')} / "
            f"{row.get('mode_kept', '—')}"
        )
        out.append(
            f"| {row['file']} | {row['entries']} | {row['check_rc']} | {row['check_s']} "
            f"| {'YES' if row['crash'] or row.get('report_crash') else 'no'} "
            f"| {'ok' if row['msgfmt_ok'] else 'rejects'} | {findings} | {row['report_rc']} "
            f"| {conform} |"
        )
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--toolkit", default=str(Path(sys.executable).parent / "toolkit"))
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    rows = []
    for path in sorted(args.folder.rglob("*.po")):
        with tempfile.TemporaryDirectory() as name:
            tmp = Path(name)
            row = {
                "file": str(path.relative_to(args.folder)),
                "entries": path.read_bytes().count(b"\nmsgid "),
            }
            row |= survey_check(args.toolkit, path, tmp)
            row |= survey_report(args.toolkit, path, tmp)
            row |= survey_conform(args.toolkit, path, tmp)
            shutil.rmtree(tmp / "conform", ignore_errors=True)
        rows.append(row)
        print(f"{row['file']}: check exit {row['check_rc']}", file=sys.stderr)
    text = table(rows)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
