"""The number_mismatch check: amounts compared as values in each language's notation,
versions and identifiers left as written, no input too long or too large."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.catalog import Catalog, Entry
from toolkit.checks.base import Problem, Resources, Unit
from toolkit.checks.text import NumberMismatch

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n\n'
)


def number_problems(source: str, target: str, lang: str = "ru", **plural) -> list[Problem]:
    """What number_mismatch says of one entry (``plural``: msgid_plural, msgstr_plural)."""
    entry = Entry(source, target, 7, **plural)
    catalog = Catalog("case.po", lang, lang, [entry], {})
    return list(NumberMismatch().problems(Unit(entry, catalog, Resources(glossary=None))))


# Same digits on both sides, from real software catalogues: versions, standards, sizes,
# ranges, identifiers, and arguments reordered by position.
SAME_NUMBERS = [
    ("Requires TLS 1.2 or later.", "Требуется TLS 1.2 или новее.", "ru"),
    ("Use 802.1X authentication.", "Использовать аутентификацию 802.1X.", "ru"),
    ("Download size: 9.4 GB", "Размер загрузки: 9,4 ГБ", "ru"),
    ("Download size: 9.4 GB", "Размер загрузки: 9.4 ГБ", "ru"),
    ("Download size: 9.4 GB", "Жүктеу көлемі: 9,4 ГБ", "kk"),
    ("Value must be in [8,63]", "Значение должно быть в [8,63]", "ru"),
    ("Dates in ISO 8601 format", "Даты в формате ISO 8601", "ru"),
    ("As defined in RFC 2119.", "Как определено в RFC 2119.", "ru"),
    ("Encoding: UTF-8", "Кодировка: UTF-8", "ru"),
    ("Architecture x86_64 over IPv6", "Архитектура x86_64 через IPv6", "ru"),
    ("Version 2.0.1 is out", "Вышла версия 2.0.1", "ru"),
    ("Page %s of %s", "Страница %2$s из %1$s", "ru"),
    ("%1$d files in %2$s", "%1$d файлов в %2$s", "ru"),
    ("Item {0} of {1}", "{1} ішінен {0}", "kk"),
    ("A fine of 252,000 tenges ($670)", "Штраф 252 000 тенге (670 долларов)", "ru"),
    ("A fine of 252,000 tenges", "Штраф 252 тыс. тенге", "ru"),
    ("A fine of 252,000 tenges", "252 000 теңге айыппұл", "kk"),
    ("1.5 million people", "1,5 млн человек", "ru"),
    ("2 million people", "2 миллиона человек", "ru"),
    ("Some 22 million residents", "22 миллион тұрғын", "kk"),
    ("Total: 1,234,567.89", "Итого: 1 234 567,89", "ru"),
    ("Total: 1,234,567.89", "Итого: 1\u202f234\u202f567,89", "ru"),
    # coreutils: placeholders named with a digit, translated, once where the source has two
    (
        "When FILE1 or FILE2 is -; FILENUM is 1 or 2, for FILE1 or FILE2",
        "Если ФАЙЛ1 или ФАЙЛ2 — это -; НОМЕР равен 1 или 2",
        "ru",
    ),
    (
        "x11vnc -display :0 -connect 192.168.1.36:8888",
        "x11vnc -display :0 -connect 192.168.1.36:8888",
        "kk",
    ),
    ("Bandwidth: 1K 234M 2G", "Полоса: 1K 234M 2G", "ru"),
    ("translator-credits", "Aleksey https://launchpad.net/~ak099", "ru"),
    # coreutils ru.po: small numbers written as words
    ("tab size cannot be 0", "размер табуляции не может быть равен нулю", "ru"),
    ("interpreted as the 2-byte sequence", "трактуется как двухбайтовая последовательность", "ru"),
    ("In the 1st form, create a link", "В первой форме создаётся ссылка", "ru"),
    ("Three 3-line pages", "Үш бет", "kk"),
]


@pytest.mark.parametrize(
    ("source", "target", "lang"), SAME_NUMBERS, ids=[s for s, *_ in SAME_NUMBERS]
)
def test_same_numbers_are_no_finding(source: str, target: str, lang: str) -> None:
    assert number_problems(source, target, lang) == []


WRONG_NUMBERS = [
    # (source, translation, lang, what the message names)
    ("A fine of 252,000 tenges", "Штраф 25 200 тенге", "ru", ["252,000", "25 200"]),
    ("A fine of 252,000 tenges ($670)", "Штраф 252 000 тенге", "ru", ["$670"]),
    ("2 million people", "2 тыс. человек", "ru", ["2", "2"]),
    ("Download size: 9.4 GB", "Размер загрузки: 94 ГБ", "ru", ["9.4", "94"]),
    ("Download size: 9.4 GB", "Размер загрузки: 9,5 ГБ", "ru", ["9.4", "9,5"]),
    ("Listen on IPv6", "Слушать на IPv4", "ru", ["IPv6", "IPv4"]),
    ("Requires TLS 1.2", "Требуется TLS 1.3", "ru", ["1.2", "1.3"]),
    ("Page %s of %s", "Страница %2$s из %1$s, 3", "ru", ["3"]),
    # coreutils ru.po, date --help: the ISO week number goes up to 53, not 52
    ("ISO week number (01..53)", "номер недели по ISO (01..52)", "ru", ["53", "52"]),
    ("Connected via X2Go", "Подключено", "ru", ["X2Go"]),
    ("Connected to %s:%d via X2Go", "%s хостына қосылу", "kk", ["X2Go"]),  # not екі (2)
    ("Wait 17 seconds", "Подождите семнадцать секунд", "ru", ["17"]),  # only 0 to 10 as words
    ("Fill 2 forms", "Заполните двадцать форм", "ru", ["2"]),  # двадцать is 20
]


@pytest.mark.parametrize(
    ("source", "target", "lang", "named"), WRONG_NUMBERS, ids=[s for s, *_ in WRONG_NUMBERS]
)
def test_a_changed_or_lost_number_is_found(source: str, target: str, lang: str, named) -> None:
    (problem,) = number_problems(source, target, lang)
    for shown in named:
        assert shown in problem.message


def test_the_message_says_which_side_lacks_the_number() -> None:
    (problem,) = number_problems("252,000 tenges ($670)", "25 200 тенге (670 долларов)")
    assert "not in the translation: 252,000" in problem.message
    assert "not in the source: 25 200" in problem.message
    assert (problem.start, problem.end) == (0, 6)  # the span of 25 200 in the translation


def test_plural_forms_repeat_the_numbers_of_the_source() -> None:
    plural = {"msgid_plural": "%d kandases arrived in 2019.", "msgstr_plural": {}}
    forms = {0: "В 2019 году прибыл %d кандас.", 1: "В 2019 году прибыли %d кандаса.",
             2: "В 2019 году прибыли %d кандасов."}  # fmt: skip
    plural["msgstr_plural"] = forms
    assert number_problems("One kandas arrived in 2019.", forms[0], **plural) == []
    forms[2] = "В 2018 году прибыли %d кандасов."
    (problem,) = number_problems("One kandas arrived in 2019.", forms[0], **plural)
    assert "2018" in problem.message


def _write_entry(folder: Path, msgid: str, msgstr: str, lang: str = "ru") -> Path:
    po = folder / "huge.po"
    po.write_text(f'{HEADER.format(lang=lang)}msgid "{msgid}"\nmsgstr "{msgstr}"\n', "utf-8")
    return po


def test_a_hundred_grouped_zeros_are_one_number_not_a_crash(tmp_path: Path, run_cli) -> None:
    """Issue 11: "1" followed by 103 × " 000" overflowed a float and killed the run."""
    po = _write_entry(tmp_path, "1" + " 000" * 103, "1" + " 000" * 102)
    code, out, err = run_cli("check", "--format", "json", str(po))
    (finding,) = json.loads(out)
    assert finding["check"] == "number_mismatch", err
    assert code == 1
    assert len(finding["message"]) < 200  # a huge number is shown shortened


def test_a_long_list_of_numbers_is_named_in_part(tmp_path: Path, run_cli) -> None:
    po = _write_entry(tmp_path, " ".join(str(n) for n in range(0, 5000, 7)), "нет")
    _, out, _ = run_cli("check", "--format", "json", str(po))
    (finding,) = json.loads(out)
    assert "0, 7, 14" in finding["message"] and "more" in finding["message"]
    assert len(finding["message"]) < 300
