"""Package-level behaviour: light import, fingerprint, the `transliterate` package registry."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

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
