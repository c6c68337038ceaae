"""Converting one archive document: only the prose changes, markup and code stay."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from tests.conftest import DATA, PROJECT
from toolkit.archive.documents import UnreadableFile, decode_document
from toolkit.archive.html import convert_html
from toolkit.archive.markdown import convert_markdown
from toolkit.archive.mirror import Converter, convert_data
from toolkit.glossary import load_glossary
from toolkit.translit import to_kk_latin

ARCHIVE = DATA / "archive"


def _markup(text: str) -> list[tuple[str, dict[str, str]]]:
    """Tags and attributes in document order, without the converted attributes."""
    root = etree.fromstring(text.encode(), etree.HTMLParser(encoding="utf-8"))
    return [
        (el.tag, {k: v for k, v in el.attrib.items() if k not in ("title", "alt")})
        for el in root.iter()
        if isinstance(el.tag, str)
    ]


def test_html_converts_text_and_title_alt_and_keeps_markup() -> None:
    source = (ARCHIVE / "2021/news/kandas.html").read_text(encoding="utf-8")
    out = convert_html(source, to_kk_latin, "kandas.html", source_lang="kk")
    assert _markup(out) == _markup(source)
    assert '<h1 title="Jañalyq" class="Алматы">Qandastar Almatyda</h1>' in out
    assert 'alt="Almaty körınısı"' in out
    # not prose: a script, code, a comment, a Russian quotation, a link target
    assert 'var city = "Алматы";' in out
    assert "<code>Алматы</code>" in out
    assert "<!-- Алматы: түсініктеме -->" in out
    assert '<q lang="ru">Алматы остаётся</q>' in out
    assert 'src="media/Алматы.png"' in out
    assert out.startswith('<!DOCTYPE html>\n<html lang="kk">\n<head>\n<meta charset="utf-8">')
    assert out.endswith("</html>\n")
    assert not re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі]", _without_kept(out))


def _without_kept(out: str) -> str:
    for kept in ('var city = "Алматы";', "<code>Алматы</code>", "<!-- Алматы: түсініктеме -->"):
        out = out.replace(kept, "")
    out = re.sub(r'<q lang="ru">[^<]*</q>', "", out)
    return re.sub(r'(class|src)="[^"]*"', "", out)


def test_an_html_fragment_stays_a_fragment() -> None:
    assert convert_html("<p>Қала</p>\n", to_kk_latin, "f.html") == "<p>Qala</p>\n"


def test_html_character_references_come_back_as_written() -> None:
    source = (
        '<p title="&quot;Қала&quot;">Ана&nbsp;тілі &laquo;Қала&raquo; &#8212; '
        '<a href="?a=1&amp;b=2">Қ&amp;Б</a> &#1178;ала &unknown;</p>\n'
    )
    out = convert_html(source, to_kk_latin, "refs.html")
    # not letters: kept as the source wrote them; a letter's reference: converted
    assert out == (
        '<p title="&quot;Qala&quot;">Ana&nbsp;tılı &laquo;Qala&raquo; &#8212; '
        '<a href="?a=1&amp;b=2">Q&amp;B</a> Qala &unknown;</p>\n'
    )


def test_html_bare_ampersands_come_back_as_written() -> None:
    source = '<p title="Қ & Б">Қала & дала &copy 2024 <a href="/іздеу?q=1&p=2">Іздеу</a></p>'
    assert convert_html(source, to_kk_latin, "amp.html") == (
        '<p title="Q & B">Qala & dala &copy 2024 <a href="/іздеу?q=1&p=2">Izdeu</a></p>'
    )


def test_latin_to_cyrillic_leaves_character_references_alone() -> None:
    def to_cyrillic(text: str) -> str:
        return Converter("kk-latn-2021", reverse=True).fragment(text)

    markdown = "Qala &laquo;Almaty&raquo;&nbsp;jane &#x41A;\n"
    assert (
        convert_markdown(markdown, to_cyrillic) == "Қала &laquo;Алматы&raquo;&nbsp;жане &#x41A;\n"
    )
    page = "<p>Qala &laquo;Almaty&raquo;&nbsp;jane</p>"
    assert convert_html(page, to_cyrillic, "p.html") == "<p>Қала &laquo;Алматы&raquo;&nbsp;жане</p>"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<p>Қала</span></p>", "broken HTML: Unexpected end tag : span"),
        ('<p title="Қала>Қала</p>', "broken HTML"),
    ],
)
def test_broken_html_is_unreadable(html: str, reason: str) -> None:
    with pytest.raises(UnreadableFile, match=re.escape(reason)):
        convert_html(html, to_kk_latin, "broken.html")


def test_markdown_keeps_code_link_targets_labels_and_front_matter_keys() -> None:
    source = (ARCHIVE / "2019/03/oralmandar.md").read_text(encoding="utf-8")
    out = convert_markdown(source, to_kk_latin)
    assert out.splitlines()[:5] == [
        "---",
        "title: Oralmandar Almatyğa köştı",
        "date: 2019-03-14",
        "tags: [köşı-qon, Almaty]",
        "---",
    ]
    assert "# Oralmandar Almatyda" in out
    assert "[saitta](https://example.org/Алматы)" in out
    assert "[anyqtamada][анықтама]" in out
    assert "`Алматы` dep atalady" in out
    assert "```\nАлматы — код ішінде\n```" in out
    assert "    Алматы — шегіністегі код" in out
    assert '<div class="note">Eskertu: Almaty</div>' in out
    assert out.endswith('[анықтама]: /docs/Алматы "Алматы туралы"\n')
    assert len(out.splitlines()) == len(source.splitlines())


def test_markdown_keeps_line_ends() -> None:
    assert convert_markdown("Қала\r\nДала\r\n", to_kk_latin) == "Qala\r\nDala\r\n"


def test_glossary_spellings_win_in_every_format() -> None:
    converter = Converter("kk-newsroom", glossary=load_glossary(PROJECT / "glossary"))
    for path, data in [
        ("a.txt", "Серікжан Біләш келді."),
        ("a.md", "# Серікжан Біләш келді"),
        ("a.html", "<p>Серікжан Біләш келді</p>"),
    ]:
        _, out = convert_data(converter, path, data.encode(), 0, 0)
        assert out is not None and "Serikzhan Bilash" in out.decode(), path


def test_plain_text_keeps_byte_order_mark() -> None:
    _, out = convert_data(Converter("kk-latn-2021"), "a.txt", "\ufeffҚала".encode(), 0, 0)
    assert out == "\ufeffQala".encode()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"ok\n\xff\n", "a.txt:2: not valid UTF-8 (byte 0xff)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt: binary file (a NUL byte at offset 8)"),
    ],
)
def test_undecodable_and_binary_files_are_unreadable(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_document(data, "a.txt")
    assert str(caught.value) == reason


def test_arabic_script_read_back_gets_capitals_only_where_a_sentence_starts() -> None:
    # A text file is whole sentences; the text nodes of a page and the pieces of a Markdown
    # paragraph around inline HTML are not: «Құлжада» there starts no sentence.
    converter = Converter("kk-arab", reverse=True)
    for path, data, expected in [
        ("a.txt", "ٴبىز قۇلجادا تۇرامىز. اكەم كەلدى.\n", "Біз құлжада тұрамыз. Әкем келді.\n"),
        ("a.html", "<p>ٴبىز <b>قۇلجادا</b> تۇرامىز.</p>", "<p>біз <b>құлжада</b> тұрамыз.</p>"),
        ("a.md", "ٴبىز <b>قۇلجادا</b> تۇرامىز.\n", "біз <b>құлжада</b> тұрамыз.\n"),
    ]:
        _, out = convert_data(converter, path, data.encode(), 0, 0)
        assert out is not None and out.decode() == expected, path


def test_markdown_leaves_raw_html_scripts_and_styles_as_they_are() -> None:
    """Raw HTML in Markdown is HTML: its scripts, styles and preformatted blocks are program
    or layout, not prose (as in an HTML page), whether they stand as a block of their own
    (even across a blank line), inside another HTML block, or inline in a paragraph."""
    source = (
        "Қала\n\n"
        '<script>\nvar city = "Алматы";\n\nshow(city);\n</script>\n\n'
        '<STYLE type="text/css">\n.Алматы::after { content: "Қала"; }\n</STYLE>\n\n'
        '<div class="box">\n<script>load("Алматы")</script>\nҚала\n</div>\n\n'
        'Қала <script>show("Алматы")</script> <style>b { content: "Қала" }</style> Қала\n\n'
        "<pre>\nҚала\n</pre>\n\n"
        "Дала\n"
    )
    assert convert_markdown(source, to_kk_latin) == (
        "Qala\n\n"
        '<script>\nvar city = "Алматы";\n\nshow(city);\n</script>\n\n'
        '<STYLE type="text/css">\n.Алматы::after { content: "Қала"; }\n</STYLE>\n\n'
        '<div class="box">\n<script>load("Алматы")</script>\nQala\n</div>\n\n'
        'Qala <script>show("Алматы")</script> <style>b { content: "Қала" }</style> Qala\n\n'
        "<pre>\nҚала\n</pre>\n\n"
        "Dala\n"
    )


def test_markdown_script_never_closed_runs_to_the_end() -> None:
    # CommonMark: a raw HTML block opened by <script> ends at </script> or at the end
    source = 'Қала\n\n<script>\nvar city = "Алматы";\n'
    assert convert_markdown(source, to_kk_latin) == 'Qala\n\n<script>\nvar city = "Алматы";\n'


def test_markdown_inline_code_holding_a_tag_stays_code() -> None:
    source = "Процесті `kill -9 <pid>` тоқтатады, ал `<br>` жол бөледі.\n"
    assert convert_markdown(source, to_kk_latin) == (
        "Prosestı `kill -9 <pid>` toqtatady, al `<br>` jol böledı.\n"
    )


def test_markdown_comment_over_several_lines_stays_as_it_is() -> None:
    source = "<!--\nАвторы: редакция\n-->\nҚала жаңалықтары\n\nҚала <!-- ескерту\nосында --> бар\n"
    assert convert_markdown(source, to_kk_latin) == (
        "<!--\nАвторы: редакция\n-->\nQala jañalyqtary\n\nQala <!-- ескерту\nосында --> bar\n"
    )


def test_a_romanized_russian_page_is_read_back_as_russian() -> None:
    page = '<html lang="ru"><body><p>Moskva</p><p lang="en">Moskva</p></body></html>'
    back = Converter("ru-iso9", reverse=True)
    out = convert_html(page, back.fragment, "p.html", back.source_lang)
    assert "<p>Москва</p>" in out and '<p lang="en">Moskva</p>' in out
