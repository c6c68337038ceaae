"""Package-level behaviour: light import, fingerprint, the `transliterate` package registry."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import toolkit
from toolkit.translit import IrreversibleSchemeError, scheme
from toolkit.translit import schemes_fingerprint as fingerprint
from toolkit.translit.transliterate_packs import register_with_transliterate


def test_import_reads_no_scheme_and_skips_transliterate() -> None:
    code = (
        "import sys, toolkit.translit as t\n"
        "from toolkit.translit import scheme\n"
        "print(scheme._all.cache_info().currsize, 'transliterate' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"]


def test_fingerprint_changes_when_a_scheme_file_changes(tmp_path, monkeypatch) -> None:
    copy = tmp_path / "schemes"
    shutil.copytree(scheme.SCHEME_DIR, copy)
    monkeypatch.setattr(scheme, "SCHEME_DIR", copy)
    fingerprint.cache_clear()
    try:
        before = fingerprint()
        path = copy / "ru-iso9.json"
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        fingerprint.cache_clear()
        assert fingerprint() != before
    finally:
        fingerprint.cache_clear()


def test_transliterate_package_registry() -> None:
    from transliterate import translit

    codes = register_with_transliterate()
    assert {"kk", "kk-latn-2021", "kk-bgn-pcgn", "kk-newsroom", "ru-bgn-pcgn", "ru-iso9"} <= set(
        codes
    )
    assert translit("Қазақстан", "kk") == "Qazaqstan"
    assert translit("Qazaqstan", "kk", reversed=True) == "Қазақстан"
    assert translit("Щучинск", "ru-bgn-pcgn") == "Shchuchinsk"
    assert "ru" not in codes  # the package's own Russian pack stays as it is
    with pytest.raises(IrreversibleSchemeError):
        translit("Shchuchinsk", "ru-bgn-pcgn", reversed=True)


def test_the_kk_latin_scheme_is_named_in_one_place() -> None:
    """Code transliterates kk → kk-Latn through to_kk_latin() or names the scheme KK_LATIN;
    a second spelling of the name would drift (docstrings and comments may mention it)."""
    package = Path(toolkit.__file__).parent
    named = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(getattr(node, "body", None), list)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        named += [
            str(path.relative_to(package))
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "kk-latn-2021" in node.value
            and id(node) not in docstrings
        ]
    assert named == ["translit/__init__.py"]  # KK_LATIN = "kk-latn-2021"
