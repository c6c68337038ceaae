"""The article pipeline: extract, update, pretranslate, conform, build — golden files, round
trips, bad input and atomic writes."""

from __future__ import annotations

import gettext
import os
import re
import shutil
from pathlib import Path

import polib
import pytest

from tests.conftest import DATA, PROJECT
from toolkit.catalog import check_with_msgfmt, read_catalog

GOLDEN = Path(__file__).parent / "golden" / "pipeline"
SAMPLE = DATA / "pipeline" / "project"
GLOSSARY = str(PROJECT / "glossary")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = Path(shutil.copytree(SAMPLE, tmp_path / "project"))
    monkeypatch.chdir(root)
    return root


def tk(run_cli, *args: str) -> tuple[int, str, str]:
    return run_cli("--glossary", GLOSSARY, *args)


def test_extract_gives_the_golden_template(project, run_cli):
    code, out, _ = tk(run_cli, "extract")
    assert (code, out) == (0, "wrote locales/templates/court-sample.pot\n")
    written = (project / "locales/templates/court-sample.pot").read_text(encoding="utf-8")
    assert written == (GOLDEN / "court-sample.pot").read_text(encoding="utf-8")


def test_template_segments_placeholders_and_references(project, run_cli):
    tk(run_cli, "extract")
    pot = polib.pofile(str(project / "locales/templates/court-sample.pot"))
    by_id = {e.msgid: e for e in pot}
    assert len(pot) == 13
    link = by_id["See the <a1>UN statement</a1> for <em>details</em>."]
    assert link.occurrences == [("articles/court-sample.md", "14")]
    assert "glossary: UN → kk Біріккен Ұлттар Ұйымы · ru Организация Объединенных Наций" in (
        link.comment
    )
    assert by_id["ALMATY, Kazakhstan"].msgctxt == "dateline"
    assert "The group will apply for registration a third time." in by_id  # joined lines
    assert by_id["Serikzhan Bilash speaks to reporters."].comment.startswith("caption")


def test_build_gives_the_golden_versions_and_is_idempotent(project, run_cli):
    tk(run_cli, "extract")
    tk(run_cli, "update")
    code, out, err = tk(run_cli, "build")
    assert code == 0
    assert out.startswith("8 files in build (8 written, 0 unchanged), 3 segments fell back")
    assert "articles/court-sample.md:17: warning: ru: untranslated" in err
    for lang in ("en", "kk", "kk-Latn", "ru"):
        built = (project / f"build/court-sample.{lang}.md").read_text(encoding="utf-8")
        assert built == (GOLDEN / f"court-sample.{lang}.md").read_text(encoding="utf-8"), lang
    before = {p.name: p.read_bytes() for p in (project / "build").iterdir()}
    _, out, _ = tk(run_cli, "build")
    assert "(0 written, 8 unchanged)" in out
    assert {p.name: p.read_bytes() for p in (project / "build").iterdir()} == before


def test_strict_build_fails_on_fallbacks(project, run_cli):
    tk(run_cli, "extract")
    tk(run_cli, "update")
    assert tk(run_cli, "build", "--strict")[0] == 1


def test_html_version_is_escaped_and_tagged(project, run_cli):
    tk(run_cli, "extract")
    tk(run_cli, "update")
    tk(run_cli, "build")
    html = (project / "build/court-sample.kk-Latn.html").read_text(encoding="utf-8")
    assert '<html lang="kk-Latn">' in html
    assert '<a href="https://www.ohchr.org/" title="OHCHR">BŪŪ mälımdemesınde</a>' in html


def test_round_trip_identity_translation_gives_the_source(project, run_cli):
    tk(run_cli, "extract")
    tk(run_cli, "update", "--lang", "ru")
    path = project / "locales/ru/LC_MESSAGES/court-sample.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(str(path))
    tk(run_cli, "build")
    built = (project / "build/court-sample.ru.md").read_text(encoding="utf-8")
    source = (project / "articles/court-sample.md").read_text(encoding="utf-8")
    body = built.split("---\n", 2)[2]
    assert " ".join(body.split()) == " ".join(source.split("---\n", 2)[2].split())


