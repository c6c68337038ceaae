"""`toolkit find` does not report what only looks like a term: one part of a hyphenated word
(«Восточно-Казахстанский» is not «казахстанский»), or the name of a person, organisation or
place written in lower case, where its words are an ordinary phrase («әділ сөз» "a fair word"
is not the Adil Soz foundation). Each case is a sentence and every match `toolkit find`
must report in it, as (concept, surface) pairs in order."""

from __future__ import annotations

import json

import pytest


def found(run_cli, tmp_path, lang: str, text: str) -> list[tuple[str, str]]:
    """The (concept, surface) of every match of `toolkit find --lang LANG` in ``text``."""
    path = tmp_path / "sentence.txt"
    path.write_text(text + "\n", encoding="utf-8")
    code, out, err = run_cli("find", "--lang", lang, "--format", "jsonl", str(path))
    assert code == 0, err
    return [(m["concept"], m["text"]) for m in json.loads(out)["matches"]]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the second part of a compound adjective is not the adjective of its own
        ("ru", "Суд Восточно-Казахстанского региона отклонил жалобу.", []),
        ("ru", "Обсуждались российско-казахстанские торговые связи.", []),
        # the same adjective standing alone still is
        (
            "ru",
            "Казахстанские пограничники задержали двоих.",
            [("kazakhstanis", "Казахстанские")],
        ),
        # a compound the glossary lists whole is found whole
        (
            "ru",
            "Жители Северо-Казахстанской области получили квоты.",
            [("north-kazakhstan-region", "Северо-Казахстанской области")],
        ),
        # the first part of a compound: «қазақ-қытай» is "Kazakh-Chinese", not the Kazakhs
        ("kk", "Ол қазақ-қытай қатынасы туралы айтты.", []),
        ("kk", "Ол қазақ халқы туралы айтты.", [("kazakhs", "қазақ")]),
        # a prefix makes another word: an ex-akim, a co-defendant, the medium term
        ("ru", "Экс-аким дал показания.", []),
        ("en", "A co-defendant spoke.", []),
        ("en", "Inflation stays within the medium-term target.", []),
        # names keep their referent inside a compound or a pair of names
        (
            "kk",
            "Олар Қытай-Қазақстан шекарасын кесіп өтті.",
            [("china", "Қытай"), ("kazakhstan", "Қазақстан")],
        ),
        ("en", "The Almaty-based group said so.", [("almaty", "Almaty")]),
        # two terms side by side are both terms
        (
            "ru",
            "В мечети молились дунгане-мусульмане.",
            [("hui", "дунгане"), ("muslims", "мусульмане")],
        ),
        # a Kazakh ending after an abbreviation's hyphen is part of the word
        ("kk", "Айыппұл 5 млн-ға жетті.", [("fine", "Айыппұл"), ("million", "млн-ға")]),
        ("kk", "БҰҰ-ның баяндамасы шықты.", [("united-nations", "БҰҰ-ның")]),
    ],
)
def test_a_part_of_a_hyphenated_word_is_not_a_term_of_its_own(
    run_cli, tmp_path, lang, text, expected
):
    assert found(run_cli, tmp_path, lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an organisation's name in lower case is an ordinary phrase
        ("kk", "Ақсақалдар әділ сөзін ортаға салды.", []),
        ("kk", "Бұл нағыз атажұрт емес пе?", []),
        ("en", "The village held a street party.", []),
        ("ru", "Ни одна демократическая партия не прошла.", []),
        # written as a name, it is the name
        ("kk", "Әділ сөз қоры мәлімдеме жасады.", [("adil-soz", "Әділ сөз")]),
        ("en", "The Street Party was not registered.", [("koshe-party", "Street Party")]),
        # a capital on another of its words marks the name
        ("kk", "Ол нағыз Атажұрт туралы айтты.", [("nagyz-atazhurt", "нағыз Атажұрт")]),
        ("en", "Floods hit the region of Almaty.", [("almaty-region", "region of Almaty")]),
        # the name of an institution or an event is its description: the press lower-cases it
        ("kk", "Қаңтар оқиғасына бір жыл толды.", [("qantar", "Қаңтар оқиғасына")]),
        ("kk", "Ол қаңтар оқиғасына қатысты.", [("qantar", "қаңтар оқиғасына")]),
        (
            "ru",
            "Жалобу рассмотрит конституционный суд.",
            [("kazakhstan-constitutional-court", "конституционный суд")],
        ),
    ],
)
def test_a_label_name_of_several_words_in_lower_case_is_an_ordinary_phrase(
    run_cli, tmp_path, lang, text, expected
):
    assert found(run_cli, tmp_path, lang, text) == expected
