"""Project settings from ``[tool.toolkit]`` in the nearest ``pyproject.toml``.

```toml
[tool.toolkit.checks]
disable = ["wrong_variant"]          # check ids switched off for the project
enable = ["pinyin_name"]             # checks that are off unless a project asks for them
severity = { fuzzy = "error" }       # per-check severity overrides
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import InputError
from toolkit.fileio import display_path


@dataclass(frozen=True)
class CheckSettings:
    disable: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    enable: frozenset[str] = frozenset()


def project_folder(*markers: str, start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (the working directory) that has a
    pyproject.toml and, when ``markers`` are given, at least one of those subfolders."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (
            not markers or any((folder / m).is_dir() for m in markers)
        ):
            return folder
    return None


def find_pyproject(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` (the working directory)."""
    folder = project_folder(start=start)
    return folder / "pyproject.toml" if folder else None


def check_settings(pyproject: Path | None = None) -> CheckSettings:
    """The ``[tool.toolkit.checks]`` table; defaults when there is none."""
    path = pyproject or find_pyproject()
    if path is None:
        return CheckSettings()
    shown = display_path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError("not valid UTF-8", path=shown) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"TOML syntax: {exc}", path=shown) from exc
    table: object = data
    for key in ("tool", "toolkit", "checks"):
        if not isinstance(table, dict):
            raise InputError(f"[tool.toolkit.checks]: {key!r} must be a table", path=shown)
        table = table.get(key, {})
    if not isinstance(table, dict):
        raise InputError("[tool.toolkit.checks] must be a table", path=shown)
    disable = table.get("disable", [])
    enable = table.get("enable", [])
    severity = table.get("severity", {})
    for key, ids in (("disable", disable), ("enable", enable)):
        if not isinstance(ids, list) or not all(isinstance(x, str) for x in ids):
            raise InputError(f"[tool.toolkit.checks] {key} must be a list of check ids", path=shown)
    if not isinstance(severity, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in severity.items()
    ):
        raise InputError(
            '[tool.toolkit.checks] severity must map check ids to "error", "warning" or "info"',
            path=shown,
        )
    return CheckSettings(frozenset(disable), dict(severity), frozenset(enable))