def test_update_keeps_fuzzies_and_obsoletes(project, run_cli):
    tk(run_cli, "extract")
    tk(run_cli, "update")
    article = project / "articles/court-sample.md"
    text = article.read_text(encoding="utf-8")
    text = text.replace("Bilash will appeal.", "Bilash will appeal the ruling.")
    text = text.replace("It only helped families.", "")
    article.write_text(text, encoding="utf-8")
    tk(run_cli, "extract")
    code, out, _ = tk(run_cli, "update", "--lang", "ru")
    assert code == 0 and "merged locales/ru/LC_MESSAGES/court-sample.po" in out
    catalog = read_catalog(project / "locales/ru/LC_MESSAGES/court-sample.po")
    changed = catalog.find("Bilash will appeal the ruling.")
    assert changed.fuzzy and changed.msgstr == "Билаш обжалует решение."
    kept = catalog.find("Serikzhan Bilash in Almaty")
    assert (kept.msgstr, kept.fuzzy) == ("Серикжан Билаш в Алматы", False)
    obsolete = [e for e in catalog.entries if e.obsolete]
    assert [e.msgid for e in obsolete] == ["It only helped families."]
    assert check_with_msgfmt(project / "locales/ru/LC_MESSAGES/court-sample.po") is None


# The rules as the GNU gettext manual gives them ("Plural forms", Slavic family; one-or-other).
RU_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
KK_PLURALS = "nplurals=2; plural=(n != 1);"


def _plural_rule(header: str) -> tuple[int, list[int]]:
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=(.+?);?\s*", header)
    assert match, header
    choose = gettext.c2py(match.group(2))
    return int(match.group(1)), [choose(n) for n in range(1001)]


def same_plural_rule(header: str, reference: str) -> bool:
    """Do two Plural-Forms headers give every n in 0..1000 the same form?"""
    return _plural_rule(header) == _plural_rule(reference)


def test_new_catalogue_header_comes_from_cldr(project, run_cli):
    shutil.rmtree(project / "locales")
    tk(run_cli, "extract")
    tk(run_cli, "update")
    ru = read_catalog(project / "locales/ru/LC_MESSAGES/court-sample.po")
    kk = read_catalog(project / "locales/kk/LC_MESSAGES/court-sample.po")
    # Compared by meaning, not spelling: Babel releases format the same rule differently.
    assert same_plural_rule(ru.metadata["Plural-Forms"], RU_PLURALS)
    assert same_plural_rule(kk.metadata["Plural-Forms"], KK_PLURALS)
    assert not same_plural_rule(ru.metadata["Plural-Forms"], KK_PLURALS)
    assert (ru.metadata["Language"], kk.metadata["Language"]) == ("ru", "kk")
    for path in (project / "locales").rglob("*.po"):
        assert check_with_msgfmt(path) is None, path


def test_pretranslate_fills_names_numbers_dates_as_fuzzy(project, run_cli):
    shutil.rmtree(project / "locales")
    tk(run_cli, "extract")
    tk(run_cli, "update")
    code, out, _ = tk(run_cli, "pretranslate")
    assert code == 0
    ru = read_catalog(project / "locales/ru/LC_MESSAGES/court-sample.po")
    dateline = ru.find("ALMATY, Kazakhstan", "dateline")
    assert (dateline.msgstr, dateline.fuzzy) == ("АЛМАТЫ, Казахстан", True)
    alt = ru.find("Serikzhan Bilash in Almaty")
    assert alt.msgstr == ""  # "in" is a word only a translator can translate
    kk = read_catalog(project / "locales/kk/LC_MESSAGES/court-sample.po")
    assert kk.find("ALMATY, Kazakhstan", "dateline").msgstr == "АЛМАТЫ, Қазақстан"
    # one line per catalogue, counting exactly the entries it pre-filled (all fuzzy)
    counts = [sum(1 for e in c.entries if e.fuzzy and e.msgstr) for c in (kk, ru)]
    assert min(counts) > 0
    assert out.splitlines() == [
        f"locales/{lang}/LC_MESSAGES/court-sample.po: {n} entr{'y' if n == 1 else 'ies'} pre-filled"
        for lang, n in zip(("kk", "ru"), counts, strict=True)
    ]


def test_conform_dry_run_then_write(project, run_cli):
    path = project / "locales/ru/LC_MESSAGES/court-sample.po"
    po = polib.pofile(str(path))
    po.find("Bilash will appeal.").msgstr = "Билаш и оралманы обжалуют решение."
    po.save(str(path))
    line = path.read_text(encoding="utf-8").splitlines().index('msgid "Bilash will appeal."') + 1
    code, out, _ = tk(run_cli, "conform")
    assert code == 1
    assert f'-{line}: msgstr "Билаш и оралманы обжалуют решение."' in out.splitlines()
    assert f'+{line}: msgstr "Билаш и кандасы обжалуют решение."' in out.splitlines()
    assert "оралманы" in path.read_text(encoding="utf-8")  # dry run changed nothing
    code, _, err = tk(run_cli, "conform", "--write")
    assert code == 0 and "rewrote locales/ru/LC_MESSAGES/court-sample.po" in err
    assert read_catalog(path).find("Bilash will appeal.").msgstr == (
        "Билаш и кандасы обжалуют решение."
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"---\nslug: court-sample\ntitle: [unclosed\n---\nText.\n",
            "articles/court-sample.md:3: ",
        ),
        (b"slug: court-sample\n\nText.\n", "articles/court-sample.md:1: no YAML front matter"),
        (
            b"---\nslug: court-sample\ntitle: T\ndate: 2019-02-13\n---\n\xff\xfe\n",
            "articles/court-sample.md:6: not valid UTF-8",
        ),
        (
            b"---\nslug: other\ntitle: T\ndate: 2019-02-13\n---\nText.\n",
            "articles/court-sample.md:2: slug 'other'",
        ),
    ],
    ids=["yaml", "no-front-matter", "not-utf8", "slug"],
)
def test_bad_article_is_a_one_line_input_error(project, run_cli, content, expected):
    (project / "articles/court-sample.md").write_bytes(content)
    code, out, err = tk(run_cli, "extract")
    assert (code, out) == (2, "")
    assert err.startswith("toolkit: error: " + expected) and err.count("\n") == 1


