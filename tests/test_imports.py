"""The import structure: every module imports on its own, imports sit at module top, and the
modules of the toolkit import each other without cycles.

A cycle that works only because one side imports inside a function breaks as soon as someone
moves that import, or imports the modules in another order; these tests make it fail here.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import toolkit

PACKAGE = Path(toolkit.__file__).parent

#: Function-local imports of toolkit modules that stay, and why. Nothing here may hide a cycle:
#: test_module_level_imports_have_no_cycle counts these edges too.
ALLOWED_LOCAL_IMPORTS: dict[tuple[str, str], str] = {
    ("toolkit.cli.main", "toolkit.glossary"): (
        "`toolkit --version` and `--help` do not import the glossary, translit and matching"
    ),
    ("toolkit.translit.glossary_terms", "toolkit.matching.kazakh"): (
        "`toolkit translit` imports the morphology (~25 ms) only to build glossary pairs that "
        "are not in the user cache"
    ),
    ("toolkit.translit.glossary_terms", "toolkit.matching.russian"): ("as toolkit.matching.kazakh"),
    ("toolkit.cli.translit", "toolkit.cli.archive_run"): (
        "`toolkit translit` on stdin or files does not import the folder machinery (lxml, "
        "tqdm, SQLite, the process pool): about 0.2 s of start-up"
    ),
    ("toolkit.cli.check", "toolkit.cli.check_jobs"): (
        "`toolkit check` in one process (the default) does not import the process pool "
        "(multiprocessing, concurrent.futures, socket): about 13 ms of a warm check's ~0.4 s"
    ),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The toolkit module that ``name`` (a module or a name in a module) is, or is in."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _toolkit_imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported toolkit module, line, at module top) for each import executed at run time.

    Imports under ``if TYPE_CHECKING:`` are skipped: they are for annotations and never run.
    """
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue
            if isinstance(child, ast.ImportFrom) and (child.module or "").startswith("toolkit"):
                for alias in child.names:
                    target = _resolve(f"{child.module}.{alias.name}") or _resolve(child.module)
                    if target:
                        found.append((target, child.lineno, top))
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("toolkit") and (target := _resolve(alias.name)):
                        found.append((target, child.lineno, top))
            scope = isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            visit(child, top and not scope)

    visit(ast.parse(path.read_text(encoding="utf-8")), True)
    return found


def _packages_of(module: str) -> list[str]:
    """The packages Python imports before ``module`` (``toolkit``, ``toolkit.checks``, ...)."""
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _import_graph() -> dict[str, set[str]]:
    """module -> the toolkit modules importing it runs (its own packages left out)."""
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        own = set(_packages_of(module))
        targets: set[str] = set()
        for target, _, _ in _toolkit_imports(path):
            targets.add(target)
            targets.update(_packages_of(target))
        graph[module] = targets - own - {module}
    return graph


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path (first node repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_find_cycle_reports_a_cycle() -> None:
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_scan_sees_every_module() -> None:
    assert {"toolkit", "toolkit.cli.main", "toolkit.glossary", "toolkit.translit"} <= set(MODULES)
    assert ("toolkit.glossary.model", True) in {
        (target, top) for target, _, top in _toolkit_imports(MODULES["toolkit.glossary"])
    }


@pytest.mark.parametrize("module", sorted(set(MODULES) - {"toolkit.__main__"}))  # runs the CLI
def test_module_imports_in_a_fresh_interpreter(module: str) -> None:
    """Imported first, on its own, each module must load: an import-order cycle fails here."""
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr.strip().splitlines()[-1:]


def test_toolkit_imports_are_at_module_top() -> None:
    local = [
        f"{MODULES[module].relative_to(PACKAGE.parent)}:{line}: imports {target}"
        for module, path in MODULES.items()
        for target, line, top in _toolkit_imports(path)
        if not top and (module, target) not in ALLOWED_LOCAL_IMPORTS
    ]
    assert local == []


def test_allowed_local_imports_are_still_needed() -> None:
    used = {
        (module, target)
        for module, path in MODULES.items()
        for target, _, top in _toolkit_imports(path)
        if not top
    }
    assert set(ALLOWED_LOCAL_IMPORTS) <= used


def test_module_level_imports_have_no_cycle() -> None:
    assert _find_cycle(_import_graph()) is None


#: Private names other code still imports, and why.
ALLOWED_PRIVATE_IMPORTS: dict[tuple[str, str], str] = {
    ("tests/test_catalog_reader.py", "_parse_with_polib"): (
        "the reference parser the fast reader is compared with, in the reader's own tests"
    ),
    ("benchmarks/bench_matching.py", "_best"): "the baseline rebuilds the matcher's own choice",
}


def _private_imports(path: Path) -> list[str]:
    return [
        alias.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("toolkit")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]


def test_no_private_name_is_imported_from_another_module() -> None:
    """A name with a leading underscore belongs to its module: make it public or move it."""
    root = PACKAGE.parent
    paths = [*PACKAGE.rglob("*.py"), *(root / "tests").glob("*.py")]
    paths += (root / "benchmarks").glob("*.py")
    imported = {
        (str(path.relative_to(root)), name) for path in paths for name in _private_imports(path)
    }
    assert imported - set(ALLOWED_PRIVATE_IMPORTS) == set()
