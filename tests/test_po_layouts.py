"""Real repositories' PO files: gettext's po/<lang>.po layout, Language headers written every
which way, and catalogues in other charsets than UTF-8."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DATA
from toolkit.catalog import (
    TemplateEntry,
    declared_charset,
    derive_catalog,
    merge_catalog,
    read_catalog,
    write_template,
)
from toolkit.errors import InputError
from toolkit.translit import transliterate

LAYOUTS = DATA / "po-layouts"
CHARSETS = DATA / "po-charsets"


def _findings(out: str) -> list[tuple[str, str, str]]:
    return sorted(
        (f"{f['file']}:{f['line']}", f["check"], f["concept"] or "-") for f in json.loads(out)
    )


def test_po_folder_is_checked_and_other_languages_get_one_note(monkeypatch, run_cli):
    monkeypatch.chdir(LAYOUTS)
    code, out, err = run_cli("check", "--format", "json", "po")
    rows = (LAYOUTS / "expected.tsv").read_text(encoding="utf-8").splitlines()
    assert _findings(out) == sorted(tuple(row.split("\t")) for row in rows)
    assert code == 1
    (note,) = err.splitlines()
    assert note.startswith("toolkit: note: not checked")
    assert "po/de.po (de)" in note and "po/pt_BR.po (pt_BR)" in note


def test_a_file_named_twice_is_checked_once(monkeypatch, run_cli):
    monkeypatch.chdir(LAYOUTS)
    _, once, _ = run_cli("check", "--format", "json", "--lang", "ru", "po")
    code, twice, _ = run_cli("check", "--format", "json", "--lang", "ru", "po", "po/ru.po", "./po")
    assert code == 1
    assert _findings(twice) == _findings(once) != []


@pytest.mark.parametrize("lang", ["ru", "ru_RU", "Russian"])
def test_lang_restricts_the_po_folder_to_one_language(monkeypatch, run_cli, lang):
    monkeypatch.chdir(LAYOUTS)
    code, out, err = run_cli("check", "--format", "json", "--lang", lang, "po")
    assert (code, _findings(out), err) == (1, [("po/ru.po:7", "deprecated_term", "kandas")], "")


def test_kazakh_latin_is_checked_against_the_kazakh_file_beside_it(monkeypatch, run_cli):
    monkeypatch.chdir(LAYOUTS)
    _, out, _ = run_cli("check", "--format", "json", "--lang", "kk@latin", "po")
    (finding,) = json.loads(out)
    assert finding["check"] == "translit_mismatch"
    assert finding["suggestion"] == "Sot prosesı Almatyda öttı."
    assert "kk line 11" in finding["message"]


def _catalogue(path: Path, language_header: str | None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = f'"Language: {language_header}\\n"\n' if language_header is not None else ""
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n{header}\n'
        'msgid "Almaty"\nmsgstr "Алматы"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("ru", "ru"),
        ("Russian", "ru"),
        ("ru_RU", "ru"),
        ("ru-RU", "ru"),
        ("kk_KZ", "kk"),
        ("Kazakh", "kk"),
        ("kk@latin", "kk-Latn"),
        ("kk_KZ@latin", "kk-Latn"),
        ("kk_Latn_KZ", "kk-Latn"),
        ("kk-Latn", "kk-Latn"),
        ("Kazakh (Latin)", "kk-Latn"),
        ("de_DE", "de"),
        ("mjw", "mjw"),  # Karbi (gnome-calculator has po/mjw.po): ISO 639, not in CLDR
    ],
)
def test_language_header_spellings(tmp_path, header, language):
    assert read_catalog(_catalogue(tmp_path / "messages.po", header)).language == language


@pytest.mark.parametrize(
    ("where", "language"),
    [
        ("po/ru.po", "ru"),
        ("po/ru_RU.po", "ru"),
        ("po/kk.po", "kk"),
        ("po/kk@latin.po", "kk-Latn"),
        ("locales/ru/LC_MESSAGES/news.po", "ru"),
        ("locales/kk@latin/LC_MESSAGES/de.po", "kk-Latn"),  # the folder, not the article name
        ("ru/messages.po", "ru"),
    ],
)
def test_without_a_language_header_the_file_or_folder_name_tells(tmp_path, where, language):
    assert read_catalog(_catalogue(tmp_path / where, None)).language == language
    assert read_catalog(_catalogue(tmp_path / where, "Klingonish")).language == language


def test_unknown_language_is_an_error_only_when_nothing_tells_it(tmp_path, run_cli):
    po = _catalogue(tmp_path / "messages.po", "Klingonish")
    code, _, err = run_cli("check", str(po))
    assert code == 2 and err.startswith(f"toolkit: error: {po}: cannot tell the language")


@pytest.mark.parametrize(
    ("name", "word", "suggestion"),
    [
        ("ru-koi8-r.po", "оралманам", "кандас"),
        ("ru-cp1251.po", "оралманам", "кандас"),
        ("ru-iso-8859-5.po", "оралманам", "кандас"),
        ("kk-rk1048.po", "оралмандарға", "қандас"),
    ],
    ids=["KOI8-R", "CP1251", "ISO-8859-5", "RK1048"],
)
def test_catalogue_is_read_in_the_charset_its_header_declares(run_cli, name, word, suggestion):
    code, out, err = run_cli("check", "--format", "json", str(CHARSETS / name))
    (finding,) = json.loads(out)
    assert (code, finding["line"], finding["check"]) == (1, 8, "deprecated_term"), err
    assert f"«{word}»" in finding["message"] and finding["suggestion"] == suggestion


def test_unknown_charset_is_one_error_at_the_header_line(run_cli):
    po = CHARSETS / "unknown-charset.po"
    code, out, err = run_cli("check", str(po))
    assert (code, out) == (2, "")
    assert err.startswith("toolkit: error: ") and err.endswith(
        "unknown-charset.po:3: unknown charset 'KOI8-ZZ' in the Content-Type header\n"
    )
    assert err.count("\n") == 1


def test_a_byte_outside_the_declared_charset_is_named_with_its_line(tmp_path):
    po = tmp_path / "ru.po"
    po.write_bytes(
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ASCII\\n"\n\n'
        b'msgid "Almaty"\nmsgstr "\xd0\x90"\n'
    )
    with pytest.raises(InputError) as caught:
        read_catalog(po)
    assert caught.value.line == 6 and "ascii" in caught.value.message


def test_conform_writes_a_cp1251_catalogue_back_in_cp1251(tmp_path, monkeypatch, run_cli):
    po = Path(shutil.copy(CHARSETS / "ru-cp1251.po", tmp_path / "ru.po"))
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("conform", "--write", "ru.po")
    assert code == 0, err
    text = po.read_bytes().decode("cp1251")
    assert "charset=CP1251" in text and "помогает кандасам найти жильё" in text
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)


def test_conform_refuses_a_letter_the_declared_charset_lacks(tmp_path, monkeypatch, run_cli):
    po = tmp_path / "kk.po"
    before = (
        '# Kazakh text that happens to be all Russian letters, in KOI8-R\nmsgid ""\nmsgstr ""\n'
        '"Content-Type: text/plain; charset=KOI8-R\\n"\n"Language: kk\\n"\n\n'
        'msgid "kandases"\nmsgstr "оралман"\n'
    ).encode("koi8-r")
    po.write_bytes(before)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("conform", "--write", "kk.po")
    assert code == 2 and err.startswith("toolkit: error: kk.po") and err.count("\n") == 1
    assert "«қ»" in err and "koi8-r" in err
    assert po.read_bytes() == before


def test_merge_keeps_a_cp1251_catalogue_in_cp1251(tmp_path):
    po = Path(shutil.copy(CHARSETS / "ru-cp1251.po", tmp_path / "ru.po"))
    template = tmp_path / "news.pot"  # as GNU projects' templates are: charset=CHARSET
    template.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n\n'
        'msgid "The state helps kandases find housing."\nmsgstr ""\n\n'
        'msgid "Almaty"\nmsgstr ""\n',
        encoding="ascii",
    )
    merge_catalog(po, template)
    text = po.read_bytes().decode("cp1251")
    assert "charset=CP1251" in text and "помогает оралманам найти жильё" in text
    assert 'msgid "Almaty"' in text
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)


def test_merge_with_a_utf8_template_converts_as_msgmerge_does(tmp_path):
    po = Path(shutil.copy(CHARSETS / "ru-cp1251.po", tmp_path / "ru.po"))
    template = tmp_path / "news.pot"
    write_template(template, [TemplateEntry("The state helps kandases find housing.")])
    merge_catalog(po, template)  # msgmerge writes UTF-8 then, header and bytes alike
    catalog = read_catalog(po)
    assert "charset=UTF-8" in catalog.metadata["Content-Type"]
    assert catalog.entries[0].msgstr == "Государство помогает оралманам найти жильё."


def _latin(text: str) -> str:
    return transliterate(text, "kk-latn-2021")


def test_latin_catalogue_derived_from_an_rk1048_one_is_utf8(tmp_path):
    latin = tmp_path / "kk@latin.po"
    derive_catalog(CHARSETS / "kk-rk1048.po", latin, "kk@latin", _latin)
    catalog = read_catalog(latin)
    assert "charset=UTF-8" in catalog.metadata["Content-Type"]
    kazakh = "Мемлекет оралмандарға баспана табуға көмектеседі."
    assert catalog.entries[0].msgstr == _latin(kazakh) != kazakh
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(latin)], check=True)


# -- cut-down real files (tests/data/po-real/README.md) ---------------------------------------


def test_real_gnome_po_folder_checks_kk_and_ru_and_skips_de(monkeypatch, run_cli, tmp_path):
    monkeypatch.chdir(DATA / "po-real" / "gnome-calculator")
    code, out, err = run_cli("check", "--format", "json", "po")
    assert code in (0, 1), err
    assert {f["file"] for f in json.loads(out)} <= {"po/kk.po", "po/ru.po"}
    assert (
        err == "toolkit: note: not checked, in languages other than kk, kk@latin and ru: "
        "po/de.po (de)\n"
    )
    code, out, _ = run_cli("report", "po", "-o", str(tmp_path / "r.html"))
    assert code in (0, 1) and "2 catalogue(s) without an article" in out


def test_real_koi8r_catalogue_from_2000_is_read_as_gettext_reads_it():
    catalog = read_catalog(DATA / "po-real" / "gedit-2000" / "po" / "ru.po")
    assert "Language" not in catalog.metadata and catalog.language == "ru"
    assert len(catalog.entries) == 40
    assert catalog.entries[0].msgstr == "Просмотр Web"


@pytest.mark.parametrize(
    ("raw", "charset"),
    [
        (b'msgid ""\nmsgstr "Content-Type: text/plain; charset=CP1251\\n"\n', "cp1251"),
        (
            b'#, fuzzy\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=KOI8-R\\n"\n',
            "koi8-r",
        ),
        (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n', "utf-8"),
        # only the header entry declares the charset, not an entry that quotes one
        (b'msgid "Content-Type: text/plain; charset=CP1251"\nmsgstr ""\n', "utf-8"),
    ],
    ids=["one-line header", "fuzzy header", "template placeholder", "not the header"],
)
def test_the_charset_comes_from_the_header_entry(raw, charset):
    assert declared_charset(raw, "x.po") == charset


def test_a_pipe_is_refused_not_waited_on(tmp_path, run_cli):
    # msgfmt reads a catalogue a second time: a pipe would hang the command
    fifo = tmp_path / "ru.po"
    os.mkfifo(fifo)
    code, _, err = run_cli("check", str(fifo))
    assert code == 2
    assert "not a regular file" in err