def test_po_syntax_error_stops_build_with_file_and_line(project, run_cli):
    path = project / "locales/ru/LC_MESSAGES/court-sample.po"
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "broken\n', encoding="utf-8")
    code, _, err = tk(run_cli, "build")
    assert code == 2
    assert err.startswith("toolkit: error: locales/ru/LC_MESSAGES/court-sample.po:")


def test_interrupted_write_leaves_the_old_file(project, run_cli, monkeypatch):
    tk(run_cli, "extract")
    template = project / "locales/templates/court-sample.pot"
    old = template.read_bytes()
    (project / "articles/court-sample.md").write_text(
        (project / "articles/court-sample.md").read_text(encoding="utf-8") + "\nOne more line.\n",
        encoding="utf-8",
    )

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, _, err = tk(run_cli, "extract")
    assert code == 2
    assert err == (
        "toolkit: error: locales/templates/court-sample.pot: "
        "cannot write: No space left on device\n"
    )
    assert template.read_bytes() == old
    assert [p.name for p in template.parent.iterdir()] == ["court-sample.pot"]


def test_second_update_with_nothing_changed_does_nothing(project, run_cli):
    tk(run_cli, "extract")
    tk(run_cli, "update")
    code, out, _ = tk(run_cli, "update")
    assert code == 0
    assert out == "3 catalogues already up to date\n"  # kk, ru and kk@latin
    code, out, _ = tk(run_cli, "extract")
    assert out == "1 templates unchanged\n"


def test_conform_leaves_variants_kept_on_purpose(project, run_cli):
    path = project / "locales/ru/LC_MESSAGES/court-sample.po"
    po = polib.pofile(str(path))
    entry = po.find("Bilash will appeal.")
    entry.msgstr = "Раньше их называли оралманами."
    entry.tcomment = "toolkit: ignore deprecated_term"
    po.save(str(path))
    code, out, _ = tk(run_cli, "conform")
    assert (code, out) == (0, "")


FEATURES = """---
slug: features
title: Court fines activist
date: 2019-02-13
---

Court fines activist
====================

A court fined Bilash. He will appeal.

    toolkit extract. Never offered.

```
toolkit build. Never offered either.
```

<div class="note">
An HTML block. Not offered.
</div>

| Region | Share |
|--------|------:|
| China  | 44.1  |

- Kazakhstan
  - Almaty
"""


def test_setext_headings_code_and_html_blocks_through_the_pipeline(project, run_cli):
    (project / "articles/features.md").write_text(FEATURES, encoding="utf-8")
    assert tk(run_cli, "extract", "articles/features.md")[0] == 0
    pot = polib.pofile(str(project / "locales/templates/features.pot"))
    assert [(e.comment.split("\n")[0], e.msgid) for e in pot if not e.msgctxt] == [
        ("heading", "Court fines activist"),
        ("paragraph", "A court fined Bilash."),
        ("paragraph", "He will appeal."),
        ("cell", "Region"),
        ("cell", "Share"),
        ("cell", "China"),
        ("cell", "44.1"),
        ("item", "Kazakhstan"),
        ("item", "Almaty"),
    ]
    tk(run_cli, "update")
    assert tk(run_cli, "build", "articles/features.md")[0] == 0
    english = (project / "build/features.en.md").read_text(encoding="utf-8")
    assert english.split("---\n", 2)[2] == "\n" + FEATURES.split("---\n", 2)[2].lstrip("\n")
    page = (project / "build/features.en.html").read_text(encoding="utf-8")
    assert "<h1>Court fines activist</h1>" in page
    assert "<pre><code>toolkit extract. Never offered.\n</code></pre>" in page
    assert "<td>China</td>" in page
