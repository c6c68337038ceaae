"""Article Markdown: what is offered for translation, and how translations are put back.

Each rebuilt text is also read back with markdown-it: the structure a reader sees (headings,
lists, quotes, code, tables, links) must survive a translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA
from toolkit.articles.inline import PLACEHOLDER, markdown_parser
from toolkit.articles.markdown import Article, Segment, parse_article, parse_markdown, render_body
from toolkit.articles.sentences import ABBREVIATIONS_FILE, abbreviations, split_sentences
from toolkit.errors import InputError

OTHERS = DATA / "articles" / "others"


def texts(article: Article) -> list[str]:
    return [segment.text for segment in article.segments]


def source(segment: Segment) -> str:
    return segment.text


def rebuild(markdown: str, table: dict[str, str] | None = None) -> str:
    """``markdown`` segmented and rebuilt, each segment replaced from ``table`` (else kept)."""
    article = parse_markdown(markdown)
    return render_body(article, lambda s: (table or {}).get(s.text, s.text))


def html(markdown: str) -> str:
    return markdown_parser().render(markdown)


def structure(markdown: str) -> list[str]:
    """The HTML elements a reader sees, in order, without their text."""
    return re.findall(r"</?[a-z0-9]+", html(markdown))


def same_html(one: str, other: str) -> bool:
    """Same HTML but for where lines are wrapped."""
    return " ".join(html(one).split()) == " ".join(html(other).split())


def marked(segment: Segment) -> str:
    """A stand-in translation: every word changed, placeholders kept where they are."""
    pieces = PLACEHOLDER.split(segment.text)
    tags = [*PLACEHOLDER.findall(segment.text), ""]
    words = [re.sub(r"([^\W\d_]+)", r"\1ыж", piece) for piece in pieces]
    return "".join(word + tag for word, tag in zip(words, tags, strict=True))


# -- what is offered for translation ---------------------------------------------------------


def test_setext_headings_are_headings():
    article = parse_markdown("Almaty court\n============\n\nThe ruling\n----------\n\nText.\n")
    assert [(s.kind, s.text) for s in article.segments] == [
        ("heading", "Almaty court"),
        ("heading", "The ruling"),
        ("paragraph", "Text."),
    ]
    # rebuilt as setext headings: the underline is kept as it was
    assert rebuild("Almaty court\n============\n", {"Almaty court": "Алматы соты"}) == (
        "Алматы соты\n============\n"
    )


def test_setext_heading_over_two_lines_is_one_segment():
    article = parse_markdown("> Court fines\n> activist\n> ---\n")
    assert [(s.kind, s.text) for s in article.segments] == [("heading", "Court fines activist")]
    assert rebuild("> Court fines\n> activist\n> ---\n") == "> Court fines activist\n> ---\n"


def test_indented_code_is_never_offered_and_kept_verbatim():
    markdown = "Run this. Then that.\n\n    toolkit extract. Not a sentence.\n    toolkit build\n"
    assert texts(parse_markdown(markdown)) == ["Run this.", "Then that."]
    assert rebuild(markdown, {"Run this.": "Запустите это."}) == (
        "Запустите это. Then that.\n\n    toolkit extract. Not a sentence.\n    toolkit build\n"
    )


def test_fenced_code_is_never_offered_and_kept_verbatim():
    markdown = "Text.\n\n~~~ python\nprint('Hello. World.')\n\n# not a heading\n~~~\n"
    assert texts(parse_markdown(markdown)) == ["Text."]
    assert rebuild(markdown, {"Text.": "Мәтін."}) == markdown.replace("Text.", "Мәтін.")


def test_html_blocks_are_kept_verbatim():
    markdown = (
        '<div class="note">\nA note. Not offered.\n</div>\n\n'
        "<!-- source: the ruling.\n\nStill the comment. -->\n\nText.\n"
    )
    assert texts(parse_markdown(markdown)) == ["Text."]
    assert rebuild(markdown, {"Text.": "Мәтін."}) == markdown.replace("Text.", "Мәтін.")


def test_nested_lists_give_one_segment_per_item_and_keep_their_nesting():
    markdown = "- Kazakhstan\n  1. Almaty\n  2. Astana\n     - Left bank\n- China\n"
    article = parse_markdown(markdown)
    assert [(s.kind, s.text) for s in article.segments] == [
        ("item", "Kazakhstan"),
        ("item", "Almaty"),
        ("item", "Astana"),
        ("item", "Left bank"),
        ("item", "China"),
    ]
    assert render_body(article, source) == markdown
    translated = render_body(article, marked)
    assert structure(translated) == structure(markdown)
    assert "     - Leftыж bankыж\n" in translated


def test_reference_links_are_placeholders_and_definitions_stay():
    markdown = (
        "The [UN] and the [rights office][ohchr] said so.\n\n"
        '[UN]: https://un.org "United Nations"\n[ohchr]: https://www.ohchr.org/\n'
    )
    article = parse_markdown(markdown)
    assert texts(article) == ["The <a1>UN</a1> and the <a2>rights office</a2> said so."]
    assert render_body(article, source) == markdown
    russian = rebuild(
        markdown, {texts(article)[0]: "Об этом заявили <a1>ООН</a1> и <a2>управление</a2>."}
    )
    # a shortcut reference names its definition by its text: translated, it names it outright
    assert russian.startswith("Об этом заявили [ООН][UN] и [управление][ohchr].\n\n[UN]: ")
    assert 'href="https://un.org" title="United Nations">ООН</a>' in html(russian)


def test_inline_markup_becomes_placeholders_and_comes_back_as_written():
    markdown = "See __[the ruling](https://example.org/r)__ and `toolkit build`, _twice_.\n"
    article = parse_markdown(markdown)
    assert texts(article) == ["See <strong><a1>the ruling</a1></strong> and <c1/>, <em>twice</em>."]
    assert render_body(article, source) == markdown  # __ and _ are kept, not turned into *


def test_placeholder_numbers_start_again_in_each_sentence():
    article = parse_markdown("A [one](1) and `x`. Then [two](2) and `y`.\n")
    assert texts(article) == ["A <a1>one</a1> and <c1/>.", "Then <a1>two</a1> and <c1/>."]
    assert render_body(article, source) == "A [one](1) and `x`. Then [two](2) and `y`.\n"


def test_text_that_reads_like_a_placeholder_is_not_taken_for_one():
    markdown = "Write \\<br/> here.\n"
    article = parse_markdown(markdown)
    assert "<br/>" not in texts(article)[0]
    assert render_body(article, source) == markdown


def test_paragraph_without_words_is_not_offered():
    markdown = "[![CI](https://ci.example/badge.svg)](https://ci.example)\n\n—\n"
    assert texts(parse_markdown(markdown)) == []


def test_image_gives_alt_and_caption_and_keeps_its_path():
    markdown = '![Bilash in Almaty](images/b.jpg "He spoke to reporters.")\n'
    article = parse_markdown(markdown)
    assert [(s.kind, s.text) for s in article.segments] == [
        ("alt", "Bilash in Almaty"),
        ("caption", "He spoke to reporters."),
    ]
    russian = render_body(
        article, lambda s: {"alt": "Билаш", "caption": 'Он сказал: "нет".'}[s.kind]
    )
    assert russian == '![Билаш](images/b.jpg "Он сказал: \\"нет\\".")\n'
    assert 'title="Он сказал: &quot;нет&quot;."' in html(russian)


def test_table_cells_are_segments_and_the_layout_is_kept():
    markdown = (
        "| Country | Share |\n|:--------|------:|\n"
        "| China   | 44.1  |\n| Uzbekistan \\| UZ | 44.5 |\n"
    )
    article = parse_markdown(markdown)
    assert [(s.kind, s.text) for s in article.segments] == [
        ("cell", "Country"),
        ("cell", "Share"),
        ("cell", "China"),
        ("cell", "44.1"),
        ("cell", "Uzbekistan \\| UZ"),
        ("cell", "44.5"),
    ]
    assert render_body(article, source) == markdown
    translated = rebuild(markdown, {"China": "Қытай | ҚХР", "44.1": "44,1"})
    assert "| Қытай \\| ҚХР   | 44,1  |" in translated  # a pipe in a cell is escaped
    assert structure(translated) == structure(markdown)


def test_quote_paragraphs_and_hard_breaks_survive_translation():
    markdown = "> First line.  \n> Second line.\n>\n> Next paragraph.\\\n> Its end.\n"
    article = parse_markdown(markdown)
    assert [(s.kind, s.text) for s in article.segments] == [
        ("quote", "First line.<br/>Second line."),
        ("quote", "Next paragraph.<br/>Its end."),
    ]
    assert [s.line for s in article.segments] == [1, 4]
    assert render_body(article, source) == markdown  # each break keeps its own form
    translated = render_body(article, marked)
    assert translated == (
        "> Firstыж lineыж.  \n> Secondыж lineыж.\n>\n> Nextыж paragraphыж.\\\n> Itsыж endыж.\n"
    )


def test_hard_break_in_a_list_item_keeps_the_item_indentation():
    markdown = "1. Almaty,\\\n   Kazakhstan\n2. Urumqi\n"
    translated = rebuild(markdown, {"Almaty,<br/>Kazakhstan": "Алматы,<br/>Қазақстан"})
    assert translated == "1. Алматы,\\\n   Қазақстан\n2. Urumqi\n"


def test_translation_that_would_begin_another_block_is_escaped():
    markdown = "In 1991 it became independent.\n\n- The ministry said so.\n"
    translated = rebuild(
        markdown,
        {
            "In 1991 it became independent.": "1991. Тәуелсіздік алды.",
            "The ministry said so.": "# министрлік",
        },
    )
    assert translated == "1991\\. Тәуелсіздік алды.\n\n- \\# министрлік\n"
    assert structure(translated) == structure(markdown)


def test_newline_typed_into_a_translation_is_a_space():
    assert rebuild("- Text.\n", {"Text.": "Бір\n- екі"}) == "- Бір - екі\n"


def test_sentences_give_their_own_lines():
    article = parse_markdown("One sentence\nover two lines. Another\none.\nThird.\n")
    assert [(s.text, s.line) for s in article.segments] == [
        ("One sentence over two lines.", 1),
        ("Another one.", 2),
        ("Third.", 4),
    ]


# -- abbreviations are data ------------------------------------------------------------------


def test_abbreviations_come_from_the_data_file():
    assert ABBREVIATIONS_FILE.parent.name == "data"
    assert {"u.s", "feb", "no"} <= abbreviations()
    assert split_sentences("Talks began on Feb. 13 in the U.S. Capitol. No. 5 followed.") == [
        "Talks began on Feb. 13 in the U.S. Capitol.",
        "No. 5 followed.",
    ]


# -- articles --------------------------------------------------------------------------------


def test_unclosed_fence_in_an_article_is_an_input_error(tmp_path: Path):
    path = tmp_path / "fence.md"
    path.write_text(
        "---\nslug: fence\ntitle: T\ndate: 2019-02-13\n---\n\nText.\n\n```\ncode\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        parse_article(path)
    assert (caught.value.line, caught.value.message) == (9, "code fence is not closed")


def test_article_lines_count_from_the_top_of_the_file(tmp_path: Path):
    path = tmp_path / "lines.md"
    path.write_text(
        "---\nslug: lines\ntitle: Court *fines*\ndate: 2019-02-13\n---\n\nSetext\n===\n\nText.\n",
        encoding="utf-8",
    )
    article = parse_article(path)
    assert [(s.kind, s.text, s.line) for s in article.segments] == [
        ("title", "Court <em>fines</em>", 3),
        ("heading", "Setext", 7),
        ("paragraph", "Text.", 10),
    ]
    assert render_body(article, source) == "Setext\n===\n\nText.\n"


# -- Markdown written by others --------------------------------------------------------------


def spec_examples() -> Iterator[tuple[str, str]]:
    """(section #n, Markdown) of the CommonMark examples kept in tests/data."""
    text = (OTHERS / "commonmark-examples.txt").read_text(encoding="utf-8")
    section, count = "", 0
    for match in re.finditer(r"^## ([^\n]+)$|^`{32} example\n(.*?)^\.\n", text, re.M | re.S):
        if match.group(1):
            section, count = match.group(1), 0
        else:
            count += 1
            yield f"{section} #{count}", match.group(2).replace("→", "\t")


def fixture_examples(name: str) -> Iterator[tuple[str, str]]:
    """(#n, Markdown) of a markdown-it fixture file (title, ``.``, Markdown, ``.``, HTML, ``.``)."""
    text = (OTHERS / name).read_text(encoding="utf-8")
    for number, match in enumerate(re.finditer(r"^\.\n(.*?)^\.\n.*?^\.$", text, re.M | re.S), 1):
        yield f"{name} #{number}", match.group(1)


EXAMPLES = [*spec_examples(), *fixture_examples("markdown-it-tables.txt")]
DOCUMENTS = ["markdown-it-README.md", "markdown-it-CHANGELOG.md"]


def check_round_trip(markdown: str, translate: Callable[[Segment], str] = marked) -> str:
    article = parse_markdown(markdown)
    english = render_body(article, source)
    assert same_html(english, markdown)
    assert render_body(parse_markdown(english), source) == english  # a second build: same bytes
    assert structure(render_body(article, translate)) == structure(markdown)
    return english


def test_the_examples_cover_what_the_issue_names():
    names = [name for name, _ in EXAMPLES]
    for section in ("Setext headings", "Indented code blocks", "HTML blocks", "Hard line breaks"):
        assert sum(name.startswith(section) for name in names) > 10, section
    assert len(names) > 200


@pytest.mark.parametrize(("name", "markdown"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_markdown_examples_round_trip(name: str, markdown: str):
    check_round_trip(markdown)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_real_documents_round_trip(name: str):
    markdown = (OTHERS / name).read_text(encoding="utf-8")
    english = check_round_trip(markdown)
    # outside the paragraphs that were joined onto one line, every line is the source's
    assert set(markdown.splitlines()) - set(english.splitlines()) <= {
        line for line in markdown.splitlines() if line and not line.startswith(("#", "```"))
    }
    assert [line for line in markdown.splitlines() if line.startswith(("#", "```", "["))] == [
        line for line in english.splitlines() if line.startswith(("#", "```", "["))
    ]


def test_readme_segments():
    article = parse_markdown((OTHERS / "markdown-it-README.md").read_text(encoding="utf-8"))
    segments = texts(article)
    assert segments[0] == "markdown-it"
    assert "Markdown parser done right." in segments  # a quote, split into sentences
    assert not any("npm install" in text or "MarkdownIt" in text for text in segments)  # code
    assert not any("[!NOTE]" in text for text in segments)  # GitHub's alert marker stays
    assert "If you are upgrading to v15, see the <a1>migration guide</a1>." in segments
    english = render_body(article, source)
    assert "> [!NOTE]\n> If you are upgrading to v15" in english
