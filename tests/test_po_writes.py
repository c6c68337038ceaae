"""Golden before/after tests of PO writes: a change touches only the lines of the entries it
changes, and the file keeps its line endings, wrapping, header order and charset.

The file is a real one: the start of BleachBit's Russian catalogue, as Weblate wrote it
(tests/data/po-writes/README.md).
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, PROJECT
from toolkit.catalog import check_with_msgfmt, read_catalog, set_translations

REAL = DATA / "po-writes" / "bleachbit-ru.po"
GLOSSARY = str(PROJECT / "glossary")
DNF = 'Carefully review the list of packages that will be removed by running "dnf list autoremove".'


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The lines a diff shows as removed (-) and added (+), endings included."""
    old, new = before.decode().splitlines(True), after.decode().splitlines(True)
    return [
        line
        for line in difflib.unified_diff(old, new, n=0)
        if line[:1] in "+-" and not line.startswith(("---", "+++"))
    ]


@pytest.fixture(params=["\n", "\r\n"], ids=["LF", "CRLF"])
def catalogue(request, tmp_path: Path) -> tuple[Path, str]:
    """A copy of the real catalogue with LF or CRLF line endings, and that ending."""
    path = tmp_path / "ru.po"
    path.write_bytes(REAL.read_bytes().replace(b"\n", request.param.encode()))
    return path, request.param


def test_one_word_changes_one_line(catalogue):
    path, nl = catalogue
    before = path.read_bytes()
    count = set_translations(path, {(None, "Delete the logs"): ("Удалить логи", False)})
    after = path.read_bytes()
    assert count == 1
    assert changed_lines(before, after) == [
        f'-msgstr "Удалить журналы"{nl}',
        f'+msgstr "Удалить логи"{nl}',
    ]
    assert check_with_msgfmt(path) is None


def test_a_wrapped_translation_is_rewrapped_like_msgcat(catalogue):
    path, nl = catalogue
    before = path.read_bytes()
    new = 'Тщательно проверьте список пакетов, которые удалит команда "dnf list autoremove".'
    set_translations(path, {(None, DNF): (new, False)})
    assert changed_lines(before, path.read_bytes()) == [
        f'-"Внимательно проверьте список пакетов, которые будут удалены с помощью "{nl}',
        f'-"команды \\"dnf list autoremove\\"."{nl}',
        f'+"Тщательно проверьте список пакетов, которые удалит команда \\"dnf list "{nl}',
        f'+"autoremove\\"."{nl}',
    ]
    assert read_catalog(path).find(DNF).msgstr == new
    assert check_with_msgfmt(path) is None


def test_marking_fuzzy_adds_the_flag_line_where_gettext_puts_it(catalogue):
    path, nl = catalogue
    before = path.read_bytes()
    msgid = "Restores the previous session when the browser next starts."
    set_translations(path, {(None, msgid): ("Восстанавливает прошлый сеанс.", True)})
    assert changed_lines(before, path.read_bytes()) == [
        f"+#, fuzzy{nl}",
        f'-msgstr ""{nl}',
        f'+msgstr "Восстанавливает прошлый сеанс."{nl}',
    ]
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f'msgid "{msgid}"')
    assert lines[at - 1] == "#, fuzzy" and lines[at - 2].startswith("#: ")
    entry = read_catalog(path).find(msgid)
    assert entry.fuzzy and check_with_msgfmt(path) is None


def test_clearing_fuzzy_drops_the_flag_and_the_previous_msgid(catalogue):
    path, nl = catalogue
    before = path.read_bytes()
    msgid = "A history of forms entered in websites and in the Search bar"
    msgstr = read_catalog(path).find(msgid).msgstr
    assert set_translations(path, {(None, msgid): (msgstr, False)}) == 1
    assert changed_lines(before, path.read_bytes()) == [
        f"-#, fuzzy{nl}",
        f'-#| msgid "A history of forms entered in web sites and in the Search bar"{nl}',
    ]
    assert not read_catalog(path).find(msgid).fuzzy


