"""`toolkit usage DIR`: every glossary spelling counted per year, as CSV, JSON or HTML."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, PROJECT

GLOSSARY = str(PROJECT / "glossary")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "archive", tmp_path / "archive")
    return tmp_path / "archive"


def _rows(run_cli, folder: Path, *extra: str) -> list[dict]:
    code, out, err = run_cli(
        "--glossary", GLOSSARY, "usage", str(folder), "--lang", "kk", "--format", "json", *extra
    )
    assert code == 0, err
    return json.loads(out)


def test_years_come_from_front_matter_meta_and_path(run_cli, archive) -> None:
    rows = _rows(run_cli, archive)
    kandas = [
        (r["term"], r["status"], r["year"], r["count"]) for r in rows if r["concept"] == "kandas"
    ]
    assert kandas == [
        ("қандас", "preferred", 2021, 3),  # HTML: <meta name="date">; <title>, <h1>, <b>
        ("оралман", "deprecated", 2019, 3),  # Markdown: front-matter date; title, heading, text
        ("оралман", "deprecated", 2021, 2),  # HTML, and note.txt: 2021 in its path
    ]


def test_near_misses_are_unknown_spellings(run_cli, archive) -> None:
    rows = _rows(run_cli, archive)
    assert {
        "concept": "atazhurt-eriktileri",
        "term": "Атажурттың",
        "status": "unknown",
        "year": 2021,
        "count": 1,
    } in rows


def test_code_and_scripts_are_not_counted(run_cli, archive) -> None:
    rows = _rows(run_cli, archive)
    almaty = {r["year"]: r["count"] for r in rows if r["concept"] == "almaty"}
    # 2019: title, tags, heading, text, the HTML block (not the code, link target, label);
    # 2021: heading, alt (not the script, code, comment, class, the Russian quotation)
    assert almaty == {2019: 5, 2021: 2}


def test_time_element_and_no_year(run_cli, tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/t.html").write_text(
        '<p><time datetime="2005-01-02">2 қаңтар</time> Оралмандар келді.</p>', encoding="utf-8"
    )
    (tmp_path / "a/undated.txt").write_text("Оралман.\n", encoding="utf-8")
    rows = _rows(run_cli, tmp_path / "a")
    assert [(r["year"], r["count"]) for r in rows if r["term"] == "оралман"] == [
        (2005, 1),
        (None, 1),
    ]


def test_front_matter_that_does_not_parse_counts_the_body_by_the_path_year(
    run_cli, tmp_path
) -> None:
    (tmp_path / "a/2007").mkdir(parents=True)
    (tmp_path / "a/2007/broken.md").write_text(
        "---\ntitle: [Оралман\ndate: 2003-01-01\n---\nОралмандар келді.\n", encoding="utf-8"
    )
    rows = _rows(run_cli, tmp_path / "a")
    assert [(r["year"], r["count"]) for r in rows if r["term"] == "оралман"] == [(2007, 1)]


def test_csv_has_the_same_rows(run_cli, archive) -> None:
    rows = _rows(run_cli, archive)
    code, out, _ = run_cli("usage", str(archive), "--lang", "kk", "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "concept,term,status,year,count"
    assert lines[1:] == [
        ",".join(str(r[c]) for c in ("concept", "term", "status", "year", "count")) for r in rows
    ]


def test_html_report_has_a_chart_per_concept_and_needs_no_network(
    run_cli, archive, tmp_path
) -> None:
    report = tmp_path / "usage.html"
    code, _, err = run_cli(
        "usage", str(archive), "--lang", "kk", "--format", "html", "-o", str(report)
    )
    assert code == 0
    assert "toolkit: note: deprecated 'оралман' (kandas): 5 uses, 2019–2021" in err
    html = report.read_text(encoding="utf-8")
    concepts = {r["concept"] for r in _rows(run_cli, archive)}
    assert len(re.findall(r"<h2 id=", html)) == len(concepts)
    assert html.count("<svg") == len(concepts)  # every concept found has a dated use
    # nothing to fetch: no script, no linked image, style sheet or font
    assert not re.search(r"<script|<link|(?:src|href)=\"(?:https?:)?//|url\((?!#)|@import", html)
    assert '<td>оралман</td><td class="deprecated">deprecated</td>' in html
    again = tmp_path / "again.html"
    assert (
        run_cli("usage", str(archive), "--lang", "kk", "--format", "html", "-o", str(again))[0] == 0
    )
    assert again.read_bytes() == report.read_bytes()


def test_two_jobs_count_the_same(run_cli, archive) -> None:
    assert _rows(run_cli, archive, "--jobs", "2") == _rows(run_cli, archive, "--jobs", "1")


def test_unreadable_files_are_listed_exit_2(run_cli) -> None:
    code, out, err = run_cli("usage", str(DATA / "archive-bad"), "--lang", "kk")
    assert code == 2
    assert json.loads(out) == []
    assert len([line for line in err.splitlines() if line.startswith("toolkit: error:")]) == 4


def test_scripts_in_markdown_are_not_counted(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "archive" / "2019"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(
        'Оралман.\n\n<script>\nvar a = "оралман";\n</script>\n\n'
        'Оралман <script>show("оралман")</script> келді.\n',
        encoding="utf-8",
    )
    rows = _rows(run_cli, tmp_path / "archive")
    assert [(r["term"], r["count"]) for r in rows if r["concept"] == "kandas"] == [("оралман", 2)]
