"""Importing real termbases: TBX v2 (Weblate, translate-toolkit, Microsoft Terminology),
TBX-Basic v3 (the LTAC sample, DCA and DCT styles), and what import keeps, drops and assumes.

The files in tests/data/tbx/real come from other projects (tests/data/tbx/real/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from toolkit.glossary import load_glossary
from toolkit.glossary.interchange import project_language
from toolkit.glossary.tbx_import import read_tbx
from toolkit.translit import to_kk_latin

REAL = DATA / "tbx" / "real"
LENIENT = sorted((DATA / "tbx" / "import-lenient").glob("*.tbx"))

#: file → (concepts, English terms, parts of the summary the user must see)
REAL_FILES = {
    "weblate-cs.tbx": (4, 4, ["dropped: 4 terms in cs (not a glossary language)"]),
    "weblate-terms.tbx": (
        6,
        7,
        ["dropped: 17 terms in cs (not a glossary language)", "1 term with stray whitespace"],
    ),
    "weblate-fr-extended-metadata.tbx": (2, 2, ["2 terms in fr", "2 Translation needed"]),
    "translate-toolkit-descrip.tbx": (1, 1, ["assumed: 1 term without a status"]),
    "translate-toolkit-note-from.tbx": (1, 1, ["assumed: 1 term without a status"]),
    "translate-toolkit-status-pos.tbx": (1, 1, ["dropped: 1 partOfSpeech 'old noun'"]),
    "translate-toolkit-multilingual.tbx": (2, 2, ["dropped: 3 terms in de, es"]),
    "microsoft-terminology-sample.tbx": (2, 2, ["2 terms in zh-Hant", "2 grammaticalNumber"]),
    "ltac-tbx-basic-dca.tbx": (
        3,
        6,
        ["5 terms in es, zu", "20 transacGrp", "6 context", "3 xGraphic", "1 back matter"],
    ),
    "ltac-tbx-basic-dct.tbx": (
        3,
        6,
        ["5 terms in es, zu", "20 transacGrp", "6 context", "3 xGraphic", "1 back matter"],
    ),
}


def import_file(run_cli, path: Path, out: Path) -> tuple[str, str]:
    code, stdout, stderr = run_cli(
        "glossary", "import", "--format", "tbx", str(path), "-o", str(out)
    )
    assert code == 0, stderr
    return stdout, stderr


def test_every_real_file_is_covered():
    assert {p.name for p in REAL.glob("*.tbx")} == set(REAL_FILES)


@pytest.mark.parametrize("name", sorted(REAL_FILES))
def test_real_termbase_imports_with_one_summary_of_what_was_dropped(name, run_cli, tmp_path):
    concepts, english, summary = REAL_FILES[name]
    out, err = import_file(run_cli, REAL / name, tmp_path / "g")
    warnings = err.splitlines()
    assert 1 <= len(warnings) <= 2 and all(w.startswith("toolkit: warning: ") for w in warnings)
    for part in summary:
        assert part in err
    glossary = load_glossary(tmp_path / "g", use_cache=False)  # the YAML loads
    assert len(glossary) == concepts
    assert sum(len(c.terms.get("en", ())) for c in glossary) == english
    assert sum(int(line.split(": ")[1].split()[0]) for line in out.splitlines()) == concepts


def test_tbx_basic_sample_keeps_definitions_statuses_notes_sources_and_domains(run_cli, tmp_path):
    import_file(run_cli, REAL / "ltac-tbx-basic-dca.tbx", tmp_path / "g")
    glossary = load_glossary(tmp_path / "g", use_cache=False)
    assert {c.domain for c in glossary} == {"general", "stellar-birth", "stellar-death"}
    cluster = glossary["c1"]
    assert cluster.definition == "A group of stars formed together in the spiral arms of a galaxy."
    assert cluster.sources == ("Oxford2007",)  # the source of the definition
    assert [(t.text, t.status, t.pos) for t in cluster.terms["en"]] == [
        ("open cluster", "preferred", "noun"),
        ("galactic cluster", "forbidden", "noun"),  # supersededTerm-admn-sts
    ]
    assert cluster.terms["en"][1].note.endswith(
        "N-Source: http://www.delscope.demon.co.uk/astronomy/glossary.htm#G"
    )
    disk = glossary["c2"]  # "Stellar Birth"; two terms without a status
    assert disk.domain == "stellar-birth"
    assert [t.status for t in disk.terms["en"]] == ["preferred", "admitted", "admitted"]


def test_dca_and_dct_styles_give_the_same_concepts():
    dca = read_tbx(REAL / "ltac-tbx-basic-dca.tbx", to_kk_latin).concepts
    dct = read_tbx(REAL / "ltac-tbx-basic-dct.tbx", to_kk_latin).concepts

    def meaning(concepts):  # without the lines, which differ between the two files
        return [
            (
                c.id,
                c.domain,
                c.definition,
                c.note,
                c.sources,
                {lang: [t._replace(line=0) for t in ts] for lang, ts in c.terms.items()},
            )
            for c in concepts
        ]

    assert meaning(dca) == meaning(dct)


def test_tbx_v2_statuses_notes_and_ids(run_cli, tmp_path):
    bus, code = read_tbx(REAL / "weblate-fr-extended-metadata.tbx", to_kk_latin).concepts
    assert bus.terms["en"][0].status == "forbidden"  # Weblate's "obsolete"
    assert bus.note == "Avoid using this term in any documentation."  # descrip "Usage note"
    assert bus.definition == "Superseded but still found in older manuals."
    assert code.terms["en"][0].note == "Do not translate error codes."
    weblate = read_tbx(REAL / "weblate-terms.tbx", to_kk_latin).concepts
    assert [c.id for c in weblate][:2] == ["vit-pelcak-0", "vit-pelcak-3"]  # vít_pelčák-0
    assert weblate[1].terms["en"][0].text == "administrator"  # "administrator " trimmed
    # two langSets of one language are one block: the first preferred, the second admitted
    assert [(t.text, t.status) for t in weblate[4].terms["en"]] == [
        ("bug tracker", "preferred"),
        ("bugtracker", "admitted"),
    ]
    unnamed = read_tbx(REAL / "weblate-cs.tbx", to_kk_latin).concepts
    assert [c.id for c in unnamed] == [
        "address-bar",
        "administrator",
        "administrate",
        "always-on-top",
    ]
    microsoft = read_tbx(REAL / "microsoft-terminology-sample.tbx", to_kk_latin).concepts
    assert microsoft[0].terms["en"][0].pos == "noun"  # "Noun"
    assert microsoft[0].definition.startswith("The state that is implicitly associated")


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("en", "en"),
        ("en-US", "en"),
        ("EN_gb", "en"),
        ("ru-RU", "ru"),
        ("kk", "kk"),
        ("kk-KZ", "kk"),
        ("kk-Cyrl", "kk"),
        ("kk-Cyrl-KZ", "kk"),
        ("kk-Latn", "kk-Latn"),
        ("kk-latn-kz", "kk-Latn"),
        ("kk@latin", "kk-Latn"),
        ("kk-Arab", None),
        ("de", None),
        ("zh-Hant", None),
    ],
)
def test_region_and_script_subtags_map_to_glossary_languages(tag, lang):
    assert project_language(tag) == lang


def test_regional_langsecs_merge_into_the_base_language(tmp_path):
    tbx = tmp_path / "regional.tbx"
    tbx.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="Almaty">
      <descrip type="subjectField">Places</descrip>
      <langSec xml:lang="en-US"><termSec><term>Almaty</term></termSec></langSec>
      <langSec xml:lang="en-GB"><termSec><term>Alma-Ata</term>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="kk-Cyrl-KZ"><termSec><term>Алматы</term></termSec></langSec>
      <langSec xml:lang="kk-Arab"><termSec><term>الماتى</term></termSec></langSec>
      <langSec xml:lang="kk"><termSec><term>Almaty</term></termSec></langSec>
      <langSec xml:lang="ru-RU"><termSec><term>Алматы</term>
        <termNote type="normativeAuthorization">preferredTerm</termNote></termSec></langSec>
      <langSec xml:lang="de-DE"><termSec><term>Almaty</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
""",
        encoding="utf-8",
    )
    imported = read_tbx(tbx, to_kk_latin)
    (almaty,) = imported.concepts
    assert (almaty.id, almaty.domain) == ("almaty", "places")
    assert {lang: [(t.text, t.status) for t in ts] for lang, ts in almaty.terms.items()} == {
        "en": [("Almaty", "preferred"), ("Alma-Ata", "deprecated")],
        "kk": [("Алматы", "preferred")],
        "kk-Latn": [("Almaty", "preferred")],  # a plain "kk" langSec, Latin letters
        "ru": [("Алматы", "preferred")],
    }
    assert imported.warnings[0] == "dropped: 2 terms in kk-Arab, de-DE (not a glossary language)"
    assert "1 kk term in Latin letters put under kk-Latn" in imported.warnings[1]