def test_the_fuzzy_mark_goes_first_and_other_flags_stay(tmp_path: Path):
    path = tmp_path / "ru.po"
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    path.write_text(
        head + '#, c-format\nmsgid "%d files"\nmsgstr "%d файлов"\n\n'
        '#, fuzzy, c-format\n#| msgid "%d file"\nmsgid "%d dirs"\nmsgstr "%d папок"\n',
        encoding="utf-8",
    )
    changes = {(None, "%d files"): ("%d файлов", True), (None, "%d dirs"): ("%d папок", False)}
    assert set_translations(path, changes) == 2
    assert path.read_text(encoding="utf-8") == (
        head + '#, fuzzy, c-format\nmsgid "%d files"\nmsgstr "%d файлов"\n\n'
        '#, c-format\nmsgid "%d dirs"\nmsgstr "%d папок"\n'
    )


def test_nothing_to_change_leaves_the_file_alone(catalogue):
    path, _ = catalogue
    before = path.stat()
    assert set_translations(path, {(None, "Delete the logs"): ("Удалить журналы", False)}) == 0
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def test_no_trailing_newline_stays_so(tmp_path: Path):
    path = tmp_path / "ru.po"
    path.write_bytes(REAL.read_bytes().rstrip(b"\n"))
    set_translations(path, {(None, "List of visited web pages"): ("Посещённые страницы", False)})
    assert path.read_text(encoding="utf-8").endswith('msgstr "Посещённые страницы"')
    assert check_with_msgfmt(path) is None


def test_an_unwrapped_file_stays_unwrapped(tmp_path: Path):
    long_id = "Remove packages that were formerly dependencies " * 3
    path = tmp_path / "ru.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n\n'
        f'msgid "{long_id}"\nmsgstr ""\n',
        encoding="utf-8",
    )
    new = "Удалить пакеты, которые раньше были зависимостями, " * 3
    set_translations(path, {(None, long_id): (new, False)})
    assert path.read_text(encoding="utf-8").endswith(f'msgstr "{new}"\n')


def test_a_koi8_file_is_written_in_koi8(tmp_path: Path):
    path = tmp_path / "ru.po"
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=KOI8-R\\n"\n"Language: ru\\n"\n\n'
        'msgid "Logs"\nmsgstr "Журналы событий"\n\nmsgid "Cache"\nmsgstr "Кэш"\n'
    )
    path.write_bytes(text.encode("koi8-r"))
    set_translations(path, {(None, "Cache"): ("Кеш", False)})
    assert path.read_bytes() == text.replace('"Кэш"', '"Кеш"').encode("koi8-r")


@pytest.mark.parametrize("nl", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_conform_write_changes_one_line_and_keeps_the_mode(tmp_path: Path, run_cli, nl: str):
    planted = REAL.read_text(encoding="utf-8").replace(
        'msgstr "Удалить журналы разговоров"', 'msgstr "Удалить журналы оралманов"'
    )
    path = tmp_path / "po" / "ru.po"
    path.parent.mkdir()
    path.write_bytes(planted.replace("\n", nl).encode())
    path.chmod(0o640)
    before = path.read_bytes()
    code, _, err = run_cli("--glossary", GLOSSARY, "conform", "--write", str(path))
    assert code == 0 and "rewrote" in err
    assert changed_lines(before, path.read_bytes()) == [
        f'-msgstr "Удалить журналы оралманов"{nl}',
        f'+msgstr "Удалить журналы кандасов"{nl}',
    ]
    assert path.stat().st_mode & 0o777 == 0o640
    assert check_with_msgfmt(path) is None


def test_update_keeps_crlf(tmp_path: Path, run_cli, monkeypatch):
    root = Path(shutil.copytree(DATA / "pipeline" / "project", tmp_path / "project"))
    monkeypatch.chdir(root)
    run_cli("--glossary", GLOSSARY, "extract")
    path = root / "locales/ru/LC_MESSAGES/court-sample.po"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    code, out, _ = run_cli("--glossary", GLOSSARY, "update", "--lang", "ru")
    assert code == 0 and "merged" in out
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") > 0
    assert check_with_msgfmt(path) is None
