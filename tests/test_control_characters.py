"""Control characters in the glossary (issue 17): lint reports them with file and line (see
tests/data/glossary-lint/control-character), the exporters write what the formats can hold."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.conftest import DATA
from toolkit.catalog import check_with_msgfmt

GLOSSARY = DATA / "glossary-lint" / "control-character"


def test_tbx_export_replaces_control_characters(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "glossary.tbx"
    code, _, err = run_cli("--glossary", str(GLOSSARY), "glossary", "export", "-o", str(out))
    assert (code, err) == (0, "")
    notes = [n.text for n in etree.parse(str(out)).iter("{*}note")]
    assert "Largest city\ufffd of Kazakhstan." in notes
    assert "old\ufffd[31m name" in notes
    assert "line one\nline two\twith a tab" in notes  # tab and line break are kept


def test_po_export_writes_no_control_character(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "glossary-ru.po"
    args = ("glossary", "export", "--format", "po", "--lang", "ru", "-o", str(out))
    code, _, err = run_cli("--glossary", str(GLOSSARY), *args)
    assert (code, err) == (0, "")
    assert b"\x00" not in out.read_bytes() and b"\x07" not in out.read_bytes()
    assert check_with_msgfmt(out) is None
    assert "\ufffd" in out.read_text(encoding="utf-8")
