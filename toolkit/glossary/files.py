"""Which files make up a glossary folder (kept apart so the cached path never imports YAML)."""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import InputError


def glossary_files(root: Path) -> list[Path]:
    """The YAML files of a glossary folder, sorted by name.

    Raises InputError when the folder does not exist or holds no YAML file.
    """
    if not root.is_dir():
        raise InputError("glossary folder not found", path=root)
    files = sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        raise InputError("no glossary YAML files (*.yaml) in this folder", path=root)
    return files