def test_entities_are_never_expanded_nor_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    tbx = tmp_path / "xxe.tbx"
    tbx.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif [
  <!ENTITY lol "lollollollollollollollollollol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY file SYSTEM "{secret.as_uri()}">
]>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="x"><langSet xml:lang="en"><tig><term>Almaty&file;&lol2;</term></tig></langSet>
  </termEntry>
</body></text></martif>
""",
        encoding="utf-8",
    )
    imported = read_tbx(tbx, to_kk_latin)
    assert imported.concepts[0].terms["en"][0].text == "Almaty"
    assert "1 unexpanded entity reference" in imported.warnings[0]


@pytest.mark.parametrize("path", LENIENT, ids=lambda p: p.stem)
def test_what_strict_import_refused_is_now_a_warning(path, run_cli, tmp_path):
    expected = path.read_text("utf-8").split("<!-- expect: ")[1].split(" -->")[0]
    out, err = import_file(run_cli, path, tmp_path / "g")
    assert expected in out + err
    assert "error" not in err
    if any((tmp_path / "g").glob("*.yaml")):
        load_glossary(tmp_path / "g", use_cache=False)


def test_imported_termbase_passes_lint_or_lint_says_what_to_fix(run_cli, tmp_path):
    import_file(run_cli, REAL / "ltac-tbx-basic-dca.tbx", tmp_path / "g")
    code, out, err = run_cli("--glossary", str(tmp_path / "g"), "glossary", "lint")
    assert (code, err) == (1, "")  # findings, not a broken file
    assert "c1: no preferred kk term [no-preferred]" in out
    assert "c1: no preferred ru term [no-preferred]" in out


def test_tbx_min_reads_like_tbx_basic(tmp_path):
    tbx = tmp_path / "min.tbx"
    tbx.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<TBX dialect="TBX-Min">
  <header><id>min sample</id><languages source="en" target="ru"/></header>
  <body>
    <conceptEntry id="C002">
      <subjectField>Currencies</subjectField>
      <langGroup xml:lang="en">
        <termGroup><term>tenge</term><termStatus>preferred</termStatus>
          <partOfSpeech>noun</partOfSpeech><customerSubset>newsroom</customerSubset></termGroup>
      </langGroup>
      <langGroup xml:lang="ru">
        <termGroup><term>тенге</term><termStatus>preferred</termStatus></termGroup>
        <termGroup><term>тенгов</term><termStatus>notRecommended</termStatus></termGroup>
      </langGroup>
    </conceptEntry>
  </body>
</TBX>
""",
        encoding="utf-8",
    )
    imported = read_tbx(tbx, to_kk_latin)
    (tenge,) = imported.concepts
    assert (tenge.id, tenge.domain) == ("c002", "currencies")
    assert [(t.text, t.status, t.pos) for t in tenge.all_terms()] == [
        ("tenge", "preferred", "noun"),
        ("тенге", "preferred", None),
        ("тенгов", "deprecated", None),
    ]
    assert imported.warnings[0] == "dropped: 1 customerSubset"
