"""How a glossary grew: concepts per domain before and after, and the glossary at a git revision.

``toolkit glossary stats --against REV`` compares the glossary folder with the same folder at
a git revision (or with another folder). The revision is read with ``git archive`` into a
folder the caller owns (a temporary one), so the comparison loads both sides with the same
loader and counts them the same way.

>>> from toolkit.glossary.model import Concept, Glossary
>>> def g(*pairs): return Glossary([Concept(i, d, {}) for i, d in pairs])
>>> growth_per_domain(g(("a", "places")), g(("a", "places"), ("b", "legal")))
[DomainGrowth(domain='legal', before=0, after=1, added=1, removed=0), \
DomainGrowth(domain='places', before=1, after=1, added=0, removed=0)]
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from toolkit.errors import InputError
from toolkit.glossary.model import Glossary


class DomainGrowth(NamedTuple):
    """One domain's concept count before and after; ``added``/``removed`` count concept ids
    (a concept moved to another domain is removed from one and added to the other)."""

    domain: str
    before: int
    after: int
    added: int
    removed: int


def growth_per_domain(before: Glossary, after: Glossary) -> list[DomainGrowth]:
    """Concepts per domain in ``before`` and ``after``, every domain of either, sorted by name."""
    before_ids = _ids_per_domain(before)
    after_ids = _ids_per_domain(after)
    rows = []
    for domain in sorted(before_ids.keys() | after_ids.keys()):
        old = before_ids.get(domain, set())
        new = after_ids.get(domain, set())
        rows.append(DomainGrowth(domain, len(old), len(new), len(new - old), len(old - new)))
    return rows


def _ids_per_domain(glossary: Glossary) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {}
    for concept in glossary:
        ids.setdefault(concept.domain, set()).add(concept.id)
    return ids


def glossary_at_revision(folder: Path, revision: str, into: Path) -> Path:
    """Write the YAML files of the glossary ``folder`` as they were at git ``revision`` into
    the existing folder ``into``; return ``into``.

    ``folder`` must be inside a git work tree. Raises InputError (one line) when git is not
    installed, ``folder`` is not in a git repository, the revision is unknown, or the folder
    did not exist at that revision.
    """
    git = shutil.which("git")
    if git is None:
        raise InputError(f"--against {revision}: git is not installed (needed to read a revision)")
    inside = _git(git, folder, "rev-parse", "--show-toplevel", "--show-prefix")
    if inside.returncode != 0:
        raise InputError(f"--against {revision}: not in a git repository", path=folder)
    top, _, prefix = inside.stdout.decode("utf-8", "surrogateescape").partition("\n")
    prefix = prefix.strip()
    if revision.startswith("-") or _git(git, folder, "rev-parse", "--verify", "--quiet",
                                        f"{revision}^{{commit}}").returncode != 0:  # fmt: skip
        raise InputError(f"--against {revision}: no such git revision", path=folder)
    tree = f"{revision}:{prefix}" if prefix else f"{revision}^{{tree}}"
    if _git(git, folder, "rev-parse", "--verify", "--quiet", tree).returncode != 0:
        missing = "the glossary folder did not exist at that revision"
        raise InputError(f"--against {revision}: {missing}", path=folder)
    # run from the top: git archive refuses a working directory that it does not track
    archive = _git(git, Path(top), "archive", "--format=tar", tree)
    if archive.returncode != 0:
        message = archive.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"--against {revision}: git archive failed: {' '.join(message[-1:])}")
    _extract_yaml_files(archive.stdout, into)
    return into


def _git(git: str, folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([git, "-C", str(folder), *args], capture_output=True, check=False)


def _extract_yaml_files(tar_bytes: bytes, into: Path) -> None:
    # Only the folder's own YAML files, as glossary_files() reads them: no subfolders, and
    # no member is trusted to name a path (each is written under its plain file name).
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as archive:
        for member in archive.getmembers():
            name = PurePosixPath(member.name)
            if not member.isfile() or len(name.parts) != 1 or name.suffix not in (".yaml", ".yml"):
                continue
            data = archive.extractfile(member)
            if data is not None:
                (into / name.name).write_bytes(data.read())
