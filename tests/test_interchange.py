"""Glossary interchange: TBX export/import and its schema, Weblate/OmegaT CSV, glossary PO."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import DATA, PROJECT
from toolkit.catalog import check_with_msgfmt, read_catalog
from toolkit.errors import InputError
from toolkit.glossary import load_glossary
from toolkit.glossary.bilingual import read_weblate_csv
from toolkit.glossary.tbx import NS, schema, validate
from toolkit.glossary.tbx_import import read_tbx
from toolkit.translit import to_kk_latin

TBX = DATA / "tbx"
MINI = DATA / "glossary-mini"
ALL_FIELDS = DATA / "glossary-interchange"
GLOSSARIES = [PROJECT / "glossary", MINI, ALL_FIELDS]
GOOD = sorted((TBX / "good").glob("*.tbx"))
BAD = sorted((TBX / "bad").glob("*.tbx"))
IMPORT_BAD = sorted((TBX / "import-bad").glob("*.tbx"))
_EXPECT = re.compile(r"<!-- .*?expect: (?:line )?(\d+)(?:: (.*?))?\)? -->")


def comparable(concepts) -> list[tuple]:
    """What a concept means, without where it was read from (file, line)."""
    return [
        (
            c.id,
            c.domain,
            c.note,
            c.definition,
            c.sources,
            c.cldr,
            c.explicit_kind,
            {lang: tuple(t._replace(line=0) for t in ts) for lang, ts in c.terms.items()},
        )
        for c in concepts
    ]


def export(run_cli, glossary: Path, *args: str) -> str:
    code, out, err = run_cli("--glossary", str(glossary), "glossary", "export", *args)
    assert (code, err) == (0, "")
    return out


# -- TBX export, schema, round trip ----------------------------------------------------------


def test_shipped_glossary_exports_schema_valid_tbx_with_every_concept(run_cli, tmp_path):
    out = tmp_path / "glossary.tbx"
    export(run_cli, PROJECT / "glossary", "--format", "tbx", "-o", str(out))
    validate(out)
    root = etree.parse(str(out)).getroot()
    ns = {"t": NS}
    glossary = load_glossary(PROJECT / "glossary")
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert len(root.findall(".//t:conceptEntry", ns)) == len(glossary)
    assert len(root.findall(".//t:langSec", ns)) == sum(len(c.terms) for c in glossary)
    assert len(root.findall(".//t:termSec", ns)) == sum(1 for c in glossary for _ in c.all_terms())


def test_tbx_maps_status_grammar_and_derived_latin(run_cli):
    root = etree.fromstring(export(run_cli, MINI).encode())
    ns = {"t": NS}
    kandas = root.find(".//t:conceptEntry[@id='kandas']", ns)
    assert kandas.findtext("t:descrip[@type='subjectField']", namespaces=ns) == "social"
    ru = next(s for s in kandas.findall("t:langSec", ns) if s.get(f"{{{_XML}}}lang") == "ru")
    statuses = [
        (sec.findtext("t:term", namespaces=ns), sec.findtext(_STATUS, namespaces=ns))
        for sec in ru.findall("t:termSec", ns)
    ]
    assert statuses == [
        ("кандас", "preferredTerm-admn-sts"),
        ("оралман", "deprecatedTerm-admn-sts"),
    ]
    latin = [s for s in kandas.findall("t:langSec", ns) if s.get(f"{{{_XML}}}lang") == "kk-Latn"]
    notes = [n.text for n in latin[0].iter(f"{{{NS}}}note")]
    assert notes.count("toolkit:derived=kk-latn-2021") == 2


_XML = "http://www.w3.org/XML/1998/namespace"
_STATUS = "t:termNote[@type='administrativeStatus']"


def test_forbidden_maps_to_superseded_and_override_travels_as_note(run_cli):
    xml = export(run_cli, ALL_FIELDS)
    assert "<term>district tribunal</term>" in xml
    tribunal = xml.split("<term>district tribunal</term>")[1].split("</termSec>")[0]
    assert "supersededTerm-admn-sts" in tribunal
    assert '<conceptEntry id="_1st-instance-court">' in xml
    assert "<note>toolkit:override=informal Latin spelling" in xml


def test_mini_export_matches_golden_file(run_cli):
    assert export(run_cli, MINI) == (TBX / "good" / "glossary-mini.tbx").read_text("utf-8")


@pytest.mark.parametrize("glossary", GLOSSARIES, ids=lambda p: p.name)
def test_round_trip_export_import_export_is_byte_identical(glossary, run_cli, tmp_path):
    first = tmp_path / "first.tbx"
    first.write_text(export(run_cli, glossary), encoding="utf-8")
    code, out, err = run_cli(
        "glossary", "import", "--format", "tbx", str(first), "-o", str(tmp_path / "g")
    )
    assert (code, err) == (0, "")
    assert "concept" in out
    second = export(run_cli, tmp_path / "g")
    assert second == first.read_text(encoding="utf-8")


@pytest.mark.parametrize("glossary", GLOSSARIES, ids=lambda p: p.name)
def test_import_gives_the_concepts_of_the_loaded_glossary(glossary, run_cli, tmp_path):
    tbx = tmp_path / "g.tbx"
    tbx.write_text(export(run_cli, glossary), encoding="utf-8")
    original = load_glossary(glossary)
    assert comparable(read_tbx(tbx, to_kk_latin).concepts) == comparable(original)
    run_cli("glossary", "import", "--format", "tbx", str(tbx), "-o", str(tmp_path / "g"))
    reloaded = load_glossary(tmp_path / "g", use_cache=False)
    assert comparable(reloaded) == comparable(original)
    # derived kk-Latn stays derived (omitted from the YAML), given kk-Latn stays given
    for concept in reloaded:
        assert [t.derived for t in concept.terms.get("kk-Latn", ())] == [
            t.derived for t in original[concept.id].terms.get("kk-Latn", ())
        ]


def test_imported_yaml_reads_like_the_hand_written_files(run_cli, tmp_path):
    tbx = tmp_path / "g.tbx"
    tbx.write_text(export(run_cli, MINI), encoding="utf-8")
    run_cli("glossary", "import", "--format", "tbx", str(tbx), "-o", str(tmp_path / "g"))
    text = (tmp_path / "g" / "social.yaml").read_text(encoding="utf-8")
    assert "      - {term: кандас, status: preferred, gender: m}\n" in text
    assert "kk-Latn" not in text  # derived, so left out as in the source file


# -- the schema itself ----------------------------------------------------------------------


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_schema_accepts_known_good_documents(path):
    assert schema().validate(etree.parse(str(path))), schema().error_log


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_schema_rejects_known_bad_documents_at_the_right_line(path):
    expected_line = int(_EXPECT.search(path.read_text("utf-8")).group(1))
    with pytest.raises(InputError) as info:
        validate(path)
    assert info.value.line == expected_line
    assert str(info.value).startswith(f"{info.value.path}:{expected_line}: not valid TBX: ")


def test_good_and_bad_sets_are_not_empty():
    assert len(GOOD) >= 3 and len(BAD) >= 10


# -- TBX import errors ----------------------------------------------------------------------


@pytest.mark.parametrize("path", IMPORT_BAD, ids=lambda p: p.stem)
def test_bad_tbx_import_is_one_line_with_file_and_line(path, run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(PROJECT)
    line, message = _EXPECT.search(path.read_text("utf-8")).groups()
    shown = path.relative_to(PROJECT)
    code, out, err = run_cli(
        "glossary", "import", "--format", "tbx", str(shown), "-o", str(tmp_path)
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"toolkit: error: {shown}:{line}: {message}")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.iterdir())  # nothing written


def test_import_errors_are_only_for_files_that_are_not_xml_or_not_tbx():
    assert {p.stem for p in IMPORT_BAD} == {"malformed", "not-tbx", "no-body"}


def test_a_file_that_is_not_xml_is_one_error_with_its_line(run_cli, tmp_path):
    csv_file = tmp_path / "glossary.tbx"
    csv_file.write_text("source,target\nAlmaty,Алматы\n", encoding="utf-8")
    code, out, err = run_cli(
        "glossary", "import", "--format", "tbx", str(csv_file), "-o", str(tmp_path / "g")
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"toolkit: error: {csv_file}:1: malformed XML: ")
    assert err.count("\n") == 1


# -- CSV (Weblate) and OmegaT ---------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_weblate_columns_and_marks_deprecated_and_forbidden(run_cli):
    rows = read_csv(export(run_cli, MINI, "--format", "csv", "--pair", "en:ru"))
    assert list(rows[0]) == ["source", "target", "context", "developer_comments"]
    kandas = [r for r in rows if r["context"].split("#")[0] == "kandas"]
    assert (kandas[0]["source"], kandas[0]["target"], kandas[0]["context"]) == (
        "kandas",
        "кандас",
        "kandas",
    )
    deprecated = [r for r in kandas if r["target"] == "оралман"]
    assert deprecated[0]["developer_comments"].startswith("ru DEPRECATED, use кандас")
    assert len({(r["source"], r["context"]) for r in rows}) == len(rows)  # unique units


def test_csv_keeps_commas_quotes_and_newlines_of_notes(run_cli):
    rows = read_csv(export(run_cli, ALL_FIELDS, "--format", "csv", "--pair", "en:ru"))
    first = rows[0]
    assert first["source"] == "court of first instance"
    assert first["developer_comments"].startswith('commas, "quotes", and\na line break — ')
    assert "see also:\nappeals court." in first["developer_comments"]
    forbidden = [r for r in rows if r["source"] == "district tribunal"]
    assert forbidden[0]["developer_comments"] == (
        "en FORBIDDEN, use court of first instance — calque; never use"
    )


def test_csv_pair_with_derived_latin_target(run_cli):
    rows = read_csv(export(run_cli, MINI, "--format", "csv", "--pair", "kk:kk-Latn"))
    assert {"source": "Алматы", "target": "Almaty", "context": "almaty"}.items() <= rows[
        [r["context"] for r in rows].index("almaty")
    ].items()


def test_omegat_dialect_is_three_tab_separated_columns(run_cli):
    text = export(run_cli, ALL_FIELDS, "--format", "csv", "--pair", "en:ru", "--dialect", "omegat")
    lines = text.splitlines()
    assert all(line.count("\t") == 2 for line in lines)
    source, target, comment = lines[0].split("\t")
    assert (source, target) == ("court of first instance", "суд первой инстанции")
    assert comment.startswith('commas, "quotes", and a line break — ')
    assert comment.endswith("[1st-instance-court]")


def test_csv_import_recovers_terms_and_statuses(run_cli, tmp_path):
    exported = tmp_path / "en-ru.csv"
    exported.write_text(export(run_cli, ALL_FIELDS, "--format", "csv", "--pair", "en:ru"), "utf-8")
    code, out, err = run_cli(
        "glossary", "import", "--format", "csv", "--pair", "en:ru", str(exported), "-o",
        str(tmp_path / "g"), "--domain", "legal",
    )  # fmt: skip
    assert (code, err, out) == (0, "", f"{tmp_path / 'g' / 'legal.yaml'}: 2 concepts\n")
    imported = load_glossary(tmp_path / "g", use_cache=False)
    original = load_glossary(ALL_FIELDS)
    for concept in imported:
        for lang in ("en", "ru"):
            assert [(t.text, t.status) for t in concept.terms[lang]] == [
                (t.text, t.status) for t in original[concept.id].terms[lang]
            ]
    assert imported["un"].sources == ("imported from en-ru.csv (en:ru glossary CSV)",)


def test_csv_import_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("term,meaning\nkandas,кандас\n", "utf-8")
    with pytest.raises(InputError, match=r"bad.csv:1: the header has no source or target column"):
        read_weblate_csv(bad, "en", "ru")
    bad.write_text('source,target\n"kandas,кандас\n', "utf-8")
    with pytest.raises(InputError, match=r"bad.csv:\d+: CSV syntax: "):
        read_weblate_csv(bad, "en", "ru")


def test_csv_rows_without_a_concept_column_stay_separate_concepts(tmp_path):
    homonyms = tmp_path / "weblate.csv"
    homonyms.write_text("source,target\nSave,Сохранить\nsave,экономить\n", "utf-8")
    concepts = read_weblate_csv(homonyms, "en", "ru").concepts
    assert [(c.id, c.terms["en"][0].text, c.terms["ru"][0].text) for c in concepts] == [
        ("save", "Save", "Сохранить"),
        ("save-2", "save", "экономить"),
    ]


def test_csv_concept_column_groups_rows_and_untranslated_rows_are_counted(tmp_path):
    # Weblate's CSV export (translate-toolkit's columns) with a filled-in context
    export = tmp_path / "weblate.csv"
    export.write_text(
        "location,source,target,id,fuzzy,context,translator_comments,developer_comments\n"
        ",Save,Сохранить,,False,File menu,,\n"
        ",Save as,Сохранить как,,False,,,\n"
        ",Store,Сохранять,,False,File menu,,ru ADMITTED\n"
        ",Export,,,False,,,\n",
        "utf-8",
    )
    imported = read_weblate_csv(export, "en", "ru")
    assert [(c.id, [t.text for t in c.terms["en"]]) for c in imported.concepts] == [
        ("file-menu", ["Save", "Store"]),
        ("save-as", ["Save as"]),
    ]
    assert imported.warnings == [
        "dropped: 1 row without a target term",
        "assumed: 1 concept key turned into lower-case slugs",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "csv"),
        ("--format", "csv", "--pair", "en:de"),
        ("--format", "csv", "--pair", "ru:ru"),
        ("--format", "po"),
    ],
)
def test_export_options_missing_or_wrong_exit_2(args, run_cli):
    code, out, err = run_cli("--glossary", str(MINI), "glossary", "export", *args)
    assert (code, out) == (2, "")
    assert err.startswith("toolkit: error: ") and err.count("\n") == 1


# -- PO -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "kk", "kk-Latn"])
def test_po_export_passes_msgfmt_check(lang, run_cli, tmp_path):
    out = tmp_path / f"glossary-{lang}.po"
    export(run_cli, PROJECT / "glossary", "--format", "po", "--lang", lang, "-o", str(out))
    assert check_with_msgfmt(out) is None
    catalog = read_catalog(out)
    assert catalog.language == lang
    assert len(catalog.entries) == len(load_glossary(PROJECT / "glossary"))


def test_po_entry_has_preferred_terms_and_variants_in_comment(run_cli, tmp_path):
    out = tmp_path / "ru.po"
    export(run_cli, MINI, "--format", "po", "--lang", "ru", "-o", str(out))
    entry = read_catalog(out).find("kandas", msgctxt="kandas")
    assert entry.msgstr == "кандас"
    assert "ru deprecated, do not use: оралман" in entry.extracted_comment
    assert "English deprecated, do not use: oralman" in entry.extracted_comment
