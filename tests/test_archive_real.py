"""The archive commands on real published files other projects wrote (tests/data/archive-real,
sources in its README): the folder is converted as a user converts it, and every file keeps
its markup, its code and its link targets, with no Cyrillic letter left in its prose."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import etree
from markdown_it import MarkdownIt

from tests.conftest import DATA
from toolkit.cli.main import main

CORPUS = DATA / "archive-real"
CYRILLIC = re.compile("[\u0400-\u04ff]")
#: what the brief promises, written out here rather than imported (a test that read the
#: converter's own lists would follow them when they break)
READABLE_ATTRIBUTES = ("title", "alt")
VERBATIM_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "textarea"})
#: each file is converted from its own language by this scheme
SCHEMES = {"kk": "kk-latn-2021", "ru": "ru-iso9"}
#: script, style, code... from the start tag to the end tag, and comments, in the raw text
_VERBATIM_RAW = re.compile(
    rf"<({'|'.join(sorted(VERBATIM_ELEMENTS))})\b[^>]*>(.*?)</\1\s*>|<!--(.*?)-->",
    re.DOTALL | re.IGNORECASE,
)
_MARKDOWN = MarkdownIt("commonmark").enable("table")

KNOWN: dict[tuple[str, str, str], str] = {
    # (file, check, scheme) -> the defect that makes it fail (none known today)
}


def _language(name: str) -> str:
    return "kk" if ".kk." in name else "ru"


FILES = sorted(
    str(path.relative_to(CORPUS))
    for path in CORPUS.rglob("*")
    if path.is_file() and path.name != "README.md"
)


def _cases(check: str, kind: str, run: str = "forward") -> list[object]:
    """pytest params (file, run) of the files of ``kind``, marked where a defect is known."""
    cases = []
    for name in FILES:
        if not name.endswith(kind):
            continue
        scheme = SCHEMES[_language(name)] if run == "forward" else run  # or reverse, kk-all
        reason = KNOWN.get((name, check, scheme))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(name, run, marks=marks, id=f"{name}-{run}"))
    return cases


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The corpus converted by each language's scheme (forward), that output converted back
    (reverse), and the whole corpus by the Kazakh scheme (kk-all: Russian pages with a lang
    stay as they are, the rest is converted): run -> output folder. Each run must exit 0."""
    root = tmp_path_factory.mktemp("archive-real")
    runs: dict[str, Path] = {"kk-all": root / "out-kk-all"}
    args = ["--jobs", "1", "--no-progress", str(CORPUS), "-o", str(runs["kk-all"])]
    assert main(["translit", "--scheme", "kk-latn-2021", *args]) == 0
    for lang, scheme in SCHEMES.items():
        source = root / f"in-{lang}"
        source.mkdir()
        for name in FILES:
            if _language(name) == lang:
                (source / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(CORPUS / name, source / name)
        forward, back = root / f"out-{lang}", root / f"back-{lang}"
        for args in (
            [str(source), "-o", str(forward)],
            ["--reverse", str(forward), "-o", str(back)],
        ):
            code = main(["translit", "--scheme", scheme, "--jobs", "1", "--no-progress", *args])
            assert code == 0, f"translit --scheme {scheme} {' '.join(args)} exited {code}"
        runs[f"forward-{lang}"], runs[f"reverse-{lang}"] = forward, back
    return runs


def _output(converted: dict[str, Path], name: str, run: str) -> str:
    folder = converted[run if run == "kk-all" else f"{run}-{_language(name)}"]
    return (folder / name).read_text(encoding="utf-8")


# HTML


def _tree(text: str) -> etree._Element:
    return etree.fromstring(text.encode(), etree.HTMLParser(encoding="utf-8"))


def _markup(root: etree._Element) -> list[tuple[str, dict[str, str]]]:
    return [
        (el.tag, {k: v for k, v in el.attrib.items() if k not in READABLE_ATTRIBUTES})
        for el in root.iter()
        if isinstance(el.tag, str)
    ]


def _verbatim(text: str) -> list[str]:
    """The raw content of scripts, styles, code elements and comments, as written."""
    return [match.group(2) or match.group(3) or "" for match in _VERBATIM_RAW.finditer(text)]


def _prose_nodes(root: etree._Element, lang: str) -> list[tuple[str, str]]:
    """(where, text) of the text nodes and title/alt values in ``lang`` outside code, in
    document order."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        inside = {el.tag, *(a.tag for a in el.iterancestors())}
        nearest = next((a.get("lang") for a in [el, *el.iterancestors()] if a.get("lang")), lang)
        if inside & VERBATIM_ELEMENTS or nearest.split("-")[0].lower() != lang:
            continue
        for where, text in [("text", el.text), *((a, el.get(a)) for a in READABLE_ATTRIBUTES)]:
            if text:
                found.append((f"<{el.tag}> {where}", text))
        for child in el:
            if child.tail:
                found.append((f"after <{child.tag}>", child.tail))
    return found


@pytest.mark.parametrize(
    ("name", "run"),
    [
        *_cases("markup", ".html"),
        *_cases("markup", ".html", "reverse"),
        *_cases("markup", ".html", "kk-all"),
    ],
)
def test_html_markup_is_the_same(converted: dict[str, Path], name: str, run: str) -> None:
    source = (CORPUS / name).read_text(encoding="utf-8")
    assert _markup(_tree(_output(converted, name, run))) == _markup(_tree(source))


@pytest.mark.parametrize(
    ("name", "run"),
    [
        *_cases("protected", ".html"),
        *_cases("protected", ".html", "reverse"),
        *_cases("protected", ".html", "kk-all"),
    ],
)
def test_html_scripts_code_and_comments_are_kept(
    converted: dict[str, Path], name: str, run: str
) -> None:
    source = (CORPUS / name).read_text(encoding="utf-8")
    assert _verbatim(_output(converted, name, run)) == _verbatim(source)


@pytest.mark.parametrize(("name", "run"), _cases("prose", ".html"))
def test_html_prose_has_no_cyrillic_left(converted: dict[str, Path], name: str, run: str) -> None:
    out = _tree(_output(converted, name, run))
    left = [(w, t) for w, t in _prose_nodes(out, _language(name)) if CYRILLIC.search(t)]
    assert left == []


@pytest.mark.parametrize(("name", "run"), _cases("back", ".html", "reverse"))
def test_html_reverse_brings_the_cyrillic_back(
    converted: dict[str, Path], name: str, run: str
) -> None:
    """The forward output converted back by the same scheme is Cyrillic again wherever the
    source was (English names come back in Cyrillic too: a reverse run cannot tell them)."""
    lang = _language(name)
    source = _prose_nodes(_tree((CORPUS / name).read_text(encoding="utf-8")), lang)
    back = _prose_nodes(_tree(_output(converted, name, run)), lang)
    assert len(back) == len(source)
    were_cyrillic = [b for (_, s), (_, b) in zip(source, back, strict=True) if CYRILLIC.search(s)]
    assert [text for text in were_cyrillic if not CYRILLIC.search(text)] == []


def test_html_in_another_language_is_left_alone(converted: dict[str, Path]) -> None:
    """A Russian page (html lang="ru") run through the Kazakh scheme keeps its text, and a
    Russian fragment that names no language is converted like Kazakh."""
    page = "w3c-i18n/questions/qa-i18n.ru.html"
    source = (CORPUS / page).read_text(encoding="utf-8")
    out = _output(converted, page, "kk-all")
    assert _prose_nodes(_tree(out), "ru") == _prose_nodes(_tree(source), "ru")
    fragment = "mozilla-legal-docs/ru/html/firefox_cloud_services_tos.html"
    out = _output(converted, fragment, "kk-all")
    assert [t for _, t in _prose_nodes(_tree(out), "kk") if CYRILLIC.search(t)] == []


# Markdown


def _front_matter(text: str) -> tuple[object, str]:
    """(the front matter's YAML, the body) of a Markdown file."""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 3)
        return yaml.safe_load(text[4:end]), text[end + 5 :]
    return None, text


def _keys(value: object) -> object:
    """The shape of a YAML value: its mappings' keys, with every scalar blanked."""
    if isinstance(value, dict):
        return {key: _keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_keys(item) for item in value]
    return None


def _protected(body: str) -> dict[str, list[object]]:
    """What Markdown conversion must keep: the block and inline structure, code, link
    targets, image sources and raw HTML tags."""
    kept: dict[str, list[object]] = {k: [] for k in ("types", "code", "inline", "href", "html")}
    for token in _MARKDOWN.parse(body):
        kept["types"].append(token.type)
        if token.type in ("fence", "code_block"):
            kept["code"].append(token.content)
        elif token.type == "html_block":
            kept["html"].append(re.findall(r"<[^>]*>", token.content))
        for child in token.children or []:
            kept["types"].append(child.type)
            if child.type == "code_inline":
                kept["inline"].append(child.content)
            elif child.type in ("link_open", "image"):
                kept["href"].append(child.attrs.get("href") or child.attrs.get("src"))
            elif child.type == "html_inline":
                kept["html"].append(child.content)
    return kept


@pytest.mark.parametrize(
    ("name", "run"),
    [
        *_cases("protected", ".md"),
        *_cases("protected", ".md", "reverse"),
        *_cases("protected", ".md", "kk-all"),
    ],
)
def test_markdown_code_links_and_front_matter_keys_are_kept(
    converted: dict[str, Path], name: str, run: str
) -> None:
    source = (CORPUS / name).read_text(encoding="utf-8")
    out = _output(converted, name, run)
    (meta_in, body_in), (meta_out, body_out) = _front_matter(source), _front_matter(out)
    assert _keys(meta_out) == _keys(meta_in)
    assert out.count("\n") == source.count("\n")
    assert _protected(body_out) == _protected(body_in)


@pytest.mark.parametrize(("name", "run"), _cases("prose", ".md"))
def test_markdown_prose_has_no_cyrillic_left(
    converted: dict[str, Path], name: str, run: str
) -> None:
    meta, body = _front_matter(_output(converted, name, run))
    texts = [
        child.content
        for token in _MARKDOWN.parse(body)
        for child in token.children or []
        if child.type == "text"
    ]
    texts += [v for v in (meta or {}).values() if isinstance(v, str)]  # type: ignore[union-attr]
    assert [text for text in texts if CYRILLIC.search(text)] == []


# usage


@pytest.fixture(scope="module")
def usage_rows(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """The Russian usage survey of the corpus (the run must exit 0)."""
    report = tmp_path_factory.mktemp("usage") / "usage.json"
    args = ["usage", str(CORPUS), "--lang", "ru", "--format", "json", "--jobs", "1"]
    assert main([*args, "--no-progress", "-o", str(report)]) == 0
    return json.loads(report.read_text(encoding="utf-8"))


def test_usage_counts_an_undated_page_without_a_year(usage_rows: list[dict[str, object]]) -> None:
    # «США» is in the W3C and Mozilla pages, which state no date the survey reads (the W3C
    # page's dates are in a script); the dated Kubernetes post names no glossary term
    row = {"concept": "united-states", "term": "США", "status": "admitted", "year": None}
    assert {**row, "count": 2} in usage_rows


def test_usage_does_not_take_latin_america_for_the_united_states(
    usage_rows: list[dict[str, object]],
) -> None:
    assert [row for row in usage_rows if row["term"] == "Америке"] == []
