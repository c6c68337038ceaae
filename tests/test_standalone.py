"""The project stands alone: its code, data and documents cite only files inside it."""

from __future__ import annotations

import re
from pathlib import Path

PROJECT = Path(__file__).parent.parent
FOLDERS = ("toolkit", "glossary", "tests", "docs", "benchmarks", "examples", "scripts", "articles")
SUFFIXES = {".py", ".md", ".yaml", ".yml", ".tsv", ".txt", ".json", ".toml", ".html", ".po"}
#: a path into the workspace the project was written in (../shared/..., /work/...)
OUTSIDE = re.compile(r"\.\./shared/|/work/")
MORPHOLOGY = PROJECT / "docs" / "kazakh-morphology.md"
CITATION = re.compile(r"kazakh-morphology\.md,? (§[\dabc]+(?:[–-]§?[\dabc]+)?)")


def _text_files() -> list[Path]:
    files = [PROJECT / "README.md", PROJECT / "Makefile", PROJECT / "pyproject.toml"]
    for folder in FOLDERS:
        files += [p for p in sorted((PROJECT / folder).rglob("*")) if p.suffix in SUFFIXES]
    return [p for p in files if p.is_file() and p != Path(__file__)]


def _read(path: Path) -> str:
    # some test data is deliberately not UTF-8 (KOI8-R catalogues); a path is ASCII anyway
    return path.read_text(encoding="utf-8", errors="replace")


def test_no_file_cites_a_path_outside_the_project() -> None:
    files = _text_files()
    assert len(files) > 100  # the walk found the project
    outside = [
        f"{path.relative_to(PROJECT)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(_read(path).splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert outside == []


def test_cited_morphology_sections_exist() -> None:
    headings = set(re.findall(r"^#+ (§\w+)", MORPHOLOGY.read_text(encoding="utf-8"), re.M))
    cited = {
        (path.relative_to(PROJECT), section)
        for path in _text_files()
        for match in CITATION.finditer(_read(path))
        for section in re.split(r"[–-]", match.group(1))
    }
    assert len(cited) >= 5  # glossary comments and the suffix data cite sections
    missing = [(str(path), s) for path, s in cited if ("§" + s.lstrip("§")) not in headings]
    assert missing == []
